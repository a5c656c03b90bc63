"""A deliberately small first tracker: a ``[y/N]``-style question on the cursor line.

The prompt-detection work replaces the detection here with layered rules; the
public methods and their contracts stay.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from pathlib import PurePath

from shared.protocol import ErrorCode, Prompt, PromptKind, PromptOption
from supervisor.screen import ScreenSnapshot

_YES_NO = re.compile(r"[\[(]\s*y(es)?\s*/\s*n(o)?\s*[\])]\s*[:?]?\s*$", re.IGNORECASE)


class PromptError(Exception):
    def __init__(self, code: ErrorCode, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.code, self.message, self.hint = code, message, hint


def family_of(command: list[str]) -> str:
    name = PurePath(command[0]).name if command else ""
    if name in {"claude", "codex", "gemini", "aider"}:
        return name
    if "mock_agent" in " ".join(command[:3]):
        return "claude"
    return "generic"


class PromptTracker:
    def __init__(self, session_id: str, family: str = "generic") -> None:
        self.session_id, self.family = session_id, family
        self._current: Prompt | None = None
        self._fingerprint = ""

    def observe(self, snapshot: ScreenSnapshot, now: float, quiet_for: float) -> Prompt | None:
        line = snapshot.cursor_line.strip()
        if not _YES_NO.search(line):
            self._current, self._fingerprint = None, ""
            return None
        fingerprint = hashlib.sha256(f"{snapshot.cursor_row}:{line}".encode()).hexdigest()
        if fingerprint != self._fingerprint or self._current is None:
            self._fingerprint = fingerprint
            self._current = Prompt(
                prompt_id=f"{self.session_id}:{secrets.token_urlsafe(6)}",
                session_id=self.session_id,
                kind=PromptKind.YES_NO,
                question=line,
                options=[PromptOption(number=1, label="Yes", key="y"),
                         PromptOption(number=2, label="No", key="n")],
                source="screen_rule:generic.yes_no",
                confidence=0.7,
                detected_at=now,
            )
        return self._current

    def pending(self) -> Prompt | None:
        return self._current

    def plan_answer(self, prompt_id: str, answer: str, snapshot: ScreenSnapshot) -> list[bytes]:
        current = self.observe(snapshot, 0.0, 0.0)
        if current is None or current.prompt_id != prompt_id:
            raise PromptError(ErrorCode.PROMPT_STALE, f"prompt {prompt_id} is no longer on screen",
                              "call check_prompts to see what the session asks now")
        word = answer.strip().lower()
        if word in {"1", "y", "yes"}:
            return [b"y", b"\r"]
        if word in {"2", "n", "no"}:
            return [b"n", b"\r"]
        raise PromptError(ErrorCode.INVALID_ANSWER, f"{answer!r} does not answer a yes/no question",
                          "answer yes or no")

    def is_gone(self, prompt_id: str, snapshot: ScreenSnapshot) -> bool:
        current = self.observe(snapshot, 0.0, 0.0)
        return current is None or current.prompt_id != prompt_id
