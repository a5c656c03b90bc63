"""``python -m bench.fleet URL N TALKERS POLICY``: N real supervisors in one process.

Each supervisor is the real stack (``SessionManager`` -> ``CommandRunner`` ->
``RelayConnection``) under its own host name ``fleet-<i>``; the first
``TALKERS`` each run one ``cat`` session that a ticker types a numbered line
into every 50 ms, so output flows through every relay restart. Each member's
key derives from ``TETHER_BENCH_SEED`` (the bench relay paired them up front).

Prints (wall-clock ``time.time()``, comparable across processes):
``UP`` once all links are connected, ``DOWN <t>`` when one drops, ``ALLBACK <t>``
when all are connected again. On SIGUSR1 it stops typing, waits ``SETTLE``
seconds, prints ``JOURNAL <session_id> <end> <sha256 of bytes 0..end>`` per
session and ``DONE``, then keeps the links up until SIGTERM.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import signal
import sys
import time
from pathlib import Path

from bench.common import bench_identity
from supervisor.command_runner import CommandRunner
from supervisor.connection import RelayConnection
from supervisor.session import Session
from supervisor.session_manager import SessionManager

TICK = 0.05
SETTLE = 2.0
WATCH = 0.005  # how often the link states are sampled: the resolution of ALLBACK


def say(line: str) -> None:
    print(line, flush=True)


async def fleet(url: str, n: int, talkers: int, policy: Path) -> None:
    seed = os.environ["TETHER_BENCH_SEED"]
    managers = [SessionManager(policy_file=policy) for _ in range(n)]
    # reaper=None: the members share one TETHER_HOME, and each would otherwise
    # "reap" the others' live sessions as left over from a crashed run.
    links = [
        RelayConnection(
            url,
            f"fleet-{i}",
            bench_identity(seed, f"fleet-{i}"),
            CommandRunner(m, reaper=None),
            stable_after=1.0,
        )
        for i, m in enumerate(managers)
    ]
    sessions: list[Session] = [
        await m.create(["cat"], str(policy.parent.parent)) for m in managers[:talkers]
    ]
    tasks = [asyncio.create_task(link.run_forever()) for link in links]
    loop = asyncio.get_running_loop()
    stop, quiet = asyncio.Event(), asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGUSR1, quiet.set)
    ticker = asyncio.create_task(tick(sessions, quiet))
    try:
        await asyncio.wait_for(_all_connected(links), 60)
        say("UP")
        watcher = asyncio.create_task(watch(links))
        await quiet.wait()
        await ticker
        await asyncio.sleep(SETTLE)  # let the last output reach the relay and be acknowledged
        for session in sessions:
            end = session.journal.end
            data = session.journal.read(0, end).data
            say(f"JOURNAL {session.session_id} {end} {hashlib.sha256(data).hexdigest()}")
        say("DONE")
        await stop.wait()
        watcher.cancel()
    finally:
        for task in [*tasks, ticker]:
            task.cancel()
        await asyncio.gather(*tasks, ticker, return_exceptions=True)
        await asyncio.gather(*(m.close_all() for m in managers))


async def _all_connected(links: list[RelayConnection]) -> None:
    while not all(link.connected.is_set() for link in links):
        await asyncio.sleep(WATCH)


async def watch(links: list[RelayConnection]) -> None:
    all_up = True
    while True:
        now_up = all(link.connected.is_set() for link in links)
        if now_up != all_up:
            say(f"{'ALLBACK' if now_up else 'DOWN'} {time.time()}")
            all_up = now_up
        await asyncio.sleep(WATCH)


async def tick(sessions: list[Session], quiet: asyncio.Event) -> None:
    count = 0
    while not quiet.is_set():
        count += 1
        for session in sessions:
            await session.send_text(f"tick {count:07d}\n", enter=False)
        await asyncio.sleep(TICK)


def main(argv: list[str]) -> int:
    url, n, talkers, policy = argv[0], int(argv[1]), int(argv[2]), Path(argv[3])
    asyncio.run(fleet(url, n, talkers, policy))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
