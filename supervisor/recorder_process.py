"""The supervisor's recordings, written by a child process so a flood is read at full speed.

Masking, encoding and writing an asciicast cost about 20 ns per byte of
output: on the event loop that would halve the rate at which a session's PTY
is drained. :class:`RecorderProcess` has :class:`supervisor.recording.Recorder`'s
interface (``expect``, ``write``, ``close``) but only notes each chunk with its
read time on the loop; every :data:`~supervisor.recording.FLUSH_EVERY` seconds
it hands the batches to a sender thread, which pipes them to one child process
(``python -m supervisor.recorder_process``, started on first use, fed pickled
messages on its stdin: a private pipe from its own parent) that runs a
``Recorder`` over the same folder.

Contracts:

* Times are taken when the supervisor read the bytes, not when the child
  writes them.
* A session's mask (its ``Redactor.mask``) travels with its first batch, so
  the child writes only masked output.
* ``shutdown`` flushes, asks the child to close every file and waits for it
  (bounded); the child also ends when the pipe closes (the supervisor died).
* If the child cannot start or dies, recordings stop (logged once); sessions
  are never disturbed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import pickle
import queue
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from supervisor.recording import FLUSH_EVERY, Recorder

log = logging.getLogger(__name__)

Mask = Callable[[bytes], bytes]
STOP_TIMEOUT = 5.0


def serve(messages: Iterable[tuple[Any, ...]], folder: Path, limit: int) -> None:
    """The child: apply each message to a Recorder until told to stop or the pipe closes."""
    recorder = Recorder(folder, limit, auto_flush=False)
    masks: dict[str, Mask] = {}
    try:
        for message in messages:
            kind = message[0]
            if kind == "expect":
                recorder.expect(*message[1:])
            elif kind == "data":
                _, session_id, chunks, mask = message
                if mask is not None:
                    masks[session_id] = mask
                for when, data in chunks:
                    recorder.write(session_id, data, masks.get(session_id, bytes), when)
                recorder.flush()
            elif kind == "close":
                recorder.close(message[1])
                masks.pop(message[1], None)
            elif kind == "stop":
                break
    finally:
        recorder.close_all()


class RecorderProcess:
    """``Recorder``'s interface for the session manager; the work happens in a child."""

    def __init__(self, folder: Path, limit: int) -> None:
        self.folder, self._limit = folder, limit
        self._pending: dict[str, list[tuple[float, bytes]]] = {}
        self._new_masks: dict[str, Mask] = {}
        self._closed: deque[str] = deque(maxlen=1024)
        self._outbox: queue.SimpleQueue[tuple[Any, ...]] = queue.SimpleQueue()
        self._sender: threading.Thread | None = None
        self._timer: asyncio.TimerHandle | None = None
        self._broken = False

    def expect(self, session_id: str, cols: int, rows: int, title: str = "") -> None:
        self._send(("expect", session_id, cols, rows, title))

    def write(self, session_id: str, data: bytes, mask: Mask) -> None:
        """Note a chunk read now (the PTY read path: a list append)."""
        if self._broken or session_id in self._closed:
            return
        batch = self._pending.get(session_id)
        if batch is None:
            batch = self._pending[session_id] = []
            self._new_masks.setdefault(session_id, mask)
        batch.append((time.time(), data))
        if self._timer is None:
            self._timer = asyncio.get_running_loop().call_later(FLUSH_EVERY, self.flush)

    def flush(self) -> None:
        self._timer = None
        for session_id in list(self._pending):
            self._flush_one(session_id)

    def close(self, session_id: str) -> None:
        self._flush_one(session_id)
        self._send(("close", session_id))
        self._closed.append(session_id)

    async def shutdown(self) -> None:
        """Flush, close every file, and wait (bounded) for the child to finish."""
        if self._timer is not None:
            self._timer.cancel()
        self.flush()
        sender, self._sender = self._sender, None
        if sender is not None:
            self._outbox.put(("stop",))
            await asyncio.to_thread(sender.join, STOP_TIMEOUT)

    def _flush_one(self, session_id: str) -> None:
        chunks = self._pending.pop(session_id, None)
        if chunks:
            self._send(("data", session_id, chunks, self._new_masks.pop(session_id, None)))

    def _send(self, message: tuple[Any, ...]) -> None:
        if self._broken:
            return
        if self._sender is None:
            self._sender = threading.Thread(target=self._run, name="recorder", daemon=True)
            self._sender.start()
        self._outbox.put(message)

    def _run(self) -> None:
        # Pickling and the pipe's writes happen here, off the event loop.
        root = str(Path(__file__).resolve().parent.parent)
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([root, os.environ.get("PYTHONPATH", "")]),
        }
        try:
            proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "supervisor.recorder_process",
                    str(self.folder),
                    str(self._limit),
                ],
                stdin=subprocess.PIPE,
                env=env,
                close_fds=True,
            )
        except OSError as exc:
            self._broken = True
            log.warning("recordings are off: the recorder process did not start: %s", exc)
            return
        assert proc.stdin is not None
        try:
            while True:
                message = self._outbox.get()
                pickle.dump(message, proc.stdin, protocol=pickle.HIGHEST_PROTOCOL)
                proc.stdin.flush()
                if message[0] == "stop":
                    break
        except Exception:  # the sender's top-level loop: whatever it was, stop recording
            self._broken = True
            log.exception("recordings stopped: the recorder process is gone")
        finally:
            with contextlib.suppress(OSError):
                proc.stdin.close()
            try:
                proc.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def main(argv: list[str]) -> None:
    """``python -m supervisor.recorder_process FOLDER LIMIT``: the child, reading its stdin."""
    folder, limit = Path(argv[0]), int(argv[1])
    stream = sys.stdin.buffer

    def messages() -> Iterator[tuple[Any, ...]]:
        while True:
            try:
                yield pickle.load(stream)
            except (EOFError, OSError, pickle.UnpicklingError):
                return

    serve(messages(), folder, limit)


if __name__ == "__main__":
    main(sys.argv[1:])
