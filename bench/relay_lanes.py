"""Relay lanes: relay overhead, hop efficiency, concurrent throughput, keystroke round trip.

Five processes: this one (``fastmcp.Client`` sessions over HTTP, one per protocol
era and server, and the WebSocket echo client), the relay (``bench.relay_server``:
the real app plus a ``noop`` tool), a real supervisor (``python -m supervisor up``)
running one ``cat`` session, a bare FastMCP no-op server (``bench.bare_server``),
and a raw WebSocket echo server. Every figure is measured for each era in
``Settings.eras``: ``legacy`` (the initialize handshake) and ``auto`` (fastmcp's
default, which negotiates MCP's modern stateless era). Each run alternates
blocks (no-op, relayed ``get_session_status`` and bare no-op calls in each era,
raw echoes, keystrokes), rotating the order every round so drift hits every
lane alike.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastmcp import Client

from bench import stats
from bench.common import Settings, bench_env, new_secret, write_policy
from bench.oauth_login import sign_in
from bench.procs import Helper
from bench.report import LaneResult, era_key
from bench.ws_echo import EchoClient

HOST = "bench-host"
CONCURRENT_CALLERS = 16
NOOP: tuple[str, dict[str, Any]] = ("noop", {})


class RelayRig:
    """The relay, a supervisor with one ``cat`` session, a bare FastMCP server, an echo
    server, and per era one client to the relay and one to the bare server."""

    def __init__(self, eras: tuple[str, ...] = ("legacy",)) -> None:
        self.eras = eras
        self.helpers: list[Helper] = []
        self.clients: dict[str, Client[Any]] = {}  # era -> client of the relay
        self.bare_clients: dict[str, Client[Any]] = {}  # era -> client of the bare server
        self.echo: EchoClient | None = None
        self.relay: Helper | None = None
        self.supervisor: Helper | None = None
        self.bare: Helper | None = None
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
        self.bare = self._spawn("bare-fastmcp", [sys.executable, "-m", "bench.bare_server"], {})
        bare_port = await self.bare.expect("PORT ")
        echo = self._spawn("ws-echo", [sys.executable, "-m", "bench.ws_echo"], {})
        echo_port = await echo.expect("PORT ")
        self.echo = await EchoClient.open(f"ws://127.0.0.1:{echo_port}")
        for era in self.eras:
            relay_client = Client(f"http://127.0.0.1:{port}/mcp", auth=token, mode=era)
            self.clients[era] = await self._stack.enter_async_context(relay_client)
            bare_client = Client(f"http://127.0.0.1:{bare_port}/mcp", mode=era)
            self.bare_clients[era] = await self._stack.enter_async_context(bare_client)
        await self._wait_online()
        created = await self.call(
            self.eras[0], "create_session", {"command": ["cat"], "cwd": str(tmp)}
        )
        self.session_id = created.structured_content["session"]["session_id"]

    def negotiated(self) -> str:
        """Which protocol version each era's relay client negotiated, for the lane's notes."""
        return ", ".join(f"{era} -> {c.protocol_version}" for era, c in self.clients.items())

    def _spawn(self, name: str, argv: list[str], env: dict[str, str]) -> Helper:
        helper = Helper.start(name, argv, env)
        self.helpers.append(helper)
        return helper

    async def _wait_online(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            listed = await self.call(self.eras[0], "list_sessions", {})
            if any(h["name"] == HOST and h["online"] for h in listed.structured_content["hosts"]):
                return
            await asyncio.sleep(0.05)
        raise TimeoutError(f"the supervisor did not come online at the relay within {timeout:g}s")

    async def call(self, era: str, tool: str, args: dict[str, Any], bare: bool = False) -> Any:
        client = (self.bare_clients if bare else self.clients)[era]
        return await client.call_tool(tool, args)

    async def stop(self) -> None:
        """Release everything, even after a failure part-way; helpers always stop."""
        try:
            if self.clients and self.session_id:
                # The supervisor kills its sessions on SIGTERM anyway; this is the polite way.
                await asyncio.wait_for(
                    self.call(
                        self.eras[0],
                        "terminate_session",
                        {"session_id": self.session_id, "force": True},
                    ),
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


@dataclass
class Tally:
    """Latencies and server-side CPU of one lane within one run."""

    latencies: list[float] = field(default_factory=list)
    cpu_ns: int = 0  # the server answering: the relay, or the bare server
    supervisor_cpu_ns: int = 0
    calls: int = 0


@dataclass(frozen=True)
class Block:
    """One lane of a run: an era, a tool with its arguments, relay or bare server."""

    era: str
    tool: str
    args: dict[str, Any]
    bare: bool = False


async def timed_block(rig: RelayRig, block: Block, n: int, tally: Tally) -> None:
    assert rig.relay is not None and rig.supervisor is not None and rig.bare is not None
    server = rig.bare if block.bare else rig.relay
    cpu0, sup0 = server.cpu_ns(), rig.supervisor.cpu_ns()
    for _ in range(n):
        t0 = time.perf_counter()
        await rig.call(block.era, block.tool, block.args, block.bare)
        tally.latencies.append(time.perf_counter() - t0)
    tally.cpu_ns += server.cpu_ns() - cpu0
    tally.supervisor_cpu_ns += rig.supervisor.cpu_ns() - sup0
    tally.calls += n


async def keystroke_block(rig: RelayRig, era: str, n: int, offset: int) -> tuple[list[float], int]:
    """``n`` round trips of: send_keys 'y' to ``cat``, then get_logs until its echo is seen."""
    sid = rig.session_id
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        await rig.call(era, "send_keys", {"session_id": sid, "keys": ["y"]})
        for _attempt in range(2000):
            logs = await rig.call(
                era, "get_logs", {"session_id": sid, "mode": "raw", "since": offset}
            )
            content = logs.structured_content
            if "y" in content["text"]:
                offset = content["next_since"]
                break
        else:
            raise TimeoutError("the echo of a keystroke never came back through get_logs")
        out.append(time.perf_counter() - t0)
    # Empty cat's line buffer (ctrl_u echoes only erase sequences: no 'y' to confuse the next).
    await rig.call(era, "send_keys", {"session_id": sid, "keys": ["ctrl_u"]})
    return out, offset


async def concurrent_block(rig: RelayRig, block: Block, per_caller: int) -> float:
    """Calls per second with 16 callers each making ``per_caller`` calls."""

    async def caller() -> None:
        for _ in range(per_caller):
            await rig.call(block.era, block.tool, block.args, block.bare)

    t0 = time.perf_counter()
    await asyncio.gather(*(caller() for _ in range(CONCURRENT_CALLERS)))
    return CONCURRENT_CALLERS * per_caller / (time.perf_counter() - t0)


def rotated(items: list[Block], rnd: int) -> list[Block]:
    """The blocks of round ``rnd``: rotated by the round, reversed every other round, so
    every lane runs early and late, before and after every other lane."""
    k = rnd % len(items)
    turned = items[k:] + items[:k]
    return turned if rnd % 2 == 0 else turned[::-1]


async def relay_lane(settings: Settings) -> LaneResult:
    result = LaneResult("relay")
    started = time.monotonic()
    rig = RelayRig(settings.eras)
    try:
        await rig.start()
        relayed = ("get_session_status", {"session_id": rig.session_id})
        assert rig.echo is not None
        # Warm-up: imports, caches, connection pools; not counted.
        for era in settings.eras:
            for block in _blocks(era, relayed):
                await timed_block(rig, block, 20, Tally())
        await rig.echo.block(50)
        offset = (await keystroke_block(rig, settings.eras[0], 3, 0))[1]
        # A loaded machine can make a run minutes long: start one only if it should end
        # before the lane's time limit, so the runs done are reported rather than lost.
        stop_at = started + 0.9 * settings.lane_seconds
        runs, longest = 0, 0.0
        while runs < settings.runs and (runs == 0 or time.monotonic() + longest < stop_at):
            run_started = time.monotonic()
            offset = await _one_run(rig, settings, relayed, offset, result)
            longest = max(longest, time.monotonic() - run_started)
            runs += 1
        if runs < settings.runs:
            result.notes.append(
                f"stopped after {runs} of {settings.runs} runs: another would not end "
                f"within the lane's {settings.lane_seconds:g} s"
            )
        result.notes.append(
            f"{runs} runs x {settings.rounds} rounds x {settings.block} calls per lane; "
            f"relayed tool get_session_status on a live cat session; server CPU from schedstat"
        )
        result.notes.append(f"MCP client eras (mode -> negotiated version): {rig.negotiated()}")
    finally:
        await rig.stop()
    return result


def _blocks(era: str, relayed: tuple[str, dict[str, Any]]) -> list[Block]:
    """An era's three lanes: no-op on the relay, relayed call, no-op on the bare server."""
    return [Block(era, *NOOP), Block(era, *relayed), Block(era, *NOOP, bare=True)]


