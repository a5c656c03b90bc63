"""``python -m server``: run the relay (console script ``tether-relay``)."""

from __future__ import annotations

import dataclasses
import errno
import logging
import socket
import sys
from collections.abc import Sequence

import uvicorn
from starlette.types import ASGIApp

from server.app import build_app
from server.config import ConfigError, RelayConfig, load_config, parse_args, startup_banner
from shared.protocol import MAX_FRAME_BYTES


def uvicorn_config(app: ASGIApp, host: str, port: int, log_level: str = "info") -> uvicorn.Config:
    """The one uvicorn configuration, shared by ``main`` and the live-server tests."""
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level=log_level,
        lifespan="on",
        proxy_headers=True,
        # Frames are small JSON: compression costs CPU and invites decompression bombs.
        ws_per_message_deflate=False,
        ws_max_size=MAX_FRAME_BYTES,
    )


def bind_socket(host: str, port: int) -> socket.socket:
    """Bind before serving, so a busy port is a clear error rather than a traceback."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise ConfigError(
                f"Port {port} on {host} is already in use (another relay?). "
                "Stop that process or pass --port."
            ) from None
        raise ConfigError(
            f"Cannot listen on {host}:{port}: {exc.strerror}. Check --host and --port."
        ) from None
    # Listening now means clients that read the banner queue in the backlog until
    # uvicorn starts accepting, instead of being refused.
    sock.listen(2048)
    return sock


def serve(config: RelayConfig) -> None:
    sock = bind_socket(config.host, config.port)
    config = dataclasses.replace(config, port=sock.getsockname()[1])  # --port 0: the real one
    print(startup_banner(config), flush=True)
    app = build_app(config)
    server = uvicorn.Server(uvicorn_config(app, config.host, config.port, config.log_level))
    server.run(sockets=[sock])


def main(argv: Sequence[str] | None = None) -> int:
    try:
        config = load_config(parse_args(argv))
        logging.basicConfig(
            level=config.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
        )
        serve(config)
    except ConfigError as exc:
        print(f"tether-relay: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
