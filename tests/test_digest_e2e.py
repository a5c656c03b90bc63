"""get_session_digest end to end: MCP tools -> supervisor -> real PTYs, real git.

A fake ``claude`` posts a ``PostToolUse`` hook (a Bash command whose own output
holds a pytest summary): the digest lists the command and the result with the
hook as their source. A shell in a git repository changes files and prints a
summary line: the digest since a cursor shows the diffstat against the cursor's
snapshot, the summary read from the terminal, and one finished turn, and the
next digest from its cursor is empty again.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from fastmcp import Client

import supervisor.session_core as session_core
from shared.commands.digest import MAX_DIGEST_BYTES
from supervisor.command_runner import CommandRunner
from supervisor.local_mcp import build_local_server
from supervisor.session_manager import SessionManager
from tests.fake_claude import install as install_fake_claude
from tests.support import eventually, scaled

PYTEST_OUT = "collected 10 items\n\n==== 2 failed, 8 passed in 0.40s ====\n"


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture
async def tools(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[tuple[Client[Any], Path]]:
    monkeypatch.setattr(session_core, "IDLE_AFTER", 0.3)  # a turn ends after 0.3 s of quiet
    work, home, bin_dir = tmp_path / "work", tmp_path / "home", tmp_path / "bin"
    for d in (work, home, bin_dir):
        d.mkdir()
    install_fake_claude(bin_dir)
    (work / "README.md").write_text("shop\n")
    git(work, "init", "-q", "-b", "main")
    git(work, "add", "-A")
    git(work, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "start")
    policy = home / "policy.toml"
    policy.write_text(f'roots = ["{work.resolve()}"]\ncommands = ["claude", "sh"]\n')
    policy.chmod(0o600)
    environ = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    manager = SessionManager(policy_file=policy, environ=environ)
    try:
        async with Client(
            build_local_server(CommandRunner(manager, reaper=None), "studio"), timeout=scaled(60)
        ) as client:
            yield client, work
    finally:
        await asyncio.wait_for(manager.close_all(), scaled(30))


async def call(client: Client[Any], tool: str, **args: Any) -> dict[str, Any]:
    result = await client.call_tool(tool, args)
    assert result.structured_content is not None
    return result.structured_content


async def test_a_digest_reports_hook_commands_terminal_tests_and_git_changes_since_a_cursor(
    tools: tuple[Client[Any], Path],
) -> None:
    client, work = tools
    payload = {
        "tool_name": "Bash",
        "tool_input": {"command": "pytest -q"},
        "tool_response": {"stdout": PYTEST_OUT},
    }
    claude = await call(
        client,
        "create_session",
        command=["claude", "--event", "PostToolUse", "--payload", json.dumps(payload)],
        cwd=str(work),
    )
    cid = claude["session"]["session_id"]

    async def hooked() -> dict[str, Any] | None:
        digest = await call(client, "get_session_digest", session_id=cid)
        return digest if digest["commands"] else None

    digest = await eventually(hooked, 20, "the fake claude's PostToolUse in the digest")
    assert digest["untrusted_output"] is True
    assert digest["commands"] == [{"command": "pytest -q", "source": "hook:PostToolUse"}]
    [test] = [t for t in digest["tests"] if t["source"] == "hook:PostToolUse"]
    assert (test["runner"], test["passed"], test["failed"], test["ok"]) == ("pytest", 8, 2, False)
    assert digest["git"]["base"] == "the last commit" and digest["git"]["files_changed"] == 0

    shell = await call(client, "create_session", command=["sh"], cwd=str(work))
    sid = shell["session"]["session_id"]
    first = await call(client, "get_session_digest", session_id=sid)
    assert any("no hook events" in note for note in first["notes"])
    cursor = first["next_cursor"]

    line = "printf '%s\\n' '==== 1 failed, 3 passed in 0.01s ===='"
    await call(
        client,
        "send_message",
        session_id=sid,
        text=f"echo more >> README.md; echo new > new.txt; {line}",
        wait_seconds=20,
    )
    digest = await call(client, "get_session_digest", session_id=sid, since_cursor=cursor)
    assert len(json.dumps(digest)) <= MAX_DIGEST_BYTES + 512  # the reply, plus the labels
    assert digest["git"]["base"] == "the snapshot taken with the cursor"
    assert (digest["git"]["files_changed"], digest["git"]["insertions"]) == (2, 2)
    files = {f["path"]: f for f in digest["files"]}
    assert files["README.md"]["added"] == 1 and files["README.md"]["status"] == " M"
    assert files["new.txt"]["sources"] == ["git"] and files["new.txt"]["status"] == "??"
    assert [(t["runner"], t["passed"], t["failed"], t["source"]) for t in digest["tests"]] == [
        ("pytest", 3, 1, "output")
    ]
    assert digest["turns"] == {"count": 1, "source": "screen"}
    assert digest["commands"] == []  # a shell sends no hooks: never guessed from the screen
    assert (work / "README.md").read_text() == "shop\nmore\n"  # the digest changed nothing:
    staged = subprocess.run(["git", "diff", "--cached", "--quiet"], cwd=work, check=False)
    assert staged.returncode == 0  # not even the index (its snapshot used a throwaway one)

    again = await call(
        client, "get_session_digest", session_id=sid, since_cursor=digest["next_cursor"]
    )
    assert again["git"]["files_changed"] == 0 and again["tests"] == []
    assert again["turns"]["count"] == 0


async def test_a_digest_refuses_a_malformed_cursor_and_an_unknown_session(
    tools: tuple[Client[Any], Path],
) -> None:
    client, _ = tools
    bad = await client.call_tool(
        "get_session_digest",
        {"session_id": "no-such-session", "since_cursor": "yesterday"},
        raise_on_error=False,
    )
    assert bad.is_error and "since_cursor" in bad.content[0].text  # type: ignore[union-attr]
    unknown = await client.call_tool(
        "get_session_digest", {"session_id": "no-such-session"}, raise_on_error=False
    )
    assert unknown.is_error
    assert "list_sessions" in unknown.content[0].text  # type: ignore[union-attr]
