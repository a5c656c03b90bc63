"""Shared test helpers: one time unit, scaled for slow machines, and bounded waits."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")

TIMESCALE = float(os.environ.get("TETHER_TEST_TIMESCALE", "1"))


def scaled(seconds: float) -> float:
    """A timeout, stretched by TETHER_TEST_TIMESCALE on slow machines."""
    return seconds * TIMESCALE


async def eventually(
    probe: Callable[[], T | None] | Callable[[], Awaitable[T | None]],
    timeout: float = 10.0,
    what: str = "condition",
) -> T:
    """Return the first truthy value of ``probe()``; fail after ``timeout`` (scaled).

    For state that has no event to await (a process's screen, a file); the poll
    interval only bounds CPU use, it synchronises nothing.
    """
    deadline = time.monotonic() + scaled(timeout)
    last: object = None
    while True:
        value = probe()
        if asyncio.iscoroutine(value):
            value = await value
        if value:
            return value  # type: ignore[return-value]
        last = value
        if time.monotonic() > deadline:
            raise AssertionError(
                f"timed out after {scaled(timeout)}s waiting for {what} (last: {last!r})"
            )
        await asyncio.sleep(0.02)  # noqa: sleep-ok - poll interval of a bounded wait
