"""The hub core under every order of connects, drops, calls, replies and time Hypothesis finds.

A model keeps what must be true (which generation of each host is live, when each
host went offline, where each call was sent) and checks every decision the core
makes against it:

* a call ends exactly once, and nothing names it afterwards;
* a reply is accepted exactly when it comes from the live generation of the call's
  host after the call was sent: never from a fenced or dropped generation;
* a send goes to a live generation of the call's own host, never twice to the same
  one, and a welcomed generation gets every call still waiting for its host;
* ``DeliveryUnknown`` only for a call that was sent, once its host stayed offline for
  the whole grace; ``Refuse`` only for a call never sent; ``TimedOut`` only once
  the timeout counted from the first send ran out;
* a tick before :meth:`HubCore.next_deadline` decides nothing.

At the end every host drops and time runs past every deadline: then every call
submitted has ended.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from hypothesis import settings, strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from server.hub_core import Fail, Fence, HubCore, Refuse, Resolve, Send
from shared.errors import DeliveryUnknown, HostAmbiguous, HostOffline, TimedOut

HOSTS = st.sampled_from(["studio", "laptop"])
STEPS = st.sampled_from([0.0, 0.25, 0.5, 1.0, 2.0, 5.0])


@dataclass
class ModelCall:
    host: str | None  # None until routed
    timeout: float
    sent_on: set[int] = field(default_factory=set)
    first_sent_at: float | None = None
    ended: bool = False


class HubCoreMachine(RuleBasedStateMachine):
    generations = Bundle("generations")
    requests = Bundle("requests")

    def __init__(self) -> None:
        super().__init__()
        self.core: HubCore[str, str] = HubCore(offline_grace=1.0)
        self.grace = 1.0
        self.now = 0.0
        self.live: dict[str, int] = {}  # host -> live generation
        self.host_of_gen: dict[int, str] = {}
        self.offline_since: dict[str, float] = {}  # hosts seen and offline now
        self.calls: dict[str, ModelCall] = {}
        self.issued = 0

    @initialize(grace=st.sampled_from([0.0, 1.0, 2.5]))
    def configure(self, grace: float) -> None:
        self.core = HubCore(offline_grace=grace)
        self.grace = grace

    # ------------------------------------------------------------ checking decisions

    def _send_ok(self, send: Send[str]) -> None:
        call = self.calls[send.request_id]
        assert not call.ended, f"{send.request_id} was sent after it ended"
        assert call.host is not None and self.live.get(call.host) == send.generation
        assert send.generation not in call.sent_on, "sent twice on one generation"
        assert send.command == f"command {send.request_id}"
        call.sent_on.add(send.generation)
        if call.first_sent_at is None:
            call.first_sent_at = self.now

    def _end_ok(self, end: Fail | Refuse | Resolve[str]) -> None:
        call = self.calls[end.request_id]
        assert not call.ended, f"{end.request_id} ended twice"
        call.ended = True
        if isinstance(end, Refuse):
            assert not call.sent_on, "a call that was sent was refused as never sent"
            assert end.host not in self.live
        elif isinstance(end, Fail) and isinstance(end.error, DeliveryUnknown):
            assert call.sent_on and call.host is not None and call.host not in self.live
            assert self.now >= self.offline_since[call.host] + self.grace
            assert end.error.request_id == end.request_id
        elif isinstance(end, Fail) and isinstance(end.error, TimedOut):
            assert call.first_sent_at is not None
            assert self.now >= call.first_sent_at + call.timeout
            assert end.request_id in str(end.error)

    def _apply(self, decisions: Sequence[Send[str] | Fail | Refuse]) -> None:
        for decision in decisions:
            if isinstance(decision, Send):
                self._send_ok(decision)
            else:
                self._end_ok(decision)

    # ------------------------------------------------------------ links

    @rule(target=generations, host=HOSTS)
    def connect(self, host: str) -> int:
        old = self.live.get(host)
        generation, fences = self.core.connect(host)
        assert fences == ([] if old is None else [Fence(old, host)])
        assert generation not in self.host_of_gen
        self.live[host] = generation
        self.host_of_gen[generation] = host
        self.offline_since.pop(host, None)
        return generation

    @rule(generation=generations)
    def welcome(self, generation: int) -> None:
        host = self.host_of_gen[generation]
        expected = (
            {
                rid
                for rid, c in self.calls.items()
                if not c.ended and c.host == host and generation not in c.sent_on
            }
            if self.live.get(host) == generation
            else set()
        )
        sends = self.core.welcomed(generation, self.now)
        assert {s.request_id for s in sends} == expected
        self._apply(sends)

    @rule(generation=generations)
    def drop(self, generation: int) -> None:
        host = self.host_of_gen[generation]
        was_live = self.live.get(host) == generation
        if was_live:
            del self.live[host]
            self.offline_since[host] = self.now
        ends = self.core.disconnect(generation, self.now)
        assert was_live or ends == []
        self._apply(ends)
        if was_live and self.grace <= 0:
            assert all(c.ended for c in self.calls.values() if c.host == host)

    # ------------------------------------------------------------ calls

    @rule(target=requests, host=st.none() | HOSTS, timeout=st.sampled_from([0.5, 1.0, 3.0]))
    def submit(self, host: str | None, timeout: float) -> str:
        self.issued += 1
        rid = f"r{self.issued}"
        routed = host
        if host is None and len(self.live) == 1:
            routed = next(iter(self.live))
        self.calls[rid] = ModelCall(routed, timeout)
        decisions = self.core.submit(rid, f"command {rid}", host, timeout, self.now)
        if host is None and len(self.live) != 1:
            [fail] = decisions
            assert isinstance(fail, Fail)
            assert isinstance(fail.error, HostAmbiguous if self.live else HostOffline)
        elif routed in self.live:
            [send] = decisions
            assert isinstance(send, Send) and send.generation == self.live[routed]
        elif routed in self.offline_since and self.offline_since[routed] + self.grace > self.now:
            assert decisions == []  # waits for its host to come back
        else:
            assert [type(d) for d in decisions] == [Refuse]
        self._apply(decisions)
        return rid

    @rule(generation=generations, rid=requests)
    def reply(self, generation: int, rid: str) -> None:
        call = self.calls[rid]
        host = self.host_of_gen[generation]
        accept = (
            not call.ended
            and self.live.get(host) == generation
            and call.host == host
            and bool(call.sent_on)
        )
        resolved = self.core.reply(generation, rid, f"reply {rid}")
        assert (resolved is not None) == accept, (generation, rid, call)
        if resolved is not None:
            assert resolved == Resolve(rid, f"reply {rid}")
            self._end_ok(resolved)

    @rule(rid=requests)
    def caller_gives_up(self, rid: str) -> None:
        self.core.forget(rid)
        self.calls[rid].ended = True

    @rule(step=STEPS)
    def time_passes(self, step: float) -> None:
        due = self.core.next_deadline()
        self.now += step
        ends = self.core.tick(self.now)
        if due is None or self.now < due:
            assert ends == [], "a tick before the next deadline decided something"
        self._apply(ends)

    @precondition(lambda self: self.core.next_deadline() is not None)
    @rule()
    def time_reaches_the_next_deadline(self) -> None:
        due = self.core.next_deadline()
        assert due is not None and due >= self.now
        self.now = due
        self._apply(self.core.tick(self.now))

    # ------------------------------------------------------------ always

    @invariant()
    def calls_in_flight_are_the_sent_ones_not_ended(self) -> None:
        in_flight = [r for r, c in self.calls.items() if not c.ended and c.sent_on]
        assert self.core.in_flight == len(in_flight)
        for rid in in_flight:
            assert self.core.host_of_call(rid) == self.calls[rid].host

    @invariant()
    def nothing_outlives_its_deadline(self) -> None:
        for rid, call in self.calls.items():
            if call.ended:
                continue
            if call.first_sent_at is not None:
                assert self.now < call.first_sent_at + call.timeout, f"{rid} outlived its timeout"
            if call.host in self.offline_since:
                assert self.now < self.offline_since[call.host] + self.grace, (
                    f"{rid} outlived its host's grace"
                )

    @invariant()
    def every_live_generation_is_the_one_the_model_expects(self) -> None:
        for host in ("studio", "laptop"):
            assert self.core.generation_of(host) == self.live.get(host)
        assert self.core.online() == sorted(self.live)

    def teardown(self) -> None:
        for generation in list(self.live.values()):
            self.drop(generation)
        while (due := self.core.next_deadline()) is not None:
            self.now = max(self.now, due)
            self._apply(self.core.tick(self.now))
        unfinished = [r for r, c in self.calls.items() if not c.ended]
        assert unfinished == [], f"calls that never ended: {unfinished}"


HubCoreMachine.TestCase.settings = settings(max_examples=100, stateful_step_count=50, deadline=None)
test_hub_core_machine = HubCoreMachine.TestCase
