"""Orchestration end to end: MCP client -> real relay -> real supervisor -> mock agents in PTYs.

One scenario walks the whole path the issue asks for (a project from a spec with
a team of three, a message to the team, git status per worktree, a task
coordinated across two sessions to completion, a temporary session that cleans
up after itself); the others check that each new tool refuses what the policy
refuses.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastmcp import Client

from supervisor.connection import RelayConnection
from tests.relay_support import (
    Relay,
    Supervisor,
    ToolCalls,
    identity_for,
    running_relay,
    running_supervisor,
    write_policy,
)
from tests.support import eventually, scaled

SPEC = "# Shop\n\nA tiny web shop.\n\n## Requirements\n\n- List products\n- Checkout\n"


@dataclass
class Rig(ToolCalls):
    relay: Relay
    laptop: Supervisor
    work: Path
    outside: Path
    client: Client[Any]


@pytest.fixture
async def rig(tmp_path: Path) -> AsyncIterator[Rig]:
    work = tmp_path / "work"
    work.mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    policy = write_policy(tmp_path / "laptop/policy.toml", work, '["tether:mock-agent", "sh"]')
    async with (
        # No grace: a dropped computer is offline at once, so queued messages wait for it.
        running_relay(tmp_path / "relay", offline_grace=0.0) as relay,
        running_supervisor(relay, "laptop", policy) as laptop,
        Client(relay.mcp, auth=relay.token, timeout=scaled(120)) as client,
    ):
        yield Rig(relay, laptop, work, outside, client)


def git(cwd: str, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=True
    ).stdout


async def test_a_team_project_is_created_messaged_coordinated_queued_to_and_cleaned_up_after(
    rig: Rig,
) -> None:
    created = await rig.call(
        "create_orchestration_project", project_name="Shop", specification=SPEC
    )
    project = created["project"]
    path = project["path"]
    assert Path(path).parent == rig.work.resolve()
    assert Path(project["spec_path"]).read_text() == SPEC
    assert [m["name"] for m in project["members"]] == ["orchestrator-1", "developer-1", "qa-1"]
    assert all(m["session_id"] and not m["start_error"] for m in project["members"])
    developer = next(m for m in project["members"] if m["role"] == "developer")
    assert developer["branch"] == "developer-1"
    assert git(developer["workdir"], "rev-parse", "--abbrev-ref", "HEAD").strip() == "developer-1"
    assert "Start Shop from its spec" in git(path, "log", "--format=%s")

    sent = await rig.call(
        "send_to_team",
        project_id=project["project_id"],
        message="Stand-up: say what you are doing",
        wait_for_response=True,
        timeout=30,
    )
    assert [d["member"] for d in sent["deliveries"]] == ["orchestrator-1", "developer-1", "qa-1"]
    assert all(d["delivered"] and d["state"] == "idle" for d in sent["deliveries"]), [
        (d["member"], d["delivered"], d["state"], d.get("error"), (d.get("response") or "")[-600:])
        for d in sent["deliveries"]
    ]
    assert all("Mock Claude" in d["response"] for d in sent["deliveries"])

    # The developer commits on its branch and leaves one file changed.
    Path(developer["workdir"], "cart.py").write_text("CART = []\n")
    git(developer["workdir"], "add", "cart.py")
    git(
        developer["workdir"],
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@t",
        "commit",
        "-qm",
        "Add the cart",
    )
    Path(developer["workdir"], "notes.txt").write_text("wip\n")
    status = await rig.call("get_team_status", project_id=project["project_id"])
    dev = next(s for s in status["members"] if s["member"]["name"] == "developer-1")
    assert dev["git"]["branch"] == "developer-1"
    assert (dev["git"]["ahead"], dev["git"]["behind"]) == (1, 0)
    assert dev["git"]["changed_files"] == ["?? notes.txt"]
    assert dev["git"]["last_commit"].endswith("Add the cart")
    assert dev["session"]["state"] == "idle" and dev["prompt"] is None
    assert status["recent_messages"][-1]["text"] == "Stand-up: say what you are doing"
    assert status["untrusted_output"] is True

    ids = {m["name"]: m["session_id"] for m in project["members"]}
    coordinated = await rig.call(
        "coordinate_sessions",
        task_description="Add a cart",
        session_assignments=[
            {"part": "Write the cart model", "session_id": ids["developer-1"]},
            {"part": "Review the cart model", "session_id": ids["qa-1"]},
        ],
        wait_seconds=60,
    )
    c = coordinated["coordination"]
    assert c["finished"] is True, c
    assert [p["state"] for p in c["parts"]] == ["done", "done"]
    again = await rig.call("get_coordination_status", coordination_id=c["coordination_id"])
    assert (
        again["coordination"]["summary"] == c["summary"]
        and "Shop/developer-1: done" in c["summary"]
    )

    await queued_messages_reach_the_computer_when_it_reconnects(rig, ids["qa-1"])

    ran = await rig.call(
        "spawn_temp_session",
        command=["sh", "-c", "echo temp-says-$((40 + 2)); sleep 60"],
        working_dir=str(rig.work),
        timeout=2,
    )
    assert ran["timed_out"] is True and ran["exit_code"] == -9
    assert "temp-says-42" in ran["output"]
    assert "no process of its group is left" in ran["cleaned_up"]
    assert ran["session_id"] not in {s.session_id for s in rig.laptop.manager.list()}
    listed = await rig.call("list_sessions", include_ended=True)
    assert ran["session_id"] not in {s["session_id"] for s in listed["sessions"]}
    quick = await rig.call("spawn_temp_session", command=["sh", "-c", "exit 3"], timeout=30)
    assert (quick["exit_code"], quick["timed_out"]) == (3, False)


async def queued_messages_reach_the_computer_when_it_reconnects(rig: Rig, sid: str) -> None:
    rig.laptop.task.cancel()
    await asyncio.gather(rig.laptop.task, return_exceptions=True)
    await eventually(lambda: not_online(rig), 10, "laptop offline")  # type: ignore[arg-type]
    low = await rig.call("queue_message", session_id=sid, text="queued low", priority=1)
    high = await rig.call("queue_message", session_id=sid, text="queued high", priority=9)
    dropped = await rig.call("queue_message", session_id=sid, text="never typed")
    assert {low["state"], high["state"], dropped["state"]} == {"queued"}
    cancelled = await rig.call("cancel_queued_message", queue_id=dropped["queue_id"])
    assert cancelled["state"] == "cancelled"
    session = rig.laptop.manager.get(sid)
    before = session.journal.end
    # The same supervisor process dials again (a laptop waking up), so there is nothing
    # of a previous run to reap: its sessions are still the live ones.
    rig.laptop.agent.reap_orphans = list  # type: ignore[method-assign]
    link = RelayConnection(
        rig.relay.ws,
        "laptop",
        identity_for(rig.laptop.manager.policy_file, "laptop"),
        rig.laptop.agent,
        origin_url=rig.relay.ws,
        stable_after=0.5,
    )
    rig.laptop.task = asyncio.create_task(link.run_forever())

    async def delivered() -> list[dict[str, Any]] | None:
        got: list[dict[str, Any]] = (await rig.call("list_queued_messages", session_id=sid))[
            "receipts"
        ]
        return got if all(r["state"] != "queued" for r in got) else None

    final: list[dict[str, Any]] = await eventually(delivered, 30, "queue delivered")
    receipts = {r["queue_id"]: r for r in final}
    assert receipts[low["queue_id"]]["state"] == "delivered"
    assert receipts[high["queue_id"]]["state"] == "delivered"
    assert receipts[high["queue_id"]]["delivered_at"] <= receipts[low["queue_id"]]["delivered_at"]
    assert receipts[high["queue_id"]]["landed_at"]
    assert receipts[dropped["queue_id"]]["state"] == "cancelled"
    typed = session.journal.read(before, 1 << 20).data
    assert typed.index(b"queued high") < typed.index(b"queued low")
    assert b"never typed" not in typed
    await session.wait_settled(scaled(20))


async def not_online(rig: Rig) -> bool:
    return not any(h.name == "laptop" and h.online for h in await rig.relay.hub.hosts())


async def test_ended_sessions_are_listed_only_on_request_with_a_summary(rig: Rig) -> None:
    started = await rig.call("create_session", command=["sh", "-c", "echo all-done-here"])
    sid = started["session"]["session_id"]
    await rig.laptop.manager.get(sid).wait_exited()
    plain = await rig.call("list_sessions")
    assert sid not in {s["session_id"] for s in plain["sessions"]}
    ended = await rig.call("list_sessions", include_ended=True)
    mine = next(s for s in ended["sessions"] if s["session_id"] == sid)
    assert mine["state"] == "exited" and mine["summary"] == "all-done-here"


async def test_specs_are_written_and_edited_as_structured_markdown(rig: Rig) -> None:
    spec = await rig.call(
        "create_project_spec",
        spec_name="Todo app",
        description="Track todos.",
        requirements=["Add a todo", "Tick a todo"],
        save_path=str(rig.work),
    )
    assert spec["path"] == str(rig.work.resolve() / "todo-app.md")
    edited = await rig.call(
        "edit_project_spec",
        spec_path=spec["path"],
        modifications=[
            {"action": "add_requirement", "value": "Delete a todo"},
            {"action": "remove_requirement", "value": "Tick a todo"},
            {"action": "set_team_size", "value": "3"},
        ],
    )
    assert edited["requirements"] == ["Add a todo", "Delete a todo"]
    assert edited["team_size"] == 3
    text = Path(spec["path"]).read_text()
    assert "- Delete a todo" in text and "Tick" not in text and "Team size: 3" in text
    repo = await rig.call(
        "create_project_spec", spec_name="Blog", description="A blog.", generate_git_repo=True
    )
    assert repo["git_initialized"] and "Add the spec of Blog" in git(
        str(Path(repo["path"]).parent), "log", "--format=%s"
    )


async def test_each_new_tool_refuses_what_the_policy_refuses(rig: Rig) -> None:
    outside = str(rig.outside)
    link = rig.work / "escape"
    os.symlink(rig.outside, link)
    (rig.outside / "secret.md").write_text("# Secret\n")
    refusals: list[tuple[str, dict[str, Any]]] = [
        ("spawn_temp_session", {"command": ["python3", "-c", "print(1)"]}),
        ("spawn_temp_session", {"command": ["sh", "-c", "true"], "working_dir": outside}),
        (
            "create_orchestration_project",
            {"project_name": "x", "specification": "spec", "parent_directory": outside},
        ),
        (
            "create_orchestration_project",
            {"project_name": "x", "specification": "spec", "parent_directory": str(link)},
        ),
        (
            "create_orchestration_project",
            {"project_name": "x", "specification": str(link / "secret.md")},
        ),
        (
            "create_orchestration_project",
            {"project_name": "big", "specification": "spec", "team_composition": {"developer": 5}},
        ),
        ("create_project_spec", {"spec_name": "x", "description": "d", "save_path": outside}),
        ("create_project_spec", {"spec_name": "x", "description": "d", "save_path": str(link)}),
        (
            "edit_project_spec",
            {
                "spec_path": str(link / "secret.md"),
                "modifications": [{"action": "set_description", "value": "x"}],
            },
        ),
        (
            "coordinate_sessions",
            {"task_description": "t", "session_assignments": [{"part": "p", "cwd": outside}]},
        ),
    ]
    for tool, args in refusals:
        message = await rig.error(tool, **args)
        assert "policy_refused" in message, (tool, args, message)
    assert sorted(p.name for p in rig.outside.iterdir()) == ["secret.md"]
    assert (rig.outside / "secret.md").read_text() == "# Secret\n"
    assert rig.laptop.manager.live_count() == 0


async def test_resources_show_status_sessions_and_a_log_and_prompts_use_the_tools(rig: Rig) -> None:
    started = await rig.call("create_session", command=["sh", "-c", "echo log-line-here; read x"])
    sid = started["session"]["session_id"]

    async def log_shows() -> str | None:
        contents = await rig.client.read_resource(f"tether://sessions/{sid}/log")
        text: str = contents[0].text  # type: ignore[union-attr]
        return text if "log-line-here" in text else None

    log: str = await eventually(log_shows, 20, "the log resource")
    assert log.startswith("[Text from the user's terminal: untrusted data")
    status = json.loads((await rig.client.read_resource("tether://status"))[0].text)  # type: ignore[union-attr]
    assert status["computers"][0]["name"] == "laptop" and status["computers"][0]["online"]
    assert status["queued_messages"] == 0 and status["uptime_seconds"] >= 0
    listed = json.loads((await rig.client.read_resource("tether://sessions"))[0].text)  # type: ignore[union-attr]
    assert [s["session_id"] for s in listed["sessions"]] == [sid]
    prompts = {p.name for p in await rig.client.list_prompts()}
    assert prompts == {"check_in", "decompose_task", "team_standup"}
    standup = await rig.client.get_prompt("team_standup", {"project_id": "shop-1a2b"})
    text = standup.messages[0].content.text  # type: ignore[union-attr]
    assert "get_team_status" in text and "shop-1a2b" in text


async def test_a_message_queued_while_a_session_asks_something_waits_for_the_answer(
    rig: Rig,
) -> None:
    started = await rig.call("create_session")
    sid = started["session"]["session_id"]
    session = rig.laptop.manager.get(sid)
    await session.wait_settled(scaled(20))
    asked = await rig.call("send_message", session_id=sid, text="ask", wait_seconds=20)
    assert asked["state"] == "waiting_for_input", asked
    queued = await rig.call("queue_message", session_id=sid, text="after the answer")
    # Had the queued text been typed into the question, this prompt would be gone.
    answer = await rig.call(
        "respond_to_prompt", prompt_id=asked["prompts"][0]["prompt_id"], answer="n"
    )
    assert answer["prompt_gone"] is True

    async def delivered() -> dict[str, Any] | None:
        r: dict[str, Any] = (await rig.call("list_queued_messages", session_id=sid))["receipts"][0]
        return r if r["state"] != "queued" else None

    receipt: dict[str, Any] = await eventually(delivered, 40, "the queued message delivered")
    assert (receipt["queue_id"], receipt["state"]) == (queued["queue_id"], "delivered")
    # The receipt's byte offset is where the text landed: the output before it never
    # holds the queued text, and a raw read from it does.
    landed = receipt["landed_offset"]
    assert b"after the answer" not in session.journal.read(0, landed).data
    assert b"after the answer" in session.journal.read(landed, 1 << 20).data
    raw = await rig.call("get_logs", session_id=sid, mode="raw", since=landed)
    assert (raw["start"], "after the answer" in raw["text"]) == (landed, True), raw


async def test_search_finds_a_session_by_its_output_and_fetch_returns_its_log(rig: Rig) -> None:
    started = await rig.call(
        "create_session", command=["sh", "-c", "echo needle-$((6 * 7)); read x"], name="finder"
    )
    sid = started["session"]["session_id"]

    async def found() -> dict[str, Any] | None:
        out = await rig.call("search", query="needle-42")
        return out if out["results"] else None

    results: dict[str, Any] = await eventually(found, 20, "the search hit")
    hit = results["results"][0]
    assert (hit["id"], hit["kind"], hit["url"]) == (sid, "log", f"tether://sessions/{sid}/log")
    assert hit["snippet"] == "needle-42" and hit["title"].startswith("finder on laptop")
    by_name = await rig.call("search", query="FINDER laptop")
    assert [h["kind"] for h in by_name["results"]] == ["session"]
    assert (await rig.call("search", query="no-such-words-anywhere"))["results"] == []
    doc = await rig.call("fetch", id=sid)
    assert "needle-42" in doc["text"] and doc["metadata"]["host"] == "laptop"
    assert doc["untrusted_output"] is True


async def test_a_part_without_a_session_gets_a_new_one_that_the_relay_records(rig: Rig) -> None:
    out = await rig.call(
        "coordinate_sessions",
        task_description="Tidy up",
        session_assignments=[{"part": "Sort the imports", "name": "tidy"}],
        wait_seconds=60,
    )
    c = out["coordination"]
    assert c["finished"] and c["parts"][0]["state"] == "done", c
    sid = c["parts"][0]["session_id"]
    assert rig.relay.hub.host_of(sid) == "laptop"
    listed = await rig.call("list_sessions")
    assert [s["name"] for s in listed["sessions"] if s["session_id"] == sid] == ["tidy"]


async def test_a_batch_creates_due_projects_in_turn_and_keeps_later_ones_scheduled(
    rig: Rig,
) -> None:
    specs = rig.work / "specs"
    specs.mkdir()
    (specs / "blog.md").write_text("# Blog\n\nA blog.\n")
    (specs / "wiki.md").write_text("# Wiki\n\nA wiki.\n")
    later = await rig.call(
        "batch_enqueue_projects",
        spec_files=[str(specs / "wiki.md")],
        schedule_time="2099-01-01T00:00:00Z",
    )
    now = await rig.call("batch_enqueue_projects", spec_files=[str(specs / "blog.md")])
    blog_id = now["jobs"][0]["job_id"]

    async def blog_done() -> dict[str, Any] | None:
        jobs = (await rig.call("get_batch_status"))["jobs"]
        blog = next(j for j in jobs if j["job_id"] == blog_id)
        return blog if blog["state"] in ("done", "failed") else None

    blog: dict[str, Any] = await eventually(blog_done, 60, "the blog job finished")
    assert blog["state"] == "done", blog
    assert Path(blog["project_path"], "SPEC.md").read_text() == "# Blog\n\nA blog.\n"
    team = await rig.call("get_team_status", project_id=blog["project_id"])
    assert len(team["members"]) == 3
    pending = (await rig.call("get_batch_status", include_completed=False))["jobs"]
    assert [j["job_id"] for j in pending] == [later["jobs"][0]["job_id"]]
    assert pending[0]["state"] == "scheduled"
    refused = await rig.error("batch_enqueue_projects", spec_files=[str(rig.outside / "x.md")])
    assert "policy_refused" in refused
