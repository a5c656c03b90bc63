"""The relay's hub: which supervisor holds which session, pending calls, output copies.

The asyncio runner over :class:`server.hub_core.HubCore`, which decides routing,
fencing, redelivery and every call's end with time passed in (its invariants are
stated there); this module keeps the callers' futures, one timer for the core's
next deadline (event-loop time), the sends, and the session store.

No sockets: a link (``server.link``) attaches each authenticated supervisor
with a :class:`SupervisorLink`, hands every decoded report to
:meth:`Hub.deliver` (and sends back the frames it returns), calls
:meth:`Hub.redeliver` once its ``Welcome`` is out, and :meth:`Hub.detach` when
the socket ends. MCP tools reach supervisors through :meth:`Hub.call` (the
``shared.backend.Backend`` protocol).

Contracts:

* ``call`` routes by ``session_id`` if given, else by ``host``, else to the
  only online host, and raises the ``shared.errors`` tree with messages a
  person can act on.
* Nothing twice, nothing silently lost: when a link drops mid-call the call
  waits ``offline_grace`` seconds for the same computer to reconnect and then
  sends the SAME command (same ``request_id``) again; the supervisor's ledger
  answers a retry from memory, so it never runs twice. If the computer does not
  come back in time the call fails with ``DeliveryUnknown`` naming the request
  id, which :meth:`check_delivery` can look up later (recent calls and ledger
  look-ups: ``server.lookups``; the answers' words: ``server.deliveries``). A
  call routed to a host inside its grace waits for it and is sent once the
  host's ``Welcome`` is out; if the host does not come back it fails with
  ``HostOffline`` (nothing was sent).
* A second attach with the same host name fences the first (``fence`` is
  called on it, anything it still reports is dropped); its pending calls move
  to the new link.
* Output goes to :class:`server.output_copy.OutputCopies`: only unseen bytes
  are stored in the :class:`SessionStore`, acknowledged once stored (batched),
  and a resend is asked for when a chunk starts beyond what is held. The store
  keeps sessions, output and last-seen times across relay restarts, so offline
  hosts and their sessions are still listed and readable (those reads:
  ``server.stored_reads``).
* Replies with an unknown ``request_id`` are logged and dropped.
* A supervisor reports only on sessions it started (``server.session_index``):
  anything else is dropped and counted (``hub.sessions.dropped``).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from pydantic import BaseModel

from server import stored_reads
from server.deliveries import offline_status, status_of, unknown_everywhere
from server.hub_core import Fail, Fence, HubCore, Refuse, Send
from server.lookups import LOOKUP_TIMEOUT, Outcome, RecentRequests
from server.output_copy import OutputCopies
from server.session_index import SessionIndex
from server.session_store import SessionStore
from shared.backend import DeliveryStatus, HostStatus, OutcomeStore, StoredLogs, format_utc
from shared.errors import HostOffline, SessionUnknown
from shared.frames import UpRequestFrame
from shared.protocol import (
    AckOutput,
    Command,
    Heartbeat,
    HeartbeatAcked,
    Hello,
    LookupState,
    Output,
    OutputDropped,
    OutputPosition,
    PromptDetected,
    ReadMode,
    Reply,
    ReplyFrame,
    Report,
    RequestLookedUp,
    ResendOutput,
    SessionChanged,
    SessionExited,
    SessionInfo,
    SessionStarted,
    SessionState,
    UnknownFrame,
    encode,
)

log = logging.getLogger(__name__)

OFFLINE_GRACE = 1.5  # seconds a dropped host may take to come back before calls fail
HOST_SEEN_EVERY = 5.0  # seconds between persisted last-seen updates while a host talks


class SupervisorLink(Protocol):
    """What the hub needs from one supervisor connection."""

    async def send(self, frame: str) -> None:
        """Send one encoded frame; raises if the connection is gone."""

    def fence(self, reason: str) -> None:
        """Close the connection soon (without blocking): a newer one replaced it."""


@dataclass(frozen=True)
class HostLinkChanged:
    """An observer event: a host's link came up or went down."""

    host: str
    online: bool


HubObserver = Callable[[str, "BaseModel | HostLinkChanged"], None]


@dataclass(eq=False)
class Attachment:
    """One live supervisor connection, as the hub knows it (compared by identity).

    ``epoch`` is the link's generation in :class:`server.hub_core.HubCore`."""

    host: str
    link: SupervisorLink
    epoch: int
    live: bool = True


