"""The pure core of the reliable link: output offsets, acks, resends, exactly-once requests.

Nothing here reads a clock or touches a socket; time is passed in. Three pieces:

* :class:`OutputSender` (supervisor side, one per session) numbers every byte a
  session produces with its offset, keeps the bytes the relay has not acknowledged
  in a bounded buffer, and after a reconnect (or a refusal) replays them from the
  relay's offset. When the bound is hit the oldest unacknowledged bytes are dropped
  and the replay starts with a :class:`Gap` naming exactly the missing range: the
  relay is told, never left to guess.
* :class:`OutputReceiver` (relay side, one per session) appends only the unseen
  suffix of each chunk (duplicates and overlaps are harmless), refuses a chunk that
  starts beyond its end with :class:`ChunkAhead` (carrying the offset to resend
  from), records announced gaps, and says when an ack is due.
* :class:`RequestLedger` (supervisor side) remembers each ``request_id`` as running
  or done(result) for a TTL, so a retried request after a lost reply is answered
  from the ledger and never runs twice. It is bounded by memory, never by a
  count: a busy client is never refused.

Wire mapping (``output`` exists in ``shared/protocol.py``; the other frames are
proposed): ``output`` carries a :class:`Chunk`; ``output_dropped`` (supervisor ->
relay) a :class:`Gap`; ``ack_output`` (relay -> supervisor) the offset from
:meth:`OutputReceiver.take_ack`; ``resend_output`` (relay -> supervisor)
:attr:`ChunkAhead.expected`; ``welcome`` lists each session's
:attr:`OutputReceiver.end`, and the supervisor sends ``resend_from(end)`` on the new
link before any live output, so the relay sees the stream in order.
"""

from __future__ import annotations

from collections import OrderedDict, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from shared.errors import TetherError

DEFAULT_BUFFER_BYTES = 8 * 1024 * 1024
MAX_CHUNK_BYTES = 64 * 1024
MAX_DROP_RECORDS = 256

R = TypeVar("R")


@dataclass(frozen=True)
class Chunk:
    """Bytes of one session's output; ``offset`` is the offset of the first byte."""

    offset: int
    data: bytes

    @property
    def end(self) -> int:
        return self.offset + len(self.data)


