"""send_message waits for the session to settle and returns what appeared since the message."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from fastmcp import Client

import shared.mcp.calls
from supervisor.command_runner import CommandRunner
from supervisor.local_mcp import build_local_server
from supervisor.session_manager import SessionManager
from tests.support import eventually, scaled


class Rig:
    def __init__(self, client: Client[Any], work: Path) -> None:
        self.client, self.work = client, work

    async def call(self, tool: str, **args: Any) -> dict[str, Any]:
        result = await self.client.call_tool(tool, args)
        assert result.structured_content is not None
        return result.structured_content

    async def start_mock(self, script: str, work_seconds: float = 0.0) -> str:
        path = self.work / "script.txt"
        path.write_text(script)
        created = await self.call(
            "create_session",
            command=[
                "tether:mock-agent",
                "--no-color",
                "--work-seconds",
                str(work_seconds),
                "--script",
                str(path),
            ],
            cwd=str(self.work),
        )
        sid = str(created["session"]["session_id"])

        async def banner() -> bool:
            return "Welcome to Mock Claude" in (await self.call("get_logs", session_id=sid))["text"]

        await eventually(banner, 20, "the mock agent's banner")
        return sid


progress: list[tuple[float, float | None, str | None]] = []


async def on_progress(value: float, total: float | None, message: str | None) -> None:
    progress.append((value, total, message))


@pytest.fixture
async def rig(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Rig]:
    work, home = tmp_path / "work", tmp_path / "home"
    work.mkdir()
    home.mkdir()
    monkeypatch.setenv("TETHER_HOME", str(home))
    (home / "policy.toml").write_text(
        f'roots = ["{work.resolve()}"]\ncommands = ["tether:mock-agent"]\nmax_sessions = 4\n'
    )
    manager = SessionManager(environ=dict(os.environ))
    agent = CommandRunner(manager, reaper=None)
    progress.clear()
    server = build_local_server(agent, "studio")
    try:
        async with Client(server, timeout=scaled(60), progress_handler=on_progress) as client:
            yield Rig(client, work)
    finally:
        await asyncio.wait_for(manager.close_all(), scaled(30))


async def test_a_message_returns_the_agents_reply_once_it_is_idle(rig: Rig) -> None:
    sid = await rig.start_mock("reply The answer is 42, as computed\n")
    sent = await rig.call("send_message", session_id=sid, text="what is the answer?")
    assert sent["state"] == "idle", sent
    assert "The answer is 42, as computed" in sent["output"]
    # The screen changed, so it comes whole (banner included); the reply only once.
    assert sent["output"].count("The answer is 42") == 1
    assert sent["prompts"] == [] and sent["untrusted_output"] is True
    assert sent["next_cursor"]
    later = await rig.call("get_logs", session_id=sid, cursor=sent["next_cursor"])
    assert "The answer is 42" not in later["text"]


async def test_a_message_that_makes_the_agent_ask_returns_the_prompt(rig: Rig) -> None:
    sid = await rig.start_mock("permission npm test\n")
    sent = await rig.call("send_message", session_id=sid, text="run the tests")
    assert sent["state"] == "waiting_for_input", sent
    [prompt] = sent["prompts"]
    assert [o["label"] for o in prompt["options"]][0] == "Yes"
    assert "Do you want to proceed?" in sent["output"]
    assert "respond_to_prompt" in sent["next_step"]


async def test_a_message_that_makes_the_program_exit_returns_exited(rig: Rig) -> None:
    sid = await rig.start_mock("exit 3\n")
    sent = await rig.call("send_message", session_id=sid, text="goodbye")
    assert sent["state"] == "exited" and "code 3" in sent["state_reason"]


async def test_progress_is_reported_while_a_long_turn_works(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shared.mcp.calls, "WAIT_CHUNK", 0.5)  # several chunks in a short turn
    sid = await rig.start_mock("reply Finally done\n", work_seconds=3.0)
    sent = await rig.call("send_message", session_id=sid, text="take your time")
    assert sent["state"] == "idle" and "Finally done" in sent["output"]
    assert progress, "no progress notification while the session worked"
    value, total, message = progress[0]
    assert total == 30 and 0 < value <= 30 and message is not None and "working" in message


async def test_a_wait_that_runs_out_returns_the_session_still_working(rig: Rig) -> None:
    sid = await rig.start_mock("reply Too slow to wait for\n", work_seconds=20.0)
    sent = await rig.call("send_message", session_id=sid, text="go", wait_seconds=1)
    assert sent["state"] == "working" and "get_logs" in sent["next_step"]
    assert 1 <= sent["waited_seconds"] < 20


async def test_wait_seconds_zero_returns_at_once_without_output(rig: Rig) -> None:
    sid = await rig.start_mock("reply Hello\n")
    sent = await rig.call("send_message", session_id=sid, text="hi", wait_seconds=0)
    assert sent["state"] is None and sent["output"] == "" and sent["bytes_written"] > 0
