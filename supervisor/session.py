"""One session: a program in a PTY, its output journal, its screen and its prompt tracker.

Output is read at the PTY's full speed into the :class:`Journal`; the read callback
does nothing else costly. The screen (pyte, ~1 us per byte) is fed LAZILY from the
journal: when someone reads the screen or the status, and on a throttled timer after
output, so a slow terminal model never slows the program. When the screen falls far
behind (bulk output), it skips to the newest bytes.

States: ``starting`` (no output yet) -> ``working`` (output seen recently) ->
``waiting_for_input`` (the tracker sees a prompt) or ``idle`` (quiet for :data:`IDLE_AFTER`
seconds with no prompt) -> ``exited``. Each change records ``state_since`` and a
``state_reason`` saying how it was decided. Input counts as activity: typing makes the
session ``working`` until it is quiet again, so a caller waiting for the answer
(:meth:`Session.wait_settled`) never sees the state from before its message.

Claude Code's hooks (:meth:`Session.on_hook`) announce prompts before they render and
say when a turn ended (``Stop`` -> ``idle`` at once, its message in :attr:`last_message`).
Watch mode (:mod:`supervisor.watch_runner`) sets :attr:`watch` and ``on_input``.

Answering a prompt (typing the tracker's plan, following a menu's highlight, seeing the
prompt leave) is :mod:`supervisor.answering`'s; the session gives it a narrow view of
itself and keeps the input lock and the step-up gate.

Redaction (:attr:`Session.redactor`, a :class:`supervisor.redact.Redactor`): the PTY's
bytes pass through a :class:`supervisor.stream_redact.StreamRedactor` before anything
else sees them; only what it releases (masked in place, same length) reaches the journal,
the screen and ``on_output``. So every read and every byte sent is redacted whatever its
offset, and there is one offset space. Rendered text (screen, text reads, prompts, state
reasons, the Stop message) is redacted once more as text, for what only it shows.
"""

from __future__ import annotations

import asyncio
import logging
import math
import secrets
import time
from collections.abc import Callable, Mapping, Sequence

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
from supervisor.hook_prompts import prompt_from_hook, state_hint
from supervisor.hooks import HookEvent
from supervisor.journal import DEFAULT_LIMIT, Journal, JournalRead
from supervisor.keys import ENTER_PAUSE, ESC_PAUSE, CursorKeyMode, describe, key_bytes
from supervisor.prompts import PromptError, PromptTracker, Signals, family_of
from supervisor.pty_process import PtyProcess
from supervisor.redact import Redactor
from supervisor.screen import ScreenSnapshot, TerminalModel, TextRead
from supervisor.stepup import StepUp
from supervisor.stream_redact import StreamRedactor
from supervisor.watch import WatchCore

log = logging.getLogger(__name__)

REFRESH_INTERVAL = 0.2  # the screen lags output by at most this while output flows
IDLE_AFTER = 3.0  # seconds of quiet (and no prompt) before a session counts as idle
FLOOD_BYTES = 32 * 1024  # unrendered output per refresh interval that counts as a flood
SCREEN_CATCHUP_MAX = 64 * 1024  # ~60 ms of pyte: the most one catch-up may block the loop
EOF_GRACE = 1.0  # after exit, how long trailing output may take to arrive
STOP_GRACE = 3.0  # SIGHUP/SIGTERM -> SIGKILL
# Hook events after which the announced dialog is over (answered, or the turn moved on).
HOOK_CLEARS_PROMPT = frozenset({"PostToolUse", "Stop", "UserPromptSubmit", "StopFailure"})
LAST_MESSAGE_CHARS = 4000

