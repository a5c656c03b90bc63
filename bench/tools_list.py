"""``python -m bench.tools_list``: the size of the relay's ``tools/list`` answer, in bytes of JSON.

A phone's client puts every tool's name, description and schemas into the
model's context, so this number is what each new tool costs. It lists the tools
the relay serves (the hub as backend, with its message queue), through an
in-memory MCP client, and prints one line per tool and the total (compact JSON).
"""

from __future__ import annotations

import asyncio
import json

from fastmcp import Client, FastMCP

from server.hub import Hub
from shared.mcp.tools import register_tools


async def measure() -> list[tuple[str, int]]:
    hub = Hub()
    hub.message_queue = object()  # registers the queue tools; never called here
    mcp = FastMCP("tether")
    register_tools(mcp, hub)
    async with Client(mcp) as client:
        listed = await client.session.list_tools()
    tools = listed.model_dump(mode="json", by_alias=True, exclude_none=True)["tools"]
    return [(t["name"], len(json.dumps(t, separators=(",", ":")))) for t in tools]


def main() -> None:
    sizes = asyncio.run(measure())
    for name, size in sizes:
        print(f"{name:32} {size:6} B")
    brackets_and_commas = len(sizes) + 1  # "[" + the N-1 commas + "]"
    total = sum(s for _, s in sizes) + brackets_and_commas
    print(f"{len(sizes)} tools, {total} bytes of JSON in tools/list")


if __name__ == "__main__":
    main()
