"""The hub core's decisions, event by event: no sockets, no loop, time passed in."""

from __future__ import annotations

import pytest

from server.hub_core import Fail, Fence, HubCore, Refuse, Resolve, Send
from shared.errors import DeliveryUnknown, HostAmbiguous, HostOffline, TimedOut

Core = HubCore[str, str]


def online(*hosts: str, grace: float = 1.5) -> tuple[Core, dict[str, int]]:
    core: Core = HubCore(offline_grace=grace)
    generations = {}
    for host in hosts:
        generations[host], _ = core.connect(host)
        assert core.welcomed(generations[host], 0.0) == []
    return core, generations


def test_a_call_goes_to_its_hosts_live_link_and_its_reply_resolves_it() -> None:
    core, gen = online("studio", "laptop")
    assert core.submit("r1", "status", "studio", 30.0, 0.0) == [Send(gen["studio"], "r1", "status")]
    assert core.in_flight == 1 and core.host_of_call("r1") == "studio"
    assert core.reply(gen["studio"], "r1", "ok") == Resolve("r1", "ok")
    assert core.in_flight == 0 and core.host_of_call("r1") is None


def test_replies_are_matched_by_request_id_not_by_arrival_order() -> None:
    core, gen = online("studio")
    core.submit("a", "first", "studio", 30.0, 0.0)
    core.submit("b", "second", "studio", 30.0, 0.0)
    assert core.reply(gen["studio"], "b", "for b") == Resolve("b", "for b")
    assert core.reply(gen["studio"], "a", "for a") == Resolve("a", "for a")


def test_a_reply_with_an_unknown_id_or_from_another_host_resolves_nothing() -> None:
    core, gen = online("studio", "laptop")
    core.submit("mine", "status", "studio", 30.0, 0.0)
    assert core.reply(gen["studio"], "forged", "x") is None
    assert core.reply(gen["laptop"], "mine", "x") is None  # not the host it was sent to
    assert core.in_flight == 1
    assert core.reply(gen["studio"], "mine", "ok") == Resolve("mine", "ok")
    assert core.reply(gen["studio"], "mine", "again") is None  # a call ends once


def test_a_call_naming_no_host_goes_to_the_only_one_online() -> None:
    core, gen = online("studio")
    assert core.submit("r", "list", None, 30.0, 0.0) == [Send(gen["studio"], "r", "list")]


def test_no_host_online_says_to_start_the_supervisor() -> None:
    core, _ = online()
    [fail] = core.submit("r", "list", None, 30.0, 0.0)
    assert isinstance(fail, Fail) and isinstance(fail.error, HostOffline)
    assert "Start the supervisor" in str(fail.error) and "nothing was sent" in str(fail.error)


def test_several_online_hosts_and_none_named_is_ambiguous_naming_them_all() -> None:
    core, _ = online("studio", "laptop")
    [fail] = core.submit("r", "start", None, 30.0, 0.0)
    assert isinstance(fail, Fail) and isinstance(fail.error, HostAmbiguous)
    assert "'laptop', 'studio'" in str(fail.error) and "host argument" in str(fail.error)


def test_a_host_never_seen_or_offline_past_its_grace_is_refused_with_nothing_sent() -> None:
    core, gen = online("studio", grace=1.0)
    assert core.submit("r1", "list", "nowhere", 30.0, 0.0) == [Refuse("r1", "nowhere")]
    assert core.disconnect(gen["studio"], 10.0) == []
    assert core.tick(11.0) == []  # nothing was waiting
    assert core.submit("r2", "list", "studio", 30.0, 11.0) == [Refuse("r2", "studio")]
    assert core.in_flight == 0


def test_a_call_in_flight_waits_the_grace_then_ends_delivery_unknown_naming_its_id() -> None:
    core, gen = online("studio", grace=1.5)
    core.submit("r9", "send_input", "studio", 3600.0, 0.0)
    assert core.disconnect(gen["studio"], 10.0) == []
    assert core.next_deadline() == 11.5
    assert core.tick(11.4) == []
    [fail] = core.tick(11.5)
    assert isinstance(fail, Fail) and isinstance(fail.error, DeliveryUnknown)
    assert fail.error.request_id == "r9"
    assert "may or may not have run" in str(fail.error) and "check_delivery" in str(fail.error)
    assert "send_input" not in str(fail.error)  # internal command names stay internal
    assert core.in_flight == 0


