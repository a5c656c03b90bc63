"""Change notifications for the MCP resources (``resources/subscribe``), debounced and scoped.

A client subscribes to ``tether://sessions``, ``tether://status`` or
``tether://sessions/{id}/log``; when one changes, it gets
``notifications/resources/updated`` for it, and ``tether://sessions``
subscribers also get ``notifications/resources/list_changed`` when a session
starts or ends (the set of log resources changes).

* :class:`Debounce` is the pure core (time passed in): a URI that changes is due
  :data:`DEBOUNCE` seconds after its first change; changes meanwhile join it, so
  a chatty session costs one notification per window, not one per chunk.
* Hub events map to URIs (:func:`changed_uris`): a session's state or a
  computer's link moves ``tether://sessions`` and ``tether://status``; stored
  output moves that session's log; a queue receipt moves ``tether://status``.
* Only a token that may read sessions (``sessions:read``) can subscribe, and
  before each notification the token is checked again (revoked or expired: the
  subscription is dropped, nothing is sent). So a client that went away without
  unsubscribing is forgotten when its token expires at the latest.

Protocol eras. In the handshake ("legacy") era a client subscribes with
``resources/subscribe`` and hears on its session's standalone stream. The
2026-07-28 stateless era has no ``resources/subscribe`` (the MCP SDK:
``mcp/server/lowlevel/server.py``, ``get_capabilities``: "the legacy
``resources/subscribe`` handler (which the modern wire cannot dispatch)"; and
``mcp/server/connection.py``, ``NotifyOnlyOutbound.notify`` drops
``notifications/resources/updated``: "delivered via subscriptions/listen at this
era"): its client opens a ``subscriptions/listen`` stream instead. FastMCP
4.1.2 registers no listen handler, so :meth:`ResourceWatch.attach` registers
the SDK's ``ListenHandler`` over :class:`_ReadersBus`, which applies the same
URI and token rules to each stream.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from mcp import types
from mcp.server.context import ServerRequestContext
from mcp.server.subscriptions import (
    ListenHandler,
    ResourcesListChanged,
    ResourceUpdated,
    ServerEvent,
)
from mcp.shared.exceptions import MCPError
from pydantic import BaseModel

from server.hub import HostLinkChanged, Hub
from shared import protocol as wire
from shared.frames import ReplyFrame

log = logging.getLogger(__name__)

DEBOUNCE = 0.5  # seconds: changes within this window make one notification
SESSIONS = "tether://sessions"
STATUS = "tether://status"
_LOG = re.compile(r"^tether://sessions/([A-Za-z0-9_-]{8,64})/log$")
MAX_PER_CLIENT = 64  # subscriptions one client session may hold


def log_uri(session_id: str) -> str:
    return f"tether://sessions/{session_id}/log"


def changed_uris(event: BaseModel | HostLinkChanged) -> tuple[list[str], bool]:
    """The URIs a hub event changes, and whether the set of resources changed."""
    if isinstance(event, HostLinkChanged):
        return [SESSIONS, STATUS], False
    if isinstance(event, wire.SessionExited):
        return [SESSIONS, STATUS, log_uri(event.session.session_id)], True
    if isinstance(event, wire.SessionChanged | wire.PromptDetected):
        return [SESSIONS], False
    if isinstance(event, ReplyFrame) and event.reported_sessions():
        return [SESSIONS, STATUS], event.type == "session_started"
    return [], False


@dataclass
class Debounce:
    """Which URIs are due to be announced (pure; ``now`` passed in)."""

    window: float = DEBOUNCE
    _due: dict[str, float] = field(default_factory=dict)
    list_changed: bool = False

    def changed(self, uri: str, now: float) -> None:
        self._due.setdefault(uri, now + self.window)

    def set_changed(self, now: float) -> None:
        self.list_changed = True
        self._due.setdefault("", now + self.window)  # "" stands for list_changed

    def due(self, now: float) -> tuple[list[str], bool]:
        """The URIs due now, and whether a list_changed is due with them."""
        ready = [u for u, at in self._due.items() if at <= now]
        for uri in ready:
            del self._due[uri]
        listed = "" in ready and self.list_changed
        if listed:
            self.list_changed = False
        return [u for u in ready if u], listed

    def next_deadline(self) -> float | None:
        return min(self._due.values()) if self._due else None


@dataclass
class _Client:
    # The client's mcp.server.connection.Connection: a request's ServerSession is made per
    # request, the connection lives as long as the client's MCP session and sends on its
    # standalone stream. The SDK's request context does not expose it but through the
    # session's ``_connection``.
    connection: Any
    token: str
    uris: set[str] = field(default_factory=set)


class ResourceWatch:
    """Subscriptions per client session, fed by the hub, sent by one task."""

    def __init__(
        self,
        can_read: Callable[[str], Awaitable[bool]],
        clock: Callable[[], float],
    ) -> None:
        self._can_read = can_read
        self._clock = clock
        self.debounce = Debounce()
        self._clients: dict[int, _Client] = {}
        self._bus = _ReadersBus(can_read)
        self._listen = ListenHandler(self._bus)
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    # ------------------------------------------------------------ wiring

    def attach(self, hub: Hub, server: Any) -> None:
        """Feed on ``hub``; serve subscribe/unsubscribe on the low-level MCP ``server``."""
        hub.observers.append(self._on_event)
        hub.copies.on_stored.append(self._on_output)
        if hub.message_queue is not None:
            hub.message_queue.on_receipt.append(self._on_receipt)
        server.add_request_handler(
            "resources/subscribe", types.SubscribeRequestParams, self.subscribe
        )
        server.add_request_handler(
            "resources/unsubscribe", types.UnsubscribeRequestParams, self.unsubscribe
        )
        server.add_request_handler(
            "subscriptions/listen", types.SubscriptionsListenRequestParams, self.listen
        )

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run(), name="resource-watch")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    # ------------------------------------------------------------ requests

    async def subscribe(
        self, ctx: ServerRequestContext[Any, Any], params: types.SubscribeRequestParams
    ) -> types.EmptyResult:
        uri = _check_uri(str(params.uri))
        token = await self._reader_token(ctx)
        connection = _connection(ctx)
        client = self._clients.setdefault(id(connection), _Client(connection, token))
        client.token = token  # the newest token this client signed in with
        if uri not in client.uris and len(client.uris) >= MAX_PER_CLIENT:
            raise MCPError(
                types.INVALID_PARAMS,
                f"This connection already holds {MAX_PER_CLIENT} subscriptions; "
                "unsubscribe from some first.",
            )
        client.uris.add(uri)
        return types.EmptyResult()

    async def listen(
        self, ctx: ServerRequestContext[Any, Any], params: types.SubscriptionsListenRequestParams
    ) -> types.SubscriptionsListenResult:
        """The 2026-07-28 era's ``subscriptions/listen``: the same URIs, the same token rule."""
        for uri in params.notifications.resource_subscriptions or ():
            _check_uri(uri)
        token = await self._reader_token(ctx)
        listening = _LISTENER_TOKEN.set(token)  # read by _ReadersBus.subscribe, in this task
        try:
            return await self._listen(ctx, params)
        finally:
            _LISTENER_TOKEN.reset(listening)

    async def unsubscribe(
        self, ctx: ServerRequestContext[Any, Any], params: types.UnsubscribeRequestParams
    ) -> types.EmptyResult:
        key = id(_connection(ctx))
        client = self._clients.get(key)
        if client is not None:
            client.uris.discard(str(params.uri))
            if not client.uris:
                del self._clients[key]
        return types.EmptyResult()

    async def _reader_token(self, ctx: ServerRequestContext[Any, Any]) -> str:
        request = ctx.request
        user = request.scope.get("user") if request is not None else None
        token = getattr(getattr(user, "access_token", None), "token", None)
        if not isinstance(token, str) or not await self._can_read(token):
            raise MCPError(
                types.INVALID_REQUEST,
                "Subscribing needs a connection that may read sessions (sessions:read); "
                "reconnect the connector and allow reading.",
            )
        return token

    # ------------------------------------------------------------ events

    # Called for every hub event and every stored output chunk: with nobody listening
    # (the usual case) they return before building a single URI.
    def _on_event(self, host: str, event: BaseModel | HostLinkChanged) -> None:
        if self._listened():
            uris, set_changed = changed_uris(event)
            self._changed(uris, set_changed)

    def _on_output(self, session_id: str, offset: int, data: bytes) -> None:
        if self._listened():
            self._changed([log_uri(session_id)], False)

    def _on_receipt(self, _receipt: object) -> None:
        if self._listened():
            self._changed([STATUS], False)

    def _listened(self) -> bool:
        return bool(self._clients or self._bus.listeners)

    def _changed(self, uris: list[str], set_changed: bool) -> None:
        now = self._clock()
        for uri in uris:
            self.debounce.changed(uri, now)
        if set_changed:
            self.debounce.set_changed(now)
        self._wake.set()

    # ------------------------------------------------------------ sending

    async def _run(self) -> None:
        while True:
            deadline = self.debounce.next_deadline()
            timeout = None if deadline is None else max(0.0, deadline - self._clock())
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(timeout):
                    await self._wake.wait()
            uris, listed = self.debounce.due(self._clock())
            if uris or listed:
                try:
                    await self._send(uris, listed)
                except Exception:
                    log.exception("resource notifications failed")

    async def _send(self, uris: list[str], listed: bool) -> None:
        for uri in uris:
            await self._bus.publish(ResourceUpdated(uri=uri))
        if listed:
            await self._bus.publish(ResourcesListChanged())
        for key, client in list(self._clients.items()):
            wanted = [u for u in uris if u in client.uris]
            list_too = listed and SESSIONS in client.uris
            if not wanted and not list_too:
                continue
            if not await self._can_read(client.token):
                del self._clients[key]  # revoked or expired: it hears nothing more
                continue
            try:
                for uri in wanted:
                    await client.connection.send_resource_updated(uri)
                if list_too:
                    await client.connection.send_resource_list_changed()
            except Exception:  # the client went away; its connection is closed
                log.info("dropping resource subscriptions of a closed client session")
                del self._clients[key]


