"""Which notifications to send, and when: a pure core, with time passed in.

Inputs (from the relay's hub, see ``server/notify/runner.py``): a prompt
appeared, a prompt was answered or went away, a session's state changed, a
host went offline or came back, a host said a coordinated task or a batch job
ended, a queued message was delivered or given up. Outputs: :class:`Notice`
values to send.

Contracts:

* A prompt is held for ``prompt_grace`` seconds before it is due, so a prompt
  answered meanwhile (a hook's auto-approval, the chat) is never announced;
  the runner still confirms it is on screen before sending (:meth:`NotifyCore.due`
  returns candidates, :meth:`NotifyCore.sent` records what went out).
* Each notice has a key (``prompt:<id>``, ``exit:<session>``, ...); a key is
  sent at most once. A prompt resolved after its notice went out yields one
  follow-up notice (``answered``) so the phone knows it no longer waits.
* A session that goes ``working`` -> ``idle`` after at least
  ``min_turn_seconds`` of work yields ``turn_done``; an exit with a non-zero
  code (or a signal) yields ``exited``; a host offline for ``offline_after``
  seconds yields ``host_offline`` once per outage.
* A coordinated task or batch job that ended yields ``work_done`` or
  ``work_failed`` once per ``(host, kind, ref)``; a queued message yields
  ``message_delivered`` or ``message_undelivered`` (expired, failed) once per
  message. Muting the session a message was for silences its receipts.
* Muted hosts and sessions (by id or name) and quiet hours suppress notices
  (they are listed in :attr:`NotifyCore.suppressed` with the reason); follow-ups
  for a notice that was sent are never suppressed.
"""

from __future__ import annotations

from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from shared.protocol import Prompt, SessionInfo, SessionState

KEEP_KEYS = 4096


class NoticeKind(StrEnum):
    PROMPT = "prompt"
    ANSWERED = "answered"
    TURN_DONE = "turn_done"
    EXITED = "exited"
    HOST_OFFLINE = "host_offline"
    WORK_DONE = "work_done"
    WORK_FAILED = "work_failed"
    MESSAGE_DELIVERED = "message_delivered"
    MESSAGE_UNDELIVERED = "message_undelivered"


@dataclass(frozen=True)
class Notice:
    key: str
    kind: NoticeKind
    host: str
    session_id: str | None = None
    session_name: str = ""
    prompt: Prompt | None = None
    detail: str = ""  # exit reason, how a prompt was resolved, a task's summary, ...
    subject: str = ""  # what ended: a task, a spec's name, a queue id


@dataclass(frozen=True)
class QuietHours:
    """Minutes after local midnight; ``start > end`` spans midnight (22:00-07:00)."""

    start: int
    end: int

    @classmethod
    def parse(cls, text: str) -> QuietHours:
        """``"22:00-07:00"``; raises ValueError with what to write instead."""
        try:
            a, b = text.split("-")
            return cls(_minutes(a), _minutes(b))
        except ValueError:
            raise ValueError(
                f"quiet hours {text!r} are not HH:MM-HH:MM; write them like 22:00-07:00"
            ) from None

    def covers(self, minute: int) -> bool:
        if self.start <= self.end:
            return self.start <= minute < self.end
        return minute >= self.start or minute < self.end


def _minutes(hhmm: str) -> int:
    h, m = hhmm.strip().split(":")
    hours, minutes = int(h), int(m)
    if not (0 <= hours < 24 and 0 <= minutes < 60):
        raise ValueError(hhmm)
    return hours * 60 + minutes


@dataclass(frozen=True)
class NotifySettings:
    prompt_grace: float = 1.0
    offline_after: float = 600.0
    min_turn_seconds: float = 5.0
    quiet_hours: QuietHours | None = None
    muted_hosts: frozenset[str] = frozenset()
    muted_sessions: frozenset[str] = frozenset()  # session ids or names


@dataclass
class _Held:
    notice: Notice
    due_at: float


