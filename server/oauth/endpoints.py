"""HTTP edges around the SDK's OAuth handlers: rate limits, raw-input checks, RFC 9207 ``iss``.

Contract of ``build_routes(provider, sdk_routes, mcp_path)``: returns the SDK's
routes with /authorize, /token and /register wrapped, the AS metadata replaced
(``none`` auth method, ``iss`` flag), AS metadata and PRM also served at their
alternative well-known paths, plus ``/consent`` (see ``consent``).

The wrappers pass facts the SDK drops to the provider through context variables
(set and reset around the SDK call, so they never leak between requests):
whether ``code_challenge_method`` was sent, and the ``resource`` of a token request.
"""

from __future__ import annotations

import ipaddress
import json
import re
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit, urlunsplit

from fastmcp.server.auth.auth import TokenHandler
from mcp.server.auth.handlers.authorize import AuthorizationHandler
from mcp.server.auth.handlers.metadata import MetadataHandler
from mcp.server.auth.handlers.register import RegistrationHandler
from mcp.server.auth.middleware.client_auth import AuthenticationError, ClientAuthenticator
from mcp.server.auth.routes import build_metadata
from mcp.server.auth.settings import ClientRegistrationOptions, RevocationOptions
from mcp.server.transport_security import RequestBodyLimitMiddleware
from mcp.shared.inbound import MCP_PROTOCOL_VERSION_HEADER
from pydantic import AnyUrl, ValidationError
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route, request_response
from starlette.types import ASGIApp

from server.oauth.ratelimit import RateLimiter
from server.oauth.redirects import check_registrable, redirect_matches

if TYPE_CHECKING:
    from server.oauth.provider import TetherOAuthProvider

AS_METADATA = "/.well-known/oauth-authorization-server"
PRM = "/.well-known/oauth-protected-resource"
_VERIFIER = re.compile(r"[A-Za-z0-9\-._~]{43,128}")
_NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}

_method_given: ContextVar[bool] = ContextVar("tether_challenge_method_given", default=True)
_token_resource: ContextVar[str | None] = ContextVar("tether_token_resource", default=None)


def challenge_method_given() -> bool:
    return _method_given.get()


def requested_resource() -> str | None:
    return _token_resource.get()


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
    headers = dict(_NO_STORE)
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


def _api(
    handler: Callable[[Request], Awaitable[Response]],
    methods: list[str],
    body_limit: int,
    cors: bool,
) -> ASGIApp:
    app: ASGIApp = RequestBodyLimitMiddleware(request_response(handler), body_limit)
    if cors:
        app = CORSMiddleware(
            app,
            allow_origins="*",
            allow_methods=methods,
            allow_headers=[MCP_PROTOCOL_VERSION_HEADER],
        )
    return app


def _authorize(provider: TetherOAuthProvider) -> Callable[[Request], Awaitable[Response]]:
    sdk = AuthorizationHandler(provider)
    consent_prefix = f"{provider.public_base}/consent?"

    async def handle(request: Request) -> Response:
        limits = provider.settings.limits
        if refused := throttled(
            [(limits.authorize_per_ip, source_key(request))], "sign-in attempts"
        ):
            return refused
        params: Any = request.query_params if request.method == "GET" else await request.form()
        client_id, raw_redirect = params.get("client_id"), params.get("redirect_uri")
        if isinstance(client_id, str) and isinstance(raw_redirect, str):
            client = await provider.get_client(client_id)
            if client is not None and not _exact_redirect(raw_redirect, client.redirect_uris or []):
                # Never redirect to an unregistered URI, whatever else is wrong (RFC 9700 §4.1).
                return oauth_error(
                    400,
                    "invalid_request",
                    "redirect_uri is not registered for this client: send exactly one of "
                    "its registered redirect_uris, character for character",
                )
        reset = _method_given.set("code_challenge_method" in params)
        try:
            response = await sdk.handle(request)
        finally:
            _method_given.reset(reset)
        location = response.headers.get("location")
        if (
            response.status_code in (302, 303)
            and location
            and not location.startswith(consent_prefix)
        ):
            response.headers["location"] = with_iss(location, provider.issuer)
        if request.method == "POST" and response.status_code == 302:
            response.status_code = 303  # never let a browser re-POST the form (RFC 9700 §4.12)
        return response

    return handle


