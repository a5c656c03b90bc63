"""Scopes the relay grants, and the checks MCP tools call (pure apart from reading the token).

- ``sessions:read``  list sessions, read screens and output.
- ``sessions:write`` start sessions, send input, answer prompts, stop sessions.
  Write always comes with read (a remote that can type but not see is useless and
  unsafe), so ``normalise`` adds read to any grant that has write.
- ``offline_access`` tolerated (MCP SDK clients add it, SEP-2207); it means "issue a
  refresh token", which the relay always does.

Tools call ``require_read()`` / ``require_write()``; both raise ``ToolError`` with a
message saying how to get the missing scope.
"""

from __future__ import annotations

from collections.abc import Iterable

from fastmcp.exceptions import ToolError
from fastmcp.server.dependencies import get_access_token

READ = "sessions:read"
WRITE = "sessions:write"
OFFLINE = "offline_access"
ALL_SCOPES = [READ, WRITE, OFFLINE]
DESCRIPTIONS = {
    READ: "See your sessions: list them and read their screens and output",
    WRITE: "Control your sessions: start them, type into them, answer their prompts, stop them",
    OFFLINE: "Stay connected without asking you again",
}


def normalise(scopes: Iterable[str]) -> list[str]:
    """Known scopes only, in canonical order, with write implying read."""
    wanted = set(scopes)
    if WRITE in wanted:
        wanted.add(READ)
    return [s for s in ALL_SCOPES if s in wanted]


def caller_scopes() -> list[str] | None:
    """The current request's granted scopes, or None when there is no OAuth token."""
    token = get_access_token()
    return None if token is None else list(token.scopes)


def _require(scope: str, what: str) -> None:
    scopes = caller_scopes()
    if scopes is None:
        raise ToolError(
            f"Not signed in: {what} needs an OAuth connection to this relay. "
            "Reconnect the connector and sign in."
        )
    if scope not in scopes:
        raise ToolError(
            f"This connection is read-only: {what} needs the '{scope}' permission. "
            "Disconnect and reconnect the connector, and choose 'Allow read and write' "
            "on the relay's sign-in page."
        )


def require_read() -> None:
    _require(READ, "reading sessions")


def require_write() -> None:
    _require(WRITE, "controlling sessions")
