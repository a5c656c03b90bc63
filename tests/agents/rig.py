"""A supervisor (agent + local MCP tools) for running one real agent CLI in the tests."""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastmcp import Client

from supervisor.agent_mcp.wiring import AgentWiring
from supervisor.command_runner import CommandRunner
from supervisor.local_mcp import build_local_server
from supervisor.session_manager import SessionManager
from tests.support import eventually

BIN = Path(__file__).parent / "node" / "node_modules" / ".bin"


@dataclass
class Rig:
    """MCP tools on a fresh agent; ``project`` is the agent's working directory."""

    client: Client[Any]
    project: Path
    session_id: str = ""
    agents: AgentWiring | None = None

    async def call(self, tool: str, **args: Any) -> dict[str, Any]:
        result = await self.client.call_tool(tool, args)
        data = result.structured_content
        assert isinstance(data, dict)
        return data

    async def start(self, argv: list[str]) -> None:
        created = await self.call("create_session", command=argv, cwd=str(self.project))
        self.session_id = created["session"]["session_id"]

    async def prompt(self, what: str, source: str = "") -> dict[str, Any]:
        """The next prompt the session reports whose source contains ``source`` (waits up
        to a minute)."""

        async def pending() -> dict[str, Any] | None:
            prompts = (await self.call("check_prompts", session_id=self.session_id))["prompts"]
            return prompts[0] if prompts and source in prompts[0]["source"] else None

        try:
            return await eventually(pending, timeout=60, what=what)
        except AssertionError as failure:
            screen = (await self.call("get_logs", session_id=self.session_id))["text"]
            raise AssertionError(f"{failure}; the screen:\n{screen[-2500:]}") from None

    async def answer(self, prompt: dict[str, Any], answer: str) -> dict[str, Any]:
        """Answer ``prompt``; if it was redrawn meanwhile (stale), answer the same question
        under its new id once, as a phone's assistant does after ``prompt_stale``."""
        result = await self.client.call_tool(
            "respond_to_prompt",
            {"prompt_id": prompt["prompt_id"], "answer": answer},
            raise_on_error=False,
        )
        if result.is_error and "prompt_stale" in str(result.content):
            again = await self.prompt(f"{prompt['question']!r} again")
            return await self.call("respond_to_prompt", prompt_id=again["prompt_id"], answer=answer)
        assert not result.is_error, result.content
        data = result.structured_content
        assert isinstance(data, dict)
        return data

    async def idle(self) -> dict[str, Any]:
        """Wait until the session is idle with nothing pending: busy or idle is never waiting."""

        async def settled() -> dict[str, Any] | None:
            status = await self.call("get_session_status", session_id=self.session_id)
            waiting = status["session"]["state"] != "idle" or status.get("prompts")
            return None if waiting else status

        status: dict[str, Any] = await eventually(settled, timeout=60, what="an idle session")
        return status


@asynccontextmanager
async def rig(
    tmp_path: Path, executable: Path, env: dict[str, str], agents: bool = False
) -> AsyncIterator[Rig]:
    """A supervisor whose policy allows ``executable`` in ``tmp_path``, with a fresh HOME;
    with ``agents``, sessions also get Tether's MCP server for agents (as the real one wires)."""
    home, project, tether = tmp_path / "home", tmp_path / "project", tmp_path / "tether"
    for directory in (home, project, tether):
        directory.mkdir()
    policy = tether / "policy.toml"
    policy.write_text(
        f"roots = [{json.dumps(str(tmp_path))}]\ncommands = [{json.dumps(str(executable))}]\n"
    )
    policy.chmod(0o600)
    environ = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "TETHER_HOME": str(tether),
        **env,
    }
    manager = SessionManager(policy_file=policy, environ=environ)
    agent = CommandRunner(manager, reaper=None)
    wiring = AgentWiring(manager, "laptop", tether / "state.sqlite3") if agents else None
    try:
        async with Client(build_local_server(agent, "laptop"), timeout=120) as client:
            yield Rig(client, project, agents=wiring)
    finally:
        await asyncio.wait_for(manager.close_all(), 30)
        if wiring is not None:
            await wiring.close()
