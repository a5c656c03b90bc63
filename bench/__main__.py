"""``python -m bench [--quick] [--lanes a,b] [--out DIR]``: run lanes, print a table, save JSON.

Lanes run one after another in this process (each may start helper
processes); a lane that fails is reported with its reason and the others
still run. Exit status: 0 when every selected lane ran (goals missed or not),
1 when a lane failed, 2 for bad arguments.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import asdict, replace
from pathlib import Path

from bench.common import Settings
from bench.procs import machine_after, machine_before
from bench.report import ERAS, LaneResult, render_table, to_json

Lane = Callable[[Settings], Awaitable[LaneResult]]


def _lanes() -> dict[str, Lane]:
    # Imported here so `--help` and argument errors need none of the heavy modules.
    from bench import hook_lane, pty_lanes, relay_lanes, scale_lanes

    return {
        "relay": relay_lanes.relay_lane,
        "ingest": pty_lanes.ingest_lane,
        "screen": pty_lanes.freshness_lane,
        "prompt": pty_lanes.prompt_lane,
        "hook": hook_lane.hook_lane,
        "sessions": scale_lanes.sessions_lane,
        "links": scale_lanes.links_lane,
        "reconnect": scale_lanes.reconnect_lane,
    }


LANE_NAMES = ("relay", "ingest", "screen", "prompt", "hook", "sessions", "links", "reconnect")
LANE_HELP = (
    "relay: relay overhead, hop efficiency, 16-caller throughput and keystroke round trip; "
    "ingest: Session vs raw PTY bytes/s; screen: freshness after a burst; prompt: detection "
    "latency on screen rules; hook: Claude Code hook -> check_prompts; sessions: idle sessions "
    "per supervisor; links: idle links per relay; "
    "reconnect: relay restart and a 5 s relay outage under 100 supervisors"
)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="scripts/bench",
        description="Tether benchmarks: each figure a ratio against a baseline from the same run.",
        epilog=LANE_HELP,
    )
    parser.add_argument("--quick", action="store_true", help="about one minute instead of ~10")
    parser.add_argument(
        "--lanes",
        default=",".join(LANE_NAMES),
        help=f"comma-separated subset of {','.join(LANE_NAMES)}",
    )
    parser.add_argument("--out", default="bench-results", help="directory for the JSON result")
    parser.add_argument(
        "--eras",
        default=",".join(ERAS),
        help="comma-separated fastmcp.Client protocol eras for the relay lane: legacy (the "
        "initialize handshake), auto (the client's default: the modern stateless era); "
        "default both, side by side",
    )
    args = parser.parse_args(argv)
    chosen = [name.strip() for name in args.lanes.split(",") if name.strip()]
    unknown = [name for name in chosen if name not in LANE_NAMES]
    if unknown or not chosen:
        parser.error(
            f"unknown lane(s) {', '.join(unknown) or '(none given)'}; "
            f"choose from {','.join(LANE_NAMES)}"
        )
    args.lane_list = chosen
    eras = [era.strip() for era in args.eras.split(",") if era.strip()]
    wrong = [era for era in eras if era not in ERAS]
    if wrong or not eras or len(set(eras)) != len(eras):
        parser.error(
            f"--eras {args.eras!r} is not a list of distinct eras; choose from {','.join(ERAS)}"
        )
    args.era_list = tuple(eras)
    return args


async def run_lane(name: str, lane: Lane, settings: Settings, limit: float) -> LaneResult:
    print(f"[{name}] running ...", file=sys.stderr, flush=True)
    started = time.perf_counter()
    try:
        result = await asyncio.wait_for(lane(settings), limit)
    except Exception as exc:  # top of the lane loop: one lane's failure must not stop the rest
        traceback.print_exc(file=sys.stderr)
        result = LaneResult(name, error=f"{type(exc).__name__}: {exc}".strip())
    result.seconds = time.perf_counter() - started
    return result


async def run(args: argparse.Namespace) -> int:
    settings = Settings.quick_mode() if args.quick else Settings.full_mode()
    settings = replace(settings, eras=args.era_list)
    lanes = _lanes()
    machine = machine_before()
    results = [await run_lane(n, lanes[n], settings, settings.lane_seconds) for n in args.lane_list]
    machine = machine_after(machine)
    print(render_table(results, machine))
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    path = out_dir / f"bench-{stamp}.json"
    doc = to_json(results, machine, {"mode": "quick" if args.quick else "full", **asdict(settings)})
    path.write_text(json.dumps(doc, indent=2) + "\n")
    print(f"results: {path}")
    return 1 if any(r.error for r in results) else 0


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    # In-process sessions read prompt rules from TETHER_HOME: never the owner's real one.
    with tempfile.TemporaryDirectory(prefix="tether-bench-home-") as home:
        os.environ["TETHER_HOME"] = home
        return asyncio.run(run(args))


if __name__ == "__main__":
    sys.exit(main())
