"""The PTY edge: real children in real pseudo-terminals, driven from asyncio."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from supervisor.pty_process import PtyProcess, PtySpawnError
from tests.support import eventually, scaled

ENV = {"PATH": os.environ.get("PATH", os.defpath), "TERM": "xterm-256color", "LANG": "C.UTF-8"}
PY = sys.executable


class Child:
    """A spawned PtyProcess plus everything it printed."""

    def __init__(self) -> None:
        self.output = bytearray()
        self.eof = asyncio.Event()
        self.proc: PtyProcess | None = None

    async def spawn(self, argv: list[str], cwd: str = "/", **kw: int) -> PtyProcess:
        self.proc = await PtyProcess.spawn(
            argv, cwd=cwd, env=ENV, on_data=self.output.extend, on_eof=self.eof.set, **kw
        )
        return self.proc

    def saw(self, text: bytes) -> Callable[[], bool]:
        return lambda: text in self.output


@pytest.fixture
async def child() -> AsyncIterator[Child]:
    c = Child()
    yield c
    if c.proc is not None:
        await c.proc.close()


def _gone(pid: int) -> bool:
    """The pid is reaped: not our child any more, not even a zombie."""
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return not os.path.exists(f"/proc/{pid}") or _not_ours(pid)
    return False


def _not_ours(pid: int) -> bool:
    try:
        return (
            os.getppid() != 0
            and int(Path(f"/proc/{pid}/stat").read_text().split()[3]) != os.getpid()
        )
    except (FileNotFoundError, ProcessLookupError):
        return True


async def test_output_arrives_and_eof_follows_the_exit_with_the_exit_code(child: Child) -> None:
    proc = await child.spawn(["sh", "-c", "echo hello-from-child; exit 7"])
    assert await asyncio.wait_for(proc.wait(), scaled(10)) == 7
    await asyncio.wait_for(child.eof.wait(), scaled(10))
    assert b"hello-from-child" in child.output
    assert proc.exit_code == 7


async def test_written_bytes_reach_the_child_and_are_echoed(child: Child) -> None:
    proc = await child.spawn(["cat"])
    assert await proc.write(b"ping\r") == 5
    await eventually(lambda: child.output.count(b"ping") >= 2, what="cat's echo and reply")


async def test_a_write_larger_than_the_pty_buffer_completes_without_blocking_the_loop(
    child: Child,
) -> None:
    # A raw-mode cat copies everything back: the kernel cannot take 256 KiB at
    # once, so the write must queue, and the loop must keep reading meanwhile or
    # both sides stall. (Raw, because a cooked tty drops echoes when full.)
    proc = await child.spawn(["sh", "-c", "stty raw -echo; echo ready; exec cat"])
    await eventually(child.saw(b"ready"), what="raw mode set")
    payload = b"".join(b"%08d" % i + b"x" * 92 for i in range(2600))
    await asyncio.wait_for(proc.write(payload), scaled(30))
    await eventually(
        lambda: child.output.endswith(payload[-100:]), timeout=30, what="all bytes back"
    )
    assert payload in child.output


async def test_the_child_runs_in_the_given_directory_with_exactly_the_given_environment(
    child: Child, tmp_path: Path
) -> None:
    await child.spawn(
        ["sh", "-c", "pwd; echo TERM=$TERM; echo HOME=${HOME:-unset}"], cwd=str(tmp_path)
    )
    await asyncio.wait_for(child.eof.wait(), scaled(10))
    text = child.output.decode()
    assert (
        str(tmp_path.resolve()) in text and "TERM=xterm-256color" in text and "HOME=unset" in text
    )


async def test_a_missing_program_or_directory_fails_to_spawn_with_a_clear_error(
    tmp_path: Path,
) -> None:
    with pytest.raises(PtySpawnError, match="cannot start"):
        await PtyProcess.spawn(["no-such-program-xyz"], cwd="/", env=ENV, on_data=lambda b: None)
    with pytest.raises(PtySpawnError, match="cannot start"):
        await PtyProcess.spawn(
            ["cat"], cwd=str(tmp_path / "missing"), env=ENV, on_data=lambda b: None
        )


async def test_resize_reaches_the_child(child: Child) -> None:
    proc = await child.spawn(["sh", "-c", "read x; stty size"], cols=80, rows=24)
    proc.resize(cols=132, rows=50)
    await proc.write(b"go\r")
    await eventually(child.saw(b"50 132"), what="the new size")


async def test_echo_is_reported_off_while_a_secret_is_read(child: Child) -> None:
    proc = await child.spawn([PY, "-c", "import getpass; getpass.getpass('Password: ')"])
    await eventually(child.saw(b"Password:"), what="the password prompt")
    await eventually(lambda: not proc.echo_enabled(), what="echo off")
    await proc.write(b"hunter2\r")
    assert await asyncio.wait_for(proc.wait(), scaled(10)) == 0


@pytest.mark.skipif(not Path("/proc/self/syscall").exists(), reason="needs Linux /proc")
async def test_a_program_reading_a_line_is_seen_blocked_on_read(child: Child) -> None:
    proc = await child.spawn([PY, "-c", "print('asking', flush=True); input()"])
    await eventually(child.saw(b"asking"), what="the program started")
    await eventually(proc.foreground_blocked_on_read, what="blocked in read(0)")
    await proc.write(b"ok\r")
    await asyncio.wait_for(proc.wait(), scaled(10))


async def test_a_sleeping_program_is_not_blocked_on_read(child: Child) -> None:
    proc = await child.spawn(["sh", "-c", "echo sleeping; exec sleep 600"])
    await eventually(child.saw(b"sleeping"), what="the program started")
    assert not proc.foreground_blocked_on_read()


async def test_the_foreground_group_is_the_childs_own_group(child: Child) -> None:
    proc = await child.spawn(["cat"])
    assert proc.foreground_pgid() == proc.pid == os.getpgid(proc.pid)
    assert os.getpgid(proc.pid) != os.getpgrp()


async def test_a_gentle_stop_ends_a_child_that_obeys_sighup(child: Child) -> None:
    proc = await child.spawn(["sleep", "600"])
    code = await asyncio.wait_for(proc.terminate(grace=scaled(10)), scaled(15))
    assert code < 0  # killed by a signal, reported as its negative number
    await proc.close()
    assert await eventually(lambda: _gone(proc.pid), what="the child reaped")


async def test_a_child_ignoring_sighup_and_sigterm_is_killed_after_the_grace(child: Child) -> None:
    script = (
        "import signal,sys; signal.signal(signal.SIGHUP, signal.SIG_IGN); "
        "signal.signal(signal.SIGTERM, signal.SIG_IGN); print('armed', flush=True); "
        "signal.pause()"
    )
    proc = await child.spawn([PY, "-c", script])
    await eventually(child.saw(b"armed"), what="signal handlers installed")
    code = await asyncio.wait_for(proc.terminate(grace=0.2), scaled(15))
    assert code == -9


def _pty_and_pid_fds() -> set[tuple[str, str]]:
    """This process's open PTY masters and pidfds, as (fd, target) pairs."""
    found = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target in ("/dev/ptmx", "anon_inode:[pidfd]") or target.startswith("/dev/pts/"):
            found.add((fd, target))
    return found


