"""The hub's pure core: live links by generation, calls in flight, fencing, redelivery, deadlines.

Nothing here awaits, reads a clock or touches a store: every event carries the
time (``now``, in seconds of any monotonic clock the runner picks), and every
event answers with the decisions the runner must carry out. The runner is
``server.hub.Hub`` (futures, one timer for :meth:`HubCore.next_deadline`, the
link sends, the session store); ``tests/test_hub_core*.py`` drive this core
without sockets or waits.

Events in: :meth:`~HubCore.connect` / :meth:`~HubCore.welcomed` /
:meth:`~HubCore.disconnect` of a supervisor link (each link is a *generation*,
numbered from 1 in the order they connect), :meth:`~HubCore.submit` of a call,
:meth:`~HubCore.reply`, :meth:`~HubCore.forget` (the caller gave up) and
:meth:`~HubCore.tick`. Decisions out: :class:`Send` a command on a generation,
:class:`Resolve` a call with its reply, :class:`Fail` it with an error a person
can act on (timed out, delivery unknown, no or several hosts online),
:class:`Refuse` it because its host is offline (nothing was sent), and
:class:`Fence` an older generation.

Invariants (``tests/test_hub_core_machine.py`` checks each one after every step):

* Every submitted call ends exactly once, by :class:`Resolve`, :class:`Fail`,
  :class:`Refuse` or :meth:`~HubCore.forget`; no decision names it afterwards.
* A reply is accepted only from the live generation of the host the call was
  routed to, and only once the call was sent: a fenced or disconnected
  generation's reply never resolves anything.
* A host has at most one live generation. A newer one fences the older
  (exactly one :class:`Fence` per replaced generation).
* A call is sent only on a live generation of its own host, never twice on the
  same generation, always under the same ``request_id``; once a host's new
  generation is welcomed every call still waiting for that host is sent on it.
* Nothing twice, nothing silently lost: a call that was sent and whose host then
  stays offline for the whole grace fails with ``DeliveryUnknown`` naming its
  request id; a call never sent ends with :class:`Refuse` (it certainly did not
  run), never ``DeliveryUnknown``.
* A call's timeout counts from its first send: at ``sent_at + timeout`` it fails
  with ``TimedOut`` (the command may still run: check_delivery).
* :meth:`~HubCore.next_deadline` is the earliest time at which :meth:`~HubCore.tick`
  can change anything; a tick before it decides nothing.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from shared.errors import DeliveryUnknown, HostAmbiguous, HostOffline, TetherError, TimedOut

C = TypeVar("C")  # a command, as the runner sends it
R = TypeVar("R")  # a reply


@dataclass(frozen=True, slots=True)
class Send(Generic[C]):
    """Send ``command`` (its ``request_id``) on the link of ``generation``."""

    generation: int
    request_id: str
    command: C


@dataclass(frozen=True, slots=True)
class Resolve(Generic[R]):
    """The call ``request_id`` ends with ``reply``."""

    request_id: str
    reply: R


@dataclass(frozen=True, slots=True)
class Fail:
    """The call ``request_id`` ends with ``error`` (words for the person reading it)."""

    request_id: str
    error: TetherError


@dataclass(frozen=True, slots=True)
class Refuse:
    """The call ``request_id`` ends unsent: ``host`` is offline or was never seen.

    The runner words the error, since only it knows when ``host`` was last seen."""

    request_id: str
    host: str


@dataclass(frozen=True, slots=True)
class Fence:
    """Close the link of ``generation``: a newer one of the same host replaced it."""

    generation: int
    host: str


@dataclass(slots=True)
class _Host:
    name: str
    generation: int | None = None  # the live one, if any
    grace_until: float | None = None  # set while offline and inside the grace


@dataclass(slots=True)
class _Call(Generic[C]):
    host: str
    command: C
    timeout: float
    sent_on: int | None = None  # the generation it was last sent on
    deadline: float | None = None  # set by the first send


@dataclass
class HubCore(Generic[C, R]):
    """Generations of supervisor links by host, and calls in flight by request id.

    ``offline_grace``: seconds a host that dropped may take to come back before
    its calls end (sent ones as delivery unknown, unsent ones refused).
    """

    offline_grace: float
    _hosts: dict[str, _Host] = field(default_factory=dict)
    _hosts_of: dict[int, str] = field(default_factory=dict)  # live generation -> host
    _calls: dict[str, _Call[C]] = field(default_factory=dict)
    _sent: int = 0  # calls in _calls that were sent at least once
    # (when, tiebreak, request id or "" for a host's grace, host): stale entries are skipped.
    _deadlines: list[tuple[float, int, str, str]] = field(default_factory=list)
    _order: Iterator[int] = field(default_factory=itertools.count)
    _generations: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    # ------------------------------------------------------------ queries

    def is_live(self, generation: int) -> bool:
        """Whether ``generation`` is its host's current, connected link."""
        return generation in self._hosts_of

    def generation_of(self, host: str) -> int | None:
        """``host``'s live generation, or None while it is offline."""
        known = self._hosts.get(host)
        return None if known is None else known.generation

    def online(self) -> list[str]:
        """Hosts with a live link, by name."""
        return sorted(self._hosts_of.values())

    def seen(self, host: str) -> bool:
        """Whether ``host`` connected since this core was made."""
        return host in self._hosts

    def host_of_call(self, request_id: str) -> str | None:
        """The host a call in flight was routed to (None: not in flight, or not sent yet)."""
        call = self._calls.get(request_id)
        return None if call is None or call.sent_on is None else call.host

    def asked(self, request_id: str, host: str) -> C | None:
        """The command sent to ``host`` under ``request_id``, while its call is in flight."""
        call = self._calls.get(request_id)
        if call is None or call.host != host or call.sent_on is None:
            return None
        return call.command

    @property
    def in_flight(self) -> int:
        """Calls sent and not ended yet."""
        return self._sent

    # ------------------------------------------------------------ links

    def connect(self, host: str) -> tuple[int, list[Fence]]:
        """A supervisor of ``host`` authenticated: its new generation, and what to fence.

        Calls waiting for ``host`` are sent once the runner calls :meth:`welcomed`."""
        known = self._hosts.get(host)
        if known is None:
            known = self._hosts[host] = _Host(host)
        generation = next(self._generations)
        fences = []
        if known.generation is not None:
            del self._hosts_of[known.generation]
            fences.append(Fence(known.generation, host))
        known.generation = generation
        known.grace_until = None
        self._hosts_of[generation] = host
        return generation, fences

    def welcomed(self, generation: int, now: float) -> list[Send[C]]:
        """The link's welcome is out: send it every call of its host not yet sent on it."""
        host = self._hosts_of.get(generation)
        if host is None:
            return []
        sends = []
        for request_id, call in self._calls.items():
            if call.host == host and call.sent_on != generation:
                sends.append(self._send(request_id, call, generation, now))
        return sends

    def disconnect(self, generation: int, now: float) -> list[Fail | Refuse]:
        """The link of ``generation`` ended (or a send on it failed); its calls wait the grace."""
        host = self._hosts_of.pop(generation, None)
        if host is None:
            return []  # fenced already, or a second report of the same end
        known = self._hosts[host]
        known.generation = None
        known.grace_until = now + self.offline_grace
        if self.offline_grace <= 0:
            return self._grace_over(known)
        heapq.heappush(self._deadlines, (known.grace_until, next(self._order), "", host))
        return []

    # ------------------------------------------------------------ calls

    def submit(
        self, request_id: str, command: C, host: str | None, timeout: float, now: float
    ) -> list[Send[C] | Fail | Refuse]:
        """A new call for ``host`` (None: the only online host).

        Decides at once (send, or end it) unless ``host`` is inside its grace: then the
        call waits for it to come back (:meth:`welcomed`) or for the grace to end.
        Raises ``ValueError`` for a ``request_id`` already in flight (a caller's bug)."""
        if request_id in self._calls:
            raise ValueError(f"command needs a fresh request_id, got {request_id!r}")
        if host is None:
            online = self.online()
            if len(online) != 1:
                return [Fail(request_id, _none_online() if not online else _several(online))]
            host = online[0]
        known = self._hosts.get(host)
        if known is None:
            return [Refuse(request_id, host)]
        call = self._calls[request_id] = _Call(host, command, timeout)
        if known.generation is not None:
            return [self._send(request_id, call, known.generation, now)]
        if known.grace_until is not None and known.grace_until > now:
            return []  # probably reconnecting: wait for it
        del self._calls[request_id]
        return [Refuse(request_id, host)]

    def reply(self, generation: int, request_id: str, reply: R) -> Resolve[R] | None:
        """A reply arrived on ``generation``: the call it ends, or None if it ends none."""
        host = self._hosts_of.get(generation)
        call = self._calls.get(request_id)
        if host is None or call is None or call.host != host or call.sent_on is None:
            return None
        self._end(request_id)
        return Resolve(request_id, reply)

    def forget(self, request_id: str) -> None:
        """The caller stopped waiting (it was cancelled, or its call ended)."""
        if request_id in self._calls:
            self._end(request_id)

    def tick(self, now: float) -> list[Fail | Refuse]:
        """Time is ``now``: end the calls whose timeout or host's grace ran out."""
        ends: list[Fail | Refuse] = []
        while self._deadlines and self._deadlines[0][0] <= now:
            when, _, request_id, host = heapq.heappop(self._deadlines)
            if request_id:
                call = self._calls.get(request_id)
                if call is not None and call.deadline == when:
                    self._end(request_id)
                    ends.append(Fail(request_id, _timed_out(call.host, request_id, call.timeout)))
            else:
                known = self._hosts[host]
                if known.generation is None and known.grace_until == when:
                    ends.extend(self._grace_over(known))
        return ends

    def next_deadline(self) -> float | None:
        """When :meth:`tick` next has something to decide (None: nothing is timed)."""
        while self._deadlines:
            when, _, request_id, host = self._deadlines[0]
            if request_id:
                call = self._calls.get(request_id)
                if call is not None and call.deadline == when:
                    return when
            else:
                known = self._hosts[host]
                if known.generation is None and known.grace_until == when:
                    return when
            heapq.heappop(self._deadlines)  # stale: the call ended or the host came back
        return None

    # ------------------------------------------------------------ helpers

    def _send(self, request_id: str, call: _Call[C], generation: int, now: float) -> Send[C]:
        if call.sent_on is None:
            self._sent += 1
            call.deadline = now + call.timeout
            heapq.heappush(self._deadlines, (call.deadline, next(self._order), request_id, ""))
        call.sent_on = generation
        return Send(generation, request_id, call.command)

    def _end(self, request_id: str) -> _Call[C]:
        call = self._calls.pop(request_id)
        if call.sent_on is not None:
            self._sent -= 1
        return call

    def _grace_over(self, known: _Host) -> list[Fail | Refuse]:
        known.grace_until = None
        ends: list[Fail | Refuse] = []
        for request_id in [r for r, c in self._calls.items() if c.host == known.name]:
            call = self._end(request_id)
            if call.sent_on is None:
                ends.append(Refuse(request_id, known.name))
            else:
                ends.append(Fail(request_id, _lost(known.name, request_id, self.offline_grace)))
        return ends


# ------------------------------------------------------------ the words


def _none_online() -> HostOffline:
    return HostOffline(
        "No computer is connected to the relay; nothing was sent.",
        hint="Start the supervisor on your computer (python -m supervisor), then retry.",
    )


def _several(online: list[str]) -> HostAmbiguous:
    names = ", ".join(f"'{n}'" for n in online)
    return HostAmbiguous(
        f"Several computers are online: {names}; nothing was sent.",
        hint="Say which one with the host argument.",
    )


def _timed_out(host: str, request_id: str, timeout: float) -> TimedOut:
    return TimedOut(
        f"'{host}' did not answer within {timeout:g} s; the command may still run there "
        f"(request id {request_id}).",
        hint=f"Call check_delivery with request_id {request_id} before retrying.",
    )


def _lost(host: str, request_id: str, grace: float) -> DeliveryUnknown:
    return DeliveryUnknown(
        f"The link to '{host}' dropped while a command was in flight "
        f"and did not come back within "
        f"{grace:g} s; delivery unknown: it may or may not have run "
        f"(request id {request_id}).",
        request_id,
        hint=f"Call check_delivery with request_id {request_id} once "
        f"'{host}' is back online; do not repeat the command before that.",
    )
