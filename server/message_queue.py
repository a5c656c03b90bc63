"""The relay's durable message queue: messages for busy sessions and offline computers.

Rows live in the relay's SQLite (``relay.sqlite3``), so they survive a relay
restart. A message is typed only once its session is idle: never into a prompt,
never mid-turn (the supervisor's ``wait_for_session`` says when).
:meth:`MessageQueue.flush` runs when a computer attaches (the hub's
``on_attached``) and when a message is queued for a computer that is online:
it types each due message with its own fixed request id (the supervisor's
ledger makes a retry after a dropped link a no-op), in priority order, and
records the receipt. Expired messages are marked expired, never sent:
:meth:`MessageQueue.watch_expiry` (run by the app) marks each when its time
comes, even for a computer that never returns. Every receipt that ends a
message (delivered, expired, failed) goes to the ``on_receipt`` callbacks once
(the notifications announce it).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import time
from collections.abc import Callable
from typing import Any

from server.db import Database
from server.hub import Hub
from shared.backend import new_request_id
from shared.errors import DeliveryUnknown, HostOffline, SessionUnknown, TetherError, TimedOut
from shared.protocol import (
    InputSent,
    RequestFailed,
    SendInput,
    SessionState,
    StatusRead,
    WaitForSession,
)
from shared.queue import QueueReceipt

log = logging.getLogger(__name__)

IDLE_WAIT = 25.0  # one wait_for_session on the computer (at most MAX_WAIT_SECONDS)
BUSY_RECHECK = 5.0  # pause before looking again at a session that asks something
EXPIRY_LOOK = 3600.0  # watch_expiry looks at least this often

SCHEMA = [
    """
    CREATE TABLE message_queue (
        queue_id TEXT PRIMARY KEY,
        request_id TEXT NOT NULL,
        host TEXT NOT NULL,
        session_id TEXT NOT NULL,
        text TEXT NOT NULL,
        priority INTEGER NOT NULL,
        state TEXT NOT NULL,
        queued_at REAL NOT NULL,
        expires_at REAL NOT NULL,
        delivered_at REAL,
        landed_at TEXT,
        error TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX message_queue_due ON message_queue (host, state, priority DESC, queued_at);
    """,
    "ALTER TABLE message_queue ADD COLUMN landed_offset INTEGER;",
]
_COLUMNS = (
    "queue_id, session_id, host, priority, state, queued_at, expires_at, delivered_at, "
    "landed_at, landed_offset, error"
)


class MessageQueue:
    def __init__(self, db: Database, hub: Hub, clock: Callable[[], float] = time.time) -> None:
        self._db, self._hub, self._clock = db, hub, clock
        db.migrate("message_queue", SCHEMA)
        self._flushing: dict[str, asyncio.Task[None]] = {}
        self._queued = asyncio.Event()  # wakes watch_expiry: a new message, a new deadline
        # Called with each receipt that ends a message (must not block).
        self.on_receipt: list[Callable[[QueueReceipt], None]] = []
        hub.on_attached.append(self.schedule_flush)

    def enqueue(self, session_id: str, text: str, priority: int, ttl: float) -> QueueReceipt:
        host = self._hub.host_of(session_id)
        if host is None:
            kept = self._hub.store.session(session_id)
            host = kept.host if kept is not None else None
        if host is None:
            raise TetherError(
                f"No computer has reported a session '{session_id}'; nothing was queued.",
                hint="Call list_sessions to see the session ids.",
            )
        now = self._clock()
        queue_id = f"q-{secrets.token_urlsafe(12)}"
        self._db.execute(
            "INSERT INTO message_queue (queue_id, request_id, host, session_id, text, priority,"
            " state, queued_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?)",
            (queue_id, f"queue.{queue_id}", host, session_id, text, priority, now, now + ttl),
        )
        self._queued.set()
        self.schedule_flush(host)
        return self.receipt(queue_id)

    def receipt(self, queue_id: str) -> QueueReceipt:
        self._expire()
        row = self._db.one(f"SELECT {_COLUMNS} FROM message_queue WHERE queue_id = ?", (queue_id,))
        if row is None:
            raise TetherError(
                f"No queued message '{queue_id}'.",
                hint="Call list_queued_messages to see the queue ids.",
            )
        return _receipt(row)

    def receipts(self, session_id: str | None = None, limit: int = 50) -> list[QueueReceipt]:
        self._expire()
        where, params = ("WHERE session_id = ?", (session_id,)) if session_id else ("", ())
        rows = self._db.query(
            f"SELECT {_COLUMNS} FROM message_queue {where} ORDER BY queued_at DESC LIMIT ?",
            (*params, limit),
        )
        return [_receipt(r) for r in rows]

    def depth(self) -> int:
        """Messages waiting to be delivered."""
        self._expire()
        row = self._db.one("SELECT COUNT(*) FROM message_queue WHERE state = 'queued'")
        return int(row[0]) if row else 0

    def cancel(self, queue_id: str) -> QueueReceipt:
        self._db.execute(
            "UPDATE message_queue SET state = 'cancelled' WHERE queue_id = ? AND state = 'queued'",
            (queue_id,),
        )
        return self.receipt(queue_id)

    def _expire(self) -> None:
        now = self._clock()
        rows = self._db.query(
            "SELECT queue_id FROM message_queue WHERE state = 'queued' AND expires_at <= ?",
            (now,),
        )
        for (queue_id,) in rows:
            changed = self._db.execute(
                "UPDATE message_queue SET state = 'expired' "
                "WHERE queue_id = ? AND state = 'queued'",
                (queue_id,),
            )
            if changed:
                self._ended(queue_id)

    def _ended(self, queue_id: str) -> None:
        row = self._db.one(f"SELECT {_COLUMNS} FROM message_queue WHERE queue_id = ?", (queue_id,))
        if row is None:
            return
        for callback in self.on_receipt:
            try:
                callback(_receipt(row))
            except Exception:  # one broken listener must not stop deliveries
                log.exception("a queue receipt listener failed")

    async def watch_expiry(self) -> None:
        """Mark each queued message expired when its time comes (runs until cancelled)."""
        while True:
            self._expire()
            row = self._db.one("SELECT MIN(expires_at) FROM message_queue WHERE state = 'queued'")
            wait = EXPIRY_LOOK if row is None or row[0] is None else row[0] - self._clock()
            self._queued.clear()
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(min(max(wait, 0.0), EXPIRY_LOOK)):
                    await self._queued.wait()

    def schedule_flush(self, host: str) -> None:
        """Deliver ``host``'s due messages in a task (one at a time per host)."""
        running = self._flushing.get(host)
        if running is not None and not running.done():
            return
        task = asyncio.get_running_loop().create_task(self.flush(host), name=f"queue-{host}")
        self._flushing[host] = task
        task.add_done_callback(_log_failure)

    async def flush(self, host: str) -> None:
        """Type every due message for ``host``; stops at the first that cannot reach it."""
        while True:
            # One row at a time: a message queued meanwhile with a higher priority goes next.
            self._expire()
            row = self._db.one(
                "SELECT queue_id, request_id, session_id, text FROM message_queue "
                "WHERE host = ? AND state = 'queued' ORDER BY priority DESC, queued_at LIMIT 1",
                (host,),
            )
            if row is None:
                return
            queue_id, _, session_id, _ = row
            ready = await self._wait_until_idle(session_id)
            if ready == "offline":
                return
            if ready == "busy":
                # A prompt on screen (or endless output) sends the relay no event when it
                # ends: look again after a pause, until it is idle or the message expires.
                await asyncio.sleep(BUSY_RECHECK)
                continue
            if ready == "gone":
                self._fail(queue_id, "the session ended before the message could be typed")
                continue
            if not await self._deliver(*row):
                return

    async def _wait_until_idle(self, session_id: str) -> str:
        """'ready' (idle), 'busy' (working or asking something), 'gone' or 'offline'."""
        cmd = WaitForSession(request_id=new_request_id(), session_id=session_id, timeout=IDLE_WAIT)
        try:
            reply: Any = await self._hub.call(cmd, session_id=session_id, timeout=IDLE_WAIT + 15)
        except (HostOffline, DeliveryUnknown, TimedOut, SessionUnknown):
            return "offline"
        if not isinstance(reply, StatusRead):
            return "gone"
        state = reply.session.state
        if state is SessionState.IDLE:
            return "ready"
        return "gone" if state is SessionState.EXITED else "busy"

    def _fail(self, queue_id: str, error: str) -> None:
        self._db.execute(
            "UPDATE message_queue SET state = 'failed', error = ? WHERE queue_id = ?",
            (error, queue_id),
        )
        self._ended(queue_id)

    async def _deliver(self, queue_id: str, request_id: str, session_id: str, text: str) -> bool:
        if (
            self._db.one(
                "SELECT 1 FROM message_queue WHERE queue_id = ? AND state = 'queued'", (queue_id,)
            )
            is None
        ):
            return True  # cancelled meanwhile
        cmd = SendInput(request_id=request_id, session_id=session_id, text=text, enter=True)
        try:
            reply: Any = await self._hub.call(cmd, session_id=session_id)
        except (HostOffline, DeliveryUnknown, TimedOut) as exc:
            log.info("queued %s not delivered yet: %s", queue_id, exc)
            return False  # kept queued; the same request id is sent when the host is back
        except ValueError:
            return False  # the same request id is still in flight: its own call records it
        if isinstance(reply, InputSent):
            self._db.execute(
                "UPDATE message_queue SET state = 'delivered', delivered_at = ?, landed_at = ?, "
                "landed_offset = ? WHERE queue_id = ?",
                (self._clock(), reply.cursor, reply.offset, queue_id),
            )
            self._ended(queue_id)
        else:
            self._fail(queue_id, reply.error.message if isinstance(reply, RequestFailed) else "?")
        return True


def _log_failure(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.error("delivering queued messages failed", exc_info=task.exception())


def _receipt(row: tuple[Any, ...]) -> QueueReceipt:
    keys = [k.strip() for k in _COLUMNS.split(",")]
    return QueueReceipt(**dict(zip(keys, row, strict=True)))
