"""Commands on the prompts sessions wait on: find them, answer one."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from shared.commands.examples import PROMPT, SESSION_ID
from shared.frames import CommandFrame, ReplyFrame, command
from shared.wire_values import MAX_TEXT_CHARS, Prompt, SessionId


class CheckPrompts(CommandFrame):
    type: Literal["check_prompts"] = "check_prompts"
    session_id: SessionId | None = None


class PromptsChecked(ReplyFrame):
    type: Literal["prompts_checked"] = "prompts_checked"
    prompts: list[Prompt]


class AnswerPrompt(CommandFrame):
    type: Literal["answer_prompt"] = "answer_prompt"
    prompt_id: str = Field(min_length=1, max_length=128)
    answer: str = Field(max_length=MAX_TEXT_CHARS)


class PromptAnswered(ReplyFrame):
    type: Literal["prompt_answered"] = "prompt_answered"
    prompt_id: str
    session_id: SessionId
    sent: str  # a printable description of what was typed ("enter", "2", "y + enter")
    prompt_gone: bool  # the prompt was no longer on screen after answering


command(
    CheckPrompts,
    PromptsChecked,
    reads=True,
    examples=(
        CheckPrompts(request_id="r-8"),
        PromptsChecked(request_id="r-8", prompts=[PROMPT]),
    ),
)
command(
    AnswerPrompt,
    PromptAnswered,
    reads=False,
    examples=(
        AnswerPrompt(request_id="r-9", prompt_id=PROMPT.prompt_id, answer="Yes"),
        PromptAnswered(
            request_id="r-9",
            prompt_id=PROMPT.prompt_id,
            session_id=SESSION_ID,
            sent="enter",
            prompt_gone=True,
        ),
    ),
)
