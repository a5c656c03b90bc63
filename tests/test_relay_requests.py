"""Supervisor -> relay requests: answered by id, re-sent with the same id when the link returns,
and a clear error when no link comes back in time."""

from __future__ import annotations

import asyncio

import pytest

from shared.errors import HostOffline
from shared.frames import UpRequestFrame
from shared.state_frames import StateAnswered, StateRequest
from supervisor.relay_requests import RelayRequests
from tests.support import scaled


def _frame(request_id: str) -> StateRequest:
    return StateRequest(request_id=request_id, op="retrieve", scope="global/t", key="k")


async def test_a_request_sent_while_offline_goes_out_once_the_link_is_up_and_gets_its_answer() -> (
    None
):
    requests = RelayRequests()
    sent: list[UpRequestFrame] = []
    arrived = asyncio.Event()

    async def send(frame: UpRequestFrame) -> None:
        sent.append(frame)
        arrived.set()

    asking = asyncio.create_task(requests.ask(_frame("u-1"), scaled(10)))
    await asyncio.sleep(0)  # noqa: sleep-ok - let ask() start waiting for a link
    for resend in requests.attach(send):
        await resend
    async with asyncio.timeout(scaled(5)):
        await arrived.wait()
    requests.answered(StateAnswered(request_id="u-1", result={"entry": None}))
    answer = await asyncio.wait_for(asking, scaled(5))
    assert [f.request_id for f in sent] == ["u-1"] and answer.request_id == "u-1"


async def test_a_request_unanswered_when_the_link_drops_is_resent_with_the_same_id() -> None:
    requests = RelayRequests()
    first: list[UpRequestFrame] = []
    second: list[UpRequestFrame] = []
    out = asyncio.Event()

    async def send_first(frame: UpRequestFrame) -> None:
        first.append(frame)
        out.set()

    async def send_second(frame: UpRequestFrame) -> None:
        second.append(frame)

    requests.attach(send_first)
    asking = asyncio.create_task(requests.ask(_frame("u-2"), scaled(10)))
    async with asyncio.timeout(scaled(5)):
        await out.wait()
    requests.detach()
    for resend in requests.attach(send_second):
        await resend
    requests.answered(StateAnswered(request_id="u-2"))
    await asyncio.wait_for(asking, scaled(5))
    assert [f.request_id for f in first] == [f.request_id for f in second] == ["u-2"]


async def test_without_a_link_a_request_fails_saying_the_computer_is_not_connected() -> None:
    with pytest.raises(HostOffline, match="not connected to the relay"):
        await RelayRequests().ask(_frame("u-3"), 0.05)
