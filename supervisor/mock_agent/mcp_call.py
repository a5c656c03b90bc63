"""The mock agent's MCP client: call one tool on the session's Tether server for agents.

Reads ``TETHER_MCP_URL`` and ``TETHER_MCP_TOKEN`` from the environment, as any agent
pointed at the server by hand would. Returns one line for the screen: ``MCP <tool>
ok: <compact JSON>`` or ``MCP <tool> error: <message>``.
"""

from __future__ import annotations

import asyncio
import json
import os
from typing import Any

TIMEOUT = 90.0


async def _call(url: str, token: str, tool: str, arguments: dict[str, Any]) -> str:
    from fastmcp import Client
    from fastmcp.client.transports import StreamableHttpTransport
    from fastmcp.exceptions import ToolError

    transport = StreamableHttpTransport(url, headers={"Authorization": f"Bearer {token}"})
    try:
        async with Client(transport, timeout=TIMEOUT) as client:
            result = await client.call_tool(tool, arguments)
    except ToolError as exc:
        return f"MCP {tool} error: {exc}"
    data = result.structured_content
    return f"MCP {tool} ok: {json.dumps(data, separators=(',', ':'), ensure_ascii=False)}"


def call_tool(line: str, environ: dict[str, str] | None = None) -> str:
    """``line`` is ``TOOL`` or ``TOOL {json arguments}``."""
    env = os.environ if environ is None else environ
    tool, _, raw = line.strip().partition(" ")
    url, token = env.get("TETHER_MCP_URL", ""), env.get("TETHER_MCP_TOKEN", "")
    if not url or not token:
        return f"MCP {tool} error: no TETHER_MCP_URL / TETHER_MCP_TOKEN in this session"
    try:
        arguments = json.loads(raw) if raw.strip() else {}
    except json.JSONDecodeError as exc:
        return f"MCP {tool} error: the arguments are not JSON ({exc})"
    if not isinstance(arguments, dict):
        return f"MCP {tool} error: the arguments must be a JSON object"
    try:
        return asyncio.run(_call(url, token, tool, arguments))
    except Exception as exc:  # the mock agent shows any failure rather than crashing
        return f"MCP {tool} error: {type(exc).__name__}: {exc}"
