"""Projects and teams on this computer: create one, message its team, read its status.

A project folder is created inside the policy's roots (never over an existing
one), initialised as a git repository on ``main`` with the spec (``SPEC.md``)
and each member's brief (under ``.tether/``, ignored by git); each developer
gets a worktree under ``.worktrees/`` on its own branch. With ``auto_start``
each member's agent session is started through :meth:`SessionManager.create`
(the policy's default command, its roots and ``max_sessions`` apply; the team
is refused as a whole if it would not fit) and told its brief once it settles.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import shutil
import time
from collections.abc import Callable

from shared.commands.projects import (
    CreateProject,
    Delivery,
    GetTeamStatus,
    Member,
    MemberStatus,
    ProjectInfo,
    Role,
    SendToTeam,
    TeamMessage,
)
from shared.errors import SessionUnknown, TetherError
from supervisor.orchestration import git
from supervisor.orchestration.paths import inside_roots, invalid, slug
from supervisor.orchestration.state import records_of
from supervisor.orchestration.team import brief, first_message, members_for, plan_team
from supervisor.policy import PolicyRefused, check_cwd, load_policy
from supervisor.session import Session
from supervisor.session_manager import SessionManager

START_SETTLE = 20.0  # how long a new agent may take to be ready for its brief
KEEP_MESSAGES = 20
GITIGNORE = ".worktrees/\n.tether/\n"


def _spec_text(in_roots: Callable[[str], str], specification: str) -> tuple[str, str | None]:
    """The spec's text, and the file it came from when ``specification`` names a .md file."""
    candidate = specification.strip()
    if "\n" in candidate or not candidate.endswith(".md"):
        return specification, None
    path = in_roots(candidate)
    try:
        with open(path, encoding="utf-8") as f:
            return f.read(200_000), path
    except OSError as exc:
        raise invalid(
            f"cannot read the spec file {path}: {exc.strerror}",
            "give the spec's text, or the path of a readable .md file",
        ) from None


async def create(m: SessionManager, cmd: CreateProject) -> ProjectInfo:
    policy = load_policy(m.policy_file)
    parent = check_cwd(policy, cmd.parent_directory)
    plan = plan_team(cmd.team, cmd.size)
    if cmd.auto_start and m.live_count() + len(plan) > policy.max_sessions:
        raise PolicyRefused(
            f"a team of {len(plan)} needs {len(plan)} sessions but {m.live_count()} of the "
            f"{policy.max_sessions} the policy file {policy.path} allows are running",
            f"ask for a smaller team, stop sessions, or raise max_sessions in {policy.path}",
        )
    text, _source = _spec_text(lambda p: inside_roots(policy, p), cmd.specification)
    name = slug(cmd.name)
    path = inside_roots(policy, os.path.join(parent, name))
    if os.path.lexists(path):
        raise invalid(
            f"{path} already exists; a project is never created over another folder",
            "pick another project name or parent_directory",
        )
    os.mkdir(path, 0o755)
    try:
        members = await _lay_out(path, cmd, plan, text)
    except BaseException:
        shutil.rmtree(path, ignore_errors=True)  # only the folder this call just created
        raise
    spec_path = os.path.join(path, "SPEC.md")
    project = ProjectInfo(
        project_id=f"{name}-{secrets.token_hex(2)}",
        name=cmd.name,
        path=path,
        spec_path=spec_path,
        created_at=time.time(),
        members=members,
    )
    if cmd.auto_start:
        started = await asyncio.gather(*(_start(m, project, mb) for mb in members))
        project = project.model_copy(update={"members": started})
    records_of(m).projects.put(
        project.project_id, {"project": project.model_dump(), "messages": []}
    )
    return project


async def _lay_out(
    path: str, cmd: CreateProject, plan: list[tuple[Role, str]], text: str
) -> list[Member]:
    """Spec, .gitignore, first commit, a worktree per developer, a brief per member."""
    spec_path = os.path.join(path, "SPEC.md")
    _write(spec_path, text if text.endswith("\n") else text + "\n")
    _write(os.path.join(path, ".gitignore"), GITIGNORE)
    await git.init_repo(path, f"Start {cmd.name} from its spec")
    members = []
    for role, member_name in plan:
        workdir, branch = path, None
        if role == "developer":
            workdir, branch = os.path.join(path, ".worktrees", member_name), member_name
            await git.add_worktree(path, workdir, branch)
        members.append(
            Member(name=member_name, role=role, session_id=None, workdir=workdir, branch=branch)
        )
    for member in members:
        _write(_brief_path(path, member.name), brief(member, cmd.name, spec_path))
    return members


