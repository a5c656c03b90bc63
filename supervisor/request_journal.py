"""The supervisor's write-ahead request journal: every write command's id, on disk before it acts.

The in-memory ledger (``shared.resume.RequestLedger``) answers retries within one
run. This journal answers across runs, and proves absence:

* :meth:`RequestJournal.admit` records a write command's ``request_id`` (a
  client-keyed call's id is fixed by its key, ``shared/mcp/keys.py``) and the
  fingerprint of its content, committed with a full sync, BEFORE the command
  acts. If the record cannot be written the command is refused, untouched: an
  action the journal does not know of must never exist.
* :meth:`RequestJournal.settle` records the reply after it (the text typed at
  offset N, the refusal, the failure before typing); best effort: a missing
  outcome only means "received, outcome unknown", which is the truth.
* Hence a look-up that finds no row proves the request never reached this
  computer, provided it was sent after :attr:`RequestJournal.complete_since`
  (rows are kept ``KEEP_SECONDS``; the horizon moves with pruning). A row
  without an outcome from an earlier run means that run stopped in the middle:
  it may have acted, and the request is never run again.

Reads are not journalled (they change nothing); the cost is one small
synchronous commit per write command (about 3 ms on a plain disk) and one
unsynced update after it. Rows carry a ``scope`` (which relay, or the local
stdio mode), so two supervisors sharing a state directory do not answer for
each other.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from shared.errors import TetherError
from supervisor.state_store import StateDatabase, StateDatabaseError

log = logging.getLogger(__name__)

KEEP_SECONDS = 7 * 24 * 3600.0
PRUNE_EVERY = 512  # admissions between two prunes

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS request_journal ("
    " scope TEXT NOT NULL, request_id TEXT NOT NULL, fingerprint TEXT NOT NULL,"
    " kind TEXT NOT NULL, received_at REAL NOT NULL, reply TEXT,"
    " PRIMARY KEY (scope, request_id))",
    "CREATE INDEX IF NOT EXISTS request_journal_received ON request_journal (received_at)",
    "CREATE TABLE IF NOT EXISTS request_journal_horizon ("
    " scope TEXT PRIMARY KEY, complete_since REAL NOT NULL)",
)


class JournalError(TetherError):
    """The journal could not record a request; the message says why."""


@dataclass(frozen=True)
class Prior:
    """What the journal holds for a request id received before."""

    fingerprint: str
    received_at: float
    reply: str | None  # the reply's JSON; None: received, outcome never recorded


class RequestJournal:
    """Write-ahead records of write commands in the supervisor's state database."""

    def __init__(
        self,
        path: Path | str,
        scope: str,
        clock: Callable[[], float] = time.time,
        keep_seconds: float = KEEP_SECONDS,
    ) -> None:
        self.scope, self._clock, self._keep = scope, clock, keep_seconds
        self._db = StateDatabase(path)
        self._admitted = 0
        with self._db.transaction() as tx:
            for statement in _SCHEMA:
                tx.execute(statement)
            tx.execute(
                "INSERT OR IGNORE INTO request_journal_horizon (scope, complete_since) "
                "VALUES (?, ?)",
                (scope, self._clock()),
            )
        self._prune()

    @property
    def complete_since(self) -> float:
        """Every write command this scope received since then has a row (this host's clock)."""
        with self._db.transaction() as tx:
            row = tx.one(
                "SELECT complete_since FROM request_journal_horizon WHERE scope = ?", (self.scope,)
            )
        return float(row[0]) if row else self._clock()

    def admit(self, request_id: str, fingerprint: str, kind: str) -> Prior | None:
        """Record ``request_id`` durably; the earlier record if there was one (then nothing
        is written). Raises :class:`JournalError` when nothing could be recorded."""
        try:
            self._db.synchronous("FULL")
            with self._db.transaction() as tx:
                row = tx.one(
                    "SELECT fingerprint, received_at, reply FROM request_journal "
                    "WHERE scope = ? AND request_id = ?",
                    (self.scope, request_id),
                )
                if row is None:
                    tx.execute(
                        "INSERT INTO request_journal (scope, request_id, fingerprint, kind, "
                        "received_at) VALUES (?, ?, ?, ?, ?)",
                        (self.scope, request_id, fingerprint, kind, self._clock()),
                    )
        except StateDatabaseError as exc:
            raise JournalError(exc.message, exc.hint) from None
        if row is not None:
            return Prior(str(row[0]), float(row[1]), None if row[2] is None else str(row[2]))
        self._admitted += 1
        if self._admitted % PRUNE_EVERY == 0:
            self._prune()
        return None

    def settle(self, request_id: str, reply_json: str) -> None:
        """Record the reply of an admitted request (not synced: losing it loses no truth)."""
        try:
            self._db.synchronous("NORMAL")
            with self._db.transaction() as tx:
                tx.execute(
                    "UPDATE request_journal SET reply = ? WHERE scope = ? AND request_id = ? "
                    "AND reply IS NULL",
                    (reply_json, self.scope, request_id),
                )
        except StateDatabaseError as exc:
            log.warning("could not record the outcome of request %s: %s", request_id, exc)

    def find(self, request_id: str) -> Prior | None:
        """The record of ``request_id``, or None: never received since :attr:`complete_since`."""
        with self._db.transaction() as tx:
            row = tx.one(
                "SELECT fingerprint, received_at, reply FROM request_journal "
                "WHERE scope = ? AND request_id = ?",
                (self.scope, request_id),
            )
        if row is None:
            return None
        return Prior(str(row[0]), float(row[1]), None if row[2] is None else str(row[2]))

    def _prune(self) -> None:
        cutoff = self._clock() - self._keep
        try:
            with self._db.transaction() as tx:
                gone = tx.execute(
                    "DELETE FROM request_journal WHERE scope = ? AND received_at < ?",
                    (self.scope, cutoff),
                )
                if gone:
                    # What was pruned can no longer be told from "never received".
                    tx.execute(
                        "UPDATE request_journal_horizon SET complete_since = MAX(complete_since, ?)"
                        " WHERE scope = ?",
                        (cutoff, self.scope),
                    )
        except StateDatabaseError as exc:
            log.warning("could not prune the request journal: %s", exc)

    def close(self) -> None:
        self._db.close()
