"""The OS signal: is the terminal's foreground group reading it, or waiting elsewhere?"""

from __future__ import annotations

import dataclasses
import os
import shutil
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

from supervisor import tty_probe
from supervisor.pty_process import PtyProcess
from tests.support import eventually

pytestmark = pytest.mark.skipif(
    not os.path.isdir("/proc/self/task"), reason="the probe reads /proc (Linux only)"
)
Spawn = Callable[[list[str]], Awaitable[PtyProcess]]


@pytest.fixture
async def spawn() -> AsyncIterator[Spawn]:
    started: list[PtyProcess] = []

    async def start(argv: list[str]) -> PtyProcess:
        proc = await PtyProcess.spawn(argv, cwd="/", env=dict(os.environ), on_data=lambda _: None)
        started.append(proc)
        return proc

    yield start
    for proc in started:
        await proc.close()


def flags(found: tty_probe.Foreground) -> tty_probe.Foreground:
    """``found`` without the program names, to compare what it says about reading."""
    return dataclasses.replace(found, programs=())


async def state(proc: PtyProcess, want: tty_probe.Foreground) -> tty_probe.Foreground:
    def now() -> tty_probe.Foreground | None:
        found = tty_probe.probe(proc.foreground_pgid())
        return found if flags(found) == want else None

    return await eventually(now, what=f"the probe to report {want}")


async def test_a_line_reader_is_reading_the_terminal(spawn: Spawn) -> None:
    proc = await spawn([sys.executable, "-c", "input('Name? ')"])
    await state(proc, tty_probe.Foreground(reading=True))


async def test_getpass_reading_dev_tty_on_another_descriptor_counts_as_reading(
    spawn: Spawn,
) -> None:
    proc = await spawn([sys.executable, "-c", "import getpass; getpass.getpass()"])
    await state(proc, tty_probe.Foreground(reading=True))


async def test_a_reader_on_a_worker_thread_counts_while_the_main_thread_joins_it(
    spawn: Spawn,
) -> None:
    script = "import threading; t = threading.Thread(target=input); t.start(); t.join()"
    proc = await spawn([sys.executable, "-c", script])
    await state(proc, tty_probe.Foreground(reading=True))


async def test_a_reader_below_a_waiting_shell_is_found_through_the_group(spawn: Spawn) -> None:
    inner = f"{sys.executable} -c 'input()'; echo done"
    proc = await spawn(["/bin/sh", "-c", inner])
    await state(proc, tty_probe.Foreground(reading=True))


async def test_a_sleeping_program_is_waiting_elsewhere_whatever_it_printed(spawn: Spawn) -> None:
    script = (
        "import time; print('Continue? [y/N] ', end='', flush=True); "
        "time.sleep(60)"  # noqa: sleep-ok - the child waits at its question
    )
    proc = await spawn([sys.executable, "-c", script])
    await state(proc, tty_probe.Foreground(elsewhere=True))


def test_an_unknown_or_missing_group_tells_nothing() -> None:
    assert tty_probe.probe(None) == tty_probe.Foreground()
    assert tty_probe.probe(2**22 + 12345) == tty_probe.Foreground()


async def test_a_shell_started_interactively_is_at_its_own_prompt(spawn: Spawn) -> None:
    proc = await spawn(["bash", "--norc", "--noprofile", "-i"])
    await eventually(
        lambda: tty_probe.probe(proc.foreground_pgid()).interactive or None,
        what="the probe to see an interactive shell",
    )


async def test_a_script_reading_a_line_is_not_an_interactive_shell(spawn: Spawn) -> None:
    proc = await spawn(["bash", "-c", "read -r -p 'Ready? ' x"])
    found = await state(proc, tty_probe.Foreground(reading=True))
    assert found.interactive is False


async def test_the_reader_is_named_by_the_program_it_runs(spawn: Spawn) -> None:
    proc = await spawn([sys.executable, "-c", "input('Name? ')"])
    found = await state(proc, tty_probe.Foreground(reading=True))
    assert found.programs == (os.path.basename(sys.executable)[:15],)  # the name exec was given


@pytest.mark.skipif(shutil.which("less") is None, reason="less is not installed")
async def test_a_pager_is_named_and_the_program_feeding_it_through_a_pipe_is_not(
    spawn: Spawn,
) -> None:
    # seq blocks writing into the full pipe; bash waits for both: only less may read.
    proc = await spawn(["bash", "-c", "seq 1 10000000 | less"])
    await eventually(
        lambda: tty_probe.probe(proc.foreground_pgid()).programs == ("less",) or None,
        what="the probe to name less alone",
    )


@pytest.mark.skipif(shutil.which("vim") is None, reason="vim is not installed")
async def test_an_editor_waiting_for_keys_is_named(spawn: Spawn, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Continue? (y/n)\n")
    proc = await spawn(["vim", "-u", "NONE", "-N", "-n", str(note)])
    found = await eventually(
        lambda: tty_probe.probe(proc.foreground_pgid()).programs or None,
        what="the probe to name the editor",
    )
    assert found[0].partition(".")[0] == "vim"  # Debian's vim may run as vim.basic


# A parent that waits in its event loop (select on a pipe nobody writes), as node does.
EVENT_LOOP = "import os, select; select.select([os.pipe()[0]], [], [])"


@pytest.mark.skipif(shutil.which("vim") is None, reason="vim is not installed")
async def test_a_program_waiting_for_the_editor_it_started_is_not_in_front(
    spawn: Spawn, tmp_path: Path
) -> None:
    # Claude Code's external editor: the agent polls while vim has the terminal
    note = tmp_path / "prompt.md"
    note.write_text("Do you want to proceed?\n")
    vim = f"['vim', '-u', 'NONE', '-N', '-n', {str(note)!r}]"
    script = f"import subprocess; subprocess.Popen({vim}); {EVENT_LOOP}"
    proc = await spawn([sys.executable, "-c", script])
    parent = os.path.basename(sys.executable)[:15]

    def in_front() -> tuple[str, ...] | None:
        programs = tty_probe.probe(proc.foreground_pgid()).programs
        return programs if programs and parent not in programs else None

    found = await eventually(in_front, what="the probe to leave the waiting parent out")
    assert len(found) == 1
    assert found[0].partition(".")[0] == "vim"


async def test_a_helper_talking_through_pipes_is_not_in_front(spawn: Spawn) -> None:
    # an editor's language server: its descriptors are pipes, the editor keeps the terminal
    pipes = "stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL"
    script = f"import subprocess; helper = subprocess.Popen(['cat'], {pipes}); {EVENT_LOOP}"
    proc = await spawn([sys.executable, "-c", script])
    group = proc.foreground_pgid()
    await eventually(
        lambda: len(tty_probe._members(group or 0)) == 2 or None, what="the helper to start"
    )
    found = await eventually(
        lambda: tty_probe.probe(proc.foreground_pgid()).programs or None,
        what="the probe to name the program in front",
    )
    assert found == (os.path.basename(sys.executable)[:15],)
