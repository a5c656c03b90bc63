"""What a supervisor picks up again at start: watchers, unsent announcements, the batch.

The pure rules: :func:`after_restart` fails each unfinished part whose session
is not among the live ones (it ended with the old supervisor), with
:data:`RESTART_REASON`, so the task can still end and be announced once;
:func:`to_rearm` says which recorded tasks still need a watcher.
:func:`resume` applies them to a manager: it re-sends every announcement the
relay had not confirmed, re-arms a watcher for every unfinished coordinated
task, and starts the batch runner (a job that was running is reported failed
and announced; scheduled jobs run at their time).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from shared.commands.coordination import Coordination
from supervisor.orchestration import batch, coordination
from supervisor.orchestration.announce import resend_unconfirmed
from supervisor.orchestration.state import records_of
from supervisor.session_manager import SessionManager

log = logging.getLogger(__name__)

RESTART_REASON = "the supervisor restarted and the session ended"


def after_restart(
    c: Coordination, live: set[str], resumed: dict[str, str] | None = None
) -> Coordination:
    """``c`` with each unfinished part whose session is not ``live`` failed.

    ``resumed``: old session id -> the session its agent was resumed in (named in
    the reason; the part is not sent again, the owner decides).
    """
    if c.finished:
        return c
    parts = []
    for p in c.parts:
        if p.state not in coordination.FINAL and p.session_id not in live:
            reason = RESTART_REASON
            new = (resumed or {}).get(p.session_id or "")
            if new is not None:
                reason += f"; its agent was resumed as session {new}"
            p = p.model_copy(update={"state": "failed", "reason": reason})
        parts.append(p)
    return c.model_copy(update={"parts": parts})


def to_rearm(records: Iterable[Coordination]) -> list[Coordination]:
    """The tasks still unfinished: each needs a watcher again."""
    return [c for c in records if not c.finished]


def resume(m: SessionManager) -> None:
    """Pick up the orchestration work of a previous run (call once, in the event loop)."""
    resent = resend_unconfirmed(m)
    sessions = m.list()
    live = {s.session_id for s in sessions}
    resumed = {s.resumed_from.session_id: s.session_id for s in sessions if s.resumed_from}
    rearmed = 0
    for raw in records_of(m).coordinations.values():
        try:
            c = Coordination.model_validate(raw)
        except ValueError:
            log.error("skipping an unreadable coordinated task record")
            continue
        for task in to_rearm([c]):
            coordination.watch(m, coordination.save(m, after_restart(task, live, resumed)))
            rearmed += 1
    batch.start_runner(m)
    if resent or rearmed:
        log.info("resumed %d coordinated task(s), re-sent %d announcement(s)", rearmed, resent)
