"""A scriptable fake of the Anthropic Messages API on loopback, for running the real Claude Code.

Only what Claude Code needs to show its real dialogs: ``POST /v1/messages`` (streamed
with server-sent events, or plain JSON), answered from a script of turns. A turn is
``Say(text)``, ``RunBash(command)`` (a ``tool_use`` block for the Bash tool,
which makes Claude Code ask "Do you want to proceed?") or ``UseTool(name, input)``
(a ``tool_use`` block for any tool, such as an MCP server's). Side requests Claude Code makes
for itself (titles, summaries: requests without tools) get a short text reply and do
not consume the script. Every request body is kept in :attr:`FakeAnthropic.requests`, so
a test can see the ``tool_result`` that proves an approval landed.

Served by :class:`tests.agents.fake_http.LoopbackAPI`.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from typing import Any

from tests.agents.fake_http import LoopbackAPI, Request, reply_json, sse, stream_head


@dataclass(frozen=True)
class Say:
    text: str


@dataclass(frozen=True)
class RunBash:
    command: str
    description: str = "Run a command"


@dataclass(frozen=True)
class UseTool:
    """A ``tool_use`` block for any tool by name (e.g. an MCP tool ``mcp__<server>__<tool>``)."""

    name: str
    input: dict[str, Any]


Turn = Say | RunBash | UseTool


@dataclass
class FakeAnthropic(LoopbackAPI):
    script: list[Turn]
    requests: list[dict[str, Any]] = field(default_factory=list)
    _used: int = 0
    _tool_ids: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return self.origin

    def tool_results(self) -> list[dict[str, Any]]:
        """Every ``tool_result`` block Claude Code sent back, in order."""
        out = []
        for body in self.requests:
            for message in body.get("messages", []):
                content = message.get("content")
                if isinstance(content, list):
                    out += [b for b in content if b.get("type") == "tool_result"]
        return out

    async def handle(self, request: Request, writer: asyncio.StreamWriter) -> None:
        if request.method == "POST" and request.route.endswith("/v1/messages"):
            self.requests.append(request.body)
            await self._messages(request.body, writer)
        elif request.route.endswith("/count_tokens"):
            reply_json(writer, {"input_tokens": 100})
        else:
            reply_json(writer, {})

    async def _messages(self, body: dict[str, Any], writer: asyncio.StreamWriter) -> None:
        turn: Turn = Say("OK.")
        if body.get("tools") and self._used < len(self.script) and _ends_with_user(body):
            turn = self.script[self._used]
            self._used += 1
        blocks: list[dict[str, Any]]
        if isinstance(turn, RunBash):
            tool_id = f"toolu_{len(self._tool_ids) + 1:04d}"
            self._tool_ids.append(tool_id)
            tool_input = {"command": turn.command, "description": turn.description}
            blocks = [{"type": "tool_use", "id": tool_id, "name": "Bash", "input": tool_input}]
            stop = "tool_use"
        elif isinstance(turn, UseTool):
            tool_id = f"toolu_{len(self._tool_ids) + 1:04d}"
            self._tool_ids.append(tool_id)
            blocks = [{"type": "tool_use", "id": tool_id, "name": turn.name, "input": turn.input}]
            stop = "tool_use"
        else:
            blocks = [{"type": "text", "text": turn.text}]
            stop = "end_turn"
        message = {
            "id": f"msg_{len(self.requests):04d}",
            "type": "message",
            "role": "assistant",
            "model": body.get("model", "claude-fake"),
            "content": blocks,
            "stop_reason": stop,
            "stop_sequence": None,
            "usage": {"input_tokens": 10, "output_tokens": 5},
        }
        if not body.get("stream"):
            reply_json(writer, message)
            return
        stream_head(writer)
        for event, data in _events(message, blocks, stop):
            sse(writer, data, event)
            await writer.drain()


def _ends_with_user(body: dict[str, Any]) -> bool:
    """The conversation waits for the model: its last user or assistant message is the user's
    (Claude Code may append a "system" message after it)."""
    roles = [m.get("role") for m in body.get("messages") or [] if m.get("role") != "system"]
    return bool(roles) and roles[-1] == "user"


def _events(
    message: dict[str, Any], blocks: list[dict[str, Any]], stop: str
) -> list[tuple[str, dict[str, Any]]]:
    start = dict(message, content=[], stop_reason=None)
    events: list[tuple[str, dict[str, Any]]] = [
        ("message_start", {"type": "message_start", "message": start})
    ]
    for index, block in enumerate(blocks):
        if block["type"] == "tool_use":
            opening = dict(block, input={})
            delta = {"type": "input_json_delta", "partial_json": json.dumps(block["input"])}
        else:
            opening = {"type": "text", "text": ""}
            delta = {"type": "text_delta", "text": block["text"]}
        events += [
            (
                "content_block_start",
                {"type": "content_block_start", "index": index, "content_block": opening},
            ),
            (
                "content_block_delta",
                {"type": "content_block_delta", "index": index, "delta": delta},
            ),
            ("content_block_stop", {"type": "content_block_stop", "index": index}),
        ]
    events += [
        (
            "message_delta",
            {
                "type": "message_delta",
                "delta": {"stop_reason": stop, "stop_sequence": None},
                "usage": {"output_tokens": 5},
            },
        ),
        ("message_stop", {"type": "message_stop"}),
    ]
    return events
