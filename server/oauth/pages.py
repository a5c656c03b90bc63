"""HTML for the owner's sign-in + consent page and its error page (pure).

Contract: every piece of client-supplied text goes through ``html.escape``; pages
load nothing external (no scripts, fonts, images), so the CSP can be
``default-src 'none'``; they are readable and tappable on a phone.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

_STYLE = """
body{font-family:system-ui,-apple-system,sans-serif;margin:0;padding:1.2rem;background:#f6f6f4;color:#1d1d1f}
main{max-width:28rem;margin:0 auto;background:#fff;border-radius:14px;padding:1.4rem;
box-shadow:0 1px 4px rgba(0,0,0,.08)}
h1{font-size:1.35rem;margin:0 0 .8rem}
p,li{font-size:1.05rem;line-height:1.45}
.host{font-family:ui-monospace,monospace;word-break:break-all;background:#f0f0ee;
padding:.1rem .3rem;border-radius:4px}
label{display:block;font-weight:600;margin:1rem 0 .4rem}
input[type=password]{width:100%;box-sizing:border-box;font-size:1.15rem;padding:.8rem;
border:1px solid #bbb;border-radius:10px}
button{display:block;width:100%;font-size:1.15rem;padding:1rem;margin-top:.8rem;border:0;
border-radius:12px}
.primary{background:#1a5fd0;color:#fff}.secondary{background:#e4e9f5;color:#1a3a7a}
.deny{background:#eee;color:#333}
.error{background:#fde8e8;color:#8a1c1c;padding:.7rem;border-radius:8px}
"""


def _page(title: str, body: str) -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body><main>{body}</main></body></html>"
    )


@dataclass(frozen=True)
class ConsentView:
    txn: str
    csrf: str
    client_name: str
    redirect_host: str
    scopes: list[tuple[str, str]]  # (scope, description)
    can_write: bool
    error: str | None = None
    password_set: bool = True
    client_host: str | None = None  # for URL client ids (CIMD): who vouches for the name


def render_consent(v: ConsentView) -> str:
    items = "".join(f"<li>{escape(desc)}</li>" for _, desc in v.scopes)
    error = f'<p class="error" role="alert">{escape(v.error)}</p>' if v.error else ""
    if not v.password_set:
        return render_error(
            "Relay not set up",
            "No owner password is set on this relay yet. On the relay machine run "
            "`tether-relay set-password`, then start the connection again from your app.",
        )
    write_button = (
        '<button class="primary" type="submit" name="action" value="approve_write">'
        "Allow read and write</button>"
        if v.can_write
        else ""
    )
    read_class = "secondary" if v.can_write else "primary"
    body = (
        f"<h1>Connect {escape(v.client_name)} to Tether?</h1>{error}"
        + (
            f'<p>Identified by <span class="host">{escape(v.client_host)}</span></p>'
            if v.client_host
            else ""
        )
        + f"<p><strong>{escape(v.client_name)}</strong> asks to:</p><ul>{items}</ul>"
        "<p>After you answer you will be sent to "
        f'<span class="host">{escape(v.redirect_host)}</span>. '
        "If you did not start this from your own app, press Deny.</p>"
        '<form method="post" action="/consent">'
        f'<input type="hidden" name="txn" value="{escape(v.txn)}">'
        f'<input type="hidden" name="csrf" value="{escape(v.csrf)}">'
        '<label for="password">Relay owner password</label>'
        '<input id="password" type="password" name="password" autocomplete="current-password">'
        f"{write_button}"
        f'<button class="{read_class}" type="submit" name="action" value="approve_read">'
        "Allow read only</button>"
        '<button class="deny" type="submit" name="action" value="deny">Deny</button>'
        "</form>"
    )
    return _page("Connect to Tether", body)


def render_error(title: str, message: str) -> str:
    return _page(title, f"<h1>{escape(title)}</h1><p>{escape(message)}</p>")
