"""Values the commands' pinned examples share (see ``tests/golden/frames.json``)."""

from __future__ import annotations

from shared.wire_values import Prompt, PromptKind, PromptOption, SessionInfo, SessionState

SESSION_ID = "s3cr3t-session-id"

INFO = SessionInfo(
    session_id=SESSION_ID,
    command=["claude"],
    cwd="/home/dev/app",
    name="app",
    state=SessionState.WAITING_FOR_INPUT,
    state_since=1700000100.5,
    state_reason="screen_rule:claude.permission",
    started_at=1700000000.0,
    output_bytes=2048,
)
PROMPT = Prompt(
    prompt_id=f"{SESSION_ID}:abc123",
    session_id=SESSION_ID,
    kind=PromptKind.CHOICE,
    question="Do you want to proceed?",
    options=[
        PromptOption(number=1, label="Yes", key="1", selected=True),
        PromptOption(number=2, label="No", key="2"),
    ],
    context=["Bash command", "npm test"],
    source="screen_rule:claude.permission",
    confidence=0.95,
    detected_at=1700000100.5,
)