def _exact_redirect(raw: str, registered: list[AnyUrl]) -> bool:
    try:
        canonical = str(AnyUrl(raw))
    except ValidationError:
        return False
    return canonical == raw and redirect_matches(raw, [str(u) for u in registered])


def _token(provider: TetherOAuthProvider) -> Callable[[Request], Awaitable[Response]]:
    sdk = TokenHandler(provider=provider, client_authenticator=ClientAuthenticator(provider))

    async def handle(request: Request) -> Response:
        limits = provider.settings.limits
        if refused := throttled([(limits.token_per_ip, source_key(request))], "token requests"):
            return refused
        form = await request.form()  # Starlette caches it: the SDK reads the same form
        grant = form.get("grant_type")
        if not isinstance(grant, str) or not grant:
            return oauth_error(400, "invalid_request", "the grant_type form field is missing")
        if grant not in _GRANTS:
            # RFC 6749 §5.2: a grant the server does not support (password, implicit...).
            return oauth_error(
                400,
                "unsupported_grant_type",
                f"grant_type {grant[:60]!r} is not supported here; use authorization_code "
                "(with PKCE) or refresh_token",
            )
        verifier = form.get("code_verifier")
        if form.get("grant_type") == "authorization_code" and not (
            isinstance(verifier, str) and _VERIFIER.fullmatch(verifier)
        ):
            return oauth_error(
                400,
                "invalid_request",
                "code_verifier must be 43-128 characters from A-Z a-z 0-9 - . _ ~ (RFC 7636)",
            )
        resource = form.get("resource")
        reset = _token_resource.set(resource if isinstance(resource, str) else None)
        try:
            response: Response = await sdk.handle(request)
        finally:
            _token_resource.reset(reset)
        return response

    return handle


_GRANTS = ("authorization_code", "refresh_token")
_TEXT_LIMITS = {"client_name": 100}
_MAX_TEXT = 2048


def _registration_problem(body: bytes, provider: TetherOAuthProvider) -> tuple[str, str] | None:
    try:
        doc = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return "invalid_client_metadata", "the registration body must be a JSON object (RFC 7591)"
    if not isinstance(doc, dict):
        return "invalid_client_metadata", "the registration body must be a JSON object (RFC 7591)"
    uris = doc.get("redirect_uris")
    limit = provider.settings.max_redirect_uris
    if not isinstance(uris, list) or not 1 <= len(uris) <= limit:
        return "invalid_redirect_uri", f"redirect_uris must be a list of 1 to {limit} URLs"
    for uri in uris:
        problem = check_registrable(uri, provider.settings.extra_redirect_uris)
        if problem is None and str(AnyUrl(uri)) != uri:
            problem = f"register the redirect_uri in canonical form: {str(AnyUrl(uri))!r}"
        if problem:
            return "invalid_redirect_uri", problem
    for key, value in doc.items():
        cap = _TEXT_LIMITS.get(key, _MAX_TEXT)
        if isinstance(value, str) and len(value) > cap:
            return "invalid_client_metadata", f"{key} must be at most {cap} characters"
        if isinstance(value, list) and len(value) > 20:
            return "invalid_client_metadata", f"{key} must have at most 20 entries"
    return None


