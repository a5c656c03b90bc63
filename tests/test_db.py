"""The relay's SQLite owner: settings, file mode, transactions, migrations, misuse."""

from __future__ import annotations

import asyncio
import sqlite3
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from server.db import DB_NAME, Database, DatabaseError, Migration, Transaction, open_database


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(tmp_path / "relay.sqlite3")
    yield database
    database.close()


def test_the_database_runs_in_wal_with_foreign_keys_normal_sync_and_a_busy_timeout(
    db: Database,
) -> None:
    assert db.pragma("journal_mode") == "wal"
    assert db.pragma("foreign_keys") == 1
    assert db.pragma("synchronous") == 1  # NORMAL
    assert int(db.pragma("busy_timeout")) >= 1000  # type: ignore[call-overload]


def test_the_database_file_and_its_wal_files_are_readable_by_the_owner_only(
    tmp_path: Path,
) -> None:
    database = open_database(tmp_path / "data")
    database.migrate("t", ["CREATE TABLE t (x INTEGER);"])
    database.execute("INSERT INTO t VALUES (1)")
    files = list((tmp_path / "data").iterdir())
    assert {f.name for f in files} >= {DB_NAME, DB_NAME + "-wal"}
    for f in files:
        assert stat.S_IMODE(f.stat().st_mode) == 0o600, f.name
    assert stat.S_IMODE((tmp_path / "data").stat().st_mode) == 0o700
    database.close()


def test_an_existing_database_file_readable_by_others_is_tightened_to_0600(
    tmp_path: Path,
) -> None:
    path = tmp_path / "relay.sqlite3"
    path.touch()
    path.chmod(0o644)
    Database(path).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_migrations_apply_once_in_order_and_are_idempotent_across_restarts(
    tmp_path: Path,
) -> None:
    path = tmp_path / "relay.sqlite3"
    steps_v1 = ["CREATE TABLE a (x INTEGER);\nCREATE TABLE b (y TEXT);"]
    first = Database(path)
    assert first.migrate("store", steps_v1) == 1
    assert first.migrate("store", steps_v1) == 1  # no "table a already exists"
    first.close()

    calls: list[str] = []

    def backfill(tx: Transaction) -> None:
        calls.append("backfill")
        tx.execute("INSERT INTO b (y) VALUES ('seeded')")

    steps_v2: list[Migration] = [*steps_v1, "ALTER TABLE a ADD COLUMN z TEXT;", backfill]
    second = Database(path)
    assert second.migrate("store", steps_v2) == 3
    assert second.migrate("store", steps_v2) == 3
    assert calls == ["backfill"]
    assert second.query("SELECT y FROM b") == [("seeded",)]
    assert second.schema_version("store") == 3
    assert second.pragma("user_version") == 1
    second.close()


def test_each_store_keeps_its_own_schema_version(db: Database) -> None:
    db.migrate("audit", ["CREATE TABLE audit_t (x INTEGER);"])
    db.migrate("sessions", ["CREATE TABLE s1 (x INTEGER);", "CREATE TABLE s2 (x INTEGER);"])
    assert db.schema_version("audit") == 1
    assert db.schema_version("sessions") == 2
    assert db.schema_version("never-registered") == 0


def test_a_failing_migration_leaves_the_previous_version_and_no_half_applied_step(
    db: Database,
) -> None:
    db.migrate("s", ["CREATE TABLE a (x INTEGER);"])
    with pytest.raises(DatabaseError):
        db.migrate("s", ["CREATE TABLE a (x INTEGER);", "CREATE TABLE c (x);\nNOT SQL AT ALL;"])
    assert db.schema_version("s") == 1
    assert db.query("SELECT name FROM sqlite_master WHERE name = 'c'") == []


def test_a_database_newer_than_the_code_is_refused_with_upgrade_advice(db: Database) -> None:
    db.migrate("s", ["CREATE TABLE a (x);", "CREATE TABLE b (x);"])
    with pytest.raises(DatabaseError, match="upgrade the relay"):
        db.migrate("s", ["CREATE TABLE a (x);"])


