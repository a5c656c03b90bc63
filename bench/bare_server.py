"""``python -m bench.bare_server``: a bare FastMCP server with one async no-op tool.

The floor a relayed call is held to: the same fastmcp version, no auth, no
middleware, FastMCP's own serving defaults (``run_http_async``: uvicorn,
streamable HTTP at ``/mcp``), in its own process. Prints ``PORT <n>`` once the
socket listens (connections queue until uvicorn accepts them).
"""

from __future__ import annotations

import asyncio
import sys

from fastmcp import FastMCP

from server.__main__ import bind_socket

mcp = FastMCP("bare")


@mcp.tool
async def noop() -> dict[str, bool]:
    """Does nothing: the floor for any MCP call over HTTP."""
    return {"ok": True}


def main() -> int:
    # The relay's own binding (TCP_NODELAY on accepted sockets), as uvicorn's host/port does.
    sock = bind_socket("127.0.0.1", 0)
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
