"""Telling the relay that long work finished (``work_finished``), so it can tell the owner.

:func:`announce` sends one :class:`WorkFinished` through the manager's relay
link (``SessionManager.relay_requests``, set by the connection) in a task: a
computer that is offline sends it when its link is back, within
:data:`ANNOUNCE_WITHIN`; without a relay (the local MCP transport) there is
nobody to tell. The watcher in :mod:`supervisor.orchestration.coordination`
follows a coordinated task until every part is done or failed, then announces
it once; the batch runner announces each job as it ends.

Durable outbox: :func:`announce` writes the frame to ``records_of(m).outbox``
(keyed ``<kind>:<ref>``) before sending, and marks it confirmed when the relay
answers. A key already there is never announced again, and
:func:`resend_unconfirmed` (at supervisor start) sends again what the relay had
not confirmed when the supervisor stopped, with the same ``request_id``; the
relay announces a key once whatever the number of sends.
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from collections.abc import Coroutine
from typing import Any

from shared.commands.coordination import Coordination
from shared.commands.work_finished import MAX_DETAIL, WorkFinished, WorkKind, WorkOutcome
from shared.errors import TetherError
from supervisor.orchestration.state import records_of
from supervisor.relay_requests import new_request_id
from supervisor.session_manager import SessionManager

log = logging.getLogger(__name__)

ANNOUNCE_WITHIN = 24 * 3600.0  # an announcement waits this long for the relay link

_TASKS: weakref.WeakKeyDictionary[SessionManager, set[asyncio.Task[None]]] = (
    weakref.WeakKeyDictionary()
)


def spawn(m: SessionManager, work: Coroutine[Any, Any, None], name: str) -> None:
    """Run ``work`` in a task the manager keeps until it ends."""
    task = asyncio.get_running_loop().create_task(work, name=name)
    tasks = _TASKS.setdefault(m, set())
    tasks.add(task)
    task.add_done_callback(tasks.discard)


def announce(
    m: SessionManager, kind: WorkKind, ref: str, outcome: WorkOutcome, title: str, detail: str
) -> None:
    """Tell the relay (in a task) that ``ref`` ended with ``outcome``; once per ``ref``."""
    outbox = records_of(m).outbox
    key = f"{kind}:{ref}"
    if outbox.get(key) is not None:
        return  # announced already, maybe before a restart: resend_unconfirmed has it
    frame = WorkFinished(
        request_id=new_request_id(),
        kind=kind,
        ref=ref,
        outcome=outcome,
        title=" ".join(title.split())[:200],
        detail=detail[:MAX_DETAIL],
    )
    outbox.put(key, {"frame": frame.model_dump(), "confirmed": False})
    spawn(m, _send(m, key, frame), f"announce-{ref}")


def unconfirmed(entries: list[tuple[str, Any]]) -> list[tuple[str, WorkFinished]]:
    """The outbox entries the relay has not confirmed (unreadable ones are skipped)."""
    out = []
    for key, entry in entries:
        if not isinstance(entry, dict) or entry.get("confirmed") is not False:
            continue
        try:
            out.append((key, WorkFinished.model_validate(entry.get("frame"))))
        except ValueError:
            log.error("dropping an unreadable announcement %s from the outbox", key)
    return out


def resend_unconfirmed(m: SessionManager) -> int:
    """Send again (in tasks) every announcement still unconfirmed; how many."""
    pending = unconfirmed(records_of(m).outbox.items())
    for key, frame in pending:
        spawn(m, _send(m, key, frame), f"announce-{frame.ref}")
    return len(pending)


async def _send(m: SessionManager, key: str, frame: WorkFinished) -> None:
    requests = m.relay_requests
    if requests is None:
        return
    try:
        await requests.ask(frame, ANNOUNCE_WITHIN)
    except TetherError as exc:
        log.warning("could not tell the relay that %s %s ended: %s", frame.kind, frame.ref, exc)
        return
    records_of(m).outbox.put(key, {"frame": frame.model_dump(), "confirmed": True})


def coordination_outcome(c: Coordination) -> WorkOutcome:
    """``failed`` if any part failed, else ``done`` (for a finished task)."""
    return "failed" if any(p.state == "failed" for p in c.parts) else "done"
