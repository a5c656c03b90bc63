"""``work_finished`` / ``work_announced``: the supervisor tells the relay that long work ended.

Coordinated tasks and batch jobs run on the supervisor, which alone knows when
they finish; the relay announces that through its notification channels. The
supervisor sends ``work_finished`` on its authenticated link (re-sent with the
same ``request_id`` after a lost link, see ``supervisor.relay_requests``); the
relay answers ``work_announced`` at once. The relay treats every field as the
host's own claim: it announces it under that host's name only, keyed by
``(host, kind, ref)`` so a repeat is announced once, and never acts on it.
``detail`` may quote a program's output (a part's last line), so it is
untrusted text, bounded here and shown as data.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from shared.frames import UpAnswerFrame, UpRequestFrame, up_request

WorkKind = Literal["coordination", "batch_job"]
WorkOutcome = Literal["done", "failed"]
MAX_DETAIL = 1000


class WorkFinished(UpRequestFrame):
    type: Literal["work_finished"] = "work_finished"
    kind: WorkKind
    ref: str = Field(pattern=r"^[A-Za-z0-9_.-]{1,64}$")  # coordination_id or job_id
    outcome: WorkOutcome
    title: str = Field(max_length=200)  # the task, or the spec file's name
    detail: str = Field(default="", max_length=MAX_DETAIL)


class WorkAnnounced(UpAnswerFrame):
    type: Literal["work_announced"] = "work_announced"


up_request(
    WorkFinished,
    WorkAnnounced,
    examples=(
        WorkFinished(
            request_id="u-3",
            kind="coordination",
            ref="c-7Qm2x9",
            outcome="done",
            title="Add a cart",
            detail="app: done. Cart model written.",
        ),
        WorkAnnounced(request_id="u-3"),
    ),
)
