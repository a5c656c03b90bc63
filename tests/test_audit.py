"""The audit log: append-only, hash-chained, and never holding a secret or typed text."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from server.audit import (
    GENESIS,
    MAX_STRING_CHARS,
    REDACTED,
    AuditKind,
    AuditLog,
    Head,
    row_hash,
    sanitize,
)
from server.db import DB_NAME, Database, DatabaseError, open_database

CANARY = "canary-s3cr3t-7f1e9d"


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.25

    def __call__(self) -> float:
        self.now += 1
        return self.now


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    database = open_database(data_dir)
    yield database
    database.close()


@pytest.fixture
def audit(db: Database) -> AuditLog:
    return AuditLog(db, clock=Clock())


def fill(audit: AuditLog, n: int = 5) -> None:
    for i in range(n):
        audit.record(
            actor=f"client:c{i}",
            kind=AuditKind.TOOL_CALL,
            action="read_output",
            result="ok",
            host="studio",
            session=f"sess-{i:04d}abcd",
            detail={"mode": "screen", "max_bytes": 1000 + i},
        )


def tamper(data_dir: Path, sql: str) -> None:
    """Edit the file behind the relay's back, as an intruder with file access would."""
    raw = sqlite3.connect(data_dir / DB_NAME)
    raw.execute("DROP TRIGGER IF EXISTS audit_no_update")
    raw.execute("DROP TRIGGER IF EXISTS audit_no_delete")
    raw.execute(sql)
    raw.commit()
    raw.close()


def test_a_recorded_entry_comes_back_with_every_field(audit: AuditLog) -> None:
    entry = audit.record(
        actor="client:abc",
        kind=AuditKind.TOOL_CALL,
        action="stop_session",
        result="ok",
        host="studio",
        session="sess-1234abcd",
        detail={"force": True},
    )
    [latest] = audit.latest(1)
    assert latest == entry
    assert (latest.seq, latest.actor, latest.kind, latest.host, latest.session) == (
        1, "client:abc", "tool_call", "studio", "sess-1234abcd",
    )  # fmt: skip
    assert (latest.action, latest.result, latest.detail) == ("stop_session", "ok", {"force": True})
    assert latest.prev_hash == GENESIS


def test_latest_returns_the_newest_rows_first(audit: AuditLog) -> None:
    fill(audit, 7)
    rows = audit.latest(3)
    assert [r.seq for r in rows] == [7, 6, 5]
    assert len(audit.latest(100)) == 7


def test_the_chain_of_an_untouched_log_verifies(audit: AuditLog) -> None:
    fill(audit, 12)
    report = audit.verify_chain(batch=5)  # across batch boundaries
    assert report.ok and report.rows == 12
    assert audit.verify_chain().ok  # an empty or full log: both fine
    entries = list(reversed(audit.latest(12)))
    for before, after in zip(entries, entries[1:], strict=False):
        assert after.prev_hash == before.hash


def test_the_log_refuses_updates_and_deletes(audit: AuditLog, db: Database) -> None:
    fill(audit, 2)
    with pytest.raises(DatabaseError, match="append-only"):
        db.execute("UPDATE audit SET result = 'refused' WHERE seq = 1")
    with pytest.raises(DatabaseError, match="append-only"):
        db.execute("DELETE FROM audit WHERE seq = 1")
    assert audit.verify_chain().ok


def test_an_edited_row_is_detected_and_named(audit: AuditLog, db: Database, data_dir: Path) -> None:
    fill(audit, 5)
    tamper(data_dir, "UPDATE audit SET result = 'refused' WHERE seq = 3")
    report = audit.verify_chain()
    assert not report.ok and report.seq == 3 and "changed" in report.problem


def test_an_edited_detail_is_detected(audit: AuditLog, data_dir: Path) -> None:
    fill(audit, 3)
    tamper(data_dir, """UPDATE audit SET detail = '{"mode":"raw"}' WHERE seq = 2""")
    assert audit.verify_chain().seq == 2


