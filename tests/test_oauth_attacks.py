"""Attacks on the relay's OAuth server over real HTTP, one test per checklist item.

Item numbers refer to the attack checklist (reliability-security §4). Each test
asserts the specific rejection: status code and OAuth error code.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from server.oauth.provider import OAuthSettings
from server.oauth.ratelimit import RateLimiter
from tests.oauth_support import (
    CLAUDE,
    PASSWORD,
    FakeClock,
    LiveRelay,
    authorize_code,
    call_tool,
    form_fields,
    frozen_limits,
    live_relay,
    open_consent,
    pkce,
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

Json = dict[str, Any]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def relay(tmp_path: Path, clock: FakeClock) -> Any:
    async with live_relay(tmp_path, OAuthSettings(clock=clock)) as r:
        yield r


@pytest.fixture
async def http() -> Any:
    async with httpx.AsyncClient(timeout=scaled(10)) as h:
        yield h


def no_redirect(r: httpx.Response) -> None:
    assert r.status_code == 400, r.text
    assert "location" not in r.headers


# -- 1, 2: redirect URIs at registration and at /authorize -----------------------------------


@pytest.mark.parametrize(
    "uri",
    [
        "javascript:alert(1)",
        "data:text/html,hi",
        "file:///etc/passwd",
        "http://evil.test/cb",
        "https://claude.ai/api/mcp/auth_callback#frag",
        "https://evil.test/cb",
        "https://claude.ai@evil.test/api/mcp/auth_callback",
        "http://localhost:80@attacker.test/cb",
        "https://claude.ai\\@evil.test/cb",
        "https://chatgpt.com/connector/oauth/../../evil",
        "https://chatgpt.com.evil.test/connector/oauth/x",
        "https://clаude.ai/api/mcp/auth_callback",
        "http://127.0.0.1:8080/%2e%2e/cb",
    ],
)
async def test_item1_2_dangerous_or_foreign_redirect_uris_cannot_be_registered(
    relay: LiveRelay, http: httpx.AsyncClient, uri: str
) -> None:
    r = await http.post(
        f"{relay.base}/register",
        json={"redirect_uris": [uri], "token_endpoint_auth_method": "none"},
    )
    assert r.status_code == 400
    assert r.json()["error"] == "invalid_redirect_uri"


@pytest.mark.parametrize(
    "near_miss",
    [
        CLAUDE + "/",
        CLAUDE.replace("auth_callback", "Auth_callback"),
        CLAUDE.replace("claude.ai", "Claude.ai"),
        CLAUDE + "?x=1",
        CLAUDE.replace("/mcp/", "/mcp/%2e%2e/"),
        "https://good@claude.ai/api/mcp/auth_callback",
        CLAUDE.replace("/api/", "\\api/"),
        CLAUDE.replace("/mcp/", "/mcp/%252e/"),
        "https://clаude.ai/api/mcp/auth_callback",
    ],
)
async def test_item2_a_near_miss_redirect_uri_at_authorize_gets_an_error_page_never_a_redirect(
    relay: LiveRelay, http: httpx.AsyncClient, near_miss: str
) -> None:
    client = await register(http, relay.base)
    no_redirect(
        await open_consent(http, relay.base, client["client_id"], pkce()[1], redirect=near_miss)
    )


async def test_item2_a_loopback_client_may_change_only_its_port(
    relay: LiveRelay, http: httpx.AsyncClient
) -> None:
    client = await register(http, relay.base, "http://127.0.0.1:5000/callback")
    moved = await open_consent(
        http, relay.base, client["client_id"], pkce()[1], redirect="http://127.0.0.1:6000/callback"
    )
    assert moved.status_code == 302 and "/consent?" in moved.headers["location"]
    no_redirect(
        await open_consent(
            http,
            relay.base,
            client["client_id"],
            pkce()[1],
            redirect="http://127.0.0.1:6000/callback2",
        )
    )
    no_redirect(
        await open_consent(
            http,
            relay.base,
            client["client_id"],
            pkce()[1],
            redirect="http://localhost:5000/callback",
        )
    )


# -- 3 ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [{"scope": "admin"}, {"response_type": "token"}])
async def test_item3_an_unregistered_redirect_with_another_error_still_gets_no_redirect(
    relay: LiveRelay, http: httpx.AsyncClient, bad: dict[str, str]
) -> None:
    client = await register(http, relay.base)
    no_redirect(
        await open_consent(
            http, relay.base, client["client_id"], pkce()[1], redirect="https://evil.test/cb", **bad
        )
    )


# -- 4: PKCE ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [
        {"code_challenge": None},
        {"code_challenge_method": "plain"},
        {"code_challenge_method": None},
    ],
)
async def test_item4_authorize_without_an_s256_challenge_is_refused_with_invalid_request_and_iss(
    relay: LiveRelay, http: httpx.AsyncClient, params: dict[str, str | None]
) -> None:
    client = await register(http, relay.base)
    args = {
        "response_type": "code",
        "client_id": client["client_id"],
        "redirect_uri": CLAUDE,
        "code_challenge": pkce()[1],
        "code_challenge_method": "S256",
        "state": "s1",
    }
    args.update(params)
    r = await http.get(
        f"{relay.base}/authorize", params={k: v for k, v in args.items() if v is not None}
    )
    assert r.status_code == 302
    q = query(r.headers["location"])
    assert r.headers["location"].startswith(CLAUDE)
    assert (q["error"], q["state"], q["iss"]) == ("invalid_request", "s1", f"{relay.base}/")
    assert "code" not in q


@pytest.mark.parametrize("verifier", ["a" * 42, "a" * 129, "a" * 50 + " !", "a" * 50 + "é"])
async def test_item4_a_malformed_code_verifier_is_refused_with_invalid_request(
    relay: LiveRelay, http: httpx.AsyncClient, verifier: str
) -> None:
    client = await register(http, relay.base)
    code, _ = await authorize_code(http, relay.base, client["client_id"])
    r = await redeem(http, relay.base, client["client_id"], code, verifier)
    assert (r.status_code, r.json()["error"]) == (400, "invalid_request")


async def test_item4_a_wrong_code_verifier_is_refused_with_invalid_grant(
    relay: LiveRelay, http: httpx.AsyncClient
) -> None:
    client = await register(http, relay.base)
    code, _ = await authorize_code(http, relay.base, client["client_id"])
    r = await redeem(http, relay.base, client["client_id"], code, pkce()[0])
    assert (r.status_code, r.json()["error"]) == (401, "invalid_grant")


# -- 5, 6: codes --------------------------------------------------------------------------------


async def test_item5_a_replayed_code_is_refused_and_revokes_the_tokens_it_issued(
    relay: LiveRelay, http: httpx.AsyncClient
) -> None:
    client = await register(http, relay.base)
    code, verifier = await authorize_code(http, relay.base, client["client_id"])
    first = await redeem(http, relay.base, client["client_id"], code, verifier)
    assert first.status_code == 200
    second = await redeem(http, relay.base, client["client_id"], code, verifier)
    assert (second.status_code, second.json()["error"]) == (401, "invalid_grant")
    assert (await call_tool(relay.base, first.json()["access_token"])).status_code == 401
    r = await refresh(http, relay.base, client["client_id"], first.json()["refresh_token"])
    assert (r.status_code, r.json()["error"]) == (401, "invalid_grant")


async def test_item5_two_parallel_redemptions_of_one_code_let_exactly_one_succeed(
    relay: LiveRelay, http: httpx.AsyncClient
) -> None:
    client = await register(http, relay.base)
    code, verifier = await authorize_code(http, relay.base, client["client_id"])
    results = await asyncio.gather(
        *(redeem(http, relay.base, client["client_id"], code, verifier) for _ in range(2))
    )
    assert sorted(r.status_code for r in results) == [200, 401]


async def test_item6_an_expired_code_is_refused_with_invalid_grant(
    relay: LiveRelay, http: httpx.AsyncClient, clock: FakeClock
) -> None:
    client = await register(http, relay.base)
    code, verifier = await authorize_code(http, relay.base, client["client_id"])
    clock.advance(relay.provider.settings.code_ttl + 1)
    r = await redeem(http, relay.base, client["client_id"], code, verifier)
    assert (r.status_code, r.json()["error"]) == (401, "invalid_grant")


async def test_item6_a_code_redeemed_by_another_client_is_refused(
    relay: LiveRelay, http: httpx.AsyncClient
) -> None:
    victim = await register(http, relay.base)
    thief = await register(http, relay.base)
    code, verifier = await authorize_code(http, relay.base, victim["client_id"])
    r = await redeem(http, relay.base, thief["client_id"], code, verifier)
    assert (r.status_code, r.json()["error"]) == (401, "invalid_grant")
    assert (await redeem(http, relay.base, victim["client_id"], code, verifier)).status_code == 200


async def test_item6_a_redirect_uri_mismatch_at_token_is_refused(
    relay: LiveRelay, http: httpx.AsyncClient
) -> None:
    client = await register(http, relay.base, "http://127.0.0.1:5000/cb")
    code, verifier = await authorize_code(
        http, relay.base, client["client_id"], "http://127.0.0.1:5000/cb"
    )
    r = await redeem(
        http, relay.base, client["client_id"], code, verifier, "http://127.0.0.1:5001/cb"
    )
    assert (r.status_code, r.json()["error"]) == (400, "invalid_request")


async def test_item6_a_code_for_another_resource_is_refused_with_invalid_target(
    relay: LiveRelay, http: httpx.AsyncClient
) -> None:
    client = await register(http, relay.base)
    r = await open_consent(
        http, relay.base, client["client_id"], pkce()[1], resource="https://other.test/mcp"
    )
    q = query(r.headers["location"])
    assert (q["error"], q["iss"]) == ("invalid_target", f"{relay.base}/")
    code, verifier = await authorize_code(http, relay.base, client["client_id"])
    t = await redeem(
        http, relay.base, client["client_id"], code, verifier, resource="https://other.test/mcp"
    )
    assert (t.status_code, t.json()["error"]) == (400, "invalid_target")


# -- 7: refresh tokens ----------------------------------------------------------------------


async def test_item7_reusing_a_rotated_refresh_token_after_the_grace_revokes_the_whole_family(
    relay: LiveRelay, http: httpx.AsyncClient, clock: FakeClock
) -> None:
    client_id, first = await signed_in(http, relay.base)
    second = (await refresh(http, relay.base, client_id, first["refresh_token"])).json()
    clock.advance(relay.provider.settings.refresh_grace + 1)
    reuse = await refresh(http, relay.base, client_id, first["refresh_token"])
    assert (reuse.status_code, reuse.json()["error"]) == (401, "invalid_grant")
    newest = await refresh(http, relay.base, client_id, second["refresh_token"])
    assert (newest.status_code, newest.json()["error"]) == (401, "invalid_grant")
    assert (await call_tool(relay.base, second["access_token"])).status_code == 401


async def test_item7_an_honest_retry_within_the_grace_gets_the_same_new_pair(
    relay: LiveRelay, http: httpx.AsyncClient
) -> None:
    client_id, first = await signed_in(http, relay.base)
    a = (await refresh(http, relay.base, client_id, first["refresh_token"])).json()
    b = (await refresh(http, relay.base, client_id, first["refresh_token"])).json()
    assert a == b
    assert (await refresh(http, relay.base, client_id, a["refresh_token"])).status_code == 200


async def test_item7_item21_two_concurrent_refreshes_never_split_the_family_into_two_live_pairs(
    relay: LiveRelay, http: httpx.AsyncClient
) -> None:
    """Item 21's analogue for OAuth: one grant, one live line of tokens."""
    client_id, first = await signed_in(http, relay.base)
    results = await asyncio.gather(
        *(refresh(http, relay.base, client_id, first["refresh_token"]) for _ in range(2))
    )
    bodies = [r.json() for r in results if r.status_code == 200]
    assert len({b["refresh_token"] for b in bodies}) == 1


