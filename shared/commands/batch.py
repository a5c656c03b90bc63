"""Batches of projects: ``enqueue_projects`` and ``get_batch_status``.

Each spec file becomes one job that creates a project (as ``create_project``,
with the small team) at its scheduled time, one job at a time, highest priority
first. Jobs are kept in the supervisor's state directory, so a schedule
survives a supervisor restart (a job running when it stopped is marked failed).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from shared.frames import CommandFrame, ReplyFrame, command
from shared.wire_values import WireModel

JobState = Literal["scheduled", "running", "done", "failed"]
MAX_BATCH = 20


class BatchJob(WireModel):
    job_id: str
    spec_file: str
    priority: int
    schedule_time: float  # unix time it may start
    state: JobState
    created_at: float
    project_directory: str | None = None  # where to create it (None: the first root)
    project_id: str | None = None
    project_path: str | None = None
    error: str = ""
    finished_at: float | None = None


class EnqueueProjects(CommandFrame):
    type: Literal["enqueue_projects"] = "enqueue_projects"
    spec_files: list[Annotated[str, Field(min_length=1, max_length=4096)]] = Field(
        min_length=1, max_length=MAX_BATCH
    )
    project_directory: str | None = Field(default=None, max_length=4096)
    priority: int = Field(default=5, ge=0, le=9)
    schedule_time: float | None = None  # None: now


class GetBatchStatus(CommandFrame):
    type: Literal["get_batch_status"] = "get_batch_status"
    include_completed: bool = True
    limit: int = Field(default=50, ge=1, le=200)


class BatchListed(ReplyFrame):
    type: Literal["batch_listed"] = "batch_listed"
    jobs: list[BatchJob]


_JOB = BatchJob(
    job_id="b-3f9a2c",
    spec_file="/home/dev/specs/shop.md",
    priority=5,
    schedule_time=1700003600.0,
    state="scheduled",
    created_at=1700000000.0,
)
command(
    EnqueueProjects,
    BatchListed,
    reads=False,
    examples=(
        EnqueueProjects(
            request_id="r-29", spec_files=["/home/dev/specs/shop.md"], schedule_time=1700003600.0
        ),
        BatchListed(request_id="r-29", jobs=[_JOB]),
    ),
)
command(
    GetBatchStatus,
    BatchListed,
    reads=True,
    examples=(GetBatchStatus(request_id="r-30"),),
)
