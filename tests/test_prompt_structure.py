"""Detection by the screen's structure, and the answers it plans: pure, no PTYs.

Screens are drawn with the escape sequences the real libraries use (colours,
reverse video, box drawing) and rendered by the real terminal model; the OS
signals are passed in as the probe would report them.
"""

from __future__ import annotations

import pytest

from shared.protocol import PromptKind
from supervisor.prompts.answer import CHECKPOINT, ENTER, SPACE, TAB, choose_many, plan_writes
from supervisor.prompts.detect import Signals, detect
from supervisor.prompts.tracker import default_rules
from tests.prompt_support import ESC, NOBODY, RAW, READING, found, labels, must, screen

DOWN, UP, RIGHT = b"\x1b[B", b"\x1b[A", b"\x1b[C"


def cyan(text: str) -> str:
    return f"{ESC}[36m{text}{ESC}[39m"


# ---------------------------------------------------------------- menus


def test_a_pointer_menu_from_a_prompt_library_is_a_choice_answered_with_arrows() -> None:
    question = "? Which database should we use? (Use arrow keys)"
    text = f"{question}\n{cyan('❯ PostgreSQL')}\n  MySQL\n  SQLite"
    d = must(text + f"{ESC}[1;49H", RAW)
    assert (d.kind, labels(d), d.selected_index) == (
        PromptKind.CHOICE,
        ["PostgreSQL", "MySQL", "SQLite"],
        0,
    )
    assert d.question == "Which database should we use?"
    assert d.source == "structure:menu"
    assert plan_writes(d, "SQLite", canonical=False) == [DOWN, DOWN, ENTER]


def test_checkboxes_are_a_multi_choice_toggled_with_space_then_submitted() -> None:
    rows = ["Linting", "Testing", "Docker", "CI pipeline"]
    text = (
        "? Select the features to enable\n"
        + "\n".join(("❯◯ " if i == 0 else " ◯ ") + label for i, label in enumerate(rows))
        + "\n\n↑↓ navigate • space select • ⏎ submit"
    )
    d = must(text, RAW)
    assert (d.kind, labels(d)) == (PromptKind.MULTI_CHOICE, rows)
    assert plan_writes(d, "Testing, Docker", canonical=False) == [DOWN, SPACE, DOWN, SPACE, ENTER]


def test_the_highlight_drawn_only_in_colour_is_the_one_row_drawn_differently() -> None:
    # enquirer draws every box as a tick, dim grey while unchecked.
    text = "? Select the features to enable …\n" + "\n".join(
        f"{ESC}[2;90m✔{ESC}[0m " + (cyan(label) if i == 1 else label)
        for i, label in enumerate(["Linting", "Testing", "Docker"])
    )
    d = must(text + f"{ESC}[1;36H", RAW)
    assert d.kind is PromptKind.MULTI_CHOICE and d.selected_index == 1
    assert plan_writes(d, "Docker", canonical=False) == [DOWN, SPACE, ENTER]


def test_a_numbered_menu_is_answered_with_its_number_and_enter_only_if_still_asked() -> None:
    text = "? Which database should we use? 1\n  1) PostgreSQL\n  2) MySQL\n  3) SQLite"
    d = must(text + f"{ESC}[1;34H", RAW)
    assert d.question == "Which database should we use?"
    assert plan_writes(d, "SQLite", canonical=False) == [b"3", CHECKPOINT, ENTER]


def test_a_numbered_list_with_a_selection_line_is_a_choice_typed_by_number() -> None:
    text = "Pick a deployment target\n  1) staging\n  2) production\n  3) canary\n"
    text += "Choose from [1/2/3] (1): "
    d = must(text, READING)
    assert (d.kind, labels(d), d.source) == (
        PromptKind.CHOICE,
        ["staging", "production", "canary"],
        "structure:numbered",
    )
    assert plan_writes(d, "canary") == [b"3", ENTER]


def test_bash_select_default_prompt_without_words_takes_the_question_above_the_list() -> None:
    d = must("Which database should we use?\n1) PostgreSQL\n2) MySQL\n#? ", READING)
    assert (d.question, labels(d)) == ("Which database should we use?", ["PostgreSQL", "MySQL"])


def test_bracketed_numbers_in_columns_are_the_options_of_the_line_below() -> None:
    d = must("Editor?\n[1] vim    [2] nano    [3] emacs\nSelect [1/2/3]: ", READING)
    assert (d.kind, labels(d)) == (PromptKind.CHOICE, ["vim", "nano", "emacs"])
    assert plan_writes(d, "nano") == [b"2", ENTER]


