"""Reconnect delays: full-jitter exponential backoff with a stability window.

Pure: the caller passes the monotonic time of each event and gets back how long
to wait; randomness comes from an injectable source.

Why each rule (reference: reliability notes §1):

* **Full jitter** (``uniform(0, min(cap, base * 2**n))``): after a relay restart
  every supervisor reconnects at a different instant instead of in one herd.
* **Reset only after a stable window**: a relay that accepts the handshake and
  closes at once would otherwise reset the attempt counter on every open and
  loop tightly (the flapping bug of libraries that reset on handshake).
* **Close code 1013 (try again later)** means the relay is overloaded and asked
  for patience: wait at least ``try_later`` seconds, plus jitter so the clients
  it turned away do not all return at the same moment.
* **Close code 1012 (service restart)** means our relay is restarting and will be
  back in a second or two. RFC 6455's registry suggests 5-30 s for generic
  clients; a phone waiting on a redeployed relay should not. So the counter
  resets and, for ``restart_patience`` seconds, each retry waits
  ``uniform(0, restart_window)``: the herd is spread over a second, refused
  attempts cost the restarting relay only a TCP reset each, and every supervisor
  is back within about ``restart_window`` of the relay listening again.
* **Short outages are retried fast**: for the first ``fast_for`` seconds of an
  outage (counted from the drop of the last stable link, or the first failed
  attempt) every retry waits ``uniform(0, fast_window)`` however many attempts
  failed, so a 5 s link cut or a 2 s relay restart costs about a second once
  the relay is reachable again. An attempt refused by a down relay costs it
  one TCP reset. Only after that does the window double per failure. A link
  that opens and drops before ``stable_after`` does not start a new outage, so
  an accept-then-close relay still ends in the growing backoff.
"""

from __future__ import annotations

import random
from typing import Protocol

from shared.close_codes import CloseCode

TRY_LATER_CLOSE_CODES = frozenset({CloseCode.TRY_AGAIN_LATER})
_MAX_EXPONENT = 62  # 2**62 already dwarfs any cap; avoids float overflow for huge n


class RandomSource(Protocol):
    def uniform(self, a: float, b: float) -> float: ...


class Backoff:
    """When to try the next connection.

    Call :meth:`connected` when a link opens, :meth:`disconnected` when it closes
    (returns the delay before the next attempt), :meth:`failed` when an attempt
    fails before opening (returns the delay as well).
    """

    def __init__(
        self,
        base: float = 1.0,
        cap: float = 60.0,
        stable_after: float = 10.0,
        try_later: float = 5.0,
        rng: RandomSource | None = None,
        restart_window: float = 1.0,
        restart_patience: float = 30.0,
        fast_window: float = 1.0,
        fast_for: float = 30.0,
    ) -> None:
        if base <= 0 or cap < base or stable_after < 0 or try_later < 0 or restart_window <= 0:
            raise ValueError(
                "need 0 < base <= cap, stable_after >= 0, try_later >= 0 and restart_window > 0"
            )
        if fast_window <= 0 or fast_for < 0:
            raise ValueError("need fast_window > 0 and fast_for >= 0")
        self.base = base
        self.cap = cap
        self.stable_after = stable_after
        self.try_later = try_later
        self._rng: RandomSource = rng if rng is not None else random.SystemRandom()
        self.restart_window = restart_window
        self.restart_patience = restart_patience
        self.fast_window = fast_window
        self.fast_for = fast_for
        self._attempt = 0
        self._connected_at: float | None = None
        self._restart_until: float | None = None  # the relay said it is restarting
        self._outage_since: float | None = None  # when the current outage began

    @property
    def attempt(self) -> int:
        """Consecutive failures since the last stable link."""
        return self._attempt

    def window(self) -> float:
        """The upper bound of the next delay (before any try-later minimum)."""
        return min(self.cap, self.base * 2.0 ** min(self._attempt, _MAX_EXPONENT))

    def connected(self, now: float) -> None:
        """A link opened at ``now``; the counter resets only if it stays up long enough."""
        self._connected_at = now
        self._restart_until = None  # the restart is over: flapping now backs off as usual

    def disconnected(self, now: float, close_code: int | None = None) -> float:
        """The link closed at ``now``; return the seconds to wait before reconnecting."""
        opened = self._connected_at
        self._connected_at = None
        if opened is not None and now - opened >= self.stable_after:
            self._attempt = 0
            self._outage_since = now  # a stable link dropped: a new outage begins
        elif self._outage_since is None:
            self._outage_since = now
        if close_code == CloseCode.SERVICE_RESTART:
            self._attempt = 0
            self._restart_until = now + self.restart_patience
        return self._next(close_code, now)

    def failed(self, close_code: int | None = None, now: float | None = None) -> float:
        """An attempt failed before the link opened; return the seconds to wait.

        Without ``now`` the outage's age is unknown, so no fast phase applies.
        """
        self._connected_at = None
        if self._outage_since is None:
            self._outage_since = now if now is not None else float("-inf")
        return self._next(close_code, now)

    def in_fast_phase(self, now: float) -> bool:
        """Whether a retry at ``now`` is still inside the outage's fast phase."""
        since = self._outage_since
        return since is not None and now - since < self.fast_for

    def _next(self, close_code: int | None, now: float | None = None) -> float:
        restarting = self._restart_until is not None and (now is None or now < self._restart_until)
        if restarting and close_code not in TRY_LATER_CLOSE_CODES:
            return self._rng.uniform(0.0, self.restart_window)
        self._restart_until = None
        if now is not None and close_code not in TRY_LATER_CLOSE_CODES and self.in_fast_phase(now):
            return self._rng.uniform(0.0, self.fast_window)
        delay = self._rng.uniform(0.0, self.window())
        self._attempt += 1
        if close_code in TRY_LATER_CLOSE_CODES:
            delay += self.try_later
        return delay