ExitCallback = Callable[["Session"], None]
PromptCallback = Callable[["Session", Prompt], None]
OutputCallback = Callable[["Session", bytes], None]  # must be cheap: runs in the read path


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
        self.last_message = ""  # the agent's last reply (hook:Stop), redacted
        self.command = list(command)
        self.cwd, self.name = cwd, name
        self.started_at = time.time()
        self.resumed_from: ResumedFrom | None = None  # set by supervisor.resume_sessions
        self.journal = Journal(journal_limit)  # redacted bytes only
        self._scrub = StreamRedactor(self.redactor, cols)
        self._scrub_timer: asyncio.TimerHandle | None = None
        self.screen = TerminalModel(cols, rows)
        self.tracker = PromptTracker(session_id, family_of(self.command))
        self.on_exit: ExitCallback | None = None
        self.on_prompt: PromptCallback | None = None
        self.on_output: OutputCallback | None = None
        self._proc: PtyProcess | None = None
        self._cursor_keys = CursorKeyMode()
        self._fed = 0  # journal offset the screen has consumed up to
        self._state = SessionState.STARTING
        self._state_since = self.started_at
        self._state_reason = "started; no output yet"
        self._exit_code: int | None = None
        self._last_output = time.monotonic()
        self._last_input = -math.inf
        self._hook_idle: str | None = None  # a hook said the turn is over: the reason
        self._changed = asyncio.Event()  # set on every state change
        self._output_seen = False
        self._output_event = asyncio.Event()
        self._timer: asyncio.TimerHandle | None = None
        self._reported_prompt = ""
        self._input_lock = asyncio.Lock()
        self._watcher: asyncio.Task[None] | None = None
        self._exited = asyncio.Event()
        self._answerer = Answerer(
            self.tracker,
            snapshot=self.snapshot,
            quiet_for=self._quiet_for,
            output=self._output_event,
            application_cursor=lambda: self._cursor_keys.application,
            exited=lambda: self.exited,
        )
        self.stepup: StepUp | None = None  # the owner's gate (supervisor/stepup.py)
        self.on_state: Callable[[Session], None] | None = None  # every state change
        self.on_input: Callable[[Session], None] | None = None  # anything typed or pressed
        self.watch: WatchCore | None = None  # watch mode (supervisor.watch_runner)

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
    ) -> Session:
        """Spawn ``argv`` in a PTY. ``command`` is what to report (default ``argv``).

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
        self._proc = await PtyProcess.spawn(
            argv, cwd=cwd, env=env, cols=cols, rows=rows, on_data=self._on_data
        )
        self._watcher = asyncio.get_running_loop().create_task(
            self._watch(), name=f"session-{self.session_id}"
        )
        return self

    # ------------------------------------------------------------ output

    def _on_data(self, data: bytes) -> None:
        # Hot path: the stream redactor, then a few microseconds per 4 KiB read.
        self._release(self._scrub.feed(data, time.monotonic()))
        self._last_output = time.monotonic()
        self._output_seen = True
        self._output_event.set()
        loop = asyncio.get_running_loop()
        if self._timer is None or self._timer.when() > loop.time() + REFRESH_INTERVAL:
            self._schedule_refresh(REFRESH_INTERVAL)

    def _release(self, data: bytes) -> None:
        """Journal and pass on what the stream redactor released; time its next release."""
        if data:
            self.journal.append(data)
            if self.on_output is not None:
                self.on_output(self, data)
            self._output_event.set()
        due = self._scrub.due()
        if self._scrub_timer is not None:
            self._scrub_timer.cancel()
            self._scrub_timer = None
        if due is not None:
            loop = asyncio.get_running_loop()
            delay = max(0.0, due - time.monotonic())
            self._scrub_timer = loop.call_later(delay, self._on_scrub_timer)

    def _on_scrub_timer(self) -> None:
        self._scrub_timer = None
        self._release(self._scrub.release(time.monotonic()))

    def _flush_held(self) -> None:
        """The output ended: release what the stream redactor still holds."""
        if self._scrub_timer is not None:
            self._scrub_timer.cancel()
            self._scrub_timer = None
        data = self._scrub.close()
        if data:
            self.journal.append(data)
            if self.on_output is not None:
                self.on_output(self, data)
            self._output_event.set()

    def _schedule_refresh(self, delay: float) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._timer = asyncio.get_running_loop().call_later(delay, self._on_timer)

    def _on_timer(self) -> None:
        self._timer = None
        if self.exited:
            return
        quiet = self._quiet_for()
        if quiet < REFRESH_INTERVAL / 2 and self.journal.end - self._fed > FLOOD_BYTES:
            # A flood is pouring in: nothing can be waiting for a human, and
            # feeding pyte now (~1 us a byte) would only slow the reader. A read
            # catches up on demand; the timer looks again once output pauses.
            # (A footer clock or a spinner is far below this and is still read.)
            self._set_state(SessionState.WORKING, "producing output")
            self._schedule_refresh(REFRESH_INTERVAL)
            return
        self.refresh()
        if quiet < IDLE_AFTER:
            # Look again after doubling quiet spells (0.2, 0.4, 0.8 ... s), so a
            # prompt that needs quiet to be believed, and idleness, are noticed.
            self._schedule_refresh(min(max(REFRESH_INTERVAL, quiet), IDLE_AFTER - quiet))

    def _catch_up(self) -> None:
        end = self.journal.end
        if self._fed >= end:
            return
        chunk = self.journal.read(self._fed, end - self._fed)
        self._fed = end
        self._cursor_keys.feed(chunk.data)
        data = chunk.data
        if len(data) > SCREEN_CATCHUP_MAX:
            # Too far behind to replay without stalling every session: start
            # from a line boundary near the newest bytes instead.
            data = data[-SCREEN_CATCHUP_MAX:]
            newline = data.find(b"\n")
            data = data[newline + 1 :] if newline >= 0 else data
        self.screen.feed(data)
        replies = self.screen.take_replies()
        if replies and self._proc is not None and self._proc.exit_code is None:
            # Query answers (DSR, DA): some CLIs wait for them before drawing.
            self._proc.send(replies)

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

    # ------------------------------------------------------------ state

    @property
    def pid(self) -> int | None:
        """The program's process id (also its process group), for diagnostics."""
        return self._proc.pid if self._proc is not None else None

    @property
    def exited(self) -> bool:
        return self._state is SessionState.EXITED

    @property
    def state(self) -> SessionState:
        return self._state

    def refresh(self) -> Prompt | None:
        """Catch the screen up, ask the tracker, update the state; return the pending prompt."""
        self._catch_up()
        if self.exited:
            return None
        quiet = self._quiet_for()
        snapshot = self.screen.snapshot(with_scrollback=False)
        prompt = self.tracker.observe(snapshot, time.time(), quiet, signals=self._signals())
        if prompt is not None:
            self._set_state(
                SessionState.WAITING_FOR_INPUT,
                f"prompt on screen ({prompt.source}): {self.redactor.redact(prompt.question)[:80]}",
            )
            if prompt.prompt_id != self._reported_prompt:
                self._reported_prompt = prompt.prompt_id
                if self.on_prompt is not None:
                    self.on_prompt(self, self.redactor.redact_prompt(prompt))
        elif self._hook_idle is not None:
            self._set_state(SessionState.IDLE, self._hook_idle)
        elif not self._output_seen:
            self._set_state(SessionState.STARTING, "started; no output yet")
        elif quiet >= IDLE_AFTER:
            self._set_state(
                SessionState.IDLE, f"no output for {IDLE_AFTER:g}s and no prompt on screen"
            )
        else:
            self._set_state(SessionState.WORKING, "producing output")
        return prompt

    def _quiet_for(self) -> float:
        """Seconds since the last output or input, whichever is later."""
        return time.monotonic() - max(self._last_output, self._last_input)

    def _signals(self) -> Signals:
        proc = self._proc
        if proc is None or proc.exit_code is not None:
            return Signals()
        try:
            foreground = tty_probe.probe(proc.foreground_pgid())
            return Signals(
                echo_off=not proc.echo_enabled(),
                canonical=proc.canonical(),
                blocked_on_read=foreground.reading,
                elsewhere=foreground.elsewhere,
                interactive=foreground.interactive,
            )
        except OSError:  # the terminal went away between the check and the call
            return Signals()

    def _set_state(self, state: SessionState, reason: str) -> None:
        if state is not self._state:
            self._state, self._state_since, self._state_reason = state, time.time(), reason
            self._changed.set()
            if self.on_state is not None:
                self.on_state(self)

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
                while self.refresh() is None and self._state in (
                    SessionState.WORKING,
                    SessionState.STARTING,
                ):
                    self._changed.clear()
                    await self._changed.wait()
        except TimeoutError:
            return

    # ------------------------------------------------------------ hooks

    def on_hook(self, event: HookEvent) -> None:
        """A Claude Code hook event for this session (see :mod:`supervisor.hooks`).

        A prompt it announces is offered to the tracker (reported at once, confirmed
        by the screen); events that end a dialog withdraw it; its state hint is
        applied (``Stop``: idle at once, until the next input or activity).
        """
        if self.exited:
            return
        prompt = prompt_from_hook(event, self.session_id, time.time())
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
                    self._set_state(SessionState.WORKING, hint.reason)
        self.refresh()
        self._schedule_refresh(REFRESH_INTERVAL)

    def _note_input(self, what: str) -> None:
        """Typing starts work: ``working`` until the program is quiet or asks again."""
        self._last_input = time.monotonic()
        self._hook_idle = None
        self._set_state(SessionState.WORKING, f"{what} sent; waiting for the program")
        if not self.exited:
            self._schedule_refresh(REFRESH_INTERVAL)
        if self.on_input is not None:
            self.on_input(self)

    def info(self, *, refresh: bool = True) -> SessionInfo:
        """The session's description; ``refresh=False`` describes it as of the last
        :meth:`refresh` (a caller that just called it: one screen catch-up and one
        read of the terminal's state per command, not two)."""
        if refresh and not self.exited:
            # An exited session has nothing pending: no pyte catch-up just to
            # describe it (it cost ~100 ms at exit after a flood).
            self.refresh()
        redact = self.redactor.redact  # a secret in argv or a name stays here too
        return SessionInfo(
            session_id=self.session_id,
            command=[redact(arg) for arg in self.command],
            cwd=redact(self.cwd),
            name=redact(self.name),
            state=self._state,
            state_since=self._state_since,
            state_reason=self._state_reason,
            started_at=self.started_at,
            exit_code=self._exit_code,
            output_bytes=self.journal.end,
            resumed_from=self.resumed_from,
            watch=None if self.watch is None else self.watch.info(),
        )

    # ------------------------------------------------------------ input

    def _live_proc(self) -> PtyProcess:
        if self.exited or self._proc is None or self._proc.exit_code is not None:
            raise session_exited_error(self.info())
        return self._proc

    async def send_text(self, text: str, enter: bool = True) -> int:
        """Type ``text``; then, after :data:`ENTER_PAUSE`, Enter as a separate write.

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
            written = await proc.write(text.encode("utf-8")) if text else 0
            if enter:
                if text:
                    await asyncio.sleep(ENTER_PAUSE)
                written += await proc.write(b"\r")
            self._note_input("input")
            return written

    async def send_keys(self, keys: Sequence[Key], repeat: int = 1) -> int:
        """Press ``keys`` in order, ``repeat`` times; arrows follow the cursor-key mode."""
        async with self._input_lock:
            proc = self._live_proc()
            if self.stepup is not None:
                self.stepup.check_typing(self.refresh(), self.cwd, list(keys))
            self._catch_up()
            application = self._cursor_keys.application
            written, previous = 0, None
            for key in list(keys) * repeat:
                if key is Key.ENTER and previous not in (None, Key.ENTER):
                    await asyncio.sleep(ENTER_PAUSE)
                written += await proc.write(key_bytes(key, application))
                if key is Key.ESC:
                    await asyncio.sleep(ESC_PAUSE)
                previous = key
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
            sent = await self._answerer.type_answer(prompt_id, answer, proc.write)
            self._note_input("an answer")
            typed = " + ".join(describe(w) for w in sent)
            return typed, await self._answerer.prompt_left(prompt_id)

    def resize(self, cols: int, rows: int) -> None:
        """Set the terminal's size; raises ``CommandFailed`` (session_exited) once it ended.

        Output already read is rendered at the old size first, as a terminal would have.
        """
        proc = self._live_proc()
        self._catch_up()
        self.screen.resize(cols, rows)
        self._scrub.cols = cols
        proc.resize(cols, rows)

    # ------------------------------------------------------------ ending

    async def _watch(self) -> None:
        assert self._proc is not None
        code = -1
        try:
            code = await self._proc.wait()
            await self._proc.wait_eof(EOF_GRACE)
            await self._proc.close()
            self._flush_held()
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
        self._exit_code = code
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        how = f"exited with code {code}" if code >= 0 else f"was killed by signal {-code}"
        self._set_state(SessionState.EXITED, f"the program {how}")
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
        if not self.exited and self._proc is not None:
            # The tree as it is now: once the leader dies its children are reparented.
            tree = await asyncio.to_thread(descendants, self._proc.pid)
            await self._proc.terminate(force=force, grace=grace)
            await asyncio.to_thread(kill_all, tree)
            await self.wait_exited()
        return self.info()

    async def close(self) -> None:
        """Kill at once and release everything (supervisor shutdown)."""
        await self.stop(force=True)