def test_a_transaction_commits_on_success_and_rolls_back_on_error(db: Database) -> None:
    db.migrate("t", ["CREATE TABLE t (x INTEGER);"])
    with db.transaction() as tx:
        tx.execute("INSERT INTO t VALUES (1)")
    with pytest.raises(RuntimeError), db.transaction() as tx:
        tx.execute("INSERT INTO t VALUES (2)")
        raise RuntimeError("boom")
    assert db.query("SELECT x FROM t") == [(1,)]


def test_foreign_keys_are_enforced(db: Database) -> None:
    db.migrate(
        "fk",
        [
            "CREATE TABLE parent (id INTEGER PRIMARY KEY);\n"
            "CREATE TABLE child (pid INTEGER NOT NULL REFERENCES parent (id));"
        ],
    )
    with pytest.raises(DatabaseError, match="FOREIGN KEY"):
        db.execute("INSERT INTO child (pid) VALUES (42)")


def test_using_the_database_inside_its_own_transaction_fails_fast_instead_of_deadlocking(
    db: Database,
) -> None:
    db.migrate("t", ["CREATE TABLE t (x INTEGER);"])
    with db.transaction() as tx:
        tx.execute("INSERT INTO t VALUES (1)")
        with pytest.raises(DatabaseError, match="already in use on this thread"):
            db.execute("INSERT INTO t VALUES (2)")
    assert db.query("SELECT x FROM t") == [(1,)]


async def test_a_task_that_awaits_inside_a_transaction_cannot_interleave_another_tasks_write(
    db: Database,
) -> None:
    db.migrate("t", ["CREATE TABLE t (x INTEGER);"])
    inside = asyncio.Event()
    release = asyncio.Event()

    async def misbehaving() -> None:
        with db.transaction() as tx:
            tx.execute("INSERT INTO t VALUES (1)")
            inside.set()
            await release.wait()

    task = asyncio.create_task(misbehaving())
    await asyncio.wait_for(inside.wait(), 5)
    with pytest.raises(DatabaseError, match="an await"):
        db.execute("INSERT INTO t VALUES (2)")
    release.set()
    await asyncio.wait_for(task, 5)
    assert db.query("SELECT x FROM t") == [(1,)]


def test_threads_share_the_connection_safely(db: Database) -> None:
    db.migrate("t", ["CREATE TABLE t (x INTEGER);"])

    def writer(base: int) -> None:
        for i in range(50):
            with db.transaction() as tx:
                tx.execute("INSERT INTO t VALUES (?)", (base + i,))

    threads = [threading.Thread(target=writer, args=(k * 1000,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
        assert not t.is_alive()
    assert db.one("SELECT COUNT(*) FROM t") == (200,)


def test_begin_immediate_takes_the_write_lock_at_once_so_read_then_write_cannot_interleave(
    tmp_path: Path,
) -> None:
    path = tmp_path / "relay.sqlite3"
    first = Database(path)
    first.migrate("t", ["CREATE TABLE t (x INTEGER);"])
    # Another connection (as the pair-code CLI would open), told not to wait, is
    # refused while the transaction holds the lock, even before it has written.
    impatient = Database(path, busy_timeout_ms=0)
    with first.transaction() as tx:
        tx.query("SELECT x FROM t")
        with pytest.raises(DatabaseError, match="locked"):
            impatient.execute("INSERT INTO t VALUES (2)")
        tx.execute("INSERT INTO t VALUES (1)")
    impatient.execute("INSERT INTO t VALUES (2)")
    assert sorted(first.query("SELECT x FROM t")) == [(1,), (2,)]
    first.close()
    impatient.close()


def test_a_file_that_is_not_a_database_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "relay.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    path.chmod(0o600)
    with pytest.raises(DatabaseError, match="move it aside"):
        Database(path)


def test_sqlite_errors_leave_the_module_as_database_errors(db: Database) -> None:
    with pytest.raises(DatabaseError) as caught:
        db.execute("SELECT * FROM no_such_table")
    assert not isinstance(caught.value, sqlite3.Error)
