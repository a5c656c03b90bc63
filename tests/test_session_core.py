"""The session core without a PTY or a clock: events in with their time, effects out.

Time is a number the test moves; a timer "fires" when the test says the core's
deadline has come, exactly as the runner's loop would call back. So the idle
timeout, the throttled refreshes and the pauses are checked in microseconds,
not waited for. The last part drives :class:`supervisor.session.Session` itself
on a fake terminal (``tests/fake_pty.py``).
"""

from __future__ import annotations

import asyncio

from hypothesis import settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from shared.protocol import Key, SessionState
from supervisor.hook_events import HookEvent
from supervisor.keys import ENTER_PAUSE, ESC_PAUSE
from supervisor.prompts import Signals
from supervisor.redact import Redactor
from supervisor.session_core import (
    FLOOD_BYTES,
    IDLE_AFTER,
    MIN_TIMER,
    REFRESH_INTERVAL,
    SCREEN_CATCHUP_MAX,
    Effect,
    Instant,
    Keystroke,
    PromptFound,
    Released,
    SessionCore,
    StateChanged,
    TerminalReply,
    press_keys,
    screen_tail,
    type_text,
)
from tests.fake_pty import fake_session
from tests.support import scaled

SID = "session-core-1"
WALL = 1_700_000_000.0
TOKEN = "ghp_" + "a1" * 18


class Clock:
    """A core and the time it lives in; :meth:`run_until` fires its timers in order."""

    def __init__(self, command: tuple[str, ...] = ("prog",)) -> None:
        self.now = 0.0
        self.core = SessionCore(SID, command, 80, 24, Redactor(), self.at())
        self.signals = Signals()

    def at(self) -> Instant:
        return Instant(self.now, WALL + self.now)

    def run_until(self, until: float) -> None:
        core = self.core
        while core.refresh_due is not None and core.refresh_due <= until:
            self.now = max(self.now, core.refresh_due)
            if core.timer_fired(self.at()):
                core.refresh(self.at(), self.signals)
        self.now = max(self.now, until)

    def output(self, data: bytes) -> None:
        self.core.receive(data, self.at())


def state_of(core: SessionCore) -> SessionState:
    """The state now (a call, so mypy does not keep an earlier assert's narrowing)."""
    return core.state


def states(effects: list[Effect]) -> list[SessionState]:
    return [e.state for e in effects if isinstance(e, StateChanged)]


# ---------------------------------------------------------------- states


def test_output_is_journaled_at_once_and_the_screen_shows_it_after_a_refresh() -> None:
    clock = Clock()
    clock.output(b"first line\r\nsecond line\r\n")
    assert clock.core.journal.read(0, 100).data == b"first line\r\nsecond line\r\n"
    assert clock.core.take_effects() == [Released(b"first line\r\nsecond line\r\n")]
    assert clock.core.refresh_due == REFRESH_INTERVAL  # the screen lags by at most this
    clock.run_until(REFRESH_INTERVAL)
    assert list(clock.core.screen.snapshot().lines[:2]) == ["first line", "second line"]
    assert clock.core.state is SessionState.WORKING


def test_a_question_on_screen_means_waiting_then_quiet_without_one_means_idle() -> None:
    clock = Clock(("python3",))
    clock.output(b"Proceed? [y/N] ")
    clock.run_until(1.0)
    core = clock.core
    assert state_of(core) is SessionState.WAITING_FOR_INPUT
    assert "Proceed?" in core.state_reason and "screen_rule" in core.state_reason
    found = [e for e in core.take_effects() if isinstance(e, PromptFound)]
    assert len(found) == 1 and found[0].prompt.prompt_id.startswith(SID + ":")
    clock.run_until(10.0)
    assert [e for e in core.take_effects() if isinstance(e, PromptFound)] == []  # once only

    core.input_sent("input", clock.at())
    assert state_of(core) is SessionState.WORKING and core.state_reason.startswith("input sent")
    clock.output(b"y\r\ndone\r\n")
    answered = clock.now
    clock.run_until(clock.now + IDLE_AFTER - 0.01)
    assert core.state is SessionState.WORKING  # not yet quiet long enough
    clock.run_until(clock.now + 0.02)
    assert state_of(core) is SessionState.IDLE
    assert core.state_reason == f"no output for {IDLE_AFTER:g}s and no prompt on screen"
    assert core.state_since == WALL + answered + IDLE_AFTER  # decided by the timer, on time
    assert core.refresh_due is None  # idle: nothing left to look at until something happens


