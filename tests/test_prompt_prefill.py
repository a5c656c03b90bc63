"""Text fields that already hold a value: found, cleared, and verified before Enter.

Screens are drawn through the real terminal model with the escape sequences the
libraries send (faint hints, frames, clack's drawn cursor block).
"""

from __future__ import annotations

import asyncio

import pytest

from shared.protocol import ErrorCode, PromptKind
from supervisor import answering
from supervisor.answering import Answerer
from supervisor.prompts import PromptError, PromptTracker
from supervisor.prompts.answer import ENTER, plan_writes
from supervisor.prompts.detect import Detection, Signals, detect
from supervisor.prompts.echo import ERASE
from supervisor.prompts.prefill import KILL_AHEAD, KILL_LINE, Field, emptied, prefilled, shows
from supervisor.prompts.tracker import default_rules
from tests.prompt_support import must, snap

RAW = Signals(canonical=False, blocked_on_read=True)


def field_of(text: str, *, canonical: bool = False) -> Field | None:
    return prefilled(snap(text), canonical=canonical)


def test_the_text_between_the_question_and_the_cursor_is_the_prefilled_value() -> None:
    found = field_of("? Which tag to deploy? latest")
    assert found == Field(0, "? Which tag to deploy? ", "latest")
    assert field_of("Version to release: v1.4.1") == Field(0, "Version to release: ", "v1.4.1")


def test_an_empty_field_has_no_prefilled_value() -> None:
    assert field_of("? Which tag to deploy? ") is None
    assert field_of("Version to release: ") is None


def test_a_placeholder_with_the_cursor_before_it_is_not_a_value() -> None:
    # prompt_toolkit's placeholder and enquirer's initial: the cursor waits at its start.
    assert field_of("Project name: \x1b[90mmy-app\x1b[0m\x1b[6D") is None
    assert field_of("? Release branch \x1b[2m‣\x1b[0m main\x1b[7D") is None


def test_a_faint_default_hint_is_not_a_value() -> None:
    assert field_of("? Release branch: \x1b[2m(main)\x1b[0m ") is None
    assert field_of("Tag: \x1b[2mlatest\x1b[0m") is None


def test_a_default_printed_as_part_of_the_prompt_is_not_a_value() -> None:
    assert field_of("package name: (tether) ") is None
    assert field_of("Tag: [latest]") is None


def test_a_bare_question_marker_is_not_a_question_before_the_value() -> None:
    assert field_of("? Release branc") is None


def test_canonical_mode_never_has_a_prefilled_value() -> None:
    # The kernel's line buffer starts empty whatever the screen shows.
    assert field_of("Version to release: v1.4.1", canonical=True) is None


def test_a_framed_input_box_holds_the_value_left_of_the_cursor() -> None:
    whiptail = "          │ Target host name?     │\n          │ staging-01\x1b7____________ │\x1b8"
    found = field_of(whiptail)
    assert found is not None and found.value == "staging-01"
    assert found.lead == "          │ "


def test_a_drawn_cursor_block_marks_a_clack_field_and_its_value() -> None:
    screen = "│\n◆  Which tag to deploy?\n│  latest█\n└\n"
    found = field_of(screen)
    assert found == Field(2, "│  ", "latest", drawn=True)
    assert field_of("│\n◆  Project name?\n│  \x1b[7mm\x1b[0m\x1b[2my-app\x1b[0m\n└\n") is None


def test_the_field_shows_the_answer_only_when_it_holds_exactly_the_answer() -> None:
    field = Field(0, "? Which tag to deploy? ", "latest")
    assert shows(field, snap("? Which tag to deploy? v1.4.2"), "v1.4.2")
    assert not shows(field, snap("? Which tag to deploy? latestv1.4.2"), "v1.4.2")
    assert not shows(field, snap("? Which tag to deploy? v1.4.2 latest\x1b[7D"), "v1.4.2")
    framed = Field(1, "          │ ", "staging-01")
    assert shows(framed, snap("\n          │ prod-02\x1b7_______ │\x1b8"), "prod-02")
    drawn = Field(1, "│  ", "latest", drawn=True)
    assert shows(drawn, snap("◆  Tag?\n│  v1.4.2█\n└\n"), "v1.4.2")
    assert not shows(drawn, snap("◆  Tag?\n│  latestv1.4.2█\n└\n"), "v1.4.2")


def test_a_prefilled_value_is_not_part_of_the_question_so_replacing_it_keeps_the_prompt() -> None:
    before = detect(snap("? Which tag to deploy? latest"), default_rules(), signals=RAW)
    typing = detect(snap("? Which tag to deploy? v1.4"), default_rules(), signals=RAW)
    assert before is not None and typing is not None
    assert before.kind is PromptKind.TEXT and before.question == "Which tag to deploy?"
    assert typing.fingerprint == before.fingerprint


def _text_prompt() -> Detection:
    return Detection("structure:line", PromptKind.TEXT, "Tag?", (), (), "structure", 0.65, "text")


def test_an_answer_to_a_prefilled_field_clears_it_first_and_an_empty_one_keeps_it() -> None:
    field = Field(0, "Tag: ", "latest")
    assert plan_writes(_text_prompt(), "v2", field=field) == [KILL_LINE, b"v2", ENTER]
    assert plan_writes(_text_prompt(), "", field=field) == [ENTER]
    assert plan_writes(_text_prompt(), "v2") == [b"v2", ENTER]


def test_a_field_shows_empty_when_only_its_lead_is_left_before_the_cursor() -> None:
    field = Field(0, "? Which tag to deploy? ", "latest")
    assert emptied(field, snap("? Which tag to deploy? "))
    assert not emptied(field, snap("? Which tag to deploy? latest"))
    assert not emptied(field, snap("? Which tag to deploy? x"))


