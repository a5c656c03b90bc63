"""What the fault tests share: a relay and supervisor behind the loopback fault proxy
(:func:`rig`), a producer of numbered, checksummed lines and its check, and relays and
supervisors in processes of their own that a test can SIGKILL.

The invariants the tests check are the reliability notes' (§5): the relay's copy of a
session's output is always a prefix of what the PTY produced and equal at the end; each
command ran at most once.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
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

from fastmcp import Client

from server.config import PASSWORD_ENV
from server.hub import Hub
from shared.backoff import Backoff
from shared.errors import DeliveryUnknown, TimedOut
from shared.protocol import (
    SendInput,
    SessionStarted,
    StartSession,
)
from tests.faultproxy import FaultProxy, WsFrame
from tests.oauth_support import PASSWORD
from tests.relay_support import (
    Relay,
    Supervisor,
    identity_for,
    running_relay,
    running_supervisor,
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


REPO = Path(__file__).resolve().parents[1]
SOAK_SECONDS = float(os.environ.get("TETHER_SOAK_SECONDS", "120"))


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


async def all_online(mcp: str, token: str) -> bool:
    async with Client(mcp, auth=token) as client:
        listed = (await client.call_tool("list_sessions", {})).structured_content
    return bool(listed["hosts"]) and all(h["online"] for h in listed["hosts"])
