"""Named keys become the bytes a real terminal sends; arrows follow the cursor-key mode."""

from __future__ import annotations

import pytest

from shared.protocol import Key
from supervisor.keys import CursorKeyMode, describe, key_bytes


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        (Key.ENTER, b"\r"),
        (Key.ESC, b"\x1b"),
        (Key.TAB, b"\t"),
        (Key.SHIFT_TAB, b"\x1b[Z"),
        (Key.BACKSPACE, b"\x7f"),
        (Key.CTRL_C, b"\x03"),
        (Key.CTRL_D, b"\x04"),
        (Key.CTRL_U, b"\x15"),
        (Key.SPACE, b" "),
        (Key.Y, b"y"),
        (Key.N, b"n"),
        (Key.UP, b"\x1b[A"),
        (Key.DOWN, b"\x1b[B"),
        (Key.RIGHT, b"\x1b[C"),
        (Key.LEFT, b"\x1b[D"),
    ],
)
def test_each_key_sends_the_bytes_a_terminal_sends(key: Key, expected: bytes) -> None:
    assert key_bytes(key) == expected


def test_every_protocol_key_has_bytes() -> None:
    assert all(key_bytes(key) for key in Key)


def test_arrows_use_ss3_in_application_cursor_mode() -> None:
    assert [
        key_bytes(k, application_cursor=True) for k in (Key.UP, Key.DOWN, Key.RIGHT, Key.LEFT)
    ] == [b"\x1bOA", b"\x1bOB", b"\x1bOC", b"\x1bOD"]
    assert key_bytes(Key.ENTER, application_cursor=True) == b"\r"


def test_the_cursor_key_mode_follows_decset_and_decrst_in_the_output() -> None:
    mode = CursorKeyMode()
    mode.feed(b"hello \x1b[?1h world")
    assert mode.application
    mode.feed(b"\x1b[?25l\x1b[?1l")
    assert not mode.application


def test_the_cursor_key_mode_sees_a_sequence_split_across_reads_and_among_other_modes() -> None:
    mode = CursorKeyMode()
    mode.feed(b"text\x1b[?104")
    mode.feed(b"9;1h")
    assert mode.application
    mode.feed(b"\x1b[?1049l")  # leaving the alternate screen is not DECCKM
    assert mode.application
    mode.feed(b"\x1bc")  # a full reset clears it
    assert not mode.application


def test_written_bytes_are_described_as_a_person_would_say_them() -> None:
    assert [describe(b) for b in (b"y", b"\r", b"\x1b", b"\x1bOA", b"2")] == [
        "y",
        "enter",
        "esc",
        "up",
        "2",
    ]
    assert describe(b"\x01") == "'\\x01'"
