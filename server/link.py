"""The ``/supervisor`` WebSocket edge: authenticate a supervisor, then pump its frames.

Contract, in order:

1. A request with an ``Origin`` header is refused before ``accept`` (HTTP 403):
   supervisors are programs, and a browser page must never ride the owner's
   network into the relay (cross-site WebSocket hijacking).
2. The first frame must be a ``Hello`` within ``hello_timeout`` seconds, with
   :data:`PROTOCOL_VERSION` (else close 4400). The relay then proves the
   supervisor's identity (``server/supervisors.py``): it sends a ``Challenge``
   (a fresh single-use nonce), the ``ChallengeAnswered`` signature must arrive
   within ``hello_timeout`` and verify against the host's paired public key, or
   pair the key when the hello carries a valid one-time pairing code. The
   challenge also carries the relay's public key and its signature of the
   hello's ``relay_nonce`` (``server/relay_key.py``), so the supervisor can check
   it reached the relay it paired with before it signs. A refusal
   closes with the registry's code and a reason saying what to do (4401: the
   owner must act; 4408: reconnect; 4429: wait). Only then does the relay answer
   ``Welcome`` and attach the link to the hub; a newer link of the same host
   fences the older one (4409).
3. The ``Welcome`` carries the output offsets the relay holds for the host's
   sessions (``hub.positions``); calls still waiting for this host are then
   sent again (``hub.redeliver``).
4. Then every frame is decoded with ``decode_report`` and handed to the hub;
   the frames the hub returns (acks, resend requests, heartbeat answers) go
   back on the same link. Unknown frame types are logged and dropped; invalid
   frames are logged and, after ``max_bad_frames`` of them, the link is closed
   (1008). Frames over ``MAX_FRAME_BYTES`` close the link (1009).
5. Revocation: ``unpair`` closes the host's live link at once (4401); a link
   whose key was unpaired elsewhere (the ``python -m server unpair`` CLI, another
   process) is closed at its next heartbeat tick.
6. Liveness: the relay sends ``Ping`` every ``heartbeat_interval`` seconds and
   declares the link dead when no frame at all arrived for ``heartbeat_timeout``
   seconds (at most a tenth of it later; a half-open link included); stored output
   is acknowledged every ``ack_interval`` seconds.

When the socket ends the hub marks the host offline; its pending calls wait a
short grace for it to come back. A relay shutting down closes with 1012
(uvicorn does this for every open WebSocket): "restarting, come back later".
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable

from starlette.websockets import WebSocket, WebSocketDisconnect, WebSocketState

from server.hub import Attachment, Hub
from server.relay_key import RelayKey
from server.supervisors import SupervisorRefused, SupervisorRegistry, new_nonce
from shared.close_codes import CloseCode
from shared.protocol import (
    MAX_FRAME_BYTES,
    PROTOCOL_VERSION,
    Challenge,
    ChallengeAnswered,
    FrameError,
    Hello,
    Ping,
    UnknownFrame,
    Welcome,
    decode_report,
    encode,
)

log = logging.getLogger(__name__)

UNPAIRED_REASON = (
    "this supervisor was unpaired: run `python -m server pair-code` on the relay, "
    "restart with --pair-code"
)
HEARTBEAT_INTERVAL = 10.0
HEARTBEAT_TIMEOUT = 25.0  # with a 10 s interval: a dead link is found within ~25-35 s
ACK_INTERVAL = 0.25


class _Refused(Exception):
    def __init__(self, code: int, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


class _Gone(Exception):
    """The peer went away."""


class _Silent(Exception):
    """No frame arrived within the heartbeat timeout."""


async def _bounded(coro: Awaitable[None], seconds: float) -> None:
    """Await ``coro`` for at most ``seconds``: closing a dead link must not hang."""
    try:
        async with asyncio.timeout(seconds):
            await coro
    except TimeoutError:
        log.info("closing a dead link timed out")


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
                self.close(CloseCode.FENCED, reason)
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
        registry: SupervisorRegistry,
        *,
        hello_timeout: float = 10.0,
        max_bad_frames: int = 20,
        heartbeat_interval: float = HEARTBEAT_INTERVAL,
        heartbeat_timeout: float = HEARTBEAT_TIMEOUT,
        ack_interval: float = ACK_INTERVAL,
        relay_key: RelayKey | None = None,
    ) -> None:
        self._hub = hub
        self._relay_key = relay_key
        self._registry = registry
        # host -> (its live link, the public key it proved): for unpair and revocation checks.
        self._live: dict[str, tuple[WebSocketLink, str]] = {}
        self._hello_timeout = hello_timeout
        self._max_bad_frames = max_bad_frames
        self._heartbeat_interval = heartbeat_interval
        self._heartbeat_timeout = heartbeat_timeout
        self._ack_interval = ack_interval

    async def handle(self, websocket: WebSocket) -> None:
        if "origin" in websocket.headers:
            log.warning("refused a /supervisor request with Origin %r", websocket.headers["origin"])
            await websocket.close(
                CloseCode.POLICY_VIOLATION
            )  # before accept: the server answers HTTP 403
            return
        await websocket.accept()
        link = WebSocketLink(websocket)
        try:
            hello = await self._read_hello(websocket)
            await self._authenticate(websocket, link, hello)
        except _Refused as refused:
            log.warning("refused a supervisor: %s", refused.reason)
            await link.close(refused.code, refused.reason)
            return
        except SupervisorRefused as refused:
            log.warning("refused supervisor %r: %s", hello.host, refused.message)
            await link.close(refused.close_code, refused.reason)
            return
        except _Gone:
            return
        attachment = self._hub.attach(hello, link)
        self._live[hello.host] = (link, hello.public_key)
        # Computed before any await, so no output can move the offsets in between.
        welcome = Welcome(resume=self._hub.positions(hello.host))
        log.info("supervisor %r connected with %d sessions", hello.host, len(hello.sessions))
        ticker: asyncio.Task[None] | None = None
        try:
            await link.send(encode(welcome))
            await self._hub.redeliver(attachment)
            ticker = asyncio.create_task(self._tick(link, attachment))
            await self._pump(websocket, link, attachment)
        except (_Gone, ConnectionError):
            pass
        except _Silent:
            log.warning(
                "supervisor %r sent nothing for %g s: link presumed dead",
                hello.host,
                self._heartbeat_timeout,
            )
            self._hub.detach(attachment)
            await _bounded(link.close(CloseCode.GOING_AWAY, "no heartbeat"), 2.0)
        except Exception:  # the top of this link's loop: log, then let the hub clean up
            log.exception("supervisor link %r failed", hello.host)
            await link.close(CloseCode.INTERNAL_ERROR, "relay error")
        finally:
            if ticker is not None:
                ticker.cancel()
                await asyncio.gather(ticker, return_exceptions=True)
            self._hub.detach(attachment)
            if self._live.get(hello.host, (None, ""))[0] is link:
                del self._live[hello.host]
            log.info("supervisor %r disconnected", hello.host)

    async def unpair(self, host: str) -> bool:
        """Revoke ``host``'s key and cut its live link now; False if it was not paired."""
        changed = self._registry.unpair(host)
        live = self._live.pop(host, None)
        if live is not None:
            await live[0].close(CloseCode.REFUSED, UNPAIRED_REASON)
        return changed

    def _still_paired(self, host: str, public_key: str) -> bool:
        stored = self._registry.get(host)
        return stored is not None and not stored.revoked and stored.public_key == public_key

    async def _authenticate(self, websocket: WebSocket, link: WebSocketLink, hello: Hello) -> None:
        """Challenge the hello's key; raises :class:`SupervisorRefused` or :class:`_Refused`."""
        # Held by this connection only: other peers' hellos cannot evict or spend it.
        nonce = new_nonce()
        origin = self._registry.relay_origins[0]
        try:
            await link.send(encode(self._challenge(nonce, origin, hello)))
        except ConnectionError:
            raise _Gone() from None
        try:
            async with asyncio.timeout(self._hello_timeout):
                data = await _receive(websocket)
        except TimeoutError:
            raise _Refused(
                CloseCode.RETRY_NOW,
                f"no challenge answer within {self._hello_timeout:g} s: reconnect",
            ) from None
        try:
            answer = decode_report(data)
        except FrameError:
            answer = None
        if not isinstance(answer, ChallengeAnswered):
            # Retryable: a current supervisor sends nothing else here, so this is a damaged or
            # replayed frame, and giving up for good would leave the owner's computer offline.
            raise _Refused(
                CloseCode.POLICY_VIOLATION, "expected challenge_answered after the challenge"
            )
        source = websocket.client.host if websocket.client is not None else "unknown"
        self._registry.authenticate(
            hello.host,
            hello.public_key,
            nonce,
            answer.signature,
            pair_code=hello.pair_code,
            source=source,
            held=True,
        )

    def _challenge(self, nonce: str, origin: str, hello: Hello) -> Challenge:
        """The challenge, with the relay's proof of its own key when it has one."""
        if self._relay_key is None:
            return Challenge(nonce=nonce, relay_origin=origin)
        return Challenge(
            nonce=nonce,
            relay_origin=origin,
            relay_public_key=self._relay_key.public_key,
            relay_signatures=self._relay_key.prove(
                self._registry.relay_origins[:8], hello.host, hello.relay_nonce
            ),
        )

    async def _tick(self, link: WebSocketLink, attachment: Attachment) -> None:
        """Acks on a timer (so a quiet session's tail is released), relay pings, and a
        revocation check with each ping (an ``unpair`` run by another process)."""
        loop = asyncio.get_running_loop()
        next_ping = loop.time() + self._heartbeat_interval
        try:
            while attachment.live:
                await asyncio.sleep(self._ack_interval)
                for ack in self._hub.take_acks(attachment):
                    await link.send(encode(ack))
                if loop.time() >= next_ping:
                    next_ping = loop.time() + self._heartbeat_interval
                    live = self._live.get(attachment.host)
                    if live is not None and live[0] is link:
                        if not self._still_paired(attachment.host, live[1]):
                            log.warning("supervisor %r was unpaired: closing", attachment.host)
                            await link.close(CloseCode.REFUSED, UNPAIRED_REASON)
                            return
                    await link.send(encode(Ping(sent_at=time.time())))
        except ConnectionError:
            return  # the pump sees the same closed socket and ends the link

    async def _read_hello(self, websocket: WebSocket) -> Hello:
        try:
            async with asyncio.timeout(self._hello_timeout):
                data = await _receive(websocket)
        except TimeoutError:  # a slow or stalled link, not an incompatible peer: reconnect
            raise _Refused(
                CloseCode.GOING_AWAY, f"no hello within {self._hello_timeout:g} s"
            ) from None
        try:
            frame = decode_report(data)
        except FrameError as exc:
            raise _Refused(
                CloseCode.BAD_HELLO, f"first frame must be a hello: {exc}"[:120]
            ) from None
        if not isinstance(frame, Hello):  # a known frame out of order: retryable, as above
            raise _Refused(
                CloseCode.POLICY_VIOLATION, f"first frame must be a hello, got {frame.type!r}"
            )
        if frame.protocol_version != PROTOCOL_VERSION:
            raise _Refused(
                CloseCode.BAD_HELLO,
                f"protocol version {frame.protocol_version} unsupported; this relay speaks "
                f"{PROTOCOL_VERSION}: update the older side",
            )
        return frame

    async def _pump(
        self, websocket: WebSocket, link: WebSocketLink, attachment: Attachment
    ) -> None:
        # One deadline for the whole loop, moved at most once per ``slack`` seconds: a
        # timer per frame cost more than the frame's own decoding. It fires no earlier
        # than ``heartbeat_timeout`` after the last frame, and at most ``slack`` later.
        loop = asyncio.get_running_loop()
        slack = self._heartbeat_timeout / 10
        moved = loop.time()
        try:
            async with asyncio.timeout(self._heartbeat_timeout + slack) as silence:
                bad = 0
                while attachment.live:
                    data = await _receive(websocket)
                    now = loop.time()
                    if now - moved >= slack:
                        silence.reschedule(now + self._heartbeat_timeout + slack)
                        moved = now
                    bad = await self._take(data, link, attachment, bad)
                    if bad < 0:
                        return
        except TimeoutError:
            if silence.expired():
                raise _Silent() from None
            raise

    async def _take(
        self, data: str | bytes, link: WebSocketLink, attachment: Attachment, bad: int
    ) -> int:
        """Handle one received frame; the count of invalid frames so far, -1 once closed."""
        if len(data) > MAX_FRAME_BYTES:
            await link.close(CloseCode.MESSAGE_TOO_BIG, f"frame over {MAX_FRAME_BYTES} bytes")
            return -1
        try:
            frame = decode_report(data)
        except FrameError as exc:
            bad += 1
            log.warning("bad frame %d from %r: %s", bad, attachment.host, str(exc)[:300])
            if bad >= self._max_bad_frames:
                await link.close(CloseCode.POLICY_VIOLATION, "too many invalid frames")
                return -1
            return bad
        if isinstance(frame, UnknownFrame):
            log.info("dropping unknown frame type %r from %r", frame.type, attachment.host)
            return bad
        for answer in self._hub.deliver(attachment, frame):
            await link.send(encode(answer))
        return bad


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
