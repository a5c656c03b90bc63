"""Handler of ``resize_session`` (``shared.commands.resize_session``)."""

from __future__ import annotations

from shared.commands.resize_session import ResizeSession, SessionResized
from supervisor.commands import handles
from supervisor.session_manager import SessionManager


@handles(ResizeSession)
async def resize_session(m: SessionManager, cmd: ResizeSession) -> SessionResized:
    """Refused (``session_exited``) for a session whose program has ended."""
    session = m.get(cmd.session_id)
    session.resize(cmd.cols, cmd.rows)
    return SessionResized(
        request_id=cmd.request_id, session=session.info(), cols=cmd.cols, rows=cmd.rows
    )
