"""The supervisor's command handler: one protocol command in, one typed reply out.

Transport-free: the WebSocket connection and the local stdio MCP mode both call
:meth:`CommandRunner.handle`. It never raises for a bad command; every failure becomes
:class:`RequestFailed` with an :class:`ErrorInfo` a person can act on. This is
the one place supervisor exceptions turn into protocol errors.

Exactly once (``shared.resume.RequestLedger``): every command that acts on a
session is admitted by its ``request_id``; a repeated id gets the stored reply
(or waits for the one still running) and never runs again, and an id reused
for a different command is refused. A command runs in its own task, so a
caller that gives up (a dropped link) does not cancel it and the reply is there
for the retry. :meth:`CommandRunner.lookup` answers "what became of request X" without
admitting it. Reads (list, read, status, prompts) only change nothing, so they
simply run again; their ids are remembered to refuse reuse.

Across runs (``journal``, ``supervisor.request_journal``): a write command is
recorded on disk before it acts (in :meth:`CommandRunner.handle`, before its
first ``await``, so a look-up that follows it on the link always sees it) and
its reply after; a restarted supervisor answers a repeat from that record and
never acts twice, and a look-up that finds no record proves "never received".

Output: every byte a session produces is numbered and kept in the
:class:`supervisor.outbox.Outbox` (:attr:`CommandRunner.outbox`, one bounded
``OutputSender`` per session) until the relay acknowledges it; the connection
sends it from there, decoupled from the PTY read path. Past the bound the oldest
unacknowledged bytes are dropped and the relay is told exactly which range. The
bytes are redacted before they get here (``supervisor.stream_redact``,
length-preserving), so the relay's stored copy and every resend, from any offset,
are redacted and offsets stay exact.

Each command runs through its handler in ``supervisor.commands`` (one per
command type registered in ``shared.commands``); its spec's ``reads`` flag
decides whether it goes through the ledger.

Unsolicited reports (:class:`SessionExited`, :class:`PromptDetected`) go to
callbacks registered with :meth:`CommandRunner.subscribe`.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Literal

from shared.errors import TetherError
from shared.frames import spec_of
from shared.protocol import (
    Command,
    ErrorCode,
    ErrorInfo,
    FrameError,
    LinkCommand,
    LookupState,
    Prompt,
    PromptDetected,
    Reply,
    ReplyFrame,
    RequestFailed,
    RequestLookedUp,
    SessionChanged,
    SessionCommand,
    SessionExited,
    SessionInfo,
    decode_report,
)
from shared.resume import (
    DEFAULT_BUFFER_BYTES,
    Forgotten,
    Fresh,
    InFlight,
    Replay,
    RequestLedger,
    RequestReused,
)
from supervisor.commands import handler_for, missing_handlers
from supervisor.outbox import Outbox
from supervisor.policy import tether_home
from supervisor.reaper import Reaper
from supervisor.request_journal import JournalError, Prior, RequestJournal
from supervisor.resume_plan import StoredSession, initial_handle
from supervisor.session import Session
from supervisor.session_manager import KEEP_EXITED, SessionManager

log = logging.getLogger(__name__)

AgentCommand = SessionCommand
LinkFrame = LinkCommand  # Challenge comes first on a link and is answered by the connection
Unsolicited = SessionExited | PromptDetected | SessionChanged
READ_IDS_KEPT = 4096


class CommandRunner:
    """Maps protocol commands onto a :class:`SessionManager`."""

    def __init__(
        self,
        manager: SessionManager,
        *,
        ledger: RequestLedger[Reply] | None = None,
        stream_limit: int = DEFAULT_BUFFER_BYTES,
        reaper: Reaper | None | Literal["default"] = "default",
        journal: RequestJournal | None = None,
    ) -> None:
        if missing := missing_handlers():
            raise RuntimeError(f"commands without a supervisor handler: {', '.join(missing)}")
        self.manager = manager
        self.ledger: RequestLedger[Reply] = (
            ledger if ledger is not None else RequestLedger(size_of=_reply_size)
        )
        self.outbox = Outbox(stream_limit)
        self.journal = journal  # None: proofs of absence and cross-run answers are off
        self._interrupted: set[str] = set()  # ids an earlier run received, outcome unknown
        # Default: records under the state dir, so a crashed run's orphans can be reaped.
        self.reaper = Reaper(tether_home()) if reaper == "default" else reaper
        self.lost: list[SessionInfo] = []  # sessions a previous run left, reported as exited
        self._reaped = False
        self._keep_for_resume = False  # set at a shutdown after which sessions resume
        self._handles: dict[str, str] = {}  # agents' conversation ids, as last recorded
        self.runs = 0  # commands actually run (not answered from the ledger)
        self._subscribers: list[Callable[[Unsolicited], None]] = []
        self._tasks: dict[str, asyncio.Task[Reply]] = {}
        # A read's id -> the read itself: a reuse is the same id with an unequal command
        # (compared only on a repeat, so a read costs no fingerprint).
        self._read_ids: OrderedDict[str, AgentCommand] = OrderedDict()
        manager.on_exit = self._session_exited
        manager.on_prompt = self._prompt_detected
        manager.on_output = self._output
        manager.on_start = self._started
        manager.on_state = self._state_changed
        manager.on_handle = self._handle_reported
        self._changed: set[str] = set()  # sessions whose state change is not reported yet

    def reap_orphans(self) -> list[SessionInfo]:
        """Kill what a crashed previous run left behind; its sessions are reported as exited.

        Once per run: a second call returns the same list (and never touches sessions
        started since, such as resumed ones)."""
        if self.reaper is not None and not self._reaped:
            self.lost = self.reaper.reap()[-KEEP_EXITED:]
        self._reaped = True
        return self.lost

    def keep_for_resume(self) -> None:
        """The supervisor is shutting down and the policy resumes sessions: the sessions it
        ends now keep their records, so the next run starts them again."""
        self._keep_for_resume = True

    def session_infos(self) -> list[SessionInfo]:
        """Every session (live, kept exited, lost by a previous run) for the hello."""
        return self.lost + [s.info() for s in self.manager.list()]

    # ------------------------------------------------------------ reports

    def subscribe(self, callback: Callable[[Unsolicited], None]) -> None:
        """Call ``callback`` (synchronously, on the loop) with each unsolicited report."""
        self._subscribers.append(callback)

    def _publish(self, report: Unsolicited) -> None:
        for callback in list(self._subscribers):
            try:
                callback(report)
            except Exception:
                log.exception("a subscriber failed on %s", report.type)

    def _session_exited(self, session: Session) -> None:
        self._handles.pop(session.session_id, None)
        if self.reaper is not None and self._keep_for_resume:
            self.reaper.stopped(session.session_id, time.time())
        elif self.reaper is not None:
            self.reaper.forget(session.session_id)
        self.outbox.finish(session.session_id)
        self._publish(SessionExited(session=session.info()))

    def _state_changed(self, session: Session) -> None:
        # Reported on the next loop turn: building the report refreshes the session,
        # which may change its state again (no re-entry), and bursts coalesce.
        if session.session_id not in self._changed and not session.exited:
            self._changed.add(session.session_id)
            asyncio.get_running_loop().call_soon(self._report_state, session)

    def _report_state(self, session: Session) -> None:
        self._changed.discard(session.session_id)
        if session.exited:
            return  # SessionExited says it
        info = session.info()
        pending = session.tracker.pending()
        prompt_id = pending.prompt_id if pending is not None else None
        self._publish(SessionChanged(session=info, prompt_id=prompt_id))

    def _started(self, session: Session) -> None:
        if self.reaper is not None and session.pid is not None:
            sid = session.session_id
            resume = StoredSession(
                session_id=sid,
                argv=tuple(session.command),
                cwd=session.cwd,
                name=session.name,
                handle=initial_handle(session.command, sid),
                ended_at=0.0,
            )
            try:
                self.reaper.record(session.info(), session.pid, resume)
            except OSError:
                log.exception("could not record session %s for the reaper", sid)

    def _handle_reported(self, session_id: str, handle: str) -> None:
        """An agent named its conversation (Claude Code's hooks): recorded for a resume."""
        if self.reaper is not None and self._handles.get(session_id) != handle:
            if self.reaper.set_handle(session_id, handle):
                self._handles[session_id] = handle

    def _output(self, session: Session, data: bytes) -> None:
        # Already redacted: the session releases only what its stream redactor masked.
        self.outbox.append(session.session_id, data)

    def _prompt_detected(self, session: Session, prompt: Prompt) -> None:
        self._publish(PromptDetected(prompt=prompt))

    # ------------------------------------------------------------ commands

    def remembers(self, request_id: str) -> bool:
        """Whether a command with this id has been received (running or done) and is still kept."""
        return request_id in self._read_ids or self.ledger.lookup(request_id) is not None

    def lookup(self, request_id: str) -> RequestLookedUp:
        """What became of ``request_id``, without admitting or running anything."""
        if request_id in self._read_ids:
            return RequestLookedUp(request_id=request_id, state=LookupState.DONE)
        if request_id in self._interrupted:
            return RequestLookedUp(request_id=request_id, state=LookupState.INTERRUPTED)
        known = self.ledger.lookup(request_id)
        if isinstance(known, InFlight):
            return RequestLookedUp(request_id=request_id, state=LookupState.RUNNING)
        if isinstance(known, Replay):
            return RequestLookedUp(
                request_id=request_id, state=LookupState.DONE, reply=known.result
            )
        if isinstance(known, Forgotten):
            return RequestLookedUp(request_id=request_id, state=LookupState.DONE)
        if self.journal is None:
            return RequestLookedUp(request_id=request_id, state=LookupState.UNKNOWN)
        try:
            since = self.journal.complete_since
            prior = self.journal.find(request_id)
        except JournalError:
            return RequestLookedUp(request_id=request_id, state=LookupState.UNKNOWN)
        if prior is None:
            return RequestLookedUp(
                request_id=request_id,
                state=LookupState.NEVER_RECEIVED,
                complete_since=since,
                answered_at=time.time(),
            )
        reply = _stored_reply(prior)
        if reply is not None:
            return RequestLookedUp(request_id=request_id, state=LookupState.DONE, reply=reply)
        return RequestLookedUp(request_id=request_id, state=LookupState.INTERRUPTED)

    async def handle(self, cmd: Command) -> Reply:
        """Run ``cmd`` once per ``request_id``; return its reply. Never raises for a bad command.

        Link frames (``Welcome``, ``Ping``, acks, look-ups...) are not commands:
        the connection answers them; here they get an ``unsupported`` failure.
        """
        if isinstance(cmd, LinkFrame):
            return _failed(
                "-",
                ErrorCode.UNSUPPORTED,
                f"{cmd.type!r} is not a session command",
                "the connection handles link frames itself",
            )
        rid = cmd.request_id
        if spec_of(cmd).reads:
            seen = self._read_ids.get(rid)
            # Compared only on a repeat: equality walks both models field by field.
            if (seen is not None and seen != cmd) or self.ledger.lookup(rid):
                return _reused(rid)
            self._read_ids[rid] = cmd
            self._read_ids.move_to_end(rid)
            while len(self._read_ids) > READ_IDS_KEPT:
                self._read_ids.popitem(last=False)
            self.runs += 1
            return await self._run(cmd)
        if rid in self._read_ids:
            return _reused(rid)
        fingerprint = _fingerprint(cmd)
        try:
            admission = self.ledger.begin(rid, time.monotonic(), fingerprint)
        except RequestReused:
            return _reused(rid)
        if isinstance(admission, Forgotten):
            return _failed(
                rid,
                ErrorCode.INTERNAL,
                f"Request {rid} already ran here; its reply is no longer kept.",
                "Do not send it again; read the session's output (get_logs) to see its effect.",
            )
        if isinstance(admission, Replay):
            result: Reply = admission.result
            return result
        if isinstance(admission, InFlight):
            return await asyncio.shield(self._tasks[rid])
        assert isinstance(admission, Fresh)
        if self.journal is not None:
            # Write-ahead, before any await: on disk before the command can act.
            known = self._journal_admit(cmd, fingerprint)
            if known is not None:
                self.ledger.finish(rid, known, time.monotonic())
                return known
        self.runs += 1
        task = asyncio.get_running_loop().create_task(self._run(cmd), name=f"cmd-{rid}")
        # Kept here (the loop holds tasks weakly) until done, even once its caller has gone.
        self._tasks[rid] = task
        task.add_done_callback(lambda t: self._finished(rid, t))
        return await asyncio.shield(task)

    def _journal_admit(self, cmd: AgentCommand, fingerprint: str) -> Reply | None:
        """Record ``cmd`` before it acts; a reply instead when it must not run now."""
        assert self.journal is not None
        rid = cmd.request_id
        try:
            prior = self.journal.admit(rid, fingerprint, cmd.type)
        except JournalError as exc:
            log.error("request %s refused: the journal could not record it: %s", rid, exc)
            return _failed(
                rid,
                ErrorCode.INTERNAL,
                f"Request {rid} was not run: the supervisor could not record it before acting "
                f"({exc}).",
                "Free disk space on the computer (or fix its state directory), then send it "
                "again; nothing was done.",
            )
        if prior is None:
            return None
        if prior.fingerprint != fingerprint:
            return _reused(rid)
        reply = _stored_reply(prior)
        if reply is not None:
            return reply  # the first outcome, from before a restart
        self._interrupted.add(rid)
        return _failed(
            rid,
            ErrorCode.INTERNAL,
            f"Request {rid} reached this computer before its supervisor restarted, which "
            "stopped before recording the outcome: it may have acted. It is not run again.",
            "Read the session's output (get_logs) to see whether it took effect; send a new "
            "request only if it did not.",
        )

    def _finished(self, rid: str, task: asyncio.Task[Reply]) -> None:
        self._tasks.pop(rid, None)
        if task.cancelled() or task.exception() is not None:
            reply: Reply = _failed(
                rid, ErrorCode.INTERNAL, "the supervisor stopped while running the command"
            )
        else:
            reply = task.result()
        self.ledger.finish(rid, reply, time.monotonic())
        if self.journal is not None:
            self.journal.settle(rid, reply.model_dump_json())

    async def _run(self, cmd: AgentCommand) -> Reply:
        try:
            return await self._dispatch(cmd)
        except TetherError as exc:  # the one place a supervisor error becomes RequestFailed
            return RequestFailed(request_id=cmd.request_id, error=exc.info())
        except Exception:
            log.exception("command %s (%s) failed", cmd.request_id, type(cmd).__name__)
            return _failed(
                cmd.request_id,
                ErrorCode.INTERNAL,
                f"the supervisor failed to run {type(cmd).__name__}",
                "see the supervisor's log on the computer; retrying may help",
            )

    async def _dispatch(self, cmd: AgentCommand) -> Reply:
        handler = handler_for(cmd)
        if handler is None:
            return _failed(
                cmd.request_id,
                ErrorCode.UNSUPPORTED,
                f"this supervisor does not handle {cmd.type!r} commands",
                "update the supervisor to match the relay",
            )
        return await handler(self.manager, cmd)


def _stored_reply(prior: Prior) -> Reply | None:
    """The reply a journal row holds, if any (a row a newer version wrote may not decode)."""
    if prior.reply is None:
        return None
    try:
        frame = decode_report(prior.reply)
    except FrameError:
        return None
    return frame if isinstance(frame, ReplyFrame) else None


def _reply_size(reply: Reply) -> int:
    """A cheap upper estimate of a stored reply's memory (replies of writes are small)."""
    return 4 * len(reply.model_dump_json())


def _fingerprint(cmd: AgentCommand) -> str:
    """The command without its id: the same id with other content is a reuse, not a retry."""
    body = cmd.model_dump_json(exclude={"request_id"})
    return hashlib.sha256(body.encode()).hexdigest()


def _reused(request_id: str) -> RequestFailed:
    return _failed(
        request_id,
        ErrorCode.INVALID_ARGUMENT,
        f"request id {request_id!r} was already used for another command",
        "use a new request id for every new command",
    )


def _failed(request_id: str, code: ErrorCode, message: str, hint: str = "") -> RequestFailed:
    return RequestFailed(
        request_id=request_id, error=ErrorInfo(code=code, message=message, hint=hint)
    )
