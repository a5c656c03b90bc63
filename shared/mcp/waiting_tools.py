"""Tools for work that waits: project batches (supervisor) and queued messages (relay).

Registered by :func:`shared.mcp.orchestration_tools.register_orchestration_tools`.
The batch tools reach the supervisor like every command; the queue tools exist
only where the backend keeps a durable queue (the relay's hub, ``message_queue``).
"""

from datetime import datetime
from typing import Annotated, Any

from fastmcp import FastMCP
from fastmcp.exceptions import ToolError
from mcp.types import ToolAnnotations
from pydantic import Field

from shared.backend import Backend, new_request_id
from shared.commands.batch import MAX_BATCH, BatchListed, EnqueueProjects, GetBatchStatus
from shared.mcp.args import PathArg, SessionIdArg, TextArg
from shared.mcp.calls import as_tool_error, call
from shared.mcp.conventions import ACTS, READ_ONLY, HostChoice
from shared.mcp.orchestration_results import BatchStatus, QueuedMessages
from shared.queue import MAX_QUEUE_TTL, QUEUE_ID_PATTERN, QueueReceipt

__all__ = ["register_batch_tools", "register_queue_tools"]

EMAIL_PATTERN = r"^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$"


def register_batch_tools(mcp: FastMCP, backend: Backend) -> None:
    """Project batches: create projects from spec files later, one at a time."""

    @mcp.tool(annotations=ACTS)
    async def batch_enqueue_projects(
        spec_files: Annotated[
            list[PathArg], Field(min_length=1, max_length=MAX_BATCH, description=".md specs.")
        ],
        project_directory: Annotated[
            PathArg | None, Field(description="Folder to create the projects in.")
        ] = None,
        priority: Annotated[int, Field(ge=0, le=9, description="Higher starts first.")] = 5,
        schedule_time: Annotated[
            datetime | None,
            Field(description="When to start, ISO 8601 with a time zone; omit for now."),
        ] = None,
        notification_email: Annotated[
            str | None,
            Field(
                max_length=254,
                pattern=EMAIL_PATTERN,
                description="Also email this address when each job ends.",
            ),
        ] = None,
        host: HostChoice = None,
    ) -> BatchStatus:
        """Schedule projects to be created from spec files, each with a small agent team,
        one at a time by priority, at schedule_time or now; the owner is notified as each ends."""
        when = None
        if schedule_time is not None:
            if schedule_time.tzinfo is None:
                raise ToolError("schedule_time needs a time zone, e.g. 2026-12-03T18:00:00Z.")
            when = schedule_time.timestamp()
        mail: Any = getattr(backend, "batch_emails", None)
        if notification_email is not None:
            if mail is None:
                raise ToolError(
                    "notification_email needs the relay's notifications; this server has "
                    "none. Leave it out, or schedule the batch through the relay."
                )
            with as_tool_error():
                mail.check()
            host = host or await _only_online_host(backend)
        cmd = EnqueueProjects(
            request_id=new_request_id(),
            spec_files=spec_files,
            project_directory=project_directory,
            priority=priority,
            schedule_time=when,
        )
        with as_tool_error():
            reply = await call(backend, cmd, BatchListed, host=host, timeout=60)
        if notification_email is not None and host is not None:
            mail.remember(host, [j.job_id for j in reply.jobs], notification_email)
        return BatchStatus(
            host=host, jobs=reply.jobs, next_step="Call get_batch_status to follow the jobs."
        )

    @mcp.tool(annotations=READ_ONLY)
    async def get_batch_status(
        include_completed: bool = True,
        limit: Annotated[int, Field(ge=1, le=200)] = 50,
        host: HostChoice = None,
    ) -> BatchStatus:
        """The scheduled project jobs, newest first: scheduled, running, done (with the
        project_id for get_team_status) or failed (with why)."""
        cmd = GetBatchStatus(
            request_id=new_request_id(), include_completed=include_completed, limit=limit
        )
        with as_tool_error():
            reply = await call(backend, cmd, BatchListed, host=host)
        return BatchStatus(
            host=host,
            jobs=reply.jobs,
            next_step="A done job's project_id works with get_team_status.",
        )


async def _only_online_host(backend: Backend) -> str | None:
    """The one online computer's name (None when there are none or several)."""
    online = [h.name for h in await backend.hosts() if h.online]
    return online[0] if len(online) == 1 else None


def register_queue_tools(mcp: FastMCP, queue: Any) -> None:
    """The queue tools, for a backend that keeps a durable queue (the relay's hub)."""

    @mcp.tool(annotations=ACTS)
    async def queue_message(
        session_id: SessionIdArg,
        text: TextArg,
        priority: Annotated[int, Field(ge=0, le=9, description="Higher is delivered first.")] = 5,
        expires_in_seconds: Annotated[
            int, Field(ge=60, le=MAX_QUEUE_TTL, description="Drop it if not delivered by then.")
        ] = 24 * 3600,
    ) -> QueueReceipt:
        """Queue a message for a busy session or an offline computer: typed in once the
        session is idle and online, highest priority first, unless it expires first."""
        with as_tool_error():
            receipt: QueueReceipt = queue.enqueue(session_id, text, priority, expires_in_seconds)
        return receipt

    @mcp.tool(annotations=READ_ONLY)
    async def list_queued_messages(
        session_id: Annotated[SessionIdArg | None, Field(description="Only this session.")] = None,
    ) -> QueuedMessages:
        """Receipts of queued messages, newest first: queued, delivered (with where the
        text landed), expired, cancelled or failed."""
        with as_tool_error():
            return QueuedMessages(receipts=queue.receipts(session_id))

    @mcp.tool(
        annotations=ToolAnnotations(
            read_only_hint=False, destructive_hint=True, idempotent_hint=True, open_world_hint=False
        )
    )
    async def cancel_queued_message(
        queue_id: Annotated[str, Field(pattern=QUEUE_ID_PATTERN)],
    ) -> QueueReceipt:
        """Cancel a queued message that has not been delivered yet; returns its receipt."""
        with as_tool_error():
            receipt: QueueReceipt = queue.cancel(queue_id)
        return receipt
