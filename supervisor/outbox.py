"""Every session's output on its way to the relay: the pure core of output streaming.

Sans-I/O, like :mod:`shared.resume` (whose :class:`~shared.resume.OutputSender`
keeps each session's bytes): nothing here touches a socket, a clock or asyncio.
The command runner appends what each session's stream redactor released
(:meth:`Outbox.append`: redacted, length-preserving, so offsets are exact); the
connection tells the outbox what the link says and sends what it hands out:

* :meth:`Outbox.on_welcome`: a new link, a new *generation*. Each session's cursor
  starts at the offset the relay says it holds (0 when it lists none); what the
  relay holds is released.
* :meth:`Outbox.on_ack`: the relay holds every byte before the offset: released.
* :meth:`Outbox.on_resend`: the relay refused bytes beyond its end (a frame was
  lost): the cursor rewinds to the offset it holds.
* :meth:`Outbox.next_frame`: the next ``Output`` (one chunk) or ``OutputDropped``
  to send, round robin over the sessions; None when every cursor is at its end or
  no link is up (:meth:`Outbox.on_link_lost` until the next welcome).

Invariants (``tests/test_outbox_machine.py`` checks them under Hypothesis):

* Within one generation a session's frames are contiguous: each starts where the
  previous ended, the first at the welcome's offset, the first after a rewind at
  the rewind's offset. So between rewinds every byte is sent once per generation.
* No frame reaches beyond what was produced, and a chunk carries exactly the bytes
  appended at its offsets.
* ``OutputDropped`` names only bytes the bound dropped before the relay held them.
* On a live link, once :meth:`Outbox.next_frame` returns None every cursor is at
  its session's end: nothing produced is left unsent.

A session that exited (:meth:`Outbox.finish`) is forgotten once the relay holds
all of it. Listeners (:meth:`Outbox.add_listener`) are called, synchronously,
whenever :meth:`Outbox.next_frame` may have something new: the connection's
sender wakes on them.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping

from shared.protocol import Output, OutputDropped
from shared.resume import (
    DEFAULT_BUFFER_BYTES,
    MAX_CHUNK_BYTES,
    Chunk,
    Gap,
    OutputSender,
    ResumeError,
)

Frame = Output | OutputDropped


class Outbox:
    """Every session's numbered output, and one cursor per session for the current link."""

    def __init__(
        self, limit: int = DEFAULT_BUFFER_BYTES, chunk_size: int = MAX_CHUNK_BYTES
    ) -> None:
        self.limit = limit
        self.chunk_size = chunk_size
        self._senders: dict[str, OutputSender] = {}
        self._finished: set[str] = set()
        self._cursors: dict[str, int] = {}  # this generation's next offset to send
        self._live = False
        self._turn = 0  # where the round robin starts next
        self.generation = 0  # links welcomed so far
        self._listeners: list[Callable[[], None]] = []

    # ------------------------------------------------------------ the session side

    def append(self, session_id: str, data: bytes) -> None:
        """Queue ``data`` (already redacted) as the next bytes of ``session_id``'s output."""
        sender = self._senders.get(session_id)
        if sender is None:
            sender = self._senders[session_id] = OutputSender(self.limit, self.chunk_size)
        sender.append(data)
        if self._live:
            self._wake()

    def finish(self, session_id: str) -> None:
        """The session exited: forget its output once the relay holds all of it."""
        self._finished.add(session_id)
        self._drop_if_done(session_id)

    # ------------------------------------------------------------ the link side

    def on_welcome(self, held: Mapping[str, int]) -> list[tuple[str, ResumeError]]:
        """A new link: start each cursor at the offset the relay ``held`` (0 if unlisted).

        Returns the sessions whose offset could not be true (beyond what was
        produced: the relay holds another stream), each with its error; their cursors
        start at the end, so nothing is added to the relay's foreign copy.
        """
        self.generation += 1
        self._live = True
        self._cursors = {}
        refused: list[tuple[str, ResumeError]] = []
        for session_id, sender in list(self._senders.items()):
            offset = held.get(session_id, 0)
            try:
                sender.ack(offset)
            except ResumeError as exc:
                refused.append((session_id, exc))
                offset = sender.produced
            self._cursors[session_id] = offset
            self._drop_if_done(session_id)
        self._wake()
        return refused

    def on_ack(self, session_id: str, offset: int) -> None:
        """The relay holds every byte before ``offset``; a stale ack changes nothing.

        Raises :class:`shared.resume.ResumeError` for an offset beyond what was produced.
        """
        sender = self._senders.get(session_id)
        if sender is None:
            return
        sender.ack(offset)
        self._drop_if_done(session_id)

    def on_resend(self, session_id: str, offset: int) -> None:
        """The relay holds exactly the bytes before ``offset``: send again from there.

        An ``offset`` below what was already released gets ``OutputDropped`` for the
        part no longer kept. Raises :class:`shared.resume.ResumeError` for an offset
        beyond what was produced (the cursor is left alone).
        """
        sender = self._senders.get(session_id)
        if sender is None:
            return
        sender.ack(offset)
        self._cursors[session_id] = offset
        if self._live:
            self._wake()

    def on_link_lost(self) -> None:
        """The link dropped: nothing is handed out until the next :meth:`on_welcome`."""
        self._live = False

    def next_frame(self) -> Frame | None:
        """The next frame to send, advancing that session's cursor past it.

        One chunk (or one announced gap) per session in turn, so a flood in one
        session never starves the others. None when nothing is left or no link is up.
        """
        if not self._live:
            return None
        order = list(self._senders)
        for i in range(len(order)):
            session_id = order[(self._turn + i) % len(order)]
            item = self._senders[session_id].read_from(self._cursors.get(session_id, 0))
            if item is None:
                continue
            self._turn = (self._turn + i + 1) % len(order)
            if isinstance(item, Gap):
                self._cursors[session_id] = item.end
                return OutputDropped.model_construct(
                    session_id=session_id, start=item.start, end=item.end
                )
            self._cursors[session_id] = item.end
            data = base64.b64encode(item.data).decode("ascii")
            # Built from our own offsets and session ids: nothing here needs validating.
            return Output.model_construct(session_id=session_id, offset=item.offset, data=data)
        return None

    def add_listener(self, listener: Callable[[], None]) -> None:
        """Call ``listener()`` whenever :meth:`next_frame` may have something new."""
        self._listeners.append(listener)

    # ------------------------------------------------------------ reading

    def sender(self, session_id: str) -> OutputSender | None:
        """The session's kept output (``produced``, ``acked``, ``buffered``), for reading."""
        return self._senders.get(session_id)

    def read_from(self, session_id: str, offset: int) -> Chunk | Gap | None:
        """What would be sent after ``offset``, without moving any cursor or releasing bytes."""
        sender = self._senders.get(session_id)
        return None if sender is None else sender.read_from(offset)

    def cursor(self, session_id: str) -> int | None:
        """The next offset this link sends for the session (None: no link, or not yet)."""
        return self._cursors.get(session_id, 0) if self._live else None

    def __contains__(self, session_id: object) -> bool:
        return session_id in self._senders

    # ------------------------------------------------------------ internals

    def _wake(self) -> None:
        for listener in list(self._listeners):
            listener()

    def _drop_if_done(self, session_id: str) -> None:
        sender = self._senders.get(session_id)
        if session_id in self._finished and sender is not None and sender.acked >= sender.produced:
            del self._senders[session_id]
            self._cursors.pop(session_id, None)
            self._finished.discard(session_id)
