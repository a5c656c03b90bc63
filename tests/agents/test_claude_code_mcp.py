"""The real Claude Code reaches Tether's MCP server for agents, which the supervisor wires in.

Opt-in (``scripts/test --agents``). The session is started through the supervisor with
agents' wiring on, so Claude Code gets ``--mcp-config`` naming the ``tether`` server;
the fake Messages API on loopback sees Tether's tools in the request and asks for one.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.agents.fake_anthropic import FakeAnthropic, Say, UseTool
from tests.agents.rig import BIN, rig
from tests.support import eventually

pytestmark = pytest.mark.agents
CLAUDE = BIN / "claude"
PLAN = {"steps": ["parse", "render"], "owner": "claude"}


async def test_claude_code_lists_tethers_agent_tools_and_stores_data_when_the_model_asks(
    tmp_path: Path,
) -> None:
    if not CLAUDE.exists():
        pytest.skip("Claude Code is not installed: run scripts/agent-deps")
    store = UseTool("mcp__tether__store_data", {"scope": "project", "key": "plan", "value": PLAN})
    fake = await FakeAnthropic([store, Say("Stored.")]).start()
    env = {
        "ANTHROPIC_BASE_URL": fake.url,
        "ANTHROPIC_AUTH_TOKEN": "fake-token-for-a-loopback-server",
        "DISABLE_AUTOUPDATER": "1",
        "DISABLE_TELEMETRY": "1",
        "DISABLE_ERROR_REPORTING": "1",
        "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1",
        # MCP tools are otherwise "deferred": named in a system message and fetched through
        # ToolSearch, not listed in the request's tools.
        "ENABLE_TOOL_SEARCH": "false",
    }
    try:
        async with rig(tmp_path, CLAUDE, env, agents=True) as r:
            await r.start([str(CLAUDE), "--permission-mode", "default"])
            for what, label in (
                ("the theme picker", "Dark mode"),
                ("the security notes", ""),
                ("the trust dialog", "Yes, I trust this folder"),
            ):
                assert (await r.answer(await r.prompt(what), label))["prompt_gone"]

            await r.idle()
            await r.call("send_message", session_id=r.session_id, text="Store the plan")
            # Announced by the PermissionRequest hook, answerable once the screen confirms it.
            approval = await r.prompt(
                "the MCP tool approval", source="screen_rule:claude.permission"
            )
            assert approval["source"].startswith("hook:PermissionRequest"), approval["source"]
            assert approval["kind"] == "choice"
            assert approval["question"] == "Do you want to proceed?", approval
            assert "tool: mcp__tether__store_data" in approval["context"], approval
            assert [o["label"] for o in approval["options"]][0] == "Yes"
            assert (await r.answer(approval, "Yes"))["prompt_gone"]

            await eventually(fake.tool_results, timeout=60, what="the tool result")
            asked = next(b for b in fake.requests if b.get("messages") and b.get("tools"))
            names = {t.get("name") for t in asked["tools"]}
            assert {"mcp__tether__list_sessions", "mcp__tether__store_data"} <= names, names
            result = fake.tool_results()[0]
            assert result["tool_use_id"] == "toolu_0001"
            assert not result.get("is_error"), result

            assert r.agents is not None
            stored = await r.agents.service.retrieve(r.session_id, "project", "plan")
            assert stored["found"], stored
            assert stored["version"] == 1
            value = stored["value"]
            assert (json.loads(value) if isinstance(value, str) else value) == PLAN
    finally:
        await fake.close()
