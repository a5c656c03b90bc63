"""Telling the relay that long work finished (``work_finished``), so it can tell the owner.

:func:`announce` sends one :class:`WorkFinished` through the manager's relay
link (``SessionManager.relay_requests``, set by the connection) in a task: a
computer that is offline sends it when its link is back, within
:data:`ANNOUNCE_WITHIN`; without a relay (the local MCP transport) there is
nobody to tell. The watcher in :mod:`supervisor.orchestration.coordination`
follows a coordinated task until every part is done or failed, then announces
it once; the batch runner announces each job as it ends.
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
    """Tell the relay (in a task) that ``ref`` ended with ``outcome``."""
    frame = WorkFinished(
        request_id=new_request_id(),
        kind=kind,
        ref=ref,
        outcome=outcome,
        title=" ".join(title.split())[:200],
        detail=detail[:MAX_DETAIL],
    )
    spawn(m, _send(m, frame), f"announce-{ref}")


async def _send(m: SessionManager, frame: WorkFinished) -> None:
    requests = m.relay_requests
    if requests is None:
        return
    try:
        await requests.ask(frame, ANNOUNCE_WITHIN)
    except TetherError as exc:
        log.warning("could not tell the relay that %s %s ended: %s", frame.kind, frame.ref, exc)


def coordination_outcome(c: Coordination) -> WorkOutcome:
    """``failed`` if any part failed, else ``done`` (for a finished task)."""
    return "failed" if any(p.state == "failed" for p in c.parts) else "done"
