"""Fault scenarios for the supervisor's write-ahead journal: a real supervisor process, a real
relay, a fault proxy between them, and a SIGKILL at the awkward moment (the command in flight,
or done with its reply lost). Every wait is on an observable fact."""

from __future__ import annotations

import asyncio
import signal
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastmcp import Client

from shared.errors import DeliveryUnknown
from shared.protocol import SendInput, SessionStarted, StartSession
from supervisor.request_journal import RequestJournal
from tests.fault_support import (
    FAST_RELAY,
    PY,
    is_command,
    online,
    start_supervisor_process,
    zombie_children,
)
from tests.faultproxy import FaultProxy
from tests.relay_support import Relay, running_relay, write_policy
from tests.support import eventually, scaled

# Writes its session id to ./marker when it starts (so a second start shows), then echoes
# each line it reads as "GOT <line>" (so text typed twice shows twice).
MARKER_PROGRAM = (
    "import os, sys; open('marker', 'a').write(os.environ['TETHER_SESSION_ID'] + '\\n'); "
    "[print('GOT ' + line.strip(), flush=True) for line in sys.stdin]"
)

# The SIGKILL shows as a closed socket at once; a busy machine's slow pong must not
# look like a dead supervisor (the fast relay declares one dead after 1.5 s of silence).
RELAY = {**FAST_RELAY, "heartbeat_timeout": scaled(30)}


class Computer:
    """A supervisor process dialing the relay through a fault proxy; killed and restarted."""

    def __init__(self, relay: Relay, proxy: FaultProxy, home: Path) -> None:
        self.relay, self.proxy, self.home = relay, proxy, home
        self.url = f"ws://127.0.0.1:{proxy.port}/supervisor"
        self.proc: asyncio.subprocess.Process | None = None

    async def start(self, pair_code: str | None = None) -> None:
        self.proc = await start_supervisor_process(self.relay, self.home, pair_code, self.url)
        await eventually(lambda: online(self.relay, "laptop"), 30, "the supervisor online")  # type: ignore[arg-type]

    async def sigkill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        await asyncio.wait_for(self.proc.wait(), scaled(10))
        await eventually(lambda: online(self.relay, "laptop", want=False), 10, "offline")  # type: ignore[arg-type]

    async def stop(self) -> None:
        if self.proc is not None and self.proc.returncode is None:
            self.proc.terminate()
            await asyncio.wait_for(self.proc.wait(), scaled(20))


@asynccontextmanager
async def computer(
    tmp_path: Path, journal_since: float | None = None
) -> AsyncIterator[tuple[Computer, Path]]:
    """``journal_since``: the supervisor has kept its request journal since then."""
    work = tmp_path / "work"
    work.mkdir()
    home = tmp_path / "home"
    write_policy(home / "policy.toml", work, commands=f'["{PY}"]')
    async with running_relay(tmp_path / "relay", **RELAY) as relay:
        port = int(relay.base.rsplit(":", 1)[1])
        async with FaultProxy("127.0.0.1", port, websocket=True) as proxy:
            box = Computer(relay, proxy, home)
            if journal_since is not None:
                since = journal_since
                RequestJournal(
                    home / "state.sqlite3", f"relay {box.url}", clock=lambda: since
                ).close()
            try:
                await box.start(relay.registry.create_pair_code().code)
                yield box, work
            finally:
                await box.stop()
    assert zombie_children() == []


def markers(work: Path) -> list[str]:
    path = work / "marker"
    return path.read_text().split() if path.exists() else []


async def test_a_keyed_create_whose_reply_died_with_its_supervisor_returns_the_first_session(
    tmp_path: Path,
) -> None:
    async with computer(tmp_path) as (box, work):
        relay = box.relay
        args = {
            "command": [PY, "-c", MARKER_PROGRAM],
            "cwd": str(work),
            "client_key": "k-create-0001",
        }
        box.proxy.up.frame_filter = is_command("session_started")
        box.proxy.up.drop_frames = 1
        async with Client(relay.mcp, auth=relay.token, timeout=scaled(60)) as client:
            call = asyncio.create_task(
                client.call_tool("create_session", args, raise_on_error=False)
            )
            [first] = await eventually(lambda: markers(work) or None, 20, "the program started")
            await eventually(lambda: box.proxy.up.dropped, 20, "its reply lost on the way")
            await box.sigkill()  # the session started, the relay never heard
            lost = await asyncio.wait_for(call, scaled(30))
            assert lost.is_error and "delivery unknown" in lost.content[0].text
        await box.start()
        async with Client(relay.mcp, auth=relay.token, timeout=scaled(60)) as client:
            again = await client.call_tool("create_session", args)
            listed = await client.call_tool("list_sessions", {"include_ended": True})
        # The first outcome, from the restarted supervisor's journal; nothing started twice.
        assert again.structured_content["session"]["session_id"] == first
        assert markers(work) == [first]
        # The session ended with its supervisor and stays ended: the old reply
        # does not bring it back to life.
        [row] = [s for s in listed.structured_content["sessions"] if s["session_id"] == first]
        assert row["state"] == "exited" and "supervisor restarted" in row["state_reason"]


async def test_check_delivery_proves_a_command_lost_in_flight_did_not_run_and_finds_one_that_did(
    tmp_path: Path,
) -> None:
    # A journal kept for an hour already: its horizon is well before the sends below.
    async with computer(tmp_path, journal_since=time.time() - 3600) as (box, work):
        hub = box.relay.hub
        started = await hub.call(
            StartSession(request_id="j-start", command=[PY, "-c", MARKER_PROGRAM], cwd=str(work)),
            host="laptop",
            timeout=scaled(20),
        )
        assert isinstance(started, SessionStarted), started
        sid = started.session.session_id

        def typed(text: str) -> int:
            return hub.store.all_output(sid).count(f"GOT {text}".encode())

        # One command runs and its reply is lost; the next is lost before it arrives.
        box.proxy.up.frame_filter = is_command("input_sent")
        box.proxy.up.drop_frames = 1
        ran = asyncio.create_task(
            hub.call(
                SendInput(request_id="j-ran", session_id=sid, text="ran"),
                session_id=sid,
                timeout=scaled(60),
            )
        )
        await eventually(lambda: typed("ran") == 1 and box.proxy.up.dropped, 20, "typed, unheard")
        box.proxy.down.frame_filter = is_command("send_input")
        box.proxy.down.drop_frames = 1
        never = asyncio.create_task(
            hub.call(
                SendInput(request_id="j-lost", session_id=sid, text="lost"),
                session_id=sid,
                timeout=scaled(60),
            )
        )
        await eventually(lambda: box.proxy.down.dropped, 20, "the command lost on the way")
        await box.sigkill()
        for call in (ran, never):
            outcome = await asyncio.gather(call, return_exceptions=True)
            assert isinstance(outcome[0], DeliveryUnknown), outcome
        await box.start()
        lost = await hub.check_delivery("j-lost")
        assert lost.state == "not_run" and "safe to send it again" in lost.next_step
        done = await hub.check_delivery("j-ran")
        assert done.state == "done" and done.reply is not None
        assert done.reply["type"] == "input_sent" and done.reply["bytes_written"] > 0
        assert typed("ran") == 1 and typed("lost") == 0
