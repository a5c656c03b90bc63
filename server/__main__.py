"""``python -m server``: run the relay (console script ``tether-relay``), or administer it.

python -m server [--host H] [--port P] [--data-dir D] [--public-url URL]   # run the relay
python -m server pair-code [--ttl 600] [--cancel-all]   # a one-time code to pair a supervisor
python -m server supervisors                            # paired supervisors
python -m server unpair HOST                            # revoke one (its live link is cut)
python -m server audit [-n 50] [--verify]               # the audit log, and its hash chain
python -m server set-password                           # the OAuth owner password
python -m server notify-test                            # a test message to TETHER_NOTIFY's URLs

The admin commands open the same database as the running relay (``--data-dir``),
so they work while it runs. Access logging is off: a token in a query string
must never reach a log.
"""

from __future__ import annotations

import dataclasses
import errno
import logging
import secrets
import socket
import sys
from collections.abc import Sequence

import uvicorn
from starlette.types import ASGIApp

from server.admin import ADMIN_COMMANDS, run_admin
from server.config import (
    PASSWORD_ENV,
    ConfigError,
    RelayConfig,
    load_config,
    parse_args,
    startup_banner,
)
from server.db import DatabaseError
from server.oauth.store import OAuthStore
from server.session_store import StoreError
from shared.protocol import MAX_FRAME_BYTES


def uvicorn_config(
    app: ASGIApp,
    host: str,
    port: int,
    log_level: str = "info",
    trusted_proxies: Sequence[str] = (),
) -> uvicorn.Config:
    """The one uvicorn configuration, shared by ``main`` and the live-server tests.

    ``X-Forwarded-For``/``-Proto`` are believed only from ``trusted_proxies``
    (``--trusted-proxy``); from any other peer, loopback included, they are ignored,
    so nobody can pose as another address to spend its sign-in limits.
    """
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level=log_level,
        lifespan="on",
        proxy_headers=bool(trusted_proxies),
        forwarded_allow_ips=list(trusted_proxies),
        # A token in a query string (a misbehaving client) must never be logged.
        access_log=False,
        # Frames are small JSON: compression costs CPU and invites decompression bombs.
        ws_per_message_deflate=False,
        ws_max_size=MAX_FRAME_BYTES,
        # Open event streams (the dashboard's live screens) never end on their own: give
        # them a few seconds at shutdown, then close them (browsers reconnect and resume).
        timeout_graceful_shutdown=5,
    )


def bind_socket(host: str, port: int) -> socket.socket:
    """Bind before serving, so a busy port is a clear error rather than a traceback."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
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


def owner_password(config: RelayConfig) -> tuple[RelayConfig, str]:
    """The config with the password to store at first start, and the banner's note on it.

    A password stored earlier always wins (change it with ``set-password``). At the
    first start without ``TETHER_OWNER_PASSWORD`` one is generated; the note holds it,
    so it is printed exactly once.
    """
    store = OAuthStore(config.data_dir)
    try:
        stored = store.password_hash() is not None
    finally:
        store.close()
    if stored:
        return config, "set (change it: python -m server set-password)"
    if config.owner_password is not None:
        return config, f"set from {PASSWORD_ENV}"
    generated = secrets.token_urlsafe(12)
    note = (
        f"{generated}   <- generated now and shown only once; change it: "
        "python -m server set-password"
    )
    return dataclasses.replace(config, owner_password=generated), note


def serve(config: RelayConfig) -> None:
    sock = bind_socket(config.host, config.port)
    config = dataclasses.replace(config, port=sock.getsockname()[1])  # --port 0: the real one
    config, note = owner_password(config)
    print(startup_banner(config, note), flush=True)
    # Here, not at the top: the admin commands start without the web stack.
    from server.app import build_app

    app = build_app(config)
    server = uvicorn.Server(
        uvicorn_config(app, config.host, config.port, config.log_level, config.trusted_proxies)
    )
    server.run(sockets=[sock])


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in ADMIN_COMMANDS:
        return run_admin(args)
    try:
        config = load_config(parse_args(argv))
        logging.basicConfig(
            level=config.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
        )
        serve(config)
    except (ConfigError, DatabaseError, StoreError) as exc:
        # A data dir that is full, read-only or not the relay's: say so, no traceback.
        print(f"tether-relay: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
