"""The relay's own OAuth 2.1 authorization server (see ``provider`` for the design).

Wiring (server/app.py)::

    provider = build_oauth_provider(base_url, data_dir, password=initial_password_or_None)
    mcp = FastMCP("tether", auth=provider)      # routes, 401 challenges and /consent come with it

Layers: ``provider`` is the core (the SDK's provider contract, no HTTP);
``endpoints`` and ``consent`` are its HTTP handlers; ``routes`` alone imports both
and builds every route.
Tools check the caller's grant with ``require_read()`` / ``require_write()``.
"""

from server.oauth.provider import OAuthSettings, TetherOAuthProvider, set_password
from server.oauth.routes import build_oauth_provider
from server.oauth.scopes import READ, WRITE, caller_scopes, require_read, require_write

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
