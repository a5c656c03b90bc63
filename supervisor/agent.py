"""The supervisor's command handler: one protocol command in, one typed reply out.

Transport-free: the WebSocket connection and the local stdio MCP mode both call
:meth:`Agent.handle`. It never raises for a bad command; every failure becomes
:class:`RequestFailed` with an :class:`ErrorInfo` a person can act on. This is
the one place supervisor exceptions turn into protocol errors.

Exactly once: the replies to recent ``request_id`` s are kept; a repeated id
gets the stored reply (or waits for the one still running) without running the
command again. A command runs in its own task, so a caller that gives up (a
dropped link) does not cancel it and the reply is there for the retry.

Unsolicited reports (:class:`SessionExited`, :class:`PromptDetected`) go to
callbacks registered with :meth:`Agent.subscribe`.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Callable

from shared.errors import CommandFailed, SessionUnknown, TetherError
from shared.protocol import (
    AnswerPrompt,
    CheckPrompts,
    Command,
    ErrorCode,
    ErrorInfo,
    GetStatus,
    InputSent,
    KeysSent,
    ListSessions,
    OutputRead,
    Ping,
    Prompt,
    PromptAnswered,
    PromptDetected,
    PromptsChecked,
    ReadMode,
    ReadOutput,
    Reply,
    RequestFailed,
    SendInput,
    SendKeys,
    SessionExited,
    SessionsListed,
    SessionStarted,
    SessionStopped,
    StartSession,
    StatusRead,
    StopSession,
    Welcome,
)
from supervisor.prompts import PromptError
from supervisor.session import Session
from supervisor.sessions import SessionManager

log = logging.getLogger(__name__)

AgentCommand = (
    ListSessions
    | StartSession
    | SendInput
    | SendKeys
    | ReadOutput
    | GetStatus
    | StopSession
    | CheckPrompts
    | AnswerPrompt
)
Unsolicited = SessionExited | PromptDetected
REPLY_CACHE = 512


class Agent:
    """Maps protocol commands onto a :class:`SessionManager`."""

    def __init__(self, manager: SessionManager, reply_cache: int = REPLY_CACHE) -> None:
        self.manager = manager
        self._subscribers: list[Callable[[Unsolicited], None]] = []
        self._replies: OrderedDict[str, tuple[AgentCommand, asyncio.Future[Reply]]] = OrderedDict()
        self._cache_size = reply_cache
        self._running: set[asyncio.Task[Reply]] = set()
        manager.on_exit = self._session_exited
        manager.on_prompt = self._prompt_detected

    # ------------------------------------------------------------ reports

    def subscribe(self, callback: Callable[[Unsolicited], None]) -> None:
        """Call ``callback`` (synchronously, on the loop) with each unsolicited report."""
        self._subscribers.append(callback)

    def unsubscribe(self, callback: Callable[[Unsolicited], None]) -> None:
        if callback in self._subscribers:
            self._subscribers.remove(callback)

    def _publish(self, report: Unsolicited) -> None:
        for callback in list(self._subscribers):
            try:
                callback(report)
            except Exception:
                log.exception("a subscriber failed on %s", report.type)

    def _session_exited(self, session: Session) -> None:
        self._publish(SessionExited(session=session.info()))

    def _prompt_detected(self, session: Session, prompt: Prompt) -> None:
        self._publish(PromptDetected(prompt=prompt))

    # ------------------------------------------------------------ commands

    def remembers(self, request_id: str) -> bool:
        """Whether a command with this id has been received (running or done) and is still kept."""
        return request_id in self._replies

    async def handle(self, cmd: Command) -> Reply:
        """Run ``cmd`` once per ``request_id``; return its reply. Never raises for a bad command.

        ``Welcome`` and ``Ping`` are link frames, not commands: the connection
        answers them; here they get an ``unsupported`` failure.
        """
        if isinstance(cmd, (Welcome, Ping)):
            return _failed(
                "-",
                ErrorCode.UNSUPPORTED,
                f"{cmd.type!r} is not a session command",
                "the connection handles link frames itself",
            )
        cached = self._replies.get(cmd.request_id)
        if cached is not None:
            previous, future = cached
            self._replies.move_to_end(cmd.request_id)
            if previous != cmd:
                return _failed(
                    cmd.request_id,
                    ErrorCode.INVALID_ARGUMENT,
                    f"request id {cmd.request_id!r} was already used for another command",
                    "use a new request id for every new command",
                )
            return await asyncio.shield(future)
        task = asyncio.get_running_loop().create_task(self._run(cmd), name=f"cmd-{cmd.request_id}")
        # The loop holds tasks weakly: keep each alive until done, even once
        # its caller has gone and the cache has moved on.
        self._running.add(task)
        task.add_done_callback(self._running.discard)
        self._replies[cmd.request_id] = (cmd, task)
        while len(self._replies) > self._cache_size:
            self._replies.popitem(last=False)
        return await asyncio.shield(task)

    async def _run(self, cmd: AgentCommand) -> Reply:
        try:
            return await self._dispatch(cmd)
        except CommandFailed as exc:
            return _failed(cmd.request_id, exc.code, exc.message, exc.hint)
        except SessionUnknown as exc:
            return _failed(cmd.request_id, ErrorCode.SESSION_UNKNOWN, exc.message, exc.hint)
        except PromptError as exc:
            return _failed(cmd.request_id, exc.code, exc.message, exc.hint)
        except TetherError as exc:
            return _failed(cmd.request_id, ErrorCode.INTERNAL, exc.message, exc.hint)
        except Exception:
            log.exception("command %s (%s) failed", cmd.request_id, type(cmd).__name__)
            return _failed(
                cmd.request_id,
                ErrorCode.INTERNAL,
                f"the supervisor failed to run {type(cmd).__name__}",
                "see the supervisor's log on the computer; retrying may help",
            )

    async def _dispatch(self, cmd: AgentCommand) -> Reply:
        rid = cmd.request_id
        m = self.manager
        if isinstance(cmd, ListSessions):
            return SessionsListed(request_id=rid, sessions=[s.info() for s in m.list()])
        if isinstance(cmd, StartSession):
            session = await m.create(cmd.command, cmd.cwd, cmd.name, cmd.cols, cmd.rows)
            return SessionStarted(request_id=rid, session=session.info())
        if isinstance(cmd, SendInput):
            n = await m.get(cmd.session_id).send_text(cmd.text, cmd.enter)
            return InputSent(request_id=rid, session_id=cmd.session_id, bytes_written=n)
        if isinstance(cmd, SendKeys):
            n = await m.get(cmd.session_id).send_keys(cmd.keys, cmd.repeat)
            return KeysSent(request_id=rid, session_id=cmd.session_id, bytes_written=n)
        if isinstance(cmd, ReadOutput):
            return _read_output(m.get(cmd.session_id), cmd)
        if isinstance(cmd, GetStatus):
            session = m.get(cmd.session_id)
            prompt = session.pending_prompt()
            return StatusRead(
                request_id=rid, session=session.info(), prompts=[prompt] if prompt else []
            )
        if isinstance(cmd, StopSession):
            return SessionStopped(request_id=rid, session=await m.stop(cmd.session_id, cmd.force))
        if isinstance(cmd, CheckPrompts):
            sessions = [m.get(cmd.session_id)] if cmd.session_id else m.list()
            prompts = [p for p in (s.pending_prompt() for s in sessions) if p is not None]
            return PromptsChecked(request_id=rid, prompts=prompts)
        if isinstance(cmd, AnswerPrompt):
            return await self._answer(cmd)
        return _failed(
            rid,
            ErrorCode.UNSUPPORTED,
            f"this supervisor does not handle {getattr(cmd, 'type', '?')!r} commands",
            "update the supervisor to match the relay",
        )

    async def _answer(self, cmd: AnswerPrompt) -> Reply:
        session_id, sep, token = cmd.prompt_id.partition(":")
        if not sep or not token:
            return _failed(
                cmd.request_id,
                ErrorCode.PROMPT_UNKNOWN,
                f"{cmd.prompt_id!r} is not a prompt id",
                "use a prompt_id exactly as check_prompts returned it",
            )
        try:
            session = self.manager.get(session_id)
        except SessionUnknown:
            return _failed(
                cmd.request_id,
                ErrorCode.PROMPT_UNKNOWN,
                f"prompt {cmd.prompt_id!r} belongs to no session on this computer",
                "call check_prompts to see the prompts waiting now",
            )
        sent, gone = await session.answer_prompt(cmd.prompt_id, cmd.answer)
        return PromptAnswered(
            request_id=cmd.request_id,
            prompt_id=cmd.prompt_id,
            session_id=session.session_id,
            sent=sent,
            prompt_gone=gone,
        )


def _read_output(session: Session, cmd: ReadOutput) -> OutputRead:
    if cmd.mode is ReadMode.SCREEN:
        snap = session.snapshot()
        end = session.journal.end
        return OutputRead(
            request_id=cmd.request_id,
            session_id=session.session_id,
            mode=cmd.mode,
            text=snap.text,
            start=end,
            end=end,
            cursor_row=snap.cursor_row,
            cursor_col=snap.cursor_col,
        )
    chunk = session.read_raw(cmd.since, cmd.max_bytes)
    data = _whole_characters(chunk.data)
    return OutputRead(
        request_id=cmd.request_id,
        session_id=session.session_id,
        mode=cmd.mode,
        text=data.decode("utf-8", "replace"),
        start=chunk.start,
        end=chunk.start + len(data),
        dropped=chunk.dropped,
    )


def _whole_characters(data: bytes) -> bytes:
    """``data`` without a UTF-8 character cut at its end, so the next read (from
    ``end``) decodes it whole. Leaves ``data`` alone if nothing would remain."""
    for back in range(1, min(4, len(data)) + 1):
        byte = data[-back]
        if byte < 0x80:
            return data
        if byte >= 0xC0:  # a lead byte: how long is its character?
            need = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return data if back >= need or back == len(data) else data[:-back]
    return data


def _failed(request_id: str, code: ErrorCode, message: str, hint: str = "") -> RequestFailed:
    return RequestFailed(
        request_id=request_id, error=ErrorInfo(code=code, message=message, hint=hint)
    )