@dataclass
class NotifyCore:
    settings: NotifySettings = field(default_factory=NotifySettings)
    # Local minute of the day for a unix time (injected so tests pick the hour).
    minute_of_day: Callable[[float], int] = lambda t: 0
    suppressed: deque[tuple[Notice, str]] = field(default_factory=lambda: deque(maxlen=256))
    _held: dict[str, _Held] = field(default_factory=dict)
    _sent: OrderedDict[str, Notice] = field(default_factory=OrderedDict)
    _working_since: dict[str, float] = field(default_factory=dict)
    _offline: dict[str, float] = field(default_factory=dict)  # host -> offline since

    # ------------------------------------------------------------ inputs

    def prompt_detected(self, host: str, name: str, prompt: Prompt, now: float) -> None:
        key = f"prompt:{prompt.prompt_id}"
        if key in self._sent or key in self._held:
            return
        notice = Notice(key, NoticeKind.PROMPT, host, prompt.session_id, name, prompt)
        self._held[key] = _Held(notice, now + self.settings.prompt_grace)

    def prompt_resolved(self, prompt_id: str, how: str) -> list[Notice]:
        """The prompt was answered or left the screen: drop it, or follow up once."""
        key = f"prompt:{prompt_id}"
        if self._held.pop(key, None) is not None:
            return []
        sent = self._sent.get(key)
        follow = f"answered:{prompt_id}"
        if sent is None or follow in self._sent:
            return []
        notice = Notice(
            follow,
            NoticeKind.ANSWERED,
            sent.host,
            sent.session_id,
            sent.session_name,
            sent.prompt,
            how,
        )
        self._remember(notice)
        return [notice]

    def session_changed(self, host: str, info: SessionInfo, now: float) -> list[Notice]:
        sid = info.session_id
        if info.state is SessionState.WORKING:
            self._working_since.setdefault(sid, info.state_since)
            return []
        since = self._working_since.pop(sid, None)
        out: list[Notice] = []
        if info.state is SessionState.IDLE and since is not None:
            if info.state_since - since >= self.settings.min_turn_seconds:
                key = f"turn:{sid}:{info.state_since:.3f}"
                out.append(Notice(key, NoticeKind.TURN_DONE, host, sid, info.name))
        if info.state is SessionState.EXITED and info.exit_code not in (0, None):
            out.append(
                Notice(
                    f"exit:{sid}", NoticeKind.EXITED, host, sid, info.name, None, info.state_reason
                )
            )
        return [n for n in out if self._admit(n, now)]

    def work_finished(
        self, host: str, kind: str, ref: str, done: bool, subject: str, detail: str, now: float
    ) -> list[Notice]:
        """A coordinated task or batch job (``kind``) named ``ref`` on ``host`` ended."""
        notice = Notice(
            f"work:{host}:{kind}:{ref}",
            NoticeKind.WORK_DONE if done else NoticeKind.WORK_FAILED,
            host,
            detail=detail,
            subject=subject,
        )
        return [notice] if self._admit(notice, now) else []

    def message_receipt(
        self,
        host: str,
        session_id: str,
        name: str,
        queue_id: str,
        delivered: bool,
        detail: str,
        now: float,
    ) -> list[Notice]:
        """The queued message ``queue_id`` was typed (``delivered``) or given up."""
        kind = NoticeKind.MESSAGE_DELIVERED if delivered else NoticeKind.MESSAGE_UNDELIVERED
        notice = Notice(f"queue:{queue_id}", kind, host, session_id, name, None, detail, queue_id)
        return [notice] if self._admit(notice, now) else []

    def host_offline(self, host: str, now: float) -> None:
        self._offline.setdefault(host, now)

    def host_online(self, host: str) -> None:
        self._offline.pop(host, None)

    # ------------------------------------------------------------ outputs

    def due(self, now: float) -> list[Notice]:
        """Held prompts past their grace and long outages: send after confirming prompts."""
        out: list[Notice] = []
        for key, held in list(self._held.items()):
            if held.due_at <= now:
                del self._held[key]
                if self._admit(held.notice, now):
                    out.append(held.notice)
        for host, since in self._offline.items():
            if now - since >= self.settings.offline_after:
                notice = Notice(f"offline:{host}:{since:.3f}", NoticeKind.HOST_OFFLINE, host)
                if notice.key not in self._sent and self._admit(notice, now):
                    self._remember(notice)
                    out.append(notice)
        return out

    def sent(self, notice: Notice) -> None:
        """``notice`` went out (or was confirmed and is going out now)."""
        self._remember(notice)

    def next_deadline(self) -> float | None:
        times = [h.due_at for h in self._held.values()]
        times += [
            since + self.settings.offline_after
            for host, since in self._offline.items()
            if f"offline:{host}:{since:.3f}" not in self._sent
        ]
        return min(times) if times else None

    # ------------------------------------------------------------ filters

    def _admit(self, notice: Notice, now: float) -> bool:
        if notice.key in self._sent:
            return False
        reason = self._mute_reason(notice, now)
        if reason is not None:
            self.suppressed.append((notice, reason))
            self._remember(notice)  # never later either: a muted notice is not news
            return False
        return True

    def _mute_reason(self, notice: Notice, now: float) -> str | None:
        s = self.settings
        if notice.host in s.muted_hosts:
            return f"host {notice.host} is muted"
        if notice.session_id in s.muted_sessions or (
            notice.session_name and notice.session_name in s.muted_sessions
        ):
            return f"session {notice.session_name or notice.session_id} is muted"
        if s.quiet_hours is not None and s.quiet_hours.covers(self.minute_of_day(now)):
            return "quiet hours"
        return None

    def _remember(self, notice: Notice) -> None:
        self._sent[notice.key] = notice
        while len(self._sent) > KEEP_KEYS:
            self._sent.popitem(last=False)
