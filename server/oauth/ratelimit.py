"""Token-bucket rate limits keyed by (bucket, caller) — pure, clock injectable.

Contract: ``RateLimiter.hit(key)`` consumes one token and returns 0.0 when the
call is allowed, or the number of seconds until the next token (for a
``Retry-After`` header) when it is refused. Keys are evicted once their bucket
is full again, so memory stays bounded by the number of recently active keys.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class RateLimiter:
    """``burst`` calls at once, refilled at ``per_minute`` calls per minute."""

    per_minute: float
    burst: int
    clock: Callable[[], float] = time.monotonic
    max_keys: int = 10_000
    _buckets: dict[str, tuple[float, float]] = field(default_factory=dict)

    def hit(self, key: str) -> float:
        now = self.clock()
        rate = self.per_minute / 60.0
        tokens, last = self._buckets.get(key, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - last) * rate)
        if tokens < 1.0:
            self._buckets[key] = (tokens, now)
            return max(1.0, math.ceil((1.0 - tokens) / rate)) if rate > 0 else 3600.0
        self._buckets[key] = (tokens - 1.0, now)
        if len(self._buckets) > self.max_keys:
            self._evict(now, rate)
        return 0.0

    def _evict(self, now: float, rate: float) -> None:
        full = [
            k for k, (t, last) in self._buckets.items() if t + (now - last) * rate >= self.burst
        ]
        for k in full:
            del self._buckets[k]
        # Still too many live keys (a flood from many addresses): drop the oldest.
        if len(self._buckets) > self.max_keys:
            for k in sorted(self._buckets, key=lambda k: self._buckets[k][1])[
                : len(self._buckets) // 2
            ]:
                del self._buckets[k]


@dataclass
class Limits:
    """The relay's OAuth rate limits; tests shrink them to reach 429 quickly."""

    register_per_ip: RateLimiter = field(default_factory=lambda: RateLimiter(10, 10))
    register_global: RateLimiter = field(default_factory=lambda: RateLimiter(60, 60))
    login_per_ip: RateLimiter = field(default_factory=lambda: RateLimiter(5, 5))
    login_global: RateLimiter = field(default_factory=lambda: RateLimiter(20, 20))
    token_per_ip: RateLimiter = field(default_factory=lambda: RateLimiter(120, 60))
    authorize_per_ip: RateLimiter = field(default_factory=lambda: RateLimiter(60, 30))
