"""Screen-structure prompts whose labels, keys or focus are easy to get wrong.

Pure: a drawn screen and the terminal's state in, a detection and the planned
keys out. The families the held-out runs found weak: dialog focus that starts
on No, custom button and toggle labels, the literal word "yes", multi-letter
keys, parenthesised paths, described menu items, and a shell at its own prompt.
"""

from __future__ import annotations

import pytest

from shared.protocol import PromptKind
from supervisor.prompts.answer import ENTER, TAB, PromptError, plan_writes
from supervisor.prompts.detect import Signals, detect
from supervisor.prompts.tracker import default_rules
from supervisor.screen import is_faint_style
from supervisor.tty_probe import interactive_argv
from tests.prompt_support import ESC, RAW, READING, found, labels, must, screen

DOWN, RIGHT = b"\x1b[B", b"\x1b[C"


def dialog(body: list[str], buttons: str, *, cursor_on: str | None = None) -> str:
    """A framed dialog; ``cursor_on`` leaves the cursor on that button's first letter."""
    inner = 50
    lines = ["┌" + "─" * inner + "┐"]
    lines += ["│" + row.ljust(inner) + "│" for row in body]
    plain = buttons.replace(f"{ESC}[31m", "").replace(f"{ESC}[32m", "").replace(f"{ESC}[39m", "")
    pad = (inner - len(plain)) // 2
    lines += ["│" + " " * pad + buttons + " " * (inner - len(plain) - pad) + "│"]
    lines += ["└" + "─" * inner + "┘"]
    text = "\n".join(lines)
    if cursor_on is not None:
        row = len(lines) - 1  # 1-based row of the buttons
        col = 2 + pad + plain.index(f"<{cursor_on}") + 1
        text += f"{ESC}[{row};{col + 1}H"
    return text


# ---------------------------------------------------------------- dialog focus


def test_focus_on_no_is_read_from_the_cursor_and_yes_tabs_to_yes_first() -> None:
    d = must(dialog([" Erase all local changes?", ""], "<Yes>        <No>", cursor_on="No"), RAW)
    assert (d.kind, labels(d), d.selected_index) == (PromptKind.YES_NO, ["Yes", "No"], 1)
    assert plan_writes(d, "yes", canonical=False) == [TAB, ENTER]
    assert plan_writes(d, "no", canonical=False) == [ENTER]


def test_a_dialog_whose_focus_the_screen_does_not_show_is_refused_not_guessed() -> None:
    # Both buttons coloured, the cursor elsewhere: which one has the focus is unknown.
    buttons = f"{ESC}[31m<Yes>{ESC}[39m        {ESC}[32m<No>{ESC}[39m"
    d = must(dialog([" Open port 22 to everyone?", ""], buttons), RAW)
    assert d.selected_index is None
    with pytest.raises(PromptError, match="focus"):
        plan_writes(d, "yes", canonical=False)


# ---------------------------------------------------------------- custom labels


def test_two_custom_buttons_are_a_yes_no_whose_yes_is_the_affirmative_one() -> None:
    body = [" Partition /dev/sdb now?", ""]
    d = must(dialog(body, "<Continue>   <Back>", cursor_on="Continue"), RAW)
    assert (d.kind, labels(d)) == (PromptKind.YES_NO, ["Continue", "Back"])
    assert plan_writes(d, "no", canonical=False) == [TAB, ENTER]
    assert plan_writes(d, "Continue", canonical=False) == [ENTER]
    body = [" Send statistics?", ""]
    keep = must(dialog(body, "<Share>  <Keep private>", cursor_on="Share"), RAW)
    assert plan_writes(keep, "yes", canonical=False) == [ENTER]


def test_three_labelled_buttons_are_a_choice_and_key_names_are_never_buttons() -> None:
    buttons = "< Publish > < Later > < Abort >"
    d = must(dialog([" Publish 2.4.0?", ""], buttons, cursor_on=" Publish"), RAW)
    assert (d.kind, labels(d)) == (PromptKind.CHOICE, ["Publish", "Later", "Abort"])
    assert plan_writes(d, "Abort", canonical=False) == [TAB, TAB, ENTER]
    assert found(dialog([" Keys", ""], "<Tab> next   <Enter> open"), RAW) is None


