"""Scale lanes: idle sessions per supervisor, idle supervisor links per relay, reconnect.

Each run starts fresh helper processes (``bench.idle_sessions``, or a relay),
so one run's leftovers never shape the next. PTYs are machine-wide
(``kernel.pty.max``): the sessions lane uses exactly N + 1 at once, and frees
them before the next run.
"""

from __future__ import annotations

import asyncio
import hashlib
import inspect
import json
import os
import signal
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from fastmcp import Client

from bench.common import Settings, bench_env, new_secret, write_policy
from bench.oauth_login import sign_in
from bench.procs import Helper
from bench.report import LaneResult
from bench.ws_echo import IdleLinks
from supervisor import connection

RECONNECT_SUPERVISORS = 100
OUTAGE = 5.0  # seconds the relay stays dead in the reconnect lane's outage run
RECONNECT_TALKERS = 10  # sessions producing output through the restarts (PTYs are scarce)


async def sessions_lane(settings: Settings) -> LaneResult:
    result = LaneResult("sessions")
    n = settings.sessions
    with tempfile.TemporaryDirectory(prefix="tether-bench-") as name:
        tmp = Path(name)
        home = tmp / "home"
        policy = write_policy(home, tmp, ["sleep"], n + 8)
        for _run in range(settings.scale_runs):
            helper = Helper.start(
                "idle-sessions",
                [
                    sys.executable,
                    "-m",
                    "bench.idle_sessions",
                    str(n),
                    str(settings.lag_samples),
                    str(policy),
                ],
                {"TETHER_HOME": str(home)},
            )
            try:
                got = json.loads(await helper.expect("RESULT ", timeout=60 + n * 0.1))
            finally:
                await helper.stop(grace=30)
            result.add("sessions.rss_kb_per_session", got["rss_kb_per_session"])
            result.add("sessions.fds_per_session", got["fds_per_session"])
            result.add("sessions.lag_p99_ratio", got["lag_p99_ratio"])
            result.add("sessions.lag_p50_ratio", got["lag_p50_ratio"])
            result.notes.append(
                f"lag p99 {got['lag0_p99_us']:.0f} µs with none -> {got['lagn_p99_us']:.0f} µs "
                f"with {n}"
            )
    result.notes.insert(0, f"{n} idle 'sleep 1000' sessions in a fresh process per run")
    return result


async def links_lane(settings: Settings) -> LaneResult:
    result = LaneResult("links")
    n = settings.links
    for run in range(settings.scale_runs):
        seed = new_secret()
        names = [f"sup-{run}-{i}" for i in range(n)]
        relay = Helper.start(
            "relay",
            [sys.executable, "-m", "bench.relay_server"],
            bench_env(new_secret(), seed, ["warmup", *names]),
        )
        links = IdleLinks()
        try:
            port = await relay.expect("PORT ", timeout=120)
            url = f"ws://127.0.0.1:{port}/supervisor"
            await links.open(url, seed, ["warmup"])  # first-use allocations
            before = relay.rss_kb()
            await links.open(url, seed, names)
            after = relay.rss_kb()
            result.add("links.rss_kb_per_link", (after - before) / n)
        finally:
            await links.close()
            await relay.stop()
    result.notes.append(f"{n} hello-speaking idle links to a fresh relay per run")
    return result


def output_resume_available() -> bool:
    """Whether the supervisor's link resumes output after a reconnect (the reliability issue)."""
    return "from shared.resume import" in inspect.getsource(connection)


async def reconnect_lane(settings: Settings) -> LaneResult:
    result = LaneResult("reconnect")
    if not output_resume_available():
        message = "not measured yet (needs the reliability issue)"
        print(f"[reconnect] {message}", file=sys.stderr, flush=True)
        result.notes.append(message)
        return result
    with tempfile.TemporaryDirectory(prefix="tether-bench-") as name:
        await _reconnect(Path(name), settings, result)
    return result


def _relay(port: int, data_dir: Path, password: str, seed: str) -> Helper:
    hosts = [f"fleet-{i}" for i in range(RECONNECT_SUPERVISORS)]
    return Helper.start(
        "relay",
        [sys.executable, "-m", "bench.relay_server", str(port), str(data_dir)],
        bench_env(password, seed, hosts),
    )


