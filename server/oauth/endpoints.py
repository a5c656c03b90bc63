"""HTTP handlers around the SDK's OAuth handlers: rate limits, raw-input checks, RFC 9207 ``iss``.

Each ``*_endpoint(provider)`` returns the Starlette handler of one endpoint
(/authorize, /token, /register, /revoke) and ``metadata_endpoint`` the AS metadata
app (``none`` auth method, ``iss`` flag); ``server.oauth.routes`` mounts them.

Facts of a request that the SDK's handlers drop reach the core as arguments: the
SDK handler of one request talks to a ``_RequestView`` of the provider that adds
them (whether ``code_challenge_method`` was sent; the ``resource`` of a token
request), so the core reads no request state of its own.
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable
from typing import Any

from fastmcp.server.auth.auth import AccessToken, TokenHandler
from mcp.server.auth.handlers.authorize import AuthorizationHandler
from mcp.server.auth.handlers.metadata import MetadataHandler
from mcp.server.auth.handlers.register import RegistrationHandler
from mcp.server.auth.middleware.client_auth import AuthenticationError, ClientAuthenticator
from mcp.server.auth.provider import (
    AuthorizationCode,
    AuthorizationParams,
    IdentityAssertionParams,
    RefreshToken,
)
from mcp.server.auth.routes import build_metadata
from mcp.server.auth.settings import ClientRegistrationOptions, RevocationOptions
from mcp.server.transport_security import RequestBodyLimitMiddleware
from mcp.shared.auth import OAuthClientInformationFull, OAuthToken
from mcp.shared.inbound import MCP_PROTOCOL_VERSION_HEADER
from pydantic import AnyUrl, ValidationError
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import request_response
from starlette.types import ASGIApp

from server.oauth.http_edge import NO_STORE, oauth_error, source_key, throttled, with_iss
from server.oauth.provider import TetherClient, TetherOAuthProvider
from server.oauth.redirects import check_registrable, redirect_matches

_VERIFIER = re.compile(r"[A-Za-z0-9\-._~]{43,128}")

Handler = Callable[[Request], Awaitable[Response]]


class _RequestView:
    """The provider as one SDK handler call sees it: the core's methods, with this
    request's facts passed to the ones that check them."""

    def __init__(
        self,
        core: TetherOAuthProvider,
        *,
        challenge_method_given: bool = True,
        resource: str | None = None,
    ) -> None:
        self._core = core
        self._method_given = challenge_method_given
        self._resource = resource

    async def get_client(self, client_id: str) -> TetherClient | None:
        return await self._core.get_client(client_id)

    async def register_client(self, client_info: OAuthClientInformationFull) -> None:
        await self._core.register_client(client_info)

    async def authorize(
        self, client: OAuthClientInformationFull, params: AuthorizationParams
    ) -> str:
        return await self._core.authorize(client, params, challenge_method_given=self._method_given)

    async def load_authorization_code(
        self, client: OAuthClientInformationFull, authorization_code: str
    ) -> AuthorizationCode | None:
        return await self._core.load_authorization_code(client, authorization_code)

    async def exchange_authorization_code(
        self, client: OAuthClientInformationFull, authorization_code: AuthorizationCode
    ) -> OAuthToken:
        return await self._core.exchange_authorization_code(
            client, authorization_code, requested_resource=self._resource
        )

    async def load_refresh_token(
        self, client: OAuthClientInformationFull, refresh_token: str
    ) -> RefreshToken | None:
        return await self._core.load_refresh_token(client, refresh_token)

    async def exchange_refresh_token(
        self, client: OAuthClientInformationFull, refresh_token: RefreshToken, scopes: list[str]
    ) -> OAuthToken:
        return await self._core.exchange_refresh_token(
            client, refresh_token, scopes, requested_resource=self._resource
        )

    async def load_access_token(self, token: str) -> AccessToken | None:
        return await self._core.load_access_token(token)

    async def revoke_token(self, token: AccessToken | RefreshToken) -> None:
        await self._core.revoke_token(token)

    async def exchange_identity_assertion(
        self, client: OAuthClientInformationFull, params: IdentityAssertionParams
    ) -> OAuthToken:
        return await self._core.exchange_identity_assertion(client, params)


def api_app(
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


def authorize_endpoint(provider: TetherOAuthProvider) -> Handler:
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
        view = _RequestView(provider, challenge_method_given="code_challenge_method" in params)
        response = await AuthorizationHandler(view).handle(request)
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


def token_endpoint(provider: TetherOAuthProvider) -> Handler:
    authenticator = ClientAuthenticator(provider)

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
        view = _RequestView(provider, resource=resource if isinstance(resource, str) else None)
        sdk = TokenHandler(provider=view, client_authenticator=authenticator)
        response: Response = await sdk.handle(request)
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


def register_endpoint(provider: TetherOAuthProvider) -> Handler:
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


def revoke_endpoint(provider: TetherOAuthProvider) -> Handler:
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
        return Response(status_code=200, headers=NO_STORE)

    return handle


def metadata_app(provider: TetherOAuthProvider) -> ASGIApp:
    """RFC 8414 metadata: the SDK's, with public clients, ``iss`` and (when on) CIMD."""
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
    return CORSMiddleware(
        request_response(MetadataHandler(meta).handle),
        allow_origins="*",
        allow_methods=["GET", "OPTIONS"],
        allow_headers=[MCP_PROTOCOL_VERSION_HEADER],
    )
