"""A real relay on 127.0.0.1 port 0, served by uvicorn in the test's event loop.

No shortcuts around authentication: :func:`running_relay` signs an MCP client in
through the relay's real OAuth flow (register, consent with the owner password,
token) and exposes the access token as ``relay.token``; :func:`running_supervisor`
pairs with a real one-time code from the relay's registry on first connection,
then proves its key by the challenge like any supervisor.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastmcp import Client
from starlette.applications import Starlette
from websockets.asyncio.client import ClientConnection, connect  # noqa: TID251 - fake supervisors
from websockets.exceptions import ConnectionClosed  # noqa: TID251

from server.__main__ import bind_socket, uvicorn_config
from server.app import build_app
from server.audit import AuditLog
from server.config import RelayConfig
from server.hub import Hub
from server.link import SupervisorEndpoint
from server.oauth.provider import OAuthSettings
from server.supervisors import SupervisorRegistry
from shared import protocol as p
from supervisor.command_runner import CommandRunner
from supervisor.connection import RelayConnection
from supervisor.identity import Identity, load_or_create
from supervisor.reaper import Reaper
from supervisor.session_manager import SessionManager
from tests.oauth_support import (
    PASSWORD,
    oauth_settings_for_tests,
    open_consent,
    pkce,
    scripted_consent,
    signed_in,
)
from tests.support import eventually, scaled

SID = "sess-relay0001"


class ToolCalls:
    """A chat's tool calls over an MCP ``client``: the structured reply, or a refusal's text."""

    client: Client[Any]

    async def call(self, tool: str, **args: Any) -> dict[str, Any]:
        result = await self.client.call_tool(tool, args)
        return result.structured_content or {}

    async def error(self, tool: str, **args: Any) -> str:
        result = await self.client.call_tool(tool, args, raise_on_error=False)
        assert result.is_error, f"{tool} should have failed"
        return result.content[0].text  # type: ignore[union-attr]


@dataclass
class Relay:
    base: str
    hub: Hub
    app: Starlette
    token: str  # a sessions:write access token from the real OAuth flow
    identities: dict[str, Identity] = field(default_factory=dict)  # fake supervisors' keys

    @property
    def registry(self) -> SupervisorRegistry:
        registry: SupervisorRegistry = self.app.state.registry
        return registry

    @property
    def endpoint(self) -> SupervisorEndpoint:
        endpoint: SupervisorEndpoint = self.app.state.endpoint
        return endpoint

    @property
    def audit(self) -> AuditLog:
        audit: AuditLog = self.app.state.audit
        return audit

    @property
    def mcp(self) -> str:
        return f"{self.base}/mcp"

    @property
    def ws(self) -> str:
        return self.base.replace("http://", "ws://") + "/supervisor"


@asynccontextmanager
async def running_relay(
    tmp_path: Path,
    hello_timeout: float = 10.0,
    port: int = 0,
    public_host: str | None = None,
    oauth_settings: OAuthSettings | None = None,
    **settings: Any,
) -> AsyncIterator[Relay]:
    """``settings``: more ``RelayConfig`` fields (heartbeat_interval, offline_grace...).

    ``public_host``: serve as ``http://<public_host>:<port>`` (``localhost`` for
    passkeys, which refuse an IP address as their relying party).
    """
    tmp_path.mkdir(parents=True, exist_ok=True)
    sock = bind_socket("127.0.0.1", port)
    port = sock.getsockname()[1]
    # The real port before the app is built: OAuth audiences and signed origins name it.
    config = RelayConfig(
        data_dir=tmp_path,
        port=port,
        hello_timeout=hello_timeout,
        owner_password=PASSWORD,
        public_url=f"http://{public_host}:{port}" if public_host else None,
    )
    config = replace(config, **settings)
    app = build_app(config, oauth_settings=oauth_settings_for_tests(oauth_settings))
    server = uvicorn.Server(
        uvicorn_config(app, "127.0.0.1", port, "warning", config.trusted_proxies)
    )
    task = asyncio.create_task(server.serve(sockets=[sock]))
    try:
        await eventually(lambda: server.started or task.done(), 10, "relay started")
        assert not task.done(), "relay failed to start"
        base = config.base_url
        yield Relay(base, app.state.hub, app, await sign_in(base))
    finally:
        server.should_exit = True
        await asyncio.wait_for(task, scaled(10))
        sock.close()
        app.state.hub.store.close()


async def sign_in(base: str, action: str = "approve_write") -> str:
    """An access token for the relay at ``base``, through register + consent + token."""
    async with httpx.AsyncClient(timeout=scaled(20)) as http:
        _, token = await signed_in(http, base, action)
    return str(token["access_token"])


def identity_for(policy_file: Path, name: str) -> Identity:
    """The supervisor's key pair, kept next to its policy (its TETHER_HOME)."""
    return load_or_create(policy_file.parent / f"{name}.identity.key")


