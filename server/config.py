"""The relay's configuration: command line, environment, and secrets kept in the data dir.

Two secrets are generated at first start with ``secrets.token_urlsafe(32)`` and
stored in the data directory with mode 0600, so restarts keep them:

* ``relay-token``: the bearer token MCP clients send to ``/mcp`` (until OAuth lands);
* ``pairing-secret``: what a supervisor sends in its ``Hello``.

``TETHER_RELAY_TOKEN`` / ``TETHER_PAIRING_SECRET`` override them (nothing is
written then). Every problem raises :class:`ConfigError` with what to do.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import stat
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

TOKEN_FILE = "relay-token"
SECRET_FILE = "pairing-secret"
TOKEN_ENV = "TETHER_RELAY_TOKEN"
SECRET_ENV = "TETHER_PAIRING_SECRET"
MIN_SECRET_CHARS = 16
LOG_LEVELS = ("critical", "error", "warning", "info", "debug")


class ConfigError(Exception):
    """The relay cannot start with this configuration; the message says what to change."""


@dataclass(frozen=True)
class RelayConfig:
    relay_token: str
    pairing_secret: str
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
        help="where the relay keeps its secrets (default ./tether-data)",
    )
    parser.add_argument(
        "--public-url",
        default=None,
        help="the https origin clients use, when behind a proxy or tunnel",
    )
    parser.add_argument("--log-level", default="info", choices=LOG_LEVELS)
    return parser.parse_args(argv)


def load_config(args: argparse.Namespace, env: Mapping[str, str] | None = None) -> RelayConfig:
    """Build the config, creating the data dir and first-start secrets as needed."""
    env = os.environ if env is None else env
    if not 0 <= args.port < 65536:
        raise ConfigError(f"--port {args.port} is not a TCP port; pass 1-65535 (or 0 for any).")
    public_url = args.public_url
    if public_url is not None and not public_url.startswith(("https://", "http://")):
        raise ConfigError(f"--public-url {public_url!r} must start with https:// (or http://).")
    data_dir = Path(args.data_dir)
    _ensure_data_dir(data_dir)
    return RelayConfig(
        relay_token=load_or_create_secret(data_dir / TOKEN_FILE, env.get(TOKEN_ENV), TOKEN_ENV),
        pairing_secret=load_or_create_secret(
            data_dir / SECRET_FILE, env.get(SECRET_ENV), SECRET_ENV
        ),
        host=args.host,
        port=args.port,
        data_dir=data_dir,
        public_url=public_url,
        log_level=args.log_level,
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


def load_or_create_secret(path: Path, override: str | None, env_name: str) -> str:
    """The secret from ``override``, else from ``path``, else a new one written there (0600)."""
    if override is not None:
        if len(override.strip()) < MIN_SECRET_CHARS:
            raise ConfigError(
                f"{env_name} is shorter than {MIN_SECRET_CHARS} characters; set a long random "
                "value (python -c 'import secrets; print(secrets.token_urlsafe(32))') or unset it."
            )
        return override.strip()
    try:
        if path.exists():
            return _read_secret(path)
        value = secrets.token_urlsafe(32)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(value + "\n")
        return value
    except OSError as exc:
        raise ConfigError(
            f"Cannot read or write {path}: {exc.strerror}. Fix its permissions or pass --data-dir."
        ) from None


def _read_secret(path: Path) -> str:
    if stat.S_IMODE(path.stat().st_mode) & 0o077:
        path.chmod(0o600)  # it is a credential: nobody else on the machine should read it
    value = path.read_text().strip()
    if len(value) < MIN_SECRET_CHARS:
        raise ConfigError(
            f"{path} holds no usable secret; delete it and restart to generate a new one."
        )
    return value


def client_config_json(config: RelayConfig) -> str:
    """A ready-to-paste MCP client entry with the bearer header."""
    entry = {
        "mcpServers": {
            "tether": {
                "url": config.mcp_url,
                "headers": {"Authorization": f"Bearer {config.relay_token}"},
            }
        }
    }
    return json.dumps(entry, indent=2)


def startup_banner(config: RelayConfig) -> str:
    """What the relay prints at start: where to connect and with which secrets."""
    return "\n".join(
        [
            "Tether relay",
            f"  MCP URL:          {config.mcp_url}",
            f"  MCP bearer token: {config.relay_token}",
            f"  Supervisor URL:   {config.supervisor_url}",
            f"  Pairing secret:   {config.pairing_secret}",
            f"  Secrets kept in:  {config.data_dir} (mode 0600)",
            "MCP client config (paste into your client's settings):",
            client_config_json(config),
        ]
    )
