"""Menus, dialogs and lists told apart by structure: a select drawing radio circles,
buttons whose label overflows them, a search line above a checklist. Pure.

Screens are drawn with the glyphs the real libraries use and rendered by the real
terminal model; the live programs are in the prompt corpus (``cases_dev15b.py``).
"""

from __future__ import annotations

from shared.protocol import PromptKind
from tests.prompt_support import RAW, found, labels, must

RADIOS = (
    "? Colour scheme for the dashboards (Use arrow keys)\n"
    "   ○ Solarized\n"
    " » ○ Nord\n"
    "   ● Gruvbox\n"
    "   ○ Dracula\n"
)


def test_a_select_with_one_filled_circle_and_an_arrows_only_legend_is_a_choice() -> None:
    d = must(RADIOS, RAW)
    assert d.kind is PromptKind.CHOICE
    assert labels(d) == ["Solarized", "Nord", "Gruvbox", "Dracula"]
    assert d.selected_index == 1  # the pointer, not the filled default


def test_a_select_with_only_empty_circles_and_an_arrows_only_legend_is_a_choice() -> None:
    d = must(RADIOS.replace("●", "○"), RAW)
    assert d.kind is PromptKind.CHOICE


def test_two_filled_circles_make_a_checklist_whatever_the_legend_says() -> None:
    d = must(RADIOS.replace("○ Solarized", "● Solarized"), RAW)
    assert d.kind is PromptKind.MULTI_CHOICE


def test_circles_under_a_legend_naming_space_are_a_checklist() -> None:
    text = RADIOS.replace(
        "(Use arrow keys)", "(Use arrow keys to move, <space> to select, <a> to toggle)"
    )
    d = must(text, RAW)
    assert d.kind is PromptKind.MULTI_CHOICE
    assert d.checked == (False, False, True, False)


def framed(buttons: str) -> str:
    width = 60
    return "\n".join(
        [
            "┌" + "─" * width + "┐",
            "│ Two remotes disagree about the release tag.".ljust(width + 1) + "│",
            "│" + " " * width + "│",
            ("│   " + buttons).ljust(width + 1) + "│",
            "└" + "─" * width + "┘",
        ]
    )


def test_a_button_whose_label_overflows_its_width_is_still_a_button() -> None:
    d = must(framed("<   Keep   > <Push theirs <  Abort   >"), RAW)
    assert d.kind is PromptKind.CHOICE
    assert labels(d) == ["Keep", "Push theirs", "Abort"]


def test_an_unclosed_bracket_narrower_or_wider_than_the_buttons_is_no_button() -> None:
    # "<Push" is no button: its width differs from the row's buttons' one width.
    assert must(framed("<   Keep   > <  Abort   >"), RAW).kind is PromptKind.YES_NO
    assert found(framed("<   Keep   > <Push <  Abort   >"), RAW) is None