def test_refreshes_come_after_doubling_quiet_spells_until_idle() -> None:
    clock = Clock()
    clock.output(b"x")
    seen = []
    while clock.core.refresh_due is not None:
        seen.append(round(clock.core.refresh_due, 6))
        clock.run_until(clock.core.refresh_due)
    assert seen == [0.2, 0.4, 0.8, 1.6, IDLE_AFTER]


def test_the_next_refresh_is_never_asked_for_closer_than_a_millisecond() -> None:
    """A remainder float addition may not even represent would ask for the same instant
    again (a busy loop on a test's clock); the loop cannot keep such a date anyway."""
    clock = Clock()
    clock.output(b"x")
    clock.now = IDLE_AFTER - 1e-6
    assert clock.core.timer_fired(clock.at())
    assert clock.core.refresh_due == clock.now + MIN_TIMER


def test_output_never_pushes_a_due_refresh_later() -> None:
    clock = Clock()
    clock.output(b"a")
    clock.now = 0.15
    clock.output(b"b")
    assert clock.core.refresh_due == REFRESH_INTERVAL


def test_a_flood_is_not_rendered_and_counts_as_working() -> None:
    clock = Clock()
    clock.now = REFRESH_INTERVAL - 0.01
    clock.output(b"y" * (FLOOD_BYTES + 1))
    clock.now = REFRESH_INTERVAL
    assert clock.core.timer_fired(clock.at()) is False  # no pyte while it pours
    assert clock.core.state is SessionState.WORKING
    assert clock.core.refresh_due == 2 * REFRESH_INTERVAL  # look again once it pauses
    assert clock.core.screen.snapshot().text.strip() == ""


def test_a_far_behind_screen_replays_only_the_newest_bytes_from_a_line_start() -> None:
    lines = b"".join(b"line %06d\r\n" % i for i in range(5_100))
    tail = screen_tail(lines)
    assert len(tail) <= SCREEN_CATCHUP_MAX and lines.endswith(tail)
    assert tail.startswith(b"line ") and screen_tail(b"short") == b"short"
    clock = Clock()
    clock.output(lines)
    clock.core.catch_up()
    assert clock.core.screen.snapshot().text.splitlines()[-1] == "line 005099"


def test_a_stop_hook_makes_the_session_idle_at_once_until_the_next_input() -> None:
    clock = Clock(("claude",))
    core = clock.core
    clock.output(b"working...\r\n")
    core.input_sent("input", clock.at())
    stop = HookEvent(session_id=SID, event="Stop", seq=1, message=f"Done: key {TOKEN} rotated")
    assert core.hook(stop, clock.at()) is True
    core.refresh(clock.at(), Signals())
    assert core.state is SessionState.IDLE and "hook:Stop" in core.state_reason
    assert core.last_message == "Done: key [redacted:github] rotated"
    core.input_sent("input", clock.at())
    assert state_of(core) is SessionState.WORKING


def test_quiet_counts_from_the_last_key_of_an_answer_without_changing_the_state() -> None:
    clock = Clock()
    core = clock.core
    clock.output(b"Pick one\r\n")
    clock.now = 5.0
    assert core.quiet_for(clock.now) == 5.0
    before = core.state
    core.keys_written(clock.now)  # one write of an answer on its way
    assert core.quiet_for(clock.now + 0.25) == 0.25
    assert core.state is before  # the answer, once sent whole, says "working"
    core.keys_written(1.0)  # an older write never moves the quiet spell back
    assert core.quiet_for(clock.now + 0.25) == 0.25


