"""``run_temp_session``: run one command in a throwaway session and return its result.

The supervisor starts the command like ``start_session`` (same policy checks),
waits for it to exit or for ``timeout`` seconds, kills the whole process group
if it is still running, and forgets the session: nothing is left running and
nothing stays listed. The reply carries the exit status, the readable output
(redacted, the newest ``max_bytes`` kept) and what was cleaned up.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from shared.frames import CommandFrame, ReplyFrame, command
from shared.wire_values import MAX_READ_BYTES

MAX_TEMP_SECONDS = 1800.0


class RunTempSession(CommandFrame):
    type: Literal["run_temp_session"] = "run_temp_session"
    command: list[Annotated[str, Field(max_length=4096)]] = Field(min_length=1, max_length=256)
    cwd: str | None = Field(default=None, max_length=4096)
    timeout: float = Field(default=60.0, gt=0, le=MAX_TEMP_SECONDS)
    max_bytes: int = Field(default=16 * 1024, ge=1, le=MAX_READ_BYTES)


class TempSessionFinished(ReplyFrame):
    type: Literal["temp_session_finished"] = "temp_session_finished"
    session_id: str
    command: list[str]
    cwd: str
    exit_code: int | None  # negative: killed by that signal
    timed_out: bool
    seconds: float
    output: str  # what a person would read, redacted
    skipped_lines: int
    cleaned_up: list[str]  # what was done so nothing is left, in plain words


command(
    RunTempSession,
    TempSessionFinished,
    reads=False,
    examples=(
        RunTempSession(
            request_id="r-21", command=["npm", "test"], cwd="/home/dev/app", timeout=120
        ),
        TempSessionFinished(
            request_id="r-21",
            session_id="t3mp-session-id",
            command=["npm", "test"],
            cwd="/home/dev/app",
            exit_code=0,
            timed_out=False,
            seconds=4.2,
            output="12 passing",
            skipped_lines=0,
            cleaned_up=["the program exited by itself", "the session was removed from the list"],
        ),
    ),
)
