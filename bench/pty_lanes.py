"""PTY lanes, in this process: ingest throughput, screen freshness, prompt detection latency.

Sessions are real: a :class:`SessionManager` under a temporary policy, driven
through the supervisor's :class:`CommandRunner` exactly as relay commands are. The
ingest baseline is a bare PTY (``os.openpty``) read with ``add_reader`` in the
same event loop, alternated with the Session run by run.
"""

from __future__ import annotations

import asyncio
import errno
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from bench import children, stats
from bench.common import Settings, poll_until, write_policy
from bench.procs import child_env
from bench.report import LaneResult
from shared import protocol as p
from supervisor.command_runner import CommandRunner
from supervisor.session import Session
from supervisor.session_manager import SessionManager

READ_SIZE = 65536
_request = 0


def rid() -> str:
    global _request
    _request += 1
    return f"bench-{_request}"


@asynccontextmanager
async def manager_in(tmp: Path) -> AsyncIterator[tuple[SessionManager, CommandRunner]]:
    policy = write_policy(tmp / "home", tmp, [sys.executable, "cat"], 4)
    async with manager_in_policy(policy) as pair:
        yield pair


@asynccontextmanager
async def manager_in_policy(policy: Path) -> AsyncIterator[tuple[SessionManager, CommandRunner]]:
    manager = SessionManager(policy_file=policy, environ=child_env())
    try:
        yield manager, CommandRunner(manager)
    finally:
        await manager.close_all()


# ---------------------------------------------------------------- ingest


def write_flood(path: Path, megabytes: int) -> None:
    """Text lines with about a quarter of the words wrapped in colour escapes."""
    rng = random.Random(7)
    words = [
        b"build",
        b"ok",
        b"test_session.py",
        b"PASSED",
        b"warning:",
        b"src/app",
        b"=>",
        b"42ms",
    ]
    lines = []
    for i in range(4000):
        parts = [
            b"\x1b[3%dm%s\x1b[0m" % (rng.randint(1, 6), w) if rng.random() < 0.25 else w
            for w in rng.choices(words, k=rng.randint(4, 14))
        ]
        lines.append(b"%05d " % i + b" ".join(parts) + b"\n")
    chunk = b"".join(lines)
    target = megabytes * 1_000_000
    with path.open("wb") as out:
        written = 0
        while written < target:
            out.write(chunk)
            written += len(chunk)


async def raw_pty_read(argv: list[str]) -> tuple[int, float]:
    """Run ``argv`` on a bare PTY, read everything with add_reader; (bytes, seconds)."""
    loop = asyncio.get_running_loop()
    master, slave = os.openpty()
    done: asyncio.Future[None] = loop.create_future()
    count = 0

    def readable() -> None:
        nonlocal count
        try:
            data = os.read(master, READ_SIZE)
        except OSError as exc:  # EIO: the child closed its side
            if exc.errno != errno.EIO:
                raise
            data = b""
        if not data:
            loop.remove_reader(master)
            if not done.done():
                done.set_result(None)
            return
        count += len(data)

    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, start_new_session=True)
    os.close(slave)
    loop.add_reader(master, readable)
    try:
        await asyncio.wait_for(done, 300)
        elapsed = time.perf_counter() - t0  # to the last byte, as for the Session
        await asyncio.to_thread(proc.wait)
        return count, elapsed
    finally:
        loop.remove_reader(master)
        if proc.poll() is None:
            proc.kill()
            await asyncio.to_thread(proc.wait)
        os.close(master)


async def session_read(
    manager: SessionManager, argv: list[str], cwd: Path, expected: int
) -> tuple[int, float]:
    """Spawn through the manager; time until the session has taken every byte and ended.

    Waiting on the exit event, not polling the journal: a 1 ms poll wakes the loop
    a thousand times a second and measured the poll (ratio ~0.5), not the session.
    The end includes the session's own EOF and close, so the ratio is conservative.
    """
    t0 = time.perf_counter()
    session = await manager.create(argv, str(cwd))
    await asyncio.wait_for(session.wait_exited(), 300)
    elapsed = time.perf_counter() - t0
    if session.journal.end < expected:
        raise RuntimeError(f"the session took {session.journal.end} of {expected} bytes")
    return session.journal.end, elapsed


