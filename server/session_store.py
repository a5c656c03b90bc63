"""The relay's durable copy of every session: metadata, recent output, screen, last seen.

Its tables live in the relay's one database (``relay.sqlite3``, WAL mode, through
:class:`server.db.Database`), so a relay restart (or a crash mid-write) keeps every
byte it acknowledged: the hub acknowledges output to a supervisor only after
:meth:`SessionStore.append_output` returned, and each write is its own transaction.
A data dir from before the one database has its own ``sessions.sqlite3``:
:meth:`SessionStore.in_dir` copies it in once, in one transaction, and renames it
``sessions.sqlite3.migrated``.

Contracts:

* Output is stored by absolute offset, contiguous from ``kept_from`` to ``end``
  except for announced gaps (``record_gap``), which advance ``end`` without
  bytes. The caller (the hub's ``OutputReceiver``) guarantees each append starts
  exactly at ``end``: the store refuses anything else rather than store a hole.
* Each session keeps its newest ``max_output_bytes`` (older rows are deleted in
  batches); a read from before ``kept_from`` says how many bytes it missed.
* The screen text is whatever the supervisor last rendered for a screen read,
  kept so a phone can see a session while its computer sleeps.
* Ended sessions are deleted by :meth:`SessionStore.prune_ended` under a
  :class:`Retention` (age since they ended, total size of their output).

Calls are synchronous and small (one row each): they run on the event loop.
Metadata writes (hosts, session info, screens) are best effort: a failure (disk
full, read-only) is logged and never turns the action that caused it into an
error. Output appends raise :class:`StoreError`: nothing is acknowledged then.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from server.db import MEMORY, Database, DatabaseError, Transaction, open_database
from shared.errors import TetherError
from shared.protocol import SessionInfo

log = logging.getLogger(__name__)

DEFAULT_MAX_OUTPUT = 2 * 1024 * 1024
DEFAULT_KEEP_ENDED_DAYS = 7
DEFAULT_KEEP_ENDED_MB = 256
OLD_STORE_FILE = "sessions.sqlite3"  # the separate file of relays before the one database
MIGRATED_SUFFIX = ".migrated"
_TABLES = ("hosts", "sessions", "output")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS hosts (
    name TEXT PRIMARY KEY,
    last_seen REAL
);
CREATE TABLE IF NOT EXISTS sessions (
    session_id TEXT PRIMARY KEY,
    host TEXT NOT NULL,
    info TEXT,
    screen TEXT,
    screen_at REAL,
    kept_from INTEGER NOT NULL DEFAULT 0,
    output_end INTEGER NOT NULL DEFAULT 0,
    lost_bytes INTEGER NOT NULL DEFAULT 0,
    updated_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS output (
    session_id TEXT NOT NULL,
    offset INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (session_id, offset)
);
"""


@dataclass(frozen=True)
class Retention:
    """How long ended sessions are kept: by age since they ended, and by their total output.

    Live sessions are never pruned (each keeps its newest ``max_output_bytes``).
    """

    max_age: float = DEFAULT_KEEP_ENDED_DAYS * 86400.0
    max_bytes: int = DEFAULT_KEEP_ENDED_MB * 1024 * 1024

    def __post_init__(self) -> None:
        if self.max_age <= 0 or self.max_bytes < 0:
            raise ValueError("retention needs a positive age and a size of at least 0 bytes")


@dataclass(frozen=True)
class Pruned:
    sessions: int
    bytes: int


class StoreError(TetherError, RuntimeError):
    """The store refused a write (an offset that would leave a hole, or SQLite failed)."""


@dataclass(frozen=True)
class StoredSession:
    host: str
    info: SessionInfo | None  # None: only output was seen so far
    output_end: int
    lost_bytes: int
    updated_at: float
    screen: str | None
    screen_at: float | None


@dataclass(frozen=True)
class StoredOutput:
    start: int
    data: bytes
    dropped: int  # bytes asked for before ``start`` that are no longer kept

    @property
    def end(self) -> int:
        return self.start + len(self.data)


