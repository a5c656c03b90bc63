"""A relayed status call asks the backend once: the command, and no listing of hosts
when the backend already knows where the session lives (as the relay's hub does)."""

from __future__ import annotations

from typing import Any

from fastmcp import Client, FastMCP

from shared.backend import HostStatus
from shared.mcp.tools import register_tools
from tests.tools_support import SID, FakeBackend


class CountingBackend(FakeBackend):
    """Knows each session's host, as ``server.hub.Hub`` does after routing a call to it."""

    def __init__(self) -> None:
        super().__init__()
        self.host_listings = 0

    async def hosts(self) -> list[HostStatus]:
        self.host_listings += 1
        return await super().hosts()

    def host_of(self, session_id: str) -> str | None:
        return "studio" if session_id == SID else None


async def test_a_status_call_sends_one_command_and_lists_no_hosts() -> None:
    backend = CountingBackend()
    mcp = FastMCP("tether-test")
    register_tools(mcp, backend)
    async with Client(mcp) as client:
        result: Any = await client.call_tool("get_session_status", {"session_id": SID})
    assert result.structured_content["session"]["host"] == "studio"
    assert [type(c).__name__ for c, _, _ in backend.calls] == ["GetStatus"]
    assert backend.host_listings == 0
