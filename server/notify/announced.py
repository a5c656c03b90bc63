"""Which finished work the relay already announced, kept in the relay's database.

A supervisor re-sends ``work_finished`` until the relay answers, also after either
side restarts, so the same task or batch job can arrive more than once, days
apart. :meth:`AnnouncedWork.first_time` records its key (``work:<host>:<kind>:<ref>``)
in the same transaction that tells whether it was new: the runner announces only
a first time, so a relay restart does not announce it again.

Contract: the key is recorded before the notice is sent (at most once: a relay
killed between the two loses that one notice rather than sending it twice).
Bounded: rows older than ``keep_seconds`` go, then the oldest beyond ``keep_rows``
(a supervisor gives up re-sending after a day, see
``supervisor.orchestration.announce``, so a month is ample).
"""

from __future__ import annotations

from server.db import Database

SCHEMA = [
    """
    CREATE TABLE announced_work (
        key TEXT PRIMARY KEY,
        announced_at REAL NOT NULL
    );
    CREATE INDEX announced_work_at ON announced_work (announced_at);
    """,
]
KEEP_SECONDS = 30 * 86400.0
KEEP_ROWS = 20_000


class AnnouncedWork:
    def __init__(
        self, db: Database, keep_seconds: float = KEEP_SECONDS, keep_rows: int = KEEP_ROWS
    ) -> None:
        self._db, self.keep_seconds, self.keep_rows = db, keep_seconds, keep_rows
        db.migrate("announced_work", SCHEMA)

    def first_time(self, key: str, now: float) -> bool:
        """Record ``key``; True when it was not recorded before (announce it now)."""
        with self._db.transaction() as tx:
            added = tx.execute(
                "INSERT OR IGNORE INTO announced_work (key, announced_at) VALUES (?, ?)",
                (key, now),
            )
            tx.execute(
                "DELETE FROM announced_work WHERE announced_at < ?", (now - self.keep_seconds,)
            )
            tx.execute(
                "DELETE FROM announced_work WHERE key IN (SELECT key FROM announced_work "
                "ORDER BY announced_at DESC, key LIMIT -1 OFFSET ?)",
                (self.keep_rows,),
            )
        return added == 1

    def count(self) -> int:
        row = self._db.one("SELECT COUNT(*) FROM announced_work")
        return int(row[0]) if row else 0
