"""Letter keys in prose, numbered columns and tables, separators, pick's pointer, expand
keys and values after a bare question: pure screens in, a prompt and its keys out.

Screens are drawn with the escape sequences the libraries use and rendered by the real
terminal model; the OS signals are passed in as the probe reports them.
"""

from __future__ import annotations

import asyncio
import re

import pytest

from shared.protocol import ErrorCode, PromptKind
from supervisor import answering
from supervisor.answering import Answerer
from supervisor.prompts.answer import CHECKPOINT, ENTER, SPACE, PromptError, plan_writes
from supervisor.prompts.detect import Detection, Signals, detect
from supervisor.prompts.paging import PARTIAL_NOTE, PageSearch, rows_out_of_view
from supervisor.prompts.prefill import KILL_LINE, prefilled
from supervisor.prompts.tracker import PromptTracker, default_rules
from supervisor.screen import TerminalModel
from tests.prompt_support import ESC, RAW, READING, labels, must

DOWN = b"\x1b[B"


def model(text: str) -> TerminalModel:
    m = TerminalModel(cols=80, rows=24)
    m.feed(text.replace("\n", "\r\n").encode())
    return m


def keys(d: Detection) -> list[str]:
    return [o.key for o in d.options]


def bold(text: str) -> str:
    return f"{ESC}[1m{text}{ESC}[0m"


def test_letter_keys_written_in_prose_are_a_choice_typed_by_their_letter() -> None:
    d = must("Conflict in db.yml. [o]verwrite it / [k]eep both copies / [a]bort: ", READING)
    assert (d.kind, labels(d), keys(d)) == (
        PromptKind.CHOICE,
        ["overwrite it", "keep both copies", "abort"],
        ["o", "k", "a"],
    )
    assert plan_writes(d, "keep both copies") == [b"k", ENTER]


def test_letter_keys_followed_by_to_take_what_follows_as_their_label() -> None:
    d = must("Hit [s] to sync now, [l] to sync later: ", READING)
    assert (labels(d), keys(d)) == (["sync now", "sync later"], ["s", "l"])


def test_letters_differing_only_in_case_keep_their_case() -> None:
    d = must("overwrite notes.txt? [y]es, [n]o, [A]ll, [N]one, [r]ename: ", READING)
    assert keys(d) == ["y", "n", "A", "N", "r"]


def test_a_sentence_between_bracketed_letters_is_not_a_list_of_keys() -> None:
    d = must("Note [a] is old. Then [b] happened. Go on? ", READING)
    assert d.kind is not PromptKind.CHOICE


def test_choices_followed_by_their_default_are_a_choice_of_those_words() -> None:
    d = must("Cipher (aes, chacha, none) [aes]: ", READING)
    assert (d.kind, labels(d), d.question) == (
        PromptKind.CHOICE,
        ["aes", "chacha", "none"],
        "Cipher",
    )


def test_yes_or_no_in_words_is_answered_with_the_whole_word() -> None:
    d = must("Wipe the scratch disk? (yes/no) ", READING)
    assert (d.kind, keys(d)) == (PromptKind.YES_NO, ["yes", "no"])
    assert plan_writes(d, "y") == [b"yes", ENTER]


def test_y_or_n_and_a_note_after_the_keys_are_still_a_yes_no_question() -> None:
    assert must("Purge the queue (y or n)? ", READING).kind is PromptKind.YES_NO
    d = must("Restart now? [y/N] (no in 30 seconds) ", Signals())
    assert (d.kind, keys(d)) == (PromptKind.YES_NO, ["y", "n"])


def test_a_numbered_table_above_a_number_prompt_gives_the_labels() -> None:
    table = (
        "┏━━━┳━━━━━━━━━┓\n┃ # ┃ Host    ┃\n┡━━━╇━━━━━━━━━┩\n"
        "│ 1 │ alpha   │\n│ 2 │ bravo   │\n│ 3 │ charlie │\n└───┴─────────┘\n"
    )
    d = must(table + "Host number [1/2/3]: ", READING)
    assert (d.kind, labels(d), keys(d)) == (
        PromptKind.CHOICE,
        ["alpha", "bravo", "charlie"],
        ["1", "2", "3"],
    )
    assert plan_writes(d, "bravo") == [b"2", ENTER]


