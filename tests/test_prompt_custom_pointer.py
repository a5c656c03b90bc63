"""Menus whose pointer is the program's own choice (a sign, an emoji, a word) read as
menus, and rows that only look like one stay what they are. Pure.

Screens are drawn as questionary, InquirerPy and @inquirer/prompts draw them; the live
programs are in the prompt corpus (``cases_dev18a.py``).
"""

from __future__ import annotations

from shared.protocol import PromptKind
from tests.prompt_support import RAW, READING, found, labels, must

DRAWERS = (
    "? Which drawer should be scanned first? (Use arrow keys)\n"
    "   Ferns\n"
    " {p} Mosses\n"
    "   Lichens\n"
    "   Grasses\n"
)


def test_a_pointer_glyph_the_reader_does_not_know_still_marks_the_highlighted_row() -> None:
    d = must(DRAWERS.format(p="➜"))
    assert d.kind is PromptKind.CHOICE
    assert labels(d) == ["Ferns", "Mosses", "Lichens", "Grasses"]
    assert d.selected_index == 1


def test_an_emoji_pointer_over_radio_circles_is_a_choice() -> None:
    text = (
        "? Cheese to turn this morning (Use arrow keys)\n"
        " 👉 ○ cheddar truckle\n"  # questionary pads the other rows by one cell per char
        "   ○ wensleydale\n"
        "   ○ blue stilton\n"
    )
    d = must(text)
    assert d.kind is PromptKind.CHOICE
    assert labels(d) == ["cheddar truckle", "wensleydale", "blue stilton"]
    assert d.selected_index == 0


def test_a_word_as_pointer_marks_its_row_when_the_other_rows_leave_its_gutter_blank() -> None:
    text = (
        "? Bell method for Sunday service (Use arrow keys)\n"
        "    Plain Bob\n"
        "    Grandsire\n"
        " go Stedman\n"
        "    Kent Treble Bob\n"
    )
    d = must(text)
    assert d.kind is PromptKind.CHOICE
    assert labels(d) == ["Plain Bob", "Grandsire", "Stedman", "Kent Treble Bob"]
    assert d.selected_index == 2


def test_a_pair_of_signs_as_pointer_under_a_navigate_legend_is_a_choice() -> None:
    text = "? Glaze for the test tiles\n=> celadon\n   tenmoku\n   shino\n↑↓ navigate • ⏎ select\n"
    d = must(text)
    assert d.kind is PromptKind.CHOICE
    assert labels(d) == ["celadon", "tenmoku", "shino"]


def test_a_wide_pointer_whose_label_sits_a_cell_right_of_the_others_is_still_a_pointer() -> None:
    # @inquirer/prompts pads the other rows by two cells whatever the cursor's width.
    text = "? Tide table to print\n=> Dover\n  Harwich\n  Lowestoft\n\n↑↓ navigate • ⏎ select\n"
    d = must(text)
    assert d.kind is PromptKind.CHOICE
    assert labels(d) == ["Dover", "Harwich", "Lowestoft"]
    assert d.selected_index == 0


def test_a_marked_row_under_a_title_with_no_key_hint_and_no_question_mark_is_no_menu() -> None:
    text = "Last run asked:\nMooring for the ketch\n   pontoon A\n ~ pontoon B\n   harbour wall\n"
    d = found(text)
    assert d is None or d.kind is not PromptKind.CHOICE


def test_a_menu_printed_by_a_line_reader_is_not_read_as_one() -> None:
    assert found(DRAWERS.format(p="➜") + "Done.\n", READING) is None


def test_an_indented_paragraph_with_one_outdented_word_is_no_menu() -> None:
    text = (
        "Notes (Use arrow keys to scroll)\n   the rota is fixed\nto be read aloud\n   on Sunday\n"
    )
    d = found(text, RAW)
    assert d is None or d.kind is not PromptKind.CHOICE


def test_a_box_or_a_tree_line_before_a_group_of_a_grouped_checklist_is_no_pointer() -> None:
    text = (
        "◆  Services to restart\n"
        "│  ◻ Web\n"
        "│  │ ◻ nginx\n"
        "│  └ ◻ varnish\n"
        "│  ◻ Data\n"
        "│  │ ◻ postgres\n"
        "│  │ ◻ redis\n"
        "│  └ ◻ kafka\n"
        "│  ↑/↓ to navigate • Space: select\n"
        "└\n"
    )
    # Drawn without styles, nothing marks a highlight: no menu, and no pointer invented.
    assert found(text) is None