@dataclass
class EraRun:
    """What one run measured in one era."""

    noop: Tally = field(default_factory=Tally)
    relayed: Tally = field(default_factory=Tally)
    bare: Tally = field(default_factory=Tally)
    keys: list[float] = field(default_factory=list)
    tput_noop: list[float] = field(default_factory=list)
    tput_relayed: list[float] = field(default_factory=list)

    def tally(self, block: Block) -> Tally:
        if block.bare:
            return self.bare
        return self.noop if block.tool == NOOP[0] else self.relayed


async def _one_run(
    rig: RelayRig,
    settings: Settings,
    relayed: tuple[str, dict[str, Any]],
    offset: int,
    result: LaneResult,
) -> int:
    assert rig.echo is not None
    eras = {era: EraRun() for era in settings.eras}
    blocks = [b for era in settings.eras for b in _blocks(era, relayed)]
    echoes: list[float] = []
    for rnd in range(settings.rounds):
        for block in rotated(blocks, rnd):
            await timed_block(rig, block, settings.block, eras[block.era].tally(block))
        echoes += await rig.echo.block(settings.block)
        # Keystrokes are commands the supervisor's exactly-once ledger keeps for 600 s, at
        # most 1024 of them: the eras share one round's keystrokes, so a full run fits.
        per_era = max(1, settings.key_block // len(settings.eras))
        for era in rotated_eras(settings.eras, rnd):
            got, offset = await keystroke_block(rig, era, per_era, offset)
            eras[era].keys += got
    for rnd in range(max(1, settings.rounds // 2)):
        for era in rotated_eras(settings.eras, rnd):
            pair = [(Block(era, *NOOP), eras[era].tput_noop)]
            pair.append((Block(era, *relayed), eras[era].tput_relayed))
            for block, sink in pair if rnd % 2 == 0 else reversed(pair):
                sink.append(await concurrent_block(rig, block, settings.concurrent_calls))
    echo_p50 = stats.median(echoes)
    result.add("relay.ws_echo_p50_us", echo_p50 * 1e6)
    for era, run in eras.items():
        for key, value in era_figures(run, echo_p50).items():
            result.add(era_key(key, era), value)
    return offset


def rotated_eras(eras: tuple[str, ...], rnd: int) -> tuple[str, ...]:
    return eras if rnd % 2 == 0 else eras[::-1]


def era_figures(run: EraRun, echo_p50: float) -> dict[str, float]:
    """One era's figures of one run, by their era-less key."""
    noop, relayed, bare = run.noop, run.relayed, run.bare
    p50_noop, p50_relayed = stats.median(noop.latencies), stats.median(relayed.latencies)
    p50_bare = stats.median(bare.latencies)
    relayed_cpu = relayed.cpu_ns / relayed.calls
    return {
        "relay.p50_ratio": stats.ratio(p50_relayed, p50_noop),
        "relay.p99_ratio": stats.ratio(
            stats.percentile(relayed.latencies, 99), stats.percentile(noop.latencies, 99)
        ),
        "relay.cpu_ratio": stats.ratio(relayed_cpu, noop.cpu_ns / noop.calls),
        "relay.hop_efficiency": stats.ratio(p50_relayed - p50_noop, echo_p50),
        "relay.bare_ratio": stats.ratio(p50_relayed, p50_bare),
        "relay.noop_bare_ratio": stats.ratio(p50_noop, p50_bare),
        "relay.cpu_bare_ratio": stats.ratio(relayed_cpu, bare.cpu_ns / bare.calls),
        "relay.concurrent_ratio": stats.ratio(sum(run.tput_relayed), sum(run.tput_noop)),
        "relay.cpu_us_per_relayed_call": relayed_cpu / 1e3,
        "relay.supervisor_cpu_us_per_call": relayed.supervisor_cpu_ns / relayed.calls / 1e3,
        "relay.bare_cpu_us_per_call": bare.cpu_ns / bare.calls / 1e3,
        "relay.noop_p50_ms": p50_noop * 1e3,
        "relay.relayed_p50_ms": p50_relayed * 1e3,
        "relay.bare_p50_ms": p50_bare * 1e3,
        "keys.round_trip_ratio": stats.ratio(stats.median(run.keys), p50_noop),
        "keys.round_trip_p50_ms": stats.median(run.keys) * 1e3,
    }
