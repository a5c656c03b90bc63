"""A scriptable fake of the Gemini API on loopback, for running the real Gemini CLI.

``POST /v1beta/models/<model>:streamGenerateContent`` (server-sent events) and
``:generateContent`` (JSON) answered from a script of turns: ``Say(text)`` or
``RunShell(command)`` (a ``functionCall`` of the CLI's ``run_shell_command`` tool,
which makes it ask "Allow execution of ...?"). Requests the CLI makes for itself
(no tools declared: next-speaker checks, summaries) get a JSON text that says the
user speaks next, and do not consume the script. Every body is kept, so a test
can find the ``functionResponse`` that proves an approval landed.
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
    description: str = "Run a command"


@dataclass
class FakeGemini:
    script: list[Say | RunShell]
    requests: list[dict[str, Any]] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    port: int = 0
    _server: asyncio.Server | None = None
    _used: int = 0

    async def start(self) -> FakeGemini:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def function_responses(self) -> list[dict[str, Any]]:
        out = []
        for body in self.requests:
            for content in body.get("contents", []):
                out += [
                    p["functionResponse"]
                    for p in content.get("parts", [])
                    if "functionResponse" in p
                ]
        return out

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            method, path, _ = lines[0].split(" ", 2)
            headers = {
                k.lower(): v.strip() for k, _, v in (h.partition(":") for h in lines[1:] if h)
            }
            length = int(headers.get("content-length", "0"))
            raw = await reader.readexactly(length) if length else b""
            body = json.loads(raw) if raw.startswith(b"{") else {}
            self.paths.append(f"{method} {path}")
            route = path.split("?")[0]
            if route.endswith(":streamGenerateContent"):
                self.requests.append(body)
                reply = self._reply(body)
                writer.write(
                    b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                    b"Connection: close\r\n\r\n"
                )
                writer.write(f"data: {json.dumps(reply)}\r\n\r\n".encode())
            elif route.endswith(":generateContent"):
                self.requests.append(body)
                self._json(writer, self._reply(body))
            elif route.endswith(":countTokens"):
                self._json(writer, {"totalTokens": 100})
            else:
                self._json(writer, {})
            await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, ValueError):
            pass
        finally:
            writer.close()

    def _json(self, writer: asyncio.StreamWriter, data: Any) -> None:
        payload = json.dumps(data).encode()
        writer.write(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            + f"Content-Length: {len(payload)}\r\nConnection: close\r\n\r\n".encode()
            + payload
        )

    def _reply(self, body: dict[str, Any]) -> dict[str, Any]:
        turn: Say | RunShell = Say(json.dumps({"reasoning": "done", "next_speaker": "user"}))
        contents = body.get("contents") or []
        last_is_user = bool(contents) and contents[-1].get("role") == "user"
        if body.get("tools") and last_is_user:
            turn = self.script[self._used] if self._used < len(self.script) else Say("OK.")
            self._used += self._used < len(self.script)
        if isinstance(turn, RunShell):
            args = {"command": turn.command, "description": turn.description}
            part: dict[str, Any] = {"functionCall": {"name": "run_shell_command", "args": args}}
        else:
            part = {"text": turn.text}
        return {
            "candidates": [
                {"content": {"role": "model", "parts": [part]}, "finishReason": "STOP", "index": 0}
            ],
            "usageMetadata": {
                "promptTokenCount": 10,
                "candidatesTokenCount": 5,
                "totalTokenCount": 15,
            },
            "modelVersion": "gemini-fake",
        }
