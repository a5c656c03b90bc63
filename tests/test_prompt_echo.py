"""The secret-field probe: a raw-mode text field that draws nothing for a typed key is a
secret, found by typing one character. Pure screens before/after in, a verdict out; the
answer loop driven over a scripted screen. Also: typed text that is not yet an answer.
"""

from __future__ import annotations

import asyncio

import pytest

from shared.protocol import ErrorCode, PromptKind
from supervisor import answering
from supervisor.answering import Answerer
from supervisor.prompts import PromptError, PromptTracker
from supervisor.prompts.answer import ENTER
from supervisor.prompts.detect import Signals
from supervisor.prompts.echo import ERASE, echoed, first_char, lists_below, needs_probe
from supervisor.screen import ScreenSnapshot
from tests.prompt_support import RAW, READING, snap

QUESTION = "Badge override for the night shift: "


def test_a_field_that_draws_the_typed_character_echoes() -> None:
    assert echoed(snap("Label: "), snap("Label: l"))


def test_a_field_that_draws_nothing_for_a_key_does_not_echo() -> None:
    assert not echoed(snap("Code: "), snap("Code: "))


def test_a_field_that_draws_only_a_mask_does_not_echo() -> None:
    assert not echoed(snap("? Vault key ›"), snap("? Vault key › *"))
    assert not echoed(snap("│  █"), snap("│  ▪█"))


def test_a_placeholder_cleared_by_the_first_key_counts_as_echo() -> None:
    assert echoed(snap("? Branch prefix › e.g. feat/"), snap("? Branch prefix › f"))


def test_only_raw_mode_fields_are_probed() -> None:
    assert needs_probe(canonical=False, echo_off=True)
    assert not needs_probe(canonical=True, echo_off=False)


def test_the_probe_types_one_whole_character_first() -> None:
    assert first_char("élan") == ("é".encode(), b"lan")
    assert first_char("x") == (b"x", b"")


def test_box_rows_under_the_cursor_are_a_list_a_key_may_have_gone_to() -> None:
    rows = "\n  ○ north\n  ○ south\n  [x] east"
    assert lists_below(snap(QUESTION + rows + f"\x1b[1;{len(QUESTION) + 1}H"))
    assert not lists_below(snap(QUESTION + "\n  north\n  south" + "\x1b[1;5H"))
    assert not lists_below(snap(rows + "\n" + QUESTION))  # the rows are above the field


class _Field:
    """A raw-mode program behind a text field that draws typed keys only when ``echo``,
    with ``below`` drawn under the field (the cursor stays in the field)."""

    def __init__(self, *, echo: bool, below: str = "") -> None:
        self.echo = echo
        self.below = below
        self.typed = ""
        self.current = self._draw()
        self.output = asyncio.Event()
        self.writes: list[bytes] = []

    async def write(self, data: bytes) -> int:
        self.writes.append(data)
        if data == ERASE:
            self.typed = self.typed[:-1]
        elif data != ENTER:
            self.typed += data.decode()
        self.current = self._draw()
        self.output.set()
        return len(data)

    def _draw(self) -> ScreenSnapshot:
        field = QUESTION + (self.typed if self.echo else "")
        return snap(field + self.below + f"\x1b[1;{len(field) + 1}H")


def _answerer(
    field: _Field, signals: Signals = RAW, tracker: PromptTracker | None = None
) -> tuple[Answerer, PromptTracker, str]:
    tracker = tracker or PromptTracker("session-echo")
    prompt = tracker.observe(field.current, 10.0, 10.0, signals=signals)
    assert prompt is not None and prompt.kind is PromptKind.TEXT
    answerer = Answerer(
        tracker,
        snapshot=lambda: field.current,
        quiet_for=lambda: 10.0,
        output=field.output,
        application_cursor=lambda: False,
        exited=lambda: False,
    )
    return answerer, tracker, prompt.prompt_id


async def test_an_echoing_raw_field_gets_the_whole_answer_in_one_call() -> None:
    field = _Field(echo=True)
    answerer, _, prompt_id = _answerer(field)
    async with asyncio.timeout(10):
        sent = await answerer.type_answer(prompt_id, "lobby-east", field.write)
    assert sent == [b"l", b"obby-east", ENTER]
    assert field.typed == "lobby-east"


