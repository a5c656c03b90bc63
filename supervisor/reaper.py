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
"""

from __future__ import annotations

import json
import logging
import os
import signal
import time
from pathlib import Path

from shared.protocol import SessionInfo, SessionState
from supervisor.descendants import kill_all, marked

log = logging.getLogger(__name__)

RECORDS = "sessions"
REAPED_REASON = "supervisor restarted: the program was stopped"


def start_time(pid: int) -> str | None:
    """The kernel's start time of ``pid`` (clock ticks since boot), or None if it is gone.

    A zombie counts as gone: it runs nothing and its parent (or init) reaps it.
    """
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            stat = handle.read().decode("ascii", "replace")
    except FileNotFoundError:
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

    def record(self, info: SessionInfo, pid: int) -> None:
        """Write the record of a session that just started (mode 0600, atomically)."""
        self.dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        me = os.getpid()
        record = {
            "pid": pid,
            "start_time": start_time(pid),
            "owner_pid": me,
            "owner_start_time": start_time(me),
            "info": info.model_dump(mode="json"),
        }
        path = self.dir / f"{info.session_id}.json"
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
