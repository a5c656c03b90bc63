"""The loopback HTTP server under every fake model API.

A bare asyncio server (HTTP/1.1, one request per connection, ``Connection: close``): no
dependency, nothing listens beyond 127.0.0.1. A fake subclasses :class:`LoopbackAPI` and
answers each parsed :class:`Request` in :meth:`LoopbackAPI.handle`, with :func:`reply_json`
or :func:`stream_head` followed by :func:`sse` events.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Request:
    method: str
    route: str  # the path without its query string
    headers: dict[str, str]
    body: dict[str, Any]


@dataclass(kw_only=True)
class LoopbackAPI:
    paths: list[str] = field(default_factory=list)
    port: int = 0
    _server: asyncio.Server | None = None

    async def start(self) -> LoopbackAPI:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def handle(self, request: Request, writer: asyncio.StreamWriter) -> None:
        raise NotImplementedError

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            method, path, _ = lines[0].split(" ", 2)
            headers = {
                k.lower(): v.strip() for k, _, v in (h.partition(":") for h in lines[1:] if h)
            }
            self.paths.append(f"{method} {path}")
            body: dict[str, Any] = {}
            if headers.get("upgrade", "").lower() != "websocket":
                length = int(headers.get("content-length", "0"))
                raw = await reader.readexactly(length) if length else b""
                body = json.loads(raw) if raw.startswith(b"{") else {}
            await self.handle(Request(method, path.split("?")[0], headers, body), writer)
            await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, ValueError):
            pass
        finally:
            writer.close()


def reply_json(writer: asyncio.StreamWriter, data: Any, status: str = "200 OK") -> None:
    payload = json.dumps(data).encode()
    writer.write(
        f"HTTP/1.1 {status}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(payload)}\r\nConnection: close\r\n\r\n".encode()
        + payload
    )


def stream_head(writer: asyncio.StreamWriter) -> None:
    writer.write(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
        b"Cache-Control: no-cache\r\nConnection: close\r\n\r\n"
    )


def sse(writer: asyncio.StreamWriter, data: Any, event: str | None = None) -> None:
    named = f"event: {event}\n" if event else ""
    writer.write(f"{named}data: {json.dumps(data)}\n\n".encode())