async def ingest_lane(settings: Settings) -> LaneResult:
    result = LaneResult("ingest")
    with tempfile.TemporaryDirectory(prefix="tether-bench-") as name:
        tmp = Path(name)
        flood = tmp / "flood.txt"
        await asyncio.to_thread(write_flood, flood, settings.ingest_mb)
        argv = ["cat", str(flood)]
        content = flood.read_bytes()
        expected = len(content) + content.count(b"\n")  # ONLCR: each \n arrives as \r\n
        del content
        async with manager_in(tmp) as (manager, _agent):
            for run in range(settings.runs):
                pair = [raw_pty_read(argv), session_read(manager, argv, tmp, expected)]
                if run % 2:
                    pair.reverse()
                first = await pair[0]
                second = await pair[1]
                (raw_bytes, raw_s), (sess_bytes, sess_s) = (
                    (first, second) if run % 2 == 0 else (second, first)
                )
                if sess_bytes != raw_bytes:
                    result.notes.append(f"run {run}: session got {sess_bytes} B, raw {raw_bytes} B")
                result.add("ingest.ratio", stats.ratio(sess_bytes / sess_s, raw_bytes / raw_s))
                result.add("ingest.raw_mb_s", raw_bytes / raw_s / 1e6)
    result.notes.append(
        f"cat of a {settings.ingest_mb} MB coloured-text file, timed from spawn to its last byte "
        "(Session: until its exit event, close included)"
    )
    return result


# ---------------------------------------------------------------- screen freshness and prompts


async def _child_session(manager: SessionManager, tmp: Path, mode: str) -> Session:
    session = await manager.create([sys.executable, "-m", "bench.children", mode], str(tmp))
    ready = len(children.on_the_wire(children.READY))
    await poll_until(lambda: session.journal.end >= ready, 20, f"the {mode} child to start")
    return session


async def _type(session: Session, line: str) -> None:
    await session.send_text(line + "\n", enter=False)


async def freshness_lane(settings: Settings) -> LaneResult:
    result = LaneResult("screen")
    with tempfile.TemporaryDirectory(prefix="tether-bench-") as name:
        tmp = Path(name)
        async with manager_in(tmp) as (manager, agent):
            session = await _child_session(manager, tmp, "burst")
            sid = session.session_id
            n = 0
            for _run in range(settings.runs):
                samples = []
                for _ in range(settings.bursts):
                    n += 1
                    payload = children.burst_payload(settings.burst_lines, n)
                    target = session.journal.end + len(children.on_the_wire(payload))
                    await _type(session, f"BURST {settings.burst_lines} {n}")
                    t_end = await poll_until(
                        lambda t=target: session.journal.end >= t, 20, "a burst"
                    )
                    marker = f"END {n}"

                    async def shows(marker: str = marker) -> bool:
                        cmd = p.ReadOutput(request_id=rid(), session_id=sid, mode=p.ReadMode.SCREEN)
                        reply = await agent.handle(cmd)
                        return isinstance(reply, p.OutputRead) and marker in reply.text

                    samples.append(await poll_until(shows, 20, "the burst on screen") - t_end)
                result.add("screen.freshness_p50_ms", stats.median(samples) * 1e3)
                result.add("screen.freshness_p99_ms", stats.percentile(samples, 99) * 1e3)
    result.notes.append(
        f"bursts of {settings.burst_lines} coloured lines; screen read = agent ReadOutput(screen); "
        "burst end seen by polling the journal every 0.5 ms"
    )
    return result


async def prompt_lane(settings: Settings) -> LaneResult:
    result = LaneResult("prompt")
    with tempfile.TemporaryDirectory(prefix="tether-bench-") as name:
        tmp = Path(name)
        async with manager_in(tmp) as (manager, agent):
            session = await _child_session(manager, tmp, "prompt")
            sid = session.session_id

            async def pending() -> list[p.Prompt]:
                reply = await agent.handle(p.CheckPrompts(request_id=rid(), session_id=sid))
                assert isinstance(reply, p.PromptsChecked), reply
                return reply.prompts

            n = 0
            for _run in range(settings.runs):
                samples = []
                for _ in range(settings.prompts):
                    n += 1
                    target = session.journal.end + len(
                        children.on_the_wire(children.prompt_payload(n))
                    )
                    await _type(session, f"ASK {n}")
                    t_last = await poll_until(
                        lambda t=target: session.journal.end >= t, 20, "a prompt"
                    )
                    t_seen = await poll_until(
                        lambda: _any(pending()), 10, "check_prompts to report the prompt", 0.002
                    )
                    samples.append(t_seen - t_last)
                    await _type(session, "n")
                    await poll_until(lambda: _none(pending()), 10, "the answered prompt to go")
                result.add("prompt.latency_p50_ms", stats.median(samples) * 1e3)
                result.add("prompt.latency_p99_ms", stats.percentile(samples, 99) * 1e3)
    result.notes.append(
        "a '[y/N]' question (generic yes_no rule, min_quiet 0.3 s): goal = quiescence + 50 ms; "
        "check_prompts polled every 2 ms through the agent"
    )
    return result


async def _any(prompts: asyncio.Future[list[p.Prompt]] | object) -> bool:
    return bool(await prompts)  # type: ignore[misc]


async def _none(prompts: asyncio.Future[list[p.Prompt]] | object) -> bool:
    return not await prompts  # type: ignore[misc]
