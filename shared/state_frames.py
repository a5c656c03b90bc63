"""``state_request`` / ``state_answered``: a supervisor asks the relay about global scopes.

Global scopes are kept by the relay so that sessions on the owner's computers
coordinate (``shared.shared_state``). A supervisor sends ``state_request`` on its
authenticated link; the relay answers ``state_answered`` with the same
``request_id``. The relay records each answer by request id before sending it,
so a request re-sent after a lost link gets the same answer and a write is
never applied twice. The relay never sees which agent asked beyond ``actor``
(a session id and name of that supervisor, for the audit log).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from shared.frames import UpAnswerFrame, UpRequestFrame, up_request
from shared.shared_state import MAX_VALUE_BYTES

StateOp = Literal[
    "store", "retrieve", "list_keys", "list_scopes", "delete", "delete_scope", "changes"
]


class StateRequest(UpRequestFrame):
    type: Literal["state_request"] = "state_request"
    op: StateOp
    scope: str = Field(default="", max_length=410)
    key: str = Field(default="", max_length=128)
    value: str | None = Field(default=None, max_length=MAX_VALUE_BYTES)  # JSON text (store)
    expected_version: int | None = Field(default=None, ge=0)
    since: int = Field(default=0, ge=0)
    actor: str = Field(default="", max_length=200)  # "<session id> (<name>)", for the audit


class StateAnswered(UpAnswerFrame):
    type: Literal["state_answered"] = "state_answered"
    result: dict[str, Any] = {}


up_request(
    StateRequest,
    StateAnswered,
    examples=(
        StateRequest(
            request_id="u-1",
            op="store",
            scope="global/tasks",
            key="list",
            value='["write docs","fix bug"]',
            expected_version=0,
            actor="abcdefgh1 (planner)",
        ),
        StateAnswered(request_id="u-1", result={"version": 1}),
    ),
)
