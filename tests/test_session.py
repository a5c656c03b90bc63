"""Sessions: real programs in real PTYs, started through the manager and the owner's policy.

States, refresh timing, hooks and input pacing are decided by the pure session core
and tested without a PTY or a clock in ``tests/test_session_core.py``; these tests
keep what needs a real terminal and a real process.
"""

from __future__ import annotations

import ast
import asyncio
import os
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from shared.errors import CommandFailed, SessionUnknown
from shared.protocol import ErrorCode, Key, SessionState
from supervisor.session import Session
from supervisor.session_manager import SessionManager, child_env
from tests.support import eventually, scaled

PY = sys.executable

# Records every read it gets from its terminal, raw, one repr per line.
RECORDER = r"""
import os, sys, tty
tty.setraw(0)
if len(sys.argv) > 2:
    os.write(1, sys.argv[2].encode().decode('unicode_escape').encode())
os.write(1, b'READY\r\n')
with open(sys.argv[1], 'a') as log:
    while True:
        data = os.read(0, 1024)
        log.write(repr(data) + '\n')
        log.flush()
        if not data or b'\x04' in data:
            break
"""


def write_policy(home: Path, root: Path, commands: list[str], max_sessions: int = 16) -> Path:
    home.mkdir(parents=True, exist_ok=True)
    path = home / "policy.toml"
    listed = ", ".join(f'"{c}"' for c in commands)
    path.write_text(
        f'roots = ["{root}"]\ncommands = [{listed}]\nmax_sessions = {max_sessions}\n'
        f'default_command = ["cat"]\n'
    )
    return path


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "work").mkdir()
    return (tmp_path / "work").resolve()


