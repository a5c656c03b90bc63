"""The answer page: a notification's link opens it; a fresh owner sign-in answers the prompt.

Routes (all under ``/answer/<link token>``; see ``server/notify/links.py``):

* ``GET``: the page shell; sets a visit cookie (HttpOnly, SameSite=Strict,
  path-bound to this link) carrying nothing but a random visit id;
* ``POST /state``, ``/signin``, ``/passkey-options``, ``/passkey``,
  ``/respond``, ``/approve``, ``/register-options``, ``/register``: JSON,
  each checked for the visit cookie, the CSRF token of that visit in the
  ``X-Tether-CSRF`` header, and an ``Origin`` equal to the relay's own.

Contracts: the link alone shows nothing: the owner signs in again on the page
(owner password, or a passkey registered on the relay), valid five minutes and
for this link only; five wrong passwords end the visit. The prompt is shown as
it is on screen now (``check_prompts``); an answer goes through the
supervisor's stale-answer guard like ``respond_to_prompt``, so a tap on an old
notification is refused with what is on screen now. The link is spent by the
first answer (accepted or refused). A prompt the supervisor holds for a person
(``approval_required``) is answered only with a passkey assertion over the
supervisor's own challenge, which the supervisor verifies. Every page is
``frame-ancestors 'none'`` with a strict CSP (same-origin script, no inline code).
"""

from __future__ import annotations

import asyncio
import hmac
import secrets
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from server.answer_assets import CSS, JS, shell
from server.audit import AuditLog
from server.hub import Hub
from server.notify.links import AnswerLink, AnswerLinks
from server.oauth.passwords import verify_password
from server.oauth.ratelimit import RateLimiter
from server.passkeys import PasskeyError, Passkeys
from shared import protocol as wire
from shared.backend import new_request_id
from shared.errors import TetherError

SIGNIN_TTL = 300.0
MAX_ATTEMPTS = 5  # wrong passwords per visit
MAX_LINK_FAILURES = 10  # wrong passwords per link, then the link is spent
MAX_VISITS = 256
COOKIE = "tether_answer"
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


def secure_headers() -> dict[str, str]:
    return {
        "Content-Security-Policy": CSP,
        "X-Frame-Options": "DENY",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Cache-Control": "no-store",
        "Cross-Origin-Opener-Policy": "same-origin",
    }


@dataclass
class _Visit:
    token: str
    csrf: str
    expires_at: float
    signed_in_until: float = 0.0
    attempts: int = 0
    challenge: bytes | None = None  # passkey sign-in or registration, on the relay
    preselect: str | None = None  # the option a notification's action button named


Handler = Callable[[Request, "_Visit", AnswerLink], Awaitable[dict[str, Any]]]