def test_a_deleted_row_is_detected(audit: AuditLog, data_dir: Path) -> None:
    fill(audit, 5)
    tamper(data_dir, "DELETE FROM audit WHERE seq = 3")
    report = audit.verify_chain()
    assert not report.ok and report.seq == 4 and "row 3 is missing" in report.problem


def test_deleting_the_first_row_is_detected(audit: AuditLog, data_dir: Path) -> None:
    fill(audit, 3)
    tamper(data_dir, "DELETE FROM audit WHERE seq = 1")
    assert "row 1 is missing" in audit.verify_chain().problem


def test_a_deleted_and_renumbered_row_is_detected_by_its_broken_link(
    audit: AuditLog, data_dir: Path
) -> None:
    fill(audit, 4)
    tamper(data_dir, "DELETE FROM audit WHERE seq = 2")
    tamper(data_dir, "UPDATE audit SET seq = seq - 1 WHERE seq > 2")
    report = audit.verify_chain()
    assert not report.ok and report.seq == 2 and "does not link" in report.problem


def test_truncating_the_newest_rows_is_detected_against_an_anchor(
    audit: AuditLog, data_dir: Path
) -> None:
    fill(audit, 5)
    anchor = audit.head()
    assert anchor == Head(5, audit.latest(1)[0].hash)
    tamper(data_dir, "DELETE FROM audit WHERE seq >= 4")
    assert audit.verify_chain().ok  # without an anchor, a shorter chain is still a chain
    report = audit.verify_chain(anchor)
    assert not report.ok and "deleted" in report.problem


def test_a_rewritten_chain_is_detected_against_an_anchor(audit: AuditLog, data_dir: Path) -> None:
    fill(audit, 3)
    anchor = audit.head()
    assert anchor is not None
    # The intruder edits row 3 and recomputes its hash so the chain itself verifies.
    [last] = audit.latest(1)
    fields = {
        "seq": 3, "at": last.at, "actor": last.actor, "kind": last.kind, "host": last.host,
        "session": last.session, "action": last.action, "result": "refused",
        "detail": last.detail,
    }  # fmt: skip
    forged = row_hash(last.prev_hash, fields)
    tamper(data_dir, f"UPDATE audit SET result = 'refused', hash = '{forged}' WHERE seq = 3")
    assert audit.verify_chain().ok
    assert "anchor" in audit.verify_chain(anchor).problem


def test_a_log_reopened_after_a_restart_continues_the_same_chain(data_dir: Path) -> None:
    first = open_database(data_dir)
    fill(AuditLog(first, clock=Clock()), 3)
    first.close()
    second = open_database(data_dir)
    log = AuditLog(second, clock=Clock())
    fill(log, 2)
    report = log.verify_chain()
    assert report.ok and report.rows == 5
    second.close()


def test_secrets_are_stripped_by_key_whatever_their_case_or_nesting(audit: AuditLog) -> None:
    entry = audit.record(
        actor="client:abc",
        kind=AuditKind.AUTHORIZATION,
        action="token",
        result="ok",
        detail={
            "access_token": CANARY,
            "Refresh_Token": CANARY,
            "client_secret": CANARY,
            "password": CANARY,
            "pair_code": CANARY,
            "code": CANARY,
            "code_verifier": CANARY,
            "Authorization": f"Bearer {CANARY}",
            "headers": {"cookie": CANARY, "x-request": "fine"},
            "signature": CANARY,
            "exit_code": 3,
            "scope": "sessions:read",
        },
    )
    detail = entry.detail
    for key in ("access_token", "Refresh_Token", "client_secret", "password", "pair_code", "code",
                "code_verifier", "Authorization", "signature"):  # fmt: skip
        assert detail[key] == REDACTED, key
    assert detail["headers"] == {"cookie": REDACTED, "x-request": "fine"}
    assert detail["exit_code"] == 3 and detail["scope"] == "sessions:read"
    assert CANARY not in json.dumps([e.detail for e in audit.latest(5)])


