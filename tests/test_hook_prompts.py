"""Hook events as prompts and state hints: the pure mapping in supervisor.hook_prompts."""

from __future__ import annotations

import json
from typing import Any

import pytest

from shared.protocol import Prompt, PromptKind, SessionState
from supervisor.hook_prompts import (
    NO_TELL,
    PLAN_OPTIONS,
    TYPE_SOMETHING,
    YES,
    YES_ALL_EDITS,
    YES_DONT_ASK,
    is_dangerous,
    prompt_from_hook,
    state_hint,
)
from supervisor.hooks import HookEvent, parse_event

SID = "session-aaaa1111"
SUGGESTION = {
    "type": "addRules",
    "rules": [{"toolName": "Bash", "ruleContent": "npm test:*"}],
    "behavior": "allow",
    "destination": "localSettings",
}


def permission_payload(command: str = "npm test") -> dict[str, Any]:
    return {
        "session_id": "claude-uuid-1",
        "hook_event_name": "PermissionRequest",
        "permission_mode": "default",
        "tool_name": "Bash",
        "tool_input": {"command": command, "description": "Run the tests"},
        "permission_suggestions": [SUGGESTION],
    }


def event_of(payload: dict[str, Any], seq: int = 7) -> HookEvent:
    return parse_event(SID, json.dumps(payload).encode(), seq=seq)


def labels(prompt: Prompt | None) -> list[str]:
    assert prompt is not None
    return [o.label for o in prompt.options]


def test_a_permission_request_becomes_a_choice_with_the_tuis_labels() -> None:
    prompt = prompt_from_hook(event_of(permission_payload()), SID, 123.0)
    assert prompt is not None
    assert prompt.prompt_id == f"{SID}:hook7"
    assert prompt.session_id == SID
    assert prompt.kind is PromptKind.CHOICE
    assert prompt.question == "Allow Bash: npm test?"
    assert labels(prompt) == [YES, YES_DONT_ASK, NO_TELL]
    assert [o.key for o in prompt.options] == ["1", "2", "3"]
    assert prompt.source == "hook:PermissionRequest"
    assert prompt.confidence == 0.99
    assert prompt.detected_at == 123.0
    assert "npm test" in prompt.context and "Run the tests" in prompt.context


def test_a_permission_request_without_suggestions_offers_no_dont_ask_again() -> None:
    payload = {**permission_payload(), "permission_suggestions": []}
    prompt = prompt_from_hook(event_of(payload), SID, 1.0)
    assert prompt is not None and labels(prompt) == [YES, NO_TELL]


def test_an_edit_permission_offers_allowing_all_edits_and_names_the_file() -> None:
    payload = {
        **permission_payload(),
        "tool_name": "Write",
        "tool_input": {"file_path": "src/app.py", "content": "DROP TABLE users;"},
    }
    prompt = prompt_from_hook(event_of(payload), SID, 1.0)
    assert prompt is not None
    assert prompt.question == "Allow Write: src/app.py?"
    assert labels(prompt) == [YES, YES_ALL_EDITS, NO_TELL]
    assert prompt.kind is PromptKind.CHOICE  # file content is not a command


@pytest.mark.parametrize(
    "tool, tool_input",
    [
        ("Bash", {"command": "rm -rf build"}),
        ("Bash", {"command": "rm -f -r ./dist"}),
        ("Bash", {"command": "cd repo && git push --force origin main"}),
        ("Bash", {"command": "git push -f"}),
        ("Bash", {"command": "git reset --hard HEAD~3"}),
        ("Bash", {"command": "psql -c 'DROP TABLE users'"}),
        ("mcp__db__query", {"sql": "drop database prod"}),
        ("Bash", {"command": "dd if=/dev/zero of=/dev/sda"}),
    ],
)
def test_destructive_commands_ask_for_a_dangerous_confirmation(
    tool: str, tool_input: dict[str, Any]
) -> None:
    payload = {**permission_payload(), "tool_name": tool, "tool_input": tool_input}
    prompt = prompt_from_hook(event_of(payload), SID, 1.0)
    assert prompt is not None and prompt.kind is PromptKind.CONFIRM_DANGEROUS


@pytest.mark.parametrize(
    "command",
    [
        "rm notes.txt",
        "git push origin main",
        "ls -R src",
        "pytest -x tests/",
        "echo 'form -r'",
        "npm run format",
        "grep -r TODO src",
    ],
)
def test_ordinary_commands_are_plain_choices(command: str) -> None:
    assert not is_dangerous("Bash", {"command": command})


