"""The agents' MCP server: loopback, one token per session, the caller is the token's session;
each agent program is configured without a secret in its argv; the [agents] policy is checked."""

from __future__ import annotations

import asyncio
import inspect
import json
import time
from pathlib import Path

import httpx
import pytest
from fastmcp import Client
from fastmcp.client.transports import StreamableHttpTransport

from supervisor.agent_mcp.access import McpServer, parse_agents
from supervisor.agent_mcp.server import TOKEN_ENV, URL_ENV
from supervisor.agent_mcp.wiring import AgentWiring, wire_argv
from supervisor.mock_agent.mcp_call import call_tool
from supervisor.mock_agent.script import ScriptError, Step, parse_step, scenario_step
from supervisor.policy import PolicyFileError, load_policy
from supervisor.session_manager import SessionManager
from tests.support import scaled

MOCK = ["tether:mock-agent", "--work-seconds", "0"]


def _policy(home: Path, root: Path, agents: str = "") -> Path:
    home.mkdir(parents=True, exist_ok=True)
    path = home / "policy.toml"
    path.write_text(
        f'roots = ["{root}"]\ncommands = ["tether:mock-agent"]\nmax_sessions = 4\n'
        f'default_command = ["tether:mock-agent"]\n{agents}'
    )
    path.chmod(0o600)
    return path


def _client(url: str, token: str) -> Client[StreamableHttpTransport]:
    headers = {"Authorization": f"Bearer {token}"}
    return Client(StreamableHttpTransport(url, headers=headers), timeout=scaled(20))


