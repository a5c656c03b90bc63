"""Checkbox lists whose items may start checked: reading each box, planning the toggles.

Pure, no PTYs: screens are drawn with the glyphs and colours the real libraries use
and rendered by the real terminal model. The live programs are in the prompt corpus
(``cases_dev3.py``).
"""

from __future__ import annotations

import asyncio

import pytest

from shared.protocol import ErrorCode, PromptKind
from supervisor import answering
from supervisor.answering import Answerer
from supervisor.prompts.answer import (
    ENTER,
    SPACE,
    TAB,
    PromptError,
    checkbox_toggles,
    plan_writes,
    wanted_checks,
)
from supervisor.prompts.detect import Detection
from supervisor.prompts.structure_rows import make_options
from supervisor.prompts.tracker import PromptTracker
from supervisor.screen import TerminalModel
from tests.prompt_support import ESC, RAW, must

DOWN, UP = b"\x1b[B", b"\x1b[A"


def listed(checked: tuple[bool, ...] | None, highlight: int = 0) -> Detection:
    labels = ["api", "worker", "web", "docs"]
    return Detection(
        rule="structure.menu",
        kind=PromptKind.MULTI_CHOICE,
        question="Which services?",
        options=make_options(labels, ["1", "2", "3", "4"], highlight),
        context=(),
        source="structure:menu",
        confidence=0.85,
        select="checkbox",
        checked=checked,
    )


def colour(code: str, text: str) -> str:
    return f"{ESC}[{code}m{text}{ESC}[0m"


# ---------------------------------------------------------------- planning


def test_the_toggles_are_the_items_whose_state_differs_from_the_wanted_one() -> None:
    d = listed((True, False, True, False))
    # api stays checked, web is unchecked, docs is checked: worker is left alone.
    assert checkbox_toggles(d, "api, docs") == [2, 3]
    assert checkbox_toggles(d, "api, web") == []
    assert checkbox_toggles(d, "") == [0, 2]


def test_a_named_item_that_is_already_checked_is_never_toggled_off() -> None:
    d = listed((False, True, False, False))
    assert plan_writes(d, "worker", canonical=False) == [ENTER]
    assert plan_writes(d, "worker, docs", canonical=False) == [DOWN, DOWN, DOWN, SPACE, ENTER]


def test_the_toggles_start_from_the_highlighted_row_wherever_it_is() -> None:
    d = listed((True, False, False, False), highlight=3)
    # worker (2) then api (1) from docs (4): the shorter walk is bottom up.
    assert plan_writes(d, "worker", canonical=False) == [UP, UP, SPACE, UP, SPACE, ENTER]


def test_the_wanted_set_is_what_the_screen_must_show_before_confirming() -> None:
    d = listed((True, False, True, False))
    assert wanted_checks(d, "docs, 1") == frozenset({0, 3})
    assert wanted_checks(d, "") == frozenset()


def test_a_list_whose_checked_state_cannot_be_read_is_refused_with_a_reason() -> None:
    for unknown in (None, (True, False)):
        with pytest.raises(PromptError) as caught:
            plan_writes(listed(unknown), "web", canonical=False)
        assert caught.value.code is ErrorCode.INVALID_ANSWER
        assert "will not guess" in str(caught.value)


def test_a_label_the_list_does_not_offer_is_refused_before_any_toggle() -> None:
    with pytest.raises(PromptError) as caught:
        plan_writes(listed((True, False, False, False)), "api, nginx", canonical=False)
    assert "matches none of the options" in str(caught.value)


# ---------------------------------------------------------------- reading the boxes


def test_inquirer_style_filled_circles_read_as_checked() -> None:
    text = (
        "? Which services should be deployed?\n"
        f"{colour('36', '❯◉ api')}\n ◯ worker\n {colour('32', '◉')} web\n ◯ docs\n"
    )
    d = must(text + f"{ESC}[1;38H")
    assert d.kind is PromptKind.MULTI_CHOICE
    assert d.checked == (True, False, True, False)
    assert plan_writes(d, "web, docs", canonical=False) == [SPACE, DOWN, DOWN, DOWN, SPACE, ENTER]