@dataclass(frozen=True)
class Gap:
    """The bytes ``[start, end)`` were produced but are lost for good."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"a gap needs 0 <= start < end, got [{self.start}, {self.end})")

    @property
    def size(self) -> int:
        return self.end - self.start


class ResumeError(TetherError, ValueError):
    """A peer announced an offset that cannot be true; the link should be reset."""


class ChunkAhead(ResumeError):
    """A chunk or gap starts beyond the receiver's end: ask the sender to resend.

    ``expected`` is the offset to put in the ``resend_output`` frame.
    """

    def __init__(self, expected: int, got: int) -> None:
        super().__init__(
            f"output starts at offset {got} but only {expected} bytes are held;"
            f" ask the supervisor to resend from offset {expected}"
        )
        self.expected = expected
        self.got = got


class OutputSender:
    """Supervisor side of one session's output stream.

    Invariant: ``acked <= base <= produced``. Bytes ``[base, produced)`` are kept;
    bytes ``[acked, base)`` were dropped by the bound before the relay acknowledged
    them (the pending gap); bytes before ``acked`` the relay holds.
    """

    def __init__(
        self,
        limit: int = DEFAULT_BUFFER_BYTES,
        chunk_size: int = MAX_CHUNK_BYTES,
        start: int = 0,
    ) -> None:
        if limit < 1 or chunk_size < 1 or start < 0:
            raise ValueError("limit and chunk_size must be positive and start not negative")
        self.limit = limit
        self.chunk_size = chunk_size
        self._segments: deque[bytes] = deque()  # each <= chunk_size, contiguous from base
        self._kept = 0
        self._base = start
        self._acked = start
        self._produced = start
        self._dropped: deque[Gap] = deque(maxlen=MAX_DROP_RECORDS)
        self.dropped_total = 0

    @property
    def produced(self) -> int:
        """Offset one past the last byte appended."""
        return self._produced

    @property
    def acked(self) -> int:
        """Every byte before this offset is held by the relay (or announced lost)."""
        return self._acked

    @property
    def base(self) -> int:
        """The first offset still kept for resending."""
        return self._base

    @property
    def buffered(self) -> int:
        """Bytes kept for resending; never more than ``limit``."""
        return self._kept

    @property
    def dropped(self) -> list[Gap]:
        """The most recent ranges dropped unacknowledged, oldest first, adjacent ones merged."""
        return list(self._dropped)

    @property
    def pending_gap(self) -> Gap | None:
        """Bytes dropped that the relay has not acknowledged: what a resend will announce."""
        return Gap(self._acked, self._base) if self._acked < self._base else None

    def append(self, data: bytes) -> int:
        """Keep ``data`` for resending and return the offset of its first byte.

        The caller sends ``Chunk(offset, data)`` live; if that frame is lost, a later
        :meth:`resend_from` replays it. When the buffer exceeds ``limit`` the oldest
        bytes are dropped and recorded in :attr:`dropped`.
        """
        offset = self._produced
        for i in range(0, len(data), self.chunk_size):
            piece = bytes(data[i : i + self.chunk_size])
            self._segments.append(piece)
            self._kept += len(piece)
        self._produced += len(data)
        if self._kept > self.limit:
            self._drop_front(self._kept - self.limit)
        return offset

    def ack(self, offset: int) -> None:
        """The relay holds every byte before ``offset``: release them.

        Stale (smaller) acks are ignored, so acks may arrive duplicated or late.
        Raises :class:`ResumeError` for an offset beyond what was produced.
        """
        if offset > self._produced:
            raise ResumeError(
                f"relay acknowledged offset {offset} but only {self._produced} bytes were"
                " produced; the relay holds another stream's state: reconnect to resync"
            )
        if offset <= self._acked:
            return
        self._acked = offset
        if offset > self._base:
            self._release_front(offset - self._base)

    def read_from(self, offset: int) -> Chunk | Gap | None:
        """What to send after ``offset``, without acknowledging anything.

        The lost range ``Gap(offset, base)`` when ``offset`` is before the kept bytes,
        else one :class:`Chunk` of at most ``chunk_size`` bytes from ``offset``, or None
        when ``offset`` is at (or past) :attr:`produced`. Raises :class:`ResumeError`
        for a negative ``offset``.
        """
        if offset < 0:
            raise ResumeError(f"output offset {offset} is negative; offsets start at 0")
        if offset < self._base:
            return Gap(offset, self._base)
        if offset >= self._produced:
            return None
        pos, out = self._base, bytearray()
        for segment in self._segments:
            end = pos + len(segment)
            if end > offset:
                out += segment[max(0, offset - pos) :]
                if len(out) >= self.chunk_size:
                    break
            pos = end
        return Chunk(offset, bytes(out[: self.chunk_size]))

    def resend_from(self, offset: int) -> Iterator[Chunk | Gap]:
        """Replay from the relay's ``offset`` (its end): a gap first if bytes were lost.

        Acknowledges ``offset`` (the relay says it holds everything before it), then
        yields at most one :class:`Gap` and chunks of at most ``chunk_size`` bytes up
        to :attr:`produced` as of this call. The chunks are a snapshot: bytes appended
        later are sent live by the caller, as usual.

        An ``offset`` below :attr:`acked` (a relay that lost acknowledged output, or a
        stale resend request) gets ``Gap(offset, base)``: the bytes are gone here, and
        a receiver that does hold them ignores the gap. Starting at ``acked`` instead
        would be refused by such a relay forever.
        """
        self.ack(offset)
        if offset < 0:
            raise ResumeError(f"resend offset {offset} is negative; offsets start at 0")
        gap = Gap(offset, self._base) if offset < self._base else None
        # Snapshot now (segments are immutable bytes), so later appends, acks or
        # drops cannot shift the offsets under a half-consumed replay.
        return self._replay(gap, max(offset, self._base), list(self._segments), self._base)

    def _replay(
        self, gap: Gap | None, start: int, segments: list[bytes], base: int
    ) -> Iterator[Chunk | Gap]:
        if gap is not None:
            yield gap
        yield from self._chunks(start, segments, base)

    def _chunks(self, start: int, segments: list[bytes], base: int) -> Iterator[Chunk]:
        pos = base
        pending = bytearray()
        pending_at = start
        for seg in segments:
            seg_end = pos + len(seg)
            if seg_end > start:
                pending += seg[max(0, start - pos) :]
                if len(pending) >= self.chunk_size:
                    yield Chunk(pending_at, bytes(pending[: self.chunk_size]))
                    pending_at += self.chunk_size
                    del pending[: self.chunk_size]  # leaves < chunk_size: segments are that small
            pos = seg_end
        if pending:
            yield Chunk(pending_at, bytes(pending))

    def _release_front(self, count: int) -> None:
        """Forget ``count`` bytes from the front of the buffer."""
        while count > 0 and self._segments:
            first = self._segments[0]
            if len(first) <= count:
                self._segments.popleft()
                taken = len(first)
            else:
                # Copies at most chunk_size bytes: segments are split on append.
                self._segments[0] = first[count:]
                taken = count
            count -= taken
            self._kept -= taken
            self._base += taken

    def _drop_front(self, count: int) -> None:
        start = self._base
        self._release_front(count)
        lost = Gap(start, self._base)
        self.dropped_total += lost.size
        if self._dropped and self._dropped[-1].end == lost.start:
            self._dropped[-1] = Gap(self._dropped[-1].start, lost.end)
        else:
            self._dropped.append(lost)


class OutputReceiver:
    """Relay side of one session's output stream: offsets only, the caller keeps the bytes.

    ``end`` is one past the last byte held or announced lost; ``gaps`` are the
    announced losses inside ``[start, end)``, oldest first.
    """

    def __init__(self, start: int = 0, max_gaps: int = MAX_DROP_RECORDS) -> None:
        if start < 0:
            raise ValueError("start must not be negative")
        self._end = start
        self._acked = start
        self._gaps: deque[Gap] = deque(maxlen=max_gaps)
        self.lost_total = 0

    @property
    def end(self) -> int:
        """The offset the relay announces on resume: it holds everything before it."""
        return self._end

    @property
    def acked(self) -> int:
        """The last offset handed out by :meth:`take_ack`."""
        return self._acked

    @property
    def gaps(self) -> list[Gap]:
        return list(self._gaps)

    def receive(self, offset: int, data: bytes) -> bytes:
        """Return the bytes of ``Chunk(offset, data)`` not seen before (maybe ``b""``).

        Raises :class:`ChunkAhead` when ``offset`` is beyond :attr:`end`: bytes in
        between are missing, so the chunk is refused rather than stored with a hole.
        """
        if offset < 0:
            raise ResumeError(f"output offset {offset} is negative; offsets start at 0")
        if offset > self._end:
            raise ChunkAhead(self._end, offset)
        fresh = data[self._end - offset :]
        self._end += len(fresh)
        return bytes(fresh)

    def gap(self, start: int, end: int) -> Gap | None:
        """The sender announced ``[start, end)`` lost; return the part this receiver lacked.

        Returns ``None`` when every byte of it was already held (a stale or duplicate
        announcement). Raises :class:`ChunkAhead` when ``start`` is beyond :attr:`end`.
        """
        announced = Gap(start, end)
        if announced.end <= self._end:
            return None
        if announced.start > self._end:
            raise ChunkAhead(self._end, announced.start)
        missing = Gap(self._end, announced.end)
        self._end = missing.end
        self.lost_total += missing.size
        if self._gaps and self._gaps[-1].end == missing.start:
            self._gaps[-1] = Gap(self._gaps[-1].start, missing.end)
        else:
            self._gaps.append(missing)
        return missing

    def take_ack(self, min_bytes: int = 1) -> int | None:
        """Return the offset to acknowledge if at least ``min_bytes`` arrived since the last.

        Call it only once the bytes are stored where the relay's resume will find
        them (an ack lets the supervisor forget them). Pass ``min_bytes=1`` on a timer
        and a larger value per frame, so acks are batched but never withheld for long.
        """
        if self._end - self._acked < max(1, min_bytes):
            return None
        self._acked = self._end
        return self._end


# ---------------------------------------------------------------- exactly-once requests

DEFAULT_LEDGER_BYTES = 64 * 1024 * 1024
ENTRY_BYTES = 256  # what one entry costs without its result: id, fingerprint, bookkeeping


@dataclass(frozen=True)
class Fresh:
    """First sight of this request: run it, then call :meth:`RequestLedger.finish`."""


@dataclass(frozen=True)
class InFlight:
    """Already running: do not run it again; its one reply will be sent when it ends."""

    started_at: float


@dataclass(frozen=True)
class Replay(Generic[R]):
    """Already done: send ``result`` again instead of running the request."""

    result: R


@dataclass(frozen=True)
class Forgotten:
    """Already done, but its result was let go to stay inside the memory bound.

    Never run it again: answer that it ran at ``done_at`` and its reply is gone.
    """

    done_at: float


Admission = Fresh | InFlight | Replay[R] | Forgotten


class RequestReused(TetherError, ValueError):
    """A request id came back with different content: refuse, never run it as the old one."""


@dataclass
class _Entry(Generic[R]):
    fingerprint: str
    started_at: float
    done_at: float | None = None
    result: R | None = None
    size: int = ENTRY_BYTES
    kept: bool = True  # False: the result was let go (a tombstone)


class RequestLedger(Generic[R]):
    """request_id -> running | done(result) | done(result let go), kept ``ttl`` seconds.

    Never refuses a request for being busy: the bound is memory (``max_bytes``,
    with ``size_of`` estimating a result), not a count. Past the bound the
    oldest done results are let go first, keeping a small tombstone, so a
    retry of such a request is answered :class:`Forgotten` and still never runs
    twice. Only if tombstones alone exceed the bound are the oldest forgotten
    entirely (counted in :attr:`forgotten_total`): a look-up can then no longer
    tell "never received" from "forgotten", which :meth:`remembers_all` says.
    Running entries are never let go: only :meth:`finish` ends them.
    """

    def __init__(
        self,
        max_bytes: int = DEFAULT_LEDGER_BYTES,
        ttl: float = 600.0,
        size_of: Callable[[R], int] | None = None,
    ) -> None:
        if max_bytes < 1 or ttl <= 0:
            raise ValueError("max_bytes and ttl must be positive")
        self.max_bytes = max_bytes
        self.ttl = ttl
        self._size_of = size_of
        self._entries: dict[str, _Entry[R]] = {}
        self._done_order: OrderedDict[str, float] = OrderedDict()  # by done_at
        self._kept_order: OrderedDict[str, None] = OrderedDict()  # done, result kept
        self._bytes = 0
        self.forgotten_total = 0  # entries dropped inside the TTL by the memory bound

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def bytes_held(self) -> int:
        """The estimated memory held: entries plus the results still kept."""
        return self._bytes

    def remembers_all(self) -> bool:
        """True while no entry was ever dropped before its TTL ended."""
        return self.forgotten_total == 0

    def begin(self, request_id: str, now: float, fingerprint: str = "") -> Admission[R]:
        """Admit ``request_id`` at ``now``; the answer says whether to run it.

        ``fingerprint`` (e.g. a hash of the command without its id) detects an id
        reused for a different command: :class:`RequestReused`.
        """
        self.expire(now)
        entry = self._entries.get(request_id)
        if entry is None:
            self._entries[request_id] = _Entry(fingerprint, started_at=now)
            self._bytes += ENTRY_BYTES
            return Fresh()
        if entry.fingerprint != fingerprint:
            raise RequestReused(
                f"request id {request_id!r} was already used for another command;"
                " send a new request id for a new command"
            )
        return self._known(entry)

    def finish(self, request_id: str, result: R, now: float) -> None:
        """Record the result of a request admitted as :class:`Fresh`."""
        entry = self._entries.get(request_id)
        if entry is None:
            raise KeyError(f"request {request_id!r} was never admitted; call begin() first")
        if entry.done_at is not None:
            raise ValueError(f"request {request_id!r} already finished; results are final")
        entry.done_at = now
        entry.result = result
        extra = max(0, self._size_of(result)) if self._size_of is not None else 0
        entry.size += extra
        self._bytes += extra
        self._done_order[request_id] = now
        self._done_order.move_to_end(request_id)
        self._kept_order[request_id] = None
        self._shrink()

    def lookup(self, request_id: str) -> InFlight | Replay[R] | Forgotten | None:
        """What is known about ``request_id`` without admitting it (for "status unknown")."""
        entry = self._entries.get(request_id)
        return None if entry is None else self._known(entry)

    def expire(self, now: float) -> int:
        """Forget done entries older than ``ttl``; return how many were forgotten."""
        count = 0
        while self._done_order:
            request_id, done_at = next(iter(self._done_order.items()))
            if now - done_at < self.ttl:
                break
            self._drop(request_id)
            count += 1
        return count

    def _known(self, entry: _Entry[R]) -> InFlight | Replay[R] | Forgotten:
        if entry.done_at is None:
            return InFlight(entry.started_at)
        if not entry.kept:
            return Forgotten(entry.done_at)
        return Replay(entry.result)  # type: ignore[arg-type]

    def _shrink(self) -> None:
        # Let go of the oldest results while tombstones take at most half the bound
        # (so the newest results stay), then of the oldest whole entries.
        while self._bytes > self.max_bytes and self._done_order:
            tombstones = (len(self._done_order) - len(self._kept_order)) * ENTRY_BYTES
            if self._kept_order and tombstones < self.max_bytes // 2:
                request_id, _ = self._kept_order.popitem(last=False)
                entry = self._entries[request_id]
                self._bytes -= entry.size - ENTRY_BYTES
                entry.size, entry.result, entry.kept = ENTRY_BYTES, None, False
            else:
                self._drop(next(iter(self._done_order)))
                self.forgotten_total += 1

    def _drop(self, request_id: str) -> None:
        del self._done_order[request_id]
        self._kept_order.pop(request_id, None)
        self._bytes -= self._entries.pop(request_id).size
