"""Real relays and supervisors killed with SIGKILL (and stopped cleanly), in processes of
their own: the reaper ends orphans, acknowledged output survives, keyed commands run once.
``-m soak`` runs a minutes-long schedule of random kills."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import signal
from pathlib import Path
from typing import Any

import pytest
from fastmcp import Client

from server.session_store import SessionStore
from shared.protocol import (
    SessionStarted,
    SessionStopped,
    StartSession,
    StopSession,
)
from tests.fault_support import (
    FAST_RELAY,
    PRODUCER,
    PY,
    SOAK_SECONDS,
    RelayProcess,
    admin,
    all_online,
    check_lines,
    lines_prefix,
    online,
    relay_process,
    running,
    running_supervisor_no_hub,
    showing_log,
    start_supervisor_process,
    zombie_children,
)
from tests.faultproxy import FaultProxy
from tests.relay_support import (
    Relay,
    running_relay,
    sign_in,
    write_policy,
)
from tests.support import eventually, scaled

# Ignores SIGHUP, as a program that outlives its terminal would: only the reaper stops it.
SLEEPER = (
    "import signal, sys, time\n"
    "signal.signal(signal.SIGHUP, signal.SIG_IGN)\n"
    "sys.stdout.write('READY\\n'); sys.stdout.flush()\n"
    "while True:\n"
    "    time.sleep(1)\n"  # noqa: sleep-ok - the child program idles; the test does not sleep
)


# Starts a grandchild in a session of its own (as a daemon does), then idles like SLEEPER.
SPAWNER = (
    "import signal, subprocess, sys, time\n"
    "signal.signal(signal.SIGHUP, signal.SIG_IGN)\n"
    f"child = subprocess.Popen([sys.executable, '-c', {SLEEPER!r}], start_new_session=True,\n"
    "    stdout=subprocess.DEVNULL)\n"
    "sys.stdout.write(f'GRANDCHILD {child.pid}\\n'); sys.stdout.flush()\n"
    "while True:\n"
    "    time.sleep(1)\n"  # noqa: sleep-ok - the child program idles; the test does not sleep
)
GRANDCHILD = re.compile(rb"GRANDCHILD (\d+)")


async def test_a_supervisor_killed_and_restarted_reaps_its_orphans_and_reports_them_ended(
    tmp_path: Path,
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    home = tmp_path / "home"
    write_policy(home / "policy.toml", work, commands=f'["{PY}"]')
    log = tmp_path / "supervisor.log"
    procs: list[asyncio.subprocess.Process] = []
    orphan = grandchild = 0
    try:
        async with running_relay(tmp_path / "relay", **FAST_RELAY) as relay:
            code = relay.registry.create_pair_code().code
            procs.append(await start_supervisor_process(relay, home, code, log=log))
            await eventually(lambda: online(relay, "laptop"), 20, "the supervisor online")  # type: ignore[arg-type]
            started = await relay.hub.call(
                StartSession(request_id="spawner", command=[PY, "-c", SPAWNER], cwd=str(work)),
                host="laptop",
                timeout=scaled(20),
            )
            assert isinstance(started, SessionStarted), started
            sid = started.session.session_id

            def grandchild_pid() -> int | None:
                match = GRANDCHILD.search(relay.hub.store.all_output(sid))
                return int(match.group(1)) if match else None

            grandchild = await eventually(grandchild_pid, 20, "the grandchild's pid")
            record = home / "sessions" / f"{sid}.json"
            orphan = int(json.loads(record.read_text())["pid"])
            assert running(orphan) and running(grandchild)

            procs[0].send_signal(signal.SIGKILL)
            await asyncio.wait_for(procs[0].wait(), scaled(10))
            await eventually(lambda: online(relay, "laptop", want=False), 10, "offline")  # type: ignore[arg-type]
            assert running(orphan), "the program should outlive a SIGKILLed supervisor"
            assert running(grandchild), "so should its grandchild in a session of its own"
            # While the computer is down, the listing says what is known, not a stale state.
            async with Client(relay.mcp, auth=relay.token) as client:
                down = (await client.call_tool("list_sessions", {})).structured_content
            [listed] = [x for x in down["sessions"] if x["session_id"] == sid]
            assert "no output yet" not in listed["state_reason"]
            assert "offline" in listed["state_reason"] and "printed" in listed["state_reason"]

            procs.append(await start_supervisor_process(relay, home, log=log))
            with showing_log(log):
                await eventually(lambda: online(relay, "laptop"), 20, "the supervisor back")  # type: ignore[arg-type]
            await eventually(lambda: not running(orphan), 10, "the orphan reaped")
            await eventually(lambda: not running(grandchild), 10, "the setsid grandchild ended")
            # The session outlives its supervisor's process: listed as ended, with why,
            # and its output readable from the relay's copy.
            async with Client(relay.mcp, auth=relay.token) as client:
                back = (
                    await client.call_tool("list_sessions", {"include_ended": True})
                ).structured_content
                logs = (
                    await client.call_tool("get_logs", {"session_id": sid, "mode": "raw"})
                ).structured_content
            [ended] = [x for x in back["sessions"] if x["session_id"] == sid]
            assert ended["state"] == "exited" and "supervisor restarted" in ended["state_reason"]
            assert logs["source"] == "relay_copy" and "GRANDCHILD" in logs["text"]
            assert "no longer has this session" in logs["note"]
            assert not record.exists()
            stored = relay.hub.store.session(sid)
            assert stored is not None and stored.info is not None
            assert stored.info.state == "exited"
            assert "supervisor restarted" in stored.info.state_reason
            [host] = [h for h in await relay.hub.hosts() if h.name == "laptop"]
            assert host.session_count == 0
    finally:
        for proc in procs:
            if proc.returncode is None:
                proc.terminate()
                await asyncio.wait_for(proc.wait(), scaled(20))
        for pid in (orphan, grandchild):
            if pid and running(pid):
                os.kill(pid, signal.SIGKILL)
    assert zombie_children() == []


async def test_a_clean_stop_of_the_supervisor_ends_every_descendant_of_its_sessions(
    tmp_path: Path,
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    home = tmp_path / "home"
    write_policy(home / "policy.toml", work, commands=f'["{PY}"]')
    proc: asyncio.subprocess.Process | None = None
    pids: list[int] = []
    try:
        async with running_relay(tmp_path / "relay", **FAST_RELAY) as relay:
            code = relay.registry.create_pair_code().code
            proc = await start_supervisor_process(relay, home, code)
            await eventually(lambda: online(relay, "laptop"), 20, "the supervisor online")  # type: ignore[arg-type]
            sids = []
            for n in range(2):
                started = await relay.hub.call(
                    StartSession(request_id=f"sp-{n}", command=[PY, "-c", SPAWNER], cwd=str(work)),
                    host="laptop",
                    timeout=scaled(20),
                )
                assert isinstance(started, SessionStarted), started
                sids.append(started.session.session_id)

            def grandchildren() -> list[int] | None:
                found = [GRANDCHILD.search(relay.hub.store.all_output(sid)) for sid in sids]
                return [int(m.group(1)) for m in found if m] if all(found) else None

            pids = await eventually(grandchildren, 20, "both grandchildren's pids")
            # The first session is stopped through the relay: its whole tree ends.
            stopped = await relay.hub.call(
                StopSession(request_id="stop-0", session_id=sids[0]),
                session_id=sids[0],
                timeout=scaled(20),
            )
            assert isinstance(stopped, SessionStopped), stopped
            await eventually(lambda: not running(pids[0]), 10, "the first grandchild ended")
            assert running(pids[1])
            # A clean SIGTERM of the supervisor ends the rest.
            proc.send_signal(signal.SIGTERM)
            assert await asyncio.wait_for(proc.wait(), scaled(20)) == 0
            await eventually(lambda: not running(pids[1]), 10, "the second grandchild ended")
    finally:
        if proc is not None and proc.returncode is None:
            proc.kill()
            await proc.wait()
        for pid in pids:
            if running(pid):
                os.kill(pid, signal.SIGKILL)
    assert zombie_children() == []


async def test_a_relay_killed_with_sigkill_keeps_every_acknowledged_byte_and_resumes(
    tmp_path: Path,
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    policy = write_policy(tmp_path / "home/policy.toml", work, commands=f'["{PY}"]')
    data = tmp_path / "relay"
    async with relay_process(data) as relay:
        port = relay.port
        token = await sign_in(f"http://127.0.0.1:{port}")
        code = await admin(data, "pair-code")
        async with FaultProxy("127.0.0.1", port) as proxy:
            url = f"ws://127.0.0.1:{proxy.port}/supervisor"
            relay_url = f"ws://127.0.0.1:{port}/supervisor"
            async with running_supervisor_no_hub(url, policy, relay_url, code) as sup:
                proxy.up.throttle = 200_000
                script = work / "producer.py"
                script.write_text(PRODUCER)
                async with Client(f"http://127.0.0.1:{port}/mcp", auth=token) as client:
                    created = await client.call_tool(
                        "create_session",
                        {"command": [PY, str(script), "6000", "60", "S"], "cwd": str(work)},
                    )
                sid = created.structured_content["session"]["session_id"]
                journal = sup.manager.get(sid).journal
                store = SessionStore(data / "relay.sqlite3")
                try:
                    await eventually(
                        lambda: len(store.all_output(sid)) > 50_000, 20, "output stored"
                    )
                    acked = sup.agent.outbox.sender(sid)
                    assert acked is not None
                    await relay.kill()
                    held = store.all_output(sid)
                    # Everything the supervisor let go of (acked) is in the file.
                    assert len(held) >= acked.acked
                    assert journal.read(0, journal.end).data.startswith(held)
                    proxy.up.throttle = None
                    await relay.start()

                    def equal() -> bool:
                        stored = store.all_output(sid)
                        produced = journal.read(0, journal.end).data
                        assert produced.startswith(stored)
                        return b"DONE\r\n" in produced and stored == produced

                    await eventually(equal, 30, "the restarted relay to hold all output")
                    check_lines(store.all_output(sid), 6000)
                finally:
                    store.close()


async def test_a_call_cut_by_a_relay_sigkill_repeated_with_its_client_key_runs_once(
    tmp_path: Path,
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    policy = write_policy(tmp_path / "home/policy.toml", work, commands=f'["{PY}"]')
    data = tmp_path / "relay"
    async with relay_process(data) as relay:
        port = relay.port
        token = await sign_in(f"http://127.0.0.1:{port}")
        code = await admin(data, "pair-code")
        url = f"ws://127.0.0.1:{port}/supervisor"
        mcp = f"http://127.0.0.1:{port}/mcp"
        async with running_supervisor_no_hub(url, policy, url, code) as sup:
            script = work / "producer.py"
            script.write_text(PRODUCER)
            async with Client(mcp, auth=token) as client:
                created = await client.call_tool(
                    "create_session",
                    {"command": [PY, str(script), "1", "10", "S"], "cwd": str(work)},
                )
            sid = created.structured_content["session"]["session_id"]
            journal = sup.manager.get(sid).journal
            key = {
                "session_id": sid,
                "text": "once",
                "wait_seconds": 20,
                "client_key": "k-once-0001",
            }

            def typed() -> int:
                return journal.read(0, journal.end).data.count(b"GOT once")

            client = Client(mcp, auth=token, timeout=scaled(60))
            await client.__aenter__()  # type: ignore[no-untyped-call]
            call = asyncio.create_task(client.call_tool("send_message", key))
            await eventually(lambda: typed() == 1, 20, "the text typed")
            await relay.kill()  # the relay dies mid-call
            lost = await asyncio.gather(call, return_exceptions=True)
            assert isinstance(lost[0], BaseException)  # a transport error, no id at all
            with contextlib.suppress(Exception):  # the session's own goodbye fails too
                await client.__aexit__(None, None, None)  # type: ignore[no-untyped-call]
            await relay.start()
            await eventually(lambda: sup.link.connected.is_set(), 30, "the supervisor back")
            token = await sign_in(f"http://127.0.0.1:{port}")
            async with Client(mcp, auth=token, timeout=scaled(60)) as client:
                again = await client.call_tool("send_message", key)
                third = await client.call_tool("send_message", key)
                other = await client.call_tool(
                    "send_message", {**key, "text": "different"}, raise_on_error=False
                )
            assert not again.is_error and again.structured_content["bytes_written"] > 0
            assert third.structured_content == again.structured_content  # stored outcome
            assert other.is_error and "already used" in other.content[0].text
            assert typed() == 1


@pytest.mark.soak
@pytest.mark.timeout(int(SOAK_SECONDS * 3 + 300))
async def test_soak_relay_and_supervisor_sigkills_lose_and_double_nothing(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """Real processes killed at random: keyed commands run once, stored output stays whole."""
    if "soak" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("a minutes-long run: select it with -m soak (TETHER_SOAK_SECONDS sets it)")
    import random

    rng = random.Random(int(os.environ.get("TETHER_SOAK_SEED", "5")))
    work = tmp_path / "work"
    work.mkdir()
    home = tmp_path / "home"
    write_policy(home / "policy.toml", work, commands=f'["{PY}"]')
    script = work / "producer.py"
    script.write_text(PRODUCER)
    data = tmp_path / "relay"
    relay = RelayProcess(data)
    await relay.start()
    port = relay.port
    mcp = f"http://127.0.0.1:{port}/mcp"
    code = await admin(data, "pair-code")
    relay_info = Relay(f"http://127.0.0.1:{port}", None, None, "")  # type: ignore[arg-type]
    sup = await start_supervisor_process(relay_info, home, code)
    faults = {"relay_sigkill": 0, "supervisor_sigkill": 0, "none": 0}
    keyed: dict[str, tuple[str, str, str]] = {}  # key -> (session id, text, outcome)
    sessions: list[str] = []
    loop = asyncio.get_running_loop()
    deadline = loop.time() + SOAK_SECONDS
    n = 0
    fresh = True

    token = [await sign_in(f"http://127.0.0.1:{port}")]

    async def tool(name: str, args: dict[str, Any], tries: int = 8) -> dict[str, Any] | None:
        """Call ``name`` (with its client_key) until it answers; None if it never did."""
        for _ in range(tries):
            try:
                async with Client(mcp, auth=token[0], timeout=scaled(30)) as client:
                    result = await client.call_tool(name, args, raise_on_error=False)
                if not result.is_error:
                    content: dict[str, Any] = result.structured_content or {}
                    return content
                if "offline" not in result.content[0].text:
                    return {"error": result.content[0].text}
            except Exception:  # the relay is down or restarting: the same key again
                with contextlib.suppress(Exception):
                    token[0] = await sign_in(f"http://127.0.0.1:{port}")
            await asyncio.sleep(1.0)  # noqa: sleep-ok - pacing of retries while a relay restarts
        return None

    try:
        while loop.time() < deadline:
            n += 1
            if fresh or rng.random() < 0.2:
                fresh = False
                made = await tool(
                    "create_session",
                    {
                        "command": [PY, str(script), str(rng.choice([200, 2000])), "60", "S"],
                        "cwd": str(work),
                        "client_key": f"create-{n:05d}",
                    },
                )
                if made and "session" in made:
                    sessions.append(made["session"]["session_id"])
            if sessions:
                sid = sessions[-1]
                for m in range(rng.randint(1, 3)):
                    key = f"send-{n:05d}-{m}"
                    args = {"session_id": sid, "text": f"k{n}x{m}", "wait_seconds": 0}
                    done = await tool("send_message", {**args, "client_key": key})
                    outcome = "none" if done is None else "error" if "error" in done else "ok"
                    keyed[key] = (sid, f"k{n}x{m}", outcome)
            fault = rng.choice(["relay_sigkill", "supervisor_sigkill", "none", "none"])
            faults[fault] += 1
            if fault == "relay_sigkill":
                await relay.kill()
                await relay.start()
            elif fault == "supervisor_sigkill":
                sup.send_signal(signal.SIGKILL)
                await sup.wait()
                sup = await start_supervisor_process(relay_info, home)
                fresh = True  # its sessions ended with it
            await asyncio.sleep(rng.uniform(0.2, 1.5))  # noqa: sleep-ok - pacing of the schedule
        # Settle: everything the supervisor still holds reaches the relay.
        final = await sign_in(f"http://127.0.0.1:{port}")
        await eventually(lambda: all_online(mcp, final), 60, "the supervisor online at the end")  # type: ignore[arg-type]
        store = SessionStore(data / "relay.sqlite3")
        try:
            doubled = lines = 0
            for sid in sessions:
                lines += lines_prefix(store.all_output(sid))
            for key, (sid, text, outcome) in keyed.items():
                count = store.all_output(sid).count(f"GOT {text}\r\n".encode())
                doubled += count > 1
                if outcome == "ok":
                    # Typed once; its echo may be lost only if the supervisor was killed
                    # before sending it (the session died with it).
                    assert count <= 1, (key, count)
            figures = {
                "seconds": SOAK_SECONDS,
                "faults": faults,
                "sessions": len(sessions),
                "numbered_lines_stored": lines,
                "keyed_commands": len(keyed),
                "ok": sum(1 for *_, o in keyed.values() if o == "ok"),
                "refused": sum(1 for *_, o in keyed.values() if o == "error"),
                "no_answer": sum(1 for *_, o in keyed.values() if o == "none"),
                "double_applied": doubled,
            }
            print("\nKILL SOAK FIGURES", json.dumps(figures, sort_keys=True))
            assert doubled == 0
        finally:
            store.close()
    finally:
        if sup.returncode is None:
            sup.terminate()
            await asyncio.wait_for(sup.wait(), scaled(20))
        await relay.stop()
