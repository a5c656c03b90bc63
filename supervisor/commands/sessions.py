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
from shared.errors import CommandFailed
from shared.wire_values import ErrorCode, ErrorInfo
from supervisor.commands import handles
from supervisor.policy import load_policy
from supervisor.session import Session
from supervisor.session_manager import SessionManager
from supervisor.watch_policy import WatchPlan, load_watch, plan_watch
from supervisor.watch_runner import start_watch


@handles(ListSessions)
async def list_sessions(m: SessionManager, cmd: ListSessions) -> SessionsListed:
    return SessionsListed(request_id=cmd.request_id, sessions=[s.info() for s in m.list()])


@handles(StartSession)
async def start_session(m: SessionManager, cmd: StartSession) -> SessionStarted:
    """Watch mode is checked against the policy before anything starts."""
    plan = watch_plan(m, cmd.watch_mode, cmd.max_turns)
    session = await m.create(cmd.command, cmd.cwd, cmd.name, cmd.cols, cmd.rows)
    if plan is not None:
        start_watch(session, plan)
    return SessionStarted(request_id=cmd.request_id, session=session.info())


def watch_plan(m: SessionManager, watch_mode: bool, max_turns: int | None) -> WatchPlan | None:
    """The watch the policy grants this request (None: none asked), or a refusal."""
    if not watch_mode:
        if max_turns is not None:
            raise CommandFailed(
                ErrorInfo(
                    code=ErrorCode.INVALID_ARGUMENT,
                    message="max_turns was given without watch_mode, so it would do nothing",
                    hint="pass watch_mode=true with max_turns, or leave max_turns out",
                )
            )
        return None
    policy = load_policy(m.policy_file)
    return plan_watch(load_watch(policy), policy.path, max_turns)


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
