"""The fault proxy does each fault it claims, on real loopback sockets."""

from __future__ import annotations

import asyncio
import base64
import json
import os
import random
from collections.abc import AsyncIterator

import pytest
from websockets.asyncio.client import ClientConnection, connect  # noqa: TID251 - a real WebSocket
from websockets.asyncio.server import ServerConnection, serve  # noqa: TID251
from websockets.exceptions import ConnectionClosed  # noqa: TID251

from shared.backoff import Backoff
from shared.resume import Chunk, ChunkAhead, Gap, OutputReceiver, OutputSender
from tests.faultproxy import Direction, FaultProxy, parse_frame
from tests.support import eventually, scaled


class EchoServer:
    """Echoes every byte back; counts what it received and how its connections ended."""

    def __init__(self) -> None:
        self.received = 0
        self.resets = 0
        self.eofs = 0
        self._server: asyncio.Server | None = None
        self._handlers: set[asyncio.Task[None]] = set()

    @property
    def port(self) -> int:
        assert self._server is not None
        port: int = self._server.sockets[0].getsockname()[1]
        return port

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._handlers.add(task)
        try:
            while data := await reader.read(64 * 1024):
                self.received += len(data)
                writer.write(data)
                await writer.drain()
            self.eofs += 1
        except ConnectionError:
            self.resets += 1
        finally:
            writer.close()
            self._handlers.discard(task)

    async def close(self) -> None:
        assert self._server is not None
        self._server.close()
        for task in list(self._handlers):
            task.cancel()
        await asyncio.gather(*self._handlers, return_exceptions=True)
        await self._server.wait_closed()


@pytest.fixture
async def echo() -> AsyncIterator[EchoServer]:
    server = EchoServer()
    await server.start()
    yield server
    await server.close()


@pytest.fixture
async def proxy(echo: EchoServer) -> AsyncIterator[FaultProxy]:
    async with FaultProxy("127.0.0.1", echo.port) as p:
        yield p
    assert p.open_tasks == 0


@pytest.fixture
async def client(
    proxy: FaultProxy,
) -> AsyncIterator[tuple[asyncio.StreamReader, asyncio.StreamWriter]]:
    reader, writer = await asyncio.open_connection("127.0.0.1", proxy.port)
    await eventually(lambda: proxy.links, timeout=5, what="the proxy to accept")
    yield reader, writer
    writer.transport.abort()


Client = tuple[asyncio.StreamReader, asyncio.StreamWriter]


async def read_exactly(reader: asyncio.StreamReader, n: int) -> bytes:
    async with asyncio.timeout(scaled(10)):
        return await reader.readexactly(n)


async def test_bytes_pass_through_unchanged_both_ways_when_no_fault_is_set(client: Client) -> None:
    reader, writer = client
    payload = os.urandom(1024 * 1024)
    writer.write(payload)
    assert await read_exactly(reader, len(payload)) == payload


async def test_a_delay_holds_each_chunk_at_least_that_long_and_keeps_their_order(
    proxy: FaultProxy, client: Client
) -> None:
    reader, writer = client
    proxy.up.delay = 0.3
    loop = asyncio.get_running_loop()
    sent_at = loop.time()
    writer.write(b"first ")
    await writer.drain()
    writer.write(b"second")
    assert await read_exactly(reader, 12) == b"first second"
    assert loop.time() - sent_at >= 0.3  # a lower bound the proxy guarantees, never an upper


async def test_a_throttle_caps_the_throughput_at_the_configured_rate(
    proxy: FaultProxy, client: Client
) -> None:
    reader, writer = client
    rate = 40_000.0
    proxy.down.throttle = rate
    loop = asyncio.get_running_loop()
    started = loop.time()
    writer.write(b"x" * 20_000)
    assert await read_exactly(reader, 20_000) == b"x" * 20_000
    # every piece but the last is followed by its pause: a floor, not a timing guess
    assert loop.time() - started >= (20_000 - rate / 20) / rate


