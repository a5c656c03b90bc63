"""The relays this supervisor paired with, by origin: their public keys, pinned.

A supervisor obeys whatever answers at its relay URL, so it must know that
answer comes from its relay. Contract:

* :func:`check_proof` (pure) decides a relay's ``Challenge``: the relay must
  sign this connection's fresh nonce for the origin the supervisor dialed
  (``shared.identity.relay_proof_message``) with the key pinned for that origin.
  With no pin yet (the first pairing, or a supervisor paired before pinning
  existed), a valid proof by the key it presents is enough, and that key is
  pinned once the relay welcomes the supervisor (trust on first use, through
  TLS for ``wss://`` and the owner's pairing code). A missing or wrong proof,
  or another key, returns the refusal to show; the supervisor then stops
  without signing anything.
* :class:`RelayPins` keeps pins in ``relays.json`` next to the identity key
  (mode 0600, written atomically), or in memory when there is no key file.
  Re-pairing after a relay was rebuilt: remove its line from that file.
"""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path

from shared.identity import (
    IdentityFormatError,
    b64decode,
    relay_proof_message,
    short_fingerprint,
    verify,
)

PINS_FILE = "relays.json"


def check_proof(
    origin: str,
    host: str,
    nonce: bytes,
    presented_key: str | None,
    signatures: list[str],
    pinned: str | None,
    pins_path: Path | None,
) -> str | None:
    """None when the relay proved the right key, else a sentence saying what to do."""
    try:
        message = relay_proof_message(origin, host, nonce)
    except IdentityFormatError as exc:
        return f"cannot check the relay's identity: {exc}"
    proven = presented_key is not None and any(
        verify(presented_key, message, s) for s in signatures
    )
    where = f" in {pins_path}" if pins_path is not None else ""
    if pinned is not None and (not proven or presented_key != pinned):
        return (
            f"the server at {origin} is not the relay this supervisor paired with: it did not "
            f"prove it holds the relay key pinned at pairing ({_short(pinned)}). Refusing to "
            "connect. If the relay was rebuilt on purpose, delete the line for "
            f"{origin}{where} and pair again with a new code (python -m server pair-code)."
        )
    if not proven:
        return (
            f"the server at {origin} did not prove a relay identity (no valid relay "
            "signature). Refusing to connect: check --relay, and update the relay if it is old."
        )
    return None


def _short(key: str) -> str:
    try:
        return f"key {short_fingerprint(key)}"
    except IdentityFormatError:
        return "an unreadable key"


class RelayPins:
    """Pinned relay keys by origin; ``path`` None keeps them in memory only."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._pins: dict[str, str] = self._load()

    @classmethod
    def beside(cls, key_path: Path | None) -> RelayPins:
        return cls(None if key_path is None else key_path.parent / PINS_FILE)

    def get(self, origin: str) -> str | None:
        return self._pins.get(origin)

    def pin(self, origin: str, public_key: str) -> None:
        b64decode(public_key, 32, "relay public key")  # never pin garbage
        self._pins[origin] = public_key
        if self.path is None:
            return
        temp = self.path.with_name(f".{self.path.name}.{secrets.token_hex(8)}.tmp")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        with os.fdopen(fd, "w") as handle:
            json.dump(self._pins, handle, indent=2, sort_keys=True)
        os.replace(temp, self.path)

    def _load(self) -> dict[str, str]:
        if self.path is None or not self.path.exists():
            return {}
        try:
            data = json.loads(self.path.read_text())
        except (OSError, ValueError):
            data = None
        if not isinstance(data, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in data.items()
        ):
            raise ValueError(
                f"{self.path} is not a list of pinned relay keys; restore it, or delete it and "
                "pair this supervisor again"
            )
        return dict(data)