async def test_a_field_that_draws_nothing_is_refused_as_secret_and_the_probe_erased(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(answering, "ECHO_WAIT", 0.05)
    field = _Field(echo=False)
    answerer, tracker, prompt_id = _answerer(field)
    with pytest.raises(PromptError) as caught:
        async with asyncio.timeout(10):
            await answerer.type_answer(prompt_id, "hunter2", field.write)
    assert caught.value.code is ErrorCode.PROMPT_SECRET
    assert "looks like a secret field; type it on the computer" in str(caught.value)
    assert field.writes == [b"h", ERASE]
    assert field.typed == ""
    again = tracker.observe(field.current, 11.0, 10.0, signals=RAW)
    assert again is not None
    assert (again.prompt_id, again.kind) == (prompt_id, PromptKind.SECRET)
    with pytest.raises(PromptError) as refused:
        tracker.plan_answer(prompt_id, "hunter2", field.current)
    assert refused.value.code is ErrorCode.PROMPT_SECRET


async def test_a_silent_key_over_selectable_rows_is_refused_but_not_called_secret(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(answering, "ECHO_WAIT", 0.05)
    field = _Field(echo=False, below="\n\n  ○ north\n  ○ south")
    answerer, tracker, prompt_id = _answerer(field)
    with pytest.raises(PromptError) as caught:
        async with asyncio.timeout(10):
            await answerer.type_answer(prompt_id, "north", field.write)
    assert caught.value.code is ErrorCode.INVALID_ANSWER
    assert "may be a list rather than a field" in str(caught.value)
    assert field.writes == [b"n", ERASE]
    again = tracker.observe(field.current, 11.0, 10.0, signals=RAW)
    assert again is not None and again.kind is PromptKind.TEXT


async def test_a_line_mode_field_echoed_by_the_terminal_is_not_probed() -> None:
    field = _Field(echo=False)  # the kernel echoes, not the program: no probe
    answerer, _, prompt_id = _answerer(field, READING)
    async with asyncio.timeout(10):
        sent = await answerer.type_answer(prompt_id, "lobby-east", field.write)
    assert sent == [b"lobby-east", ENTER]


def test_a_word_typed_after_a_question_with_only_its_default_is_not_yet_an_answer() -> None:
    # npm init's "Is this OK? (yes)": after "no" the line no longer reads as a question,
    # but the program still waits on that line for Enter.
    tracker = PromptTracker("session-default")
    prompt = tracker.observe(snap("Is this OK? (yes) "), 1.0, 10.0, signals=RAW)
    assert prompt is not None and prompt.kind is PromptKind.YES_NO
    assert not tracker.left_cursor(prompt.prompt_id, snap("Is this OK? (yes) no"))
    assert tracker.left_cursor(prompt.prompt_id, snap("Is this OK? (yes) no\nAborted.\n"))


class _MaskedField(_Field):
    """A field that draws a mask for each typed key, seen by the session's tracker while
    the mask shows (output just arrived), as the session loop sees every redraw."""

    def __init__(self, tracker: PromptTracker) -> None:
        super().__init__(echo=False)
        self.tracker = tracker

    def _draw(self) -> ScreenSnapshot:
        # No separator before the field (questionary's password): the mask reads as
        # part of the question, another prompt.
        field = "? Words that open the vault " + "*" * len(self.typed)
        return snap(field + f"\x1b[1;{len(field) + 1}H")

    async def write(self, data: bytes) -> int:
        written = await super().write(data)
        self.tracker.observe(self.current, 10.5, 0.0, signals=RAW)
        return written


async def test_a_masked_field_found_secret_keeps_its_id_though_its_mask_read_as_another_prompt(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(answering, "ECHO_WAIT", 0.05)
    tracker = PromptTracker("session-mask")
    field = _MaskedField(tracker)
    answerer, _, prompt_id = _answerer(field, tracker=tracker)
    with pytest.raises(PromptError) as caught:
        async with asyncio.timeout(10):
            await answerer.type_answer(prompt_id, "hunter2", field.write)
    assert caught.value.code is ErrorCode.PROMPT_SECRET
    assert field.writes == [b"h", ERASE]
    # Read at once, while the erased field's output is still fresh: the same prompt, secret.
    again = tracker.observe(field.current, 11.0, 0.0, signals=RAW)
    assert again is not None
    assert (again.prompt_id, again.kind) == (prompt_id, PromptKind.SECRET)
