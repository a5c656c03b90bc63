"""The supervisor's key pair: the file, and signing the relay's challenge.

The private key lives in ``$TETHER_HOME/identity.key`` (default
``~/.config/tether/identity.key``) as unencrypted PKCS#8 PEM, so ``openssl pkey``
can read it. Contract:

* Created on first use with mode 0600 inside a 0700 directory, atomically (written
  to a private temporary file, then hard-linked into place), so two supervisors
  starting at once end up with the same key and nobody reads half a file.
* Refused, with the ``chmod 600`` to run, when group or others can read or write
  it; refused when it belongs to another user or is a symlink. Whoever reads this
  file can connect to the relay as this computer.
* The relay only ever sees the public key (:attr:`Identity.public_key`) and
  signatures of :func:`shared.identity.challenge_message`.

Errors are :class:`IdentityError` (a ``TetherError``: message + hint).
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Mapping
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from shared.errors import TetherError
from shared.identity import (
    NONCE_BYTES,
    IdentityFormatError,
    b64decode,
    b64encode,
    challenge_message,
    fingerprint,
    relay_origin,
    short_fingerprint,
)
from supervisor.policy import tether_home

KEY_FILE = "identity.key"
MAX_KEY_FILE_BYTES = 4096


class IdentityError(TetherError):
    """The key file cannot be used; ``hint`` says what to do."""


class Identity:
    """A loaded key pair. Keeps the private key in memory only."""

    def __init__(self, private_key: Ed25519PrivateKey, path: Path | None = None) -> None:
        self._key = private_key
        self.path = path
        raw = private_key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        self.public_key: str = b64encode(raw)
        self.fingerprint: str = fingerprint(self.public_key)
        self.short_fingerprint: str = short_fingerprint(self.public_key)

    def sign(self, message: bytes) -> str:
        """The base64 Ed25519 signature of ``message``."""
        return b64encode(self._key.sign(message))

    def answer_challenge(self, relay_url: str, host: str, nonce_b64: str) -> str:
        """Sign the relay's nonce for the relay THIS supervisor dialed (``relay_url``).

        The origin comes from our own URL, never from the relay, so a relay cannot
        obtain a signature valid at another relay. Raises :class:`IdentityError`
        on a malformed nonce or URL.
        """
        try:
            nonce = b64decode(nonce_b64, NONCE_BYTES, "challenge nonce")
            message = challenge_message(relay_origin(relay_url), host, nonce)
        except IdentityFormatError as exc:
            raise IdentityError(
                f"cannot answer the relay's challenge: {exc}",
                "check --relay and --name; if they are right, the relay is not a Tether relay",
            ) from None
        return self.sign(message)

    def __repr__(self) -> str:  # never print key material
        return f"Identity(fingerprint={self.short_fingerprint!r}, path={self.path!r})"


def identity_path(environ: Mapping[str, str] | None = None) -> Path:
    """``$TETHER_HOME/identity.key``."""
    env = dict(os.environ if environ is None else environ)
    return tether_home(env) / KEY_FILE


def load_or_create(path: Path | None = None) -> Identity:
    """The key pair at ``path`` (default :func:`identity_path`), created if absent."""
    path = identity_path() if path is None else path
    _ensure_private_dir(path.parent)
    if not os.path.lexists(path):
        _create(path)
    return load(path)


def load(path: Path) -> Identity:
    """Read an existing key file, refusing one other users could read or swap."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except FileNotFoundError:
        raise IdentityError(
            f"no identity key at {path}",
            "start the supervisor once to create it, or restore it from a backup",
        ) from None
    except OSError as exc:
        raise IdentityError(
            f"cannot open the identity key {path}: {exc.strerror}",
            f"it must be a regular file you own (not a symlink): check with ls -l {path}",
        ) from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        _check_owner_and_mode(path, info)
        data = handle.read(MAX_KEY_FILE_BYTES + 1)
    if len(data) > MAX_KEY_FILE_BYTES:
        raise IdentityError(f"{path} is too large to be an identity key", _replace_hint(path))
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError):
        raise IdentityError(f"{path} is not a readable private key", _replace_hint(path)) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise IdentityError(f"{path} holds a key that is not Ed25519", _replace_hint(path))
    return Identity(key, path)


def _check_owner_and_mode(path: Path, info: os.stat_result) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise IdentityError(f"{path} is not a regular file", _replace_hint(path))
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        raise IdentityError(
            f"the identity key {path} belongs to another user (uid {info.st_uid})",
            f"run the supervisor as its owner, or replace it: {_replace_hint(path)}",
        )
    mode = stat.S_IMODE(info.st_mode)
    if mode & 0o077:
        raise IdentityError(
            f"the identity key {path} can be read by other users (mode {mode:o}); anyone who "
            "reads it can connect to your relay as this computer",
            f"make it yours alone: chmod 600 {path} (and unpair this supervisor on the relay "
            "if others may have copied it)",
        )


def _replace_hint(path: Path) -> str:
    return (
        f"move {path} aside and restart to create a new key, then pair again "
        "(python -m server pair-code on the relay)"
    )


def _ensure_private_dir(directory: Path) -> None:
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise IdentityError(
            f"cannot create {directory}: {exc.strerror}",
            "set TETHER_HOME (or --home) to a directory you can write",
        ) from None
    mode = stat.S_IMODE(directory.stat().st_mode)
    if mode & 0o002:
        # Anyone could swap files in it. (Group-writable is left alone, as for the
        # policy file: most systems give each user a private group; the key file's
        # own owner and mode checks still apply.)
        raise IdentityError(
            f"the directory {directory} can be written by any user (mode {mode:o})",
            f"make it yours alone: chmod 700 {directory}",
        )


def _create(path: Path) -> None:
    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    temp = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(pem)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(temp, path)  # atomic, and fails if another process won the race
        except FileExistsError:
            pass
    except OSError as exc:
        raise IdentityError(
            f"cannot write the identity key {path}: {exc.strerror}",
            "set TETHER_HOME (or --home) to a directory you can write",
        ) from None
    finally:
        temp.unlink(missing_ok=True)
