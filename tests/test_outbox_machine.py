"""The outbox under every schedule Hypothesis can make, with a relay model and a lossy link.

An :class:`Outbox` streams several sessions' output to a model relay (one
:class:`OutputReceiver` per session, kept across links, as the relay's store is).
Rules produce output, hand frames out, deliver, drop and duplicate them, deliver
acks and resend requests late, cut the link and welcome a new one (a new
generation; sometimes the relay lost its copy meanwhile), and end sessions. Checked on every
frame and after every step:

* a session's frames within one generation are contiguous: the first starts at the
  welcome's offset, the first after a rewind at the rewind's offset, every other
  where the previous ended (so every byte is sent once per generation between
  rewinds);
* no frame reaches beyond what was produced, and a chunk's bytes are the truth;
* a dropped range names only bytes the bound let go or the relay already held
  (it may have lost them since);
* handing out until None sends everything: every cursor is at its session's end.
"""

from __future__ import annotations

import base64

from hypothesis import event, settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from shared.protocol import Output, OutputDropped
from shared.resume import ChunkAhead, OutputReceiver, ResumeError
from supervisor.outbox import Outbox

SESSIONS = ("session-a", "session-b", "session-c")
WINDOW = 4
MAX_IN_FLIGHT = 64
Frame = Output | OutputDropped
Down = tuple[str, str, int]  # ("ack" | "resend", session_id, offset)


class OutboxMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.outbox = Outbox()
        self.truth: dict[str, bytearray] = {}
        self.relay: dict[str, OutputReceiver] = {}
        self.up: list[Frame] = []
        self.down: list[Down] = []
        self.live = False
        self.expect: dict[str, int] = {}  # where this generation's next frame must start
        self.dropped: dict[str, set[int]] = {}  # offsets the bound let go
        self.released: dict[str, int] = {}  # the highest offset acknowledged so far
        self.finished: set[str] = set()

    @initialize(limit=st.integers(8, 64), chunk_size=st.integers(3, 12))
    def configure(self, limit: int, chunk_size: int) -> None:
        self.outbox = Outbox(limit=limit, chunk_size=chunk_size)
        self._welcome()

    # ------------------------------------------------------------ helpers

    def _receiver(self, sid: str) -> OutputReceiver:
        return self.relay.setdefault(sid, OutputReceiver())

    def _welcome(self) -> None:
        held = {sid: r.end for sid, r in self.relay.items() if r.end}
        generation = self.outbox.generation
        refused = self.outbox.on_welcome(held)
        assert refused == [] and self.outbox.generation == generation + 1
        self.live = True
        self.expect = {}
        for sid in self.truth:
            self.expect[sid] = held.get(sid, 0)
            self.released[sid] = max(self.released.get(sid, 0), held.get(sid, 0))

    def _record_drops(self, sid: str) -> None:
        sender = self.outbox.sender(sid)
        if sender is not None:
            for gap in sender.dropped:
                self.dropped.setdefault(sid, set()).update(range(gap.start, gap.end))

    def _check_frame(self, frame: Frame) -> None:
        sid = frame.session_id
        produced = len(self.truth[sid])
        start = frame.offset if isinstance(frame, Output) else frame.start
        assert start == self.expect.get(sid, 0), (frame, self.expect)
        if isinstance(frame, Output):
            data = base64.b64decode(frame.data)
            end = frame.offset + len(data)
            assert data and end <= produced
            assert data == self.truth[sid][frame.offset : end]
        else:
            event("a dropped range was announced")
            end = frame.end
            assert end <= produced
            lost = self.dropped.get(sid, set())
            held_before = self.released.get(sid, 0)
            assert all(b in lost or b < held_before for b in range(frame.start, frame.end))
        self.expect[sid] = end

    def _push_down(self, item: Down) -> None:
        if self.live and len(self.down) < MAX_IN_FLIGHT:
            self.down.append(item)

    def _arrive(self, frame: Frame) -> None:
        receiver = self._receiver(frame.session_id)
        try:
            if isinstance(frame, Output):
                receiver.receive(frame.offset, base64.b64decode(frame.data))
            else:
                receiver.gap(frame.start, frame.end)
        except ChunkAhead as refused:
            event("a frame ahead of the relay's end was refused")
            self._push_down(("resend", frame.session_id, refused.expected))

    # ------------------------------------------------------------ rules

    @rule(sid=st.sampled_from(SESSIONS), data=st.binary(min_size=1, max_size=20))
    def produce(self, sid: str, data: bytes) -> None:
        if sid in self.finished:
            return
        self.outbox.append(sid, data)
        self.truth.setdefault(sid, bytearray()).extend(data)
        self._record_drops(sid)

    @rule(lost=st.lists(st.booleans(), min_size=1, max_size=6))
    def hand_out(self, lost: list[bool]) -> None:
        """Hand out up to ``len(lost)`` frames; each one marked lost never arrives."""
        for gone in lost:
            frame = self.outbox.next_frame()
            if frame is None:
                return
            assert self.live, "a frame was handed out with no link up"
            self._check_frame(frame)
            if not gone and len(self.up) < MAX_IN_FLIGHT:
                self.up.append(frame)

    @precondition(lambda self: bool(self.up))
    @rule(index=st.integers(0, WINDOW - 1), fate=st.sampled_from(["deliver", "drop", "duplicate"]))
    def uplink(self, index: int, fate: str) -> None:
        i = min(index, len(self.up) - 1)
        if fate == "duplicate":
            self.up.insert(i, self.up[i])
            return
        frame = self.up.pop(i)
        if fate == "deliver":
            self._arrive(frame)

    @rule(sid=st.sampled_from(SESSIONS))
    def relay_acks(self, sid: str) -> None:
        receiver = self.relay.get(sid)
        if receiver is not None and (offset := receiver.take_ack()) is not None:
            self._push_down(("ack", sid, offset))

    @precondition(lambda self: bool(self.down))
    @rule(index=st.integers(0, WINDOW - 1), deliver=st.booleans())
    def downlink(self, index: int, deliver: bool) -> None:
        kind, sid, offset = self.down.pop(min(index, len(self.down) - 1))
        if not deliver:
            return
        if kind == "ack":
            self.outbox.on_ack(sid, offset)
            self.released[sid] = max(self.released.get(sid, 0), offset)
        else:
            event("a resend rewound the cursor")
            self.outbox.on_resend(sid, offset)
            self.released[sid] = max(self.released.get(sid, 0), offset)
            if sid in self.outbox:
                self.expect[sid] = offset

    @rule(
        forget=st.integers(0, 4),
        sid=st.sampled_from(SESSIONS),
        meanwhile=st.binary(max_size=20),
    )
    def reconnect(self, forget: int, sid: str, meanwhile: bytes) -> None:
        """The link drops (what is in flight is lost), output goes on, a new link is
        welcomed; one time in five the relay lost its copy meanwhile."""
        self.outbox.on_link_lost()
        self.live = False
        self.up.clear()
        self.down.clear()
        assert self.outbox.next_frame() is None
        if meanwhile:
            self.produce(sid, meanwhile)
            assert self.outbox.next_frame() is None
        if forget == 0:
            event("the relay lost its copy")
            self.relay = {}
        self._welcome()

    @rule(sid=st.sampled_from(SESSIONS))
    def session_ends(self, sid: str) -> None:
        self.finished.add(sid)
        self.outbox.finish(sid)

    @rule()
    def drain(self) -> None:
        """Deliver what is in flight, then hand out and deliver everything in order,
        answering acks and resends at once: every cursor ends at its session's end. A
        lost last frame is found only by the next link (nothing follows it), so then
        one reconnect brings the relay level with every session still kept."""
        while self.up:
            self._arrive(self.up.pop(0))
        self._deliver_all()
        for sid, truth in self.truth.items():
            sender = self.outbox.sender(sid)
            if sender is not None:
                assert self.outbox.cursor(sid) == sender.produced == len(truth)
        if any(self._receiver(sid).end < len(t) for sid, t in self.truth.items()):
            event("a lost last frame waited for the next link")
            self.outbox.on_link_lost()
            self._welcome()
            self._deliver_all()
        for sid, truth in self.truth.items():
            if self.outbox.sender(sid) is None:
                assert sid in self.finished
            else:
                assert self._receiver(sid).end == len(truth)

    def _deliver_all(self) -> None:
        for _ in range(10_000):
            while self.down:
                kind, sid, offset = self.down.pop(0)
                if kind == "resend" and sid in self.outbox:
                    event("a resend rewound the cursor")
                    self.outbox.on_resend(sid, offset)
                    self.expect[sid] = offset
                elif kind == "ack":
                    self.outbox.on_ack(sid, offset)
                self.released[sid] = max(self.released.get(sid, 0), offset)
            frame = self.outbox.next_frame()
            if frame is None:
                return
            self._check_frame(frame)
            self._arrive(frame)
        raise AssertionError("the outbox never ran dry")

    # ------------------------------------------------------------ invariants

    @invariant()
    def nothing_beyond_what_was_produced(self) -> None:
        for sid, truth in self.truth.items():
            sender = self.outbox.sender(sid)
            if sender is None:
                continue
            assert sender.produced == len(truth)
            assert sender.acked <= sender.base <= sender.produced
            assert sender.buffered <= self.outbox.limit
            cursor = self.outbox.cursor(sid)
            assert cursor is None or cursor <= sender.produced

    @invariant()
    def an_ended_session_is_forgotten_only_once_the_relay_holds_all_of_it(self) -> None:
        for sid in self.finished:
            if sid in self.truth and sid not in self.outbox:
                assert self.released.get(sid, 0) >= len(self.truth[sid])


