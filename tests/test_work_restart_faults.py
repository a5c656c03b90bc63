"""Finished work is announced exactly once across a relay SIGKILL and supervisor SIGKILLs.

Real processes, a real sink (Apprise ``json://`` to a loopback HTTP server): the
relay remembers what it announced in its database, so a ``work_finished`` sent
again after the relay restarted is answered and not announced twice; a task cut
by a supervisor SIGKILL is picked up by the next supervisor (its part failed
because its session ended), and an announcement the relay never confirmed is
sent again by the supervisor after that. Each test ends with a marker
announcement awaited at the sink, so a duplicate (spawned before it) would
have arrived by then.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fastmcp import Client

from shared.commands.work_finished import WorkAnnounced, WorkFinished
from supervisor.orchestration.restart import RESTART_REASON
from supervisor.relay_requests import new_request_id
from tests.fault_support import (
    FAST_RELAY,
    admin,
    online,
    running_supervisor_no_hub,
    start_relay_process,
    start_supervisor_process,
)
from tests.notify_support import HttpSink
from tests.relay_support import running_relay, write_policy
from tests.support import eventually, scaled


@contextmanager
def notifying(sink: HttpSink) -> Iterator[None]:
    """Relays started inside (in this process or as children) notify ``sink``."""
    os.environ["TETHER_NOTIFY"] = sink.url
    try:
        yield
    finally:
        os.environ.pop("TETHER_NOTIFY", None)


async def until_titled(sink: HttpSink, needle: str) -> dict[str, Any]:
    """The next sink message whose title holds ``needle`` (others stay in ``sink.all``)."""
    while True:
        message = await sink.next(90)
        if needle in message["title"]:
            return message


def count_titled(sink: HttpSink, needle: str) -> int:
    return sum(needle in m["title"] for m in sink.all)


def finished(ref: str, title: str) -> WorkFinished:
    return WorkFinished(
        request_id=new_request_id(), kind="coordination", ref=ref, outcome="done", title=title
    )


async def stop(proc: asyncio.subprocess.Process) -> None:
    if proc.returncode is None:
        proc.terminate()
        await asyncio.wait_for(proc.wait(), scaled(20))


async def kill(proc: asyncio.subprocess.Process) -> None:
    proc.send_signal(signal.SIGKILL)
    await asyncio.wait_for(proc.wait(), scaled(10))


async def test_work_announced_before_a_relay_sigkill_is_not_announced_again_when_sent_again(
    tmp_path: Path,
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    policy = write_policy(tmp_path / "home/policy.toml", work)
    data = tmp_path / "relay"
    procs: list[asyncio.subprocess.Process] = []
    async with HttpSink() as sink:
        with notifying(sink):
            try:
                proc, port = await start_relay_process(data, 0)
                procs.append(proc)
                code = await admin(data, "pair-code")
                url = f"ws://127.0.0.1:{port}/supervisor"
                async with running_supervisor_no_hub(url, policy, url, code) as sup:
                    requests = sup.manager.relay_requests
                    assert requests is not None
                    cart = finished("c-cart0001", "Write the cart")
                    answer = await requests.ask(cart, scaled(30))
                    assert isinstance(answer, WorkAnnounced)
                    first = await until_titled(sink, "Write the cart finished")
                    assert first["title"] == "laptop · Write the cart finished"

                    await kill(procs[0])
                    proc, _ = await start_relay_process(data, port)
                    procs.append(proc)
                    # The supervisor's retry after the restart: same work, a new request.
                    again = cart.model_copy(update={"request_id": new_request_id()})
                    answer = await requests.ask(again, scaled(60))
                    assert isinstance(answer, WorkAnnounced)
                    marker = finished("c-mark0001", "Marker task")
                    assert isinstance(await requests.ask(marker, scaled(30)), WorkAnnounced)
                    await until_titled(sink, "Marker task finished")
                    assert count_titled(sink, "Write the cart") == 1
            finally:
                for p in procs:
                    await stop(p)


def outbox(home: Path) -> dict[str, Any]:
    path = home / "orchestration" / "outbox.json"
    try:
        loaded: dict[str, Any] = json.loads(path.read_text())
    except FileNotFoundError:
        return {}
    return loaded


async def test_a_task_cut_by_supervisor_sigkills_is_announced_once_with_the_reason(
    tmp_path: Path,
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    home = tmp_path / "home"
    write_policy(home / "policy.toml", work)
    data = tmp_path / "relay"
    procs: list[asyncio.subprocess.Process] = []
    async with HttpSink() as sink:
        with notifying(sink):
            try:
                # 1. A coordinated task whose part works for ten minutes.
                async with running_relay(data, **FAST_RELAY) as relay:
                    port = int(relay.base.rsplit(":", 1)[1])
                    code = relay.registry.create_pair_code().code
                    procs.append(await start_supervisor_process(relay, home, code))
                    await eventually(lambda: online(relay, "laptop"), 30, "the supervisor online")  # type: ignore[arg-type]
                    async with Client(relay.mcp, auth=relay.token, timeout=scaled(60)) as client:
                        started = await client.call_tool(
                            "create_session",
                            {
                                "cwd": str(work),
                                "command": ["tether:mock-agent", "--work-seconds", "600"],
                            },
                        )
                        sid = started.structured_content["session"]["session_id"]
                        task = await client.call_tool(
                            "coordinate_sessions",
                            {
                                "task_description": "Write the cart",
                                "session_assignments": [{"part": "the cart", "session_id": sid}],
                                "wait_seconds": 0,
                            },
                        )
                    coordination = task.structured_content["coordination"]
                    assert coordination["parts"][0]["state"] == "working"
                    cid = coordination["coordination_id"]
                    # 2. The supervisor dies with its session; the relay stops too.
                    await kill(procs[0])
                # 3. The next supervisor, with no relay, finds the task, fails the part
                # and queues the announcement in its outbox; then it is killed as well.
                procs.append(await start_supervisor_process(relay, home))
                key = f"coordination:{cid}"
                entry = await eventually(lambda: outbox(home).get(key), 30, "the announcement")
                assert entry["confirmed"] is False and entry["frame"]["outcome"] == "failed"
                await kill(procs[1])
                assert count_titled(sink, "Write the cart") == 0
                # 4. The relay is back, and a third supervisor sends what was not confirmed.
                async with running_relay(data, port=port, **FAST_RELAY) as relay:
                    procs.append(await start_supervisor_process(relay, home))
                    notice = await until_titled(sink, "Write the cart failed")
                    assert notice["title"] == "laptop · Write the cart failed"
                    assert f"failed. {RESTART_REASON}" in notice["message"]
                    await eventually(
                        lambda: outbox(home)[key]["confirmed"], 30, "the relay's confirmation"
                    )
                    async with Client(relay.mcp, auth=relay.token, timeout=scaled(60)) as client:
                        status = await client.call_tool(
                            "get_coordination_status", {"coordination_id": cid}
                        )
                        [part] = status.structured_content["coordination"]["parts"]
                        assert part["state"] == "failed"
                        assert part["reason"].startswith(RESTART_REASON)
                        # The marker: a quick task on this supervisor, announced after.
                        quick = await client.call_tool(
                            "coordinate_sessions",
                            {
                                "task_description": "Marker task",
                                "session_assignments": [{"part": "hello", "cwd": str(work)}],
                                "wait_seconds": 0,
                            },
                        )
                        assert not quick.is_error
                    await until_titled(sink, "Marker task finished")
                    assert count_titled(sink, "Write the cart") == 1
            finally:
                for p in procs:
                    await stop(p)
