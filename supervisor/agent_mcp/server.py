"""The MCP server for the agents inside sessions: loopback only, one bearer token per session.

Wiring (the session manager does it for every session it starts)::

    server = AgentServer(service)
    await server.start()                  # binds 127.0.0.1, a port the OS picks
    url, token = server.register(sid)     # before the session's program starts
    ...                                   # the program calls tools at url with the token
    server.unregister(sid)                # when the session exits
    await server.close()

Contract:

* Streamable HTTP (FastMCP) at ``http://127.0.0.1:<port>/mcp``; nothing else is served.
* Every request needs ``Authorization: Bearer <token>`` of a live session
  (``hmac.compare_digest`` on each); anything else gets 401 before MCP sees it.
  The token names exactly one session, and that session is the caller of every
  tool: no tool takes the caller's identity from its arguments.
* The tokens travel in the session's environment (``TETHER_MCP_TOKEN``), never in argv.
* The tools are the agents' own (``supervisor.agent_mcp.tools``), answered by this
  supervisor: none of the relay's tools, and no other owner's data, is reachable here.
"""

from __future__ import annotations

import asyncio
import hmac
import secrets
import socket
from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING, Any

from supervisor.agent_mcp.service import AgentService

if TYPE_CHECKING:
    import uvicorn
    from fastmcp import FastMCP
    from starlette.types import ASGIApp, Receive, Scope, Send

HOST = "127.0.0.1"
PATH = "/mcp"
URL_ENV = "TETHER_MCP_URL"
TOKEN_ENV = "TETHER_MCP_TOKEN"


class Tokens:
    """Session id by bearer token, compared in constant time."""

    def __init__(self) -> None:
        self._by_session: dict[str, str] = {}

    def issue(self, session_id: str) -> str:
        token = secrets.token_urlsafe(32)
        self._by_session[session_id] = token
        return token

    def revoke(self, session_id: str) -> None:
        self._by_session.pop(session_id, None)

    def session_of(self, authorization: str) -> str | None:
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token:
            return None
        found = None
        for session_id, known in self._by_session.items():
            if hmac.compare_digest(known.encode(), token.strip().encode()):
                found = session_id
        return found


class _Guard:
    """ASGI middleware: a live session's bearer token, or 401 with what to do."""

    def __init__(self, app: ASGIApp, tokens: Tokens) -> None:
        self.app, self.tokens = app, tokens

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = dict(scope.get("headers") or [])
            auth = headers.get(b"authorization", b"").decode("latin-1")
            session_id = self.tokens.session_of(auth)
            if session_id is None:
                body = (
                    b'{"error": "this is Tether\'s MCP server for the agents in its sessions; '
                    b'send the Authorization: Bearer $TETHER_MCP_TOKEN header of your session"}'
                )
                await send(
                    {
                        "type": "http.response.start",
                        "status": 401,
                        "headers": [(b"content-type", b"application/json")],
                    }
                )
                await send({"type": "http.response.body", "body": body})
                return
            scope.setdefault("state", {})["tether_session"] = session_id
        await self.app(scope, receive, send)


class AgentServer:
    """The server's lifecycle and its tokens."""

    def __init__(self, service: AgentService) -> None:
        self.service = service
        self.tokens = Tokens()
        self.url = ""
        self._server: uvicorn.Server | None = None
        self._task: asyncio.Task[None] | None = None
        self._sock: socket.socket | None = None

    async def start(self) -> str:
        # The web stack loads here, when a session first needs this server, and off the
        # loop: on a busy machine importing it takes seconds, which the supervisor's link
        # to the relay (and every session already running) must not wait for.
        server_module, build_agent_mcp = await asyncio.to_thread(_web_stack)
        mcp = build_agent_mcp(self.service, self.tokens)
        app = mcp.http_app(path=PATH, stateless_http=True, json_response=True)
        guarded: Any = _Guard(app, self.tokens)
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((HOST, 0))
        self._sock = sock
        port = sock.getsockname()[1]
        config = server_module.Config(
            guarded, host=HOST, port=port, log_level="warning", access_log=False, lifespan="on"
        )
        self._server = server_module.Server(config)
        self._task = asyncio.create_task(self._server.serve(sockets=[sock]))
        while not self._server.started:
            if self._task.done():
                await self._task
            await asyncio.sleep(0.01)  # polled: uvicorn sets no event when it starts
        self.url = f"http://{HOST}:{port}{PATH}"
        return self.url

    def register(self, session_id: str) -> tuple[str, str]:
        return self.url, self.tokens.issue(session_id)

    def unregister(self, session_id: str) -> None:
        self.tokens.revoke(session_id)

    async def close(self) -> None:
        if self._server is not None and self._task is not None:
            self._server.should_exit = True
            await asyncio.gather(self._task, return_exceptions=True)
        if self._sock is not None:
            self._sock.close()


def _web_stack() -> tuple[ModuleType, Callable[[AgentService, Tokens], FastMCP]]:
    """uvicorn and the agents' tool server: imported only when a session needs them."""
    import uvicorn

    from supervisor.agent_mcp.tools import build_agent_mcp

    return uvicorn, build_agent_mcp