def test_a_terminal_query_is_answered_at_once_not_a_refresh_later() -> None:
    clock = Clock()
    core = clock.core
    clock.output(b"Menu\r\n")
    assert core.refresh_due == clock.now + REFRESH_INTERVAL
    clock.run_until(1.0)
    core.take_effects()
    clock.output(b"\x1b[6n")  # where is the cursor?
    assert core.refresh_due == clock.now
    core.refresh(clock.at(), Signals())
    assert [e.data for e in core.take_effects() if isinstance(e, TerminalReply)] == [b"\x1b[2;1R"]


def test_exit_is_final_and_says_how_the_program_ended() -> None:
    for code, reason in ((3, "the program exited with code 3"), (-9, "was killed by signal 9")):
        clock = Clock()
        clock.output(b"bye\r\n")
        clock.core.finish(code, clock.at())
        core = clock.core
        assert core.state is SessionState.EXITED and reason in core.state_reason
        assert core.exit_code == code and core.refresh_due is None
        core.input_sent("input", clock.at())  # typed while it was exiting
        clock.output(b"late")
        clock.run_until(10.0)
        assert core.state is SessionState.EXITED and core.settled
        assert states(core.take_effects()) == [SessionState.EXITED]


def test_a_cursor_position_query_is_answered_to_the_program() -> None:
    clock = Clock()
    clock.output(b"\x1b[6n")
    clock.core.catch_up()
    [reply] = [e for e in clock.core.take_effects() if isinstance(e, TerminalReply)]
    assert reply.data.startswith(b"\x1b[") and reply.data.endswith(b"R")


def test_a_secret_printed_in_two_reads_is_masked_before_the_journal() -> None:
    clock = Clock()
    clock.output(b"token " + TOKEN[:10].encode())
    clock.output(TOKEN[10:].encode() + b" end\r\n")
    while (due := clock.core.release_due) is not None:
        clock.now = due
        clock.core.release_held(clock.at())
    clock.core.end_of_output()
    journaled = clock.core.journal.read(0, 1000).data
    assert TOKEN.encode() not in journaled and len(journaled) == len(f"token {TOKEN} end\r\n")
    released = b"".join(e.data for e in clock.core.take_effects() if isinstance(e, Released))
    assert released == journaled


# ---------------------------------------------------------------- input pacing


def test_text_then_enter_are_separate_writes_with_a_pause_between() -> None:
    assert type_text("hello", True) == [Keystroke(b"hello"), Keystroke(b"\r", ENTER_PAUSE)]
    assert type_text("", True) == [Keystroke(b"\r")]
    assert type_text("héllo", False) == [Keystroke("héllo".encode())]


def test_keys_follow_the_cursor_key_mode_and_pause_around_enter_and_esc() -> None:
    assert [k.data for k in press_keys([Key.UP, Key.SHIFT_TAB], 2, True)] == [
        b"\x1bOA",
        b"\x1b[Z",
        b"\x1bOA",
        b"\x1b[Z",
    ]
    assert press_keys([Key.DOWN, Key.ENTER, Key.ENTER, Key.ESC], 1, False) == [
        Keystroke(b"\x1b[B"),
        Keystroke(b"\r", ENTER_PAUSE),
        Keystroke(b"\r"),
        Keystroke(b"\x1b", 0.0, ESC_PAUSE),
    ]


# ---------------------------------------------------------------- the state machine


