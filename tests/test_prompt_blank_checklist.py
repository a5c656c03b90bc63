"""Checklists drawn like single selects: which menus may be probed with Space, and what
the screen after the probe says (supervisor.prompts.blank_checklist). Pure: screens in,
decisions out."""

from __future__ import annotations

import pytest

from shared.protocol import PromptKind, PromptOption
from supervisor.prompts import PromptError
from supervisor.prompts.blank_checklist import (
    chosen,
    probe_layout,
    read_probe,
    toggle_order,
)
from supervisor.prompts.detect_types import Detection
from supervisor.screen import ScreenSnapshot

LABELS = ("alpha build", "beta build", "gamma build", "delta build")


def screen(*lines: str) -> ScreenSnapshot:
    return ScreenSnapshot(lines=lines, cursor_row=0, cursor_col=0, cols=80, rows=24)


def menu(question: str, *, lit: int = 0, kind: PromptKind = PromptKind.CHOICE) -> Detection:
    options = tuple(
        PromptOption(number=i + 1, label=label, key="enter", selected=i == lit)
        for i, label in enumerate(LABELS)
    )
    return Detection(
        rule="structure.menu",
        kind=kind,
        question=question,
        options=options,
        context=(),
        source="structure:menu",
        confidence=0.85,
        select="arrows",
    )


# InquirerPy's multiselect select: the pointer, a blank marker, the label; a tick draws
# the marker glyph in the blank column.
BARE = screen(
    "? Builds to publish", "❯ alpha build", "  beta build", "  gamma build", "  delta build"
)
BARE_TICKED = screen(
    "? Builds to publish", "❯❯alpha build", "  beta build", "  gamma build", "  delta build"
)
# @inquirer's checkbox with a blank unticked icon: a wider blank column, "*" for a tick.
WIDE = screen(
    "? Builds to publish", "❯  alpha build", "   beta build", "   gamma build", "   delta build"
)


def test_a_menu_of_bare_rows_with_one_pointer_and_nothing_under_it_may_be_probed() -> None:
    layout = probe_layout(menu("? Builds to publish"), BARE)
    assert layout is not None
    assert (layout.rows, layout.label_col, layout.pointer_col) == ((1, 2, 3, 4), 2, 0)


def test_a_tick_drawn_in_the_blank_column_by_space_makes_the_menu_a_checklist() -> None:
    layout = probe_layout(menu("? Builds to publish"), BARE)
    assert layout is not None
    ticks = read_probe(layout, BARE, BARE_TICKED)
    assert ticks is not None and (ticks.col, ticks.glyph) == (1, "❯")
    assert ticks.states(BARE_TICKED) == (True, False, False, False)
    moved = screen(
        "? Builds to publish", " ❯alpha build", "  beta build", "❯❯gamma build", "  delta build"
    )
    assert ticks.states(moved) == (True, False, True, False)
    assert ticks.pointer(moved) == 2


def test_a_wider_blank_icon_column_ticked_with_its_own_glyph_is_read_the_same_way() -> None:
    layout = probe_layout(menu("? Builds to publish"), WIDE)
    assert layout is not None
    after = screen(
        "? Builds to publish", "❯* alpha build", "   beta build", "   gamma build", "   delta build"
    )
    ticks = read_probe(layout, WIDE, after)
    assert ticks is not None and (ticks.col, ticks.glyph) == (1, "*")


def test_a_screen_that_space_left_unchanged_is_a_single_select() -> None:
    layout = probe_layout(menu("? Builds to publish"), BARE)
    assert layout is not None
    assert read_probe(layout, BARE, BARE) is None


def test_a_screen_whose_other_rows_changed_under_space_is_no_checklist() -> None:
    layout = probe_layout(menu("? Builds to publish"), BARE)
    assert layout is not None
    filtered = screen("? Builds to publish", "❯❯alpha build", "  gamma build", "", "")
    assert read_probe(layout, BARE, filtered) is None


def test_a_moved_pointer_is_no_tick() -> None:
    layout = probe_layout(menu("? Builds to publish"), BARE)
    assert layout is not None
    moved = screen(
        "? Builds to publish", "  alpha build", "❯ beta build", "  gamma build", "  delta build"
    )
    assert read_probe(layout, BARE, moved) is None


def test_rows_drawn_with_circles_are_left_to_the_detector() -> None:
    circles = screen(
        "? Builds to publish",
        "❯ ○ alpha build",
        "  ○ beta build",
        "  ○ gamma build",
        "  ○ delta build",
    )
    assert probe_layout(menu("? Builds to publish"), circles) is None


@pytest.mark.parametrize(
    "question",
    ["? Builds to publish › - Use arrow-keys. Return to submit.", "Builds to publish ↑↓"],
)
def test_a_menu_whose_question_line_names_keys_is_never_probed(question: str) -> None:
    shown = screen(question, *BARE.lines[1:])
    assert probe_layout(menu(question), shown) is None


def test_a_menu_with_a_line_under_its_rows_is_never_probed() -> None:
    legend = screen(*BARE.lines, "", "(press q to quit)")
    assert probe_layout(menu("? Builds to publish"), legend) is None


def test_only_a_single_choice_arrow_menu_is_probed() -> None:
    assert probe_layout(menu("? Builds to publish", kind=PromptKind.MULTI_CHOICE), BARE) is None


def test_the_rows_to_toggle_leave_exactly_the_answer_ticked() -> None:
    states = (True, False, False, False)
    assert toggle_order(states, frozenset({1, 3}), 0) == [0, 1, 3]
    assert toggle_order(states, frozenset({0}), 0) == []
    assert toggle_order((False, False, True, False), frozenset({0, 3}), 2) == [2, 3, 0]


def test_an_answer_names_rows_by_label_and_a_label_not_offered_is_refused() -> None:
    layout = probe_layout(menu("? Builds to publish"), BARE)
    assert layout is not None
    assert chosen(layout, "gamma build, alpha build") == frozenset({0, 2})
    with pytest.raises(PromptError):
        chosen(layout, "omega build")