def _connection(ctx: ServerRequestContext[Any, Any]) -> Any:
    return getattr(ctx.session, "_connection", ctx.session)


def _check_uri(uri: str) -> str:
    if uri not in (SESSIONS, STATUS) and not _LOG.match(uri):
        raise MCPError(
            types.INVALID_PARAMS,
            f"Cannot subscribe to {uri!r}: subscribe to {SESSIONS}, {STATUS} or "
            "tether://sessions/<session id>/log.",
        )
    return uri


_LISTENER_TOKEN: contextvars.ContextVar[str] = contextvars.ContextVar("listener_token")


class _ReadersBus:
    """The SDK's subscription bus, with each listen stream's token checked before each event.

    ``subscribe`` runs inside the listen request's task (``ListenHandler``), where
    :meth:`ResourceWatch.listen` has set the stream's token; a token no longer
    allowed to read (revoked, expired) gets nothing more and its listener is dropped.
    """

    def __init__(self, can_read: Callable[[str], Awaitable[bool]]) -> None:
        self._can_read = can_read
        self.listeners: dict[object, tuple[Callable[[ServerEvent], None], str]] = {}

    async def publish(self, event: ServerEvent) -> None:
        for key, (listener, token) in list(self.listeners.items()):
            if not await self._can_read(token):
                self.listeners.pop(key, None)
                continue
            try:
                listener(event)
            except Exception:  # one broken stream must not starve the others
                log.exception("a listen stream failed to take an event")

    def subscribe(self, listener: Callable[[ServerEvent], None]) -> Callable[[], None]:
        key = object()
        self.listeners[key] = (listener, _LISTENER_TOKEN.get())

        def unsubscribe() -> None:
            self.listeners.pop(key, None)

        return unsubscribe
