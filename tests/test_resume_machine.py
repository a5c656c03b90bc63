"""The resume protocol under every fault Hypothesis can schedule, on an in-memory transport.

A sender and a receiver talk over two faulty channels (supervisor -> relay carries
chunks and gap announcements; relay -> supervisor carries acks and resend requests).
Rules produce output, deliver frames out of order within a window, drop and
duplicate them, cut and restore the link (resuming from the receiver's offset), and
squeeze the sender's bound. Relay requests travel the same way through a
:class:`RequestLedger`. After every step:

* the receiver's bytes are the sender's bytes, except announced gaps, and every gap
  byte is one the sender really dropped;
* no request has run twice, and every reply carries the one result.

At the end a clean drain must leave the receiver exactly level with the sender.
"""

from __future__ import annotations

from typing import TypeVar

from hypothesis import event, settings, strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from shared.resume import (
    Chunk,
    ChunkAhead,
    Fresh,
    Gap,
    InFlight,
    OutputReceiver,
    OutputSender,
    Replay,
    RequestLedger,
)

WINDOW = 4  # how far out of order a frame may be delivered
MAX_IN_FLIGHT = 100  # a full channel drops what is pushed into it, like a lossy link
TTL = 1_000.0  # far beyond the simulated time of a run: the relay never retries that late

Down = tuple[str, int]  # ("ack", offset) or ("resend", offset)
T = TypeVar("T")
FATES = st.sampled_from(["deliver", "drop", "duplicate"])


class ResumeMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.sender = OutputSender()
        self.receiver = OutputReceiver()
        self.produced = bytearray()
        self.timeline = bytearray()  # the receiver's view, gap bytes filled in from the truth
        self.gap_mask = bytearray()  # 1 where the receiver recorded a gap
        self.up: list[Chunk | Gap] = []
        self.down: list[Down] = []
        self.connected = True
        # requests
        self.now = 0.0
        self.ledger: RequestLedger[str] = RequestLedger(ttl=TTL)
        self.issued = 0
        self.requests: list[str] = []  # relay -> supervisor, with retries
        self.replies: list[tuple[str, str]] = []  # supervisor -> relay
        self.running: list[str] = []
        self.runs: dict[str, int] = {}
        self.answered: dict[str, str] = {}

    @initialize(limit=st.integers(8, 96), chunk_size=st.integers(4, 16))
    def configure(self, limit: int, chunk_size: int) -> None:
        self.sender = OutputSender(limit=limit, chunk_size=chunk_size)

    # ------------------------------------------------------------ helpers

    def _push_up(self, item: Chunk | Gap) -> None:
        if self.connected and len(self.up) < MAX_IN_FLIGHT:
            self.up.append(item)

    def _push_down(self, item: Down) -> None:
        if self.connected and len(self.down) < MAX_IN_FLIGHT:
            self.down.append(item)

    def _arrive(self, item: Chunk | Gap) -> None:
        try:
            if isinstance(item, Chunk):
                fresh = self.receiver.receive(item.offset, item.data)
                self.timeline += fresh
                self.gap_mask += bytes(len(fresh))
            else:
                missing = self.receiver.gap(item.start, item.end)
                if missing is not None:
                    event("a gap was recorded")
                    self.timeline += self.produced[missing.start : missing.end]
                    self.gap_mask += b"\x01" * missing.size
        except ChunkAhead as refused:
            event("a frame ahead of the end was refused")
            self._push_down(("resend", refused.expected))

    def _resend(self, offset: int) -> None:
        for item in self.sender.resend_from(offset):
            self._push_up(item)

    @staticmethod
    def _fate(channel: list[T], index: int, fate: str) -> T | None:
        """Apply ``fate`` to the frame ``index`` places from the head (within the window)."""
        i = min(index, len(channel) - 1, WINDOW - 1)
        if fate == "duplicate":
            channel.insert(i, channel[i])
            return None
        item = channel.pop(i)
        return item if fate == "deliver" else None

    # ------------------------------------------------------------ output rules

    @rule(data=st.binary(min_size=1, max_size=24))
    def produce(self, data: bytes) -> None:
        offset = self.sender.append(data)
        self.produced += data
        self._push_up(Chunk(offset, data))

    @precondition(lambda self: self.up)
    @rule(index=st.integers(0, WINDOW - 1), fate=FATES)
    def frame_up(self, index: int, fate: str) -> None:
        item = self._fate(self.up, index, fate)
        if item is not None:
            self._arrive(item)

    @rule(min_bytes=st.integers(1, 32))
    def send_ack(self, min_bytes: int) -> None:
        offset = self.receiver.take_ack(min_bytes)
        if offset is not None:
            self._push_down(("ack", offset))

    @precondition(lambda self: self.down)
    @rule(index=st.integers(0, WINDOW - 1), fate=FATES)
    def frame_down(self, index: int, fate: str) -> None:
        item = self._fate(self.down, index, fate)
        if item is None:
            return
        kind, offset = item
        if kind == "ack":
            self.sender.ack(offset)
        else:
            self._resend(offset)

    @precondition(lambda self: self.connected)
    @rule()
    def disconnect(self) -> None:
        self.connected = False
        self.up.clear()
        self.down.clear()
        self.requests.clear()
        self.replies.clear()

    @precondition(lambda self: not self.connected)
    @rule()
    def reconnect(self) -> None:
        # welcome carries the relay's end offset; the supervisor resends from it
        self.connected = True
        self._resend(self.receiver.end)

    # ------------------------------------------------------------ request rules

    @precondition(lambda self: self.connected)
    @rule()
    def issue_request(self) -> None:
        self.issued += 1
        self.requests.append(f"r{self.issued}")

    @precondition(lambda self: self.connected and self.issued > 0)
    @rule()
    def retry_unanswered_requests(self) -> None:
        # the relay's retry timer: every request without a reply goes out again
        for number in range(1, self.issued + 1):
            if f"r{number}" not in self.answered:
                self.requests.append(f"r{number}")

    @precondition(lambda self: self.requests)
    @rule(index=st.integers(0, WINDOW - 1), fate=FATES)
    def request_frame(self, index: int, fate: str) -> None:
        request_id = self._fate(self.requests, index, fate)
        if request_id is None:
            return
        admission = self.ledger.begin(request_id, self.now, fingerprint="send_input")
        event(f"request admitted as {type(admission).__name__}")
        if isinstance(admission, Fresh):
            self.runs[request_id] = self.runs.get(request_id, 0) + 1
            self.running.append(request_id)
        elif isinstance(admission, Replay):
            self.replies.append((request_id, admission.result))
        else:
            assert isinstance(admission, InFlight)

    @precondition(lambda self: self.running)
    @rule(index=st.integers(0, 8))
    def finish_request(self, index: int) -> None:
        request_id = self.running.pop(index % len(self.running))
        self.ledger.finish(request_id, f"result of {request_id}", self.now)
        if self.connected:
            self.replies.append((request_id, f"result of {request_id}"))

    @precondition(lambda self: self.replies)
    @rule(index=st.integers(0, WINDOW - 1), fate=FATES)
    def reply_frame(self, index: int, fate: str) -> None:
        reply = self._fate(self.replies, index, fate)
        if reply is not None:
            request_id, result = reply
            assert result == f"result of {request_id}"
            self.answered[request_id] = result

    @rule(seconds=st.floats(0.0, 5.0))
    def tick(self, seconds: float) -> None:
        self.now += seconds

    # ------------------------------------------------------------ invariants

    @invariant()
    def receiver_holds_a_prefix_of_the_output_minus_exact_gaps(self) -> None:
        assert len(self.timeline) == self.receiver.end
        assert self.timeline == self.produced[: self.receiver.end]
        dropped = bytearray(len(self.produced))
        for gap in self.sender.dropped:
            dropped[gap.start : gap.end] = b"\x01" * gap.size
        for offset, is_gap in enumerate(self.gap_mask):
            assert not is_gap or dropped[offset], f"byte {offset} announced lost but was kept"
        recorded = bytearray(len(self.gap_mask))
        for gap in self.receiver.gaps:
            recorded[gap.start : gap.end] = b"\x01" * gap.size
        assert recorded == self.gap_mask

    @invariant()
    def offsets_stay_ordered_and_the_buffer_bounded(self) -> None:
        assert self.sender.acked <= self.receiver.end <= self.sender.produced
        assert self.sender.buffered <= self.sender.limit
        assert self.sender.produced == len(self.produced)

    @invariant()
    def no_request_ran_twice(self) -> None:
        assert all(count == 1 for count in self.runs.values())

    def teardown(self) -> None:
        # A clean drain: reconnect, resend from the relay's offset, deliver in order.
        self.up.clear()
        self.down.clear()
        self.connected = True
        self._resend(self.receiver.end)
        while self.up:
            self._arrive(self.up.pop(0))
        assert not self.down, "an in-order resend must never be refused"
        assert self.receiver.end == self.sender.produced
        self.receiver_holds_a_prefix_of_the_output_minus_exact_gaps()
        lost = sum(self.gap_mask)
        assert self.receiver.lost_total == lost <= self.sender.dropped_total


ResumeMachine.TestCase.settings = settings(deadline=None, max_examples=200, stateful_step_count=100)
test_resume_protocol_survives_loss_duplication_reordering_and_reconnects = ResumeMachine.TestCase
