"""The terminal model on its own: bytes in, what a person would see out. No fds needed."""

from __future__ import annotations

import random

from supervisor.screen import ScreenSnapshot, TerminalModel

ESC = b"\x1b"


def screen(data: bytes, cols: int = 40, rows: int = 6) -> ScreenSnapshot:
    model = TerminalModel(cols=cols, rows=rows)
    model.feed(data)
    return model.snapshot()


def test_plain_text_and_the_cursor_are_reported_as_a_person_sees_them() -> None:
    snap = screen(b"hello\r\nworld")
    assert snap.lines[:2] == ("hello", "world")
    assert (snap.cursor_row, snap.cursor_col) == (1, 5)
    assert snap.before_cursor == "world"


def test_entering_the_alternate_screen_shows_a_blank_buffer_and_leaving_restores_the_shell() -> (
    None
):
    model = TerminalModel(cols=40, rows=6)
    model.feed(b"$ vim notes.txt\r\n")
    model.feed(ESC + b"[?1049h" + ESC + b"[H" + ESC + b"[2Jfull screen editor")
    inside = model.snapshot()
    assert inside.alternate and inside.lines[0] == "full screen editor"
    assert "$ vim notes.txt" not in inside.text
    model.feed(ESC + b"[?1049l")
    after = model.snapshot()
    assert not after.alternate
    assert after.lines[0] == "$ vim notes.txt"
    assert "full screen editor" not in after.text
    assert (after.cursor_row, after.cursor_col) == (1, 0)  # 1049 restores the cursor too


def test_modes_47_and_1047_switch_buffers_as_well() -> None:
    for mode in (b"47", b"1047"):
        model = TerminalModel(cols=20, rows=4)
        model.feed(b"shell")
        model.feed(ESC + b"[?" + mode + b"h" + ESC + b"[Halt")
        assert model.snapshot().lines[0] == "alt"
        model.feed(ESC + b"[?" + mode + b"l")
        assert model.snapshot().lines[0] == "shell"


def test_rows_scrolled_off_the_top_are_kept_in_the_scrollback_in_order() -> None:
    model = TerminalModel(cols=20, rows=3)
    model.feed(b"".join(b"line %d\r\n" % i for i in range(1, 8)))
    snap = model.snapshot()
    assert snap.scrollback == tuple(f"line {i}" for i in range(1, 6))
    assert snap.lines[:2] == ("line 6", "line 7")


def test_the_scrollback_is_bounded() -> None:
    model = TerminalModel(cols=20, rows=3, scrollback=10)
    model.feed(b"".join(b"line %d\r\n" % i for i in range(100)))
    assert model.scrollback == tuple(f"line {i}" for i in range(88, 98))


def test_a_full_screen_app_scrolling_on_the_alternate_screen_adds_nothing_to_the_scrollback() -> (
    None
):
    model = TerminalModel(cols=20, rows=3)
    model.feed(ESC + b"[?1049h" + b"".join(b"frame %d\r\n" % i for i in range(10)))
    model.feed(ESC + b"[?1049l")
    assert model.scrollback == ()


def test_a_spinner_redrawn_in_place_does_not_fill_the_scrollback() -> None:
    model = TerminalModel(cols=40, rows=3)
    model.feed(
        b"".join(
            b"\r%s Downloading %d%%" % (g.encode(), p)
            for p, g in zip(range(0, 100, 5), "|/-\\" * 5, strict=True)
        )
    )
    model.feed(b"\r\ndone\r\nnext\r\nlast\r\n")
    assert model.scrollback == ("\\ Downloading 95%", "done")


def test_progress_lines_printed_one_per_line_collapse_to_the_newest() -> None:
    model = TerminalModel(cols=40, rows=2)
    model.feed(b"".join(b"\xe2\xa0\x8b Fetching %d%%\r\n" % p for p in range(0, 101, 10)))
    model.feed(b"step 1 done\r\nstep 2 done\r\n\r\n")
    assert model.scrollback == ("⠋ Fetching 100%", "step 1 done", "step 2 done")


def test_wide_characters_take_two_cells_and_render_once() -> None:
    snap = screen("中文 ok 🙂!".encode())
    assert snap.lines[0] == "中文 ok 🙂!"
    assert snap.cursor_col == 11  # 2 + 2 + 1 + 2 + 1 + 2 + 1
    assert snap.before_cursor == "中文 ok 🙂!"


def test_overwriting_half_of_a_wide_character_blanks_it_like_a_real_terminal() -> None:
    snap = screen("中文".encode() + ESC + b"[1;1Ha")
    assert snap.lines[0] == "a 文"


