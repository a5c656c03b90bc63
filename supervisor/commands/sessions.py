"""Handlers of the session commands (``shared.commands.sessions``)."""

from __future__ import annotations

from shared.commands.sessions import (
    GetStatus,
    ListSessions,
    SessionsListed,
    SessionStarted,
    SessionStopped,
    StartSession,
    StatusRead,
    StopSession,
    WaitForSession,
)
from supervisor.commands import handles
from supervisor.session import Session
from supervisor.session_manager import SessionManager


@handles(ListSessions)
async def list_sessions(m: SessionManager, cmd: ListSessions) -> SessionsListed:
    return SessionsListed(request_id=cmd.request_id, sessions=[s.info() for s in m.list()])


@handles(StartSession)
async def start_session(m: SessionManager, cmd: StartSession) -> SessionStarted:
    session = await m.create(cmd.command, cmd.cwd, cmd.name, cmd.cols, cmd.rows)
    return SessionStarted(request_id=cmd.request_id, session=session.info())


@handles(GetStatus)
async def get_status(m: SessionManager, cmd: GetStatus) -> StatusRead:
    return status(cmd.request_id, m.get(cmd.session_id))


@handles(WaitForSession)
async def wait_for_session(m: SessionManager, cmd: WaitForSession) -> StatusRead:
    """Blocks up to ``timeout`` (event-driven, on the session's state changes)."""
    session = m.get(cmd.session_id)
    await session.wait_settled(cmd.timeout)
    return status(cmd.request_id, session)


@handles(StopSession)
async def stop_session(m: SessionManager, cmd: StopSession) -> SessionStopped:
    return SessionStopped(
        request_id=cmd.request_id, session=await m.stop(cmd.session_id, cmd.force)
    )


def status(request_id: str, session: Session) -> StatusRead:
    prompt = session.pending_prompt()  # refreshes the screen and the state once
    return StatusRead(
        request_id=request_id,
        session=session.info(refresh=False),
        prompts=[prompt] if prompt else [],
        last_message=session.last_message,
    )
