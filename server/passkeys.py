"""The owner's passkeys on the relay: WebAuthn sign-in for the answer page.

A passkey registered here lets the owner sign in to the answer page without
the password. It protects the page against a stolen password, not against a
compromised relay: approving a dangerous prompt needs the same passkey's
signature verified by the supervisor itself (``supervisor/approvers.py``).

Ceremonies are two calls each: ``*_options`` returns the JSON for the browser
and the challenge (the caller keeps it, bound to the page's session), and
``verify_*`` checks the browser's answer against it. Credentials live in the
relay's SQLite database (table ``passkeys``); only public keys are stored.
"""

from __future__ import annotations

import json
import secrets
import time
from typing import Any
from urllib.parse import urlsplit

from webauthn import (
    generate_authentication_options,
    generate_registration_options,
    options_to_json,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import base64url_to_bytes, bytes_to_base64url
from webauthn.helpers.exceptions import (
    InvalidAuthenticationResponse,
    InvalidJSONStructure,
    InvalidRegistrationResponse,
)
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from server.db import Database
from shared.errors import TetherError

_MIGRATIONS = [
    "CREATE TABLE passkeys (credential_id TEXT PRIMARY KEY, public_key TEXT NOT NULL, "
    "sign_count INTEGER NOT NULL, label TEXT NOT NULL, created_at REAL NOT NULL);"
]


class PasskeyError(TetherError):
    """A ceremony failed; the message says why in words for the page."""


class Passkeys:
    def __init__(self, db: Database, base_url: str) -> None:
        self._db = db
        db.migrate("passkeys", _MIGRATIONS)
        parts = urlsplit(base_url)
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.rp_id = parts.hostname or "localhost"

    def count(self) -> int:
        row = self._db.one("SELECT COUNT(*) FROM passkeys")
        return int(row[0]) if row else 0

    def ids(self) -> list[str]:
        return [str(r[0]) for r in self._db.query("SELECT credential_id FROM passkeys")]

    # ------------------------------------------------------------ registration

    def registration_options(self) -> tuple[str, bytes]:
        challenge = secrets.token_bytes(32)
        options = generate_registration_options(
            rp_id=self.rp_id,
            rp_name="Tether relay",
            user_name="owner",
            user_id=b"tether-owner",
            challenge=challenge,
            authenticator_selection=AuthenticatorSelectionCriteria(
                resident_key=ResidentKeyRequirement.PREFERRED,
                user_verification=UserVerificationRequirement.REQUIRED,
            ),
            exclude_credentials=[
                PublicKeyCredentialDescriptor(id=base64url_to_bytes(i)) for i in self.ids()
            ],
        )
        return options_to_json(options), challenge

    def verify_registration(self, credential: str, challenge: bytes, label: str) -> str:
        """Store the passkey; return its credential id (base64url)."""
        try:
            verified = verify_registration_response(
                credential=_parse(credential),
                expected_challenge=challenge,
                expected_rp_id=self.rp_id,
                expected_origin=self.origin,
                require_user_verification=True,
            )
        except (InvalidRegistrationResponse, InvalidJSONStructure, ValueError) as exc:
            raise PasskeyError(f"The passkey could not be registered: {exc}") from None
        cid = bytes_to_base64url(verified.credential_id)
        self._db.execute(
            "INSERT OR REPLACE INTO passkeys VALUES (?, ?, ?, ?, ?)",
            (
                cid,
                bytes_to_base64url(verified.credential_public_key),
                verified.sign_count,
                label[:100] or "passkey",
                time.time(),
            ),
        )
        return cid

    # ------------------------------------------------------------ sign-in

    def authentication_options(self) -> tuple[str, bytes]:
        challenge = secrets.token_bytes(32)
        options = generate_authentication_options(
            rp_id=self.rp_id,
            challenge=challenge,
            allow_credentials=[
                PublicKeyCredentialDescriptor(id=base64url_to_bytes(i)) for i in self.ids()
            ],
            user_verification=UserVerificationRequirement.REQUIRED,
        )
        return options_to_json(options), challenge

    def verify_authentication(self, credential: str, challenge: bytes) -> None:
        """Raise :class:`PasskeyError` unless ``credential`` signs ``challenge`` (a stored key)."""
        data = _parse(credential)
        row = self._db.one(
            "SELECT public_key, sign_count FROM passkeys WHERE credential_id = ?",
            (str(data.get("rawId", "")),),
        )
        if row is None:
            raise PasskeyError("This passkey is not registered on the relay.")
        try:
            verified = verify_authentication_response(
                credential=data,
                expected_challenge=challenge,
                expected_rp_id=self.rp_id,
                expected_origin=self.origin,
                credential_public_key=base64url_to_bytes(str(row[0])),
                credential_current_sign_count=int(row[1]),
                require_user_verification=True,
            )
        except (InvalidAuthenticationResponse, InvalidJSONStructure, ValueError) as exc:
            raise PasskeyError(f"The passkey sign-in did not verify: {exc}") from None
        self._db.execute(
            "UPDATE passkeys SET sign_count = ? WHERE credential_id = ?",
            (verified.new_sign_count, data["rawId"]),
        )


def _parse(credential: str) -> dict[str, Any]:
    try:
        data = json.loads(credential)
    except ValueError:
        raise PasskeyError("The browser sent something that is not a passkey response.") from None
    if not isinstance(data, dict):
        raise PasskeyError("The browser sent something that is not a passkey response.")
    return data
