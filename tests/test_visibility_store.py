"""The relay's session-state store: the per-call visibility read is skipped only while no
visibility rules exist, and who sees which tool is what FastMCP decides."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, SupportsFloat

import pytest
from fastmcp import Client, Context, FastMCP
from fastmcp.exceptions import ToolError
from key_value.aio.stores.memory import MemoryStore
from key_value.aio.wrappers.base import BaseWrapper

from server.visibility_store import VisibilityRulesStore


class Recording(BaseWrapper):
    """A memory store that records the keys read from it."""

    def __init__(self) -> None:
        self.key_value = MemoryStore()
        self.reads: list[str] = []
        super().__init__()

    async def get(self, key: str, *, collection: str | None = None) -> dict[str, Any] | None:
        self.reads.append(key)
        return await self.key_value.get(key, collection=collection)

    async def put(
        self,
        key: str,
        value: Mapping[str, Any],
        *,
        collection: str | None = None,
        ttl: SupportsFloat | None = None,
    ) -> None:
        await self.key_value.put(key, value, collection=collection, ttl=ttl)


async def test_a_rules_read_is_answered_none_without_the_store_until_rules_are_written() -> None:
    inner = Recording()
    store = VisibilityRulesStore(inner)
    assert await store.get("s1:_visibility_rules", collection="c") is None
    assert inner.reads == []
    await store.put("s1:other", {"value": 1}, collection="c")
    assert await store.get("s1:other", collection="c") == {"value": 1}
    assert inner.reads == ["s1:other"]
    await store.put_many(["s2:_visibility_rules"], [{"value": []}], collection="c")
    assert store.rules_written
    assert await store.get("s2:_visibility_rules", collection="c") == {"value": []}
    assert await store.get("s1:_visibility_rules", collection="c") is None
    assert inner.reads == ["s1:other", "s2:_visibility_rules", "s1:_visibility_rules"]


def _server(store: VisibilityRulesStore | None) -> FastMCP:
    mcp = FastMCP("visibility", session_state_store=store)

    @mcp.tool
    async def shown() -> str:
        return "shown"

    @mcp.tool
    async def hide_shown(ctx: Context) -> str:
        await ctx.disable_components(names={"shown"})
        return "hidden"

    return mcp


async def _can_call(client: Client[Any], name: str) -> bool:
    try:
        await client.call_tool(name, {})
    except ToolError:
        return False
    return True


async def _observe(mcp: FastMCP, mode: str) -> tuple[set[str], bool, set[str], bool]:
    """(tools the hider lists, whether it can call ``shown``, the same for another
    client) after the hider hid ``shown`` for itself."""
    async with Client(mcp, mode=mode) as hider, Client(mcp, mode=mode) as other:
        assert {t.name for t in await other.list_tools()} == {"shown", "hide_shown"}
        assert (await hider.call_tool("shown", {})).data == "shown"
        assert (await hider.call_tool("hide_shown", {})).data == "hidden"
        return (
            {t.name for t in await hider.list_tools()},
            await _can_call(hider, "shown"),
            {t.name for t in await other.list_tools()},
            await _can_call(other, "shown"),
        )


async def test_no_rules_written_while_every_client_sees_every_tool() -> None:
    store = VisibilityRulesStore()
    async with Client(_server(store), mode="legacy") as client:
        assert {t.name for t in await client.list_tools()} == {"shown", "hide_shown"}
        assert (await client.call_tool("shown", {})).data == "shown"
    assert not store.rules_written


@pytest.mark.parametrize("mode", ["legacy", "auto"])
async def test_who_sees_a_hidden_tool_is_what_fastmcps_own_store_decides(mode: str) -> None:
    store = VisibilityRulesStore()
    ours = await _observe(_server(store), mode)
    assert store.rules_written
    assert ours == await _observe(_server(None), mode)
    if mode == "legacy":  # a session of its own per client: only the hider loses it
        assert ours == ({"hide_shown"}, False, {"shown", "hide_shown"}, True)
