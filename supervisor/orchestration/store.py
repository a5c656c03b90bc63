"""Small JSON records in the supervisor's state directory, written atomically.

Projects and coordinations are a few kilobytes each; a JSON file per kind keeps
them readable by the owner and survives a supervisor restart. A write goes to a
temporary file that replaces the old one, so a crash never leaves half a file.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


class JsonRecords:
    """``{key: record}`` kept in one JSON file (mode 0600), at most ``limit`` records."""

    def __init__(self, path: Path, limit: int = 200) -> None:
        self.path, self.limit = path, limit
        self._records: dict[str, Any] = self._load()

    def _load(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.error("cannot read %s (%s); starting with no records", self.path, exc)
            return {}
        return data if isinstance(data, dict) else {}

    def get(self, key: str) -> Any:
        return self._records.get(key)

    def values(self) -> list[Any]:
        return list(self._records.values())

    def items(self) -> list[tuple[str, Any]]:
        return list(self._records.items())

    def put(self, key: str, record: Any) -> None:
        self._records[key] = record
        while len(self._records) > self.limit:
            del self._records[next(iter(self._records))]
        self._save()

    def _save(self) -> None:
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(self._records, out, indent=1)
            out.flush()
            os.fsync(out.fileno())  # an announcement queued here must outlive a crash
        os.replace(tmp, self.path)
