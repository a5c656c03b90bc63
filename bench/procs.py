"""Processes and /proc readings for the benchmark (Linux).

Helper processes start in their own session (so their own process group) and
with a parent-death signal, and :meth:`Helper.stop` kills the whole group: no
relay, supervisor or PTY child outlives the benchmark, even if it crashes.
"""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
import os
import platform
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from importlib import metadata
from pathlib import Path
from typing import IO, Any

from bench import stats

REPO_ROOT = Path(__file__).resolve().parent.parent
PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    # Runs in the forked child before exec: if the benchmark dies, so does the helper.
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def child_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """This environment plus the repo on PYTHONPATH, so ``python -m bench.x`` works anywhere."""
    env = dict(os.environ)
    inherited = env.get("PYTHONPATH")
    env["PYTHONPATH"] = str(REPO_ROOT) + (os.pathsep + inherited if inherited else "")
    env.update(extra or {})
    return env


class Helper:
    """A child process in its own process group; read its first stdout lines with :meth:`expect`."""

    def __init__(self, name: str, proc: subprocess.Popen[str], stderr: IO[bytes]) -> None:
        self.name = name
        self.proc = proc
        self.pid = proc.pid
        self._stderr = stderr  # a temp file: its tail explains a helper that died

    def _died(self, waiting_for: str) -> RuntimeError:
        self._stderr.seek(0, os.SEEK_END)
        size = self._stderr.tell()
        self._stderr.seek(max(0, size - 1500))
        tail = self._stderr.read().decode("utf-8", "replace").strip()
        return RuntimeError(
            f"{self.name} ended its output (exit code {self.proc.poll()}) before "
            f"'{waiting_for}'; its stderr ends with:\n{tail or '(nothing)'}"
        )

    @classmethod
    def start(cls, name: str, argv: Sequence[str], env: Mapping[str, str] | None = None) -> Helper:
        # BENCH_LOG_DIR keeps every helper's stderr for a post-mortem; else a temp file.
        log_dir = os.environ.get("BENCH_LOG_DIR")
        stderr: IO[bytes] = (
            open(Path(log_dir) / f"{name}-{time.time_ns()}.log", "w+b")  # noqa: SIM115
            if log_dir
            else tempfile.TemporaryFile()
        )
        proc = subprocess.Popen(
            list(argv),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            env=child_env(env),
            cwd=REPO_ROOT,
            start_new_session=True,
            preexec_fn=_die_with_parent,  # noqa: PLW1509 - only prctl, before exec
        )
        return cls(name, proc, stderr)

    async def expect(self, prefix: str, timeout: float = 20.0) -> str:
        """The first stdout line starting with ``prefix`` (rest of the line), within ``timeout``."""
        assert self.proc.stdout is not None
        stdout = self.proc.stdout

        def read() -> str:
            for line in stdout:
                if line.startswith(prefix):
                    return line[len(prefix) :].strip()
            raise self._died(prefix)

        return await asyncio.wait_for(asyncio.to_thread(read), timeout)

    async def lines_until(self, last: str, timeout: float = 60.0) -> list[str]:
        """Every stdout line up to and including one equal to ``last``, within ``timeout``."""
        assert self.proc.stdout is not None
        stdout = self.proc.stdout

        def read() -> list[str]:
            got = []
            for line in stdout:
                got.append(line.rstrip("\n"))
                if got[-1] == last:
                    return got
            raise self._died(last)

        return await asyncio.wait_for(asyncio.to_thread(read), timeout)

    def cpu_ns(self) -> int:
        return process_cpu_ns(self.pid)

    def rss_kb(self) -> int:
        return process_rss_kb(self.pid)

    async def stop(self, grace: float = 5.0) -> None:
        """SIGTERM the group, SIGKILL it after ``grace``; reap the child."""
        if self.proc.poll() is None:
            _signal_group(self.pid, signal.SIGTERM)
            try:
                await asyncio.wait_for(asyncio.to_thread(self.proc.wait), grace)
            except TimeoutError:
                pass
        _signal_group(self.pid, signal.SIGKILL)  # stragglers in the group, if any
        await asyncio.to_thread(self.proc.wait)
        if self.proc.stdout is not None:
            self.proc.stdout.close()
        self._stderr.close()


def _signal_group(pgid: int, sig: int) -> None:
    try:
        os.killpg(pgid, sig)
    except ProcessLookupError:
        pass


def process_cpu_ns(pid: int) -> int:
    """CPU ns of every live thread of ``pid`` (schedstat: finer than /proc/<pid>/stat ticks)."""
    texts = []
    task_dir = Path(f"/proc/{pid}/task")
    for task in task_dir.iterdir():
        try:
            texts.append((task / "schedstat").read_text())
        except OSError:
            pass  # the thread ended between the listing and the read
    return stats.schedstat_ns(texts)


def process_rss_kb(pid: int) -> int:
    return stats.status_rss_kb(Path(f"/proc/{pid}/status").read_text())


def process_fds(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/fd"))


def loadavg() -> list[float]:
    return [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]


def cpu_times() -> stats.CpuTimes:
    return stats.parse_proc_stat(Path("/proc/stat").read_text())


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def machine_before() -> dict[str, Any]:
    return {
        "started_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "cpu_count": os.cpu_count(),
        "platform": platform.platform(),
        "python": sys.version.split()[0],
        "versions": {
            d: _version(d)
            for d in ("fastmcp", "mcp", "websockets", "uvicorn", "starlette", "pyte", "ptyprocess")
        },
        "loadavg_before": loadavg(),
        "_cpu_before": cpu_times(),
    }


def machine_after(machine: dict[str, Any]) -> dict[str, Any]:
    """Add load after, busy% and steal% over the whole benchmark."""
    before = machine.pop("_cpu_before")
    busy, steal = stats.busy_and_steal(before, cpu_times())
    machine.update(
        loadavg_after=loadavg(),
        busy_percent=round(busy, 1),
        steal_percent=round(steal, 2),
        pty_in_use_after=_pty_count(),
    )
    return machine


def _pty_count() -> int | None:
    try:
        return int(Path("/proc/sys/kernel/pty/nr").read_text())
    except OSError:
        return None
