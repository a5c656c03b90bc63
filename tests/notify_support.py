"""Real receivers for notifications on loopback: an HTTP sink (Apprise json://) and SMTP.

:class:`HttpSink` is a tiny HTTP/1.1 server that records every request body
(JSON) and answers 200; tests await :meth:`HttpSink.next` with a bound.
:class:`MailSink` runs aiosmtpd's real SMTP server and queues every message.
:class:`PushService` is a Web Push service on loopback; :class:`Browser` holds a
subscription's keys and decrypts what was pushed to it, as the phone's browser would.
:func:`notify_setup` is the pair they hear from: a relay configured to notify and a
supervisor linked to it; :class:`AnswerPage` does what the answer page's script does.
"""

from __future__ import annotations

import asyncio
import base64
import email
import email.policy
import json
import os
import random
import re
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from typing import Any

import http_ece
import httpx
from aiosmtpd.controller import Controller
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from fastmcp import Client
from pydantic import BaseModel

from server.hub import HostLinkChanged
from shared import protocol as wire
from tests.relay_support import (
    Relay,
    Supervisor,
    ToolCalls,
    running_relay,
    running_supervisor,
    write_policy,
)
from tests.support import eventually, scaled

LINK = re.compile(r"https?://\S+/answer/[A-Za-z0-9_-]+")


class HttpSink:
    def __init__(self) -> None:
        self.received: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.all: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []  # each request's headers, names lower-cased
        self._server: asyncio.Server | None = None

    async def __aenter__(self) -> HttpSink:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._server is not None
        self._server.close()
        await self._server.wait_closed()

    @property
    def port(self) -> int:
        assert self._server is not None
        port: int = self._server.sockets[0].getsockname()[1]
        return port

    @property
    def url(self) -> str:
        return f"json://127.0.0.1:{self.port}/"

    async def next(self, timeout: float = 10.0) -> dict[str, Any]:
        return await asyncio.wait_for(self.received.get(), scaled(timeout))

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            headers = {}
            for line in head.decode("latin-1").split("\r\n")[1:]:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            length = int(headers.get("content-length", "0"))
            self.headers.append(headers)
            body = json.loads(await reader.readexactly(length)) if length else {}
            self.all.append(body)
            self.received.put_nowait(body)
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
            await writer.drain()
        finally:
            writer.close()


class _Handler:
    def __init__(self, loop: asyncio.AbstractEventLoop, queue: asyncio.Queue[Message]) -> None:
        self.loop, self.queue = loop, queue

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.loop.call_soon_threadsafe(self.queue.put_nowait, message)
        return "250 Message accepted for delivery"


class MailSink:
    """aiosmtpd on 127.0.0.1 (its own thread); ``url`` is the Apprise mailto:// URL."""

    def __init__(self) -> None:
        self.received: asyncio.Queue[Message] = asyncio.Queue()
        self.port = random.randint(20000, 60000)
        self._controller: Controller | None = None

    async def __aenter__(self) -> MailSink:
        handler = _Handler(asyncio.get_running_loop(), self.received)
        for _ in range(10):
            try:
                self._controller = Controller(handler, hostname="127.0.0.1", port=self.port)
                await asyncio.to_thread(self._controller.start)
                return self
            except (OSError, RuntimeError):
                self.port = random.randint(20000, 60000)
        raise RuntimeError("no free port for the SMTP sink")

    async def __aexit__(self, *exc: object) -> None:
        if self._controller is not None:
            await asyncio.to_thread(self._controller.stop)

    @property
    def url(self) -> str:
        return (
            f"mailto://127.0.0.1:{self.port}?from=tether@relay.test&to=owner@example.test"
            "&mode=insecure"
        )

    async def next(self, timeout: float = 10.0) -> Message:
        return await asyncio.wait_for(self.received.get(), scaled(timeout))


def body_text(message: Message) -> str:
    if message.is_multipart():
        return "\n".join(body_text(part) for part in message.get_payload())  # type: ignore[arg-type]
    payload = message.get_payload(decode=True)
    return payload.decode("utf-8", "replace") if isinstance(payload, bytes) else str(payload)


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
        async with asyncio.timeout(scaled(10)):
            return await self.posts.get()


