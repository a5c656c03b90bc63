"""Orphans of a previous supervisor run: recorded at start, killed at the next start.

Each session's program leads its own process group (the PTY makes it a session
leader). While it runs, a small JSON record in ``<state dir>/sessions/`` names
its pid, that pid's kernel start time (so a recycled pid is never mistaken for
ours), and what the relay needs to report it. A supervisor killed with SIGKILL
cannot clean up; the next one calls :func:`reap` first, which SIGKILLs every
recorded group whose leader is still the same process, deletes the records,
also every process whose environment names a recorded session (descendants
that called ``setsid`` and were reparented to init), deletes the records, and
returns each lost session as ``exited`` with the reason, so the relay never
shows a dead session as live.

Records also name the supervisor that wrote them: a record whose supervisor is
still running (another supervisor sharing this state dir, e.g. the stdio mode
next to the relay mode) is left alone.

Linux reads ``/proc/<pid>/stat``; elsewhere the start time is unknown and a
record is reaped only if the pid still leads its own process group.

For resuming (``supervisor/resume_plan.py``) a record also keeps what restarts
the session: its argv as requested (unredacted: the file is the owner's alone,
0600 in a 0700 directory), folder, name and the agent's conversation id once
known (:meth:`Reaper.set_handle`). A shutdown that should resume its sessions
next time keeps their records (:meth:`Reaper.stopped`) instead of deleting
them. :attr:`Reaper.resumable` lists what the last :meth:`Reaper.reap` found.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from shared.protocol import SessionInfo, SessionState
from supervisor.descendants import kill_all, marked
from supervisor.resume_plan import StoredSession

log = logging.getLogger(__name__)

RECORDS = "sessions"
PROC = Path("/proc")
REAPED_REASON = "supervisor restarted: the program was stopped"


def start_time(pid: int) -> str | None:
    """The kernel's start time of ``pid`` (clock ticks since boot), or None if it is gone.

    A zombie counts as gone: it runs nothing and its parent (or init) reaps it.
    """
    try:
        with open(PROC / str(pid) / "stat", "rb") as handle:
            stat = handle.read().decode("ascii", "replace")
    except FileNotFoundError:
        if not PROC.is_dir():  # macOS: no /proc; whether the pid runs is all we learn
            return "" if _exists(pid) else None
        return None
    except OSError:
        return "" if _exists(pid) else None
    # comm (field 2) may hold spaces and parentheses: split after its last ')'.
    fields = stat[stat.rfind(")") + 2 :].split()
    if not fields or fields[0] in ("Z", "X"):
        return None
    return fields[19]  # field 22 of the whole line: starttime


def _owner_alive(record: dict[str, object]) -> bool:
    owner = record.get("owner_pid")
    if not isinstance(owner, int) or owner == os.getpid():
        return False
    now = start_time(owner)
    return now is not None and now == record.get("owner_start_time")


def _exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Reaper:
    """Records live sessions' process groups in ``state_dir`` and reaps them after a crash."""

    def __init__(self, state_dir: Path) -> None:
        self.dir = state_dir / RECORDS
        self.resumable: list[StoredSession] = []

    def record(self, info: SessionInfo, pid: int, resume: StoredSession | None = None) -> None:
        """Write the record of a session that just started (mode 0600, atomically)."""
        me = os.getpid()
        record: dict[str, object] = {
            "pid": pid,
            "start_time": start_time(pid),
            "owner_pid": me,
            "owner_start_time": start_time(me),
            "info": info.model_dump(mode="json"),
        }
        if resume is not None:
            record["resume"] = {
                "argv": list(resume.argv),
                "cwd": resume.cwd,
                "name": resume.name,
                "handle": resume.handle,
            }
        self._write(info.session_id, record)

    def set_handle(self, session_id: str, handle: str) -> bool:
        """The agent reported its conversation id: keep it for a resume; False if the
        session has no record (yet)."""
        return self._update(session_id, lambda r: r["resume"].update(handle=handle))

    def stopped(self, session_id: str, at: float) -> None:
        """The supervisor is shutting down and ended this session: keep the record so the
        next run resumes it (the program is gone: nothing left to kill)."""
        self._update(session_id, lambda r: r.update(stopped_at=at))

    def _update(self, session_id: str, change: Callable[[dict[str, Any]], object]) -> bool:
        path = self.dir / f"{session_id}.json"
        try:
            record = json.loads(path.read_text())
            change(record)
            self._write(session_id, record)
        except FileNotFoundError:
            return False
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            log.warning("could not update the record of session %s: %s", session_id, exc)
            return False
        return True

    def _write(self, session_id: str, record: dict[str, Any]) -> None:
        self.dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        path = self.dir / f"{session_id}.json"
        tmp = path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            json.dump(record, handle)
        os.replace(tmp, path)

    def forget(self, session_id: str) -> None:
        """The session ended and was reaped normally: nothing to clean up later."""
        try:
            (self.dir / f"{session_id}.json").unlink()
        except FileNotFoundError:
            pass

    def reap(self) -> list[SessionInfo]:
        """Kill leftover groups of a previous run; return those sessions as exited."""
        self.resumable = []
        if not self.dir.is_dir():
            return []
        ended = []
        for path in sorted(self.dir.glob("*.json")):
            try:
                record = json.loads(path.read_text())
                pid = int(record["pid"])
                info = SessionInfo.model_validate(record["info"])
            except (OSError, ValueError, KeyError, TypeError) as exc:
                log.warning("ignoring unreadable session record %s: %s", path.name, exc)
                path.unlink(missing_ok=True)
                continue
            if _owner_alive(record):
                continue  # another running supervisor's session: not an orphan
            killed = self._kill_if_ours(pid, record.get("start_time"))
            # Descendants that left the group (setsid) were reparented away from us:
            # their environment still names the session.
            killed = bool(kill_all(marked([info.session_id]))) or killed
            reason = REAPED_REASON if killed else "supervisor restarted: the program had ended"
            now = time.time()
            stopped_at = record.get("stopped_at")
            if isinstance(stopped_at, (int, float)):
                reason = "the supervisor shut down, which stopped the program"
            self._keep_resumable(info, record, stopped_at, now)
            ended.append(
                info.model_copy(
                    update={
                        "state": SessionState.EXITED,
                        "state_since": now,
                        "state_reason": reason,
                    }
                )
            )
            path.unlink(missing_ok=True)
        return ended

    def _keep_resumable(
        self, info: SessionInfo, record: dict[str, Any], stopped_at: object, now: float
    ) -> None:
        resume = record.get("resume")
        if not isinstance(resume, dict):
            return
        try:
            self.resumable.append(
                StoredSession(
                    session_id=info.session_id,
                    argv=tuple(str(a) for a in resume["argv"]),
                    cwd=str(resume["cwd"]),
                    name=str(resume["name"]),
                    handle=None if resume.get("handle") is None else str(resume["handle"]),
                    ended_at=float(stopped_at) if isinstance(stopped_at, (int, float)) else now,
                )
            )
        except (KeyError, TypeError, ValueError) as exc:
            log.warning("session %s: its resume record is unreadable: %s", info.session_id, exc)

    def _kill_if_ours(self, pid: int, recorded: str | None) -> bool:
        now = start_time(pid)
        if now is None:
            return False
        if recorded and now and now != recorded:
            log.info("pid %d was recycled by another program; leaving it alone", pid)
            return False
        try:
            if os.getpgid(pid) != pid:
                return False  # no longer a group leader: not the process we started
            os.killpg(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            return False
        log.warning("killed process group %d left over from a previous supervisor run", pid)
        return True
