"""Give every session Tether's MCP server for agents, in the way its program reads MCP config.

* Claude Code: ``--mcp-config <file>`` right after ``claude``; the file (mode 0600,
  in a private 0700 folder per session, removed when the session ends) lists the
  owner's ``[agents.mcp_servers]`` and then ``tether`` last, so none of them can
  replace Tether's entry. The header reads ``${TETHER_MCP_TOKEN}`` from the
  session's environment, which Claude Code expands in MCP configs.
* Codex: ``-c mcp_servers.tether.url=...`` and ``bearer_token_env_var`` (names the
  variable; the token itself stays in the environment).
* Gemini CLI: ``GEMINI_CLI_SYSTEM_SETTINGS_PATH`` pointing at a settings file with
  ``mcpServers`` (system settings override the user's).
* Any program: ``TETHER_MCP_URL`` and ``TETHER_MCP_TOKEN`` in its environment.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from supervisor.agent_mcp.access import AgentsPolicy, McpServer, load_agents
from supervisor.agent_mcp.server import TOKEN_ENV, URL_ENV, AgentServer
from supervisor.agent_mcp.service import AgentService
from supervisor.policy import load_policy
from supervisor.relay_requests import RelayRequests
from supervisor.session_manager import SessionManager
from supervisor.state_store import StateDatabase

GEMINI_SETTINGS_ENV = "GEMINI_CLI_SYSTEM_SETTINGS_PATH"


def _entry(server: McpServer) -> dict[str, Any]:
    if server.url:
        return {"type": "http", "url": server.url}
    return {"type": "stdio", "command": server.command, "args": list(server.args)}


def mcp_servers(agents: AgentsPolicy, url: str) -> dict[str, Any]:
    """The ``mcpServers`` object: the owner's servers, then ``tether`` (last, so it wins)."""
    servers = {s.name: _entry(s) for s in agents.mcp_servers if s.name != "tether"}
    servers["tether"] = {
        "type": "http",
        "url": url,
        "headers": {"Authorization": f"Bearer ${{{TOKEN_ENV}}}"},
    }
    return {"mcpServers": servers}


def wire_argv(
    argv: Sequence[str], env: dict[str, str], folder: Path, agents: AgentsPolicy, url: str
) -> tuple[list[str], dict[str, str]]:
    """argv and env for one session whose folder is private to it."""
    argv = list(argv)
    program = os.path.basename(argv[0]) if argv else ""
    config = mcp_servers(agents, url)
    if program == "claude":
        path = folder / "mcp.json"
        _private_write(path, json.dumps(config, indent=2))
        argv = [argv[0], "--mcp-config", str(path), *argv[1:]]
    elif program == "codex":
        argv = [
            argv[0],
            "-c",
            f'mcp_servers.tether.url="{url}"',
            "-c",
            f'mcp_servers.tether.bearer_token_env_var="{TOKEN_ENV}"',
            *argv[1:],
        ]
    elif program == "gemini":
        gemini = {
            "mcpServers": {
                name: ({"httpUrl": e["url"]} if "url" in e else e)
                | ({"headers": e["headers"]} if "headers" in e else {})
                for name, e in config["mcpServers"].items()
            }
        }
        path = folder / "gemini-settings.json"
        _private_write(path, json.dumps(gemini, indent=2))
        env[GEMINI_SETTINGS_ENV] = str(path)
    return argv, env


def _private_write(path: Path, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)


class AgentWiring:
    """Hooks a :class:`SessionManager` so each session it starts gets the agents' server."""

    def __init__(
        self,
        manager: SessionManager,
        host: str,
        state_path: Path | str,
        requests: RelayRequests | None = None,
    ) -> None:
        self.manager = manager
        self.db = StateDatabase(state_path)
        self.service = AgentService(manager, host, self.db, requests)
        self.server = AgentServer(self.service)
        self._folders: dict[str, Path] = {}
        manager.wire_session = self.wire
        manager.unwire_session = self.unwire

    async def wire(
        self, session_id: str, argv: list[str], env: dict[str, str]
    ) -> tuple[list[str], dict[str, str]]:
        agents = load_agents(load_policy(self.manager.policy_file))
        if not agents.enabled:
            return argv, env
        if not self.server.url:
            await self.server.start()
        url, token = self.server.register(session_id)
        folder = Path(tempfile.mkdtemp(prefix="tether-agent-"))  # mode 0700
        self._folders[session_id] = folder
        env = {**env, URL_ENV: url, TOKEN_ENV: token}
        return wire_argv(argv, env, folder, agents, url)

    def unwire(self, session_id: str) -> None:
        self.server.unregister(session_id)
        self.service.session_gone(session_id)
        folder = self._folders.pop(session_id, None)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)

    async def close(self) -> None:
        await self.server.close()
        for session_id in list(self._folders):
            self.unwire(session_id)
        self.db.close()
