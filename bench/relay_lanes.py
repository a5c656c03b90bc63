"""Relay lanes: relay overhead, hop efficiency, concurrent throughput, keystroke round trip.

Four processes: this one (one ``fastmcp.Client`` session over HTTP, and the
WebSocket echo client), the relay (``bench.relay_server``: the real app plus a
``noop`` tool), a real supervisor (``python -m supervisor up``) running one
``cat`` session, and a raw WebSocket echo server. Each run alternates blocks:
no-op calls, relayed ``get_session_status`` calls, raw echoes and keystrokes,
swapping the order every round so drift hits both sides alike.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

from fastmcp import Client

from bench import stats
from bench.common import Settings, bench_env, new_secret, write_policy
from bench.oauth_login import sign_in
from bench.procs import Helper
from bench.report import LaneResult
from bench.ws_echo import EchoClient

HOST = "bench-host"
CONCURRENT_CALLERS = 16


class RelayRig:
    """The relay, a supervisor with one ``cat`` session, an echo server, and clients to them."""

    def __init__(self, mode: str = "legacy") -> None:
        self.mode = mode
        self.helpers: list[Helper] = []
        self.client: Client[Any] | None = None
        self.echo: EchoClient | None = None
        self.relay: Helper | None = None
        self.supervisor: Helper | None = None
        self.session_id = ""
        self._tmp = tempfile.TemporaryDirectory(prefix="tether-bench-")
        self._stack = AsyncExitStack()

    async def start(self) -> None:
        tmp = Path(self._tmp.name)
        password = new_secret()
        write_policy(tmp / "home", tmp, ["cat"], 4)
        self.relay = self._spawn(
            "relay",
            [sys.executable, "-m", "bench.relay_server"],
            {**bench_env(password, new_secret(), []), "TETHER_BENCH_PAIR_CODE": "1"},
        )
        pair_code = await self.relay.expect("PAIR ")
        port = await self.relay.expect("PORT ")
        token = await sign_in(f"http://127.0.0.1:{port}", password)
        self.supervisor = self._spawn(
            "supervisor",
            [
                sys.executable,
                "-m",
                "supervisor",
                "--home",
                str(tmp / "home"),
                "--log-level",
                "WARNING",
                "up",
                "--name",
                HOST,
                "--relay",
                f"ws://127.0.0.1:{port}/supervisor",
            ],
            {"TETHER_PAIR_CODE": pair_code},
        )
        echo = self._spawn("ws-echo", [sys.executable, "-m", "bench.ws_echo"], {})
        echo_port = await echo.expect("PORT ")
        self.echo = await EchoClient.open(f"ws://127.0.0.1:{echo_port}")
        # "legacy": the initialize handshake. fastmcp 4.1.2's default "auto" (modern era)
        # measured ~48 ms per no-op call on loopback against ~4-6 ms legacy: a floor
        # that would hide the relay's own cost. bench --client-mode auto measures it.
        self.client = Client(f"http://127.0.0.1:{port}/mcp", auth=token, mode=self.mode)
        await self._stack.enter_async_context(self.client)
        await self._wait_online()
        created = await self.call("create_session", {"command": ["cat"], "cwd": str(tmp)})
        self.session_id = created.structured_content["session"]["session_id"]

    def _spawn(self, name: str, argv: list[str], env: dict[str, str]) -> Helper:
        helper = Helper.start(name, argv, env)
        self.helpers.append(helper)
        return helper

    async def _wait_online(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            listed = await self.call("list_sessions", {})
            if any(h["name"] == HOST and h["online"] for h in listed.structured_content["hosts"]):
                return
            await asyncio.sleep(0.05)
        raise TimeoutError(f"the supervisor did not come online at the relay within {timeout:g}s")

    async def call(self, tool: str, args: dict[str, Any]) -> Any:
        assert self.client is not None
        return await self.client.call_tool(tool, args)

    async def stop(self) -> None:
        """Release everything, even after a failure part-way; helpers always stop."""
        try:
            if self.client is not None and self.session_id:
                # The supervisor kills its sessions on SIGTERM anyway; this is the polite way.
                await asyncio.wait_for(
                    self.call("terminate_session", {"session_id": self.session_id, "force": True}),
                    10,
                )
        except Exception as exc:  # cleanup must go on; the lane's own error is what matters
            print(f"[relay] terminate_session at cleanup failed: {exc!r}", file=sys.stderr)
        finally:
            try:
                await self._stack.aclose()
                if self.echo is not None:
                    await self.echo.close()
            finally:
                for helper in reversed(self.helpers):
                    await helper.stop()
                self._tmp.cleanup()


class Tally:
    """Latencies, relay CPU and supervisor CPU of one lane within one run."""

    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.cpu_ns = 0
        self.supervisor_cpu_ns = 0
        self.calls = 0


async def timed_block(rig: RelayRig, tool: str, args: dict[str, Any], n: int, tally: Tally) -> None:
    assert rig.relay is not None and rig.supervisor is not None
    cpu0, sup0 = rig.relay.cpu_ns(), rig.supervisor.cpu_ns()
    for _ in range(n):
        t0 = time.perf_counter()
        await rig.call(tool, args)
        tally.latencies.append(time.perf_counter() - t0)
    tally.cpu_ns += rig.relay.cpu_ns() - cpu0
    tally.supervisor_cpu_ns += rig.supervisor.cpu_ns() - sup0
    tally.calls += n


async def keystroke_block(rig: RelayRig, n: int, offset: int) -> tuple[list[float], int]:
    """``n`` round trips of: send_keys 'y' to ``cat``, then get_logs until its echo is seen."""
    sid = rig.session_id
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        await rig.call("send_keys", {"session_id": sid, "keys": ["y"]})
        for _attempt in range(2000):
            logs = await rig.call("get_logs", {"session_id": sid, "mode": "raw", "since": offset})
            content = logs.structured_content
            if "y" in content["text"]:
                offset = content["next_since"]
                break
        else:
            raise TimeoutError("the echo of a keystroke never came back through get_logs")
        out.append(time.perf_counter() - t0)
    # Empty cat's line buffer (ctrl_u echoes only erase sequences: no 'y' to confuse the next).
    await rig.call("send_keys", {"session_id": sid, "keys": ["ctrl_u"]})
    return out, offset


async def concurrent_block(
    rig: RelayRig, tool: str, args: dict[str, Any], per_caller: int
) -> float:
    """Calls per second with 16 callers each making ``per_caller`` calls."""

    async def caller() -> None:
        for _ in range(per_caller):
            await rig.call(tool, args)

    t0 = time.perf_counter()
    await asyncio.gather(*(caller() for _ in range(CONCURRENT_CALLERS)))
    return CONCURRENT_CALLERS * per_caller / (time.perf_counter() - t0)


async def relay_lane(settings: Settings) -> LaneResult:
    result = LaneResult("relay")
    rig = RelayRig(settings.client_mode)
    try:
        await rig.start()
        relayed = ("get_session_status", {"session_id": rig.session_id})
        noop: tuple[str, dict[str, Any]] = ("noop", {})
        assert rig.echo is not None
        # Warm-up: imports, caches, connection pools; not counted.
        await timed_block(rig, *noop, 20, Tally())
        await timed_block(rig, *relayed, 20, Tally())
        await rig.echo.block(50)
        offset = (await keystroke_block(rig, 3, 0))[1]
        for _run in range(settings.runs):
            offset = await _one_run(rig, settings, noop, relayed, offset, result)
        result.notes.append(
            f"{settings.runs} runs x {settings.rounds} rounds x {settings.block} calls per lane; "
            f"relayed tool get_session_status on a live cat session; relay CPU from schedstat; "
            f"MCP client mode {settings.client_mode!r}"
        )
    finally:
        await rig.stop()
    return result


async def _one_run(
    rig: RelayRig,
    settings: Settings,
    noop: tuple[str, dict[str, Any]],
    relayed: tuple[str, dict[str, Any]],
    offset: int,
    result: LaneResult,
) -> int:
    assert rig.echo is not None
    base, subject = Tally(), Tally()
    echoes: list[float] = []
    keys: list[float] = []
    tput_base: list[float] = []
    tput_subject: list[float] = []
    for rnd in range(settings.rounds):
        order = [(noop, base), (relayed, subject)]
        for (tool, args), tally in order if rnd % 2 == 0 else reversed(order):
            await timed_block(rig, tool, args, settings.block, tally)
        echoes += await rig.echo.block(settings.block)
        got, offset = await keystroke_block(rig, settings.key_block, offset)
        keys += got
    for rnd in range(max(1, settings.rounds // 2)):
        pair = [(noop, tput_base), (relayed, tput_subject)]
        for (tool, args), sink in pair if rnd % 2 == 0 else reversed(pair):
            sink.append(await concurrent_block(rig, tool, args, settings.concurrent_calls))
    p50_base, p50_subject = stats.median(base.latencies), stats.median(subject.latencies)
    echo_p50 = stats.median(echoes)
    result.add("relay.p50_ratio", stats.ratio(p50_subject, p50_base))
    result.add(
        "relay.p99_ratio",
        stats.ratio(stats.percentile(subject.latencies, 99), stats.percentile(base.latencies, 99)),
    )
    result.add(
        "relay.cpu_ratio",
        stats.ratio(subject.cpu_ns / subject.calls, base.cpu_ns / base.calls),
    )
    result.add("relay.hop_efficiency", stats.ratio(p50_subject - p50_base, echo_p50))
    result.add("relay.concurrent_ratio", stats.ratio(sum(tput_subject), sum(tput_base)))
    result.add("relay.cpu_us_per_relayed_call", subject.cpu_ns / subject.calls / 1e3)
    result.add("relay.supervisor_cpu_us_per_call", subject.supervisor_cpu_ns / subject.calls / 1e3)
    result.add("relay.noop_p50_ms", p50_base * 1e3)
    result.add("relay.relayed_p50_ms", p50_subject * 1e3)
    result.add("relay.ws_echo_p50_us", echo_p50 * 1e6)
    result.add("keys.round_trip_ratio", stats.ratio(stats.median(keys), p50_base))
    result.add("keys.round_trip_p50_ms", stats.median(keys) * 1e3)
    return offset
