"""End to end: agent sessions resumed after a real supervisor SIGKILL and restart (real PTYs,
a real relay, the MCP tools), within the policy as it is at the restart."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path
from typing import Any

from fastmcp import Client

from tests.fault_support import (
    FAST_RELAY,
    PY,
    online,
    start_supervisor_process,
    zombie_children,
)
from tests.relay_support import running_relay
from tests.support import eventually, scaled

# The SIGKILL shows as a closed socket at once; a busy machine's slow pong must not
# look like a dead supervisor (the fast relay declares one dead after 1.5 s of silence).
RELAY = {**FAST_RELAY, "heartbeat_timeout": scaled(30)}


def policy_text(roots: list[Path]) -> str:
    listed = ", ".join(f'"{r}"' for r in roots)
    return (
        f"roots = [{listed}]\n"
        f'commands = ["tether:mock-agent", "{PY}"]\n'
        "max_sessions = 8\n"
        "resume_sessions = true\n"
    )


async def test_sessions_are_resumed_after_a_supervisor_sigkill_and_the_listing_says_how(
    tmp_path: Path,
) -> None:
    work, elsewhere = tmp_path / "work", tmp_path / "elsewhere"
    work.mkdir()
    elsewhere.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    policy = home / "policy.toml"
    policy.write_text(policy_text([work, elsewhere]))
    policy.chmod(0o600)
    log = tmp_path / "supervisor.log"  # both runs' DEBUG logs, shown if the test fails
    procs: list[asyncio.subprocess.Process] = []
    try:
        async with running_relay(tmp_path / "relay", **RELAY) as relay:
            code = relay.registry.create_pair_code().code
            procs.append(await start_supervisor_process(relay, home, code, log=log))
            await eventually(lambda: online(relay, "laptop"), 30, "the supervisor online")  # type: ignore[arg-type]
            async with Client(relay.mcp, auth=relay.token, timeout=scaled(60)) as client:

                async def create(command: list[str], cwd: Path) -> str:
                    made = await client.call_tool(
                        "create_session", {"command": command, "cwd": str(cwd)}
                    )
                    return str(made.structured_content["session"]["session_id"])

                mock = ["tether:mock-agent", "--work-seconds", "0"]
                agent = await create(mock, work)
                moved = await create(mock, elsewhere)  # its folder leaves the policy below
                plain = await create([PY, "-c", "input()"], work)  # no way to resume it
                said = await client.call_tool(
                    "send_message", {"session_id": agent, "text": "remember the milk"}
                )
                assert not said.is_error, said
                # The reply says the text was typed and the screen settled, not that the
                # agent has read it: its history (what a resume shows) is written then.
                history = home / "mock-agent" / f"{agent}.history"
                await eventually(
                    lambda: history.is_file() and "remember the milk" in history.read_text(),
                    30,
                    "the agent's history of the message",
                )
            procs[0].send_signal(signal.SIGKILL)
            await asyncio.wait_for(procs[0].wait(), scaled(10))
            await eventually(lambda: online(relay, "laptop", want=False), 10, "offline")  # type: ignore[arg-type]
            policy.write_text(policy_text([work]))  # the owner narrows the policy meanwhile

            procs.append(await start_supervisor_process(relay, home, log=log))
            await eventually(lambda: online(relay, "laptop"), 30, "the supervisor back")  # type: ignore[arg-type]
            async with Client(relay.mcp, auth=relay.token, timeout=scaled(60)) as client:
                listed = await client.call_tool("list_sessions", {"include_ended": True})
                rows: dict[str, dict[str, Any]] = {
                    s["session_id"]: s for s in listed.structured_content["sessions"]
                }
                [new] = [s for s in rows.values() if s.get("resumed_from")]
                gap = new["resumed_from"]
                assert gap["session_id"] == agent
                assert gap["ended_at"] <= new["started_at"]
                assert rows[agent]["state"] == "exited"
                assert f"resumed as session {new['session_id']}" in rows[agent]["state_reason"]
                assert "not resumed" in rows[moved]["state_reason"]
                assert "outside the allowed roots" in rows[moved]["state_reason"]
                assert "does not know how to resume" in rows[plain]["state_reason"]

                seen = {"text": ""}

                async def resumed_screen() -> bool:
                    logs = await client.call_tool(
                        "get_logs", {"session_id": new["session_id"], "mode": "raw"}
                    )
                    seen["text"] = logs.structured_content["text"]
                    return "Resumed conversation" in seen["text"]

                try:
                    await eventually(resumed_screen, 30, "the resumed agent's greeting")  # type: ignore[arg-type]
                except AssertionError as exc:
                    raise AssertionError(
                        f"{exc}\nthe relay's copy of the resumed session: {seen['text']!r}\n"
                        f"the supervisor's log:\n{log.read_text(errors='replace')[-20000:]}"
                    ) from None
                logs = await client.call_tool(
                    "get_logs", {"session_id": new["session_id"], "mode": "raw"}
                )
                text = logs.structured_content["text"]
                assert f"Resumed conversation {agent} (1 earlier messages" in text
                assert "remember the milk" in text
                old = await client.call_tool("get_logs", {"session_id": agent, "mode": "raw"})
                assert "remember the milk" in old.structured_content["text"]
                assert new["cwd"] == str(work.resolve())
    finally:
        for proc in procs:
            if proc.returncode is None:
                proc.terminate()
                await asyncio.wait_for(proc.wait(), scaled(20))
    assert zombie_children() == []
