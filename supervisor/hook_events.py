"""Claude Code's hook events as values: the typed event and the parsing of one POST body.

Pure (no sockets, no asyncio): :mod:`supervisor.hooks` receives the requests,
:mod:`supervisor.hook_prompts` and the session core read the events.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from shared.errors import TetherError

# The events Tether configures (see supervisor.claude_settings.HOOK_EVENTS); others
# still parse, so a newer Claude Code never breaks an older supervisor.
KNOWN_EVENTS = frozenset(
    {
        "PermissionRequest",
        "PreToolUse",
        "PostToolUse",
        "Stop",
        "StopFailure",
        "Notification",
        "SessionStart",
        "UserPromptSubmit",
    }
)


class HookPayloadError(TetherError, ValueError):
    """The body is not a hook event; the message says what was wrong."""


@dataclass(frozen=True)
class HookEvent:
    """One hook event from one session's Claude Code.

    ``message`` gathers the human-readable text an event carries: a Notification's
    ``message``, a Stop's ``last_assistant_message``, a StopFailure's error.
    ``seq`` increases by one per accepted event across the receiver, so two
    identical requests are still two events.
    """

    session_id: str
    event: str
    seq: int = 0
    tool_name: str = ""
    tool_input: dict[str, Any] = field(default_factory=dict)
    permission_suggestions: list[Any] = field(default_factory=list)
    message: str = ""
    claude_session_id: str = ""
    raw: dict[str, Any] = field(default_factory=dict)

    @property
    def known(self) -> bool:
        return self.event in KNOWN_EVENTS


def _text(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        # StopFailure's error may be an object; its message is what a person reads.
        for key in ("message", "error", "type"):
            if isinstance(value.get(key), str):
                return str(value[key])
    return ""


def _message_of(payload: dict[str, Any]) -> str:
    for key in ("message", "last_assistant_message", "error", "error_message", "reason"):
        text = _text(payload.get(key))
        if text:
            return text
    return ""


def parse_event(session_id: str, body: bytes, seq: int = 0) -> HookEvent:
    """Parse one hook POST body for ``session_id`` (pure).

    Raises :class:`HookPayloadError` if it is not a UTF-8 JSON object with a
    string ``hook_event_name``. Fields of the wrong type are dropped, not fatal.
    """
    try:
        payload = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise HookPayloadError(f"the body is not UTF-8 JSON ({exc})") from None
    if not isinstance(payload, dict):
        raise HookPayloadError("the body must be a JSON object")
    name = payload.get("hook_event_name")
    if not isinstance(name, str) or not name:
        raise HookPayloadError("the JSON object has no string 'hook_event_name'")
    tool_input = payload.get("tool_input")
    suggestions = payload.get("permission_suggestions")
    tool_name = payload.get("tool_name")
    claude_id = payload.get("session_id")
    return HookEvent(
        session_id=session_id,
        event=name,
        seq=seq,
        tool_name=tool_name if isinstance(tool_name, str) else "",
        tool_input=tool_input if isinstance(tool_input, dict) else {},
        permission_suggestions=suggestions if isinstance(suggestions, list) else [],
        message=_message_of(payload),
        claude_session_id=claude_id if isinstance(claude_id, str) else "",
        raw=payload,
    )
