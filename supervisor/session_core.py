"""The pure core of one session: its output path, its state machine, its input pacing.

Sans-I/O, like :mod:`shared.resume`: no asyncio, no clock, no PTY. The runner
(:mod:`supervisor.session`) passes every event in with the :class:`Instant` it
happened at (monotonic seconds for durations, wall seconds for what is reported),
then carries out what the core asks for:

* **Events in**: :meth:`SessionCore.receive` (PTY output), :meth:`~SessionCore.release_held`
  (the stream redactor's hold ran out), :meth:`~SessionCore.end_of_output`,
  :meth:`~SessionCore.timer_fired` (the refresh timer), :meth:`~SessionCore.refresh`
  (with the terminal's :class:`Signals`), :meth:`~SessionCore.hook`,
  :meth:`~SessionCore.input_sent`, :meth:`~SessionCore.finish` (the program exited),
  :meth:`~SessionCore.resize`.
* **Out**: :meth:`~SessionCore.take_effects`, in order: :class:`Released` bytes (to
  pass on: journaled already), :class:`StateChanged`, :class:`PromptFound` (redacted),
  :class:`TerminalReply` (answers to the program's queries, for the PTY); and two
  deadlines, :attr:`~SessionCore.refresh_due` and :attr:`~SessionCore.release_due`
  (monotonic; None: no timer), at which the runner calls back in.

Output: the PTY's bytes pass the :class:`StreamRedactor` first; only what it
releases (masked in place, same length) reaches the journal, the screen and
:class:`Released`, so every reader sees redacted bytes at their true offsets. The
screen (pyte, ~1 us a byte) is fed lazily from the journal, on a refresh; when it
falls far behind (bulk output) it skips to the newest bytes (:func:`screen_tail`).

States: ``starting`` (no output yet) -> ``working`` (output or input seen
recently) -> ``waiting_for_input`` (the tracker sees a prompt) or ``idle`` (quiet
for :data:`IDLE_AFTER` seconds with no prompt, or a hook said the turn ended) ->
``exited``. Invariants: ``exited`` is final; every change records ``state_since``
(wall) and a ``state_reason`` saying how it was decided, and yields one
:class:`StateChanged`; while the session lives and was active less than
:data:`IDLE_AFTER` ago, a refresh is due (so a prompt that needs quiet to be
believed, and idleness, are noticed without anyone asking).

Refresh throttling: output asks for a refresh within :data:`REFRESH_INTERVAL`;
after each refresh the next comes after doubling quiet spells (0.2, 0.4, 0.8 ... s)
until :data:`IDLE_AFTER`. During a flood (more than :data:`FLOOD_BYTES` unrendered
and output still pouring) the screen is not fed at all: nothing can be waiting for
a human, and feeding pyte would only slow the reader; the state is ``working``.

Input pacing (:func:`type_text`, :func:`press_keys`): text, then Enter as a
separate write after :data:`~supervisor.keys.ENTER_PAUSE` (Ink TUIs read text and
Enter in one burst as a paste); a pause after Esc so the next byte is not read as
Alt+byte.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from shared.protocol import Key, Prompt, SessionState
from supervisor.hook_events import HookEvent
from supervisor.hook_prompts import prompt_from_hook, state_hint
from supervisor.journal import DEFAULT_LIMIT, Journal
from supervisor.keys import ENTER_PAUSE, ESC_PAUSE, CursorKeyMode, key_bytes
from supervisor.prompts import PromptTracker, Signals, family_of
from supervisor.redact import Redactor
from supervisor.screen import TerminalModel
from supervisor.stream_redact import StreamRedactor

REFRESH_INTERVAL = 0.2  # the screen lags output by at most this while output flows
IDLE_AFTER = 3.0  # seconds of quiet (and no prompt) before a session counts as idle
FLOOD_BYTES = 32 * 1024  # unrendered output per refresh interval that counts as a flood
MIN_TIMER = 0.001  # the shortest wait the core asks for (about the loop's resolution)
SCREEN_CATCHUP_MAX = 64 * 1024  # ~60 ms of pyte: the most one catch-up may block the loop
# Hook events after which the announced dialog is over (answered, or the turn moved on).
HOOK_CLEARS_PROMPT = frozenset({"PostToolUse", "Stop", "UserPromptSubmit", "StopFailure"})
LAST_MESSAGE_CHARS = 4000
# A query the terminal must answer (DSR "ESC[6n", DA "ESC[c"/"ESC[>c", XTGETTCAP "ESC P+q"):
# a program that asks waits for the answer, some only briefly before guessing.
_QUERY = re.compile(rb"\x1b\[[?>=]?\d*[nc]|\x1bP\+q")
_BUSY = (SessionState.WORKING, SessionState.STARTING)


@dataclass(frozen=True)
class Instant:
    """When an event happened: ``mono`` (monotonic seconds) and ``wall`` (epoch seconds)."""

    mono: float
    wall: float


@dataclass(frozen=True)
class Released:
    """Redacted output, journaled at its offset: pass it on (the outbox, listeners)."""

    data: bytes


@dataclass(frozen=True)
class StateChanged:
    state: SessionState


@dataclass(frozen=True)
class PromptFound:
    """A prompt not reported before; its question and context are redacted."""

    prompt: Prompt


@dataclass(frozen=True)
class TerminalReply:
    """The terminal's answer to a query the program printed (DSR, DA): write it to the PTY."""

    data: bytes


