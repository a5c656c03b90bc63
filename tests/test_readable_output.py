"""Readable output: get_logs returns what a person reads, and a cursor returns only what is new."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator
from itertools import count
from pathlib import Path
from typing import Any

import pytest
from fastmcp import Client

from shared.protocol import (
    ErrorCode,
    OutputRead,
    ReadMode,
    ReadOutput,
    RequestFailed,
    SendInput,
    SessionStarted,
    StartSession,
)
from supervisor.command_runner import CommandRunner
from supervisor.local_mcp import build_local_server
from supervisor.screen import CursorError, TerminalModel
from supervisor.session_manager import SessionManager
from tests.support import eventually, scaled

PY = sys.executable
# Prints numbered lines on demand: "<n>" prints n lines "line <i>", "bar" progress lines.
PRINTER = (
    "import sys\n"
    "i = 0\n"
    "for cmd in sys.stdin:\n"
    "    cmd = cmd.strip()\n"
    "    if cmd == 'bar':\n"
    "        for p in range(0, 101, 10): print(f'Downloading {\"#\" * (p // 10):<10} {p}%')\n"
    "        print('download done')\n"
    "    elif cmd.isdigit():\n"
    "        for _ in range(int(cmd)): print(f'line {i}'); i += 1\n"
    "    print(f'ready {i}')\n"
)
_ids = count()


def rid() -> str:
    return f"t{next(_ids)}"


@pytest.fixture
async def agent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[CommandRunner]:
    work, home = tmp_path / "work", tmp_path / "home"
    work.mkdir()
    home.mkdir()
    monkeypatch.setenv("TETHER_HOME", str(home))
    (home / "policy.toml").write_text(
        f'roots = ["{work.resolve()}"]\ncommands = ["{PY}", "tether:mock-agent"]\n'
        "max_sessions = 4\n"
    )
    (work / "printer.py").write_text(PRINTER)
    manager = SessionManager(environ=dict(os.environ))
    yield CommandRunner(manager, reaper=None)
    await asyncio.wait_for(manager.close_all(), scaled(30))


async def start_printer(agent: CommandRunner, rows: int = 10) -> str:
    script = str(agent.manager.policy_file.parent.parent / "work" / "printer.py")
    reply = await agent.handle(
        StartSession(request_id=rid(), command=[PY, "-u", script], rows=rows, cols=60)
    )
    assert isinstance(reply, SessionStarted), reply
    return reply.session.session_id


async def text(
    agent: CommandRunner, sid: str, cursor: str | None = None, max_bytes: int = 65536
) -> OutputRead:
    reply = await agent.handle(
        ReadOutput(
            request_id=rid(), session_id=sid, mode=ReadMode.TEXT, cursor=cursor, max_bytes=max_bytes
        )
    )
    assert isinstance(reply, OutputRead), reply
    assert reply.next_cursor is not None
    return reply


async def ask(agent: CommandRunner, sid: str, command: str, ready: str) -> None:
    await agent.handle(SendInput(request_id=rid(), session_id=sid, text=command))
    await eventually(
        lambda: ready.encode() in agent.manager.get(sid).journal.read(0, 10**6).data, 20, ready
    )


async def test_text_mode_returns_the_scrollback_above_the_screen_in_order(
    agent: CommandRunner,
) -> None:
    sid = await start_printer(agent)
    await ask(agent, sid, "30", "ready 30")
    read = await text(agent, sid)
    lines = [x for x in read.text.splitlines() if x.startswith("line ")]
    assert lines == [f"line {i}" for i in range(30)]  # 30 lines on a 10-row screen: none lost
    assert read.text.rstrip().endswith("ready 30") and read.skipped_lines == 0


async def test_a_cursor_returns_only_the_lines_that_are_new_since_then(
    agent: CommandRunner,
) -> None:
    sid = await start_printer(agent)
    await ask(agent, sid, "25", "ready 25")
    first = await text(agent, sid)
    await ask(agent, sid, "5", "ready 30")
    second = await text(agent, sid, first.next_cursor)
    assert "ready 25" not in second.text  # it was on the screen the first read returned
    new = [x for x in second.text.splitlines() if x.startswith("line ")]
    assert new == [f"line {i}" for i in range(25, 30)]
    assert second.text.splitlines()[-1] == "ready 30"
    unchanged = await text(agent, sid, second.next_cursor)
    assert unchanged.text == "" and unchanged.skipped_lines == 0


async def test_the_budget_keeps_the_newest_lines_and_counts_the_skipped_ones(
    agent: CommandRunner,
) -> None:
    sid = await start_printer(agent)
    await ask(agent, sid, "0", "ready 0")
    start = await text(agent, sid)
    await ask(agent, sid, "200", "ready 200")
    read = await text(agent, sid, start.next_cursor, max_bytes=100)
    assert len(read.text.encode()) <= 100
    assert read.text.splitlines()[-1] == "ready 200"
    assert read.skipped_lines > 150
    total = await text(agent, sid, start.next_cursor)
    kept = len(read.text.splitlines())
    assert kept + read.skipped_lines == len(total.text.splitlines())


async def test_progress_redraws_are_collapsed_to_their_last_state(agent: CommandRunner) -> None:
    sid = await start_printer(agent, rows=5)
    await ask(agent, sid, "bar", "ready 0")
    await ask(agent, sid, "10", "ready 10")  # push the bar lines into the scrollback
    read = await text(agent, sid)
    bars = [x for x in read.text.splitlines() if x.startswith("Downloading")]
    assert bars == ["Downloading ########## 100%"]
    assert "download done" in read.text


async def test_the_raw_bytes_stay_available_from_an_offset(agent: CommandRunner) -> None:
    sid = await start_printer(agent)
    await ask(agent, sid, "3", "ready 3")
    raw = await agent.handle(
        ReadOutput(request_id=rid(), session_id=sid, mode=ReadMode.RAW, since=0)
    )
    assert isinstance(raw, OutputRead) and "line 2\r\n" in raw.text and raw.start == 0


def test_a_cursor_that_is_not_one_is_refused_saying_what_to_pass() -> None:
    model = TerminalModel(40, 5)
    with pytest.raises(CursorError, match="next_cursor"):
        model.read_text("12", 100)


async def test_an_unknown_session_read_in_text_mode_is_refused(agent: CommandRunner) -> None:
    reply = await agent.handle(
        ReadOutput(request_id=rid(), session_id="nosuchsession", mode=ReadMode.TEXT)
    )
    assert isinstance(reply, RequestFailed) and reply.error.code is ErrorCode.SESSION_UNKNOWN


async def test_get_logs_reads_text_by_default_and_follows_its_cursor(agent: CommandRunner) -> None:
    sid = await start_printer(agent)
    async with Client(build_local_server(agent, "studio"), timeout=scaled(30)) as client:

        async def logs(**args: Any) -> dict[str, Any]:
            result = await client.call_tool("get_logs", {"session_id": sid, **args})
            assert result.structured_content is not None
            return dict(result.structured_content)

        await ask(agent, sid, "20", "ready 20")
        first = await logs()
        assert first["mode"] == "text" and "line 0" in first["text"]
        assert first["untrusted_output"] is True
        await ask(agent, sid, "2", "ready 22")
        second = await logs(cursor=first["next_cursor"])
        assert [x for x in second["text"].splitlines() if x.startswith("line ")] == [
            "line 20",
            "line 21",
        ]


def test_a_cursor_on_a_full_screen_program_returns_only_the_lines_that_changed() -> None:
    model = TerminalModel(cols=40, rows=8)
    # A TUI: a banner at the top that stays, a reply area, an input box at the bottom.
    model.feed(b"\x1b[2J\x1b[H* Welcome to Mock Claude\r\n\r\n\r\n\r\n> _")
    first = model.read_text(None, 4096)
    assert "Welcome" in first.text
    model.feed(b"\x1b[3;1HReply: the tests pass\x1b[5;1H> _")
    second = model.read_text(first.next_cursor, 4096)
    assert "Welcome" not in second.text  # the banner did not change: not new
    assert second.text.splitlines()[0] == "Reply: the tests pass"
