"""The hub's runner over its core, with fake links (no sockets).

The decisions themselves (routing, fencing, redelivery, timeouts, the grace) are
tested on the pure core in ``tests/test_hub_core.py`` and its state machine."""

from __future__ import annotations

import asyncio

import pytest

from server.hub import Attachment, Hub
from server.session_store import SessionStore
from shared.errors import DeliveryUnknown, HostOffline, SessionUnknown
from shared.protocol import (
    GetStatus,
    InputSent,
    ListSessions,
    Output,
    OutputRead,
    Prompt,
    PromptDetected,
    PromptKind,
    ReadMode,
    ReadOutput,
    SendInput,
    SessionChanged,
    SessionExited,
    SessionInfo,
    SessionsListed,
    SessionStarted,
    SessionState,
    StartSession,
    StatusRead,
    UnknownFrame,
)
from tests.hub_support import OTHER_SID, SID, Clock, FakeLink, attach, hello, info
from tests.support import scaled


async def test_a_call_routes_by_session_and_returns_the_reply_with_the_same_request_id() -> None:
    hub = Hub()
    _, other_link = attach(hub, "laptop")
    studio, link = attach(hub, "studio", info())
    call = asyncio.create_task(
        hub.call(SendInput(request_id="r1", session_id=SID, text="hi"), session_id=SID)
    )
    command = await link.next_command()
    assert isinstance(command, SendInput) and command.request_id == "r1"
    hub.deliver(studio, InputSent(request_id="r1", session_id=SID, bytes_written=3))
    reply = await asyncio.wait_for(call, scaled(5))
    assert reply == InputSent(request_id="r1", session_id=SID, bytes_written=3)
    assert other_link.frames.empty()


async def test_a_reply_with_an_unknown_request_id_is_dropped_and_the_call_still_waits() -> None:
    hub = Hub()
    studio, link = attach(hub, "studio", info())
    call = asyncio.create_task(
        hub.call(GetStatus(request_id="mine", session_id=SID), session_id=SID)
    )
    await link.next_command()
    hub.deliver(studio, InputSent(request_id="forged", session_id=SID, bytes_written=1))
    hub.deliver(studio, UnknownFrame(type="from_the_future", raw={}))
    assert not call.done()
    hub.deliver(studio, InputSent(request_id="mine", session_id=SID, bytes_written=1))
    assert (await asyncio.wait_for(call, scaled(5))).request_id == "mine"


async def test_an_offline_host_error_names_the_host_and_when_it_was_last_seen() -> None:
    clock = Clock()
    hub = Hub(clock=clock, offline_grace=0)
    studio, _ = attach(hub, "studio", info())
    clock.now += 60
    hub.detach(studio)
    with pytest.raises(HostOffline) as caught:
        await hub.call(SendInput(request_id="r", session_id=SID, text="hi"), session_id=SID)
    assert "'studio' is offline since 22:14 UTC" in str(caught.value) or (
        "'studio' is offline since 2023-11-14 22:14 UTC" in str(caught.value)
    )
    assert "not delivered" in str(caught.value)
    assert "Start the supervisor there" in str(caught.value)


async def test_the_only_online_host_gets_a_call_that_names_no_host() -> None:
    hub = Hub()
    gone, _ = attach(hub, "old-box")
    hub.detach(gone)
    studio, link = attach(hub, "studio")
    call = asyncio.create_task(hub.call(ListSessions(request_id="r")))
    assert isinstance(await link.next_command(), ListSessions)
    hub.deliver(studio, SessionsListed(request_id="r", sessions=[info()]))
    assert isinstance(await asyncio.wait_for(call, scaled(5)), SessionsListed)


async def test_an_unknown_session_says_to_list_sessions() -> None:
    hub = Hub()
    attach(hub, "studio", info())
    with pytest.raises(SessionUnknown, match="list_sessions"):
        await hub.call(GetStatus(request_id="r", session_id=OTHER_SID), session_id=OTHER_SID)