@pytest.fixture
async def manager(
    tmp_path: Path, root: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[SessionManager]:
    monkeypatch.setenv("TETHER_HOME", str(tmp_path / "home"))
    write_policy(tmp_path / "home", root, ["cat", "sh", "env", PY], max_sessions=3)
    environ = dict(os.environ, CLAUDECODE="1", CLAUDE_CODE_ENTRYPOINT="cli", TETHER_SECRET="s3cret")
    m = SessionManager(environ=environ)
    yield m
    await asyncio.wait_for(m.close_all(), scaled(30))


def reads(log: Path) -> list[str]:
    return log.read_text().splitlines() if log.exists() else []


async def start_recorder(manager: SessionManager, log: Path, preamble: str = "") -> Session:
    args = [PY, "-c", RECORDER, str(log)] + ([preamble] if preamble else [])
    session = await manager.create(args)
    await eventually(
        lambda: b"READY" in session.journal.read(0, 1 << 20).data, what="recorder ready"
    )
    return session


async def test_output_reaches_the_journal_and_the_screen_shows_it(manager: SessionManager) -> None:
    session = await manager.create(["sh", "-c", "echo first line; echo second line; exec cat"])
    await eventually(lambda: b"second line" in session.journal.read(0, 4096).data, what="journal")
    lines = session.snapshot().lines
    assert lines[0] == "first line" and lines[1] == "second line"
    assert session.info().output_bytes == session.journal.end > 0
    # Not the state: "working" holds only until IDLE_AFTER seconds of quiet, a wall-clock
    # margin a busy machine can exceed; the session core's tests prove it with time passed in.


async def test_enter_is_sent_as_a_separate_write_after_the_text(
    manager: SessionManager, tmp_path: Path
) -> None:
    log = tmp_path / "reads.log"
    session = await start_recorder(manager, log)
    assert await session.send_text("hello", enter=True) == 6
    await eventually(lambda: len(reads(log)) >= 2, what="two reads")
    assert reads(log) == ["b'hello'", "b'\\r'"]


async def test_keys_are_typed_in_order_and_arrows_follow_the_programs_cursor_key_mode(
    manager: SessionManager, tmp_path: Path
) -> None:
    log = tmp_path / "reads.log"
    session = await start_recorder(manager, log, preamble="\\x1b[?1h")
    await session.send_keys([Key.UP, Key.SHIFT_TAB], repeat=2)
    await eventually(lambda: "".join(reads(log)).count("x1b") >= 4, what="four keys")
    recorded = b"".join(ast.literal_eval(line) for line in reads(log))
    assert recorded == b"\x1bOA\x1b[Z\x1bOA\x1b[Z"


async def test_the_exit_code_is_reported_and_the_exit_callback_called(
    manager: SessionManager,
) -> None:
    exited: list[Session] = []
    manager.on_exit = exited.append
    session = await manager.create(["sh", "-c", "echo bye; exit 3"])
    await asyncio.wait_for(session.wait_exited(), scaled(10))
    info = session.info()
    assert (info.state, info.exit_code) == (SessionState.EXITED, 3)
    assert "code 3" in info.state_reason
    assert exited == [session]
    assert "bye" in session.snapshot().text


async def test_input_to_an_exited_session_is_refused_as_session_exited(
    manager: SessionManager,
) -> None:
    session = await manager.create(["sh", "-c", "exit 0"])
    await asyncio.wait_for(session.wait_exited(), scaled(10))
    with pytest.raises(CommandFailed) as caught:
        await session.send_text("hello")
    assert caught.value.code is ErrorCode.SESSION_EXITED


async def test_a_stopped_session_leaves_no_zombie(manager: SessionManager) -> None:
    session = await manager.create(["sh", "-c", "echo up; exec sleep 600"])
    await eventually(lambda: b"up" in session.journal.read(0, 100).data, what="child started")
    pid = session.pid
    assert pid is not None
    info = await asyncio.wait_for(manager.stop(session.session_id), scaled(15))
    assert info.state is SessionState.EXITED and info.exit_code is not None and info.exit_code < 0
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
    assert not Path(f"/proc/{pid}").exists()
    # Stopping again is harmless and reports the same end.
    assert (await manager.stop(session.session_id)).exit_code == info.exit_code


async def test_nested_agent_markers_and_tether_secrets_are_not_inherited(
    manager: SessionManager,
) -> None:
    session = await manager.create(["env"])
    await asyncio.wait_for(session.wait_exited(), scaled(10))
    env = session.journal.read(0, 1 << 20).data.decode()
    assert "CLAUDECODE" not in env and "CLAUDE_CODE_ENTRYPOINT" not in env
    assert "TETHER_SECRET" not in env and "s3cret" not in env
    assert "TERM=xterm-256color" in env and "COLUMNS=120" in env and "LINES=40" in env
    assert f"TETHER_SESSION_ID={session.session_id}" in env


def test_the_child_environment_is_computed_purely() -> None:
    env = child_env(
        {"PATH": "/bin", "CLAUDE_CODE_SSE_PORT": "1", "TETHER_RELAY_SECRET": "x"}, 80, 24, "sid"
    )
    assert env == {
        "PATH": "/bin",
        "TERM": "xterm-256color",
        "COLUMNS": "80",
        "LINES": "24",
        "TETHER_SESSION_ID": "sid",
    }


async def test_max_sessions_is_enforced_naming_the_policy_file(manager: SessionManager) -> None:
    for _ in range(3):
        await manager.create(["cat"])
    with pytest.raises(CommandFailed) as caught:
        await manager.create(["cat"])
    assert caught.value.code is ErrorCode.POLICY_REFUSED
    assert str(manager.policy_file) in caught.value.message
    assert "max_sessions" in caught.value.hint
    # A stopped session frees its slot.
    await manager.stop(manager.list()[0].session_id)
    await manager.create(["cat"])


async def test_a_command_outside_the_policy_is_refused_before_anything_runs(
    manager: SessionManager,
) -> None:
    with pytest.raises(CommandFailed) as caught:
        await manager.create(["ls"])
    assert caught.value.code is ErrorCode.POLICY_REFUSED
    assert str(manager.policy_file) in caught.value.message
    assert manager.list() == []


async def test_the_default_command_runs_in_the_first_root(
    manager: SessionManager, root: Path
) -> None:
    session = await manager.create()
    assert session.command == ["cat"] and session.cwd == str(root)


async def test_an_unknown_session_id_raises_session_unknown(manager: SessionManager) -> None:
    with pytest.raises(SessionUnknown, match="list_sessions"):
        manager.get("nope-nope-nope")


async def test_bulk_output_is_journaled_in_full_and_the_screen_shows_its_end(
    manager: SessionManager,
) -> None:
    script = "import sys\nfor i in range(20000): sys.stdout.write('line %06d\\n' % i)"
    session = await manager.create([PY, "-c", script])
    await asyncio.wait_for(session.wait_exited(), scaled(30))
    assert session.journal.end >= 20000 * len("line 000000\r\n")
    assert session.snapshot().text.splitlines()[-1] == "line 019999"


async def test_close_all_leaves_no_process_behind(manager: SessionManager) -> None:
    sessions = [await manager.create(["cat"]) for _ in range(3)]
    pids = [s.pid for s in sessions]
    await asyncio.wait_for(manager.close_all(), scaled(15))
    assert all(s.exited for s in sessions)
    assert not any(Path(f"/proc/{pid}").exists() for pid in pids)


async def test_a_cursor_position_query_is_answered_without_anyone_reading_the_screen(
    manager: SessionManager, tmp_path: Path
) -> None:
    log = tmp_path / "reads.log"
    await start_recorder(manager, log, preamble="\\x1b[6n")
    await eventually(lambda: reads(log), what="the reply to the query")
    assert reads(log)[0].startswith("b'\\x1b[") and reads(log)[0].endswith("R'")
