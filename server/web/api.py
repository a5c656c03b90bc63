"""The dashboard's JSON API, its live output stream (SSE) and recordings.

Every route needs the owner's session cookie (:class:`server.web.signin.Guard`);
every state change also needs the session's CSRF token. Actions go through
:mod:`server.web.actions` (the hub, as the MCP tools do) and are written to the
audit log as ``owner:dashboard``.

The live stream (``GET /dashboard/api/sessions/<id>/stream``) is Server-Sent
Events with the supervisor link's offsets: each event's ``id`` is the offset
one past its bytes and its data ``{"o": offset, "d": base64}``. A new stream
starts at ``?from=`` (or the browser's ``Last-Event-ID`` after a reconnect, or
the oldest byte the relay keeps), catches up from the relay's stored copy,
then follows live output without a gap or a repeat: bytes before the reader's
position are cut, and a gap (a dropped subscriber) is filled from the store.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from pydantic import BaseModel, ValidationError
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response, StreamingResponse

from server.audit import AuditKind
from server.hub import Hub
from server.web import actions
from server.web.live import LiveOutput, build_cast
from server.web.pages import render_player, security_headers
from server.web.signin import Guard, json_error
from shared.errors import HostOffline, SessionUnknown, TetherError

log = logging.getLogger(__name__)

CATCH_UP_BYTES = 256 * 1024  # per event while catching up from the store
KEEPALIVE = 15.0  # seconds between SSE comments on a quiet stream
MAX_BODY = 64 * 1024
RECORDING_BYTES = 64 * 1024 * 1024  # more than any store keeps per session

Handler = Callable[[Request], Awaitable[Response]]


class Api:
    def __init__(self, hub: Hub, guard: Guard, live: LiveOutput) -> None:
        self.hub, self.guard, self.live = hub, guard, live

    # ------------------------------------------------------------ reads

    async def overview(self, request: Request) -> Response:
        if self.guard.session(request) is None:
            return _signed_out()
        return _json(await actions.overview(self.hub))

    async def session(self, request: Request) -> Response:
        if self.guard.session(request) is None:
            return _signed_out()
        sid = request.path_params["session_id"]
        if not actions.valid_session_id(sid):
            return json_error(404, "There is no such session. Go back to the list.")
        try:
            return _json(await actions.session_status(self.hub, sid))
        except TetherError as exc:
            return _failed(exc)

    async def stream(self, request: Request) -> Response:
        if self.guard.session(request) is None:
            return _signed_out()
        sid = request.path_params["session_id"]
        if not actions.valid_session_id(sid) or self.hub.store.session(sid) is None:
            return json_error(404, "This session has no output at the relay yet.")
        raw = request.headers.get("last-event-id") or request.query_params.get("from") or "0"
        if not raw.isdigit() or len(raw) > 18:
            return json_error(400, "'from' must be a byte offset (a whole number, 0 or more).")
        headers = {**security_headers(), "X-Accel-Buffering": "no"}
        return StreamingResponse(
            self._events(sid, int(raw)), media_type="text/event-stream", headers=headers
        )

    async def _events(self, sid: str, position: int) -> AsyncIterator[str]:
        queue = self.live.subscribe(sid)
        try:
            position, events = self._catch_up(sid, position)
            for event in events:
                yield event
            yield "retry: 1000\n\n"
            while True:
                try:
                    chunk = await asyncio.wait_for(queue.get(), KEEPALIVE)
                except TimeoutError:
                    yield ": keepalive\n\n"
                    continue
                if chunk is None:
                    return  # fell behind: the browser reconnects from its last id
                offset, data = chunk
                if offset > position:  # missed bytes: the store has them
                    position, events = self._catch_up(sid, position)
                    for event in events:
                        yield event
                    continue
                fresh = data[position - offset :]
                if fresh:
                    yield _event(position, fresh)
                    position += len(fresh)
        finally:
            self.live.unsubscribe(sid, queue)

    def _catch_up(self, sid: str, position: int) -> tuple[int, list[str]]:
        events: list[str] = []
        while True:
            read = self.hub.store.read_output(sid, position, CATCH_UP_BYTES)
            if not read.data:
                return max(position, read.start), events
            events.append(_event(read.start, read.data))
            position = read.start + len(read.data)

    async def recording(self, request: Request) -> Response:
        if self.guard.session(request) is None:
            return _signed_out()
        sid = request.path_params["session_id"]
        kept = self.hub.store.session(sid) if actions.valid_session_id(sid) else None
        if kept is None:
            return json_error(404, "The relay has no output of this session, so no recording.")
        read = self.hub.store.read_output(sid, 0, RECORDING_BYTES)
        info = kept.info
        cast = build_cast(
            read.start,
            read.data,
            self.live.marks(sid),
            title=info.name if info else sid,
            started_at=info.started_at if info else None,
        )
        headers = security_headers()
        if request.query_params.get("download"):
            headers["Content-Disposition"] = f'attachment; filename="tether-{sid}.cast"'
        return Response(cast, media_type="application/x-asciicast", headers=headers)

    async def player(self, request: Request) -> Response:
        if self.guard.session(request) is None:
            return Response(status_code=303, headers={"Location": "/dashboard/login"})
        sid = request.path_params["session_id"]
        kept = self.hub.store.session(sid) if actions.valid_session_id(sid) else None
        if kept is None:
            return HTMLResponse("No such recording.", 404, headers=security_headers())
        title = kept.info.name if kept.info else sid
        return HTMLResponse(render_player(sid, title), headers=security_headers(wasm=True))

    # ------------------------------------------------------------ actions

    async def start(self, request: Request) -> Response:
        return await self._act(request, "start_session", actions.StartBody, self._start)

    async def _start(self, request: Request, body: Any) -> dict[str, Any]:
        return await actions.start(self.hub, body)

    async def text(self, request: Request) -> Response:
        return await self._act(
            request,
            "send_text",
            actions.TextBody,
            lambda r, b: actions.send_text(self.hub, r.path_params["session_id"], b),
        )

    async def keys(self, request: Request) -> Response:
        return await self._act(
            request,
            "send_keys",
            actions.KeysBody,
            lambda r, b: actions.press(self.hub, r.path_params["session_id"], b),
        )

    async def stop(self, request: Request) -> Response:
        return await self._act(
            request,
            "stop_session",
            None,
            lambda r, b: actions.stop(self.hub, r.path_params["session_id"]),
        )

    async def answer(self, request: Request) -> Response:
        return await self._act(
            request,
            "answer_prompt",
            actions.AnswerBody,
            lambda r, b: actions.answer(self.hub, r.path_params["prompt_id"], b),
        )

    async def _act(
        self,
        request: Request,
        name: str,
        model: type[BaseModel] | None,
        run: Callable[[Request, Any], Awaitable[dict[str, Any]]],
    ) -> Response:
        session = self.guard.session(request)
        if session is None:
            return _signed_out()
        refused = self.guard.refuse_write(request, session)
        if refused is not None:
            return refused
        sid = request.path_params.get("session_id")
        pid = request.path_params.get("prompt_id")
        if sid is not None and not actions.valid_session_id(sid):
            return json_error(404, "There is no such session. Go back to the list.")
        if pid is not None and not actions.valid_prompt_id(pid):
            return json_error(404, "There is no such prompt. Reload the session.")
        body: Any = None
        args: dict[str, Any] = {}
        if model is not None:
            try:
                raw = await request.body()
                if len(raw) > MAX_BODY:
                    return json_error(413, "That is too much text at once; send less.")
                args = json.loads(raw or b"{}")
                body = model.model_validate(args)
            except (ValueError, ValidationError) as exc:
                return json_error(400, _validation_text(exc))
        result = "error"
        try:
            answer = await run(request, body)
            result = "ok"
            return _json(answer)
        except TetherError as exc:
            result = "failed"
            return _failed(exc)
        finally:
            self.guard.audit.record(
                actor="owner:dashboard",
                kind=AuditKind.TOOL_CALL,
                action=f"dashboard.{name}",
                result=result,
                host=args.get("host") if isinstance(args.get("host"), str) else None,
                session=sid or (pid.rsplit(":", 1)[0] if pid else None),
                detail=args if isinstance(args, dict) else None,
            )


def _event(offset: int, data: bytes) -> str:
    payload = json.dumps({"o": offset, "d": base64.b64encode(data).decode("ascii")})
    return f"id: {offset + len(data)}\ndata: {payload}\n\n"


def _json(body: dict[str, Any]) -> JSONResponse:
    return JSONResponse(body, headers=security_headers())


def _signed_out() -> JSONResponse:
    return json_error(401, "You are signed out. Sign in again.")


def _failed(exc: TetherError) -> JSONResponse:
    status = (
        404 if isinstance(exc, SessionUnknown) else 503 if isinstance(exc, HostOffline) else 409
    )
    return json_error(status, actions.error_text(exc))


def _validation_text(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "the request"
        return f"{where}: {first['msg']}."
    return "The request was not valid JSON. Reload the page and try again."
