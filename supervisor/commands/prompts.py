"""Handlers of the prompt commands (``shared.commands.prompts``)."""

from __future__ import annotations

from shared.commands.prompts import AnswerPrompt, CheckPrompts, PromptAnswered, PromptsChecked
from shared.errors import CommandFailed, SessionUnknown
from shared.protocol import ErrorCode, ErrorInfo
from supervisor.commands import handles
from supervisor.session_manager import SessionManager


@handles(CheckPrompts)
async def check_prompts(m: SessionManager, cmd: CheckPrompts) -> PromptsChecked:
    sessions = [m.get(cmd.session_id)] if cmd.session_id else m.list()
    prompts = [p for p in (s.pending_prompt() for s in sessions) if p is not None]
    return PromptsChecked(request_id=cmd.request_id, prompts=prompts)


@handles(AnswerPrompt)
async def answer_prompt(m: SessionManager, cmd: AnswerPrompt) -> PromptAnswered:
    session_id, sep, token = cmd.prompt_id.partition(":")
    if not sep or not token:
        raise _prompt_unknown(
            f"{cmd.prompt_id!r} is not a prompt id",
            "use a prompt_id exactly as check_prompts returned it",
        )
    try:
        session = m.get(session_id)
    except SessionUnknown:
        raise _prompt_unknown(
            f"prompt {cmd.prompt_id!r} belongs to no session on this computer",
            "call check_prompts to see the prompts waiting now",
        ) from None
    sent, gone = await session.answer_prompt(cmd.prompt_id, cmd.answer)
    return PromptAnswered(
        request_id=cmd.request_id,
        prompt_id=cmd.prompt_id,
        session_id=session.session_id,
        sent=sent,
        prompt_gone=gone,
    )


def _prompt_unknown(message: str, hint: str) -> CommandFailed:
    return CommandFailed(ErrorInfo(code=ErrorCode.PROMPT_UNKNOWN, message=message, hint=hint))