def test_with_no_grace_a_drop_ends_the_calls_in_flight_at_once() -> None:
    core, gen = online("studio", grace=0.0)
    core.submit("r", "status", "studio", 30.0, 0.0)
    [fail] = core.disconnect(gen["studio"], 1.0)
    assert isinstance(fail, Fail) and isinstance(fail.error, DeliveryUnknown)


def test_a_host_back_inside_the_grace_gets_the_same_call_again_once_welcomed() -> None:
    core, gen = online("studio", grace=1.5)
    core.submit("r1", "send_input", "studio", 30.0, 0.0)
    core.disconnect(gen["studio"], 1.0)
    again, fences = core.connect("studio")
    assert fences == []  # the old link is gone already
    assert core.welcomed(again, 1.2) == [Send(again, "r1", "send_input")]
    assert core.welcomed(again, 1.3) == []  # never twice on the same link
    assert core.tick(5.0) == []  # the grace ended when it came back
    assert core.reply(gen["studio"], "r1", "late") is None  # the dropped link is not heard
    assert core.reply(again, "r1", "ok") == Resolve("r1", "ok")


def test_a_newer_link_fences_the_older_one_and_only_the_newer_is_heard() -> None:
    core, gen = online("studio")
    core.submit("r1", "status", "studio", 30.0, 0.0)
    new, fences = core.connect("studio")
    assert fences == [Fence(gen["studio"], "studio")]
    assert not core.is_live(gen["studio"]) and core.is_live(new)
    assert core.welcomed(new, 0.5) == [Send(new, "r1", "status")]
    assert core.disconnect(gen["studio"], 0.6) == []  # its late end changes nothing
    assert core.reply(gen["studio"], "r1", "from the fenced link") is None
    assert core.generation_of("studio") == new
    assert core.reply(new, "r1", "ok") == Resolve("r1", "ok")


def test_a_call_for_a_host_inside_its_grace_waits_and_is_sent_when_it_returns() -> None:
    core, gen = online("studio", grace=2.0)
    core.disconnect(gen["studio"], 0.0)
    assert core.submit("r", "status", "studio", 30.0, 1.0) == []
    assert core.in_flight == 0 and core.host_of_call("r") is None  # not sent yet
    assert core.reply(gen["studio"], "r", "forged") is None  # nothing can answer it yet
    again, _ = core.connect("studio")
    assert core.welcomed(again, 1.5) == [Send(again, "r", "status")]
    # Its timeout counts from that send.
    assert core.next_deadline() == 31.5


def test_a_call_waiting_for_a_host_that_does_not_return_is_refused_not_unknown() -> None:
    core, gen = online("studio", grace=2.0)
    core.disconnect(gen["studio"], 0.0)
    core.submit("r", "status", "studio", 30.0, 1.0)
    assert core.tick(2.0) == [Refuse("r", "studio")]


def test_a_call_with_no_reply_times_out_saying_it_may_still_run() -> None:
    core, _ = online("studio")
    core.submit("r", "status", "studio", 5.0, 100.0)
    assert core.next_deadline() == 105.0
    assert core.tick(104.9) == []
    [fail] = core.tick(105.0)
    assert isinstance(fail, Fail) and isinstance(fail.error, TimedOut)
    assert "may still run" in str(fail.error) and "check_delivery with request_id r" in str(
        fail.error
    )
    assert core.next_deadline() is None


def test_a_forgotten_call_ends_and_its_late_reply_resolves_nothing() -> None:
    core, gen = online("studio")
    core.submit("r", "status", "studio", 5.0, 0.0)
    core.forget("r")
    assert core.in_flight == 0 and core.next_deadline() is None
    assert core.reply(gen["studio"], "r", "late") is None
    assert core.tick(100.0) == []


def test_a_request_id_already_in_flight_is_a_programming_error() -> None:
    core, _ = online("studio")
    core.submit("r", "status", "studio", 5.0, 0.0)
    with pytest.raises(ValueError, match="fresh request_id"):
        core.submit("r", "status", "studio", 5.0, 0.0)


def test_ended_calls_leave_no_timer_behind() -> None:
    core, gen = online("studio")
    for n in range(100):
        core.submit(f"r{n}", "status", "studio", 30.0, float(n))
        core.reply(gen["studio"], f"r{n}", "ok")
        assert core.next_deadline() is None
