"""Queued messages: what the relay keeps for a session whose computer is offline. No I/O.

A message waits in the relay's database until its computer reconnects, then is
typed into the session (highest ``priority`` first, then oldest), with a
request id fixed when it was queued, so a delivery cut by a dropped link is
retried and never typed twice. Its receipt says what became of it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

QueueState = Literal["queued", "delivered", "expired", "cancelled", "failed"]
MAX_QUEUE_TTL = 7 * 24 * 3600
QUEUE_ID_PATTERN = r"^q-[A-Za-z0-9_-]{6,40}$"


class QueueReceipt(BaseModel):
    queue_id: str
    session_id: str
    host: str
    priority: int
    state: QueueState
    queued_at: float
    expires_at: float
    delivered_at: float | None = None
    landed_at: str | None = Field(default=None, description="Delivered: a get_logs cursor.")
    landed_offset: int | None = Field(
        default=None, description="Delivered: output byte offset (raw get_logs since=)."
    )
    error: str = ""