def test_bash_select_with_its_own_hash_prompt_is_a_choice_typed_by_number() -> None:
    d = must("Snapshots of vol-7:\n1) snap-a\n2) snap-b\n3) Exit\n#> ", READING)
    assert (d.kind, d.question, labels(d)) == (
        PromptKind.CHOICE,
        "Snapshots of vol-7:",
        ["snap-a", "snap-b", "Exit"],
    )
    assert plan_writes(d, "snap-b") == [b"2", ENTER]


def test_a_checkbox_list_whose_labels_are_only_signs_is_a_multi_choice() -> None:
    text = "? Mount points to back up\n❯ ○ /\n  ○ /home\n  ○ /var"
    d = must(text + f"{ESC}[1;27H", RAW)
    assert (d.kind, labels(d), d.checked) == (
        PromptKind.MULTI_CHOICE,
        ["/", "/home", "/var"],
        (False, False, False),
    )


def test_a_qmark_drawn_like_a_pointer_with_a_hint_after_it_is_the_question() -> None:
    text = "» Release channel (Use arrow keys)\n ➤ stable\n   beta\n   nightly"
    d = must(text + f"{ESC}[1;35H", RAW)
    assert (d.kind, d.question, labels(d)) == (
        PromptKind.CHOICE,
        "Release channel",
        ["stable", "beta", "nightly"],
    )


def test_a_disabled_row_the_arrows_pass_over_is_no_option() -> None:
    text = "? Region (Use arrow keys)\n » eu-west\n   - eu-north (full)\n   us-east\n   ap-south"
    d = must(text + f"{ESC}[1;25H", RAW)
    assert labels(d) == ["eu-west", "us-east", "ap-south"]
    assert plan_writes(d, "ap-south", canonical=False) == [DOWN, DOWN, ENTER]


def test_a_menu_in_a_titled_frame_starts_below_the_frame_top() -> None:
    frame = ["╭─ Printer ───────╮", "│ Print quality?  │"]
    frame += [f"│   {m} {label}".ljust(18) + "│" for m, label in [("◉", "Draft"), ("◯", "Photo")]]
    d = must("\n".join([*frame, "╰─────────────────╯"]), RAW)
    assert (d.kind, d.question, labels(d), d.selected_index) == (
        PromptKind.CHOICE,
        "Print quality?",
        ["Draft", "Photo"],
        0,
    )


def test_a_dashed_group_name_between_checkboxes_is_no_option() -> None:
    text = (
        "? Linters to run\n❯◯ ruff\n ◯ mypy\n -- slow --\n ◯ pylint\n\n↑↓ navigate • space select"
    )
    d = must(text, RAW)
    assert (labels(d), d.checked) == (["ruff", "mypy", "pylint"], (False, False, False))


@pytest.mark.parametrize(
    "line",
    [
        "Hit RETURN when the lamp is green ",
        "Hit <Enter> once the upload ends ",
        "Press [Enter] to continue or Ctrl-C to abort...",
        "Hit return to open the diff viewer (meld): ",
    ],
)
def test_a_line_asking_to_hit_or_press_enter_is_press_enter(line: str) -> None:
    assert must(line, READING).kind is PromptKind.PRESS_ENTER


def test_a_key_legend_of_several_key_action_pairs_is_not_a_question() -> None:
    legend = "d: Drop job? (y/n)    r: retry    ?: help    x: exit"
    assert found(legend, RAW) is None
    assert must("d: Drop job? (y/n) ", RAW).kind is PromptKind.YES_NO


# ---------------------------------------------------------------- boxed dialogs


def dialog_box(body: list[str], buttons: str, width: int = 50) -> str:
    inner = width - 2
    lines = ["┌" + "─" * inner + "┐"]
    lines += ["│" + row.ljust(inner) + "│" for row in body]
    lines += ["│" + buttons.center(inner) + "│", "└" + "─" * inner + "┘"]
    return "\n".join(lines)


def test_a_boxed_yes_no_dialog_is_answered_by_moving_the_button_focus() -> None:
    buttons = f"{ESC}[7m<Yes>{ESC}[27m      <No>"
    d = must(dialog_box([" Do you want to continue?", ""], buttons), RAW)
    assert (d.kind, labels(d), d.selected_index) == (PromptKind.YES_NO, ["Yes", "No"], 0)
    assert d.question == "Do you want to continue?"
    assert plan_writes(d, "no", canonical=False) == [TAB, ENTER]
    assert plan_writes(d, "yes", canonical=False) == [ENTER]


