"""The relay's OAuth server end to end over real HTTP, driven by real client libraries.

discovery -> DCR -> authorize -> scripted consent -> token -> tool call -> refresh -> revoke,
with raw httpx (as the hosted clients do it), fastmcp's Client in legacy and auto
mode, the MCP SDK's OAuthClientProvider, and authlib's OAuth2 client.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from authlib.integrations.httpx_client import AsyncOAuth2Client
from fastmcp import Client
from fastmcp.client.auth import OAuth
from key_value.aio.stores.memory import MemoryStore
from mcp.client.auth import OAuthClientProvider
from mcp.shared.auth import (
    AuthorizationCodeResult,
    OAuthClientInformationFull,
    OAuthClientMetadata,
    OAuthToken,
)

from tests.oauth_support import (
    CHATGPT,
    CLAUDE,
    PASSWORD,
    LiveRelay,
    authorize_code,
    call_tool,
    live_relay,
    query,
    redeem,
    refresh,
    register,
    scripted_consent,
    signed_in,
    start_relay,
    stop_relay,
)
from tests.support import scaled


@pytest.fixture
async def relay(tmp_path: Path) -> Any:
    async with live_relay(tmp_path) as r:
        yield r


def tool_result(response: httpx.Response) -> dict[str, Any]:
    """The JSON-RPC result of an SSE or JSON MCP response."""
    text = response.text
    if "data:" in text:
        text = next(line[5:] for line in text.splitlines() if line.startswith("data:"))
    return dict(json.loads(text)["result"])


async def headless_consent(url: str, action: str = "approve_write") -> AuthorizationCodeResult:
    """What a person does in the browser: follow /authorize to the consent page and approve."""
    async with httpx.AsyncClient(timeout=scaled(10)) as http:
        first = await http.get(url)
        assert first.status_code == 302, first.text
        done = await scripted_consent(http, first.headers["location"], action)
        assert done.status_code == 303, done.text
        q = query(done.headers["location"])
        return AuthorizationCodeResult(code=q["code"], state=q.get("state"), iss=q.get("iss"))


class HeadlessOAuth(OAuth):
    """fastmcp's OAuth helper with the browser and the local callback server replaced."""

    _result: AuthorizationCodeResult | None = None

    async def redirect_handler(self, authorization_url: str) -> None:
        self._result = await headless_consent(authorization_url)

    async def callback_handler(self) -> AuthorizationCodeResult:
        assert self._result is not None
        return self._result


class MemoryStorage:
    def __init__(self) -> None:
        self.tokens: OAuthToken | None = None
        self.client: OAuthClientInformationFull | None = None

    async def get_tokens(self) -> OAuthToken | None:
        return self.tokens

    async def set_tokens(self, tokens: OAuthToken) -> None:
        self.tokens = tokens

    async def get_client_info(self) -> OAuthClientInformationFull | None:
        return self.client

    async def set_client_info(self, client_info: OAuthClientInformationFull) -> None:
        self.client = client_info


async def test_discovery_publishes_s256_the_none_method_and_iss_at_every_well_known_path(
    relay: LiveRelay,
) -> None:
    async with httpx.AsyncClient() as http:
        root = (await http.get(f"{relay.base}/.well-known/oauth-authorization-server")).json()
        suffixed = (
            await http.get(f"{relay.base}/.well-known/oauth-authorization-server/mcp")
        ).json()
        prm_root = (await http.get(f"{relay.base}/.well-known/oauth-protected-resource")).json()
        prm = (await http.get(f"{relay.base}/.well-known/oauth-protected-resource/mcp")).json()
    assert root == suffixed
    assert root["issuer"] == f"{relay.base}/"
    assert root["code_challenge_methods_supported"] == ["S256"]
    assert "none" in root["token_endpoint_auth_methods_supported"]
    assert root["authorization_response_iss_parameter_supported"] is True
    assert root["client_id_metadata_document_supported"] is True  # CIMD is on by default
    assert root["scopes_supported"] == ["sessions:read", "sessions:write", "offline_access"]
    assert prm == prm_root
    assert prm["resource"] == relay.mcp_url and prm["authorization_servers"] == [f"{relay.base}/"]


async def test_an_unauthenticated_mcp_call_gets_401_pointing_at_the_resource_metadata(
    relay: LiveRelay,
) -> None:
    async with httpx.AsyncClient() as http:
        r = await http.post(relay.mcp_url, json={"jsonrpc": "2.0", "id": 1, "method": "tools/list"})
    assert r.status_code == 401
    challenge = r.headers["www-authenticate"]
    assert (
        "resource_metadata=" in challenge
        and "/.well-known/oauth-protected-resource/mcp" in challenge
    )


