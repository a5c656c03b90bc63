"""Faults between a real supervisor and a real relay, through the loopback fault proxy.

Every scenario checks the two invariants of the reliability notes (§5):

* output: the relay's stored copy of each session is always a prefix of what the
  PTY produced (the supervisor's journal), and equal to it at the end; the
  producer prints numbered lines with checksums, so the end state is also
  checked line by line (each once, in order, intact);
* commands: each ran at most once (the agent's run counter and the program's
  own echo say so) and ended ok, as a definite failure, or "unknown" with a
  request id that ``check_delivery`` resolves.

Timings are short (heartbeats of a fraction of a second) so the file runs in
seconds per scenario; ``-m soak`` runs a minutes-long mixed scenario.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import os
import re
import signal
import sys
import zlib
from collections.abc import AsyncIterator, Iterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import pytest
from fastmcp import Client

from server.config import PASSWORD_ENV
from server.hub import Hub
from server.session_store import Retention, SessionStore
from shared.backend import DeliveryStatus
from shared.backoff import Backoff
from shared.errors import DeliveryUnknown, HostOffline, TimedOut
from shared.protocol import (
    InputSent,
    ReadMode,
    RequestFailed,
    SendInput,
    SessionStarted,
    SessionStopped,
    StartSession,
    StopSession,
)
from tests.faultproxy import FaultProxy, WsFrame
from tests.oauth_support import PASSWORD
from tests.relay_support import (
    Relay,
    Supervisor,
    identity_for,
    running_relay,
    running_supervisor,
    sign_in,
    write_policy,
)
from tests.support import eventually, scaled

PY = sys.executable
# Prints N numbered lines with a checksum each, then DONE, then answers every input line
# once as "GOT <text>" (so a command typed twice would show twice).
PRODUCER = r"""
import sys, termios, zlib
# No terminal echo: typed input must not interleave with the numbered lines.
attrs = termios.tcgetattr(0)
attrs[3] &= ~termios.ECHO
termios.tcsetattr(0, termios.TCSANOW, attrs)
n, width, tag = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
pad = "x" * width
for i in range(n):
    body = f"{tag}:{i}:{pad}"
    sys.stdout.write(f"{body}:{zlib.crc32(body.encode()):08x}\n")
sys.stdout.write("DONE\n")
sys.stdout.flush()
for line in sys.stdin:
    sys.stdout.write("GOT " + line.strip() + "\n")
    sys.stdout.flush()