def test_numbered_commands_in_columns_make_the_line_below_a_choice() -> None:
    text = "  1: fetch          2: rebase         3: push\n  4: quit\nNext>"
    d = must(text, READING)
    assert (d.kind, labels(d)) == (PromptKind.CHOICE, ["fetch", "rebase", "push", "quit"])
    assert plan_writes(d, "push") == [b"3", ENTER]


def test_a_separator_between_options_is_skipped_and_not_counted_by_the_arrows() -> None:
    text = f"? Size\n{ESC}[36m❯ tiny{ESC}[0m\n  small\n  ---------------\n  large{ESC}[2;1H"
    d = must(text, RAW)
    assert (d.kind, labels(d)) == (PromptKind.CHOICE, ["tiny", "small", "large"])
    assert plan_writes(d, "large", canonical=False) == [DOWN, DOWN, ENTER]


def test_picks_star_pointer_and_round_boxes_are_a_checkbox_list() -> None:
    text = "Regions (SPACE to mark):\n\n* ( ) north\n  ( ) south\n  (x) west"
    d = must(text, RAW)
    assert (d.kind, labels(d), d.checked) == (
        PromptKind.MULTI_CHOICE,
        ["north", "south", "west"],
        (False, False, True),
    )
    assert plan_writes(d, "north, west", canonical=False) == [SPACE, ENTER]


def test_a_star_bullet_whose_rows_do_not_line_up_is_not_a_pointer() -> None:
    text = "Notes:\n\n* first point\n    indented detail\n  second line"
    assert detect(model(text).snapshot(), default_rules(), signals=RAW) is None


def test_expand_keys_drawn_apart_from_the_question_are_its_answers() -> None:
    text = f"? {bold('Cache is stale')} {ESC}[2m(kwh){ESC}[0m"
    d = must(text, RAW)
    assert (d.kind, keys(d)) == (PromptKind.CHOICE, ["k", "w", "h"])
    assert plan_writes(d, "w", canonical=False) == [b"w", CHECKPOINT, ENTER]


def test_a_short_word_in_parentheses_drawn_like_the_question_is_not_expand_keys() -> None:
    d = must(f"? {bold('Login shell (fish)')}", RAW)
    assert d.kind is PromptKind.TEXT


def test_lettered_rows_under_a_question_are_a_choice_typed_by_letter() -> None:
    text = "◆  Build failed. Next?\n│   r  Retry\n│   s  Skip\n└\n"
    d = must(text, RAW)
    assert (d.kind, labels(d), keys(d)) == (PromptKind.CHOICE, ["Retry", "Skip"], ["r", "s"])
    assert plan_writes(d, "Skip", canonical=False) == [b"s", CHECKPOINT, ENTER]


def test_a_value_drawn_apart_from_a_question_without_separator_is_a_prefilled_field() -> None:
    text = f"{ESC}[33m?{ESC}[0m {bold('Image tag')} {ESC}[36mstable{ESC}[0m"
    m = model(text)
    d = must(text, RAW)
    assert (d.kind, d.question) == (PromptKind.TEXT, "Image tag")
    field = prefilled(m.snapshot(), canonical=False)
    assert field is not None and field.value == "stable"
    assert plan_writes(d, "edge", field=field)[:2] == [KILL_LINE, b"edge"]


def test_a_field_named_a_key_that_unlocks_something_is_a_secret() -> None:
    d = must("? Deploy API key ", RAW)
    assert d.kind is PromptKind.SECRET


@pytest.mark.parametrize("question", ["? 2FA code from your phone ", "? Authenticator code "])
def test_a_field_asking_for_a_one_time_sign_in_code_is_a_secret(question: str) -> None:
    assert must(question, RAW).kind is PromptKind.SECRET
    assert must("? Postal code ", RAW).kind is PromptKind.TEXT


def test_a_toggle_with_labels_of_several_words_selects_the_one_not_faint() -> None:
    text = f"? Go live? ‣ {ESC}[2mStay private{ESC}[0m / {ESC}[36;4mGo public{ESC}[0m"
    d = must(text, RAW)
    assert (d.kind, labels(d), d.selected_index) == (
        PromptKind.YES_NO,
        ["Stay private", "Go public"],
        1,
    )


