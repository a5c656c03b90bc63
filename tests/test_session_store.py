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


def test_the_file_is_in_wal_mode(tmp_path: Path) -> None:
    SessionStore.in_dir(tmp_path).close()
    db = sqlite3.connect(tmp_path / "sessions.sqlite3")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


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