def test_a_bearer_credential_inside_any_string_is_redacted() -> None:
    cleaned = sanitize({"error": f"upstream said: Authorization: Bearer {CANARY} was bad"})
    assert CANARY not in cleaned["error"] and "Bearer [redacted]" in cleaned["error"]


def test_text_typed_into_a_session_is_stored_only_as_its_length(audit: AuditLog) -> None:
    entry = audit.record(
        actor="client:abc",
        kind=AuditKind.TOOL_CALL,
        action="send_input",
        result="ok",
        host="studio",
        session="sess-1234abcd",
        detail={"text": f"export API={CANARY}", "enter": True, "answer": CANARY},
    )
    assert entry.detail == {
        "text_chars": len(f"export API={CANARY}"),
        "enter": True,
        "answer_chars": len(CANARY),
    }


def test_no_canary_reaches_the_database_file(audit: AuditLog, db: Database, data_dir: Path) -> None:
    audit.record(
        actor="client:abc",
        kind=AuditKind.TOOL_CALL,
        action="send_input",
        result="ok",
        detail={"text": CANARY, "token": CANARY, "nested": [{"secret": CANARY}]},
    )
    db.close()
    raw = b"".join(p.read_bytes() for p in data_dir.iterdir())
    assert CANARY.encode() not in raw


def test_long_strings_are_truncated_and_sizes_are_bounded() -> None:
    cleaned = sanitize(
        {
            "command": "x" * 10_000,
            "argv": [str(i) for i in range(500)],
            "deep": {"a": {"b": {"c": {"d": 1}}}},
            **{f"k{i}": i for i in range(100)},
        }
    )
    assert len(cleaned["command"]) < MAX_STRING_CHARS + 40 and "[+9800 chars]" in cleaned["command"]
    assert len(cleaned["argv"]) == 21 and cleaned["argv"][-1] == "[+480 items]"
    assert "nested too deep" in json.dumps(cleaned["deep"])
    assert "_omitted_keys" in cleaned and len(cleaned) <= 33


def test_newlines_and_terminal_escapes_cannot_forge_or_hide_entries(audit: AuditLog) -> None:
    entry = audit.record(
        actor="client:abc\n2026-01-01 owner unpair ok",
        kind=AuditKind.TOOL_CALL,
        action="start_session",
        result="ok",
        detail={"cwd": "project\x1b[2K\rall good"},
    )
    assert "\n" not in entry.actor and "\\x0a" in entry.actor
    assert "\x1b" not in entry.detail["cwd"] and "\\x1b[2K\\x0d" in entry.detail["cwd"]
    assert audit.verify_chain().ok


def test_an_entry_without_actor_action_or_result_is_refused(audit: AuditLog) -> None:
    with pytest.raises(ValueError, match="actor"):
        audit.record(actor="", kind=AuditKind.TOOL_CALL, action="x", result="ok")


def test_unusual_detail_values_are_stored_as_text_not_crashing(audit: AuditLog) -> None:
    entry = audit.record(
        actor="relay",
        kind=AuditKind.SUPERVISOR,
        action="x",
        result="ok",
        detail={"nan": float("nan"), "blob": b"\x00\x01", "obj": object(), "n": 1.5},
    )
    assert entry.detail["nan"] == "nan" and entry.detail["n"] == 1.5
    assert isinstance(entry.detail["obj"], str)
    assert audit.verify_chain().ok


def test_two_connections_appending_in_turn_keep_one_valid_chain(data_dir: Path) -> None:
    # The relay and the pair-code CLI each open the file; both append to one chain.
    relay_db, cli_db = open_database(data_dir), open_database(data_dir)
    relay_log, cli_log = AuditLog(relay_db, clock=Clock()), AuditLog(cli_db, clock=Clock())
    for i in range(6):
        log = relay_log if i % 2 else cli_log
        log.record(actor="owner", kind=AuditKind.SUPERVISOR, action=f"a{i}", result="ok")
    report = relay_log.verify_chain()
    assert report.ok and report.rows == 6
    assert [e.action for e in cli_log.latest(6)] == [f"a{i}" for i in reversed(range(6))]
    relay_db.close()
    cli_db.close()
