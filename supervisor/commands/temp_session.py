"""Handler of ``run_temp_session`` (``shared.commands.temp_session``).

The session starts through :meth:`SessionManager.create`, so the policy's roots,
commands and ``max_sessions`` apply exactly as for ``start_session``. Whatever
happens (exit, timeout, the supervisor shutting down), the process group is
killed and the session forgotten before the reply.
"""

from __future__ import annotations

import asyncio
import os
import time

from shared.commands.temp_session import RunTempSession, TempSessionFinished
from supervisor.commands import handles
from supervisor.session import Session
from supervisor.session_manager import SessionManager

GROUP_CHECKS, GROUP_CHECK_EVERY = 40, 0.05  # up to 2 s for init to reap killed members


@handles(RunTempSession)
async def run_temp_session(m: SessionManager, cmd: RunTempSession) -> TempSessionFinished:
    began = time.monotonic()
    session = await m.create(cmd.command, cmd.cwd, f"temp: {' '.join(cmd.command)[:60]}")
    timed_out = False
    try:
        async with asyncio.timeout(cmd.timeout):
            await session.wait_exited()
    except TimeoutError:
        timed_out = True
    finally:
        cleaned = await _clean_up(m, session, timed_out)
    read = session.read_text(None, cmd.max_bytes)
    info = session.info()
    return TempSessionFinished(
        request_id=cmd.request_id,
        session_id=session.session_id,
        command=info.command,
        cwd=info.cwd,
        exit_code=info.exit_code,
        timed_out=timed_out,
        seconds=round(time.monotonic() - began, 3),
        output=read.text,
        skipped_lines=read.skipped_lines,
        cleaned_up=cleaned,
    )


async def _clean_up(m: SessionManager, session: Session, timed_out: bool) -> list[str]:
    done = []
    pid = session.pid
    if not session.exited:
        await session.stop(force=True)
        done.append(
            "it was still running after the timeout: its whole process group was killed"
            if timed_out
            else "it was stopped (the call ended early): its whole process group was killed"
        )
    else:
        done.append(f"the program ended by itself ({session.info().state_reason})")
    if pid is not None:
        if await _group_gone(pid):
            done.append("no process of its group is left")
        else:
            done.append(f"a process of its group ({pid}) ignored SIGKILL and is still there")
    m.forget(session.session_id)
    done.append("the session was removed from the supervisor's list")
    return done


async def _group_gone(pgid: int) -> bool:
    """True once no process is in the group. Killed members stay in it as zombies until
    their new parent (init) reaps them, which has no event to wait on: look a few times."""
    for _ in range(GROUP_CHECKS):
        if not _group_alive(pgid):
            return True
        await asyncio.sleep(GROUP_CHECK_EVERY)
    return not _group_alive(pgid)


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