async def test_a_blackhole_swallows_bytes_silently_and_the_link_stays_usable(
    proxy: FaultProxy, echo: EchoServer, client: Client
) -> None:
    reader, writer = client
    proxy.up.blackhole = True
    writer.write(b"lost")
    link = proxy.links[0]
    await eventually(lambda: link.discarded[Direction.UP] == 4, what="4 bytes swallowed")
    assert echo.received == 0 and not link.closed.is_set()
    proxy.up.blackhole = False
    writer.write(b"kept")
    assert await read_exactly(reader, 4) == b"kept"


async def test_a_stall_stops_reading_so_the_sender_is_backpressured_and_nothing_is_lost(
    proxy: FaultProxy, echo: EchoServer, client: Client
) -> None:
    reader, writer = client
    proxy.up.stall = True
    link = proxy.links[0]
    await eventually(lambda: link.parked[Direction.UP], what="the proxy to stop reading")
    block = os.urandom(1024 * 1024)
    sent = bytearray()
    # Kernel buffers absorb a few MiB; once full the bytes wait in the client's own buffer.
    while writer.transport.get_write_buffer_size() == 0 and len(sent) < 256 * len(block):
        writer.write(block)
        sent += block
        await asyncio.sleep(0)  # noqa: sleep-ok - one loop turn lets the transport flush
    assert writer.transport.get_write_buffer_size() > 0
    assert echo.received == 0
    proxy.up.stall = False
    assert await read_exactly(reader, len(sent)) == bytes(sent)


async def test_reset_sends_an_rst_to_both_ends(
    proxy: FaultProxy, echo: EchoServer, client: Client
) -> None:
    reader, writer = client
    writer.write(b"ping")
    assert await read_exactly(reader, 4) == b"ping"
    assert proxy.reset_all() == 1
    with pytest.raises(ConnectionResetError):
        async with asyncio.timeout(scaled(10)):
            await reader.read(1)
    await eventually(lambda: echo.resets == 1, what="the server to see the reset")
    assert proxy.links[0].reset


async def test_close_after_n_bytes_delivers_exactly_n_then_a_clean_eof(
    proxy: FaultProxy, client: Client
) -> None:
    reader, writer = client
    proxy.down.close_after = 10
    writer.write(b"0123456789abcdefghij")
    async with asyncio.timeout(scaled(10)):
        assert await reader.read() == b"0123456789"
    assert not proxy.links[0].reset


async def test_close_after_with_reset_ends_the_connection_with_an_rst(
    proxy: FaultProxy, echo: EchoServer, client: Client
) -> None:
    reader, writer = client
    proxy.up.close_after = 3
    proxy.up.close_with_reset = True
    writer.write(b"abcdef")
    await eventually(lambda: echo.resets == 1, what="the server to see the reset")
    assert proxy.links[0].forwarded[Direction.UP] == 3
    assert proxy.links[0].reset


async def test_a_connection_to_a_dead_target_is_reset_at_once() -> None:
    dead = EchoServer()
    await dead.start()
    port = dead.port
    await dead.close()
    async with FaultProxy("127.0.0.1", port) as proxy:
        reader, writer = await asyncio.open_connection("127.0.0.1", proxy.port)
        with pytest.raises(ConnectionResetError):
            async with asyncio.timeout(scaled(10)):
                await reader.read(1)
        writer.transport.abort()


async def test_closing_the_proxy_ends_every_connection_task_and_the_listener(
    echo: EchoServer,
) -> None:
    proxy = FaultProxy("127.0.0.1", echo.port)
    await proxy.start()
    port = proxy.port
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    await eventually(lambda: proxy.open_tasks == 1, what="the proxy to accept")
    await proxy.close()
    async with asyncio.timeout(scaled(10)):
        assert await reader.read() == b""
    assert proxy.open_tasks == 0 and not proxy.live_links
    with pytest.raises(OSError):
        await asyncio.open_connection("127.0.0.1", port)
    writer.close()


# ---------------------------------------------------------------- WebSocket frames