def test_a_two_word_line_choice_of_yes_and_no_meanings_is_yes_no() -> None:
    d = must("Proceed with the migration? [continue/abort]: ", READING)
    assert (d.kind, labels(d)) == (PromptKind.YES_NO, ["continue", "abort"])
    assert plan_writes(d, "yes") == [b"continue", ENTER]
    three = must("Deploy now? (continue, back, abort): ", READING)
    assert (three.kind, labels(three)) == (PromptKind.CHOICE, ["continue", "back", "abort"])


def test_toggles_with_custom_labels_keep_them() -> None:
    clack = must("│\n◆  Deploy the preview build?\n│  ● Deploy / ○ Cancel\n└\n", RAW)
    assert (clack.kind, labels(clack), clack.selected_index) == (
        PromptKind.YES_NO,
        ["Deploy", "Cancel"],
        0,
    )
    prompts = must("? Proceed with the rebase? › abort / continue", RAW)
    assert (prompts.kind, labels(prompts)) == (PromptKind.YES_NO, ["abort", "continue"])
    assert plan_writes(prompts, "continue", canonical=False)[0] == RIGHT


# ---------------------------------------------------------------- typed words and keys


@pytest.mark.parametrize(
    ("line", "word"),
    [
        ("Type 'yes' to continue: ", "yes"),
        ('Are you sure? Type "yes" to confirm: ', "yes"),
        ("Really wipe /dev/sdb? Type yes or no: ", "yes"),
        ("Enter 'yes' to confirm the upgrade: ", "yes"),
    ],
)
def test_a_prompt_that_wants_the_word_yes_types_exactly_that_word(line: str, word: str) -> None:
    d = must(line, READING)
    assert (d.kind, labels(d)) == (PromptKind.YES_NO, [word, "no"])
    assert plan_writes(d, "approve") == [word.encode(), ENTER]
    assert plan_writes(d, "n") == [b"no", ENTER]


@pytest.mark.parametrize(
    "line",
    [
        "Type YES (all capitals) to proceed: ",
        "Type YES in capitals to wipe the device: ",
        "Enter DELETE to drop the table: ",
    ],
)
def test_a_word_demanded_in_capitals_is_a_text_field_typed_exactly(line: str) -> None:
    d = must(line, READING)
    assert d.kind is PromptKind.TEXT
    assert plan_writes(d, "YES") == [b"YES", ENTER]


@pytest.mark.parametrize(
    ("line", "expected", "keys"),
    [
        ("Overwrite build/out.txt? [y/n/a/q] ", ["y", "n", "a", "q"], ["y", "n", "a", "q"]),
        ("Apply this change [Y/n/e/d/?] ", ["Y", "n", "e", "d", "?"], ["y", "n", "e", "d", "?"]),
        ("Overwrite? [y]es, [n]o, [a]ll, [q]uit: ", ["yes", "no", "all", "quit"], list("ynaq")),
        ("zsh: correct 'gti' to 'git' [nyae]? ", ["n", "y", "a", "e"], list("nyae")),
    ],
)
def test_multi_letter_key_prompts_list_every_key(
    line: str, expected: list[str], keys: list[str]
) -> None:
    d = must(line, READING)
    assert (d.kind, labels(d), [o.key for o in d.options]) == (PromptKind.CHOICE, expected, keys)


def test_an_expand_prompt_lists_its_letters_and_types_one() -> None:
    d = must("? Conflict on src/index.js: (Yadxh)", RAW)
    assert labels(d) == ["Y", "a", "d", "x", "h"]
    assert plan_writes(d, "x", canonical=False)[0] == b"x"
    name = found("? Author (Alice)", RAW)  # a default in parentheses, not keys
    assert name is None or name.kind is PromptKind.TEXT


# ---------------------------------------------------------------- parentheses


@pytest.mark.parametrize(
    "line",
    [
        "Install into (/opt/tools/bin)? ",
        "Enter file in which to save the key (/home/alice/.ssh/id_ed25519): ",
        "Output directory (./dist/build): ",
        "Release date (YYYY/MM/DD): ",
        "Patch (src/app.py)? ",
        "Cooling ramp (°C/h): ",
        "Upload limit (MB/s): ",
        "Cruising speed (km/h): ",
    ],
)
def test_a_path_or_format_in_parentheses_is_no_list_of_options(line: str) -> None:
    d = must(line, READING)
    assert (d.kind, d.options) == (PromptKind.TEXT, ())


