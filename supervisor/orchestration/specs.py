"""Project specs as structured Markdown: render, parse back, edit. The file I/O is at the end.

The format (``shared.commands.specs``)::

    # <name>

    Type: <project type>
    Team size: <n>            (only when set)

    ## Description

    <description>

    ## Requirements

    - <requirement>

:func:`parse` reads back what :func:`render` writes; an edit parses, changes the
fields and renders again, so a hand-edited file keeps working as long as its
headings stay.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace

from shared.commands.specs import EditSpec, SpecChange, SpecWritten, WriteSpec
from supervisor.orchestration import git
from supervisor.orchestration.paths import inside_roots, invalid, slug
from supervisor.policy import load_policy
from supervisor.session_manager import SessionManager

MAX_SPEC_BYTES = 200_000


@dataclass(frozen=True)
class Spec:
    name: str
    project_type: str
    description: str
    requirements: tuple[str, ...] = field(default_factory=tuple)
    team_size: int | None = None


def render(spec: Spec) -> str:
    head = [f"# {spec.name}", "", f"Type: {spec.project_type}"]
    if spec.team_size is not None:
        head.append(f"Team size: {spec.team_size}")
    reqs = [f"- {' '.join(r.split())}" for r in spec.requirements] or ["(none yet)"]
    body = ["", "## Description", "", spec.description.strip(), "", "## Requirements", "", *reqs]
    return "\n".join(head + body) + "\n"


def parse(text: str) -> Spec:
    """Read a spec :func:`render` wrote. Raises ``CommandFailed`` (invalid_argument)."""
    name, kind, team, section = "", "software", None, ""
    description: list[str] = []
    requirements: list[str] = []
    for line in text.splitlines():
        if line.startswith("# ") and not name:
            name = line[2:].strip()
        elif line.startswith("## "):
            section = line[3:].strip().lower()
        elif not section and line.startswith("Type:"):
            kind = line[5:].strip() or kind
        elif not section and line.startswith("Team size:"):
            value = line[10:].strip()
            team = int(value) if value.isdigit() else None
        elif section == "description":
            description.append(line)
        elif section == "requirements" and line.startswith("- "):
            requirements.append(line[2:].strip())
    if not name:
        raise invalid(
            "the file has no '# name' title, so it is not a spec create_project_spec wrote",
            "edit it by hand, or create a spec with create_project_spec",
        )
    return Spec(name, kind, "\n".join(description).strip(), tuple(requirements), team)


def apply(spec: Spec, change: SpecChange) -> tuple[Spec, str]:
    """One change; returns the new spec and what was done, in words."""
    value = change.value.strip()
    if change.action == "add_requirement":
        return replace(spec, requirements=(*spec.requirements, value)), f"added {value!r}"
    if change.action == "remove_requirement":
        kept = tuple(r for r in spec.requirements if r.lower() != value.lower())
        if len(kept) == len(spec.requirements):
            listed = "; ".join(spec.requirements) or "none"
            raise invalid(
                f"the spec has no requirement {value!r}",
                f"give one exactly as written (the spec has: {listed})",
            )
        return replace(spec, requirements=kept), f"removed {value!r}"
    if change.action == "set_description":
        return replace(spec, description=value), "replaced the description"
    if not value.isdigit() or not 1 <= int(value) <= 12:
        raise invalid(f"team size {value!r} is not a whole number from 1 to 12", "e.g. '3'")
    return replace(spec, team_size=int(value)), f"set the team size to {value}"


# ---------------------------------------------------------------- I/O


def _target(m: SessionManager, cmd: WriteSpec) -> tuple[str, str | None]:
    """The file to write and, with ``generate_git_repo``, the repository folder to create."""
    policy = load_policy(m.policy_file)
    base = inside_roots(policy, cmd.save_path or policy.roots[0])
    if base.endswith(".md"):
        if cmd.generate_git_repo:
            raise invalid(
                "generate_git_repo needs a folder as save_path, not a .md file",
                "give the folder to create the project's repository in",
            )
        return base, None
    if not os.path.isdir(base):
        raise invalid(f"{base} is not a folder", "give an existing folder or a .md file path")
    if cmd.generate_git_repo:
        repo = inside_roots(policy, os.path.join(base, slug(cmd.name)))
        return os.path.join(repo, "SPEC.md"), repo
    return inside_roots(policy, os.path.join(base, f"{slug(cmd.name)}.md")), None


async def write(m: SessionManager, cmd: WriteSpec) -> SpecWritten:
    path, repo = _target(m, cmd)
    if os.path.lexists(repo or path):
        raise invalid(
            f"{repo or path} already exists; a spec is never written over another file",
            "pick another name or save_path, or change it with edit_project_spec",
        )
    if not os.path.isdir(os.path.dirname(path)) and repo is None:
        raise invalid(f"the folder of {path} does not exist", "create it first")
    spec = Spec(cmd.name, cmd.project_type, cmd.description, tuple(cmd.requirements), cmd.team_size)
    if repo is not None:
        os.mkdir(repo, 0o755)
    with open(path, "x", encoding="utf-8") as f:
        f.write(render(spec))
    if repo is not None:
        await git.init_repo(repo, f"Add the spec of {cmd.name}")
    return _written(cmd.request_id, path, spec, git_initialized=repo is not None)


async def edit(m: SessionManager, cmd: EditSpec) -> SpecWritten:
    path = inside_roots(load_policy(m.policy_file), cmd.spec_path)
    if not path.endswith(".md") or not os.path.isfile(path):
        raise invalid(
            f"{path} is not an existing .md file", "give the path create_project_spec returned"
        )
    with open(path, encoding="utf-8") as f:
        spec = parse(f.read(MAX_SPEC_BYTES))
    applied = []
    for change in cmd.changes:
        spec, done = apply(spec, change)
        applied.append(done)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(render(spec))
    os.replace(tmp, path)
    return _written(cmd.request_id, path, spec, applied=applied)


def _written(rid: str, path: str, spec: Spec, **extra: object) -> SpecWritten:
    return SpecWritten(
        request_id=rid,
        path=path,
        name=spec.name,
        project_type=spec.project_type,
        description=spec.description,
        requirements=list(spec.requirements),
        team_size=spec.team_size,
        **extra,  # type: ignore[arg-type]
    )
