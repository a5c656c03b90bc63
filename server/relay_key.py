"""The relay's own key pair: how a paired supervisor knows it reached THIS relay.

``<data_dir>/relay.key`` holds an Ed25519 private key (PKCS#8 PEM), created at
first start with mode 0600 (``server.data_dir``). Supervisors store its public
key when they pair and refuse any relay that cannot sign their fresh nonce with
it (``shared.identity.relay_proof_message``). Losing or replacing this file
means every supervisor must pair again; copying it lets the copy pose as the
relay, so it never leaves the data directory.
"""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from server.config import ConfigError
from server.key_file import load_or_create_key
from shared.identity import (
    IdentityFormatError,
    b64decode,
    b64encode,
    relay_proof_message,
)

KEY_FILE = "relay.key"
_NONCE_BYTES = 32


class RelayKeyError(ConfigError):
    """The relay key file cannot be used; the message says what to do."""


class RelayKey:
    def __init__(self, private_key: Ed25519PrivateKey) -> None:
        self._key = private_key
        raw = private_key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        self.public_key = b64encode(raw)

    def prove(self, origins: tuple[str, ...], host: str, nonce_b64: str | None) -> list[str]:
        """Signatures of the supervisor's nonce, one per origin; [] if it sent none (or junk)."""
        if nonce_b64 is None:
            return []
        try:
            nonce = b64decode(nonce_b64, _NONCE_BYTES, "relay nonce")
            return [b64encode(self._key.sign(relay_proof_message(o, host, nonce))) for o in origins]
        except IdentityFormatError:
            return []

    def __repr__(self) -> str:
        return f"RelayKey(public_key={self.public_key!r})"


def load_or_create(data_dir: Path) -> RelayKey:
    """The relay's key in ``data_dir``, created (0600) on first start."""
    path = data_dir / KEY_FILE
    key = load_or_create_key(
        path, Ed25519PrivateKey.generate, what="The relay key", error=RelayKeyError
    )
    if not isinstance(key, Ed25519PrivateKey):
        raise RelayKeyError(
            f"The relay key {path} is not an Ed25519 private key. Restore it from a backup; "
            "removing it makes a new key, and then every supervisor must pair again."
        )
    return RelayKey(key)
