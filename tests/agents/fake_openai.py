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
that proves an approval landed. A bare asyncio server: one request per connection,
``Connection: close``, nothing listens beyond 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from typing import Any

from tests.agents.fake_anthropic import Say


@dataclass(frozen=True)
class RunShell:
    command: str


@dataclass
class FakeOpenAI:
    responses_script: list[Say | RunShell] = field(default_factory=list)
    chat_script: list[Say] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    call_ids: list[str] = field(default_factory=list)
    port: int = 0
    _server: asyncio.Server | None = None
    _responses_used: int = 0
    _chat_used: int = 0

    async def start(self) -> FakeOpenAI:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()

    @property
    def url(self) -> str:
        """The base URL clients append ``/responses`` or ``/chat/completions`` to."""
        return f"http://127.0.0.1:{self.port}/v1"

    def function_call_outputs(self) -> list[dict[str, Any]]:
        """Every ``function_call_output`` item Codex sent back, in order."""
        return [
            item
            for body in self.requests
            for item in body.get("input") or []
            if isinstance(item, dict) and item.get("type") == "function_call_output"
        ]

    # ------------------------------------------------------------ http

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            method, path, _ = lines[0].split(" ", 2)
            headers = {
                k.lower(): v.strip() for k, _, v in (h.partition(":") for h in lines[1:] if h)
            }
            self.paths.append(f"{method} {path}")
            if headers.get("upgrade", "").lower() == "websocket":
                _json(writer, {"error": "use HTTP streaming"}, "426 Upgrade Required")
                return
            length = int(headers.get("content-length", "0"))
            raw = await reader.readexactly(length) if length else b""
            body = json.loads(raw) if raw.startswith(b"{") else {}
            route = path.split("?")[0]
            if method == "POST" and route.endswith("/responses"):
                self.requests.append(body)
                await self._responses(body, writer)
            elif method == "POST" and route.endswith("/chat/completions"):
                self.requests.append(body)
                await self._chat(body, writer)
            elif route.endswith("/models"):
                _json(writer, {"object": "list", "data": [], "models": []})
            else:
                _json(writer, {"error": {"message": "not found"}}, "404 Not Found")
            await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, ValueError):
            pass
        finally:
            writer.close()

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
        _stream_head(writer)
        for sequence, event in enumerate(events):
            event["sequence_number"] = sequence
            writer.write(f"event: {event['type']}\ndata: {json.dumps(event)}\n\n".encode())
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
            _json(writer, dict(common, object="chat.completion", choices=[choice], usage=usage))
            return
        chunks = [
            {
                "index": 0,
                "delta": {"role": "assistant", "content": turn.text},
                "finish_reason": None,
            },
            {"index": 0, "delta": {}, "finish_reason": "stop"},
        ]
        _stream_head(writer)
        for choice in chunks:
            chunk = dict(common, object="chat.completion.chunk", choices=[choice])
            writer.write(f"data: {json.dumps(chunk)}\n\n".encode())
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


def _stream_head(writer: asyncio.StreamWriter) -> None:
    writer.write(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
        b"Cache-Control: no-cache\r\nConnection: close\r\n\r\n"
    )


def _json(writer: asyncio.StreamWriter, data: Any, status: str = "200 OK") -> None:
    payload = json.dumps(data).encode()
    writer.write(
        f"HTTP/1.1 {status}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(payload)}\r\nConnection: close\r\n\r\n".encode()
        + payload
    )
