"""Who hears by email that a batch job ended: ``batch_enqueue_projects(notification_email=)``.

The relay keeps each job's address (``relay.sqlite3``, so it survives a
restart) when the tool call that queued the job returns; when that host says
the job ended (``work_finished``), the runner takes the address and mails the
announcement through the SMTP server of the owner's first ``mailto://``
notification URL. Only the relay's own tool call names an address: a
supervisor can say a job ended, never whom to write to.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from server.db import Database
from shared.errors import TetherError

SCHEMA = [
    """
    CREATE TABLE batch_emails (
        host TEXT NOT NULL,
        job_id TEXT NOT NULL,
        email TEXT NOT NULL,
        at REAL NOT NULL,
        PRIMARY KEY (host, job_id)
    );
    """
]
KEEP_DAYS = 30  # an address for a job that never ended is forgotten after this


class BatchEmails:
    def __init__(self, db: Database, mail_url: Callable[[], str | None]) -> None:
        self._db, self._mail_url = db, mail_url
        db.migrate("batch_emails", SCHEMA)

    def check(self) -> None:
        """Raise, saying what to configure, when the relay cannot send mail."""
        if self._mail_url() is None:
            raise TetherError(
                "The relay has no mailto:// notification URL to send email through, so "
                "notification_email cannot be used; nothing was scheduled.",
                hint="Add a mailto:// URL to TETHER_NOTIFY or notify.toml on the relay, or "
                "leave notification_email out (the configured channels still hear of it).",
            )

    def remember(self, host: str, job_ids: list[str], email: str) -> None:
        now = time.time()
        with self._db.transaction() as tx:
            tx.execute("DELETE FROM batch_emails WHERE at < ?", (now - KEEP_DAYS * 86400,))
            for job_id in job_ids:
                tx.execute(
                    "INSERT OR REPLACE INTO batch_emails VALUES (?, ?, ?, ?)",
                    (host, job_id, email, now),
                )

    def take(self, host: str, job_id: str) -> str | None:
        """The address to tell that ``host``'s ``job_id`` ended (once), or None."""
        row = self._db.one(
            "SELECT email FROM batch_emails WHERE host = ? AND job_id = ?", (host, job_id)
        )
        if row is None:
            return None
        self._db.execute("DELETE FROM batch_emails WHERE host = ? AND job_id = ?", (host, job_id))
        return str(row[0])
