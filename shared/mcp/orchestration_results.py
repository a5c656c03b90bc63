"""What the orchestration tools return (pydantic models). Framework-free: no fastmcp import.

Results that carry a session's output, git file names or commit subjects are
untrusted (they come from programs and files on the user's computer).
"""

from typing import Literal

from pydantic import BaseModel, Field

from shared.commands.batch import BatchJob
from shared.commands.coordination import Coordination
from shared.commands.projects import Delivery, MemberStatus, ProjectInfo, TeamMessage
from shared.mcp.results import UNTRUSTED_NOTE, schema_without_default
from shared.queue import QueueReceipt


class _Untrusted(BaseModel):
    untrusted_output: Literal[True] = True
    note: str = Field(default=UNTRUSTED_NOTE, json_schema_extra=schema_without_default)


class TempSessionRan(_Untrusted):
    host: str | None
    session_id: str
    command: list[str]
    cwd: str
    exit_code: int | None = Field(description="The program's exit code; negative: killed by it.")
    timed_out: bool
    seconds: float
    output: str = Field(description="What it showed, as text, secrets redacted (newest kept).")
    skipped_lines: int
    cleaned_up: list[str] = Field(description="What was done so nothing is left running.")


class ProjectCreatedResult(BaseModel):
    host: str | None
    project: ProjectInfo
    next_step: str


class TeamMessageSent(_Untrusted):
    host: str | None
    project_id: str
    deliveries: list[Delivery]


class TeamStatus(_Untrusted):
    host: str | None
    project: ProjectInfo
    members: list[MemberStatus]
    recent_messages: list[TeamMessage]


class ProjectSpec(BaseModel):
    host: str | None
    path: str
    name: str
    project_type: str
    description: str
    requirements: list[str]
    team_size: int | None
    git_initialized: bool
    applied: list[str] = Field(default=[], description="edit_project_spec: each change made.")


class CoordinationProgress(_Untrusted):
    host: str | None
    coordination: Coordination
    waited_seconds: float
    next_step: str


class BatchStatus(BaseModel):
    host: str | None
    jobs: list[BatchJob]
    next_step: str


class QueuedMessages(BaseModel):
    receipts: list[QueueReceipt]
