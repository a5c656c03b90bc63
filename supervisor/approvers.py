"""The owner's approvers: passkeys this supervisor trusts to approve dangerous prompts.

State (all under ``$TETHER_HOME``, mode 0600, written only here):

* ``approver-code.json``: the one-time enrolment code ``python -m supervisor
  approver-code`` printed on this computer (100 random bits, 10 minutes);
* ``approvers.json``: each registered passkey's credential id, COSE public key,
  signature counter and label.

Contracts:

* :meth:`Approvers.register` accepts a WebAuthn registration only with an
  HMAC-SHA256 over ``"tether-approver-v1\\n" + host + "\\n" + registration``
  keyed by the current code; the code is spent by the first attempt, right or
  wrong, so it cannot be guessed online. The relay never sees the code (the
  owner types it into the page), so it cannot register a key of its own.
* :meth:`Approvers.prepare` issues a challenge for one prompt and one answer
  (single use, :data:`APPROVAL_TTL`); :meth:`Approvers.verify` checks a
  passkey assertion over exactly that challenge, for the origin this supervisor
  dialed (never one the relay names), with user verification, and a signature
  counter that moved forward when the authenticator keeps one.

Time is passed in (``now``) so the checks are tested without sleeping.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from webauthn import verify_authentication_response, verify_registration_response
from webauthn.helpers import base64url_to_bytes, bytes_to_base64url
from webauthn.helpers.exceptions import (
    InvalidAuthenticationResponse,
    InvalidJSONStructure,
    InvalidRegistrationResponse,
)

from shared.errors import TetherError
from shared.wire_values import ErrorCode

CODE_TTL = 600.0
APPROVAL_TTL = 300.0
_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed on a phone


class ApprovalError(TetherError):
    """An enrolment or approval was refused; ``message`` says why, ``hint`` what to do."""

    code = ErrorCode.APPROVAL_REQUIRED


def origin_of(relay_url: str) -> tuple[str, str]:
    """(web origin, WebAuthn RP id) of the relay this supervisor dials.

    ``wss://relay.example.com/supervisor`` -> (``https://relay.example.com``,
    ``relay.example.com``): the page that may approve is the one on the host we
    chose to trust, whatever the relay claims.
    """
    parts = urlsplit(relay_url)
    scheme = {"wss": "https", "ws": "http"}.get(parts.scheme, parts.scheme)
    if scheme not in ("https", "http") or not parts.hostname:
        raise ValueError(f"{relay_url!r} is not a ws:// or wss:// relay URL")
    return f"{scheme}://{parts.netloc}", parts.hostname


def new_code() -> str:
    """20 characters from a 32-letter alphabet (100 bits), grouped by four."""
    raw = "".join(secrets.choice(_ALPHABET) for _ in range(20))
    return "-".join(raw[i : i + 4] for i in range(0, 20, 4))


def normalize_code(code: str) -> str:
    return "".join(c for c in code.upper() if c.isalnum())


def enrolment_mac(code: str, host: str, registration: str) -> str:
    """What the owner's browser computes (the page's JS does the same with WebCrypto)."""
    message = f"tether-approver-v1\n{host}\n{registration}".encode()
    digest = hmac.new(normalize_code(code).encode(), message, hashlib.sha256).digest()
    return bytes_to_base64url(digest)


def approval_message(prompt_id: str, answer: str, question: str, nonce: str) -> str:
    """The text whose SHA-256 the passkey signs: it names the prompt and the answer."""
    return (
        f"tether-approval-v1\nprompt: {prompt_id}\nanswer: {answer}\n"
        f"question: {question}\nnonce: {nonce}"
    )


@dataclass
class Approver:
    credential_id: str  # base64url
    public_key: str  # base64url COSE key
    sign_count: int
    label: str
    added_at: float


@dataclass
class _Pending:
    answer: str
    challenge: bytes
    expires_at: float


class Approvers:
    """Registered passkeys and pending approvals of one supervisor."""

    def __init__(self, home: Path, relay_url: str | None, host: str) -> None:
        self.home = home
        self.host = host
        self.origin, self.rp_id = origin_of(relay_url) if relay_url else ("", "")
        self._pending: dict[str, _Pending] = {}

    # ------------------------------------------------------------ files

    @property
    def code_file(self) -> Path:
        return self.home / "approver-code.json"

    @property
    def keys_file(self) -> Path:
        return self.home / "approvers.json"

    def issue_code(self, now: float) -> str:
        """A fresh enrolment code (replacing any earlier one), stored for the running supervisor."""
        code = new_code()
        _write_private(self.code_file, {"code": code, "expires_at": now + CODE_TTL})
        return code

    def load(self) -> list[Approver]:
        try:
            raw = json.loads(self.keys_file.read_text())
        except FileNotFoundError:
            return []
        except (OSError, ValueError) as exc:
            raise ApprovalError(
                f"{self.keys_file} cannot be read ({exc}); no approval is accepted until it "
                "is fixed",
                "delete the file and register your passkey again",
            ) from None
        return [Approver(**item) for item in raw.get("approvers", [])]

    def _save(self, approvers: list[Approver]) -> None:
        _write_private(self.keys_file, {"approvers": [a.__dict__ for a in approvers]})

    # ------------------------------------------------------------ enrolment

    def register(self, registration: str, mac: str, label: str, now: float) -> Approver:
        """Trust the passkey in ``registration`` if ``mac`` proves the local code."""
        if not self.origin:
            raise ApprovalError("this supervisor has no relay URL, so it cannot check passkeys")
        code = self._take_code(now)
        expected = enrolment_mac(code, self.host, registration)
        if not hmac.compare_digest(expected, mac):
            raise ApprovalError(
                "the enrolment code did not match; the code is now spent",
                f"run `python -m supervisor approver-code` on {self.host} again and type the "
                "new code exactly",
            )
        try:
            data: dict[str, Any] = json.loads(registration)
            challenge = json.loads(base64url_to_bytes(data["response"]["clientDataJSON"]))
            verified = verify_registration_response(
                credential=data,
                expected_challenge=base64url_to_bytes(challenge["challenge"]),
                expected_rp_id=self.rp_id,
                expected_origin=self.origin,
            )
        except (InvalidRegistrationResponse, InvalidJSONStructure, KeyError, TypeError) as exc:
            raise ApprovalError(f"the passkey registration is not valid: {exc}") from None
        except ValueError as exc:
            raise ApprovalError(f"the passkey registration is not valid: {exc}") from None
        approver = Approver(
            credential_id=bytes_to_base64url(verified.credential_id),
            public_key=bytes_to_base64url(verified.credential_public_key),
            sign_count=verified.sign_count,
            label=label[:100] or "passkey",
            added_at=now,
        )
        kept = [a for a in self.load() if a.credential_id != approver.credential_id]
        self._save([*kept, approver])
        return approver

    def _take_code(self, now: float) -> str:
        try:
            raw = json.loads(self.code_file.read_text())
            self.code_file.unlink()
        except (OSError, ValueError):
            raw = None
        if not isinstance(raw, dict) or raw.get("expires_at", 0) < now:
            raise ApprovalError(
                f"no enrolment code is waiting on {self.host} (none issued, expired or spent)",
                f"run `python -m supervisor approver-code` on {self.host} and type the code it "
                "prints within 10 minutes",
            )
        return str(raw["code"])

    # ------------------------------------------------------------ approvals

    def prepare(self, prompt_id: str, answer: str, question: str, now: float) -> tuple[str, bytes]:
        """(message, challenge) for approving ``prompt_id`` with ``answer``; replaces an older one.

        With no passkey registered yet the caller still gets a challenge, and an
        empty :meth:`credential_ids` tells the page to enrol one first.
        """
        message = approval_message(prompt_id, answer, question, secrets.token_urlsafe(16))
        challenge = hashlib.sha256(message.encode()).digest()
        self._pending[prompt_id] = _Pending(answer, challenge, now + APPROVAL_TTL)
        for pid in [p for p, v in self._pending.items() if v.expires_at < now]:
            del self._pending[pid]
        return message, challenge

    def verify(self, prompt_id: str, assertion: str, now: float) -> str:
        """The approved answer, if ``assertion`` signs the pending challenge; single use."""
        pending = self._pending.pop(prompt_id, None)
        if pending is None or pending.expires_at < now:
            raise ApprovalError(
                f"no approval is waiting for prompt {prompt_id} (never prepared, used or expired)",
                "open the answer page again and approve from there",
            )
        try:
            data: dict[str, Any] = json.loads(assertion)
            credential_id = str(data["rawId"])
        except (ValueError, KeyError, TypeError):
            raise ApprovalError("the approval is not a passkey assertion") from None
        approvers = self.load()
        match = next((a for a in approvers if a.credential_id == credential_id), None)
        if match is None:
            raise ApprovalError(
                "the approval was signed by a passkey this computer does not trust",
                f"register it with `python -m supervisor approver-code` on {self.host}",
            )
        try:
            verified = verify_authentication_response(
                credential=data,
                expected_challenge=pending.challenge,
                expected_rp_id=self.rp_id,
                expected_origin=self.origin,
                credential_public_key=base64url_to_bytes(match.public_key),
                credential_current_sign_count=match.sign_count,
                require_user_verification=True,
            )
        except (InvalidAuthenticationResponse, InvalidJSONStructure, KeyError, TypeError) as exc:
            raise ApprovalError(f"the approval's signature does not verify: {exc}") from None
        except ValueError as exc:
            raise ApprovalError(f"the approval's signature does not verify: {exc}") from None
        match.sign_count = verified.new_sign_count
        self._save(approvers)
        return pending.answer

    def credential_ids(self) -> list[str]:
        return [a.credential_id for a in self.load()]

    def challenge_b64(self, challenge: bytes) -> str:
        return base64.urlsafe_b64encode(challenge).rstrip(b"=").decode()


def _write_private(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as out:
        json.dump(data, out)
    os.replace(tmp, path)