def test_a_separator_glyph_drawn_apart_after_the_question_is_no_value() -> None:
    text = f"{ESC}[32m?{ESC}[0m {bold('Project name')} {ESC}[90m›{ESC}[0m"
    assert prefilled(model(text).snapshot(), canonical=False) is None


def test_a_list_numbered_from_zero_is_answered_with_the_number_shown() -> None:
    text = (
        "  Selection    Path                 Priority\n"
        "* 0            /usr/bin/vim.basic   30\n"
        "  1            /usr/bin/nano        40\n\n"
        "Type selection number: "
    )
    d = must(text, READING)
    assert (labels(d), keys(d)) == (["/usr/bin/vim.basic", "/usr/bin/nano"], ["0", "1"])
    assert plan_writes(d, "1") == [b"1", ENTER]
    assert plan_writes(d, "/usr/bin/vim.basic") == [b"0", ENTER]


def test_a_fuzzy_finders_search_line_is_neither_an_option_nor_the_question() -> None:
    text = "? Pick a tag\n❯   3/3\n❯ v1\n  v2\n  v3" + f"{ESC}[2;2H"
    d = must(text, RAW)
    assert (d.kind, d.question, labels(d)) == (PromptKind.CHOICE, "Pick a tag", ["v1", "v2", "v3"])
    assert plan_writes(d, "v3", canonical=False) == [DOWN, DOWN, ENTER]


def test_yes_written_in_another_language_is_typed_as_the_program_shows_it() -> None:
    d = must("¿Borrar los registros? [S/n] ", READING)
    assert (d.kind, keys(d)) == (PromptKind.YES_NO, ["s", "n"])
    assert plan_writes(d, "yes") == [b"s", ENTER]


def test_of_two_dialog_menu_rows_the_one_in_the_focused_buttons_colours_is_selected() -> None:
    rev, blue, off = f"{ESC}[7m", f"{ESC}[34m", f"{ESC}[0m"
    width = 40

    def boxed(inner: str, shown: int) -> str:
        return "│ " + inner + " " * (width - 4 - shown) + " │"

    lines = [
        "┌" + "─" * (width - 2) + "┐",
        boxed("Pick a channel.", 15),
        boxed(f"{rev}stable{off}  {rev}Released builds{off}", 23),
        boxed(f"{blue}edge{off}    Nightly builds", 22),
        "├" + "─" * (width - 2) + "┤",
        boxed(f"  <{rev}  OK  {off}>   <Cancel>", 20),
        "└" + "─" * (width - 2) + "┘",
    ]
    d = must("\n".join(lines) + f"{ESC}[6;6H", RAW)
    assert (d.kind, labels(d), d.selected_index) == (PromptKind.CHOICE, ["stable", "edge"], 0)
    assert plan_writes(d, "edge", canonical=False) == [DOWN, ENTER]


def test_an_edit_block_with_merge_markers_is_no_separator_menu() -> None:
    # aider's reply, its cursor on the empty input line below the block.
    text = (
        "Here is the new file.\n\nhello.py\n"
        "<<<<<<< SEARCH\n=======\nprint('hello')\n>>>>>>> REPLACE\n\n"
    )
    assert detect(model(text).snapshot(), default_rules(), signals=RAW) is None


def test_separator_titles_between_checkbox_rows_are_neither_options_nor_the_question() -> None:
    text = (
        "? Mirrors to sync (<space> to select)\n   ━━ europe ━━\n » ○ frankfurt\n   ● paris\n"
        f"   ── asia ──\n   ○ tokyo{ESC}[3;1H"
    )
    d = must(text, RAW)
    assert d.question.startswith("Mirrors to sync")  # not a separator title
    assert (d.kind, labels(d), d.checked) == (
        PromptKind.MULTI_CHOICE,
        ["frankfurt", "paris", "tokyo"],
        (False, True, False),
    )
    assert plan_writes(d, "frankfurt, paris", canonical=False) == [SPACE, ENTER]
    # The arrows skip the titles: tokyo is two rows down from frankfurt.
    assert plan_writes(d, "paris, tokyo", canonical=False).count(DOWN) == 2


