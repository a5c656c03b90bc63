"""``list_ended_sessions``: the sessions that have ended and that this supervisor still keeps.

Each comes with a one-line summary (the last readable line it showed, redacted),
so a phone can say what a finished session did without reading its log. The
supervisor keeps a bounded number of them (the oldest are forgotten first).
"""

from __future__ import annotations

from typing import Literal

from shared.commands.examples import INFO
from shared.frames import CommandFrame, ReplyFrame, command
from shared.wire_values import SessionInfo, WireModel


class EndedSession(WireModel):
    session: SessionInfo
    summary: str  # the last readable line it showed, redacted, at most SUMMARY_CHARS


SUMMARY_CHARS = 160


class ListEndedSessions(CommandFrame):
    type: Literal["list_ended_sessions"] = "list_ended_sessions"


class EndedSessionsListed(ReplyFrame):
    type: Literal["ended_sessions_listed"] = "ended_sessions_listed"
    ended: list[EndedSession]


command(
    ListEndedSessions,
    EndedSessionsListed,
    reads=True,
    examples=(
        ListEndedSessions(request_id="r-20"),
        EndedSessionsListed(
            request_id="r-20", ended=[EndedSession(session=INFO, summary="All 12 tests passed.")]
        ),
    ),
)
