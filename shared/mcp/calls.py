"""The tools' plumbing: error translation, backend calls, result shaping, send_message's wait.

:mod:`shared.mcp.tools` holds the tool signatures and uses these. Error
contract: every ``shared.errors.TetherError`` becomes a
``fastmcp.exceptions.ToolError`` in exactly one place (:func:`as_tool_error`),
with a message a person can act on.
"""

import asyncio
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from fastmcp import Context
from fastmcp.exceptions import ToolError
from pydantic import BaseModel

from shared import protocol as wire
from shared.backend import Backend, HostStatus, StoredLogs, format_utc, new_request_id
from shared.commands.ended_sessions import EndedSessionsListed, ListEndedSessions
from shared.errors import CommandFailed, TetherError, sentences
from shared.mcp.results import (
    UNTRUSTED_NOTE,
    HostView,
    Logs,
    MessageSent,
    PromptView,
    SessionView,
)
from shared.protocol import (
    MAX_WAIT_SECONDS,
    Command,
    ErrorCode,
    Prompt,
    ReadMode,
    SessionInfo,
)

# send_message's wait: a phone user wants the answer, not a second round trip, so
# it waits by default; each supervisor call blocks at most WAIT_CHUNK seconds, and
# a progress notification goes out between chunks.
DEFAULT_SEND_WAIT = 30
MAX_SEND_WAIT = 300
WAIT_CHUNK = min(10.0, MAX_WAIT_SECONDS)


# ---------------------------------------------------------------- the one translation point

_CODE_HINTS = {
    ErrorCode.SESSION_UNKNOWN: "Call list_sessions to see the current session ids.",
    ErrorCode.SESSION_EXITED: "Start another with create_session; get_logs still shows its output.",
    ErrorCode.PROMPT_UNKNOWN: "Call check_prompts to get the current prompt ids.",
    ErrorCode.PROMPT_STALE: "Call check_prompts to get the prompt now on screen.",
    ErrorCode.PROMPT_SECRET: "Secrets are never relayed: type it on the computer itself.",
    ErrorCode.INVALID_ANSWER: "Answer with one of the options check_prompts lists.",
    ErrorCode.POLICY_REFUSED: "The owner's local policy file decides this; only they can edit it.",
}


def to_tool_error(exc: TetherError) -> ToolError:
    """Turn any Tether error into the message an MCP client shows."""
    if isinstance(exc, CommandFailed):
        hint = exc.hint or _CODE_HINTS.get(exc.code, "")
        return ToolError(f"The computer refused ({exc.code.value}): {sentences(exc.message, hint)}")
    return ToolError(str(exc))


@contextmanager
def as_tool_error() -> Iterator[None]:
    try:
        yield
    except TetherError as exc:
        raise to_tool_error(exc) from None


# ---------------------------------------------------------------- helpers

R = TypeVar("R")


async def call(
    backend: Backend,
    command: Command,
    expect: type[R],
    *,
    host: str | None = None,
    session_id: str | None = None,
    timeout: float = 30.0,
) -> R:
    reply = await backend.call(command, host=host, session_id=session_id, timeout=timeout)
    if isinstance(reply, wire.RequestFailed):
        raise CommandFailed(reply.error)
    if not isinstance(reply, expect):
        raise TetherError(
            f"The computer answered {reply.type!r} to {command.type!r}; nothing more is known.",
            hint="Its supervisor may be a different version than the relay: update both.",
        )
    return reply


async def host_of(backend: Backend, session_id: str) -> str | None:
    known = backend.host_of(session_id)
    if known is not None:
        return known
    for host in await backend.hosts():
        if session_id in host.sessions:
            return host.name
    return None


# From the decoded model's own fields, not a dump of it: nested values stay the
# already-validated models (half the cost; status and prompt results are mostly these).


def session_view(info: SessionInfo, host: str | None) -> SessionView:
    return SessionView.model_validate({**info.__dict__, "host": host})


def prompt_view(prompt: Prompt, host: str | None) -> PromptView:
    return PromptView.model_validate({**prompt.__dict__, "host": host})


async def offline_sessions(backend: Backend, hosts: list[HostStatus]) -> list[SessionView]:
    """What a relay remembers of offline hosts' sessions (backends that keep a copy)."""
    stored = getattr(backend, "stored_sessions", None)
    if stored is None:
        return []
    out = []
    for h in hosts:
        for info in await stored(h.name):
            out.append(session_view(info, h.name))
    return out


async def stored_logs(
    backend: Backend, session_id: str, mode: ReadMode, since: int | None, max_bytes: int
) -> StoredLogs | None:
    stored = getattr(backend, "stored_logs", None)
    if stored is None:
        return None
    result: StoredLogs | None = await stored(session_id, mode, since, max_bytes)
    return result


async def ended_sessions(
    backend: Backend, listed: list[tuple[str, wire.SessionsListed]]
) -> list[SessionView]:
    """Sessions the relay stored for online hosts that no longer list them (their
    supervisor restarted): still listed, as ended, with why; get_logs reads the copy."""
    stored = getattr(backend, "stored_sessions", None)
    if stored is None:
        return []
    out = []
    for name, reply in listed:
        have = {info.session_id for info in reply.sessions}
        for info in await stored(name):
            if info.session_id not in have and info.state is wire.SessionState.EXITED:
                out.append(session_view(info, name))
    return out


