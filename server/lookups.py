"""What the relay remembers of recent calls, and its look-ups of the rest on a supervisor.

No sockets: :class:`server.hub.Hub` records each call it sends
(:meth:`RecentRequests.remember`), stores a reply against it when the same host
answers (:meth:`RecentRequests.answered`), and for ``check_delivery`` asks a
supervisor's ledger (:meth:`RecentRequests.ask`, sending a ``LookupRequest``
through the send function it is given), resolved by :meth:`RecentRequests.looked_up`.

Contracts:

* The newest ``KEEP_OUTCOMES`` request ids are kept, oldest dropped first.
* A reply or look-up answer counts only from the host the call was sent to.
* :meth:`RecentRequests.ask` never raises for a dead link or a slow answer: it
  returns the "did not answer" status (``server.deliveries``).
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from server.deliveries import never_received_status, no_answer_status, status_of
from shared.backend import DeliveryStatus
from shared.protocol import LookupRequest, LookupState, Reply, RequestLookedUp, encode

LOOKUP_TIMEOUT = 5.0
CLOCK_MARGIN = 1.0  # seconds added to the measured clock offset's error bound
KEEP_OUTCOMES = 4096  # request ids remembered for check_delivery


@dataclass
class Outcome:
    """One recent call: where it went, what it was, its reply once known."""

    host: str
    command_type: str
    reply: Reply | None = None
    sent_at: float | None = None  # the relay's clock (time.time) when it was sent


@dataclass
class RecentRequests:
    """Recent calls by request id, and look-ups waiting for a supervisor's answer."""

    _outcomes: OrderedDict[str, Outcome] = field(default_factory=OrderedDict)
    _lookups: dict[str, list[asyncio.Future[RequestLookedUp]]] = field(default_factory=dict)

    def get(self, request_id: str) -> Outcome | None:
        """The call sent with ``request_id``, if it is still remembered."""
        return self._outcomes.get(request_id)

    def remember(self, request_id: str, outcome: Outcome) -> None:
        """Record a call just sent; forgets the oldest beyond ``KEEP_OUTCOMES``.

        A repeat of the same id to the same host keeps the first send time."""
        earlier = self._outcomes.get(request_id)
        if earlier is not None and earlier.host == outcome.host and earlier.sent_at is not None:
            outcome.sent_at = min(earlier.sent_at, outcome.sent_at or earlier.sent_at)
        self._outcomes[request_id] = outcome
        while len(self._outcomes) > KEEP_OUTCOMES:
            self._outcomes.popitem(last=False)

    def recent(self) -> list[tuple[str, str, str, bool]]:
        """(request id, host, command type, reply known) of recent calls, oldest first."""
        return [
            (rid, o.host, o.command_type, o.reply is not None) for rid, o in self._outcomes.items()
        ]

    async def ask(
        self,
        host: str,
        send: Callable[[str], Awaitable[None]],
        request_id: str,
        timeout: float,
    ) -> DeliveryStatus:
        """Ask ``host``'s ledger (through ``send``) what became of ``request_id``.

        "Never received" becomes "not run" only when the relay knows it sent the
        request to ``host`` after the supervisor's journal horizon (placed on the
        relay's clock from the answer's own timestamp, with the look-up's round
        trip and ``CLOCK_MARGIN`` as the error bound).
        """
        future: asyncio.Future[RequestLookedUp] = asyncio.get_running_loop().create_future()
        self._lookups.setdefault(request_id, []).append(future)
        try:
            asked_at = time.time()
            await send(encode(LookupRequest(request_id=request_id)))
            answer = await asyncio.wait_for(asyncio.shield(future), timeout)
            heard_at = time.time()
        except (OSError, RuntimeError, ConnectionError, TimeoutError):
            return no_answer_status(request_id, host)
        finally:
            waiting = self._lookups.get(request_id, [])
            if future in waiting:
                waiting.remove(future)
            if not waiting:
                self._lookups.pop(request_id, None)
        if answer.state is LookupState.NEVER_RECEIVED:
            outcome = self._outcomes.get(request_id)
            sent_at = outcome.sent_at if outcome is not None and outcome.host == host else None
            return never_received_status(
                request_id, host, proves_absence(answer, sent_at, asked_at, heard_at)
            )
        return status_of(request_id, answer.state, host, answer.reply)

    def looked_up(self, host: str, answer: RequestLookedUp) -> None:
        """A supervisor answered a look-up: keep its reply and wake whoever asked."""
        if answer.reply is not None:
            outcome = self._outcomes.get(answer.request_id)
            if outcome is not None and outcome.host == host:
                outcome.reply = answer.reply
        for future in self._lookups.get(answer.request_id, []):
            if not future.done():
                future.set_result(answer)


def proves_absence(
    answer: RequestLookedUp, sent_at: float | None, asked_at: float, heard_at: float
) -> bool:
    """Whether a "never received" answer proves the request never reached its computer (pure).

    ``sent_at``: when the relay sent it (None: the relay does not know, e.g. after
    its own restart). The supervisor's clock read ``answered_at`` somewhere between
    ``asked_at`` and ``heard_at`` on the relay's; its horizon is moved onto the relay's
    clock by that offset, its error bound widened by ``CLOCK_MARGIN``.
    """
    if sent_at is None or answer.complete_since is None or answer.answered_at is None:
        return False
    offset = answer.answered_at - (asked_at + heard_at) / 2
    error = (heard_at - asked_at) / 2 + CLOCK_MARGIN
    return answer.complete_since - offset + error <= sent_at
