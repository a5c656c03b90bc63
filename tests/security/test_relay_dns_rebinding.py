"""Class 8: ``/mcp`` answers only requests addressed to this relay (DNS rebinding).

The first two tests are the MCP conformance suite's ``dns-rebinding-protection``
scenario (an ``initialize`` POST whose Host and Origin both name
``evil.example.com`` must get a 4xx; the same POST naming the relay's own
loopback address must get a 2xx), with a valid access token added: that suite's
command line has no option for one, and ``/mcp`` is never open without it.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from server.origin_guard import AllowList, problem
from tests.relay_support import Relay, running_relay
from tests.support import scaled

INITIALIZE = {
    "jsonrpc": "2.0",
    "id": 1,
    "method": "initialize",
    "params": {
        "protocolVersion": "2025-11-25",
        "capabilities": {},
        "clientInfo": {"name": "conformance-dns-rebinding-test", "version": "1.0.0"},
    },
}


async def _initialize(relay: Relay, host: str, origin: str | None) -> httpx.Response:
    headers = {
        "Authorization": f"Bearer {relay.token}",
        "Accept": "application/json, text/event-stream",
        "Host": host,
    }
    if origin is not None:
        headers["Origin"] = origin
    async with httpx.AsyncClient(timeout=scaled(10)) as http:
        return await http.post(relay.mcp, content=json.dumps(INITIALIZE), headers={
            "Content-Type": "application/json", **headers,
        })  # fmt: skip


async def test_a_rebinding_host_and_origin_are_refused_even_with_a_valid_token(
    tmp_path: Path,
) -> None:
    async with running_relay(tmp_path) as relay:
        r = await _initialize(relay, "evil.example.com", "http://evil.example.com")
        assert r.status_code == 403
        assert "evil.example.com" in r.json()["error_description"]
        assert "--allow-host" in r.json()["error_description"]


async def test_the_relays_own_loopback_host_and_origin_are_accepted(tmp_path: Path) -> None:
    async with running_relay(tmp_path) as relay:
        own = urlsplit(relay.base).netloc
        r = await _initialize(relay, own, f"http://{own}")
        assert r.status_code == 200, r.text
        r = await _initialize(relay, own.replace("127.0.0.1", "localhost"), None)
        assert r.status_code == 200, r.text


async def test_a_foreign_origin_alone_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    async with running_relay(tmp_path) as relay:
        own = urlsplit(relay.base).netloc
        r = await _initialize(relay, own, "https://evil.example.com")
        assert r.status_code == 403
        assert "Origin 'https://evil.example.com' may not call this relay" in r.text


async def test_an_origin_the_owner_allowed_is_accepted(tmp_path: Path) -> None:
    async with running_relay(tmp_path, allowed_origins=("https://app.example.com",)) as relay:
        own = urlsplit(relay.base).netloc
        r = await _initialize(relay, own, "https://app.example.com")
        assert r.status_code == 200, r.text


def test_a_public_relay_accepts_only_its_public_host_not_loopback_names() -> None:
    allowed = AllowList.build("https://relay.example.com", bind_host="0.0.0.0")
    assert problem("relay.example.com", "https://relay.example.com", allowed) is None
    assert problem("relay.example.com:443", None, allowed) is None
    assert problem("relay.example.com", "https://claude.ai", allowed) is None
    assert problem("localhost:8765", None, allowed) is not None
    assert problem("relay.example.com.evil.test", None, allowed) is not None
    assert problem(None, None, allowed) is not None
