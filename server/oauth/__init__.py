"""The relay's own OAuth 2.1 authorization server (see ``provider`` for the design).

Wiring (server/app.py)::

    provider = build_oauth_provider(base_url, data_dir, password=initial_password_or_None)
    mcp = FastMCP("tether", auth=provider)      # routes, 401 challenges and /consent come with it

Layers: ``provider`` is the core (the SDK's provider contract, no HTTP);
``endpoints`` and ``consent`` are its HTTP handlers; ``routes`` alone imports both
and builds every route.
Tools check the caller's grant with ``require_read()`` / ``require_write()``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from server.oauth.provider import OAuthSettings, TetherOAuthProvider, set_password
    from server.oauth.routes import build_oauth_provider
    from server.oauth.scopes import READ, WRITE, caller_scopes, require_read, require_write

# Loaded on first use: the pure modules here (ratelimit, passwords, tokens) are imported by
# the admin commands, which must not pay for loading FastMCP and Starlette (seconds per run).
_HOME = {
    "OAuthSettings": "provider",
    "TetherOAuthProvider": "provider",
    "set_password": "provider",
    "build_oauth_provider": "routes",
    "READ": "scopes",
    "WRITE": "scopes",
    "caller_scopes": "scopes",
    "require_read": "scopes",
    "require_write": "scopes",
}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module 'server.oauth' has no attribute {name!r}")
    return getattr(importlib.import_module(f"server.oauth.{_HOME[name]}"), name)


__all__ = [
    "READ",
    "WRITE",
    "OAuthSettings",
    "TetherOAuthProvider",
    "build_oauth_provider",
    "caller_scopes",
    "require_read",
    "require_write",
    "set_password",
]
