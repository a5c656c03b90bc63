"""The owner's dashboard at ``/dashboard``: a phone-first web app on the relay.

``dashboard_routes(hub, provider, audit)`` returns the routes to mount before
the MCP app. Pieces:

* :mod:`server.web.signin`: the owner's password sign-in and the cookie session;
* :mod:`server.web.api`: the JSON API, the live output stream, recordings;
* :mod:`server.web.actions`: the hub calls behind them (the MCP tools' commands);
* :mod:`server.web.live`: live fan-out of stored output and its arrival times;
* :mod:`server.web.pages`: the HTML and the security headers;
* ``server/static/``: the built front-end (``scripts/build-web``): xterm.js,
  asciinema-player, the dashboard's own script and styles, the PWA manifest
  and service worker.
"""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from server.audit import AuditLog
from server.hub import Hub
from server.notify.webpush import WebPush
from server.oauth.provider import TetherOAuthProvider
from server.web import signin
from server.web.api import Api
from server.web.live import LiveOutput
from server.web.owner import OwnerSessions
from server.web.pages import render_app, security_headers
from server.web.push import PushApi
from server.web.signin import Guard

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"


def dashboard_routes(
    hub: Hub,
    provider: TetherOAuthProvider,
    audit: AuditLog,
    data_dir: Path,
    push: WebPush | None = None,
) -> list[BaseRoute]:
    guard = Guard(provider, audit, OwnerSessions())
    live = LiveOutput(data_dir / "recordings", hub.clock)
    hub.copies.on_stored.append(live.stored)
    api = Api(hub, guard, live)

    async def home(request: Request) -> Response:
        session = guard.session(request)
        if session is None:
            return RedirectResponse("/dashboard/login", 303, headers=security_headers())
        return HTMLResponse(render_app(session.csrf), headers=security_headers())

    async def bare(request: Request) -> Response:
        # The service worker's scope is /dashboard/: the app lives there.
        return RedirectResponse("/dashboard/", 308, headers=security_headers())

    async def show_login(request: Request) -> Response:
        return await signin.show_login(guard, request)

    async def login(request: Request) -> Response:
        return await signin.login(guard, request)

    async def logout(request: Request) -> Response:
        return await signin.logout(guard, request)

    def static(name: str, media_type: str) -> Route:
        async def serve(request: Request) -> Response:
            headers = {"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"}
            return FileResponse(STATIC_DIR / name, media_type=media_type, headers=headers)

        return Route(f"/dashboard/{name}", serve, methods=["GET"])

    api_base = "/dashboard/api"
    push_routes: list[BaseRoute] = []
    if push is not None:
        push_api = PushApi(guard, push)
        push_routes = [
            Route(f"{api_base}/push/key", push_api.key, methods=["GET"]),
            Route(f"{api_base}/push/subscribe", push_api.subscribe, methods=["POST"]),
            Route(f"{api_base}/push/unsubscribe", push_api.unsubscribe, methods=["POST"]),
        ]
    return [
        *push_routes,
        Route("/dashboard", bare, methods=["GET"]),
        Route("/dashboard/", home, methods=["GET"]),
        Route("/dashboard/login", show_login, methods=["GET"]),
        Route("/dashboard/login", login, methods=["POST"]),
        Route("/dashboard/logout", logout, methods=["POST"]),
        static("sw.js", "text/javascript"),
        static("manifest.webmanifest", "application/manifest+json"),
        Mount("/dashboard/static", app=StaticFiles(directory=STATIC_DIR), name="dashboard-static"),
        Route(f"{api_base}/overview", api.overview, methods=["GET"]),
        Route(f"{api_base}/sessions", api.start, methods=["POST"]),
        Route(f"{api_base}/sessions/{{session_id}}", api.session, methods=["GET"]),
        Route(f"{api_base}/sessions/{{session_id}}/stream", api.stream, methods=["GET"]),
        Route(f"{api_base}/sessions/{{session_id}}/text", api.text, methods=["POST"]),
        Route(f"{api_base}/sessions/{{session_id}}/keys", api.keys, methods=["POST"]),
        Route(f"{api_base}/sessions/{{session_id}}/stop", api.stop, methods=["POST"]),
        Route(f"{api_base}/sessions/{{session_id}}/recording.cast", api.recording, methods=["GET"]),
        Route("/dashboard/sessions/{session_id}/recording", api.player, methods=["GET"]),
        Route(f"{api_base}/prompts/{{prompt_id}}/answer", api.answer, methods=["POST"]),
    ]