"""
_starts = itertools.count()
LINE = re.compile(rb"^([A-Za-z0-9]+):(\d+):(x*):([0-9a-f]{8})\r?$")

FAST_RELAY: dict[str, Any] = {
    "heartbeat_interval": 0.2,
    "heartbeat_timeout": 1.5,
    "offline_grace": 1.0,
}


def fast_link() -> dict[str, Any]:
    return {
        "heartbeat_interval": 0.2,
        "heartbeat_timeout": 1.5,
        "hello_timeout": 1.5,
        "backoff": Backoff(
            base=0.05, cap=0.5, stable_after=1.0, try_later=0.2, fast_window=0.1, fast_for=0.5
        ),
    }


@dataclass
class Rig:
    relay: Relay
    sup: Supervisor
    proxy: FaultProxy
    work: Path
    tmp: Path

    @property
    def hub(self) -> Hub:
        return self.relay.hub

    async def start_producer(self, lines: int, width: int = 60, tag: str = "S") -> str:
        reply = await self.hub.call(
            StartSession(
                request_id=f"start-{tag}-{lines}-{next(_starts)}",
                command=[PY, "-c", PRODUCER, str(lines), str(width), tag],
                cwd=str(self.work),
            ),
            host=self.sup.name,
            timeout=scaled(20),
        )
        assert isinstance(reply, SessionStarted), reply
        return reply.session.session_id

    def produced(self, sid: str) -> bytes:
        journal = self.sup.manager.get(sid).journal
        assert journal.start == 0, "the journal dropped bytes: the test produced too much"
        return journal.read(0, journal.end).data

    def stored(self, sid: str) -> bytes:
        return self.hub.store.all_output(sid)

    def check_prefix(self, sid: str) -> bytes:
        stored, produced = self.stored(sid), self.produced(sid)
        assert produced.startswith(stored), (
            f"relay copy of {sid} is not a prefix of the PTY output "
            f"({len(stored)} stored, {len(produced)} produced)"
        )
        return stored

    async def all_delivered(self, sid: str, lines: int, timeout: float = 30) -> bytes:
        """Wait until the relay holds every byte (checking the prefix all along)."""

        def probe() -> bytes | None:
            stored = self.check_prefix(sid)
            produced = self.produced(sid)
            done = b"DONE\r\n" in produced and len(stored) == len(produced)
            return stored if done else None

        stored = await eventually(probe, timeout, f"the relay to hold all output of {sid}")
        check_lines(stored, lines)
        store = self.hub.store.session(sid)
        assert store is not None and store.lost_bytes == 0
        return stored


def check_lines(data: bytes, lines: int, tag: bytes = b"S") -> None:
    """Every numbered line once, in order, with its checksum intact."""
    seen = []
    for raw in data.split(b"\n"):
        match = LINE.match(raw)
        if not match:
            continue
        name, number, pad, crc = match.groups()
        body = b"%s:%s:%s" % (name, number, pad)
        assert int(crc, 16) == zlib.crc32(body), f"line {number!r} is corrupt"
        if name == tag:
            seen.append(int(number))
    assert seen == list(range(lines)), f"lines out of order, missing or doubled: {seen[:20]}..."


@asynccontextmanager
async def rig(
    tmp_path: Path,
    *,
    websocket: bool = False,
    relay_settings: dict[str, Any] | None = None,
    agent: dict[str, Any] | None = None,
    **link: Any,
) -> AsyncIterator[Rig]:
    work = tmp_path / "work"
    work.mkdir(exist_ok=True)
    policy = write_policy(tmp_path / "home/policy.toml", work, commands=f'["{PY}"]')
    async with AsyncExitStack() as stack:
        relay = await stack.enter_async_context(
            running_relay(tmp_path / "relay", **{**FAST_RELAY, **(relay_settings or {})})
        )
        port = int(relay.base.rsplit(":", 1)[1])
        proxy = await stack.enter_async_context(FaultProxy("127.0.0.1", port, websocket=websocket))
        url = f"ws://127.0.0.1:{proxy.port}/supervisor"
        sup = await stack.enter_async_context(
            running_supervisor(
                relay, "laptop", policy, url=url, agent=agent, **{**fast_link(), **link}
            )
        )
        yield Rig(relay, sup, proxy, work, tmp_path)


def is_output(frame: WsFrame) -> bool:
    return frame.is_data and b'"type":"output"' in frame.payload()


def is_command(kind: str) -> Any:
    return lambda frame: frame.is_data and f'"type":"{kind}"'.encode() in frame.payload()


async def send_text(r: Rig, sid: str, rid: str, text: str, timeout: float = 20) -> Any:
    """One send_input; returns the reply or the error it ended with (never hangs)."""
    try:
        return await r.hub.call(
            SendInput(request_id=rid, session_id=sid, text=text),
            session_id=sid,
            timeout=scaled(timeout),
        )
    except (DeliveryUnknown, TimedOut) as exc:
        return exc


def echoes(r: Rig, sid: str, text: str) -> int:
    return r.produced(sid).count(f"GOT {text}".encode())


# ---------------------------------------------------------------- scenarios


async def test_a_reset_mid_stream_reconnects_and_the_relay_copy_ends_equal(tmp_path: Path) -> None:
    async with rig(tmp_path) as r:
        r.proxy.up.throttle = 300_000  # keep the stream in flight long enough to cut it
        sid = await r.start_producer(3000)
        await eventually(lambda: len(r.check_prefix(sid)) > 20_000, 20, "output flowing")
        assert r.proxy.reset_all() >= 1
        r.proxy.up.throttle = None
        await r.all_delivered(sid, 3000)
        assert r.sup.link.links >= 2


async def test_a_short_partition_loses_nothing_and_needs_no_reconnect(tmp_path: Path) -> None:
    async with rig(
        tmp_path, heartbeat_timeout=30.0, relay_settings={"heartbeat_timeout": 30.0}
    ) as r:
        sid = await r.start_producer(100, tag="S")
        await r.all_delivered(sid, 100)
        r.proxy.up.stall = r.proxy.down.stall = True
        reply = asyncio.create_task(send_text(r, sid, "in-partition", "hello"))
        await eventually(lambda: r.hub.pending_count == 1, 10, "the call in flight")
        r.proxy.up.stall = r.proxy.down.stall = False
        assert isinstance(await reply, InputSent)
        await eventually(lambda: echoes(r, sid, "hello") == 1, 10, "the echo")
        await eventually(lambda: r.stored(sid) == r.produced(sid), 10, "the echo stored")
        assert r.sup.link.links == 1 and echoes(r, sid, "hello") == 1


async def test_a_long_partition_is_detected_and_the_call_ends_unknown_with_an_id(
    tmp_path: Path,
) -> None:
    async with rig(tmp_path) as r:
        sid = await r.start_producer(100)
        await r.all_delivered(sid, 100)
        r.proxy.up.stall = r.proxy.down.stall = True
        outcome = await send_text(r, sid, "lost-in-partition", "hello")
        # Detected by the heartbeat, then the grace: not the 20 s call timeout.
        assert isinstance(outcome, DeliveryUnknown), outcome
        assert outcome.request_id == "lost-in-partition"
        [host] = [h for h in await r.hub.hosts() if h.name == "laptop"]
        assert host.online is False
        r.proxy.up.stall = r.proxy.down.stall = False
        await eventually(lambda: r.sup.link.links >= 2, 20, "the supervisor back")
        status = await r.hub.check_delivery("lost-in-partition")
        # The stalled bytes may or may not have reached the supervisor: both are fine,
        # but the answer must be definite now, and the command ran at most once.
        assert status.state in ("done", "unknown"), status
        ran = 1 if status.state == "done" else 0
        await eventually(lambda: echoes(r, sid, "hello") == ran, 10, "the echo count")
        await eventually(lambda: r.stored(sid) == r.produced(sid), 10, "all output stored")


async def test_a_half_open_link_is_found_by_the_heartbeat_and_the_call_runs_once(
    tmp_path: Path,
) -> None:
    # A grace long enough for the redial, so the call is re-sent rather than given up.
    async with rig(tmp_path, relay_settings={"offline_grace": 8.0}) as r:
        sid = await r.start_producer(50)
        await r.all_delivered(sid, 50)
        r.proxy.down.blackhole = True  # relay -> supervisor silently lost; the other way works
        reply = asyncio.create_task(send_text(r, sid, "half-open", "once"))
        await eventually(lambda: not r.sup.link.connected.is_set(), 10, "the dead link noticed")
        r.proxy.down.blackhole = False
        result = await reply
        # The blackholed command never arrived; re-sent with the same id on the new link.
        assert isinstance(result, InputSent), result
        await eventually(lambda: echoes(r, sid, "once") == 1, 10, "the echo")
        assert r.sup.agent.lookup("half-open").state == "done"
        await eventually(lambda: r.stored(sid) == r.produced(sid), 10, "all output stored")
        assert echoes(r, sid, "once") == 1


async def test_a_throttled_link_and_an_output_flood_never_slow_the_program(tmp_path: Path) -> None:
    async with rig(tmp_path) as r:
        r.proxy.up.throttle = 250_000
        sid = await r.start_producer(12_000, width=80)  # ~1.1 MB
        await eventually(lambda: b"DONE\r\n" in r.produced(sid), 20, "the program finished")
        # The program wrote everything while the relay still lags far behind.
        assert len(r.check_prefix(sid)) < len(r.produced(sid))
        r.proxy.up.throttle = 2_000_000
        await r.all_delivered(sid, 12_000, timeout=60)


async def test_an_overflowing_buffer_is_reported_as_one_exact_gap_never_silently(
    tmp_path: Path,
) -> None:
    async with rig(tmp_path, agent={"stream_limit": 64 * 1024}) as r:
        r.proxy.up.close_after = 0  # every connection closes at once: the computer is cut off
        r.proxy.reset_all()
        await eventually(lambda: not r.sup.link.connected.is_set(), 10, "the link down")
        started = await r.sup.agent.handle(
            StartSession(
                request_id="offline-start",
                command=[PY, "-c", PRODUCER, "4000", "60", "S"],  # ~280 KB, 64 KiB kept
                cwd=str(r.work),
            )
        )
        assert isinstance(started, SessionStarted), started
        sid = started.session.session_id
        await eventually(lambda: b"DONE\r\n" in r.produced(sid), 20, "the program finished")
        r.proxy.up.close_after = None
        produced = r.produced(sid)

        def settled() -> list[tuple[int, int]] | None:
            caught_up = r.hub.copies.end(sid) == len(produced)
            return r.hub.copies.gaps(sid) if caught_up else None

        [(start, end)] = await eventually(settled, 20, "the relay caught up")
        assert r.stored(sid) == produced[:start] + produced[end:]
        stored = r.hub.store.session(sid)
        assert stored is not None and stored.lost_bytes == end - start > 0


async def test_a_raw_read_across_a_gap_returns_every_byte_at_its_true_offset(
    tmp_path: Path,
) -> None:
    async with rig(tmp_path, agent={"stream_limit": 16 * 1024}) as r:
        sid = await r.start_producer(10)
        await r.all_delivered(sid, 10)
        r.proxy.up.close_after = 0  # cut off: what follows overflows the 16 KiB buffer
        r.proxy.reset_all()
        await eventually(lambda: not r.sup.link.connected.is_set(), 10, "the link down")
        for n in range(12):
            reply = await r.sup.agent.handle(
                SendInput(request_id=f"fill-{n}", session_id=sid, text=f"{n:02d}" + "y" * 3000)
            )
            assert isinstance(reply, InputSent), reply
        await eventually(lambda: echoes(r, sid, "11") == 1, 20, "the last echo")
        r.proxy.up.close_after = None
        produced = r.produced(sid)

        def settled() -> list[tuple[int, int]] | None:
            caught_up = r.hub.copies.end(sid) == len(produced)
            return r.hub.copies.gaps(sid) if caught_up else None

        [(start, end)] = await eventually(settled, 20, "the relay caught up")
        assert 0 < start < end < len(produced)
        # A raw read from 0 stops at the gap; the next read starts after it and counts it.
        first = await r.hub.stored_logs(sid, ReadMode.RAW, 0, len(produced))
        assert first is not None and (first.start, first.end, first.dropped) == (0, start, 0)
        assert first.text.encode() == produced[:start]
        rest = await r.hub.stored_logs(sid, ReadMode.RAW, first.end, len(produced))
        assert rest is not None and (rest.start, rest.dropped) == (end, end - start)
        assert rest.text.encode() == produced[end:]


async def test_a_busy_client_is_never_refused_for_the_number_of_recent_requests(
    tmp_path: Path,
) -> None:
    async with rig(tmp_path) as r:
        sid = await r.start_producer(1)

        async def send(n: int) -> Any:
            # The line ends in the text itself: no pause before a separate Enter.
            command = SendInput(request_id=f"busy-{n}", session_id=sid, text=f"b{n}\n", enter=False)
            return await r.hub.call(command, session_id=sid, timeout=scaled(20))

        for n in range(1100):  # more than the 1,024 a count-bounded ledger allowed in 600 s
            reply = await send(n)
            assert isinstance(reply, InputSent), reply
        await eventually(lambda: echoes(r, sid, "b1099") == 1, 20, "the last echo")
        assert r.sup.agent.ledger.remembers_all()
        # Every one of them is still known: a retry is answered, never run again.
        assert isinstance(await send(0), InputSent) and echoes(r, sid, "b0") == 1


async def test_ended_sessions_output_is_deleted_past_the_retention_and_live_ones_kept(
    tmp_path: Path,
) -> None:
    # Keep at most ~100 KB of ended sessions' output; check every 50 ms.
    settings = {"retention": Retention(max_age=3600.0, max_bytes=100_000), "prune_interval": 0.05}
    async with rig(tmp_path, relay_settings=settings) as r:
        ended = []
        for n in range(4):  # ~63 KB each: together far beyond the limit
            sid = await r.start_producer(1000, tag="S")
            await r.all_delivered(sid, 1000)
            stopped = await r.hub.call(
                StopSession(request_id=f"end-{n}", session_id=sid), session_id=sid, timeout=20
            )
            assert isinstance(stopped, SessionStopped), stopped
            ended.append(sid)
        live = await r.start_producer(1000, tag="S")
        await r.all_delivered(live, 1000)

        def kept() -> list[str] | None:
            have = [sid for sid in ended if r.hub.store.session(sid) is not None]
            return have if len(have) == 1 else None

        # Only the newest ended session fits; the live one is never pruned.
        assert await eventually(kept, 20, "the oldest ended sessions deleted") == [ended[-1]]
        assert r.hub.store.session(live) is not None and len(r.stored(live)) > 60_000


async def test_duplicated_and_dropped_frames_change_nothing(tmp_path: Path) -> None:
    async with rig(tmp_path, websocket=True) as r:
        r.proxy.up.frame_filter = is_output
        r.proxy.up.duplicate_frames = 5
        # ~560 KB: at least nine output frames of at most 64 KiB, so five can be duplicated.
        sid = await r.start_producer(8000)
        await r.all_delivered(sid, 8000)
        assert len(r.proxy.up.duplicated) == 5
        # A lost output frame: the next one is ahead, the relay asks for a resend.
        r.proxy.up.drop_frames = 3
        await send_text(r, sid, "make-output", "more")
        await eventually(lambda: echoes(r, sid, "more") == 1, 10, "the echo")
        for n in range(3):
            assert isinstance(await send_text(r, sid, f"pad-{n}", f"pad{n}"), InputSent)
        await eventually(lambda: r.stored(sid) == r.produced(sid), 20, "resent after the drop")
        assert len(r.proxy.up.dropped) == 3
        # A command frame delivered twice runs once.
        r.proxy.down.frame_filter = is_command("send_input")
        r.proxy.down.duplicate_frames = 1
        assert isinstance(await send_text(r, sid, "twice-on-the-wire", "dup"), InputSent)
        await eventually(lambda: echoes(r, sid, "dup") == 1, 10, "the echo")
        await eventually(lambda: r.stored(sid) == r.produced(sid), 10, "the echo stored")
        assert echoes(r, sid, "dup") == 1 and len(r.proxy.down.duplicated) == 1
        # A lost reply: the call ends with its id, and the look-up finds the one run.
        r.proxy.up.frame_filter = is_command("input_sent")
        r.proxy.up.drop_frames = 1
        outcome = await send_text(r, sid, "reply-lost", "noreply", timeout=2)
        assert isinstance(outcome, TimedOut) and "reply-lost" in str(outcome)
        status = await r.hub.check_delivery("reply-lost")
        assert status.state == "done" and status.reply is not None
        assert status.reply["type"] == "input_sent"
        await eventually(lambda: echoes(r, sid, "noreply") == 1, 10, "the echo")


class RecordingRandom:
    """The worst case of full jitter (the top of every range), with each range kept."""

    def __init__(self) -> None:
        self.ranges: list[tuple[float, float]] = []

    def uniform(self, a: float, b: float) -> float:
        self.ranges.append((a, b))
        return b


async def test_a_short_outage_is_retried_within_a_second_and_the_link_comes_back(
    tmp_path: Path,
) -> None:
    rng = RecordingRandom()
    # The shipped reconnect policy, with every link counted as stable at once.
    backoff = Backoff(stable_after=0.0, rng=rng)
    async with rig(tmp_path, backoff=backoff) as r:
        first = r.sup.link.attempts
        r.proxy.up.close_after = 0  # the relay is unreachable: every dial fails
        r.proxy.reset_all()
        await eventually(lambda: r.sup.link.attempts >= first + 6, 30, "five failed dials")
        # However many dials failed, the next one is at most a second away...
        assert backoff.attempt == 0 and rng.ranges and max(b for _, b in rng.ranges) <= 1.0
        r.proxy.up.close_after = None
        links = r.sup.link.links
        # ...so the link is back within about a second of the relay being reachable.
        await eventually(lambda: r.sup.link.links > links, 30, "the link back")
        assert r.sup.link.connected.is_set()


async def test_accept_then_close_flapping_keeps_backing_off(tmp_path: Path) -> None:
    async with rig(tmp_path) as r:
        first = r.sup.link.links
        # From now on every connection carries the handshake and a little more, then closes.
        r.proxy.down.close_after = 700  # the challenge (with the relay's proof) and welcome fit
        r.proxy.reset_all()
        # Past the outage's fast phase, short links never reset the counter: a
        # reset-on-open backoff would be back at attempt 1 after every handshake.
        await eventually(lambda: r.sup.link.backoff.attempt >= 4, 30, "a growing backoff")
        assert r.sup.link.links >= first + 4
        r.proxy.down.close_after = None
        r.proxy.reset_all()
        await eventually(lambda: r.sup.link.connected.is_set(), 30, "a stable link again")


async def test_the_relay_restarting_says_come_back_later_and_keeps_acknowledged_output(
    tmp_path: Path,
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    policy = write_policy(tmp_path / "home/policy.toml", work, commands=f'["{PY}"]')
    first = running_relay(tmp_path / "relay", **FAST_RELAY)
    relay = await first.__aenter__()
    port = int(relay.base.rsplit(":", 1)[1])
    try:
        async with running_supervisor(relay, "laptop", policy, **fast_link()) as sup:
            r = Rig(relay, sup, None, work, tmp_path)  # type: ignore[arg-type]
            sid = await r.start_producer(500)
            await r.all_delivered(sid, 500)
            held = r.stored(sid)
            await first.__aexit__(None, None, None)
            await eventually(lambda: sup.link.last_close_code == 1012, 10, "close code 1012")
            await sup.agent.handle(SendInput(request_id="while-away", session_id=sid, text="x1"))
            async with running_relay(tmp_path / "relay", port=port, **FAST_RELAY) as again:
                # The store survived: metadata and every acknowledged byte.
                assert again.hub.store.all_output(sid).startswith(held)
                assert again.hub.store.session(sid) is not None
                r.relay = again
                await eventually(lambda: sup.link.connected.is_set(), 20, "reconnected")
                await eventually(lambda: r.stored(sid) == r.produced(sid), 20, "resumed output")
                assert echoes(r, sid, "x1") == 1
                check_lines(r.stored(sid), 500)
    finally:
        await first.__aexit__(None, None, None)


async def test_an_mcp_client_that_disconnects_mid_call_does_not_cancel_the_command(
    tmp_path: Path,
) -> None:
    async with rig(tmp_path) as r:
        sid = await r.start_producer(10)
        await r.all_delivered(sid, 10)
        r.proxy.down.delay = 0.5  # keep the command in flight while the client leaves
        client = Client(r.relay.mcp, auth=r.relay.token, timeout=scaled(30))
        async with client:
            call = asyncio.create_task(
                client.call_tool("send_message", {"session_id": sid, "text": "bye"})
            )
            await eventually(lambda: r.hub.pending_count == 1, 10, "the call in flight")
            call.cancel()
            await asyncio.gather(call, return_exceptions=True)
        r.proxy.down.delay = 0.0
        await eventually(lambda: echoes(r, sid, "bye") == 1, 10, "the command ran anyway")
        [(rid, host, kind, _)] = [x for x in r.hub.recent_requests() if x[2] == "send_input"]

        async def done() -> DeliveryStatus | None:
            status = await r.hub.check_delivery(rid)
            return status if status.state == "done" else None

        status: DeliveryStatus = await eventually(done, 10, "the outcome known")
        assert host == "laptop" and status.reply and status.reply["type"] == "input_sent"
        assert echoes(r, sid, "bye") == 1


def fill_up(db: Any, grow: Any) -> None:
    """Make ``db`` (a sqlite3 connection) full: cap its pages, then grow it until refused."""
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")
    for n in range(10_000):
        try:
            grow(n)
        except Exception:
            return
    raise AssertionError("the database never filled up")


async def test_a_full_disk_never_turns_a_message_that_was_typed_into_an_error(
    tmp_path: Path,
) -> None:
    async with rig(tmp_path) as r:
        sid = await r.start_producer(10)
        await r.all_delivered(sid, 10)
        audit = r.relay.app.state.audit
        fill_up(
            audit._db._db,
            lambda n: audit.record(actor="t", kind="t", action="fill", result="x" * 500),
        )
        store = r.hub.store  # the same relay.sqlite3 as the audit log: full already
        fill_up(
            store._db._db,
            lambda n: store.append_output("sess-filler0001", "x", n * 4096, b"f" * 4096, 0.0),
        )
        async with Client(r.relay.mcp, auth=r.relay.token, timeout=scaled(30)) as client:
            answer = await client.call_tool(
                "send_message", {"session_id": sid, "text": "full", "wait_seconds": 1}
            )
        assert not answer.is_error
        await eventually(lambda: echoes(r, sid, "full") == 1, 10, "the message typed once")


async def test_a_drop_while_send_message_waits_reports_the_text_typed_under_its_own_id(
    tmp_path: Path,
) -> None:
    async with rig(tmp_path) as r:
        sid = await r.start_producer(10)
        await r.all_delivered(sid, 10)
        async with Client(r.relay.mcp, auth=r.relay.token, timeout=scaled(60)) as client:
            call = asyncio.create_task(
                client.call_tool(
                    "send_message", {"session_id": sid, "text": "typed", "wait_seconds": 20}
                )
            )
            # The text is typed and the call now waits for the session: cut the link for good.
            await eventually(lambda: echoes(r, sid, "typed") == 1, 10, "the text typed")
            await eventually(
                lambda: any(x[2] == "wait_for_session" for x in r.hub.recent_requests()),
                10,
                "the wait under way",
            )
            r.proxy.up.close_after = 0
            r.proxy.reset_all()
            answer = await call
        assert not answer.is_error, answer
        sent = answer.structured_content
        assert sent["bytes_written"] > 0 and "was typed" in sent["next_step"]
        rid = sent["request_id"]
        assert rid in sent["next_step"] and "wait_for_session" not in sent["next_step"]
        r.proxy.up.close_after = None
        await eventually(lambda: r.sup.link.connected.is_set(), 20, "the link back")

        async def done() -> DeliveryStatus | None:
            status = await r.hub.check_delivery(rid)
            return status if status.state == "done" else None

        status: DeliveryStatus = await eventually(done, 20, "check_delivery to find the typing")
        assert status.reply is not None and status.reply["type"] == "input_sent"
        assert echoes(r, sid, "typed") == 1


# ---------------------------------------------------------------- real processes killed

REPO = Path(__file__).resolve().parents[1]
# Ignores SIGHUP, as a program that outlives its terminal would: only the reaper stops it.
SLEEPER = (
    "import signal, sys, time\n"
    "signal.signal(signal.SIGHUP, signal.SIG_IGN)\n"
    "sys.stdout.write('READY\\n'); sys.stdout.flush()\n"
    "while True:\n"
    "    time.sleep(1)\n"  # noqa: sleep-ok - the child program idles; the test does not sleep
)


# Starts a grandchild in a session of its own (as a daemon does), then idles like SLEEPER.
SPAWNER = (
    "import signal, subprocess, sys, time\n"
    "signal.signal(signal.SIGHUP, signal.SIG_IGN)\n"
    f"child = subprocess.Popen([sys.executable, '-c', {SLEEPER!r}], start_new_session=True,\n"
    "    stdout=subprocess.DEVNULL)\n"
    "sys.stdout.write(f'GRANDCHILD {child.pid}\\n'); sys.stdout.flush()\n"
    "while True:\n"
    "    time.sleep(1)\n"  # noqa: sleep-ok - the child program idles; the test does not sleep
)
GRANDCHILD = re.compile(rb"GRANDCHILD (\d+)")


def running(pid: int) -> bool:
    """Alive and not a zombie."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat[stat.rfind(")") + 2 :].split()[0] not in ("Z", "X")


