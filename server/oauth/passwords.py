"""Owner password hashing: scrypt with a random salt (pure, no I/O).

Contract: ``hash_password`` returns a self-describing string
``scrypt$n$r$p$salt_hex$hash_hex`` so the cost can be raised later without
breaking stored hashes; ``verify_password`` recomputes with the stored
parameters and compares with ``hmac.compare_digest``.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from shared.errors import TetherError

# n=2**15, r=8 costs 32 MiB and ~0.1 s: slow enough to make offline guessing of a
# leaked database expensive, fast enough for a phone-driven login.
DEFAULT_COST = 2**15
# Below MIN_COST a leaked hash falls to guessing too fast; MAX_COST needs 128 MiB.
MIN_COST, MAX_COST = 2**10, 2**17
_R, _P = 8, 1
_MAXMEM = 256 * 1024 * 1024
MIN_LENGTH = 8


class WeakPassword(TetherError, ValueError):
    """The password is too short; the message says how long it must be."""


def check_cost(cost: int) -> int:
    """``cost`` when it is a usable scrypt n; ValueError saying what is allowed otherwise."""
    if not MIN_COST <= cost <= MAX_COST or cost & (cost - 1):
        raise ValueError(
            f"The password hash cost must be a power of two from {MIN_COST} to {MAX_COST} "
            f"(default {DEFAULT_COST}); got {cost}. Pick one in that range."
        )
    return cost


def hash_password(password: str, cost: int = DEFAULT_COST) -> str:
    """``cost``: scrypt's n (memory and time grow with it), checked by :func:`check_cost`."""
    if len(password) < MIN_LENGTH:
        raise WeakPassword(f"the owner password must be at least {MIN_LENGTH} characters long")
    n = check_cost(cost)
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=n, r=_R, p=_P, maxmem=_MAXMEM)
    return f"scrypt${n}${_R}${_P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        kind, n, r, p, salt_hex, digest_hex = stored.split("$")
        if kind != "scrypt":
            return False
        digest = hashlib.scrypt(
            password.encode(),
            salt=bytes.fromhex(salt_hex),
            n=int(n),
            r=int(r),
            p=int(p),
            maxmem=_MAXMEM,
        )
    except ValueError:
        return False
    return hmac.compare_digest(digest.hex(), digest_hex)
