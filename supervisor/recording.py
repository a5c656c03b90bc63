"""Session recordings: every session's output with its timing, as an asciicast v2 file.

asciicast v2 (https://docs.asciinema.org/manual/asciicast/v2/) is one JSON
header line, then one JSON array per output event: ``[seconds, "o", text]``.

:class:`CastEncoder` is the pure core: bytes and the time they were read in,
lines of the file out. A UTF-8 character split across two PTY reads is held
back until it is whole, so every event is valid text. :class:`Recording` is
the thin file edge, one per session, appended from the session's output path.

Contracts:

* What is recorded is what the relay gets: each chunk passes through the
  session's ``mask`` (``Redactor.mask``) first, so a secret the relay never
  sees is not kept on disk either.
* Retention is the output retention: a recording keeps about the newest
  ``limit`` bytes of output, the session journal's own limit. When the events
  on disk pass :data:`COMPACT_AT` times that, the file is rewritten with the newest events that
  fit (times stay relative to the session's start).
* At most ``keep`` recordings stay in the folder; older files are removed when a
  new recording starts.
* The PTY read path only notes each chunk; masking, encoding and the file
  write happen at most every :data:`FLUSH_EVERY` seconds (or past
  :data:`FLUSH_BYTES`), chunks read within :data:`JOIN_WITHIN` s of each
  other joined into one event. A session's file is complete once it exits.
* A write that fails (disk full, folder removed) is logged once and the
  recording stops; the session itself is never disturbed.
"""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import json
import logging
import os
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

log = logging.getLogger(__name__)

CAST_SUFFIX = ".cast"
KEEP_RECORDINGS = 50
FLUSH_EVERY = 0.2  # seconds between writes of pending output to the file
FLUSH_BYTES = 256 * 1024  # or at once, past this many pending bytes
JOIN_WITHIN = 0.01  # chunks read this close together become one event
COMPACT_AT = 4  # rewrite the file once it holds this many times the limit (rarely: it costs)


class CastEncoder:
    """asciicast v2 lines for one session. Pure: time is passed in."""

    def __init__(self, started_at: float, cols: int, rows: int, title: str = "") -> None:
        self.started_at = started_at
        self._header = {
            "version": 2,
            "width": cols,
            "height": rows,
            "timestamp": int(started_at),
            "env": {"TERM": "xterm-256color"},
        }
        if title:
            self._header["title"] = title
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")

    def header(self) -> str:
        return json.dumps(self._header) + "\n"

    def event(self, when: float, data: bytes) -> str:
        """The line for ``data`` read at ``when`` (unix time); "" while a character is split."""
        text = self._decoder.decode(data)
        if not text:
            return ""
        elapsed = round(max(0.0, when - self.started_at), 6)
        return json.dumps([elapsed, "o", text], ensure_ascii=False) + "\n"


def newest_events(lines: list[str], limit: int) -> list[str]:
    """The newest event lines whose output text totals at most ``limit`` characters."""
    kept: list[str] = []
    total = 0
    for line in reversed(lines):
        size = len(line)
        if kept and total + size > limit:
            break
        kept.append(line)
        total += size
    return kept[::-1]


