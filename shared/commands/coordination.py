"""Coordinated tasks: ``start_coordination`` and ``read_coordination``.

A task is split into parts, each sent to a session (an existing one, or a new
one started under the policy for a part that names none). The supervisor then
tracks each part from its session's state: ``working``; ``waiting_for_person``
(a prompt on screen); ``done`` (idle again after the part was sent, or exited
with code 0); ``failed`` (exited otherwise, or could not be sent).
``read_coordination`` reports progress, waiting up to ``wait`` seconds for the
task to finish; once every part is done or failed it carries the final summary.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from shared.frames import CommandFrame, ReplyFrame, command
from shared.wire_values import (
    MAX_TEXT_CHARS,
    MAX_WAIT_SECONDS,
    SESSION_ID_PATTERN,
    SessionInfo,
    WireModel,
)

PartState = Literal["working", "waiting_for_person", "done", "failed"]
COORDINATION_ID_PATTERN = r"^c-[A-Za-z0-9_-]{6,40}$"
MAX_PARTS = 12


class Assignment(WireModel):
    part: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    session_id: str | None = Field(default=None, pattern=SESSION_ID_PATTERN)
    cwd: str | None = Field(default=None, max_length=4096)  # for a new session
    name: str | None = Field(default=None, max_length=200)


class PartStatus(WireModel):
    part: str
    session_id: str | None
    name: str
    state: PartState
    reason: str
    summary: str = ""  # the agent's last reply, or the last readable line (redacted)


class Coordination(WireModel):
    coordination_id: str
    task: str
    created_at: float
    parts: list[PartStatus]
    finished: bool
    summary: str = ""  # once finished: one line per part


class StartCoordination(CommandFrame):
    type: Literal["start_coordination"] = "start_coordination"
    task: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    assignments: list[Assignment] = Field(min_length=1, max_length=MAX_PARTS)


class ReadCoordination(CommandFrame):
    type: Literal["read_coordination"] = "read_coordination"
    coordination_id: str = Field(pattern=COORDINATION_ID_PATTERN)
    wait: float = Field(default=0.0, ge=0, le=MAX_WAIT_SECONDS)


class CoordinationRead(ReplyFrame):
    type: Literal["coordination_read"] = "coordination_read"
    coordination: Coordination
    started: list[SessionInfo] = []  # start_coordination: the sessions it started for parts

    def reported_sessions(self) -> list[SessionInfo]:
        return self.started


_EXAMPLE = Coordination(
    coordination_id="c-7Qm2x9",
    task="Add a cart",
    created_at=1700000000.0,
    parts=[
        PartStatus(
            part="Write the cart model",
            session_id="s3cr3t-session-id",
            name="app",
            state="working",
            reason="producing output",
        )
    ],
    finished=False,
)
command(
    StartCoordination,
    CoordinationRead,
    reads=False,
    starts_sessions=True,
    examples=(
        StartCoordination(
            request_id="r-27",
            task="Add a cart",
            assignments=[Assignment(part="Write the cart model", session_id="s3cr3t-session-id")],
        ),
        CoordinationRead(request_id="r-27", coordination=_EXAMPLE),
    ),
)
command(
    ReadCoordination,
    CoordinationRead,
    reads=True,
    examples=(ReadCoordination(request_id="r-28", coordination_id="c-7Qm2x9", wait=10),),
)