async def test_item7_with_no_grace_two_concurrent_refreshes_let_exactly_one_succeed(
    tmp_path: Path, http: httpx.AsyncClient
) -> None:
    async with live_relay(tmp_path, OAuthSettings(refresh_grace=0)) as relay:
        client_id, first = await signed_in(http, relay.base)
        results = await asyncio.gather(
            *(refresh(http, relay.base, client_id, first["refresh_token"]) for _ in range(2))
        )
    assert sorted(r.status_code for r in results) == [200, 401]


async def test_item7_a_refresh_may_not_grow_scope_change_resource_or_come_from_another_client(
    relay: LiveRelay, http: httpx.AsyncClient
) -> None:
    client_id, tokens = await signed_in(http, relay.base, action="approve_read")
    other = await register(http, relay.base)
    grow = await refresh(
        http, relay.base, client_id, tokens["refresh_token"], scope="sessions:write"
    )
    assert (grow.status_code, grow.json()["error"]) == (400, "invalid_scope")
    moved = await refresh(
        http, relay.base, client_id, tokens["refresh_token"], resource="https://other.test/mcp"
    )
    assert (moved.status_code, moved.json()["error"]) == (400, "invalid_target")
    stolen = await refresh(http, relay.base, other["client_id"], tokens["refresh_token"])
    assert (stolen.status_code, stolen.json()["error"]) == (401, "invalid_grant")
    assert (await refresh(http, relay.base, client_id, tokens["refresh_token"])).status_code == 200