OutboxMachine.TestCase.settings = settings(max_examples=60, stateful_step_count=50, deadline=None)
test_the_outbox_sends_every_byte_once_per_link_and_resumes_where_the_relay_holds = (
    OutboxMachine.TestCase
)


def test_a_welcome_naming_more_than_was_produced_is_refused_and_adds_nothing() -> None:
    outbox = Outbox()
    outbox.append("s", b"abc")
    [(sid, error)] = outbox.on_welcome({"s": 10})
    assert sid == "s" and isinstance(error, ResumeError)
    assert "reconnect to resync" in str(error)
    assert outbox.next_frame() is None  # the relay's copy is of another stream


def test_sessions_take_turns_one_chunk_each() -> None:
    outbox = Outbox(chunk_size=2)
    outbox.on_welcome({})
    outbox.append("session-a", b"aaaaaa")
    outbox.append("session-b", b"bb")
    sent = []
    while (frame := outbox.next_frame()) is not None:
        assert isinstance(frame, Output)
        sent.append((frame.session_id, frame.offset))
    assert sent == [("session-a", 0), ("session-b", 0), ("session-a", 2), ("session-a", 4)]


def test_listeners_hear_of_new_output_only_while_a_link_is_up() -> None:
    outbox = Outbox()
    woken: list[int] = []
    outbox.add_listener(lambda: woken.append(1))
    outbox.append("s", b"x")
    assert woken == []
    outbox.on_welcome({})
    outbox.append("s", b"y")
    assert len(woken) == 2
    outbox.on_link_lost()
    outbox.append("s", b"z")
    assert len(woken) == 2 and outbox.next_frame() is None