class AnswerPage:
    def __init__(
        self,
        hub: Hub,
        links: AnswerLinks,
        passkeys: Passkeys,
        password_hash: Callable[[], str | None],
        audit: AuditLog | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.hub, self.links, self.passkeys = hub, links, passkeys
        self.password_hash, self.audit, self.clock = password_hash, audit, clock
        self._visits: dict[str, _Visit] = {}
        # Every page's password sign-ins together: a leaked link cannot be used to guess.
        self.signins = RateLimiter(per_minute=20, burst=20)

    def routes(self) -> list[Route]:
        posts: dict[str, Handler] = {
            "state": self._state,
            "signin": self._signin,
            "passkey-options": self._passkey_options,
            "passkey": self._passkey,
            "respond": self._respond,
            "approve": self._approve,
            "cancel": self._cancel,
            "register-options": self._register_options,
            "register": self._register,
        }
        routes = [
            Route("/answer-assets/answer.js", self._asset("application/javascript", JS)),
            Route("/answer-assets/answer.css", self._asset("text/css", CSS)),
            Route("/answer/{token}", self._page, methods=["GET"]),
        ]
        for name, handler in posts.items():
            routes.append(Route(f"/answer/{{token}}/{name}", self._json(handler), methods=["POST"]))
        return routes

    # ------------------------------------------------------------ plumbing

    def _asset(self, media: str, body: str) -> Callable[[Request], Awaitable[Response]]:
        async def serve(request: Request) -> Response:
            headers = secure_headers() | {"Cache-Control": "public, max-age=300"}
            return Response(body, media_type=media, headers=headers)

        return serve

    async def _page(self, request: Request) -> Response:
        token = request.path_params["token"]
        now = self.clock()
        if self.links.get(token, now) is None:
            return HTMLResponse(
                "<!doctype html><title>Link expired</title><p>This answer link has expired or "
                "was already used. Open the latest Tether notification, or ask the chat.</p>",
                status_code=410,
                headers=secure_headers(),
            )
        for vid in [k for k, v in self._visits.items() if v.expires_at <= now]:
            del self._visits[vid]
        while len(self._visits) >= MAX_VISITS:
            del self._visits[next(iter(self._visits))]
        visit_id, csrf = secrets.token_urlsafe(24), secrets.token_urlsafe(24)
        self._visits[visit_id] = _Visit(token, csrf, now + 900)
        response = HTMLResponse(shell(csrf, token), headers=secure_headers())
        response.set_cookie(
            COOKIE,
            visit_id,
            max_age=900,
            path=f"/answer/{token}",
            httponly=True,
            samesite="strict",
            secure=self.passkeys.origin.startswith("https://"),
        )
        return response

    def _json(self, handler: Handler) -> Callable[[Request], Awaitable[Response]]:
        async def serve(request: Request) -> Response:
            token = request.path_params["token"]
            refusal = self._refuse(request, token)
            if refusal is not None:
                return JSONResponse(
                    {"status": "error", "message": refusal}, 403, headers=secure_headers()
                )
            visit = self._visits[request.cookies[COOKIE]]
            link = self.links.get(token, self.clock())
            if link is None:
                body: dict[str, Any] = _error("This answer link has expired or was already used.")
            else:
                try:
                    payload = await request.json()
                except ValueError:
                    payload = None
                if not isinstance(payload, dict):
                    body = _error("The page sent a malformed request; reload it.")
                else:
                    request.state.payload = payload
                    body = await handler(request, visit, link)
            return JSONResponse(body, headers=secure_headers())

        return serve

    def _refuse(self, request: Request, token: str) -> str | None:
        if request.headers.get("origin") != self.passkeys.origin:
            return "Requests must come from the relay's own page."
        if not request.headers.get("content-type", "").startswith("application/json"):
            return "Requests must be JSON."
        visit = self._visits.get(request.cookies.get(COOKIE, ""))
        sent = request.headers.get("x-tether-csrf", "")
        if visit is None or visit.token != token or visit.expires_at <= self.clock():
            return "This page has expired; open the link again."
        if not hmac.compare_digest(sent.encode(), visit.csrf.encode()):
            return "This page has expired; open the link again."
        return None

    def _signed_in(self, visit: _Visit) -> bool:
        return visit.signed_in_until > self.clock()

    def _record(self, action: str, link: AnswerLink, result: str) -> None:
        if self.audit is not None:
            self.audit.record(
                actor="owner:answer-page",
                kind="notification",
                action=action,
                result=result[:200],
                host=link.host,
                session=link.prompt.session_id,
                detail={"prompt_id": link.prompt.prompt_id},
            )

    # ------------------------------------------------------------ sign-in

    async def _state(self, request: Request, visit: _Visit, link: AnswerLink) -> dict[str, Any]:
        preselect = request.state.payload.get("preselect")
        if isinstance(preselect, str) and preselect.isdigit():
            visit.preselect = preselect[:3]
        if not self._signed_in(visit):
            return {"status": "signin", "passkeys": self.passkeys.count() > 0}
        return await self._view(link, visit.preselect)

    async def _signin(self, request: Request, visit: _Visit, link: AnswerLink) -> dict[str, Any]:
        password = request.state.payload.get("password")
        stored = self.password_hash()
        visit.attempts += 1
        if self.signins.hit("answer-page") > 0:
            return _error("Too many sign-in attempts on this relay; wait a minute and retry.")
        if visit.attempts > MAX_ATTEMPTS:
            visit.expires_at = 0
            self._record("signin", link, "refused: too many attempts")
            return _error("Too many wrong passwords; open the link again later.")
        ok = (
            isinstance(password, str)
            and stored is not None
            and await asyncio.to_thread(verify_password, password, stored)
        )
        self._record("signin_password", link, "ok" if ok else "wrong password")
        if not ok:
            link.failures += 1
            if link.failures >= MAX_LINK_FAILURES:
                self.links.spend(request.path_params["token"])
                return _error("Too many wrong passwords: this link no longer works.")
            return {
                "status": "signin",
                "passkeys": self.passkeys.count() > 0,
                "message": "Wrong password.",
            }
        visit.signed_in_until = self.clock() + SIGNIN_TTL
        return await self._view(link, visit.preselect)

    async def _passkey_options(
        self, request: Request, visit: _Visit, link: AnswerLink
    ) -> dict[str, Any]:
        if self.passkeys.count() == 0:
            return _error("No passkey is registered on this relay; sign in with the password.")
        options, visit.challenge = self.passkeys.authentication_options()
        return {"status": "options", "options": options}

    async def _passkey(self, request: Request, visit: _Visit, link: AnswerLink) -> dict[str, Any]:
        challenge, visit.challenge = visit.challenge, None
        assertion = request.state.payload.get("assertion")
        if challenge is None or not isinstance(assertion, str):
            return _error("Start the passkey sign-in again.")
        try:
            self.passkeys.verify_authentication(assertion, challenge)
        except PasskeyError as exc:
            self._record("signin_passkey", link, "refused")
            return {"status": "signin", "passkeys": True, "message": str(exc)}
        self._record("signin_passkey", link, "ok")
        visit.signed_in_until = self.clock() + SIGNIN_TTL
        return await self._view(link, visit.preselect)

    # ------------------------------------------------------------ the prompt

    async def _view(self, link: AnswerLink, preselect: str | None) -> dict[str, Any]:
        prompt = link.prompt
        now = await self._current(prompt.session_id)
        if isinstance(now, str):
            return _error(now)
        if prompt.prompt_id not in {p.prompt_id for p in now}:
            return _stale("This prompt is no longer waiting.", now)
        current = next(p for p in now if p.prompt_id == prompt.prompt_id)
        return {
            "status": "prompt",
            "host": link.host,
            "session": link.session_name,
            "question": current.question,
            "kind": current.kind.value,
            "options": [{"number": o.number, "label": o.label} for o in current.options],
            "preselect": preselect,
        }

    async def _current(self, session_id: str) -> list[wire.Prompt] | str:
        cmd = wire.CheckPrompts(request_id=new_request_id(), session_id=session_id)
        try:
            reply = await self.hub.call(cmd, session_id=session_id, timeout=10.0)
        except TetherError as exc:
            return str(exc)
        if isinstance(reply, wire.PromptsChecked):
            return list(reply.prompts)
        return "The computer could not say what is on screen; try again."

    async def _respond(self, request: Request, visit: _Visit, link: AnswerLink) -> dict[str, Any]:
        if not self._signed_in(visit):
            return {"status": "signin", "passkeys": self.passkeys.count() > 0}
        answer = request.state.payload.get("answer")
        if not isinstance(answer, str) or len(answer) > 1000:
            return _error("Pick one of the options.")
        pid, sid = link.prompt.prompt_id, link.prompt.session_id
        reply = await self._call(
            wire.AnswerPrompt(request_id=new_request_id(), prompt_id=pid, answer=answer), sid
        )
        if isinstance(reply, wire.RequestFailed) and (
            reply.error.code is wire.ErrorCode.APPROVAL_REQUIRED
        ):
            prepared = await self._call(
                wire.PrepareApproval(request_id=new_request_id(), prompt_id=pid, answer=answer), sid
            )
            if isinstance(prepared, wire.ApprovalPrepared):
                self._record("approval_prepared", link, "passkey asked")
                return {
                    "status": "approval_needed",
                    "host": link.host,
                    **prepared.model_dump(
                        include={"answer", "message", "challenge", "rp_id", "credential_ids"}
                    ),
                }
            reply = prepared
        return await self._outcome(link, reply, "answer")

    async def _approve(self, request: Request, visit: _Visit, link: AnswerLink) -> dict[str, Any]:
        assertion = request.state.payload.get("assertion")
        if not self._signed_in(visit) or not isinstance(assertion, str):
            return _error("Sign in again, then approve.")
        cmd = wire.ApprovePrompt(
            request_id=new_request_id(), prompt_id=link.prompt.prompt_id, assertion=assertion
        )
        return await self._outcome(link, await self._call(cmd, link.prompt.session_id), "approve")

    async def _cancel(self, request: Request, visit: _Visit, link: AnswerLink) -> dict[str, Any]:
        """Esc on the prompt this link opened: denies a held prompt without a passkey."""
        if not self._signed_in(visit):
            return {"status": "signin", "passkeys": self.passkeys.count() > 0}
        prompt = link.prompt
        now = await self._current(prompt.session_id)
        if isinstance(now, str):
            return _error(now)
        if prompt.prompt_id not in {p.prompt_id for p in now}:
            self.links.spend_prompt(prompt.prompt_id)
            return _stale("This prompt is no longer waiting; nothing was pressed.", now)
        keys = wire.SendKeys(
            request_id=new_request_id(), session_id=prompt.session_id, keys=[wire.Key.ESC]
        )
        reply = await self._call(keys, prompt.session_id)
        if isinstance(reply, wire.KeysSent):
            self.links.spend_prompt(prompt.prompt_id)
            self._record("cancel", link, "pressed Esc")
            return {"status": "answered", "message": "Denied: pressed Esc on the prompt."}
        return await self._outcome(link, reply, "cancel")

    async def _outcome(
        self, link: AnswerLink, reply: wire.Reply | str, action: str
    ) -> dict[str, Any]:
        if isinstance(reply, str):
            self._record(action, link, f"failed: {reply}")
            return _error(reply)
        if isinstance(reply, wire.PromptAnswered):
            self.links.spend_prompt(link.prompt.prompt_id)
            self._record(action, link, f"sent {reply.sent}")
            gone = "" if reply.prompt_gone else " (the prompt is still on screen)"
            return {"status": "answered", "message": f"Answered: sent {reply.sent}.{gone}"}
        if isinstance(reply, wire.RequestFailed):
            code = reply.error.code
            self._record(action, link, f"refused: {code.value}")
            if code in (wire.ErrorCode.PROMPT_STALE, wire.ErrorCode.PROMPT_UNKNOWN):
                self.links.spend_prompt(link.prompt.prompt_id)
                now = await self._current(link.prompt.session_id)
                return _stale(f"Refused: {reply.error.message}.", now)
            return _error(f"Refused: {reply.error.message}. {reply.error.hint}".strip())
        return _error("The computer gave an unexpected answer; nothing more is known.")

    async def _call(self, cmd: wire.Command, session_id: str) -> wire.Reply | str:
        try:
            return await self.hub.call(cmd, session_id=session_id, timeout=20.0)
        except TetherError as exc:
            return str(exc)

    # ------------------------------------------------------------ passkey enrolment

    async def _register_options(
        self, request: Request, visit: _Visit, link: AnswerLink
    ) -> dict[str, Any]:
        if not self._signed_in(visit):
            return {"status": "signin", "passkeys": self.passkeys.count() > 0}
        options, visit.challenge = self.passkeys.registration_options()
        return {"status": "options", "options": options}

    async def _register(self, request: Request, visit: _Visit, link: AnswerLink) -> dict[str, Any]:
        p = request.state.payload
        registration, mac, label = p.get("registration"), p.get("mac"), p.get("label", "")
        challenge, visit.challenge = visit.challenge, None
        if not self._signed_in(visit) or challenge is None:
            return _error("Sign in again, then register the passkey.")
        if not isinstance(registration, str) or not isinstance(mac, str):
            return _error("The page sent an incomplete registration; reload it.")
        try:
            self.passkeys.verify_registration(registration, challenge, str(label))
        except PasskeyError as exc:
            return _error(str(exc))
        cmd = wire.RegisterApprover(
            request_id=new_request_id(), registration=registration, mac=mac, label=str(label)[:100]
        )
        try:
            reply = await self.hub.call(cmd, host=link.host, timeout=20.0)
        except TetherError as exc:
            return _error(str(exc))
        if isinstance(reply, wire.ApproverRegistered):
            self._record("approver_registered", link, "ok")
            return {"status": "registered"}
        message = reply.error.message if isinstance(reply, wire.RequestFailed) else reply.type
        self._record("approver_registered", link, f"refused: {message}")
        return _error(f"The computer refused the passkey: {message}")


def _error(message: str) -> dict[str, Any]:
    return {"status": "error", "message": message}


def _stale(message: str, now: list[wire.Prompt] | str) -> dict[str, Any]:
    if isinstance(now, str):
        return {"status": "stale", "message": f"{message} {now}"}
    shown = "\n\n".join(
        "\n".join([p.question, *(f"{o.number}. {o.label}" for o in p.options)]) for p in now
    )
    return {"status": "stale", "message": message, "now": shown or "No prompt is waiting now."}
