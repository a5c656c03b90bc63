"""Fetching Client ID Metadata Documents safely from a public server (SSRF defences).

A CIMD ``client_id`` is a URL anyone can choose, and the relay fetches it: so
the fetch is the classic server-side request forgery target. Contract of
:meth:`CimdFetcher.fetch`:

* **https only**, a host, a non-root path, no user info, no fragment.
* **Resolve, check, then connect to the checked address.** Every address the
  name resolves to must be a public unicast address (not private, loopback,
  link-local, multicast, reserved, shared or unspecified; an IPv4-mapped IPv6
  address is judged as its IPv4 address), unless it lies in a network the owner
  configured (``FetchPolicy.allow_networks``; tests allow loopback this way).
  One disallowed address refuses the whole name. The request then goes to the
  checked IP itself, with ``Host`` and TLS SNI set to the name, so a second DNS
  answer (rebinding) is never used.
* **TLS verified** against the system trust store, or ``FetchPolicy.ca_file``.
* **No redirects** (a 3xx is a refusal), status 200 only, ``application/json``
  body of at most ``max_bytes`` (5 KiB), the whole fetch within ``timeout``.
* **Caching**: a good document is kept for its ``Cache-Control: max-age``,
  clamped to [60 s, 1 day] (1 hour without one; ``no-store`` honoured); a
  failure is remembered for 60 s, so a flood of ``/authorize`` requests naming
  one URL costs one fetch a minute. At most ``max_cache`` URLs are kept.
* The document must validate as fastmcp's ``CIMDDocument`` and its ``client_id``
  must equal the URL exactly. Failures raise ``CIMDValidationError`` (the URL or
  document is unacceptable) or ``CIMDFetchError`` (it could not be fetched).

This module is the relay's one outbound HTTP client (httpx).
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import socket
import ssl
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx
from fastmcp.server.auth.cimd import CIMDDocument, CIMDFetchError, CIMDValidationError
from pydantic import ValidationError

MIN_TTL, DEFAULT_TTL, MAX_TTL, FAILURE_TTL = 60.0, 3600.0, 86400.0, 60.0

IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@dataclass(frozen=True)
class FetchPolicy:
    """What a CIMD fetch may reach. Defaults suit a public relay."""

    allow_networks: tuple[str, ...] = ()  # e.g. ("127.0.0.0/8",) to allow loopback
    ca_file: str | None = None  # None: the system's trust store
    max_bytes: int = 5 * 1024
    timeout: float = 5.0
    max_cache: int = 256


def address_allowed(address: IpAddress, allow: tuple[Network, ...]) -> bool:
    """Whether a fetch may connect to ``address`` (see the module docstring)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if any(address in network for network in allow):
        return True
    return address.is_global and not address.is_multicast


def check_url(url: str) -> tuple[str, int, str]:
    """(host, port, path with query) of an acceptable CIMD URL; raises CIMDValidationError."""
    parts = urlsplit(url)
    if parts.scheme != "https":
        raise CIMDValidationError("a client_id document URL must use https")
    if not parts.hostname or parts.username is not None or parts.password is not None:
        raise CIMDValidationError("a client_id document URL needs a host and no user info")
    if parts.path in ("", "/") or parts.fragment:
        raise CIMDValidationError("a client_id document URL needs a path and no fragment")
    try:
        port = parts.port or 443
    except ValueError:
        raise CIMDValidationError("a client_id document URL has an invalid port") from None
    return parts.hostname, port, parts.path + (f"?{parts.query}" if parts.query else "")


@dataclass
class _Cached:
    until: float
    doc: CIMDDocument | None
    error: Exception | None = None


