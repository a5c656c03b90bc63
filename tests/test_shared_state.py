"""Shared state: versions and compare-and-set, limits, the change feed, the relay's exactly-once
answers and its audit rows (keys and sizes, never values)."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from server.audit import AuditLog
from server.db import open_database
from server.shared_state import RelayState
from shared import shared_state as ss
from shared.shared_state import SharedState, StateError, VersionConflict, encode_value
from shared.state_frames import StateAnswered, StateRequest
from shared.state_sql import SqlStorage
from supervisor.state_store import StateDatabase


@pytest.fixture
def state() -> SharedState:
    return SharedState(SqlStorage(StateDatabase(":memory:")))


def test_a_new_key_starts_at_version_one_and_each_write_adds_one(state: SharedState) -> None:
    assert state.store("host/h/x", "k", "1", "a", 1.0, None).version == 1
    assert state.store("host/h/x", "k", "2", "a", 2.0, None).version == 2
    got = state.retrieve("host/h/x", "k")
    assert got is not None and got.value == "2" and got.version == 2


def test_a_stale_expected_version_is_refused_with_the_current_version(state: SharedState) -> None:
    state.store("global/t", "claim", '"a"', "a", 1.0, 0)
    with pytest.raises(VersionConflict) as refused:
        state.store("global/t", "claim", '"b"', "b", 2.0, 0)
    assert refused.value.current == 1 and "is at version 1" in refused.value.message
    got = state.retrieve("global/t", "claim")
    assert got is not None and got.value == '"a"'
    assert state.store("global/t", "claim", '"b"', "b", 3.0, 1).version == 2


def test_a_value_over_the_limit_is_refused_with_what_to_do() -> None:
    with pytest.raises(StateError) as refused:
        encode_value("x" * ss.MAX_VALUE_BYTES)
    assert "limit per value" in refused.value.message and "split" in refused.value.hint


def test_a_scope_and_a_writer_have_their_own_byte_limits(
    state: SharedState, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ss, "MAX_SCOPE_BYTES", 10)
    state.store("host/h/x", "a", '"12345"', "w", 1.0, None)
    with pytest.raises(StateError, match="limit per scope"):
        state.store("host/h/x", "b", '"123456"', "w", 1.0, None)
    monkeypatch.setattr(ss, "MAX_SCOPE_BYTES", 10_000)
    monkeypatch.setattr(ss, "MAX_WRITER_BYTES", 12)
    with pytest.raises(StateError, match="limit per session"):
        state.store("host/h/y", "c", '"123456"', "w", 1.0, None)
    assert state.store("host/h/y", "c", '"123456"', "other", 1.0, None).version == 1


def test_bad_scope_and_key_names_are_refused(state: SharedState) -> None:
    for scope in ("tasks", "global/../x", "global/", "elsewhere/x"):
        with pytest.raises(StateError):
            state.keys(scope)
    with pytest.raises(StateError):
        state.store("global/t", "a key with spaces", "1", "w", 1.0, None)


def test_the_change_feed_lists_writes_and_deletes_after_a_sequence_number(
    state: SharedState,
) -> None:
    state.store("global/t", "a", "1", "w", 1.0, None)
    first = state.last_seq()
    state.store("global/t", "b", "2", "w", 2.0, None)
    state.delete("global/t", "a", "w", 3.0)
    state.store("global/other", "c", "3", "w", 4.0, None)
    changes = state.changes("global/t", first)
    assert [(c.key, c.action) for c in changes] == [("b", "stored"), ("a", "deleted")]
    assert state.delete_scope("global/t", "w", 5.0) and state.keys("global/t") == []


class _Link:
    def __init__(self) -> None:
        self.sent: list[str] = []

    async def send(self, frame: str) -> None:
        self.sent.append(frame)


def _relay(tmp_path: Path) -> tuple[RelayState, AuditLog, Any]:
    db = open_database(tmp_path)
    audit = AuditLog(db)
    return RelayState(db, audit), audit, SimpleNamespace(host="laptop", link=_Link())


def _store(request_id: str, value: str, expected: int | None) -> StateRequest:
    return StateRequest(
        request_id=request_id,
        op="store",
        scope="global/tasks",
        key="list",
        value=value,
        expected_version=expected,
        actor="abcdefgh1 (planner)",
    )


def test_the_relay_applies_a_resent_write_once_and_answers_it_the_same(tmp_path: Path) -> None:
    relay, _, link = _relay(tmp_path)
    first = relay.serve(link, _store("u-1", '["secret plan"]', None))
    again = relay.serve(link, _store("u-1", '["secret plan"]', None))
    assert first == again and isinstance(first[0], StateAnswered)
    assert first[0].result == {"version": 1}
    got = relay.state.retrieve("global/tasks", "list")
    assert got is not None and got.version == 1


def test_the_relay_keeps_only_global_scopes(tmp_path: Path) -> None:
    relay, _, link = _relay(tmp_path)
    frame = StateRequest(request_id="u-2", op="retrieve", scope="host/desk/x", key="k")
    (answer,) = relay.serve(link, frame)
    assert isinstance(answer, StateAnswered) and answer.error is not None
    assert "only global scopes" in answer.error.message


def test_the_relay_audits_keys_sizes_and_who_but_never_values(tmp_path: Path) -> None:
    relay, audit, link = _relay(tmp_path)
    relay.serve(link, _store("u-3", '["secret plan"]', 0))
    (answer,) = relay.serve(link, _store("u-4", '["other"]', 0))
    assert isinstance(answer, StateAnswered) and answer.error is not None
    assert answer.error.code == "version_conflict"
    rows = [e for e in audit.latest(20) if e.action == "state_stored"]
    assert len(rows) == 1
    assert rows[0].detail["bytes"] == len('["secret plan"]') and rows[0].host == "laptop"
    assert rows[0].detail["by"] == "abcdefgh1 (planner)"
    assert "secret plan" not in json.dumps([e.detail for e in audit.latest(50)])


def test_the_phone_snapshot_lists_global_scopes_and_their_values(tmp_path: Path) -> None:
    relay, _, link = _relay(tmp_path)
    relay.serve(link, _store("u-5", '["a"]', None))
    assert relay.snapshot() == {"scopes": [{"scope": "global/tasks", "keys": 1, "bytes": 5}]}
    entries = relay.snapshot("global/tasks")["entries"]
    assert [(e["key"], e["value"]) for e in entries] == [("list", ["a"])]


def test_a_scope_holds_a_bounded_number_of_keys(
    state: SharedState, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ss, "MAX_SCOPE_KEYS", 1)
    state.store("host/h/x", "a", "1", "w", 1.0, None)
    assert state.store("host/h/x", "a", "2", "w", 1.0, None).version == 2  # an update fits
    with pytest.raises(StateError, match="the most a scope may hold"):
        state.store("host/h/x", "b", "1", "w", 1.0, None)


def test_a_value_nested_too_deep_for_the_link_is_refused() -> None:
    deep: object = 1
    for _ in range(ss.MAX_VALUE_DEPTH + 1):  # one list more than allowed
        deep = [deep]
    with pytest.raises(StateError, match="nests deeper than"):
        encode_value(deep)
    assert encode_value([[1]]) == "[[1]]"
