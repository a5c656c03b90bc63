"""Prompts whose question is not on the cursor's line: a bare input line under its
question, bash ``select`` lists (an arrow PS3, items laid out in columns), and a curses
checklist whose question ends in its key hint. Pure: a drawn screen and the terminal's
state in, a detection and the planned keys out.
"""

from __future__ import annotations

import pytest

from shared.protocol import PromptKind
from supervisor.prompts.answer import ENTER, SPACE, plan_writes
from tests.prompt_support import ESC, NOBODY, RAW, READING, found, labels, must

DOWN = b"\x1b[B"


# ---------------------------------------------------------------- bash select


@pytest.mark.parametrize("arrow", ["→", "➜", "▶"])
def test_a_select_whose_own_prompt_ends_in_an_arrow_is_a_choice_typed_by_number(arrow: str) -> None:
    text = f"1) eu-central\n2) us-east (beta)\n3) ap-south\nRegion for the cluster {arrow} "
    d = must(text, READING)
    assert (d.kind, labels(d)) == (PromptKind.CHOICE, ["eu-central", "us-east (beta)", "ap-south"])
    assert plan_writes(d, "ap-south") == [b"3", ENTER]


def test_a_select_laid_out_down_columns_lists_its_items_in_number_order() -> None:
    # As bash draws eleven items: a tab, then spaces, between the columns.
    text = (
        "Mirrors sorted by latency:\n"
        "1) m-ams\t 4) m-lon\t 7) m-lis\t10) m-waw\n"
        "2) m-fra\t 5) m-dub\t 8) m-mil\t11) m-hel\n"
        "3) m-par\t 6) m-mad\t 9) m-vie\n"
        "#? "
    )
    d = must(text, READING)
    assert (d.kind, d.question) == (PromptKind.CHOICE, "Mirrors sorted by latency:")
    names = "ams fra par lon dub mad lis mil vie waw hel".split()
    assert labels(d) == [f"m-{name}" for name in names]
    assert [o.key for o in d.options] == [str(n) for n in range(1, 12)]
    assert plan_writes(d, "m-waw") == [b"10", ENTER]
    assert plan_writes(d, "7") == [b"7", ENTER]


@pytest.mark.parametrize(
    "grid",
    [
        "1) ams    2) fra\n5) par    6) lon\n",  # numbered along the rows, with a gap
        "1) ams    3) fra\n2) par    5) lon\n",  # down the columns, but 4 is missing
        "1) ams    4) fra\n3) par    2) lon\n",  # neither along the rows nor down the columns
    ],
)
def test_numbered_items_in_no_order_a_menu_keeps_are_not_a_choice(grid: str) -> None:
    d = found("Mirrors:\n" + grid + "#? ", READING)
    assert d is None or d.kind is not PromptKind.CHOICE


# ---------------------------------------------------------------- a bare input line


@pytest.mark.parametrize(
    ("text", "question"),
    [
        (
            "This drops table invoices.\nIf you are sure, type the table name below.\n❯ ",
            "If you are sure, type the table name below.",
        ),
        ("Enter the hostname of the new primary\n: ", "Enter the hostname of the new primary"),
        ("Which name should the tag get?\n\n? ", "Which name should the tag get?"),
        (
            "How many shards should the index use?\n[default: 4] › ",
            "How many shards should the index use? [default: 4]",
        ),
        ("Retention in days?\n(default 30) > ", "Retention in days? (default 30)"),
        # A rule drawn between them is no row of its own.
        ("Which folder holds the assets?\n" + "─" * 40 + "\n> ", "Which folder holds the assets?"),
        ("Label for the new volume:\n\n" + "=" * 30 + "\n: ", "Label for the new volume:"),
    ],
)
def test_a_request_above_a_bare_input_line_is_its_question(text: str, question: str) -> None:
    d = must(text, READING)
    assert (d.kind, d.question, d.select) == (PromptKind.TEXT, question, "text")


def test_enter_alone_keeps_the_default_shown_before_the_marker() -> None:
    d = must("Retention in days?\n(default 30) > ", READING)
    assert plan_writes(d, "") == [ENTER]
    assert plan_writes(d, "14") == [b"14", ENTER]


@pytest.mark.parametrize(
    "text",
    [
        "Compiled 14 modules\n: ",  # output, not a request
        "Shard console 2.1. Type 'help' for commands.\n: ",  # a console's banner
        "build finished in 3.2s\n(default 30) > ",  # a default under no question
        "Which name should the tag get?\n\n\n> ",  # two blank rows: the question is stale
        "Which name should the tag get?\nok > ",  # a marker after a word is no bare line
    ],
)
def test_a_bare_input_line_under_no_request_asks_nothing(text: str) -> None:
    d = found(text, READING)
    assert d is None or d.source != "structure:line"


def test_a_request_above_a_marker_is_no_prompt_while_nobody_reads() -> None:
    assert found("Enter the hostname of the new primary\n: ", NOBODY) is None


# ---------------------------------------------------------------- curses checklist


def test_a_checklist_whose_question_ends_in_a_key_hint_in_parentheses_is_a_multi_choice() -> None:
    lit = f"{ESC}[7m[*] nginx{ESC}[0m"
    text = (
        "Services to restart (arrows move, space toggles, enter confirms)\n\n"
        f"    {lit}\n    [ ] redis\n    [*] worker-pool\n    [ ] scheduler"
    )
    d = must(text, RAW)
    assert (d.kind, d.question, labels(d)) == (
        PromptKind.MULTI_CHOICE,
        "Services to restart (arrows move, space toggles, enter confirms)",
        ["nginx", "redis", "worker-pool", "scheduler"],
    )
    assert d.checked == (True, False, True, False)
    assert plan_writes(d, "nginx, scheduler", canonical=False) == [
        DOWN,
        DOWN,
        SPACE,
        DOWN,
        SPACE,
        ENTER,
    ]


def test_rows_under_a_parenthesis_that_holds_no_key_hint_keep_it_as_their_question() -> None:
    lit = f"{ESC}[7m[ ] nginx{ESC}[0m"
    text = f"Services (3 found)\n\n    {lit}\n    [ ] redis\n    [x] scheduler"
    d = must(text, RAW)
    assert (d.kind, d.question) == (PromptKind.MULTI_CHOICE, "Services (3 found)")
