"""Class 6: a supervisor reports only on sessions it started (the hub, with fake links)."""

from __future__ import annotations

import asyncio
import base64

from server.hub import Hub
from shared.protocol import (
    Output,
    ResendOutput,
    SessionExited,
    SessionsListed,
    SessionStarted,
    SessionState,
    StartSession,
)
from tests.hub_support import SID, attach, info
from tests.support import scaled


def _output(sid: str, data: bytes = b"hello", offset: int = 0) -> Output:
    return Output(session_id=sid, offset=offset, data=base64.b64encode(data).decode())


async def test_a_supervisor_cannot_end_or_write_into_another_hosts_session() -> None:
    hub = Hub()
    attach(hub, "studio", info())
    laptop, _ = attach(hub, "laptop")
    hub.deliver(laptop, SessionExited(session=info(state=SessionState.EXITED)))
    hub.deliver(laptop, _output(SID, b"forged"))
    assert hub.host_of(SID) == "studio"
    studio_status = {h.name: h for h in await hub.hosts()}["studio"]
    assert studio_status.session_count == 1
    assert hub.store.read_output(SID, 0, 1000).data == b""
    assert hub.sessions.dropped == 2


async def test_a_thousand_invented_session_ids_create_no_listed_session() -> None:
    hub = Hub()
    laptop, _ = attach(hub, "laptop")
    for n in range(1000):
        sid = f"sess-{n:08x}"
        hub.deliver(laptop, _output(sid))
        hub.deliver(laptop, SessionExited(session=info(sid, state=SessionState.EXITED)))
    hub.deliver(laptop, SessionsListed(request_id="never-asked", sessions=[info("sess-ffff")]))
    [status] = await hub.hosts()
    assert status.sessions == [] and hub.store.sessions() == {}
    assert hub.sessions.dropped == 2001


async def test_output_sent_before_the_start_answer_is_asked_for_again() -> None:
    hub = Hub()
    studio, link = attach(hub, "studio")
    call = asyncio.create_task(hub.call(StartSession(request_id="s")))
    await link.next_command()
    assert hub.deliver(studio, _output(SID)) == []
    frames = hub.deliver(studio, SessionStarted(request_id="s", session=info()))
    await asyncio.wait_for(call, scaled(5))
    assert frames == [ResendOutput(session_id=SID, offset=0)]
    hub.deliver(studio, _output(SID))
    assert hub.store.read_output(SID, 0, 1000).data == b"hello"
