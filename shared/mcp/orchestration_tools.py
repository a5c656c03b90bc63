"""The orchestration tools: temporary sessions, projects and teams, specs, coordinated tasks.

Registered by :func:`shared.mcp.tools.register_tools` (so both transports serve
them): each builds one command from ``shared.commands`` and shapes the reply;
:func:`_ask` sends it, bounds the wait, reports progress during long ones and
turns refusals into tool errors (coordination reads in chunks between progress
notes). The supervisor does the work under its policy.
Its register function also adds ``search``/``fetch`` (:mod:`shared.mcp.search_tools`)
and the batch and queue tools (:mod:`shared.mcp.waiting_tools`).
"""

import asyncio
import time
from typing import Annotated, TypeVar

from fastmcp import Context, FastMCP
from pydantic import Field

from shared.backend import Backend, new_request_id
from shared.commands.coordination import (
    COORDINATION_ID_PATTERN,
    MAX_PARTS,
    Assignment,
    CoordinationRead,
    ReadCoordination,
    StartCoordination,
)
from shared.commands.projects import (
    MAX_TEAM,
    MAX_TEAM_WAIT,
    PROJECT_ID_PATTERN,
    TARGET_PATTERN,
    CreateProject,
    GetTeamStatus,
    ProjectCreated,
    ProjectSize,
    Role,
    SendToTeam,
    TeamMessaged,
    TeamStatusRead,
)
from shared.commands.specs import (
    MAX_REQUIREMENTS,
    EditSpec,
    Requirement,
    SpecChange,
    SpecWritten,
    WriteSpec,
)
from shared.commands.temp_session import MAX_TEMP_SECONDS, RunTempSession, TempSessionFinished
from shared.frames import CommandFrame, ReplyFrame
from shared.mcp.args import ArgvItem, NameArg, PathArg, TextArg
from shared.mcp.calls import as_tool_error, call, payload
from shared.mcp.conventions import ACTS, READ_ONLY, HostChoice
from shared.mcp.orchestration_results import (
    CoordinationProgress,
    ProjectCreatedResult,
    ProjectSpec,
    TeamMessageSent,
    TeamStatus,
    TempSessionRan,
)
from shared.mcp.search_tools import register_search_tools
from shared.mcp.waiting_tools import register_batch_tools, register_queue_tools
from shared.wire_values import MAX_READ_BYTES, MAX_WAIT_SECONDS

__all__ = ["register_orchestration_tools"]

PROGRESS_EVERY = 5.0  # seconds between progress notifications during a long call
REPLY_MARGIN = 30.0  # the relay waits this much longer than the supervisor's own bound
MAX_COORDINATION_WAIT = 300

R = TypeVar("R", bound=ReplyFrame)


async def _ask(
    backend: Backend,
    cmd: CommandFrame,
    expect: type[R],
    host: str | None,
    wait: float = 30.0,
    ctx: Context | None = None,
    what: str = "",
) -> R:
    """The supervisor's reply to ``cmd`` (as a tool error if refused), waiting at most
    ``wait`` seconds plus :data:`REPLY_MARGIN`; with ``ctx``, a progress notification
    saying ``what`` goes out every few seconds while it waits."""
    with as_tool_error():
        work = call(backend, cmd, expect, host=host, timeout=wait + REPLY_MARGIN)
        if ctx is None:
            return await work
        task = asyncio.ensure_future(work)
        started = time.monotonic()
        try:
            while True:
                done, _ = await asyncio.wait({task}, timeout=PROGRESS_EVERY)
                if done:
                    return task.result()
                elapsed = time.monotonic() - started
                await ctx.report_progress(min(elapsed, wait), wait, f"{what} ({elapsed:.0f} s)")
        finally:
            task.cancel()


