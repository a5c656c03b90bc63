"""The whole path, for real: MCP client -> relay (HTTP) -> WebSocket -> supervisor -> PTY -> back.

Two supervisors ("laptop", "desktop") dial into one relay on 127.0.0.1; sessions
run the mock agent in real PTYs; the client is fastmcp's streamable-HTTP client.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastmcp import Client

from tests.relay_support import (
    Relay,
    Supervisor,
    ToolCalls,
    running_relay,
    running_supervisor,
    write_policy,
)
from tests.support import eventually, scaled


@dataclass
class Pair(ToolCalls):
    relay: Relay
    laptop: Supervisor
    desktop: Supervisor
    work: Path
    client: Client[Any]

    async def screen(self, session_id: str) -> str:
        return (await self.call("get_logs", session_id=session_id))["text"]

    async def screen_shows(self, session_id: str, text: str) -> str:
        async def probe() -> str | None:
            screen = await self.screen(session_id)
            return screen if text in screen else None

        return await eventually(probe, 20, f"{text!r} on the screen")


@pytest.fixture
async def pair(tmp_path: Path) -> AsyncIterator[Pair]:
    work = tmp_path / "work"
    work.mkdir()
    async with (
        running_relay(tmp_path / "relay") as relay,
        running_supervisor(
            relay, "laptop", write_policy(tmp_path / "laptop/policy.toml", work)
        ) as laptop,
        running_supervisor(
            relay, "desktop", write_policy(tmp_path / "desktop/policy.toml", work)
        ) as desktop,
        Client(relay.mcp, auth=relay.token, timeout=scaled(30)) as client,
    ):
        yield Pair(relay, laptop, desktop, work, client)


async def test_a_phone_drives_a_mock_session_through_every_tool(pair: Pair) -> None:
    listed = await pair.call("list_sessions")
    assert {h["name"] for h in listed["hosts"] if h["online"]} == {"laptop", "desktop"}

    created = await pair.call("create_session", host="laptop", cwd=str(pair.work), name="demo")
    session = created["session"]
    sid = session["session_id"]
    assert session["host"] == "laptop" and session["name"] == "demo"
    await pair.screen_shows(sid, "Welcome to Mock Claude")

    sent = await pair.call("send_message", session_id=sid, text="run tests")
    assert sent["pressed_enter"] is True
    await pair.screen_shows(sid, "Do you want to proceed?")

    async def pending() -> list[dict[str, Any]]:
        return (await pair.call("check_prompts", session_id=sid))["prompts"]

    prompt = (await eventually(pending, 20, "the permission prompt in check_prompts"))[0]
    assert prompt["host"] == "laptop" and prompt["session_id"] == sid
    assert [o["label"] for o in prompt["options"]][0] == "Yes"

    answered = await pair.call("respond_to_prompt", prompt_id=prompt["prompt_id"], answer="Yes")
    assert answered["prompt_gone"] is True
    await pair.screen_shows(sid, "Chose: Yes")

    keys = await pair.call("send_keys", session_id=sid, keys=["ctrl_u"])
    assert keys["bytes_written"] == 1
    status = await pair.call("get_session_status", session_id=sid)
    assert status["session"]["state"] in {"working", "idle"}
    raw = await pair.call("get_logs", session_id=sid, mode="raw", since=0)
    assert raw["untrusted_output"] is True and raw["end"] > raw["start"]

    ended = await pair.call("terminate_session", session_id=sid)
    assert ended["session"]["state"] == "exited"


async def test_a_stale_answer_is_refused_after_the_prompt_was_answered(pair: Pair) -> None:
    sid = (await pair.call("create_session", host="desktop", cwd=str(pair.work)))["session"][
        "session_id"
    ]
    await pair.screen_shows(sid, "Welcome to Mock Claude")
    await pair.call("send_message", session_id=sid, text="run tests")

    async def pending() -> list[dict[str, Any]]:
        return (await pair.call("check_prompts", session_id=sid))["prompts"]

    prompt = (await eventually(pending, 20, "the permission prompt"))[0]
    await pair.call("respond_to_prompt", prompt_id=prompt["prompt_id"], answer="No")
    error = await pair.error("respond_to_prompt", prompt_id=prompt["prompt_id"], answer="Yes")
    assert "no longer" in error or "not pending" in error or "stale" in error.lower()


async def test_create_session_without_a_host_names_both_online_hosts(pair: Pair) -> None:
    error = await pair.error("create_session", cwd=str(pair.work))
    assert "laptop" in error and "desktop" in error


async def test_a_session_id_that_does_not_exist_says_how_to_find_real_ones(pair: Pair) -> None:
    error = await pair.error("get_logs", session_id="no-such-session-123")
    assert "list_sessions" in error


async def test_a_working_directory_outside_the_policy_is_refused_naming_the_policy_file(
    pair: Pair, tmp_path: Path
) -> None:
    error = await pair.error("create_session", host="laptop", cwd=str(tmp_path))
    assert "policy.toml" in error


async def test_a_command_the_policy_does_not_allow_is_refused_naming_the_policy_file(
    pair: Pair,
) -> None:
    error = await pair.error("create_session", host="laptop", cwd=str(pair.work), command=["bash"])
    assert "policy.toml" in error and "bash" in error


async def test_a_supervisor_that_stopped_is_listed_offline_and_calls_to_it_say_so(
    pair: Pair,
) -> None:
    pair.desktop.task.cancel()

    async def desktop_offline() -> dict[str, Any] | None:
        hosts = (await pair.call("list_sessions"))["hosts"]
        return next((h for h in hosts if h["name"] == "desktop" and not h["online"]), None)

    host = await eventually(desktop_offline, 10, "desktop listed as offline")
    assert host["last_seen_utc"]
    error = await pair.error("create_session", host="desktop", cwd=str(pair.work))
    assert "desktop" in error and "offline" in error


async def test_a_restarted_relay_keeps_pairing_and_tokens_and_lists_the_live_session_again(
    tmp_path: Path,
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    policy = write_policy(tmp_path / "laptop/policy.toml", work)
    first = running_relay(tmp_path / "relay")
    relay = await first.__aenter__()
    port = int(relay.base.rsplit(":", 1)[1])
    async with running_supervisor(relay, "laptop", policy) as laptop:
        async with Client(relay.mcp, auth=relay.token, timeout=scaled(30)) as client:
            created = await client.call_tool("create_session", {"cwd": str(work)})
            sid = created.structured_content["session"]["session_id"]
        await first.__aexit__(None, None, None)
        await eventually(lambda: not laptop.link.connected.is_set(), 10, "the link noticed")
        async with running_relay(tmp_path / "relay", port=port) as again:
            await asyncio.wait_for(laptop.link.connected.wait(), scaled(30))
            # The token from before the restart still works: OAuth grants are persisted.
            async with Client(again.mcp, auth=relay.token, timeout=scaled(30)) as client:
                listed = (await client.call_tool("list_sessions", {})).structured_content
                assert [s["session_id"] for s in listed["sessions"]] == [sid]
                assert listed["sessions"][0]["state"] != "exited"
