"""The resume core, example by example: offsets, acks, bounded replay, gaps, exactly-once."""

from __future__ import annotations

import pytest

from shared.resume import (
    ENTRY_BYTES,
    MAX_CHUNK_BYTES,
    Chunk,
    ChunkAhead,
    Forgotten,
    Fresh,
    Gap,
    InFlight,
    OutputReceiver,
    OutputSender,
    Replay,
    RequestLedger,
    RequestReused,
    ResumeError,
)

# ---------------------------------------------------------------- sender


def test_append_returns_the_offset_of_the_first_byte_of_each_write() -> None:
    sender = OutputSender()
    assert sender.append(b"hello") == 0
    assert sender.append(b" world") == 5
    assert sender.produced == 11


def test_an_ack_releases_the_acknowledged_bytes_and_stale_acks_are_ignored() -> None:
    sender = OutputSender()
    sender.append(b"0123456789")
    sender.ack(4)
    sender.ack(2)
    assert (sender.acked, sender.base, sender.buffered) == (4, 4, 6)


def test_an_ack_beyond_what_was_produced_is_refused_saying_to_resync() -> None:
    sender = OutputSender()
    sender.append(b"abc")
    with pytest.raises(ResumeError, match="reconnect to resync"):
        sender.ack(4)


def test_resend_replays_everything_after_the_relays_offset_in_order() -> None:
    sender = OutputSender()
    for word in (b"alpha ", b"beta ", b"gamma"):
        sender.append(word)
    assert list(sender.resend_from(6)) == [Chunk(6, b"beta gamma")]
    assert sender.acked == 6


def test_resend_cuts_chunks_no_larger_than_64_kib() -> None:
    sender = OutputSender()
    data = bytes(range(256)) * 1000
    sender.append(data)
    chunks = list(sender.resend_from(0))
    assert all(isinstance(c, Chunk) and len(c.data) <= MAX_CHUNK_BYTES for c in chunks)
    assert b"".join(c.data for c in chunks if isinstance(c, Chunk)) == data
    assert [c.offset for c in chunks if isinstance(c, Chunk)] == list(
        range(0, len(data), MAX_CHUNK_BYTES)
    )


def test_resend_is_a_snapshot_unaffected_by_appends_while_it_is_consumed() -> None:
    sender = OutputSender(chunk_size=2)
    sender.append(b"abcd")
    replay = sender.resend_from(0)
    first = next(replay)
    sender.append(b"efgh")
    assert [first, *replay] == [Chunk(0, b"ab"), Chunk(2, b"cd")]


def test_hitting_the_bound_drops_the_oldest_bytes_and_records_the_exact_range() -> None:
    sender = OutputSender(limit=8, chunk_size=4)
    sender.append(b"abcdef")
    sender.append(b"ghijkl")
    assert sender.buffered == 8
    assert sender.dropped == [Gap(0, 4)]
    assert sender.pending_gap == Gap(0, 4)
    assert list(sender.resend_from(0)) == [Gap(0, 4), Chunk(4, b"efgh"), Chunk(8, b"ijkl")]


def test_consecutive_drops_are_recorded_as_one_range() -> None:
    sender = OutputSender(limit=4, chunk_size=2)
    for _ in range(5):
        sender.append(b"xy")
    assert sender.dropped == [Gap(0, 6)]
    assert sender.dropped_total == 6


def test_a_single_write_larger_than_the_bound_keeps_only_its_tail() -> None:
    sender = OutputSender(limit=4, chunk_size=3)
    sender.append(b"0123456789")
    assert list(sender.resend_from(0)) == [Gap(0, 6), Chunk(6, b"678"), Chunk(9, b"9")]


def test_no_gap_is_announced_when_the_relay_already_holds_the_dropped_bytes() -> None:
    sender = OutputSender(limit=4, chunk_size=4)
    sender.append(b"abcdefgh")  # "abcd" dropped from the buffer, but delivered live
    assert list(sender.resend_from(4)) == [Chunk(4, b"efgh")]
    assert sender.pending_gap is None


