"""A stand-in MCP Apps host on 127.0.0.1, for the approval card's browser tests.

It does what ChatGPT or Claude do with a ``ui://`` resource: shows it in a
sandboxed frame (``sandbox="allow-scripts"``, opaque origin), answers the
frame's JSON-RPC over ``postMessage`` (``ui/initialize``, then the
``tool-input`` and ``tool-result`` notifications of the tool call that linked
the card), proxies the frame's ``tools/call`` to a real MCP server through a
real fastmcp client, and records ``ui/open-link`` requests.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import uvicorn
from fastmcp import Client
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse
from starlette.routing import Route

from shared.mcp.prompt_card import CARD_URI
from tests.support import eventually

HOST_PAGE = (Path(__file__).parent / "card_host.html").read_text(encoding="utf-8")


@dataclass
class CardHost:
    url: str
    client: Client[Any]
    initial: dict[str, Any] = field(default_factory=dict)

    async def show(self, tool: str, arguments: dict[str, Any]) -> dict[str, Any]:
        """Call ``tool`` as the model would; the next page load shows its card."""
        result = await self.client.call_tool_mcp(tool, arguments)
        wire = result.model_dump(by_alias=True, exclude_none=True, mode="json")
        self.initial = {"arguments": arguments, "result": wire}
        return wire


@asynccontextmanager
async def card_host(client: Client[Any]) -> AsyncIterator[CardHost]:
    """Serve the host page on 127.0.0.1 (port 0), proxying tool calls to ``client``."""
    host = CardHost("", client)

    async def page(request: Request) -> HTMLResponse:
        return HTMLResponse(HOST_PAGE)

    async def card(request: Request) -> HTMLResponse:
        contents = await client.read_resource(CARD_URI)
        return HTMLResponse(getattr(contents[0], "text", ""))

    async def initial(request: Request) -> JSONResponse:
        return JSONResponse(host.initial)

    async def call(request: Request) -> JSONResponse:
        params = await request.json()
        result = await client.call_tool_mcp(params["name"], params.get("arguments") or {})
        return JSONResponse(result.model_dump(by_alias=True, exclude_none=True, mode="json"))

    app = Starlette(
        routes=[
            Route("/", page),
            Route("/card", card),
            Route("/initial", initial),
            Route("/call", call, methods=["POST"]),
        ]
    )
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
    task = asyncio.create_task(server.serve(sockets=[sock]))
    try:
        await eventually(lambda: server.started or task.done(), 10, "card host started")
        host.url = f"http://127.0.0.1:{port}/"
        yield host
    finally:
        server.should_exit = True
        await asyncio.wait_for(task, 10)
        sock.close()
