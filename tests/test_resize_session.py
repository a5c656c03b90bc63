"""resize_session: the window size reaches the program (SIGWINCH) and the screen model.

The example of a command added through the registry: its frame and reply are
pinned by ``tests/test_protocol.py`` from the registry's examples; these tests
cover its supervisor handler and its tool end to end over a real PTY.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from fastmcp import Client
from fastmcp.exceptions import ToolError

from shared.commands.resize_session import ResizeSession, SessionResized
from shared.frames import COMMANDS
from shared.protocol import ErrorCode, RequestFailed, SessionStarted, StartSession
from supervisor.command_runner import CommandRunner
from supervisor.commands import HANDLERS, missing_handlers
from supervisor.local_mcp import build_local_server
from supervisor.session_manager import SessionManager
from tests.support import eventually, scaled

PY = sys.executable
# Prints the terminal size at start and after every SIGWINCH, then waits for input.
SIZE_REPORTER = (
    "import os, signal\n"
    "def show(*_):\n"
    "    size = os.get_terminal_size(0)\n"
    "    print(f'size={size.columns}x{size.lines}', flush=True)\n"
    "signal.signal(signal.SIGWINCH, show)\n"
    "show()\n"
    "while True:\n"
    "    signal.pause()\n"
)


@pytest.fixture
async def agent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[CommandRunner]:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("TETHER_HOME", str(home))
    (home / "policy.toml").write_text(
        f'roots = ["{tmp_path.resolve()}"]\ncommands = ["{PY}"]\nmax_sessions = 4\n'
    )
    manager = SessionManager(environ=dict(os.environ))
    yield CommandRunner(manager, reaper=None)
    await asyncio.wait_for(manager.close_all(), scaled(30))


async def start_reporter(agent: CommandRunner) -> str:
    reply = await agent.handle(
        StartSession(request_id="start-1", command=[PY, "-c", SIZE_REPORTER], cols=120, rows=40)
    )
    assert isinstance(reply, SessionStarted), reply
    session = agent.manager.get(reply.session.session_id)
    await eventually(lambda: "size=120x40" in session.screen_text()[1], what="the first size")
    return reply.session.session_id


def test_every_registered_command_has_exactly_one_supervisor_handler() -> None:
    assert missing_handlers() == []
    assert set(HANDLERS) == set(COMMANDS)
    assert COMMANDS["resize_session"].reply is SessionResized


async def test_resizing_a_session_reaches_its_program_and_its_screen(agent: CommandRunner) -> None:
    sid = await start_reporter(agent)
    reply = await agent.handle(ResizeSession(request_id="r-1", session_id=sid, cols=60, rows=30))
    assert isinstance(reply, SessionResized), reply
    assert (reply.cols, reply.rows, reply.session.session_id) == (60, 30, sid)
    session = agent.manager.get(sid)
    await eventually(lambda: "size=60x30" in session.screen_text()[1], what="the SIGWINCH")
    snapshot, _ = session.screen_text()
    assert len(snapshot.lines) == 30 and all(len(line) <= 60 for line in snapshot.lines)


async def test_resizing_an_exited_or_unknown_session_is_refused_with_its_code(
    agent: CommandRunner,
) -> None:
    sid = await start_reporter(agent)
    await agent.manager.stop(sid, force=True)
    exited = await agent.handle(ResizeSession(request_id="r-2", session_id=sid, cols=80, rows=24))
    assert isinstance(exited, RequestFailed) and exited.error.code is ErrorCode.SESSION_EXITED
    unknown = await agent.handle(
        ResizeSession(request_id="r-3", session_id="no-such-session", cols=80, rows=24)
    )
    assert isinstance(unknown, RequestFailed) and unknown.error.code is ErrorCode.SESSION_UNKNOWN


async def test_the_resize_session_tool_resizes_a_real_session_and_refuses_bad_sizes(
    agent: CommandRunner,
) -> None:
    sid = await start_reporter(agent)
    async with Client(build_local_server(agent, "studio"), timeout=scaled(30)) as client:
        result = await client.call_tool(
            "resize_session", {"session_id": sid, "cols": 80, "rows": 24}
        )
        out: dict[str, Any] | None = result.structured_content
        assert out is not None
        assert (out["cols"], out["rows"], out["session"]["host"]) == (80, 24, "studio")
        session = agent.manager.get(sid)
        await eventually(lambda: "size=80x24" in session.screen_text()[1], what="the SIGWINCH")
        with pytest.raises(ToolError, match="cols"):
            await client.call_tool("resize_session", {"session_id": sid, "cols": 5, "rows": 24})
