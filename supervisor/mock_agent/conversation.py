"""The mock agent's conversation memory, so ``--resume <id>`` has something to resume.

Each submitted message is appended to ``<cwd>/.mock-agent/<id>.history`` (one JSON
string per line). A conversation is named after the Tether session it started in
(``TETHER_SESSION_ID``), as Claude Code names its own; ``--resume <id>`` continues
that file, so a chain of resumes keeps one conversation.
"""

from __future__ import annotations

import json
import os
import re

ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
FOLDER = ".mock-agent"


class ConversationError(ValueError):
    """A conversation id that cannot name a file."""


class Conversation:
    def __init__(self, cwd: str, conversation_id: str) -> None:
        if not ID.match(conversation_id):
            raise ConversationError(
                f"conversation id {conversation_id[:80]!r} must be 1-64 letters, digits, '_' or '-'"
            )
        self.id = conversation_id
        self.path = os.path.join(cwd, FOLDER, f"{conversation_id}.history")

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
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            with open(self.path, "a", encoding="utf-8") as handle:
                handle.write(json.dumps(message) + "\n")
        except OSError:
            pass  # a read-only folder: the conversation just is not kept
