"""The dashboard's Web Push routes: the relay's VAPID public key, subscribe, unsubscribe.

Owner-only (the session cookie); subscribe and unsubscribe are state changes and
need the session's CSRF token and the relay's own origin (:class:`Guard`). The
subscription is checked by :func:`server.notify.webpush.parse_subscription`
(https endpoints only) before it is stored, and each change is audited.
"""

from __future__ import annotations

import json

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from server.audit import AuditKind
from server.notify.webpush import PushError, WebPush, parse_subscription
from server.web.pages import security_headers
from server.web.signin import Guard, json_error

MAX_BODY = 8 * 1024


class PushApi:
    def __init__(self, guard: Guard, push: WebPush) -> None:
        self.guard, self.push = guard, push

    async def key(self, request: Request) -> Response:
        if self.guard.session(request) is None:
            return json_error(401, "You are signed out. Sign in again.")
        return JSONResponse({"public_key": self.push.keys.public_key}, headers=security_headers())

    async def subscribe(self, request: Request) -> Response:
        return await self._change(request, subscribe=True)

    async def unsubscribe(self, request: Request) -> Response:
        return await self._change(request, subscribe=False)

    async def _change(self, request: Request, subscribe: bool) -> Response:
        session = self.guard.session(request)
        if session is None:
            return json_error(401, "You are signed out. Sign in again.")
        refused = self.guard.refuse_write(request, session)
        if refused is not None:
            return refused
        raw = await request.body()
        if len(raw) > MAX_BODY:
            return json_error(413, "That subscription is too large; subscribe again.")
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            return json_error(400, "The request was not valid JSON. Reload the page and try again.")
        action = "push_subscribe" if subscribe else "push_unsubscribe"
        try:
            if subscribe:
                sub = parse_subscription(body, self.push.allow_loopback)
                self.push.subscriptions.add(sub, self.guard.sessions.clock())
                removed = True
            else:
                endpoint = body.get("endpoint") if isinstance(body, dict) else None
                if not isinstance(endpoint, str):
                    raise PushError("Send the subscription's endpoint to unsubscribe.")
                removed = self.push.subscriptions.remove(endpoint)
        except PushError as exc:
            self._audit(action, "refused")
            return json_error(400, str(exc))
        self._audit(action, "ok")
        return JSONResponse(
            {"subscribed": subscribe, "changed": removed}, headers=security_headers()
        )

    def _audit(self, action: str, result: str) -> None:
        self.guard.audit.record(
            actor="owner:dashboard",
            kind=AuditKind.TOOL_CALL,
            action=f"dashboard.{action}",
            result=result,
        )
