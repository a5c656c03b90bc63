"""The relay's session store: durable, bounded, and never stores a hole silently."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from server.session_store import Retention, SessionStore, StoreError
from shared.protocol import SessionInfo, SessionState

SID = "sess-store0001"


def info(state: SessionState = SessionState.WORKING) -> SessionInfo:
    return SessionInfo(
        session_id=SID,
        command=["claude"],
        cwd="/src",
        name="demo",
        state=state,
        state_since=1.0,
        state_reason="test",
        started_at=1.0,
    )


def test_sessions_output_and_screen_survive_reopening_the_file(tmp_path: Path) -> None:
    store = SessionStore.in_dir(tmp_path)
    store.host_seen("studio", 100.0)
    store.save_session("studio", info(), 100.0)
    store.append_output(SID, "studio", 0, b"hello ", 101.0)
    store.append_output(SID, "studio", 6, b"world", 102.0)
    store.save_screen(SID, "$ hello world", 103.0)
    store.close()

    again = SessionStore.in_dir(tmp_path)
    kept = again.session(SID)
    assert kept is not None and kept.info == info() and kept.host == "studio"
    assert kept.output_end == 11 and kept.screen == "$ hello world" and kept.screen_at == 103.0
    assert again.all_output(SID) == b"hello world"
    assert again.hosts() == {"studio": 100.0}
    assert again.read_output(SID, 6, 100).data == b"world"
    again.close()


def test_the_sessions_live_in_the_relays_one_database_in_wal_mode(tmp_path: Path) -> None:
    store = SessionStore.in_dir(tmp_path)
    store.append_output(SID, "studio", 0, b"hi", 1.0)
    store.close()
    assert sorted(p.name for p in tmp_path.glob("*.sqlite3")) == ["relay.sqlite3"]
    db = sqlite3.connect(tmp_path / "relay.sqlite3")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("SELECT data FROM output").fetchall() == [(b"hi",)]
    db.close()


# The separate session file of relays before the one database, as they created it.
OLD_SCHEMA = """
CREATE TABLE hosts (name TEXT PRIMARY KEY, last_seen REAL);
CREATE TABLE sessions (
    session_id TEXT PRIMARY KEY, host TEXT NOT NULL, info TEXT, screen TEXT, screen_at REAL,
    kept_from INTEGER NOT NULL DEFAULT 0, output_end INTEGER NOT NULL DEFAULT 0,
    lost_bytes INTEGER NOT NULL DEFAULT 0, updated_at REAL NOT NULL
);
CREATE TABLE output (
    session_id TEXT NOT NULL, offset INTEGER NOT NULL, data BLOB NOT NULL,
    PRIMARY KEY (session_id, offset)
);
"""


def _old_data_dir(data: Path) -> None:
    data.mkdir(mode=0o700, exist_ok=True)
    db = sqlite3.connect(data / "sessions.sqlite3")
    db.execute("PRAGMA journal_mode=WAL")
    db.executescript(OLD_SCHEMA)
    with db:
        db.execute("INSERT INTO hosts VALUES ('studio', 50.0)")
        db.execute(
            "INSERT INTO sessions(session_id, host, info, screen, screen_at, output_end, "
            "updated_at) VALUES (?, 'studio', ?, '$ hello world', 60.0, 11, 61.0)",
            (SID, info().model_dump_json()),
        )
        db.execute("INSERT INTO output VALUES (?, 0, ?)", (SID, b"hello "))
        db.execute("INSERT INTO output VALUES (?, 6, ?)", (SID, b"world"))
    db.close()
    (data / "sessions.sqlite3").chmod(0o600)


def test_an_old_data_dir_keeps_its_sessions_and_output_once_moved_into_the_one_database(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _old_data_dir(tmp_path)
    with caplog.at_level("WARNING", logger="server.session_store"):
        store = SessionStore.in_dir(tmp_path)
    kept = store.session(SID)
    assert kept is not None and kept.info == info() and kept.screen == "$ hello world"
    assert store.all_output(SID) == b"hello world" and store.hosts() == {"studio": 50.0}
    store.append_output(SID, "studio", 11, b"!", 62.0)  # it carries on where it ended
    store.close()
    assert not (tmp_path / "sessions.sqlite3").exists()
    assert (tmp_path / "sessions.sqlite3.migrated").is_file()
    assert "sessions.sqlite3.migrated" in caplog.text and "moved 4 rows" in caplog.text

    again = SessionStore.in_dir(tmp_path)  # once: nothing to move the second time
    assert again.all_output(SID) == b"hello world!"
    again.close()
    assert (tmp_path / "sessions.sqlite3.migrated").is_file()


def test_an_old_session_file_that_cannot_be_read_is_left_in_place_with_what_to_do(
    tmp_path: Path,
) -> None:
    (tmp_path / "sessions.sqlite3").write_bytes(b"not a database, just bytes" * 100)
    with pytest.raises(StoreError, match=r"Could not move the sessions of .*move .* aside"):
        SessionStore.in_dir(tmp_path)
    assert (tmp_path / "sessions.sqlite3").is_file()
    assert not (tmp_path / "sessions.sqlite3.migrated").exists()


def test_an_append_that_would_leave_a_hole_or_overlap_is_refused() -> None:
    store = SessionStore(":memory:")
    store.append_output(SID, "studio", 0, b"abc", 1.0)
    with pytest.raises(StoreError, match="store ends at 3"):
        store.append_output(SID, "studio", 5, b"xyz", 2.0)
    with pytest.raises(StoreError, match="store ends at 3"):
        store.append_output(SID, "studio", 1, b"bc", 2.0)
    assert store.all_output(SID) == b"abc" and store.output_end(SID) == 3


def test_an_announced_gap_advances_the_end_and_counts_the_lost_bytes() -> None:
    store = SessionStore(":memory:")
    store.append_output(SID, "studio", 0, b"abc", 1.0)
    store.record_gap(SID, "studio", 3, 10, 2.0)
    store.append_output(SID, "studio", 10, b"xyz", 3.0)
    kept = store.session(SID)
    assert kept is not None and kept.lost_bytes == 7 and kept.output_end == 13
    assert store.all_output(SID) == b"abcxyz"
    read = store.read_output(SID, 0, 100)
    assert (read.start, read.data, read.dropped) == (0, b"abc", 0)


def test_a_read_never_closes_up_an_announced_gap_so_every_byte_keeps_its_offset() -> None:
    store = SessionStore(":memory:")
    store.append_output(SID, "studio", 0, b"0123456789", 1.0)
    store.record_gap(SID, "studio", 10, 20, 2.0)
    store.append_output(SID, "studio", 20, b"abcdefghij", 3.0)
    before = store.read_output(SID, 0, 100)
    assert (before.start, before.data, before.dropped) == (0, b"0123456789", 0)
    after = store.read_output(SID, before.end, 100)  # the next cursor: the gap is reported
    assert (after.start, after.data, after.dropped) == (20, b"abcdefghij", 10)
    inside = store.read_output(SID, 15, 100)
    assert (inside.start, inside.data, inside.dropped) == (20, b"abcdefghij", 5)
    newest = store.read_output(SID, None, 100)  # the newest bytes: only those after the gap
    assert (newest.start, newest.data) == (20, b"abcdefghij")


def test_only_the_newest_bytes_are_kept_and_an_old_read_says_what_it_missed() -> None:
    store = SessionStore(":memory:", max_output_bytes=100)
    for n in range(30):
        store.append_output(SID, "studio", n * 10, bytes([65 + n % 26]) * 10, float(n))
    assert store.output_end(SID) == 300
    kept = store.all_output(SID)
    assert 100 <= len(kept) <= 125 and kept.endswith(b"D" * 10)
    read = store.read_output(SID, 0, 1000)
    assert read.start == 300 - len(kept) and read.dropped == read.start
    assert store.read_output(SID, None, 10).data == b"D" * 10


def test_sessions_are_listed_by_host() -> None:
    store = SessionStore(":memory:")
    store.save_session("studio", info(), 1.0)
    store.save_session("studio", info(SessionState.EXITED), 2.0)  # the newest info wins
    assert list(store.sessions("studio")) == [SID]
    assert store.sessions("laptop") == {}
    kept = store.sessions()[SID]
    assert kept.info is not None and kept.info.state is SessionState.EXITED


def ended(sid: str, when: float) -> SessionInfo:
    return info(SessionState.EXITED).model_copy(update={"session_id": sid, "state_since": when})


def test_ended_sessions_are_pruned_by_age_and_live_ones_never() -> None:
    store = SessionStore(":memory:")
    store.save_session("studio", info(), 0.0)  # live, and old: kept
    store.append_output(SID, "studio", 0, b"live", 0.0)
    for n, when in enumerate((100.0, 5000.0)):
        store.save_session("studio", ended(f"sess-ended000{n}", when), when)
        store.append_output(f"sess-ended000{n}", "studio", 0, b"x" * 10, when)
    pruned = store.prune_ended(now=5100.0, retention=Retention(max_age=1000.0))
    assert (pruned.sessions, pruned.bytes) == (1, 10)
    assert set(store.sessions()) == {SID, "sess-ended0001"}
    assert store.all_output("sess-ended0000") == b"" and store.session("sess-ended0000") is None
    assert store.all_output(SID) == b"live"


def test_the_oldest_ended_sessions_go_first_when_their_output_exceeds_the_size_limit() -> None:
    store = SessionStore(":memory:")
    for n in range(5):
        sid = f"sess-ended000{n}"
        store.save_session("studio", ended(sid, float(n)), float(n))
        store.append_output(sid, "studio", 0, b"y" * 100, float(n))
    pruned = store.prune_ended(now=10.0, retention=Retention(max_age=1e9, max_bytes=250))
    assert (pruned.sessions, pruned.bytes) == (3, 300)
    assert set(store.sessions()) == {"sess-ended0003", "sess-ended0004"}


def test_a_retention_without_a_positive_age_is_refused() -> None:
    with pytest.raises(ValueError, match="positive age"):
        Retention(max_age=0)


def test_a_relay_started_on_an_old_data_dir_serves_its_stored_sessions_from_the_one_database(
    tmp_path: Path,
) -> None:
    from server.app import build_app
    from server.config import RelayConfig
    from tests.oauth_support import PASSWORD

    _old_data_dir(tmp_path)
    app = build_app(RelayConfig(data_dir=tmp_path, owner_password=PASSWORD))
    store = app.state.hub.store
    kept = store.session(SID)
    assert kept is not None and kept.host == "studio" and kept.output_end == 11
    assert store.read_output(SID, 0, 100).data == b"hello world"
    assert store.path == str(tmp_path / "relay.sqlite3")
    assert (tmp_path / "sessions.sqlite3.migrated").is_file()
    assert not (tmp_path / "sessions.sqlite3").exists()
