"""The MCP tool surface, defined once for both transports (the relay and local stdio).

``tools`` (the tool signatures, ``register_tools``) and ``calls`` (their
plumbing and the one translation of Tether errors to MCP tool errors) import
fastmcp; ``results`` (what each tool returns) and ``args`` (the arguments'
constraints) do not. Nothing outside the two transports' composition
(``server/app.py``, ``supervisor/local_mcp.py``) imports this package: the
relay's hub speaks :mod:`shared.backend`.
"""
