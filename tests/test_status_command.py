"""A status command looks at the session once: one screen catch-up, one read of the
terminal's state, and the reply's state and prompts come from that one look."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from shared.protocol import (
    ErrorCode,
    GetStatus,
    RequestFailed,
    SessionStarted,
    SessionState,
    StartSession,
    StatusRead,
)
from supervisor.command_runner import CommandRunner
from supervisor.session_manager import SessionManager
from tests.support import scaled

QUESTION = "a = input('Delete the file? [y/N] '); input()"


@pytest.fixture
async def agent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[CommandRunner]:
    root = tmp_path / "work"
    root.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("TETHER_HOME", str(home))
    (home / "policy.toml").write_text(
        f'roots = ["{root.resolve()}"]\ncommands = ["cat", "{sys.executable}"]\nmax_sessions = 2\n'
    )
    manager = SessionManager(environ=dict(os.environ))
    yield CommandRunner(manager)
    await asyncio.wait_for(manager.close_all(), scaled(30))


def counting(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str) -> list[int]:
    calls: list[int] = []
    original = getattr(owner, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


async def test_a_status_command_refreshes_once_and_reads_the_terminal_state_once(
    agent: CommandRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = await agent.handle(StartSession(request_id="s1", command=["cat"]))
    assert isinstance(started, SessionStarted)
    session = agent.manager.get(started.session.session_id)
    refreshes = counting(monkeypatch, session, "refresh")
    proc_reads = counting(monkeypatch, session._proc, "foreground_pgid")
    status = await agent.handle(GetStatus(request_id="g1", session_id=session.session_id))
    assert isinstance(status, StatusRead) and status.session.session_id == session.session_id
    assert (len(refreshes), len(proc_reads)) == (1, 1)


async def test_the_status_of_a_session_asking_a_question_names_the_state_and_the_prompt(
    agent: CommandRunner,
) -> None:
    started = await agent.handle(
        StartSession(request_id="s2", command=[sys.executable, "-c", QUESTION])
    )
    assert isinstance(started, SessionStarted)
    sid = started.session.session_id
    replies: list[StatusRead] = []

    async def asked() -> bool:
        reply = await agent.handle(GetStatus(request_id=f"g{len(replies) + 10}", session_id=sid))
        assert isinstance(reply, StatusRead)
        replies.append(reply)
        return bool(reply.prompts)

    async with asyncio.timeout(scaled(15)):
        while not await asked():
            await asyncio.sleep(0.05)  # noqa: sleep-ok - poll interval of a bounded wait
    last = replies[-1]
    assert last.session.state is SessionState.WAITING_FOR_INPUT
    assert "Delete the file?" in last.prompts[0].question
    assert "prompt on screen" in last.session.state_reason


async def test_a_repeated_read_runs_again_but_its_id_reused_for_another_read_is_refused(
    agent: CommandRunner,
) -> None:
    started = await agent.handle(StartSession(request_id="s3", command=["cat"]))
    assert isinstance(started, SessionStarted)
    sid = started.session.session_id
    for _ in range(2):
        again = await agent.handle(GetStatus(request_id="same", session_id=sid))
        assert isinstance(again, StatusRead) and again.session.session_id == sid
    other = await agent.handle(GetStatus(request_id="same", session_id="sess-other0001"))
    assert isinstance(other, RequestFailed) and other.error.code is ErrorCode.INVALID_ARGUMENT
    assert "already used for another command" in other.error.message
