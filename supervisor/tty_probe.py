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

A reader that is a shell or an interpreter started interactively (``bash -i``,
a login shell, ``python`` with no script, ``node`` alone) is at its own prompt:
``interactive`` says so, and whatever its prompt reads like ("ready? ", "db> ")
it asks nothing.

``programs`` names (``/proc/<pid>/comm``, read from the ``stat`` the probe reads
anyway) the processes that may be reading the terminal: not those waiting on a
timer or a child, nor those blocked writing into a pipe (``git log`` feeding its
pager). The detector compares them with its list of viewers and editors.

Everywhere else (macOS, no ``/proc``) the probe says "unknown" and detection
falls back to the screen and the terminal mode alone.
"""

from __future__ import annotations

import os
import platform
import re
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Foreground:
    """What the terminal's foreground group is doing: ``reading`` the terminal, or
    positively waiting ``elsewhere``; both False when it cannot be told. ``programs``:
    the names of the processes that may be reading it (see the module docstring)."""

    reading: bool = False
    elsewhere: bool = False
    interactive: bool = False
    programs: tuple[str, ...] = ()


def probe(pgid: int | None) -> Foreground:
    """The state of foreground group ``pgid`` (from ``os.tcgetpgrp`` on the master)."""
    if pgid is None or pgid <= 0 or _READ_SYSCALL is None:
        return Foreground()
    members = _members(pgid)
    states = [_state(pid) for pid, _ in members]
    if not states or any(s is None for s in states):
        return Foreground()
    # Who waits for something other than a timer or a child: if every such process is
    # a shell or interpreter started interactively, it sits at its own prompt.
    waiting = [m for m, s in zip(members, states, strict=True) if s != "elsewhere"]
    interactive = bool(waiting) and all(_interactive(pid) for pid, _ in waiting)
    programs = tuple(
        name for (_, name), s in zip(members, states, strict=True) if s in ("reading", "other")
    )
    if any(s == "reading" for s in states):
        return Foreground(reading=True, interactive=interactive, programs=programs)
    return Foreground(elsewhere=not waiting, interactive=interactive, programs=programs)


def _members(pgid: int) -> list[tuple[int, str]]:
    """The group's processes as ``(pid, comm)``, from the leader down."""
    found: list[tuple[int, str]] = []
    queue = [pgid]
    while queue and len(found) < MAX_PROCESSES:
        pid = queue.pop()
        group, name = _group(pid)
        if group != pgid:
            continue
        found.append((pid, name))
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
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            argv = [a.decode(errors="replace") for a in f.read().split(b"\0") if a]
    except OSError:
        return False
    return interactive_argv(argv)


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


def _group(pid: int) -> tuple[int | None, str]:
    """``pid``'s process group and its name (comm: between the first "(" and the
    last ")" of ``stat``, since the name itself may hold either)."""
    try:
        head, _, rest = _read(f"/proc/{pid}/stat").rpartition(b")")
        return int(rest.split()[2]), head.partition(b"(")[2].decode(errors="replace")
    except (OSError, ValueError, IndexError):
        return None, ""


def _state(pid: int) -> str | None:
    """ "reading", "elsewhere", "feeding" (blocked writing a pipe) or "other"; None when
    the process cannot be read."""
    try:
        wchan = _read(f"/proc/{pid}/wchan").decode(errors="replace").strip()
        fields = _read(f"/proc/{pid}/syscall", 64).split()
    except OSError:
        return None
    if wchan in _TTY_READ and fields[:1] == [str(_READ_SYSCALL).encode()]:
        return "reading"
    if wchan in _NOT_INPUT:
        return "elsewhere"
    if wchan in _PIPE_WRITE:
        return "feeding"
    return "other"
