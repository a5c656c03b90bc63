"""Projects and teams: ``create_project``, ``send_to_team``, ``get_team_status``.

A project is a git repository the supervisor creates inside the policy's roots,
with the spec written into it and one agent session per team member (each
started like ``start_session``, under the same policy); each developer works in
its own git worktree and branch. The supervisor keeps the project's record in
its state directory, so it survives a supervisor restart (its sessions do not).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from shared.commands.examples import INFO
from shared.frames import CommandFrame, ReplyFrame, command
from shared.wire_values import MAX_TEXT_CHARS, Prompt, SessionInfo, WireModel

Role = Literal["orchestrator", "project_manager", "developer", "qa"]
ROLES: tuple[Role, ...] = ("orchestrator", "project_manager", "developer", "qa")
ProjectSize = Literal["small", "medium", "large"]
MAX_TEAM = 12
MAX_TEAM_WAIT = 600.0
PROJECT_ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,62}$"
TARGET_PATTERN = r"^(all|[a-z_]{2,20}(-[0-9]{1,2})?)$"


class Member(WireModel):
    name: str  # "developer-1", "qa-1", ...
    role: Role
    session_id: str | None  # None: not started (auto_start false) or start refused
    workdir: str
    branch: str | None  # the developer's own branch; None for roles on the main checkout
    start_error: str = ""


class ProjectInfo(WireModel):
    project_id: str
    name: str
    path: str
    spec_path: str
    created_at: float
    members: list[Member]


class CreateProject(CommandFrame):
    type: Literal["create_project"] = "create_project"
    name: str = Field(min_length=1, max_length=80)
    specification: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    team: dict[Role, Annotated[int, Field(ge=0, le=MAX_TEAM)]] | None = None
    size: ProjectSize = "small"
    auto_start: bool = True
    parent_directory: str | None = Field(default=None, max_length=4096)


class ProjectCreated(ReplyFrame):
    type: Literal["project_created"] = "project_created"
    project: ProjectInfo
    sessions: list[SessionInfo] = []  # the members' sessions, as started

    def reported_sessions(self) -> list[SessionInfo]:
        return self.sessions


class SendToTeam(CommandFrame):
    type: Literal["send_to_team"] = "send_to_team"
    project_id: str = Field(pattern=PROJECT_ID_PATTERN)
    target: str = Field(pattern=TARGET_PATTERN)  # "all", a role, or a member name
    message: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    context: str = Field(default="", max_length=MAX_TEXT_CHARS)
    wait_for_response: bool = False
    timeout: float = Field(default=60.0, ge=0, le=MAX_TEAM_WAIT)
    max_bytes: int = Field(default=4096, ge=1, le=64 * 1024)


class Delivery(WireModel):
    member: str
    session_id: str | None
    delivered: bool
    error: str = ""
    state: str = ""  # the session's state after the wait ("idle", "waiting_for_input", ...)
    response: str = ""  # what it showed since the message (redacted), when waited for
    last_message: str = ""


class TeamMessaged(ReplyFrame):
    type: Literal["team_messaged"] = "team_messaged"
    project_id: str
    deliveries: list[Delivery]


class GetTeamStatus(CommandFrame):
    type: Literal["get_team_status"] = "get_team_status"
    project_id: str = Field(pattern=PROJECT_ID_PATTERN)
    include_git_status: bool = True
    include_agent_health: bool = True
    include_recent_messages: bool = True


class GitStatus(WireModel):
    workdir: str
    branch: str
    ahead: int  # commits on this branch not on the project's main branch
    behind: int
    changed_files: list[str]  # uncommitted changes, as "M path" / "?? path"
    last_commit: str  # "<short hash> <subject>"
    error: str = ""


class MemberStatus(WireModel):
    member: Member
    session: SessionInfo | None = None
    prompt: Prompt | None = None
    git: GitStatus | None = None


class TeamMessage(WireModel):
    at: float
    target: str
    text: str


class TeamStatusRead(ReplyFrame):
    type: Literal["team_status_read"] = "team_status_read"
    project: ProjectInfo
    members: list[MemberStatus]
    recent_messages: list[TeamMessage] = []


_PROJECT = ProjectInfo(
    project_id="shop-3f9a",
    name="shop",
    path="/home/dev/shop",
    spec_path="/home/dev/shop/SPEC.md",
    created_at=1700000000.0,
    members=[
        Member(
            name="developer-1",
            role="developer",
            session_id=INFO.session_id,
            workdir="/home/dev/shop/.worktrees/developer-1",
            branch="developer-1",
        )
    ],
)

command(
    CreateProject,
    ProjectCreated,
    reads=False,
    starts_sessions=True,
    examples=(
        CreateProject(
            request_id="r-22", name="shop", specification="# Shop\nA tiny web shop.", size="small"
        ),
        ProjectCreated(request_id="r-22", project=_PROJECT),
    ),
)
command(
    SendToTeam,
    TeamMessaged,
    reads=False,
    examples=(
        SendToTeam(request_id="r-23", project_id="shop-3f9a", target="all", message="Stand-up"),
        TeamMessaged(
            request_id="r-23",
            project_id="shop-3f9a",
            deliveries=[Delivery(member="developer-1", session_id=INFO.session_id, delivered=True)],
        ),
    ),
)
command(
    GetTeamStatus,
    TeamStatusRead,
    reads=True,
    examples=(
        GetTeamStatus(request_id="r-24", project_id="shop-3f9a"),
        TeamStatusRead(
            request_id="r-24",
            project=_PROJECT,
            members=[
                MemberStatus(
                    member=_PROJECT.members[0],
                    session=INFO,
                    git=GitStatus(
                        workdir="/home/dev/shop/.worktrees/developer-1",
                        branch="developer-1",
                        ahead=1,
                        behind=0,
                        changed_files=["M app.py"],
                        last_commit="1a2b3c4 Add the cart",
                    ),
                )
            ],
            recent_messages=[TeamMessage(at=1700000050.0, target="all", text="Stand-up")],
        ),
    ),
)
