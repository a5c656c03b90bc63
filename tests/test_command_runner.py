"""The agent: every protocol command gets its typed reply, every failure a RequestFailed."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator
from itertools import count
from pathlib import Path

import pytest

from shared.protocol import (
    AnswerPrompt,
    CheckPrompts,
    ErrorCode,
    GetStatus,
    InputSent,
    Key,
    KeysSent,
    ListSessions,
    LookupState,
    OutputRead,
    PromptAnswered,
    PromptDetected,
    PromptKind,
    PromptsChecked,
    ReadMode,
    ReadOutput,
    Reply,
    RequestFailed,
    SendInput,
    SendKeys,
    SessionExited,
    SessionsListed,
    SessionStarted,
    SessionState,
    SessionStopped,
    StartSession,
    StatusRead,
    StopSession,
    decode_command,
)
from shared.resume import Chunk
from supervisor.command_runner import CommandRunner, Unsolicited
from supervisor.session_manager import SessionManager
from tests.support import eventually, scaled

PY = sys.executable
QUESTION = "import sys; a = input('Delete the file? [y/N] '); print('answer=' + a); input()"
_ids = count()


def rid() -> str:
    return f"r{next(_ids)}"


@pytest.fixture
async def agent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[CommandRunner]:
    root = tmp_path / "work"
    root.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("TETHER_HOME", str(home))
    (home / "policy.toml").write_text(
        f'roots = ["{root.resolve()}"]\n'
        f'commands = ["cat", "sh", "{PY}", "tether:mock-agent"]\n'
        "max_sessions = 4\n"
    )
    manager = SessionManager(environ=dict(os.environ))
    yield CommandRunner(manager)
    await asyncio.wait_for(manager.close_all(), scaled(30))


async def start(agent: CommandRunner, command: list[str]) -> str:
    reply = await agent.handle(StartSession(request_id=rid(), command=command))
    assert isinstance(reply, SessionStarted), reply
    return reply.session.session_id


def failed(reply: Reply, code: ErrorCode) -> RequestFailed:
    assert isinstance(reply, RequestFailed), reply
    assert reply.error.code is code, reply.error
    assert reply.error.message and reply.error.hint
    return reply


async def test_every_session_command_returns_its_reply_type(agent: CommandRunner) -> None:
    sid = await start(agent, ["cat"])
    listed = await agent.handle(ListSessions(request_id=rid()))
    assert isinstance(listed, SessionsListed) and [s.session_id for s in listed.sessions] == [sid]
    sent = await agent.handle(SendInput(request_id=rid(), session_id=sid, text="hi"))
    assert isinstance(sent, InputSent) and sent.bytes_written == 3
    session = agent.manager.get(sid)
    await eventually(
        lambda: session.journal.read(0, 100).data.count(b"hi") >= 2, what="cat's reply"
    )
    keys = await agent.handle(SendKeys(request_id=rid(), session_id=sid, keys=[Key.Y, Key.ENTER]))
    assert isinstance(keys, KeysSent) and keys.bytes_written == 2
    await eventually(lambda: session.journal.read(0, 100).data.count(b"y") >= 2, what="cat's reply")
    screen = await agent.handle(ReadOutput(request_id=rid(), session_id=sid))
    assert isinstance(screen, OutputRead) and screen.mode is ReadMode.SCREEN
    assert screen.text.splitlines()[:4] == ["hi", "hi", "y", "y"]
    raw = await agent.handle(
        ReadOutput(request_id=rid(), session_id=sid, mode=ReadMode.RAW, since=0)
    )
    assert isinstance(raw, OutputRead) and raw.text.startswith("hi\r\n") and raw.start == 0
    assert raw.end == session.journal.end
    status = await agent.handle(GetStatus(request_id=rid(), session_id=sid))
    assert (
        isinstance(status, StatusRead) and status.session.session_id == sid and status.prompts == []
    )
    checked = await agent.handle(CheckPrompts(request_id=rid()))
    assert isinstance(checked, PromptsChecked) and checked.prompts == []
    stopped = await agent.handle(StopSession(request_id=rid(), session_id=sid))
    assert isinstance(stopped, SessionStopped) and stopped.session.state is SessionState.EXITED


async def test_a_raw_read_from_an_evicted_offset_reports_what_was_dropped(
    agent: CommandRunner,
) -> None:
    sid = await start(agent, [PY, "-c", "print('x' * 100)"])
    session = agent.manager.get(sid)
    await asyncio.wait_for(session.wait_exited(), scaled(10))
    session.journal.limit = 10  # a tiny ring from here on
    session.journal.append(b"0123456789")
    raw = await agent.handle(
        ReadOutput(request_id=rid(), session_id=sid, mode=ReadMode.RAW, since=0)
    )
    assert isinstance(raw, OutputRead)
    assert (raw.text, raw.start, raw.dropped) == ("0123456789", session.journal.end - 10, raw.start)


async def test_a_question_is_detected_answered_and_reported_gone(agent: CommandRunner) -> None:
    reports: list[Unsolicited] = []
    agent.subscribe(reports.append)
    sid = await start(agent, [PY, "-c", QUESTION])

    session = agent.manager.get(sid)
    await eventually(session.pending_prompt, what="the y/N question")
    checked = await agent.handle(CheckPrompts(request_id=rid(), session_id=sid))
    assert isinstance(checked, PromptsChecked)
    [prompt] = checked.prompts
    assert prompt.session_id == sid and "Delete the file?" in prompt.question
    status = await agent.handle(GetStatus(request_id=rid(), session_id=sid))
    assert isinstance(status, StatusRead) and status.session.state is SessionState.WAITING_FOR_INPUT
    answered = await agent.handle(
        AnswerPrompt(request_id=rid(), prompt_id=prompt.prompt_id, answer="yes")
    )
    assert isinstance(answered, PromptAnswered)
    assert (answered.sent, answered.prompt_gone, answered.session_id) == ("y + enter", True, sid)
    await eventually(
        lambda: b"answer=y" in session.journal.read(0, 4096).data, what="the child got y"
    )
    assert any(
        isinstance(r, PromptDetected) and r.prompt.prompt_id == prompt.prompt_id for r in reports
    )
    # The same prompt cannot be answered twice.
    again = await agent.handle(
        AnswerPrompt(request_id=rid(), prompt_id=prompt.prompt_id, answer="y")
    )
    failed(again, ErrorCode.PROMPT_STALE)


async def test_an_answer_that_does_not_fit_the_question_is_invalid(agent: CommandRunner) -> None:
    sid = await start(agent, [PY, "-c", QUESTION])
    session = agent.manager.get(sid)
    prompt = await eventually(session.pending_prompt, what="the y/N question")
    reply = await agent.handle(
        AnswerPrompt(request_id=rid(), prompt_id=prompt.prompt_id, answer="maybe")
    )
    failed(reply, ErrorCode.INVALID_ANSWER)


async def test_prompt_ids_that_name_no_session_are_unknown(agent: CommandRunner) -> None:
    failed(
        await agent.handle(AnswerPrompt(request_id=rid(), prompt_id="garbage", answer="y")),
        ErrorCode.PROMPT_UNKNOWN,
    )
    failed(
        await agent.handle(
            AnswerPrompt(request_id=rid(), prompt_id="nosuchsession:tok", answer="y")
        ),
        ErrorCode.PROMPT_UNKNOWN,
    )


async def test_an_unknown_session_is_session_unknown_for_every_command(
    agent: CommandRunner,
) -> None:
    sid = "unknown-session-id"
    for cmd in (
        SendInput(request_id=rid(), session_id=sid, text="x"),
        SendKeys(request_id=rid(), session_id=sid, keys=[Key.ESC]),
        ReadOutput(request_id=rid(), session_id=sid),
        GetStatus(request_id=rid(), session_id=sid),
        StopSession(request_id=rid(), session_id=sid),
        CheckPrompts(request_id=rid(), session_id=sid),
    ):
        failed(await agent.handle(cmd), ErrorCode.SESSION_UNKNOWN)


async def test_policy_refusals_and_spawn_failures_have_their_own_codes(
    agent: CommandRunner, tmp_path: Path
) -> None:
    refused = failed(
        await agent.handle(StartSession(request_id=rid(), command=["ls"])), ErrorCode.POLICY_REFUSED
    )
    assert "policy.toml" in refused.error.message
    failed(
        await agent.handle(StartSession(request_id=rid(), command=["cat"], cwd=str(tmp_path))),
        ErrorCode.POLICY_REFUSED,
    )
    failed(
        await agent.handle(StartSession(request_id=rid(), command=["no-such-program-xyz"])),
        ErrorCode.SPAWN_FAILED,
    )


async def test_input_to_an_exited_session_is_session_exited_and_its_exit_is_reported(
    agent: CommandRunner,
) -> None:
    reports: list[Unsolicited] = []
    agent.subscribe(reports.append)
    sid = await start(agent, ["sh", "-c", "exit 4"])
    await asyncio.wait_for(agent.manager.get(sid).wait_exited(), scaled(10))
    failed(
        await agent.handle(SendInput(request_id=rid(), session_id=sid, text="x")),
        ErrorCode.SESSION_EXITED,
    )
    [exited] = [r for r in reports if isinstance(r, SessionExited)]
    assert (exited.session.session_id, exited.session.exit_code) == (sid, 4)


async def test_a_repeated_request_id_is_answered_from_memory_without_running_again(
    agent: CommandRunner,
) -> None:
    cmd = StartSession(request_id="start-once", command=["cat"])
    first, second = await asyncio.gather(agent.handle(cmd), agent.handle(cmd))
    third = await agent.handle(decode_command(cmd.model_dump_json()))  # type: ignore[arg-type]
    assert first == second == third
    assert len(agent.manager.list()) == 1


async def test_a_request_id_reused_for_another_command_is_refused(agent: CommandRunner) -> None:
    await agent.handle(ListSessions(request_id="dup"))
    failed(
        await agent.handle(StartSession(request_id="dup", command=["cat"])),
        ErrorCode.INVALID_ARGUMENT,
    )
    assert agent.manager.list() == []


async def test_a_caller_that_gives_up_does_not_cancel_the_command(agent: CommandRunner) -> None:
    cmd = StartSession(request_id="abandoned", command=["cat"])
    task = asyncio.ensure_future(agent.handle(cmd))
    await eventually(lambda: agent.remembers("abandoned"), what="the command received")
    task.cancel()
    reply = await agent.handle(cmd)
    assert isinstance(reply, SessionStarted)
    assert [s.session_id for s in agent.manager.list()] == [reply.session.session_id]


async def test_an_internal_failure_becomes_request_failed_internal(
    agent: CommandRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom() -> list[object]:
        raise RuntimeError("bug")

    monkeypatch.setattr(agent.manager, "list", boom)
    failed(await agent.handle(ListSessions(request_id=rid())), ErrorCode.INTERNAL)


async def test_a_password_prompt_is_reported_secret_and_never_answered_through_the_relay(
    agent: CommandRunner,
) -> None:
    sid = await start(agent, [PY, "-c", "import getpass; getpass.getpass('Password: ')"])
    session = agent.manager.get(sid)
    prompt = await eventually(session.pending_prompt, what="the password prompt")
    assert prompt.kind is PromptKind.SECRET
    reply = await agent.handle(
        AnswerPrompt(request_id=rid(), prompt_id=prompt.prompt_id, answer="hunter2")
    )
    failed(reply, ErrorCode.PROMPT_SECRET)
    typed = await agent.handle(SendInput(request_id=rid(), session_id=sid, text="hunter2"))
    failed(typed, ErrorCode.PROMPT_SECRET)
    cancel = await agent.handle(SendKeys(request_id=rid(), session_id=sid, keys=[Key.CTRL_C]))
    assert isinstance(cancel, KeysSent)
    await asyncio.wait_for(session.wait_exited(), scaled(10))
    assert b"hunter2" not in session.journal.read(0, 4096).data


async def test_the_mock_agent_runs_outside_the_repo_and_its_permission_menu_is_answered(
    agent: CommandRunner,
) -> None:
    mock = [PY, "-m", "supervisor.mock_agent", "--work-seconds", "0", "--scenario", "permission"]
    sid = await start(agent, mock + ["--no-color"])
    session = agent.manager.get(sid)
    await eventually(lambda: "Welcome to Mock Claude" in session.snapshot().text, what="banner")
    sent = await agent.handle(SendInput(request_id=rid(), session_id=sid, text="npm test"))
    assert isinstance(sent, InputSent)
    prompt = await eventually(session.pending_prompt, what="the permission menu")
    assert prompt.kind is PromptKind.CHOICE and [o.number for o in prompt.options] == [1, 2, 3]
    answered = await agent.handle(
        AnswerPrompt(request_id=rid(), prompt_id=prompt.prompt_id, answer="1")
    )
    assert isinstance(answered, PromptAnswered) and answered.prompt_gone
    await eventually(lambda: "Chose: Yes" in session.snapshot().text, what="the choice taken")


async def test_a_looked_up_request_is_done_with_its_reply_running_or_unknown(
    agent: CommandRunner,
) -> None:
    assert agent.lookup("never-sent").state is LookupState.UNKNOWN
    cmd = StartSession(request_id="looked-up", command=["cat"])
    running = asyncio.ensure_future(agent.handle(cmd))
    await eventually(lambda: agent.remembers("looked-up"), what="the command received")
    assert agent.lookup("looked-up").state in (LookupState.RUNNING, LookupState.DONE)
    reply = await running
    done = agent.lookup("looked-up")
    assert done.state is LookupState.DONE and done.reply == reply
    assert agent.runs == 1 and len(agent.manager.list()) == 1


async def test_every_output_byte_is_kept_in_its_stream_until_the_relay_acknowledges_it(
    agent: CommandRunner,
) -> None:
    sid = await start(agent, ["cat"])
    await agent.handle(SendInput(request_id=rid(), session_id=sid, text="hello"))
    journal = agent.manager.get(sid).journal
    await eventually(lambda: journal.read(0, 100).data.count(b"hello") >= 2, what="the echo")
    stream = agent.outbox.sender(sid)
    assert stream is not None and stream.produced == journal.end
    chunk = agent.outbox.read_from(sid, 0)
    assert isinstance(chunk, Chunk) and chunk.data == journal.read(0, journal.end).data
    agent.outbox.on_ack(sid, 4)
    assert stream.acked == 4 and stream.buffered == journal.end - 4
