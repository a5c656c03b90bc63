"""``python -m bench.relay_server``: the real relay app plus a ``noop`` tool, for baselines.

The app is exactly ``server.app.build_app``; the only addition is an async
``noop`` tool registered on the same FastMCP instance (found through the
mounted MCP app's ``state.fastmcp_server``), so a no-op call and a relayed
call share the server, transport, auth and MCP session. Prints ``PORT <n>``
once listening (the socket is bound before the app starts, so connections queue).

Auth is the relay's own: the owner password comes from ``TETHER_OWNER_PASSWORD``
(clients sign in with ``bench.oauth_login``); the hosts named in
``TETHER_BENCH_HOSTS`` are paired up front with keys derived from
``TETHER_BENCH_SEED`` (``bench.common.bench_identity``), through the registry's
own pairing-code path with the rate limits lifted. ``TETHER_BENCH_PAIR_CODE=1``
also prints ``PAIR <code>``: a one-time code for a real ``python -m supervisor``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import uvicorn
from fastmcp import FastMCP
from starlette.applications import Starlette
from starlette.routing import Mount

from bench.common import bench_identity
from server.__main__ import bind_socket, uvicorn_config
from server.app import build_app
from server.config import RelayConfig
from server.db import open_database
from server.oauth.ratelimit import RateLimiter
from server.supervisors import PairingLimits, SupervisorRegistry


def fastmcp_of(app: Starlette) -> FastMCP:
    """The FastMCP server behind the relay's ``/mcp`` mount."""
    for route in app.routes:
        if isinstance(route, Mount):
            inner: Any = route.app
            # Unwrap ASGI middleware such as server.origin_guard.OriginGuard (``.app``).
            for _ in range(8):
                server = getattr(getattr(inner, "state", None), "fastmcp_server", None)
                if isinstance(server, FastMCP):
                    return server
                inner = getattr(inner, "app", None)
                if inner is None:
                    break
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


def pair_bench_hosts(data_dir: Path, base_url: str, seed: str, hosts: list[str]) -> None:
    """Pair each of ``hosts`` with its seed-derived key, unless already paired."""
    unlimited = PairingLimits(RateLimiter(1e9, 10**9), RateLimiter(1e9, 10**9))
    db = open_database(data_dir)
    try:
        registry = SupervisorRegistry(db, base_url, limits=unlimited)
        for host in hosts:
            key = bench_identity(seed, host).public_key
            stored = registry.get(host)
            if stored is None or stored.revoked or stored.public_key != key:
                code = registry.create_pair_code().code
                registry.pair(code, host, key, source="bench")
    finally:
        db.close()


def serve(data_dir: Path, port: int) -> int:
    sock = bind_socket("127.0.0.1", port)
    port = sock.getsockname()[1]
    config = RelayConfig(
        data_dir=data_dir, port=port, owner_password=os.environ["TETHER_OWNER_PASSWORD"]
    )
    hosts = [h for h in os.environ.get("TETHER_BENCH_HOSTS", "").split(",") if h]
    pair_bench_hosts(data_dir, config.base_url, os.environ.get("TETHER_BENCH_SEED", ""), hosts)
    app = build_app(config)
    add_noop(fastmcp_of(app))
    if os.environ.get("TETHER_BENCH_PAIR_CODE") == "1":
        print(f"PAIR {app.state.registry.create_pair_code().code}", flush=True)
    server = uvicorn.Server(uvicorn_config(app, "127.0.0.1", port, "warning"))
    print(f"PORT {port}", flush=True)
    server.run(sockets=[sock])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
