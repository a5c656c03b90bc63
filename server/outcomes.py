"""The relay's durable client-key -> outcome map (see ``shared/mcp/keys.py``).

One table in the relay database. A key is claimed (with its tool, an argument
fingerprint and the request id) before the command goes to the computer, and
settled with the result once it came back, so a repeat after a relay crash at
any point finds the key. Keys are kept ``KEEP_SECONDS`` (a day): a client
repeats an action within minutes, not days.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from server.db import Database, DatabaseError
from shared.errors import TetherError
from shared.wire_values import ErrorCode

KEEP_SECONDS = 24 * 3600.0

_MIGRATIONS = [
    """
    CREATE TABLE client_keys (
        key TEXT PRIMARY KEY,
        tool TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        request_id TEXT NOT NULL,
        outcome TEXT,
        claimed_at REAL NOT NULL
    );
    CREATE INDEX client_keys_claimed ON client_keys (claimed_at);
    """
]


class KeyReused(TetherError):
    """A client key came back with another tool or other arguments."""

    code = ErrorCode.INVALID_ARGUMENT


class ClientOutcomes:
    """Implements ``shared.backend.OutcomeStore`` on the relay database."""

    def __init__(self, db: Database, clock: Callable[[], float] = time.time) -> None:
        self._db, self._clock = db, clock
        db.migrate("client_keys", _MIGRATIONS)

    def claim(self, key: str, tool: str, fingerprint: str, request_id: str) -> str | None:
        now = self._clock()
        with self._db.transaction() as tx:
            tx.execute("DELETE FROM client_keys WHERE claimed_at < ?", (now - KEEP_SECONDS,))
            row = tx.one("SELECT tool, fingerprint, outcome FROM client_keys WHERE key = ?", (key,))
            if row is None:
                tx.execute(
                    "INSERT INTO client_keys (key, tool, fingerprint, request_id, claimed_at) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (key, tool, fingerprint, request_id, now),
                )
                return None
        if (row[0], row[1]) != (tool, fingerprint):
            raise KeyReused(
                f"client_key {key!r} was already used for another action ({row[0]})",
                "use a new client_key for a new action; repeat a key only to repeat the same call",
            )
        return None if row[2] is None else str(row[2])

    def settle(self, key: str, outcome: str) -> None:
        try:
            self._db.execute(
                "UPDATE client_keys SET outcome = ? WHERE key = ? AND outcome IS NULL",
                (outcome, key),
            )
        except DatabaseError:
            # The action happened; a repeat still finds the claimed key and gets the
            # first outcome from the computer's ledger under the same request id.
            pass
