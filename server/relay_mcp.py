"""The relay's FastMCP server class: FastMCP 4.1.2 with a tool lookup that spawns no tasks.

Every ``tools/call`` resolves its tool through ``get_tool``, which asks each of the
server's providers through ``fastmcp.utilities.async_utils.gather``: an anyio task
group with one task per provider, on every call, to read one dict. The relay has one
provider (its own tools, :class:`fastmcp.server.providers.LocalProvider`), so
:class:`RelayMCP` asks it directly when that is all there is. Everything else about
the lookup is FastMCP's: the provider's transforms, versions, the component ``auth``
check (``_check_hashed_target``, FastMCP's "auth on a found tool"), and the session
visibility and injected tools applied above this method. A provider that fails is
handed to FastMCP's own path, which applies its error strategy.
"""

from __future__ import annotations

from fastmcp import FastMCP
from fastmcp.exceptions import NotFoundError
from fastmcp.tools.base import Tool
from fastmcp.utilities.versions import VersionSpec


class RelayMCP(FastMCP):
    """FastMCP, resolving a tool by name without a task group when it has one provider."""

    async def _get_tool(self, name: str, version: VersionSpec | None = None) -> Tool | None:
        if len(self.providers) != 1:
            return await super()._get_tool(name, version)
        try:
            tool = await self.providers[0].get_tool(name, version)
        except NotFoundError:
            return None
        except Exception:
            return await super()._get_tool(name, version)  # FastMCP's error strategy decides
        if tool is None:
            return None
        return await self._check_hashed_target(tool)
