"""Which sessions to start again after a supervisor restart, and how: a pure decision.

Inputs: the sessions the previous run left (:class:`StoredSession`, from the
reaper's records), the owner's :class:`~supervisor.policy.Policy` as it is now,
and the time. Output, one per stored session: :class:`Restart` (the argv that
resumes its agent's conversation, same folder) or :class:`Skip` (why not, in
words the session list shows). No I/O: the runner (``supervisor.resume_sessions``)
starts each restart through the session manager, which applies the whole policy
(folder, program, arguments) as for any new session; what it refuses is
skipped with the refusal as the reason.

How each agent resumes (built in; ``[resume_commands]`` in the policy adds or
overrides by program name, ``"{id}"`` standing for the conversation id):

* Claude Code: ``claude --resume <id>`` with the ``session_id`` its hooks
  reported, else ``claude --continue`` (the folder's latest conversation);
* Codex: ``codex resume <id>`` when known, else ``codex resume --last``;
* the mock agent: its own arguments plus ``--resume=<id>``; it names its
  conversation after the Tether session it started in (:func:`initial_handle`).

An id is passed only where it cannot be read as an option: Tether's own session
ids (so the mock agent's) may begin with ``-`` (1 in 64 does), hence the mock
agent's joined ``--resume=<id>``; a separate argument beginning with ``-`` (an
id the agent's hooks reported, or ``"{id}"`` alone under ``[resume_commands]``)
is a skip with the reason, never a flag handed to the agent.

A resume takes the program and the resume arguments only: the original
arguments (a first prompt, a model flag) are not repeated, except the mock
agent's. Sessions that stopped more than ``RESUME_WITHIN`` ago, or beyond
``max_sessions``, are skipped.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

from supervisor.policy import MOCK_AGENT, MOCK_AGENT_MODULE, Policy

RESUME_WITHIN = 24 * 3600.0  # a session stopped longer ago than this is not resumed
ID_PLACEHOLDER = "{id}"


@dataclass(frozen=True)
class StoredSession:
    """A session the previous run was running when it stopped."""

    session_id: str
    argv: tuple[str, ...]  # as requested (the mock agent's alias expanded), unredacted
    cwd: str
    name: str
    handle: str | None  # the agent's own conversation id, when known
    ended_at: float  # when it stopped, or when the new run found it stopped


@dataclass(frozen=True)
class Restart:
    old: StoredSession
    argv: list[str]


@dataclass(frozen=True)
class Skip:
    old: StoredSession
    reason: str  # a sentence fragment: "not resumed: <reason>"


def initial_handle(argv: Sequence[str], session_id: str) -> str | None:
    """The conversation id known when a session starts: only the mock agent's (pure)."""
    if not _is_mock(argv):
        return None
    for index, arg in enumerate(argv):
        if arg == "--resume" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--resume="):
            return arg.partition("=")[2]
    return session_id


def plan_resumes(
    stored: Sequence[StoredSession], policy: Policy, now: float
) -> list[Restart | Skip]:
    """One decision per stored session, oldest first; [] when the policy does not resume."""
    if not policy.resume_sessions:
        return []
    decisions: list[Restart | Skip] = []
    restarts = 0
    for old in sorted(stored, key=lambda s: s.ended_at):
        if now - old.ended_at > RESUME_WITHIN:
            hours = RESUME_WITHIN / 3600
            decisions.append(Skip(old, f"it stopped more than {hours:g} hours ago"))
            continue
        argv = resume_argv(old.argv, old.handle, policy.resume_commands)
        if isinstance(argv, str):
            decisions.append(Skip(old, argv))
            continue
        if restarts >= policy.max_sessions:
            decisions.append(
                Skip(old, f"max_sessions ({policy.max_sessions}) in {policy.path} was reached")
            )
            continue
        restarts += 1
        decisions.append(Restart(old, argv))
    return decisions


def resume_argv(
    argv: Sequence[str], handle: str | None, commands: dict[str, tuple[str, ...]]
) -> list[str] | str:
    """The argv that resumes ``argv``'s conversation, or why there is none (pure)."""
    if not argv:
        return "its command was empty"
    program = "mock_agent" if _is_mock(argv) else os.path.basename(argv[0])
    custom = commands.get(program) or commands.get(argv[0])
    if custom is not None:
        if handle is None and any(ID_PLACEHOLDER in arg for arg in custom):
            return f"its command under [resume_commands] needs an id that {program} never reported"
        filled = [arg.replace(ID_PLACEHOLDER, handle or "") for arg in custom]
        if handle and any(arg.startswith(ID_PLACEHOLDER) for arg in custom[1:]):
            refused = _option_like(program, handle)
            if refused is not None:
                return refused
        return filled
    if program == "mock_agent" and handle:
        flags = list(argv[1:] if argv[0] == MOCK_AGENT else argv[3:])
        # Joined: argparse reads a separate "-abc" after --resume as another option.
        return [MOCK_AGENT, *_without_resume(flags), f"--resume={handle}"]
    if program in ("claude", "codex") and handle:
        refused = _option_like(program, handle)
        if refused is not None:
            return refused
    if program == "claude":
        return [argv[0], "--resume", handle] if handle else [argv[0], "--continue"]
    if program == "codex":
        return [argv[0], "resume", handle] if handle else [argv[0], "resume", "--last"]
    return (
        f"Tether does not know how to resume {program!r}; add its resume command under "
        "[resume_commands] in the policy file"
    )


def _option_like(program: str, handle: str) -> str | None:
    """Why ``handle`` cannot be passed as an argument of its own, or None if it can."""
    if not handle.startswith("-"):
        return None
    return (
        f"its conversation id {handle[:80]!r} begins with '-', so {program} would read it "
        "as an option; resume it by hand if that id is right"
    )


def _is_mock(argv: Sequence[str]) -> bool:
    return bool(argv) and (argv[0] == MOCK_AGENT or list(argv[1:3]) == ["-m", MOCK_AGENT_MODULE])


def _without_resume(args: list[str]) -> list[str]:
    out: list[str] = []
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg == "--resume":
            skip = True
        elif not arg.startswith("--resume="):
            out.append(arg)
    return out
