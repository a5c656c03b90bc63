"""``get_session_digest``: "what changed since I last looked", one session at a time.

Registered by :func:`shared.mcp.tools.register_tools` (both transports). The
supervisor computes the digest (``supervisor/commands/digest.py``) from hook
events, the session's output and git in its folder; this tool only asks and
labels the result: commands, paths and summary lines come from the terminal and
the agent, so the result is marked untrusted.
"""

from typing import Annotated

from fastmcp import FastMCP
from mcp.types import ToolAnnotations
from pydantic import Field

from shared.backend import Backend, new_request_id
from shared.commands.digest import (
    DIGEST_CURSOR_PATTERN,
    MAX_DIGEST_BYTES,
    DigestCommand,
    DigestFile,
    DigestGit,
    DigestRead,
    DigestTest,
    DigestTurns,
    GetDigest,
)
from shared.mcp.args import SessionIdArg
from shared.mcp.calls import as_tool_error, call, host_of
from shared.mcp.results import _Untrusted
from shared.wire_values import SessionState

__all__ = ["register_digest_tools"]

DIGEST_TIMEOUT = 45.0  # the supervisor bounds its git work well below this

DESCRIPTION = (
    f"What a session did since a cursor, in at most {MAX_DIGEST_BYTES // 1024} KB: turns, "
    "commands run, files touched, tests and their results, git diffstat; each fact names its "
    "source. Returns next_cursor for next time."
)
_READ = ToolAnnotations(
    read_only_hint=True, destructive_hint=False, idempotent_hint=False, open_world_hint=False
)


class SessionDigest(_Untrusted):
    host: str | None
    session_id: str
    name: str
    state: SessionState
    since: float | None = Field(description="Unix time of since_cursor; null: session start.")
    turns: DigestTurns
    commands: list[DigestCommand]
    files: list[DigestFile]
    tests: list[DigestTest]
    git: DigestGit
    notes: list[str]
    omitted: int = Field(description="Older entries left out to stay small.")
    next_cursor: str = Field(description="Pass as since_cursor next time.")


def register_digest_tools(mcp: FastMCP, backend: Backend) -> None:
    """Add ``get_session_digest`` to ``mcp``, answered through ``backend``."""

    @mcp.tool(annotations=_READ, description=DESCRIPTION)
    async def get_session_digest(
        session_id: SessionIdArg,
        since_cursor: Annotated[
            str | None,
            Field(
                pattern=DIGEST_CURSOR_PATTERN,
                description="next_cursor of the previous digest; omit for the whole session.",
            ),
        ] = None,
    ) -> SessionDigest:
        cmd = GetDigest(
            request_id=new_request_id(), session_id=session_id, since_cursor=since_cursor
        )
        with as_tool_error():
            reply = await call(
                backend, cmd, DigestRead, session_id=session_id, timeout=DIGEST_TIMEOUT
            )
            where = await host_of(backend, session_id)
        return SessionDigest(host=where, **reply.model_dump(exclude={"request_id", "type"}))
