"""Live output for the dashboard, and the timing that turns the relay's copy into a recording.

:class:`LiveOutput` listens to the hub's stored output (``OutputCopies.on_stored``):

* it fans each stored chunk out to the dashboard's live screens
  (:meth:`LiveOutput.subscribe`), with the chunk's offset. A subscriber that
  falls :data:`QUEUE_CHUNKS` chunks behind is dropped (its queue gets ``None``);
  its browser reconnects with the last offset it has and catches up from the
  store, so nothing is lost, only re-read;
* it notes when each chunk arrived: ``<data_dir>/recordings/<session>.times``,
  one ``offset unix_time`` line per chunk. :func:`build_cast` joins those marks
  with the bytes the store keeps into an asciicast v2 recording, so the
  recording's retention is exactly the output retention (bytes the store
  dropped are gone from the recording too; older marks are ignored).

Timing is the relay's arrival time: exact for a live session, compressed for
output a supervisor resent after a reconnect. The supervisor keeps its own
recording with read-time timing (``supervisor/recording.py``).
"""

from __future__ import annotations

import asyncio
import codecs
import json
import logging
import re
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

QUEUE_CHUNKS = 256
CAST_COLS, CAST_ROWS = 120, 40  # the supervisor's PTY size for sessions it starts
_SESSION_FILE = re.compile(r"^[A-Za-z0-9_-]{1,80}$")
MAX_MARKS = 50_000  # marks per file before it is rewritten without the oldest half

Chunk = tuple[int, bytes]


class LiveOutput:
    """Fan-out of stored output to live subscribers, and its arrival times on disk."""

    def __init__(self, folder: Path, clock: Callable[[], float]) -> None:
        self._folder = folder
        self._clock = clock
        self._subscribers: dict[str, set[asyncio.Queue[Chunk | None]]] = {}
        self._marks: dict[str, int] = {}
        self._broken = False

    def stored(self, session_id: str, offset: int, data: bytes) -> None:
        """``OutputCopies.on_stored`` listener: never raises."""
        self._mark(session_id, offset)
        for queue in list(self._subscribers.get(session_id, ())):
            try:
                queue.put_nowait((offset, data))
            except asyncio.QueueFull:
                self._drop(session_id, queue)

    def subscribe(self, session_id: str) -> asyncio.Queue[Chunk | None]:
        queue: asyncio.Queue[Chunk | None] = asyncio.Queue(QUEUE_CHUNKS)
        self._subscribers.setdefault(session_id, set()).add(queue)
        return queue

    def unsubscribe(self, session_id: str, queue: asyncio.Queue[Chunk | None]) -> None:
        queues = self._subscribers.get(session_id)
        if queues is not None:
            queues.discard(queue)
            if not queues:
                del self._subscribers[session_id]

    def marks(self, session_id: str) -> list[tuple[int, float]]:
        """(offset, arrival time) of every chunk noted for the session, oldest first."""
        path = self._path(session_id)
        if path is None:
            return []
        try:
            lines = path.read_text(encoding="ascii").splitlines()
        except (OSError, ValueError):
            return []
        out = []
        for line in lines:
            parts = line.split()
            if len(parts) == 2:
                try:
                    out.append((int(parts[0]), float(parts[1])))
                except ValueError:
                    continue
        return out

    def _drop(self, session_id: str, queue: asyncio.Queue[Chunk | None]) -> None:
        self.unsubscribe(session_id, queue)
        while not queue.empty():
            queue.get_nowait()
        queue.put_nowait(None)

    def _mark(self, session_id: str, offset: int) -> None:
        path = self._path(session_id)
        if path is None or self._broken:
            return
        try:
            self._folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            with path.open("a", encoding="ascii") as out:
                out.write(f"{offset} {self._clock():.6f}\n")
            count = self._marks.get(session_id, 0) + 1
            if count > MAX_MARKS:
                kept = path.read_text(encoding="ascii").splitlines()[MAX_MARKS // 2 :]
                path.write_text("".join(f"{line}\n" for line in kept), encoding="ascii")
                count = len(kept)
            self._marks[session_id] = count
        except OSError as exc:
            self._broken = True
            log.warning("recording times stop: cannot write %s: %s", path, exc.strerror or exc)

    def _path(self, session_id: str) -> Path | None:
        if not _SESSION_FILE.match(session_id):
            return None
        return self._folder / f"{session_id}.times"


def build_cast(
    start: int,
    data: bytes,
    marks: list[tuple[int, float]],
    *,
    title: str = "",
    started_at: float | None = None,
) -> str:
    """An asciicast v2 recording of ``data`` (the bytes from offset ``start``), timed by ``marks``.

    Pure. Each mark says when the bytes from its offset arrived; bytes before
    the first usable mark take its time. No marks: all bytes at time zero.
    """
    end = start + len(data)
    usable = sorted((o, t) for o, t in marks if start <= o < end)
    if not usable or usable[0][0] != start:
        first_time = usable[0][1] if usable else (started_at or 0.0)
        usable.insert(0, (start, first_time))
    origin = started_at if started_at is not None else usable[0][1]
    origin = min(origin, usable[0][1])
    header: dict[str, object] = {
        "version": 2,
        "width": CAST_COLS,
        "height": CAST_ROWS,
        "timestamp": int(origin),
        "env": {"TERM": "xterm-256color"},
    }
    if title:
        header["title"] = title
    lines = [json.dumps(header)]
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    bounds = [o for o, _ in usable] + [end]
    for (offset, when), stop in zip(usable, bounds[1:], strict=True):
        text = decoder.decode(data[offset - start : stop - start])
        if text:
            lines.append(json.dumps([round(when - origin, 6), "o", text], ensure_ascii=False))
    return "\n".join(lines) + "\n"