def _register(provider: TetherOAuthProvider) -> Callable[[Request], Awaitable[Response]]:
    sdk = RegistrationHandler(provider, options=provider.client_registration_options)  # type: ignore[arg-type]

    async def handle(request: Request) -> Response:
        limits = provider.settings.limits
        if refused := throttled(
            [(limits.register_per_ip, source_key(request)), (limits.register_global, "*")],
            "client registrations",
        ):
            return refused
        problem = _registration_problem(await request.body(), provider)
        if problem:
            return oauth_error(400, *problem)
        return await sdk.handle(request)

    return handle


def _revoke(provider: TetherOAuthProvider) -> Callable[[Request], Awaitable[Response]]:
    """RFC 7009 revocation. Our own handler because the SDK's requires a ``client_secret``
    field even from public (``none``) clients."""
    authenticator = ClientAuthenticator(provider)

    async def handle(request: Request) -> Response:
        limits = provider.settings.limits
        if refused := throttled([(limits.token_per_ip, source_key(request))], "token requests"):
            return refused
        try:
            client = await authenticator.authenticate_request(request)
        except AuthenticationError as e:
            return oauth_error(401, "invalid_client", e.message)
        token = (await request.form()).get("token")
        if not isinstance(token, str) or not token:
            return oauth_error(
                400, "invalid_request", "send the token to revoke in the 'token' form field"
            )
        provider.revoke_by_value(token, client.client_id or "")
        # RFC 7009 §2.2: 200 whether or not the token existed.
        return Response(status_code=200, headers=_NO_STORE)

    return handle


def build_routes(
    provider: TetherOAuthProvider, sdk_routes: list[Route], mcp_path: str | None
) -> list[Route]:
    from server.oauth.consent import consent_endpoint

    assert provider.base_url is not None and provider.issuer_url is not None
    meta = build_metadata(
        provider.base_url,
        None,
        provider.client_registration_options or ClientRegistrationOptions(),
        provider.revocation_options or RevocationOptions(),
    )
    meta.issuer = provider.issuer_url
    meta.token_endpoint_auth_methods_supported = [
        "none",
        "client_secret_post",
        "client_secret_basic",
    ]
    meta.revocation_endpoint_auth_methods_supported = [
        "none",
        "client_secret_post",
        "client_secret_basic",
    ]
    meta.authorization_response_iss_parameter_supported = True
    # Advertising CIMD makes Claude and ChatGPT use it instead of DCR: only when enabled.
    meta.client_id_metadata_document_supported = True if provider.settings.enable_cimd else None
    metadata = CORSMiddleware(
        request_response(MetadataHandler(meta).handle),
        allow_origins="*",
        allow_methods=["GET", "OPTIONS"],
        allow_headers=[MCP_PROTOCOL_VERSION_HEADER],
    )
    limit = provider.settings.max_registration_bytes
    # The SDK's endpoints we replace: handler factory, methods, body limit, CORS.
    handlers = {
        "/authorize": (_authorize, ["GET", "POST"], 64 * 1024, False),
        "/token": (_token, ["POST", "OPTIONS"], 64 * 1024, True),
        "/register": (_register, ["POST", "OPTIONS"], limit, True),
        "/revoke": (_revoke, ["POST", "OPTIONS"], 64 * 1024, True),
    }
    out: list[Route] = []
    for r in sdk_routes:
        if r.path == AS_METADATA:
            out.append(Route(AS_METADATA, metadata, methods=["GET", "OPTIONS"]))
            if mcp_path and mcp_path != "/":
                out.append(Route(AS_METADATA + mcp_path, metadata, methods=["GET", "OPTIONS"]))
        elif r.path in handlers:
            make, methods, max_bytes, cors = handlers[r.path]
            out.append(
                Route(r.path, _api(make(provider), methods, max_bytes, cors=cors), methods=methods)
            )
        elif r.path.startswith(PRM + "/"):
            out.append(r)
            out.append(Route(PRM, r.endpoint, methods=r.methods))
        else:
            out.append(r)
    out.append(Route("/consent", consent_endpoint(provider), methods=["GET", "POST"]))
    return out