class Recording:
    """One session's ``<folder>/<session_id>.cast``.

    ``write`` only notes the chunk and its time (the PTY read path must stay a
    few microseconds); ``flush`` masks and encodes what is pending, joining
    chunks read within :data:`JOIN_WITHIN` seconds into one event, and appends
    it to the file, which stays open until ``close``.
    """

    def __init__(
        self,
        folder: Path,
        session_id: str,
        *,
        cols: int,
        rows: int,
        title: str = "",
        limit: int,
        mask: Callable[[bytes], bytes] = bytes,
        clock: Callable[[], float] = time.time,
        keep: int = KEEP_RECORDINGS,
    ) -> None:
        self.path = folder / f"{session_id}{CAST_SUFFIX}"
        self._clock, self._mask, self._limit = clock, mask, limit
        self._encoder = CastEncoder(clock(), cols, rows, title)
        self._written = 0
        self._pending: list[tuple[float, bytes]] = []
        self.pending_bytes = 0
        self._out: TextIO | None = None
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            prune(folder, keep - 1)
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            self._out = os.fdopen(fd, "w", encoding="utf-8")
            self._out.write(self._encoder.header())
            self._out.flush()
        except OSError as exc:
            self._fail(exc)

    def write(self, data: bytes, when: float | None = None) -> None:
        """Note one chunk of output, read at ``when`` (default now); recorded at ``flush``."""
        if self._out is not None:
            self._pending.append((self._clock() if when is None else when, data))
            self.pending_bytes += len(data)

    def flush(self) -> None:
        if self._out is None or not self._pending:
            return
        pending, self._pending, self.pending_bytes = self._pending, [], 0
        lines = []
        start, group = pending[0][0], [pending[0][1]]
        for when, data in pending[1:]:
            if when - start > JOIN_WITHIN:
                lines.append(self._encoder.event(start, self._mask(b"".join(group))))
                start, group = when, []
            group.append(data)
        lines.append(self._encoder.event(start, self._mask(b"".join(group))))
        text = "".join(lines)
        try:
            self._out.write(text)
            self._out.flush()
            self._written += len(text)
            if self._written > COMPACT_AT * self._limit:
                self._compact()
        except OSError as exc:
            self._fail(exc)

    def close(self) -> None:
        self.flush()
        if self._out is not None:
            self._out.close()
            self._out = None

    def _compact(self) -> None:
        assert self._out is not None
        self._out.close()
        header, *events = self.path.read_text(encoding="utf-8").splitlines(keepends=True)
        kept = newest_events(events, self._limit)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(header + "".join(kept), encoding="utf-8")
        tmp.chmod(0o600)
        tmp.replace(self.path)
        self._written = sum(len(line) for line in kept)
        self._out = self.path.open("a", encoding="utf-8")

    def _fail(self, exc: OSError) -> None:
        log.warning("recording to %s stopped: %s", self.path, exc.strerror or exc)
        if self._out is not None:
            with contextlib.suppress(OSError):
                self._out.close()
        self._out = None
        self._pending, self.pending_bytes = [], 0


def prune(folder: Path, keep: int) -> None:
    """Remove all but the ``keep`` newest recordings in ``folder``."""
    casts = sorted(folder.glob(f"*{CAST_SUFFIX}"), key=lambda p: p.stat().st_mtime)
    for old in casts[: max(0, len(casts) - keep)]:
        old.unlink(missing_ok=True)


def read_cast(folder: Path, session_id: str) -> str | None:
    """The recording of ``session_id`` as text, or None if there is none."""
    try:
        return (folder / f"{session_id}{CAST_SUFFIX}").read_text(encoding="utf-8")
    except (OSError, ValueError):
        return None


class Recorder:
    """Every session's recording in one folder; the session manager's output path feeds it.

    ``expect`` (before the spawn) says a session's terminal size; ``write`` records
    a chunk, starting the session's file on its first byte.
    """

    def __init__(
        self,
        folder: Path,
        limit: int,
        clock: Callable[[], float] = time.time,
        *,
        auto_flush: bool = True,
    ) -> None:
        self.folder, self._limit, self._clock = folder, limit, clock
        self._auto_flush = auto_flush
        self._sizes: dict[str, tuple[int, int, str]] = {}
        self._open: dict[str, Recording] = {}
        self._timer: asyncio.TimerHandle | None = None
        # Output may still arrive after the exit callback: it must not restart the file.
        self._closed: deque[str] = deque(maxlen=1024)

    def expect(self, session_id: str, cols: int, rows: int, title: str = "") -> None:
        self._sizes[session_id] = (cols, rows, title)

    def write(
        self,
        session_id: str,
        data: bytes,
        mask: Callable[[bytes], bytes],
        when: float | None = None,
    ) -> None:
        """Note a chunk; with ``auto_flush``, a timer on the running loop flushes it soon."""
        recording = self._open.get(session_id)
        if recording is None:
            if session_id in self._closed:
                return
            cols, rows, title = self._sizes.pop(session_id, (120, 40, ""))
            recording = Recording(
                self.folder,
                session_id,
                cols=cols,
                rows=rows,
                title=title,
                limit=self._limit,
                mask=mask,
                clock=self._clock,
            )
            self._open[session_id] = recording
        recording.write(data, when)
        if not self._auto_flush:
            return
        if recording.pending_bytes > FLUSH_BYTES:
            recording.flush()
        elif self._timer is None:
            self._timer = asyncio.get_running_loop().call_later(FLUSH_EVERY, self.flush)

    def flush(self) -> None:
        self._timer = None
        for recording in self._open.values():
            recording.flush()

    def close(self, session_id: str) -> None:
        """The session ended: its file is complete and stays (until pruned)."""
        recording = self._open.pop(session_id, None)
        if recording is not None:
            recording.close()
            self._closed.append(session_id)
        self._sizes.pop(session_id, None)

    def close_all(self) -> None:
        for session_id in list(self._open):
            self.close(session_id)
