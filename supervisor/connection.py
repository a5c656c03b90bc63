"""The supervisor's one outbound WebSocket to the relay. The only websockets import here.

The Mac dials out and never listens: this module connects, says hello, runs
each command through the transport-free :class:`supervisor.agent.Agent`, sends
the reply, and reconnects with jittered backoff when the link drops.

Errors that retrying cannot fix (a wrong pairing secret, an incompatible
protocol version, a bad URL) stop the loop with :class:`LinkRefused`, whose
message tells the owner what to do.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable, Coroutine, Iterator
from typing import Any, Protocol

from websockets.asyncio.client import ClientConnection, connect  # noqa: TID251 - owns websockets
from websockets.exceptions import (  # noqa: TID251
    ConnectionClosed,
    InvalidHandshake,
    InvalidStatus,
    InvalidURI,
)

from shared import protocol as p

log = logging.getLogger("tether.supervisor.link")

HELLO_TIMEOUT = 10.0
# Close codes the relay uses for "do not retry": the owner must act.
FATAL_CLOSE_CODES = {
    4401: "the relay refused the pairing secret",
    4400: "the relay speaks another protocol version",
}
TRY_LATER_CLOSE_CODES = {1012, 1013}


class LinkRefused(Exception):
    """The relay refused this supervisor in a way retrying cannot fix."""


class CommandHandler(Protocol):
    async def handle(self, command: p.Command) -> p.Reply: ...
    def subscribe(self, listener: Callable[[p.Report], None]) -> None: ...


def full_jitter(
    base: float = 0.5, cap: float = 30.0, rand: Callable[[float, float], float] = random.uniform
) -> Iterator[float]:
    """Delays for reconnect attempt n: uniform(0, min(cap, base * 2**n))."""
    attempt = 0
    while True:
        yield rand(0, min(cap, base * 2**attempt))
        attempt += 1


class RelayConnection:
    """Keeps one authenticated link to the relay open for as long as it runs."""

    def __init__(
        self,
        url: str,
        host: str,
        secret: str,
        agent: CommandHandler,
        *,
        version: str = "",
        stable_after: float = 10.0,
        backoff: Callable[[], Iterator[float]] = full_jitter,
    ) -> None:
        self.url, self.host, self._secret, self._agent = url, host, secret, agent
        self._version = version
        self._stable_after = stable_after
        self._backoff = backoff
        self._ws: ClientConnection | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self.connected = asyncio.Event()
        agent.subscribe(self._forward_report)

    async def run_forever(self) -> None:
        """Connect, serve, reconnect; returns only by cancellation or :class:`LinkRefused`."""
        delays = self._backoff()
        loop = asyncio.get_running_loop()
        while True:
            started = loop.time()
            try:
                await self._serve_once()
            except LinkRefused:
                raise
            except (TimeoutError, OSError, InvalidHandshake, ConnectionClosed) as exc:
                log.warning("link to %s lost: %s", self.url, _describe(exc))
            # Reset the backoff only after a stable link, so a relay that accepts
            # and then closes at once cannot drive a tight reconnect loop.
            if loop.time() - started >= self._stable_after:
                delays = self._backoff()
            delay = next(delays)
            log.info("reconnecting in %.1fs", delay)
            await asyncio.sleep(delay)

    async def _serve_once(self) -> None:
        try:
            ws = await connect(
                self.url,
                compression=None,
                max_size=p.MAX_FRAME_BYTES,
                open_timeout=HELLO_TIMEOUT,
                ping_interval=20,
                ping_timeout=20,
            )
        except InvalidURI as exc:
            raise LinkRefused(
                f"the relay URL {self.url!r} is not a ws:// or wss:// URL: {exc}"
            ) from None
        except InvalidStatus as exc:
            if exc.response.status_code in (401, 403):
                raise LinkRefused(
                    f"the relay at {self.url} refused this supervisor "
                    f"(HTTP {exc.response.status_code}); check the URL and secret"
                ) from None
            raise
        try:
            await self._handshake(ws)
            self._ws = ws
            self.connected.set()
            log.info("connected to %s as %r", self.url, self.host)
            async for message in ws:
                self._dispatch(message)
        except ConnectionClosed as exc:
            self._raise_if_fatal(exc)
            raise
        finally:
            self.connected.clear()
            self._ws = None
            await ws.close()

    async def _handshake(self, ws: ClientConnection) -> None:
        listed = await self._agent.handle(p.ListSessions(request_id="hello"))
        sessions = listed.sessions if isinstance(listed, p.SessionsListed) else []
        await ws.send(
            p.encode(
                p.Hello(
                    protocol_version=p.PROTOCOL_VERSION,
                    host=self.host,
                    secret=self._secret,
                    supervisor_version=self._version,
                    sessions=sessions,
                )
            )
        )
        async with asyncio.timeout(HELLO_TIMEOUT):
            first = p.decode_command(await ws.recv())
        if not isinstance(first, p.Welcome):
            raise LinkRefused(f"the relay answered hello with {first.type!r}, not 'welcome'")

    def _raise_if_fatal(self, exc: ConnectionClosed) -> None:
        rcvd = exc.rcvd
        if rcvd is not None and rcvd.code in FATAL_CLOSE_CODES:
            reason = FATAL_CLOSE_CODES[rcvd.code]
            raise LinkRefused(
                f"{reason}: {rcvd.reason or 'no reason given'}. Check the secret "
                f"and the relay URL, then start the supervisor again."
            ) from None

    def _dispatch(self, message: str | bytes) -> None:
        try:
            frame = p.decode_command(message)
        except p.FrameError as exc:
            log.warning("dropped a malformed frame from the relay: %s", exc)
            return
        if isinstance(frame, p.UnknownFrame):
            log.info("dropped an unknown %r frame (newer relay?)", frame.type)
        elif isinstance(frame, p.Ping):
            self._spawn(self._send(p.Pong(sent_at=frame.sent_at)))
        elif isinstance(frame, p.Welcome):
            log.info("ignored a repeated welcome")
        else:
            self._spawn(self._run(frame))

    async def _run(self, command: p.Command) -> None:
        reply = await self._agent.handle(command)
        await self._send(reply)

    async def _send(self, frame: p.Report | p.Reply) -> None:
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


def _describe(exc: BaseException) -> str:
    if isinstance(exc, ConnectionClosed):
        rcvd = exc.rcvd
        return f"closed ({rcvd.code} {rcvd.reason})" if rcvd else "closed without a close frame"
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