async def test_raw_http_flow_signs_in_calls_a_tool_refreshes_and_revokes(relay: LiveRelay) -> None:
    async with httpx.AsyncClient(timeout=scaled(10)) as http:
        client = await register(http, relay.base, CHATGPT)
        assert client["client_secret"] is None if "client_secret" in client else True
        code, verifier = await authorize_code(http, relay.base, client["client_id"], CHATGPT)
        token = await redeem(http, relay.base, client["client_id"], code, verifier, CHATGPT)
        assert token.status_code == 200
        assert token.headers["cache-control"] == "no-store"
        tokens = token.json()
        assert tokens["scope"] == "sessions:read sessions:write offline_access"

        called = tool_result(await call_tool(relay.base, tokens["access_token"]))
        assert called["structuredContent"]["client_id"] == client["client_id"]
        assert called["structuredContent"]["resource"] == relay.mcp_url

        renewed = await refresh(http, relay.base, client["client_id"], tokens["refresh_token"])
        assert renewed.status_code == 200, renewed.text
        fresh = renewed.json()
        assert fresh["refresh_token"] != tokens["refresh_token"]
        assert tool_result(await call_tool(relay.base, fresh["access_token"]))["isError"] is False

        revoked = await http.post(
            f"{relay.base}/revoke",
            data={"token": fresh["refresh_token"], "client_id": client["client_id"]},
        )
        assert revoked.status_code == 200
        assert (await call_tool(relay.base, fresh["access_token"])).status_code == 401


async def test_a_denied_consent_redirects_with_access_denied_state_and_iss(
    relay: LiveRelay,
) -> None:
    from tests.oauth_support import open_consent, pkce

    async with httpx.AsyncClient() as http:
        client = await register(http, relay.base)
        r = await open_consent(http, relay.base, client["client_id"], pkce()[1], state="abc")
        done = await scripted_consent(http, r.headers["location"], action="deny")
    assert done.status_code == 303
    q = query(done.headers["location"])
    assert done.headers["location"].startswith(CLAUDE)
    assert (q["error"], q["state"], q["iss"]) == ("access_denied", "abc", f"{relay.base}/")


async def test_a_read_only_approval_can_list_but_a_write_tool_is_refused_with_how_to_fix_it(
    relay: LiveRelay,
) -> None:
    async with httpx.AsyncClient(timeout=scaled(10)) as http:
        _, tokens = await signed_in(http, relay.base, action="approve_read")
    assert "sessions:write" not in tokens["scope"].split()
    assert tool_result(await call_tool(relay.base, tokens["access_token"]))["isError"] is False
    poked = tool_result(await call_tool(relay.base, tokens["access_token"], "poke"))
    assert poked["isError"] is True
    assert "Allow read and write" in poked["content"][0]["text"]


@pytest.mark.filterwarnings("ignore:Using in-memory token storage")
@pytest.mark.parametrize("mode", ["legacy", "auto"])
async def test_fastmcp_client_with_headless_oauth_signs_in_and_calls_a_tool(
    relay: LiveRelay, mode: str
) -> None:
    auth = HeadlessOAuth(
        mcp_url=relay.mcp_url,
        scopes=["sessions:read", "sessions:write"],
        token_storage=MemoryStore(),
    )
    async with Client(relay.mcp_url, auth=auth, mode=mode) as client:
        names = {t.name for t in await client.list_tools()}
        assert {"whoami", "poke"} <= names
        who = await client.call_tool("whoami", {})
        assert who.structured_content is not None
        assert who.structured_content["resource"] == relay.mcp_url, who.structured_content
        assert "sessions:write" in who.structured_content["scopes"], who.structured_content
        assert (await client.call_tool("poke", {})).data == "poked"


async def test_the_mcp_sdk_oauth_client_provider_signs_in_as_a_confidential_client(
    relay: LiveRelay,
) -> None:
    result: dict[str, AuthorizationCodeResult] = {}

    async def on_redirect(url: str) -> None:
        result["r"] = await headless_consent(url)

    async def on_callback() -> AuthorizationCodeResult:
        return result["r"]

    storage = MemoryStorage()
    provider = OAuthClientProvider(
        server_url=relay.mcp_url,
        client_metadata=OAuthClientMetadata(
            redirect_uris=["http://localhost:3030/callback"],  # type: ignore[list-item]
            token_endpoint_auth_method="client_secret_post",
            client_name="SDK test",
        ),
        storage=storage,
        redirect_handler=on_redirect,
        callback_handler=on_callback,
    )
    async with Client(relay.mcp_url, auth=provider, mode="legacy") as client:
        who = await client.call_tool("whoami", {})
    assert storage.client is not None and storage.client.client_secret
    assert who.structured_content is not None
    assert who.structured_content["client_id"] == storage.client.client_id


