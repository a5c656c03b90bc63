"""Secrets a session prints never leave the supervisor: reads, prompts, and the streamed copy."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from fastmcp import Client

from shared.resume import Chunk
from supervisor.command_runner import CommandRunner
from supervisor.local_mcp import build_local_server
from supervisor.redact import Redactor
from supervisor.session_manager import SessionManager
from tests.support import eventually, scaled

ENV_SECRET = "zq8Kx93-Lm2pVv71-Qr5"
GITHUB = "ghp_" + "aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6"
PRINTER = (
    "import os; "
    "print('gh token: ghp_' + 'aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6'); "
    "print('service: ' + os.environ['MY_SERVICE_TOKEN']); "
    "input('Use key ' + os.environ['MY_SERVICE_TOKEN'] + ' for the upload? [y/N] ')"
)


@pytest.fixture
async def client_and_agent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[tuple[Client[Any], CommandRunner, Path]]:
    work, home = tmp_path / "work", tmp_path / "home"
    work.mkdir()
    home.mkdir()
    monkeypatch.setenv("TETHER_HOME", str(home))
    (home / "policy.toml").write_text(
        f'roots = ["{work.resolve()}"]\ncommands = ["{sys.executable}"]\nmax_sessions = 4\n'
    )
    manager = SessionManager(environ=dict(os.environ, MY_SERVICE_TOKEN=ENV_SECRET))
    agent = CommandRunner(manager, reaper=None)
    try:
        async with Client(build_local_server(agent, "studio"), timeout=scaled(30)) as client:
            yield client, agent, work
    finally:
        await asyncio.wait_for(manager.close_all(), scaled(30))


async def call(client: Client[Any], tool: str, **args: Any) -> dict[str, Any]:
    result = await client.call_tool(tool, args)
    assert result.structured_content is not None
    return result.structured_content


def streamed(agent: CommandRunner, sid: str) -> bytes:
    """Everything queued for the relay: what its stored copy will hold."""
    out, cursor = b"", 0
    while True:
        item = agent.outbox.read_from(sid, cursor)
        if not isinstance(item, Chunk):
            break
        out += item.data
        cursor = item.offset + len(item.data)
    return out


async def test_printed_tokens_and_env_secrets_are_redacted_in_every_read_and_the_stream(
    client_and_agent: tuple[Client[Any], CommandRunner, Path],
) -> None:
    client, agent, work = client_and_agent
    created = await call(
        client, "create_session", command=[sys.executable, "-c", PRINTER], cwd=str(work)
    )
    sid = created["session"]["session_id"]

    async def prompt() -> list[dict[str, Any]]:
        return list((await call(client, "check_prompts", session_id=sid))["prompts"])

    [asked] = await eventually(prompt, 20, "the [y/N] question")
    assert ENV_SECRET not in asked["question"]
    # Masked in the stream, to the secret's length: the label is cut to "[redacted]".
    assert "Use key [redacted]" in asked["question"]

    reads = {
        "screen": await call(client, "get_logs", session_id=sid, mode="screen"),
        "text": await call(client, "get_logs", session_id=sid),
        "raw": await call(client, "get_logs", session_id=sid, mode="raw", since=0),
    }
    for mode, read in reads.items():
        text = read["text"]
        assert "gh token: [redacted" in text and "service: [redacted" in text, (mode, text)
        assert GITHUB not in text and ENV_SECRET not in text, mode
    assert "gh token: [redacted:github]" in reads["text"]["text"]
    assert "service: [redacted]" in reads["screen"]["text"]

    raw = reads["raw"]
    assert raw["end"] - raw["start"] == len(agent.manager.get(sid).journal.read(0).data)
    relay_copy = streamed(agent, sid)
    assert b"gh token: [redacted:github]" in relay_copy and b"service: [redacted" in relay_copy
    assert GITHUB.encode() not in relay_copy and ENV_SECRET.encode() not in relay_copy
    # Masking keeps every offset: the relay's copy is exactly as long as what was produced.
    assert len(relay_copy) == agent.manager.get(sid).journal.end


async def test_the_status_of_a_session_shows_its_prompt_redacted(
    client_and_agent: tuple[Client[Any], CommandRunner, Path],
) -> None:
    client, _, work = client_and_agent
    created = await call(
        client, "create_session", command=[sys.executable, "-c", PRINTER], cwd=str(work)
    )
    sid = created["session"]["session_id"]

    async def waiting() -> dict[str, Any] | None:
        status = await call(client, "get_session_status", session_id=sid)
        return status if status["prompts"] else None

    status = await eventually(waiting, 20, "the session waiting on its question")
    assert status["untrusted_output"] is True
    assert ENV_SECRET not in str(status)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (f"x {GITHUB} y".encode(), b"x [redacted:github]" + b"*" * (len(GITHUB) - 17) + b" y"),
        # The label is longer than the 20-byte secret: "[redacted]" and padding.
        (f"k={ENV_SECRET}\n".encode(), b"k=[redacted]" + b"*" * 10 + b"\n"),
        (b"Bearer abc123456789", b"Bearer [redacted]**"),
        (b"short sk-1 and plain words \xff\xfe", b"short sk-1 and plain words \xff\xfe"),
    ],
)
def test_masking_raw_bytes_keeps_their_length_so_stream_offsets_stay_exact(
    data: bytes, expected: bytes
) -> None:
    masked = Redactor.from_env({"MY_SERVICE_TOKEN": ENV_SECRET}).mask(data)
    assert len(masked) == len(data) and masked == expected