class SessionCoreMachine(RuleBasedStateMachine):
    """Random output, input, hooks, reads, time and exit; the invariants after each step."""

    def __init__(self) -> None:
        super().__init__()
        self.clock = Clock(("python3",))
        self.last_activity: float | None = None
        self.state = SessionState.STARTING
        self.since = self.clock.core.state_since

    def _drain(self) -> None:
        changes = states(self.clock.core.take_effects())
        if self.clock.core.state is not self.state:
            assert changes and changes[-1] is self.clock.core.state
        assert all(a is not b for a, b in zip(changes, changes[1:], strict=False))
        if changes:
            assert self.clock.core.state_since >= self.since
            self.since = self.clock.core.state_since
        self.state = self.clock.core.state

    @rule(
        what=st.sampled_from(
            [b"output\r\n", b"Proceed? [y/N] ", b"\x1b[2J", b"z" * (FLOOD_BYTES + 1)]
        )
    )
    def output(self, what: bytes) -> None:
        self.clock.output(what)
        self.last_activity = self.clock.now
        self._drain()

    @rule(what=st.sampled_from(["input", "keys", "an answer"]))
    def input(self, what: str) -> None:
        self.clock.core.input_sent(what, self.clock.at())
        if not self.clock.core.exited:
            self.last_activity = self.clock.now
            assert self.clock.core.state is SessionState.WORKING
        self._drain()

    @rule(event=st.sampled_from(["Stop", "UserPromptSubmit", "Notification", "PostToolUse"]))
    def hook(self, event: str) -> None:
        at = self.clock.at()
        if self.clock.core.hook(HookEvent(session_id=SID, event=event), at):
            self.clock.core.refresh(at, Signals())
        self._drain()

    @rule(seconds=st.floats(0.0, 5.0))
    def time_passes(self, seconds: float) -> None:
        self.clock.run_until(self.clock.now + seconds)
        self._drain()

    @rule()
    def someone_reads(self) -> None:
        self.clock.core.refresh(self.clock.at(), Signals())
        self._drain()

    @precondition(lambda self: not self.clock.core.exited)
    @rule(code=st.integers(-15, 3))
    def program_exits(self, code: int) -> None:
        self.clock.core.finish(code, self.clock.at())
        self._drain()
        assert self.state is SessionState.EXITED

    @invariant()
    def exited_is_final_and_nothing_is_due_after_it(self) -> None:
        core = self.clock.core
        if core.exited:
            assert core.refresh_due is None and core.exit_code is not None

    @invariant()
    def an_active_session_always_has_a_refresh_due_no_later_than_it_would_go_idle(self) -> None:
        core, now = self.clock.core, self.clock.now
        if core.exited or self.last_activity is None:
            return
        if now - self.last_activity < IDLE_AFTER:
            assert core.refresh_due is not None
        if core.refresh_due is not None:
            latest = max(self.last_activity + IDLE_AFTER, now + REFRESH_INTERVAL)
            assert core.refresh_due <= latest + 1e-9

    @invariant()
    def a_working_session_always_has_a_refresh_due(self) -> None:
        """Never "working" with nothing scheduled to look again: it settles on its own."""
        if self.clock.core.state is SessionState.WORKING:
            assert self.clock.core.refresh_due is not None


SessionCoreMachine.TestCase.settings = settings(
    max_examples=25, stateful_step_count=20, deadline=None
)
test_the_session_state_machine_keeps_its_invariants = SessionCoreMachine.TestCase


# ---------------------------------------------------------------- the runner on a fake PTY


async def test_the_runner_types_text_then_enter_and_answers_queries_through_its_pty() -> None:
    session, pty = await fake_session()
    released: list[bytes] = []
    session.on_output = lambda s, data: released.append(data)
    pty.output(b"\x1b[6n$ ")
    assert session.journal.read(0, 100).data == b"\x1b[6n$ " and released == [b"\x1b[6n$ "]
    assert await session.send_text("hello") == 6
    assert pty.writes[0].startswith(b"\x1b[") and pty.writes[1:] == [b"hello", b"\r"]
    assert session.info().state is SessionState.WORKING
    pty.exit(3)
    async with asyncio.timeout(scaled(5)):
        await session.wait_exited()
    info = session.info()
    assert (info.state, info.exit_code) == (SessionState.EXITED, 3)


async def test_waiting_for_a_session_returns_on_the_state_change_that_settles_it() -> None:
    session, pty = await fake_session(("claude",))
    pty.output(b"thinking\r\n")
    await session.send_text("go")
    await session.wait_settled(0.0)  # no time: returns at once, still working
    assert session.state is SessionState.WORKING
    waiting = asyncio.create_task(session.wait_settled(scaled(30)))
    await asyncio.sleep(0)  # noqa: sleep-ok - let the waiter start waiting
    assert not waiting.done()
    session.on_hook(HookEvent(session_id=session.session_id, event="Stop", seq=1))
    async with asyncio.timeout(scaled(5)):
        await waiting
    info = session.info()
    assert info.state is SessionState.IDLE and "hook:Stop" in info.state_reason
    await session.close()
    assert session.exited and pty.exit_code == -9