async def _echo_ws(ws: ServerConnection) -> None:
    async for message in ws:
        await ws.send(message)


@pytest.fixture
async def ws_proxy() -> AsyncIterator[FaultProxy]:
    async with serve(_echo_ws, "127.0.0.1", 0, compression=None) as server:
        port = server.sockets[0].getsockname()[1]
        async with FaultProxy("127.0.0.1", port, websocket=True) as proxy:
            yield proxy


async def test_a_masked_client_frame_can_be_dropped_whole(ws_proxy: FaultProxy) -> None:
    async with connect(f"ws://127.0.0.1:{ws_proxy.port}", compression=None) as ws:
        ws_proxy.up.drop_frames = 1
        for word in ("one", "two", "three"):
            await ws.send(word)
        async with asyncio.timeout(scaled(10)):
            assert [await ws.recv(), await ws.recv()] == ["two", "three"]
    assert [f.payload() for f in ws_proxy.up.dropped] == [b"one"]
    assert ws_proxy.up.dropped[0].mask  # it was masked on the wire, unmasked to inspect


async def test_a_server_frame_can_be_duplicated_whole(ws_proxy: FaultProxy) -> None:
    async with connect(f"ws://127.0.0.1:{ws_proxy.port}", compression=None) as ws:
        ws_proxy.down.duplicate_frames = 1
        await ws.send("hi")
        await ws.send("there")
        async with asyncio.timeout(scaled(10)):
            assert [await ws.recv() for _ in range(3)] == ["hi", "hi", "there"]


async def test_frames_with_16_and_64_bit_lengths_pass_and_a_filter_picks_one_to_drop(
    ws_proxy: FaultProxy,
) -> None:
    medium, large = b"m" * 300, os.urandom(70_000)
    ws_proxy.up.frame_filter = lambda frame: frame.payload() == b"drop me"
    ws_proxy.up.drop_frames = 1
    async with connect(f"ws://127.0.0.1:{ws_proxy.port}", compression=None) as ws:
        for message in (medium, b"drop me", large, b"after"):
            await ws.send(message)
        async with asyncio.timeout(scaled(10)):
            assert [await ws.recv() for _ in range(3)] == [medium, large, b"after"]
    assert [f.payload() for f in ws_proxy.up.dropped] == [b"drop me"]


def test_parse_frame_waits_for_a_whole_frame_and_reports_its_size() -> None:
    frame = (
        bytes([0x81, 0x83])
        + b"\x01\x02\x03\x04"
        + bytes(a ^ b for a, b in zip(b"abc", b"\x01\x02\x03", strict=True))
    )
    assert parse_frame(frame[:5]) is None
    parsed, size = parse_frame(frame + b"next") or (None, 0)
    assert parsed is not None and size == len(frame)
    assert (parsed.fin, parsed.opcode, parsed.payload()) == (True, 1, b"abc")


# ---------------------------------------------------------- the resume core over a faulty link


class MiniRelay:
    """The relay's side of the resume protocol, as small as it gets, over a real WebSocket."""

    def __init__(self) -> None:
        self.receiver = OutputReceiver()
        self.transcript = bytearray()
        self.resend_requests = 0
        self._asked: int | None = None

    async def handle(self, ws: ServerConnection) -> None:
        await ws.send(json.dumps({"type": "welcome", "end": self.receiver.end}))
        try:
            async for message in ws:
                frame = json.loads(message)
                try:
                    if frame["type"] == "output":
                        data = base64.b64decode(frame["data"])
                        self.transcript += self.receiver.receive(frame["offset"], data)
                    elif frame["type"] == "output_dropped":
                        self.receiver.gap(frame["start"], frame["end"])
                except ChunkAhead as ahead:
                    if self._asked != ahead.expected:  # one request per hole, not per frame
                        self._asked = ahead.expected
                        self.resend_requests += 1
                        await ws.send(
                            json.dumps({"type": "resend_output", "offset": ahead.expected})
                        )
                    continue
                offset = self.receiver.take_ack()
                if offset is not None:
                    await ws.send(json.dumps({"type": "ack_output", "offset": offset}))
        except ConnectionClosed:
            pass  # the supervisor will reconnect and resume from receiver.end


