"""Redirect-URI policy for dynamic client registration (pure).

Contract:
- ``check_registrable(uri, extra)`` returns None when ``uri`` may be registered,
  else a message saying why and what to do. It works on the RAW string the
  client sent, before any URL parser normalises it, so tricks that parsers
  "repair" (backslashes, userinfo, dot-segments, percent-encoding, IDN
  homoglyphs) are refused rather than silently rewritten.
- ``redirect_matches(requested, registered)`` is the /authorize comparison:
  exact string equality, except that a loopback redirect may change its port
  (RFC 8252 §7.3) because native clients pick a free port per run.

Allowed by default: the ChatGPT and Claude connector callbacks and loopback
http. Anything else must be listed by the operator in ``extra`` as an exact URI,
or as a prefix ending in ``*`` that matches one more path segment.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

MAX_URI_LENGTH = 2048

DEFAULT_EXACT = (
    "https://chatgpt.com/connector_platform_oauth_redirect",
    "https://claude.ai/api/mcp/auth_callback",
    "https://claude.com/api/mcp/auth_callback",
)
DEFAULT_PREFIXES = ("https://chatgpt.com/connector/oauth/*",)

_SEGMENT = r"[A-Za-z0-9_\-]{1,128}"
_LOOPBACK = re.compile(
    r"http://(?P<host>127\.0\.0\.1|localhost|\[::1\])(?::(?P<port>[0-9]{1,5}))?"
    r"(?P<path>(?:/[A-Za-z0-9_\-.~]*)*)"
)
_FORBIDDEN_CHARS = set("\\@#%\"'<> \t\r\n`{}|^")


def _loopback(uri: str) -> re.Match[str] | None:
    m = _LOOPBACK.fullmatch(uri)
    if m is None:
        return None
    segments = m.group("path").split("/")
    if any(s in (".", "..") for s in segments):
        return None
    port = m.group("port")
    if port is not None and not 0 < int(port) < 65536:
        return None
    return m


def _matches_prefix(uri: str, pattern: str) -> bool:
    prefix = pattern[:-1]
    return uri.startswith(prefix) and re.fullmatch(_SEGMENT, uri[len(prefix) :]) is not None


def check_registrable(uri: object, extra: Sequence[str] = ()) -> str | None:
    """None if ``uri`` may be registered, else why not (a message for the client's developer)."""
    if not isinstance(uri, str):
        return "each redirect_uri must be a string"
    if len(uri) > MAX_URI_LENGTH:
        return f"redirect_uri is longer than {MAX_URI_LENGTH} characters"
    if not uri.isascii() or any(ch in _FORBIDDEN_CHARS or ord(ch) < 0x20 for ch in uri):
        return (
            f"redirect_uri {uri[:200]!r} contains characters that are never allowed "
            "(non-ASCII, backslash, '@', '#', '%', quotes, spaces): register the plain callback URL"
        )
    if uri in DEFAULT_EXACT or uri in extra:
        return None
    if any(
        _matches_prefix(uri, p) for p in (*DEFAULT_PREFIXES, *(e for e in extra if e.endswith("*")))
    ):
        return None
    if _loopback(uri) is not None:
        return None
    scheme = urlsplit(uri).scheme.lower()
    if scheme not in ("http", "https"):
        return (
            f"redirect_uri scheme {scheme!r} is not allowed: "
            "use https, or http on a loopback address"
        )
    if scheme == "http":
        return "plain http redirect_uris are allowed only on 127.0.0.1, [::1] or localhost"
    return (
        f"redirect_uri {uri[:200]!r} is not on this relay's allowlist: the ChatGPT and Claude "
        "callbacks and loopback are allowed; ask the relay owner to add it to the configured "
        "extra redirect URIs"
    )


def redirect_matches(requested: str, registered: Sequence[str]) -> bool:
    """Exact match, or the same loopback URI on another port (RFC 8252 §7.3)."""
    if requested in registered:
        return True
    want = _loopback(requested)
    if want is None:
        return False
    for candidate in registered:
        have = _loopback(candidate)
        if (
            have
            and have.group("host") == want.group("host")
            and have.group("path") == want.group("path")
        ):
            return True
    return False
