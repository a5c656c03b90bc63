"""Web Push to the dashboard: a loopback push service records each POST and the test
decrypts it with the subscription's private key, as the phone's browser would."""

from __future__ import annotations

import base64
import stat
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from server.db import open_database
from server.notify.channels import Message
from server.notify.webpush import (
    PushError,
    PushSubscriptions,
    WebPush,
    check_endpoint,
    load_or_create_vapid,
    parse_subscription,
)
from tests.notify_support import Browser, PushService


@pytest.fixture
async def service() -> AsyncIterator[PushService]:
    async with PushService() as svc:
        yield svc


def make_push(tmp_path: Path) -> WebPush:
    db = open_database(tmp_path)
    return WebPush(
        PushSubscriptions(db), load_or_create_vapid(tmp_path), "https://relay.example.com", True
    )


MESSAGE = Message(
    "laptop · build-api is waiting for you",
    "Do you want to proceed?\n  1. Yes\n  2. No\nAnswer: https://relay.example.com/answer/abc",
    "https://relay.example.com/answer/abc",
)


def test_the_relay_makes_its_vapid_key_once_and_only_its_owner_can_read_it(
    tmp_path: Path,
) -> None:
    first = load_or_create_vapid(tmp_path)
    again = load_or_create_vapid(tmp_path)
    assert first.public_key == again.public_key
    assert len(base64.urlsafe_b64decode(first.public_key + "=")) == 65
    assert stat.S_IMODE((tmp_path / "vapid.key").stat().st_mode) == 0o600
    (tmp_path / "vapid.key").chmod(0o644)
    with pytest.raises(Exception, match="chmod 600"):
        load_or_create_vapid(tmp_path)


async def test_a_pushed_notification_decrypts_to_the_title_body_and_answer_link(
    tmp_path: Path, service: PushService
) -> None:
    push = make_push(tmp_path)
    phone = Browser()
    push.subscriptions.add(
        parse_subscription(phone.subscription(f"{service.base}/push/one"), True), 0.0
    )
    assert await push.send(MESSAGE) == 1
    post = await service.next()
    assert post.path == "/push/one"
    assert post.headers["content-encoding"] == "aes128gcm"
    assert post.headers["authorization"].startswith("vapid t=")
    assert push.keys.public_key in post.headers["authorization"]
    payload = phone.decrypt(post.body)
    assert payload["title"] == MESSAGE.title
    assert payload["url"] == "https://relay.example.com/answer/abc"
    assert "Answer: https://relay.example.com/answer/abc" in str(payload["body"])


async def test_a_subscription_the_push_service_says_is_gone_is_dropped(
    tmp_path: Path, service: PushService
) -> None:
    push = make_push(tmp_path)
    gone, kept = Browser(), Browser()
    service.status["/push/gone"] = 410
    service.status["/push/busy"] = 500
    for phone, path in ((gone, "/push/gone"), (kept, "/push/busy")):
        push.subscriptions.add(parse_subscription(phone.subscription(service.base + path), True), 0)
    assert await push.send(MESSAGE) == 0
    paths = {(await service.next()).path for _ in range(2)}
    assert paths == {"/push/gone", "/push/busy"}
    left = [s.endpoint for s in push.subscriptions.all()]
    assert left == [f"{service.base}/push/busy"]  # a 500 may pass; only 404/410 mean gone


@pytest.mark.parametrize(
    "endpoint",
    [
        "http://push.example.com/x",
        "https://127.0.0.1/x",
        "https://10.0.0.5/x",
        "https://169.254.169.254/latest",
        "https://[::1]/x",
        "https://localhost/x",
        "https://user:pw@push.example.com/x",
        "file:///etc/passwd",
        "",
    ],
)
def test_only_https_push_services_on_public_addresses_are_accepted(endpoint: str) -> None:
    with pytest.raises(PushError):
        check_endpoint(endpoint)


def test_loopback_http_is_accepted_only_with_the_test_allowance() -> None:
    check_endpoint("https://fcm.googleapis.com/fcm/send/abc")
    check_endpoint("http://127.0.0.1:4000/push", allow_loopback=True)
    with pytest.raises(PushError):
        check_endpoint("http://127.0.0.1:4000/push")
    with pytest.raises(PushError):
        check_endpoint("http://10.0.0.1/push", allow_loopback=True)


def test_a_subscription_with_bad_keys_is_refused_with_what_to_do() -> None:
    sub = Browser().subscription("https://push.example.com/x")
    sub["keys"] = {"p256dh": "AAAA", "auth": "AAAA"}
    with pytest.raises(PushError, match="subscribe again"):
        parse_subscription(sub)
