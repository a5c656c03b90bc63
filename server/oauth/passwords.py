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
_N, _R, _P = 2**15, 8, 1
_MAXMEM = 64 * 1024 * 1024
MIN_LENGTH = 8


class WeakPassword(TetherError, ValueError):
    """The password is too short; the message says how long it must be."""


def hash_password(password: str) -> str:
    if len(password) < MIN_LENGTH:
        raise WeakPassword(f"the owner password must be at least {MIN_LENGTH} characters long")
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P, maxmem=_MAXMEM)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


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