def test_clack_filled_squares_read_as_checked_and_the_bright_label_is_the_highlight() -> None:
    rows = [("◼", "api", ""), ("◻", "worker", "2"), ("◼", "web", "2"), ("◻", "docs", "2")]
    text = "│\n◆  Which services should be deployed?\n" + "".join(
        f"│  {colour('32' if box == '◼' else '2', box)} {colour(dim, label) if dim else label}\n"
        for box, label, dim in rows
    )
    text += "│  ↑/↓ to navigate • Space: select • Enter: confirm\n└"
    d = must(text + f"{ESC}[2;40H")
    assert d.checked == (True, False, True, False)
    assert d.selected_index == 0


def test_enquirer_ticks_are_checked_only_when_not_drawn_dim() -> None:
    ticks = [colour("32", "✔"), colour("2;90", "✔"), colour("32", "✔"), colour("2;90", "✔")]
    names = ["api", colour("36;4", "worker"), "web", "docs"]
    text = "? Which services should be deployed? …\n" + "".join(
        f"{tick} {name}\n" for tick, name in zip(ticks, names, strict=True)
    )
    d = must(text + f"{ESC}[1;40H")
    assert (d.checked, d.selected_index) == ((True, False, True, False), 1)


def _enquirer_with_hints(ticked: set[str], highlight: str) -> bytes:
    rows = [("eu-west", "Ireland"), ("us", "Oregon and Ohio"), ("ap", "Mumbai"), ("sa-east", "")]
    text = "? Regions to replicate into …\n" + "".join(
        f"{colour('32' if name in ticked else '2;90', '✔')} "
        f"{colour('36;4', name) if name == highlight else name} {colour('2', hint)}\n"
        for name, hint in rows
    )
    return (text + f"{ESC}[1;31H").replace("\n", "\r\n").encode()


def test_enquirer_ticks_with_a_dim_hint_after_short_and_long_labels_read_as_checked() -> None:
    # The highlight is found from the labels alone once ticks are green: a hint that
    # starts within a short label's first cells must not make that row look different.
    tracker = PromptTracker("session-enquirer-hints")
    model = TerminalModel(cols=80, rows=24)
    model.feed(_enquirer_with_hints(set(), "eu-west"))
    prompt = tracker.observe(model.snapshot(), 0.0, 10.0, signals=RAW)
    assert prompt is not None and prompt.kind is PromptKind.MULTI_CHOICE
    toggled = TerminalModel(cols=80, rows=24)
    toggled.feed(_enquirer_with_hints({"us", "sa-east"}, "sa-east"))
    assert tracker.checked_labels(prompt.prompt_id, toggled.snapshot()) == {
        "eu-west": False,
        "us": True,
        "ap": False,
        "sa-east": True,
    }


def test_dialog_checklist_items_on_read_as_checked() -> None:
    text = (
        "┌──────────── Components ────────────┐\n"
        "│ Select the components to install:  │\n"
        "│ ┌────────────────────────────────┐ │\n"
        f"│ │ {colour('7', '[X] docs      Manual pages')}   │ │\n"
        "│ │ [ ] headers   C headers        │ │\n"
        "│ │ [X] examples  Example configs  │ │\n"
        "│ └────────────────────────────────┘ │\n"
        "│       <  OK  >     <Cancel>        │\n"
        "└────────────────────────────────────┘"
    )
    d = must(text + f"{ESC}[4;6H")
    assert d.kind is PromptKind.MULTI_CHOICE
    assert d.checked == (True, False, True)
    assert plan_writes(d, "examples", canonical=False)[-2:] in ([SPACE, ENTER], [TAB, ENTER])


def _whiptail_radiolist(cursor: int) -> str:
    # whiptail lights only the cell inside the cursor row's "( )", never its label.
    rows = [("*", "en_GB  English (UK)"), (" ", "de_DE  German"), (" ", "fr_FR  French")]
    drawn = [
        f"│  ({colour('7', on) if i == cursor else on}) {label:<22}│"
        for i, (on, label) in enumerate(rows)
    ]
    return "\n".join(
        [
            "┌──────────┤ Locale ├─────────┐",
            "│ System locale:              │",
            "│                             │",
            *drawn,
            "│                             │",
            "│     <Ok>        <Cancel>    │",
            "└─────────────────────────────┘",
        ]
    )