def test_a_dialog_menu_in_a_nested_box_lists_every_item_and_moves_from_the_highlight() -> None:
    body = [
        " Which database should we use?",
        " ┌──────────────────────────────────────────────┐",
        f" │     {ESC}[7m1  PostgreSQL{ESC}[27m                            │",
        " │     2  MySQL                                 │",
        " │     3  SQLite                                │",
        " └──────────────────────────────────────────────┘",
    ]
    d = must(dialog_box(body, "<  OK  >   <Cancel>"), RAW)
    assert (d.kind, labels(d)) == (PromptKind.CHOICE, ["PostgreSQL", "MySQL", "SQLite"])
    assert plan_writes(d, "SQLite", canonical=False) == [DOWN, DOWN, ENTER]


def test_dec_line_drawing_from_ncurses_renders_as_box_characters() -> None:
    model = screen(f"{ESC}(0lqqk{ESC}(B ok\n{ESC}(0x{ESC}(B  x")
    assert model.snapshot().lines[:2] == ("┌──┐ ok", "│  x")


def test_a_radio_list_dialog_selects_with_space_and_prompt_toolkit_needs_tab_to_reach_ok() -> None:
    body = [" Select the license", "", " (*) MIT", " ( ) Apache-2.0", " ( ) GPL-3.0"]
    tight = must(dialog_box(body, "<Ok>      <Cancel>"), RAW)
    assert plan_writes(tight, "GPL-3.0", canonical=False) == [DOWN, DOWN, SPACE, ENTER]
    padded = must(dialog_box(body, "<    Ok    > <  Cancel  >"), RAW)
    assert plan_writes(padded, "GPL-3.0", canonical=False) == [DOWN, DOWN, SPACE, TAB, ENTER]


def test_an_ok_only_box_is_press_enter_and_an_ok_cancel_box_without_a_list_is_an_input() -> None:
    notice = must(dialog_box([" Installation complete.", ""], "<Ok>"), RAW)
    assert (notice.kind, labels(notice)) == (PromptKind.PRESS_ENTER, ["Ok"])
    field = must(dialog_box([" Project name:", "", " " + "_" * 40], "<Ok>    <Cancel>"), RAW)
    assert (field.kind, field.question) == (PromptKind.TEXT, "Project name:")
    secret = must(dialog_box([" Database password:", "", " " + "_" * 40], "<Ok>    <Cancel>"), RAW)
    assert secret.kind is PromptKind.SECRET


def test_a_dialogs_input_field_gets_a_second_enter_only_while_the_dialog_stays() -> None:
    # prompt_toolkit's input dialog moves to Ok on the first Enter; whiptail's closes.
    field = must(dialog_box([" Upstream URL:", "", " " + "_" * 40], "<Ok>    <Cancel>"), RAW)
    assert plan_writes(field, "https://x", canonical=False) == [
        b"https://x",
        ENTER,
        CHECKPOINT,
        ENTER,
    ]


# ---------------------------------------------------------------- line prompts


@pytest.mark.parametrize(
    ("line", "keys"),
    [
        ("Do you want to continue? [Y/n] ", ["y", "n"]),
        ("Overwrite the existing config file? [y/n] (n): ", ["y", "n"]),
        ("Would you like to install them? (yes/no) [yes]: ", ["yes", "no"]),
    ],
)
def test_yes_no_markers_at_the_cursor_of_a_line_reader_are_yes_no(
    line: str, keys: list[str]
) -> None:
    d = must(line, READING)
    assert d.kind is PromptKind.YES_NO and [o.key for o in d.options] == keys


def test_inline_choices_are_options_typed_by_label() -> None:
    d = must("Pick a deployment target (staging, production, local preview): ", READING)
    assert labels(d) == ["staging", "production", "local preview"]
    assert plan_writes(d, "local preview") == [b"local preview", ENTER]


def test_a_question_wrapped_over_two_rows_is_read_whole() -> None:
    question = "This will permanently delete 42 files from the build cache; are you sure? [y/N] "
    d = must(question, READING, cols=40)
    assert d.kind is PromptKind.YES_NO and d.question.startswith("This will permanently delete")


