"""Start again the sessions a previous supervisor run left, as the policy allows (the runner).

Call once at start, after :meth:`CommandRunner.reap_orphans` and before the
first hello, so the relay hears of both at once: each earlier session is
reported ended with its fate appended to its reason ("resumed as session X",
or "not resumed: why"), and each new session carries ``resumed_from`` (the
earlier session and when it was found stopped; its own ``started_at`` ends
the gap). The decisions are :func:`supervisor.resume_plan.plan_resumes`'s;
every restart goes through :meth:`SessionManager.create`, so the whole policy
applies as for any new session.
"""

from __future__ import annotations

import logging
import time

from shared.errors import CommandFailed
from shared.protocol import ResumedFrom
from supervisor.command_runner import CommandRunner
from supervisor.policy import load_policy
from supervisor.resume_plan import Restart, Skip, plan_resumes

log = logging.getLogger(__name__)


async def resume_sessions(runner: CommandRunner, now: float | None = None) -> list[Restart | Skip]:
    """Restart what the last reap found resumable; returns the decisions, as carried out."""
    reaper = runner.reaper
    if reaper is None or not reaper.resumable:
        return []
    try:
        policy = load_policy(runner.manager.policy_file)
    except CommandFailed as exc:
        log.error("not resuming sessions: %s", exc)
        return []
    done: list[Restart | Skip] = []
    notes: dict[str, str] = {}
    for decision in plan_resumes(reaper.resumable, policy, time.time() if now is None else now):
        old = decision.old
        if isinstance(decision, Skip):
            done.append(decision)
            notes[old.session_id] = f"not resumed: {decision.reason}"
            continue
        try:
            session = await runner.manager.create(decision.argv, old.cwd, old.name)
        except CommandFailed as exc:
            skip = Skip(old, exc.message)
            done.append(skip)
            notes[old.session_id] = f"not resumed: {skip.reason}"
            continue
        session.resumed_from = ResumedFrom(session_id=old.session_id, ended_at=old.ended_at)
        done.append(decision)
        notes[old.session_id] = f"resumed as session {session.session_id}"
    for note in notes.values():
        log.warning("%s", note)
    runner.lost = [
        info.model_copy(update={"state_reason": f"{info.state_reason}; {notes[info.session_id]}"})
        if info.session_id in notes
        else info
        for info in runner.lost
    ]
    return done