def register_orchestration_tools(mcp: FastMCP, backend: Backend) -> None:
    """Add the orchestration tools to ``mcp``, each answered through ``backend``."""
    register_search_tools(mcp, backend)
    register_batch_tools(mcp, backend)
    queue = getattr(backend, "message_queue", None)  # the relay's durable queue
    if queue is not None:
        register_queue_tools(mcp, queue)

    @mcp.tool(annotations=ACTS)
    async def spawn_temp_session(
        command: Annotated[
            list[ArgvItem],
            Field(
                min_length=1,
                max_length=256,
                description="Program and arguments, e.g. "
                "['npm', 'test'] or ['claude', '-p', 'summarise README.md']. Not a shell line.",
            ),
        ],
        ctx: Context,
        working_dir: Annotated[PathArg | None, Field(description="Folder to run in.")] = None,
        timeout: Annotated[
            int,
            Field(ge=1, le=int(MAX_TEMP_SECONDS), description="Kill it after this many seconds."),
        ] = 120,
        max_bytes: Annotated[int, Field(ge=1, le=MAX_READ_BYTES)] = 16 * 1024,
        host: HostChoice = None,
    ) -> TempSessionRan:
        """Run one command in a throwaway session until it ends or times out; returns its
        exit code and output, and leaves nothing running. To follow work, create_session."""
        cmd = RunTempSession(
            request_id=new_request_id(),
            command=command,
            cwd=working_dir,
            timeout=timeout,
            max_bytes=max_bytes,
        )
        running = "the command is still running"
        reply = await _ask(backend, cmd, TempSessionFinished, host, timeout, ctx, running)
        return TempSessionRan(host=host, **payload(reply))

    @mcp.tool(annotations=ACTS)
    async def create_orchestration_project(
        project_name: Annotated[NameArg, Field(min_length=1, max_length=80)],
        specification: Annotated[
            TextArg, Field(description="The spec's Markdown text, or the path of a .md spec file.")
        ],
        ctx: Context,
        team_composition: Annotated[
            dict[Role, Annotated[int, Field(ge=0, le=MAX_TEAM)]] | None,
            Field(
                description="Members per role, e.g. {'developer': 2, 'qa': 1}; "
                "replaces project_size's team."
            ),
        ] = None,
        project_size: Annotated[
            ProjectSize,
            Field(
                description="small: orchestrator, developer, QA; medium: +PM, "
                "+developer; large: 4 developers, 2 QA."
            ),
        ] = "small",
        auto_start: Annotated[bool, Field(description="Start each member's agent now.")] = True,
        parent_directory: Annotated[
            PathArg | None, Field(description="Folder to create the project in.")
        ] = None,
        host: HostChoice = None,
    ) -> ProjectCreatedResult:
        """Create a project from a spec: a new git repository with the spec, and a team of
        agent sessions (orchestrator, project manager, developers, QA), each briefed on
        its role; each developer gets its own git worktree and branch."""
        cmd = CreateProject(
            request_id=new_request_id(),
            name=project_name,
            specification=specification,
            team=team_composition,
            size=project_size,
            auto_start=auto_start,
            parent_directory=parent_directory,
        )
        reply = await _ask(backend, cmd, ProjectCreated, host, 120, ctx, "starting the team")
        return ProjectCreatedResult(
            host=host,
            project=reply.project,
            next_step="Talk to the team with send_to_team; follow it with get_team_status.",
        )

    @mcp.tool(annotations=ACTS)
    async def send_to_team(
        project_id: Annotated[str, Field(pattern=PROJECT_ID_PATTERN)],
        message: TextArg,
        ctx: Context,
        target: Annotated[
            str,
            Field(
                pattern=TARGET_PATTERN,
                description="'all', a role ('developer') or a member ('developer-1').",
            ),
        ] = "all",
        context: Annotated[
            str, Field(max_length=16384, description="Extra context appended.")
        ] = "",
        wait_for_response: bool = False,
        timeout: Annotated[int, Field(ge=0, le=int(MAX_TEAM_WAIT))] = 60,
        host: HostChoice = None,
    ) -> TeamMessageSent:
        """Type a message to a project's team: every member, one role, or one member; with
        wait_for_response, wait (up to timeout) and return what each one answered."""
        cmd = SendToTeam(
            request_id=new_request_id(),
            project_id=project_id,
            target=target,
            message=message,
            context=context,
            wait_for_response=wait_for_response,
            timeout=timeout,
        )
        reply = await _ask(backend, cmd, TeamMessaged, host, timeout, ctx, "waiting for the team")
        return TeamMessageSent(host=host, project_id=reply.project_id, deliveries=reply.deliveries)

    @mcp.tool(annotations=READ_ONLY)
    async def get_team_status(
        project_id: Annotated[str, Field(pattern=PROJECT_ID_PATTERN)],
        include_git_status: bool = True,
        include_agent_health: bool = True,
        include_recent_messages: bool = True,
        host: HostChoice = None,
    ) -> TeamStatus:
        """A project's team: each member's state and prompt, each worktree's branch,
        ahead/behind, changed files and last commit, and recent team messages."""
        cmd = GetTeamStatus(
            request_id=new_request_id(),
            project_id=project_id,
            include_git_status=include_git_status,
            include_agent_health=include_agent_health,
            include_recent_messages=include_recent_messages,
        )
        reply = await _ask(backend, cmd, TeamStatusRead, host)
        return TeamStatus(
            host=host,
            project=reply.project,
            members=reply.members,
            recent_messages=reply.recent_messages,
        )

    @mcp.tool(annotations=ACTS)
    async def create_project_spec(
        spec_name: Annotated[NameArg, Field(min_length=1, max_length=80)],
        description: Annotated[str, Field(min_length=1, max_length=8000)],
        project_type: Annotated[str, Field(min_length=1, max_length=80)] = "software",
        requirements: Annotated[list[Requirement], Field(max_length=MAX_REQUIREMENTS)] = [],  # noqa: B006
        team_size: Annotated[int | None, Field(ge=1, le=MAX_TEAM)] = None,
        save_path: Annotated[
            PathArg | None, Field(description="A folder (the file is <name>.md) or a .md path.")
        ] = None,
        generate_git_repo: Annotated[
            bool, Field(description="Make a new git repository folder holding SPEC.md.")
        ] = False,
        host: HostChoice = None,
    ) -> ProjectSpec:
        """Write a structured Markdown project spec (name, type, description, requirements,
        team size) on the user's computer, ready for create_orchestration_project."""
        cmd = WriteSpec(
            request_id=new_request_id(),
            name=spec_name,
            project_type=project_type,
            description=description,
            requirements=requirements,
            team_size=team_size,
            save_path=save_path,
            generate_git_repo=generate_git_repo,
        )
        reply = await _ask(backend, cmd, SpecWritten, host)
        return ProjectSpec(host=host, **payload(reply))

    @mcp.tool(annotations=ACTS)
    async def edit_project_spec(
        spec_path: PathArg,
        modifications: Annotated[
            list[SpecChange],
            Field(
                min_length=1,
                max_length=50,
                description="Changes in order, e.g. "
                "{'action': 'add_requirement', 'value': 'Refunds'}.",
            ),
        ],
        host: HostChoice = None,
    ) -> ProjectSpec:
        """Change a spec create_project_spec wrote: add or remove requirements, replace
        the description, or set the team size."""
        cmd = EditSpec(request_id=new_request_id(), spec_path=spec_path, changes=modifications)
        reply = await _ask(backend, cmd, SpecWritten, host)
        return ProjectSpec(host=host, **payload(reply))

    @mcp.tool(annotations=ACTS)
    async def coordinate_sessions(
        task_description: TextArg,
        session_assignments: Annotated[
            list[Assignment],
            Field(
                min_length=1,
                max_length=MAX_PARTS,
                description="One item per part: "
                "{'part': 'what to do', 'session_id': '...'}; omit session_id to start a "
                "new session (in 'cwd') for that part.",
            ),
        ],
        ctx: Context,
        wait_seconds: Annotated[int, Field(ge=0, le=MAX_COORDINATION_WAIT)] = 30,
        host: HostChoice = None,
    ) -> CoordinationProgress:
        """Split a task across sessions: send each its part and follow them; returns a
        coordination_id for get_coordination_status. The owner is notified when it ends."""
        cmd = StartCoordination(
            request_id=new_request_id(), task=task_description, assignments=session_assignments
        )
        started = time.monotonic()
        reply = await _ask(backend, cmd, CoordinationRead, host, 60)
        return await _follow(backend, ctx, reply, wait_seconds, host, started)

    @mcp.tool(annotations=READ_ONLY)
    async def get_coordination_status(
        coordination_id: Annotated[str, Field(pattern=COORDINATION_ID_PATTERN)],
        ctx: Context,
        wait_seconds: Annotated[
            int,
            Field(
                ge=0,
                le=MAX_COORDINATION_WAIT,
                description="Wait up to this long for the parts to finish.",
            ),
        ] = 0,
        host: HostChoice = None,
    ) -> CoordinationProgress:
        """Progress of a task coordinate_sessions started: each part's state, and once all
        are done or failed, the final summary."""
        started = time.monotonic()
        cmd = ReadCoordination(request_id=new_request_id(), coordination_id=coordination_id)
        reply = await _ask(backend, cmd, CoordinationRead, host)
        return await _follow(backend, ctx, reply, wait_seconds, host, started)


