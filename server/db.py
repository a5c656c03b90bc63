"""The relay's one SQLite database: the only module that imports ``sqlite3``.

Every relay store (paired supervisors, the audit log, OAuth, the session store and the
rest) keeps its tables in one file, ``<data dir>/relay.sqlite3``, through
:class:`Database` (``":memory:"`` for tests and a hub built without a data dir).
Contracts:

* **Settings.** WAL journal (readers never block the writer), ``synchronous=NORMAL``
  (in WAL mode a process crash loses nothing; only an OS crash can lose the last
  commits, never corrupt the file), ``foreign_keys=ON`` (SQLite defaults it off),
  ``busy_timeout`` so a second process (the ``python -m server pair-code`` CLI
  while the relay runs) waits for the lock instead of failing.
* **File mode 0600**, created so before SQLite opens it (never world-readable,
  not even for a moment); SQLite gives its ``-wal``/``-shm`` files the same mode.
* **Transactions.** :meth:`Database.transaction` is ``BEGIN IMMEDIATE``: it takes
  the write lock up front, so a read-then-write (consume a nonce, append to a hash
  chain) cannot interleave with another writer, in this process or another.
  Outside a transaction, :meth:`Database.execute` and :meth:`Database.query` run
  one auto-committed statement each.
* **Asyncio: inline, under a lock.** Statements here are short (sub-millisecond
  on a local disk: no fsync per commit in WAL + NORMAL), so the event loop calls
  them directly. ``asyncio.to_thread`` per statement would cost more than the
  statement, and would reorder audit rows relative to the events they record.
  A ``threading.Lock`` makes the one connection safe from threads too, so a long
  job (``AuditLog.verify_chain`` over a large log) may run in ``asyncio.to_thread``.
  Never ``await`` inside ``with db.transaction()``: another task would then use
  the connection mid-transaction. That misuse (and any nested use on the same
  thread) raises :class:`DatabaseError` at once instead of deadlocking the loop.
* **Migrations.** Each store registers its own ordered schema steps under its own
  name with :meth:`Database.migrate`; steps already applied are skipped, so
  calling it at every start is idempotent. ``PRAGMA user_version`` versions this
  module's own bookkeeping (the ``schema_versions`` table); each store's version
  lives in that table, because one integer cannot version several stores that
  evolve independently without coupling their registration order.
* **Adopting an older file.** :meth:`Database.copy_tables` copies tables of another
  SQLite file into this one in one transaction (how a data dir from before the one
  database moves its separate session file in).
* **Errors.** Every ``sqlite3.Error`` leaves this module as :class:`DatabaseError`
  (the one translation point), with what to do when the cause is the file.
"""

from __future__ import annotations

import os
import sqlite3  # noqa: TID251 - this module owns the relay's SQLite
import stat
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from shared.errors import TetherError

DB_NAME = "relay.sqlite3"
MEMORY = ":memory:"
BUSY_TIMEOUT_MS = 5000
# Version of this module's bookkeeping schema (the ``schema_versions`` table).
META_VERSION = 1

T = TypeVar("T")
Row = tuple[Any, ...]
Params = Sequence[object]


class DatabaseError(TetherError):
    """A database operation failed; the message says what and, when it can, what to do."""


class Transaction:
    """A handle on an open ``BEGIN IMMEDIATE`` transaction; valid only inside its ``with``."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    # Written out rather than through ``_run``: these run several times per output
    # append, the relay's busiest write, where a closure per statement shows.
    def execute(self, sql: str, params: Params = ()) -> int:
        """Run one statement; the number of rows it changed."""
        try:
            return self._db.execute(sql, _tuple(params)).rowcount
        except sqlite3.Error as exc:
            raise _translated(exc) from None

    def insert(self, sql: str, params: Params = ()) -> int:
        """Run one INSERT; the new row's rowid."""
        try:
            return int(self._db.execute(sql, _tuple(params)).lastrowid or 0)
        except sqlite3.Error as exc:
            raise _translated(exc) from None

    def query(self, sql: str, params: Params = ()) -> list[Row]:
        try:
            return [tuple(r) for r in self._db.execute(sql, _tuple(params)).fetchall()]
        except sqlite3.Error as exc:
            raise _translated(exc) from None

    def one(self, sql: str, params: Params = ()) -> Row | None:
        try:
            row = self._db.execute(sql, _tuple(params)).fetchone()
        except sqlite3.Error as exc:
            raise _translated(exc) from None
        return None if row is None else tuple(row)


