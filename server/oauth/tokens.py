"""Opaque token primitives (pure): minting, hashing, and sealing a rotation's result.

Why opaque random tokens rather than JWTs: the relay is both the authorization
server and the only resource server, so nothing outside it ever needs to read a
token. Opaque 256-bit random strings, stored only as SHA-256 hashes, remove every
JWT pitfall (alg confusion, ``none``, ``kid``/``jku`` tricks, ``aud`` substring
bugs) and make revocation and refresh-family kill switches a single row update.
A leaked database holds no usable token. SHA-256 without salt is enough because
the inputs are high-entropy random values, not passwords.

Sealing: when a refresh token is rotated, the new pair is stored encrypted with a
key derived from the OLD refresh token (AES-GCM). An honest retry that presents
the old token within the grace window gets the very same pair back; the database
alone cannot decrypt it because it only holds the old token's hash.
"""

from __future__ import annotations

import hashlib
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _key(old_token: str) -> bytes:
    # A domain-separated hash so the key is never the stored lookup hash.
    return hashlib.sha256(b"tether-refresh-grace\x00" + old_token.encode()).digest()


def seal(plaintext: str, old_token: str) -> bytes:
    nonce = secrets.token_bytes(12)
    return nonce + AESGCM(_key(old_token)).encrypt(nonce, plaintext.encode(), None)


def unseal(blob: bytes, old_token: str) -> str | None:
    try:
        return AESGCM(_key(old_token)).decrypt(blob[:12], blob[12:], None).decode()
    except (InvalidTag, ValueError):
        return None