def test_a_cursor_position_query_gets_the_1_based_row_and_column() -> None:
    model = TerminalModel(cols=40, rows=6)
    model.feed(b"ab\r\ncdef" + ESC + b"[6n")
    assert model.take_replies() == ESC + b"[2;5R"
    assert model.take_replies() == b""  # taken once


def test_a_cursor_position_query_after_the_last_column_reports_the_last_column() -> None:
    model = TerminalModel(cols=10, rows=3)
    model.feed(b"0123456789" + ESC + b"[6n")
    assert model.take_replies() == ESC + b"[1;10R"


def test_a_full_reset_on_the_alternate_screen_returns_to_the_normal_buffer() -> None:
    model = TerminalModel(cols=20, rows=3)
    model.feed(ESC + b"[?1049hfull screen" + ESC + b"c" + b"a\r\nb\r\nc\r\nd")
    snap = model.snapshot()
    assert not snap.alternate and snap.scrollback == ("a",)


def test_device_attribute_and_status_queries_are_answered() -> None:
    model = TerminalModel()
    model.feed(ESC + b"[c" + ESC + b"[5n")
    assert model.take_replies() == ESC + b"[?6c" + ESC + b"[0n"


# blessed (Python inquirer) asks for its capabilities this way, then for the cursor position.
BLESSED_QUERIES = (
    b"".join(
        ESC + b"P+q" + name.encode().hex().encode() + ESC + b"\\"
        for name in ("TN", "RGB", "colors", "blink", "sitm")
    )
    + ESC
    + b"[6n"
)


def test_xtgettcap_queries_draw_nothing_and_get_the_not_known_reply_in_order() -> None:
    model = TerminalModel(cols=40, rows=4)
    model.feed(BLESSED_QUERIES + b"[?] Which database?")
    assert model.snapshot().lines[0] == "[?] Which database?"
    expected = b"".join(
        ESC + b"P0+r" + name.encode().hex().encode() + ESC + b"\\"
        for name in ("TN", "RGB", "colors", "blink", "sitm")
    )
    assert model.take_replies() == expected + ESC + b"[1;1R"


def test_queries_split_across_writes_give_the_same_screen_and_replies_as_one_write() -> None:
    data = b"top" + BLESSED_QUERIES + ESC + b"_Gf=100;AAAA" + ESC + b"\\ menu"
    whole = TerminalModel(cols=40, rows=4)
    whole.feed(data)
    replies = whole.take_replies()
    assert whole.snapshot().lines[0] == "top menu" and replies.count(b"P0+r") == 5
    for size in (1, 2, 3, 7):
        model = TerminalModel(cols=40, rows=4)
        for i in range(0, len(data), size):
            model.feed(data[i : i + size])
        assert model.snapshot().lines == whole.snapshot().lines
        assert model.take_replies() == replies


def test_dcs_sos_pm_and_apc_strings_and_their_c1_forms_are_never_drawn() -> None:
    strings = [
        ESC + b"P$qm" + ESC + b"\\",  # DECRQSS
        ESC + b"Pq#0;2;0;0;0#0~~@@" + ESC + b"\\",  # sixel
        ESC + b"Xstart of string" + ESC + b"\\",
        ESC + b"^privacy message\x07",
        ESC + b"_Ga=T,f=100;iVBORw0KGgo=" + ESC + b"\\",  # kitty graphics
        "\u0090+q544e\u009c".encode(),
        "\u009fapplication\u009c".encode(),
    ]
    snap = screen(b"a" + b"b".join(strings) + b"c")
    assert snap.lines[0] == "abbbbbbc"


def test_a_string_cut_short_by_another_sequence_hides_text_only_up_to_it() -> None:
    model = TerminalModel(cols=40, rows=3)
    model.feed(ESC + b"P+q544e" + ESC + b"[1;31mred" + ESC + b"[m\x18")
    model.feed(ESC + b"Pcancelled\x18 shown")
    snap = model.snapshot()
    assert snap.lines[0] == "red shown"
    assert snap.style_of(0)[0] != snap.style_of(0)[-1]  # the colour still applied
    assert model.take_replies() == b""  # an unfinished query is no query


def test_a_query_naming_anything_but_hex_is_consumed_without_a_reply() -> None:
    model = TerminalModel(cols=40, rows=3)
    model.feed(ESC + b"P+qrm -rf ~\r" + ESC + b"\\" + ESC + b"P+q54" + b"4e" * 40 + ESC + b"\\ok")
    assert model.snapshot().lines[0] == "ok"
    assert model.take_replies() == b""


def test_decckm_and_bracketed_paste_modes_are_exposed_on_the_snapshot() -> None:
    model = TerminalModel()
    assert not model.snapshot().app_cursor_keys and not model.snapshot().bracketed_paste
    model.feed(ESC + b"[?1h" + ESC + b"[?2004h")
    assert model.snapshot().app_cursor_keys and model.snapshot().bracketed_paste
    model.feed(ESC + b"[?1l" + ESC + b"[?2004l")
    assert not model.snapshot().app_cursor_keys and not model.snapshot().bracketed_paste


