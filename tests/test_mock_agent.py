"""Mock Claude behaves like Claude Code's TUI, driven through a real PTY and read off its screen.

Each PTY test starts ``python -m supervisor.mock_agent`` with ptyprocess, feeds
its output to :class:`supervisor.screen.TerminalModel`, and waits for what a
person would see with :func:`tests.support.eventually`. The pure parts (key
decoding, the live region, scripts, menus) are pinned without a PTY at the end.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import termios
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

import ptyprocess  # noqa: TID251 - the test owns the PTY it drives the mock through
import pytest

from supervisor.mock_agent import view
from supervisor.mock_agent.keys import Key, KeyDecoder
from supervisor.mock_agent.menu import Menu, Option, permission_menu
from supervisor.mock_agent.script import ScriptError, Step, demo_step, parse_script
from supervisor.screen import ScreenSnapshot, TerminalModel
from tests.support import eventually, scaled

REPO = Path(__file__).resolve().parents[1]
COLS, ROWS = 200, 40  # wide enough that temp paths in option labels never wrap
CANCEL = "No, and tell Claude what to do differently (esc)"


class MockTerminal:
    """One mock agent on a real PTY, with the screen a person would see."""

    def __init__(self, proc: ptyprocess.PtyProcess) -> None:
        self.proc = proc
        self.model = TerminalModel(COLS, ROWS)
        self.raw = bytearray()
        os.set_blocking(proc.fd, False)

    def pump(self) -> None:
        while True:
            try:
                data = os.read(self.proc.fd, 65536)
            except BlockingIOError:
                return
            except OSError:  # EIO: the mock exited and its output is drained
                return
            if not data:
                return
            self.raw += data
            self.model.feed(data)

    @property
    def lines(self) -> tuple[str, ...]:
        self.pump()
        return self.model.snapshot().lines

    @property
    def text(self) -> str:
        self.pump()
        return self.model.snapshot().text

    def send(self, data: bytes) -> None:
        os.write(self.proc.fd, data)

    async def wait_for(self, needle: str) -> str:
        return await eventually(
            lambda: self.text if needle in self.text else None, what=repr(needle)
        )

    async def wait_for_line(self, line: str) -> tuple[str, ...]:
        return await eventually(lambda: self.lines if line in self.lines else None, what=repr(line))

    async def type_and_submit(self, message: str) -> None:
        """Type, wait for the echo, then Enter on its own, as a careful supervisor does."""
        self.send(message.encode())
        await self.wait_for_line(f"❯ {message}")
        self.send(b"\r")

    async def exit_code(self) -> int:
        def exited() -> bool:
            self.pump()
            return not self.proc.isalive()

        await eventually(exited, what="the mock agent to exit")
        return int(self.proc.exitstatus)

    def echo_and_canonical(self) -> tuple[bool, bool]:
        lflag = termios.tcgetattr(self.proc.fd)[3]
        return bool(self.proc.getecho()), bool(lflag & termios.ICANON)


class Spawn(Protocol):
    def __call__(self, *flags: str, script: str | None = None) -> MockTerminal: ...


@pytest.fixture
def spawn(tmp_path: Path) -> Iterator[Spawn]:
    started: list[ptyprocess.PtyProcess] = []

    def start(*flags: str, script: str | None = None) -> MockTerminal:
        argv = [sys.executable, "-m", "supervisor.mock_agent", "--work-seconds", "0", *flags]
        if script is not None:
            (tmp_path / "steps.txt").write_text(script)
            argv += ["--script", str(tmp_path / "steps.txt")]
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
        }
        env.pop("NO_COLOR", None)
        proc = ptyprocess.PtyProcess.spawn(
            argv, cwd=str(tmp_path), env=env, dimensions=(ROWS, COLS)
        )
        started.append(proc)
        return MockTerminal(proc)

    yield start
    for proc in started:
        proc.close(force=True)


# --- the idle box -----------------------------------------------------------------------------


async def test_the_banner_and_an_empty_idle_box_are_shown_with_the_cursor_in_the_box(
    spawn: Spawn, tmp_path: Path
) -> None:
    term = spawn()
    await term.wait_for("? for shortcuts")
    text = term.text
    assert "✻ Welcome to Mock Claude!" in text
    assert f"cwd: {tmp_path}" in text
    snap = term.model.snapshot()
    box = snap.lines.index("❯")
    assert set(snap.lines[box - 1]) == {"─"} and set(snap.lines[box + 1]) == {"─"}
    assert snap.lines[box + 2] == "  ? for shortcuts"
    assert (snap.cursor_row, snap.cursor_col) == (box, 2)


async def test_text_and_enter_in_one_write_is_a_paste_that_is_not_submitted(spawn: Spawn) -> None:
    term = spawn(script="reply first reply\n")
    await term.wait_for("? for shortcuts")
    term.send(b"hello\r")
    await term.wait_for_line("❯ hello")
    # Typing on proves the Enter became a newline in the box rather than a submit.
    term.send(b"X")
    lines = await term.wait_for_line("  X")
    assert lines[lines.index("❯ hello") + 1] == "  X"
    assert "⏺ first reply" not in term.text and "> hello" not in term.text

    term.send(b"\r")
    lines = await term.wait_for_line("⏺ first reply")
    assert lines[lines.index("> hello") + 1] == "  X"


async def test_text_then_a_separate_enter_is_submitted_and_backspace_edits_the_box(
    spawn: Spawn,
) -> None:
    term = spawn(script="reply hi there\n")
    await term.wait_for("? for shortcuts")
    term.send(b"hellp")
    await term.wait_for_line("❯ hellp")
    term.send(b"\x7fo")
    await term.wait_for_line("❯ hello")
    term.send(b"\r")
    lines = await term.wait_for_line("⏺ hi there")
    assert "> hello" in lines
    lines = await term.wait_for_line("❯")  # the idle box is back, empty, below the reply
    assert lines.index("❯") > lines.index("⏺ hi there")


# --- the permission menu ----------------------------------------------------------------------


async def test_the_permission_menu_shows_the_command_and_three_numbered_options(
    spawn: Spawn, tmp_path: Path
) -> None:
    term = spawn(script="permission npm test\n")
    await term.wait_for("? for shortcuts")
    await term.type_and_submit("run the tests")
    lines = await term.wait_for_line("Do you want to proceed?")
    assert "Bash command" in lines and "  npm test" in lines
    at = lines.index("Do you want to proceed?")
    assert lines[at + 1 : at + 4] == (
        "❯ 1. Yes",
        f"  2. Yes, and don't ask again for npm test commands in {tmp_path}",
        f"  3. {CANCEL}",
    )


async def test_arrow_down_then_enter_chooses_the_second_permission_option(
    spawn: Spawn, tmp_path: Path
) -> None:
    term = spawn(script="permission npm test\n")
    await term.wait_for("? for shortcuts")
    await term.type_and_submit("go")
    await term.wait_for_line("❯ 1. Yes")
    term.send(b"\x1b[B")
    await term.wait_for_line(f"❯ 2. Yes, and don't ask again for npm test commands in {tmp_path}")
    term.send(b"\r")
    await term.wait_for_line(
        f"⏺ Chose: Yes, and don't ask again for npm test commands in {tmp_path}"
    )
    await term.wait_for_line("⏺ Bash(npm test)")


async def test_esc_chooses_the_no_option_of_the_permission_menu(spawn: Spawn) -> None:
    term = spawn(script="permission rm -rf build\n")
    await term.wait_for("? for shortcuts")
    await term.type_and_submit("clean up")
    await term.wait_for_line("❯ 1. Yes")
    term.send(b"\x1b")
    lines = await term.wait_for_line(f"⏺ Chose: {CANCEL}")
    assert "⏺ Bash(rm -rf build)" not in lines
    assert await term.wait_for_line("❯")


async def test_a_digit_chooses_that_option_at_once(spawn: Spawn) -> None:
    term = spawn(script="permission npm test\npermission npm test\n")
    await term.wait_for("? for shortcuts")
    await term.type_and_submit("one")
    await term.wait_for_line("❯ 1. Yes")
    term.send(b"3")
    await term.wait_for_line(f"⏺ Chose: {CANCEL}")
    await term.type_and_submit("two")
    await term.wait_for_line("❯ 1. Yes")
    term.send(b"1")
    await term.wait_for_line("⏺ Chose: Yes")


async def test_shuffled_options_keep_their_labels_so_answering_by_label_works(spawn: Spawn) -> None:
    term = spawn("--shuffle-options", "1", script="permission npm test\npermission npm test\n")
    await term.wait_for("? for shortcuts")
    await term.type_and_submit("go")
    lines = await term.wait_for("Do you want to proceed?")
    rows = [
        line[2:].split(". ", 1) for line in lines.splitlines() if line[2:4] in ("1.", "2.", "3.")
    ]
    assert [label for _, label in rows][0] != "Yes", "seed 1 must move Yes away from the top"
    assert len(rows) == 3
    number = next(n for n, label in rows if label == CANCEL)
    term.send(number.encode())
    await term.wait_for_line(f"⏺ Chose: {CANCEL}")

    await term.type_and_submit("again")
    await term.wait_for("Do you want to proceed?")
    term.send(b"\x1b")  # Esc still means the "(esc)" row wherever it moved
    await eventually(lambda: term.text.count(f"⏺ Chose: {CANCEL}") == 2, what="a second cancel")


# --- the edit dialog, questions, secrets ------------------------------------------------------


async def test_shift_tab_in_the_edit_dialog_allows_all_edits(spawn: Spawn) -> None:
    term = spawn(script="edit app.py\n")
    await term.wait_for("? for shortcuts")
    await term.type_and_submit("fix it")
    lines = await term.wait_for_line("Do you want to make this edit to app.py?")
    assert "  2. Yes, allow all edits during this session (shift+tab)" in lines
    term.send(b"\x1b[Z")
    await term.wait_for_line("⏺ Chose: Yes, allow all edits during this session (shift+tab)")


async def test_a_y_n_question_is_read_as_an_echoed_line(spawn: Spawn) -> None:
    term = spawn(script="ask Continue anyway?\nask Continue anyway?\n")
    await term.wait_for("? for shortcuts")
    await term.type_and_submit("go")

    def question_at_cursor() -> ScreenSnapshot | None:
        term.pump()
        snap = term.model.snapshot()
        return snap if snap.cursor_line == "Continue anyway? [y/N]" else None

    snap = await eventually(question_at_cursor, what="the question on the cursor line")
    assert snap.cursor_col == len("Continue anyway? [y/N] ")
    # The line mode is set before the question is drawn, so an answer sent on sight is safe.
    assert term.echo_and_canonical() == (True, True)
    term.send(b"y\r")
    lines = await term.wait_for_line("⏺ Answer: yes")
    assert "Continue anyway? [y/N] y" in lines

    await term.type_and_submit("again")
    await term.wait_for_line("Continue anyway? [y/N]")
    term.send(b"\r")  # the capital N is the default
    await term.wait_for_line("⏺ Answer: no")


async def test_the_password_prompt_turns_echo_off_and_never_shows_the_secret(spawn: Spawn) -> None:
    term = spawn(script="secret\n")
    await term.wait_for("? for shortcuts")
    assert term.echo_and_canonical() == (False, False)  # raw mode while idle, like Ink
    await term.type_and_submit("log in")
    await term.wait_for_line("Password:")
    assert term.echo_and_canonical() == (False, True)  # the password signal: ICANON, no ECHO
    term.send(b"hunter2\r")
    await term.wait_for_line("⏺ Password received (not shown).")
    assert "hunter2" not in term.text
    await eventually(lambda: term.echo_and_canonical() == (False, False), what="raw mode again")


# --- working and interrupting -----------------------------------------------------------------


async def test_esc_while_working_interrupts_the_turn(spawn: Spawn) -> None:
    # The long work time is only an upper bound: the test ends as soon as Esc is handled.
    term = spawn("--work-seconds", str(scaled(60)), script="reply never shown\n")
    await term.wait_for("? for shortcuts")
    await term.type_and_submit("think hard")
    lines = await term.wait_for("esc to interrupt)")
    spinner = next(line for line in lines.splitlines() if "esc to interrupt" in line)
    assert spinner[0] in view.SPINNER_GLYPHS and "…" in spinner

    def redrawn() -> list[str] | None:
        now = [line for line in term.lines if "esc to interrupt" in line]
        return now if now and now != [spinner] else None

    # The spinner changes in place: still one line, and the input box stays usable below it.
    assert len(await eventually(redrawn, what="the spinner to tick")) == 1
    assert "  ? for shortcuts" in term.lines
    term.send(b"\x1b")
    await term.wait_for_line("  ⎿  Interrupted by user")
    assert "⏺ never shown" not in term.text
    assert "esc to interrupt" not in term.text


async def test_colours_are_sgr_sequences_and_no_color_turns_them_off(spawn: Spawn) -> None:
    coloured, plain = spawn(), spawn("--no-color")
    for term in (coloured, plain):
        await term.wait_for("? for shortcuts")
    assert b"\x1b[38;5;174m" in coloured.raw and b"\x1b[2m" in coloured.raw
    assert b"\x1b[38;5" not in plain.raw and b"\x1b[2m" not in plain.raw
    assert coloured.text == plain.text


async def test_the_scenario_flag_turns_each_message_into_that_dialog(spawn: Spawn) -> None:
    term = spawn("--scenario", "permission")
    await term.wait_for("? for shortcuts")
    await term.type_and_submit("make deploy")
    lines = await term.wait_for_line("  make deploy")
    assert "Do you want to proceed?" in lines
    term.send(b"1")
    await term.wait_for_line("⏺ Bash(make deploy)")


async def test_the_demo_opens_the_edit_dialog_when_asked_to_edit_a_file(spawn: Spawn) -> None:
    term = spawn()
    await term.wait_for("? for shortcuts")
    await term.type_and_submit("edit main.py")
    await term.wait_for_line("Do you want to make this edit to main.py?")
    term.send(b"\x1b")
    await term.wait_for_line(f"⏺ Chose: {CANCEL}")


# --- exits ------------------------------------------------------------------------------------


async def test_declining_the_trust_dialog_exits_with_code_1(spawn: Spawn) -> None:
    term = spawn("--trust")
    lines = await term.wait_for_line(
        "Quick safety check: Is this a project you created or one you trust?"
    )
    assert "❯ 1. Yes, I trust this folder" in lines and "  2. No, exit" in lines
    assert "Enter to confirm · Esc to cancel" in lines
    term.send(b"\x1b[B")
    await term.wait_for_line("❯ 2. No, exit")
    term.send(b"\r")
    assert await term.exit_code() == 1


async def test_accepting_the_trust_dialog_shows_the_banner(spawn: Spawn) -> None:
    term = spawn("--trust")
    await term.wait_for_line("❯ 1. Yes, I trust this folder")
    term.send(b"\r")
    await term.wait_for("✻ Welcome to Mock Claude!")
    assert term.proc.isalive()


async def test_slash_exit_exits_0(spawn: Spawn) -> None:
    term = spawn()
    await term.wait_for("? for shortcuts")
    await term.type_and_submit("/exit")
    assert await term.exit_code() == 0


async def test_ctrl_c_twice_at_an_empty_box_exits_0(spawn: Spawn) -> None:
    term = spawn()
    await term.wait_for("? for shortcuts")
    term.send(b"\x03")
    await term.wait_for_line("  Press Ctrl-C again to exit")
    term.send(b"\x03")
    assert await term.exit_code() == 0


async def test_ctrl_d_at_an_empty_box_exits_0(spawn: Spawn) -> None:
    term = spawn()
    await term.wait_for("? for shortcuts")
    term.send(b"\x04")
    assert await term.exit_code() == 0


async def test_a_script_exit_step_exits_with_its_code(spawn: Spawn) -> None:
    term = spawn(script="reply one\nexit 3\n")
    await term.wait_for("? for shortcuts")
    await term.type_and_submit("a")
    await term.wait_for_line("⏺ one")
    await term.type_and_submit("b")
    assert await term.exit_code() == 3


def test_without_a_terminal_it_exits_2_saying_to_run_it_in_one() -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-m", "supervisor.mock_agent"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        timeout=scaled(30),
    )
    assert done.returncode == 2
    assert "not a terminal" in done.stderr and "run it in a terminal" in done.stderr


def test_a_bad_script_is_refused_naming_the_line_and_the_verbs(tmp_path: Path) -> None:
    script = tmp_path / "bad.txt"
    script.write_text("reply ok\n\ndance now\n")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-m", "supervisor.mock_agent", "--script", str(script)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        timeout=scaled(30),
    )
    assert done.returncode == 2
    assert "script line 3: unknown step 'dance'" in done.stderr and "permission" in done.stderr


# --- pure parts -------------------------------------------------------------------------------


def test_an_escape_sequence_split_across_reads_decodes_as_one_key() -> None:
    decoder = KeyDecoder()
    assert decoder.feed(b"a\x1b") == [Key("char", "a")]
    assert decoder.pending
    assert decoder.feed(b"[B\r") == [Key("down"), Key("enter")]


def test_a_lone_escape_is_the_esc_key_once_flushed() -> None:
    decoder = KeyDecoder()
    assert decoder.feed(b"\x1b") == []
    assert decoder.flush() == [Key("esc")]
    assert not decoder.pending


def test_a_bracketed_paste_is_one_key_even_with_a_carriage_return_inside() -> None:
    decoder = KeyDecoder()
    keys = (
        decoder.feed(b"\x1b[200~line one\rline")
        + decoder.feed(b" two\x1b[20")
        + decoder.feed(b"1~\r")
    )
    assert keys == [Key("paste", "line one\rline two"), Key("enter")]


def test_utf8_split_across_reads_decodes_to_one_character() -> None:
    decoder = KeyDecoder()
    data = "é".encode()
    assert decoder.feed(data[:1]) == []
    assert decoder.feed(data[1:]) == [Key("char", "é")]


def test_the_live_region_redraws_in_place_and_patches_the_spinner_line() -> None:
    model, region, style = TerminalModel(40, 12), view.LiveRegion(), view.Style(color=False)
    model.feed(region.commit(["static"]).encode())
    box, cursor = view.input_box(style, "abc", 40, "? for shortcuts")
    model.feed(region.render(["spin 1", "", *box], 40, (cursor[0] + 2, cursor[1])).encode())
    patch = region.update_line(0, "spin 2", 40)
    assert patch is not None and "\x1b7" in patch and patch.endswith("\x1b8")
    model.feed(patch.encode())
    snap = model.snapshot()
    assert snap.lines[:7] == (
        "static",
        "spin 2",
        "",
        "─" * 40,
        "❯ abc",
        "─" * 40,
        "  ? for shortcuts",
    )
    assert (snap.cursor_row, snap.cursor_col) == (4, 5)
    box, cursor = view.input_box(style, "", 40, "? for shortcuts")
    model.feed(region.render(box, 40, cursor).encode())
    assert model.snapshot().lines[:6] == (
        "static",
        "─" * 40,
        "❯",
        "─" * 40,
        "  ? for shortcuts",
        "",
    )


def test_a_wrapped_input_line_leaves_nothing_of_the_previous_frame_behind() -> None:
    model, region, style = TerminalModel(20, 8), view.LiveRegion(), view.Style(color=False)
    for text in ("", "x" * 30):  # 32 columns: the input wraps onto the old bottom rule's row
        box, cursor = view.input_box(style, text, 20, "?")
        model.feed(region.render(box, 20, cursor).encode())
    snap = model.snapshot()
    assert snap.lines[:5] == ("─" * 20, "❯ " + "x" * 18, "x" * 12, "─" * 20, "  ?")
    assert (snap.cursor_row, snap.cursor_col) == (2, 12)


def test_line_and_json_scripts_parse_to_the_same_steps() -> None:
    lines = "# demo\nreply Hello there\npermission npm test\nedit\nask\nsecret\nexit 3\n"
    as_json = '["reply Hello there", "permission npm test", "edit", "ask", "secret", "exit 3"]'
    expected = [
        Step("reply", "Hello there"),
        Step("permission", "npm test"),
        Step("edit", "app.py"),
        Step("ask", "Continue anyway? [y/N]"),
        Step("secret"),
        Step("exit", "3"),
    ]
    assert parse_script(lines) == parse_script(as_json) == expected
    assert expected[-1].exit_code == 3


def test_a_permission_step_without_a_command_is_refused_saying_what_is_missing() -> None:
    with pytest.raises(ScriptError, match="'permission' needs an argument: the command"):
        parse_script("permission\n")


def test_the_demo_turns_run_tests_into_a_permission_request() -> None:
    assert demo_step("run tests") == Step("permission", "npm test")
    assert demo_step("run cargo build") == Step("permission", "cargo build")
    assert demo_step("hello").verb == "reply"


def test_menu_keys_move_clamp_and_choose_by_role() -> None:
    menu = permission_menu("git push origin main", "proj")
    assert menu.options[1].label == "Yes, and don't ask again for git push commands in proj"
    assert menu.press(Key("up")) is None and menu.highlighted == 0
    for _ in range(5):
        menu.press(Key("down"))
    assert menu.highlighted == 2
    assert menu.press(Key("enter")) == menu.options[2]
    assert menu.press(Key("ctrl_c")) == Option(CANCEL, "cancel")
    assert menu.press(Key("char", "9")) is None
    shuffled = permission_menu("ls", "proj")
    shuffled.shuffle(random.Random(1))
    assert shuffled.press(Key("esc")) == Option(CANCEL, "cancel")
    assert Menu([Option("Only", "yes")]).press(Key("esc")) == Option("Only", "yes")