def zombie_children() -> list[int]:
    """Direct children of this test process that exited and were never reaped."""
    zombies = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
        if fields[0] == "Z" and int(fields[1]) == os.getpid():
            zombies.append(int(entry.name))
    return zombies


async def start_supervisor_process(
    relay: Relay,
    home: Path,
    pair_code: str | None = None,
    url: str | None = None,
    log: Path | None = None,
) -> asyncio.subprocess.Process:
    """``url``: dial this (a fault proxy) instead; the supervisor still signs for the relay.
    ``log``: append the supervisor's DEBUG log there (for a failing test's message)."""
    env = dict(os.environ, TETHER_HOME=str(home), PYTHONPATH=str(REPO))
    if pair_code is not None:
        env["TETHER_PAIR_CODE"] = pair_code
    if url is not None:
        env["TETHER_RELAY_ORIGIN"] = relay.ws
    sink = log.open("ab") if log is not None else None
    try:
        return await _spawn_supervisor(relay, env, url, sink)
    finally:
        if sink is not None:
            sink.close()  # the child holds its own copy


async def _spawn_supervisor(
    relay: Relay, env: dict[str, str], url: str | None, sink: BinaryIO | None
) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        PY,
        "-m",
        "supervisor",
        "--log-level",
        "WARNING" if sink is None else "DEBUG",
        "up",
        "--relay",
        url or relay.ws,
        "--name",
        "laptop",
        cwd=str(REPO),
        env=env,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL if sink is None else sink,
    )