def _brief_path(project_path: str, member: str) -> str:
    return os.path.join(project_path, ".tether", "briefs", f"{member}.md")


def _write(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


async def _start(m: SessionManager, project: ProjectInfo, member: Member) -> Member:
    try:
        session = await m.create(None, member.workdir, f"{project.name}/{member.name}")
        await session.wait_settled(START_SETTLE)
        await session.send_text(
            first_message(member, project.name, _brief_path(project.path, member.name))
        )
    except TetherError as exc:
        return member.model_copy(update={"start_error": str(exc)})
    return member.model_copy(update={"session_id": session.session_id})


def load(m: SessionManager, project_id: str) -> tuple[ProjectInfo, list[TeamMessage]]:
    record = records_of(m).projects.get(project_id)
    if record is None:
        known = ", ".join(r["project"]["project_id"] for r in records_of(m).projects.values())
        raise invalid(
            f"no project {project_id!r} on this computer",
            f"use a project_id from create_orchestration_project (known: {known or 'none'})",
        )
    return (
        ProjectInfo.model_validate(record["project"]),
        [TeamMessage.model_validate(x) for x in record["messages"]],
    )


def _session(m: SessionManager, member: Member) -> Session | None:
    if member.session_id is None:
        return None
    try:
        return m.get(member.session_id)
    except SessionUnknown:
        return None


async def send(m: SessionManager, cmd: SendToTeam) -> list[Delivery]:
    project, messages = load(m, cmd.project_id)
    # One line for the context: in an agent's input box a newline may submit early.
    text = cmd.message if not cmd.context else f"{cmd.message} (Context: {cmd.context})"
    chosen = members_for(cmd.target, project.members)
    deliveries = await asyncio.gather(*(_send_one(m, mb, text, cmd) for mb in chosen))
    messages = [*messages, TeamMessage(at=time.time(), target=cmd.target, text=text[:500])]
    records_of(m).projects.put(
        project.project_id,
        {
            "project": project.model_dump(),
            "messages": [x.model_dump() for x in messages[-KEEP_MESSAGES:]],
        },
    )
    return list(deliveries)


async def _send_one(m: SessionManager, member: Member, text: str, cmd: SendToTeam) -> Delivery:
    session = _session(m, member)
    if session is None:
        return Delivery(
            member=member.name,
            session_id=member.session_id,
            delivered=False,
            error="its session is not running (never started, ended, or the supervisor "
            "restarted); start one with create_session in its workdir " + member.workdir,
        )
    try:
        # An agent still busy with its last turn (its brief, right after the project was
        # created) may drop an Enter typed meanwhile, leaving the message unsent in its box.
        await session.wait_settled(min(cmd.timeout, START_SETTLE))  # at once when settled
        cursor = session.text_cursor()
        await session.send_text(text)
    except TetherError as exc:
        return Delivery(
            member=member.name, session_id=session.session_id, delivered=False, error=str(exc)
        )
    if not cmd.wait_for_response:
        return Delivery(
            member=member.name,
            session_id=session.session_id,
            delivered=True,
            state=session.state.value,
        )
    await session.wait_settled(cmd.timeout)
    read = session.read_text(cursor, cmd.max_bytes)
    return Delivery(
        member=member.name,
        session_id=session.session_id,
        delivered=True,
        state=session.state.value,
        response=read.text,
        last_message=session.last_message,
    )


async def status(
    m: SessionManager, cmd: GetTeamStatus
) -> tuple[ProjectInfo, list[MemberStatus], list[TeamMessage]]:
    project, messages = load(m, cmd.project_id)
    out = []
    for member in project.members:
        item = MemberStatus(member=member)
        session = _session(m, member)
        if cmd.include_agent_health and session is not None:
            item = item.model_copy(
                update={"session": session.info(), "prompt": session.pending_prompt()}
            )
        if cmd.include_git_status and os.path.isdir(member.workdir):
            item = item.model_copy(update={"git": await git.status(member.workdir)})
        out.append(item)
    return project, out, messages if cmd.include_recent_messages else []
