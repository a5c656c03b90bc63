"""A TCP fault proxy for tests: listen on 127.0.0.1 port 0, forward to a target, misbehave on cue.

Each direction has its own :class:`Faults` (``proxy.up`` is client -> server,
``proxy.down`` is server -> client) that a test flips at any time:

* ``delay``        hold each chunk this many seconds before forwarding (order kept);
* ``throttle``     forward at most this many bytes per second;
* ``blackhole``    keep reading and discard silently (the link looks alive);
* ``stall``        stop reading, so kernel buffers fill and the sender is backpressured;
* ``close_after``  forward this many bytes per connection in this direction, then close
                   the whole connection (FIN, or RST when ``close_with_reset``);
* ``drop_frames`` / ``duplicate_frames``  with ``websocket=True``: drop or duplicate the
                   next N whole WebSocket frames chosen by ``frame_filter`` (data frames
                   by default). Frames are parsed per RFC 6455 §5.2 after the HTTP
                   upgrade; client frames are masked (§5.3) and unmasked only to
                   inspect them. Disable permessage-deflate on both ends: dropping a
                   frame of a compressed stream corrupts its shared context.

:meth:`FaultProxy.reset_all` aborts every live connection with an RST (SO_LINGER 0).
Every connection is a :class:`Link` in ``proxy.links`` with byte counters, so a test
waits for an observable fact ("4 bytes were discarded") instead of sleeping.
:meth:`FaultProxy.close` ends every task and socket it started.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import struct
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from types import TracebackType

READ_SIZE = 64 * 1024
QUEUE_CHUNKS = 64  # bounded, so a delayed direction backpressures instead of buffering forever
MAX_FRAME_PAYLOAD = 64 * 1024 * 1024  # beyond this a "frame" is nonsense: stop parsing
MAX_HTTP_HEAD = 64 * 1024
THROTTLE_TICKS_PER_SECOND = 20


class Direction(StrEnum):
    UP = "up"  # client -> server
    DOWN = "down"  # server -> client


@dataclass(frozen=True)
class WsFrame:
    """One whole RFC 6455 frame as it crossed the proxy (``raw`` is its exact bytes)."""

    fin: bool
    opcode: int
    mask: bytes  # b"" when unmasked
    header_size: int
    raw: bytes

    @property
    def is_data(self) -> bool:
        """Text, binary or continuation: what an application message is made of."""
        return self.opcode in (0x0, 0x1, 0x2)

    def payload(self) -> bytes:
        """The payload, unmasked (RFC 6455 §5.3: octet i XOR mask[i mod 4])."""
        body = self.raw[self.header_size :]
        if not self.mask or not body:
            return body
        key = (self.mask * (len(body) // 4 + 1))[: len(body)]
        return (int.from_bytes(body, "big") ^ int.from_bytes(key, "big")).to_bytes(len(body), "big")


def parse_frame(buf: bytes | bytearray) -> tuple[WsFrame, int] | None:
    """Parse one frame from the start of ``buf``: (frame, size), or None if incomplete.

    Raises ValueError for a payload length no test would send (see MAX_FRAME_PAYLOAD).
    """
    if len(buf) < 2:
        return None
    b0, b1 = buf[0], buf[1]
    length, pos = b1 & 0x7F, 2
    if length == 126:  # §5.2: 16-bit extended payload length
        if len(buf) < 4:
            return None
        length, pos = int.from_bytes(buf[2:4], "big"), 4
    elif length == 127:  # §5.2: 64-bit extended payload length
        if len(buf) < 10:
            return None
        length, pos = int.from_bytes(buf[2:10], "big"), 10
    if length > MAX_FRAME_PAYLOAD:
        raise ValueError(f"frame payload of {length} bytes: not a frame this proxy parses")
    mask = b""
    if b1 & 0x80:
        if len(buf) < pos + 4:
            return None
        mask, pos = bytes(buf[pos : pos + 4]), pos + 4
    if len(buf) < pos + length:
        return None
    raw = bytes(buf[: pos + length])
    return WsFrame(bool(b0 & 0x80), b0 & 0x0F, mask, pos, raw), pos + length


class Faults:
    """The controls of one direction; plain attributes a test may set at any time."""

    def __init__(self) -> None:
        self.delay = 0.0
        self.throttle: float | None = None
        self.blackhole = False
        self.close_after: int | None = None
        self.close_with_reset = False
        self.drop_frames = 0
        self.duplicate_frames = 0
        self.frame_filter: Callable[[WsFrame], bool] = lambda frame: frame.is_data
        self.dropped: list[WsFrame] = []
        self.duplicated: list[WsFrame] = []
        self._stall = False
        self._flowing = asyncio.Event()  # binds to a loop lazily (3.10+): safe to build anywhere
        self._flowing.set()

    @property
    def stall(self) -> bool:
        return self._stall

    @stall.setter
    def stall(self, value: bool) -> None:
        self._stall = value
        if value:
            self._flowing.clear()
        else:
            self._flowing.set()

    def apply_to_frame(self, frame: WsFrame) -> list[bytes]:
        """What to forward for ``frame``: nothing, once, or twice."""
        if self.frame_filter(frame):
            if self.drop_frames > 0:
                self.drop_frames -= 1
                self.dropped.append(frame)
                return []
            if self.duplicate_frames > 0:
                self.duplicate_frames -= 1
                self.duplicated.append(frame)
                return [frame.raw, frame.raw]
        return [frame.raw]


class _Framer:
    """Cuts one direction's stream into HTTP head + whole WebSocket frames."""

    def __init__(self, faults: Faults, direction: Direction) -> None:
        self._faults = faults
        self._direction = direction
        self._buf = bytearray()
        self._upgraded = False
        self._raw = False  # not a WebSocket stream after all: pass bytes through

    def feed(self, data: bytes) -> list[bytes]:
        if self._raw:
            return [data]
        self._buf += data
        out: list[bytes] = []
        if not self._upgraded:
            end = self._buf.find(b"\r\n\r\n")
            if end < 0:
                return self._give_up() if len(self._buf) > MAX_HTTP_HEAD else []
            head = bytes(self._buf[: end + 4])
            del self._buf[: end + 4]
            out.append(head)
            self._upgraded = True
            if self._direction is Direction.DOWN and b" 101 " not in head.split(b"\r\n", 1)[0]:
                return out + self._give_up()
        while True:
            try:
                parsed = parse_frame(self._buf)
            except ValueError:
                return out + self._give_up()
            if parsed is None:
                return out
            frame, size = parsed
            del self._buf[:size]
            out.extend(self._faults.apply_to_frame(frame))

    def _give_up(self) -> list[bytes]:
        self._raw = True
        rest, self._buf = bytes(self._buf), bytearray()
        return [rest] if rest else []