async def test_close_leaves_no_zombie_no_grandchild_and_no_open_fd(
    child: Child, tmp_path: Path
) -> None:
    before = _pty_and_pid_fds()
    pidfile = tmp_path / "grandchild.pid"
    # A grandchild that ignores SIGHUP would outlive its parent and hold the pty.
    proc = await child.spawn(
        ["sh", "-c", f"trap '' HUP; sleep 600 & echo $! > {pidfile}; echo started; wait"]
    )
    await eventually(
        lambda: pidfile.exists() and pidfile.read_text().strip(), what="grandchild pid"
    )
    grandchild = int(pidfile.read_text())
    await asyncio.wait_for(proc.close(), scaled(15))
    assert await eventually(lambda: _gone(proc.pid), what="the child reaped")
    await eventually(
        lambda: (
            not Path(f"/proc/{grandchild}").exists()
            or Path(f"/proc/{grandchild}/stat").read_text().split()[2] == "Z"
        ),
        what="the grandchild killed",
    )
    # Only this test's own kinds of fd: other tests' sockets may close meanwhile.
    assert _pty_and_pid_fds() <= before
    with pytest.raises(BrokenPipeError):
        proc.send(b"too late")


async def test_close_is_idempotent_and_returns_the_exit_code(child: Child) -> None:
    proc = await child.spawn(["sh", "-c", "exit 3"])
    await asyncio.wait_for(proc.wait(), scaled(10))
    assert await asyncio.wait_for(proc.close(), scaled(10)) == 3
    assert await proc.close() == 3


async def test_each_live_child_costs_exactly_one_fd_and_every_exit_is_still_reaped() -> None:
    before = _pty_and_pid_fds()
    procs = [
        await PtyProcess.spawn(
            ["sh", "-c", f"read line; exit {n}"], cwd="/", env=ENV, on_data=lambda data: None
        )
        for n in range(5)
    ]
    try:
        assert len(_pty_and_pid_fds() - before) == len(procs)
        for proc in procs:
            await proc.write(b"go\r")
        codes = await asyncio.wait_for(asyncio.gather(*(p.wait() for p in procs)), scaled(15))
        assert codes == [0, 1, 2, 3, 4]
        assert all(_gone(p.pid) for p in procs)
    finally:
        for proc in procs:
            await proc.close()
