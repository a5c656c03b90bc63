"""The supervisor's shared-state database: the only supervisor module that imports ``sqlite3``.

One file, ``$TETHER_HOME/state.sqlite3`` (mode 0600, WAL), holding the session,
project and host scopes (``shared.state_sql``); global scopes live on the relay.
Statements are short and local, so the event loop runs them inline, as the relay's
``server/db.py`` does; a lock keeps the one connection safe from threads.
"""

from __future__ import annotations

import os
import sqlite3  # noqa: TID251 - this module owns the supervisor's SQLite
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from shared.errors import TetherError
from shared.state_sql import SCHEMA

Row = tuple[Any, ...]


class StateDatabaseError(TetherError):
    """The state file cannot be used; the message names it."""


class _Tx:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._c = connection

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        return self._c.execute(sql, tuple(params)).rowcount

    def insert(self, sql: str, params: Sequence[Any] = ()) -> int:
        return int(self._c.execute(sql, tuple(params)).lastrowid or 0)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return [tuple(r) for r in self._c.execute(sql, tuple(params)).fetchall()]

    def one(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None


class StateDatabase:
    """A SQLite file with ``BEGIN IMMEDIATE`` transactions (``shared.state_sql.TxDatabase``)."""

    def __init__(self, path: Path | str) -> None:
        self.path = str(path)
        self._lock = threading.Lock()
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
        try:
            self._c = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._c.execute("PRAGMA journal_mode=WAL")
            self._c.execute("PRAGMA busy_timeout=5000")
            exists = self._c.execute(
                "SELECT 1 FROM sqlite_master WHERE name = 'state_entries'"
            ).fetchone()
            if not exists:
                with self.transaction() as tx:
                    for statement in SCHEMA:
                        tx.execute(statement)
        except sqlite3.Error as exc:
            raise StateDatabaseError(
                f"cannot open the shared-state file {self.path}: {exc}",
                "check its permissions, or move it aside to start empty",
            ) from None

    @contextmanager
    def transaction(self) -> Iterator[_Tx]:
        """One ``BEGIN IMMEDIATE`` transaction; a database failure (disk full, locked,
        read-only) is raised as :class:`StateDatabaseError`."""
        with self._lock:
            try:
                self._c.execute("BEGIN IMMEDIATE")
                try:
                    yield _Tx(self._c)
                except BaseException:
                    self._c.execute("ROLLBACK")
                    raise
                self._c.execute("COMMIT")
            except sqlite3.Error as exc:
                if self._c.in_transaction:
                    with suppress(sqlite3.Error):
                        self._c.execute("ROLLBACK")
                raise StateDatabaseError(
                    f"the state file {self.path} could not be written: {exc}",
                    "check free disk space and the file's permissions",
                ) from None

    def synchronous(self, mode: str) -> None:
        """``FULL``: a commit survives a power cut; ``NORMAL``: a crash of this process."""
        if mode not in ("FULL", "NORMAL"):
            raise ValueError(f"unknown synchronous mode {mode!r}")
        with self._lock:
            try:
                self._c.execute(f"PRAGMA synchronous={mode}")
            except sqlite3.Error as exc:
                raise StateDatabaseError(
                    f"the state file {self.path} is not usable: {exc}", "check the file"
                ) from None

    def close(self) -> None:
        self._c.close()