def test_a_late_ack_shrinks_the_pending_gap_to_what_the_relay_really_lacks() -> None:
    sender = OutputSender(limit=4, chunk_size=4)
    sender.append(b"abcdefghijkl")
    sender.ack(6)
    assert sender.pending_gap == Gap(6, 8)


def test_a_resend_from_before_the_acknowledged_offset_announces_released_bytes_as_lost() -> None:
    sender = OutputSender(limit=4, chunk_size=4)
    sender.append(b"abcdefgh")
    sender.ack(8)
    sender.append(b"ij")
    assert list(sender.resend_from(2)) == [Gap(2, 8), Chunk(8, b"ij")]


def test_a_relay_that_lost_acknowledged_output_is_told_the_gap_and_then_catches_up() -> None:
    sender = OutputSender()
    sender.append(b"before the relay restart|")
    sender.ack(sender.produced)
    sender.append(b"after")
    restarted = OutputReceiver()  # its store kept nothing
    transcript = bytearray()
    for item in sender.resend_from(restarted.end):
        if isinstance(item, Gap):
            assert restarted.gap(item.start, item.end) == Gap(0, 25)
        else:
            transcript += restarted.receive(item.offset, item.data)
    assert (bytes(transcript), restarted.end) == (b"after", sender.produced)


def test_a_stale_gap_in_a_resend_is_ignored_by_a_receiver_that_holds_the_bytes() -> None:
    sender, receiver = OutputSender(limit=4, chunk_size=4), OutputReceiver()
    receiver.receive(0, b"abcdefgh")
    sender.append(b"abcdefgh")
    sender.ack(8)
    assert [receiver.gap(g.start, g.end) for g in sender.resend_from(2) if isinstance(g, Gap)] == [
        None
    ]


# ---------------------------------------------------------------- receiver


def test_the_receiver_appends_only_the_unseen_suffix_of_overlapping_chunks() -> None:
    receiver = OutputReceiver()
    assert receiver.receive(0, b"abcd") == b"abcd"
    assert receiver.receive(2, b"cdef") == b"ef"
    assert receiver.receive(0, b"abcdef") == b""
    assert receiver.end == 6


def test_a_chunk_beyond_the_end_is_refused_with_the_offset_to_resend_from() -> None:
    receiver = OutputReceiver()
    receiver.receive(0, b"abc")
    with pytest.raises(ChunkAhead, match="resend from offset 3") as refused:
        receiver.receive(5, b"fg")
    assert refused.value.expected == 3
    assert receiver.end == 3


def test_an_announced_gap_records_only_the_bytes_the_receiver_lacked() -> None:
    receiver = OutputReceiver()
    receiver.receive(0, b"ab")
    assert receiver.gap(0, 5) == Gap(2, 5)
    assert receiver.receive(5, b"fg") == b"fg"
    assert receiver.gaps == [Gap(2, 5)]
    assert receiver.lost_total == 3


def test_a_stale_gap_announcement_is_ignored() -> None:
    receiver = OutputReceiver()
    receiver.receive(0, b"abcdef")
    assert receiver.gap(0, 4) is None
    assert receiver.gaps == []


def test_a_gap_beyond_the_end_is_refused_like_a_chunk() -> None:
    receiver = OutputReceiver()
    with pytest.raises(ChunkAhead):
        receiver.gap(3, 6)


def test_an_empty_or_negative_gap_is_refused() -> None:
    with pytest.raises(ValueError, match="start < end"):
        OutputReceiver().gap(3, 3)


def test_acks_are_batched_until_enough_bytes_arrived() -> None:
    receiver = OutputReceiver()
    receiver.receive(0, b"abc")
    assert receiver.take_ack(min_bytes=4) is None
    receiver.receive(3, b"d")
    assert receiver.take_ack(min_bytes=4) == 4
    assert receiver.take_ack() is None


