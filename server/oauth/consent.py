"""``/consent``: the owner signs in with the relay password and approves or denies a client.

Contract:
- GET ``/consent?txn=…`` shows the client name, where the answer will be sent
  (the redirect host) and the scopes, and sets a CSRF cookie.
- POST (form: txn, csrf, password, action=approve_write|approve_read|deny)
  answers 303 (RFC 9700 §4.12) to the client's redirect with ``code`` or
  ``error=access_denied``, plus ``state`` and RFC 9207 ``iss``; a wrong password
  answers 303 back to the page. The transaction is single use.
- CSRF: double submit — the form value must equal the cookie AND the value stored
  with the transaction (``hmac.compare_digest``); SameSite=Lax keeps cross-site
  POSTs from carrying the cookie at all.
- Every response: CSP ``frame-ancestors 'none'`` + ``X-Frame-Options: DENY``,
  ``Cache-Control: no-store``, no referrer.
- Password attempts are rate limited per source (the peer address, or the one a
  configured ``--trusted-proxy`` forwards; IPv6 by /64) and overall. The overall
  limit cannot lock the owner out: a browser that signed in before carries an
  owner-device cookie (an HMAC keyed by the stored password hash, so changing the
  password revokes it) and is held only to its own per-source limit. A device
  that never signed in waits out the overall limit during a distributed attack.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from mcp.server.auth.provider import AuthorizationParams, construct_redirect_uri
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from server.oauth import scopes as sc
from server.oauth.http_edge import client_ip, source_key
from server.oauth.pages import ConsentView, render_consent, render_error
from server.oauth.passwords import verify_password
from server.oauth.store import PendingRow

if TYPE_CHECKING:
    from server.oauth.provider import TetherOAuthProvider

log = logging.getLogger(__name__)

_ERRORS = {
    "password": "Wrong password. Try again.",
    "csrf": "This form expired or was opened in another tab. Reload this page and try again.",
}
_MAX_FORM_BYTES = 4096


def _origin(url: str) -> str:
    p = urlsplit(url)
    return f"{p.scheme}://{p.netloc}"


def _secure_headers(redirect_origin: str | None = None) -> dict[str, str]:
    # form-action must allow the 303 target, or browsers block the redirect after submit.
    form_action = "'self'" + (f" {redirect_origin}" if redirect_origin else "")
    return {
        "Content-Security-Policy": (
            "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
            f"form-action {form_action}; frame-ancestors 'none'"
        ),
        "X-Frame-Options": "DENY",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Cache-Control": "no-store",
        "Pragma": "no-cache",
    }


def cookie_name(provider: TetherOAuthProvider) -> str:
    # __Host- requires Secure, which browsers only keep over https.
    return "__Host-tether_csrf" if _is_https(provider) else "tether_csrf"


def _is_https(provider: TetherOAuthProvider) -> bool:
    return provider.public_base.startswith("https://")


def _error(status: int, title: str, message: str) -> HTMLResponse:
    return HTMLResponse(render_error(title, message), status_code=status, headers=_secure_headers())


def _expired() -> HTMLResponse:
    return _error(
        400,
        "Link expired",
        "This sign-in link has expired or was already used. "
        "Start the connection again from your app.",
    )


def consent_endpoint(provider: TetherOAuthProvider) -> Callable[[Request], Awaitable[Response]]:
    async def handle(request: Request) -> Response:
        if request.method == "GET":
            return await _show(provider, request)
        return await _answer(provider, request)

    return handle


async def _show(provider: TetherOAuthProvider, request: Request) -> Response:
    txn = request.query_params.get("txn", "")
    pending = provider.store.pending(txn, provider.now()) if txn else None
    if pending is None:
        return _expired()
    client = await provider.get_client(pending.client_id)
    if client is None:
        return _expired()
    params = AuthorizationParams.model_validate_json(pending.params)
    granted = params.scopes or [sc.READ]
    view = ConsentView(
        txn=txn,
        csrf=pending.csrf,
        client_name=(client.client_name or "An unnamed app").strip() or "An unnamed app",
        redirect_host=urlsplit(str(params.redirect_uri)).netloc,
        scopes=[(s, sc.DESCRIPTIONS[s]) for s in granted if s in sc.DESCRIPTIONS],
        can_write=sc.WRITE in granted,
        error=_ERRORS.get(request.query_params.get("error", "")),
        password_set=provider.store.password_hash() is not None,
        client_host=urlsplit(pending.client_id).netloc or None
        if pending.client_id.startswith("https://")
        else None,
    )
    response = HTMLResponse(
        render_consent(view),
        status_code=200,
        headers=_secure_headers(_origin(str(params.redirect_uri))),
    )
    response.set_cookie(
        cookie_name(provider),
        pending.csrf,
        max_age=provider.settings.consent_ttl,
        path="/",
        secure=_is_https(provider),
        httponly=True,
        samesite="lax",
    )
    return response


def _csrf_ok(form_csrf: object, cookie: str | None, pending: PendingRow) -> bool:
    if not isinstance(form_csrf, str) or not form_csrf or not cookie:
        return False
    return hmac.compare_digest(form_csrf.encode(), cookie.encode()) and hmac.compare_digest(
        form_csrf.encode(), pending.csrf.encode()
    )


async def _answer(provider: TetherOAuthProvider, request: Request) -> Response:
    if int(request.headers.get("content-length") or 0) > _MAX_FORM_BYTES:
        return _error(413, "Form too large", "Reload the page and try again.")
    form = await request.form()
    txn, action = form.get("txn"), form.get("action")
    if not isinstance(txn, str) or not txn:
        return _expired()
    pending = provider.store.pending(txn, provider.now())
    if pending is None:
        return _expired()
    if not _csrf_ok(form.get("csrf"), request.cookies.get(cookie_name(provider)), pending):
        log.warning("consent POST with a missing or foreign CSRF token from %s", client_ip(request))
        provider.record_refusal(
            source_key(request), "owner", "consent", "refused_csrf", pending.client_id
        )
        return _error(
            403,
            "Form expired",
            "This form expired or was opened in another tab. "
            "Go back, reload the page and try again.",
        )
    params = AuthorizationParams.model_validate_json(pending.params)
    redirect = str(params.redirect_uri)
    if action == "deny":
        if provider.store.pop_pending(txn, provider.now()) is None:
            return _expired()
        provider.record("owner", "consent.deny", "denied", pending.client_id)
        return _redirect(
            construct_redirect_uri(
                redirect,
                error="access_denied",
                error_description="the owner denied access",
                state=params.state,
                iss=provider.issuer,
            )
        )
    if action not in ("approve_write", "approve_read"):
        return _error(400, "Unknown answer", "Press one of the buttons on the sign-in page.")
    limits = provider.settings.limits
    stored = provider.store.password_hash()
    checks = [(limits.login_per_ip, source_key(request))]
    if not _known_device(provider, request, stored):
        checks.append((limits.login_global, "*"))
    for limiter, key in checks:
        wait = limiter.hit(key)
        if wait:
            provider.record_refusal(
                source_key(request), "owner", "consent.login", "rate_limited", pending.client_id
            )
            response = _error(
                429,
                "Too many attempts",
                f"Too many password attempts. Wait {int(wait)} seconds, then try again.",
            )
            response.headers["Retry-After"] = str(int(wait))
            return response
    if stored is None:
        return _error(
            503,
            "Relay not set up",
            "No owner password is set on this relay yet. On the relay "
            "machine run `tether-relay set-password`, then start the connection again.",
        )
    password = form.get("password")
    ok = isinstance(password, str) and await asyncio.to_thread(verify_password, password, stored)
    if not ok:
        log.warning("wrong owner password on the consent page from %s", client_ip(request))
        provider.record_refusal(
            source_key(request), "owner", "consent.login", "refused_password", pending.client_id
        )
        return RedirectResponse(
            f"/consent?txn={txn}&error=password", status_code=303, headers=_secure_headers()
        )
    if provider.store.pop_pending(txn, provider.now()) is None:
        return _expired()
    granted = list(params.scopes or [sc.READ])
    if action == "approve_read":
        granted = [s for s in granted if s != sc.WRITE]
    code = provider.issue_code(pending.client_id, params, sc.normalise(granted))
    log.info("owner approved client %s for %s", pending.client_id, " ".join(granted))
    provider.record(
        "owner", "consent.approve", "approved", pending.client_id, scopes=sc.normalise(granted)
    )
    done = _redirect(
        construct_redirect_uri(redirect, code=code, state=params.state, iss=provider.issuer)
    )
    done.set_cookie(
        device_cookie_name(provider),
        _device_mark(stored),
        max_age=_DEVICE_COOKIE_AGE,
        path="/",
        secure=_is_https(provider),
        httponly=True,
        samesite="lax",
    )
    return done


_DEVICE_COOKIE_AGE = 400 * 86400  # the longest lifetime browsers keep


def device_cookie_name(provider: TetherOAuthProvider) -> str:
    return "__Host-tether_owner" if _is_https(provider) else "tether_owner"


def _device_mark(password_hash: str) -> str:
    return hmac.new(password_hash.encode(), b"tether-owner-device-v1", "sha256").hexdigest()


def _known_device(provider: TetherOAuthProvider, request: Request, stored: str | None) -> bool:
    """Whether this browser signed in as the owner before (with the current password)."""
    mark = request.cookies.get(device_cookie_name(provider))
    if stored is None or not mark:
        return False
    return hmac.compare_digest(mark.encode(), _device_mark(stored).encode())


def _redirect(url: str) -> Response:
    return RedirectResponse(url, status_code=303, headers=_secure_headers())