async def test_a_host_never_seen_is_offline_and_the_error_lists_the_known_ones() -> None:
    hub = Hub()
    attach(hub, "studio")
    with pytest.raises(HostOffline, match="'nowhere'.*known: 'studio'"):
        await hub.call(ListSessions(request_id="r"), host="nowhere")


async def test_a_second_connection_for_the_same_host_fences_the_first_and_takes_its_calls() -> None:
    hub = Hub()
    old, old_link = attach(hub, "studio", info())
    call = asyncio.create_task(
        hub.call(GetStatus(request_id="r1", session_id=SID), session_id=SID, timeout=3600)
    )
    await old_link.next_command()
    new, new_link = attach(hub, "studio", info())
    assert old_link.fenced is not None and "replaced" in old_link.fenced
    await hub.redeliver(new)
    # The call in flight is sent again on the new link, with the same request id.
    again = await new_link.next_command()
    assert isinstance(again, GetStatus) and again.request_id == "r1"
    # The fenced link's late detach and late replies change nothing for the new one.
    hub.detach(old)
    hub.deliver(old, InputSent(request_id="r1", session_id=SID, bytes_written=9))
    hub.deliver(old, SessionExited(session=info(state=SessionState.EXITED)))
    hub.deliver(new, InputSent(request_id="r1", session_id=SID, bytes_written=0))
    assert (await asyncio.wait_for(call, scaled(5))) == InputSent(
        request_id="r1", session_id=SID, bytes_written=0
    )
    [status] = await hub.hosts()
    assert status.online and status.session_count == 1


async def test_a_call_for_a_host_inside_its_grace_is_sent_once_the_host_is_welcomed() -> None:
    hub = Hub(offline_grace=scaled(30))
    studio, _ = attach(hub, "studio", info())
    hub.detach(studio)
    call = asyncio.create_task(hub.call(GetStatus(request_id="w", session_id=SID), session_id=SID))
    await asyncio.sleep(0)  # noqa: sleep-ok - one loop turn: the call reaches the hub and waits
    assert not call.done() and hub.pending_count == 0  # waiting, not sent
    again, link = attach(hub, "studio", info())
    assert link.frames.empty()  # the welcome goes first
    await hub.redeliver(again)
    sent = await link.next_command()
    assert isinstance(sent, GetStatus) and sent.request_id == "w"
    hub.deliver(again, StatusRead(request_id="w", session=info()))
    assert (await asyncio.wait_for(call, scaled(5))).request_id == "w"


async def test_a_send_that_fails_is_delivery_unknown() -> None:
    hub = Hub(offline_grace=0)  # the grace itself: tests/test_hub_core.py
    hub.attach(hello("studio", info()), FakeLink(fail_send=True))
    with pytest.raises(DeliveryUnknown):
        await hub.call(GetStatus(request_id="r", session_id=SID), session_id=SID)


async def test_sessions_are_learned_from_starts_lists_and_exits() -> None:
    hub = Hub()
    studio, link = attach(hub, "studio")
    call = asyncio.create_task(hub.call(StartSession(request_id="s")))
    await link.next_command()
    hub.deliver(studio, SessionStarted(request_id="s", session=info()))
    await asyncio.wait_for(call, scaled(5))
    [status] = await hub.hosts()
    assert status.sessions == [SID] and status.session_count == 1

    hub.deliver(studio, SessionExited(session=info(state=SessionState.EXITED)))
    [status] = await hub.hosts()
    assert status.sessions == [SID] and status.session_count == 0

    listing = asyncio.create_task(hub.call(ListSessions(request_id="l")))
    await link.next_command()
    hub.deliver(studio, SessionsListed(request_id="l", sessions=[info(OTHER_SID)]))
    await asyncio.wait_for(listing, scaled(5))
    [status] = await hub.hosts()
    assert status.sessions == [OTHER_SID]


