"""The OS signal: is the terminal's foreground group reading it, or waiting elsewhere?"""

from __future__ import annotations

import os
import sys
from collections.abc import AsyncIterator, Awaitable, Callable

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


async def state(proc: PtyProcess, want: tty_probe.Foreground) -> tty_probe.Foreground:
    return await eventually(
        lambda: want if tty_probe.probe(proc.foreground_pgid()) == want else None,
        what=f"the probe to report {want}",
    )


async def test_a_line_reader_is_reading_the_terminal(spawn: Spawn) -> None:
    proc = await spawn([sys.executable, "-c", "input('Name? ')"])
    await state(proc, tty_probe.Foreground(reading=True))


async def test_getpass_reading_dev_tty_on_another_descriptor_counts_as_reading(
    spawn: Spawn,
) -> None:
    proc = await spawn([sys.executable, "-c", "import getpass; getpass.getpass()"])
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
