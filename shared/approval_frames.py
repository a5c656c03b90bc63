"""The step-up frames: a dangerous prompt answered only with the owner's signed approval.

Split from ``shared/protocol.py`` to keep it small; ``shared.protocol``
re-exports them and puts them in its unions. The flow (``supervisor/stepup.py``
holds the threat model):

* ``register_approver``: the owner's passkey (a WebAuthn registration, as JSON)
  plus an HMAC of it under a one-time code the supervisor printed locally, so
  the relay that carries it cannot substitute its own key;
* ``prepare_approval``: the relay's answer page asks the supervisor for the
  challenge the passkey must sign for one prompt and one answer;
* ``approve_prompt``: the passkey's assertion over that challenge; the
  supervisor verifies it itself and only then types the answer.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from shared.wire_values import MAX_TEXT_CHARS, RequestId, SessionId, WireModel

MAX_CREDENTIAL_JSON = 16_384


class RegisterApprover(WireModel):
    type: Literal["register_approver"] = "register_approver"
    request_id: RequestId
    registration: str = Field(max_length=MAX_CREDENTIAL_JSON)  # WebAuthn credential JSON
    mac: str = Field(max_length=64)  # base64url HMAC-SHA256 under the local one-time code
    label: str = Field(default="", max_length=100)


class PrepareApproval(WireModel):
    type: Literal["prepare_approval"] = "prepare_approval"
    request_id: RequestId
    prompt_id: str = Field(min_length=1, max_length=128)
    answer: str = Field(max_length=MAX_TEXT_CHARS)


class ApprovePrompt(WireModel):
    type: Literal["approve_prompt"] = "approve_prompt"
    request_id: RequestId
    prompt_id: str = Field(min_length=1, max_length=128)
    assertion: str = Field(max_length=MAX_CREDENTIAL_JSON)  # WebAuthn assertion JSON


class ApproverRegistered(WireModel):
    type: Literal["approver_registered"] = "approver_registered"
    request_id: RequestId
    credential_id: str
    label: str


class ApprovalPrepared(WireModel):
    """What the passkey signs: ``challenge`` (base64url) is SHA-256 of ``message``."""

    type: Literal["approval_prepared"] = "approval_prepared"
    request_id: RequestId
    prompt_id: str
    session_id: SessionId
    answer: str
    message: str
    challenge: str
    rp_id: str
    credential_ids: list[str]
    expires_in: float
