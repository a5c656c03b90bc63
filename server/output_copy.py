"""The relay's copy of every session's output: append only unseen bytes, ack what is stored.

No sockets. Per session an ``OutputReceiver`` (``shared/resume.py``) decides which
bytes of an ``output`` frame are new; only those are written to the
:class:`SessionStore`, and only stored bytes are ever acknowledged, so an ack
is a promise that survives a relay restart. Each method returns the frames to
send back to the supervisor (acks, resend requests).

Contracts:

* Duplicated, overlapping or resent frames are harmless: each byte is stored once.
* A frame that starts beyond what is held (a frame was lost) is refused with
  one ``ResendOutput`` per offset (again after :data:`RESEND_RETRY` seconds, in
  case the request itself was lost), never stored with a hole.
* An ``output_dropped`` range is recorded as lost, exactly, and output continues
  after it.
* Acks are batched: at once after :data:`ACK_BATCH` new bytes, else when the
  link's timer calls :meth:`OutputCopies.take_acks`.
* A failed store write is never acked: the receiver is rebuilt from the store
  and the supervisor asked to resend.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import logging
from collections.abc import Callable

from pydantic import BaseModel

from server.session_store import SessionStore, StoreError
from shared.protocol import AckOutput, Output, OutputDropped, ResendOutput
from shared.resume import ChunkAhead, OutputReceiver, ResumeError

log = logging.getLogger(__name__)

ACK_BATCH = 256 * 1024  # ack at once after this many stored bytes; the link's timer acks the rest
RESEND_RETRY = 1.0  # seconds before asking again for the same resend (the ask may be lost)


class OutputCopies:
    """Receivers for every session, over one store."""

    def __init__(self, store: SessionStore, clock: Callable[[], float]) -> None:
        self._store = store
        self._clock = clock
        self._receivers: dict[str, OutputReceiver] = {}
        self._resend_asked: dict[str, tuple[int, float]] = {}
        # Called with (session_id, offset, bytes) once fresh bytes are stored (live views).
        self.on_stored: list[Callable[[str, int, bytes], None]] = []

    def end(self, session_id: str) -> int:
        """The offset the relay holds the session's output up to (what ``Welcome`` announces)."""
        return self._receiver(session_id).end

    def gaps(self, session_id: str) -> list[tuple[int, int]]:
        """Ranges announced lost since this relay started, oldest first."""
        receiver = self._receivers.get(session_id)
        return [(g.start, g.end) for g in receiver.gaps] if receiver else []

    def output(self, host: str, frame: Output) -> list[BaseModel]:
        try:
            data = base64.b64decode(frame.data, validate=True)
        except (binascii.Error, ValueError):
            log.warning("dropping output of %s from %r: not base64", frame.session_id, host)
            return []
        receiver = self._receiver(frame.session_id)
        try:
            fresh = receiver.receive(frame.offset, data)
        except ChunkAhead as ahead:
            return self._ask_resend(frame.session_id, ahead.expected)
        except ResumeError as exc:
            log.warning("dropping output of %s from %r: %s", frame.session_id, host, exc)
            return []
        if fresh:
            try:
                self._store.append_output(
                    frame.session_id, host, receiver.end - len(fresh), fresh, self._clock()
                )
            except StoreError:
                log.exception("storing output of %s failed", frame.session_id)
                return self._rebuild(frame.session_id)
            for listener in self.on_stored:
                listener(frame.session_id, receiver.end - len(fresh), fresh)
        return self._ack(frame.session_id, ACK_BATCH)

    def dropped(self, host: str, frame: OutputDropped) -> list[BaseModel]:
        receiver = self._receiver(frame.session_id)
        try:
            lost = receiver.gap(frame.start, frame.end)
        except ChunkAhead as ahead:
            return self._ask_resend(frame.session_id, ahead.expected)
        if lost is not None:
            log.warning(
                "session %s lost output bytes [%d, %d) on %r before the relay got them",
                frame.session_id,
                lost.start,
                lost.end,
                host,
            )
            try:
                self._store.record_gap(frame.session_id, host, lost.start, lost.end, self._clock())
            except StoreError:
                log.exception("recording lost output of %s failed", frame.session_id)
                return self._rebuild(frame.session_id)
        return self._ack(frame.session_id, ACK_BATCH)

    def take_acks(self, session_ids: list[str]) -> list[AckOutput]:
        """An ack for each of these sessions with stored bytes not yet acknowledged."""
        acks = []
        for sid in session_ids:
            receiver = self._receivers.get(sid)
            offset = receiver.take_ack(1) if receiver is not None else None
            if offset is not None:
                acks.append(AckOutput(session_id=sid, offset=offset))
        return acks

    def _receiver(self, session_id: str) -> OutputReceiver:
        receiver = self._receivers.get(session_id)
        if receiver is None:
            receiver = OutputReceiver(start=self._store.output_end(session_id))
            self._receivers[session_id] = receiver
        return receiver

    def _rebuild(self, session_id: str) -> list[BaseModel]:
        # Not stored, so never acked: start again from what the store holds.
        self._receivers.pop(session_id, None)
        return self._ask_resend(session_id, self._receiver(session_id).end)

    def _ack(self, session_id: str, min_bytes: int) -> list[BaseModel]:
        offset = self._receiver(session_id).take_ack(min_bytes)
        return [] if offset is None else [AckOutput(session_id=session_id, offset=offset)]

    def _ask_resend(self, session_id: str, offset: int) -> list[BaseModel]:
        # Every frame in flight behind a lost one is "ahead" too: ask once per
        # offset, and again only if the ask itself seems lost.
        now = asyncio.get_running_loop().time()
        asked = self._resend_asked.get(session_id)
        if asked is not None and asked[0] == offset and now - asked[1] < RESEND_RETRY:
            return []
        self._resend_asked[session_id] = (offset, now)
        return [ResendOutput(session_id=session_id, offset=offset)]
