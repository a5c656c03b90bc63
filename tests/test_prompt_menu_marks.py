"""Menus read by their marks, not by the words of their labels: a column of circles with
several filled is a checklist (a radio column fills one), and a label that names a key
("Space Gray") is no key legend, so a single-choice list stays one."""

from __future__ import annotations

from shared.protocol import PromptKind
from tests.prompt_support import ESC, RAW, labels, must

CYAN_UNDERLINED = f"{ESC}[36m{ESC}[4m"
PLAIN = f"{ESC}[39m{ESC}[24m"
GREEN_DOT = f"{ESC}[32m◉{ESC}[39m"


def _checklist(rows: list[tuple[bool, str]], lit: int) -> str:
    drawn = []
    for n, (ticked, label) in enumerate(rows):
        box = GREEN_DOT if ticked else "◯"
        text = f"{CYAN_UNDERLINED}{label}{PLAIN}" if n == lit else label
        drawn.append(f"{box}   {text}")
    return f"{ESC}[36m?{ESC}[39m {ESC}[1mPackages to keep installed{ESC}[22m › \n" + "\n".join(
        drawn
    )


def test_circles_with_two_filled_and_no_legend_are_a_checklist_with_their_states() -> None:
    rows = [(True, "curl"), (False, "htop"), (True, "jq"), (False, "tmux")]
    d = must(_checklist(rows, lit=1), RAW)
    assert d.kind is PromptKind.MULTI_CHOICE
    assert d.question == "Packages to keep installed"
    assert labels(d) == ["curl", "htop", "jq", "tmux"]
    assert d.checked == (True, False, True, False)
    assert d.selected_index == 1


def test_a_checklist_whose_last_row_is_ticked_is_not_read_as_a_field_asking_that_row() -> None:
    rows = [(False, "alpha"), (True, "beta"), (True, "gamma")]
    d = must(_checklist(rows, lit=0), RAW)
    assert d.kind is PromptKind.MULTI_CHOICE
    assert d.question != "gamma"
    assert d.checked == (False, True, True)


def test_a_radio_column_with_one_filled_circle_stays_a_single_choice() -> None:
    screen = (
        "? Log level (Use arrow keys)\n"
        "  ○ debug\n"
        f"{ESC}[36m❯ ● info{ESC}[39m\n"
        "  ○ warning\n"
        "  ○ error"
    )
    d = must(screen, RAW)
    assert d.kind is PromptKind.CHOICE
    assert labels(d) == ["debug", "info", "warning", "error"]


def _pointer_list(question: str, items: list[str]) -> str:
    rows = [f"{ESC}[36m❯{ESC}[39m   {CYAN_UNDERLINED}{items[0]}{PLAIN}"]
    rows += [f"    {label}" for label in items[1:]]
    return f"{ESC}[36m?{ESC}[39m {ESC}[1m{question}{ESC}[22m › \n" + "\n".join(rows)


def test_a_label_naming_the_space_key_does_not_make_a_pointer_list_a_checklist() -> None:
    d = must(_pointer_list("Wallpaper", ["Aurora", "Deep Space", "Dunes", "Forest"]), RAW)
    assert d.kind is PromptKind.CHOICE
    assert labels(d) == ["Aurora", "Deep Space", "Dunes", "Forest"]
    assert d.selected_index == 0


def test_a_legend_naming_space_under_the_same_list_still_makes_it_a_checklist() -> None:
    screen = _pointer_list("Wallpapers", ["Aurora", "Deep Space", "Dunes"]).replace(
        " › \n", " › - Space to select. Return to submit\n", 1
    )
    d = must(screen, RAW)
    assert d.kind is PromptKind.MULTI_CHOICE
