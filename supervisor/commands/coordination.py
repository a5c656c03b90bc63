"""Handlers of the coordination commands (``shared.commands.coordination``)."""

from __future__ import annotations

from shared.commands.coordination import CoordinationRead, ReadCoordination, StartCoordination
from supervisor.commands import handles
from supervisor.orchestration import coordination
from supervisor.session_manager import SessionManager


@handles(StartCoordination)
async def start_coordination(m: SessionManager, cmd: StartCoordination) -> CoordinationRead:
    started, new = await coordination.start(m, cmd)
    return CoordinationRead(request_id=cmd.request_id, coordination=started, started=new)


@handles(ReadCoordination)
async def read_coordination(m: SessionManager, cmd: ReadCoordination) -> CoordinationRead:
    """Blocks up to ``wait`` (at most 30 s) for working parts to settle."""
    return CoordinationRead(request_id=cmd.request_id, coordination=await coordination.read(m, cmd))