@contextlib.contextmanager
def showing_log(log: Path) -> Iterator[None]:
    """Add the supervisor's log (``start_supervisor_process(log=...)``) to a failing
    assertion's message: a wait that ran out says why only there."""
    try:
        yield
    except AssertionError as exc:
        text = log.read_text(errors="replace") if log.exists() else "(nothing was logged)"
        raise AssertionError(f"{exc}\nthe supervisor's log (its end):\n{text[-20000:]}") from None


async def online(relay: Relay, name: str, want: bool = True) -> bool:
    return any(h.name == name and h.online == want for h in await relay.hub.hosts())


async def test_a_supervisor_killed_and_restarted_reaps_its_orphans_and_reports_them_ended(
    tmp_path: Path,
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    home = tmp_path / "home"
    write_policy(home / "policy.toml", work, commands=f'["{PY}"]')
    log = tmp_path / "supervisor.log"
    procs: list[asyncio.subprocess.Process] = []
    orphan = grandchild = 0
    try:
        async with running_relay(tmp_path / "relay", **FAST_RELAY) as relay:
            code = relay.registry.create_pair_code().code
            procs.append(await start_supervisor_process(relay, home, code, log=log))
            await eventually(lambda: online(relay, "laptop"), 20, "the supervisor online")  # type: ignore[arg-type]
            started = await relay.hub.call(
                StartSession(request_id="spawner", command=[PY, "-c", SPAWNER], cwd=str(work)),
                host="laptop",
                timeout=scaled(20),
            )
            assert isinstance(started, SessionStarted), started
            sid = started.session.session_id

            def grandchild_pid() -> int | None:
                match = GRANDCHILD.search(relay.hub.store.all_output(sid))
                return int(match.group(1)) if match else None

            grandchild = await eventually(grandchild_pid, 20, "the grandchild's pid")
            record = home / "sessions" / f"{sid}.json"
            orphan = int(json.loads(record.read_text())["pid"])
            assert running(orphan) and running(grandchild)

            procs[0].send_signal(signal.SIGKILL)
            await asyncio.wait_for(procs[0].wait(), scaled(10))
            await eventually(lambda: online(relay, "laptop", want=False), 10, "offline")  # type: ignore[arg-type]
            assert running(orphan), "the program should outlive a SIGKILLed supervisor"
            assert running(grandchild), "so should its grandchild in a session of its own"
            # While the computer is down, the listing says what is known, not a stale state.
            async with Client(relay.mcp, auth=relay.token) as client:
                down = (await client.call_tool("list_sessions", {})).structured_content
            [listed] = [x for x in down["sessions"] if x["session_id"] == sid]
            assert "no output yet" not in listed["state_reason"]
            assert "offline" in listed["state_reason"] and "printed" in listed["state_reason"]

            procs.append(await start_supervisor_process(relay, home, log=log))
            with showing_log(log):
                await eventually(lambda: online(relay, "laptop"), 20, "the supervisor back")  # type: ignore[arg-type]
            await eventually(lambda: not running(orphan), 10, "the orphan reaped")
            await eventually(lambda: not running(grandchild), 10, "the setsid grandchild ended")
            # The session outlives its supervisor's process: listed as ended, with why,
            # and its output readable from the relay's copy.
            async with Client(relay.mcp, auth=relay.token) as client:
                back = (
                    await client.call_tool("list_sessions", {"include_ended": True})
                ).structured_content
                logs = (
                    await client.call_tool("get_logs", {"session_id": sid, "mode": "raw"})
                ).structured_content
            [ended] = [x for x in back["sessions"] if x["session_id"] == sid]
            assert ended["state"] == "exited" and "supervisor restarted" in ended["state_reason"]
            assert logs["source"] == "relay_copy" and "GRANDCHILD" in logs["text"]
            assert "no longer has this session" in logs["note"]
            assert not record.exists()
            stored = relay.hub.store.session(sid)
            assert stored is not None and stored.info is not None
            assert stored.info.state == "exited"
            assert "supervisor restarted" in stored.info.state_reason
            [host] = [h for h in await relay.hub.hosts() if h.name == "laptop"]
            assert host.session_count == 0
    finally:
        for proc in procs:
            if proc.returncode is None:
                proc.terminate()
                await asyncio.wait_for(proc.wait(), scaled(20))
        for pid in (orphan, grandchild):
            if pid and running(pid):
                os.kill(pid, signal.SIGKILL)
    assert zombie_children() == []


async def test_a_clean_stop_of_the_supervisor_ends_every_descendant_of_its_sessions(
    tmp_path: Path,
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    home = tmp_path / "home"
    write_policy(home / "policy.toml", work, commands=f'["{PY}"]')
    proc: asyncio.subprocess.Process | None = None
    pids: list[int] = []
    try:
        async with running_relay(tmp_path / "relay", **FAST_RELAY) as relay:
            code = relay.registry.create_pair_code().code
            proc = await start_supervisor_process(relay, home, code)
            await eventually(lambda: online(relay, "laptop"), 20, "the supervisor online")  # type: ignore[arg-type]
            sids = []
            for n in range(2):
                started = await relay.hub.call(
                    StartSession(request_id=f"sp-{n}", command=[PY, "-c", SPAWNER], cwd=str(work)),
                    host="laptop",
                    timeout=scaled(20),
                )
                assert isinstance(started, SessionStarted), started
                sids.append(started.session.session_id)

            def grandchildren() -> list[int] | None:
                found = [GRANDCHILD.search(relay.hub.store.all_output(sid)) for sid in sids]
                return [int(m.group(1)) for m in found if m] if all(found) else None

            pids = await eventually(grandchildren, 20, "both grandchildren's pids")
            # The first session is stopped through the relay: its whole tree ends.
            stopped = await relay.hub.call(
                StopSession(request_id="stop-0", session_id=sids[0]),
                session_id=sids[0],
                timeout=scaled(20),
            )
            assert isinstance(stopped, SessionStopped), stopped
            await eventually(lambda: not running(pids[0]), 10, "the first grandchild ended")
            assert running(pids[1])
            # A clean SIGTERM of the supervisor ends the rest.
            proc.send_signal(signal.SIGTERM)
            assert await asyncio.wait_for(proc.wait(), scaled(20)) == 0
            await eventually(lambda: not running(pids[1]), 10, "the second grandchild ended")
    finally:
        if proc is not None and proc.returncode is None:
            proc.kill()
            await proc.wait()
        for pid in pids:
            if running(pid):
                os.kill(pid, signal.SIGKILL)
    assert zombie_children() == []


async def start_relay_process(data: Path, port: int) -> tuple[asyncio.subprocess.Process, int]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    env[PASSWORD_ENV] = PASSWORD
    proc = await asyncio.create_subprocess_exec(
        PY,
        "-m",
        "server",
        "--port",
        str(port),
        "--data-dir",
        str(data),
        "--log-level",
        "warning",
        cwd=str(REPO),
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
    )
    assert proc.stdout is not None
    # A bound, not a speed test: on two busy cores a relay took over 20 s to start.
    async with asyncio.timeout(scaled(90)):
        while True:
            line = (await proc.stdout.readline()).decode()
            assert line, "the relay exited before printing its banner"
            if "Supervisor URL:" in line:
                return proc, int(line.rsplit(":", 1)[1].split("/")[0])


@dataclass
class RelayProcess:
    """A relay in a process of its own over one data directory, so a test can SIGKILL it;
    a restart keeps its port, as a real relay behind a fixed address does."""

    data: Path
    port: int = 0
    proc: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        self.proc, self.port = await start_relay_process(self.data, self.port)

    async def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        await asyncio.wait_for(self.proc.wait(), scaled(10))

    async def stop(self) -> None:
        if self.proc is not None and self.proc.returncode is None:
            self.proc.terminate()
            await asyncio.wait_for(self.proc.wait(), scaled(20))


@asynccontextmanager
async def relay_process(data: Path) -> AsyncIterator[RelayProcess]:
    relay = RelayProcess(data)
    try:
        await relay.start()
        yield relay
    finally:
        await relay.stop()


async def test_a_relay_killed_with_sigkill_keeps_every_acknowledged_byte_and_resumes(
    tmp_path: Path,
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    policy = write_policy(tmp_path / "home/policy.toml", work, commands=f'["{PY}"]')
    data = tmp_path / "relay"
    async with relay_process(data) as relay:
        port = relay.port
        token = await sign_in(f"http://127.0.0.1:{port}")
        code = await admin(data, "pair-code")
        async with FaultProxy("127.0.0.1", port) as proxy:
            url = f"ws://127.0.0.1:{proxy.port}/supervisor"
            relay_url = f"ws://127.0.0.1:{port}/supervisor"
            async with running_supervisor_no_hub(url, policy, relay_url, code) as sup:
                proxy.up.throttle = 200_000
                script = work / "producer.py"
                script.write_text(PRODUCER)
                async with Client(f"http://127.0.0.1:{port}/mcp", auth=token) as client:
                    created = await client.call_tool(
                        "create_session",
                        {"command": [PY, str(script), "6000", "60", "S"], "cwd": str(work)},
                    )
                sid = created.structured_content["session"]["session_id"]
                journal = sup.manager.get(sid).journal
                store = SessionStore(data / "relay.sqlite3")
                try:
                    await eventually(
                        lambda: len(store.all_output(sid)) > 50_000, 20, "output stored"
                    )
                    acked = sup.agent.outbox.sender(sid)
                    assert acked is not None
                    await relay.kill()
                    held = store.all_output(sid)
                    # Everything the supervisor let go of (acked) is in the file.
                    assert len(held) >= acked.acked
                    assert journal.read(0, journal.end).data.startswith(held)
                    proxy.up.throttle = None
                    await relay.start()

                    def equal() -> bool:
                        stored = store.all_output(sid)
                        produced = journal.read(0, journal.end).data
                        assert produced.startswith(stored)
                        return b"DONE\r\n" in produced and stored == produced

                    await eventually(equal, 30, "the restarted relay to hold all output")
                    check_lines(store.all_output(sid), 6000)
                finally:
                    store.close()


async def test_a_call_cut_by_a_relay_sigkill_repeated_with_its_client_key_runs_once(
    tmp_path: Path,
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    policy = write_policy(tmp_path / "home/policy.toml", work, commands=f'["{PY}"]')
    data = tmp_path / "relay"
    async with relay_process(data) as relay:
        port = relay.port
        token = await sign_in(f"http://127.0.0.1:{port}")
        code = await admin(data, "pair-code")
        url = f"ws://127.0.0.1:{port}/supervisor"
        mcp = f"http://127.0.0.1:{port}/mcp"
        async with running_supervisor_no_hub(url, policy, url, code) as sup:
            script = work / "producer.py"
            script.write_text(PRODUCER)
            async with Client(mcp, auth=token) as client:
                created = await client.call_tool(
                    "create_session",
                    {"command": [PY, str(script), "1", "10", "S"], "cwd": str(work)},
                )
            sid = created.structured_content["session"]["session_id"]
            journal = sup.manager.get(sid).journal
            key = {
                "session_id": sid,
                "text": "once",
                "wait_seconds": 20,
                "client_key": "k-once-0001",
            }

            def typed() -> int:
                return journal.read(0, journal.end).data.count(b"GOT once")

            client = Client(mcp, auth=token, timeout=scaled(60))
            await client.__aenter__()  # type: ignore[no-untyped-call]
            call = asyncio.create_task(client.call_tool("send_message", key))
            await eventually(lambda: typed() == 1, 20, "the text typed")
            await relay.kill()  # the relay dies mid-call
            lost = await asyncio.gather(call, return_exceptions=True)
            assert isinstance(lost[0], BaseException)  # a transport error, no id at all
            with contextlib.suppress(Exception):  # the session's own goodbye fails too
                await client.__aexit__(None, None, None)  # type: ignore[no-untyped-call]
            await relay.start()
            await eventually(lambda: sup.link.connected.is_set(), 30, "the supervisor back")
            token = await sign_in(f"http://127.0.0.1:{port}")
            async with Client(mcp, auth=token, timeout=scaled(60)) as client:
                again = await client.call_tool("send_message", key)
                third = await client.call_tool("send_message", key)
                other = await client.call_tool(
                    "send_message", {**key, "text": "different"}, raise_on_error=False
                )
            assert not again.is_error and again.structured_content["bytes_written"] > 0
            assert third.structured_content == again.structured_content  # stored outcome
            assert other.is_error and "already used" in other.content[0].text
            assert typed() == 1


async def admin(data: Path, *args: str) -> str:
    """Run ``python -m server <args> --data-dir data`` (the owner's CLI); its stdout."""
    proc = await asyncio.create_subprocess_exec(
        PY,
        "-m",
        "server",
        *args,
        "--data-dir",
        str(data),
        cwd=str(REPO),
        env=dict(os.environ, PYTHONPATH=str(REPO)),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
    )
    out, _ = await asyncio.wait_for(proc.communicate(), scaled(90))  # a bound, as above
    assert proc.returncode == 0, out
    return out.decode().strip()


@asynccontextmanager
async def running_supervisor_no_hub(
    url: str, policy: Path, relay_url: str, pair_code: str
) -> AsyncIterator[Supervisor]:
    """A supervisor in this loop for a relay in another process (no hub to poll).

    It dials ``url`` (a fault proxy) but signs for ``relay_url``, as through a tunnel."""
    from supervisor.command_runner import CommandRunner
    from supervisor.connection import RelayConnection
    from supervisor.reaper import Reaper
    from supervisor.session_manager import SessionManager

    manager = SessionManager(policy_file=policy)
    agent = CommandRunner(manager, reaper=Reaper(policy.parent))
    link = RelayConnection(
        url,
        "laptop",
        identity_for(policy, "laptop"),
        agent,
        pair_code=pair_code,
        origin_url=relay_url,
        **fast_link(),
    )
    task = asyncio.create_task(link.run_forever())
    try:
        await asyncio.wait_for(link.connected.wait(), scaled(20))
        yield Supervisor("laptop", link, manager, task, agent)
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        await manager.close_all()


# ---------------------------------------------------------------- soak (opt-in: -m soak)

SOAK_SECONDS = float(os.environ.get("TETHER_SOAK_SECONDS", "120"))


@pytest.mark.soak
@pytest.mark.timeout(int(SOAK_SECONDS * 3 + 300))
async def test_soak_mixed_faults_lose_and_double_nothing(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if "soak" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("a minutes-long run: select it with -m soak (TETHER_SOAK_SECONDS sets it)")
    import random

    rng = random.Random(int(os.environ.get("TETHER_SOAK_SEED", "5")))
    faults: dict[str, int] = {}
    outcomes: dict[str, str] = {}  # request id -> ok | failed | unknown
    texts: dict[str, tuple[str, str]] = {}  # request id -> (session id, text)
    sessions: list[tuple[str, int]] = []
    loop = asyncio.get_running_loop()
    async with rig(tmp_path, websocket=True) as r:
        deadline = loop.time() + SOAK_SECONDS
        n = 0

        async def command(sid: str) -> None:
            nonlocal n
            n += 1
            rid, text = f"soak-{n}", f"c{n}"
            texts[rid] = (sid, text)
            try:
                result = await send_text(r, sid, rid, text, timeout=15)
            except HostOffline:
                outcomes[rid] = "not_delivered"  # definite: refused before sending
                return
            outcomes[rid] = (
                "ok"
                if isinstance(result, InputSent)
                else "failed"
                if isinstance(result, RequestFailed)
                else "unknown"
            )

        while loop.time() < deadline:
            if len(sessions) < 3 or rng.random() < 0.05:
                lines = rng.choice([200, 2000, 8000])
                if len(sessions) < 4:  # the policy allows 4
                    try:
                        sid = await r.start_producer(lines, width=rng.randint(10, 120))
                        sessions.append((sid, lines))
                    except (DeliveryUnknown, TimedOut, HostOffline):
                        faults["start_not_ok"] = faults.get("start_not_ok", 0) + 1
            fault = rng.choice(
                ["reset", "stall", "drop", "duplicate", "throttle", "half_open", "none"]
            )
            faults[fault] = faults.get(fault, 0) + 1
            if fault == "reset":
                r.proxy.reset_all()
            elif fault == "stall":
                r.proxy.up.stall = r.proxy.down.stall = True
            elif fault == "drop":
                r.proxy.up.frame_filter = is_output
                r.proxy.up.drop_frames = rng.randint(1, 4)
            elif fault == "duplicate":
                r.proxy.up.frame_filter = lambda f: f.is_data
                r.proxy.down.frame_filter = lambda f: f.is_data
                r.proxy.up.duplicate_frames = rng.randint(1, 4)
                r.proxy.down.duplicate_frames = rng.randint(1, 4)
            elif fault == "throttle":
                r.proxy.up.throttle = rng.choice([50_000, 200_000, 1_000_000])
            elif fault == "half_open":
                r.proxy.down.blackhole = True
            # Type only into programs that turned their echo off (they printed DONE).
            live = [sid for sid, _ in sessions if b"DONE\r\n" in r.produced(sid)]
            if live:
                await asyncio.gather(*(command(rng.choice(live)) for _ in range(rng.randint(1, 4))))
            await asyncio.sleep(rng.uniform(0.1, 1.5))  # noqa: sleep-ok - pacing of the fault schedule
            r.proxy.up.stall = r.proxy.down.stall = False
            r.proxy.down.blackhole = False
            r.proxy.up.throttle = None
            r.proxy.up.drop_frames = r.proxy.up.duplicate_frames = 0
            r.proxy.down.duplicate_frames = 0

        await eventually(lambda: r.sup.link.connected.is_set(), 60, "a link at the end")
        for sid, _ in sessions:
            await eventually(
                lambda sid=sid: r.stored(sid) == r.produced(sid), 120, f"{sid} fully stored"
            )
        produced = stored = lost = 0
        for sid, lines in sessions:
            check_lines(r.stored(sid), lines)
            kept = r.hub.store.session(sid)
            assert kept is not None
            lost += kept.lost_bytes
            produced += len(r.produced(sid))
            stored += len(r.stored(sid))
        doubled = 0
        resolved = {"done": 0, "unknown": 0}
        for rid, (sid, text) in texts.items():
            count = r.produced(sid).count(f"GOT {text}\r\n".encode())
            doubled += count > 1
            if outcomes.get(rid) == "ok":
                assert count == 1, f"{rid} answered ok but ran {count} times"
            elif outcomes.get(rid) == "not_delivered":
                assert count == 0, f"{rid} was refused as offline but ran {count} times"
            elif outcomes.get(rid) == "unknown":
                status = await r.hub.check_delivery(rid)
                assert status.state in ("done", "unknown"), status
                resolved[status.state] += 1
                assert count == (1 if status.state == "done" else 0), (rid, status, count)
        figures = {
            "seconds": SOAK_SECONDS,
            "sessions": len(sessions),
            "bytes_produced": produced,
            "bytes_stored": stored,
            "bytes_lost": lost,
            "bytes_duplicated": stored - produced + lost,
            "commands": len(texts),
            "ok": sum(1 for o in outcomes.values() if o == "ok"),
            "refused_offline": sum(1 for o in outcomes.values() if o == "not_delivered"),
            "unknown_then_done": resolved["done"],
            "unknown_then_never_ran": resolved["unknown"],
            "double_applied": doubled,
            "links": r.sup.link.links,
            "faults": faults,
        }
        print("\nSOAK FIGURES", json.dumps(figures, sort_keys=True))
        assert lost == 0 and stored == produced and doubled == 0


def lines_prefix(data: bytes, tag: bytes = b"S") -> int:
    """How many numbered lines ``data`` holds, checking they are 0..n-1, once, intact."""
    seen = []
    for raw in data.split(b"\n"):
        match = LINE.match(raw)
        if match:
            name, number, pad, crc = match.groups()
            assert int(crc, 16) == zlib.crc32(b"%s:%s:%s" % (name, number, pad)), "corrupt line"
            if name == tag:
                seen.append(int(number))
    assert seen == list(range(len(seen))), f"lines missing or doubled: {seen[:20]}..."
    return len(seen)


@pytest.mark.soak
@pytest.mark.timeout(int(SOAK_SECONDS * 3 + 300))
async def test_soak_relay_and_supervisor_sigkills_lose_and_double_nothing(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """Real processes killed at random: keyed commands run once, stored output stays whole."""
    if "soak" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("a minutes-long run: select it with -m soak (TETHER_SOAK_SECONDS sets it)")
    import random

    rng = random.Random(int(os.environ.get("TETHER_SOAK_SEED", "5")))
    work = tmp_path / "work"
    work.mkdir()
    home = tmp_path / "home"
    write_policy(home / "policy.toml", work, commands=f'["{PY}"]')
    script = work / "producer.py"
    script.write_text(PRODUCER)
    data = tmp_path / "relay"
    relay = RelayProcess(data)
    await relay.start()
    port = relay.port
    mcp = f"http://127.0.0.1:{port}/mcp"
    code = await admin(data, "pair-code")
    relay_info = Relay(f"http://127.0.0.1:{port}", None, None, "")  # type: ignore[arg-type]
    sup = await start_supervisor_process(relay_info, home, code)
    faults = {"relay_sigkill": 0, "supervisor_sigkill": 0, "none": 0}
    keyed: dict[str, tuple[str, str, str]] = {}  # key -> (session id, text, outcome)
    sessions: list[str] = []
    loop = asyncio.get_running_loop()
    deadline = loop.time() + SOAK_SECONDS
    n = 0
    fresh = True

    token = [await sign_in(f"http://127.0.0.1:{port}")]

    async def tool(name: str, args: dict[str, Any], tries: int = 8) -> dict[str, Any] | None:
        """Call ``name`` (with its client_key) until it answers; None if it never did."""
        for _ in range(tries):
            try:
                async with Client(mcp, auth=token[0], timeout=scaled(30)) as client:
                    result = await client.call_tool(name, args, raise_on_error=False)
                if not result.is_error:
                    content: dict[str, Any] = result.structured_content or {}
                    return content
                if "offline" not in result.content[0].text:
                    return {"error": result.content[0].text}
            except Exception:  # the relay is down or restarting: the same key again
                with contextlib.suppress(Exception):
                    token[0] = await sign_in(f"http://127.0.0.1:{port}")
            await asyncio.sleep(1.0)  # noqa: sleep-ok - pacing of retries while a relay restarts
        return None

    try:
        while loop.time() < deadline:
            n += 1
            if fresh or rng.random() < 0.2:
                fresh = False
                made = await tool(
                    "create_session",
                    {
                        "command": [PY, str(script), str(rng.choice([200, 2000])), "60", "S"],
                        "cwd": str(work),
                        "client_key": f"create-{n:05d}",
                    },
                )
                if made and "session" in made:
                    sessions.append(made["session"]["session_id"])
            if sessions:
                sid = sessions[-1]
                for m in range(rng.randint(1, 3)):
                    key = f"send-{n:05d}-{m}"
                    args = {"session_id": sid, "text": f"k{n}x{m}", "wait_seconds": 0}
                    done = await tool("send_message", {**args, "client_key": key})
                    outcome = "none" if done is None else "error" if "error" in done else "ok"
                    keyed[key] = (sid, f"k{n}x{m}", outcome)
            fault = rng.choice(["relay_sigkill", "supervisor_sigkill", "none", "none"])
            faults[fault] += 1
            if fault == "relay_sigkill":
                await relay.kill()
                await relay.start()
            elif fault == "supervisor_sigkill":
                sup.send_signal(signal.SIGKILL)
                await sup.wait()
                sup = await start_supervisor_process(relay_info, home)
                fresh = True  # its sessions ended with it
            await asyncio.sleep(rng.uniform(0.2, 1.5))  # noqa: sleep-ok - pacing of the schedule
        # Settle: everything the supervisor still holds reaches the relay.
        final = await sign_in(f"http://127.0.0.1:{port}")
        await eventually(lambda: _all_online(mcp, final), 60, "the supervisor online at the end")  # type: ignore[arg-type]
        store = SessionStore(data / "relay.sqlite3")
        try:
            doubled = lines = 0
            for sid in sessions:
                lines += lines_prefix(store.all_output(sid))
            for key, (sid, text, outcome) in keyed.items():
                count = store.all_output(sid).count(f"GOT {text}\r\n".encode())
                doubled += count > 1
                if outcome == "ok":
                    # Typed once; its echo may be lost only if the supervisor was killed
                    # before sending it (the session died with it).
                    assert count <= 1, (key, count)
            figures = {
                "seconds": SOAK_SECONDS,
                "faults": faults,
                "sessions": len(sessions),
                "numbered_lines_stored": lines,
                "keyed_commands": len(keyed),
                "ok": sum(1 for *_, o in keyed.values() if o == "ok"),
                "refused": sum(1 for *_, o in keyed.values() if o == "error"),
                "no_answer": sum(1 for *_, o in keyed.values() if o == "none"),
                "double_applied": doubled,
            }
            print("\nKILL SOAK FIGURES", json.dumps(figures, sort_keys=True))
            assert doubled == 0
        finally:
            store.close()
    finally:
        if sup.returncode is None:
            sup.terminate()
            await asyncio.wait_for(sup.wait(), scaled(20))
        await relay.stop()


async def _all_online(mcp: str, token: str) -> bool:
    async with Client(mcp, auth=token) as client:
        listed = (await client.call_tool("list_sessions", {})).structured_content
    return bool(listed["hosts"]) and all(h["online"] for h in listed["hosts"])