Migration = str | Callable[[Transaction], None]


class Database:
    """One SQLite file, one connection, one lock. See the module docstring for the contract."""

    def __init__(
        self, path: Path, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS, read_only: bool = False
    ) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.in_memory = str(path) == MEMORY
        self._lock = threading.Lock()
        self._owner: int | None = None  # thread holding the lock, to refuse nested use
        if read_only:
            self._db = _connect_read_only(self.path)
            self._check_meta()
            return
        if not self.in_memory:
            _create_private(self.path)
        try:
            self._db = sqlite3.connect(
                MEMORY if self.in_memory else self.path,
                check_same_thread=False,
                isolation_level=None,
            )
        except sqlite3.Error as exc:
            raise DatabaseError(_cannot_use(self.path, exc)) from None
        try:
            mode = self._db.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if str(mode).lower() != "wal" and not self.in_memory:
                raise DatabaseError(
                    f"{self.path} cannot use WAL mode (got {mode!r}); put the data directory "
                    "on a local file system."
                )
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
            self._bootstrap()
        except (sqlite3.Error, DatabaseError) as exc:
            self._db.close()
            if isinstance(exc, DatabaseError) and not _is_storage_problem(str(exc)):
                raise
            raise DatabaseError(_cannot_use(self.path, exc)) from None

    # ------------------------------------------------------------ statements

    def execute(self, sql: str, params: Params = ()) -> int:
        """Run one auto-committed statement; the number of rows it changed."""
        with self._locked():
            return _run(lambda: self._db.execute(sql, tuple(params)).rowcount)

    def query(self, sql: str, params: Params = ()) -> list[Row]:
        with self._locked():
            return _run(lambda: [tuple(r) for r in self._db.execute(sql, tuple(params)).fetchall()])

    def one(self, sql: str, params: Params = ()) -> Row | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """``BEGIN IMMEDIATE`` ... ``COMMIT``; rolled back if the block raises."""
        if self.read_only:
            raise DatabaseError(
                f"{self.path} is open read-only (its data directory is not writable); "
                "make the data directory writable to change anything."
            )
        with self._locked():
            _run(lambda: self._db.execute("BEGIN IMMEDIATE"))
            try:
                yield Transaction(self._db)
            except BaseException:
                _run(lambda: self._db.execute("ROLLBACK"))
                raise
            _run(lambda: self._db.execute("COMMIT"))

    # ------------------------------------------------------------ schema

    def migrate(self, component: str, steps: Sequence[Migration]) -> int:
        """Apply ``component``'s steps not applied yet, in order; its version after.

        A step is SQL (several statements allowed) or a function given the
        transaction. Steps are append-only: never edit or reorder one that has
        shipped, add a new one. All pending steps run in one transaction, so a
        failure leaves the previous version intact.
        """
        if self.read_only:
            current = self.schema_version(component)
            if current != len(steps):
                raise DatabaseError(
                    f"{self.path} needs its {component!r} tables upgraded, which a read-only "
                    "data directory does not allow; make it writable and run the command again."
                )
            return current
        with self.transaction() as tx:
            row = tx.one("SELECT version FROM schema_versions WHERE component = ?", (component,))
            current = 0 if row is None else int(row[0])
            if current > len(steps):
                raise DatabaseError(
                    f"{self.path} has {component!r} schema version {current}, newer than this "
                    f"relay knows ({len(steps)}); upgrade the relay."
                )
            for step in steps[current:]:
                if callable(step):
                    step(tx)
                else:
                    for statement in split_statements(step):
                        tx.execute(statement)
            tx.execute(
                "INSERT INTO schema_versions (component, version) VALUES (?, ?) "
                "ON CONFLICT (component) DO UPDATE SET version = excluded.version",
                (component, len(steps)),
            )
        return len(steps)

    def copy_tables(self, source: Path, tables: Sequence[str]) -> int:
        """Copy every row of ``tables`` from the SQLite file ``source`` into the same
        tables here, in one transaction; the number of rows copied.

        Only the columns both sides have are copied; a row whose key already exists
        here is kept as it is, so a copy interrupted before its caller marked it
        done can run again. The tables must exist here (migrate first).
        """
        with self._locked():
            _run(lambda: self._db.execute("ATTACH DATABASE ? AS source", (str(source),)))
        try:
            with self.transaction() as tx:
                copied = 0
                for table in tables:
                    if not table.isidentifier():
                        raise ValueError(f"not a table name: {table!r}")
                    here = {r[1] for r in tx.query(f"PRAGMA main.table_info({table})")}
                    there = [r[1] for r in tx.query(f"PRAGMA source.table_info({table})")]
                    columns = ", ".join(c for c in there if c in here)
                    if not columns:
                        continue
                    copied += tx.execute(
                        f"INSERT OR IGNORE INTO main.{table} ({columns}) "
                        f"SELECT {columns} FROM source.{table}"
                    )
                return copied
        finally:
            with self._locked():
                _run(lambda: self._db.execute("DETACH DATABASE source"))

    def schema_version(self, component: str) -> int:
        if not self.one("SELECT 1 FROM sqlite_master WHERE name = 'schema_versions'"):
            return 0
        row = self.one("SELECT version FROM schema_versions WHERE component = ?", (component,))
        return 0 if row is None else int(row[0])

    def pragma(self, name: str) -> object:
        """The value of a read-only pragma such as ``journal_mode`` (for checks and tests)."""
        if not name.isidentifier():
            raise ValueError(f"not a pragma name: {name!r}")
        row = self.one(f"PRAGMA {name}")
        return None if row is None else row[0]

    def close(self) -> None:
        with self._locked():
            self._db.close()

    # ------------------------------------------------------------ internals

    def _check_meta(self) -> None:
        version = self.one("PRAGMA user_version")
        if version is not None and int(version[0]) > META_VERSION:
            raise DatabaseError(
                f"{self.path} was written by a newer relay (format {version[0]}); "
                "upgrade the relay."
            )

    def _bootstrap(self) -> None:
        with self.transaction() as tx:
            row = tx.one("PRAGMA user_version")
            version = 0 if row is None else int(row[0])
            if version > META_VERSION:
                raise DatabaseError(
                    f"{self.path} was written by a newer relay (format {version}); "
                    "upgrade the relay."
                )
            if version < 1:
                tx.execute(
                    "CREATE TABLE IF NOT EXISTS schema_versions ("
                    "component TEXT PRIMARY KEY, version INTEGER NOT NULL)"
                )
            # PRAGMA takes no bound parameters; META_VERSION is a constant.
            tx.execute(f"PRAGMA user_version = {META_VERSION}")

    @contextmanager
    def _locked(self) -> Iterator[None]:
        me = threading.get_ident()
        if self._owner == me:
            raise DatabaseError(
                "the database is already in use on this thread (an await or a nested call "
                "inside a transaction); use the transaction's own execute/query."
            )
        with self._lock:
            self._owner = me
            try:
                yield
            finally:
                self._owner = None


