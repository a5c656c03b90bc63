"""The real Claude Code, driven through the supervisor against a fake Messages API on loopback.

Opt-in (``scripts/test --agents``, which installs the pinned CLI first): the binary
is large. No account and no network beyond 127.0.0.1: ``ANTHROPIC_BASE_URL`` points
at :class:`tests.agents.fake_anthropic.FakeAnthropic`.
"""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastmcp import Client

from supervisor.agent import Agent
from supervisor.local_mcp import build_local_server
from supervisor.sessions import SessionManager
from tests.agents.fake_anthropic import FakeAnthropic, RunBash, Say
from tests.support import eventually

pytestmark = pytest.mark.agents
CLAUDE = Path(__file__).parent / "node" / "node_modules" / ".bin" / "claude"


@dataclass
class Rig:
    client: Client[Any]
    fake: FakeAnthropic
    project: Path
    session_id: str = ""

    async def call(self, tool: str, **args: Any) -> dict[str, Any]:
        result = await self.client.call_tool(tool, args)
        data = result.structured_content
        assert isinstance(data, dict)
        return data

    async def prompt(self, what: str) -> dict[str, Any]:
        async def pending() -> dict[str, Any] | None:
            prompts = (await self.call("check_prompts", session_id=self.session_id))["prompts"]
            return prompts[0] if prompts else None

        return await eventually(pending, timeout=60, what=what)

    async def answer(self, prompt: dict[str, Any], answer: str) -> dict[str, Any]:
        return await self.call("respond_to_prompt", prompt_id=prompt["prompt_id"], answer=answer)


@pytest.fixture
async def rig(tmp_path: Path) -> AsyncIterator[Rig]:
    if not CLAUDE.exists():
        pytest.skip("Claude Code is not installed: run scripts/agent-deps")
    fake = await FakeAnthropic([RunBash("echo tether-ok > proof.txt"), Say("Done.")]).start()
    home, project, tether = tmp_path / "home", tmp_path / "project", tmp_path / "tether"
    for directory in (home, project, tether):
        directory.mkdir()
    policy = tether / "policy.toml"
    policy.write_text(
        f"roots = [{json.dumps(str(tmp_path))}]\ncommands = [{json.dumps(str(CLAUDE))}]\n"
    )
    policy.chmod(0o600)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "TETHER_HOME": str(tether),
        "ANTHROPIC_BASE_URL": fake.url,
        "ANTHROPIC_AUTH_TOKEN": "fake-token-for-a-loopback-server",
        "DISABLE_AUTOUPDATER": "1",
        "DISABLE_TELEMETRY": "1",
        "DISABLE_ERROR_REPORTING": "1",
        "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1",
    }
    manager = SessionManager(policy_file=policy, environ=env)
    agent = Agent(manager, reaper=None)
    try:
        async with Client(build_local_server(agent, "laptop"), timeout=120) as client:
            yield Rig(client, fake, project)
    finally:
        await asyncio.wait_for(manager.close_all(), 30)
        await fake.close()


async def test_first_run_dialogs_and_a_bash_approval_are_detected_and_answered(rig: Rig) -> None:
    created = await rig.call(
        "create_session",
        command=[str(CLAUDE), "--permission-mode", "default"],
        cwd=str(rig.project),
    )
    rig.session_id = created["session"]["session_id"]

    theme = await rig.prompt("the theme picker")
    assert theme["kind"] == "choice" and "Dark mode" in [o["label"] for o in theme["options"]]
    assert (await rig.answer(theme, "Dark mode"))["prompt_gone"]

    notes = await rig.prompt("the security notes")
    assert notes["kind"] == "press_enter"
    assert (await rig.answer(notes, ""))["prompt_gone"]

    trust = await rig.prompt("the trust dialog")
    labels = [o["label"] for o in trust["options"]]
    assert trust["kind"] == "choice" and "Yes, I trust this folder" in labels
    assert (await rig.answer(trust, "Yes, I trust this folder"))["prompt_gone"]

    async def idle() -> dict[str, Any] | None:
        status = await rig.call("get_session_status", session_id=rig.session_id)
        waiting = status["session"]["state"] != "idle" or status.get("prompts")
        return None if waiting else status

    idle_status: dict[str, Any] = await eventually(
        idle, timeout=60, what="Claude Code idle, not waiting"
    )
    assert idle_status["session"]["state"] == "idle"

    await rig.call("send_message", session_id=rig.session_id, text="Create the proof file")
    approval = await rig.prompt("the Bash approval")
    assert approval["kind"] == "choice" and approval["question"] == "Do you want to proceed?"
    assert [o["label"] for o in approval["options"]][0] == "Yes"
    assert approval["source"].startswith("hook:"), approval["source"]  # the real http hook
    assert (await rig.answer(approval, "Yes"))["prompt_gone"]

    await eventually(lambda: rig.fake.tool_results(), timeout=60, what="the tool result")
    assert rig.fake.tool_results()[0]["tool_use_id"] == "toolu_0001"
    assert (rig.project / "proof.txt").read_text() == "tether-ok\n"
