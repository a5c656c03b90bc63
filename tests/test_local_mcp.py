"""Local stdio mode: a real MCP client starts ``python -m supervisor mcp`` and drives a session."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from fastmcp import Client
from fastmcp.client.transports import StdioTransport

from tests.support import eventually, scaled
from tests.tools_support import TOOLS

REPO = Path(__file__).resolve().parent.parent


def _policy(home: Path, root: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    policy = home / "policy.toml"
    policy.write_text(
        f'roots = ["{root}"]\ncommands = ["tether:mock-agent"]\n'
        'max_sessions = 4\ndefault_command = ["tether:mock-agent"]\n'
    )
    policy.chmod(0o600)


def _transport(home: Path, cwd: Path) -> StdioTransport:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TETHER_")}
    env.update(TETHER_HOME=str(home), PYTHONPATH=str(REPO))
    return StdioTransport(
        command=sys.executable,
        args=["-m", "supervisor", "mcp", "--mock"],
        env=env,
        cwd=str(cwd),
        keep_alive=False,
    )


async def test_a_local_client_drives_a_mock_session_over_stdio_without_any_relay(
    tmp_path: Path,
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    _policy(tmp_path / "home", work)
    async with Client(_transport(tmp_path / "home", work), timeout=scaled(30)) as client:
        names = {t.name for t in await client.list_tools()}
        assert set(TOOLS) <= names

        created = await client.call_tool("create_session", {"cwd": str(work)})
        session_id = created.structured_content["session"]["session_id"]

        async def banner() -> bool:
            logs = await client.call_tool("get_logs", {"session_id": session_id})
            return "Welcome to Mock Claude" in logs.structured_content["text"]

        await eventually(banner, what="the mock agent's banner on the screen")
        listed = await client.call_tool("list_sessions", {})
        assert [s["session_id"] for s in listed.structured_content["sessions"]] == [session_id]

        ended = await client.call_tool("terminate_session", {"session_id": session_id})
        assert ended.structured_content["session"]["state"] == "exited"

        # A call whose result went missing can be looked up here too.
        assert "check_delivery" in names
        unknown = await client.call_tool("check_delivery", {"request_id": "req-never-sent-1"})
        assert unknown.structured_content["state"] == "unknown"
        assert "before sending it again" in unknown.structured_content["next_step"]


async def test_a_working_directory_outside_the_policy_is_refused_over_stdio_naming_the_file(
    tmp_path: Path,
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    _policy(tmp_path / "home", work)
    async with Client(_transport(tmp_path / "home", work), timeout=scaled(30)) as client:
        result = await client.call_tool(
            "create_session", {"cwd": str(tmp_path)}, raise_on_error=False
        )
        assert result.is_error
        text = result.content[0].text
        assert "policy.toml" in text and "roots" in text
        # The message and its hint are separate sentences, never run together.
        assert "policy.toml use" not in text and "policy.toml. Use a directory" in text