async def test_authlib_oauth2_client_runs_the_flow_with_pkce_resource_refresh_and_revocation(
    relay: LiveRelay,
) -> None:
    async with httpx.AsyncClient(timeout=scaled(10)) as http:
        client_id = (await register(http, relay.base))["client_id"]
        oauth = AsyncOAuth2Client(
            client_id=client_id,
            token_endpoint_auth_method="none",
            redirect_uri=CLAUDE,
            scope="sessions:read sessions:write",
            code_challenge_method="S256",
        )
        verifier = "v" * 64
        url, _state = oauth.create_authorization_url(
            f"{relay.base}/authorize", code_verifier=verifier, resource=relay.mcp_url
        )
        first = await http.get(url)
        done = await scripted_consent(http, first.headers["location"])
        token = await oauth.fetch_token(
            f"{relay.base}/token",
            authorization_response=done.headers["location"],
            code_verifier=verifier,
            resource=relay.mcp_url,
        )
        assert token["scope"] == "sessions:read sessions:write"
        assert tool_result(await call_tool(relay.base, token["access_token"]))["isError"] is False
        renewed = await oauth.refresh_token(
            f"{relay.base}/token", refresh_token=token["refresh_token"]
        )
        assert renewed["access_token"] != token["access_token"]
        await oauth.revoke_token(
            f"{relay.base}/revoke", token=renewed["refresh_token"], token_type_hint="refresh_token"
        )
        await oauth.aclose()
    assert (await call_tool(relay.base, renewed["access_token"])).status_code == 401


async def test_a_restarted_relay_on_the_same_database_keeps_clients_and_tokens_working(
    tmp_path: Path,
) -> None:
    first = await start_relay(tmp_path)
    port = int(first.base.rsplit(":", 1)[1])
    try:
        async with httpx.AsyncClient(timeout=scaled(10)) as http:
            client_id, tokens = await signed_in(http, first.base)
    finally:
        await stop_relay(first)
    second = await start_relay(tmp_path, port=port, password=None)
    try:
        assert second.provider is not first.provider
        assert tool_result(await call_tool(second.base, tokens["access_token"]))["isError"] is False
        async with httpx.AsyncClient(timeout=scaled(10)) as http:
            renewed = await refresh(http, second.base, client_id, tokens["refresh_token"])
            assert renewed.status_code == 200, renewed.text
            code, verifier = await authorize_code(http, second.base, client_id)
            assert (await redeem(http, second.base, client_id, code, verifier)).status_code == 200
    finally:
        await stop_relay(second)


async def test_the_password_set_at_first_start_is_kept_and_wrong_passwords_mint_nothing(
    relay: LiveRelay,
) -> None:
    from tests.oauth_support import open_consent, pkce

    async with httpx.AsyncClient() as http:
        client = await register(http, relay.base)
        r = await open_consent(http, relay.base, client["client_id"], pkce()[1])
        wrong = await scripted_consent(http, r.headers["location"], password=PASSWORD + "x")
        assert wrong.status_code == 303
        assert "/consent?" in wrong.headers["location"] and "code=" not in wrong.headers["location"]
        retry = await http.get(f"{relay.base}{wrong.headers['location']}")
        assert "Wrong password" in retry.text


@pytest.mark.parametrize(
    ("scope", "granted"),
    [
        ("", "sessions:read sessions:write offline_access"),
        ("offline_access profile openid", "sessions:read offline_access"),
        ("sessions:write", "sessions:read sessions:write"),
    ],
)
async def test_empty_and_unknown_scopes_are_tolerated_and_consent_shows_what_is_granted(
    relay: LiveRelay, scope: str, granted: str
) -> None:
    from tests.oauth_support import open_consent, pkce

    async with httpx.AsyncClient(timeout=scaled(10)) as http:
        client = await register(http, relay.base)
        verifier, challenge = pkce()
        r = await open_consent(http, relay.base, client["client_id"], challenge, scope=scope)
        assert r.status_code == 302 and "/consent?" in r.headers["location"], r.text
        page = await http.get(r.headers["location"])
        assert ("Control your sessions" in page.text) == ("sessions:write" in granted)
        done = await scripted_consent(http, r.headers["location"])
        code = query(done.headers["location"])["code"]
        tokens = (await redeem(http, relay.base, client["client_id"], code, verifier)).json()
    assert tokens["scope"] == granted


async def test_a_form_post_to_authorize_is_answered_with_303(relay: LiveRelay) -> None:
    from tests.oauth_support import pkce

    async with httpx.AsyncClient(timeout=scaled(10)) as http:
        client = await register(http, relay.base)
        r = await http.post(
            f"{relay.base}/authorize",
            data={
                "response_type": "code",
                "client_id": client["client_id"],
                "redirect_uri": CLAUDE,
                "code_challenge": pkce()[1],
                "code_challenge_method": "S256",
                "state": "s",
            },
        )
    assert r.status_code == 303 and "/consent?txn=" in r.headers["location"]


