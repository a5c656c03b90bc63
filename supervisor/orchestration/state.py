"""The orchestration records of one supervisor, next to its policy file.

``records_of(manager)`` gives the :class:`Records` of a session manager (one per
manager, created on first use), so the command handlers, which receive only the
manager, share them.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

from supervisor.orchestration.store import JsonRecords
from supervisor.session_manager import SessionManager


@dataclass
class Records:
    projects: JsonRecords
    coordinations: JsonRecords
    batch: JsonRecords
    # work_finished announcements by "<kind>:<ref>": {"frame": ..., "confirmed": bool}.
    # Kept after the relay confirms, so a task is never announced twice.
    outbox: JsonRecords


_RECORDS: weakref.WeakKeyDictionary[SessionManager, Records] = weakref.WeakKeyDictionary()


def records_of(manager: SessionManager) -> Records:
    records = _RECORDS.get(manager)
    if records is None:
        folder = manager.policy_file.parent / "orchestration"
        records = Records(
            projects=JsonRecords(folder / "projects.json", limit=100),
            coordinations=JsonRecords(folder / "coordinations.json", limit=200),
            batch=JsonRecords(folder / "batch.json", limit=500),
            outbox=JsonRecords(folder / "outbox.json", limit=1000),
        )
        _RECORDS[manager] = records
    return records