def open_database(data_dir: Path, *, read_only: bool = False) -> Database:
    """The relay's database in its data directory (created 0700 if missing).

    ``read_only``: only look (admin listings on a data directory that is not writable).
    """
    if read_only:
        return Database(data_dir / DB_NAME, read_only=True)
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    return Database(data_dir / DB_NAME)


def writable(data_dir: Path) -> bool:
    """Whether the relay could write its database in ``data_dir`` (dir and file)."""
    path = data_dir / DB_NAME
    return os.access(data_dir, os.W_OK | os.X_OK) and (
        not path.exists() or os.access(path, os.W_OK)
    )


def _connect_read_only(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise DatabaseError(f"no relay database at {path}: pass --data-dir with the relay's data")
    # mode=ro still needs the WAL index (-shm) to be creatable; immutable=1 reads the
    # file as it is, which is right for a data directory nobody can write to.
    for query in ("mode=ro", "immutable=1"):
        try:
            db = sqlite3.connect(
                f"{path.resolve().as_uri()}?{query}",
                uri=True,
                check_same_thread=False,
                isolation_level=None,
            )
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return db
        except sqlite3.Error as exc:
            error = exc
    raise DatabaseError(f"cannot read the database {path}: {error}.") from None


_STORAGE_WORDS = ("readonly", "read-only", "disk is full", "disk i/o", "unable to open")


def _is_storage_problem(text: str) -> bool:
    return any(word in text.lower() for word in _STORAGE_WORDS)


def _cannot_use(path: Path, exc: BaseException) -> str:
    """Why the database cannot be opened for writing, told truthfully with what to do."""
    text = str(exc)
    lower = text.lower()
    where = path.parent
    if "disk is full" in lower or "no space" in lower:
        return (
            f"the disk holding {where} is full ({text}); free some space or pass --data-dir "
            "on another disk. The database itself is not damaged."
        )
    if not os.access(where, os.W_OK | os.X_OK) or (path.exists() and not os.access(path, os.W_OK)):
        return (
            f"the data directory {where} is read-only for this user ({text}); make it writable "
            "(or run as its owner) or pass another --data-dir. The database itself is fine."
        )
    if "not a database" in lower or "malformed" in lower:
        return f"{path} is not a usable SQLite database ({text}); move it aside and restart."
    return (
        f"cannot use the database {path}: {text}. "
        "Check the data directory's permissions and free space, or pass another --data-dir."
    )


def split_statements(script: str) -> list[str]:
    """Split SQL text into complete statements (``executescript`` would commit mid-transaction)."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        raise DatabaseError(f"incomplete SQL statement in migration: {buffer.strip()[:80]!r}")
    return statements


def _run(operation: Callable[[], T]) -> T:
    try:
        return operation()
    except sqlite3.Error as exc:
        raise _translated(exc) from None


def _translated(exc: sqlite3.Error) -> DatabaseError:
    """The one translation of a SQLite error, with what to do when the cause is the disk."""
    text = str(exc)
    lower = text.lower()
    if "full" in lower:
        hint = " The disk holding the data directory is full: free some space."
    elif "readonly" in lower or "read-only" in lower:
        hint = " The data directory is read-only: make it writable."
    else:
        hint = ""
    return DatabaseError(f"database error: {text}.{hint}")


def _tuple(params: Params) -> tuple[object, ...]:
    return params if isinstance(params, tuple) else tuple(params)


def _create_private(path: Path) -> None:
    """Create ``path`` with mode 0600 if absent; tighten it if it is readable by others."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        os.close(fd)
    except FileExistsError:
        pass
    except OSError as exc:
        raise DatabaseError(
            f"cannot create the database {path}: {exc.strerror}. "
            "Fix the data directory's permissions or pass another --data-dir."
        ) from None
    for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            mode = stat.S_IMODE(candidate.stat().st_mode)
        except FileNotFoundError:
            continue
        if mode & 0o077:
            # It holds key fingerprints and the audit trail: nobody else should read it.
            candidate.chmod(0o600)
