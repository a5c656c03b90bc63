"""The owner's sign-in to the dashboard: the login form, the session cookie, the guards.

* ``GET /dashboard/login`` shows the form with a CSRF token that is also set
  as a cookie (double submit; the owner has no session yet).
* ``POST /dashboard/login`` checks the token, the rate limits (the consent
  page's own login budget, so the two pages share one), and the owner password
  with ``server.oauth.passwords.verify_password``; then sets the session
  cookie: ``HttpOnly; SameSite=Strict; Path=/``, plus ``Secure`` and the
  ``__Host-`` prefix when the relay is served over https.
* ``POST /dashboard/logout`` ends the session.

:class:`Guard` is what every other dashboard route calls: the session from the
cookie (or a redirect / 401), and for state changes the session's CSRF token in
``X-CSRF-Token`` plus, when the browser sends one, an ``Origin`` equal to the
relay's own.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import secrets
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from server.audit import AuditKind, AuditLog
from server.oauth.http_edge import client_ip
from server.oauth.passwords import verify_password
from server.oauth.provider import TetherOAuthProvider
from server.web.owner import OwnerSession, OwnerSessions, csrf_ok
from server.web.pages import render_error, render_login, security_headers

log = logging.getLogger(__name__)

MAX_FORM_BYTES = 4096


class Guard:
    """Cookie names, the session table and the checks every dashboard route makes."""

    def __init__(
        self, provider: TetherOAuthProvider, audit: AuditLog, sessions: OwnerSessions
    ) -> None:
        self.provider, self.audit, self.sessions = provider, audit, sessions
        base = urlsplit(provider.public_base)
        self.origin = f"{base.scheme}://{base.netloc}"
        self.https = base.scheme == "https"
        prefix = "__Host-" if self.https else ""
        self.cookie = f"{prefix}tether_owner"
        self.login_cookie = f"{prefix}tether_login"

    def session(self, request: Request) -> OwnerSession | None:
        return self.sessions.get(request.cookies.get(self.cookie))

    def refuse_write(self, request: Request, session: OwnerSession) -> JSONResponse | None:
        """None when this state change may go ahead; else the JSON refusal."""
        origin = request.headers.get("origin")
        if origin is not None and origin != self.origin:
            return json_error(403, "This request came from another site; it was refused.")
        if not csrf_ok(session, request.headers.get("x-csrf-token")):
            return json_error(403, "This page is out of date. Reload it and try again.")
        return None

    def set_cookie(self, response: Response, name: str, value: str, max_age: int) -> None:
        response.set_cookie(
            name,
            value,
            max_age=max_age,
            path="/",
            secure=self.https,
            httponly=True,
            samesite="strict",
        )


def json_error(status: int, message: str, retry_after: float | None = None) -> JSONResponse:
    headers = security_headers()
    if retry_after:
        headers["Retry-After"] = str(int(retry_after))
    return JSONResponse({"error": message}, status_code=status, headers=headers)


def _login_page(guard: Guard, error: str | None = None, status: int = 200) -> Response:
    csrf = secrets.token_urlsafe(24)
    response = HTMLResponse(render_login(csrf, error), status, headers=security_headers())
    guard.set_cookie(response, guard.login_cookie, csrf, 3600)
    return response


async def show_login(guard: Guard, request: Request) -> Response:
    if guard.session(request) is not None:
        return RedirectResponse("/dashboard/", 303, headers=security_headers())
    return _login_page(guard)


async def login(guard: Guard, request: Request) -> Response:
    if int(request.headers.get("content-length") or 0) > MAX_FORM_BYTES:
        return _login_page(guard, "That form was too large. Reload the page and try again.", 413)
    form = await request.form()
    sent, kept = form.get("csrf"), request.cookies.get(guard.login_cookie)
    if not (isinstance(sent, str) and kept and hmac.compare_digest(sent, kept)):
        return _login_page(guard, "This form expired. Enter the password again.", 400)
    limits = guard.provider.settings.limits
    for limiter, key in ((limits.login_per_ip, client_ip(request)), (limits.login_global, "*")):
        wait = limiter.hit(key)
        if wait:
            _audit(guard, "rate_limited")
            response = _login_page(
                guard, f"Too many password attempts. Wait {int(wait)} seconds, then try again.", 429
            )
            response.headers["Retry-After"] = str(int(wait))
            return response
    stored = guard.provider.store.password_hash()
    if stored is None:
        return HTMLResponse(
            render_error(
                "Relay not set up",
                "No owner password is set on this relay yet. On the relay machine run "
                "`python -m server set-password`, then sign in again.",
            ),
            503,
            headers=security_headers(),
        )
    password = form.get("password")
    ok = isinstance(password, str) and await asyncio.to_thread(verify_password, password, stored)
    if not ok:
        log.warning("wrong owner password on the dashboard from %s", client_ip(request))
        _audit(guard, "refused_password")
        return _login_page(guard, "Wrong password. Try again.", 401)
    token, _ = guard.sessions.start()
    _audit(guard, "ok")
    response = RedirectResponse("/dashboard/", 303, headers=security_headers())
    guard.set_cookie(response, guard.cookie, token, 30 * 24 * 3600)
    response.delete_cookie(guard.login_cookie, path="/")
    return response


async def logout(guard: Guard, request: Request) -> Response:
    session = guard.session(request)
    if session is not None:
        refused = guard.refuse_write(request, session)
        if refused is not None:
            return refused
        guard.sessions.end(request.cookies.get(guard.cookie))
        _audit(guard, "signed_out")
    response = JSONResponse({"signed_out": True}, headers=security_headers())
    response.delete_cookie(guard.cookie, path="/")
    return response


def _audit(guard: Guard, result: str) -> None:
    guard.audit.record(
        actor="owner", kind=AuditKind.AUTHORIZATION, action="dashboard.login", result=result
    )
