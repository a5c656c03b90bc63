"""The supervisor's one outbound WebSocket to the relay. The only websockets import here.

The Mac dials out and never listens: this module connects, says hello, runs
each command through the transport-free :class:`supervisor.command_runner.CommandRunner`, sends
the reply, streams every session's output, and reconnects when the link drops.

Contracts:

* **Output, nothing lost or twice**: after ``Welcome`` each session's output is
  sent from the offset the relay says it holds (``Welcome.resume``; 0 if not
  listed), in order, before anything newer: one cursor per session per link.
  ``AckOutput`` releases bytes; ``ResendOutput`` rewinds the cursor; bytes the
  bounded buffer had to drop are announced as ``OutputDropped``. Those decisions
  are the pure :class:`supervisor.outbox.Outbox`'s; this module only feeds it the
  link's frames and sends what it hands out. Streaming runs
  in its own task: a slow link slows this task (the socket's write buffer
  applies backpressure), never the PTY reader, whose bytes wait in the bounded
  buffer.
* **Liveness**: a ``Heartbeat`` every ``heartbeat_interval`` seconds; the link
  is declared dead, closed and redialled when nothing at all arrived from the
  relay for ``heartbeat_timeout`` seconds (a half-open link included).
* **Reconnect**: :class:`shared.backoff.Backoff`: retries at most a second
  apart for the first seconds of an outage (so a short cut or relay restart
  costs about a second), then full-jitter exponential; reset only after the
  link stayed up ``stable_after`` seconds; close code 1013 waits longer.
* **Identity**: the hello carries the supervisor's public key (and, on the first
  connection, the owner's one-time pairing code); the relay's ``Challenge`` is
  answered by signing it for the origin of THIS supervisor's own URL (never the
  origin the relay names, so a signature cannot be replayed to another relay;
  ``origin_url`` overrides the dialed URL only for a forwarder or tunnel).
  The pairing code is forgotten after the first ``Welcome``: the key is enough.
* **The relay's identity**: the hello carries a fresh nonce; the ``Challenge``
  must carry the relay's signature of it for the dialed origin, by the relay key
  pinned at pairing (``supervisor/relay_pins.py``), or the link stops with
  :class:`LinkRefused` before anything is signed. ``wss://`` certificates are
  verified (the websockets default; nothing here turns it off).
* Errors retrying cannot fix (close 4401: not paired, unpaired, a bad code, a
  signature for another URL; 4400: an incompatible protocol version; a bad URL)
  stop the loop with :class:`LinkRefused`, whose message is the relay's reason.
  4408 (stale challenge) and 4429 (too many pairing attempts) are retried with
  backoff.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import Callable, Coroutine
from typing import Any, Protocol, TypeVar

from websockets.asyncio.client import ClientConnection, connect  # noqa: TID251 - owns websockets
from websockets.exceptions import (  # noqa: TID251
    ConnectionClosed,
    InvalidHandshake,
    InvalidStatus,
    InvalidURI,
)

from shared import protocol as p
from shared.backoff import Backoff
from shared.close_codes import FATAL_CLOSE_CODES
from shared.errors import TetherError
from shared.identity import NONCE_BYTES, IdentityFormatError, b64encode, relay_origin
from shared.resume import ResumeError
from supervisor.identity import Identity, IdentityError
from supervisor.outbox import Outbox
from supervisor.relay_pins import RelayPins, check_proof
from supervisor.relay_requests import RelayRequests

log = logging.getLogger("tether.supervisor.link")

HELLO_TIMEOUT = 10.0
HEARTBEAT_INTERVAL = 10.0
HEARTBEAT_TIMEOUT = 25.0  # with a 10 s interval: a dead link is found within ~25-35 s
CLOSE_TIMEOUT = 2.0  # a dead link's closing handshake must not hold up the redial


class LinkRefused(TetherError):
    """The relay refused this supervisor in a way retrying cannot fix."""


class CommandHandler(Protocol):
    outbox: Outbox

    async def handle(self, command: p.Command) -> p.Reply: ...
    def subscribe(self, listener: Callable[[p.Report], None]) -> None: ...
    def session_infos(self) -> list[p.SessionInfo]: ...
    def lookup(self, request_id: str) -> p.RequestLookedUp: ...
    def reap_orphans(self) -> list[p.SessionInfo]: ...


_F = TypeVar("_F", p.Challenge, p.Welcome)  # the handshake frames the relay sends


class _Dead(Exception):
    """The heartbeat found the link silent."""


class _OutOfOrder(Exception):
    """A handshake frame that does not read, or comes out of turn: a damaged or replayed
    frame, so the link is dialled again. Incompatible peers are told apart by the relay's
    own close codes (``FATAL_CLOSE_CODES``), which stay final."""


class RelayConnection:
    """Keeps one authenticated link to the relay open for as long as it runs."""

    def __init__(
        self,
        url: str,
        host: str,
        identity: Identity,
        agent: CommandHandler,
        *,
        pair_code: str | None = None,
        origin_url: str | None = None,
        version: str = "",
        stable_after: float = 10.0,
        backoff: Backoff | None = None,
        heartbeat_interval: float = HEARTBEAT_INTERVAL,
        heartbeat_timeout: float = HEARTBEAT_TIMEOUT,
        hello_timeout: float = HELLO_TIMEOUT,
        pins: RelayPins | None = None,
    ) -> None:
        self.url, self.host, self.identity, self._agent = url, host, identity, agent
        # The relay keys pinned at pairing (next to the identity key, else in memory).
        self.pins = pins if pins is not None else RelayPins.beside(identity.path)
        self.pair_code = pair_code
        self.requests = RelayRequests()  # supervisor -> relay requests (global shared state)
        manager = getattr(agent, "manager", None)
        if manager is not None:
            manager.relay_requests = self.requests  # orchestration's "work finished"
        # What the signature names: the dialed URL, unless that is a local forwarder or
        # tunnel to the relay (then the relay's own URL).
        self.origin_url = origin_url or url
        self._version = version
        self.backoff = backoff if backoff is not None else Backoff(stable_after=stable_after)
        self.heartbeat_interval = heartbeat_interval
        self.heartbeat_timeout = heartbeat_timeout
        self.hello_timeout = hello_timeout
        self._ws: ClientConnection | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._more = asyncio.Event()  # the outbox may have a frame to send
        agent.outbox.add_listener(self._more.set)
        self._last_heard = 0.0
        self.connected = asyncio.Event()
        self.attempts = 0  # connection attempts since start (tests bound the reconnect rate)
        self.links = 0  # links that got a Welcome
        self.last_close_code: int | None = None
        agent.subscribe(self._forward_report)

    async def run_forever(self) -> None:
        """Connect, serve, reconnect; returns only by cancellation or :class:`LinkRefused`.

        First reaps what a crashed previous run left (``CommandRunner.reap_orphans``): the
        hello then reports those sessions as exited, with the reason.
        """
        loop = asyncio.get_running_loop()
        for lost in self._agent.reap_orphans():
            log.warning("session %s: %s", lost.session_id, lost.state_reason)
        while True:
            opened = False
            code: int | None = None
            self.attempts += 1
            try:
                opened = await self._serve_once()
            except LinkRefused:
                raise
            except _Dead:
                opened = True
                log.warning(
                    "no frame from %s for %gs: link presumed dead", self.url, self.heartbeat_timeout
                )
            except (TimeoutError, OSError, InvalidHandshake, ConnectionClosed, _OutOfOrder) as exc:
                opened = self.connected.is_set() or isinstance(exc, _Opened)
                code = _close_code(exc)
                log.warning("link to %s lost: %s", self.url, _describe(exc))
            if code is not None:
                # The last close code the relay sent; a refused dial (no close frame) keeps it.
                self.last_close_code = code
            if opened:
                delay = self.backoff.disconnected(loop.time(), code)
            else:
                delay = self.backoff.failed(code, loop.time())
            log.info("reconnecting in %.1fs", delay)
            await asyncio.sleep(delay)

    async def _serve_once(self) -> bool:
        """One link, from dial to drop; returns whether it got as far as ``Welcome``."""
        try:
            ws = await connect(
                self.url,
                compression=None,
                max_size=p.MAX_FRAME_BYTES,
                open_timeout=self.hello_timeout,
                close_timeout=CLOSE_TIMEOUT,
                ping_interval=None,  # our own heartbeats, in both directions, decide
            )
        except InvalidURI as exc:
            raise LinkRefused(
                f"the relay URL {self.url!r} is not a ws:// or wss:// URL: {exc}"
            ) from None
        except InvalidStatus as exc:
            if exc.response.status_code in (401, 403):
                raise LinkRefused(
                    f"the relay at {self.url} refused this supervisor "
                    f"(HTTP {exc.response.status_code}); check the URL (it ends in /supervisor)"
                ) from None
            raise
        workers: list[asyncio.Task[None]] = []
        loop = asyncio.get_running_loop()
        try:
            welcome = await self._handshake(ws)
            self.backoff.connected(loop.time())
            self.links += 1
            self._resume(welcome)
            self._ws = ws
            self._last_heard = loop.time()
            self.connected.set()
            for resend in self.requests.attach(self._send):
                self._spawn(resend)  # type: ignore[arg-type]
            log.info("connected to %s as %r", self.url, self.host)
            workers = [
                asyncio.create_task(self._stream(ws)),
                asyncio.create_task(self._heartbeat(ws)),
            ]
            async for message in ws:
                self._last_heard = loop.time()
                self._dispatch(message)
            raise _Opened(ws.close_code)
        except ConnectionClosed as exc:
            self._raise_if_fatal(exc)
            if self.connected.is_set():
                raise _Opened(_close_code(exc)) from None
            raise
        finally:
            self.connected.clear()
            self._agent.outbox.on_link_lost()
            self.requests.detach()
            self._ws = None
            for worker in workers:
                worker.cancel()
            results = await asyncio.gather(*workers, return_exceptions=True)
            await ws.close()
            if any(isinstance(r, _Dead) for r in results):
                raise _Dead()  # the silence is the news, not the abort it caused

    async def _handshake(self, ws: ClientConnection) -> p.Welcome:
        relay_nonce = os.urandom(NONCE_BYTES)  # the relay must sign it: fresh per link
        await ws.send(
            p.encode(
                p.Hello(
                    protocol_version=p.PROTOCOL_VERSION,
                    host=self.host,
                    public_key=self.identity.public_key,
                    pair_code=self.pair_code,
                    relay_nonce=b64encode(relay_nonce),
                    supervisor_version=self._version,
                    sessions=self._agent.session_infos(),
                )
            )
        )
        challenge = await self._expect(ws, p.Challenge, "hello")
        self._explain_origin(challenge.relay_origin)
        to_pin = self._check_relay(challenge, relay_nonce)
        try:
            signature = self.identity.answer_challenge(self.origin_url, self.host, challenge.nonce)
        except IdentityError as exc:
            raise LinkRefused(f"{exc.message}; {exc.hint}") from None
        await ws.send(p.encode(p.ChallengeAnswered(signature=signature)))
        first = await self._expect(ws, p.Welcome, "the challenge")
        if to_pin is not None:
            origin, key = to_pin
            self.pins.pin(origin, key)
            log.info("pinned the relay key of %s; any other key there is refused now", origin)
        if self.pair_code is not None:
            log.info("authenticated by key: the pairing code is no longer needed")
            self.pair_code = None
        return first

    async def _expect(self, ws: ClientConnection, kind: type[_F], answering: str) -> _F:
        """The relay's next frame, which must be a ``kind``; :class:`_OutOfOrder` if not."""
        async with asyncio.timeout(self.hello_timeout):
            data = await ws.recv()
        wanted = kind.model_fields["type"].default
        try:
            frame = p.decode_command(data)
        except p.FrameError as exc:
            raise _OutOfOrder(
                f"the relay answered {answering} with an unreadable frame ({exc}), not {wanted!r}"
            ) from None
        if not isinstance(frame, kind):
            raise _OutOfOrder(f"the relay answered {answering} with {frame.type!r}, not {wanted!r}")
        return frame

    def _check_relay(self, challenge: p.Challenge, nonce: bytes) -> tuple[str, str] | None:
        """Refuse (LinkRefused) a server that is not our relay; (origin, key) to pin after
        the welcome when nothing is pinned for this origin yet."""
        try:
            origin = relay_origin(self.origin_url)
        except IdentityFormatError as exc:
            raise LinkRefused(f"the relay URL is not usable: {exc}") from None
        pinned = self.pins.get(origin)
        refusal = check_proof(
            origin,
            self.host,
            nonce,
            challenge.relay_public_key,
            challenge.relay_signatures,
            pinned,
            self.pins.path,
        )
        if refusal is not None:
            raise LinkRefused(refusal)
        if pinned is None and challenge.relay_public_key is not None:
            return origin, challenge.relay_public_key
        return None

    def _explain_origin(self, theirs: str) -> None:
        """Log a hint when the relay thinks it lives elsewhere than the URL we dialed:
        the signature covers OUR origin, so the relay will refuse it."""
        try:
            ours = relay_origin(self.origin_url)
        except IdentityFormatError:
            return
        if theirs != ours:
            log.warning(
                "the relay calls itself %s but this supervisor dialed %s: unless the relay also "
                "accepts %s, start it with --public-url %s",
                theirs[:300],
                ours,
                ours,
                ours,
            )

    def _resume(self, welcome: p.Welcome) -> None:
        """Start every session's cursor at the offset the relay holds (0 if it holds none)."""
        held = {pos.session_id: pos.offset for pos in welcome.resume}
        for sid, exc in self._agent.outbox.on_welcome(held):
            log.error("session %s: %s", sid, exc)

    # ------------------------------------------------------------ workers

    async def _stream(self, ws: ClientConnection) -> None:
        """Send what the outbox hands out (every session's output, round robin), in order."""
        outbox = self._agent.outbox
        while True:
            self._more.clear()
            # The outbox advances its cursor as it hands the frame out: a ResendOutput
            # arriving during the send below rewinds it.
            frame = outbox.next_frame()
            if frame is None:
                await self._more.wait()
                continue
            if isinstance(frame, p.OutputDropped):
                log.warning(
                    "session %s: output [%d, %d) dropped", frame.session_id, frame.start, frame.end
                )
            await ws.send(p.encode(frame))

    async def _heartbeat(self, ws: ClientConnection) -> None:
        loop = asyncio.get_running_loop()
        while True:
            await asyncio.sleep(min(self.heartbeat_interval, self.heartbeat_timeout / 3))
            if loop.time() - self._last_heard > self.heartbeat_timeout:
                # Abort rather than close: a closing handshake cannot cross a dead link,
                # and the reader must stop waiting now.
                ws.transport.abort()
                raise _Dead()
            await ws.send(p.encode(p.Heartbeat(sent_at=time.time())))

    # ------------------------------------------------------------ frames

    def _raise_if_fatal(self, exc: ConnectionClosed) -> None:
        rcvd = exc.rcvd
        if rcvd is not None and rcvd.code in FATAL_CLOSE_CODES:
            reason = FATAL_CLOSE_CODES[rcvd.code]
            raise LinkRefused(f"{reason}: {rcvd.reason or 'no reason given'}") from None

    def _dispatch(self, message: str | bytes) -> None:
        try:
            frame = p.decode_command(message)
        except p.FrameError as exc:
            log.warning("dropped a malformed frame from the relay: %s", exc)
            return
        except Exception:  # no frame may end the supervisor, and every session with it
            log.exception("dropped a frame from the relay that could not be decoded")
            return
        if isinstance(frame, p.CommandFrame):
            self._spawn(self._run(frame))
            return
        if isinstance(frame, p.UpAnswerFrame):
            self.requests.answered(frame)
            return
        on = _ON_LINK_FRAME.get(frame.type)
        if on is None:
            log.info("dropped an unknown %r frame (newer relay?)", frame.type)
        else:
            on(self, frame)

    def _on_ping(self, frame: p.Ping) -> None:
        self._spawn(self._send(p.Pong(sent_at=frame.sent_at)))

    def _on_ack(self, frame: p.AckOutput) -> None:
        try:
            self._agent.outbox.on_ack(frame.session_id, frame.offset)
        except ResumeError as exc:
            log.error("session %s: %s", frame.session_id, exc)

    def _on_heard(self, frame: p.HeartbeatAcked) -> None:
        pass  # hearing anything is what counts

    def _on_lookup(self, frame: p.LookupRequest) -> None:
        # Answered from a task, not now: a command read before this frame is admitted
        # (journalled) in its task's first step, which runs first.
        self._spawn(self._answer_lookup(frame.request_id))

    async def _answer_lookup(self, request_id: str) -> None:
        await self._send(self._agent.lookup(request_id))

    def _on_handshake(self, frame: p.Welcome | p.Challenge) -> None:
        log.info("ignored a %s outside the handshake", frame.type)

    def _rewind(self, frame: p.ResendOutput) -> None:
        try:
            self._agent.outbox.on_resend(frame.session_id, frame.offset)
        except ResumeError as exc:
            log.error("session %s: %s", frame.session_id, exc)

    async def _run(self, command: p.Command) -> None:
        reply = await self._agent.handle(command)
        await self._send(reply)

    async def _send(self, frame: p.Report | p.Reply | p.RequestLookedUp | p.UpRequestFrame) -> None:
        ws = self._ws
        if ws is None:
            log.info("link down: %s not sent", frame.type)
            return
        try:
            await ws.send(p.encode(frame))
        except ConnectionClosed:
            log.info("link closed while sending %s", frame.type)

    def _forward_report(self, report: p.Report) -> None:
        if self._ws is not None:
            self._spawn(self._send(report))

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._reap)

    def _reap(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("command task failed", exc_info=task.exception())


# Every link frame the relay may send once the link is up, by type (commands go to the agent).
_ON_LINK_FRAME: dict[str, Callable[[RelayConnection, Any], None]] = {
    "ping": RelayConnection._on_ping,
    "ack_output": RelayConnection._on_ack,
    "resend_output": RelayConnection._rewind,
    "heartbeat_acked": RelayConnection._on_heard,
    "lookup_request": RelayConnection._on_lookup,
    "welcome": RelayConnection._on_handshake,
    "challenge": RelayConnection._on_handshake,
}


class _Opened(ConnectionError):
    """The link had been up (got Welcome) when it closed with ``code``."""

    def __init__(self, code: int | None) -> None:
        super().__init__(f"closed ({code})")
        self.code = code


def _close_code(exc: BaseException) -> int | None:
    if isinstance(exc, _Opened):
        return exc.code
    if isinstance(exc, ConnectionClosed) and exc.rcvd is not None:
        return exc.rcvd.code
    return None


def _describe(exc: BaseException) -> str:
    if isinstance(exc, ConnectionClosed):
        rcvd = exc.rcvd
        return f"closed ({rcvd.code} {rcvd.reason})" if rcvd else "closed without a close frame"
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
