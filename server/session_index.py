"""Which supervisor holds which session: what the relay learns from their reports.

Pure bookkeeping over the session store: the hub feeds it every report and
reply, and asks it where to route a session's call. A status that did not
change is not written again, so a phone polling a session costs no disk write.
What is stored has well-known secrets masked in its name, command line and
folder (:func:`stored_form`).

Ownership: a session belongs to the host whose supervisor started it, and the
relay learns that only from that supervisor's own answers: its ``hello`` and
``sessions_listed`` (a listing the relay asked for) and ``session_started`` (the
answer to a ``start_session`` the relay sent it). A report or reply that names a
session held by another host, or one never started or listed (``output``,
``output_dropped``, ``session_exited``, ``prompt_detected``, a status), is
dropped and counted in :attr:`SessionIndex.dropped` (logged with the count), so
a paired supervisor can neither take over another computer's session nor fill
the list with invented ids. A listing holds at most :data:`MAX_SESSIONS_PER_HOST`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, ItemsView
from dataclasses import dataclass

from server.session_store import SessionStore
from shared.frames import COMMANDS
from shared.protocol import Command, CommandFrame, Reply, SessionInfo, SessionState
from shared.secret_patterns import mask_argv, mask_secrets

log = logging.getLogger("tether.relay.hub")

MAX_SESSIONS_PER_HOST = 256  # far above any policy's max_sessions; bounds a lying listing
_KEEP_EARLY = 64  # output of sessions whose start answer has not arrived yet, remembered


@dataclass
class KnownSession:
    host: str
    state: SessionState
    info: SessionInfo | None = None  # as last stored


class SessionIndex:
    def __init__(self, store: SessionStore, clock: Callable[[], float]) -> None:
        self.store, self.clock = store, clock
        self._sessions: dict[str, KnownSession] = {}
        self.dropped = 0  # reports and replies refused because the host does not own the session
        # (host, session) pairs whose output came before their start answer: resend it then.
        self._early: dict[tuple[str, str], None] = {}

    def get(self, session_id: str) -> KnownSession | None:
        return self._sessions.get(session_id)

    def host_of(self, session_id: str) -> str | None:
        known = self._sessions.get(session_id)
        return known.host if known is not None else None

    def items(self) -> ItemsView[str, KnownSession]:
        return self._sessions.items()

    def owns(self, host: str, session_id: str, what: str) -> bool:
        """Whether ``host`` may report ``what`` on ``session_id``; counts and logs a refusal."""
        known = self._sessions.get(session_id)
        if known is None:
            kept = self.store.session(session_id)
            if kept is not None and kept.host == host and kept.info is not None:
                known = self._sessions[session_id] = KnownSession(host, kept.info.state, kept.info)
        if known is not None and known.host == host:
            return True
        if known is None and what == "output":
            # A supervisor may print before its start answer is read: ask again then.
            self._early[(host, session_id)] = None
            while len(self._early) > _KEEP_EARLY:
                del self._early[next(iter(self._early))]
        self._refuse(host, session_id, what)
        return False

    def take_early(self, host: str, session_id: str) -> bool:
        """True once if output of this session was dropped before ``host`` owned it."""
        return self._early.pop((host, session_id), 1) is None

    def _refuse(self, host: str, session_id: str, what: str) -> None:
        self.dropped += 1
        if self.dropped > 10 and self.dropped % 1000:
            return  # a flood of them must not flood the log: the first ten, then every 1000th
        log.warning(
            "dropped %s for session %r from %r: that supervisor did not start it "
            "(%d reports dropped so far)",
            what,
            session_id[:80],
            host,
            self.dropped,
        )

    def learn_from_reply(
        self, host: str, reply: Reply, asked: Command | None = None, asked_type: str | None = None
    ) -> None:
        """Record what ``reply`` says about ``host``'s sessions, when it answers a command of
        type ``asked_type`` the relay sent to that host (None: it answers nothing the relay
        asked, so it proves nothing). Only the answer to a command whose spec says
        ``starts_sessions`` (``start_session``, ``create_project``...) may add a session; any
        other reply may only update sessions ``host`` already holds."""
        reported = reply.reported_sessions()
        spec = COMMANDS.get(asked_type or "")
        if reported and (spec is None or not isinstance(reply, spec.reply)):
            self._refuse(host, reported[0].session_id, f"an unrequested {reply.type}")
            return
        if reply.lists_every_session:
            self.learn_host(host, reported)
        else:
            for info in reported:
                if (spec is not None and spec.starts_sessions) or self.owns(
                    host, info.session_id, reply.type
                ):
                    self.learn(host, info)
        screen = reply.whole_screen(asked if isinstance(asked, CommandFrame) else None)
        if screen is not None and self.owns(host, screen[0], reply.type):
            # What the phone will see if the computer goes to sleep next.
            self.store.save_screen(screen[0], mask_secrets(screen[1]), self.clock())

    def learn_host(self, host: str, sessions: list[SessionInfo]) -> None:
        """A full list from ``host`` replaces what the hub knew about it."""
        if len(sessions) > MAX_SESSIONS_PER_HOST:
            self._refuse(host, "*", f"{len(sessions) - MAX_SESSIONS_PER_HOST} listed sessions")
            sessions = sessions[:MAX_SESSIONS_PER_HOST]
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
        """Record ``host``'s own account of a session; one held by another host is refused."""
        known = self._sessions.get(info.session_id)
        if known is not None and known.host == host and known.info == info:
            return  # a status poll of an unchanged session: no store write per call
        current = known.info if known is not None else None
        if known is None:
            kept = self.store.session(info.session_id)
            if kept is not None and kept.host != host:
                known = KnownSession(kept.host, SessionState.STARTING)
            current = kept.info if kept is not None else None
        if known is not None and known.host != host:
            # Session ids are unguessable: a clash is a confused or hostile supervisor.
            self._refuse(host, info.session_id, f"{info.state} (it belongs to {known.host!r})")
            return
        if _older_than_its_end(info, current):
            return  # a first reply replayed after a restart: the session ended since
        self._sessions[info.session_id] = KnownSession(host, info.state, info)
        self.store.save_session(host, stored_form(info), self.clock())


def _older_than_its_end(info: SessionInfo, current: SessionInfo | None) -> bool:
    """``info`` describes a session as live before the moment it was already known to end
    (a supervisor's journal answers a repeated start with the first reply, from before
    the restart that ended it): never let that bring the session back to life."""
    return (
        current is not None
        and current.state is SessionState.EXITED
        and info.state is not SessionState.EXITED
        and info.state_since <= current.state_since
    )


def stored_form(info: SessionInfo) -> SessionInfo:
    """What the relay keeps of a session: its name, command line, folder and reason with
    well-known secrets masked (``shared.secret_patterns``), never verbatim."""
    watch = info.watch  # its stop reason may quote a prompt's question
    if watch is not None:
        watch = watch.model_copy(update={"stopped_reason": mask_secrets(watch.stopped_reason)})
    return info.model_copy(
        update={
            "name": mask_secrets(info.name),
            "command": mask_argv(info.command),
            "cwd": mask_secrets(info.cwd),
            "state_reason": mask_secrets(info.state_reason),
            "watch": watch,
        }
    )
