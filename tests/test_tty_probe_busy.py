"""The probe tells a program working on a CPU from one waiting: busy is no wait for a key."""

from __future__ import annotations

import os
import sys
from collections.abc import AsyncIterator

import pytest

from supervisor import tty_probe
from supervisor.pty_process import PtyProcess
from tests.support import eventually

pytestmark = pytest.mark.skipif(
    not os.path.isdir("/proc/self/task"), reason="the probe reads /proc (Linux only)"
)


@pytest.fixture
async def spinning() -> AsyncIterator[PtyProcess]:
    script = "print('Which jobs? [q]uit', flush=True)\nwhile True: pass"
    proc = await PtyProcess.spawn(
        [sys.executable, "-c", script], cwd="/", env=dict(os.environ), on_data=lambda _: None
    )
    yield proc
    await proc.close()


async def test_a_program_running_on_a_cpu_is_busy_neither_reading_nor_elsewhere(
    spinning: PtyProcess,
) -> None:
    def busy() -> tty_probe.Foreground | None:
        found = tty_probe.probe(spinning.foreground_pgid())
        return found if found.busy else None

    found = await eventually(busy, what="the probe to see the loop running")
    assert not found.reading and not found.elsewhere
    assert found.programs  # it has the terminal: it may read it later
