"""Handlers of the step-up commands (``shared.commands.approvals``); the checks live in
``supervisor/stepup.py`` and ``supervisor/approvers.py``."""

from __future__ import annotations

from shared.commands.approvals import (
    ApprovalPrepared,
    ApprovePrompt,
    ApproverRegistered,
    PrepareApproval,
    RegisterApprover,
)
from shared.commands.prompts import PromptAnswered
from supervisor.commands import handles
from supervisor.session_manager import SessionManager


@handles(RegisterApprover)
async def register_approver(m: SessionManager, cmd: RegisterApprover) -> ApproverRegistered:
    return await m.stepup.register(cmd)


@handles(PrepareApproval)
async def prepare_approval(m: SessionManager, cmd: PrepareApproval) -> ApprovalPrepared:
    return await m.stepup.prepare(cmd, m.get(cmd.prompt_id.partition(":")[0]))


@handles(ApprovePrompt)
async def approve_prompt(m: SessionManager, cmd: ApprovePrompt) -> PromptAnswered:
    return await m.stepup.approve(cmd, m.get(cmd.prompt_id.partition(":")[0]))
