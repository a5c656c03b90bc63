"""Shared state for agents: scopes of versioned JSON values, compare-and-set, a change feed.

The rules live here, pure; the bytes live behind :class:`Storage` (SQLite today:
``shared/state_store.py``; the relay may move it to Redis). Both the supervisor
(session, project and host scopes) and the relay (global scopes, shared by the
owner's computers) run the same :class:`SharedState` over their own storage.

Contract:

* A scope is a string ``kind/...`` naming where it lives: ``session/<id>/<name>``,
  ``project/<host>/<path>/<name>``, ``host/<host>/<name>``, ``global/<name>``.
  Who may use which scope is decided by the caller (the owner's policy), not here.
* A value is any JSON; it is stored as compact JSON text. Limits, each refused with
  a message saying what to do: :data:`MAX_VALUE_BYTES` per value,
  :data:`MAX_SCOPE_BYTES` and :data:`MAX_SCOPE_KEYS` per scope,
  :data:`MAX_WRITER_BYTES` for everything one session wrote.
* Every key has a version: 1 when created, +1 per write. ``store`` with
  ``expected_version`` succeeds only if the key's version is exactly that (0: the
  key must not exist); otherwise :class:`VersionConflict` names the current
  version. Without ``expected_version`` the write is unconditional.
* Every write and delete appends a change with a sequence number, increasing
  across the store; ``changes(scope, since)`` lists those after ``since``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Protocol

from shared.errors import TetherError
from shared.wire_values import ErrorCode

MAX_VALUE_BYTES = 64 * 1024
MAX_SCOPE_BYTES = 1024 * 1024
MAX_SCOPE_KEYS = 1000
MAX_WRITER_BYTES = 4 * 1024 * 1024
MAX_CHANGES = 200  # per changes() answer
# Values travel inside link frames, which refuse nesting past 16 levels; 8 leaves room.
MAX_VALUE_DEPTH = 8
KEY_PATTERN = re.compile(r"^[A-Za-z0-9._:@+\-]{1,128}$")
SCOPE_PATTERN = re.compile(r"^(session|project|host|global)/[A-Za-z0-9._:@+/\-]{1,400}$")


class StateError(TetherError):
    """A state request that cannot be served; the message says what to do."""

    def __init__(self, message: str, hint: str, code: ErrorCode = ErrorCode.INVALID_ARGUMENT):
        super().__init__(message, hint, code=code)


class VersionConflict(StateError):
    """``expected_version`` is stale: someone else wrote the key first."""

    def __init__(self, scope: str, key: str, expected: int, current: int) -> None:
        now = f"is at version {current}" if current else "does not exist"
        super().__init__(
            f"{key!r} in {scope!r} {now}, not version {expected}: another writer changed it first",
            f"retrieve_data to see the current value, then store again with "
            f"expected_version={current} if your change still applies",
            ErrorCode.VERSION_CONFLICT,
        )
        self.current = current


@dataclass(frozen=True)
class Entry:
    scope: str
    key: str
    value: str  # compact JSON text
    version: int
    writer: str  # the session that wrote it
    updated_at: float

    def as_dict(self) -> dict[str, Any]:
        return {
            "scope": self.scope,
            "key": self.key,
            "value": json.loads(self.value),
            "version": self.version,
            "written_by": self.writer,
            "updated_at": self.updated_at,
        }


@dataclass(frozen=True)
class Change:
    seq: int
    scope: str
    key: str  # "" for a whole scope deleted
    action: str  # "stored" | "deleted" | "scope_deleted"
    version: int
    writer: str
    at: float

    def as_dict(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "scope": self.scope,
            "key": self.key,
            "action": self.action,
            "version": self.version,
            "by": self.writer,
            "at": self.at,
        }


class Storage(Protocol):
    """Where entries and changes live. Each method is atomic on its own."""

    def get(self, scope: str, key: str) -> Entry | None: ...
    def put(self, entry: Entry, expected: int | None) -> Change | int:
        """Write if the key's current version equals ``expected`` (None: any);
        the change, or the current version (0: absent) when it did not match."""
        ...

    def delete(self, scope: str, key: str, writer: str, at: float) -> Change | None: ...
    def delete_scope(self, scope: str, writer: str, at: float) -> Change | None: ...
    def keys(self, scope: str) -> list[Entry]: ...
    def scopes(self, prefix: str) -> list[tuple[str, int, int]]:
        """``(scope, keys, bytes)`` of every non-empty scope starting with ``prefix``."""
        ...

    def scope_usage(self, scope: str) -> tuple[int, int]:
        """``(keys, bytes)`` held in ``scope``."""
        ...

    def writer_bytes(self, writer: str) -> int: ...
    def changes(self, scope: str, since: int, limit: int) -> list[Change]: ...
    def last_seq(self) -> int: ...


def check_scope(scope: str) -> str:
    if not SCOPE_PATTERN.match(scope) or "//" in scope or scope.endswith("/") or ".." in scope:
        raise StateError(
            f"{scope!r} is not a scope name",
            "use session, project, host or global, optionally followed by ':' and a name "
            "such as 'global:tasks'",
        )
    return scope


def check_key(key: str) -> str:
    if not KEY_PATTERN.match(key):
        raise StateError(
            f"{key!r} is not a valid key",
            "use 1-128 letters, digits and . _ : @ + -",
        )
    return key


def encode_value(value: Any) -> str:
    """Compact JSON of ``value``; refused past :data:`MAX_VALUE_BYTES` or `MAX_VALUE_DEPTH`."""
    level, depth = [value], 0
    while level:  # breadth first: a deep value cannot recurse here
        depth += 1
        if depth > MAX_VALUE_DEPTH:
            raise StateError(
                f"the value nests deeper than {MAX_VALUE_DEPTH} levels",
                "flatten it, e.g. store the inner parts under their own keys",
            )
        level = [
            child
            for item in level
            if isinstance(item, dict | list)
            for child in (item.values() if isinstance(item, dict) else item)
            if isinstance(child, dict | list)
        ]
    try:
        text = json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise StateError(
            f"the value is not JSON: {exc}", "store strings, numbers, lists, objects"
        ) from None
    if len(text.encode()) > MAX_VALUE_BYTES:
        raise StateError(
            f"the value is {len(text.encode())} bytes as JSON, over the {MAX_VALUE_BYTES}-byte "
            "limit per value",
            "split it over several keys, or store a summary and keep the rest in a file",
        )
    return text


class SharedState:
    """The rules over one :class:`Storage`; time is passed in (``now``)."""

    def __init__(self, storage: Storage) -> None:
        self.storage = storage

    def store(
        self, scope: str, key: str, value_json: str, writer: str, now: float, expected: int | None
    ) -> Entry:
        check_scope(scope), check_key(key)
        size = len(value_json.encode())
        if size > MAX_VALUE_BYTES:
            raise StateError(
                f"the value is {size} bytes, over the {MAX_VALUE_BYTES}-byte limit per value",
                "split it over several keys",
            )
        if expected is not None and expected < 0:
            raise StateError("expected_version cannot be negative", "pass 0 for a new key")
        old = self.storage.get(scope, key)
        old_size = len(old.value.encode()) if old else 0
        keys, used = self.storage.scope_usage(scope)
        if old is None and keys >= MAX_SCOPE_KEYS:
            raise StateError(
                f"{scope!r} already holds {keys} keys, the most a scope may hold",
                "delete keys you no longer need, or use another scope",
            )
        if used - old_size + size > MAX_SCOPE_BYTES:
            raise StateError(
                f"{scope!r} would hold {used - old_size + size} bytes, over the "
                f"{MAX_SCOPE_BYTES}-byte limit per scope",
                "delete keys you no longer need, or use another scope",
            )
        mine = self.storage.writer_bytes(writer) - (old_size if old and old.writer == writer else 0)
        if mine + size > MAX_WRITER_BYTES:
            raise StateError(
                f"this session's values would total {mine + size} bytes, over the "
                f"{MAX_WRITER_BYTES}-byte limit per session",
                "delete values this session stored and no longer needs",
            )
        entry = Entry(scope, key, value_json, 0, writer, now)
        outcome = self.storage.put(entry, expected)
        if isinstance(outcome, int):
            raise VersionConflict(scope, key, expected or 0, outcome)
        return Entry(scope, key, value_json, outcome.version, writer, now)

    def retrieve(self, scope: str, key: str) -> Entry | None:
        return self.storage.get(check_scope(scope), check_key(key))

    def delete(self, scope: str, key: str, writer: str, now: float) -> bool:
        return self.storage.delete(check_scope(scope), check_key(key), writer, now) is not None

    def delete_scope(self, scope: str, writer: str, now: float) -> bool:
        return self.storage.delete_scope(check_scope(scope), writer, now) is not None

    def keys(self, scope: str) -> list[Entry]:
        return self.storage.keys(check_scope(scope))

    def scopes(self, prefix: str) -> list[tuple[str, int, int]]:
        return self.storage.scopes(prefix)

    def changes(self, scope: str, since: int) -> list[Change]:
        return self.storage.changes(check_scope(scope), max(0, since), MAX_CHANGES)

    def last_seq(self) -> int:
        return self.storage.last_seq()
