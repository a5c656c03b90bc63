"""``resize_session``: set a session's terminal size, as a person resizing the window would.

The program gets SIGWINCH and redraws for the new size; the supervisor's screen
model takes the same size, so later screen reads match what the program draws.
A phone shows far fewer columns than a desktop terminal: a narrower window
makes full-screen programs (Claude Code, editors) readable there.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from shared.commands.examples import INFO, SESSION_ID
from shared.frames import CommandFrame, ReplyFrame, command
from shared.wire_values import SessionId, SessionInfo

MIN_COLS, MAX_COLS = 20, 500  # the same bounds as start_session's
MIN_ROWS, MAX_ROWS = 5, 200


class ResizeSession(CommandFrame):
    type: Literal["resize_session"] = "resize_session"
    session_id: SessionId
    cols: int = Field(ge=MIN_COLS, le=MAX_COLS)
    rows: int = Field(ge=MIN_ROWS, le=MAX_ROWS)


class SessionResized(ReplyFrame):
    type: Literal["session_resized"] = "session_resized"
    session: SessionInfo
    cols: int
    rows: int

    def reported_sessions(self) -> list[SessionInfo]:
        return [self.session]


command(
    ResizeSession,
    SessionResized,
    reads=False,
    examples=(
        ResizeSession(request_id="r-11", session_id=SESSION_ID, cols=60, rows=30),
        SessionResized(request_id="r-11", session=INFO, cols=60, rows=30),
    ),
)