# -- 8, 9, 14, 20: bearer tokens at /mcp --------------------------------------------------------


def _jwt(header: Json, payload: Json, sig: str = "") -> str:
    def enc(d: Json) -> str:
        return base64.urlsafe_b64encode(json.dumps(d).encode()).decode().rstrip("=")

    return f"{enc(header)}.{enc(payload)}.{sig}"


def assert_invalid_token(r: httpx.Response) -> None:
    assert r.status_code == 401
    challenge = r.headers["www-authenticate"]
    assert 'error="invalid_token"' in challenge and "resource_metadata=" in challenge


async def test_item8_a_token_issued_for_another_resource_is_refused_at_this_one(
    tmp_path: Path, http: httpx.AsyncClient
) -> None:
    """Same database, different public URL: the token's audience is the first relay's /mcp."""
    async with live_relay(tmp_path) as first:
        _, tokens = await signed_in(http, first.base)
        second = await start_relay(tmp_path, password=None)
        try:
            assert_invalid_token(await call_tool(second.base, tokens["access_token"]))
        finally:
            await stop_relay(second)


@pytest.mark.parametrize(
    "token",
    [
        _jwt(
            {"alg": "none", "typ": "at+jwt"},
            {"iss": "https://evil.test/", "aud": "x", "scope": "sessions:write"},
        ),
        _jwt(
            {"alg": "HS256", "typ": "JWT"},
            {"iss": "https://accounts.google.com", "aud": "tether"},
            "c2ln",
        ),
        _jwt(
            {"alg": "RS256", "kid": "../../etc/passwd", "jku": "https://evil.test/jwks"},
            {"exp": 1},
            "c2ln",
        ),
        _jwt({"alg": "HS256", "crit": ["x"]}, {"aud": ["tether", "evil"]}, "c2ln"),
        "A" * 10_000,
        "not a token at all",
    ],
)
async def test_item8_item14_foreign_id_and_forged_jwt_tokens_get_401_invalid_token(
    relay: LiveRelay, token: str
) -> None:
    """Item 14: tokens are opaque, so every JWT trick is just an unknown token."""
    assert_invalid_token(await call_tool(relay.base, token))


