"""Helpers every OAuth HTTP handler shares: the caller's source, OAuth error bodies,
429s from rate limiters, and RFC 9207 ``iss`` on redirects. No handler lives here."""

from __future__ import annotations

import ipaddress
from urllib.parse import quote, urlsplit, urlunsplit

from starlette.requests import Request
from starlette.responses import JSONResponse

from server.oauth.ratelimit import RateLimiter

NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}


def client_ip(request: Request) -> str:
    """The client's address: the peer's, or what a configured trusted proxy forwarded."""
    return request.client.host if request.client else "unknown"


def source_key(request: Request) -> str:
    """The rate-limit key of a request's source: its address, an IPv6 one by its /64
    (one host usually holds a whole /64, and must not get 2^64 fresh budgets)."""
    address = client_ip(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def oauth_error(
    status: int, error: str, description: str, retry_after: float | None = None
) -> JSONResponse:
    headers = dict(NO_STORE)
    if retry_after is not None:
        headers["Retry-After"] = str(int(retry_after))
    return JSONResponse(
        {"error": error, "error_description": description}, status_code=status, headers=headers
    )


def throttled(limiters: list[tuple[RateLimiter, str]], what: str) -> JSONResponse | None:
    """429 with Retry-After from the first limiter that refuses, else None."""
    for limiter, key in limiters:
        wait = limiter.hit(key)
        if wait:
            return oauth_error(
                429,
                "temporarily_unavailable",
                f"too many {what}; retry after {int(wait)} seconds",
                retry_after=wait,
            )
    return None


def with_iss(location: str, issuer: str) -> str:
    """Append RFC 9207 ``iss`` unless already present."""
    parts = urlsplit(location)
    if any(p.split("=", 1)[0] == "iss" for p in parts.query.split("&") if p):
        return location
    iss = f"iss={quote(issuer, safe='')}"
    return urlunsplit(parts._replace(query=f"{parts.query}&{iss}" if parts.query else iss))