class _CloseNow(Exception):
    """``close_after`` was reached."""


def _abort_with_rst(writer: asyncio.StreamWriter) -> None:
    sock = writer.get_extra_info("socket")
    if sock is not None:
        # SO_LINGER on with a 0 timeout makes close() send RST instead of FIN.
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


class Link:
    """One proxied connection and its per-direction byte counters."""

    def __init__(
        self, proxy: FaultProxy, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        self._proxy = proxy
        self._client = (reader, writer)
        self._server_writer: asyncio.StreamWriter | None = None
        self._tasks: list[asyncio.Task[None]] = []
        self.received = {d: 0 for d in Direction}  # read from the source
        self.forwarded = {d: 0 for d in Direction}  # written to the destination
        self.discarded = {d: 0 for d in Direction}  # swallowed by a blackhole
        self.parked = {d: False for d in Direction}  # a stalled reader is waiting
        self.closed = asyncio.Event()
        self.reset = False  # closed with RST rather than FIN

    async def run(self) -> None:
        reader, writer = self._client
        try:
            server_reader, server_writer = await asyncio.open_connection(
                self._proxy.target_host, self._proxy.target_port
            )
        except OSError:
            _abort_with_rst(writer)
            self.reset = True
            self.closed.set()
            return
        self._server_writer = server_writer
        for direction, src, dst in (
            (Direction.UP, reader, server_writer),
            (Direction.DOWN, server_reader, writer),
        ):
            queue: asyncio.Queue[tuple[float, bytes] | None] = asyncio.Queue(QUEUE_CHUNKS)
            self._tasks.append(asyncio.create_task(self._read(direction, src, queue)))
            self._tasks.append(asyncio.create_task(self._write(direction, dst, queue)))
        try:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        finally:
            self.close(reset=False)
            for task in self._tasks:
                task.cancel()
            await asyncio.gather(*self._tasks, return_exceptions=True)
            for w in (writer, server_writer):
                with contextlib.suppress(OSError, asyncio.CancelledError):
                    await w.wait_closed()

    def close(self, reset: bool) -> None:
        """Close both ends (RST when ``reset``) and stop forwarding; idempotent."""
        if self.closed.is_set():
            return
        self.closed.set()
        self.reset = reset
        for w in (self._client[1], self._server_writer):
            if w is None:
                continue
            if reset:
                _abort_with_rst(w)
            else:
                w.close()
        current = asyncio.current_task()
        for task in self._tasks:
            if task is not current:
                task.cancel()

    async def _read(
        self,
        direction: Direction,
        src: asyncio.StreamReader,
        queue: asyncio.Queue[tuple[float, bytes] | None],
    ) -> None:
        faults = self._proxy.faults(direction)
        framer = _Framer(faults, direction) if self._proxy.websocket else None
        loop = asyncio.get_running_loop()
        try:
            while True:
                await self._unstalled(direction, faults)
                data = await src.read(READ_SIZE)
                if not data:
                    await queue.put(None)
                    return
                self.received[direction] += len(data)
                # A stall set while read() waited holds this chunk: stalled bytes are kept.
                await self._unstalled(direction, faults)
                if faults.blackhole:
                    self.discarded[direction] += len(data)
                    continue
                for piece in framer.feed(data) if framer else [data]:
                    await queue.put((loop.time() + faults.delay, piece))
        except (ConnectionError, OSError):
            self.close(reset=True)  # the peer reset: pass the reset on

    async def _unstalled(self, direction: Direction, faults: Faults) -> None:
        if faults.stall:
            self.parked[direction] = True
            try:
                await faults._flowing.wait()
            finally:
                self.parked[direction] = False

    async def _write(
        self,
        direction: Direction,
        dst: asyncio.StreamWriter,
        queue: asyncio.Queue[tuple[float, bytes] | None],
    ) -> None:
        faults = self._proxy.faults(direction)
        loop = asyncio.get_running_loop()
        try:
            while True:
                item = await queue.get()
                if item is None:
                    if dst.can_write_eof():
                        dst.write_eof()  # pass the half-close on; the other way keeps flowing
                    return
                due, data = item
                if due > loop.time():
                    await asyncio.sleep(due - loop.time())  # noqa: sleep-ok - the delay fault itself
                await self._send(direction, faults, dst, data)
        except _CloseNow:
            self.close(reset=faults.close_with_reset)
        except (ConnectionError, OSError):
            self.close(reset=True)

    async def _send(
        self, direction: Direction, faults: Faults, dst: asyncio.StreamWriter, data: bytes
    ) -> None:
        limit = faults.close_after
        if limit is not None:
            data = data[: max(0, limit - self.forwarded[direction])]
        view = memoryview(data)
        while view:
            rate = faults.throttle
            step = max(1, int(rate / THROTTLE_TICKS_PER_SECOND)) if rate else len(view)
            piece, view = view[:step], view[step:]
            dst.write(piece)
            await dst.drain()
            self.forwarded[direction] += len(piece)
            if rate:
                await asyncio.sleep(len(piece) / rate)  # noqa: sleep-ok - the throttle fault itself
        if limit is not None and self.forwarded[direction] >= limit:
            raise _CloseNow


class FaultProxy:
    """Forwards 127.0.0.1:``port`` to the target, applying ``up`` and ``down`` faults.

    Use as ``async with FaultProxy(host, port) as proxy:``; ``proxy.port`` is the
    listening port (chosen by the kernel).
    """

    def __init__(self, target_host: str, target_port: int, *, websocket: bool = False) -> None:
        self.target_host = target_host
        self.target_port = target_port
        self.websocket = websocket
        self.up = Faults()
        self.down = Faults()
        self.links: list[Link] = []
        self._server: asyncio.Server | None = None
        self._handlers: set[asyncio.Task[None]] = set()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the proxy is not started; use 'async with FaultProxy(...)'")
        port: int = self._server.sockets[0].getsockname()[1]
        return port

    def faults(self, direction: Direction) -> Faults:
        return self.up if direction is Direction.UP else self.down

    @property
    def live_links(self) -> list[Link]:
        return [link for link in self.links if not link.closed.is_set()]

    @property
    def open_tasks(self) -> int:
        """Connection handler tasks still running; 0 after :meth:`close`."""
        return sum(1 for task in self._handlers if not task.done())

    async def start(self) -> FaultProxy:
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", 0)
        return self

    def reset_all(self) -> int:
        """Abort every live connection with RST to both ends; return how many."""
        live = self.live_links
        for link in live:
            link.close(reset=True)
        return len(live)

    async def close(self) -> None:
        """Stop listening, close every connection, and wait for every task to end."""
        if self._server is not None:
            self._server.close()
        for link in self.live_links:
            link.close(reset=False)
        for task in list(self._handlers):
            task.cancel()
        await asyncio.gather(*self._handlers, return_exceptions=True)
        if self._server is not None:
            await self._server.wait_closed()

    async def __aenter__(self) -> FaultProxy:
        return await self.start()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._handlers.add(task)
        link = Link(self, reader, writer)
        self.links.append(link)
        try:
            await link.run()
        except asyncio.CancelledError:
            # Only close() cancels this task, and it is the top of the task: ending it
            # normally keeps Python 3.11's start_server callback from logging the
            # cancellation as an error (it calls task.exception() on it).
            pass
        finally:
            self._handlers.discard(task)
