"""Coordinated tasks: each part sent to a session, tracked from that session's state.

:func:`part_state` is the pure rule: a part is ``done`` once its session is idle
again after the part was typed (typing makes a session ``working``, see
``supervisor.session``) or exited with code 0, ``failed`` if it exited otherwise
or is gone, ``waiting_for_person`` while a prompt is on its screen, else
``working``. A part that is done or failed stays so (later messages to the same
session do not reopen it). Records are kept in the supervisor's state directory;
at supervisor start :mod:`supervisor.orchestration.restart` re-arms a watcher for
each unfinished task, its parts whose sessions died with the old supervisor failed.
"""

from __future__ import annotations

import asyncio
import secrets
import time

from shared.commands.coordination import (
    Assignment,
    Coordination,
    PartState,
    PartStatus,
    ReadCoordination,
    StartCoordination,
)
from shared.commands.ended_sessions import SUMMARY_CHARS
from shared.errors import SessionUnknown, TetherError
from shared.protocol import SessionInfo, SessionState
from supervisor.orchestration.announce import announce, coordination_outcome, spawn
from supervisor.orchestration.paths import invalid
from supervisor.orchestration.state import records_of
from supervisor.policy import check_cwd, load_policy
from supervisor.session import Session
from supervisor.session_manager import SessionManager

START_SETTLE = 20.0  # how long a new session may take to be ready for its part
FINAL = ("done", "failed")
WATCH_CHUNK = 30.0  # one wait on the working parts' sessions
WATCH_PAUSE = 5.0  # between looks while no part works (a part waits for a person)
WATCH_FOR = 7 * 24 * 3600.0  # a task still unfinished after this is no longer followed


def part_state(info: SessionInfo | None) -> tuple[PartState, str]:
    if info is None:
        return "failed", "its session is gone (ended long ago, or the supervisor restarted)"
    if info.state is SessionState.EXITED:
        return ("done" if info.exit_code == 0 else "failed"), info.state_reason
    if info.state is SessionState.WAITING_FOR_INPUT:
        return "waiting_for_person", info.state_reason
    if info.state is SessionState.IDLE:
        return "done", "idle again after its part: " + info.state_reason
    return "working", info.state_reason


def summary_line(session: Session) -> str:
    """The agent's last reply if it said one, else the last readable line it showed."""
    if session.last_message:
        return " ".join(session.last_message.split())[:SUMMARY_CHARS]
    _, text = session.screen_text()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1][:SUMMARY_CHARS] if lines else ""


async def start(
    m: SessionManager, cmd: StartCoordination
) -> tuple[Coordination, list[SessionInfo]]:
    """The coordination, and the sessions started for parts that named none."""
    # Check every named session before typing anything, so a typo sends nothing.
    policy = load_policy(m.policy_file)
    for a in cmd.assignments:
        if a.session_id is not None:
            m.get(a.session_id)
        else:
            check_cwd(policy, a.cwd)
    assigned = await asyncio.gather(
        *(_assign(m, cmd.task, a, i) for i, a in enumerate(cmd.assignments, 1))
    )
    record = Coordination(
        coordination_id=f"c-{secrets.token_urlsafe(9)}",
        task=cmd.task,
        created_at=time.time(),
        parts=[part for part, _ in assigned],
        finished=False,
    )
    new = [s.info() for _, s in assigned if s is not None]
    saved = save(m, _refresh(m, record))
    watch(m, saved)
    return saved, new


async def _watch(m: SessionManager, coordination_id: str) -> None:
    """Follow the task until it finishes (then announce it once) or :data:`WATCH_FOR` passes."""
    deadline = time.monotonic() + WATCH_FOR
    while time.monotonic() < deadline:
        raw = records_of(m).coordinations.get(coordination_id)
        if raw is None:
            return  # dropped from the records (the oldest go first)
        c = save(m, _refresh(m, Coordination.model_validate(raw)))
        if c.finished:
            return  # save announced it
        working = [
            s
            for p in c.parts
            if p.state == "working" and (s := _session(m, p.session_id)) is not None
        ]
        if working:
            waits = [asyncio.ensure_future(s.wait_settled(WATCH_CHUNK)) for s in working]
            try:
                await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
            finally:
                for w in waits:
                    w.cancel()
        else:
            # A part waits for a person: no session event says when they answer.
            await asyncio.sleep(WATCH_PAUSE)  # noqa: sleep-ok


async def _assign(
    m: SessionManager, task: str, a: Assignment, index: int
) -> tuple[PartStatus, Session | None]:
    """The part's status, and the session started for it (None: it named one)."""
    name = a.name or f"part {index}"
    started = None
    try:
        if a.session_id is not None:
            session = m.get(a.session_id)
        else:
            session = started = await m.create(None, a.cwd, a.name or f"{task[:40]}: part {index}")
            await session.wait_settled(START_SETTLE)
        await session.send_text(f"{a.part}")
    except TetherError as exc:
        failed = PartStatus(
            part=a.part,
            session_id=started.session_id if started else a.session_id,
            name=name,
            state="failed",
            reason=f"not sent: {exc}",
        )
        return failed, started
    sent = PartStatus(
        part=a.part,
        session_id=session.session_id,
        name=session.name,
        state="working",
        reason="sent",
    )
    return sent, started


def _session(m: SessionManager, session_id: str | None) -> Session | None:
    if session_id is None:
        return None
    try:
        return m.get(session_id)
    except SessionUnknown:
        return None


def _refresh(m: SessionManager, c: Coordination) -> Coordination:
    parts = []
    for part in c.parts:
        if part.state in FINAL:
            parts.append(part)
            continue
        session = _session(m, part.session_id)
        state, reason = part_state(session.info() if session else None)
        summary = summary_line(session) if session is not None and state in FINAL else ""
        parts.append(part.model_copy(update={"state": state, "reason": reason, "summary": summary}))
    finished = all(p.state in FINAL for p in parts)
    summary = ""
    if finished:
        # A failed part that said nothing gives its reason (a restart, an exit code).
        summary = "\n".join(
            f"{p.name}: {p.state}. {p.summary or (p.reason if p.state == 'failed' else '')}".strip()
            for p in parts
        )
    return c.model_copy(update={"parts": parts, "finished": finished, "summary": summary})


def save(m: SessionManager, c: Coordination) -> Coordination:
    """Keep ``c``; a finished task is announced in the same step (once: see announce)."""
    records_of(m).coordinations.put(c.coordination_id, c.model_dump())
    if c.finished:
        announce(m, "coordination", c.coordination_id, coordination_outcome(c), c.task, c.summary)
    return c


def watch(m: SessionManager, c: Coordination) -> None:
    """Follow ``c`` in a task of the manager until it finishes (supervisor start re-arms)."""
    spawn(m, _watch(m, c.coordination_id), f"watch-{c.coordination_id}")


async def read(m: SessionManager, cmd: ReadCoordination) -> Coordination:
    """Progress, after waiting up to ``cmd.wait`` for every working part to settle."""
    raw = records_of(m).coordinations.get(cmd.coordination_id)
    if raw is None:
        raise invalid(
            f"no coordinated task {cmd.coordination_id!r} on this computer",
            "use the coordination_id coordinate_sessions returned",
        )
    c = _refresh(m, Coordination.model_validate(raw))
    working = [
        s for p in c.parts if p.state == "working" and (s := _session(m, p.session_id)) is not None
    ]
    if working and cmd.wait > 0:
        await asyncio.gather(*(s.wait_settled(cmd.wait) for s in working))
        c = _refresh(m, c)
    return save(m, c)
