"""Every WebSocket close code a Tether link uses, once, and what each asks of the supervisor.

The relay closes with these; the supervisor's reconnect loop
(``supervisor.connection``, ``shared.backoff``) reads them. RFC 6455 §7.4.1 codes
first, then Tether's own in the 4000-4999 range kept for applications, named
after the HTTP status they resemble.
"""

from __future__ import annotations

from enum import IntEnum


class CloseCode(IntEnum):
    GOING_AWAY = 1001  # the relay heard nothing for a heartbeat timeout: reconnect
    POLICY_VIOLATION = 1008  # a web page's Origin, invalid frames, a handshake out of order
    MESSAGE_TOO_BIG = 1009  # a frame over MAX_FRAME_BYTES
    INTERNAL_ERROR = 1011  # the relay failed: reconnect with backoff
    SERVICE_RESTART = 1012  # the relay is restarting (uvicorn sends it): back within seconds
    TRY_AGAIN_LATER = 1013  # the relay is overloaded: wait at least try_later seconds
    BAD_HELLO = 4400  # a hello this relay cannot read, or another protocol version: update
    REFUSED = 4401  # the owner must act: pair, unpair, or fix a URL; do not retry
    RETRY_NOW = 4408  # the challenge went stale: reconnect now
    FENCED = 4409  # a newer link of the same host replaced this one
    RATE_LIMITED = 4429  # too many pairing attempts: wait retry_after seconds


# Codes that retrying cannot fix, with what they mean for the person reading the log.
FATAL_CLOSE_CODES: dict[int, str] = {
    CloseCode.REFUSED: "the relay refused this supervisor",
    CloseCode.BAD_HELLO: "the relay refused the handshake (another protocol version?)",
}