async def _follow(
    backend: Backend,
    ctx: Context,
    reply: CoordinationRead,
    wait_seconds: int,
    host: str | None,
    started: float,
) -> CoordinationProgress:
    """Read the coordination in chunks (progress between them) until it finishes, a part
    waits for a person, or ``wait_seconds`` pass."""
    c = reply.coordination
    while not c.finished and not any(p.state == "waiting_for_person" for p in c.parts):
        left = wait_seconds - (time.monotonic() - started)
        if left <= 0:
            break
        chunk = min(MAX_WAIT_SECONDS, left)
        cmd = ReadCoordination(
            request_id=new_request_id(), coordination_id=c.coordination_id, wait=chunk
        )
        c = (await _ask(backend, cmd, CoordinationRead, host, chunk)).coordination
        done = sum(p.state in ("done", "failed") for p in c.parts)
        await ctx.report_progress(done, len(c.parts), f"{done} of {len(c.parts)} parts finished")
    if c.finished:
        step = "Every part is finished; summary has one line per part."
    elif any(p.state == "waiting_for_person" for p in c.parts):
        step = "A part waits for the user: call check_prompts and answer as they decide."
    else:
        step = f"Still working: call get_coordination_status with {c.coordination_id} later."
    return CoordinationProgress(
        host=host,
        coordination=c,
        waited_seconds=round(time.monotonic() - started, 3),
        next_step=step,
    )
