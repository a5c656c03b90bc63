""":class:`shared.shared_state.Storage` in SQL, over any database with transactions.

The database is passed in (the relay's ``server.db.Database``, the supervisor's
``supervisor.state_store.StateDatabase``), so this module imports no driver.
Every method runs in one ``BEGIN IMMEDIATE`` transaction, so compare-and-set
and the change it records are atomic even with two processes on one file.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

from shared.shared_state import Change, Entry

SCHEMA = (
    """CREATE TABLE state_entries (
        scope TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
        version INTEGER NOT NULL, writer TEXT NOT NULL, updated_at REAL NOT NULL,
        PRIMARY KEY (scope, key))""",
    """CREATE TABLE state_changes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, scope TEXT NOT NULL, key TEXT NOT NULL,
        action TEXT NOT NULL, version INTEGER NOT NULL, writer TEXT NOT NULL, at REAL NOT NULL)""",
    "CREATE INDEX state_changes_scope ON state_changes (scope, seq)",
)
KEEP_CHANGES = 10_000  # the feed is for waiting on recent changes, not history

Row = tuple[Any, ...]


class Tx(Protocol):
    def execute(self, sql: str, params: Sequence[Any] = ()) -> int: ...
    def insert(self, sql: str, params: Sequence[Any] = ()) -> int: ...
    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]: ...
    def one(self, sql: str, params: Sequence[Any] = ()) -> Row | None: ...


class TxDatabase(Protocol):
    def transaction(self) -> AbstractContextManager[Tx]: ...


def _entry(row: Row) -> Entry:
    return Entry(row[0], row[1], row[2], int(row[3]), row[4], float(row[5]))


_ENTRY = "SELECT scope, key, value, version, writer, updated_at FROM state_entries"


class SqlStorage:
    """Entries and their change feed in two tables (see :data:`SCHEMA`)."""

    def __init__(self, db: TxDatabase) -> None:
        self._db = db

    def get(self, scope: str, key: str) -> Entry | None:
        with self._db.transaction() as tx:
            row = tx.one(f"{_ENTRY} WHERE scope = ? AND key = ?", (scope, key))
        return _entry(row) if row else None

    def put(self, entry: Entry, expected: int | None) -> Change | int:
        with self._db.transaction() as tx:
            row = tx.one(
                "SELECT version FROM state_entries WHERE scope = ? AND key = ?",
                (entry.scope, entry.key),
            )
            current = int(row[0]) if row else 0
            if expected is not None and expected != current:
                return current
            version = current + 1
            tx.execute(
                "INSERT INTO state_entries VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (scope, key) "
                "DO UPDATE SET value = excluded.value, version = excluded.version, "
                "writer = excluded.writer, updated_at = excluded.updated_at",
                (entry.scope, entry.key, entry.value, version, entry.writer, entry.updated_at),
            )
            return self._log(
                tx, entry.scope, entry.key, "stored", version, entry.writer, entry.updated_at
            )

    def delete(self, scope: str, key: str, writer: str, at: float) -> Change | None:
        with self._db.transaction() as tx:
            row = tx.one(
                "SELECT version FROM state_entries WHERE scope = ? AND key = ?", (scope, key)
            )
            if row is None:
                return None
            tx.execute("DELETE FROM state_entries WHERE scope = ? AND key = ?", (scope, key))
            return self._log(tx, scope, key, "deleted", int(row[0]), writer, at)

    def delete_scope(self, scope: str, writer: str, at: float) -> Change | None:
        with self._db.transaction() as tx:
            if not tx.execute("DELETE FROM state_entries WHERE scope = ?", (scope,)):
                return None
            return self._log(tx, scope, "", "scope_deleted", 0, writer, at)

    def keys(self, scope: str) -> list[Entry]:
        with self._db.transaction() as tx:
            rows = tx.query(f"{_ENTRY} WHERE scope = ? ORDER BY key", (scope,))
        return [_entry(r) for r in rows]

    def scopes(self, prefix: str) -> list[tuple[str, int, int]]:
        with self._db.transaction() as tx:
            rows = tx.query(
                "SELECT scope, COUNT(*), SUM(LENGTH(CAST(value AS BLOB))) FROM state_entries "
                "WHERE substr(scope, 1, ?) = ? GROUP BY scope ORDER BY scope",
                (len(prefix), prefix),
            )
        return [(r[0], int(r[1]), int(r[2] or 0)) for r in rows]

    def scope_usage(self, scope: str) -> tuple[int, int]:
        with self._db.transaction() as tx:
            row = tx.one(
                "SELECT COUNT(*), SUM(LENGTH(CAST(value AS BLOB))) FROM state_entries "
                "WHERE scope = ?",
                (scope,),
            )
        return (int(row[0]), int(row[1] or 0)) if row else (0, 0)

    def writer_bytes(self, writer: str) -> int:
        with self._db.transaction() as tx:
            row = tx.one(
                "SELECT SUM(LENGTH(CAST(value AS BLOB))) FROM state_entries WHERE writer = ?",
                (writer,),
            )
        return int(row[0] or 0) if row else 0

    def changes(self, scope: str, since: int, limit: int) -> list[Change]:
        with self._db.transaction() as tx:
            rows = tx.query(
                "SELECT seq, scope, key, action, version, writer, at FROM state_changes "
                "WHERE scope = ? AND seq > ? ORDER BY seq LIMIT ?",
                (scope, since, limit),
            )
        return [Change(int(r[0]), r[1], r[2], r[3], int(r[4]), r[5], float(r[6])) for r in rows]

    def last_seq(self) -> int:
        with self._db.transaction() as tx:
            row = tx.one("SELECT MAX(seq) FROM state_changes")
        return int(row[0] or 0) if row else 0

    def _log(
        self, tx: Tx, scope: str, key: str, action: str, version: int, writer: str, at: float
    ) -> Change:
        seq = tx.insert(
            "INSERT INTO state_changes (scope, key, action, version, writer, at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (scope, key, action, version, writer, at),
        )
        tx.execute("DELETE FROM state_changes WHERE seq <= ?", (seq - KEEP_CHANGES,))
        return Change(seq, scope, key, action, version, writer, at)