def test_a_question_followed_only_by_its_default_answer_is_a_yes_no_question() -> None:
    d = must("Old config found.  Replace it? [y] ", READING)
    assert (d.kind, d.question, keys(d)) == (
        PromptKind.YES_NO,
        "Old config found.  Replace it?",
        ["y", "n"],
    )
    d = must("Ready to publish.\nLooks right? (no) ", READING)
    assert (d.kind, d.question, keys(d)) == (PromptKind.YES_NO, "Looks right?", ["yes", "no"])


def test_a_console_prompt_word_in_parentheses_is_not_a_default_answer() -> None:
    assert detect(model("(venv) ").snapshot(), default_rules(), signals=READING) is None


def test_a_starred_default_in_a_numbered_list_above_a_number_prompt_is_a_choice() -> None:
    text = "Editor to use:\n   1) nano\n   2) vim\n * 3) code\nEditor [3]: "
    d = must(text, Signals(blocked_on_read=True, canonical=True))
    assert (d.kind, labels(d), keys(d)) == (
        PromptKind.CHOICE,
        ["nano", "vim", "code"],
        ["1", "2", "3"],
    )
    assert plan_writes(d, "vim") == [b"2", ENTER]


def test_a_paged_lists_more_rows_mark_is_neither_an_option_nor_a_hint() -> None:
    text = (
        "│\n◆  Nearest mirror\n│  ○ Lisbon\n│  ● Madrid\n│  ○ Milan\n│  ...\n"
        f"│  ↑/↓ to navigate • Enter: confirm\n└\n{ESC}[9;1H"  # clack leaves the cursor below
    )
    d = must(text, RAW)
    assert (d.kind, d.question, labels(d)) == (
        PromptKind.CHOICE,
        "Nearest mirror",
        ["Lisbon", "Madrid", "Milan"],
    )


# ---------------------------------------------------------------- autocomplete and bullet lists


def test_a_search_field_between_the_question_and_its_list_is_not_an_option() -> None:
    text = (
        "│\n◆  Package manager\n│\n│  Search: _\n│  ● npm\n│  ○ pnpm\n│  ○ yarn\n"
        "│  ↑/↓ to select • Enter: confirm • Type: to search\n└"
    )
    d = must(text, RAW)
    assert (d.kind, d.question, labels(d)) == (
        PromptKind.CHOICE,
        "Package manager",
        ["npm", "pnpm", "yarn"],
    )


def test_unmarked_rows_under_a_question_with_one_lit_are_a_menu() -> None:
    text = f"? Deploy region …\n{ESC}[36;4mus-east-1{ESC}[0m\nus-west-2\neu-central-1{ESC}[1;18H"
    d = must(text, RAW)
    assert (d.kind, labels(d), d.selected_index) == (
        PromptKind.CHOICE,
        ["us-east-1", "us-west-2", "eu-central-1"],
        0,
    )
    assert plan_writes(d, "eu-central-1") == [DOWN, DOWN, ENTER]


def test_unmarked_rows_with_nothing_lit_or_no_question_are_text() -> None:
    plain = "? Deploy region …\nus-east-1\nus-west-2\neu-central-1\x1b[1;18H"
    found = detect(model(plain).snapshot(), default_rules(), signals=RAW)
    assert found is None or found.kind is PromptKind.TEXT
    log = f"{ESC}[7mus-east-1 ok{ESC}[0m\nus-west-2 ok\neu-central-1 ok\n"
    assert detect(model(log).snapshot(), default_rules(), signals=RAW) is None


def test_a_dot_against_a_label_is_the_pointer_of_a_bullet_menu() -> None:
    d = must(f"Editor theme? \n{ESC}[7m●solarized{ESC}[0m\n monokai\n nord{ESC}[2;1H", RAW)
    assert (labels(d), d.selected_index) == (["solarized", "monokai", "nord"], 0)


def test_ticks_against_labels_are_a_checklist_whose_bare_rows_are_unchecked() -> None:
    text = (
        "Git hooks to install (Space ticks, Enter when done):\n"
        f"√pre-commit\n{ESC}[7m commit-msg{ESC}[0m\n pre-push{ESC}[3;1H"
    )
    d = must(text, RAW)
    assert (d.kind, labels(d), d.checked) == (
        PromptKind.MULTI_CHOICE,
        ["pre-commit", "commit-msg", "pre-push"],
        (True, False, False),
    )
    assert plan_writes(d, "pre-commit, pre-push") == [DOWN, SPACE, ENTER]


