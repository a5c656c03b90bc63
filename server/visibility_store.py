"""The MCP server's session-state store, with its per-call visibility read made free.

FastMCP 4.1.2 resolves every ``tools/call`` through ``get_tool``, which reads the
caller's per-session visibility rules (``ctx.enable_components`` /
``disable_components``) from the session-state store: a key ending in
``:_visibility_rules``, through several validated layers of ``py-key-value``. The relay
never writes such rules, so that read finds nothing on every call, yet it was one of
the largest items of a call's CPU. A bare FastMCP server without authentication skips
it in the modern era (no client identity to scope rules to); the relay, whose every
request carries a token, paid it on each call.

:class:`VisibilityRulesStore` wraps the store FastMCP would make itself (in memory, per
process) and answers "no rules" for such a key without asking it, until the first
time any such key is written. From then on every read goes to the store, as before.
Who sees what is unchanged: with no rules ever written, the store could only have
answered "none"; once one is written, nothing is short-cut.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, SupportsFloat

from key_value.aio.protocols.key_value import AsyncKeyValue
from key_value.aio.stores.memory import MemoryStore
from key_value.aio.wrappers.base import BaseWrapper
from typing_extensions import override

# fastmcp.server.transforms.visibility._visibility_rules_key: f"{scope}:_visibility_rules".
RULES_SUFFIX = ":_visibility_rules"


class VisibilityRulesStore(BaseWrapper):
    """A pass-through store that knows whether any visibility rules were ever written."""

    def __init__(self, key_value: AsyncKeyValue | None = None) -> None:
        self.key_value: AsyncKeyValue = MemoryStore() if key_value is None else key_value
        self.rules_written = False
        super().__init__()

    @override
    async def get(self, key: str, *, collection: str | None = None) -> dict[str, Any] | None:
        if not self.rules_written and key.endswith(RULES_SUFFIX):
            return None  # nothing was ever stored under such a key in this process
        return await self.key_value.get(key, collection=collection)

    @override
    async def put(
        self,
        key: str,
        value: Mapping[str, Any],
        *,
        collection: str | None = None,
        ttl: SupportsFloat | None = None,
    ) -> None:
        self._note(key)
        await self.key_value.put(key, value, collection=collection, ttl=ttl)

    @override
    async def put_many(
        self,
        keys: Sequence[str],
        values: Sequence[Mapping[str, Any]],
        *,
        collection: str | None = None,
        ttl: SupportsFloat | None = None,
    ) -> None:
        for key in keys:
            self._note(key)
        await self.key_value.put_many(keys, values, collection=collection, ttl=ttl)

    def _note(self, key: str) -> None:
        # Set before the write: a read racing it must not be answered "none" after.
        if key.endswith(RULES_SUFFIX):
            self.rules_written = True
