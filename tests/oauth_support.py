"""Fixtures and helpers for the OAuth tests: a live relay-like server over real HTTP.

``start_relay`` serves a test FastMCP app (tools ``whoami`` and ``poke``) behind
``build_oauth_provider`` with uvicorn on 127.0.0.1 and a kernel-chosen port, and
``scripted_consent`` plays the owner on the consent page with plain HTTP posts.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import secrets
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import uvicorn
from fastmcp import FastMCP
from fastmcp.server.dependencies import get_access_token

from server.oauth.passwords import DEFAULT_COST, MIN_COST
from server.oauth.provider import OAuthSettings, TetherOAuthProvider
from server.oauth.ratelimit import Limits, RateLimiter
from server.oauth.routes import build_oauth_provider
from server.oauth.scopes import require_write
from tests.support import scaled


class FakeClock:
    """Real time plus an offset the test moves forward (no sleeping)."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        import time

        return time.time() + self.offset

    def advance(self, seconds: float) -> None:
        self.offset += seconds


PASSWORD = "correct horse battery staple"


def oauth_settings_for_tests(settings: OAuthSettings | None = None) -> OAuthSettings:
    """``settings`` for a test relay: the owner password hashed at the lowest allowed cost
    unless the test chose one. Each relay start hashes it once and each sign-in verifies it;
    the production cost would spend a third of a second of CPU on each."""
    settings = settings or OAuthSettings()
    if settings.password_cost == DEFAULT_COST:
        settings = replace(settings, password_cost=MIN_COST)
    return settings


CLAUDE = "https://claude.ai/api/mcp/auth_callback"
CHATGPT = "https://chatgpt.com/connector_platform_oauth_redirect"


def build_app(provider: TetherOAuthProvider) -> Any:
    mcp = FastMCP("tether-test", auth=provider)

    @mcp.tool
    def whoami() -> dict[str, Any]:
        """Who the relay thinks is calling."""
        tok = get_access_token()
        if tok is None:
            return {"client_id": None}
        return {"client_id": tok.client_id, "scopes": tok.scopes, "resource": tok.resource}

    @mcp.tool
    def poke() -> str:
        """A write action: needs sessions:write."""
        require_write()
        return "poked"

    return mcp.http_app(path="/mcp")


@dataclass
class LiveRelay:
    base: str
    provider: TetherOAuthProvider
    data_dir: Path
    server: uvicorn.Server
    task: asyncio.Task[None]

    @property
    def mcp_url(self) -> str:
        return f"{self.base}/mcp"


def _bound_socket(port: int = 0) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    return sock


async def start_relay(
    data_dir: Path,
    settings: OAuthSettings | None = None,
    port: int = 0,
    password: str | None = PASSWORD,
    public_base: str | None = None,
) -> LiveRelay:
    """``public_base`` pretends the relay sits behind a proxy at that origin; ``base`` stays
    the loopback address the tests dial."""
    sock = _bound_socket(port)
    base = f"http://127.0.0.1:{sock.getsockname()[1]}"
    provider = build_oauth_provider(
        public_base or base,
        data_dir,
        password=password,
        settings=oauth_settings_for_tests(settings),
    )
    server = uvicorn.Server(uvicorn.Config(build_app(provider), log_level="warning", lifespan="on"))
    task = asyncio.create_task(server.serve(sockets=[sock]))
    deadline = asyncio.get_running_loop().time() + scaled(10)
    while not server.started:
        if task.done() or asyncio.get_running_loop().time() > deadline:
            raise AssertionError("uvicorn did not start")
        await asyncio.sleep(0.01)  # noqa: sleep-ok - poll interval of a bounded wait
    return LiveRelay(base, provider, data_dir, server, task)


async def stop_relay(relay: LiveRelay) -> None:
    relay.server.should_exit = True
    await asyncio.wait_for(relay.task, scaled(10))
    relay.provider.store.close()


@asynccontextmanager
async def live_relay(
    data_dir: Path, settings: OAuthSettings | None = None, public_base: str | None = None
) -> AsyncIterator[LiveRelay]:
    relay = await start_relay(data_dir, settings, public_base=public_base)
    try:
        yield relay
    finally:
        await stop_relay(relay)


def frozen_limits(**overrides: RateLimiter) -> Limits:
    """The relay's rate limits (defaults, or ``overrides``) on a clock that never moves.

    A test that spends a budget must reach its end however slowly the machine runs: on
    the real clock a slow run refills buckets between attempts and the 429 never comes.
    """
    limits = Limits(**overrides)
    for f in fields(limits):
        getattr(limits, f.name).clock = lambda: 0.0
    return limits


def pkce() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(48)
    challenge = (
        base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")
    )
    return verifier, challenge


def query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


async def register(
    http: httpx.AsyncClient, base: str, redirect: str = CLAUDE, **extra: Any
) -> dict[str, Any]:
    body = {
        "redirect_uris": [redirect],
        "token_endpoint_auth_method": "none",
        "client_name": "Test client",
        **extra,
    }
    r = await http.post(f"{base}/register", json=body)
    assert r.status_code == 201, r.text
    return dict(r.json())