Effect = Released | StateChanged | PromptFound | TerminalReply


@dataclass(frozen=True)
class Keystroke:
    """One write to the program, with the pauses pacing requires around it (seconds)."""

    data: bytes
    pause_before: float = 0.0
    pause_after: float = 0.0


def type_text(text: str, enter: bool) -> list[Keystroke]:
    """``text`` as one write, then Enter as a separate write after ``ENTER_PAUSE``."""
    writes = [Keystroke(text.encode("utf-8"))] if text else []
    if enter:
        writes.append(Keystroke(b"\r", ENTER_PAUSE if text else 0.0))
    return writes


def press_keys(keys: Sequence[Key], repeat: int, application_cursor: bool) -> list[Keystroke]:
    """``keys`` in order, ``repeat`` times: Enter after another key waits ``ENTER_PAUSE``,
    and ``ESC_PAUSE`` follows every Esc; arrows follow the cursor-key mode."""
    writes: list[Keystroke] = []
    previous: Key | None = None
    for key in list(keys) * repeat:
        before = ENTER_PAUSE if key is Key.ENTER and previous not in (None, Key.ENTER) else 0.0
        after = ESC_PAUSE if key is Key.ESC else 0.0
        writes.append(Keystroke(key_bytes(key, application_cursor), before, after))
        previous = key
    return writes


def screen_tail(data: bytes) -> bytes:
    """What of ``data`` the screen replays: all of it, or when too far behind to replay
    without stalling every session, the newest bytes from a line boundary."""
    if len(data) <= SCREEN_CATCHUP_MAX:
        return data
    data = data[-SCREEN_CATCHUP_MAX:]
    newline = data.find(b"\n")
    return data[newline + 1 :] if newline >= 0 else data


def exit_reason(code: int) -> str:
    how = f"exited with code {code}" if code >= 0 else f"was killed by signal {-code}"
    return f"the program {how}"