def test_a_path_before_yes_no_markers_leaves_a_yes_no_and_real_lists_stay_lists() -> None:
    d = must("Overwrite (/etc/foo.conf)? [y/N] ", READING)
    assert (d.kind, labels(d)) == (PromptKind.YES_NO, ["Yes", "No"])
    formats = must("Report format (json/yaml/toml): ", READING)
    assert (formats.kind, labels(formats)) == (PromptKind.CHOICE, ["json", "yaml", "toml"])
    billing = must("Bill the client per (hour/day): ", READING)  # words, not a unit
    assert (billing.kind, labels(billing)) == (PromptKind.CHOICE, ["hour", "day"])


# ---------------------------------------------------------------- described menus


def test_a_description_line_under_a_menu_is_not_an_option() -> None:
    text = (
        "? Which instance size? (Use arrow keys)\n"
        "   small\n   medium\n » large\n  Description: 16 vCPU"
    )
    d = must(text, RAW)
    assert labels(d) == ["small", "medium", "large"]
    below = (
        "? Which package manager?\n❯ npm\n  pnpm\n  yarn\n"
        "\nbundled with Node.js\n↑↓ navigate • ⏎ select"
    )
    assert labels(must(below, RAW)) == ["npm", "pnpm", "yarn"]


def test_a_second_column_and_a_hint_on_the_highlighted_row_are_not_part_of_labels() -> None:
    columns = (
        "? Which suite? \n"
        "❯ fast     skip slow tests\n  full     everything\n  smoke    health checks"
    )
    assert labels(must(columns, RAW)) == ["fast", "full", "smoke"]
    # clack draws a hint dim after the highlighted label.
    hint = f"{ESC}[2m(recommended){ESC}[22m"
    first = must(f"◆  Pick a type.\n│  ● TypeScript {hint}\n│  ○ JavaScript\n└", RAW)
    fast = f"{ESC}[2m(fast){ESC}[22m"
    moved = must(f"◆  Pick a type.\n│  ○ TypeScript\n│  ● JavaScript {fast}\n└", RAW)
    assert labels(first) == labels(moved) == ["TypeScript", "JavaScript"]
    assert first.fingerprint == moved.fingerprint  # the same prompt while the highlight moves


def test_words_in_parentheses_drawn_like_the_highlighted_label_are_part_of_it() -> None:
    text = (
        f"? Build profile\n{ESC}[36m» debug (fast, no checks){ESC}[0m\n  release\n  bench{ESC}[2;1H"
    )
    d = must(text, RAW)
    assert labels(d) == ["debug (fast, no checks)", "release", "bench"]


def test_a_dialog_menu_of_word_tags_lists_the_tags_the_program_returns() -> None:
    body = [
        " Choose the database engine:",
        "",
        f"    {ESC}[7mpostgres PostgreSQL 16, recommended{ESC}[27m",
        "    mysql    MySQL 8.0, for legacy apps",
        "    sqlite   SQLite, single file",
    ]
    d = must(dialog(body, "<Ok>      <Cancel>"), RAW)
    assert (d.kind, labels(d)) == (PromptKind.CHOICE, ["postgres", "mysql", "sqlite"])
    assert plan_writes(d, "sqlite", canonical=False) == [DOWN, DOWN, ENTER]


# ---------------------------------------------------------------- shells and REPLs


def test_a_shell_at_its_own_prompt_is_never_a_question() -> None:
    shell = Signals(echo_off=True, canonical=False, interactive=True)
    assert found("ready? ", shell) is None
    assert found("ready? ", RAW) is not None  # the same text from a program that asks


@pytest.mark.parametrize(
    "screen_text",
    [
        "Query console. Which table? Type a query.\nsql? ",
        "Ledger REPL 0.3 (Ctrl-D leaves)\nledger: ",
        'Inventory 2.1. Type "help" for the commands.\ninv? ',
    ],
)
def test_a_bare_one_word_prompt_under_a_console_banner_asks_nothing(screen_text: str) -> None:
    assert found(screen_text, RAW) is None
    assert found(screen_text, READING) is None


@pytest.mark.parametrize(
    "screen_text",
    [
        "Setting up your profile.\nName? ",
        "Checks passed.\nready? ",
        "Query console. Type a query.\nWhich table should the console open? ",
    ],
)
def test_a_short_question_without_a_console_banner_or_in_a_sentence_is_still_asked(
    screen_text: str,
) -> None:
    d = found(screen_text, READING)
    assert d is not None and d.kind is PromptKind.TEXT