class CimdFetcher:
    """SSRF-safe CIMD fetches with a small cache. ``clock`` is monotonic time."""

    def __init__(
        self, policy: FetchPolicy | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.policy = policy or FetchPolicy()
        self._allow = tuple(
            ipaddress.ip_network(n, strict=False) for n in self.policy.allow_networks
        )
        self._clock = clock
        self._cache: OrderedDict[str, _Cached] = OrderedDict()
        self._tls = ssl.create_default_context(cafile=self.policy.ca_file)

    def is_cimd_client_id(self, client_id: str) -> bool:
        try:
            check_url(client_id)
        except CIMDValidationError:
            return False
        return True

    async def fetch(self, client_id_url: str) -> CIMDDocument:
        cached = self._cache.get(client_id_url)
        if cached is not None and self._clock() < cached.until:
            if cached.doc is not None:
                return cached.doc
            assert cached.error is not None
            raise cached.error
        try:
            doc, ttl = await self._fetch(client_id_url)
        except (CIMDValidationError, CIMDFetchError) as exc:
            self._keep(client_id_url, _Cached(self._clock() + FAILURE_TTL, None, exc))
            raise
        if ttl > 0:
            self._keep(client_id_url, _Cached(self._clock() + ttl, doc))
        return doc

    def _keep(self, url: str, entry: _Cached) -> None:
        self._cache[url] = entry
        self._cache.move_to_end(url)
        while len(self._cache) > self.policy.max_cache:
            self._cache.popitem(last=False)

    async def _fetch(self, url: str) -> tuple[CIMDDocument, float]:
        host, port, path = check_url(url)
        try:
            async with asyncio.timeout(self.policy.timeout):
                addresses = await self._resolve(host, port)
                body, cache_control = await self._get(addresses, host, port, path)
        except TimeoutError:
            raise CIMDFetchError(
                f"fetching the client document took over {self.policy.timeout:g} s"
            ) from None
        try:
            doc = CIMDDocument.model_validate(json.loads(body))
        except (ValueError, ValidationError) as exc:
            raise CIMDValidationError(f"the client document is not valid: {exc}"[:300]) from None
        if str(doc.client_id) != url:
            raise CIMDValidationError("the client document's client_id is not its own URL")
        return doc, _ttl(cache_control)

    async def _resolve(self, host: str, port: int) -> list[IpAddress]:
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(
                host, port, type=socket.SOCK_STREAM
            )
        except OSError as exc:
            raise CIMDFetchError(f"cannot resolve {host}: {exc}") from None
        addresses = list(dict.fromkeys(ipaddress.ip_address(info[4][0]) for info in infos))
        refused = [a for a in addresses if not address_allowed(a, self._allow)]
        if refused or not addresses:
            raise CIMDValidationError(
                f"{host} resolves to an address a public relay must not fetch from "
                f"({', '.join(map(str, refused)) or 'none'})"
            )
        return addresses

    async def _get(
        self, addresses: list[IpAddress], host: str, port: int, path: str
    ) -> tuple[bytes, str]:
        last: Exception | None = None
        host_header = host if port == 443 else f"{host}:{port}"
        async with httpx.AsyncClient(
            verify=self._tls, follow_redirects=False, trust_env=False, timeout=self.policy.timeout
        ) as http:
            for address in addresses:
                literal = f"[{address}]" if address.version == 6 else str(address)
                try:
                    async with http.stream(
                        "GET",
                        f"https://{literal}:{port}{path}",
                        headers={"Host": host_header, "Accept": "application/json"},
                        extensions={"sni_hostname": host},
                    ) as response:
                        return await self._read(response)
                except httpx.TransportError as exc:
                    last = exc  # this address did not answer: try the next checked one
        raise CIMDFetchError(f"cannot fetch the client document from {host}: {last}")

    async def _read(self, response: httpx.Response) -> tuple[bytes, str]:
        if response.status_code != 200:
            raise CIMDFetchError(
                f"the client document answered HTTP {response.status_code} (redirects are "
                "not followed)"
            )
        body = b""
        async for chunk in response.aiter_bytes():
            body += chunk
            if len(body) > self.policy.max_bytes:
                raise CIMDValidationError(
                    f"the client document is over {self.policy.max_bytes} bytes"
                )
        return body, response.headers.get("cache-control", "")


def _ttl(cache_control: str) -> float:
    directives = {d.strip().lower() for d in cache_control.split(",") if d.strip()}
    if "no-store" in directives:
        return 0.0
    for directive in directives:
        if directive.startswith("max-age="):
            try:
                return min(MAX_TTL, max(MIN_TTL, float(directive[8:])))
            except ValueError:
                break
    return DEFAULT_TTL
