"""The local receiver for Claude Code's ``"type": "http"`` hooks: structured prompt signals.

Claude Code, started with the ``--settings`` JSON from :mod:`supervisor.claude_settings`,
POSTs one JSON object per hook event to ``http://127.0.0.1:<port>/hooks/<session_id>``
with ``Authorization: Bearer <token>``. This module turns each into a typed
:class:`HookEvent` and hands it to ``on_event``. Wiring, in order::

    receiver = HookReceiver(on_event)
    await receiver.start()                      # binds 127.0.0.1, port 0
    url, token = receiver.register(session_id)  # per session, before spawning it
    ...                                         # events arrive as on_event(HookEvent)
    receiver.unregister(session_id)             # when the session exits
    await receiver.close()

Contract:

* Each session has its own path and a random bearer token; a request is accepted
  only with *that* session's token (``hmac.compare_digest``), so one session's
  program cannot post as another. The event's ``session_id`` is Tether's id,
  taken from the path, never from the payload.
* Every accepted request is answered at once with ``200 {}``: Claude Code then
  shows its own dialog and we answer it through the screen. Nothing is ever
  approved from here.
* Refusals are 4xx with a JSON ``{"error": ...}`` saying what to do, and logged:
  unknown session 404, no token 401, wrong token 403, not POST 405, no
  Content-Length 411, body too large 413, header too large 431, bad JSON 400,
  too slow 408 (500 only for a bug, logged). No request can crash the receiver.
* ``on_event`` runs on the event loop before the answer is sent: keep it quick
  (record, schedule), since Claude Code waits for the answer.
* HTTP/1.1, one request per connection (``Connection: close``), bounded head and
  body, a deadline per request, a cap on concurrent connections.

The events and their parsing are pure (:mod:`supervisor.hook_events`); only
:class:`HookReceiver` touches sockets.
"""

from __future__ import annotations

import asyncio
import hmac
import itertools
import json
import logging
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from shared.protocol import SESSION_ID_PATTERN

# Re-exported: the events are values (supervisor.hook_events); this module receives them.
from supervisor.hook_events import (
    HookEvent as HookEvent,
    HookPayloadError as HookPayloadError,
    parse_event as parse_event,
)

log = logging.getLogger(__name__)

HOST = "127.0.0.1"
PATH_PREFIX = "/hooks/"
MAX_HEAD_BYTES = 16 * 1024
# A PermissionRequest for Write carries the whole file in tool_input; allow big ones.
MAX_BODY_BYTES = 4 * 1024 * 1024
REQUEST_TIMEOUT = 10.0  # a local client has no reason to be slower
MAX_CONNECTIONS = 64
LINGER_SECONDS = 2.0  # after answering, how long to wait for the client to close
LINGER_BYTES = 2 * MAX_BODY_BYTES

_SESSION_ID = re.compile(SESSION_ID_PATTERN)
_REASONS = {
    200: "OK",
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    408: "Request Timeout",
    411: "Length Required",
    413: "Content Too Large",
    431: "Request Header Fields Too Large",
    500: "Internal Server Error",
    503: "Service Unavailable",
}


class _Refused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


@dataclass(frozen=True)
class _Request:
    method: str
    path: str
    headers: dict[str, str]


def _parse_head(head: bytes) -> _Request:
    """Request line and headers of an HTTP/1.1 request head (pure)."""
    try:
        text = head.decode("latin-1")
    except UnicodeDecodeError:  # pragma: no cover - latin-1 decodes every byte
        raise _Refused(400, "the request head is not text") from None
    lines = text.split("\r\n")
    parts = lines[0].split(" ")
    if len(parts) != 3 or not parts[2].startswith("HTTP/1."):
        raise _Refused(400, "send an HTTP/1.1 request line: POST /hooks/<session> HTTP/1.1")
    headers: dict[str, str] = {}
    for line in lines[1:]:
        if not line:
            continue
        name, sep, value = line.partition(":")
        if not sep or not name or name != name.strip():
            raise _Refused(400, f"malformed header line {line[:40]!r}")
        key = name.lower()
        if key in headers and key in {"content-length", "authorization"}:
            raise _Refused(400, f"send the {name} header once")
        headers[key] = value.strip()
    return _Request(parts[0], parts[1], headers)


