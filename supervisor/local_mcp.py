"""Local stdio mode: the relay's tools, served straight from this computer's agent.

A local MCP client (Claude Desktop, Claude Code) starts ``python -m supervisor mcp``
and talks over stdio; there is no relay and no network. The tools are the same
ones the relay serves (``shared.mcp.tools``), answered by :class:`LocalBackend`.
"""

from __future__ import annotations

import asyncio
import time

from fastmcp import FastMCP

from shared import protocol as p
from shared.backend import DeliveryStatus, HostStatus
from shared.errors import HostOffline, TimedOut
from shared.mcp.conventions import GUIDE
from shared.mcp.prompt_card import register_prompt_card
from shared.mcp.tools import register_tools
from supervisor.command_runner import CommandRunner


class LocalBackend:
    """The one host is this computer; every call goes to its agent in-process."""

    def __init__(self, agent: CommandRunner, host: str) -> None:
        self._agent, self._host = agent, host

    async def hosts(self) -> list[HostStatus]:
        listed = await self._agent.handle(p.ListSessions(request_id="local-hosts"))
        sessions = listed.sessions if isinstance(listed, p.SessionsListed) else []
        live = [s for s in sessions if s.state != p.SessionState.EXITED]
        return [
            HostStatus(
                name=self._host,
                online=True,
                last_seen=time.time(),
                session_count=len(live),
                sessions=[s.session_id for s in sessions],
            )
        ]

    async def check_delivery(self, request_id: str) -> DeliveryStatus:
        """What this process's ledger knows of ``request_id``: the stdio mode's check_delivery.

        A call can end without its result here too (a client that timed out or
        disconnected mid-call); the command still ran and its reply is kept.
        """
        known = self._agent.lookup(request_id)
        if known.state is p.LookupState.DONE:
            return DeliveryStatus(
                request_id=request_id,
                state="done",
                host=self._host,
                message="The command ran once (see reply)."
                if known.reply
                else "The command ran once; its reply is no longer kept.",
                next_step="Do not send it again; act on the reply or read get_logs.",
                reply=None if known.reply is None else known.reply.model_dump(mode="json"),
            )
        if known.state is p.LookupState.RUNNING:
            return DeliveryStatus(
                request_id=request_id,
                state="running",
                host=self._host,
                message="The command is running now.",
                next_step="Call check_delivery again in a few seconds; do not send it again.",
            )
        if known.state is p.LookupState.INTERRUPTED:
            return DeliveryStatus(
                request_id=request_id,
                state="unknown",
                host=self._host,
                message="An earlier run of this server received the command and stopped before "
                "recording the outcome: it may have acted. It will not run again.",
                next_step="Check get_logs for its effect; send a new command only if it did not.",
            )
        return DeliveryStatus(
            request_id=request_id,
            state="unknown",
            host=self._host,
            message="This supervisor has no record of the request: it never arrived, or it "
            "ran in an earlier run of this server or over 10 minutes ago.",
            next_step="Check get_logs for its effect before sending it again.",
        )

    def host_of(self, session_id: str) -> str | None:
        return self._host  # the only host; an unknown session fails in call() first

    async def call(
        self,
        command: p.Command,
        *,
        host: str | None = None,
        session_id: str | None = None,
        timeout: float = 30.0,
    ) -> p.Reply:
        if host is not None and host != self._host:
            raise HostOffline(
                f"this is the local supervisor on {self._host!r}; there is no host {host!r} here",
                "omit host, or use the relay for other computers",
            )
        try:
            async with asyncio.timeout(timeout):
                return await self._agent.handle(command)
        except TimeoutError:
            raise TimedOut(
                f"{command.type} did not finish within {timeout:.0f}s",
                "check the session with get_session_status",
            ) from None


def build_local_server(agent: CommandRunner, host: str) -> FastMCP:
    mcp = FastMCP(
        "tether-local",
        instructions=(
            "Control the coding-agent sessions (Claude Code, Codex, aider, shells) running on this "
            "computer: list them, read their screens, answer their prompts, send them messages. "
            + GUIDE
        ),
    )
    register_tools(mcp, LocalBackend(agent, host))
    register_prompt_card(mcp, None)  # no relay here: dangerous prompts are approved locally
    return mcp


async def serve_stdio(agent: CommandRunner, host: str) -> None:
    await build_local_server(agent, host).run_stdio_async(show_banner=False)
