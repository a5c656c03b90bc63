"""Is anyone reading the terminal? The OS's answer, from ``/proc`` (Linux only).

The foreground process group of a PTY (``tcgetpgrp`` on the master) is what
would receive typed input. Its processes are found from the group leader down
through ``/proc/<pid>/task/<pid>/children`` (only those still in the group), and
each one's kernel wait channel says what it sleeps on:

* ``wait_woken`` / ``n_tty_read`` with ``read`` as the current syscall: it waits
  in the terminal's read, on any descriptor (``getpass`` reads ``/dev/tty``, not
  fd 0): a line prompt is waiting;
* a timer (``hrtimer_nanosleep``, ``do_nanosleep``) or a child (``do_wait``) for
  every process of the group: nobody reads the terminal now, whatever the screen
  shows (a log line quoting "[y/N]", a paused agent);
* anything else (``epoll``, ``poll``, ``select``, ``futex``): unknown; event-loop
  programs (node, Go, prompt_toolkit) look like this whether they wait for keys
  or for the network.

Everywhere else (macOS, no ``/proc``) the probe says "unknown" and detection
falls back to the screen and the terminal mode alone.
"""

from __future__ import annotations

import os
import platform
from dataclasses import dataclass

# read(2)'s syscall number, for /proc/<pid>/syscall.
_READ_SYSCALL = {"x86_64": 0, "aarch64": 63, "i686": 3, "armv7l": 3}.get(platform.machine())
_TTY_READ = frozenset({"wait_woken", "n_tty_read"})
_NOT_INPUT = frozenset({"hrtimer_nanosleep", "do_nanosleep", "do_wait", "kernel_wait4"})
MAX_PROCESSES = 64  # a fork bomb in the foreground must not make a probe slow


@dataclass(frozen=True)
class Foreground:
    """What the terminal's foreground group is doing: ``reading`` the terminal, or
    positively waiting ``elsewhere``; both False when it cannot be told."""

    reading: bool = False
    elsewhere: bool = False


def probe(pgid: int | None) -> Foreground:
    """The state of foreground group ``pgid`` (from ``os.tcgetpgrp`` on the master)."""
    if pgid is None or pgid <= 0 or _READ_SYSCALL is None:
        return Foreground()
    states = [_state(pid) for pid in _members(pgid)]
    if not states or any(s is None for s in states):
        return Foreground()
    if any(s == "reading" for s in states):
        return Foreground(reading=True)
    return Foreground(elsewhere=all(s == "elsewhere" for s in states))


def _members(pgid: int) -> list[int]:
    found: list[int] = []
    queue = [pgid]
    while queue and len(found) < MAX_PROCESSES:
        pid = queue.pop()
        if _group(pid) != pgid:
            continue
        found.append(pid)
        try:
            queue.extend(int(c) for c in _read(f"/proc/{pid}/task/{pid}/children", 1 << 16).split())
        except (OSError, ValueError):
            pass
    return found


def _read(path: str, limit: int = 4096) -> bytes:
    """Up to ``limit`` bytes of a /proc file in one read (a /proc file is generated whole
    per read). Raw descriptors: a status call reads four of these files, and a buffered
    ``open`` costs several times the read itself."""
    fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    try:
        return os.read(fd, limit)
    finally:
        os.close(fd)


def _group(pid: int) -> int | None:
    try:
        return int(_read(f"/proc/{pid}/stat").rsplit(b")", 1)[1].split()[2])
    except (OSError, ValueError, IndexError):
        return None


def _state(pid: int) -> str | None:
    """ "reading", "elsewhere" or "other"; None when the process cannot be read."""
    try:
        wchan = _read(f"/proc/{pid}/wchan").decode(errors="replace").strip()
        fields = _read(f"/proc/{pid}/syscall", 64).split()
    except OSError:
        return None
    if wchan in _TTY_READ and fields[:1] == [str(_READ_SYSCALL).encode()]:
        return "reading"
    if wchan in _NOT_INPUT:
        return "elsewhere"
    return "other"
