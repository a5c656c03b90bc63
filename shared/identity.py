"""Supervisor identity, the part both ends share: what is signed, and how it is checked.

Pure (no files, no sockets). A supervisor holds an Ed25519 key pair
(``supervisor/identity.py``); the relay stores only the public key
(``server/supervisors.py``). At each connection the relay sends a fresh random
nonce and the supervisor signs :func:`challenge_message`::

    b"tether-supervisor-auth-v1\\n" + relay_origin + b"\\n" + host + b"\\n" + nonce

* The domain prefix means such a signature is never valid for anything else the
  key might sign, and a v2 format can never be confused with v1.
* ``relay_origin`` is the origin the SUPERVISOR dialed (:func:`relay_origin` of
  its ``--relay`` URL), so a signature obtained by a malicious relay A cannot be
  replayed to relay B; the relay checks against its own public origin.
* ``host`` binds the signature to the name the supervisor claims.
* ``nonce`` (32 random bytes, single use, short-lived) makes it fresh.
Neither origin nor host may contain a newline, so the fields cannot be shifted
into one another; the nonce has a fixed length and comes last.

The relay proves its own identity the same way, the other way round
(:func:`relay_proof_message`): the supervisor sends a fresh nonce of its own in
its hello, and the relay's answer carries its Ed25519 public key and its
signature of::

    b"tether-relay-proof-v1\n" + relay_origin + b"\n" + host + b"\n" + supervisor_nonce

The supervisor checks it against the origin IT dialed and the relay key it
pinned when it paired, before it signs anything, so a server that is not its
relay learns no signature and gets no session.

Wire encoding: public keys, nonces and signatures travel as standard base64.
:func:`verify` never raises, whatever it is given.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from urllib.parse import urlsplit

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from shared.errors import TetherError

AUTH_DOMAIN = b"tether-supervisor-auth-v1\n"
RELAY_DOMAIN = b"tether-relay-proof-v1\n"
NONCE_BYTES = 32
PUBLIC_KEY_BYTES = 32
SIGNATURE_BYTES = 64
# Pairing codes (``server/supervisors.py`` makes them): no look-alikes (0/O, 1/I/L, U).
PAIR_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"
PAIR_CODE_LENGTH = 8
# base64 of 32 bytes is 44 characters, of 64 bytes 88: anything far longer is garbage.
MAX_B64_CHARS = 128

_DEFAULT_PORTS = {"http": 80, "https": 443}
_WS_TO_HTTP = {"ws": "http", "wss": "https", "http": "http", "https": "https"}
_HOST_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$")  # protocol.HOST_NAME_PATTERN


class IdentityFormatError(TetherError, ValueError):
    """A key, nonce, URL or host is malformed; the message says which and how to fix it."""


def relay_origin(url: str) -> str:
    """The canonical origin of a relay URL: ``https://relay.example`` for
    ``wss://Relay.Example:443/supervisor`` and for ``https://relay.example/mcp``.

    WebSocket schemes map to their HTTP twins (the supervisor dials ``wss://``,
    the relay knows its ``https://`` public URL); host lower-cased; default port dropped.
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise IdentityFormatError(
            f"not a URL: {url!r}; pass the relay's https:// or wss:// URL"
        ) from None
    scheme = _WS_TO_HTTP.get(parts.scheme.lower())
    if scheme is None or not parts.hostname:
        raise IdentityFormatError(
            f"not a relay URL: {url!r}; pass one starting with https://, http://, wss:// or ws://"
        )
    host = parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"
    if port is None or port == _DEFAULT_PORTS[scheme]:
        return f"{scheme}://{host}"
    return f"{scheme}://{host}:{port}"


def challenge_message(origin: str, host: str, nonce: bytes) -> bytes:
    """The exact bytes a supervisor signs to answer ``nonce`` (see the module docstring)."""
    if "\n" in origin or "\r" in origin or not origin:
        raise IdentityFormatError(f"relay origin {origin!r} must be one non-empty line")
    if not _HOST_RE.match(host):
        raise IdentityFormatError(f"host name {host!r} is not a valid supervisor name")
    if len(nonce) != NONCE_BYTES:
        raise IdentityFormatError(f"a nonce is {NONCE_BYTES} bytes, got {len(nonce)}")
    return AUTH_DOMAIN + origin.encode() + b"\n" + host.encode() + b"\n" + nonce


def relay_proof_message(origin: str, host: str, supervisor_nonce: bytes) -> bytes:
    """The exact bytes a relay signs to prove its key to a supervisor (module docstring)."""
    return RELAY_DOMAIN + challenge_message(origin, host, supervisor_nonce)[len(AUTH_DOMAIN) :]


def b64encode(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def b64decode(text: str, expected_len: int, what: str) -> bytes:
    """Strict base64 of exactly ``expected_len`` bytes; :class:`IdentityFormatError` otherwise."""
    if not isinstance(text, str) or len(text) > MAX_B64_CHARS:
        raise IdentityFormatError(f"{what} is not base64 of {expected_len} bytes")
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raise IdentityFormatError(f"{what} is not valid base64") from None
    if len(raw) != expected_len:
        raise IdentityFormatError(f"{what} is {len(raw)} bytes, expected {expected_len}")
    return raw


def parse_public_key(public_key_b64: str) -> bytes:
    """The raw 32-byte Ed25519 public key, checked to be a valid curve point."""
    raw = b64decode(public_key_b64, PUBLIC_KEY_BYTES, "public key")
    try:
        Ed25519PublicKey.from_public_bytes(raw)
    except ValueError:
        raise IdentityFormatError("public key is not a valid Ed25519 key") from None
    return raw


def verify(public_key_b64: str, message: bytes, signature_b64: str) -> bool:
    """True when ``signature_b64`` is the key's Ed25519 signature of ``message``.

    Never raises: a malformed key, signature or message is simply ``False``.
    """
    try:
        key = Ed25519PublicKey.from_public_bytes(parse_public_key(public_key_b64))
        signature = b64decode(signature_b64, SIGNATURE_BYTES, "signature")
        if not isinstance(message, bytes):
            return False
        key.verify(signature, message)
    except (IdentityFormatError, InvalidSignature, ValueError, TypeError):
        return False
    return True


def fingerprint(public_key_b64: str) -> str:
    """``sha256:<64 hex>`` of the raw public key: stable, what the relay stores and compares."""
    return "sha256:" + hashlib.sha256(parse_public_key(public_key_b64)).hexdigest()


def short_fingerprint(public_key_b64: str) -> str:
    """The first 64 bits of the fingerprint as ``ab12-cd34-ef56-7890``, for people to compare."""
    digest = hashlib.sha256(parse_public_key(public_key_b64)).hexdigest()[:16]
    return "-".join(digest[i : i + 4] for i in range(0, 16, 4))


def normalize_pair_code(text: str) -> str | None:
    """A pairing code's canonical form (upper case, no dashes or spaces), or None if it
    cannot be one; the supervisor checks ``--pair-code`` with it before dialing."""
    cleaned = "".join(text.split()).replace("-", "").upper()[: PAIR_CODE_LENGTH + 1]
    if len(cleaned) != PAIR_CODE_LENGTH or any(c not in PAIR_CODE_ALPHABET for c in cleaned):
        return None
    return cleaned
