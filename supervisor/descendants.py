"""A session's whole process tree: find it, end it, reap what is handed back to us.

A program in a PTY leads its own process group, but its descendants may leave
that group (a daemon calls ``setsid``), so a group kill alone leaves them
running. Three tools close that hole:

* :func:`become_subreaper` (Linux ``PR_SET_CHILD_SUBREAPER``): a descendant
  whose parent dies is reparented to the supervisor, not to init, so it stays
  ours to find and to reap (:func:`reap_adopted`, on every SIGCHLD).
* :func:`descendants` walks ``/proc`` child lists from a pid: the tree as it is
  now, each pid with its kernel start time so a recycled pid is never signalled.
* :func:`marked` finds every process whose environment names one of the given
  sessions (``TETHER_SESSION_ID``, set for each session's program and
  inherited by what it starts): this still finds a descendant reparented
  elsewhere, e.g. to init after the supervisor itself was SIGKILLed, which is
  how a restarted supervisor ends its predecessor's orphans. A program that
  clears its environment AND leaves the tree escapes; nothing short of a
  cgroup would catch it.

macOS has no subreaper and no ``/proc``: there these functions find nothing
and only process-group kills apply (the README says so). All functions are
synchronous and cheap (one ``/proc`` scan); callers run the scans off the loop.
"""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import sys
from collections.abc import Collection, Mapping
from pathlib import Path

log = logging.getLogger(__name__)

PR_SET_CHILD_SUBREAPER = 36
PR_GET_CHILD_SUBREAPER = 37
MARKER = "TETHER_SESSION_ID"
_PROC = Path("/proc")

_subreaper = False


def become_subreaper() -> bool:
    """Make this process the reaper of its descendants' orphans (Linux); True if it is."""
    global _subreaper
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
            log.warning("could not become a child subreaper: %s", os.strerror(ctypes.get_errno()))
            return False
    except (OSError, AttributeError) as exc:
        log.warning("could not become a child subreaper: %s", exc)
        return False
    _subreaper = True
    return True


def is_subreaper() -> bool:
    """Whether :func:`become_subreaper` succeeded in this process."""
    return _subreaper


def _stat(pid: int) -> tuple[int, str, str] | None:
    """(ppid, start time, state) of ``pid``, or None if it is gone."""
    try:
        raw = (_PROC / str(pid) / "stat").read_bytes().decode("ascii", "replace")
    except OSError:
        return None
    fields = raw[raw.rfind(")") + 2 :].split()  # comm may hold spaces and ')'
    if len(fields) < 20:
        return None
    return int(fields[1]), fields[19], fields[0]


def _pids() -> list[int]:
    try:
        return [int(e.name) for e in _PROC.iterdir() if e.name.isdigit()]
    except OSError:
        return []


def children(pid: int) -> list[int]:
    """The direct children of ``pid`` (empty where ``/proc`` is missing)."""
    found: list[int] = []
    try:
        tasks = list((_PROC / str(pid) / "task").iterdir())
        for task in tasks:
            found += [int(c) for c in (task / "children").read_text().split()]
        return found
    except FileNotFoundError:
        if not _PROC.is_dir() or not (_PROC / str(pid)).exists():
            return []
    except OSError:
        pass
    # No per-task child lists in this kernel: scan every process's parent instead.
    return [p for p in _pids() if (s := _stat(p)) is not None and s[0] == pid]


def descendants(pid: int) -> dict[int, str]:
    """Every live descendant of ``pid`` (not ``pid`` itself) -> its kernel start time."""
    tree: dict[int, str] = {}
    todo = [pid]
    while todo:
        for child in children(todo.pop()):
            stat = _stat(child)
            if stat is not None and child not in tree:
                tree[child] = stat[1]
                todo.append(child)
    return tree


def marked(session_ids: Collection[str]) -> dict[int, str]:
    """Live processes of this user whose environment names one of ``session_ids``."""
    if not session_ids:
        return {}
    wanted = {f"{MARKER}={sid}".encode() for sid in session_ids}
    me, uid = os.getpid(), os.getuid()
    found: dict[int, str] = {}
    for pid in _pids():
        if pid == me:
            continue
        path = _PROC / str(pid)
        try:
            if path.stat().st_uid != uid:
                continue
            environ = (path / "environ").read_bytes()
        except OSError:
            continue
        if any(var in wanted for var in environ.split(b"\0")):
            stat = _stat(pid)
            if stat is not None and stat[2] not in ("Z", "X"):
                found[pid] = stat[1]
    return found


def kill_all(processes: Mapping[int, str], sig: int = signal.SIGKILL) -> list[int]:
    """Send ``sig`` to each pid still running with the recorded start time; return those hit."""
    hit = []
    for pid, started in processes.items():
        stat = _stat(pid)
        if stat is None or stat[1] != started or stat[2] in ("Z", "X"):
            continue  # gone, a zombie, or a recycled pid: not ours to signal
        try:
            os.kill(pid, sig)
        except (ProcessLookupError, PermissionError):
            continue
        hit.append(pid)
    return hit


def end_session_tree(session_id: str, leader: int | None = None) -> list[int]:
    """SIGKILL what is left of a session: the leader's descendants and every marked process."""
    found = dict(marked([session_id]))
    if leader is not None:
        found.update(descendants(leader))
    hit = kill_all(found)
    if hit:
        log.info("session %s: killed %d leftover process(es) %s", session_id, len(hit), hit)
    return hit


def reap_adopted(known: Collection[int]) -> list[int]:
    """Reap ended children this process did not start (orphans handed to the subreaper).

    Only once :func:`become_subreaper` succeeded: otherwise every unknown child
    belongs to someone else in this process (e.g. asyncio subprocesses).
    """
    if not _subreaper:
        return []
    reaped = []
    for pid in children(os.getpid()):
        if pid in known:
            continue
        stat = _stat(pid)
        if stat is None or stat[2] != "Z":
            continue
        try:
            if os.waitpid(pid, os.WNOHANG)[0] == pid:
                reaped.append(pid)
        except ChildProcessError:
            pass
    return reaped


def end_adopted() -> list[int]:
    """At shutdown: SIGKILL and reap every child left (all orphans handed to the subreaper).

    Call only after every session was closed: the supervisor starts no other children.
    """
    if not _subreaper:
        return []
    me = os.getpid()
    left = {pid: stat[1] for pid in children(me) if (stat := _stat(pid)) is not None}
    hit = kill_all(left)
    for pid in left:
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass
    return hit
