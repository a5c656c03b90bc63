"""What a supervisor remembers for resuming: each session's record, the agent's conversation
id, and a shutdown that keeps the records (real sessions in PTYs, real record files)."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path

import pytest

from shared.protocol import SessionStarted, StartSession
from supervisor.command_runner import CommandRunner
from supervisor.mock_agent.__main__ import build_parser, options_from
from supervisor.mock_agent.conversation import Conversation
from supervisor.mock_agent.script import ScriptError
from supervisor.reaper import Reaper
from supervisor.session_manager import SessionManager
from tests.support import scaled

PY = sys.executable


def runner(tmp_path: Path) -> tuple[CommandRunner, Path]:
    work, home = tmp_path / "work", tmp_path / "home"
    work.mkdir()
    home.mkdir()
    policy = home / "policy.toml"
    policy.write_text(f'roots = ["{work}"]\ncommands = ["{PY}"]\nresume_sessions = true\n')
    manager = SessionManager(policy_file=policy, environ=dict(os.environ))
    return CommandRunner(manager, reaper=Reaper(home)), work


async def start(agent: CommandRunner, work: Path) -> str:
    reply = await agent.handle(
        StartSession(request_id="r-start", command=[PY, "-c", "input()"], cwd=str(work))
    )
    assert isinstance(reply, SessionStarted), reply
    return reply.session.session_id


async def test_a_shutdown_before_a_resume_keeps_each_record_with_when_it_stopped(
    tmp_path: Path,
) -> None:
    agent, work = runner(tmp_path)
    sid = await start(agent, work)
    assert agent.manager.on_handle is not None
    agent.manager.on_handle(sid, "conv-1")  # as Claude Code's hooks report it
    agent.keep_for_resume()
    await asyncio.wait_for(agent.manager.close_all(), scaled(30))
    assert agent.reaper is not None
    record = json.loads((agent.reaper.dir / f"{sid}.json").read_text())
    assert record["resume"]["handle"] == "conv-1" and record["resume"]["argv"][0] == PY
    next_run = Reaper(tmp_path / "home")
    [lost] = next_run.reap()
    [kept] = next_run.resumable
    assert kept.session_id == sid and kept.ended_at == record["stopped_at"]
    assert kept.cwd == str(work) and kept.handle == "conv-1"
    assert "shut down" in lost.state_reason
    assert list(next_run.dir.glob("*.json")) == []


async def test_a_session_that_ends_on_its_own_leaves_nothing_to_resume(tmp_path: Path) -> None:
    agent, work = runner(tmp_path)
    sid = await start(agent, work)
    await asyncio.wait_for(agent.manager.stop(sid, force=True), scaled(30))
    assert agent.reaper is not None
    assert not (agent.reaper.dir / f"{sid}.json").exists()
    next_run = Reaper(tmp_path / "home")
    assert next_run.reap() == [] and next_run.resumable == []


def test_a_conversation_id_reported_before_the_record_exists_is_not_taken_as_kept(
    tmp_path: Path,
) -> None:
    assert Reaper(tmp_path).set_handle("not-started-yet", "conv") is False


def test_the_mock_agent_refuses_a_resume_id_that_cannot_name_its_history_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    args = build_parser().parse_args(["--resume", "../../etc/passwd"])
    with pytest.raises(ScriptError, match="--resume: conversation id '../../etc/passwd' must be"):
        options_from(args)
    kept = options_from(build_parser().parse_args(["--resume", "conv-1"]))
    assert kept.resumed and kept.conversation is not None
    kept.conversation.add("remember the milk")
    assert Conversation(str(tmp_path), "conv-1").messages() == ["remember the milk"]
