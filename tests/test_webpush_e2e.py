"""Web Push end to end: relay, supervisor, mock agent, the dashboard's subscription API and a
loopback push service. No Apprise URL is set: the installed dashboard is the only channel.

The browser's half (``PushManager.subscribe`` and the service worker showing the
notification) is not driven here: headless Chromium has no push service to subscribe to.
The test does what that code does: it posts a ``PushSubscription.toJSON()`` it made
itself and decrypts what the push service receives with that subscription's key.
"""

from __future__ import annotations

import os
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
from fastmcp import Client

from server.db import open_database
from server.notify.webpush import PushSubscriptions, load_or_create_vapid
from tests.notify_support import Browser, PushService
from tests.oauth_support import dashboard_signed_in
from tests.relay_support import Relay, running_relay, running_supervisor, write_policy
from tests.support import eventually, scaled


@asynccontextmanager
async def _relay(tmp_path: Path) -> AsyncIterator[Relay]:
    data = tmp_path / "relay"
    data.mkdir(mode=0o700)
    data.chmod(0o700)
    os.environ["TETHER_NOTIFY"] = ""
    os.environ["TETHER_PUSH_ALLOW_LOOPBACK"] = "1"
    try:
        async with running_relay(data, public_host="localhost") as relay:
            yield relay
    finally:
        os.environ.pop("TETHER_NOTIFY", None)
        os.environ.pop("TETHER_PUSH_ALLOW_LOOPBACK", None)


async def test_a_subscribed_phone_gets_the_prompt_encrypted_with_its_answer_link(
    tmp_path: Path,
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    phone = Browser()
    async with PushService() as service, _relay(tmp_path) as relay:
        base = relay.base
        async with httpx.AsyncClient(timeout=scaled(20)) as http:
            csrf = await dashboard_signed_in(http, base)
            key = (await http.get(f"{base}/dashboard/api/push/key")).json()["public_key"]
            assert key == relay_public_key(tmp_path)
            sub = phone.subscription(f"{service.base}/push/phone")
            done = await http.post(
                f"{base}/dashboard/api/push/subscribe",
                json=sub,
                headers={"X-CSRF-Token": csrf, "Origin": base},
            )
            assert done.status_code == 200, done.text
            policy = write_policy(tmp_path / "laptop/policy.toml", work)
            async with (
                running_supervisor(relay, "laptop", policy),
                Client(relay.mcp, auth=relay.token, timeout=scaled(30)) as client,
            ):

                async def call(tool: str, **args: Any) -> dict[str, Any]:
                    return dict((await client.call_tool(tool, args)).structured_content or {})

                created = await call("create_session", host="laptop", cwd=str(work), name="api")
                sid = created["session"]["session_id"]

                async def banner() -> bool | None:
                    logs = await call("get_logs", session_id=sid, mode="screen")
                    return True if "Welcome to Mock Claude" in logs["text"] else None

                shown: bool = await eventually(banner, 20, "the mock agent's banner")
                assert shown
                await call("send_message", session_id=sid, text="run tests", wait_seconds=0)
                post = await service.next()
                payload = phone.decrypt(post.body)
                assert payload["title"] == "laptop · api is waiting for you"
                assert "Do you want to proceed?" in str(payload["body"])
                link = str(payload["url"])
                assert re.fullmatch(re.escape(base) + r"/answer/[A-Za-z0-9_-]+", link), link
                assert f"Answer: {link}" in str(payload["body"])
                opened = await http.get(link)
                assert opened.status_code == 200

            gone = await http.post(
                f"{base}/dashboard/api/push/unsubscribe",
                json={"endpoint": sub["endpoint"]},
                headers={"X-CSRF-Token": csrf, "Origin": base},
            )
            assert gone.json() == {"subscribed": False, "changed": True}
        audited = [(e.action, e.result) for e in relay.audit.latest(50)]
        assert ("dashboard.push_subscribe", "ok") in audited
        assert ("pushed", "web push to 1 phone(s)") in audited


def relay_public_key(tmp_path: Path) -> str:
    return load_or_create_vapid(tmp_path / "relay").public_key


async def test_subscribing_needs_the_owners_sign_in_its_csrf_token_and_an_https_endpoint(
    tmp_path: Path,
) -> None:
    sub = Browser().subscription("https://push.example.com/send/abc")
    async with _relay(tmp_path) as relay:
        base = relay.base
        url = f"{base}/dashboard/api/push/subscribe"
        async with httpx.AsyncClient(timeout=scaled(20)) as http:
            anonymous = await http.post(url, json=sub, headers={"Origin": base})
            assert anonymous.status_code == 401
            assert (await http.get(f"{base}/dashboard/api/push/key")).status_code == 401
            csrf = await dashboard_signed_in(http, base)
            no_token = await http.post(url, json=sub, headers={"Origin": base})
            assert no_token.status_code == 403
            elsewhere = await http.post(
                url, json=sub, headers={"X-CSRF-Token": csrf, "Origin": "https://evil.example"}
            )
            assert elsewhere.status_code == 403
            for endpoint in ("http://push.example.com/x", "https://10.1.2.3/x"):
                bad = await http.post(
                    url,
                    json={**sub, "endpoint": endpoint},
                    headers={"X-CSRF-Token": csrf, "Origin": base},
                )
                assert bad.status_code == 400 and "endpoint" in bad.json()["error"]
            ok = await http.post(url, json=sub, headers={"X-CSRF-Token": csrf, "Origin": base})
            assert ok.status_code == 200
    assert stored_endpoints(tmp_path / "relay") == ["https://push.example.com/send/abc"]


def stored_endpoints(data_dir: Path) -> list[str]:
    return [s.endpoint for s in PushSubscriptions(open_database(data_dir)).all()]