@dataclass
class _Host:
    name: str
    last_seen: float | None = None
    persisted_at: float = 0.0


@dataclass
class Hub:
    """Supervisors by host name, sessions by id, pending calls by request id."""

    clock: Callable[[], float] = time.time
    store: SessionStore = field(default_factory=lambda: SessionStore(":memory:"))
    offline_grace: float = OFFLINE_GRACE
    lookup_timeout: float = LOOKUP_TIMEOUT
    # Durable client_key -> outcome (shared/mcp/keys.py); None keeps no keys (tests).
    client_outcomes: OutcomeStore | None = None
    _hosts: dict[str, _Host] = field(default_factory=dict)
    _index: SessionIndex | None = None
    _recent: RecentRequests = field(default_factory=RecentRequests)
    _copies: OutputCopies | None = None
    # Called with a host's name once it attached and its pending calls were re-sent.
    on_attached: list[Callable[[str], None]] = field(default_factory=list)
    message_queue: Any = None  # server.message_queue.MessageQueue, set by the app
    batch_emails: Any = None  # server.notify.batch_mail.BatchEmails, set by the notifications
    # Called with (host, report) for every report but output and heartbeats, and with
    # HostLinkChanged on attach/detach (server/notify feeds on these). Must not block.
    observers: list[HubObserver] = field(default_factory=list)
    # Serves supervisor -> relay requests (shared state: server/shared_state.py).
    serve_up: Callable[[Attachment, UpRequestFrame], list[BaseModel]] | None = None
    # The runner's state: the core, live links by generation, callers by request id,
    # and the one timer for the core's next deadline (event-loop time).
    _core: HubCore[Command, Reply] = field(init=False)
    _links: dict[int, Attachment] = field(default_factory=dict)
    _waiters: dict[str, asyncio.Future[Reply]] = field(default_factory=dict)
    _timer: asyncio.TimerHandle | None = None
    _timer_at: float = 0.0

    def __post_init__(self) -> None:
        self._core = HubCore(self.offline_grace)

    @property
    def sessions(self) -> SessionIndex:
        """Which host holds which session, learned from what supervisors report."""
        if self._index is None:
            self._index = SessionIndex(self.store, self.clock)
        return self._index

    @property
    def copies(self) -> OutputCopies:
        """Each session's output as the relay holds it (built on first use, over ``store``)."""
        if self._copies is None:
            self._copies = OutputCopies(self.store, self.clock)
        return self._copies

    # ------------------------------------------------------------ link side

    def attach(self, hello: Hello, link: SupervisorLink) -> Attachment:
        """Register an authenticated supervisor; fences an older link of the same host.

        Send ``Welcome(resume=hub.positions(host))`` next, then call :meth:`redeliver`.
        """
        generation, fences = self._core.connect(hello.host)
        attachment = self._links[generation] = Attachment(hello.host, link, generation)
        self._seen(self._host(hello.host), force=True)
        for fence in fences:
            self._fence(fence)
        self.sessions.learn_host(hello.host, hello.sessions)
        self._observe(hello.host, HostLinkChanged(hello.host, True))
        return attachment

    def positions(self, host: str) -> list[OutputPosition]:
        """Where each of ``host``'s sessions' output resumes: the offset the relay holds."""
        return [
            OutputPosition(session_id=sid, offset=self.copies.end(sid))
            for sid in sorted(self.store.sessions(host))
        ]

    async def redeliver(self, attachment: Attachment) -> None:
        """Send calls still waiting for this host again, with the same request ids."""
        sends = self._core.welcomed(attachment.epoch, self._now())
        self._arm()
        for send in sends:
            if self._core.asked(send.request_id, attachment.host) is None:
                continue  # its caller gave up while an earlier one was being sent
            log.info("re-sending %s %s to %r", send.command.type, send.request_id, attachment.host)
            self._recent.remember(
                send.request_id, Outcome(attachment.host, send.command.type, sent_at=time.time())
            )
            try:
                await attachment.link.send(encode(send.command))
            except (OSError, RuntimeError, ConnectionError):
                return  # the link died as well: its detach starts another grace
        for attached in self.on_attached:
            attached(attachment.host)

    def detach(self, attachment: Attachment) -> None:
        """The link ended: mark the host offline; its pending calls wait out the grace."""
        if not attachment.live:
            return
        attachment.live = False
        self._links.pop(attachment.epoch, None)
        ends = self._core.disconnect(attachment.epoch, self._now())
        host = self._hosts[attachment.host]
        self._seen(host, force=True)
        self._settle(ends)
        self._arm()
        self._observe(host.name, HostLinkChanged(host.name, False))

    def deliver(self, attachment: Attachment, report: Report | UnknownFrame) -> list[BaseModel]:
        """Take one decoded report from a link; return the frames to send back on it."""
        if not attachment.live:
            log.info("dropping %s from a fenced link of %r", report.type, attachment.host)
            return []
        host = self._hosts[attachment.host]
        self._seen(host)
        if isinstance(report, ReplyFrame):
            frames = self._resolve(attachment, report)
            self._observe(attachment.host, report)
            return frames
        if isinstance(report, UpRequestFrame):
            return [] if self.serve_up is None else self.serve_up(attachment, report)
        on = _ON_REPORT.get(report.type)
        if on is None:
            log.info("dropping unknown frame type %r from %r", report.type, attachment.host)
            return []
        return on(self, attachment, report)

    # ------------------------------------------------------------ reports (not replies)

    def _on_output(self, attachment: Attachment, report: Output) -> list[BaseModel]:
        if not self.sessions.owns(attachment.host, report.session_id, report.type):
            return []
        return self.copies.output(attachment.host, report)

    def _on_dropped(self, attachment: Attachment, report: OutputDropped) -> list[BaseModel]:
        if not self.sessions.owns(attachment.host, report.session_id, report.type):
            return []
        return self.copies.dropped(attachment.host, report)

    def _on_heartbeat(self, attachment: Attachment, report: Heartbeat) -> list[BaseModel]:
        return [HeartbeatAcked(sent_at=report.sent_at)]

    def _on_session(
        self, attachment: Attachment, report: SessionExited | SessionChanged
    ) -> list[BaseModel]:
        if self.sessions.owns(attachment.host, report.session.session_id, report.type):
            self.sessions.learn(attachment.host, report.session)
            self._observe(attachment.host, report)
        return []

    def _on_prompt(self, attachment: Attachment, report: PromptDetected) -> list[BaseModel]:
        # Counted when refused; only the session's own host may announce its prompts.
        if self.sessions.owns(attachment.host, report.prompt.session_id, report.type):
            self._observe(attachment.host, report)
        return []

    def _on_looked_up(self, attachment: Attachment, report: RequestLookedUp) -> list[BaseModel]:
        self._recent.looked_up(attachment.host, report)
        return []

    def _on_seen(self, attachment: Attachment, report: BaseModel) -> list[BaseModel]:
        return []  # the last-seen time is all a pong tells the hub

    def _on_handshake(self, attachment: Attachment, report: BaseModel) -> list[BaseModel]:
        log.warning("dropping a %s outside the handshake from %r", _type(report), attachment.host)
        return []

    def take_acks(self, attachment: Attachment) -> list[AckOutput]:
        """Acks for every stored byte not yet acknowledged (the link's timer calls this)."""
        if not attachment.live:
            return []
        self._seen(self._hosts[attachment.host])
        mine = [sid for sid, s in self.sessions.items() if s.host == attachment.host]
        return self.copies.take_acks(mine)

    # ------------------------------------------------------------ Backend

    def host_of(self, session_id: str) -> str | None:
        return self.sessions.host_of(session_id)

    async def hosts(self) -> list[HostStatus]:
        """Every host ever seen (this run or, from the store, before), online or not."""
        stored = self.store.sessions()
        names = set(self._hosts) | set(self.store.hosts()) | {s.host for s in stored.values()}
        out = []
        for name in sorted(names):
            host = self._hosts.get(name)
            online = self._core.generation_of(name) is not None
            last_seen = host.last_seen if host is not None else self.store.hosts().get(name)
            mine = {sid: s.state for sid, s in self.sessions.items() if s.host == name}
            for sid, kept in stored.items():
                if kept.host == name and sid not in mine and not online:
                    mine[sid] = kept.info.state if kept.info else SessionState.STARTING
            live = [sid for sid, state in mine.items() if state is not SessionState.EXITED]
            out.append(
                HostStatus(
                    name=name,
                    online=online,
                    last_seen=last_seen,
                    session_count=len(live),
                    sessions=sorted(mine),
                )
            )
        return out

    async def call(
        self,
        command: Command,
        *,
        host: str | None = None,
        session_id: str | None = None,
        timeout: float = 30.0,
    ) -> Reply:
        """Send ``command`` to the right supervisor and wait for its reply."""
        name = self._route(host, session_id)
        request_id = getattr(command, "request_id", None)
        if request_id is None or request_id in self._waiters:
            raise ValueError(f"command needs a fresh request_id, got {request_id!r}")
        loop = asyncio.get_running_loop()
        decisions = self._core.submit(request_id, command, name, timeout, loop.time())
        future: asyncio.Future[Reply] = loop.create_future()
        self._waiters[request_id] = future
        try:
            for decision in decisions:
                if isinstance(decision, Send):
                    await self._send_call(decision)
                else:
                    raise self._error(decision)
            return await future
        finally:
            del self._waiters[request_id]
            self._core.forget(request_id)

    @property
    def pending_count(self) -> int:
        """Calls sent and waiting for a reply now."""
        return self._core.in_flight

    def recent_requests(self) -> list[tuple[str, str, str, bool]]:
        """(request id, host, command type, reply known) of recent calls, oldest first."""
        return self._recent.recent()

    async def check_delivery(self, request_id: str) -> DeliveryStatus:
        """What became of a call that ended "delivery unknown" (or any recent request id)."""
        outcome = self._recent.get(request_id)
        if outcome is not None and outcome.reply is not None:
            return status_of(request_id, LookupState.DONE, outcome.host, outcome.reply)
        running_on = self._core.host_of_call(request_id)
        if running_on is not None:
            return status_of(request_id, LookupState.RUNNING, running_on, None)
        candidates = [outcome.host] if outcome is not None else self._core.online()
        answers: list[DeliveryStatus] = []
        for name in candidates:
            generation = self._core.generation_of(name)
            if generation is None:
                return offline_status(request_id, name, self._last_seen(name))
            link = self._links[generation].link
            answers.append(await self._recent.ask(name, link.send, request_id, self.lookup_timeout))
        for answer in answers:
            if answer.state != "unknown":
                return answer
        return answers[0] if answers else unknown_everywhere(request_id)

    async def stored_logs(
        self, session_id: str, mode: ReadMode, since: int | None, max_bytes: int
    ) -> StoredLogs | None:
        """The relay's own copy of a session's output, for when its computer is offline."""
        return stored_reads.stored_logs(
            self.store, session_id, mode, since, max_bytes, self._last_seen
        )

    async def stored_sessions(self, host: str) -> list[SessionInfo]:
        """What the relay last knew of a host's sessions (see ``server.stored_reads``)."""
        online = self._core.generation_of(host) is not None
        return stored_reads.stored_sessions(self.store, host, online)

    # ------------------------------------------------------------ calls

    async def _send_call(self, send: Send[Command]) -> None:
        attachment = self._links[send.generation]
        self._recent.remember(
            send.request_id, Outcome(attachment.host, send.command.type, sent_at=time.time())
        )
        self._arm()
        try:
            await attachment.link.send(encode(send.command))
        except (OSError, RuntimeError, ConnectionError) as exc:
            # The socket is gone even if its reader has not noticed yet: the
            # usual drop path (grace, then re-send or DeliveryUnknown) decides.
            log.info(
                "sending to %r failed (%r); treating the link as dropped", attachment.host, exc
            )
            self.detach(attachment)

    def _settle(self, ends: list[Fail | Refuse]) -> None:
        """Wake the callers of calls the core ended without a reply."""
        for end in ends:
            future = self._waiters.get(end.request_id)
            if future is not None and not future.done():
                future.set_exception(self._error(end))

    def _error(self, end: Fail | Refuse) -> Exception:
        return end.error if isinstance(end, Fail) else self._offline_error(end.host)

    def _arm(self) -> None:
        """Keep one timer at (or before) the core's next deadline."""
        when = self._core.next_deadline()
        if when is None or (self._timer is not None and self._timer_at <= when):
            return  # an earlier timer is armed: it re-arms when it fires
        if self._timer is not None:
            self._timer.cancel()
        self._timer_at = when
        self._timer = asyncio.get_running_loop().call_at(when, self._on_timer)

    def _on_timer(self) -> None:
        self._timer = None
        # The loop may run a timer up to its clock resolution early: it is due.
        self._settle(self._core.tick(max(self._now(), self._timer_at)))
        self._arm()

    def _route(self, host: str | None, session_id: str | None) -> str | None:
        """The host a call goes to (None: the only online one, chosen by the core)."""
        if session_id is not None:
            session = self.sessions.get(session_id)
            if session is not None:
                return session.host
            kept = self.store.session(session_id)
            if kept is not None:
                return kept.host
            raise SessionUnknown(
                f"No connected computer reports a session '{session_id}'.",
                hint="Call list_sessions to see the current session ids.",
            )
        return host

    def _offline_error(self, name: str) -> HostOffline:
        known = sorted(set(self._hosts) | set(self.store.hosts()))
        if name in known:
            return _offline(name, self._last_seen(name))
        listed = ", ".join(f"'{n}'" for n in known) or "none yet"
        return HostOffline(
            f"No computer named '{name}' has connected to this relay (known: {listed}); "
            "nothing was sent.",
            hint="Check the name with list_sessions, or start the supervisor there.",
        )

    def _resolve(self, attachment: Attachment, reply: Reply) -> list[BaseModel]:
        # Only a command the relay sent to THIS host makes its reply evidence of ownership.
        asked = self._core.asked(reply.request_id, attachment.host)
        outcome = self._recent.get(reply.request_id)
        asked_type = (
            asked.type
            if asked is not None
            else outcome.command_type
            if outcome is not None and outcome.host == attachment.host
            else None
        )
        self.sessions.learn_from_reply(attachment.host, reply, asked, asked_type)
        frames: list[BaseModel] = []
        if isinstance(reply, SessionStarted) and self.sessions.take_early(
            attachment.host, reply.session.session_id
        ):
            sid = reply.session.session_id
            frames.append(ResendOutput(session_id=sid, offset=self.copies.end(sid)))
        if outcome is not None and outcome.host == attachment.host:
            outcome.reply = reply  # kept for check_delivery, even after the caller gave up
        if self._core.reply(attachment.epoch, reply.request_id, reply) is None:
            log.warning(
                "dropping %s for unknown request id %r from %r",
                reply.type,
                reply.request_id,
                attachment.host,
            )
            return frames
        future = self._waiters.get(reply.request_id)
        if future is not None and not future.done():
            future.set_result(reply)
        return frames

    def _observe(self, host: str, event: BaseModel | HostLinkChanged) -> None:
        for observer in list(self.observers):
            try:
                observer(host, event)
            except Exception:
                log.exception("a hub observer failed on %s", type(event).__name__)

    # ------------------------------------------------------------ hosts

    def _host(self, name: str) -> _Host:
        host = self._hosts.get(name)
        if host is None:
            host = self._hosts[name] = _Host(name, last_seen=self.store.hosts().get(name))
        return host

    def _fence(self, fence: Fence) -> None:
        old = self._links.pop(fence.generation, None)
        if old is None:
            return
        log.warning("host %r connected again; fencing its older link", fence.host)
        old.live = False
        old.link.fence(f"replaced by a newer connection for host {fence.host!r}")

    @staticmethod
    def _now() -> float:
        return asyncio.get_running_loop().time()

    def _seen(self, host: _Host, force: bool = False) -> None:
        now = self.clock()
        host.last_seen = now
        if force or now - host.persisted_at >= HOST_SEEN_EVERY:
            host.persisted_at = now
            self.store.host_seen(host.name, now)

    def _last_seen(self, name: str) -> float | None:
        host = self._hosts.get(name)
        if host is not None and host.last_seen is not None:
            return host.last_seen
        return self.store.hosts().get(name)


def _offline(name: str, last_seen: float | None) -> HostOffline:
    return HostOffline(
        f"The computer '{name}' is offline since {format_utc(last_seen)}; "
        "the command was not delivered.",
        hint="Start the supervisor there, or pick another host.",
    )


def _type(frame: BaseModel) -> str:
    return str(getattr(frame, "type", "?"))


# Every report that is not a reply, by type: what the hub does with it.
_ON_REPORT: dict[str, Callable[[Hub, Attachment, Any], list[BaseModel]]] = {
    "output": Hub._on_output,
    "output_dropped": Hub._on_dropped,
    "heartbeat": Hub._on_heartbeat,
    "session_exited": Hub._on_session,
    "session_changed": Hub._on_session,  # both carry the session's state now: learn it
    "request_looked_up": Hub._on_looked_up,
    "prompt_detected": Hub._on_prompt,
    "pong": Hub._on_seen,
    "hello": Hub._on_handshake,
    "challenge_answered": Hub._on_handshake,
}
