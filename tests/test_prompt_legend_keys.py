"""Checkbox lists whose key legend names other keys than Space: reading the legend,
and the answers planned from it. Pure, no PTYs: screens drawn with the glyphs and
colours the real libraries use, rendered by the real terminal model. The live programs
are in the prompt corpus (``cases_dev12c.py``).
"""

from __future__ import annotations

import pytest

from shared.protocol import PromptKind
from supervisor.prompts.answer import ENTER, SPACE, plan_writes
from supervisor.prompts.structure_legend import names_toggle, ticks_with_arrows
from tests.prompt_support import ESC, must

DOWN, UP, RIGHT, LEFT = b"\x1b[B", b"\x1b[A", b"\x1b[C", b"\x1b[D"


def cyan(text: str) -> str:
    return f"{ESC}[36m{text}{ESC}[0m"


@pytest.mark.parametrize(
    ("legend", "toggles", "arrows"),
    [
        ("[filter: type | move: ↑↓ | pick: → all: →→ | unpick: ← all: ←←]", False, True),
        ("(Press <Ctrl+A> to toggle all, <Left/Right> to toggle, <Return> to submit)", True, True),
        ("(Press <space> to select, <a> to toggle all, <i> to invert selection)", True, False),
        ("→ to select · ← to deselect · enter to finish", False, True),
        ("Enable telemetry? (toggle with arrows)", False, False),
        ("Pick a region", False, False),
    ],
)
def test_a_legend_says_whether_rows_toggle_and_whether_the_arrows_tick_them(
    legend: str, toggles: bool, arrows: bool
) -> None:
    assert (names_toggle(legend), ticks_with_arrows(legend)) == (toggles, arrows)


def test_a_basket_whose_legend_picks_with_right_and_unpicks_with_left_is_answered_so() -> None:
    legend = "[move: ↑↓ | pick: → | unpick: ←]"
    d = must(
        f"? Regions to replicate to:  {legend}\n  [X] eu-west\n> [ ] us-east\n  [X] ap-south\n"
    )
    assert (d.kind, d.select, d.checked) == (
        PromptKind.MULTI_CHOICE,
        "checkbox_arrows",
        (True, False, True),
    )
    # From us-east: tick it (→), walk to ap-south and untick it (←), then submit.
    assert plan_writes(d, "eu-west, us-east", canonical=False) == [RIGHT, DOWN, LEFT, ENTER]


def test_dots_under_a_legend_that_toggles_with_the_arrows_are_a_checkbox_list() -> None:
    legend = "(Press <Ctrl+A> to toggle all, <Left/Right> to toggle, <Return> to submit)"
    rows = ["  ● amd64", cyan("  ○ arm64"), "  ● riscv64"]
    d = must(f"? Arches {legend}\n" + "\n".join(rows) + "\n", cols=120)
    assert (d.kind, d.selected_index, d.checked) == (
        PromptKind.MULTI_CHOICE,
        1,
        (True, False, True),
    )
    # Untick amd64 (←), tick arm64 (→), untick riscv64 (←), then submit.
    assert plan_writes(d, "arm64", canonical=False) == [UP, LEFT, DOWN, RIGHT, DOWN, LEFT, ENTER]


def test_a_question_wrapped_by_its_legend_keeps_its_words_and_its_keys() -> None:
    legend = "(Press <Ctrl+A> to toggle all, <Left/Right> to toggle, <Return> to submit)"
    question = f"? Which caches should be warmed before the deploy {legend}"
    rows = [cyan("  ○ redis"), "  ● memcached", "  ○ varnish"]
    d = must(question + "\n".join([""] + rows) + "\n")
    assert d.question.startswith("Which caches should be warmed before the deploy")
    assert (d.kind, d.select) == (PromptKind.MULTI_CHOICE, "checkbox_arrows")


def test_dots_with_one_filled_and_no_toggle_legend_stay_a_single_choice() -> None:
    d = must(f"? Arches\n  ○ amd64\n{cyan('  ● arm64')}\n  ○ riscv64\n")
    assert d.kind is PromptKind.CHOICE


def test_a_list_whose_legend_names_space_keeps_ticking_with_space() -> None:
    d = must("? Regions (space to toggle, → to select all)\n❯ ◯ eu-west\n  ◯ us-east\n")
    assert d.select == "checkbox"
    assert plan_writes(d, "eu-west", canonical=False) == [SPACE, ENTER]
