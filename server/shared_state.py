"""The relay's side of shared state: the global scopes, kept for every computer of the owner.

Supervisors ask with ``state_request`` (``shared.state_frames``) on their
authenticated link; :meth:`RelayState.serve` answers with ``state_answered``.
Storage is behind :class:`shared.shared_state.Storage` (``shared.state_sql`` over the
relay's database today; a Redis storage can replace it for scale-out).

Contracts:

* Only ``global/...`` scopes are served: a supervisor keeps its own session,
  project and host scopes, and cannot reach another computer's through the relay.
* Exactly once: each answer is recorded by ``(host, request_id)`` in the same
  database before it is sent; the same request again gets the recorded answer
  and is not applied a second time (a write re-sent after a lost link).
* The audit log records every write and delete: host, actor, scope, key, size and
  version, never the value.
* The phone reads through :meth:`RelayState.snapshot` (read-only).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from server.audit import AuditKind, AuditLog
from server.db import Database
from server.hub import Attachment, Hub
from shared.commands.agent_message import (
    AgentMessageDelivered,
    AgentMessageSent,
    DeliverAgentMessage,
    SendAgentMessage,
)
from shared.errors import TetherError
from shared.frames import RequestFailed, UpRequestFrame
from shared.shared_state import SharedState, StateError
from shared.state_frames import StateAnswered, StateRequest
from shared.state_sql import SCHEMA, SqlStorage
from shared.wire_values import ErrorCode, ErrorInfo

log = logging.getLogger(__name__)

MIGRATIONS = (
    "".join(f"{statement};\n" for statement in SCHEMA),
    "CREATE TABLE state_answers (host TEXT NOT NULL, request_id TEXT NOT NULL, "
    "answer TEXT NOT NULL, at REAL NOT NULL, PRIMARY KEY (host, request_id));",
)
KEEP_ANSWERS = 5_000  # per relay; a supervisor re-sends within minutes, not days
WRITES = frozenset({"store", "delete", "delete_scope"})


class RelayState:
    """Global scopes on the relay's database, served to supervisors and read by the phone."""

    def __init__(
        self,
        db: Database,
        audit: AuditLog | None,
        hub: Hub | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        db.migrate("shared_state", MIGRATIONS)
        self._db, self._audit, self._hub, self._clock = db, audit, hub, clock
        self.state = SharedState(SqlStorage(db))
        self._tasks: set[asyncio.Task[None]] = set()

    def serve(self, attachment: Attachment, frame: UpRequestFrame) -> list[BaseModel]:
        """The answer frames to send back on the asking link (the hub calls this)."""
        host = attachment.host
        if isinstance(frame, SendAgentMessage):
            task = asyncio.create_task(self._forward(attachment, frame))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
            return []
        if not isinstance(frame, StateRequest):
            return []
        row = self._db.one(
            "SELECT answer FROM state_answers WHERE host = ? AND request_id = ?",
            (host, frame.request_id),
        )
        if row is not None:
            log.info(
                "state request %s from %r answered again from the record", frame.request_id, host
            )
            return [StateAnswered.model_validate_json(row[0])]
        answer = self._answer(host, frame)
        if frame.op in WRITES:
            with self._db.transaction() as tx:
                tx.execute(
                    "INSERT OR REPLACE INTO state_answers VALUES (?, ?, ?, ?)",
                    (host, frame.request_id, answer.model_dump_json(), self._clock()),
                )
                tx.execute(
                    "DELETE FROM state_answers WHERE rowid IN (SELECT rowid FROM state_answers "
                    "ORDER BY at DESC LIMIT -1 OFFSET ?)",
                    (KEEP_ANSWERS,),
                )
        return [answer]

    async def _forward(self, attachment: Attachment, frame: SendAgentMessage) -> None:
        """Deliver a session's message to a session on another computer; answer the sender.

        The target's supervisor checks its own policy against the sender's project.
        """
        answer = AgentMessageSent(request_id=frame.request_id)
        try:
            if self._hub is None:
                raise StateError("this relay does not forward messages", "")
            reply = await self._hub.call(
                DeliverAgentMessage(
                    request_id=frame.request_id,
                    session_id=frame.session_id,
                    text=frame.text,
                    sender=frame.sender,
                ),
                session_id=frame.session_id,
            )
            if isinstance(reply, AgentMessageDelivered):
                answer = AgentMessageSent(
                    request_id=frame.request_id,
                    session=reply.session,
                    bytes_written=reply.bytes_written,
                )
            elif isinstance(reply, RequestFailed):
                answer = AgentMessageSent(request_id=frame.request_id, error=reply.error)
        except TetherError as exc:
            answer = AgentMessageSent(request_id=frame.request_id, error=exc.info())
        except ValueError:  # the same request is still in flight (re-sent after a lost link)
            return
        if self._audit is not None:
            self._audit.record(
                actor=f"supervisor:{attachment.host}",
                kind=AuditKind.SUPERVISOR,
                action="agent_message",
                result="ok" if answer.error is None else str(answer.error.code),
                host=attachment.host,
                session=frame.session_id,
                detail={"from": frame.sender.session_id, "chars": len(frame.text)},
            )
        try:
            await attachment.link.send(answer.model_dump_json())
        except (OSError, RuntimeError, ConnectionError):
            log.info("the link of %r closed before the message's answer was sent", attachment.host)

    def _answer(self, host: str, frame: StateRequest) -> StateAnswered:
        try:
            if frame.op != "list_scopes" and not frame.scope.startswith("global/"):
                raise StateError(
                    f"the relay keeps only global scopes, not {frame.scope!r}",
                    "session, project and host scopes live on the session's own computer",
                    ErrorCode.POLICY_REFUSED,
                )
            result = self._run(host, frame)
        except TetherError as exc:
            return StateAnswered(request_id=frame.request_id, error=exc.info())
        except Exception:  # a bug must not kill the link; the supervisor gets a clear error
            log.exception("state request %s from %r failed", frame.request_id, host)
            return StateAnswered(
                request_id=frame.request_id,
                error=ErrorInfo(
                    code=ErrorCode.INTERNAL,
                    message="the relay failed to serve this state request",
                    hint="try again; the relay's log has the details",
                ),
            )
        return StateAnswered(request_id=frame.request_id, result=result)

    def _run(self, host: str, frame: StateRequest) -> dict[str, Any]:
        s, now, who = self.state, self._clock(), f"{host}/{frame.actor}"
        if frame.op == "store":
            entry = s.store(
                frame.scope, frame.key, frame.value or "null", who, now, frame.expected_version
            )
            self._record(host, frame, "state_stored", len(entry.value.encode()), entry.version)
            return {"version": entry.version}
        if frame.op == "retrieve":
            got = s.retrieve(frame.scope, frame.key)
            return {"entry": got.as_dict() if got else None}
        if frame.op == "list_keys":
            return {
                "keys": [
                    _key(e.key, e.version, len(e.value.encode()), e.writer)
                    for e in s.keys(frame.scope)
                ]
            }
        if frame.op == "list_scopes":
            return {"scopes": [_scope(*row) for row in s.scopes("global/")]}
        if frame.op == "delete":
            deleted = s.delete(frame.scope, frame.key, who, now)
            self._record(host, frame, "state_deleted", 0, 0)
            return {"deleted": deleted}
        if frame.op == "delete_scope":
            deleted = s.delete_scope(frame.scope, who, now)
            self._record(host, frame, "state_scope_deleted", 0, 0)
            return {"deleted": deleted}
        changes = s.changes(frame.scope, frame.since)
        return {"changes": [c.as_dict() for c in changes], "last_seq": s.last_seq()}

    def _record(self, host: str, frame: StateRequest, action: str, size: int, version: int) -> None:
        if self._audit is None:
            return
        self._audit.record(
            actor=f"supervisor:{host}",
            kind=AuditKind.SUPERVISOR,
            action=action,
            result="ok",
            host=host,
            detail={
                "by": frame.actor,
                "scope": frame.scope,
                "key": frame.key,
                "bytes": size,
                "version": version,
            },
        )

    def snapshot(self, scope: str | None = None) -> dict[str, Any]:
        """What the phone sees: every global scope, or one scope's keys and values."""
        if scope is None:
            return {"scopes": [_scope(*row) for row in self.state.scopes("global/")]}
        return {"scope": scope, "entries": [e.as_dict() for e in self.state.keys(scope)]}


def _key(key: str, version: int, size: int, writer: str) -> dict[str, Any]:
    return {"key": key, "version": version, "bytes": size, "written_by": writer}


def _scope(scope: str, keys: int, size: int) -> dict[str, Any]:
    return {"scope": scope, "keys": keys, "bytes": size}
