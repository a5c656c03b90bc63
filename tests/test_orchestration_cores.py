"""The pure rules behind the orchestration tools, and the relay queue's receipts, without PTYs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from server.db import open_database
from server.hub import Hub
from server.message_queue import MessageQueue
from shared.commands.examples import INFO
from shared.commands.projects import Member
from shared.commands.specs import SpecChange
from shared.errors import CommandFailed, TetherError
from shared.protocol import SessionState
from supervisor.orchestration.coordination import part_state
from supervisor.orchestration.paths import slug
from supervisor.orchestration.specs import Spec, apply, parse, render
from supervisor.orchestration.store import JsonRecords
from supervisor.orchestration.team import members_for, plan_team


def test_project_size_picks_the_team_and_a_composition_replaces_it() -> None:
    assert plan_team(None, "small") == [
        ("orchestrator", "orchestrator-1"),
        ("developer", "developer-1"),
        ("qa", "qa-1"),
    ]
    assert len(plan_team(None, "medium")) == 5 and len(plan_team(None, "large")) == 8
    assert plan_team({"developer": 2}, "large") == [
        ("developer", "developer-1"),
        ("developer", "developer-2"),
    ]


@pytest.mark.parametrize("team", [{"developer": 0}, {"developer": 12, "qa": 1}])
def test_an_empty_or_oversized_team_is_refused_with_what_to_do(team: dict[str, int]) -> None:
    with pytest.raises(CommandFailed, match="team"):
        plan_team(team, "small")  # type: ignore[arg-type]


def test_a_target_names_everyone_a_role_or_one_member_and_a_typo_lists_the_names() -> None:
    members = [
        Member(name=n, role=r, session_id=None, workdir="/w", branch=None)
        for r, n in plan_team({"developer": 2, "qa": 1}, "small")
    ]
    assert len(members_for("all", members)) == 3
    assert [m.name for m in members_for("developer", members)] == ["developer-1", "developer-2"]
    assert [m.name for m in members_for("qa-1", members)] == ["qa-1"]
    with pytest.raises(CommandFailed, match="developer-2"):
        members_for("designer", members)


def test_a_spec_reads_back_what_it_wrote_and_edits_apply_in_order() -> None:
    spec = Spec("Shop", "web app", "A tiny shop.", ("List products", "Checkout"), None)
    assert parse(render(spec)) == spec
    spec, done = apply(spec, SpecChange(action="add_requirement", value="Refunds"))
    spec, _ = apply(spec, SpecChange(action="remove_requirement", value="checkout"))
    spec, _ = apply(spec, SpecChange(action="set_team_size", value="4"))
    assert parse(render(spec)) == Spec(
        "Shop", "web app", "A tiny shop.", ("List products", "Refunds"), 4
    )
    assert done == "added 'Refunds'"
    with pytest.raises(CommandFailed, match="no requirement 'Nope'"):
        apply(spec, SpecChange(action="remove_requirement", value="Nope"))
    with pytest.raises(CommandFailed, match="no '# name' title"):
        parse("just text\n")


def test_a_part_is_done_when_its_session_is_idle_or_exited_cleanly() -> None:
    def info(state: SessionState, code: int | None = None) -> object:
        return INFO.model_copy(update={"state": state, "exit_code": code})

    assert part_state(info(SessionState.IDLE))[0] == "done"  # type: ignore[arg-type]
    assert part_state(info(SessionState.WORKING))[0] == "working"  # type: ignore[arg-type]
    assert part_state(info(SessionState.WAITING_FOR_INPUT))[0] == "waiting_for_person"  # type: ignore[arg-type]
    assert part_state(info(SessionState.EXITED, 0))[0] == "done"  # type: ignore[arg-type]
    assert part_state(info(SessionState.EXITED, 2))[0] == "failed"  # type: ignore[arg-type]
    assert part_state(None)[0] == "failed"


def test_a_name_becomes_a_folder_name_or_is_refused() -> None:
    assert slug("My Shop! v2") == "my-shop-v2"
    with pytest.raises(CommandFailed, match="no letters or digits"):
        slug("!!!")


def test_records_survive_a_reload_and_keep_only_the_newest(tmp_path: Path) -> None:
    records = JsonRecords(tmp_path / "r.json", limit=2)
    for key in ("a", "b", "c"):
        records.put(key, {"k": key})
    again = JsonRecords(tmp_path / "r.json", limit=2)
    assert [r["k"] for r in again.values()] == ["b", "c"]
    assert (tmp_path / "r.json").stat().st_mode & 0o777 == 0o600


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def queue(tmp_path: Path) -> Iterator[tuple[MessageQueue, Clock]]:
    db = open_database(tmp_path)
    clock = Clock()
    hub = Hub(clock=clock)
    hub.sessions.learn("laptop", INFO)
    yield MessageQueue(db, hub, clock), clock
    db.close()
    hub.store.close()


async def test_a_queued_message_expires_unsent_and_a_cancel_is_final(
    queue: tuple[MessageQueue, Clock],
) -> None:
    q, clock = queue
    late = q.enqueue(INFO.session_id, "too late", priority=5, ttl=60)
    kept = q.enqueue(INFO.session_id, "changed my mind", priority=5, ttl=3600)
    assert (late.state, late.host, q.depth()) == ("queued", "laptop", 2)
    assert q.cancel(kept.queue_id).state == "cancelled"
    clock.now += 61
    assert q.receipt(late.queue_id).state == "expired"
    assert {r.queue_id: r.state for r in q.receipts()} == {
        late.queue_id: "expired",
        kept.queue_id: "cancelled",
    }
    assert q.depth() == 0 and q.cancel(late.queue_id).state == "expired"


async def test_queueing_for_a_session_no_computer_reported_is_refused(
    queue: tuple[MessageQueue, Clock],
) -> None:
    with pytest.raises(TetherError, match="list_sessions"):
        queue[0].enqueue("never-reported-1", "hi", priority=1, ttl=60)


async def test_every_message_that_ends_is_reported_once_to_the_receipt_listeners(
    queue: tuple[MessageQueue, Clock],
) -> None:
    q, clock = queue
    heard: list[tuple[str, str]] = []
    q.on_receipt.append(lambda r: heard.append((r.queue_id, r.state)))
    late = q.enqueue(INFO.session_id, "too late", priority=5, ttl=60)
    kept = q.enqueue(INFO.session_id, "changed my mind", priority=5, ttl=3600)
    q.cancel(kept.queue_id)  # the caller asked for it: nobody needs telling
    assert heard == []
    clock.now += 61
    q.receipts()
    q.receipts()
    assert heard == [(late.queue_id, "expired")]
