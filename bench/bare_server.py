"""``python -m bench.bare_server``: a bare FastMCP server with one async no-op tool.

The floor a relayed call is held to: the same fastmcp version, no auth, no
middleware, FastMCP's own serving defaults (``run_http_async``: uvicorn,
streamable HTTP at ``/mcp``), in its own process. Prints ``PORT <n>`` once the
socket listens (connections queue until uvicorn accepts them).
"""

from __future__ import annotations

import asyncio
import socket
import sys

from fastmcp import FastMCP

mcp = FastMCP("bare")


@mcp.tool
async def noop() -> dict[str, bool]:
    """Does nothing: the floor for any MCP call over HTTP."""
    return {"ok": True}


def main() -> int:
    # Bound as TCP explicitly, as uvicorn's own host/port binding is, so that asyncio turns
    # Nagle off on every accepted connection (it does so only for proto IPPROTO_TCP).
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    port = sock.getsockname()[1]
    print(f"PORT {port}", flush=True)
    asyncio.run(
        mcp.run_http_async(
            host="127.0.0.1", port=port, sockets=[sock], show_banner=False, log_level="warning"
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
