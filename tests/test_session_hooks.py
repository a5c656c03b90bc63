"""Claude Code's hooks wired into real sessions: a fake ``claude`` posts, the screen confirms.

Each test runs ``tests/fake_claude.py`` installed as ``claude`` in a real PTY, through
the in-process local MCP server (``supervisor.local_mcp``) and a fastmcp client.
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from fastmcp import Client

from shared.protocol import PromptDetected
from supervisor.command_runner import CommandRunner, Unsolicited
from supervisor.hooks import HookEvent
from supervisor.local_mcp import build_local_server
from supervisor.session_manager import SessionManager
from tests.fake_claude import install as install_fake_claude
from tests.support import eventually, scaled

PERMISSION = {
    "tool_name": "Bash",
    "tool_input": {"command": "npm test", "description": "Run the tests"},
    "permission_suggestions": [{"type": "addRules"}],
}


class Rig:
    def __init__(self, client: Client[Any], agent: CommandRunner, work: Path) -> None:
        self.client, self.agent, self.work = client, agent, work

    async def call(self, tool: str, **args: Any) -> dict[str, Any]:
        result = await self.client.call_tool(tool, args)
        assert result.structured_content is not None
        return result.structured_content

    async def start_claude(self, *args: str) -> str:
        created = await self.call("create_session", command=["claude", *args], cwd=str(self.work))
        return str(created["session"]["session_id"])

    async def prompts(self, sid: str) -> list[dict[str, Any]]:
        return list((await self.call("check_prompts", session_id=sid))["prompts"])


@pytest.fixture
async def rig(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Rig]:
    work, home, bin_dir = tmp_path / "work", tmp_path / "home", tmp_path / "bin"
    for d in (work, home, bin_dir):
        d.mkdir()
    install_fake_claude(bin_dir)
    monkeypatch.setenv("TETHER_HOME", str(home))
    (home / "policy.toml").write_text(
        f'roots = ["{work.resolve()}"]\ncommands = ["claude"]\nmax_sessions = 4\n'
    )
    environ = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    manager = SessionManager(environ=environ)
    agent = CommandRunner(manager, reaper=None)
    try:
        async with Client(build_local_server(agent, "studio"), timeout=scaled(30)) as client:
            yield Rig(client, agent, work)
    finally:
        await asyncio.wait_for(manager.close_all(), scaled(30))


async def test_a_hook_prompt_is_confirmed_by_the_screen_and_answered_by_label(rig: Rig) -> None:
    delivered: list[float] = []
    detected: list[float] = []
    manager = rig.agent.manager
    real = manager._hook_event

    def timed(event: HookEvent) -> None:
        if event.event == "PermissionRequest":
            delivered.append(time.monotonic())
        real(event)

    manager._hook_event = timed  # type: ignore[method-assign]

    def on_report(report: Unsolicited) -> None:
        if isinstance(report, PromptDetected) and report.prompt.source.startswith("hook:"):
            detected.append(time.monotonic())

    rig.agent.subscribe(on_report)
    sid = await rig.start_claude(
        "--payload", json.dumps(PERMISSION), "--dialog", "--reply", "All 12 tests passed"
    )

    async def confirmed() -> dict[str, Any] | None:
        found = await rig.prompts(sid)
        if found and "+screen_rule:" in found[0]["source"]:
            return found[0]
        return None

    first = (await eventually(lambda: rig.prompts(sid), 20, "the hook's prompt"))[0]
    checked = time.monotonic()
    assert first["source"].startswith("hook:PermissionRequest")
    assert first["prompt_id"] == f"{sid}:hook{first['prompt_id'].rsplit(':hook', 1)[1]}"
    prompt = await eventually(confirmed, 20, "the screen confirming the hook's dialog")
    assert prompt["prompt_id"] == first["prompt_id"]  # the screen kept the hook's id
    assert prompt["source"].startswith("hook:PermissionRequest+screen_rule:")
    assert "tool: Bash" in prompt["context"] and "npm test" in prompt["context"]
    labels = [o["label"] for o in prompt["options"]]
    assert labels[0] == "Yes" and labels[-1].startswith("No, and tell Claude")

    answered = await rig.call("respond_to_prompt", prompt_id=prompt["prompt_id"], answer=labels[-1])
    assert answered["prompt_gone"] is True

    async def idle() -> dict[str, Any] | None:
        status = await rig.call("get_session_status", session_id=sid)
        return status if status["session"]["state"] == "idle" else None

    status = await eventually(idle, 20, "the Stop hook making the session idle")
    assert "hook:Stop" in status["session"]["state_reason"]
    assert status["last_message"] == "All 12 tests passed" and status["prompts"] == []
    logs = await rig.call("get_logs", session_id=sid)
    assert f"Chose: {labels[-1]}" in logs["text"]
    assert delivered and detected
    print(
        f"\nprompt detection latency: hook delivered -> PromptDetected "
        f"{(detected[0] - delivered[0]) * 1000:.2f} ms; -> check_prompts saw it within "
        f"{(checked - delivered[0]) * 1000:.1f} ms (includes the polling client)"
    )


async def test_the_hook_token_in_the_sessions_env_never_reaches_the_client(rig: Rig) -> None:
    sid = await rig.start_claude("--event", "SessionStart", "--echo-token")

    async def shown() -> str | None:
        text = str((await rig.call("get_logs", session_id=sid))["text"])
        return text if "token:" in text else None

    text = await eventually(shown, 20, "the fake claude printing its token")
    line = next(x for x in text.splitlines() if x.startswith("token:"))
    # Masks keep the token's length (one offset space), so the label is padded to it.
    assert line.rstrip("*") == "token: [redacted:env:TETHER_HOOK_TOKEN]"
    raw = await rig.call("get_logs", session_id=sid, mode="raw", since=0)
    token_line = next(x for x in raw["text"].splitlines() if x.startswith("token:"))
    assert token_line.startswith("token: [redacted") and len(token_line.rstrip("\r")) > 20
    assert set(token_line.rstrip("\r")[len("token: [redacted") :]) <= set(":env_TETHRHOOKN]*")


async def test_a_session_that_is_not_claude_gets_no_hooks_and_no_receiver(
    rig: Rig, tmp_path: Path
) -> None:
    policy = tmp_path / "home" / "policy.toml"
    policy.write_text(policy.read_text().replace('["claude"]', '["claude", "cat"]'))
    created = await rig.call("create_session", command=["cat"], cwd=str(rig.work))
    assert created["session"]["command"] == ["cat"]
    assert rig.agent.manager.hooks is None


async def test_a_claude_session_reports_its_command_without_the_injected_settings(
    rig: Rig,
) -> None:
    sid = await rig.start_claude("--event", "SessionStart")
    # This fake claude posts its hook and exits at once: it may have ended already.
    listed = await rig.call("list_sessions", include_ended=True)
    [session] = [s for s in listed["sessions"] if s["session_id"] == sid]
    assert session["command"] == ["claude", "--event", "SessionStart"]
    assert rig.agent.manager.hooks is not None
