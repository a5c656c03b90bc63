"""Class 12 (grants): a grant the relay does not support is named as such (RFC 6749 §5.2)."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.oauth_support import live_relay, register
from tests.support import scaled


async def test_a_password_grant_gets_unsupported_grant_type(tmp_path: Path) -> None:
    async with live_relay(tmp_path) as relay, httpx.AsyncClient(timeout=scaled(10)) as http:
        client = await register(http, relay.base)
        r = await http.post(
            f"{relay.base}/token",
            data={
                "grant_type": "password",
                "username": "owner",
                "password": "guess",
                "client_id": client["client_id"],
            },
        )
        assert r.status_code == 400
        assert r.json()["error"] == "unsupported_grant_type"
        assert "authorization_code" in r.json()["error_description"]
        assert r.headers["cache-control"] == "no-store"


async def test_a_token_request_without_a_grant_type_is_an_invalid_request(tmp_path: Path) -> None:
    async with live_relay(tmp_path) as relay, httpx.AsyncClient(timeout=scaled(10)) as http:
        r = await http.post(f"{relay.base}/token", data={"code": "x"})
        assert r.status_code == 400 and r.json()["error"] == "invalid_request"