CHROMIUM = "/usr/bin/chromium"


def _browser_missing() -> str | None:
    import importlib.util
    import os

    if not os.path.exists(CHROMIUM):
        return f"headless consent test needs chromium at {CHROMIUM} (apt-get install chromium)"
    if importlib.util.find_spec("playwright") is None:
        return "headless consent test needs playwright-python (pip install playwright)"
    return None


@pytest.mark.browser
@pytest.mark.skipif(_browser_missing() is not None, reason=str(_browser_missing()))
async def test_a_real_browser_can_sign_in_on_the_consent_page_and_reach_the_client_callback(
    relay: LiveRelay,
) -> None:
    import asyncio

    from playwright.async_api import async_playwright

    from tests.oauth_support import pkce

    async def callback(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readline()
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
        await writer.drain()
        writer.close()

    app = await asyncio.start_server(callback, "127.0.0.1", 0)
    redirect = f"http://127.0.0.1:{app.sockets[0].getsockname()[1]}/callback"
    try:
        async with httpx.AsyncClient(timeout=scaled(10)) as http:
            client = await register(http, relay.base, redirect, client_name="Phone <b>test</b>")
        verifier, challenge = pkce()
        url = str(
            httpx.URL(
                f"{relay.base}/authorize",
                params={
                    "response_type": "code",
                    "client_id": client["client_id"],
                    "redirect_uri": redirect,
                    "code_challenge": challenge,
                    "code_challenge_method": "S256",
                    "state": "browser-state",
                    "resource": relay.mcp_url,
                },
            )
        )
        flags = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ]
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=flags)
            try:
                page = await browser.new_page(viewport={"width": 390, "height": 844})
                await page.goto(url, timeout=scaled(20) * 1000)
                assert "Phone <b>test</b>" in await page.inner_text("h1")
                cookies = await page.context.cookies()
                assert any(c["name"] == "tether_csrf" and c["httpOnly"] for c in cookies)
                await page.fill("#password", PASSWORD)
                async with page.expect_navigation(url=f"{redirect}*", timeout=scaled(20) * 1000):
                    await page.click("button[value=approve_write]")
                landed = page.url
            finally:
                await browser.close()
    finally:
        app.close()
        await app.wait_closed()
    q = query(landed)
    assert (q["state"], q["iss"]) == ("browser-state", f"{relay.base}/")
    async with httpx.AsyncClient(timeout=scaled(10)) as http:
        token = await redeem(http, relay.base, client["client_id"], q["code"], verifier, redirect)
    assert token.status_code == 200
    assert (
        tool_result(await call_tool(relay.base, token.json()["access_token"]))["isError"] is False
    )


class FakeCimdFetcher:
    """Stands in for the public internet: serves one client metadata document."""

    def __init__(self, doc: dict[str, Any]) -> None:
        self.doc = doc
        self.fetched: list[str] = []

    def is_cimd_client_id(self, client_id: str) -> bool:
        return client_id.startswith("https://")

    async def fetch(self, client_id_url: str) -> Any:
        from fastmcp.server.auth.cimd import CIMDDocument

        self.fetched.append(client_id_url)
        return CIMDDocument.model_validate(self.doc)


@pytest.mark.parametrize("redirect", [CLAUDE, "https://evil.test/cb"])
async def test_a_cimd_client_signs_in_only_when_its_document_redirects_to_an_allowed_callback(
    tmp_path: Path, redirect: str
) -> None:
    from server.oauth.cimd import CimdResolver
    from server.oauth.provider import OAuthSettings
    from tests.oauth_support import open_consent, pkce

    client_id = "https://client.example/oauth/metadata.json"
    doc = {"client_id": client_id, "client_name": "CIMD app", "redirect_uris": [redirect]}
    fetcher = FakeCimdFetcher(doc)
    async with live_relay(tmp_path, OAuthSettings(enable_cimd=True)) as relay:
        relay.provider.cimd = CimdResolver(fetcher=fetcher)
        async with httpx.AsyncClient(timeout=scaled(10)) as http:
            verifier, challenge = pkce()
            r = await open_consent(http, relay.base, client_id, challenge, redirect=redirect)
            if redirect != CLAUDE:
                assert r.status_code == 400 and "location" not in r.headers
                return
            page = await http.get(r.headers["location"])
            assert "Identified by" in page.text and "client.example" in page.text
            done = await scripted_consent(http, r.headers["location"])
            code = query(done.headers["location"])["code"]
            token = await redeem(http, relay.base, client_id, code, verifier)
        assert token.status_code == 200, token.text
        called = tool_result(await call_tool(relay.base, token.json()["access_token"]))
    assert fetcher.fetched and set(fetcher.fetched) == {client_id}
    assert called["structuredContent"]["client_id"] == client_id
