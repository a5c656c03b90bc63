"""Sign a benchmark client in to the relay through its real OAuth flow (headless consent).

``sign_in(base, password)``: dynamic registration, /authorize with PKCE S256, the
consent form posted with the owner password (the owner "presses" Allow read and
write), then the code redeemed at /token. Returns the access token. The bench
relay's owner password comes from ``TETHER_OWNER_PASSWORD`` (the lanes set it).
"""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
from urllib.parse import parse_qs, urlsplit

import httpx

# A callback the relay allows by default; it is never fetched, only echoed back.
REDIRECT = "https://claude.ai/api/mcp/auth_callback"


async def sign_in(base: str, password: str, action: str = "approve_write") -> str:
    """An access token for the relay at ``base`` (``http://host:port``)."""
    async with httpx.AsyncClient(timeout=30) as http:
        registered = await http.post(
            f"{base}/register",
            json={
                "redirect_uris": [REDIRECT],
                "token_endpoint_auth_method": "none",
                "client_name": "tether bench",
            },
        )
        registered.raise_for_status()
        client_id = registered.json()["client_id"]
        verifier = secrets.token_urlsafe(48)
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
        started = await http.get(
            f"{base}/authorize",
            params={
                "response_type": "code",
                "client_id": client_id,
                "redirect_uri": REDIRECT,
                "code_challenge": challenge.decode().rstrip("="),
                "code_challenge_method": "S256",
                "state": secrets.token_urlsafe(8),
                "resource": f"{base}/mcp",
            },
        )
        consent_url = started.headers["location"]
        page = await http.get(consent_url)
        fields = dict(re.findall(r'name="(txn|csrf)" value="([^"]*)"', page.text))
        answered = await http.post(
            consent_url.split("?")[0], data={**fields, "password": password, "action": action}
        )
        location = answered.headers.get("location", "")
        code = parse_qs(urlsplit(location).query).get("code")
        if not code:
            raise RuntimeError(f"the relay's consent page did not approve: {answered.status_code}")
        token = await http.post(
            f"{base}/token",
            data={
                "grant_type": "authorization_code",
                "code": code[0],
                "code_verifier": verifier,
                "client_id": client_id,
                "redirect_uri": REDIRECT,
                "resource": f"{base}/mcp",
            },
        )
        token.raise_for_status()
        return str(token.json()["access_token"])
