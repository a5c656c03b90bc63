"""One session: a program in a PTY, run by the pure :class:`SessionCore` on the event loop.

The decisions live in :mod:`supervisor.session_core` (states and their reasons,
screen-refresh throttling, quiescence, hooks, stream redaction, input pacing),
with time passed in. This runner owns what the core must not: the PTY (a
:class:`Pty`, :class:`supervisor.pty_process.PtyProcess` unless a test passes a
fake), the clock, the two timers the core asks for (:attr:`SessionCore.refresh_due`,
:attr:`SessionCore.release_due`), the input lock, the pauses between writes, the
callbacks, and the end of the process tree.

After every event the runner applies the core's effects in order: released
bytes go to ``on_output`` (already redacted and journaled: the stream redactor
runs before anything else sees a byte), state changes to ``on_state`` and the
waiters of :meth:`Session.wait_settled`, new prompts to ``on_prompt``, terminal
replies to the PTY. Rendered text (screen, text reads, prompts, state reasons,
the Stop message) is redacted once more as text, for what only the rendering shows.

Watch mode (:mod:`supervisor.watch_runner`) sets :attr:`Session.watch` and ``on_input``.

Answering a prompt (typing the tracker's plan, following a menu's highlight,
seeing the prompt leave) is :mod:`supervisor.answering`'s; the session gives it
a narrow view of itself and keeps the input lock and the step-up gate.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

from shared.errors import CommandFailed
from shared.protocol import (
    ErrorCode,
    ErrorInfo,
    Key,
    Prompt,
    PromptKind,
    ResumedFrom,
    SessionInfo,
    SessionState,
)
from supervisor import tty_probe
from supervisor.answering import Answerer
from supervisor.descendants import descendants, end_session_tree, kill_all
from supervisor.hook_events import HookEvent
from supervisor.journal import DEFAULT_LIMIT, Journal, JournalRead
from supervisor.keys import describe
from supervisor.probe_window import ProbeWindow
from supervisor.prompts import PromptError, PromptTracker, Signals
from supervisor.pty_process import PtyProcess
from supervisor.redact import Redactor
from supervisor.screen import ScreenSnapshot, TerminalModel, TextRead
from supervisor.session_core import (
    Instant,
    Keystroke,
    PromptFound,
    Released,
    SessionCore,
    StateChanged,
    TerminalReply,
    press_keys,
    type_text,
)
from supervisor.stepup import StepUp
from supervisor.watch import WatchCore

log = logging.getLogger(__name__)

EOF_GRACE = 1.0  # after exit, how long trailing output may take to arrive
STOP_GRACE = 3.0  # SIGHUP/SIGTERM -> SIGKILL

ExitCallback = Callable[["Session"], None]
PromptCallback = Callable[["Session", Prompt], None]
OutputCallback = Callable[["Session", bytes], None]  # must be cheap: runs in the read path


class Pty(Protocol):
    """What a session needs of its terminal and program (``PtyProcess``, or a test's fake)."""

    @property
    def pid(self) -> int | None: ...
    @property
    def exit_code(self) -> int | None: ...
    def send(self, data: bytes) -> None: ...
    async def write(self, data: bytes) -> int: ...
    def resize(self, cols: int, rows: int) -> None: ...
    def echo_enabled(self) -> bool: ...
    def canonical(self) -> bool: ...
    def foreground_pgid(self) -> int | None: ...
    async def wait(self) -> int: ...
    async def wait_eof(self, timeout: float) -> bool: ...
    async def close(self) -> int: ...
    async def terminate(self, force: bool = False, grace: float = STOP_GRACE) -> int: ...


class Spawn(Protocol):
    """Starts ``argv`` in a terminal, delivering its output to ``on_data``."""

    async def __call__(
        self,
        argv: Sequence[str],
        *,
        cwd: str,
        env: Mapping[str, str],
        cols: int,
        rows: int,
        on_data: Callable[[bytes], None],
    ) -> Pty: ...


def now() -> Instant:
    """The runner's one clock read: the core only ever gets time passed in."""
    return Instant(time.monotonic(), time.time())


def new_session_id() -> str:
    return secrets.token_urlsafe(16)


def session_exited_error(info: SessionInfo) -> CommandFailed:
    return CommandFailed(
        ErrorInfo(
            code=ErrorCode.SESSION_EXITED,
            message=f"session {info.session_id} ({info.name}) has exited ({info.state_reason})",
            hint="read its output with get_logs, or start a new session with create_session",
        )
    )


class Session:
    """A live (or finished) program. Create with :meth:`start`; the manager owns it."""

    def __init__(
        self,
        session_id: str,
        command: Sequence[str],
        cwd: str,
        name: str,
        cols: int,
        rows: int,
        journal_limit: int = DEFAULT_LIMIT,
        redactor: Redactor | None = None,
    ) -> None:
        self.session_id = session_id
        self.redactor = redactor or Redactor()
        self.command = list(command)
        self.cwd, self.name = cwd, name
        started = now()
        self.started_at = started.wall
        self.resumed_from: ResumedFrom | None = None  # set by supervisor.resume_sessions
        self.core = SessionCore(
            session_id, self.command, cols, rows, self.redactor, started, journal_limit
        )
        self.on_exit: ExitCallback | None = None
        self.on_prompt: PromptCallback | None = None
        self.on_output: OutputCallback | None = None
        self.on_state: Callable[[Session], None] | None = None  # every state change
        self.on_input: Callable[[Session], None] | None = None  # anything typed or pressed
        self.watch: WatchCore | None = None  # watch mode (supervisor.watch_runner)
        self.stepup: StepUp | None = None  # the owner's step-up gate, set by the manager
        self._proc: Pty | None = None
        self._probes = ProbeWindow()  # the foreground's samples over the quiet spell
        self._changed = asyncio.Event()  # set on every state change
        self._output_event = asyncio.Event()
        self._timer: asyncio.TimerHandle | None = None
        self._timer_due: float | None = None
        self._release_timer: asyncio.TimerHandle | None = None
        self._release_due: float | None = None
        self._input_lock = asyncio.Lock()
        self._watcher: asyncio.Task[None] | None = None
        self._exited = asyncio.Event()
        self._answerer = Answerer(
            self.tracker,
            snapshot=self.snapshot,
            quiet_for=lambda: self.core.quiet_for(time.monotonic()),
            output=self._output_event,
            application_cursor=lambda: self.core.cursor_keys.application,
            exited=lambda: self.exited,
        )

    @classmethod
    async def start(
        cls,
        argv: Sequence[str],
        *,
        cwd: str,
        env: Mapping[str, str],
        name: str,
        cols: int = 120,
        rows: int = 40,
        session_id: str | None = None,
        command: Sequence[str] | None = None,
        on_exit: ExitCallback | None = None,
        on_prompt: PromptCallback | None = None,
        on_output: OutputCallback | None = None,
        redactor: Redactor | None = None,
        spawn: Spawn = PtyProcess.spawn,
    ) -> Session:
        """Spawn ``argv`` in a PTY (through ``spawn``). ``command`` is what to report
        (default ``argv``).

        ``redactor`` (default: ``Redactor.from_env(env)``) hides secrets in all it reports.
        Raises :class:`supervisor.pty_process.PtySpawnError` if it cannot start.
        """
        self = cls(
            session_id or new_session_id(),
            command or argv,
            cwd,
            name,
            cols,
            rows,
            redactor=redactor or Redactor.from_env(env),
        )
        self.on_exit, self.on_prompt = on_exit, on_prompt
        self.on_output = on_output  # set before the spawn, so not even the first byte is missed
        proc = await spawn(argv, cwd=cwd, env=env, cols=cols, rows=rows, on_data=self._on_data)
        self._proc = proc
        self._watcher = asyncio.get_running_loop().create_task(
            self._watch(proc), name=f"session-{self.session_id}"
        )
        return self

    # ------------------------------------------------------------ the core's views

    @property
    def journal(self) -> Journal:
        """Every byte released so far (redacted), at its offset."""
        return self.core.journal

    @property
    def screen(self) -> TerminalModel:
        return self.core.screen

    @property
    def tracker(self) -> PromptTracker:
        return self.core.tracker

    @property
    def last_message(self) -> str:
        """The agent's last reply (hook:Stop), redacted."""
        return self.core.last_message

    @property
    def pid(self) -> int | None:
        """The program's process id (also its process group), for diagnostics."""
        return self._proc.pid if self._proc is not None else None

    @property
    def exited(self) -> bool:
        return self.core.exited

    @property
    def state(self) -> SessionState:
        return self.core.state

    # ------------------------------------------------------------ events in, effects out

    def _on_data(self, data: bytes) -> None:
        # Hot path: the stream redactor, then a few microseconds per 4 KiB read.
        self.core.receive(data, now())
        self._output_event.set()
        self._apply()

    def _on_release_timer(self) -> None:
        self._release_timer, self._release_due = None, None
        self.core.release_held(now())
        self._apply()

    def _flush_held(self) -> None:
        """The output ended: release what the stream redactor still holds."""
        self.core.end_of_output()
        self._apply()

    def _on_timer(self) -> None:
        self._timer, self._timer_due = None, None
        at = now()
        if self.core.timer_fired(at):
            self.core.refresh(at, self._signals())
        self._apply()

    def _apply(self) -> None:
        """Carry out the core's effects, in order, then set the timers it asks for."""
        for effect in self.core.take_effects():
            if isinstance(effect, Released):
                if self.on_output is not None:
                    self.on_output(self, effect.data)
                self._output_event.set()
            elif isinstance(effect, StateChanged):
                self._changed.set()
                if self.on_state is not None:
                    self.on_state(self)
            elif isinstance(effect, PromptFound):
                if self.on_prompt is not None:
                    self.on_prompt(self, effect.prompt)
            elif isinstance(effect, TerminalReply):
                # Query answers (DSR, DA): some CLIs wait for them before drawing.
                if self._proc is not None and self._proc.exit_code is None:
                    self._proc.send(effect.data)
        self._set_timers()

    def _set_timers(self) -> None:
        """(Re)arm the two timers when the core's deadlines moved. Touches the loop only
        then: a read from a worker thread (the agents' MCP tools) moves no deadline."""
        due = self.core.refresh_due
        if due != self._timer_due:
            if self._timer is not None:
                self._timer.cancel()
            self._timer = None if due is None else self._call_at(due, self._on_timer)
            self._timer_due = due
        release = self.core.release_due
        if release != self._release_due:
            if self._release_timer is not None:
                self._release_timer.cancel()
            self._release_timer = (
                None if release is None else self._call_at(release, self._on_release_timer)
            )
            self._release_due = release

    @staticmethod
    def _call_at(when: float, callback: Callable[[], None]) -> asyncio.TimerHandle:
        delay = max(0.0, when - time.monotonic())  # the core's deadlines are monotonic
        return asyncio.get_running_loop().call_later(delay, callback)

    def _signals(self) -> Signals:
        """What the terminal says (echo, line mode, who reads it): facts for the tracker."""
        proc = self._proc
        if proc is None or proc.exit_code is not None or self.exited:
            return Signals()
        try:
            # Judged over the quiet spell's samples, not one instant (see probe_window).
            mono = time.monotonic()
            foreground = self._probes.add(
                tty_probe.probe(proc.foreground_pgid()),
                quiet_since=mono - self.core.quiet_for(mono),
                now=mono,
                last_input=self.core.last_input,
                asking=self.core.tracker.pending() is not None,
            )
            return Signals(
                echo_off=not proc.echo_enabled(),
                canonical=proc.canonical(),
                blocked_on_read=foreground.reading,
                elsewhere=foreground.elsewhere,
                interactive=foreground.interactive,
                programs=foreground.programs,
                busy=foreground.busy,
            )
        except OSError:  # the terminal went away between the check and the call
            return Signals()

    # ------------------------------------------------------------ reading

    def refresh(self) -> Prompt | None:
        """Catch the screen up, ask the tracker, update the state; return the pending prompt."""
        prompt = self.core.refresh(now(), self._signals())
        self._apply()
        return prompt

    def _catch_up(self) -> None:
        self.core.catch_up()
        self._apply()

    def snapshot(self) -> ScreenSnapshot:
        """The screen as of all output released so far (catches up first): drawn from
        the redacted stream; :meth:`screen_text` also redacts its text."""
        self.refresh()
        return self.screen.snapshot()

    def screen_text(self) -> tuple[ScreenSnapshot, str]:
        """The screen and its text, secrets redacted."""
        snap = self.snapshot()
        return snap, self.redactor.redact(snap.text)

    def read_raw(self, since: int | None, max_bytes: int) -> JournalRead:
        """Journal bytes from ``since``: redacted as they were journaled, at any offset."""
        return self.journal.read(since, max_bytes)

    def read_text(self, cursor: str | None, max_bytes: int) -> TextRead:
        """Scrollback and screen as a person reads them, new since ``cursor``, redacted.

        Raises :class:`supervisor.screen.CursorError` for a cursor not from this session.
        """
        self.refresh()
        return self.screen.read_text(cursor, max_bytes, self.redactor.redact)

    def text_cursor(self) -> str:
        """A :meth:`read_text` cursor for "from now on"."""
        self.refresh()
        return self.screen.text_cursor()

    def pending_prompt(self) -> Prompt | None:
        """The prompt waiting now, secrets redacted from its question and context."""
        prompt = self.refresh()
        return None if prompt is None else self.redactor.redact_prompt(prompt)

    async def wait_settled(self, timeout: float) -> None:
        """Return once the session is idle, waiting for input or exited, or after ``timeout``.

        Event-driven: wakes on state changes only (the refresh timer decides them).
        """
        try:
            async with asyncio.timeout(timeout):
                while self.refresh() is None and not self.core.settled:
                    self._changed.clear()
                    await self._changed.wait()
        except TimeoutError:
            return

    def on_hook(self, event: HookEvent) -> None:
        """A Claude Code hook event for this session (see :meth:`SessionCore.hook`)."""
        at = now()
        if self.core.hook(event, at):
            self.core.refresh(at, self._signals())
        self._apply()

    def info(self, *, refresh: bool = True) -> SessionInfo:
        """The session's description; ``refresh=False`` describes it as of the last
        :meth:`refresh` (a caller that just called it: one screen catch-up and one
        read of the terminal's state per command, not two)."""
        if refresh and not self.exited:
            # An exited session has nothing pending: no pyte catch-up just to
            # describe it (it cost ~100 ms at exit after a flood).
            self.refresh()
        redact = self.redactor.redact  # a secret in argv or a name stays here too
        core = self.core
        return SessionInfo(
            session_id=self.session_id,
            command=[redact(arg) for arg in self.command],
            cwd=redact(self.cwd),
            name=redact(self.name),
            state=core.state,
            state_since=core.state_since,
            state_reason=core.state_reason,
            started_at=self.started_at,
            exit_code=core.exit_code,
            output_bytes=core.journal.end,
            resumed_from=self.resumed_from,
            watch=None if self.watch is None else self.watch.info(),
        )

    # ------------------------------------------------------------ input

    def _live_proc(self) -> Pty:
        if self.exited or self._proc is None or self._proc.exit_code is not None:
            raise session_exited_error(self.info())
        return self._proc

    async def _type(self, proc: Pty, writes: list[Keystroke]) -> int:
        written = 0
        for stroke in writes:
            if stroke.pause_before:
                await asyncio.sleep(stroke.pause_before)  # noqa: sleep-ok - input pacing
            written += await self._write(proc, stroke.data)
            if stroke.pause_after:
                await asyncio.sleep(stroke.pause_after)  # noqa: sleep-ok - input pacing
        return written

    async def _write(self, proc: Pty, data: bytes) -> int:
        """Write keys, noting when: the program's next output answers them (probe_window)."""
        self.core.keys_written(time.monotonic())
        return await proc.write(data)

    def _note_input(self, what: str) -> None:
        self.core.input_sent(what, now())
        self._apply()
        if self.on_input is not None:
            self.on_input(self)

    async def send_text(self, text: str, enter: bool = True) -> int:
        """Type ``text``; then, after ``ENTER_PAUSE``, Enter as a separate write.

        Refused (PROMPT_SECRET) while the program asks for a password: secrets
        are typed at the computer, never relayed. Keys (Esc, Ctrl-C) still work.
        """
        async with self._input_lock:
            proc = self._live_proc()
            pending = self.refresh()
            if self.stepup is not None:
                self.stepup.check_typing(pending, self.cwd, None)
            if text and pending is not None and pending.kind is PromptKind.SECRET:
                raise PromptError(
                    ErrorCode.PROMPT_SECRET,
                    f"session {self.session_id} is asking for a password: "
                    f"{self.redactor.redact(pending.question)[:80]}",
                    "type secrets at the computer; send_keys ctrl_c or esc can cancel the prompt",
                )
            written = await self._type(proc, type_text(text, enter))
            self._note_input("input")
            return written

    async def send_keys(self, keys: Sequence[Key], repeat: int = 1) -> int:
        """Press ``keys`` in order, ``repeat`` times; arrows follow the cursor-key mode."""
        async with self._input_lock:
            proc = self._live_proc()
            if self.stepup is not None:
                self.stepup.check_typing(self.refresh(), self.cwd, list(keys))
            self._catch_up()
            application = self.core.cursor_keys.application
            written = await self._type(proc, press_keys(keys, repeat, application))
            self._note_input("keys")
            return written

    async def answer_prompt(
        self, prompt_id: str, answer: str, *, approved: bool = False
    ) -> tuple[str, bool]:
        """Answer the prompt on screen; return (what was typed, whether the prompt left).

        A prompt the step-up gate holds is refused (APPROVAL_REQUIRED) unless
        ``approved``, which only ``StepUp.handle`` sets, after verifying a passkey.
        The typing itself is :class:`supervisor.answering.Answerer`'s.

        Raises :class:`supervisor.prompts.PromptError` when the prompt is gone,
        secret, or the answer does not fit it.
        """
        async with self._input_lock:
            proc = self._live_proc()
            if self.stepup is not None and not approved:
                self.stepup.check_answer(self.refresh(), prompt_id, self.cwd)
            sent = await self._answerer.type_answer(
                prompt_id, answer, lambda data: self._write(proc, data)
            )
            self._note_input("an answer")
            typed = " + ".join(describe(w) for w in sent)
            return typed, await self._answerer.prompt_left(prompt_id)

    def resize(self, cols: int, rows: int) -> None:
        """Set the terminal's size; raises ``CommandFailed`` (session_exited) once it ended.

        Output already read is rendered at the old size first, as a terminal would have.
        """
        proc = self._live_proc()
        self.core.resize(cols, rows)
        self._apply()
        proc.resize(cols, rows)

    # ------------------------------------------------------------ ending

    async def _watch(self, proc: Pty) -> None:
        code = -1
        try:
            code = await proc.wait()
            await proc.wait_eof(EOF_GRACE)
            await proc.close()
            self._flush_held()
            if proc.pid is not None:
                # A session's end ends its whole tree: descendants that left the
                # process group (setsid) would otherwise live on as orphans.
                await asyncio.to_thread(end_session_tree, self.session_id)
            # No screen catch-up here: a read catches up lazily, and an exit after a
            # flood would otherwise spend ~60 ms of pyte on a screen nobody reads.
        except Exception:
            log.exception("session %s: cleanup after exit failed", self.session_id)
        finally:
            self._flush_held()  # nothing read is ever lost, even if cleanup failed
            self._finish(code)

    def _finish(self, code: int) -> None:
        self.core.finish(code, now())
        self._apply()
        self._exited.set()
        if self.on_exit is not None:
            try:
                self.on_exit(self)
            except Exception:
                log.exception("on_exit callback failed for session %s", self.session_id)

    async def wait_exited(self) -> None:
        await self._exited.wait()

    async def stop(self, force: bool = False, grace: float = STOP_GRACE) -> SessionInfo:
        """Stop the program (SIGHUP/SIGTERM, SIGKILL after ``grace``; ``force``: SIGKILL)."""
        proc = self._proc
        if not self.exited and proc is not None:
            # The tree as it is now: once the leader dies its children are reparented.
            pid = proc.pid
            tree = await asyncio.to_thread(descendants, pid) if pid is not None else {}
            await proc.terminate(force=force, grace=grace)
            await asyncio.to_thread(kill_all, tree)
            await self.wait_exited()
        return self.info()

    async def close(self) -> None:
        """Kill at once and release everything (supervisor shutdown)."""
        await self.stop(force=True)
