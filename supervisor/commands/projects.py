"""Handlers of the project commands (``shared.commands.projects``)."""

from __future__ import annotations

from shared.commands.projects import (
    CreateProject,
    GetTeamStatus,
    ProjectCreated,
    SendToTeam,
    TeamMessaged,
    TeamStatusRead,
)
from supervisor.commands import handles
from supervisor.orchestration import projects
from supervisor.session_manager import SessionManager


@handles(CreateProject)
async def create_project(m: SessionManager, cmd: CreateProject) -> ProjectCreated:
    project = await projects.create(m, cmd)
    started = [m.get(mb.session_id).info() for mb in project.members if mb.session_id]
    return ProjectCreated(request_id=cmd.request_id, project=project, sessions=started)


@handles(SendToTeam)
async def send_to_team(m: SessionManager, cmd: SendToTeam) -> TeamMessaged:
    """Waits up to ``timeout`` per member (concurrently) when ``wait_for_response``."""
    deliveries = await projects.send(m, cmd)
    return TeamMessaged(request_id=cmd.request_id, project_id=cmd.project_id, deliveries=deliveries)


@handles(GetTeamStatus)
async def get_team_status(m: SessionManager, cmd: GetTeamStatus) -> TeamStatusRead:
    project, members, messages = await projects.status(m, cmd)
    return TeamStatusRead(
        request_id=cmd.request_id, project=project, members=members, recent_messages=messages
    )
