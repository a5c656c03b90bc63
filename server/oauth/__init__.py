"""The relay's own OAuth 2.1 authorization server (see ``provider`` for the design).

Import from the modules themselves (``server.oauth.provider``, ``routes``, ``scopes``): the
package loads none of them, so the admin commands that use the pure ones (passwords,
rate limits, tokens) never load FastMCP and Starlette.

Wiring (server/app.py)::

    provider = build_oauth_provider(base_url, data_dir, password=initial_password_or_None)
    mcp = FastMCP("tether", auth=provider)      # routes, 401 challenges and /consent come with it

Layers: ``provider`` is the core (the SDK's provider contract, no HTTP);
``endpoints`` and ``consent`` are its HTTP handlers; ``routes`` alone imports both
and builds every route.
Tools check the caller's grant with ``require_read()`` / ``require_write()``.
"""
