"""Hook events as prompts and session-state hints (pure).

* :func:`prompt_from_hook` — the :class:`~shared.protocol.Prompt` a hook event
  announces, or None. ``PermissionRequest`` becomes a ``choice`` (``confirm_dangerous``
  for destructive commands), ``PreToolUse`` of ``AskUserQuestion`` the model's
  question with its labels, ``PreToolUse`` of ``ExitPlanMode`` the plan dialog.
* :func:`state_hint` — what an event says about the session's state (``Stop`` ->
  idle, ``StopFailure`` -> idle with an error, activity -> working, a question ->
  waiting), or None.

Option labels are the ones Claude Code's TUI shows (``pty-prompts.md`` §1.1), so
an answer chosen by label can be matched against, and confirmed on, the screen.
Where the TUI adds detail we cannot know from the payload ("Yes, and don't ask
again for <rule>"), the label is the stable prefix. Prompt ids are
``<session_id>:hook<seq>``: unique per event, routable like the tracker's ids.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from shared.protocol import Prompt, PromptKind, PromptOption, SessionState
from supervisor.hook_events import HookEvent

CONFIDENCE = 0.99  # Claude Code told us itself; only the TUI's exact labels are inferred
SUMMARY_CHARS = 160
CONTEXT_LINES = 40
CONTEXT_LINE_CHARS = 200
DANGER_SCAN_CHARS = 64 * 1024

YES = "Yes"
YES_DONT_ASK = "Yes, and don't ask again"
YES_ALL_EDITS = "Yes, allow all edits during this session (shift+tab)"
NO_TELL = "No, and tell Claude what to do differently (esc)"
TYPE_SOMETHING = "Type something."
PLAN_QUESTION = "Would you like to proceed?"
PLAN_OPTIONS = ("Yes, and use auto mode", "Yes, manually approve edits", "No, keep planning")

EDIT_TOOLS = frozenset({"Edit", "MultiEdit", "Write", "NotebookEdit"})
# Tools whose input is a file's content: scanning it for "DROP TABLE" would flag
# every migration file written, so only their path is looked at.
_CONTENT_TOOLS = EDIT_TOOLS
_SUMMARY_FIELDS = (
    "command",
    "file_path",
    "notebook_path",
    "url",
    "query",
    "pattern",
    "path",
    "description",
    "prompt",
)

# Destructive commands: each alternative is anchored on a literal word and uses
# only bounded or single-class repetition, so a scan stays linear.
_DANGEROUS = re.compile(
    r"""
    \brm\s+(?:-\S*\s+)*?(?:-[a-zA-Z]*[rR]|--recursive)   # recursive rm
  | \bgit\s+push\b[^\n;&|]{0,300}?(?:\s--force\b|\s--force-with-lease\b|\s-f\b|\s\+\S)
  | \bgit\s+reset\s+--hard\b
  | \bgit\s+clean\s+-[a-zA-Z]*f
  | \bgit\s+branch\s+-D\b
  | \b(?:DROP\s+(?:TABLE|DATABASE|SCHEMA)|TRUNCATE\s+TABLE)\b
  | \bmkfs\b
  | \bdd\s[^\n]{0,300}?\bof=/dev/
  | \bchmod\s+-R\s+0?777\b
  | \bterraform\s+destroy\b
  | \bkubectl\s+delete\b
  | :\(\)\s*\{\s*:\|:&\s*\};:                                     # fork bomb
    """,
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True)
class StateHint:
    """What a hook says about the session: the state, why, and any text to forward."""

    state: SessionState
    reason: str
    message: str = ""
    error: bool = False


def _one_line(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _clip_lines(text: str) -> list[str]:
    lines = [line[:CONTEXT_LINE_CHARS] for line in text.splitlines() if line.strip()]
    if len(lines) > CONTEXT_LINES:
        lines = lines[:CONTEXT_LINES] + [f"… ({len(lines) - CONTEXT_LINES} more lines)"]
    return lines


def summarize_tool_input(tool_name: str, tool_input: dict[str, Any]) -> str:
    """A one-line summary of what the tool will do: its command, path, URL or query."""
    for key in _SUMMARY_FIELDS:
        value = tool_input.get(key)
        if isinstance(value, str) and value.strip():
            return _one_line(value, SUMMARY_CHARS)
    if not tool_input:
        return "(no input)"
    return _one_line(json.dumps(tool_input, ensure_ascii=False, default=str), SUMMARY_CHARS)


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def is_dangerous(tool_name: str, tool_input: dict[str, Any]) -> bool:
    """Does this tool call look destructive (``rm -rf``, ``git push -f``, ``DROP TABLE``...)?"""
    if tool_name in _CONTENT_TOOLS:
        return False
    text = "\n".join(_strings(tool_input))[:DANGER_SCAN_CHARS]
    return _DANGEROUS.search(text) is not None


def _options(labels: list[str]) -> list[PromptOption]:
    return [
        PromptOption(number=i, label=label, key=str(i), selected=i == 1)
        for i, label in enumerate(labels, start=1)
    ]


def _prompt(
    event: HookEvent,
    session_id: str,
    now: float,
    kind: PromptKind,
    question: str,
    labels: list[str],
    context: list[str],
) -> Prompt:
    return Prompt(
        prompt_id=f"{session_id}:hook{event.seq}",
        session_id=session_id,
        kind=kind,
        question=question,
        options=_options(labels),
        context=context,
        source=f"hook:{event.event}",
        confidence=CONFIDENCE,
        detected_at=now,
    )


def _permission(event: HookEvent, session_id: str, now: float) -> Prompt:
    tool = event.tool_name or "a tool"
    summary = summarize_tool_input(event.tool_name, event.tool_input)
    if event.tool_name in EDIT_TOOLS:
        labels = [YES, YES_ALL_EDITS, NO_TELL]
    elif event.permission_suggestions:
        labels = [YES, YES_DONT_ASK, NO_TELL]
    else:
        labels = [YES, NO_TELL]
    context = [f"tool: {tool}"]
    command = event.tool_input.get("command")
    if isinstance(command, str):
        context += _clip_lines(command)
    description = event.tool_input.get("description")
    if isinstance(description, str) and description.strip():
        context.append(_one_line(description, CONTEXT_LINE_CHARS))
    dangerous = is_dangerous(event.tool_name, event.tool_input)
    kind = PromptKind.CONFIRM_DANGEROUS if dangerous else PromptKind.CHOICE
    return _prompt(event, session_id, now, kind, f"Allow {tool}: {summary}?", labels, context)


def _ask_user_question(event: HookEvent, session_id: str, now: float) -> Prompt | None:
    questions = event.tool_input.get("questions")
    if not isinstance(questions, list) or not questions or not isinstance(questions[0], dict):
        return None
    first = questions[0]
    question = first.get("question")
    if not isinstance(question, str) or not question.strip():
        return None
    labels: list[str] = []
    context: list[str] = []
    for option in first.get("options") or []:
        if isinstance(option, dict) and isinstance(option.get("label"), str):
            labels.append(option["label"])
            if isinstance(option.get("description"), str) and option["description"]:
                context.append(_one_line(f"{option['label']}: {option['description']}", 200))
    if first.get("multiSelect") is True:
        context.append("(several options may be chosen)")
    for later in questions[1:]:
        if isinstance(later, dict) and isinstance(later.get("question"), str):
            context.append(_one_line(f"next question: {later['question']}", 200))
    if not labels:
        return _prompt(event, session_id, now, PromptKind.TEXT, question, [], context)
    # The TUI always offers free text as the last row.
    return _prompt(
        event, session_id, now, PromptKind.CHOICE, question, [*labels, TYPE_SOMETHING], context
    )


def _exit_plan_mode(event: HookEvent, session_id: str, now: float) -> Prompt:
    plan = event.tool_input.get("plan")
    context = _clip_lines(plan) if isinstance(plan, str) else []
    return _prompt(
        event, session_id, now, PromptKind.CHOICE, PLAN_QUESTION, list(PLAN_OPTIONS), context
    )


def prompt_from_hook(event: HookEvent, session_id: str, now: float) -> Prompt | None:
    """The prompt ``event`` announces for ``session_id`` at unix time ``now``, or None."""
    if event.event == "PermissionRequest":
        return _permission(event, session_id, now)
    if event.event == "PreToolUse" and event.tool_name == "AskUserQuestion":
        return _ask_user_question(event, session_id, now)
    if event.event == "PreToolUse" and event.tool_name == "ExitPlanMode":
        return _exit_plan_mode(event, session_id, now)
    return None


def state_hint(event: HookEvent) -> StateHint | None:
    """What ``event`` says about the session's state, or None if nothing."""
    name = event.event
    if name == "Stop":
        return StateHint(SessionState.IDLE, "claude finished its turn (hook:Stop)", event.message)
    if name == "StopFailure":
        detail = event.message or "no detail given"
        return StateHint(
            SessionState.IDLE,
            f"claude's turn ended on an error: {_one_line(detail, 200)} (hook:StopFailure)",
            event.message,
            error=True,
        )
    if name in {"UserPromptSubmit", "PostToolUse"}:
        return StateHint(SessionState.WORKING, f"claude is working (hook:{name})")
    if name == "PermissionRequest" or (
        name == "PreToolUse" and event.tool_name in {"AskUserQuestion", "ExitPlanMode"}
    ):
        return StateHint(SessionState.WAITING_FOR_INPUT, f"claude asks the user (hook:{name})")
    if name == "Notification" and event.raw.get("notification_type") == "idle_prompt":
        return StateHint(
            SessionState.IDLE, "claude is waiting for an instruction (hook:Notification)"
        )
    return None
