"""Transport settings of the relay that decide its latency (behaviour, not timing)."""

from __future__ import annotations

import asyncio
import socket
from pathlib import Path
from typing import Annotated, Any

from fastmcp import Client, FastMCP
from fastmcp.server.middleware import CallNext, Middleware, MiddlewareContext
from pydantic import Field

from bench.relay_server import fastmcp_of
from server.__main__ import bind_socket
from server.app import serve_input_schemas_from_registry
from tests.relay_support import running_relay
from tests.support import scaled


async def test_connections_the_relay_accepts_send_small_writes_at_once() -> None:
    # Nagle on an accepted socket held a response's body behind its headers until the
    # client's delayed ACK (about 40 ms a call); asyncio turns it off only for TCP sockets.
    sock = bind_socket("127.0.0.1", 0)
    nodelay: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    async def accepted(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        conn = writer.get_extra_info("socket")
        nodelay.set_result(conn.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
        writer.close()

    server = await asyncio.start_server(accepted, sock=sock)
    try:
        _, writer = await asyncio.open_connection(*sock.getsockname())
        async with asyncio.timeout(scaled(10)):
            assert await nodelay != 0
        writer.close()
    finally:
        server.close()
        await server.wait_closed()


class ListingCounter(Middleware):
    def __init__(self) -> None:
        self.listings = 0

    async def on_list_tools(
        self, context: MiddlewareContext[Any], call_next: CallNext[Any, Any]
    ) -> Any:
        self.listings += 1
        return await call_next(context)


async def test_a_modern_era_tool_call_is_checked_without_listing_every_tool(
    tmp_path: Path,
) -> None:
    async with running_relay(tmp_path) as relay:
        counter = ListingCounter()
        fastmcp_of(relay.app).add_middleware(counter)
        async with Client(relay.mcp, auth=relay.token, mode="auto") as client:
            assert client.protocol_version == "2026-07-28"  # the modern, stateless era
            for _ in range(3):
                result = await client.call_tool(
                    "get_session_status", {"session_id": "s-0123456789ab"}, raise_on_error=False
                )
                assert result.is_error  # no such session: the call still went through
            assert counter.listings == 0
            listed = await client.list_tools()
            assert counter.listings == 1  # the counter does see a real listing
        schema = next(t for t in listed if t.name == "get_session_status").input_schema
        assert "session_id" in schema["properties"]


async def test_only_tools_that_declare_param_headers_have_their_schema_served() -> None:
    # The SDK checks Mcp-Param-* headers against a served schema on every modern-era call;
    # a schema without x-mcp-header can reject nothing, so it is not served (not walked).
    mcp = FastMCP("t")

    @mcp.tool
    async def plain(text: str) -> str:
        return text

    @mcp.tool
    async def routed(
        region: Annotated[str, Field(json_schema_extra={"x-mcp-header": "Region"})],
    ) -> str:
        return region

    await serve_input_schemas_from_registry(mcp)
    lookup = mcp._mcp_server.get_tool_input_schema
    assert lookup is not None
    assert lookup("plain") is None
    served = lookup("routed")
    assert served is not None and served["properties"]["region"]["x-mcp-header"] == "Region"