async def _discard_input(reader: asyncio.StreamReader) -> None:
    """Read (bounded) what the client still sends, until it closes.

    Closing a socket with unread input makes the kernel answer with RST, which
    can destroy our response before the client reads it: a refused oversized
    body would look like a network error instead of a 413.
    """
    total = 0
    try:
        async with asyncio.timeout(LINGER_SECONDS):
            while total < LINGER_BYTES:
                chunk = await reader.read(64 * 1024)
                if not chunk:
                    return
                total += len(chunk)
    except TimeoutError:
        return


def _response(status: int, body: dict[str, Any]) -> bytes:
    data = json.dumps(body).encode()
    head = (
        f"HTTP/1.1 {status} {_REASONS.get(status, 'Error')}\r\n"
        "Content-Type: application/json\r\n"
        f"Content-Length: {len(data)}\r\n"
        "Connection: close\r\n\r\n"
    )
    return head.encode("latin-1") + data


EventCallback = Callable[[HookEvent], None]


class HookReceiver:
    """Loopback HTTP endpoint for every session's hooks. See the module docstring."""

    def __init__(
        self,
        on_event: EventCallback,
        *,
        host: str = HOST,
        max_body: int = MAX_BODY_BYTES,
        request_timeout: float = REQUEST_TIMEOUT,
    ) -> None:
        self.on_event = on_event
        self._host = host
        self._max_body = max_body
        self._timeout = request_timeout
        self._tokens: dict[str, str] = {}
        self._seq = itertools.count(1)
        self._server: asyncio.Server | None = None
        self._port = 0
        self._writers: set[asyncio.StreamWriter] = set()
        self._handlers: set[asyncio.Task[None]] = set()

    @property
    def port(self) -> int:
        return self._port

    async def start(self) -> None:
        """Listen on ``host`` at a free port."""
        self._server = await asyncio.start_server(
            self._on_connection, self._host, 0, limit=MAX_HEAD_BYTES
        )
        self._port = self._server.sockets[0].getsockname()[1]
        log.info("hook receiver listening on http://%s:%d%s", self._host, self._port, PATH_PREFIX)

    async def close(self) -> None:
        """Stop listening and drop open connections."""
        if self._server is None:
            return
        self._server.close()
        for writer in list(self._writers):
            writer.close()
        # Python 3.11's wait_closed does not wait for connection handlers: do it here.
        for task in list(self._handlers):
            task.cancel()
        await asyncio.gather(*self._handlers, return_exceptions=True)
        await self._server.wait_closed()
        self._server = None

    def register(self, session_id: str) -> tuple[str, str]:
        """A fresh ``(url, token)`` for ``session_id``; a previous token stops working."""
        if self._server is None:
            raise RuntimeError("start() the hook receiver before registering sessions")
        if not _SESSION_ID.match(session_id):
            raise ValueError(f"session id {session_id!r} does not match {SESSION_ID_PATTERN}")
        token = secrets.token_urlsafe(32)
        self._tokens[session_id] = token
        return f"http://{self._host}:{self._port}{PATH_PREFIX}{session_id}", token

    def unregister(self, session_id: str) -> None:
        """Refuse this session's hooks from now on (idempotent)."""
        self._tokens.pop(session_id, None)

    # ------------------------------------------------------------ I/O edge

    async def _on_connection(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        task = asyncio.current_task()
        if task is not None:  # tracked so close() can finish every connection
            self._handlers.add(task)
            task.add_done_callback(self._handlers.discard)
        try:
            if len(self._writers) >= MAX_CONNECTIONS:
                status, body = 503, {"error": "too many hook connections; retry shortly"}
                log.warning("hook request refused: %d connections open", len(self._writers))
            else:
                self._writers.add(writer)
                status, body = await self._serve(reader)
            writer.write(_response(status, body))
            await asyncio.wait_for(writer.drain(), self._timeout)
            if writer.can_write_eof():
                writer.write_eof()
            await _discard_input(reader)
        except (ConnectionError, TimeoutError):
            pass  # the client went away; nothing to tell it
        finally:
            self._writers.discard(writer)
            writer.close()

    async def _serve(self, reader: asyncio.StreamReader) -> tuple[int, dict[str, Any]]:
        try:
            async with asyncio.timeout(self._timeout):
                event = await self._read_event(reader)
        except _Refused as exc:
            log.warning("hook request refused (%d): %s", exc.status, exc.message)
            return exc.status, {"error": exc.message}
        except TimeoutError:
            log.warning("hook request refused (408): not complete within %ss", self._timeout)
            return 408, {"error": f"send the whole request within {self._timeout} seconds"}
        except (asyncio.IncompleteReadError, ConnectionError):
            return 400, {"error": "the connection closed before the request was complete"}
        except Exception:  # the top of one connection: log it, answer, keep serving the rest
            log.exception("hook request failed")
            return 500, {"error": "the supervisor failed to read this hook; see its log"}
        self._deliver(event)
        # An empty object decides nothing: Claude Code shows its own dialog.
        return 200, {}

    async def _read_event(self, reader: asyncio.StreamReader) -> HookEvent:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
        except asyncio.LimitOverrunError:
            raise _Refused(431, f"keep the request head under {MAX_HEAD_BYTES} bytes") from None
        request = _parse_head(head[:-4])
        session_id = self._authorize(request)
        length = self._content_length(request)
        body = await reader.readexactly(length)
        try:
            return parse_event(session_id, body, next(self._seq))
        except HookPayloadError as exc:
            raise _Refused(
                400, f"{exc}; post the hook event JSON as Claude Code sends it"
            ) from None

    def _authorize(self, request: _Request) -> str:
        if request.method != "POST":
            raise _Refused(405, "hooks are delivered with POST")
        path = request.path.partition("?")[0]
        session_id = path[len(PATH_PREFIX) :] if path.startswith(PATH_PREFIX) else ""
        expected = self._tokens.get(session_id)
        if expected is None:
            raise _Refused(404, "no running session has this hook URL; use the URL from --settings")
        scheme, _, presented = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not presented:
            raise _Refused(401, "send 'Authorization: Bearer $TETHER_HOOK_TOKEN'")
        if not hmac.compare_digest(presented.strip().encode(), expected.encode()):
            raise _Refused(403, "this token is not the session's; use its TETHER_HOOK_TOKEN")
        return session_id

    def _content_length(self, request: _Request) -> int:
        if "transfer-encoding" in request.headers or "content-length" not in request.headers:
            raise _Refused(411, "send the body with a Content-Length header (no chunked encoding)")
        raw = request.headers["content-length"]
        if not (raw.isascii() and raw.isdigit()):
            raise _Refused(400, "Content-Length must be a decimal number of bytes")
        if len(raw) > 12:  # also keeps int() away from its huge-number limit
            raise _Refused(413, f"hook bodies are limited to {self._max_body} bytes")
        length = int(raw)
        if length > self._max_body:
            raise _Refused(413, f"hook bodies are limited to {self._max_body} bytes")
        return length

    def _deliver(self, event: HookEvent) -> None:
        if not event.known:
            log.info(
                "hook event %r from session %s is not one Tether uses",
                event.event,
                event.session_id,
            )
        try:
            self.on_event(event)
        except Exception:  # a consumer's bug must not turn into a failed hook for Claude Code
            log.exception("on_event failed for %s from session %s", event.event, event.session_id)