class SessionCore:
    """One session's state, screen, prompts and redacted output; time is passed in."""

    def __init__(
        self,
        session_id: str,
        command: Sequence[str],
        cols: int,
        rows: int,
        redactor: Redactor,
        started: Instant,
        journal_limit: int = DEFAULT_LIMIT,
    ) -> None:
        self.session_id = session_id
        self.redactor = redactor
        self.journal = Journal(journal_limit)  # redacted bytes only
        self.screen = TerminalModel(cols, rows)
        self.tracker = PromptTracker(session_id, family_of(list(command)))
        self.cursor_keys = CursorKeyMode()
        self.last_message = ""  # the agent's last reply (hook:Stop), redacted
        self.state = SessionState.STARTING
        self.state_since = started.wall
        self.state_reason = "started; no output yet"
        self.exit_code: int | None = None
        self.refresh_due: float | None = None
        self._scrub = StreamRedactor(redactor, cols)
        self._fed = 0  # journal offset the screen has consumed up to
        self._last_output = started.mono
        self._last_input = -math.inf
        self._output_seen = False
        self._hook_idle: str | None = None  # a hook said the turn is over: the reason
        self._reported_prompt = ""
        self._effects: list[Effect] = []

    # ------------------------------------------------------------ reading

    @property
    def exited(self) -> bool:
        return self.state is SessionState.EXITED

    @property
    def settled(self) -> bool:
        """Idle, waiting for input or exited: what a caller waiting for an answer waits for."""
        return self.state not in _BUSY

    @property
    def release_due(self) -> float | None:
        """When the stream redactor releases what it holds back (monotonic), if it holds any."""
        return self._scrub.due()

    def quiet_for(self, now: float) -> float:
        """Seconds since the last output or input, whichever is later."""
        return now - max(self._last_output, self._last_input)

    def take_effects(self) -> list[Effect]:
        """What the events so far ask the runner to do, oldest first; empties the list."""
        effects, self._effects = self._effects, []
        return effects

    # ------------------------------------------------------------ output

    def receive(self, data: bytes, now: Instant) -> None:
        """Bytes read from the PTY (the hot path: a few microseconds per 4 KiB)."""
        self._release(self._scrub.feed(data, now.mono))
        self._last_output = now.mono
        self._output_seen = True
        soon = now.mono + REFRESH_INTERVAL
        if self.exited:
            return  # trailing output after the exit: journaled, nothing more to decide
        if _QUERY.search(data):
            soon = now.mono  # answer at once, as a terminal does, not a refresh later
        if self.refresh_due is None or self.refresh_due > soon:
            self.refresh_due = soon

    def release_held(self, now: Instant) -> None:
        """The stream redactor's hold ran out (at :attr:`release_due`)."""
        self._release(self._scrub.release(now.mono))

    def end_of_output(self) -> None:
        """The output ended: release what the stream redactor still holds."""
        self._release(self._scrub.close())

    def _release(self, data: bytes) -> None:
        if data:
            self.journal.append(data)
            self._effects.append(Released(data))

    def catch_up(self) -> None:
        """Feed the screen what was journaled since the last catch-up."""
        end = self.journal.end
        if self._fed >= end:
            return
        chunk = self.journal.read(self._fed, end - self._fed)
        self._fed = end
        self.cursor_keys.feed(chunk.data)
        self.screen.feed(screen_tail(chunk.data))
        replies = self.screen.take_replies()
        if replies:
            self._effects.append(TerminalReply(replies))

    # ------------------------------------------------------------ decisions

    def timer_fired(self, now: Instant) -> bool:
        """The refresh timer fired: schedule the next; True if the runner must now
        :meth:`refresh` (False: exited, or a flood is pouring in and stays unrendered)."""
        self.refresh_due = None
        if self.exited:
            return False
        quiet = self.quiet_for(now.mono)
        if quiet < REFRESH_INTERVAL / 2 and self.journal.end - self._fed > FLOOD_BYTES:
            # A flood: a read catches up on demand; look again once output pauses.
            # (A footer clock or a spinner is far below this and is still read.)
            self._set_state(SessionState.WORKING, "producing output", now)
            self.refresh_due = now.mono + REFRESH_INTERVAL
            return False
        if quiet < IDLE_AFTER:
            # At least a millisecond ahead: a remainder too small to move the clock
            # (float rounding) must not ask for the same instant again.
            wait = min(max(REFRESH_INTERVAL, quiet), IDLE_AFTER - quiet)
            self.refresh_due = now.mono + max(wait, MIN_TIMER)
        return True

    def refresh(self, now: Instant, signals: Signals) -> Prompt | None:
        """Catch the screen up, ask the tracker, decide the state; return the pending prompt
        (unredacted: :class:`PromptFound` carries the redacted copy when it is new)."""
        self.catch_up()
        if self.exited:
            return None
        quiet = self.quiet_for(now.mono)
        snapshot = self.screen.snapshot(with_scrollback=False)
        prompt = self.tracker.observe(snapshot, now.wall, quiet, signals=signals)
        if prompt is not None:
            question = self.redactor.redact(prompt.question)[:80]
            reason = f"prompt on screen ({prompt.source}): {question}"
            self._set_state(SessionState.WAITING_FOR_INPUT, reason, now)
            if prompt.prompt_id != self._reported_prompt:
                self._reported_prompt = prompt.prompt_id
                self._effects.append(PromptFound(self.redactor.redact_prompt(prompt)))
        elif self._hook_idle is not None:
            self._set_state(SessionState.IDLE, self._hook_idle, now)
        elif not self._output_seen:
            self._set_state(SessionState.STARTING, "started; no output yet", now)
        elif quiet >= IDLE_AFTER:
            reason = f"no output for {IDLE_AFTER:g}s and no prompt on screen"
            self._set_state(SessionState.IDLE, reason, now)
        else:
            self._set_state(SessionState.WORKING, "producing output", now)
        return prompt

    def hook(self, event: HookEvent, now: Instant) -> bool:
        """A Claude Code hook event; True if the runner must now :meth:`refresh`.

        A prompt it announces is offered to the tracker (reported at once, confirmed
        by the screen); events that end a dialog withdraw it; its state hint applies
        (``Stop``: idle at once, until the next input or activity).
        """
        if self.exited:
            return False
        prompt = prompt_from_hook(event, self.session_id, now.wall)
        if prompt is not None:
            self.tracker.offer_hook(prompt)
        elif event.event in HOOK_CLEARS_PROMPT:
            self.tracker.offer_hook(None)
        hint = state_hint(event)
        if hint is not None:
            if hint.state is SessionState.IDLE:
                self._hook_idle = hint.reason
                if hint.message:
                    self.last_message = self.redactor.redact(hint.message[:LAST_MESSAGE_CHARS])
            else:
                self._hook_idle = None
                if hint.state is SessionState.WORKING:
                    self._set_state(SessionState.WORKING, hint.reason, now)
        self.refresh_due = now.mono + REFRESH_INTERVAL
        return True

    @property
    def last_input(self) -> float:
        """When keys last reached the program (monotonic; ``-inf``: never)."""
        return self._last_input

    def keys_written(self, now: float) -> None:
        """Keys reached the program (one write of an answer, at monotonic ``now``): its
        next output and terminal modes answer them, so quiet counts from here."""
        self._last_input = max(self._last_input, now)

    def input_sent(self, what: str, now: Instant) -> None:
        """Typing starts work: ``working`` until the program is quiet or asks again."""
        self._last_input = now.mono
        self._hook_idle = None
        self._set_state(SessionState.WORKING, f"{what} sent; waiting for the program", now)
        if not self.exited:
            self.refresh_due = now.mono + REFRESH_INTERVAL

    def finish(self, code: int, now: Instant) -> None:
        """The program exited with ``code`` (negative: killed by that signal)."""
        self.exit_code = code
        self.refresh_due = None
        self._set_state(SessionState.EXITED, exit_reason(code), now)

    def resize(self, cols: int, rows: int) -> None:
        """Render what was read at the old size first, as a terminal would have."""
        self.catch_up()
        self.screen.resize(cols, rows)
        self._scrub.cols = cols

    def _set_state(self, state: SessionState, reason: str, now: Instant) -> None:
        if state is not self.state and not self.exited:
            self.state, self.state_since, self.state_reason = state, now.wall, reason
            self._effects.append(StateChanged(state))