async def open_consent(
    http: httpx.AsyncClient,
    base: str,
    client_id: str,
    challenge: str,
    redirect: str = CLAUDE,
    state: str = "st4te",
    **extra: str,
) -> httpx.Response:
    """GET /authorize; returns the 302 response (to /consent, or to the client on error)."""
    params = {
        "response_type": "code",
        "client_id": client_id,
        "redirect_uri": redirect,
        "code_challenge": challenge,
        "code_challenge_method": "S256",
        "state": state,
        "resource": f"{base}/mcp",
        **extra,
    }
    params = {k: v for k, v in params.items() if v is not None}
    return await http.get(f"{base}/authorize", params=params)


def form_fields(html: str) -> dict[str, str]:
    import re

    return {m.group(1): m.group(2) for m in re.finditer(r'name="(txn|csrf)" value="([^"]*)"', html)}


async def scripted_consent(
    http: httpx.AsyncClient,
    consent_url: str,
    action: str = "approve_write",
    password: str = PASSWORD,
) -> httpx.Response:
    """Load the consent page (gets the CSRF cookie) and submit it; returns the POST's response."""
    page = await http.get(consent_url)
    assert page.status_code == 200, page.text
    fields = form_fields(page.text)
    return await http.post(
        consent_url.split("?")[0], data={**fields, "password": password, "action": action}
    )


async def authorize_code(
    http: httpx.AsyncClient,
    base: str,
    client_id: str,
    redirect: str = CLAUDE,
    action: str = "approve_write",
    password: str = PASSWORD,
    **extra: str,
) -> tuple[str, str]:
    """The whole browser leg; returns (code, verifier)."""
    verifier, challenge = pkce()
    r = await open_consent(http, base, client_id, challenge, redirect, **extra)
    assert r.status_code == 302, r.text
    done = await scripted_consent(http, r.headers["location"], action, password)
    assert done.status_code == 303, done.text
    q = query(done.headers["location"])
    return q["code"], verifier


async def redeem(
    http: httpx.AsyncClient,
    base: str,
    client_id: str,
    code: str,
    verifier: str,
    redirect: str = CLAUDE,
    **extra: str,
) -> httpx.Response:
    data = {
        "grant_type": "authorization_code",
        "code": code,
        "code_verifier": verifier,
        "client_id": client_id,
        "redirect_uri": redirect,
        "resource": f"{base}/mcp",
        **extra,
    }
    return await http.post(f"{base}/token", data={k: v for k, v in data.items() if v is not None})


async def refresh(
    http: httpx.AsyncClient, base: str, client_id: str, token: str, **extra: str
) -> httpx.Response:
    data = {"grant_type": "refresh_token", "refresh_token": token, "client_id": client_id, **extra}
    return await http.post(f"{base}/token", data=data)


async def signed_in(
    http: httpx.AsyncClient,
    base: str,
    action: str = "approve_write",
    redirect: str = CLAUDE,
    password: str = PASSWORD,
) -> tuple[str, dict[str, Any]]:
    """Register, consent and redeem: returns (client_id, token response)."""
    client = await register(http, base, redirect)
    code, verifier = await authorize_code(
        http, base, client["client_id"], redirect, action, password
    )
    r = await redeem(http, base, client["client_id"], code, verifier, redirect)
    assert r.status_code == 200, r.text
    return client["client_id"], dict(r.json())


async def call_tool(base: str, token: str, name: str = "whoami") -> httpx.Response:
    """A raw stateless-ish MCP call: initialize then tools/call, with a bearer token."""
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/json, text/event-stream"}
    async with httpx.AsyncClient(timeout=scaled(10)) as http:
        init = await http.post(
            f"{base}/mcp",
            headers=headers,
            json={
                "jsonrpc": "2.0",
                "id": 1,
                "method": "initialize",
                "params": {
                    "protocolVersion": "2025-11-25",
                    "capabilities": {},
                    "clientInfo": {"name": "t", "version": "0"},
                },
            },
        )
        if init.status_code != 200:
            return init
        sid = init.headers.get("mcp-session-id")
        if sid:
            headers["mcp-session-id"] = sid
        return await http.post(
            f"{base}/mcp",
            headers=headers,
            json={
                "jsonrpc": "2.0",
                "id": 2,
                "method": "tools/call",
                "params": {"name": name, "arguments": {}},
            },
        )


async def dashboard_signed_in(http: httpx.AsyncClient, base: str) -> str:
    """Sign the owner in to the dashboard through its form; returns the page's CSRF token."""
    page = await http.get(f"{base}/dashboard/login")
    csrf = page.text.split('name="csrf" value="')[1].split('"')[0]
    done = await http.post(f"{base}/dashboard/login", data={"csrf": csrf, "password": PASSWORD})
    assert done.status_code == 303 and done.headers["location"] == "/dashboard/"
    home = await http.get(f"{base}/dashboard/")
    return home.text.split('name="tether-csrf" content="')[1].split('"')[0]