class _Screen:
    """A program behind a prefilled field: ``typed`` decides what the field shows."""

    def __init__(self, shows_after_typing: str | None, *, clears_on: bytes = KILL_LINE) -> None:
        self.current = snap("? Which tag to deploy? latest")
        self.after = shows_after_typing
        self.clears_on = clears_on  # the key that empties the field; any other is ignored
        self.output = asyncio.Event()
        self.writes: list[bytes] = []

    async def write(self, data: bytes) -> int:
        self.writes.append(data)
        if data == self.clears_on:
            self.current = snap("? Which tag to deploy? ")
            self.output.set()
        elif self.after is not None and data not in (KILL_LINE, ENTER) and data.strip(ERASE):
            self.current = snap(f"? Which tag to deploy? {self.after}")
            self.output.set()
        return len(data)


def _answerer(screen: _Screen) -> tuple[Answerer, str]:
    tracker = PromptTracker("session-prefill")
    prompt = tracker.observe(screen.current, 10.0, 10.0, signals=RAW)
    assert prompt is not None and prompt.kind is PromptKind.TEXT
    answerer = Answerer(
        tracker,
        snapshot=lambda: screen.current,
        quiet_for=lambda: 10.0,
        output=screen.output,
        application_cursor=lambda: False,
        exited=lambda: False,
    )
    return answerer, prompt.prompt_id


async def test_enter_is_pressed_once_the_cleared_field_shows_exactly_the_answer() -> None:
    screen = _Screen("v1.4.2")
    answerer, prompt_id = _answerer(screen)
    async with asyncio.timeout(10):
        sent = await answerer.type_answer(prompt_id, "v1.4.2", screen.write)
    # A raw-mode field: its first character alone, seen drawn, then the rest.
    assert sent == [KILL_LINE, b"v", b"1.4.2", ENTER]


async def test_a_field_that_never_shows_the_answer_is_refused_without_pressing_enter(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(answering, "FIELD_WAIT", 0.05)
    # Neither the kill key nor Backspace cleared it: the answer was appended.
    screen = _Screen("latestv1.4.2", clears_on=b"")
    answerer, prompt_id = _answerer(screen)
    with pytest.raises(PromptError) as caught:
        async with asyncio.timeout(10):
            await answerer.type_answer(prompt_id, "v1.4.2", screen.write)
    assert caught.value.code is ErrorCode.INVALID_ANSWER
    assert "Enter was not pressed" in str(caught.value)
    assert "latestv1.4.2" in str(caught.value)
    assert ENTER not in screen.writes


async def test_a_field_its_kill_key_left_as_it_was_is_erased_one_backspace_a_character(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(answering, "FIELD_WAIT", 0.05)
    screen = _Screen("v1.4.2", clears_on=ERASE * len("latest"))  # survey: no line kill
    answerer, prompt_id = _answerer(screen)
    async with asyncio.timeout(10):
        sent = await answerer.type_answer(prompt_id, "v1.4.2", screen.write)
    assert sent == [KILL_LINE, ERASE * 6, b"v", b"1.4.2", ENTER]


async def test_accepting_the_default_sends_only_enter() -> None:
    screen = _Screen(None)
    answerer, prompt_id = _answerer(screen)
    async with asyncio.timeout(10):
        sent = await answerer.type_answer(prompt_id, "", screen.write)
    assert sent == [ENTER]


def _ptk_input_dialog(value: str, *, at: int) -> str:
    """prompt_toolkit's input dialog holding ``value``, the cursor at column ``at``."""
    rows = [
        "   ┌──────────| Node |──────────┐",
        "   │ Hostname for this node:    │",
        "   │                            │",
        f"   │ {value:<27}│",
        "   │      <  OK  > <Cancel>     │",
        "   └────────────────────────────┘",
    ]
    return "\n".join(rows) + f"\x1b[4;{at + 1}H"


def test_a_default_after_the_cursor_in_a_framed_field_is_cleared_with_kill_to_end() -> None:
    # prompt_toolkit's input dialog starts its TextArea at position 0, before the default;
    # the terminal's cursor may even sit on the frame's padding before it.
    for at in (4, 5):
        found = field_of(_ptk_input_dialog("node-01", at=at))
        assert found == Field(3, "   │ ", "node-01", ahead=True)
    assert found is not None and found.kill == KILL_AHEAD
    d = detect(snap(_ptk_input_dialog("node-01", at=5)), default_rules(), signals=RAW)
    assert d is not None and (d.kind, d.question) == (PromptKind.TEXT, "Hostname for this node:")
    assert plan_writes(d, "edge-7", field=found)[:2] == [KILL_AHEAD, b"edge-7"]
    assert plan_writes(d, "", field=found)[0] == ENTER  # accepting the default keeps it
    assert shows(found, snap(_ptk_input_dialog("edge-7", at=11)), "edge-7")
    assert not shows(found, snap(_ptk_input_dialog("edge-7node-01", at=11)), "edge-7")


def test_a_value_after_the_cursor_behind_a_question_is_no_default() -> None:
    # enquirer's initial waits after "‣" with the cursor before it: typing replaces it.
    assert field_of("? Release branch ‣ main\x1b[4D") is None
    assert field_of(_ptk_input_dialog("", at=5)) is None
    assert field_of(_ptk_input_dialog("\x1b[2mhostname\x1b[0m", at=5)) is None


def test_a_label_carrying_its_unit_in_brackets_before_a_kept_default_is_a_text_field() -> None:
    for text, value in (
        ("Greenhouse humidity target (%): 65", "65"),
        ("Rows per sheet [1-60]: 48", "48"),
    ):
        d = must(text, RAW)
        assert d.kind is PromptKind.TEXT
        assert d.question == text.removesuffix(" " + value)
