"""Step-up approvals: a dangerous prompt answered only with the owner's passkey signature.

The flow (``supervisor/stepup.py`` holds the threat model):

* ``register_approver``: the owner's passkey (a WebAuthn registration, as JSON)
  plus an HMAC of it under a one-time code the supervisor printed locally, so
  the relay that carries it cannot substitute its own key;
* ``prepare_approval``: the relay's answer page asks the supervisor for the
  challenge the passkey must sign for one prompt and one answer;
* ``approve_prompt``: the passkey's assertion over that challenge; the
  supervisor verifies it itself and only then types the answer
  (replied with ``prompt_answered``, as ``answer_prompt`` is).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from shared.commands.examples import PROMPT, SESSION_ID
from shared.commands.prompts import PromptAnswered
from shared.frames import CommandFrame, ReplyFrame, command
from shared.wire_values import MAX_TEXT_CHARS, SessionId

MAX_CREDENTIAL_JSON = 16_384


class RegisterApprover(CommandFrame):
    type: Literal["register_approver"] = "register_approver"
    registration: str = Field(max_length=MAX_CREDENTIAL_JSON)  # WebAuthn credential JSON
    mac: str = Field(max_length=64)  # base64url HMAC-SHA256 under the local one-time code
    label: str = Field(default="", max_length=100)


class ApproverRegistered(ReplyFrame):
    type: Literal["approver_registered"] = "approver_registered"
    credential_id: str
    label: str


class PrepareApproval(CommandFrame):
    type: Literal["prepare_approval"] = "prepare_approval"
    prompt_id: str = Field(min_length=1, max_length=128)
    answer: str = Field(max_length=MAX_TEXT_CHARS)


class ApprovalPrepared(ReplyFrame):
    """What the passkey signs: ``challenge`` (base64url) is SHA-256 of ``message``."""

    type: Literal["approval_prepared"] = "approval_prepared"
    prompt_id: str
    session_id: SessionId
    answer: str
    message: str
    challenge: str
    rp_id: str
    credential_ids: list[str]
    expires_in: float


class ApprovePrompt(CommandFrame):
    type: Literal["approve_prompt"] = "approve_prompt"
    prompt_id: str = Field(min_length=1, max_length=128)
    assertion: str = Field(max_length=MAX_CREDENTIAL_JSON)  # WebAuthn assertion JSON


command(
    RegisterApprover,
    ApproverRegistered,
    reads=False,
    examples=(
        RegisterApprover(
            request_id="r-20", registration='{"id":"AAAA"}', mac="bWFj", label="phone"
        ),
        ApproverRegistered(request_id="r-20", credential_id="AAAA", label="phone"),
    ),
)
command(
    PrepareApproval,
    ApprovalPrepared,
    reads=False,
    examples=(
        PrepareApproval(request_id="r-21", prompt_id=PROMPT.prompt_id, answer="1"),
        ApprovalPrepared(
            request_id="r-21",
            prompt_id=PROMPT.prompt_id,
            session_id=SESSION_ID,
            answer="1",
            message="tether-approval-v1",
            challenge="Y2hhbGxlbmdl",
            rp_id="relay.example.com",
            credential_ids=["AAAA"],
            expires_in=300.0,
        ),
    ),
)
command(
    ApprovePrompt,
    PromptAnswered,
    reads=False,
    examples=(ApprovePrompt(request_id="r-22", prompt_id=PROMPT.prompt_id, assertion="{}"),),
)
