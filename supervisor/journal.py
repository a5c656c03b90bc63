"""A session's raw output: a bounded ring of bytes addressed by absolute offsets.

Pure. Offset 0 is the first byte the session ever produced; ``end`` is one past
the last. Only the newest ``limit`` bytes are kept; a read that asks for older
bytes gets what is left and learns how many it missed (``dropped``), so a
reader that tracks offsets always knows whether it saw everything.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

DEFAULT_LIMIT = 4 * 1024 * 1024
COALESCE = 4096  # small appends join the newest chunk until it reaches this size


@dataclass(frozen=True)
class JournalRead:
    start: int  # offset of data[0]
    data: bytes
    dropped: int  # bytes before ``start`` that were asked for but are no longer kept

    @property
    def end(self) -> int:
        return self.start + len(self.data)


class Journal:
    """Append-only bytes with absolute offsets, keeping the newest ``limit`` bytes.

    Held as immutable chunks, so appending never copies what is already kept (a
    contiguous buffer cost ~84 us per 64 KiB in a flood, most of it memmove).
    Small appends are coalesced into chunks of about :data:`COALESCE` bytes, so
    a trickle of one-byte echoes cannot grow the chunk list without bound.
    """

    def __init__(self, limit: int = DEFAULT_LIMIT) -> None:
        if limit < 1:
            raise ValueError("a journal must keep at least one byte")
        self.limit = limit
        self._chunks: list[bytes] = []
        self._starts: list[int] = []  # offset of each chunk's first byte
        self._head = 0  # index of the oldest chunk still kept
        self._held = 0  # bytes in chunks[head:]
        self._end = 0

    @property
    def end(self) -> int:
        """Offset one past the newest byte."""
        return self._end

    @property
    def start(self) -> int:
        """Offset of the oldest byte still kept."""
        return max(self._end - self._held, self._end - self.limit)

    def append(self, data: bytes) -> int:
        """Add ``data``; return the offset of its first byte."""
        offset = self._end
        if not data:
            return offset
        chunks = self._chunks
        if len(chunks) > self._head and len(chunks[-1]) < COALESCE:
            chunks[-1] += data
        else:
            chunks.append(bytes(data))
            self._starts.append(offset)
        self._held += len(data)
        self._end += len(data)
        # Drop whole chunks while what remains still covers the newest ``limit`` bytes.
        while self._held - len(chunks[self._head]) >= self.limit:
            self._held -= len(chunks[self._head])
            self._head += 1
        if self._head > 64 and self._head * 2 > len(chunks):
            del chunks[: self._head], self._starts[: self._head]
            self._head = 0
        return offset

    def read(self, since: int | None = None, max_bytes: int = 64 * 1024) -> JournalRead:
        """Up to ``max_bytes`` from offset ``since`` (None: the newest ``max_bytes``).

        ``since`` beyond ``end`` reads nothing at ``end``.
        """
        if max_bytes < 0:
            raise ValueError("max_bytes must not be negative")
        first = self.start
        if since is None:
            since = max(first, self._end - max_bytes)
        since = min(since, self._end)
        dropped = max(0, first - since)
        begin = max(since, first)
        stop = min(self._end, begin + max_bytes)
        if stop <= begin:
            return JournalRead(begin, b"", dropped)
        index = bisect.bisect_right(self._starts, begin, lo=self._head) - 1
        parts: list[bytes] = []
        while index < len(self._chunks) and self._starts[index] < stop:
            chunk, at = self._chunks[index], self._starts[index]
            parts.append(chunk[max(0, begin - at) : stop - at])
            index += 1
        return JournalRead(begin, b"".join(parts), dropped)
