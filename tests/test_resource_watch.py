"""Resource change notifications: the debounce core, and a real client subscribed to a relay."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import mcp_types
import pytest
from fastmcp import Client
from fastmcp.client.messages import MessageHandler
from mcp import types
from mcp.client.subscriptions import listen
from mcp.server.context import ServerRequestContext
from mcp.shared.exceptions import MCPError
from mcp.shared.subscriptions import ResourcesListChanged, ResourceUpdated
from mcp_types.version import MODERN_PROTOCOL_VERSIONS

from server.hub import HostLinkChanged
from server.resource_watch import (
    _LISTENER_TOKEN,
    SESSIONS,
    STATUS,
    Debounce,
    ResourceWatch,
    changed_uris,
    log_uri,
)
from tests.relay_support import Relay, Supervisor, running_relay, running_supervisor, write_policy
from tests.support import scaled


def test_changes_within_the_window_make_one_notification_due_after_the_window() -> None:
    d = Debounce(window=0.5)
    for t in (10.0, 10.1, 10.4):
        d.changed("tether://sessions/abcdefgh/log", t)
    d.changed(SESSIONS, 10.2)
    assert d.due(10.49) == ([], False)
    assert d.next_deadline() == 10.5
    assert d.due(10.5) == (["tether://sessions/abcdefgh/log"], False)
    assert d.due(10.7) == ([SESSIONS], False)
    assert d.due(99.0) == ([], False) and d.next_deadline() is None
    d.set_changed(20.0)
    d.set_changed(20.1)
    assert d.due(20.5) == ([], True)
    assert d.due(30.0) == ([], False)


def test_a_computer_going_offline_moves_the_session_list_and_the_status() -> None:
    assert changed_uris(HostLinkChanged("laptop", False)) == ([SESSIONS, STATUS], False)


class Recorder:
    """Stands in for an MCP connection: records what would be sent to its client."""

    def __init__(self) -> None:
        self.sent: list[str] = []

    async def send_resource_updated(self, uri: str) -> None:
        self.sent.append(uri)

    async def send_resource_list_changed(self) -> None:
        self.sent.append("list_changed")


class Request:
    def __init__(self, token: str) -> None:
        user = type("User", (), {"access_token": type("T", (), {"token": token})()})()
        self.scope = {"user": user}


def context(session: Recorder, token: str) -> ServerRequestContext[Any, Any]:
    return ServerRequestContext(
        session=type("Session", (), {"_connection": session})(),
        lifespan_context={},
        protocol_version="2025-06-18",
        method="resources/subscribe",
        request=Request(token),
    )


async def test_a_token_that_may_not_read_cannot_subscribe_and_a_revoked_one_hears_nothing() -> None:
    readers = {"good", "later-revoked"}

    async def can_read(token: str) -> bool:
        return token in readers

    watch = ResourceWatch(can_read, clock=lambda: 0.0)
    stranger, kept, revoked = Recorder(), Recorder(), Recorder()
    with pytest.raises(MCPError, match="sessions:read"):
        await watch.subscribe(context(stranger, "nope"), types.SubscribeRequestParams(uri=STATUS))
    with pytest.raises(MCPError, match="subscribe to tether://sessions"):
        await watch.subscribe(
            context(kept, "good"), types.SubscribeRequestParams(uri="tether://secrets")
        )
    for session, token in ((kept, "good"), (revoked, "later-revoked")):
        await watch.subscribe(context(session, token), types.SubscribeRequestParams(uri=STATUS))
    readers.discard("later-revoked")
    await watch._send([STATUS, SESSIONS], listed=True)
    assert (stranger.sent, kept.sent, revoked.sent) == ([], [STATUS], [])
    readers.add("later-revoked")  # its subscription is gone, not suspended
    await watch._send([STATUS], listed=False)
    assert (kept.sent, revoked.sent) == ([STATUS, STATUS], [])


async def test_a_listen_stream_whose_token_was_revoked_gets_no_more_events() -> None:
    readers = {"good", "later-revoked"}

    async def can_read(token: str) -> bool:
        return token in readers

    bus = ResourceWatch(can_read, clock=lambda: 0.0)._bus
    heard: dict[str, list[object]] = {"good": [], "later-revoked": []}
    for token in heard:
        set_token = _LISTENER_TOKEN.set(token)
        bus.subscribe(heard[token].append)
        _LISTENER_TOKEN.reset(set_token)
    readers.discard("later-revoked")
    await bus.publish(ResourceUpdated(uri=STATUS))
    assert heard == {"good": [ResourceUpdated(uri=STATUS)], "later-revoked": []}
    assert len(bus.listeners) == 1


class Heard(MessageHandler):
    def __init__(self) -> None:
        self.updated: asyncio.Queue[str] = asyncio.Queue()
        self.listed: asyncio.Queue[None] = asyncio.Queue()

    async def on_resource_updated(self, message: mcp_types.ResourceUpdatedNotification) -> None:
        self.updated.put_nowait(str(message.params.uri))

    async def on_resource_list_changed(
        self, message: mcp_types.ResourceListChangedNotification
    ) -> None:
        self.listed.put_nowait(None)

    async def until_updated(self, uri: str) -> None:
        async with asyncio.timeout(scaled(20)):
            while await self.updated.get() != uri:
                pass


@pytest.fixture
async def relay_and_laptop(tmp_path: Path) -> AsyncIterator[tuple[Relay, Supervisor, Path]]:
    work = tmp_path / "work"
    work.mkdir()
    async with (
        running_relay(tmp_path / "relay") as relay,
        running_supervisor(relay, "laptop", write_policy(tmp_path / "p.toml", work)) as laptop,
    ):
        yield relay, laptop, work


# resources/subscribe is the handshake era's method (the SDK warns that 2026-07-28 removed it).
@pytest.mark.filterwarnings("ignore:resources/.*subscribe is removed")
async def test_a_subscribed_client_hears_when_a_log_and_the_session_list_change(
    relay_and_laptop: tuple[Relay, Supervisor, Path],
) -> None:
    relay, _, work = relay_and_laptop
    heard = Heard()
    async with Client(
        relay.mcp, auth=relay.token, mode="legacy", message_handler=heard, timeout=scaled(60)
    ) as client:
        init = client.initialize_result
        assert init is not None and init.capabilities.resources is not None
        assert init.capabilities.resources.subscribe is True
        await client.session.subscribe_resource(SESSIONS)
        started = await client.call_tool("create_session", {"cwd": str(work), "name": "api"})
        assert started.structured_content is not None
        sid = started.structured_content["session"]["session_id"]
        async with asyncio.timeout(scaled(20)):
            await heard.listed.get()  # a new session: a new log resource exists
        await heard.until_updated(SESSIONS)
        await client.session.subscribe_resource(log_uri(sid))
        await client.call_tool(
            "send_message", {"session_id": sid, "text": "hello", "wait_seconds": 0}
        )
        await heard.until_updated(log_uri(sid))
        text = await client.read_resource(log_uri(sid))
        assert "hello" in text[0].text
        # Unsubscribed: the next change is announced to nobody.
        await client.session.unsubscribe_resource(log_uri(sid))
        await client.session.unsubscribe_resource(SESSIONS)
        watch: ResourceWatch = relay.app.state.resource_watch
        assert watch._clients == {}


async def test_a_modern_era_client_hears_changes_on_its_listen_stream(
    relay_and_laptop: tuple[Relay, Supervisor, Path],
) -> None:
    relay, _, work = relay_and_laptop
    async with Client(relay.mcp, auth=relay.token, timeout=scaled(60)) as client:
        assert client.session.protocol_version in MODERN_PROTOCOL_VERSIONS
        async with listen(
            client.session, resources_list_changed=True, resource_subscriptions=[SESSIONS]
        ) as stream:
            assert stream.honored.resource_subscriptions == [SESSIONS]
            await client.call_tool("create_session", {"cwd": str(work), "name": "api"})
            events: list[object] = []
            async with asyncio.timeout(scaled(20)):
                async for event in stream:
                    events.append(event)
                    if ResourceUpdated(uri=SESSIONS) in events and ResourcesListChanged() in events:
                        break
        with pytest.raises(MCPError, match="Cannot subscribe"):
            async with listen(client.session, resource_subscriptions=["file:///etc/passwd"]):
                pass
