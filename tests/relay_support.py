"""A real relay on 127.0.0.1 port 0, served by uvicorn in the test's event loop."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import uvicorn

from server.__main__ import bind_socket, uvicorn_config
from server.app import build_app
from server.config import RelayConfig
from server.hub import Hub
from supervisor.agent import Agent
from supervisor.connection import RelayConnection
from supervisor.reaper import Reaper
from supervisor.sessions import SessionManager
from tests.support import eventually, scaled

TOKEN = "test-relay-token-0123456789abcdef"
SECRET = "test-pairing-secret-0123456789abcdef"


@dataclass
class Relay:
    base: str
    hub: Hub

    @property
    def mcp(self) -> str:
        return f"{self.base}/mcp"

    @property
    def ws(self) -> str:
        return self.base.replace("http://", "ws://") + "/supervisor"


@asynccontextmanager
async def running_relay(
    tmp_path: Path, hello_timeout: float = 10.0, port: int = 0, **settings: Any
) -> AsyncIterator[Relay]:
    """``settings``: more ``RelayConfig`` fields (heartbeat_interval, offline_grace...)."""
    config = RelayConfig(
        relay_token=TOKEN,
        pairing_secret=SECRET,
        data_dir=tmp_path,
        port=0,
        hello_timeout=hello_timeout,
    )
    config = replace(config, **settings)
    app = build_app(config)
    sock = bind_socket("127.0.0.1", port)
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn_config(app, "127.0.0.1", port, "warning"))
    task = asyncio.create_task(server.serve(sockets=[sock]))
    try:
        await eventually(lambda: server.started or task.done(), 10, "relay started")
        assert not task.done(), "relay failed to start"
        yield Relay(f"http://127.0.0.1:{port}", app.state.hub)
    finally:
        server.should_exit = True
        await asyncio.wait_for(task, scaled(10))
        sock.close()
        app.state.hub.store.close()


@dataclass
class Supervisor:
    name: str
    link: RelayConnection
    manager: SessionManager
    task: asyncio.Task[None]
    agent: Agent


def write_policy(path: Path, root: Path, commands: str = '["tether:mock-agent"]') -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f'roots = ["{root}"]\ncommands = {commands}\nmax_sessions = 4\n'
        'default_command = ["tether:mock-agent", "--work-seconds", "0.3"]\n'
    )
    path.chmod(0o600)
    return path


@asynccontextmanager
async def running_supervisor(
    relay: Relay,
    name: str,
    policy_file: Path,
    url: str | None = None,
    agent: dict[str, Any] | None = None,
    **link_settings: Any,
) -> AsyncIterator[Supervisor]:
    """A real supervisor (agent, PTY sessions, outbound link) in this event loop.

    ``url``: dial this instead of the relay (a fault proxy); ``agent``: Agent
    keyword arguments; ``link_settings``: RelayConnection keyword arguments.
    """
    manager = SessionManager(policy_file=policy_file)
    link_settings.setdefault("stable_after", 0.5)
    settings: dict[str, Any] = {"reaper": Reaper(policy_file.parent), **(agent or {})}
    the_agent = Agent(manager, **settings)
    link = RelayConnection(url or relay.ws, name, SECRET, the_agent, **link_settings)
    task = asyncio.create_task(link.run_forever())
    try:
        await asyncio.wait_for(link.connected.wait(), scaled(10))
        await eventually(lambda: is_online(relay, name), 10, f"{name} online at the relay")  # type: ignore[arg-type]
        yield Supervisor(name, link, manager, task, the_agent)
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        await manager.close_all()


async def is_online(relay: Relay, name: str) -> bool:
    return any(h.name == name and h.online for h in await relay.hub.hosts())