async def test_item8_an_expired_access_token_gets_401_invalid_token(
    relay: LiveRelay, http: httpx.AsyncClient, clock: FakeClock
) -> None:
    _, tokens = await signed_in(http, relay.base)
    clock.advance(relay.provider.settings.access_ttl + 1)
    assert_invalid_token(await call_tool(relay.base, tokens["access_token"]))


async def test_item9_item20_a_token_in_the_query_string_is_refused_and_never_logged(
    relay: LiveRelay, http: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    """Item 20's analogue: no valid credential, no routing (the tool never runs)."""
    _, tokens = await signed_in(http, relay.base)
    caplog.set_level(logging.DEBUG)
    r = await http.post(
        f"{relay.mcp_url}?access_token={quote(tokens['access_token'])}",
        json={"jsonrpc": "2.0", "id": 1, "method": "tools/list"},
        headers={"Accept": "application/json, text/event-stream"},
    )
    assert r.status_code == 401 and "resource_metadata=" in r.headers["www-authenticate"]
    server_side = [
        rec.getMessage() for rec in caplog.records if not rec.name.startswith(("httpx", "httpcore"))
    ]
    assert not any(tokens["access_token"] in line for line in server_side)
    assert tokens["access_token"] not in r.text


async def test_item20_a_revoked_token_is_refused_before_any_tool_runs(
    relay: LiveRelay, http: httpx.AsyncClient
) -> None:
    client_id, tokens = await signed_in(http, relay.base)
    await http.post(
        f"{relay.base}/revoke", data={"token": tokens["access_token"], "client_id": client_id}
    )
    assert_invalid_token(await call_tool(relay.base, tokens["access_token"]))


# -- 10, 12, 22, 35: consent page ---------------------------------------------------------


async def _consent_page(
    http: httpx.AsyncClient, relay: LiveRelay, **extra: Any
) -> tuple[str, httpx.Response]:
    client = await register(http, relay.base, **extra)
    r = await open_consent(http, relay.base, client["client_id"], pkce()[1])
    url = r.headers["location"]
    return url, await http.get(url)


async def test_item10_a_consent_post_without_or_with_someone_elses_csrf_token_is_refused(
    relay: LiveRelay, http: httpx.AsyncClient
) -> None:
    url, page = await _consent_page(http, relay)
    fields = form_fields(page.text)
    missing = await http.post(
        f"{relay.base}/consent",
        data={"txn": fields["txn"], "password": PASSWORD, "action": "approve_write"},
    )
    assert missing.status_code == 403
    _, other = await _consent_page(http, relay)  # the cookie now holds the other form's token
    foreign = await http.post(
        f"{relay.base}/consent", data={**fields, "password": PASSWORD, "action": "approve_write"}
    )
    assert foreign.status_code == 403 and "location" not in foreign.headers
    assert form_fields(other.text)["csrf"] != fields["csrf"]


async def test_item10_the_consent_page_cannot_be_framed_or_cached_and_its_cookie_is_httponly_lax(
    relay: LiveRelay, http: httpx.AsyncClient
) -> None:
    _, page = await _consent_page(http, relay)
    assert page.headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert page.headers["cache-control"] == "no-store"
    cookie = page.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "path=/" in cookie


async def test_item10_behind_https_the_csrf_cookie_is_host_prefixed_and_secure(
    tmp_path: Path, http: httpx.AsyncClient
) -> None:
    async with live_relay(tmp_path, public_base="https://relay.example") as relay:
        client = await register(http, relay.base)
        r = await open_consent(
            http, relay.base, client["client_id"], pkce()[1], resource="https://relay.example/mcp"
        )
        consent = r.headers["location"].replace("https://relay.example", relay.base)
        page = await http.get(consent)
    cookie = page.headers["set-cookie"]
    assert cookie.startswith("__Host-tether_csrf=") and "secure" in cookie.lower()


async def test_item10_item22_a_replayed_consent_answer_is_refused(
    relay: LiveRelay, http: httpx.AsyncClient
) -> None:
    """Item 22's analogue: the consent transaction (carrying state) is single use."""
    url, page = await _consent_page(http, relay)
    data = {**form_fields(page.text), "password": PASSWORD, "action": "approve_write"}
    first = await http.post(f"{relay.base}/consent", data=data)
    assert first.status_code == 303 and "code=" in first.headers["location"]
    again = await http.post(f"{relay.base}/consent", data=data)
    assert again.status_code == 400 and "location" not in again.headers


async def test_item12_answers_after_post_are_303_token_responses_are_no_store(
    relay: LiveRelay, http: httpx.AsyncClient
) -> None:
    client = await register(http, relay.base)
    r = await open_consent(http, relay.base, client["client_id"], pkce()[1])
    verifier, challenge = pkce()
    r = await open_consent(http, relay.base, client["client_id"], challenge)
    done = await scripted_consent(http, r.headers["location"])
    assert done.status_code == 303
    assert query(done.headers["location"])["iss"] == f"{relay.base}/"
    t = await redeem(
        http, relay.base, client["client_id"], query(done.headers["location"])["code"], verifier
    )
    assert t.headers["cache-control"] == "no-store"


async def test_item11_html_in_client_name_is_escaped_on_the_consent_page(
    relay: LiveRelay, http: httpx.AsyncClient
) -> None:
    _, page = await _consent_page(http, relay, client_name="<script>alert(1)</script>")
    assert "<script>" not in page.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert "claude.ai" in page.text  # the redirect host is shown


async def test_item35_password_guessing_hits_a_rate_limit_with_retry_after(
    tmp_path: Path, http: httpx.AsyncClient
) -> None:
    limits = frozen_limits(login_per_ip=RateLimiter(per_minute=3, burst=3))
    async with live_relay(tmp_path, OAuthSettings(limits=limits)) as relay:
        url, page = await _consent_page(http, relay)
        fields = form_fields(page.text)
        statuses = []
        for _ in range(4):
            r = await http.post(
                f"{relay.base}/consent",
                data={**fields, "password": "guess-guess", "action": "approve_write"},
            )
            statuses.append(r.status_code)
    assert statuses == [303, 303, 303, 429]
    assert int(r.headers["retry-after"]) > 0


# -- 11, 36: registration abuse -----------------------------------------------------------


async def test_item11_item36_a_registration_flood_gets_429_with_retry_after(
    tmp_path: Path, http: httpx.AsyncClient
) -> None:
    limits = frozen_limits(register_per_ip=RateLimiter(per_minute=5, burst=5))
    async with live_relay(tmp_path, OAuthSettings(limits=limits)) as relay:
        codes = [
            (
                await http.post(f"{relay.base}/register", json={"redirect_uris": [CLAUDE]})
            ).status_code
            for _ in range(7)
        ]
        last = await http.post(f"{relay.base}/register", json={"redirect_uris": [CLAUDE]})
    assert codes[:5] == [201] * 5 and codes[5:] == [429, 429]
    assert last.status_code == 429 and int(last.headers["retry-after"]) > 0
    assert last.json()["error"] == "temporarily_unavailable"


@pytest.mark.parametrize(
    "body",
    [
        {"redirect_uris": [CLAUDE], "client_name": "x" * 101},
        {"redirect_uris": [CLAUDE], "logo_uri": "https://a.test/" + "x" * 3000},
        {"redirect_uris": [f"http://127.0.0.1:{p}/cb" for p in range(1000, 1011)]},
        {"redirect_uris": []},
    ],
)
async def test_item11_oversized_registration_fields_are_refused(
    relay: LiveRelay, http: httpx.AsyncClient, body: Json
) -> None:
    r = await http.post(f"{relay.base}/register", json=body)
    assert r.status_code == 400
    assert r.json()["error"] in ("invalid_client_metadata", "invalid_redirect_uri")


async def test_item11_a_huge_registration_body_is_refused_with_413(
    relay: LiveRelay, http: httpx.AsyncClient
) -> None:
    body = {"redirect_uris": [f"http://127.0.0.1:{p}/cb" for p in range(1000, 4000)]}
    r = await http.post(f"{relay.base}/register", json=body)
    assert r.status_code == 413


async def test_item11_clients_never_used_are_garbage_collected(
    relay: LiveRelay, http: httpx.AsyncClient, clock: FakeClock
) -> None:
    idle = await register(http, relay.base)
    used_id, _ = await signed_in(http, relay.base)
    clock.advance(relay.provider.settings.never_used_client_ttl + 1)
    await register(http, relay.base)  # registration triggers the sweep
    assert await relay.provider.get_client(idle["client_id"]) is None
    assert await relay.provider.get_client(used_id) is not None
    r = await open_consent(http, relay.base, idle["client_id"], pkce()[1])
    no_redirect(r)


# -- 13: no server-side fetches --------------------------------------------------------------


async def test_item13_a_plain_http_url_client_id_is_never_fetched(
    relay: LiveRelay, http: httpx.AsyncClient
) -> None:
    hits: list[str] = []

    async def on_connect(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        hits.append((await reader.readline()).decode())
        writer.close()

    bait = await asyncio.start_server(on_connect, "127.0.0.1", 0)
    port = bait.sockets[0].getsockname()[1]
    try:
        r = await open_consent(http, relay.base, f"http://127.0.0.1:{port}/client.json", pkce()[1])
        no_redirect(r)
        assert "not found" in r.json()["error_description"]
    finally:
        bait.close()
        await bait.wait_closed()
    assert hits == []


@pytest.mark.parametrize(
    "target",
    [
        "https://127.0.0.1:{port}/client.json",
        "https://localhost:{port}/client.json",
        "https://[::1]:{port}/client.json",
        "https://169.254.169.254/latest/meta-data",
        "https://10.0.0.1/client.json",
        "https://192.168.1.1/client.json",
    ],
)
async def test_item13_with_cimd_on_loopback_private_and_link_local_documents_are_never_fetched(
    tmp_path: Path, http: httpx.AsyncClient, target: str
) -> None:
    hits: list[bytes] = []

    async def on_connect(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        hits.append(await reader.read(100))
        writer.close()

    bait = await asyncio.start_server(on_connect, "127.0.0.1", 0)
    client_id = target.format(port=bait.sockets[0].getsockname()[1])
    try:
        async with live_relay(tmp_path, OAuthSettings(enable_cimd=True)) as relay:
            meta = (await http.get(f"{relay.base}/.well-known/oauth-authorization-server")).json()
            assert meta["client_id_metadata_document_supported"] is True
            no_redirect(await open_consent(http, relay.base, client_id, pkce()[1]))
    finally:
        bait.close()
        await bait.wait_closed()
    assert hits == []
