"""Class 12 (CIMD): client_id URLs are on by default and fetched as a public server must.

A real https server on loopback with a certificate from a CA made here; the relay
is configured explicitly to allow loopback and trust that CA (a public relay
allows neither), so every other defence is exercised for real.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from server.__main__ import bind_socket
from server.oauth.cimd_fetch import FetchPolicy
from server.oauth.provider import OAuthSettings
from tests.oauth_support import (
    CHATGPT,
    CLAUDE,
    live_relay,
    open_consent,
    pkce,
    query,
    redeem,
    scripted_consent,
)
from tests.support import eventually, scaled
from tests.tls_support import make_ca_and_server_cert

LOOPBACK = ("127.0.0.0/8", "::1/128")


@dataclass
class DocServer:
    base: str  # https://localhost:PORT
    ca: Path
    hits: list[str] = field(default_factory=list)
    release: asyncio.Event = field(default_factory=asyncio.Event)

    def url(self, name: str) -> str:
        return f"{self.base}/{name}"


@asynccontextmanager
async def doc_server(folder: Path) -> AsyncIterator[DocServer]:
    ca, cert, key = make_ca_and_server_cert(folder)
    sock = bind_socket("127.0.0.1", 0)
    server = DocServer(f"https://localhost:{sock.getsockname()[1]}", ca)

    def document(name: str, **extra: object) -> dict[str, object]:
        return {
            "client_id": server.url(name),
            "client_name": "Docs client",
            "redirect_uris": [CLAUDE],
            "token_endpoint_auth_method": "none",
            **extra,
        }

    async def serve(request: Request) -> Response:
        name = request.path_params["name"]
        server.hits.append(name)
        if name == "slow.json":
            await server.release.wait()  # answers only once the test is done with it
        if name == "redirect.json":
            return RedirectResponse(server.url("client.json"), status_code=302)
        if name == "big.json":
            return JSONResponse(document(name, client_name="x" * 6000))
        if name == "other-id.json":
            return JSONResponse(document("client.json"))
        if name == "evil-callback.json":
            return JSONResponse(document(name, redirect_uris=["https://evil.example.com/cb"]))
        return JSONResponse(document(name), headers={"Cache-Control": "max-age=600"})

    app = Starlette(routes=[Route("/{name}", serve)])
    config = uvicorn.Config(
        app, log_level="warning", ssl_certfile=str(cert), ssl_keyfile=str(key), lifespan="off"
    )
    uv = uvicorn.Server(config)
    task = asyncio.create_task(uv.serve(sockets=[sock]))
    try:
        await eventually(lambda: uv.started or task.done(), 10, "https document server")
        yield server
    finally:
        server.release.set()
        uv.should_exit = True
        await asyncio.wait_for(task, scaled(10))
        sock.close()


def _settings(docs: DocServer, **policy: object) -> OAuthSettings:
    fetch = FetchPolicy(**{"allow_networks": LOOPBACK, "ca_file": str(docs.ca), **policy})  # type: ignore[arg-type]
    return OAuthSettings(cimd_fetch=fetch)


async def test_a_cimd_client_signs_in_over_real_https_and_its_document_is_cached(
    tmp_path: Path,
) -> None:
    async with (
        doc_server(tmp_path) as docs,
        live_relay(tmp_path / "relay", _settings(docs)) as relay,
        httpx.AsyncClient(timeout=scaled(10)) as http,
    ):
        meta = (await http.get(f"{relay.base}/.well-known/oauth-authorization-server")).json()
        assert meta["client_id_metadata_document_supported"] is True
        client_id = docs.url("client.json")
        verifier, challenge = pkce()
        start = await open_consent(http, relay.base, client_id, challenge)
        assert start.status_code == 302, start.text
        done = await scripted_consent(http, start.headers["location"])
        assert done.status_code == 303
        token = await redeem(
            http, relay.base, client_id, query(done.headers["location"])["code"], verifier
        )
        assert token.status_code == 200, token.text
        assert docs.hits == ["client.json"]  # fetched once, then served from the cache


@pytest.mark.parametrize(
    "name", ["redirect.json", "big.json", "other-id.json", "evil-callback.json"]
)
async def test_a_document_that_redirects_is_too_big_names_another_id_or_callback_is_refused(
    tmp_path: Path, name: str
) -> None:
    async with (
        doc_server(tmp_path) as docs,
        live_relay(tmp_path / "relay", _settings(docs)) as relay,
        httpx.AsyncClient(timeout=scaled(10)) as http,
    ):
        r = await open_consent(http, relay.base, docs.url(name), pkce()[1])
        assert r.status_code == 400 and "location" not in r.headers
        assert docs.hits == [name]  # the redirect was not followed


async def test_a_redirect_uri_the_document_does_not_list_is_refused(tmp_path: Path) -> None:
    async with (
        doc_server(tmp_path) as docs,
        live_relay(tmp_path / "relay", _settings(docs)) as relay,
        httpx.AsyncClient(timeout=scaled(10)) as http,
    ):
        r = await open_consent(http, relay.base, docs.url("client.json"), pkce()[1], CHATGPT)
        assert r.status_code == 400 and "location" not in r.headers


async def test_by_default_a_loopback_document_is_never_fetched(tmp_path: Path) -> None:
    async with (
        doc_server(tmp_path) as docs,
        live_relay(tmp_path / "relay") as relay,
        httpx.AsyncClient(timeout=scaled(10)) as http,
    ):
        r = await open_consent(http, relay.base, docs.url("client.json"), pkce()[1])
        assert r.status_code == 400 and "location" not in r.headers
        assert docs.hits == []


async def test_a_certificate_from_an_untrusted_ca_is_refused(tmp_path: Path) -> None:
    async with (
        doc_server(tmp_path) as docs,
        live_relay(tmp_path / "relay", _settings(docs, ca_file=None)) as relay,
        httpx.AsyncClient(timeout=scaled(10)) as http,
    ):
        r = await open_consent(http, relay.base, docs.url("client.json"), pkce()[1])
        assert r.status_code == 400 and "location" not in r.headers
        assert docs.hits == []  # the TLS handshake failed before any request


async def test_a_document_that_does_not_arrive_within_the_time_cap_is_refused(
    tmp_path: Path,
) -> None:
    async with (
        doc_server(tmp_path) as docs,
        live_relay(tmp_path / "relay", _settings(docs, timeout=0.5)) as relay,
        httpx.AsyncClient(timeout=scaled(10)) as http,
    ):
        r = await open_consent(http, relay.base, docs.url("slow.json"), pkce()[1])
        assert r.status_code == 400 and "location" not in r.headers
        assert docs.hits == ["slow.json"]