async def _reconnect(tmp: Path, settings: Settings, result: LaneResult) -> None:
    """Restart the relay (SIGTERM, same port and data dir) under a fleet of supervisors."""
    password, seed = new_secret(), new_secret()
    data_dir = tmp / "relay-data"
    data_dir.mkdir()
    policy = write_policy(tmp / "home", tmp, ["cat"], 4)
    relay = _relay(0, data_dir, password, seed)
    fleet: Helper | None = None
    try:
        port = int(await relay.expect("PORT "))
        fleet = Helper.start(
            "fleet",
            [
                sys.executable,
                "-m",
                "bench.fleet",
                f"ws://127.0.0.1:{port}/supervisor",
                str(RECONNECT_SUPERVISORS),
                str(RECONNECT_TALKERS),
                str(policy),
            ],
            {"TETHER_BENCH_SEED": seed, "TETHER_HOME": str(tmp / "home")},
        )
        await fleet.expect("UP", timeout=120)
        for _run in range(settings.restarts):
            await asyncio.sleep(1.0)  # output flows through the relay before each restart
            stopped = time.time()
            await relay.stop(grace=20)
            relay = _relay(port, data_dir, password, seed)
            await relay.expect("PORT ")
            listening = time.time()
            back = float(await fleet.expect("ALLBACK ", timeout=120))
            result.add("reconnect.all_back_p50_s", back - listening)
            result.notes.append(
                f"restart: relay down {listening - stopped:.2f}s, all back "
                f"{back - listening:.2f}s after it listened again"
            )
        # An outage: the relay dies (no 1012 close) and stays away OUTAGE seconds, so
        # every supervisor's dials fail for a while before it listens again.
        await asyncio.sleep(1.0)
        os.killpg(relay.pid, signal.SIGKILL)
        await relay.stop(grace=0)
        await asyncio.sleep(OUTAGE)  # the outage itself (a pacing wait, not a sync)
        relay = _relay(port, data_dir, password, seed)
        await relay.expect("PORT ")
        listening = time.time()
        back = float(await fleet.expect("ALLBACK ", timeout=120))
        result.add("reconnect.after_outage_s", back - listening)
        result.notes.append(
            f"outage: relay SIGKILLed and away {OUTAGE:g}s, all back "
            f"{back - listening:.2f}s after it listened again"
        )
        os.kill(fleet.pid, signal.SIGUSR1)
        journals = [
            line.split()[1:]
            for line in await fleet.lines_until("DONE")
            if line.startswith("JOURNAL ")
        ]
        await fleet.stop(grace=30)
        fleet = None
        token = await sign_in(f"http://127.0.0.1:{port}", password)
        lost = await _bytes_lost(port, token, journals, result)
        result.add("reconnect.bytes_lost", lost)
    finally:
        if fleet is not None:
            await fleet.stop(grace=30)
        await relay.stop(grace=20)
    result.notes.insert(
        0,
        f"{RECONNECT_SUPERVISORS} in-process supervisors (real RelayConnection), "
        f"{RECONNECT_TALKERS} typing a line into cat every 50 ms; relay restarted with "
        "SIGTERM on the same port and data dir",
    )


async def _bytes_lost(
    port: int, token: str, journals: list[list[str]], result: LaneResult
) -> float:
    """Compare each session's journal with the relay's stored copy, read while it is offline."""
    lost = compared = 0
    async with Client(f"http://127.0.0.1:{port}/mcp", auth=token, mode="legacy") as client:
        for session_id, end_text, digest in journals:
            end = int(end_text)
            held = await _relay_copy(client, session_id)
            compared += end
            if len(held) < end:
                lost += end - len(held)
                result.notes.append(f"session {session_id}: relay holds {len(held)} of {end} B")
            elif hashlib.sha256(held[:end]).hexdigest() != digest:
                lost += end
                result.notes.append(f"session {session_id}: relay copy differs from the journal")
    result.notes.append(f"bytes lost: journals of {len(journals)} sessions, {compared} B compared")
    return float(lost)


async def _relay_copy(client: Client[Any], session_id: str, timeout: float = 30.0) -> bytes:
    """The relay's own copy of a session's output, from 0, once its computer is offline."""
    deadline = time.monotonic() + timeout
    held = b""
    while True:
        logs = await client.call_tool(
            "get_logs",
            {"session_id": session_id, "mode": "raw", "since": len(held), "max_bytes": 262144},
        )
        content = logs.structured_content or {}
        if content.get("source") != "relay_copy":  # still online: wait for the offline grace
            if time.monotonic() > deadline:
                raise TimeoutError(f"{session_id}'s computer still online after {timeout:g}s")
            await asyncio.sleep(0.1)
            continue
        chunk = content["text"].encode()
        if not chunk:
            return held
        held += chunk
