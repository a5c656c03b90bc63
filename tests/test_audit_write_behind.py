"""Tool calls' audit rows are written behind the call: none lost, the chain intact.

The write-behind contract (``server.audit``): a deferred row is flushed with the
rows queued with it, before any other row, read or prune, and at the relay's shutdown.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastmcp import Client

from server.audit import MAX_DEFERRED, AuditKind, AuditLog
from server.db import Database, DatabaseError, open_database
from tests.relay_support import running_relay
from tests.support import scaled


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        self.now += 1
        return self.now


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "data")
    yield database
    database.close()


def defer_call(audit: AuditLog, i: int) -> int:
    return audit.defer(
        actor="client:c1",
        kind=AuditKind.TOOL_CALL,
        action="get_session_status",
        result="ok",
        session=f"sess-{i:04d}abcd",
        detail={"session_id": f"sess-{i:04d}abcd", "text": "typed secret"},
    )


def test_a_deferred_row_is_written_only_at_flush_and_keeps_the_time_of_its_event(
    db: Database,
) -> None:
    audit = AuditLog(db, clock=Clock())
    assert defer_call(audit, 0) == 1
    stamped = audit._clock.now  # type: ignore[attr-defined]
    assert db.one("SELECT COUNT(*) FROM audit") == (0,)
    assert audit.flush() == 1
    (row,) = audit.latest(5)
    assert row.at == stamped and row.action == "get_session_status"
    assert row.detail == {"session_id": "sess-0000abcd", "text_chars": len("typed secret")}
    assert audit.flush() == 0


def test_rows_keep_the_order_of_their_events_when_a_direct_record_follows_deferred_ones(
    db: Database,
) -> None:
    audit = AuditLog(db, clock=Clock())
    for i in range(3):
        defer_call(audit, i)
    audit.record(actor="owner", kind=AuditKind.AUTHORIZATION, action="pair", result="ok")
    rows = list(reversed(audit.latest(10)))
    assert [r.action for r in rows] == ["get_session_status"] * 3 + ["pair"]
    assert [r.at for r in rows] == sorted(r.at for r in rows)
    assert audit.verify_chain().ok and audit.deferred == 0


def test_readers_see_every_deferred_row(db: Database) -> None:
    audit = AuditLog(db, clock=Clock())
    defer_call(audit, 0)
    assert audit.head() is not None and audit.head().seq == 1  # type: ignore[union-attr]
    defer_call(audit, 1)
    assert audit.verify_chain().rows == 2


def test_a_full_queue_is_flushed_at_once(db: Database) -> None:
    audit = AuditLog(db, clock=Clock())
    for i in range(MAX_DEFERRED):
        defer_call(audit, i)
    assert audit.deferred == 0
    assert db.one("SELECT COUNT(*) FROM audit") == (MAX_DEFERRED,)


def test_rows_of_a_flush_that_fails_stay_queued_for_the_next_one(db: Database) -> None:
    audit = AuditLog(db, clock=Clock())
    defer_call(audit, 0)
    defer_call(audit, 1)
    with db.transaction(), pytest.raises(DatabaseError, match="already in use"):
        audit.flush()  # the database is busy on this thread: the flush cannot write
    assert audit.deferred == 2
    assert audit.flush() == 2
    assert audit.verify_chain().ok


async def test_a_burst_of_calls_is_audited_in_full_by_the_timer_and_the_chain_verifies(
    tmp_path: Path,
) -> None:
    async with running_relay(tmp_path) as relay:
        before = relay.audit.head()
        async with Client(relay.mcp, auth=relay.token, timeout=scaled(30)) as client:
            for _ in range(20):
                await client.call_tool("list_sessions", {})
        # No reader flushes here: only the write-behind timer does.
        async with asyncio.timeout(scaled(10)):
            while relay.audit.deferred:
                await asyncio.sleep(0.01)  # noqa: sleep-ok - polls the timer's effect
        calls = [
            r
            for r in relay.audit.latest(200)
            if r.kind == AuditKind.TOOL_CALL and (before is None or r.seq > before.seq)
        ]
        assert [r.action for r in calls] == ["list_sessions"] * 20
        assert relay.audit.verify_chain(before).ok


async def test_rows_still_queued_at_shutdown_are_in_the_database_after_it(
    tmp_path: Path,
) -> None:
    async with running_relay(tmp_path) as relay:
        async with Client(relay.mcp, auth=relay.token, timeout=scaled(30)) as client:
            for _ in range(5):
                await client.call_tool("list_sessions", {})
        # Queue more rows than the timer has flushed, right before shutdown.
        for i in range(7):
            defer_call(relay.audit, i)
    reopened = open_database(tmp_path)
    try:
        audit = AuditLog(reopened)
        rows = audit.latest(500)
        assert sum(1 for r in rows if r.action == "list_sessions") == 5
        assert sum(1 for r in rows if r.action == "get_session_status") == 7
        assert audit.verify_chain().ok
    finally:
        reopened.close()
