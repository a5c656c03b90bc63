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
from tests.agents.fake_http import LoopbackAPI, Request, reply_json, sse, stream_head


@dataclass(frozen=True)
class RunShell:
    command: str
    description: str = "Run a command"


@dataclass
class FakeGemini(LoopbackAPI):
    script: list[Say | RunShell]
    requests: list[dict[str, Any]] = field(default_factory=list)
    _used: int = 0

    @property
    def url(self) -> str:
        return self.origin

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

    async def handle(self, request: Request, writer: asyncio.StreamWriter) -> None:
        if request.route.endswith(":streamGenerateContent"):
            self.requests.append(request.body)
            stream_head(writer)
            sse(writer, self._reply(request.body))
        elif request.route.endswith(":generateContent"):
            self.requests.append(request.body)
            reply_json(writer, self._reply(request.body))
        elif request.route.endswith(":countTokens"):
            reply_json(writer, {"totalTokens": 100})
        else:
            reply_json(writer, {})

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