def relay_copy(session_id: str, mode: ReadMode, stored: StoredLogs, *, ended: bool = False) -> Logs:
    where = (
        f"'{stored.host}' no longer has this session (its supervisor restarted): this is "
        "the relay's stored copy of its output. "
        if ended
        else f"'{stored.host}' is offline (last seen {format_utc(stored.last_seen)}): this "
        "is the relay's stored copy as of then, not the live screen. "
    )
    return Logs(
        session_id=session_id,
        host=stored.host,
        mode=mode,
        text=stored.text,
        start=stored.start,
        end=stored.end,
        dropped=stored.dropped,
        next_since=stored.end,
        source="relay_copy",
        last_seen_utc=format_utc(stored.last_seen),
        note=where + UNTRUSTED_NOTE,
    )


def host_view(h: HostStatus) -> HostView:
    when = None if h.last_seen is None else format_utc(h.last_seen)
    return HostView(last_seen_utc=when, **h.model_dump(exclude={"sessions"}))


def payload(reply: BaseModel) -> dict[str, Any]:
    """A reply's payload, without its wire envelope."""
    return reply.model_dump(exclude={"type", "request_id"})


def _offline_note(h: HostStatus, what: str) -> str:
    return (
        f"'{h.name}' is offline since {format_utc(h.last_seen)}; its {what} cannot be read "
        "until its supervisor reconnects."
    )


async def each_online_host(
    backend: Backend, only: str | None, command: Any, expect: type[R], what: str
) -> tuple[list[HostStatus], list[tuple[str, R]], list[str]]:
    """Send a fresh ``command(request_id=...)`` to every online host (or just ``only``)."""
    hosts = await backend.hosts()
    if only is not None:
        hosts = [h for h in hosts if h.name == only]
        if not hosts:
            raise to_tool_error(
                TetherError(
                    f"No computer named '{only}' has connected to this relay.",
                    hint="Call list_sessions without host to see every computer.",
                )
            )
    problems = [_offline_note(h, what) for h in hosts if not h.online]
    online = [h.name for h in hosts if h.online]

    async def one(name: str) -> tuple[str, R] | str:
        try:
            return name, await call(
                backend, command(request_id=new_request_id()), expect, host=name
            )
        except TetherError as exc:
            return f"'{name}': {to_tool_error(exc)}"

    got: list[tuple[str, R]] = []
    for item in await asyncio.gather(*(one(n) for n in online)):
        if isinstance(item, str):
            problems.append(item)
        else:
            got.append(item)
    return hosts, got, problems


async def wait_and_read(
    backend: Backend,
    ctx: Context,
    sent: MessageSent,
    cursor: str,
    wait_seconds: int,
    max_bytes: int,
) -> MessageSent:
    """Wait (in chunks, reporting progress) for the session to settle, then read what
    it showed since ``cursor``. Raises TetherError like any call."""
    sid = sent.session_id
    started = time.monotonic()
    status: wire.StatusRead | None = None
    while True:
        waited = time.monotonic() - started
        chunk = min(WAIT_CHUNK, wait_seconds - waited)
        if chunk <= 0:
            break
        cmd = wire.WaitForSession(request_id=new_request_id(), session_id=sid, timeout=chunk)
        reply = await backend.call(cmd, session_id=sid, timeout=chunk + 15.0)
        if isinstance(reply, wire.RequestFailed) and reply.error.code is ErrorCode.UNSUPPORTED:
            break  # an older supervisor: return what there is without waiting
        if isinstance(reply, wire.RequestFailed):
            raise CommandFailed(reply.error)
        if not isinstance(reply, wire.StatusRead):
            break
        status = reply
        if reply.session.state not in (wire.SessionState.WORKING, wire.SessionState.STARTING):
            break
        waited = time.monotonic() - started
        await ctx.report_progress(
            waited, wait_seconds, f"the session is still {reply.session.state.value}"
        )
    read = wire.ReadOutput(
        request_id=new_request_id(),
        session_id=sid,
        mode=ReadMode.TEXT,
        cursor=cursor,
        max_bytes=max_bytes,
    )
    out = await call(backend, read, wire.OutputRead, session_id=sid)
    update: dict[str, Any] = {
        "waited_seconds": round(time.monotonic() - started, 3),
        "output": out.text,
        "skipped_lines": out.skipped_lines,
        "next_cursor": out.next_cursor,
    }
    if status is not None:
        state = status.session.state
        update.update(
            state=state,
            state_reason=status.session.state_reason,
            prompts=[prompt_view(p, sent.host) for p in status.prompts],
            last_message=status.last_message,
            next_step=_next_step(state),
        )
    return sent.model_copy(update=update)


def _next_step(state: wire.SessionState) -> str:
    if state is wire.SessionState.WAITING_FOR_INPUT:
        return "Show the user the prompt and answer with respond_to_prompt as they decide."
    if state is wire.SessionState.IDLE:
        return "The session is done and waits for a new message."
    if state is wire.SessionState.EXITED:
        return "The program exited; get_logs still shows its output."
    return "Still working: call get_logs with cursor=next_cursor later for more."


async def with_ended(
    backend: Backend,
    only: str | None,
    sessions: list[SessionView],
    include_ended: bool,
    problems: list[str],
) -> list[SessionView]:
    """``sessions`` without the ended ones, or (``include_ended``) with each one's summary."""
    if not include_ended:
        return [s for s in sessions if s.state is not wire.SessionState.EXITED]
    _, got, more = await each_online_host(
        backend, only, ListEndedSessions, EndedSessionsListed, "ended sessions"
    )
    problems += [p for p in more if p not in problems and "offline since" not in p]
    summaries = {e.session.session_id: e.summary for _, reply in got for e in reply.ended}
    return [
        s
        if s.state is not wire.SessionState.EXITED
        else s.model_copy(update={"summary": summaries.get(s.session_id, s.state_reason)})
        for s in sessions
    ]
