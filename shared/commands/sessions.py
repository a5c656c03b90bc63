"""Commands on sessions as a whole: list, start, status, wait, stop."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field

from shared.commands.examples import INFO, PROMPT, SESSION_ID
from shared.frames import CommandFrame, ReplyFrame, command
from shared.wire_values import MAX_WAIT_SECONDS, Prompt, SessionId, SessionInfo, WatchInfo

MAX_WATCH_TURNS = 100


class _ReportsOne(ReplyFrame):
    session: SessionInfo

    def reported_sessions(self) -> list[SessionInfo]:
        return [self.session]


class ListSessions(CommandFrame):
    type: Literal["list_sessions"] = "list_sessions"


class SessionsListed(ReplyFrame):
    type: Literal["sessions_listed"] = "sessions_listed"
    sessions: list[SessionInfo]
    lists_every_session: ClassVar[bool] = True

    def reported_sessions(self) -> list[SessionInfo]:
        return self.sessions


class StartSession(CommandFrame):
    type: Literal["start_session"] = "start_session"
    command: list[Annotated[str, Field(max_length=4096)]] | None = Field(
        default=None, max_length=256
    )  # None: the supervisor's default command
    cwd: str | None = Field(default=None, max_length=4096)
    name: str | None = Field(default=None, max_length=200)
    cols: int = Field(default=120, ge=20, le=500)
    rows: int = Field(default=40, ge=5, le=200)
    # Watch mode (supervisor/watch.py): continue the agent by itself after each turn, at
    # most max_turns times (None: the policy's [watch] max_turns), if the policy allows.
    watch_mode: bool = False
    max_turns: int | None = Field(default=None, ge=1, le=MAX_WATCH_TURNS)


class SessionStarted(_ReportsOne):
    type: Literal["session_started"] = "session_started"


class GetStatus(CommandFrame):
    type: Literal["get_status"] = "get_status"
    session_id: SessionId


class StatusRead(_ReportsOne):
    type: Literal["status_read"] = "status_read"
    prompts: list[Prompt] = []
    last_message: str = ""  # the agent's last reply where it says so (Claude Code's Stop hook)


class WaitForSession(CommandFrame):
    """Reply (:class:`StatusRead`) once the session is not ``working``/``starting`` any more
    (idle, waiting for input, exited), or after ``timeout`` seconds with it still working."""

    type: Literal["wait_for_session"] = "wait_for_session"
    session_id: SessionId
    timeout: float = Field(default=10.0, ge=0, le=MAX_WAIT_SECONDS)


class StopSession(CommandFrame):
    type: Literal["stop_session"] = "stop_session"
    session_id: SessionId
    force: bool = False


class SessionStopped(_ReportsOne):
    type: Literal["session_stopped"] = "session_stopped"


command(
    ListSessions,
    SessionsListed,
    reads=True,
    examples=(
        ListSessions(request_id="r-1"),
        SessionsListed(request_id="r-1", sessions=[INFO]),
    ),
)
command(
    StartSession,
    SessionStarted,
    reads=False,
    starts_sessions=True,
    examples=(
        StartSession(
            request_id="r-2",
            command=["claude"],
            cwd="/home/dev/app",
            name="app",
            watch_mode=True,
            max_turns=5,
        ),
        SessionStarted(
            request_id="r-2",
            session=INFO.model_copy(
                update={"watch": WatchInfo(enabled=True, turns_used=0, max_turns=5)}
            ),
        ),
    ),
)
command(
    GetStatus,
    StatusRead,
    reads=True,
    examples=(
        GetStatus(request_id="r-6", session_id=SESSION_ID),
        StatusRead(request_id="r-6", session=INFO, prompts=[PROMPT]),
    ),
)
command(
    WaitForSession,
    StatusRead,
    reads=True,
    examples=(WaitForSession(request_id="r-10", session_id=SESSION_ID, timeout=10.0),),
)
command(
    StopSession,
    SessionStopped,
    reads=False,
    examples=(
        StopSession(request_id="r-7", session_id=SESSION_ID),
        SessionStopped(request_id="r-7", session=INFO),
    ),
)
