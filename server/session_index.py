"""Which supervisor holds which session: what the relay learns from their reports.

Pure bookkeeping over the session store: the hub feeds it every report and
reply, and asks it where to route a session's call. A status that did not
change is not written again, so a phone polling a session costs no disk write.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, ItemsView
from dataclasses import dataclass

from server.session_store import SessionStore
from shared.protocol import Command, CommandFrame, Reply, SessionInfo, SessionState

log = logging.getLogger("tether.relay.hub")


@dataclass
class KnownSession:
    host: str
    state: SessionState
    info: SessionInfo | None = None  # as last stored


class SessionIndex:
    def __init__(self, store: SessionStore, clock: Callable[[], float]) -> None:
        self.store, self.clock = store, clock
        self._sessions: dict[str, KnownSession] = {}

    def get(self, session_id: str) -> KnownSession | None:
        return self._sessions.get(session_id)

    def host_of(self, session_id: str) -> str | None:
        known = self._sessions.get(session_id)
        return known.host if known is not None else None

    def items(self) -> ItemsView[str, KnownSession]:
        return self._sessions.items()

    def own(self, host: str, session_id: str) -> None:
        """``host`` reported output or a prompt of a session the index had not seen yet."""
        if session_id not in self._sessions:
            self._sessions[session_id] = KnownSession(host, SessionState.STARTING)

    def learn_from_reply(self, host: str, reply: Reply, asked: Command | None = None) -> None:
        """Record what ``reply`` (to ``asked``) says about ``host``'s sessions."""
        reported = reply.reported_sessions()
        if reply.lists_every_session:
            self.learn_host(host, reported)
        else:
            for info in reported:
                self.learn(host, info)
        screen = reply.whole_screen(asked if isinstance(asked, CommandFrame) else None)
        if screen is not None:
            # What the phone will see if the computer goes to sleep next.
            self.store.save_screen(screen[0], screen[1], self.clock())

    def learn_host(self, host: str, sessions: list[SessionInfo]) -> None:
        """A full list from ``host`` replaces what the hub knew about it."""
        listed = {info.session_id for info in sessions}
        for sid in [sid for sid, s in self._sessions.items() if s.host == host]:
            del self._sessions[sid]
        now = self.clock()
        for sid, kept in self.store.sessions(host).items():
            info = kept.info
            if sid in listed or info is None or info.state is SessionState.EXITED:
                continue
            # The supervisor no longer has it (it restarted): never show it as live.
            gone = info.model_copy(
                update={
                    "state": SessionState.EXITED,
                    "state_since": now,
                    "state_reason": "the supervisor no longer has this session "
                    "(it restarted or forgot it)",
                }
            )
            self.store.save_session(host, gone, now)
        for info in sessions:
            self.learn(host, info)

    def learn(self, host: str, info: SessionInfo) -> None:
        known = self._sessions.get(info.session_id)
        if known is not None and known.host == host and known.info == info:
            return  # a status poll of an unchanged session: no store write per call
        if known is not None and known.host != host:
            # Session ids are unguessable, so a clash means a confused supervisor: latest wins.
            log.warning("session %s moved from %r to %r", info.session_id, known.host, host)
        self._sessions[info.session_id] = KnownSession(host, info.state, info)
        self.store.save_session(host, info, self.clock())