def test_a_utf8_character_split_across_feeds_is_decoded_whole() -> None:
    model = TerminalModel(cols=20, rows=2)
    data = "❯ 1. Yes 中".encode()
    for i in range(len(data)):
        model.feed(data[i : i + 1])
    assert model.snapshot().lines[0] == "❯ 1. Yes 中"


def test_an_escape_sequence_split_across_feeds_is_still_applied() -> None:
    model = TerminalModel(cols=20, rows=3)
    for chunk in (b"x", ESC, b"[", b"3;", b"5", b"Hy"):
        model.feed(chunk)
    snap = model.snapshot()
    assert snap.lines[2] == "    y"


def test_invalid_utf8_renders_as_replacement_characters() -> None:
    assert screen(b"ok \xff\xfe done").lines[0] == "ok \ufffd\ufffd done"


def test_odd_and_hostile_sequences_never_raise_and_the_model_keeps_working() -> None:
    model = TerminalModel(cols=30, rows=8)
    for odd in (
        ESC + b"[?5;7H",
        ESC + b"[9J",
        ESC + b"[7K",
        ESC + b"[?3X",
        ESC + b"[1;2;3;4@",
        ESC + b"[?6n",
        ESC + b"[999999999999L",
        ESC + b"]0;title" + b"\x07",
        ESC + b"P" + b"q" * 100,
        b"\x9b5;5H",
        ESC + b"[?1049h" + ESC + b"[?1049h",
    ):
        model.feed(odd)
    model.feed(ESC + b"[?1049l" + ESC + b"[H" + ESC + b"[2Jstill alive")
    assert model.snapshot().lines[0] == "still alive"


def test_random_garbage_bytes_never_raise() -> None:
    rng = random.Random(7)
    pieces = [
        b"\x1b[",
        b"\x1b[?",
        b"\x1b]",
        b"\x1b",
        b";",
        b"1",
        b"9",
        b"1049",
        b"h",
        b"l",
        b"m",
        b"H",
        b"J",
        b"K",
        b"n",
        b"c",
        b"r",
        b"@",
        b"P",
        b"\xff",
        b"\xe4",
        b"\n",
        b"\r",
        b"x",
        b"\x08",
        b"\t",
        b"999999",
        b"\x0e",
        b"\x0f",
        b"\x1b(0",
        b"\x1b%G",
        b"\x1b%@",
        b"\x1bP+q",
        b"\x1b_",
        b"\x1b^",
        b"\x1b\\",
        b"\xc2\x90",
        b"\xc2\x9c",
        b"\x07",
        b"\x18",
        b"54",
    ]
    model = TerminalModel(cols=30, rows=8)
    for _ in range(2000):
        model.feed(b"".join(rng.choice(pieces) for _ in range(rng.randint(1, 60))))
        model.snapshot()
    model.feed(bytes(rng.randrange(256) for _ in range(50_000)))
    model.snapshot()


def test_a_huge_line_wraps_without_raising() -> None:
    model = TerminalModel(cols=80, rows=24, scrollback=100)
    model.feed(b"y" * 200_000)  # 2,500 rows of one line
    snap = model.snapshot()
    assert snap.lines[-1].startswith("y")
    assert len(snap.scrollback) == 100


def test_shrinking_the_screen_moves_the_top_rows_into_the_scrollback() -> None:
    model = TerminalModel(cols=20, rows=4)
    model.feed(b"a\r\nb\r\nc\r\nd")
    model.resize(cols=20, rows=2)
    snap = model.snapshot()
    assert snap.lines == ("c", "d")
    assert snap.scrollback == ("a", "b")
    assert snap.rows == 2


def test_rows_scrolled_inside_a_region_below_a_status_bar_are_not_scrollback() -> None:
    model = TerminalModel(cols=20, rows=4)
    model.feed(b"status bar" + ESC + b"[2;4r" + ESC + b"[4;1H")
    model.feed(b"".join(b"log %d\r\n" % i for i in range(6)))
    snap = model.snapshot()
    assert snap.lines[0] == "status bar"
    assert snap.scrollback == ()


def test_an_unchanged_screen_gives_the_same_snapshot_and_any_output_or_resize_a_new_one() -> None:
    model = TerminalModel(cols=40, rows=5)
    model.feed(b"hello")
    first = model.snapshot()
    assert model.snapshot() is first
    model.feed(b" world")
    second = model.snapshot()
    assert second is not first and "hello world" in second.text
    model.resize(30, 5)
    assert model.snapshot() is not second
