"""The reliable link's parts, each on its own: the hub's output copy, retries, look-ups and
restarts (fake links, no sockets), and the supervisor's reaper (real process groups)."""

from __future__ import annotations

import asyncio
import base64
import json
import subprocess
import sys
from pathlib import Path

import pytest

from server.hub import Hub
from server.session_store import SessionStore
from shared.errors import DeliveryUnknown, HostOffline
from shared.protocol import (
    AckOutput,
    GetStatus,
    Heartbeat,
    HeartbeatAcked,
    InputSent,
    LookupRequest,
    LookupState,
    Output,
    OutputDropped,
    OutputPosition,
    ReadMode,
    RequestLookedUp,
    ResendOutput,
    SendInput,
    SessionState,
)
from supervisor.reaper import Reaper, start_time
from tests.hub_support import SID, FakeLink, attach, hello, info
from tests.support import eventually, scaled


def out(offset: int, data: bytes) -> Output:
    return Output(session_id=SID, offset=offset, data=base64.b64encode(data).decode())


# ---------------------------------------------------------------- output copy


async def test_output_is_stored_once_whatever_the_duplicates_and_overlaps() -> None:
    hub = Hub()
    studio, _ = attach(hub, "studio", info())
    for frame in (out(0, b"abc"), out(0, b"abc"), out(1, b"bcdef"), out(3, b"def"), out(6, b"g")):
        hub.deliver(studio, frame)
    assert hub.store.all_output(SID) == b"abcdefg"
    assert hub.take_acks(studio) == [AckOutput(session_id=SID, offset=7)]
    assert hub.take_acks(studio) == []  # nothing new: no second ack


async def test_a_chunk_beyond_the_end_asks_for_a_resend_once_not_per_frame() -> None:
    hub = Hub()
    studio, _ = attach(hub, "studio", info())
    hub.deliver(studio, out(0, b"abc"))
    assert hub.deliver(studio, out(10, b"zzz")) == [ResendOutput(session_id=SID, offset=3)]
    assert hub.deliver(studio, out(13, b"zzz")) == []  # the same ask is in flight
    assert hub.store.all_output(SID) == b"abc"
    hub.deliver(studio, out(3, b"defghijzzzzzz"))
    assert hub.store.all_output(SID) == b"abcdefghijzzzzzz"


async def test_an_announced_loss_is_recorded_exactly_and_output_continues_after_it() -> None:
    hub = Hub()
    studio, _ = attach(hub, "studio", info())
    hub.deliver(studio, out(0, b"abc"))
    hub.deliver(studio, OutputDropped(session_id=SID, start=3, end=100))
    hub.deliver(studio, OutputDropped(session_id=SID, start=3, end=100))  # a duplicate: no-op
    hub.deliver(studio, out(100, b"xyz"))
    kept = hub.store.session(SID)
    assert kept is not None and kept.lost_bytes == 97 and kept.output_end == 103
    assert hub.store.all_output(SID) == b"abcxyz"
    assert hub.take_acks(studio) == [AckOutput(session_id=SID, offset=103)]


async def test_a_supervisor_heartbeat_is_answered() -> None:
    hub = Hub()
    studio, _ = attach(hub, "studio")
    assert hub.deliver(studio, Heartbeat(sent_at=5.0)) == [HeartbeatAcked(sent_at=5.0)]


# ---------------------------------------------------------------- calls across a drop


async def test_a_call_cut_by_a_drop_is_sent_again_with_the_same_id_when_the_host_returns() -> None:
    hub = Hub(offline_grace=scaled(30))
    studio, link = attach(hub, "studio", info())
    call = asyncio.create_task(
        hub.call(SendInput(request_id="r1", session_id=SID, text="hi"), session_id=SID)
    )
    await link.next_command()
    hub.detach(studio)
    assert not call.done()
    again, new_link = attach(hub, "studio", info())
    await hub.redeliver(again)
    resent = await new_link.next_command()
    assert isinstance(resent, SendInput) and resent.request_id == "r1"
    hub.deliver(again, InputSent(request_id="r1", session_id=SID, bytes_written=3))
    assert (await asyncio.wait_for(call, scaled(5))).request_id == "r1"


async def test_a_host_that_does_not_return_fails_the_call_after_the_grace_naming_the_id() -> None:
    hub = Hub(offline_grace=0.05)
    studio, link = attach(hub, "studio", info())
    call = asyncio.create_task(
        hub.call(
            SendInput(request_id="r2", session_id=SID, text="hi"), session_id=SID, timeout=3600
        )
    )
    await link.next_command()
    hub.detach(studio)
    with pytest.raises(DeliveryUnknown) as caught:
        await asyncio.wait_for(call, scaled(5))
    assert caught.value.request_id == "r2" and "check_delivery" in str(caught.value)


async def test_check_delivery_asks_the_returned_host_and_reports_its_one_run() -> None:
    hub = Hub(offline_grace=0.05)
    studio, link = attach(hub, "studio", info())
    call = asyncio.create_task(
        hub.call(SendInput(request_id="r3", session_id=SID, text="x"), session_id=SID)
    )
    await link.next_command()
    hub.detach(studio)
    with pytest.raises(DeliveryUnknown):
        await asyncio.wait_for(call, scaled(5))
    offline = await hub.check_delivery("r3")
    assert offline.state == "unknown" and "offline" in offline.message

    again, new_link = attach(hub, "studio", info())
    check = asyncio.create_task(hub.check_delivery("r3"))
    asked = await new_link.next_command()
    assert asked == LookupRequest(request_id="r3")
    reply = InputSent(request_id="r3", session_id=SID, bytes_written=1)
    hub.deliver(again, RequestLookedUp(request_id="r3", state=LookupState.DONE, reply=reply))
    status = await asyncio.wait_for(check, scaled(5))
    assert status.state == "done" and status.reply == reply.model_dump(mode="json")
    # Now known here: the next look-up does not ask the computer again.
    assert (await hub.check_delivery("r3")).state == "done" and new_link.frames.empty()


