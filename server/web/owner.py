"""The owner's dashboard sign-in: cookie sessions and their CSRF tokens. Pure, clock passed in.

Contracts:

* A session id is 256 random bits; only its SHA-256 is held, so a memory dump
  of the relay does not yield a usable cookie. Lookups compare digests with
  ``hmac.compare_digest``.
* A session ends after :data:`IDLE_TIMEOUT` without use, or :data:`MAX_AGE`
  after sign-in, whichever comes first, or at sign-out. Sessions live in
  memory: a relay restart signs the owner out (the cookie is then refused and
  the sign-in page shows).
* Each session has its own CSRF token; every state-changing request must carry
  it (``X-CSRF-Token``), checked with ``hmac.compare_digest``.
* At most :data:`MAX_SESSIONS` sessions at once; signing in beyond that ends the
  oldest.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field

IDLE_TIMEOUT = 7 * 24 * 3600.0
MAX_AGE = 30 * 24 * 3600.0
MAX_SESSIONS = 20


@dataclass
class OwnerSession:
    csrf: str
    created: float
    used: float


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass
class OwnerSessions:
    """Signed-in owner sessions by the digest of their cookie value."""

    clock: Callable[[], float] = time.time
    _sessions: dict[str, OwnerSession] = field(default_factory=dict)

    def start(self) -> tuple[str, OwnerSession]:
        """A new session: (cookie value, session). The cookie value is shown once."""
        self._expire()
        while len(self._sessions) >= MAX_SESSIONS:
            oldest = min(self._sessions, key=lambda k: self._sessions[k].created)
            del self._sessions[oldest]
        token = secrets.token_urlsafe(32)
        now = self.clock()
        session = OwnerSession(csrf=secrets.token_urlsafe(24), created=now, used=now)
        self._sessions[_digest(token)] = session
        return token, session

    def get(self, token: str | None) -> OwnerSession | None:
        """The live session this cookie value names (and mark it used), else None."""
        if not token or len(token) > 200:
            return None
        key = _digest(token)
        session = self._sessions.get(key)
        if session is None:
            return None
        now = self.clock()
        if now - session.used > IDLE_TIMEOUT or now - session.created > MAX_AGE:
            del self._sessions[key]
            return None
        session.used = now
        return session

    def end(self, token: str | None) -> None:
        if token:
            self._sessions.pop(_digest(token), None)

    def end_all(self) -> None:
        """Sign every device out (the owner password changed)."""
        self._sessions.clear()

    def _expire(self) -> None:
        now = self.clock()
        for key, s in list(self._sessions.items()):
            if now - s.used > IDLE_TIMEOUT or now - s.created > MAX_AGE:
                del self._sessions[key]


def csrf_ok(session: OwnerSession, sent: str | None) -> bool:
    return bool(sent) and hmac.compare_digest(session.csrf.encode(), (sent or "").encode())