def test_a_pathological_command_is_classified_quickly() -> None:
    assert not is_dangerous("Bash", {"command": "rm " + "-f " * 50_000 + "x"})
    assert not is_dangerous("Bash", {"command": "git push " + "a" * 200_000})


def test_ask_user_question_becomes_a_choice_of_the_models_labels_plus_free_text() -> None:
    payload = {
        "hook_event_name": "PreToolUse",
        "tool_name": "AskUserQuestion",
        "tool_input": {
            "questions": [
                {
                    "question": "Which auth method?",
                    "header": "Auth",
                    "multiSelect": True,
                    "options": [{"label": "OAuth", "description": "standard"}, {"label": "JWT"}],
                },
                {"question": "Add tests?", "options": [{"label": "Yes"}]},
            ]
        },
    }
    prompt = prompt_from_hook(event_of(payload), SID, 1.0)
    assert prompt is not None
    assert (prompt.kind, prompt.question) == (PromptKind.CHOICE, "Which auth method?")
    assert labels(prompt) == ["OAuth", "JWT", TYPE_SOMETHING]
    assert prompt.source == "hook:PreToolUse"
    assert "OAuth: standard" in prompt.context
    assert "(several options may be chosen)" in prompt.context
    assert "next question: Add tests?" in prompt.context


@pytest.mark.parametrize(
    "tool_input",
    [{}, {"questions": []}, {"questions": ["text"]}, {"questions": [{"question": ""}]}],
)
def test_a_malformed_question_is_no_prompt(tool_input: dict[str, Any]) -> None:
    payload = {
        "hook_event_name": "PreToolUse",
        "tool_name": "AskUserQuestion",
        "tool_input": tool_input,
    }
    assert prompt_from_hook(event_of(payload), SID, 1.0) is None


def test_exit_plan_mode_asks_whether_to_proceed_with_the_plan_as_context() -> None:
    plan = "1. Add the model\n\n2. Migrate the database\n" + "".join(
        f"step {i}\n" for i in range(60)
    )
    payload = {
        "hook_event_name": "PreToolUse",
        "tool_name": "ExitPlanMode",
        "tool_input": {"plan": plan},
    }
    prompt = prompt_from_hook(event_of(payload), SID, 1.0)
    assert prompt is not None
    assert (prompt.kind, prompt.question) == (PromptKind.CHOICE, "Would you like to proceed?")
    assert labels(prompt) == list(PLAN_OPTIONS)
    assert prompt.context[:2] == ["1. Add the model", "2. Migrate the database"]
    assert prompt.context[-1] == "… (22 more lines)"


def test_stop_means_idle_and_forwards_the_last_message() -> None:
    event = event_of(
        {"hook_event_name": "Stop", "last_assistant_message": "Done: 3 files changed."}
    )
    assert prompt_from_hook(event, SID, 1.0) is None
    hint = state_hint(event)
    assert hint is not None
    assert (hint.state, hint.message, hint.error) == (
        SessionState.IDLE,
        "Done: 3 files changed.",
        False,
    )
    assert "hook:Stop" in hint.reason


def test_stop_failure_means_idle_with_the_error() -> None:
    event = event_of({"hook_event_name": "StopFailure", "error": "API Error: 529 overloaded"})
    assert prompt_from_hook(event, SID, 1.0) is None
    hint = state_hint(event)
    assert hint is not None and hint.state is SessionState.IDLE and hint.error
    assert "529 overloaded" in hint.reason


@pytest.mark.parametrize(
    "payload, state",
    [
        ({"hook_event_name": "UserPromptSubmit", "prompt": "fix it"}, SessionState.WORKING),
        ({"hook_event_name": "PostToolUse", "tool_name": "Read"}, SessionState.WORKING),
        (permission_payload(), SessionState.WAITING_FOR_INPUT),
        (
            {"hook_event_name": "Notification", "notification_type": "idle_prompt"},
            SessionState.IDLE,
        ),
        ({"hook_event_name": "Notification", "notification_type": "permission_prompt"}, None),
        ({"hook_event_name": "SessionStart", "source": "startup"}, None),
    ],
)
def test_activity_events_hint_at_the_session_state(
    payload: dict[str, Any], state: SessionState | None
) -> None:
    hint = state_hint(event_of(payload))
    assert (hint.state if hint else None) == state