def _box(rows: list[str]) -> str:
    """``rows`` inside a whiptail-like frame, 40 cells wide."""
    top, bottom = "┌" + "─" * 38 + "┐", "└" + "─" * 38 + "┘"
    return "\n".join([top, *[f"│{r}{' ' * (38 - _cells(r))}│" for r in rows], bottom])


def _cells(text: str) -> int:
    return len(re.sub(r"\x1b\[[0-9;]*m", "", text))


def test_a_dialog_menu_without_tags_lists_its_indented_lit_rows() -> None:
    text = _box(
        [
            " Time zone for the server:",
            "",
            f"     {ESC}[7mCoordinated Universal Time{ESC}[0m",
            "     Central European Time",
            "     Japan Standard Time",
            "",
            "     <Ok>          <Cancel>",
        ]
    )
    d = must(text, RAW)
    assert (d.kind, d.question, labels(d), d.selected_index) == (
        PromptKind.CHOICE,
        "Time zone for the server:",
        ["Coordinated Universal Time", "Central European Time", "Japan Standard Time"],
        0,
    )
    assert plan_writes(d, "Japan Standard Time") == [DOWN, DOWN, ENTER]


def test_indented_lines_of_a_message_with_nothing_lit_are_no_menu() -> None:
    text = _box(
        [" Name of the new host:", "", "     letters and digits", "     at most 20", ""]
        + ["     <Ok>          <Cancel>"]
    )
    assert must(text, RAW).kind is PromptKind.TEXT


def test_a_menus_title_above_and_status_bar_below_are_not_options() -> None:
    text = (
        f"Release 4.2 is built\n{ESC}[1m> {ESC}[34mstaging{ESC}[0m\n  canary\n  production\n"
        f"{ESC}[7mPress q to leave without deploying{ESC}[0m{ESC}[2;1H"
    )
    d = must(text, RAW)
    assert (d.question, labels(d), d.selected_index) == (
        "Release 4.2 is built",
        ["staging", "canary", "production"],
        0,
    )


def test_a_grouped_checklist_offers_its_items_and_counts_its_titles_when_moving() -> None:
    dim = f"{ESC}[2m"
    text = (
        "│\n◆  Services to restart\n"
        f"│  ◻ Web\n│  │ ◻ {dim}nginx{ESC}[0m\n│  └ ◻ {dim}varnish{ESC}[0m\n"
        f"│  ◻ {dim}Data{ESC}[0m\n│  │ ◻ {dim}postgres{ESC}[0m\n│  └ ◻ {dim}kafka{ESC}[0m\n"
        "│  ↑/↓ to navigate • Space: select • Enter: confirm\n└\n"
    )
    d = must(text, RAW)
    assert (d.kind, labels(d), d.checked) == (
        PromptKind.MULTI_CHOICE,
        ["nginx", "varnish", "postgres", "kafka"],
        (False, False, False, False),
    )
    # From the title "Web" (row 0): varnish is row 2, kafka row 5 ("Data" sits between).
    assert plan_writes(d, "varnish, kafka") == [DOWN, DOWN, SPACE, DOWN, DOWN, DOWN, SPACE, ENTER]


def test_a_menu_of_a_yes_row_and_a_no_row_is_a_yes_no_whose_echo_is_no_part_of_it() -> None:
    first = must("Delete the 3 stale branches? (Y/N)\n  Yes\n> No\n\n(enter to confirm)", RAW)
    moved = must("Delete the 3 stale branches? (Y/N) Yes\n> Yes\n  No\n\n(enter to confirm)", RAW)
    assert (first.kind, labels(first), first.selected_index) == (
        PromptKind.YES_NO,
        ["Yes", "No"],
        1,
    )
    assert moved.fingerprint == first.fingerprint and moved.selected_index == 0


