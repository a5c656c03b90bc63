"""``python -m bench.profile_relay [--era E] [--calls N] [--tool T]``: where a call's CPU goes.

Starts the relay lane's rig (:class:`bench.relay_lanes.RelayRig`) with the relay
and the supervisor under :mod:`bench.profiled`, warms up, profiles ``--calls``
sequential calls (``relayed``: ``get_session_status`` on a live ``cat``
session; ``noop``: the relay's no-op tool) and prints, per call, the CPU of the
parts of the path (cumulative, in µs) and the functions with the most CPU of
their own. The profiler's own overhead inflates every figure about 2-3x;
compare parts with each other, or the same part before and after a change.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import pstats
import signal
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.procs import Helper
from bench.relay_lanes import NOOP, RelayRig

# (label, file suffix, function, column): column 3 is cumulative time, 2 is own time.
RELAY_PARTS = (
    ("whole HTTP request (uvicorn run_asgi)", "h11_impl.py", "run_asgi", 3),
    ("our scope/audit middleware and all inside it", "server/app.py", "on_call_tool", 3),
    ("  FastMCP get_tool (incl. session visibility)", "fastmcp/server/server.py", "get_tool", 3),
    ("  tool body get_session_status", "shared/mcp/tools.py", "get_session_status", 3),
    ("    hub.call: encode, send, wait", "server/hub.py", "call", 3),
    ("    link.send: WebSocket write", "server/link.py", "send", 3),
    ("audit write-behind flush", "server/app.py", "_flush_audit", 3),
    (
        "Mcp-Param header check (modern era)",
        "mcp/shared/inbound.py",
        "validate_mcp_param_headers",
        3,
    ),
    ("route matching (own time)", "starlette/routing.py", "matches", 2),
    ("reply in: uvicorn WebSocket data_received", "websockets_sansio_impl.py", "data_received", 3),
    ("reply in: decode_report", "shared/protocol.py", "decode_report", 3),
    ("reply in: hub.deliver", "server/hub.py", "deliver", 3),
    ("notifier: on_event + its loop", "server/notify/runner.py", "on_event", 3),
    ("notifier loop", "server/notify/runner.py", "_run", 3),
    ("event loop: select", "selectors.py", "select", 3),
)
SUPERVISOR_PARTS = (
    ("CommandRunner.handle", "supervisor/command_runner.py", "handle", 3),
    ("  Session.refresh", "supervisor/session.py", "refresh", 3),
    ("    tty_probe.probe", "supervisor/tty_probe.py", "probe", 3),
    ("decode_command", "shared/protocol.py", "decode_command", 3),
    ("reply out: websockets send", "websockets/asyncio/connection.py", "send", 3),
    ("frame in: websockets data_received", "websockets/asyncio/connection.py", "data_received", 3),
)


class ProfiledRig(RelayRig):
    """The relay lane's rig with the relay and the supervisor under :mod:`bench.profiled`."""

    def __init__(self, era: str, out_dir: Path) -> None:
        super().__init__((era,))
        self.out_dir = out_dir

    def _spawn(self, name: str, argv: list[str], env: dict[str, str]) -> Helper:
        if name in ("relay", "supervisor"):
            argv = [argv[0], "-m", "bench.profiled", str(self.out_dir / f"{name}.prof"), *argv[1:]]
        return super()._spawn(name, argv, env)


def part_us(stats: dict[Any, Any], file_end: str, function: str, column: int, calls: int) -> float:
    total = sum(
        row[column]
        for (path, _line, name), row in stats.items()
        if path.endswith(file_end) and name == function
    )
    return float(total) / calls * 1e6


def report(title: str, path: Path, parts: tuple[tuple[str, str, str, int], ...], calls: int) -> str:
    loaded = pstats.Stats(str(path))
    stats: dict[Any, Any] = loaded.stats  # type: ignore[attr-defined]
    lines = [f"{title}: {loaded.total_tt / calls * 1e6:,.0f} µs CPU per call (profiled)"]  # type: ignore[attr-defined]
    lines += [f"  {part_us(stats, *p[1:], calls):8,.0f}  {p[0]}" for p in parts]
    lines.append("  most own CPU:")
    own = sorted(stats.items(), key=lambda item: -item[1][2])[:12]
    for (file, line, name), row in own:
        short = file.rsplit("site-packages/", 1)[-1].rsplit("/python3.11/", 1)[-1]
        lines.append(f"  {row[2] / calls * 1e6:8,.1f}  {name} ({short}:{line})")
    return "\n".join(lines)


async def profile(era: str, calls: int, tool: str, out_dir: Path) -> str:
    rig = ProfiledRig(era, out_dir)
    await rig.start()
    try:
        name, args = (
            NOOP if tool == "noop" else ("get_session_status", {"session_id": rig.session_id})
        )
        for _ in range(200):  # warm-up: imports, caches
            await rig.call(era, name, args)
        helpers = [h for h in (rig.relay, rig.supervisor) if h is not None]
        for helper in helpers:
            os.kill(helper.pid, signal.SIGUSR1)
        for _ in range(calls):
            await rig.call(era, name, args)
        for helper in helpers:
            os.kill(helper.pid, signal.SIGUSR2)
        files = [out_dir / "relay.prof", out_dir / "supervisor.prof"]
        async with asyncio.timeout(30):
            while not all(f.exists() for f in files):
                await asyncio.sleep(0.05)  # noqa: sleep-ok - polling for files another process writes
    finally:
        await rig.stop()
    head = f"era {era}, {calls} sequential {name} calls"
    return "\n".join(
        [
            head,
            report("relay", files[0], RELAY_PARTS, calls),
            report("supervisor", files[1], SUPERVISOR_PARTS, calls),
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile_relay", description=__doc__)
    parser.add_argument("--era", choices=("legacy", "auto"), default="auto")
    parser.add_argument("--calls", type=int, default=1000)
    parser.add_argument("--tool", choices=("relayed", "noop"), default="relayed")
    args = parser.parse_args(argv)
    if args.calls < 1:
        parser.error("--calls must be at least 1")
    with tempfile.TemporaryDirectory(prefix="tether-profile-") as out_dir:
        print(asyncio.run(profile(args.era, args.calls, args.tool, Path(out_dir))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
