"""Watch mode's decisions: when to continue an idle agent, and when to stop. Pure.

A session started with ``watch_mode`` is continued by itself: each time the
agent finishes a turn (it went idle after input) the owner's continuation text
(``[watch] message`` in the policy file) is typed, up to ``max_turns`` times.
This module decides; :mod:`supervisor.watch_runner` feeds it the session's
events and does what it says. Time is passed in (``now``, seconds on any one
clock), so every rule is tested without a terminal or a timer.

Inputs: :meth:`WatchCore.input_sent` (anything typed into the session, by a
person, another agent or watch itself, starts a turn) and
:meth:`WatchCore.observe` (the session's state now, the prompt it waits on, if
any, and ``now``). Output of ``observe``: :class:`Send` (type this text now),
:class:`Stop` (watch is over, with the reason a person reads in the status),
:class:`WaitUntil` (look again at this time: the grace before a continuation)
or None (nothing to do).

Invariants (checked by the tests, with Hypothesis):

* It never sends while a prompt is pending or the session is not idle: a prompt
  (above all a dangerous or secret one) stops watch for good and leaves the
  prompt to the person; watch never answers anything.
* It sends at most ``max_turns`` times, each only after a turn ended (input,
  then idle), and no sooner than ``delay`` seconds after the idle began.
* Once stopped it never sends again, and the reason never changes.

An interrupt (Ctrl-C, Esc, Ctrl-D sent to the session) stops it too
(:func:`interrupt_reason`, applied by the ``send_keys`` handler before the keys go).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from shared.wire_values import Key, PromptKind, SessionState, WatchInfo

__all__ = ["PromptSeen", "Send", "Stop", "WaitUntil", "WatchCore", "interrupt_reason"]

QUESTION_CHARS = 80  # of a prompt's question, quoted in a stop reason
# Keys a person presses to interrupt or leave an agent: watch must not undo that.
INTERRUPT_KEYS = (Key.CTRL_C, Key.ESC, Key.CTRL_D)


@dataclass(frozen=True)
class PromptSeen:
    """The prompt a session waits on: its kind and question (already redacted)."""

    kind: PromptKind
    question: str


@dataclass(frozen=True)
class Send:
    """Type ``text`` (and Enter) into the session now; it is continuation ``turn``."""

    text: str
    turn: int


@dataclass(frozen=True)
class Stop:
    """Watch is over; ``reason`` is for the person (shown in the session's status)."""

    reason: str


@dataclass(frozen=True)
class WaitUntil:
    """Nothing yet: call :meth:`WatchCore.observe` again at ``when`` (or on any change)."""

    when: float


Action = Send | Stop | WaitUntil


class WatchCore:
    """One session's watch: ``max_turns`` continuations of ``message``, ``delay`` s after idle."""

    def __init__(self, max_turns: int, message: str, delay: float) -> None:
        if max_turns < 1:
            raise ValueError("max_turns must be at least 1")
        if not message.strip():
            raise ValueError("the continuation message must not be empty")
        self.max_turns, self.message, self.delay = max_turns, message, max(0.0, delay)
        self.turns_used = 0
        self.stopped_reason = ""
        self._turn_open = False  # input was sent and the agent has not finished since
        self._idle_since: float | None = None

    @property
    def enabled(self) -> bool:
        return not self.stopped_reason

    def info(self) -> WatchInfo:
        return WatchInfo(
            enabled=self.enabled,
            turns_used=self.turns_used,
            max_turns=self.max_turns,
            stopped_reason=self.stopped_reason,
        )

    def input_sent(self) -> None:
        """Something was typed into the session: the agent has a turn to finish."""
        self._turn_open = True
        self._idle_since = None

    def stop(self, reason: str) -> Stop | None:
        """End watch with ``reason`` (the first reason stays); None if it already ended."""
        if not self.enabled:
            return None
        self.stopped_reason = reason
        return Stop(reason)

    def observe(self, state: SessionState, prompt: PromptSeen | None, now: float) -> Action | None:
        """The session is in ``state`` (waiting on ``prompt``, if any) at ``now``: what to do."""
        if not self.enabled:
            return None
        if state is SessionState.EXITED:
            return self.stop("the session exited, so there is nothing left to continue")
        if prompt is not None or state is SessionState.WAITING_FOR_INPUT:
            return self.stop(_prompt_reason(prompt))
        if state is not SessionState.IDLE:
            self._idle_since = None
            return None
        if not self._turn_open:
            return None  # idle before any turn (just started, or already continued): wait
        if self.turns_used >= self.max_turns:
            return self.stop(
                f"it used all {self.max_turns} automatic turns; the agent is idle and "
                "waits for your next message"
            )
        if self._idle_since is None:
            self._idle_since = now
        due = self._idle_since + self.delay
        if now < due:
            return WaitUntil(due)
        self.turns_used += 1
        self._turn_open = False  # the typing itself opens the next turn (input_sent)
        self._idle_since = None
        return Send(self.message, self.turns_used)


def interrupt_reason(keys: Iterable[Key]) -> str | None:
    """Why watch must stop when these keys are pressed (an interrupt), else None."""
    pressed = [k for k in keys if k in INTERRUPT_KEYS]
    if not pressed:
        return None
    return (
        f"{pressed[0].value} was pressed in the session, so watch stopped: an agent that was "
        "interrupted is not continued by itself"
    )


def _prompt_reason(prompt: PromptSeen | None) -> str:
    if prompt is None:
        return "the session waits for an answer; watch never answers prompts, so it is yours"
    question = " ".join(prompt.question.split())[:QUESTION_CHARS]
    if prompt.kind is PromptKind.CONFIRM_DANGEROUS:
        what = "a dangerous confirmation"
    elif prompt.kind is PromptKind.SECRET:
        what = "a secret (password or key), which is typed only at the computer"
    else:
        what = f"an answer ({prompt.kind.value})"
    return (
        f"the session asks for {what}: {question!r}; watch never answers prompts, so it "
        "stopped and left it for you (check_prompts shows it)"
    )
