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
seconds per scenario; ``-m soak`` runs a minutes-long mixed scenario. Real processes
killed with SIGKILL are in ``test_faults_kill.py``; the shared rig in ``fault_support.py``.
"""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path
from typing import Any

import pytest
from fastmcp import Client

from server.session_store import Retention
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
from tests.fault_support import (
    FAST_RELAY,
    PRODUCER,
    PY,
    SOAK_SECONDS,
    Rig,
    check_lines,
    echoes,
    fast_link,
    is_command,
    is_output,
    rig,
    send_text,
)
from tests.relay_support import (
    running_relay,
    running_supervisor,
    write_policy,
)
from tests.support import eventually, scaled

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


# ---------------------------------------------------------------- soak (opt-in: -m soak)


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