async def test_a_late_reply_after_the_caller_gave_up_is_kept_for_check_delivery() -> None:
    hub = Hub()
    studio, link = attach(hub, "studio", info())
    with pytest.raises(Exception, match="did not answer"):
        await hub.call(GetStatus(request_id="slow", session_id=SID), session_id=SID, timeout=0.01)
    await link.next_command()
    hub.deliver(studio, InputSent(request_id="slow", session_id=SID, bytes_written=0))
    assert (await hub.check_delivery("slow")).state == "done"


# ---------------------------------------------------------------- relay restart


async def test_a_restarted_relay_knows_the_offline_host_its_sessions_and_their_output(
    tmp_path: Path,
) -> None:
    first = Hub(store=SessionStore.in_dir(tmp_path), offline_grace=0)
    studio, _ = attach(first, "studio", info())
    first.deliver(studio, out(0, b"line one\r\nline two\r\n"))
    first.detach(studio)
    first.store.close()

    hub = Hub(store=SessionStore.in_dir(tmp_path), offline_grace=0)
    [host] = await hub.hosts()
    assert host.name == "studio" and not host.online and host.last_seen is not None
    assert host.sessions == [SID] and host.session_count == 1
    assert [s.session_id for s in await hub.stored_sessions("studio")] == [SID]
    with pytest.raises(HostOffline, match="'studio' is offline since"):
        await hub.call(GetStatus(request_id="r", session_id=SID), session_id=SID)
    logs = await hub.stored_logs(SID, ReadMode.RAW, 0, 1000)
    assert logs is not None and logs.text == "line one\r\nline two\r\n" and logs.host == "studio"
    # When it comes back, the welcome says where its output resumes.
    attach(hub, "studio", info())
    assert hub.positions("studio") == [OutputPosition(session_id=SID, offset=20)]
    hub.store.close()


async def test_a_session_the_returning_supervisor_no_longer_has_is_shown_ended() -> None:
    hub = Hub(offline_grace=0)
    studio, _ = attach(hub, "studio", info())
    hub.detach(studio)
    hub.attach(hello("studio"), FakeLink())  # a restarted supervisor: no sessions
    kept = hub.store.session(SID)
    assert kept is not None and kept.info is not None
    assert kept.info.state is SessionState.EXITED and "no longer has" in kept.info.state_reason


# ---------------------------------------------------------------- reaper

SLEEP = [sys.executable, "-c", "import time\nwhile True: time.sleep(1)"]  # noqa: sleep-ok - a child that idles


def test_the_reaper_kills_a_recorded_group_left_by_a_dead_run(tmp_path: Path) -> None:
    proc = subprocess.Popen(SLEEP, start_new_session=True)
    try:
        reaper = Reaper(tmp_path)
        reaper.record(info(), proc.pid)
        [ended] = Reaper(tmp_path).reap()
        assert proc.wait(timeout=scaled(10)) < 0  # killed by a signal
        assert ended.session_id == SID and ended.state is SessionState.EXITED
        assert "supervisor restarted" in ended.state_reason
        assert list((tmp_path / "sessions").iterdir()) == []
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_the_reaper_leaves_a_recycled_pid_and_a_live_supervisors_sessions_alone(
    tmp_path: Path,
) -> None:
    proc = subprocess.Popen(SLEEP, start_new_session=True)
    owner = subprocess.Popen(SLEEP, start_new_session=True)
    try:
        reaper = Reaper(tmp_path)
        reaper.record(info(), proc.pid)
        path = tmp_path / "sessions" / f"{SID}.json"
        record = json.loads(path.read_text())
        path.write_text(json.dumps(dict(record, start_time="1")))  # the pid was reused
        assert reaper.reap()[0].state_reason.endswith("had ended")
        assert proc.poll() is None

        reaper.record(info(), proc.pid)
        record = json.loads(path.read_text())
        live_owner = {"owner_pid": owner.pid, "owner_start_time": start_time(owner.pid)}
        path.write_text(json.dumps(dict(record, **live_owner)))
        assert reaper.reap() == [] and proc.poll() is None and path.exists()
    finally:
        for p in (proc, owner):
            p.kill()
            p.wait()


async def test_start_time_says_a_process_is_gone_once_it_exited() -> None:
    proc = await asyncio.create_subprocess_exec(sys.executable, "-c", "pass")
    await proc.wait()
    await eventually(lambda: start_time(proc.pid) is None, 5, "the pid gone")


def test_without_proc_as_on_macos_the_reaper_still_kills_a_recorded_group_leader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("supervisor.reaper.PROC", tmp_path / "no-proc")
    proc = subprocess.Popen(SLEEP, start_new_session=True)
    try:
        Reaper(tmp_path).record(info(), proc.pid)
        [ended] = Reaper(tmp_path).reap()
        assert proc.wait(timeout=scaled(10)) < 0  # killed by a signal
        assert ended.state_reason.startswith("supervisor restarted: the program was stopped")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
