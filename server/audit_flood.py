"""Unauthenticated events in the audit log without amplification: one row per source per window.

Anyone on the internet can open ``/supervisor`` and be refused; writing a row for
each refusal lets them grow the log (and its lock) at the speed of their
connections. :class:`FloodGate` is the pure core that decides, with time passed
in, which such events are written:

* The first event of a ``(source, action, result)`` key in a window of
  :attr:`FloodGate.window` seconds is written at once, as it happens.
* Further events of that key inside the window are only counted. When the
  window has passed (noticed at the next event of any key, or by
  :meth:`FloodGate.flush`), one summary row records how many there were.
* At most :attr:`FloodGate.max_keys` keys are open at once; events beyond that
  share the key of source ``"*"`` (many sources at once is itself the news).

So at most ``2 * (max_keys + 1)`` rows are written per window, whatever the rate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

WINDOW = 60.0
MAX_KEYS = 64
OVERFLOW_SOURCE = "*"

Key = tuple[str, str, str]  # (source, action, result)


@dataclass
class Pending:
    """A key's open window: when it started, the event that opened it, how many followed."""

    started: float
    event: dict[str, Any]
    repeats: int = 0


@dataclass
class FloodGate:
    window: float = WINDOW
    max_keys: int = MAX_KEYS
    _open: dict[Key, Pending] = field(default_factory=dict)

    def offer(self, now: float, source: str, event: dict[str, Any]) -> list[dict[str, Any]]:
        """The rows to write now for this event (``event`` holds the ``record`` arguments)."""
        rows = self._expired(now)
        key: Key = (source, str(event["action"]), str(event["result"]))
        if key not in self._open and len(self._open) >= self.max_keys:
            key = (OVERFLOW_SOURCE, key[1], key[2])
            source = OVERFLOW_SOURCE
        pending = self._open.get(key)
        if pending is not None:
            pending.repeats += 1
            return rows
        self._open[key] = Pending(now, event)
        detail = {**(event.get("detail") or {}), "source": source}
        detail["aggregated"] = f"repeats within {self.window:g} s are counted in one later row"
        rows.append({**event, "detail": detail})
        return rows

    def flush(self, now: float | None = None) -> list[dict[str, Any]]:
        """Summary rows of every window (passed ones only, unless ``now`` is None)."""
        if now is not None:
            return self._expired(now)
        rows = [self._summary(key, p) for key, p in self._open.items() if p.repeats]
        self._open.clear()
        return rows

    def _expired(self, now: float) -> list[dict[str, Any]]:
        done = [key for key, p in self._open.items() if now - p.started >= self.window]
        rows = [self._summary(key, self._open[key]) for key in done if self._open[key].repeats]
        for key in done:
            del self._open[key]
        return rows

    def _summary(self, key: Key, pending: Pending) -> dict[str, Any]:
        detail = {
            "source": key[0],
            "repeated": pending.repeats,
            "window_seconds": self.window,
            "first_at": pending.started,
        }
        return {**pending.event, "detail": detail}
