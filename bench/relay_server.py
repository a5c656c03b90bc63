"""``python -m bench.relay_server``: the real relay app plus a ``noop`` tool, for baselines.

The app is exactly ``server.app.build_app``; the only addition is an async
``noop`` tool registered on the same FastMCP instance (found through the
mounted MCP app's ``state.fastmcp_server``), so a no-op call and a relayed
call share the server, transport, auth and MCP session. Prints ``PORT <n>``
once listening (the socket is bound before the app starts, so connections queue).
Secrets come from ``TETHER_RELAY_TOKEN`` / ``TETHER_PAIRING_SECRET``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import uvicorn
from fastmcp import FastMCP
from starlette.applications import Starlette
from starlette.routing import Mount

from server.__main__ import bind_socket, uvicorn_config
from server.app import build_app
from server.config import RelayConfig


def fastmcp_of(app: Starlette) -> FastMCP:
    """The FastMCP server behind the relay's ``/mcp`` mount."""
    for route in app.routes:
        if isinstance(route, Mount):
            server = getattr(getattr(route.app, "state", None), "fastmcp_server", None)
            if isinstance(server, FastMCP):
                return server
    raise RuntimeError("no FastMCP app mounted in the relay: has server.app.build_app changed?")


def add_noop(mcp: FastMCP) -> None:
    @mcp.tool
    async def noop() -> dict[str, bool]:
        """Does nothing: the baseline for relayed calls."""
        return {"ok": True}


def main(argv: list[str]) -> int:
    """Arguments: ``[PORT [DATA_DIR]]``; port 0 and a temporary data dir by default.

    A fixed port and data dir let the reconnect lane restart "the same" relay.
    """
    port = int(argv[0]) if argv else 0
    if len(argv) > 1:
        return serve(Path(argv[1]), port)
    with tempfile.TemporaryDirectory(prefix="tether-bench-relay-") as data_dir:
        return serve(Path(data_dir), port)


def serve(data_dir: Path, port: int) -> int:
    config = RelayConfig(
        relay_token=os.environ["TETHER_RELAY_TOKEN"],
        pairing_secret=os.environ["TETHER_PAIRING_SECRET"],
        data_dir=data_dir,
        port=port,
    )
    app = build_app(config)
    add_noop(fastmcp_of(app))
    sock = bind_socket("127.0.0.1", port)
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn_config(app, "127.0.0.1", port, "warning"))
    print(f"PORT {port}", flush=True)
    server.run(sockets=[sock])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