def pair_code_for(registry: SupervisorRegistry, name: str, identity: Identity) -> str | None:
    """A fresh one-time code when ``name`` is not yet paired with this key."""
    stored = registry.get(name)
    if stored is not None and not stored.revoked and stored.public_key == identity.public_key:
        return None
    return registry.create_pair_code().code


async def handshake(
    ws: ClientConnection,
    relay: Relay,
    host: str,
    identity: Identity | None = None,
    pair_code: str | None = "auto",
    *,
    sessions: list[p.SessionInfo] | None = None,
) -> p.Command | p.UpAnswerFrame | p.UnknownFrame | None:
    """A fake supervisor's hello + signed challenge; the relay's next frame (a Welcome),
    or None when the relay closed the socket instead (read it with ``ws.close_code``).

    ``identity``: default one key per host name per relay; ``pair_code="auto"``: a
    fresh code from the registry when the key is not paired yet.
    """
    if identity is None:
        identity = relay.identities.setdefault(host, Identity(Ed25519PrivateKey.generate()))
    if pair_code == "auto":
        pair_code = pair_code_for(relay.registry, host, identity)
    hello = p.Hello(
        protocol_version=p.PROTOCOL_VERSION,
        host=host,
        public_key=identity.public_key,
        pair_code=pair_code,
        sessions=sessions or [],
    )
    await ws.send(p.encode(hello))
    challenge = p.decode_command(await asyncio.wait_for(ws.recv(), scaled(10)))
    assert isinstance(challenge, p.Challenge), challenge
    signature = identity.answer_challenge(relay.ws, host, challenge.nonce)
    await ws.send(p.encode(p.ChallengeAnswered(signature=signature)))
    try:
        return p.decode_command(await asyncio.wait_for(ws.recv(), scaled(10)))
    except ConnectionClosed:
        return None


@dataclass
class Supervisor:
    name: str
    link: RelayConnection
    manager: SessionManager
    task: asyncio.Task[None]
    agent: CommandRunner


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

    ``url``: dial this instead of the relay (a fault proxy: the signature still
    names the relay, as through a tunnel); ``agent``: CommandRunner keyword arguments;
    ``link_settings``: RelayConnection keyword arguments.
    """
    manager = SessionManager(policy_file=policy_file)
    manager.stepup.bind_relay(relay.ws, name)  # as `python -m supervisor up` does
    link_settings.setdefault("stable_after", 0.5)
    settings: dict[str, Any] = {"reaper": Reaper(policy_file.parent), **(agent or {})}
    the_agent = CommandRunner(manager, **settings)
    identity = identity_for(policy_file, name)
    link_settings.setdefault("pair_code", pair_code_for(relay.registry, name, identity))
    link = RelayConnection(
        url or relay.ws, name, identity, the_agent, origin_url=relay.ws, **link_settings
    )
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


def session_info(sid: str = SID) -> p.SessionInfo:
    return p.SessionInfo(
        session_id=sid,
        command=["claude"],
        cwd="/src",
        name="demo",
        state=p.SessionState.STARTING,
        state_since=1.0,
        state_reason="spawned",
        started_at=1.0,
    )


Handler = Callable[[ClientConnection, p.Command], Awaitable[p.Reply | None]]


async def start_reply(ws: ClientConnection, command: p.Command) -> p.Reply | None:
    if isinstance(command, p.StartSession):
        return p.SessionStarted(request_id=command.request_id, session=session_info())
    raise AssertionError(f"unexpected {command!r}")


@asynccontextmanager
async def fake_supervisor(
    relay: Relay,
    host: str = "studio",
    handler: Handler = start_reply,
    sessions: list[p.SessionInfo] | None = None,
) -> AsyncIterator[tuple[ClientConnection, asyncio.Queue[p.Command]]]:
    """A supervisor speaking the protocol: hello, then answer each command with ``handler``."""
    received: asyncio.Queue[p.Command] = asyncio.Queue()
    async with connect(relay.ws, compression=None) as ws:
        welcome = await handshake(ws, relay, host, sessions=sessions)
        assert isinstance(welcome, p.Welcome)

        async def serve() -> None:
            async for text in ws:
                command = p.decode_command(text)
                assert not isinstance(command, p.Welcome)
                await received.put(command)  # type: ignore[arg-type]
                reply = await handler(ws, command)  # type: ignore[arg-type]
                if reply is not None:
                    await ws.send(p.encode(reply))

        task = asyncio.create_task(serve())
        try:
            yield ws, received
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)


async def try_password(
    http: httpx.AsyncClient, relay: Relay, client_id: str, password: str, source: str
) -> httpx.Response:
    """One sign-in attempt, as seen through a proxy that forwards ``source``."""
    _, challenge = pkce()
    http.headers["X-Forwarded-For"] = source
    start = await open_consent(http, relay.base, client_id, challenge)
    assert start.status_code == 302, start.text
    return await scripted_consent(http, start.headers["location"], password=password)
