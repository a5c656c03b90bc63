"""The relay's configuration: command line and environment. Pure apart from the data dir.

There are no shared secrets: MCP clients sign in through the relay's own OAuth
server (``server/oauth``) and supervisors prove a paired key (``server/supervisors.py``).
The one credential the owner handles is the OAuth owner password: given by
``TETHER_OWNER_PASSWORD`` at first start, or generated then and printed once
(:func:`startup_banner`), changed with ``python -m server set-password``.
Every problem raises :class:`ConfigError` with what to do.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from shared.errors import TetherError

PASSWORD_ENV = "TETHER_OWNER_PASSWORD"
LOG_LEVELS = ("critical", "error", "warning", "info", "debug")


class ConfigError(TetherError):
    """The relay cannot start with this configuration; the message says what to change."""


@dataclass(frozen=True)
class RelayConfig:
    host: str = "127.0.0.1"
    port: int = 8765
    data_dir: Path = Path("tether-data")
    public_url: str | None = None
    log_level: str = "info"
    hello_timeout: float = 10.0
    # Liveness of supervisor links (see server/link.py and server/hub.py).
    heartbeat_interval: float = 10.0
    heartbeat_timeout: float = 25.0
    offline_grace: float = 1.5
    # The owner password to store at first start (env TETHER_OWNER_PASSWORD); None: keep
    # the stored one, or generate one if there is none.
    owner_password: str | None = None

    @property
    def base_url(self) -> str:
        """Where clients reach the relay: ``--public-url``, else the bound address."""
        if self.public_url:
            return self.public_url.rstrip("/")
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def mcp_url(self) -> str:
        return f"{self.base_url}/mcp"

    @property
    def supervisor_url(self) -> str:
        scheme, rest = self.base_url.split("://", 1)
        return f"{'wss' if scheme == 'https' else 'ws'}://{rest}/supervisor"


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m server",
        description="Tether relay: MCP tools for your phone, WebSocket for your supervisors.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8765, help="port to bind (default 8765)")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=Path("tether-data"),
        help="where the relay keeps its database (default ./tether-data)",
    )
    parser.add_argument(
        "--public-url",
        default=None,
        help="the https origin clients use, when behind a proxy or tunnel",
    )
    parser.add_argument("--log-level", default="info", choices=LOG_LEVELS)
    return parser.parse_args(argv)


def load_config(args: argparse.Namespace, env: Mapping[str, str] | None = None) -> RelayConfig:
    """Build the config, creating the data dir as needed."""
    env = os.environ if env is None else env
    if not 0 <= args.port < 65536:
        raise ConfigError(f"--port {args.port} is not a TCP port; pass 1-65535 (or 0 for any).")
    public_url = args.public_url
    if public_url is not None and not public_url.startswith(("https://", "http://")):
        raise ConfigError(f"--public-url {public_url!r} must start with https:// (or http://).")
    data_dir = Path(args.data_dir)
    _ensure_data_dir(data_dir)
    password = env.get(PASSWORD_ENV) or None
    if password is not None and len(password) < 8:
        raise ConfigError(
            f"{PASSWORD_ENV} is shorter than 8 characters; set a longer password or unset it "
            "(the relay then generates one at first start)."
        )
    return RelayConfig(
        host=args.host,
        port=args.port,
        data_dir=data_dir,
        public_url=public_url,
        log_level=args.log_level,
        owner_password=password,
    )


def _ensure_data_dir(data_dir: Path) -> None:
    try:
        data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    except FileExistsError:
        raise ConfigError(
            f"--data-dir {data_dir} exists and is not a directory; pass a folder path."
        ) from None
    except OSError as exc:
        raise ConfigError(
            f"Cannot create data directory {data_dir}: {exc.strerror}. "
            "Pass --data-dir with a folder you can write to."
        ) from None
    if not os.access(data_dir, os.W_OK | os.X_OK):
        raise ConfigError(
            f"Data directory {data_dir} is not writable; fix its permissions or pass --data-dir."
        )


def startup_banner(config: RelayConfig, password_note: str) -> str:
    """What the relay prints at start: where to connect, how to pair, the password's status.

    ``password_note`` comes from the OAuth store (``server.__main__``): it holds a
    generated password only on the one start that generated it.
    """
    return "\n".join(
        [
            "Tether relay",
            f"  MCP URL:          {config.mcp_url}",
            "                    (add it as a custom connector in ChatGPT or Claude; you sign",
            "                    in on the relay's page with the owner password)",
            f"  Dashboard:        {config.base_url}/dashboard/ (your phone's browser; installable)",
            f"  Supervisor URL:   {config.supervisor_url}",
            "  Pair a supervisor: python -m server pair-code"
            + (f" --data-dir {config.data_dir}" if str(config.data_dir) != "tether-data" else ""),
            f"  Owner password:   {password_note}",
            f"  Data kept in:     {config.data_dir} (mode 0700)",
        ]
    )
