"""Recordings: the supervisor's asciicast files, the relay's timed copy; owner sessions."""

from __future__ import annotations

import json
import os
from pathlib import Path

from server.web.live import LiveOutput, build_cast
from server.web.owner import IDLE_TIMEOUT, MAX_AGE, OwnerSessions, csrf_ok
from supervisor.recording import COMPACT_AT, CastEncoder, Recorder, Recording, newest_events, prune
from supervisor.redact import Redactor


class Clock:
    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def lines(text: str) -> list[object]:
    return [json.loads(line) for line in text.splitlines()]


def test_a_character_split_across_two_reads_is_recorded_whole_in_the_later_event() -> None:
    enc = CastEncoder(100.0, 80, 24, "demo")
    assert json.loads(enc.header()) == {
        "version": 2,
        "width": 80,
        "height": 24,
        "timestamp": 100,
        "env": {"TERM": "xterm-256color"},
        "title": "demo",
    }
    snowman = "☃".encode()
    assert enc.event(100.5, b"a" + snowman[:1]) == json.dumps([0.5, "o", "a"]) + "\n"
    assert enc.event(101.0, snowman[1:2]) == ""
    assert json.loads(enc.event(101.25, snowman[2:] + b"!")) == [1.25, "o", "☃!"]


def test_a_recording_masks_output_and_keeps_only_the_newest_output_within_its_limit(
    tmp_path: Path,
) -> None:
    clock = Clock()
    rec = Recording(
        tmp_path,
        "sess-1",
        cols=80,
        rows=24,
        limit=200,
        mask=lambda b: b.replace(b"hunter2", b"*******"),
        clock=clock,
    )
    for n in range(40):
        clock.now += 1
        rec.write(f"line {n:02d} hunter2\r\n".encode())
        rec.flush()
    header, *events = lines(rec.path.read_text())
    assert header["width"] == 80  # type: ignore[index]
    text = "".join(e[2] for e in events)  # type: ignore[index]
    assert "hunter2" not in text and "line 39 *******" in text and "line 00" not in text
    assert sum(len(json.dumps(e)) + 1 for e in events) <= COMPACT_AT * 200
    assert [e[0] for e in events] == sorted(e[0] for e in events)  # type: ignore[index]
    assert oct(rec.path.stat().st_mode & 0o777) == "0o600"


def test_newest_events_keeps_at_least_the_last_event() -> None:
    assert newest_events(["x" * 50 + "\n"], 10) == ["x" * 50 + "\n"]
    assert newest_events(["a\n", "b\n", "c\n"], 4) == ["b\n", "c\n"]


