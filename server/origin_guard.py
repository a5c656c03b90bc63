"""``/mcp`` answers only requests addressed to this relay: ``Host`` and ``Origin`` checks.

DNS rebinding: a web page under a name the attacker controls re-points that name
at the relay (or at the owner's loopback relay), and the browser then talks to
the relay as "the attacker's site". The request still names the attacker's host
in ``Host`` and the page's origin in ``Origin``, so (MCP transports, "Security
Warning"; security best practices, "Local MCP server compromise"):

* ``Host`` must be the public URL's host (with its port), one configured with
  ``--allow-host``, or, when the relay binds a loopback address,
  ``localhost``/``127.0.0.1``/``[::1]`` with any port.
* ``Origin``, when present, must be the public URL's origin, one configured with
  ``--allow-origin``, one of :data:`CLIENT_ORIGINS` (the hosted chat clients), or
  a loopback origin when the relay binds loopback.

Anything else is refused with 403 and a sentence naming the header and the
option that allows it, before authentication runs: a valid token does not help
a request addressed to another name. Pure :func:`problem` decides; the ASGI
wrapper :class:`OriginGuard` applies it to one path prefix.
"""

from __future__ import annotations

import ipaddress
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

log = logging.getLogger(__name__)

CLIENT_ORIGINS = ("https://claude.ai", "https://claude.com", "https://chatgpt.com")
_LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")


def is_loopback(host: str) -> bool:
    """Whether a bind address or host name is loopback (``localhost``, 127/8, ::1)."""
    name = host.strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _split_host(host: str) -> str:
    """The name part of a ``Host`` value (``[::1]:80`` -> ``[::1]``, ``a.b:443`` -> ``a.b``)."""
    if host.startswith("["):
        return host[: host.find("]") + 1] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


@dataclass(frozen=True)
class AllowList:
    hosts: frozenset[str]  # exact Host values, lower-cased
    origins: frozenset[str]  # exact origins, lower-cased, no trailing slash
    loopback: bool  # loopback names with any port are allowed too

    @classmethod
    def build(
        cls,
        public_url: str,
        *,
        bind_host: str,
        extra_hosts: Iterable[str] = (),
        extra_origins: Iterable[str] = (),
    ) -> AllowList:
        parts = urlsplit(public_url)
        netloc = parts.netloc.lower()
        default_port = {"https": "443", "http": "80"}.get(parts.scheme)
        hosts = {netloc}
        if default_port and netloc.endswith(f":{default_port}"):
            hosts.add(netloc.rsplit(":", 1)[0])
        elif default_port and ":" not in netloc.rsplit("]", 1)[-1]:
            hosts.add(f"{netloc}:{default_port}")
        origins = {f"{parts.scheme}://{parts.netloc}".lower(), *CLIENT_ORIGINS}
        origins.update(o.rstrip("/").lower() for o in extra_origins)
        return cls(
            hosts=frozenset(hosts | {h.lower() for h in extra_hosts}),
            origins=frozenset(origins),
            loopback=is_loopback(bind_host),
        )


def problem(host: str | None, origin: str | None, allowed: AllowList) -> str | None:
    """Why a request with these headers is not for this relay, or None when it is."""
    host = (host or "").lower()
    if not host:
        return "The request has no Host header; send the relay's public host name."
    if host not in allowed.hosts and not (
        allowed.loopback and _split_host(host) in _LOOPBACK_NAMES
    ):
        return (
            f"Host {host[:100]!r} is not this relay's address; requests must be addressed to "
            "the relay's public URL (the owner can allow another name with --allow-host)."
        )
    if origin is None:
        return None
    normalized = origin.rstrip("/").lower()
    if normalized in allowed.origins:
        return None
    if allowed.loopback and _split_host(urlsplit(normalized).netloc) in _LOOPBACK_NAMES:
        return None
    return (
        f"Origin {origin[:100]!r} may not call this relay; a web page from another site cannot "
        "use it (the owner can allow an origin with --allow-origin)."
    )


class OriginGuard:
    """ASGI wrapper: HTTP requests under ``prefix`` must pass :func:`problem`, else 403."""

    def __init__(self, app: ASGIApp, allowed: AllowList, prefix: str = "/mcp") -> None:
        self.app = app
        self.allowed = allowed
        self.prefix = prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] == "http" and (path == self.prefix or path.startswith(self.prefix + "/")):
            headers = Headers(scope=scope)
            why = problem(headers.get("host"), headers.get("origin"), self.allowed)
            if why is not None:
                log.warning("refused a %s request: %s", self.prefix, why)
                body = json.dumps({"error": "forbidden", "error_description": why}).encode()
                await send(
                    {
                        "type": "http.response.start",
                        "status": 403,
                        "headers": [
                            (b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()),
                        ],
                    }
                )
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)
