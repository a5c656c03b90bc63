"""Every OAuth and consent route of the relay, built in one place.

The only module that imports both the OAuth core (``provider``) and its HTTP
handlers (``endpoints``, ``consent``), so neither side imports the other.
FastMCP asks its auth provider for routes; ``RoutedOAuthProvider`` answers with
the SDK's routes, /authorize, /token, /register and /revoke wrapped by
``endpoints``, the AS metadata replaced, AS metadata and PRM also served at their
alternative well-known paths, plus ``/consent``.

Public API: ``build_oauth_provider`` (what the relay passes to FastMCP as ``auth``).
"""

from __future__ import annotations

import time
from pathlib import Path

from starlette.routing import Route

from server.audit import AuditLog
from server.db import Database
from server.oauth.consent import consent_endpoint
from server.oauth.endpoints import (
    api_app,
    authorize_endpoint,
    metadata_app,
    register_endpoint,
    revoke_endpoint,
    token_endpoint,
)
from server.oauth.passwords import hash_password
from server.oauth.provider import OAuthSettings, TetherOAuthProvider
from server.oauth.store import OAuthStore

AS_METADATA = "/.well-known/oauth-authorization-server"
PRM = "/.well-known/oauth-protected-resource"


def build_routes(
    provider: TetherOAuthProvider, sdk_routes: list[Route], mcp_path: str | None
) -> list[Route]:
    """The relay's OAuth routes from the SDK's (``OAuthProvider.get_routes``)."""
    metadata = metadata_app(provider)
    limit = provider.settings.max_registration_bytes
    # The SDK's endpoints we replace: handler factory, methods, body limit, CORS.
    handlers = {
        "/authorize": (authorize_endpoint, ["GET", "POST"], 64 * 1024, False),
        "/token": (token_endpoint, ["POST", "OPTIONS"], 64 * 1024, True),
        "/register": (register_endpoint, ["POST", "OPTIONS"], limit, True),
        "/revoke": (revoke_endpoint, ["POST", "OPTIONS"], 64 * 1024, True),
    }
    out: list[Route] = []
    for r in sdk_routes:
        if r.path == AS_METADATA:
            out.append(Route(AS_METADATA, metadata, methods=["GET", "OPTIONS"]))
            if mcp_path and mcp_path != "/":
                out.append(Route(AS_METADATA + mcp_path, metadata, methods=["GET", "OPTIONS"]))
        elif r.path in handlers:
            make, methods, max_bytes, cors = handlers[r.path]
            app = api_app(make(provider), methods, max_bytes, cors=cors)
            out.append(Route(r.path, app, methods=methods))
        elif r.path.startswith(PRM + "/"):
            out.append(r)
            out.append(Route(PRM, r.endpoint, methods=r.methods))
        else:
            out.append(r)
    out.append(Route("/consent", consent_endpoint(provider), methods=["GET", "POST"]))
    return out


class RoutedOAuthProvider(TetherOAuthProvider):
    """The OAuth core with the relay's HTTP face: what FastMCP mounts as ``auth``."""

    def get_routes(self, mcp_path: str | None = None) -> list[Route]:
        return build_routes(self, super().get_routes(mcp_path), mcp_path)


def build_oauth_provider(
    base_url: str,
    data_dir: Path,
    *,
    password: str | None = None,
    settings: OAuthSettings | None = None,
    audit: AuditLog | None = None,
    db: Database | None = None,
) -> RoutedOAuthProvider:
    """The relay's OAuth provider, persisted in the relay database: ``db`` (the relay's
    open one, which the relay closes) or else ``data_dir/relay.sqlite3`` (closed by
    ``provider.store.close()``).

    ``base_url`` is the public https origin (e.g. ``https://relay.example.com``);
    the MCP endpoint is ``{base_url}{mcp_path}``. ``password`` sets the owner
    password only if none is stored yet (first start); use ``set_password`` to change it.
    ``audit``: where authorization decisions are recorded (the relay's ``AuditLog``).
    """
    cost = (settings or OAuthSettings()).password_cost
    store = OAuthStore(db if db is not None else data_dir)
    if password is not None and store.password_hash() is None:
        store.set_password_hash(hash_password(password, cost), time.time())
    return RoutedOAuthProvider(base_url, store, settings, audit)
