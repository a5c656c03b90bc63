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
  or for the network. A process on a CPU or waiting for one (no wait channel:
  ``0``) is unknown too, but ``busy``: it works, it waits for no key now
  (:mod:`supervisor.probe_window` combines the samples of a quiet spell).

A reader that is a shell or an interpreter started interactively (``bash -i``,
a login shell, ``python`` with no script, ``node`` alone) is at its own prompt:
``interactive`` says so, and whatever its prompt reads like ("ready? ", "db> ")
it asks nothing.

``programs`` names (``/proc/<pid>/comm``, read from the ``stat`` the probe reads
anyway) the processes in front, those that may be reading the terminal: one
blocked in its read, or one waiting on anything but a timer or a child that has
the terminal on its standard descriptors and no such process below it. So a
producer blocked writing into a pipe (``git log`` feeding its pager), an editor's
language server talking through pipes, and an agent waiting for the editor it
started (Claude Code's external editor) are left out. The detector compares the
names with its list of viewers and editors.

Everywhere else (macOS, no ``/proc``) the probe says "unknown" and detection
falls back to the screen and the terminal mode alone.
"""

from __future__ import annotations

import os
import platform
import re
from dataclasses import dataclass
from typing import NamedTuple

# read(2)'s syscall number, for /proc/<pid>/syscall.
_READ_SYSCALL = {"x86_64": 0, "aarch64": 63, "i686": 3, "armv7l": 3}.get(platform.machine())
_TTY_READ = frozenset({"wait_woken", "n_tty_read"})
_NOT_INPUT = frozenset({"hrtimer_nanosleep", "do_nanosleep", "do_wait", "kernel_wait4"})
# A producer blocked on a full pipe (the kernel's name changed in 6.x): it feeds the
# group's reader, it reads nothing itself.
_PIPE_WRITE = frozenset({"pipe_write", "anon_pipe_write"})
_SHELLS = frozenset({"bash", "zsh", "sh", "dash", "ksh", "mksh", "ash", "fish", "tcsh", "csh"})
_INTERPRETERS = re.compile(r"^(python[\d.]*|node|nodejs|irb|lua[\d.]*|ruby)$")
# Options that take the next argument as their value (so it is no script name).
_VALUE_OPTIONS = frozenset({"-o", "+o", "-O", "+O", "-X", "-W", "-r", "--require", "--rcfile"})
MAX_PROCESSES = 64  # a fork bomb in the foreground must not make a probe slow
MAX_THREADS = 64  # threads of one process looked at for a reader


@dataclass(frozen=True)
class Foreground:
    """What the terminal's foreground group is doing: ``reading`` the terminal, or
    positively waiting ``elsewhere``; both False when it cannot be told. ``programs``:
    the names of the processes that may be reading it (see the module docstring).
    ``busy``: neither, a process of the group was running when sampled and none
    waited in a poll (where a prompt library waits)."""

    reading: bool = False
    elsewhere: bool = False
    interactive: bool = False
    programs: tuple[str, ...] = ()
    busy: bool = False


def probe(pgid: int | None) -> Foreground:
    """The state of foreground group ``pgid`` (from ``os.tcgetpgrp`` on the master)."""
    if pgid is None or pgid <= 0 or _READ_SYSCALL is None:
        return Foreground()
    members = _members(pgid)
    states = [_state(m.pid) for m in members]
    if not states or any(s is None for s in states):
        return Foreground()
    # Who waits for something other than a timer or a child: if every such process is
    # a shell or interpreter started interactively, it sits at its own prompt.
    waiting = [m.pid for m, s in zip(members, states, strict=True) if s != "elsewhere"]
    interactive = bool(waiting) and all(_interactive(pid) for pid in waiting)
    programs = _in_front(members, states)
    if any(s == "reading" for s in states):
        return Foreground(reading=True, interactive=interactive, programs=programs)
    # Running, and nothing that may wait for keys in a poll: it works between waits.
    busy = "running" in states and "other" not in states
    return Foreground(elsewhere=not waiting, interactive=interactive, programs=programs, busy=busy)


class _Member(NamedTuple):
    pid: int
    parent: int
    name: str


def _in_front(members: list[_Member], states: list[str | None]) -> tuple[str, ...]:
    """The names of the processes in front (see the module docstring), in group order."""
    may_read = [
        (m, s == "reading")
        for m, s in zip(members, states, strict=True)
        if s == "reading" or s in ("other", "running") and _on_terminal(m.pid)
    ]
    by_pid = {m.pid: m for m in members}
    behind: set[int] = set()  # ancestors of a possible reader: waiting for what they started
    for member, _ in may_read:
        parent = by_pid.get(member.parent)
        while parent is not None and parent.pid not in behind:
            behind.add(parent.pid)
            parent = by_pid.get(parent.parent)
    return tuple(m.name for m, reading in may_read if reading or m.pid not in behind)


def _on_terminal(pid: int) -> bool:
    """Whether ``pid`` has a terminal as standard input, output or error (True when its
    descriptors cannot be read: another user's process may well be reading)."""
    for fd in (0, 1, 2):
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except FileNotFoundError:
            continue  # a closed descriptor
        except OSError:
            return True
        if target.startswith(("/dev/pts/", "/dev/tty")):
            return True
    return False


def _members(pgid: int) -> list[_Member]:
    """The group's processes, from the leader down."""
    found: list[_Member] = []
    queue = [pgid]
    while queue and len(found) < MAX_PROCESSES:
        pid = queue.pop()
        group, parent, name = _stat(pid)
        if group != pgid:
            continue
        found.append(_Member(pid, parent, name))
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


def _interactive(pid: int) -> bool:
    """Whether ``pid`` is a shell or interpreter at its own prompt (no script, no -c)."""
    try:
        raw = _read_all(f"/proc/{pid}/cmdline")
    except OSError:
        return False
    return interactive_argv([a.decode(errors="replace") for a in raw.split(b"\0") if a])


def _read_all(path: str) -> bytes:
    """All of a /proc file whose length has no small bound (a command line), through a raw
    descriptor as :func:`_read`: one read for the usual short file, more until end of file."""
    fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    try:
        chunks = [os.read(fd, 1 << 16)]
        while chunks[-1]:
            chunks.append(os.read(fd, 1 << 16))
        return b"".join(chunks)
    finally:
        os.close(fd)


def interactive_argv(argv: list[str]) -> bool:
    """Whether a command line starts a shell or an interpreter interactively."""
    if not argv:
        return False
    name = os.path.basename(argv[0])
    if argv[0].startswith("-") and name.lstrip("-") in _SHELLS:
        return True  # a login shell
    name = name.lstrip("-")
    if name not in _SHELLS and not _INTERPRETERS.match(name):
        return False
    args = iter(argv[1:])
    for arg in args:
        if arg == "--" or not arg.startswith(("-", "+")) or arg in ("-", "+"):
            return False  # a script (or stdin as one) follows
        if arg in _VALUE_OPTIONS:
            next(args, None)
            continue
        if arg.startswith("--"):
            if arg == "--interactive":
                return True
            continue
        flags = arg[1:]
        if "i" in flags:
            return True
        if set(flags) & {"c", "m", "e", "p"}:
            return False  # a command given on the command line: not at a prompt
    return True


def _stat(pid: int) -> tuple[int | None, int, str]:
    """``pid``'s process group, parent and name (comm: between the first "(" and the
    last ")" of ``stat``, since the name itself may hold either)."""
    try:
        head, _, rest = _read(f"/proc/{pid}/stat").rpartition(b")")
        fields = rest.split()
        return int(fields[2]), int(fields[1]), head.partition(b"(")[2].decode(errors="replace")
    except (OSError, ValueError, IndexError):
        return None, 0, ""


def _state(pid: int) -> str | None:
    """ "reading", "elsewhere", "feeding" (blocked writing a pipe), "running" (no wait
    channel: on a CPU or queued for one) or "other"; None when the process cannot be
    read."""
    try:
        wchan = _read(f"/proc/{pid}/wchan").decode(errors="replace").strip()
        fields = _read(f"/proc/{pid}/syscall", 64).split()
    except OSError:
        return None
    if wchan in _TTY_READ and fields[:1] == [str(_READ_SYSCALL).encode()]:
        return "reading"
    if "futex" in wchan and _thread_reading(pid):  # only a join in a futex hides a reader
        return "reading"
    if wchan in _NOT_INPUT:
        return "elsewhere"
    if wchan in _PIPE_WRITE:
        return "feeding"
    if wchan == "0":
        return "running"
    return "other"


def _thread_reading(pid: int) -> bool:
    """Whether a thread of ``pid`` other than its main one sleeps in the terminal's read:
    a menu run on its own thread (console-menu) while the main thread waits to join it
    in a futex, which alone says nothing."""
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return False
    for tid in [t for t in tasks if t != str(pid)][:MAX_THREADS]:
        try:
            wchan = _read(f"/proc/{pid}/task/{tid}/wchan").decode(errors="replace").strip()
            fields = _read(f"/proc/{pid}/task/{tid}/syscall", 64).split()
        except OSError:
            continue  # the thread ended meanwhile
        if wchan in _TTY_READ and fields[:1] == [str(_READ_SYSCALL).encode()]:
            return True
    return False