async def test_hosts_lists_offline_hosts_with_their_last_seen_time() -> None:
    clock = Clock()
    hub = Hub(clock=clock)
    studio, _ = attach(hub, "studio", info())
    attach(hub, "laptop")
    clock.now += 5
    hub.detach(studio)
    by_name = {h.name: h for h in await hub.hosts()}
    assert by_name["studio"].online is False and by_name["studio"].last_seen == clock.now
    assert by_name["laptop"].online is True


class CountingStore(SessionStore):
    def __init__(self) -> None:
        super().__init__(":memory:")
        self.session_writes = 0
        self.screens: list[str] = []

    def save_session(self, host: str, info: SessionInfo, now: float) -> None:
        self.session_writes += 1
        super().save_session(host, info, now)

    def save_screen(self, session_id: str, text: str, now: float) -> None:
        self.screens.append(text)
        super().save_screen(session_id, text, now)


async def _answered(
    hub: Hub, link: FakeLink, studio: Attachment, command: object, reply: object
) -> None:
    call = asyncio.create_task(hub.call(command, session_id=SID))  # type: ignore[arg-type]
    await link.next_command()
    hub.deliver(studio, reply)  # type: ignore[arg-type]
    await asyncio.wait_for(call, scaled(5))


async def test_polling_an_unchanged_session_writes_its_status_to_the_store_only_once() -> None:
    store = CountingStore()
    hub = Hub(store=store)
    studio, link = attach(hub, "studio", info())
    before = store.session_writes
    for n in range(5):
        await _answered(
            hub,
            link,
            studio,
            GetStatus(request_id=f"s{n}", session_id=SID),
            StatusRead(request_id=f"s{n}", session=info()),
        )
    assert store.session_writes == before  # the hello already stored exactly this status
    await _answered(
        hub,
        link,
        studio,
        GetStatus(request_id="idle", session_id=SID),
        StatusRead(request_id="idle", session=info(state=SessionState.IDLE)),
    )
    assert store.session_writes == before + 1
    assert hub.host_of(SID) == "studio" and hub.host_of("sess-unknown1") is None


async def test_a_whole_text_read_refreshes_the_offline_copy_and_a_cursor_read_does_not() -> None:
    store = CountingStore()
    hub = Hub(store=store)
    studio, link = attach(hub, "studio", info())

    def read(rid: str, cursor: str | None, text: str) -> tuple[ReadOutput, OutputRead]:
        return (
            ReadOutput(request_id=rid, session_id=SID, mode=ReadMode.TEXT, cursor=cursor),
            OutputRead(
                request_id=rid,
                session_id=SID,
                mode=ReadMode.TEXT,
                text=text,
                start=0,
                end=10,
                next_cursor="13.ab",
            ),
        )

    await _answered(hub, link, studio, *read("whole", None, "the whole screen"))
    await _answered(hub, link, studio, *read("since", "12.ab", "only a new line"))
    assert store.screens == ["the whole screen"]


async def test_observers_hear_prompts_session_changes_replies_and_links_but_not_output() -> None:
    hub = Hub(offline_grace=0)
    heard: list[tuple[str, str]] = []
    hub.observers.append(lambda host, event: heard.append((host, type(event).__name__)))
    studio, _ = attach(hub, "studio", info())
    prompt = Prompt(
        prompt_id=f"{SID}:p1",
        session_id=SID,
        kind=PromptKind.YES_NO,
        question="Continue? [y/N]",
        source="screen_rule:generic.yes_no",
        confidence=0.9,
        detected_at=1.0,
    )
    hub.deliver(studio, Output(session_id=SID, offset=0, data="aGk="))
    hub.deliver(studio, PromptDetected(prompt=prompt))
    hub.deliver(studio, SessionChanged(session=info(state=SessionState.IDLE), prompt_id=None))
    hub.deliver(studio, InputSent(request_id="unknown-id", session_id=SID, bytes_written=1))
    hub.detach(studio)
    assert [name for _, name in heard] == [
        "HostLinkChanged",
        "PromptDetected",
        "SessionChanged",
        "InputSent",
        "HostLinkChanged",
    ]
    known = hub.sessions.get(SID)
    assert known is not None and known.state is SessionState.IDLE