def test_only_the_newest_recordings_are_kept(tmp_path: Path) -> None:
    for n in range(5):
        path = tmp_path / f"s{n}.cast"
        path.write_text("{}\n")

        os.utime(path, (n, n))
    prune(tmp_path, 2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s3.cast", "s4.cast"]


async def test_the_recorder_starts_each_file_with_the_size_the_session_was_started_with(
    tmp_path: Path,
) -> None:
    recorder = Recorder(tmp_path / "rec", limit=10_000, clock=Clock())
    recorder.expect("sess-2", 100, 30, "build")
    recorder.write("sess-2", b"hi", bytes)
    recorder.close("sess-2")
    header = lines((tmp_path / "rec" / "sess-2.cast").read_text())[0]
    assert (header["width"], header["height"], header["title"]) == (100, 30, "build")  # type: ignore[index]


def test_a_recording_that_cannot_be_written_stops_without_disturbing_the_session(
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    rec = Recording(blocker, "sess-3", cols=80, rows=24, limit=100)
    rec.write(b"still fine")  # no exception
    rec.close()


def test_chunks_read_close_together_become_one_event_masked_as_a_whole(tmp_path: Path) -> None:
    clock = Clock(0.0)
    rec = Recording(
        tmp_path,
        "sess-4",
        cols=80,
        rows=24,
        limit=10_000,
        mask=lambda b: b.replace(b"hunter2", b"*******"),
        clock=clock,
    )
    rec.write(b"pass: hun")
    clock.now = 0.004
    rec.write(b"ter2\r\n")
    clock.now = 2.0
    rec.write(b"done")
    assert rec.path.read_text().count("\n") == 1  # only the header until a flush
    rec.close()
    events = lines(rec.path.read_text())[1:]
    assert events == [[0.0, "o", "pass: *******\r\n"], [2.0, "o", "done"]]


def test_the_relays_cast_times_each_chunk_by_when_it_arrived() -> None:
    data = b"hello world"
    cast = build_cast(100, data, [(100, 50.0), (106, 52.5), (90, 40.0)], title="t", started_at=49.0)
    header, *events = lines(cast)
    assert header["title"] == "t" and header["timestamp"] == 49  # type: ignore[index]
    assert events == [[1.0, "o", "hello "], [3.5, "o", "world"]]


def test_bytes_the_relay_kept_without_times_play_at_the_first_known_time() -> None:
    events = lines(build_cast(0, b"abcdef", [(3, 10.0)]))[1:]
    assert events == [[0.0, "o", "abc"], [0.0, "o", "def"]]
    assert lines(build_cast(0, b"xyz", []))[1:] == [[0.0, "o", "xyz"]]


def test_the_relay_notes_arrival_times_per_session_in_its_data_dir(tmp_path: Path) -> None:
    clock = Clock(5.0)
    live = LiveOutput(tmp_path / "recordings", clock)
    live.stored("sess-aaaa1111", 0, b"ab")
    clock.now = 6.5
    live.stored("sess-aaaa1111", 2, b"cd")
    live.stored("../escape", 0, b"x")
    assert live.marks("sess-aaaa1111") == [(0, 5.0), (2, 6.5)]
    assert sorted(p.name for p in (tmp_path / "recordings").iterdir()) == ["sess-aaaa1111.times"]


async def test_a_live_subscriber_that_falls_behind_is_dropped_and_told_so() -> None:
    import server.web.live as live_mod

    live = LiveOutput(Path("/nonexistent-unused"), Clock())
    live._broken = True  # no files in this test
    queue = live.subscribe("sess-aaaa1111")
    for n in range(live_mod.QUEUE_CHUNKS + 1):
        live.stored("sess-aaaa1111", n, b"x")
    assert queue.get_nowait() is None
    live.stored("sess-aaaa1111", 999, b"y")
    assert queue.empty()


def test_owner_sessions_end_when_idle_too_long_or_too_old() -> None:
    clock = Clock(0.0)
    sessions = OwnerSessions(clock=clock)
    token, session = sessions.start()
    assert sessions.get(token) is session and sessions.get("forged") is None
    clock.now += IDLE_TIMEOUT + 1
    assert sessions.get(token) is None
    token, _ = sessions.start()
    for _ in range(int(MAX_AGE // IDLE_TIMEOUT) + 1):
        clock.now += IDLE_TIMEOUT - 1
        sessions.get(token)
    assert sessions.get(token) is None


def test_a_csrf_token_must_match_the_sessions_own() -> None:
    _, session = OwnerSessions().start()
    assert csrf_ok(session, session.csrf)
    assert not csrf_ok(session, None) and not csrf_ok(session, session.csrf + "x")


async def test_output_after_a_session_closed_does_not_restart_its_recording(tmp_path: Path) -> None:
    recorder = Recorder(tmp_path, limit=10_000, clock=Clock())
    recorder.write("sess-5", b"first", bytes)
    recorder.close("sess-5")
    recorder.write("sess-5", b"late", bytes)
    recorder.flush()
    assert "first" in (tmp_path / "sess-5.cast").read_text()


async def test_the_recorder_process_writes_masked_timed_output_and_finishes_at_shutdown(
    tmp_path: Path,
) -> None:
    from supervisor.recorder_process import RecorderProcess

    recorder = RecorderProcess(tmp_path / "rec", limit=10_000)
    recorder.expect("sess-6", 90, 20, "child")
    mask = Redactor({"hunter2hunter2": "policy"}).mask  # travels to the child, pickled
    recorder.write("sess-6", b"token hunter2hunter2\r\n", mask)
    recorder.flush()
    recorder.write("sess-6", b"bye", bytes)
    await recorder.shutdown()
    header, *events = lines((tmp_path / "rec" / "sess-6.cast").read_text())
    assert (header["width"], header["title"]) == (90, "child")  # type: ignore[index]
    text = "".join(e[2] for e in events)  # type: ignore[index]
    assert text.startswith("token [redacted") and text.endswith("\r\nbye")
    assert "hunter2" not in text
