"""Terminal bytes as plain text: escape sequences gone, characters whole, offsets exact."""

from __future__ import annotations

from hypothesis import given, strategies as st

from server.hub import Hub
from shared.plain_text import plain_text, whole_characters
from shared.protocol import ReadMode


def test_colours_cursor_moves_and_titles_are_dropped() -> None:
    raw = b"\x1b[1;32mok\x1b[0m \x1b]0;title\x07done\x1b[2K\r\n\x1b[?25lnext\x1b(B"
    assert plain_text(raw) == "ok done\nnext"


def test_a_line_redrawn_after_a_carriage_return_keeps_what_was_drawn_last() -> None:
    assert plain_text(b"working 10%\rworking 100%\r\nready") == "working 100%\nready"


def test_an_escape_sequence_cut_by_the_window_leaves_no_debris() -> None:
    assert plain_text(b"text\x1b[38;5;") == "text"
    assert plain_text(b"text\x1b]0;half a title") == "text"


def test_a_window_cut_inside_characters_is_moved_to_whole_characters() -> None:
    data = "é→😀".encode()
    assert whole_characters(data[1:]) == (1, 0)  # starts inside é
    assert whole_characters(data[:-1]) == (0, 3)  # ends inside 😀
    assert whole_characters(data) == (0, 0)
    head, tail = whole_characters(data[1:-2])
    assert data[1:-2][head : len(data[1:-2]) - tail].decode() == "→"


@given(st.text(), st.integers(0, 8), st.integers(0, 8))
def test_any_cut_of_utf8_decodes_cleanly_after_trimming(text: str, cut_a: int, cut_b: int) -> None:
    data = text.encode()
    window = data[cut_a : max(cut_a, len(data) - cut_b)]
    head, tail = whole_characters(window)
    window[head : len(window) - tail].decode("utf-8")  # never raises


async def test_an_offline_text_read_with_max_bytes_is_clean_text_on_whole_characters() -> None:
    hub = Hub()
    output = "\x1b[1mBuild\x1b[0m ok: ✓ café\r\n".encode() * 3
    hub.store.append_output("sess-offline001", "laptop", 0, output, 1.0)
    window = len(output) - output.index("✓".encode()) - 1  # starts inside the first "✓"
    logs = await hub.stored_logs("sess-offline001", ReadMode.SCREEN, None, window)
    assert logs is not None
    assert "\x1b" not in logs.text and "\ufffd" not in logs.text
    assert logs.text.endswith("Build ok: ✓ café\n")
    assert output[logs.start : logs.end].decode()  # the offsets cover whole characters
