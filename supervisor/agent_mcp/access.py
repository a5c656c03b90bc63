"""What the owner's policy lets one session's agent do with the others (pure).

The ``[agents]`` table of policy.toml (see :data:`DEFAULT_TEXT`)::

    [agents]
    enabled = true                  # serve the agents' MCP server at all
    see = "project"                 # "project", "owner" or "none"
    scopes = ["session", "project", "host", "global"]

    [agents.mcp_servers.docs]       # more MCP servers every session gets
    url = "http://127.0.0.1:9000/mcp"
    [agents.mcp_servers.files]
    command = "npx"
    args = ["-y", "@modelcontextprotocol/server-filesystem", "~/code"]

A session's **project** is the policy root its working directory lies under, named
by that root's last path component (so ``~/code/shop`` on two computers is the
same project). ``see = "project"``: a session sees, reads and messages only the
sessions of its own project (on any of the owner's computers); ``"owner"``: every
session of the owner; ``"none"``: none but itself.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from supervisor.policy import Policy, PolicyFileError

SEE = ("project", "owner", "none")
SCOPE_KINDS = ("session", "project", "host", "global")
_KEYS = ("enabled", "see", "scopes", "mcp_servers")

DEFAULT_TEXT = """
# What the agents in sessions may do with each other, through Tether's MCP server for
# agents (loopback only, one token per session). A session's project is the root above
# its working directory, named by the root's last folder.
[agents]
# Serve the agents' MCP server to every session Tether starts.
enabled = true
# Which other sessions an agent may list, read and message: "project" (same project, on
# any of your computers), "owner" (all your sessions) or "none".
see = "project"
# Which shared-state scopes agents may use: "session", "project", "host" (this computer)
# and "global" (kept by the relay, shared by all your computers).
scopes = ["session", "project", "host", "global"]
# More MCP servers every session gets, by name: a command (command, args) or a URL.
# [agents.mcp_servers.docs]
# url = "http://127.0.0.1:9000/mcp"
"""


@dataclass(frozen=True)
class McpServer:
    name: str
    command: str = ""
    args: tuple[str, ...] = ()
    url: str = ""


@dataclass(frozen=True)
class AgentsPolicy:
    enabled: bool = True
    see: str = "project"
    scopes: tuple[str, ...] = SCOPE_KINDS
    mcp_servers: tuple[McpServer, ...] = field(default_factory=tuple)


def _refuse(path: str, message: str, hint: str) -> PolicyFileError:
    return PolicyFileError(f"{message} in the [agents] table of the policy file {path}", hint)


def parse_agents(data: dict[str, Any], path: str) -> AgentsPolicy:
    """Validate the ``[agents]`` table (absent: the defaults)."""
    table = data.get("agents", {})
    if not isinstance(table, dict):
        raise _refuse(path, "'agents' is not a table", "write it as [agents] with keys below it")
    for key in table:
        if key not in _KEYS:
            raise _refuse(path, f"unknown key {key!r}", f"the known keys are {', '.join(_KEYS)}")
    enabled = table.get("enabled", True)
    see = table.get("see", "project")
    scopes = table.get("scopes", list(SCOPE_KINDS))
    if not isinstance(enabled, bool):
        raise _refuse(path, "'enabled' must be true or false", "e.g. enabled = true")
    if see not in SEE:
        raise _refuse(path, f"'see' is {see!r}", f"use one of {', '.join(SEE)}")
    if not isinstance(scopes, list) or any(s not in SCOPE_KINDS for s in scopes):
        raise _refuse(path, "'scopes' has an unknown kind", f"use some of {', '.join(SCOPE_KINDS)}")
    return AgentsPolicy(enabled, see, tuple(scopes), _servers(table.get("mcp_servers", {}), path))


def _servers(table: object, path: str) -> tuple[McpServer, ...]:
    if not isinstance(table, dict):
        raise _refuse(path, "'mcp_servers' is not a table", "write [agents.mcp_servers.NAME]")
    servers = []
    for name, spec in table.items():
        if name == "tether" or not isinstance(spec, dict):
            raise _refuse(
                path, f"MCP server {name!r} is not usable", "name it otherwise, as a table"
            )
        url, command, args = spec.get("url", ""), spec.get("command", ""), spec.get("args", [])
        if bool(url) == bool(command) or not isinstance(url, str) or not isinstance(command, str):
            raise _refuse(path, f"MCP server {name!r} needs exactly one of url or command", "")
        if not isinstance(args, list) or not all(isinstance(a, str) for a in args):
            raise _refuse(path, f"'args' of MCP server {name!r} is not a list of strings", "")
        servers.append(McpServer(name, command, tuple(args), url))
    return tuple(servers)


def load_agents(policy: Policy) -> AgentsPolicy:
    """The ``[agents]`` table of the policy file already checked by ``load_policy``."""
    try:
        data = tomllib.loads(Path(policy.path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise PolicyFileError(f"cannot read {policy.path}: {exc}", "fix the file") from None
    return parse_agents(data, policy.path)


def project_of(policy: Policy, cwd: str) -> str:
    """The project a working directory belongs to: its root's last folder name."""
    real = os.path.realpath(cwd)
    best = ""
    for root in policy.roots:
        inside = real == root or real.startswith(root.rstrip(os.sep) + os.sep)
        if inside and len(root) > len(best):
            best = root
    return os.path.basename(best.rstrip(os.sep)) or best or "-"


def may_see(agents: AgentsPolicy, viewer_project: str, target_project: str, same: bool) -> bool:
    """May a session of ``viewer_project`` see one of ``target_project``? (itself: always)."""
    if same or agents.see == "owner":
        return True
    return agents.see == "project" and viewer_project == target_project