def test_a_text_question_above_a_coloured_banner_is_found_at_the_cursor() -> None:
    text = f"{ESC}[44m  create-demo v2.1  {ESC}[0m\nProject name: "
    d = must(text, READING)
    assert (d.kind, d.question) == (PromptKind.TEXT, "Project name:")
    assert plan_writes(d, "") == [ENTER]  # accept the default


def test_a_prefilled_field_in_raw_mode_is_text_accepted_with_enter() -> None:
    d = must("Branch name: feature/login", RAW)
    assert d.kind is PromptKind.TEXT and plan_writes(d, "", canonical=False) == [ENTER]


def test_a_raw_mode_yes_no_key_may_answer_alone_so_enter_waits_behind_a_checkpoint() -> None:
    d = must("? Overwrite the existing config file? (y/N)", RAW)
    assert plan_writes(d, "yes", canonical=False) == [b"y", CHECKPOINT, ENTER]


def test_a_toggle_presses_the_arrow_toward_the_chosen_word_unless_it_is_highlighted() -> None:
    text = f"? Enable telemetry? › {ESC}[4;36mno{ESC}[0m / yes"
    d = must(text, RAW)
    assert (d.kind, labels(d), d.selected_index) == (PromptKind.YES_NO, ["no", "yes"], 0)
    assert plan_writes(d, "yes", canonical=False) == [RIGHT, ENTER]
    assert plan_writes(d, "no", canonical=False) == [ENTER]


def test_a_clack_style_field_and_toggle_below_an_active_question_are_found() -> None:
    field = must("│\n◆  Project name\n│  _\n└\n", RAW)
    assert (field.kind, field.question) == (PromptKind.TEXT, "Project name")
    toggle = must("│\n◆  Do you want to continue?\n│  ● Yes / ○ No\n└\n", RAW)
    assert (toggle.kind, toggle.selected_index) == (PromptKind.YES_NO, 0)


# ---------------------------------------------------------------- look-alikes


@pytest.mark.parametrize(
    "text",
    [
        "The installer will ask: Do you want to continue? [Y/n] ",
        "Resolving conflicts for package lock (y/n)? ",
        "usage: deploy [--password PASSWORD]\nPassword:",
    ],
)
def test_a_question_at_the_cursor_is_not_a_prompt_when_nobody_reads_the_terminal(
    text: str,
) -> None:
    assert found(text, NOBODY) is None


@pytest.mark.parametrize(
    "line", ["In [1]: ", "sqlite> ", "irb(main):001:0> ", "(gdb) ", "alice@box:~/proj$ ", ">>> "]
)
def test_repl_and_shell_prompts_wait_for_input_but_ask_nothing(line: str) -> None:
    assert found(line, READING) is None
    assert found(line, RAW) is None


def test_a_numbered_list_with_a_glyph_in_printed_output_is_not_a_menu_without_a_reader() -> None:
    text = "Here are the options I found:\n❯ 1. Rename the module\n  2. Keep the old name\n"
    assert found(text, NOBODY) is None


def test_an_answered_question_above_a_shell_prompt_is_not_pending() -> None:
    assert found("? Which database should we use? SQLite\n$ ", RAW) is None


# ---------------------------------------------------------------- answers


def test_a_checkbox_answer_names_one_label_or_several_separated_by_commas() -> None:
    d = must("? Pick\n❯◯ a, b\n ◯ c\n ◯ d\n\nspace select", RAW)
    assert choose_many(d.options, "a, b") == [0]  # a label that contains a comma
    assert choose_many(d.options, "d, 2") == [2, 1]
    assert choose_many(d.options, "") == []


def test_an_agents_idle_input_box_between_rules_is_not_a_menu() -> None:
    rule = "─" * 60
    footer = "  ⏸ manual mode on · ? for shortcuts"
    text = f" ~/proj\n{' ' * 40}◐ medium · /effort\n{rule}\n❯ \n{rule}\n{footer}"
    assert detect(screen(text).snapshot(), default_rules(), family="claude", signals=RAW) is None


def test_a_raw_mode_monitor_sleeping_between_redraws_is_not_a_menu() -> None:
    text = (
        "load-mon 1.2   up 4s   [q]uit? read-only\n\n"
        "  #  HOST     CPU\n  0  db-1     12%\n❯ 1  db-2     40%\n  2  web-1     3%\n"
    )
    sleeping = Signals(echo_off=True, canonical=False, elsewhere=True)
    assert found(text, sleeping) is None
    # The same rows drawn by a program that reads its keys now stay a menu.
    assert found("? Which host?\n  db-1\n❯ db-2\n  web-1\n", RAW) is not None
