"""The journal: a bounded ring of raw output addressed by absolute byte offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from supervisor.journal import COALESCE, Journal


def test_append_returns_the_offset_of_the_first_byte_and_reads_start_anywhere() -> None:
    journal = Journal(limit=100)
    assert journal.append(b"hello ") == 0
    assert journal.append(b"world") == 6
    assert journal.end == 11
    read = journal.read(since=6, max_bytes=100)
    assert (read.start, read.data, read.dropped, read.end) == (6, b"world", 0, 11)


def test_max_bytes_bounds_a_read_and_the_next_read_continues_from_its_end() -> None:
    journal = Journal(limit=100)
    journal.append(b"abcdefghij")
    first = journal.read(since=0, max_bytes=4)
    second = journal.read(since=first.end, max_bytes=100)
    assert (first.data, second.data) == (b"abcd", b"efghij")


def test_evicted_bytes_are_reported_as_dropped_and_the_read_starts_at_the_oldest_kept() -> None:
    journal = Journal(limit=10)
    for _ in range(5):
        journal.append(b"0123456789")
    read = journal.read(since=15, max_bytes=100)
    assert journal.start == 40
    assert (read.start, read.data, read.dropped) == (40, b"0123456789", 25)


def test_no_since_reads_the_newest_bytes() -> None:
    journal = Journal(limit=100)
    journal.append(b"old old old new")
    read = journal.read(since=None, max_bytes=3)
    assert (read.start, read.data, read.dropped) == (12, b"new", 0)


def test_a_read_past_the_end_returns_nothing_at_the_end() -> None:
    journal = Journal(limit=100)
    journal.append(b"abc")
    read = journal.read(since=50, max_bytes=10)
    assert (read.start, read.data, read.dropped) == (3, b"", 0)


def test_a_journal_keeps_at_most_its_limit_plus_one_coalesced_chunk_in_memory() -> None:
    journal = Journal(limit=1000)
    for _ in range(10_000):
        journal.append(b"x" * 7)
    assert journal.end == 70_000
    assert journal.end - journal.start == 1000
    assert journal._held <= 1000 + COALESCE + 7


def test_a_trickle_of_single_bytes_keeps_few_chunks_and_reads_back_exactly() -> None:
    journal = Journal(limit=64 * 1024)
    for n in range(200_000):
        journal.append(bytes([n % 251]))
    assert len(journal._chunks) - journal._head <= 64 * 1024 // COALESCE + 2
    got = journal.read(journal.end - 5000, 5000)
    assert got.data == bytes(n % 251 for n in range(200_000 - 5000, 200_000))


def test_a_journal_refuses_a_useless_limit() -> None:
    with pytest.raises(ValueError, match="at least one byte"):
        Journal(limit=0)


@given(
    chunks=st.lists(st.binary(min_size=0, max_size=40), max_size=60),
    limit=st.integers(min_value=1, max_value=120),
    since=st.integers(min_value=0, max_value=3000),
)
def test_any_read_equals_the_same_slice_of_everything_ever_written(
    chunks: list[bytes], limit: int, since: int
) -> None:
    journal = Journal(limit=limit)
    everything = b""
    for chunk in chunks:
        assert journal.append(chunk) == len(everything)
        everything += chunk
    read = journal.read(since=since, max_bytes=50)
    assert read.data == everything[read.start : read.start + 50]
    assert read.start >= max(0, len(everything) - limit)
    assert read.start == min(max(since, len(everything) - limit, 0), len(everything))
    assert read.dropped == max(0, read.start - since)