def test_a_question_over_a_glyph_field_and_an_enter_hint_is_a_text_field() -> None:
    d = must("Artifact directory\n> dist/\n\n(enter to confirm)", RAW)
    assert (d.kind, d.question) == (PromptKind.TEXT, "Artifact directory")
    assert plan_writes(d, "") == [ENTER]
    assert must("Registry password\n>\n\n(enter to confirm)", RAW).kind is PromptKind.SECRET


# ---------------------------------------------------------------- paged lists: rows out of view

PLANETS = ["Mercury", "Venus", "Earth", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune"]


class PagedSelect:
    """An @inquirer-style select showing ``size`` rows of ``labels`` around the active one;
    the arrows wrap when ``loop``, else stop at the ends. Drawn into a real terminal model."""

    def __init__(self, labels: list[str], *, size: int = 4, active: int = 0, loop: bool = True):
        self.labels, self.size, self.active, self.loop = labels, size, active, loop
        self.top = max(0, min(active, len(labels) - size))
        self.model = TerminalModel(cols=80, rows=24)
        self.output = asyncio.Event()
        self.draw()

    def draw(self) -> None:
        rows = ["? Probe destination"]
        for n in range(self.top, self.top + self.size):
            label = self.labels[n % len(self.labels)]
            rows.append(f"{ESC}[36m❯ {label}{ESC}[0m" if n == self.active else f"  {label}")
        rows += ["", "↑↓ navigate • ⏎ select"]
        self.model.feed(
            f"{ESC}[2J{ESC}[H{chr(10).join(rows)}{ESC}[1;20H".replace("\n", "\r\n").encode()
        )

    async def write(self, data: bytes) -> int:
        step = {b"\x1b[B": 1, b"\x1b[A": -1}.get(data, 0)
        moved = self.active + step
        if self.loop:
            moved %= len(self.labels)
        self.active = max(0, min(moved, len(self.labels) - 1))
        if not self.top <= self.active < self.top + self.size:
            self.top = self.active if step < 0 else self.active - self.size + 1
        self.draw()
        self.output.set()  # what the session's reader does on output
        return len(data)

    def answerer(self, family: str = "generic") -> tuple[Answerer, str]:
        tracker = PromptTracker("session-paged", family)
        prompt = tracker.observe(self.model.snapshot(), 0.0, 10.0, signals=RAW)
        assert prompt is not None and prompt.kind is PromptKind.CHOICE
        answerer = Answerer(
            tracker,
            snapshot=self.model.snapshot,
            quiet_for=lambda: 10.0,
            output=self.output,
            application_cursor=lambda: False,
            exited=lambda: False,
        )
        return answerer, prompt.prompt_id


def _shown(labels: list[str], active: int) -> Detection:
    text = "? Probe destination\n" + "\n".join(
        f"❯ {label}" if n == active else f"  {label}" for n, label in enumerate(labels)
    )
    return must(text + f"\n\n↑↓ navigate • ⏎ select{ESC}[1;20H", RAW)


def test_a_label_out_of_view_is_searched_downward_until_it_is_highlighted() -> None:
    search = PageSearch("Neptune")
    assert search.step(_shown(PLANETS[:4], 0)).key == "down"
    assert search.step(_shown(PLANETS[4:8], 2)).key == "down"  # in view: walk onto it
    assert search.step(_shown(PLANETS[4:8], 3)).action == "found"


def test_a_label_never_shown_is_refused_after_a_full_turn_with_the_rows_seen() -> None:
    search = PageSearch("Pluto")
    views = [(PLANETS[:4], 0), (PLANETS[:4], 1), (PLANETS[1:5], 3), (PLANETS[:4], 0)]
    steps = [search.step(_shown(rows, at)) for rows, at in views]
    assert [s.action for s in steps] == ["move", "move", "move", "give_up"]
    assert "after a full turn" in steps[-1].reason and "Jupiter" in steps[-1].reason


def test_a_list_that_does_not_wrap_is_searched_up_after_its_bottom_then_refused() -> None:
    search = PageSearch("Pluto")
    bottom = _shown(PLANETS[4:8], 3)
    assert search.step(bottom).key == "down"
    assert search.step(bottom).key == "up"  # the arrow moved nothing: the bottom
    assert search.step(_shown(PLANETS[4:8], 2)).key == "up"
    top = _shown(PLANETS[:4], 0)
    assert search.step(top).key == "up"
    give_up = search.step(top)
    assert give_up.action == "give_up" and "both ends" in give_up.reason


def test_a_search_stops_after_its_bound_of_moves() -> None:
    search = PageSearch("Pluto", max_moves=2)
    steps = [search.step(_shown(PLANETS[n : n + 4], 3)) for n in range(3)]
    assert [s.action for s in steps] == ["move", "move", "give_up"]
    assert "after 2 moves" in steps[-1].reason


def test_a_more_rows_mark_under_a_menu_says_its_options_are_partial() -> None:
    text = (
        "│\n◆  Nearest mirror\n│  ○ Lisbon\n│  ● Madrid\n│  ○ Milan\n│  ...\n"
        f"│  ↑/↓ to navigate • Enter: confirm\n└\n{ESC}[9;1H"
    )
    snapshot = model(text).snapshot()
    assert rows_out_of_view(must(text, RAW), snapshot)
    prompt = PromptTracker("session-partial").observe(snapshot, 0.0, 10.0, signals=RAW)
    assert prompt is not None and prompt.context[-1] == PARTIAL_NOTE
    whole = "│\n◆  Nearest mirror\n│  ○ Lisbon\n│  ● Madrid\n└\n" + f"{ESC}[6;1H"
    assert not rows_out_of_view(must(whole, RAW), model(whole).snapshot())
    inquirer = "? Colour\n❯ red\n  green\n(Move up and down to reveal more choices)"
    assert rows_out_of_view(must(inquirer, RAW), model(inquirer).snapshot())
    counted = "? Colour\n❯ red\n  green\n  ↓ 3 more"
    assert rows_out_of_view(must(counted, RAW), model(counted).snapshot())


async def test_an_answer_out_of_view_scrolls_the_list_and_selects_it() -> None:
    paged = PagedSelect(PLANETS)
    answerer, prompt_id = paged.answerer()
    async with asyncio.timeout(5):
        sent = await answerer.type_answer(prompt_id, "Neptune", paged.write)
    assert sent[-1] == ENTER and PLANETS[paged.active] == "Neptune"


async def test_an_answer_above_the_default_of_a_list_that_does_not_wrap_is_found_upward(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(answering, "HIGHLIGHT_WAIT", 0.2)  # the arrow at the bottom draws nothing
    paged = PagedSelect(PLANETS, active=5, loop=False)
    answerer, prompt_id = paged.answerer()
    async with asyncio.timeout(5):
        sent = await answerer.type_answer(prompt_id, "Venus", paged.write)
    assert sent[-1] == ENTER and PLANETS[paged.active] == "Venus"


async def test_an_answer_no_row_of_the_list_matches_is_refused_without_selecting() -> None:
    paged = PagedSelect(PLANETS)
    answerer, prompt_id = paged.answerer()
    with pytest.raises(PromptError) as caught:
        async with asyncio.timeout(5):
            await answerer.type_answer(prompt_id, "Pluto", paged.write)
    assert caught.value.code is ErrorCode.INVALID_ANSWER
    assert "after a full turn of the list" in str(caught.value)
    assert paged.active == 0  # a full turn leaves the highlight where it was


async def test_a_refused_search_walks_the_highlight_back_to_where_it_started(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(answering, "HIGHLIGHT_WAIT", 0.2)  # an arrow at an end draws nothing
    paged = PagedSelect(PLANETS, active=5, loop=False)
    answerer, prompt_id = paged.answerer()
    with pytest.raises(PromptError) as caught:
        async with asyncio.timeout(10):
            await answerer.type_answer(prompt_id, "Pluto", paged.write)
    assert "after both ends of the list" in str(caught.value)
    assert PLANETS[paged.active] == "Saturn"  # a later Enter picks what it would have


async def test_a_coding_agents_menu_is_never_scrolled_for_an_answer_it_does_not_offer() -> None:
    paged = PagedSelect(PLANETS)
    answerer, prompt_id = paged.answerer("claude")
    with pytest.raises(PromptError) as caught:
        await answerer.type_answer(prompt_id, "Pluto", paged.write)
    assert "matches none of the options" in str(caught.value) and paged.active == 0
