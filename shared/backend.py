"""What a tool backend is: the contract between the MCP tools and whatever answers them.

The relay's hub (``server.hub.Hub``) and the supervisor's in-process backend
(``supervisor.local_mcp.LocalBackend``) implement :class:`Backend`; the tools in
``shared/mcp/`` call it. Framework-free: the hub imports this module, never the
tool layer.
"""

from __future__ import annotations

import secrets
import time
from typing import Any, Literal, Protocol

from pydantic import BaseModel, Field

from shared.protocol import Command, Reply


class HostStatus(BaseModel):
    """One supervisor as the backend knows it.

    ``session_count`` counts sessions not exited; ``sessions`` lists every id it
    holds (exited ones too, while it keeps them), so tools can name a session's host.
    """

    name: str
    online: bool
    last_seen: float | None
    session_count: int
    sessions: list[str] = []


class DeliveryStatus(BaseModel):
    """What became of a request whose result was unknown (``check_delivery``)."""

    request_id: str
    state: Literal["done", "running", "not_run", "unknown"]
    host: str | None
    message: str
    next_step: str
    reply: dict[str, Any] | None = Field(
        default=None, description="The computer's reply, when state is 'done'."
    )


class StoredLogs(BaseModel):
    """The relay's stored copy of a session's output (its computer is offline)."""

    host: str
    last_seen: float | None
    text: str
    start: int
    end: int
    dropped: int
    captured_at: float | None


class Backend(Protocol):
    async def hosts(self) -> list[HostStatus]: ...

    def host_of(self, session_id: str) -> str | None:
        """The computer holding ``session_id`` if the backend knows it at no cost, else None.

        Every session tool names its host in the result; this answers that from
        memory instead of listing every host (and, on the relay, reading the store).
        """
        ...

    async def call(
        self,
        command: Command,
        *,
        host: str | None = None,
        session_id: str | None = None,
        timeout: float = 30.0,
    ) -> Reply:
        """Route by session_id, else host, else the only online host.

        Raises HostOffline, HostAmbiguous, SessionUnknown, TimedOut, DeliveryUnknown.
        """
        ...


class OutcomeStore(Protocol):
    """Durable key -> outcome (the relay's ``server.outcomes.OutcomeStore``)."""

    def claim(self, key: str, tool: str, fingerprint: str, request_id: str) -> str | None:
        """Record the key (first use) or return the stored outcome JSON (None: none yet).

        Raises ``shared.errors.TetherError`` when the key was used for another action.
        """
        ...

    def settle(self, key: str, outcome: str) -> None: ...


def new_request_id() -> str:
    """Fresh and unguessable, so a replayed or forged reply cannot match a live call."""
    return secrets.token_urlsafe(18)


def format_utc(when: float | None) -> str:
    """``10:42 UTC`` today, ``2026-11-20 10:42 UTC`` otherwise; ``never`` for None."""
    if when is None:
        return "never"
    then = time.gmtime(when)
    if then[:3] == time.gmtime()[:3]:
        return time.strftime("%H:%M UTC", then)
    return time.strftime("%Y-%m-%d %H:%M UTC", then)