@dataclass
class Setup(ToolCalls):
    relay: Relay
    laptop: Supervisor
    client: Client[Any]
    work: Path
    prompts_seen: dict[str, float]  # prompt id -> when the relay learnt of it

    async def session(self) -> str:
        created = await self.call("create_session", host="laptop", cwd=str(self.work), name="api")
        sid: str = created["session"]["session_id"]
        await self.screen_shows(sid, "Welcome to Mock Claude")
        return sid

    async def screen_shows(self, sid: str, text: str) -> None:
        async def probe() -> bool | None:
            screen = (await self.call("get_logs", session_id=sid, mode="screen"))["text"]
            return True if text in screen else None

        shown: bool = await eventually(probe, 20, f"{text!r} on screen")
        assert shown

    async def prompt(self, sid: str, message: str) -> dict[str, Any]:
        await self.call("send_message", session_id=sid, text=message, wait_seconds=0)

        async def pending() -> dict[str, Any] | None:
            found = (await self.call("check_prompts", session_id=sid))["prompts"]
            return found[0] if found else None

        return await eventually(pending, 20, "a prompt in check_prompts")


@asynccontextmanager
async def notify_setup(tmp_path: Path, urls: str, toml: str = "") -> AsyncIterator[Setup]:
    """A relay notifying ``urls`` (``TETHER_NOTIFY``) and a supervisor "laptop" linked to it,
    with an MCP client signed in."""
    work = tmp_path / "work"
    work.mkdir()
    data = tmp_path / "relay"
    data.mkdir(mode=0o700)
    data.chmod(0o700)
    if toml:
        (data / "notify.toml").write_text(toml)
        (data / "notify.toml").chmod(0o600)  # the data dir is owner-only, file by file
    os.environ["TETHER_NOTIFY"] = urls
    try:
        async with running_relay(data, public_host="localhost") as relay:
            seen: dict[str, float] = {}

            def observe(host: str, event: BaseModel | HostLinkChanged) -> None:
                if isinstance(event, wire.PromptDetected):
                    seen.setdefault(event.prompt.prompt_id, time.monotonic())

            relay.hub.observers.append(observe)
            policy = write_policy(tmp_path / "laptop/policy.toml", work)
            async with (
                running_supervisor(relay, "laptop", policy) as laptop,
                Client(relay.mcp, auth=relay.token, timeout=scaled(30)) as client,
            ):
                yield Setup(relay, laptop, client, work, seen)
    finally:
        os.environ.pop("TETHER_NOTIFY", None)


class AnswerPage:
    """What the page's script does, over plain HTTP."""

    def __init__(self, http: httpx.AsyncClient, link: str) -> None:
        self.http, self.link = http, link
        self.origin = re.match(r"https?://[^/]+", link).group(0)  # type: ignore[union-attr]
        self.csrf = ""

    async def open(self) -> httpx.Response:
        page = await self.http.get(self.link)
        found = re.search(r'name="tether-csrf" content="([^"]+)"', page.text)
        self.csrf = found.group(1) if found else ""
        return page

    async def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        r = await self.http.post(
            self.link + path,
            json=body,
            headers={"Origin": self.origin, "X-Tether-CSRF": self.csrf},
        )
        data: dict[str, Any] = r.json()
        return data


def link_in(message: dict[str, Any]) -> str:
    found = LINK.search(message["message"])
    assert found, message
    return found.group(0)


@asynccontextmanager
async def linked(tmp_path: Path, message: str) -> AsyncIterator[tuple[Setup, str, str]]:
    """A session waiting on the prompt ``message`` brings up, and the answer link its
    notification carried: (setup, session id, link)."""
    async with HttpSink() as sink, notify_setup(tmp_path, sink.url) as s:
        sid = await s.session()
        await s.prompt(sid, message)
        yield s, sid, link_in(await sink.next(10))
