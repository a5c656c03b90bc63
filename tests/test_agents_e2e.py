"""Sessions that work together: two mock agents on two supervisors share a task list through
the relay, claim an item with compare-and-set, and message each other; a session of another
project is refused. Real relay, real supervisors, real PTYs, all on loopback."""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from pathlib import Path

from fastmcp import Client
from fastmcp.client.transports import StreamableHttpTransport

from shared import protocol as p
from supervisor.agent_mcp.wiring import AgentWiring
from supervisor.session import Session
from tests.relay_support import Relay, Supervisor, running_relay, running_supervisor
from tests.support import eventually, scaled

MOCK = ["tether:mock-agent", "--scenario", "mcp", "--work-seconds", "0"]
RESULT = re.compile(r"MCP (\w+) (ok|error): (.*)")


def _policy(home: Path, roots: list[Path]) -> Path:
    home.mkdir(parents=True, exist_ok=True)
    path = home / "policy.toml"
    listed = ", ".join(f'"{r}"' for r in roots)
    path.write_text(
        f'roots = [{listed}]\ncommands = ["tether:mock-agent"]\nmax_sessions = 4\n'
        'default_command = ["tether:mock-agent"]\n'
    )
    path.chmod(0o600)
    return path


@asynccontextmanager
async def _wired(relay: Relay, name: str, policy: Path) -> AsyncIterator[Supervisor]:
    async with running_supervisor(relay, name, policy) as sup:
        wiring = AgentWiring(sup.manager, name, policy.parent / "state.sqlite3", sup.link.requests)
        try:
            yield sup
        finally:
            await sup.manager.close_all()
            await wiring.close()


async def _start(relay: Relay, host: str, sup: Supervisor, cwd: Path, name: str) -> Session:
    """Started the way the phone starts one: through the relay, which then knows the session."""
    reply = await relay.hub.call(
        p.StartSession(
            request_id=f"r-{secrets.token_hex(4)}", command=MOCK, cwd=str(cwd), name=name, cols=400
        ),
        host=host,
    )
    assert isinstance(reply, p.SessionStarted), reply
    session = sup.manager.get(reply.session.session_id)
    await eventually(lambda: "Welcome to Mock Claude" in session.screen_text()[1], 20, "banner")
    return session


def _results(session: Session) -> list[tuple[str, str, str]]:
    text = session.read_text(None, 256 * 1024).text
    return [m.groups() for m in RESULT.finditer(text)]  # type: ignore[misc]


async def _call(session: Session, tool: str, arguments: dict[str, object]) -> tuple[str, object]:
    """Have the mock agent call ``tool`` on its session's MCP server; (ok|error, result)."""
    before = len(_results(session))
    await session.send_text(f"{tool} {json.dumps(arguments)}")
    results = await eventually(
        lambda: (r := _results(session))[before:] and r, 60, f"{tool} answered on the screen"
    )
    name, outcome, text = results[before]
    assert name == tool
    return outcome, (json.loads(text) if outcome == "ok" else text)


async def test_two_agents_on_two_computers_share_a_task_list_claim_by_compare_and_set_and_talk(
    tmp_path: Path,
) -> None:
    laptop_shop, desk_shop, other = (
        tmp_path / d / n for d, n in (("laptop", "shop"), ("desk", "shop"), ("laptop", "other"))
    )
    for folder in (laptop_shop, desk_shop, other):
        folder.mkdir(parents=True)
    async with AsyncExitStack() as stack:
        relay = await stack.enter_async_context(running_relay(tmp_path / "relay"))
        laptop = await stack.enter_async_context(
            _wired(relay, "laptop", _policy(tmp_path / "home-laptop", [laptop_shop, other]))
        )
        desk = await stack.enter_async_context(
            _wired(relay, "desk", _policy(tmp_path / "home-desk", [desk_shop]))
        )
        planner = await _start(relay, "laptop", laptop, laptop_shop, "planner")
        worker = await _start(relay, "desk", desk, desk_shop, "worker")
        outsider = await _start(relay, "laptop", laptop, other, "outsider")

        outcome, signed = await _call(planner, "sign_on", {"instance": "planner"})
        assert outcome == "ok" and signed["project"] == "shop"  # type: ignore[index]
        outcome, _ = await _call(worker, "sign_on", {"instance": "worker"})
        assert outcome == "ok"

        tasks = ["write the docs", "fix the login bug"]
        outcome, stored = await _call(
            planner,
            "store_data",
            {"scope": "global:tasks", "key": "list", "value": tasks, "expected_version": 0},
        )
        assert outcome == "ok" and stored["version"] == 1  # type: ignore[index]

        outcome, read = await _call(
            worker, "retrieve_data", {"scope": "global:tasks", "key": "list"}
        )
        assert outcome == "ok" and read["value"] == tasks and read["version"] == 1  # type: ignore[index]

        claim = {"scope": "global:tasks", "key": "claim.0", "expected_version": 0}
        outcome, claimed = await _call(worker, "store_data", {**claim, "value": "worker"})
        assert outcome == "ok" and claimed["version"] == 1  # type: ignore[index]
        outcome, refused = await _call(planner, "store_data", {**claim, "value": "planner"})
        assert outcome == "error" and "version_conflict" in str(refused)
        assert "is at version 1" in str(refused)

        outcome, sent = await _call(
            worker,
            "send_message_to_session",
            {"session_id": planner.session_id, "message": "I took the docs"},
        )
        assert outcome == "ok" and sent["delivered"] is True  # type: ignore[index]
        await eventually(
            lambda: (
                f"Received: [from session worker ({worker.session_id}) on desk] I took the docs"
                in planner.read_text(None, 256 * 1024).text
            ),
            30,
            "the worker's message on the planner's screen",
        )

        outcome, refused = await _call(
            outsider, "get_session_logs", {"session_id": planner.session_id}
        )
        assert outcome == "error" and "outside what the owner's policy" in str(refused)
        outcome, refused = await _call(
            outsider,
            "send_message_to_session",
            {"session_id": worker.session_id, "message": "do my work"},
        )
        assert outcome == "error" and "does not take messages from project 'other'" in str(refused)
        assert "do my work" not in worker.read_text(None, 256 * 1024).text

        headers = {"Authorization": f"Bearer {relay.token}"}
        phone = Client(StreamableHttpTransport(relay.mcp, headers=headers), timeout=scaled(20))
        async with phone:
            seen = await phone.call_tool("list_shared_state", {"scope": "global/tasks"})
        assert seen.structured_content is not None
        values = {e["key"]: e["value"] for e in seen.structured_content["entries"]}
        assert values == {"list": tasks, "claim.0": "worker"}

        audit = [e for e in relay.audit.latest(200) if e.action.startswith(("state_", "agent_"))]
        assert {e.action for e in audit} >= {"state_stored", "agent_message"}
        assert all("write the docs" not in json.dumps(e.detail) for e in audit)
