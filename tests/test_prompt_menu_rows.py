"""Menus the seventh held-out run missed, from the screen alone: console-menu's framed
numbered rows over ">>", rows naming their own shortcut keys, questionary's select with an
indicator column, and terminal-kit's menus lit by colour alone (a column a blank row under
its question, items side by side on one row, a grid running down its columns)."""

from __future__ import annotations

from shared.protocol import PromptKind
from supervisor.prompts.answer import ENTER, TAB, plan_writes
from supervisor.prompts.detect import Detection, Signals
from tests import prompt_support
from tests.prompt_support import ESC, RAW, READING, labels

DOWN = b"\x1b[B"
COLS = 90  # the rows here are drawn for a terminal this wide


def found(text: str, signals: Signals) -> Detection | None:
    return prompt_support.found(text, signals, cols=COLS)


def must(text: str, signals: Signals) -> Detection:
    return prompt_support.must(text, signals, cols=COLS)


def lit(text: str) -> str:
    return f"{ESC}[7m{text}{ESC}[27m"


def at(row: int, col: int) -> str:
    return f"{ESC}[{row};{col}H"


def framed(lines: list[str]) -> str:
    width = 60
    body = [f"  │{line.ljust(width)}│" for line in lines]
    return "\n".join([f"  ┌{'─' * width}┐", *body, f"  └{'─' * width}┘", "  >> "])


# ---------------------------------------------------------------- numbered rows


def test_framed_rows_numbered_with_a_dash_over_a_bare_prompt_are_a_choice_by_number() -> None:
    rows = ["", "  Cluster tools", "", "    1 - Drain a node", "    2 - Cordon a node"]
    d = must(framed([*rows, "    3 - Exit", "", ""]), READING)
    assert (d.kind, labels(d)) == (PromptKind.CHOICE, ["Drain a node", "Cordon a node", "Exit"])
    assert plan_writes(d, "Cordon a node") == [b"2", ENTER]


def test_a_bare_prompt_under_rows_without_numbers_is_no_choice() -> None:
    d = found(framed(["", "  Cluster tools", "", "    Drain a node", "    Cordon a node"]), READING)
    assert d is None or d.kind is not PromptKind.CHOICE


# ---------------------------------------------------------------- shortcut keys


def test_rows_naming_their_own_shortcut_keys_give_the_label_and_the_key() -> None:
    text = "Release step\n> [t] tag the commit\n  [x] exit\n  [u] upload wheels" + at(2, 1)
    d = must(text, RAW)
    assert labels(d) == ["tag the commit", "exit", "upload wheels"]
    assert [o.key for o in d.options] == ["t", "x", "u"]
    assert plan_writes(d, "u") == plan_writes(d, "upload wheels") == [DOWN, DOWN, ENTER]


def test_rows_whose_bracketed_letters_repeat_keep_them_in_the_label() -> None:
    text = "Pick a file\n> [a] notes.txt\n  [a] notes.bak\n  [b] todo.md" + at(2, 1)
    d = must(text, RAW)
    assert labels(d)[0] == "[a] notes.txt"


# ---------------------------------------------------------------- indicator column


def test_a_pointer_over_empty_round_marks_with_an_arrows_only_hint_is_a_single_choice() -> None:
    text = "? Base image (Use arrow keys)\n   ○ alpine\n » ○ debian\n   ○ ubuntu" + at(1, 30)
    d = must(text, RAW)
    assert (d.kind, labels(d), d.selected_index) == (
        PromptKind.CHOICE,
        ["alpine", "debian", "ubuntu"],
        1,
    )


def test_the_same_rows_under_a_hint_naming_space_stay_a_checkbox_list() -> None:
    hint = "(Use arrow keys to move, <space> to select, <a> to toggle, <i> to invert)"
    text = f"? Base images {hint}\n   ○ alpine\n » ○ debian\n   ○ ubuntu" + at(1, 20)
    assert must(text, RAW).kind is PromptKind.MULTI_CHOICE


# ---------------------------------------------------------------- lit by colour alone


def test_a_column_lit_on_one_row_a_blank_row_under_its_question_is_a_choice() -> None:
    text = "Which shell should open?\n\n" + lit(" zsh ") + "\n bash\n fish" + at(3, 1)
    d = must(text, RAW)
    assert (d.kind, labels(d), d.selected_index, d.select) == (
        PromptKind.CHOICE,
        ["zsh", "bash", "fish"],
        0,
        "arrows",
    )


def test_items_side_by_side_with_one_lit_are_a_choice_tab_cycles_to() -> None:
    text = "Unsaved changes. What now?\n\nKeep  " + lit("Revert") + "  Diff  Cancel" + at(3, 1)
    d = must(text, RAW)
    assert (labels(d), d.selected_index) == (["Keep", "Revert", "Diff", "Cancel"], 1)
    assert plan_writes(d, "Diff") == [TAB, ENTER]
    assert plan_writes(d, "Keep") == [TAB, TAB, TAB, ENTER]  # past the last, back to the first


def test_a_grid_over_two_rows_lists_its_items_down_the_columns() -> None:
    grid = " " + lit("red   ") + "  blue    green\n yellow  cyan"
    d = must("Accent colour:\n\n" + grid + at(3, 1), RAW)
    assert labels(d) == ["red", "yellow", "blue", "cyan", "green"]
    assert plan_writes(d, "cyan") == [TAB, TAB, TAB, ENTER]


def test_items_side_by_side_read_by_a_line_reader_or_without_a_question_are_no_menu() -> None:
    row = "Keep  " + lit("Revert") + "  Diff  Cancel"
    assert found("Unsaved changes. What now?\n\n" + row + at(3, 1), READING) is None
    assert found("Build finished in 3.2 s\n\n" + row + at(3, 1), RAW) is None