def test_a_whiptail_list_highlights_the_row_whose_box_cell_is_lit() -> None:
    d = must(_whiptail_radiolist(2) + f"{ESC}[6;5H")
    assert d.select == "dialog_radio"
    assert [o.label for o in d.options] == ["en_GB", "de_DE", "fr_FR"]
    assert d.selected_index == 2


def test_a_whiptail_list_with_no_cell_lit_starts_at_its_first_row() -> None:
    d = must(_whiptail_radiolist(-1) + f"{ESC}[4;5H")
    assert d.selected_index == 0


# ---------------------------------------------------------------- confirming


def _answerer(model: TerminalModel, output: asyncio.Event | None = None) -> tuple[Answerer, str]:
    tracker = PromptTracker("session-checkbox")
    prompt = tracker.observe(model.snapshot(), 0.0, 10.0, signals=RAW)
    assert prompt is not None and prompt.kind is PromptKind.MULTI_CHOICE
    answerer = Answerer(
        tracker,
        snapshot=model.snapshot,
        quiet_for=lambda: 10.0,
        output=output or asyncio.Event(),
        application_cursor=lambda: False,
        exited=lambda: False,
    )
    return answerer, prompt.prompt_id


_LIST = (
    "? Which services should be deployed?\n"
    f"{colour('36', '❯◉ api')}\n ◯ worker\n ◯ web\n\n(Press <space> to select)"
)


async def test_enter_confirms_a_list_that_already_shows_exactly_the_wanted_items() -> None:
    model = TerminalModel(cols=80, rows=24)
    model.feed(_LIST.replace("\n", "\r\n").encode() + f"{ESC}[1;38H".encode())
    answerer, prompt_id = _answerer(model)
    written: list[bytes] = []

    async def write(data: bytes) -> int:
        written.append(data)
        return len(data)

    async with asyncio.timeout(5):
        assert await answerer.type_answer(prompt_id, "api", write) == [ENTER]
    assert written == [ENTER]


async def test_a_list_that_never_shows_the_wanted_ticks_is_not_confirmed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(answering, "CHECKS_WAIT", 0.2)  # the program ignores every key here
    model = TerminalModel(cols=80, rows=24)
    model.feed(_LIST.replace("\n", "\r\n").encode() + f"{ESC}[1;38H".encode())
    answerer, prompt_id = _answerer(model)
    written: list[bytes] = []

    async def write(data: bytes) -> int:
        written.append(data)
        return len(data)

    with pytest.raises(PromptError) as caught:
        async with asyncio.timeout(5):
            await answerer.type_answer(prompt_id, "web", write)
    assert "shows api checked instead of web" in str(caught.value)
    assert ENTER not in written and written.count(SPACE) == 2


def _page(rows: list[tuple[str, bool]], active: int) -> bytes:
    """A paged @inquirer-style checklist showing ``rows`` (label, checked), one active."""
    lines = ["? Ports to open"]
    for n, (label, on) in enumerate(rows):
        box = "◉" if on else "◯"
        lines.append(colour("36", f"❯{box} {label}") if n == active else f" {box} {label}")
    lines.append("↑↓ navigate • space select • ⏎ submit")
    return f"{ESC}[2J{ESC}[H".encode() + "\r\n".join(lines).encode() + f"{ESC}[1;16H".encode()


async def test_a_paged_list_that_scrolled_while_toggling_is_confirmed_by_its_labels() -> None:
    ports = ["22", "80", "443", "5432", "6379"]
    state = {p: False for p in ports}
    top, active = 0, 0
    model = TerminalModel(cols=80, rows=24)

    def draw() -> None:
        view = ports[top : top + 4]
        model.feed(_page([(p, state[p]) for p in view], active - top))

    draw()
    output = asyncio.Event()
    answerer, prompt_id = _answerer(model, output)

    async def write(data: bytes) -> int:
        nonlocal top, active
        if data == b"\x1b[B":
            active += 1
            top = max(top, active - 2)  # the list scrolls to keep the active row mid-page
        elif data == SPACE:
            state[ports[active]] = not state[ports[active]]
        draw()
        output.set()  # what the session's reader does on output
        return len(data)

    async with asyncio.timeout(5):
        sent = await answerer.type_answer(prompt_id, "80, 5432", write)
    assert sent[-1] == ENTER
    assert [p for p in ports if state[p]] == ["80", "5432"] and top > 0
