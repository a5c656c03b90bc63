"""``GET /approve/<prompt_id>``: the approval card's "approve on your phone" link.

The card in the chat knows only the prompt id, never an answer link (those
are minted by the relay and sent to the owner's channels). This route turns
the id into a fresh answer link and redirects (303) to ``/answer/<token>``.

Contracts: it grants nothing by itself. The answer page it leads to still
demands a fresh owner sign-in, and the supervisor's passkey step-up for a
prompt it holds for a person; the link minted here is the same single-use,
short-lived link a notification carries (``server/notify/links.py``). A link
is minted only for a prompt the supervisor says is waiting on that session
now (``check_prompts``); an unknown, answered or changed prompt gets one page
that says it is no longer waiting, with no link, and reveals nothing of the
screen (this route has no sign-in). Malformed ids are refused before any
look-up. Calls share the answer page's rate limiter (a bucket of their own),
so a flood can neither mint many links nor probe many ids. Every minted link is
audited; refusals too, aggregated per source address as other unauthenticated
events are.
Pages carry the answer page's strict CSP and forbid framing.
"""

from __future__ import annotations

import re
from html import escape

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from server.answer_page import AnswerPage, secure_headers
from shared import protocol as wire
from shared.backend import new_request_id
from shared.errors import TetherError

# The shape respond_to_prompt accepts (``shared.mcp.args.PROMPT_ID_PATTERN``; the relay's
# routes stay out of the tool layer, and tests/test_approve_link.py keeps the two equal).
PROMPT_ID_PATTERN = r"^[A-Za-z0-9_-]{8,64}:[A-Za-z0-9_-]{1,60}$"
_PROMPT_ID = re.compile(PROMPT_ID_PATTERN)
BUCKET = "approve-link"


class ApproveLink:
    """The route, over the answer page's hub, links, limiter and audit log."""

    def __init__(self, page: AnswerPage) -> None:
        self.page = page

    def routes(self) -> list[Route]:
        return [Route("/approve/{prompt_id}", self._get, methods=["GET"])]

    async def _get(self, request: Request) -> Response:
        prompt_id = request.path_params["prompt_id"]
        source = request.client.host if request.client is not None else "unknown"
        if not _PROMPT_ID.fullmatch(prompt_id):
            self._audit(source, None, "refused: malformed prompt id")
            return _page(
                "Not a prompt link",
                "This is not a valid approval link. Open it from the approval card in the chat, "
                "or from the latest Tether notification.",
                400,
            )
        wait = self.page.signins.hit(BUCKET)
        if wait > 0:
            self._audit(source, None, "refused: rate limited")
            response = _page(
                "Too many requests",
                "Too many approval links were opened on this relay; wait a minute and retry.",
                429,
            )
            response.headers["Retry-After"] = str(int(wait))
            return response
        session_id = prompt_id.split(":", 1)[0]
        host = self.page.hub.host_of(session_id)
        prompt: wire.Prompt | None = None
        if host is not None:
            cmd = wire.CheckPrompts(request_id=new_request_id(), session_id=session_id)
            try:
                reply = await self.page.hub.call(cmd, session_id=session_id, timeout=10.0)
            except TetherError as exc:
                self._audit(source, session_id, "failed: computer unreachable")
                return _page(
                    "Computer not reachable",
                    f"The relay could not ask the computer about this prompt: {exc} "
                    "Try again when the computer is online.",
                    503,
                )
            if isinstance(reply, wire.PromptsChecked):
                prompt = next((p for p in reply.prompts if p.prompt_id == prompt_id), None)
        if host is None or prompt is None:
            # One answer for unknown and stale ids alike: the page cannot be used to probe.
            self._audit(source, session_id if host else None, "refused: not waiting")
            return _page(
                "No longer waiting",
                "This prompt is no longer waiting: it was answered, changed or ended. "
                "Ask the chat what the session shows now, or open the latest notification.",
                410,
            )
        known = self.page.hub.sessions.get(session_id)
        name = known.info.name if known is not None and known.info is not None else ""
        token = self.page.links.issue(prompt, host, name, self.page.clock())
        if self.page.audit is not None:
            # Rate limited, so written row by row: each minted link is on record.
            self.page.audit.record(
                actor="anonymous:approve-link",
                kind="notification",
                action="approve_link",
                result="ok: answer link issued",
                host=host,
                session=session_id,
                detail={"prompt_id": prompt_id, "source": source},
            )
        return RedirectResponse(f"/answer/{token}", status_code=303, headers=secure_headers())

    def _audit(self, source: str, session: str | None, result: str) -> None:
        """A refusal anyone can cause: aggregated per source (``server/audit_flood.py``)."""
        if self.page.audit is not None:
            self.page.audit.record_unauthenticated(
                source=source,
                actor="anonymous:approve-link",
                kind="notification",
                action="approve_link",
                result=result,
                session=session,
            )


def _page(title: str, text: str, status: int) -> HTMLResponse:
    title, text = escape(title), escape(text)
    body = f"<!doctype html><title>{title}</title><h1>{title}</h1><p>{text}</p>"
    return HTMLResponse(body, status_code=status, headers=secure_headers())
