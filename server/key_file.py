"""A private key file in the relay's data directory, made once and kept private.

Both of the relay's own keys (``relay.key``, ``vapid.key``) live this way: created
at first start with mode 0600 and ``O_EXCL`` (two relay processes starting at once
end up with the same key), never followed through a symlink, and refused when
anyone but the owner can read it. The caller checks the key's algorithm, because
what a wrong key means differs per key.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes


def load_or_create_key(
    path: Path,
    generate: Callable[[], PrivateKeyTypes],
    *,
    what: str,
    error: type[Exception],
) -> PrivateKeyTypes | None:
    """The private key in ``path``, made with ``generate`` if there is no file yet.

    Returns None when the file holds no private key PEM can read. Raises ``error``
    (with ``what``, e.g. "The relay key", naming the file) when the file is not a
    regular file or others may read it.
    """
    if not os.path.lexists(path):
        pem = generate().private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        except FileExistsError:
            pass  # another relay process created it first: use theirs
        else:
            with os.fdopen(fd, "wb") as handle:
                handle.write(pem)
    info = path.lstat()
    if not stat.S_ISREG(info.st_mode) or stat.S_IMODE(info.st_mode) & 0o077:
        raise error(
            f"{what} {path} must be a regular file only its owner can read; "
            f"run `chmod 600 {path}`, then start the relay again."
        )
    try:
        return serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (ValueError, TypeError):
        return None
