"""Handlers of the spec commands (``shared.commands.specs``)."""

from __future__ import annotations

from shared.commands.specs import EditSpec, SpecWritten, WriteSpec
from supervisor.commands import handles
from supervisor.orchestration import specs
from supervisor.session_manager import SessionManager


@handles(WriteSpec)
async def write_spec(m: SessionManager, cmd: WriteSpec) -> SpecWritten:
    return await specs.write(m, cmd)


@handles(EditSpec)
async def edit_spec(m: SessionManager, cmd: EditSpec) -> SpecWritten:
    return await specs.edit(m, cmd)