@pytest.mark.parametrize(
    ("argv", "interactive"),
    [
        (["bash", "--norc", "--noprofile", "-i"], True),
        (["-bash"], True),
        (["zsh"], True),
        (["python3", "-q"], True),
        (["python3", "-q", "-i", "-c", "import sys"], True),
        (["node"], True),
        (["bash", "deploy.sh"], False),
        (["bash", "-c", "read -p 'ok? ' x"], False),
        (["/usr/bin/python3", "tool.py", "--yes"], False),
        (["node", "cli.mjs"], False),
        (["python3", "-m", "pip", "install", "x"], False),
        (["whiptail", "--yesno", "Continue?", "8", "40"], False),
    ],
)
def test_a_shell_or_interpreter_is_interactive_only_without_a_script_or_command(
    argv: list[str], interactive: bool
) -> None:
    assert interactive_argv(argv) is interactive


def test_a_hint_drawn_faint_after_each_label_is_not_part_of_it() -> None:
    faint = f"{ESC}[2m"
    text = (
        "? Choose a release channel\n"
        f"▸ {ESC}[36mstable{ESC}[39m {faint}tested for a month{ESC}[22m\n"
        f"  beta {faint}new features{ESC}[22m\n"
        f"  nightly {faint}built every night{ESC}[22m"
    )
    assert labels(must(text, RAW)) == ["stable", "beta", "nightly"]


def test_faint_text_has_a_style_of_its_own_and_a_truecolour_two_is_not_faint() -> None:
    # CSI > 4;2 m (xterm's modifyOtherKeys) is no colour: it must not make text faint.
    snap = screen(f"a{ESC}[2mb{ESC}[22mc{ESC}[38;2;1;2;3md{ESC}[>4;2me").snapshot()
    style = snap.style_of(0)
    assert [is_faint_style(c) for c in style] == [False, True, False, False, False]


def test_a_typed_yes_in_a_tui_field_is_a_yes_no_and_in_capitals_an_exact_text() -> None:
    clack = must("│\n◆  Type yes to wipe the staging database\n│  _\n└\n", RAW)
    assert (clack.kind, labels(clack)) == (PromptKind.YES_NO, ["yes", "no"])
    assert plan_writes(clack, "y", canonical=False)[0] == b"yes"
    box = must(dialog([" Type YES to drop the table:", "", " " + "_" * 40], "<Ok>  <Cancel>"), RAW)
    assert (box.kind, labels(box)) == (PromptKind.TEXT, [])


def test_a_numbered_list_with_a_description_column_lists_the_names() -> None:
    text = "  1) postgres   - PostgreSQL 16\n  2) mysql      - MySQL 8.0\nEngine [1-2]: "
    assert labels(must(text, READING)) == ["postgres", "mysql"]


def test_a_yes_no_group_with_a_third_word_is_a_choice_of_all_three() -> None:
    d = must("Replace the vendored copy? (yes/no/all) ", READING)
    assert (d.kind, labels(d)) == (PromptKind.CHOICE, ["yes", "no", "all"])
    assert plan_writes(d, "all") == [b"all", ENTER]


@pytest.mark.parametrize(
    "line",
    ["Install to (default: /usr/local/app): ", "Mirror (https://pypi.example/simple): "],
)
def test_a_default_or_an_address_in_parentheses_is_no_list_either(line: str) -> None:
    assert must(line, READING).options == ()


def test_a_stalled_progress_bar_with_a_reader_is_no_choice() -> None:
    bar = "Processing:  40%|████      | 4/10 [00:03<00:07, 1.00it/s]"
    d = found(bar, READING)
    assert d is None or d.kind is not PromptKind.CHOICE


def test_button_labels_may_hold_punctuation() -> None:
    d = must(dialog([" Reset the cache?", ""], "<Yes, reset>  <No>", cursor_on="Yes"), RAW)
    assert (d.kind, labels(d)) == (PromptKind.YES_NO, ["Yes, reset", "No"])


def test_a_request_on_the_row_above_a_bare_input_glyph_is_its_question() -> None:
    d = must("Describe the change in one line (it becomes the release note)\n> ", RAW)
    assert (d.kind, d.question) == (
        PromptKind.TEXT,
        "Describe the change in one line (it becomes the release note)",
    )
    assert must("Explain why the release is rolled back:\n> ", READING).kind is PromptKind.TEXT


def test_a_bare_input_glyph_under_output_a_banner_or_an_agent_asks_nothing() -> None:
    assert found("42\n> ", RAW) is None
    assert found('Scratch console. Enter "exit()" to leave.\n> ', RAW) is None
    under_agent = detect(
        screen("Would you like me to apply these edits?\n> ").snapshot(),
        default_rules(),
        family="aider",
        signals=RAW,
    )
    assert under_agent is None
