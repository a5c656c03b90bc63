"""Composition: the relay's Starlette app, from a :class:`RelayConfig`.

``build_app(config)`` wires one database, one audit log, one supervisor
registry, one OAuth provider and one :class:`Hub` to the faces of the relay:

* ``/mcp``: FastMCP "tether" with the tools of ``shared.mcp.tools`` answered by the
  hub, behind the relay's own OAuth 2.1 server (``server/oauth``), which also
  serves ``/authorize``, ``/token``, ``/register``, ``/revoke``, ``/consent``
  and the well-known metadata. There is no open mode and no static token.
  :class:`ScopeAndAuditMiddleware` gates every tool call on the token's scopes
  and writes it to the audit log;
* ``/supervisor``: the WebSocket supervisors dial into (``server.link``),
  authenticated by a paired key (``server.supervisors``);
* ``/healthz``: liveness, no secrets and no host names;
* ``/dashboard``: the owner's phone dashboard (``server.web``).

``/mcp`` answers only requests whose ``Host`` and ``Origin`` name this relay
(``server.origin_guard``: DNS rebinding).

The FastMCP app's lifespan is the Starlette app's lifespan (without it the MCP
session manager never starts); it also closes the databases at shutdown.
``app.state`` exposes ``hub``, ``registry``, ``audit``, ``oauth``, ``resource_watch`` and
``endpoint`` (for the CLI-less tests and ``unpair``).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import mcp_types as mt
from fastmcp import FastMCP
from fastmcp.exceptions import ToolError
from fastmcp.resources.base import ResourceResult
from fastmcp.server.dependencies import get_access_token
from fastmcp.server.middleware import CallNext, Middleware, MiddlewareContext
from fastmcp.tools.base import ToolResult
from mcp.shared.inbound import X_MCP_HEADER_KEY
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route, Router, WebSocketRoute

from server import relay_key
from server.audit import WRITE_BEHIND_SECONDS, AuditKind, AuditLog
from server.config import RelayConfig
from server.db import DatabaseError, open_database
from server.hub import Hub
from server.link import SupervisorEndpoint
from server.message_queue import MessageQueue
from server.notify.service import build_notify
from server.oauth.provider import OAuthSettings, TetherOAuthProvider
from server.oauth.routes import build_oauth_provider
from server.oauth.scopes import READ, require_read, require_write
from server.origin_guard import AllowList, OriginGuard, is_loopback
from server.outcomes import ClientOutcomes
from server.relay_mcp import RelayMCP
from server.resource_watch import ResourceWatch
from server.session_store import SessionStore, StoreError
from server.shared_state import RelayState
from server.state_tools import register_state_tools
from server.supervisors import SupervisorRegistry
from server.visibility_store import VisibilityRulesStore
from server.web import dashboard_routes
from shared.mcp.conventions import GUIDE
from shared.mcp.prompt_card import register_prompt_card
from shared.mcp.tools import register_tools

log = logging.getLogger(__name__)

INSTRUCTIONS = (
    "Tether drives terminal sessions (coding agents such as Claude Code, Codex or aider) on the "
    "user's own computers. Start with list_sessions. " + GUIDE
)


class ScopeAndAuditMiddleware(Middleware):
    """Every tool call: check the token's scope, run it, audit it.

    A tool annotated ``readOnlyHint`` needs ``sessions:read``; every other tool
    (and an unknown one) needs ``sessions:write``. The decision reads the tool's
    annotations from the FastMCP registry, so ``shared/mcp/tools.py`` stays
    transport-free (the local stdio mode has no token and no such gate).
    The audit row names the OAuth client, the tool, its host/session and the
    result; typed text and answers are stored as lengths (``AuditLog.record``).
    It is written behind the call (``AuditLog.defer``): flushed at most
    ``WRITE_BEHIND_SECONDS`` later, and at shutdown (the contract in ``server.audit``).
    """

    def __init__(self, mcp: FastMCP, audit: AuditLog) -> None:
        self._mcp = mcp
        self._audit = audit
        self._read_only: dict[str, bool] = {}
        self._flush_timer: asyncio.TimerHandle | None = None

    def _flush_audit(self) -> None:
        self._flush_timer = None
        try:
            self._audit.flush()
        except Exception:
            # Kept queued by flush; the next call's timer (or shutdown) tries again.
            log.exception("audit log: deferred rows could not be written yet")

    async def _is_read_only(self, name: str) -> bool:
        if name not in self._read_only:
            tool = await self._mcp.get_tool(name)
            hint = tool.annotations.read_only_hint if tool and tool.annotations else None
            self._read_only[name] = bool(hint)
        return self._read_only[name]

    async def on_call_tool(
        self,
        context: MiddlewareContext[mt.CallToolRequestParams],
        call_next: CallNext[mt.CallToolRequestParams, ToolResult],
    ) -> ToolResult:
        name = context.message.name
        args: dict[str, Any] = dict(context.message.arguments or {})
        token = get_access_token()
        actor = f"client:{token.client_id}" if token is not None else "anonymous"
        result = "error"
        try:
            try:
                if await self._is_read_only(name):
                    require_read()
                else:
                    require_write()
            except ToolError:
                result = "refused_scope"
                raise
            try:
                answer = await call_next(context)
            except ToolError:
                result = "failed"
                raise
            result = "ok"
            return answer
        finally:
            try:
                self._audit.defer(
                    actor=actor,
                    kind=AuditKind.TOOL_CALL,
                    action=name[:80],
                    result=result,
                    host=_text_arg(args, "host"),
                    session=_text_arg(args, "session_id"),
                    detail=args,
                )
            except DatabaseError:
                # A full queue flushed at once and failed; the rows stay queued. The call
                # already happened: its true outcome goes back to the caller. Reporting a
                # failure now would invite a repeat of what already ran.
                log.exception("could not audit %s (%s); returning its outcome", name, result)
            if self._flush_timer is None and self._audit.deferred:
                self._flush_timer = asyncio.get_running_loop().call_later(
                    WRITE_BEHIND_SECONDS, self._flush_audit
                )

    async def on_read_resource(
        self,
        context: MiddlewareContext[mt.ReadResourceRequestParams],
        call_next: CallNext[mt.ReadResourceRequestParams, ResourceResult],
    ) -> ResourceResult:
        require_read()  # resources only read, but a session's log is still the user's data
        return await call_next(context)


def _text_arg(args: dict[str, Any], key: str) -> str | None:
    value = args.get(key)
    return value[:80] if isinstance(value, str) else None


def build_mcp(
    hub: Hub,
    provider: TetherOAuthProvider,
    audit: AuditLog,
    state: RelayState | None = None,
    public_base: str | None = None,
) -> FastMCP:
    mcp = RelayMCP(
        "tether",
        instructions=INSTRUCTIONS,
        auth=provider,
        # Unexpected exceptions must not leak internals to a public client.
        mask_error_details=True,
        # The store FastMCP would make (in memory), minus its per-call visibility read.
        session_state_store=VisibilityRulesStore(),
    )
    mcp.add_middleware(ScopeAndAuditMiddleware(mcp, audit))
    register_tools(mcp, hub)
    register_prompt_card(mcp, public_base)
    if state is not None:
        register_state_tools(mcp, state)
    return mcp


async def serve_input_schemas_from_registry(mcp: FastMCP) -> None:
    """Give the MCP SDK a direct lookup of each tool's input schema.

    In the modern (2026-07-28, stateless) era the SDK checks a ``tools/call``'s
    ``Mcp-Param-*`` headers against the tool's input schema before dispatch. Without
    a lookup it finds that schema by running the whole ``tools/list`` handler (every
    tool, every middleware, every ``$ref`` dereferenced) on every call with arguments:
    about 20 ms of CPU per call here. FastMCP 4.1.2 sets no lookup; the SDK's own
    server passes ``tool.parameters``, and so does this. The tool set is fixed once
    the app is built, so the map is taken once, at startup.
    """
    schemas = {
        tool.name: tool.parameters
        for tool in await mcp.list_tools(run_middleware=False)
        # Without an annotation anywhere the check can reject nothing; the SDK walks the
        # schema twice per call to find that out (None: it skips the walk, same verdict).
        if _declares_param_headers(tool.parameters)
    }
    mcp._mcp_server.get_tool_input_schema = schemas.get


def _declares_param_headers(schema: Any) -> bool:
    """Whether ``x-mcp-header`` appears as a key anywhere in ``schema`` (a JSON value)."""
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if X_MCP_HEADER_KEY in node:
                return True
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return False


def build_app(
    config: RelayConfig,
    hub: Hub | None = None,
    *,
    oauth_settings: OAuthSettings | None = None,
) -> Starlette:
    """The whole relay as one ASGI app (see the module docstring for ``app.state``).

    Opens ``<data_dir>/relay.sqlite3``, the one database of supervisors, sessions, audit log
    and OAuth state; it is closed when the app's lifespan ends. ``config.owner_password`` is
    stored only when no password is stored yet.
    """
    db = open_database(config.data_dir)
    audit = AuditLog(
        db, max_age=config.audit_max_age_days * 86400.0, max_rows=config.audit_max_rows
    )
    pruned = audit.prune()
    if pruned:
        log.info("audit log: pruned %d old rows behind checkpoint %s", pruned, audit.checkpoint())
    log.info("audit log head at start: %s", audit.head())
    registry = SupervisorRegistry(db, [config.base_url], audit=audit)
    provider = build_oauth_provider(
        config.base_url,
        config.data_dir,
        password=config.owner_password,
        settings=oauth_settings,
        audit=audit,
        db=db,
    )
    if hub is None:
        # Sessions and acknowledged output survive a relay restart, in the same database.
        store = SessionStore.in_dir(config.data_dir, db=db)
        hub = Hub(store=store, offline_grace=config.offline_grace)
    queue = hub.message_queue = MessageQueue(db, hub)
    if hub.client_outcomes is None:
        hub.client_outcomes = ClientOutcomes(db)  # a repeat of a keyed call: first outcome
    shared_state = RelayState(db, audit, hub)
    hub.serve_up = shared_state.serve
    mcp = build_mcp(hub, provider, audit, shared_state, config.base_url)

    async def can_read(token: str) -> bool:
        loaded = await provider.load_access_token(token)
        return loaded is not None and READ in loaded.scopes

    # notifications/resources/updated for subscribed clients (legacy era; see the module).
    watch = ResourceWatch(can_read, time.monotonic)
    watch.attach(hub, mcp._mcp_server)
    mcp_app = mcp.http_app(path="/mcp")
    endpoint = SupervisorEndpoint(
        hub,
        registry,
        hello_timeout=config.hello_timeout,
        heartbeat_interval=config.heartbeat_interval,
        heartbeat_timeout=config.heartbeat_timeout,
        relay_key=relay_key.load_or_create(config.data_dir),
    )

    if config.public_url is None and not is_loopback(config.host):
        log.warning(
            "the relay binds %s without --public-url: /mcp answers only requests addressed to "
            "%s; start it with --public-url set to the address clients use",
            config.host,
            config.base_url,
        )
    allowed = AllowList.build(
        config.base_url,
        bind_host=config.host,
        extra_hosts=config.allowed_hosts,
        extra_origins=config.allowed_origins,
    )

    # Notifications and the answer page (server/notify, server/answer_page.py).
    notify = build_notify(config, hub, audit, db, provider.store.password_hash)

    async def healthz(request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok"})

    store = hub.store

    async def prune_forever() -> None:
        while True:
            try:
                pruned = store.prune_ended(time.time(), config.retention)
            except StoreError:
                log.exception("pruning ended sessions failed; retrying at the next interval")
            else:
                if pruned.sessions:
                    log.info(
                        "deleted %d ended session(s), %d bytes of output (retention)",
                        pruned.sessions,
                        pruned.bytes,
                    )
            await asyncio.sleep(config.prune_interval)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        pruner = asyncio.create_task(prune_forever(), name="prune-ended-sessions")
        expiry = asyncio.create_task(queue.watch_expiry(), name="queue-expiry")
        try:
            async with mcp_app.lifespan(app):
                await serve_input_schemas_from_registry(mcp)
                notify.start()
                watch.start()
                try:
                    yield
                finally:
                    await watch.stop()
                    await notify.stop()
        finally:
            pruner.cancel()
            expiry.cancel()
            await asyncio.gather(pruner, expiry, return_exceptions=True)
            try:
                audit.flush()  # the tool calls' write-behind rows
            except DatabaseError:
                log.exception("audit log: %d deferred rows could not be written", audit.deferred)
            audit.flush_unauthenticated()
            db.close()

    guarded_mcp = OriginGuard(mcp_app, allowed)
    site = [
        *dashboard_routes(hub, provider, audit, config.data_dir, notify.push),
        Mount("/", app=guarded_mcp),
    ]
    app = Starlette(
        routes=[
            # Every tool call is a request to /mcp: matched first, not after every
            # dashboard and sign-in route (the same guarded app the mount below serves).
            Route("/mcp", guarded_mcp),
            Route("/healthz", healthz, methods=["GET"]),
            WebSocketRoute("/supervisor", endpoint.handle),
            *notify.routes(),
            # The dashboard answers only requests addressed to this relay, as /mcp does.
            Mount("/", app=OriginGuard(Router(site), allowed, prefix="/dashboard")),
        ],
        lifespan=lifespan,
    )
    app.state.hub = hub
    app.state.registry = registry
    app.state.audit = audit
    app.state.oauth = provider
    app.state.endpoint = endpoint
    app.state.notify = notify
    app.state.resource_watch = watch
    return app
