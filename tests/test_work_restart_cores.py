"""Finished work is announced once across restarts: the pure rules and the durable records.

The supervisor's rules (which tasks to re-arm, which parts died with the old
supervisor, which announcements to send again) and the relay's record of what it
announced, without PTYs or sockets; the fault scenarios with real processes are
in ``tests/test_work_restart_faults.py``.
"""

from __future__ import annotations

from pathlib import Path

from server.db import open_database
from server.notify.announced import AnnouncedWork
from shared.commands.batch import BatchJob
from shared.commands.coordination import Coordination, PartState, PartStatus
from shared.commands.work_finished import WorkFinished
from supervisor.orchestration import batch
from supervisor.orchestration.announce import announce, resend_unconfirmed, unconfirmed
from supervisor.orchestration.restart import RESTART_REASON, after_restart, to_rearm
from supervisor.orchestration.state import records_of
from supervisor.session_manager import SessionManager


def part(session_id: str | None, state: PartState = "working") -> PartStatus:
    return PartStatus(
        part="p", session_id=session_id, name=f"n-{session_id}", state=state, reason="sent"
    )


def task(*parts: PartStatus, finished: bool = False, cid: str = "c-abcdef") -> Coordination:
    return Coordination(
        coordination_id=cid, task="t", created_at=1.0, parts=list(parts), finished=finished
    )


def frame(ref: str) -> WorkFinished:
    return WorkFinished(
        request_id=f"u-{ref}", kind="coordination", ref=ref, outcome="done", title="t"
    )


def test_a_part_whose_session_died_with_the_supervisor_fails_with_the_reason() -> None:
    c = task(part("s-live"), part("s-dead"), part("s-gone", "done"), part(None, "failed"))
    after = after_restart(c, live={"s-live"})
    states = [(p.session_id, p.state, p.reason) for p in after.parts]
    assert states == [
        ("s-live", "working", "sent"),
        ("s-dead", "failed", RESTART_REASON),
        ("s-gone", "done", "sent"),
        (None, "failed", "sent"),
    ]
    assert RESTART_REASON == "the supervisor restarted and the session ended"


def test_a_part_whose_agent_was_resumed_in_a_new_session_names_it_in_the_reason() -> None:
    after = after_restart(task(part("s-old")), live={"s-new"}, resumed={"s-old": "s-new"})
    assert after.parts[0].state == "failed"
    assert after.parts[0].reason == f"{RESTART_REASON}; its agent was resumed as session s-new"


def test_a_part_waiting_for_a_person_in_a_dead_session_fails_too() -> None:
    after = after_restart(task(part("s-1", "waiting_for_person")), live=set())
    assert after.parts[0].state == "failed"


def test_a_finished_task_is_left_as_it_was_and_only_unfinished_tasks_are_rearmed() -> None:
    done = task(part("s-1", "done"), finished=True, cid="c-done00")
    open_ = task(part("s-2"), cid="c-open00")
    assert after_restart(done, live=set()) == done
    assert [c.coordination_id for c in to_rearm([done, open_])] == ["c-open00"]


def test_only_unconfirmed_readable_announcements_are_sent_again() -> None:
    entries = [
        ("coordination:a", {"frame": frame("a").model_dump(), "confirmed": False}),
        ("coordination:b", {"frame": frame("b").model_dump(), "confirmed": True}),
        ("coordination:c", {"frame": {"type": "nonsense"}, "confirmed": False}),
        ("coordination:d", "not a record"),
    ]
    assert [(k, f.ref) for k, f in unconfirmed(entries)] == [("coordination:a", "a")]


async def test_announcing_the_same_work_twice_keeps_one_outbox_entry_and_survives_a_reload(
    tmp_path: Path,
) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text("")
    m = SessionManager(policy_file=policy)
    announce(m, "coordination", "c-abcdef", "done", "Write the cart", "app: done.")
    announce(m, "coordination", "c-abcdef", "failed", "Write the cart", "again")
    [(key, entry)] = records_of(m).outbox.items()
    assert key == "coordination:c-abcdef" and entry["confirmed"] is False
    assert entry["frame"]["outcome"] == "done"
    # A new supervisor (a new manager on the same folder) finds it and sends it again.
    again = SessionManager(policy_file=policy)
    [(_, resent)] = unconfirmed(records_of(again).outbox.items())
    assert resent.request_id == entry["frame"]["request_id"]  # the same request, once more
    assert resend_unconfirmed(again) == 1


def test_the_relay_remembers_announced_work_across_a_reopen_of_its_database(
    tmp_path: Path,
) -> None:
    db = open_database(tmp_path)
    first = AnnouncedWork(db)
    assert first.first_time("work:laptop:coordination:c-1", 100.0)
    assert not first.first_time("work:laptop:coordination:c-1", 101.0)
    db.close()
    db = open_database(tmp_path)
    try:
        assert not AnnouncedWork(db).first_time("work:laptop:coordination:c-1", 102.0)
        assert AnnouncedWork(db).first_time("work:desktop:coordination:c-1", 102.0)
    finally:
        db.close()


def test_the_relay_record_is_bounded_by_age_and_by_count(tmp_path: Path) -> None:
    db = open_database(tmp_path)
    try:
        record = AnnouncedWork(db, keep_seconds=100.0, keep_rows=3)
        for n in range(5):
            assert record.first_time(f"k{n}", float(n))
        assert record.count() == 3  # the two oldest went
        assert record.first_time("k0", 5.0)  # forgotten, so new again
        assert record.first_time("late", 1000.0)
        assert record.count() == 1  # everything older than 100 s went
    finally:
        db.close()


async def test_a_batch_job_running_when_the_supervisor_stopped_is_failed_and_announced(
    tmp_path: Path,
) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text(f'roots = ["{tmp_path}"]\n')
    before = SessionManager(policy_file=policy)
    job = BatchJob(
        job_id="b-run001",
        spec_file=str(tmp_path / "shop.md"),
        priority=0,
        schedule_time=1.0,
        state="running",
        created_at=1.0,
    )
    records_of(before).batch.put(job.job_id, job.model_dump())
    m = SessionManager(policy_file=policy)  # the next supervisor
    batch.start_runner(m)
    try:
        ended = BatchJob.model_validate(records_of(m).batch.get("b-run001"))
        assert ended.state == "failed" and "supervisor restarted" in ended.error
        [(key, entry)] = records_of(m).outbox.items()
        assert key == "batch_job:b-run001" and entry["frame"]["outcome"] == "failed"
        assert entry["frame"]["title"] == "shop"
    finally:
        await batch.stop_runner(m)
