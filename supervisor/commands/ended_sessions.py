"""Handler of ``list_ended_sessions`` (``shared.commands.ended_sessions``)."""

from __future__ import annotations

from shared.commands.ended_sessions import EndedSession, EndedSessionsListed, ListEndedSessions
from supervisor.commands import handles
from supervisor.orchestration.coordination import summary_line
from supervisor.session_manager import SessionManager


@handles(ListEndedSessions)
async def list_ended_sessions(m: SessionManager, cmd: ListEndedSessions) -> EndedSessionsListed:
    """The ended sessions the manager still keeps (bounded by its ``keep_exited``)."""
    return EndedSessionsListed(
        request_id=cmd.request_id,
        ended=[
            EndedSession(session=s.info(), summary=summary_line(s)) for s in m.list() if s.exited
        ],
    )
