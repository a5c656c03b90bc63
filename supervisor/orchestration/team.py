"""Who is on a project's team and what each is told. Pure.

``project_size`` picks a default team (``small``: an orchestrator, a developer
and QA; ``medium`` adds a project manager and a second developer; ``large``
has four developers and two QA); ``team_composition`` replaces it with counts
per role. Each member gets a brief: its role's duties, where the spec is, and
(for a developer) its own worktree and branch.
"""

from __future__ import annotations

from collections.abc import Mapping

from shared.commands.projects import MAX_TEAM, ROLES, Member, ProjectSize, Role
from supervisor.orchestration.paths import invalid

SIZES: dict[str, dict[Role, int]] = {
    "small": {"orchestrator": 1, "developer": 1, "qa": 1},
    "medium": {"orchestrator": 1, "project_manager": 1, "developer": 2, "qa": 1},
    "large": {"orchestrator": 1, "project_manager": 1, "developer": 4, "qa": 2},
}

DUTIES: dict[str, str] = {
    "orchestrator": "Split the spec into tasks, hand them to the developers and QA, and keep "
    "the team moving. Merge finished branches into main.",
    "project_manager": "Keep the task list in TASKS.md up to date, answer questions about the "
    "spec, and report progress when asked.",
    "developer": "Implement the tasks you are given on your own branch, in your own worktree; "
    "commit in small steps with clear messages.",
    "qa": "Write and run tests against the spec, review the developers' branches, and report "
    "what fails with the steps to reproduce it.",
}


def plan_team(team: Mapping[Role, int] | None, size: ProjectSize) -> list[tuple[Role, str]]:
    """``(role, member name)`` in a stable order (roles as in ``ROLES``), names ``role-N``."""
    counts = dict(team) if team is not None else SIZES[size]
    total = sum(counts.values())
    if total < 1:
        raise invalid("the team is empty", "give at least one role a count of 1 or more")
    if total > MAX_TEAM:
        raise invalid(
            f"the team has {total} members, more than the {MAX_TEAM} a project may have",
            "ask for fewer members",
        )
    return [(role, f"{role}-{n}") for role in ROLES for n in range(1, counts.get(role, 0) + 1)]


def brief(member: Member, project: str, spec_path: str) -> str:
    """The member's brief, written to its file in the project (Markdown)."""
    where = (
        f"You work in your own git worktree {member.workdir} on branch {member.branch}."
        if member.branch
        else f"You work in the project's main checkout {member.workdir} (branch main)."
    )
    return (
        f"# {member.name} on {project}\n\n"
        f"Role: {member.role.replace('_', ' ')}.\n\n{DUTIES[member.role]}\n\n"
        f"The spec is {spec_path}. {where}\n"
    )


def first_message(member: Member, project: str, brief_path: str) -> str:
    """The one line typed into the member's session when it starts."""
    return (
        f"You are {member.name} ({member.role.replace('_', ' ')}) on the project {project}. "
        f"Read your brief in {brief_path} and the spec it names, then wait for instructions."
    )


def members_for(target: str, members: list[Member]) -> list[Member]:
    """The members ``target`` names: "all", a role (every member in it) or a member name."""
    if target == "all":
        return list(members)
    chosen = [m for m in members if target in (m.role, m.name)]
    if not chosen:
        names = ", ".join(["all", *sorted({m.role for m in members}), *(m.name for m in members)])
        raise invalid(f"no team member or role is called {target!r}", f"use one of: {names}")
    return chosen