def test_a_resume_after_a_lost_connection_delivers_every_byte_exactly_once() -> None:
    sender, receiver = OutputSender(), OutputReceiver()
    transcript = bytearray()
    for i in range(10):
        offset = sender.append(f"line {i}\n".encode())
        if i < 4:  # the link dies after four lines; the rest were sent into the void
            transcript += receiver.receive(offset, f"line {i}\n".encode())
    for item in sender.resend_from(receiver.end):
        assert isinstance(item, Chunk)
        transcript += receiver.receive(item.offset, item.data)
    assert bytes(transcript) == b"".join(f"line {i}\n".encode() for i in range(10))


# ---------------------------------------------------------------- ledger


def test_a_retried_request_is_answered_from_the_ledger_and_never_runs_twice() -> None:
    ledger: RequestLedger[str] = RequestLedger()
    assert ledger.begin("r1", now=0.0) == Fresh()
    assert ledger.begin("r1", now=1.0) == InFlight(started_at=0.0)
    ledger.finish("r1", "typed 5 bytes", now=2.0)
    assert ledger.begin("r1", now=3.0) == Replay("typed 5 bytes")
    assert ledger.lookup("r1") == Replay("typed 5 bytes")


def test_done_entries_are_forgotten_after_the_ttl_but_running_ones_never() -> None:
    ledger: RequestLedger[int] = RequestLedger(ttl=10.0)
    ledger.begin("done", now=0.0)
    ledger.finish("done", 1, now=0.0)
    ledger.begin("running", now=0.0)
    assert ledger.expire(now=100.0) == 1
    assert ledger.lookup("done") is None
    assert ledger.lookup("running") == InFlight(0.0)


def test_a_busy_ledger_never_refuses_and_lets_go_of_the_oldest_results_first() -> None:
    # Room for 3000 entries without results, plus eight 1000-byte results.
    ledger: RequestLedger[str] = RequestLedger(
        max_bytes=3000 * ENTRY_BYTES + 8 * 1000, ttl=600.0, size_of=len
    )
    for n in range(5000):  # far beyond any count bound, all inside the TTL
        assert ledger.begin(f"r{n}", now=float(n) / 100) == Fresh()
        ledger.finish(f"r{n}", "x" * 1000, now=float(n) / 100)
    assert ledger.bytes_held <= ledger.max_bytes
    known = [ledger.lookup(f"r{n}") for n in range(5000)]
    assert known[-1] == Replay("x" * 1000)  # the newest replies are kept
    # Older ones ran: a retry is never run again, though the reply is gone...
    forgotten = [n for n, k in enumerate(known) if isinstance(k, Forgotten)]
    assert forgotten and ledger.begin(f"r{forgotten[0]}", now=60.0) == known[forgotten[0]]
    # ...and only the oldest of all were dropped, once tombstones filled half the bound.
    dropped = [n for n, k in enumerate(known) if k is None]
    assert dropped == list(range(len(dropped))) and ledger.forgotten_total == len(dropped)
    assert not ledger.remembers_all()


def test_a_ledger_within_its_bound_remembers_every_request_for_the_whole_ttl() -> None:
    ledger: RequestLedger[str] = RequestLedger(ttl=600.0, size_of=len)
    for n in range(2000):
        ledger.begin(f"r{n}", now=0.0)
        ledger.finish(f"r{n}", "ok", now=0.0)
    assert ledger.remembers_all() and ledger.lookup("r0") == Replay("ok")
    assert ledger.expire(now=599.0) == 0 and ledger.expire(now=600.0) == 2000
    assert ledger.bytes_held == 0


def test_a_request_id_reused_for_another_command_is_refused() -> None:
    ledger: RequestLedger[int] = RequestLedger()
    ledger.begin("r1", now=0.0, fingerprint="send_input:ls")
    with pytest.raises(RequestReused, match="new request id"):
        ledger.begin("r1", now=1.0, fingerprint="send_input:rm -rf")


def test_finishing_an_unknown_or_finished_request_is_an_error() -> None:
    ledger: RequestLedger[int] = RequestLedger()
    with pytest.raises(KeyError, match="begin"):
        ledger.finish("nope", 1, now=0.0)
    ledger.begin("r1", now=0.0)
    ledger.finish("r1", 1, now=0.0)
    with pytest.raises(ValueError, match="final"):
        ledger.finish("r1", 2, now=0.0)
