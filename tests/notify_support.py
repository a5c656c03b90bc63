"""Real receivers for notifications on loopback: an HTTP sink (Apprise json://) and SMTP.

:class:`HttpSink` is a tiny HTTP/1.1 server that records every request body
(JSON) and answers 200; tests await :meth:`HttpSink.next` with a bound.
:class:`MailSink` runs aiosmtpd's real SMTP server and queues every message.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import json
import random
import re
from email.message import Message
from typing import Any

from aiosmtpd.controller import Controller

from tests.support import scaled

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