async def test_each_token_acts_as_its_own_session_and_no_token_gets_401(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    manager = SessionManager(policy_file=_policy(tmp_path / "home", work))
    wiring = AgentWiring(manager, "desk", tmp_path / "state.sqlite3")
    try:
        one = await manager.create(MOCK, str(work), "one")
        two = await manager.create(MOCK, str(work), "two")
        url = wiring.server.url
        assert url.startswith("http://127.0.0.1:")
        token_one = wiring.server.tokens._by_session[one.session_id]
        assert not any(token_one in arg for arg in one.info().command)

        async with _client(url, token_one) as client:
            listed = await client.call_tool("list_sessions", {})
            me = [s for s in listed.structured_content["sessions"] if s["is_me"]]
            assert [s["session_id"] for s in me] == [one.session_id]
            names = {t.name for t in await client.list_tools()}
            assert {"sign_on", "store_data", "send_message_to_session", "wait_for_change"} <= names
            assert "create_session" not in names  # none of the relay's tools
            context = json.loads((await client.read_resource("session://context"))[0].text)
            assert context["session_id"] == one.session_id and context["project"] == "work"

        async with httpx.AsyncClient(timeout=scaled(10)) as http:
            ask = {"jsonrpc": "2.0", "id": 1, "method": "tools/list"}
            assert (await http.post(url, json=ask)).status_code == 401
            wrong = {"Authorization": "Bearer not-a-token"}
            assert (await http.post(url, json=ask, headers=wrong)).status_code == 401

        token_two = wiring.server.tokens._by_session[two.session_id]
        await two.stop(force=True)
        await two.wait_exited()
        async with httpx.AsyncClient(timeout=scaled(10)) as http:
            gone = {"Authorization": f"Bearer {token_two}"}
            assert (await http.post(url, json=ask, headers=gone)).status_code == 401
    finally:
        await manager.close_all()
        await wiring.close()


def test_claude_gets_an_mcp_config_file_with_tether_last_and_the_token_only_by_name(
    tmp_path: Path,
) -> None:
    agents = parse_agents(
        {"agents": {"mcp_servers": {"docs": {"url": "http://127.0.0.1:9/mcp"}}}}, "policy.toml"
    )
    argv, env = wire_argv(["claude", "-c"], {"X": "1"}, tmp_path, agents, "http://127.0.0.1:5/mcp")
    assert argv[:3] == ["claude", "--mcp-config", str(tmp_path / "mcp.json")] and argv[3] == "-c"
    config = json.loads((tmp_path / "mcp.json").read_text())["mcpServers"]
    assert list(config) == ["docs", "tether"]
    assert config["tether"]["headers"] == {"Authorization": f"Bearer ${{{TOKEN_ENV}}}"}
    assert (tmp_path / "mcp.json").stat().st_mode & 0o077 == 0


def test_codex_and_gemini_are_pointed_at_the_server_by_config_not_by_secret(
    tmp_path: Path,
) -> None:
    agents = parse_agents({}, "policy.toml")
    argv, _ = wire_argv(["codex"], {}, tmp_path, agents, "http://127.0.0.1:5/mcp")
    assert f'mcp_servers.tether.bearer_token_env_var="{TOKEN_ENV}"' in argv
    _, env = wire_argv(["gemini"], {}, tmp_path, agents, "http://127.0.0.1:5/mcp")
    settings = json.loads(Path(env["GEMINI_CLI_SYSTEM_SETTINGS_PATH"]).read_text())
    assert settings["mcpServers"]["tether"]["httpUrl"] == "http://127.0.0.1:5/mcp"
    assert URL_ENV not in env  # the manager adds url and token, not the config writer


@pytest.mark.parametrize(
    ("table", "says"),
    [
        ({"see": "everyone"}, "'see' is 'everyone'"),
        ({"scopes": ["galaxy"]}, "'scopes' has an unknown kind"),
        ({"colour": 1}, "unknown key 'colour'"),
        ({"mcp_servers": {"x": {"url": "u", "command": "c"}}}, "exactly one of url or command"),
    ],
)
def test_a_wrong_agents_table_is_refused_naming_the_key(
    table: dict[str, object], says: str
) -> None:
    with pytest.raises(PolicyFileError, match=f"(?i){says}"):
        parse_agents({"agents": table}, "policy.toml")


def test_the_default_policy_file_documents_and_parses_the_agents_table(tmp_path: Path) -> None:
    path = tmp_path / "policy.toml"
    policy = load_policy(path)
    assert "[agents]" in path.read_text()
    agents = parse_agents(__import__("tomllib").loads(path.read_text()), policy.path)
    assert agents.see == "project" and agents.mcp_servers == ()
    assert McpServer("x").name == "x"


def test_the_mock_agent_runs_mcp_steps_and_reads_messages_from_other_sessions() -> None:
    assert parse_step('mcp sign_on {"instance": "a"}') == Step("mcp", 'sign_on {"instance": "a"}')
    with pytest.raises(ScriptError, match="needs a tool name"):
        parse_step("mcp")
    assert scenario_step("mcp", "list_sessions") == Step("mcp", "list_sessions")
    assert scenario_step("mcp", "[from session a (x)] hi").verb == "reply"
    assert call_tool("list_sessions", {}).startswith("MCP list_sessions error: no TETHER_MCP_URL")


async def test_local_scopes_feed_changes_and_kinds_the_policy_leaves_out_are_refused(
    tmp_path: Path,
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    agents = '[agents]\nscopes = ["session", "host"]\n'
    manager = SessionManager(policy_file=_policy(tmp_path / "home", work, agents))
    wiring = AgentWiring(manager, "desk", tmp_path / "state.sqlite3")
    try:
        one = await manager.create(MOCK, str(work), "one")
        token = wiring.server.tokens._by_session[one.session_id]
        async with _client(wiring.server.url, token) as client:
            # Whether the wait starts before or after the write, it returns the write.
            waiting = asyncio.create_task(
                client.call_tool(
                    "wait_for_change", {"scope": "host:notes", "since": 0, "timeout": 30}
                )
            )
            stored = await client.call_tool(
                "store_data", {"scope": "host:notes", "key": "n1", "value": {"a": 1}}
            )
            assert stored.structured_content == {"scope": "host:notes", "key": "n1", "version": 1}
            changes = (await waiting).structured_content["changes"]
            assert [(c["key"], c["action"], c["by"]) for c in changes] == [
                ("n1", "stored", one.session_id)
            ]
            started, version = time.perf_counter(), 1
            for _ in range(20):  # a measurement, printed; nothing is asserted about speed
                done = await client.call_tool(
                    "store_data",
                    {"scope": "host:notes", "key": "n1", "value": 2, "expected_version": version},
                )
                version = done.structured_content["version"]
            per_call = (time.perf_counter() - started) / 20 * 1000
            print(f"\nstore_data compare-and-set on a host scope over loopback: {per_call:.1f} ms")
            assert version == 21
            scopes = (await client.call_tool("list_scopes", {})).structured_content
            assert scopes == {"scopes": [{"scope": "host:notes", "keys": 1}]}
            refused = await client.call_tool(
                "store_data",
                {"scope": "global:tasks", "key": "k", "value": 1},
                raise_on_error=False,
            )
            assert refused.is_error
            assert "does not let agents use global scopes" in refused.content[0].text
    finally:
        await manager.close_all()
        await wiring.close()


async def test_a_temporary_session_ends_with_the_session_that_spawned_it(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    manager = SessionManager(policy_file=_policy(tmp_path / "home", work))
    wiring = AgentWiring(manager, "desk", tmp_path / "state.sqlite3")
    try:
        parent = await manager.create(MOCK, str(work), "parent")
        token = wiring.server.tokens._by_session[parent.session_id]
        async with _client(wiring.server.url, token) as client:
            spawned = await client.call_tool(
                "spawn_temp_session", {"command": MOCK, "name": "helper"}
            )
        helper = manager.get(spawned.structured_content["session_id"])
        assert helper.info().cwd == str(work) and not helper.exited
        await parent.stop(force=True)
        async with asyncio.timeout(scaled(20)):
            await helper.wait_exited()
    finally:
        await manager.close_all()
        await wiring.close()


async def test_every_agent_tool_and_resource_runs_on_the_supervisors_loop() -> None:
    # A plain function would run in a worker thread and race the loop over a session's
    # state (a refresh there armed a timer with no running loop: "no running event loop").
    from supervisor.agent_mcp.tools import build_agent_mcp

    mcp = build_agent_mcp(service=None, tokens=None)  # type: ignore[arg-type]
    tools = await mcp.list_tools()
    resources = await mcp.list_resources()
    assert tools and resources
    plain = [c.name for c in [*tools, *resources] if not inspect.iscoroutinefunction(c.fn)]  # type: ignore[attr-defined]
    assert plain == []
