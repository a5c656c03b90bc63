"""The mock agent's conversation memory, so ``--resume <id>`` has something to resume.

Each submitted message is appended to ``<id>.history`` (one JSON string per line) in
``$MOCK_AGENT_HOME`` (the supervisor sets it to ``$TETHER_HOME/mock-agent``), else in
``~/.local/state/tether-mock-agent``: never in the session's folder, which belongs to the
owner's project (Claude Code, too, keeps its conversations under ``~/.claude``). A
conversation is named after the Tether session it started in (``TETHER_SESSION_ID``), as
Claude Code names its own; ``--resume <id>`` continues that file, so a chain of resumes
keeps one conversation.
"""

from __future__ import annotations

import json
import os
import re

ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def home() -> str:
    """Where conversations are kept."""
    chosen = os.environ.get("MOCK_AGENT_HOME")
    if chosen:
        return chosen
    state = os.environ.get("XDG_STATE_HOME") or os.path.expanduser("~/.local/state")
    return os.path.join(state, "tether-mock-agent")


class ConversationError(ValueError):
    """A conversation id that cannot name a file."""


class Conversation:
    def __init__(self, conversation_id: str, folder: str | None = None) -> None:
        if not ID.match(conversation_id):
            raise ConversationError(
                f"conversation id {conversation_id[:80]!r} must be 1-64 letters, digits, '_' or '-'"
            )
        self.id = conversation_id
        self.path = os.path.join(folder or home(), f"{conversation_id}.history")

    def messages(self) -> list[str]:
        """What was said so far (empty for a new conversation)."""
        try:
            with open(self.path, encoding="utf-8") as handle:
                return [json.loads(line) for line in handle if line.strip()]
        except FileNotFoundError:
            return []
        except (OSError, ValueError):
            return []  # an unreadable history resumes as an empty one

    def add(self, message: str) -> None:
        try:
            os.makedirs(os.path.dirname(self.path), mode=0o700, exist_ok=True)
            with open(self.path, "a", encoding="utf-8") as handle:
                handle.write(json.dumps(message) + "\n")
        except OSError:
            pass  # a read-only folder: the conversation just is not kept
