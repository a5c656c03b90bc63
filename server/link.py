"""The ``/supervisor`` WebSocket edge: authenticate a supervisor, then pump its frames.

Contract, in order:

1. A request with an ``Origin`` header is refused before ``accept`` (HTTP 403):
   supervisors are programs, and a browser page must never ride the owner's
   network into the relay (cross-site WebSocket hijacking).
2. The first frame must be a ``Hello`` within ``hello_timeout`` seconds, with
   :data:`PROTOCOL_VERSION` (else close 4400) and the pairing secret (else
   close 4401). The relay answers ``Welcome`` and attaches the link to the hub.
3. Then every frame is decoded with ``decode_report`` and handed to the hub.
   Unknown frame types are logged and dropped; invalid frames are logged and,
   after ``max_bad_frames`` of them, the link is closed (1008). Frames over
   ``MAX_FRAME_BYTES`` close the link (1009).

When the socket ends the hub fails the link's pending calls at once.
"""

from __future__ import annotations

import asyncio
import hmac
import logging

from starlette.websockets import WebSocket, WebSocketDisconnect, WebSocketState

from server.hub import FENCED_CLOSE_CODE, Attachment, Hub
from shared.protocol import (
    MAX_FRAME_BYTES,
    PROTOCOL_VERSION,
    FrameError,
    Hello,
    UnknownFrame,
    Welcome,
    decode_report,
    encode,
)

log = logging.getLogger(__name__)

CLOSE_BAD_HELLO = 4400
CLOSE_BAD_SECRET = 4401
CLOSE_POLICY = 1008
CLOSE_TOO_BIG = 1009


class _Refused(Exception):
    def __init__(self, code: int, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


class _Gone(Exception):
    """The peer went away."""


class WebSocketLink:
    """The hub's handle on one accepted socket (``SupervisorLink``)."""

    def __init__(self, websocket: WebSocket) -> None:
        self._ws = websocket
        # One writer at a time: concurrent tool calls share the socket.
        self._send_lock = asyncio.Lock()
        self._closing: asyncio.Task[None] | None = None

    async def send(self, frame: str) -> None:
        async with self._send_lock:
            try:
                await self._ws.send_text(frame)
            except (WebSocketDisconnect, RuntimeError, OSError) as exc:
                raise ConnectionError(f"supervisor link is closed ({exc!r})") from None

    def fence(self, reason: str) -> None:
        if self._closing is None:
            self._closing = asyncio.get_running_loop().create_task(
                self.close(FENCED_CLOSE_CODE, reason)
            )

    async def close(self, code: int, reason: str) -> None:
        if self._ws.application_state is WebSocketState.DISCONNECTED:
            return
        async with self._send_lock:
            try:
                await self._ws.close(code, reason[:120])  # a close reason must fit in 123 bytes
            except (WebSocketDisconnect, RuntimeError, OSError):
                log.debug("link already closed")


class SupervisorEndpoint:
    """Serves ``/supervisor``; mount ``endpoint.handle`` as a Starlette WebSocketRoute."""

    def __init__(
        self,
        hub: Hub,
        pairing_secret: str,
        *,
        hello_timeout: float = 10.0,
        max_bad_frames: int = 20,
    ) -> None:
        self._hub = hub
        self._secret = pairing_secret.encode()
        self._hello_timeout = hello_timeout
        self._max_bad_frames = max_bad_frames

    async def handle(self, websocket: WebSocket) -> None:
        if "origin" in websocket.headers:
            log.warning("refused a /supervisor request with Origin %r", websocket.headers["origin"])
            await websocket.close(CLOSE_POLICY)  # before accept: the server answers HTTP 403
            return
        await websocket.accept()
        link = WebSocketLink(websocket)
        try:
            hello = await self._read_hello(websocket)
        except _Refused as refused:
            log.warning("refused a supervisor: %s", refused.reason)
            await link.close(refused.code, refused.reason)
            return
        except _Gone:
            return
        attachment = self._hub.attach(hello, link)
        log.info("supervisor %r connected with %d sessions", hello.host, len(hello.sessions))
        try:
            await link.send(encode(Welcome()))
            await self._pump(websocket, link, attachment)
        except (_Gone, ConnectionError):
            pass
        except Exception:  # the top of this link's loop: log, then let the hub clean up
            log.exception("supervisor link %r failed", hello.host)
            await link.close(1011, "relay error")
        finally:
            self._hub.detach(attachment)
            log.info("supervisor %r disconnected", hello.host)

    async def _read_hello(self, websocket: WebSocket) -> Hello:
        try:
            async with asyncio.timeout(self._hello_timeout):
                data = await _receive(websocket)
        except TimeoutError:
            raise _Refused(CLOSE_BAD_HELLO, f"no hello within {self._hello_timeout:g} s") from None
        try:
            frame = decode_report(data)
        except FrameError as exc:
            raise _Refused(CLOSE_BAD_HELLO, f"first frame must be a hello: {exc}"[:120]) from None
        if not isinstance(frame, Hello):
            raise _Refused(CLOSE_BAD_HELLO, f"first frame must be a hello, got {frame.type!r}")
        if frame.protocol_version != PROTOCOL_VERSION:
            raise _Refused(
                CLOSE_BAD_HELLO,
                f"protocol version {frame.protocol_version} unsupported; this relay speaks "
                f"{PROTOCOL_VERSION}: update the older side",
            )
        if not hmac.compare_digest(frame.secret.encode(), self._secret):
            raise _Refused(
                CLOSE_BAD_SECRET,
                "pairing secret rejected: use the one the relay printed at start",
            )
        return frame

    async def _pump(
        self, websocket: WebSocket, link: WebSocketLink, attachment: Attachment
    ) -> None:
        bad = 0
        while attachment.live:
            data = await _receive(websocket)
            if len(data) > MAX_FRAME_BYTES:
                await link.close(CLOSE_TOO_BIG, f"frame over {MAX_FRAME_BYTES} bytes")
                return
            try:
                frame = decode_report(data)
            except FrameError as exc:
                bad += 1
                log.warning("bad frame %d from %r: %s", bad, attachment.host, str(exc)[:300])
                if bad >= self._max_bad_frames:
                    await link.close(CLOSE_POLICY, "too many invalid frames")
                    return
                continue
            if isinstance(frame, UnknownFrame):
                log.info("dropping unknown frame type %r from %r", frame.type, attachment.host)
                continue
            self._hub.deliver(attachment, frame)


async def _receive(websocket: WebSocket) -> str | bytes:
    """The next data frame; raises :class:`_Gone` when the peer disconnects."""
    try:
        message = await websocket.receive()
    except (WebSocketDisconnect, RuntimeError):
        raise _Gone() from None
    if message["type"] == "websocket.disconnect":
        raise _Gone()
    text = message.get("text")
    if text is not None:
        return str(text)
    return bytes(message.get("bytes") or b"")
