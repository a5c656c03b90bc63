"""Web Push to the dashboard: a loopback push service records each POST and the test
decrypts it with the subscription's private key, as the phone's browser would."""

from __future__ import annotations

import asyncio
import base64
import json
import os
import stat
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import http_ece
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

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


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


@dataclass
class Browser:
    """What a browser keeps for one push subscription: a P-256 key pair and an auth secret."""

    key: ec.EllipticCurvePrivateKey = field(
        default_factory=lambda: ec.generate_private_key(ec.SECP256R1())
    )
    auth: bytes = field(default_factory=lambda: os.urandom(16))

    def subscription(self, endpoint: str) -> dict[str, object]:
        point = self.key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        return {"endpoint": endpoint, "keys": {"p256dh": b64url(point), "auth": b64url(self.auth)}}

    def decrypt(self, body: bytes) -> dict[str, object]:
        plain = http_ece.decrypt(
            body, private_key=self.key, auth_secret=self.auth, version="aes128gcm"
        )
        decoded = json.loads(plain)
        assert isinstance(decoded, dict)
        return decoded


@dataclass
class Post:
    path: str
    headers: dict[str, str]
    body: bytes


class PushService:
    """A push service on loopback: records each POST, answers ``status`` (201 by default)."""

    def __init__(self) -> None:
        self.posts: asyncio.Queue[Post] = asyncio.Queue()
        self.status: dict[str, int] = {}  # path -> status to answer
        self._server: asyncio.Server | None = None
        self.base = ""

    async def __aenter__(self) -> PushService:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        port = self._server.sockets[0].getsockname()[1]
        self.base = f"http://127.0.0.1:{port}"
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._server is not None
        self._server.close()
        await self._server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        request = await reader.readuntil(b"\r\n\r\n")
        lines = request.decode("latin-1").split("\r\n")
        path = lines[0].split(" ")[1]
        headers = {
            k.strip().lower(): v.strip()
            for k, _, v in (line.partition(":") for line in lines[1:] if line)
        }
        body = await reader.readexactly(int(headers.get("content-length", "0")))
        await self.posts.put(Post(path, headers, body))
        status = self.status.get(path, 201)
        writer.write(
            f"HTTP/1.1 {status} X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".encode()
        )
        await writer.drain()
        writer.close()

    async def next(self) -> Post:
        async with asyncio.timeout(10):
            return await self.posts.get()


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
