"""HTML of the dashboard's pages (pure): sign-in, the app shell, the recording player.

Contract: every value from a request or a supervisor goes through
``html.escape``; pages load only the relay's own files under
``/dashboard/static/`` (no inline script, no third-party origin), so the CSP
(:func:`security_headers`) can say ``script-src 'self'``.
"""

from __future__ import annotations

from html import escape

STATIC = "/dashboard/static"


def security_headers(*, wasm: bool = False) -> dict[str, str]:
    """Headers for every dashboard response: strict CSP, no framing, no caching.

    Styles allow 'unsafe-inline' because xterm.js and asciinema-player position
    their cells with inline styles; scripts never run inline. ``wasm``: the
    player's terminal emulator is WebAssembly, which needs 'wasm-unsafe-eval'.
    """
    script = "'self' 'wasm-unsafe-eval'" if wasm else "'self'"
    return {
        "Content-Security-Policy": (
            f"default-src 'none'; script-src {script}; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            "manifest-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'self'; "
            "frame-ancestors 'none'"
        ),
        "X-Frame-Options": "DENY",
        "X-Content-Type-Options": "nosniff",
        # same-origin, not no-referrer: with no-referrer a form POST carries "Origin: null",
        # which the Host/Origin guard (rightly) refuses.
        "Referrer-Policy": "same-origin",
        "Cache-Control": "no-store",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    }


def _head(title: str, extra: str = "") -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">'
        '<meta name="theme-color" content="#14161a">'
        '<meta name="referrer" content="same-origin">'
        '<link rel="manifest" href="/dashboard/manifest.webmanifest">'
        f'<link rel="icon" href="{STATIC}/icon.svg" type="image/svg+xml">'
        f'<link rel="apple-touch-icon" href="{STATIC}/icon-192.png">'
        f'<link rel="stylesheet" href="{STATIC}/dashboard.css">{extra}'
        f"<title>{escape(title)}</title></head>"
    )


def render_login(csrf: str, error: str | None = None) -> str:
    alert = f'<p class="alert" role="alert">{escape(error)}</p>' if error else ""
    return (
        _head("Sign in · Tether") + '<body class="login"><main class="login-box"><h1>Tether</h1>'
        "<p>Sign in with the owner password of this relay.</p>"
        f'{alert}<form method="post" action="/dashboard/login">'
        f'<input type="hidden" name="csrf" value="{escape(csrf)}">'
        '<label for="password">Owner password</label>'
        '<input id="password" name="password" type="password" autocomplete="current-password" '
        "required autofocus>"
        '<button class="primary" type="submit">Sign in</button></form></main></body></html>'
    )


def render_app(csrf: str) -> str:
    """The dashboard shell; ``dashboard.js`` draws the lists and the session pages in it."""
    return (
        _head("Tether", f'<meta name="tether-csrf" content="{escape(csrf)}">')
        + '<body><div id="app" aria-live="polite"></div>'
        f'<script src="{STATIC}/dashboard.js"></script></body></html>'
    )


def render_player(session_id: str, title: str) -> str:
    sid = escape(session_id)
    return (
        _head(
            f"Recording · {title}",
            f'<link rel="stylesheet" href="{STATIC}/player.css">',
        )
        + '<body class="player-page"><header class="bar">'
        f'<a class="back" href="/dashboard/#/s/{sid}" aria-label="Back">‹</a>'
        f'<h1 class="title">{escape(title)}</h1></header>'
        f'<main><div id="player" data-src="/dashboard/api/sessions/{sid}/recording.cast"></div>'
        f'<p><a class="button" href="/dashboard/api/sessions/{sid}/recording.cast?download=1" '
        "download>Download (.cast)</a></p></main>"
        f'<script src="{STATIC}/player.js"></script></body></html>'
    )


def render_error(title: str, message: str) -> str:
    return (
        _head(f"{title} · Tether")
        + f'<body class="login"><main class="login-box"><h1>{escape(title)}</h1>'
        f'<p>{escape(message)}</p><p><a href="/dashboard/">Back to the dashboard</a></p>'
        "</main></body></html>"
    )