class SessionStore:
    """Sessions and their recent output, in the relay's :class:`Database`.

    ``db``: the relay's open database (the relay closes it), or a path to open one
    at (``":memory:"`` for tests), which :meth:`close` then closes.
    """

    def __init__(
        self, db: Database | Path | str = MEMORY, max_output_bytes: int = DEFAULT_MAX_OUTPUT
    ) -> None:
        if max_output_bytes < 1:
            raise ValueError("max_output_bytes must be positive")
        self.max_output_bytes = max_output_bytes
        self._owns_db = not isinstance(db, Database)
        try:
            self._db = db if isinstance(db, Database) else Database(Path(db))
            self._db.migrate("sessions", [_SCHEMA])
        except DatabaseError as exc:
            raise StoreError(
                f"cannot use the session store: {exc} Free disk space, make the data "
                "directory writable, or pass another --data-dir."
            ) from None
        self.path = str(self._db.path)

    @classmethod
    def in_dir(
        cls,
        data_dir: Path,
        max_output_bytes: int = DEFAULT_MAX_OUTPUT,
        *,
        db: Database | None = None,
    ) -> SessionStore:
        """The store in ``data_dir``'s relay database (``db`` when the relay has it open),
        after moving in the sessions of an older relay's ``sessions.sqlite3``, once."""
        if db is None:
            try:
                opened = open_database(data_dir)
            except DatabaseError as exc:
                raise StoreError(f"cannot use the session store: {exc}") from None
            store = cls(opened, max_output_bytes)
            store._owns_db = True
        else:
            store = cls(db, max_output_bytes)
        store._adopt_old_file(data_dir / OLD_STORE_FILE)
        return store

    def _adopt_old_file(self, old: Path) -> None:
        if not old.is_file():
            return
        try:
            rows = self._db.copy_tables(old, _TABLES)
        except DatabaseError as exc:
            raise StoreError(
                f"could not move the sessions of {old} into {self.path}: {exc} Nothing was "
                f"changed; fix the cause, or move {old} aside to start without them."
            ) from None
        done = old.with_name(old.name + MIGRATED_SUFFIX)
        for suffix in ("-wal", "-shm", ""):  # the WAL files first: they belong to the old name
            part = old.with_name(old.name + suffix)
            if part.exists():
                part.rename(done.with_name(done.name + suffix))
        log.warning(
            "moved %d rows of the old session store %s into %s; the old file is kept as %s "
            "and can be deleted",
            rows,
            old,
            self.path,
            done,
        )

    def close(self) -> None:
        if self._owns_db:
            self._db.close()

    # ------------------------------------------------------------ hosts

    def host_seen(self, name: str, when: float) -> None:
        self._best_effort(
            "the last-seen time of " + name,
            "INSERT INTO hosts(name, last_seen) VALUES(?, ?) "
            "ON CONFLICT(name) DO UPDATE SET last_seen = excluded.last_seen",
            (name, when),
        )

    def hosts(self) -> dict[str, float | None]:
        return {
            str(name): last_seen
            for name, last_seen in self._db.query("SELECT name, last_seen FROM hosts ORDER BY name")
        }

    # ------------------------------------------------------------ sessions

    def save_session(self, host: str, info: SessionInfo, when: float) -> None:
        self._best_effort(
            "session " + info.session_id,
            "INSERT INTO sessions(session_id, host, info, updated_at) VALUES(?, ?, ?, ?) "
            "ON CONFLICT(session_id) DO UPDATE SET host = excluded.host, info = excluded.info, "
            "updated_at = excluded.updated_at",
            (info.session_id, host, info.model_dump_json(), when),
        )

    def save_screen(self, session_id: str, text: str, when: float) -> None:
        self._best_effort(
            "the screen of " + session_id,
            "UPDATE sessions SET screen = ?, screen_at = ? WHERE session_id = ?",
            (text, when, session_id),
        )

    def _best_effort(self, what: str, sql: str, params: tuple[object, ...]) -> None:
        # Bookkeeping that follows an action (a reply, a status): a full or read-only
        # disk must not turn the action's true outcome into an error. Output appends
        # do raise: the supervisor keeps unacknowledged bytes and resends them.
        try:
            self._db.execute(sql, params)
        except DatabaseError as exc:
            log.error("could not save %s in %s: %s", what, self.path, exc)

    def session(self, session_id: str) -> StoredSession | None:
        row = self._db.one(
            "SELECT host, info, output_end, lost_bytes, updated_at, screen, screen_at "
            "FROM sessions WHERE session_id = ?",
            (session_id,),
        )
        return None if row is None else _stored(row)

    def sessions(self, host: str | None = None) -> dict[str, StoredSession]:
        query = (
            "SELECT host, info, output_end, lost_bytes, updated_at, screen, screen_at, session_id "
            "FROM sessions"
        )
        rows = (
            self._db.query(query + " WHERE host = ?", (host,))
            if host is not None
            else self._db.query(query)
        )
        return {row[7]: _stored(row[:7]) for row in rows}

    # ------------------------------------------------------------ output

    def output_end(self, session_id: str) -> int:
        row = self._db.one("SELECT output_end FROM sessions WHERE session_id = ?", (session_id,))
        return int(row[0]) if row else 0

    def append_output(
        self, session_id: str, host: str, offset: int, data: bytes, when: float
    ) -> None:
        """Store ``data`` at ``offset``, which must be the session's current end."""
        if not data:
            return
        try:
            with self._db.transaction() as tx:  # the bytes and the new end together
                end, kept_from = _ensure(tx, session_id, host, when)
                if offset != end:
                    raise StoreError(
                        f"output for {session_id} at offset {offset}, but the store ends at {end}"
                    )
                tx.execute(
                    "INSERT INTO output(session_id, offset, data) VALUES(?, ?, ?)",
                    (session_id, offset, data),
                )
                tx.execute(
                    "UPDATE sessions SET output_end = ?, updated_at = ? WHERE session_id = ?",
                    (offset + len(data), when, session_id),
                )
                self._trim(tx, session_id, offset + len(data), kept_from)
        except DatabaseError as exc:
            raise StoreError(f"could not store output of {session_id}: {exc}") from exc

    def record_gap(self, session_id: str, host: str, start: int, end: int, when: float) -> None:
        """The bytes ``[start, end)`` are lost for good; ``start`` must be the current end."""
        try:
            with self._db.transaction() as tx:
                current, _ = _ensure(tx, session_id, host, when)
                if start != current:
                    raise StoreError(
                        f"gap for {session_id} at {start}, but the store ends at {current}"
                    )
                tx.execute(
                    "UPDATE sessions SET output_end = ?, lost_bytes = lost_bytes + ?, "
                    "updated_at = ? WHERE session_id = ?",
                    (end, end - start, when, session_id),
                )
        except DatabaseError as exc:
            raise StoreError(f"could not record lost output of {session_id}: {exc}") from exc

    def read_output(
        self, session_id: str, since: int | None = None, max_bytes: int = 64 * 1024
    ) -> StoredOutput:
        """Up to ``max_bytes`` stored bytes from ``since`` (None: the newest ``max_bytes``).

        The data is always contiguous from ``start``: a read stops at an announced
        gap, and a read from inside one starts after it with ``dropped`` counting
        the missing bytes, so every byte sits at its true offset.
        """
        end = self.output_end(session_id)
        newest = since is None
        since = max(0, end - max_bytes) if since is None else min(since, end)
        rows: list[tuple[int, bytes]] = [
            (int(offset), bytes(data))
            for offset, data in self._db.query(
                "SELECT offset, data FROM output WHERE session_id = ? "
                "AND offset + length(data) > ? ORDER BY offset",
                (session_id, since),
            )
        ]
        if newest:
            rows = _contiguous_tail(rows)  # the newest bytes: those after the last gap
            if rows:
                since = max(since, int(rows[0][0]))
        if not rows:
            return StoredOutput(since if since >= end else end, b"", max(0, end - since))
        first = int(rows[0][0])
        start = max(since, first)
        out = bytearray()
        expected = start
        for offset, data in rows:
            if offset > expected:
                break  # an announced gap: stop before it, never close it up
            out += bytes(data)[expected - offset :]
            expected = offset + len(data)
            if len(out) >= max_bytes:
                break
        return StoredOutput(start, bytes(out[:max_bytes]), max(0, first - since))

    def all_output(self, session_id: str) -> bytes:
        """Every stored byte of the session, in order (tests and exports)."""
        rows = self._db.query(
            "SELECT data FROM output WHERE session_id = ? ORDER BY offset", (session_id,)
        )
        return b"".join(bytes(r[0]) for r in rows)

    # ------------------------------------------------------------ retention

    def prune_ended(self, now: float, retention: Retention) -> Pruned:
        """Delete ended sessions (metadata and output) past the age, then the oldest
        ended ones while their output together exceeds ``retention.max_bytes``.

        A session counts as ended once its stored state is ``exited``; its age runs
        from its last update (the exit report, or the last output after it).
        """
        rows = self._db.query(
            "SELECT s.session_id, s.updated_at, "
            "(SELECT COALESCE(SUM(length(o.data)), 0) FROM output o "
            " WHERE o.session_id = s.session_id) "
            "FROM sessions s WHERE json_extract(s.info, '$.state') = 'exited' "
            "ORDER BY s.updated_at DESC"
        )
        doomed: list[tuple[str, int]] = []
        total = 0
        for session_id, updated_at, size in rows:  # newest first: the oldest go first
            total += int(size)
            if now - float(updated_at) >= retention.max_age or total > retention.max_bytes:
                doomed.append((str(session_id), int(size)))
        try:
            with self._db.transaction() as tx:
                for session_id, _ in doomed:
                    tx.execute("DELETE FROM output WHERE session_id = ?", (session_id,))
                    tx.execute("DELETE FROM sessions WHERE session_id = ?", (session_id,))
        except DatabaseError as exc:
            raise StoreError(f"could not prune ended sessions: {exc}") from exc
        return Pruned(len(doomed), sum(size for _, size in doomed))

    def _trim(self, tx: Transaction, session_id: str, end: int, kept_from: int) -> None:
        # Trim in batches (a quarter of the bound of slack) rather than on every append.
        if end - kept_from <= self.max_output_bytes + self.max_output_bytes // 4:
            return
        cut = end - self.max_output_bytes
        tx.execute(
            "DELETE FROM output WHERE session_id = ? AND offset + length(data) <= ?",
            (session_id, cut),
        )
        first = tx.one("SELECT MIN(offset) FROM output WHERE session_id = ?", (session_id,))
        tx.execute(
            "UPDATE sessions SET kept_from = ? WHERE session_id = ?",
            (first[0] if first and first[0] is not None else end, session_id),
        )


