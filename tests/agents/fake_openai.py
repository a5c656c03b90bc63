"""A scriptable fake of the OpenAI API on loopback, for running the real Codex and aider.

Two endpoints, each answered from its own script of turns:

- ``POST .../responses`` (the Responses API, streamed with server-sent events) for Codex:
  ``Say(text)`` or ``RunShell(command)`` (a ``function_call`` of whichever shell tool the
  request declares, which makes Codex ask for approval). Codex opens a WebSocket first;
  the upgrade is refused with 426, which makes it fall back to streaming over HTTP.
- ``POST .../chat/completions`` (Chat Completions, streamed or plain) for aider: each
  turn is ``Say(text)``, the whole reply (aider parses file names, edit blocks and shell
  blocks out of the text).

Requests that do not end with the user's (or a tool's) turn get a short text and do not
consume a script. Every request body is kept, so a test can find the ``function_call_output``
that proves an approval landed. Served by :class:`tests.agents.fake_http.LoopbackAPI`.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from typing import Any

from tests.agents.fake_anthropic import Say
from tests.agents.fake_http import LoopbackAPI, Request, reply_json, sse, stream_head


@dataclass(frozen=True)
class RunShell:
    command: str


@dataclass
class FakeOpenAI(LoopbackAPI):
    responses_script: list[Say | RunShell] = field(default_factory=list)
    chat_script: list[Say] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    call_ids: list[str] = field(default_factory=list)
    _responses_used: int = 0
    _chat_used: int = 0

    @property
    def url(self) -> str:
        """The base URL clients append ``/responses`` or ``/chat/completions`` to."""
        return f"{self.origin}/v1"

    def function_call_outputs(self) -> list[dict[str, Any]]:
        """Every ``function_call_output`` item Codex sent back, in order."""
        return [
            item
            for body in self.requests
            for item in body.get("input") or []
            if isinstance(item, dict) and item.get("type") == "function_call_output"
        ]

    async def handle(self, request: Request, writer: asyncio.StreamWriter) -> None:
        if request.headers.get("upgrade", "").lower() == "websocket":
            reply_json(writer, {"error": "use HTTP streaming"}, "426 Upgrade Required")
        elif request.method == "POST" and request.route.endswith("/responses"):
            self.requests.append(request.body)
            await self._responses(request.body, writer)
        elif request.method == "POST" and request.route.endswith("/chat/completions"):
            self.requests.append(request.body)
            await self._chat(request.body, writer)
        elif request.route.endswith("/models"):
            reply_json(writer, {"object": "list", "data": [], "models": []})
        else:
            reply_json(writer, {"error": {"message": "not found"}}, "404 Not Found")

    # ------------------------------------------------------------ Responses API

    async def _responses(self, body: dict[str, Any], writer: asyncio.StreamWriter) -> None:
        turn: Say | RunShell = Say("OK.")
        items = [i for i in body.get("input") or [] if isinstance(i, dict)]
        waits = bool(items) and (
            items[-1].get("role") == "user" or items[-1].get("type") == "function_call_output"
        )
        if body.get("tools") and waits and self._responses_used < len(self.responses_script):
            turn = self.responses_script[self._responses_used]
            self._responses_used += 1
        number = len(self.requests)
        if isinstance(turn, RunShell):
            name, arguments = _shell_call(body.get("tools") or [], turn.command)
            item: dict[str, Any] = {
                "type": "function_call",
                "id": f"fc_{number:04d}",
                "call_id": f"call_{number:04d}",
                "name": name,
                "arguments": json.dumps(arguments),
            }
            self.call_ids.append(item["call_id"])
        else:
            item = {
                "type": "message",
                "id": f"msg_{number:04d}",
                "role": "assistant",
                "content": [{"type": "output_text", "text": turn.text, "annotations": []}],
            }
        response = {"id": f"resp_{number:04d}", "object": "response", "status": "in_progress"}
        usage = {
            "input_tokens": 10,
            "input_tokens_details": {"cached_tokens": 0},
            "output_tokens": 5,
            "output_tokens_details": {"reasoning_tokens": 0},
            "total_tokens": 15,
        }
        done = dict(response, status="completed", output=[item], usage=usage)
        events: list[dict[str, Any]] = [
            {"type": "response.created", "response": response},
            {"type": "response.output_item.added", "output_index": 0, "item": item},
        ]
        if isinstance(turn, Say):
            events.append(
                {
                    "type": "response.output_text.delta",
                    "item_id": item["id"],
                    "output_index": 0,
                    "content_index": 0,
                    "delta": turn.text,
                }
            )
        events += [
            {"type": "response.output_item.done", "output_index": 0, "item": item},
            {"type": "response.completed", "response": done},
        ]
        stream_head(writer)
        for sequence, event in enumerate(events):
            event["sequence_number"] = sequence
            sse(writer, event, event["type"])
            await writer.drain()

    # ------------------------------------------------------------ Chat Completions

    async def _chat(self, body: dict[str, Any], writer: asyncio.StreamWriter) -> None:
        turn = Say("OK.")
        messages = body.get("messages") or []
        if (
            messages
            and messages[-1].get("role") == "user"
            and self._chat_used < len(self.chat_script)
        ):
            turn = self.chat_script[self._chat_used]
            self._chat_used += 1
        common = {
            "id": f"chatcmpl-{len(self.requests):04d}",
            "created": 0,
            "model": body.get("model", "fake"),
        }
        usage = {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}
        if not body.get("stream"):
            message = {"role": "assistant", "content": turn.text}
            choice = {"index": 0, "message": message, "finish_reason": "stop"}
            reply_json(
                writer, dict(common, object="chat.completion", choices=[choice], usage=usage)
            )
            return
        chunks = [
            {
                "index": 0,
                "delta": {"role": "assistant", "content": turn.text},
                "finish_reason": None,
            },
            {"index": 0, "delta": {}, "finish_reason": "stop"},
        ]
        stream_head(writer)
        for choice in chunks:
            sse(writer, dict(common, object="chat.completion.chunk", choices=[choice]))
        writer.write(b"data: [DONE]\n\n")
        await writer.drain()


def _shell_call(tools: list[dict[str, Any]], command: str) -> tuple[str, dict[str, Any]]:
    """A call of the request's shell tool with ``command``, shaped by that tool's schema
    (Codex's shell tool has been ``shell`` with an argv, ``shell_command`` with a string and
    ``exec_command`` with ``cmd``, depending on the version and model)."""
    by_name = {t.get("name"): t for t in tools if t.get("type") == "function"}
    for name in ("shell_command", "shell", "exec_command", "local_shell"):
        tool = by_name.get(name)
        if tool is None:
            continue
        properties = (tool.get("parameters") or {}).get("properties") or {}
        key = "cmd" if "cmd" in properties else "command"
        arguments: dict[str, Any] = {key: command}
        if (properties.get(key) or {}).get("type") == "array":
            arguments = {key: ["bash", "-lc", command]}
        # Asking to leave the sandbox is what makes Codex ask the user under "on-request".
        if "sandbox_permissions" in properties:
            arguments["sandbox_permissions"] = "require_escalated"
        elif "with_escalated_permissions" in properties:
            arguments["with_escalated_permissions"] = True
        if "justification" in properties:
            arguments["justification"] = "The test asks to write a file."
        return name, arguments
    raise AssertionError(f"no shell tool among {sorted(map(str, by_name))}")
