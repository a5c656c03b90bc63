"""The relay's routing core: which supervisor holds which session, and pending calls.

Pure: no sockets. A link (``server.link``) attaches each authenticated
supervisor with a :class:`SupervisorLink` (a ``send`` coroutine and a ``fence``
callback), hands every decoded report to :meth:`Hub.deliver`, and calls
:meth:`Hub.detach` when the socket ends. The MCP tools reach supervisors
through :meth:`Hub.call` (the ``shared.tools.Backend`` protocol).

Contracts:

* ``call`` routes by ``session_id`` if given, else by ``host``, else to the
  only online host, and raises the ``shared.errors`` tree with messages a
  person can act on.
* A link that drops fails its pending calls at once with ``DeliveryUnknown``.
* A second attach with the same host name fences the first: its pending calls
  fail with ``DeliveryUnknown``, ``fence`` is called on it, and anything it
  still reports is dropped.
* Replies with an unknown ``request_id`` are logged and dropped.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from pydantic import BaseModel

from shared.errors import DeliveryUnknown, HostAmbiguous, HostOffline, SessionUnknown, TimedOut
from shared.protocol import (
    Command,
    Hello,
    Output,
    Pong,
    PromptDetected,
    Reply,
    Report,
    SessionExited,
    SessionInfo,
    SessionsListed,
    SessionStarted,
    SessionState,
    SessionStopped,
    StatusRead,
    UnknownFrame,
    encode,
)
from shared.tools import HostStatus, format_utc

log = logging.getLogger(__name__)

FENCED_CLOSE_CODE = 4409  # the WebSocket close code a fenced (replaced) link gets


class SupervisorLink(Protocol):
    """What the hub needs from one supervisor connection."""

    async def send(self, frame: str) -> None:
        """Send one encoded frame; raises if the connection is gone."""

    def fence(self, reason: str) -> None:
        """Close the connection soon (without blocking): a newer one replaced it."""


@dataclass(eq=False)
class Attachment:
    """One live supervisor connection, as the hub knows it (compared by identity)."""

    host: str
    link: SupervisorLink
    epoch: int
    live: bool = True


@dataclass
class _Host:
    name: str
    attachment: Attachment | None = None
    last_seen: float | None = None


@dataclass
class _Pending:
    attachment: Attachment
    command_type: str
    future: asyncio.Future[Reply]


@dataclass
class _Session:
    host: str
    state: SessionState


@dataclass
class Hub:
    """Supervisors by host name, sessions by id, pending calls by request id."""

    clock: Callable[[], float] = time.time
    _hosts: dict[str, _Host] = field(default_factory=dict)
    _sessions: dict[str, _Session] = field(default_factory=dict)
    _pending: dict[str, _Pending] = field(default_factory=dict)
    _epochs: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    # ------------------------------------------------------------ link side

    def attach(self, hello: Hello, link: SupervisorLink) -> Attachment:
        """Register an authenticated supervisor; fences an older link of the same host."""
        host = self._hosts.setdefault(hello.host, _Host(hello.host))
        old = host.attachment
        attachment = Attachment(hello.host, link, next(self._epochs))
        host.attachment = attachment
        host.last_seen = self.clock()
        if old is not None:
            log.warning("host %r connected again; fencing its older link", hello.host)
            self._drop(old, "was replaced by a newer connection from the same computer")
            old.link.fence(f"replaced by a newer connection for host {hello.host!r}")
        self._learn_host_sessions(hello.host, hello.sessions)
        return attachment

    def detach(self, attachment: Attachment) -> None:
        """The link ended: fail its pending calls now, mark the host offline."""
        if not attachment.live:
            return
        host = self._hosts.get(attachment.host)
        if host is not None and host.attachment is attachment:
            host.attachment = None
            host.last_seen = self.clock()
        self._drop(attachment, "dropped")

    def deliver(self, attachment: Attachment, report: Report | UnknownFrame) -> None:
        """Take one decoded report from a live link: replies resolve pending calls."""
        if not attachment.live:
            log.info("dropping %s from a fenced link of %r", report.type, attachment.host)
            return
        host = self._hosts[attachment.host]
        host.last_seen = self.clock()
        if isinstance(report, UnknownFrame):
            log.info("dropping unknown frame type %r from %r", report.type, attachment.host)
        elif isinstance(report, SessionExited):
            self._learn_session(attachment.host, report.session)
        elif isinstance(report, (Output, PromptDetected, Pong)):
            pass  # nothing stored yet: the last-seen time above is all they tell the hub
        elif isinstance(report, Hello):
            log.warning("dropping a second hello from %r", attachment.host)
        else:
            self._resolve(attachment, report)

    # ------------------------------------------------------------ Backend

    async def hosts(self) -> list[HostStatus]:
        """Every host ever seen since start, online or not."""
        out = []
        for host in sorted(self._hosts.values(), key=lambda h: h.name):
            mine = {sid: s for sid, s in self._sessions.items() if s.host == host.name}
            live = [sid for sid, s in mine.items() if s.state is not SessionState.EXITED]
            out.append(
                HostStatus(
                    name=host.name,
                    online=host.attachment is not None,
                    last_seen=host.last_seen,
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
        attachment = self._route(host, session_id)
        request_id = getattr(command, "request_id", None)
        if request_id is None or request_id in self._pending:
            raise ValueError(f"command needs a fresh request_id, got {request_id!r}")
        future: asyncio.Future[Reply] = asyncio.get_running_loop().create_future()
        self._pending[request_id] = _Pending(attachment, command.type, future)
        try:
            return await self._send_and_wait(attachment, command, request_id, future, timeout)
        finally:
            self._pending.pop(request_id, None)

    # ------------------------------------------------------------ internals

    async def _send_and_wait(
        self,
        attachment: Attachment,
        command: BaseModel,
        request_id: str,
        future: asyncio.Future[Reply],
        timeout: float,
    ) -> Reply:
        name = attachment.host
        try:
            await attachment.link.send(encode(command))
        except (OSError, RuntimeError, ConnectionError) as exc:
            if future.done():  # the drop already failed it with the clearer message
                return future.result()
            raise DeliveryUnknown(
                f"Sending to '{name}' failed ({exc.__class__.__name__}); the command may not "
                "have arrived.",
                request_id,
                hint=f"Check with get_session_status or list_sessions before retrying "
                f"(request id {request_id}).",
            ) from None
        try:
            return await asyncio.wait_for(asyncio.shield(future), timeout)
        except TimeoutError:
            raise TimedOut(
                f"'{name}' did not answer within {timeout:g} s; the command may still run there.",
                hint="Check with get_session_status before retrying.",
            ) from None

    def _route(self, host: str | None, session_id: str | None) -> Attachment:
        if session_id is not None:
            session = self._sessions.get(session_id)
            if session is None:
                raise SessionUnknown(
                    f"No connected computer reports a session '{session_id}'.",
                    hint="Call list_sessions to see the current session ids.",
                )
            return self._online(session.host)
        if host is not None:
            return self._online(host)
        online = sorted(h.name for h in self._hosts.values() if h.attachment is not None)
        if not online:
            raise HostOffline(
                "No computer is connected to the relay; nothing was sent.",
                hint="Start the supervisor on your computer (python -m supervisor), then retry.",
            )
        if len(online) > 1:
            names = ", ".join(f"'{n}'" for n in online)
            raise HostAmbiguous(
                f"Several computers are online: {names}; nothing was sent.",
                hint="Say which one with the host argument.",
            )
        return self._online(online[0])

    def _online(self, name: str) -> Attachment:
        host = self._hosts.get(name)
        if host is None:
            known = ", ".join(f"'{n}'" for n in sorted(self._hosts)) or "none yet"
            raise HostOffline(
                f"No computer named '{name}' has connected to this relay (known: {known}); "
                "nothing was sent.",
                hint="Check the name with list_sessions, or start the supervisor there.",
            )
        if host.attachment is None:
            raise HostOffline(
                f"The computer '{name}' is offline since {format_utc(host.last_seen)}; "
                "the command was not delivered.",
                hint="Start the supervisor there, or pick another host.",
            )
        return host.attachment

    def _resolve(self, attachment: Attachment, reply: Reply) -> None:
        self._learn_from_reply(attachment.host, reply)
        pending = self._pending.get(reply.request_id)
        if pending is None or pending.attachment is not attachment:
            log.warning(
                "dropping %s for unknown request id %r from %r",
                reply.type,
                reply.request_id,
                attachment.host,
            )
            return
        if not pending.future.done():
            pending.future.set_result(reply)

    def _learn_from_reply(self, host: str, reply: Reply) -> None:
        if isinstance(reply, SessionsListed):
            self._learn_host_sessions(host, reply.sessions)
        elif isinstance(reply, (SessionStarted, SessionStopped, StatusRead)):
            self._learn_session(host, reply.session)

    def _learn_host_sessions(self, host: str, sessions: list[SessionInfo]) -> None:
        """A full list from ``host`` replaces what the hub knew about it."""
        for sid in [sid for sid, s in self._sessions.items() if s.host == host]:
            del self._sessions[sid]
        for info in sessions:
            self._learn_session(host, info)

    def _learn_session(self, host: str, info: SessionInfo) -> None:
        known = self._sessions.get(info.session_id)
        if known is not None and known.host != host:
            # Session ids are unguessable, so a clash means a confused supervisor: latest wins.
            log.warning("session %s moved from %r to %r", info.session_id, known.host, host)
        self._sessions[info.session_id] = _Session(host, info.state)

    def _drop(self, attachment: Attachment, how: str) -> None:
        attachment.live = False
        for request_id, pending in list(self._pending.items()):
            if pending.attachment is attachment and not pending.future.done():
                pending.future.set_exception(
                    DeliveryUnknown(
                        f"The link to '{attachment.host}' {how} while a {pending.command_type} "
                        "command was in flight; delivery unknown: it may or may not have run.",
                        request_id,
                        hint=f"Check with get_session_status or list_sessions before retrying "
                        f"(request id {request_id}).",
                    )
                )