def _ensure(tx: Transaction, session_id: str, host: str, when: float) -> tuple[int, int]:
    """The session's stored end and where its kept bytes start, creating its row (both 0)
    on its first output. One query for both: this runs on every append."""
    row = tx.one("SELECT output_end, kept_from FROM sessions WHERE session_id = ?", (session_id,))
    if row is not None:
        return int(row[0]), int(row[1])
    tx.execute(
        "INSERT INTO sessions(session_id, host, updated_at) VALUES(?, ?, ?)",
        (session_id, host, when),
    )
    return 0, 0


def _contiguous_tail(rows: list[tuple[int, bytes]]) -> list[tuple[int, bytes]]:
    """The rows after the last discontinuity (rows sorted by offset)."""
    cut = 0
    for i in range(1, len(rows)):
        if rows[i][0] != rows[i - 1][0] + len(rows[i - 1][1]):
            cut = i
    return rows[cut:]


def _stored(row: tuple[object, ...]) -> StoredSession:
    host, info, end, lost, updated, screen, screen_at = row
    return StoredSession(
        host=str(host),
        info=SessionInfo.model_validate_json(str(info)) if info else None,
        output_end=int(end),  # type: ignore[call-overload]
        lost_bytes=int(lost),  # type: ignore[call-overload]
        updated_at=float(updated),  # type: ignore[arg-type]
        screen=None if screen is None else str(screen),
        screen_at=None if screen_at is None else float(screen_at),  # type: ignore[arg-type]
    )
