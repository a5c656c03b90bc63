"""Handlers of the project batch commands (``shared.commands.batch``)."""

from __future__ import annotations

from shared.commands.batch import BatchListed, EnqueueProjects, GetBatchStatus
from supervisor.commands import handles
from supervisor.orchestration import batch
from supervisor.session_manager import SessionManager


@handles(EnqueueProjects)
async def enqueue_projects(m: SessionManager, cmd: EnqueueProjects) -> BatchListed:
    return BatchListed(request_id=cmd.request_id, jobs=batch.enqueue(m, cmd))


@handles(GetBatchStatus)
async def get_batch_status(m: SessionManager, cmd: GetBatchStatus) -> BatchListed:
    return BatchListed(request_id=cmd.request_id, jobs=batch.status(m, cmd))