class MiniSupervisor:
    """Produces lines, sends them live, resumes after every reconnect, retries with backoff."""

    def __init__(self, url: str, lines: list[bytes], pause_at: int, resume: asyncio.Event) -> None:
        self.url, self.lines, self.pause_at, self.resume = url, lines, pause_at, resume
        self.sender = OutputSender(chunk_size=256)
        self.produced = 0
        self.links = 0

    async def run(self) -> None:
        backoff = Backoff(base=0.01, cap=0.1, rng=random.Random(0))
        loop = asyncio.get_running_loop()
        while True:
            try:
                async with connect(self.url, compression=None) as ws:
                    backoff.connected(loop.time())
                    self.links += 1
                    await self._link(ws)
                    return
            except (ConnectionClosed, OSError):
                await asyncio.sleep(backoff.disconnected(loop.time()))  # noqa: sleep-ok - backoff under test

    async def _link(self, ws: ClientConnection) -> None:
        welcome = json.loads(await ws.recv())
        for item in self.sender.resend_from(welcome["end"]):  # before any live output
            await self._send(ws, item)
        replies = asyncio.create_task(self._replies(ws))
        try:
            while self.produced < len(self.lines):
                if self.produced == self.pause_at:
                    await self.resume.wait()  # the test cuts the link here
                data = self.lines[self.produced]
                self.produced += 1
                offset = self.sender.append(data)  # kept even if the send below fails
                await self._send(ws, Chunk(offset, data))
            await replies
        finally:
            replies.cancel()
            await asyncio.gather(replies, return_exceptions=True)

    async def _replies(self, ws: ClientConnection) -> None:
        async for message in ws:
            frame = json.loads(message)
            if frame["type"] == "ack_output":
                self.sender.ack(frame["offset"])
            elif frame["type"] == "resend_output":
                for item in self.sender.resend_from(frame["offset"]):
                    await self._send(ws, item)
            if self.produced == len(self.lines) and self.sender.acked == self.sender.produced:
                return
        raise ConnectionClosed(None, None)

    @staticmethod
    async def _send(ws: ClientConnection, item: Chunk | Gap) -> None:
        if isinstance(item, Gap):
            await ws.send(
                json.dumps({"type": "output_dropped", "start": item.start, "end": item.end})
            )
        else:
            data = base64.b64encode(item.data).decode()
            await ws.send(json.dumps({"type": "output", "offset": item.offset, "data": data}))


async def test_output_survives_a_reset_and_a_dropped_frame_byte_for_byte() -> None:
    relay = MiniRelay()
    lines = [f"line {i:04d}\n".encode() for i in range(300)]  # 10 bytes each
    resume = asyncio.Event()
    async with serve(relay.handle, "127.0.0.1", 0, compression=None) as server:
        port = server.sockets[0].getsockname()[1]
        async with FaultProxy("127.0.0.1", port, websocket=True) as proxy:
            proxy.up.frame_filter = lambda f: f.is_data and b'"offset": 500,' in f.payload()
            proxy.up.drop_frames = 1  # line 50 vanishes: the relay must ask for it again
            supervisor = MiniSupervisor(f"ws://127.0.0.1:{proxy.port}", lines, 150, resume)
            task = asyncio.create_task(supervisor.run())
            try:
                await eventually(lambda: relay.receiver.end == 1500, what="150 lines at the relay")
                assert proxy.reset_all() == 1  # F1: RST mid-stream
                resume.set()
                async with asyncio.timeout(scaled(30)):
                    await task
            finally:
                task.cancel()
                await asyncio.gather(task, return_exceptions=True)
    assert bytes(relay.transcript) == b"".join(lines)
    assert relay.receiver.gaps == [] and relay.resend_requests >= 1
    assert supervisor.links >= 2 and len(proxy.up.dropped) == 1
