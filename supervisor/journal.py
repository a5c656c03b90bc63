"""A session's raw output: a bounded ring of bytes addressed by absolute offsets.

Pure. Offset 0 is the first byte the session ever produced; ``end`` is one past
the last. Only the newest ``limit`` bytes are kept; a read that asks for older
bytes gets what is left and learns how many it missed (``dropped``), so a
reader that tracks offsets always knows whether it saw everything.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_LIMIT = 4 * 1024 * 1024


@dataclass(frozen=True)
class JournalRead:
    start: int  # offset of data[0]
    data: bytes
    dropped: int  # bytes before ``start`` that were asked for but are no longer kept

    @property
    def end(self) -> int:
        return self.start + len(self.data)


class Journal:
    """Append-only bytes with absolute offsets, keeping the newest ``limit`` bytes."""

    def __init__(self, limit: int = DEFAULT_LIMIT) -> None:
        if limit < 1:
            raise ValueError("a journal must keep at least one byte")
        self.limit = limit
        self._buf = bytearray()
        self._base = 0  # offset of _buf[0]
        # Evicting on every append would memmove the whole ring each time; we
        # let up to a quarter of the limit of dead bytes pile up, then cut once.
        self._slack = max(limit // 4, 1)

    @property
    def end(self) -> int:
        """Offset one past the newest byte."""
        return self._base + len(self._buf)

    @property
    def start(self) -> int:
        """Offset of the oldest byte still kept."""
        return max(self._base, self.end - self.limit)

    def append(self, data: bytes) -> int:
        """Add ``data``; return the offset of its first byte."""
        offset = self.end
        self._buf += data
        if len(self._buf) > self.limit + self._slack:
            cut = len(self._buf) - self.limit
            del self._buf[:cut]
            self._base += cut
        return offset

    def read(self, since: int | None = None, max_bytes: int = 64 * 1024) -> JournalRead:
        """Up to ``max_bytes`` from offset ``since`` (None: the newest ``max_bytes``).

        ``since`` beyond ``end`` reads nothing at ``end``.
        """
        if max_bytes < 0:
            raise ValueError("max_bytes must not be negative")
        first = self.start
        if since is None:
            since = max(first, self.end - max_bytes)
        since = min(since, self.end)
        dropped = max(0, first - since)
        begin = max(since, first)
        lo = begin - self._base
        return JournalRead(begin, bytes(self._buf[lo : lo + max_bytes]), dropped)
