"""RelayMCP finds tools as FastMCP does: the same tool, version, refusal or absence."""

from __future__ import annotations

from typing import Any

from fastmcp import Client, FastMCP
from fastmcp.exceptions import ToolError

from server.relay_mcp import RelayMCP

CALLS: list[tuple[str, dict[str, Any] | None]] = [
    ("plain", None),
    ("versioned", None),  # the highest version
    ("versioned", {"fastmcp": {"version": "1"}}),  # a version asked for by name
    ("disabled", None),
    ("missing", None),
]


def _server(cls: type[FastMCP]) -> FastMCP:
    mcp = cls("lookup")

    @mcp.tool
    async def plain() -> str:
        return "plain"

    @mcp.tool(name="versioned", version="1")
    async def versioned_1() -> str:
        return "v1"

    @mcp.tool(name="versioned", version="2")
    async def versioned_2() -> str:
        return "v2"

    @mcp.tool
    async def disabled() -> str:
        return "disabled"

    mcp.disable(names={"disabled"})
    return mcp


async def _outcomes(mcp: FastMCP) -> list[str]:
    out = []
    async with Client(mcp, mode="legacy") as client:
        for name, meta in CALLS:
            try:
                out.append(str((await client.call_tool(name, {}, meta=meta)).data))
            except ToolError as exc:
                out.append(f"refused: {exc}")
    return out


async def test_each_call_finds_what_fastmcp_finds() -> None:
    ours = await _outcomes(_server(RelayMCP))
    assert ours == await _outcomes(_server(FastMCP))
    assert ours[:3] == ["plain", "v2", "v1"]
    assert all(o.startswith("refused: Unknown tool") for o in ours[3:])


async def test_a_server_with_two_providers_finds_tools_in_both() -> None:
    mcp = _server(RelayMCP)
    mcp.mount(_server(FastMCP), namespace="inner")
    assert len(mcp.providers) == 2
    async with Client(mcp, mode="legacy") as client:
        assert (await client.call_tool("plain", {})).data == "plain"
        assert (await client.call_tool("inner_plain", {})).data == "plain"
