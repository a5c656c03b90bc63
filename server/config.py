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
import ipaddress
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from server.data_dir import PermissionProblem, prepare
from server.session_store import DEFAULT_KEEP_ENDED_DAYS, DEFAULT_KEEP_ENDED_MB, Retention
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
    # Ended sessions' output: deleted past this age or total size (server/session_store.py),
    # checked at start and every ``prune_interval`` seconds.
    retention: Retention = Retention()
    prune_interval: float = 3600.0
    # /mcp requests must be addressed to the public URL (server/origin_guard.py); more
    # names and browser origins the owner allows.
    allowed_hosts: tuple[str, ...] = ()
    allowed_origins: tuple[str, ...] = ()
    # Reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (addresses or
    # networks); none: the peer address is the client's, whatever the headers say.
    trusted_proxies: tuple[str, ...] = ()
    # Audit log retention (server/audit.py): older rows, or rows beyond the newest
    # audit_max_rows, are pruned behind a checkpoint that keeps the chain verifiable.
    audit_max_age_days: float = 365.0
    audit_max_rows: int = 1_000_000

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
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="owner commands (each takes --data-dir; `python -m server COMMAND --help`):\n"
        "  pair-code      create a one-time code to pair a supervisor\n"
        "  unpair         revoke a supervisor's key; its live link is cut\n"
        "  supervisors    list paired supervisors\n"
        "  audit          show the newest audit log entries (--verify checks the chain)\n"
        "  set-password   set or change the OAuth owner password",
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
    parser.add_argument(
        "--allow-host",
        action="append",
        default=[],
        metavar="HOST[:PORT]",
        help="another Host name /mcp answers to (repeatable; the public URL's is always allowed)",
    )
    parser.add_argument(
        "--allow-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="another browser origin allowed to call /mcp, as https://name (repeatable)",
    )
    parser.add_argument(
        "--trusted-proxy",
        action="append",
        default=[],
        metavar="ADDRESS",
        help="a reverse proxy (IP or network) whose X-Forwarded-For is believed (repeatable; "
        "default: none, so the peer address is used)",
    )
    parser.add_argument(
        "--audit-max-age-days",
        type=float,
        default=365.0,
        help="prune audit rows older than this many days (default 365)",
    )
    parser.add_argument(
        "--audit-max-rows",
        type=int,
        default=1_000_000,
        help="keep at most this many audit rows, pruning the oldest (default 1000000)",
    )
    parser.add_argument("--log-level", default="info", choices=LOG_LEVELS)
    parser.add_argument(
        "--keep-ended-days",
        type=float,
        default=float(DEFAULT_KEEP_ENDED_DAYS),
        help=f"delete ended sessions and their output after this many days "
        f"(default {DEFAULT_KEEP_ENDED_DAYS})",
    )
    parser.add_argument(
        "--keep-ended-mb",
        type=float,
        default=float(DEFAULT_KEEP_ENDED_MB),
        help="keep at most this many MB of ended sessions' output, deleting the oldest "
        f"sessions first (default {DEFAULT_KEEP_ENDED_MB})",
    )
    return parser.parse_args(argv)


def load_config(args: argparse.Namespace, env: Mapping[str, str] | None = None) -> RelayConfig:
    """Build the config, creating the data dir as needed."""
    env = os.environ if env is None else env
    if not 0 <= args.port < 65536:
        raise ConfigError(f"--port {args.port} is not a TCP port; pass 1-65535 (or 0 for any).")
    public_url = args.public_url
    if public_url is not None and not public_url.startswith(("https://", "http://")):
        raise ConfigError(f"--public-url {public_url!r} must start with https:// (or http://).")
    days = getattr(args, "keep_ended_days", float(DEFAULT_KEEP_ENDED_DAYS))
    megabytes = getattr(args, "keep_ended_mb", float(DEFAULT_KEEP_ENDED_MB))
    if not days > 0:
        raise ConfigError(f"--keep-ended-days {days:g} must be more than 0 (e.g. 7).")
    if not megabytes >= 0:
        raise ConfigError(f"--keep-ended-mb {megabytes:g} must be 0 or more (e.g. 256).")
    data_dir = Path(args.data_dir)
    _ensure_data_dir(data_dir)
    password = env.get(PASSWORD_ENV) or None
    if password is not None and len(password) < 8:
        raise ConfigError(
            f"{PASSWORD_ENV} is shorter than 8 characters; set a longer password or unset it "
            "(the relay then generates one at first start)."
        )
    origins = tuple(getattr(args, "allow_origin", []) or [])
    for origin in origins:
        if not origin.startswith(("https://", "http://")) or origin.count("/") != 2:
            raise ConfigError(
                f"--allow-origin {origin!r} is not an origin; give scheme and host only, "
                "as https://app.example.com"
            )
    proxies = tuple(getattr(args, "trusted_proxy", []) or [])
    for proxy in proxies:
        try:
            ipaddress.ip_network(proxy, strict=False)
        except ValueError:
            raise ConfigError(
                f"--trusted-proxy {proxy!r} is not an IP address or network; give the "
                "proxy's address as the relay sees it, as 172.18.0.2 or 172.18.0.0/16"
            ) from None
    max_age = float(getattr(args, "audit_max_age_days", 365.0))
    max_rows = int(getattr(args, "audit_max_rows", 1_000_000))
    if not max_age > 0 or max_rows < 1000:
        raise ConfigError(
            "--audit-max-age-days must be above 0 and --audit-max-rows at least 1000; "
            "the audit log is the record of what was done, keep a useful amount of it."
        )
    return RelayConfig(
        host=args.host,
        port=args.port,
        data_dir=data_dir,
        public_url=public_url,
        log_level=args.log_level,
        owner_password=password,
        retention=Retention(max_age=days * 86400.0, max_bytes=int(megabytes * 1024 * 1024)),
        allowed_hosts=tuple(getattr(args, "allow_host", []) or []),
        allowed_origins=origins,
        trusted_proxies=proxies,
        audit_max_age_days=max_age,
        audit_max_rows=max_rows,
    )


def _ensure_data_dir(data_dir: Path) -> None:
    if data_dir.exists() and not data_dir.is_dir():
        raise ConfigError(
            f"--data-dir {data_dir} exists and is not a directory; pass a folder path."
        )
    try:
        prepare(data_dir)
    except PermissionProblem as exc:
        raise ConfigError(str(exc)) from None
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
