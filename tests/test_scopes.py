"""Scopes on the real relay's tools, and the audit trail of calls and consent decisions.

Tokens come from the real OAuth flow (register, consent with the owner password,
token); the relay is ``server.app.build_app`` on 127.0.0.1.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastmcp import Client
from fastmcp.exceptions import ToolError

from server.audit import AuditKind
from tests.oauth_support import PASSWORD, open_consent, pkce, register, scripted_consent
from tests.relay_support import Relay, running_relay, sign_in
from tests.support import scaled

SID = "sess-scope0001"
WRITE_CALLS: list[tuple[str, dict[str, Any]]] = [
    ("create_session", {"host": "studio"}),
    ("send_message", {"session_id": SID, "text": "rm -rf / please"}),
    ("send_keys", {"session_id": SID, "keys": ["enter"]}),
    ("respond_to_prompt", {"session_id": SID, "prompt_id": f"{SID}:p1", "answer": "yes"}),
    ("terminate_session", {"session_id": SID}),
    ("resize_session", {"session_id": SID, "cols": 80, "rows": 24}),
]


@pytest.fixture
async def relay(tmp_path: Path) -> AsyncIterator[Relay]:
    async with running_relay(tmp_path) as r:
        yield r


async def test_a_read_only_grant_lists_and_reads_but_every_control_tool_names_the_write_scope(
    relay: Relay,
) -> None:
    read_token = await sign_in(relay.base, action="approve_read")
    async with Client(relay.mcp, auth=read_token, timeout=scaled(30)) as client:
        listed = await client.call_tool("list_sessions", {})
        assert listed.structured_content == {"hosts": [], "sessions": [], "problems": []}
        delivery = await client.call_tool("check_delivery", {"request_id": "never-sent-1"})
        assert delivery.structured_content["state"] == "unknown"
        for tool, args in WRITE_CALLS:
            with pytest.raises(ToolError) as refused:
                await client.call_tool(tool, args)
            message = str(refused.value)
            assert "'sessions:write'" in message and "Allow read and write" in message, tool
    assert relay.hub.recent_requests() == [], "a refused call must never reach a supervisor"


async def test_a_read_write_grant_passes_the_scope_gate(relay: Relay) -> None:
    async with Client(relay.mcp, auth=relay.token, timeout=scaled(30)) as client:
        with pytest.raises(ToolError) as failed:
            await client.call_tool("create_session", {"host": "studio"})
    assert "sessions:write" not in str(failed.value)
    assert "studio" in str(failed.value)  # refused by the hub (no such host), not by scope


async def test_the_audit_log_records_calls_and_consent_without_secrets_and_its_chain_verifies(
    relay: Relay,
) -> None:
    read_token = await sign_in(relay.base, action="approve_read")
    async with httpx.AsyncClient(timeout=scaled(20)) as http:
        client = await register(http, relay.base)
        denied = await owner_denies(http, relay.base, client["client_id"])
    assert "error=access_denied" in denied
    async with Client(relay.mcp, auth=read_token, timeout=scaled(30)) as client_:
        with pytest.raises(ToolError):
            await client_.call_tool(*WRITE_CALLS[1])
        await client_.call_tool("list_sessions", {})

    rows = relay.audit.latest(200)
    dumped = json.dumps([row.__dict__ for row in rows])
    for secret in (relay.token, read_token, PASSWORD, "rm -rf / please"):
        assert secret not in dumped
    calls = [r for r in rows if r.kind == AuditKind.TOOL_CALL]
    refused = [r for r in calls if r.action == "send_message"]
    assert refused and refused[0].result == "refused_scope" and refused[0].session == SID
    assert refused[0].detail["text_chars"] == len("rm -rf / please")
    assert refused[0].actor.startswith("client:")
    assert any(r.action == "list_sessions" and r.result == "ok" for r in calls)
    decisions = {(r.action, r.result) for r in rows if r.kind == AuditKind.AUTHORIZATION}
    assert {("consent.approve", "approved"), ("consent.deny", "denied")} <= decisions
    assert ("token.code", "ok") in decisions
    assert relay.audit.verify_chain().ok


async def owner_denies(http: httpx.AsyncClient, base: str, client_id: str) -> str:
    """The owner presses Deny on the consent page; where the client is sent back to."""
    _, challenge = pkce()
    started = await open_consent(http, base, client_id, challenge)
    done = await scripted_consent(http, started.headers["location"], "deny")
    return str(done.headers["location"])
