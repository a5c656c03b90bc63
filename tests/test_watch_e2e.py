"""Watch mode end to end: MCP tools -> supervisor -> the mock agent on a real PTY.

The agent's script answers the person's message and watch's first continuation
with plain replies, then asks a dangerous permission question: watch must have
continued it twice, stop there, leave the question unanswered on screen and say
why in the status and the listing. A policy without ``[watch]`` refuses it.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from fastmcp import Client

import supervisor.session_core as session_core
from supervisor.command_runner import CommandRunner
from supervisor.local_mcp import build_local_server
from supervisor.session_manager import SessionManager
from tests.support import eventually, scaled

WATCH = '[watch]\nenabled = true\nmax_turns = 3\nmessage = "keep going"\ndelay_seconds = 0.2\n'
SCRIPT = "reply Working on it\nreply Still going\npermission rm -rf build\n"


async def _tools(tmp_path: Path, policy_tail: str) -> AsyncIterator[tuple[Client[Any], Path]]:
    home, work = tmp_path / "home", tmp_path / "work"
    home.mkdir()
    work.mkdir()
    (work / "steps.txt").write_text(SCRIPT)
    policy = home / "policy.toml"
    policy.write_text(
        f'roots = ["{work.resolve()}"]\ncommands = ["tether:mock-agent"]\n' + policy_tail
    )
    policy.chmod(0o600)
    manager = SessionManager(policy_file=policy, environ=dict(os.environ))
    try:
        async with Client(
            build_local_server(CommandRunner(manager, reaper=None), "studio"),
            timeout=scaled(30),
        ) as client:
            yield client, work
    finally:
        await asyncio.wait_for(manager.close_all(), scaled(30))


@pytest.fixture
async def watching(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[tuple[Client[Any], Path]]:
    monkeypatch.setattr(session_core, "IDLE_AFTER", 0.3)  # a turn ends after 0.3 s of quiet
    async for pair in _tools(tmp_path, WATCH):
        yield pair


@pytest.fixture
async def not_allowed(tmp_path: Path) -> AsyncIterator[tuple[Client[Any], Path]]:
    async for pair in _tools(tmp_path, ""):
        yield pair


async def call(client: Client[Any], tool: str, **args: Any) -> dict[str, Any]:
    result = await client.call_tool(tool, args)
    assert result.structured_content is not None
    return result.structured_content


async def test_watch_continues_an_agent_until_a_dangerous_prompt_and_leaves_it_for_the_person(
    watching: tuple[Client[Any], Path],
) -> None:
    client, work = watching
    created = await call(
        client,
        "create_session",
        command=["tether:mock-agent", "--work-seconds", "0", "--script", "steps.txt"],
        cwd=str(work),
        watch_mode=True,
    )
    sid = created["session"]["session_id"]
    assert created["session"]["watch"] == {
        "enabled": True,
        "turns_used": 0,
        "max_turns": 3,
        "stopped_reason": "",
    }

    async def banner() -> bool:
        return "Welcome to Mock Claude" in (await call(client, "get_logs", session_id=sid))["text"]

    await eventually(banner, what="the mock agent's banner")
    sent = await call(client, "send_message", session_id=sid, text="start", wait_seconds=0)
    assert sent["bytes_written"] > 0

    async def stopped() -> dict[str, Any] | None:
        status = await call(client, "get_session_status", session_id=sid)
        return status if not status["session"]["watch"]["enabled"] else None

    status = await eventually(stopped, 30, "watch to stop at the permission question")
    watch = status["session"]["watch"]
    assert watch["turns_used"] == 2 and watch["max_turns"] == 3
    assert "never answers prompts" in watch["stopped_reason"]
    assert "dangerous confirmation" in watch["stopped_reason"]
    # The question is still there, unanswered, for the person.
    assert status["session"]["state"] == "waiting_for_input"
    assert [p["session_id"] for p in status["prompts"]] == [sid]
    logs = await call(client, "get_logs", session_id=sid)
    assert logs["text"].count("keep going") == 2
    assert "Still going" in logs["text"]
    listed = await call(client, "list_sessions")
    assert [s["watch"] for s in listed["sessions"]] == [watch]


async def test_pressing_ctrl_c_or_esc_stops_watch_so_an_interrupted_agent_stays_stopped(
    watching: tuple[Client[Any], Path],
) -> None:
    client, work = watching
    created = await call(
        client, "create_session", command=["tether:mock-agent"], cwd=str(work), watch_mode=True
    )
    sid = created["session"]["session_id"]
    await call(client, "send_keys", session_id=sid, keys=["esc"])
    watch = (await call(client, "get_session_status", session_id=sid))["session"]["watch"]
    assert watch["enabled"] is False and watch["turns_used"] == 0
    assert watch["stopped_reason"].startswith("esc was pressed")


async def test_watch_mode_is_refused_before_anything_starts_unless_the_policy_allows_it(
    not_allowed: tuple[Client[Any], Path],
) -> None:
    client, work = not_allowed
    result = await client.call_tool(
        "create_session",
        {"command": ["tether:mock-agent"], "cwd": str(work), "watch_mode": True},
        raise_on_error=False,
    )
    assert result.is_error
    text = result.content[0].text  # type: ignore[union-attr]
    assert "Watch mode is off" in text and "'enabled = true' under a [watch] table" in text
    assert (await call(client, "list_sessions"))["sessions"] == []
    bad = await client.call_tool(
        "create_session",
        {"command": ["tether:mock-agent"], "cwd": str(work), "max_turns": 2},
        raise_on_error=False,
    )
    assert bad.is_error and "without watch_mode" in bad.content[0].text  # type: ignore[union-attr]
