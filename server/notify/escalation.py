"""Escalation with a safe timeout: a pure core, with time passed in.

A prompt notice that nobody answers is sent again after ``repeat_after``
seconds (``repeats`` times per channel), then on the next channel, and so on;
``repeat_after`` after the last send, the session's safe action is due:
leave it waiting, deny it (Esc, or the program's "no" for a yes/no question),
or stop the session. There is no action that approves: :class:`SafeAction`
has no such member, so no configuration can make a timeout say yes.

:meth:`Escalation.resolved` ends a prompt's escalation (answered, gone, its
session exited). The runner records every step it takes in the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from server.notify.events import Notice


class SafeAction(StrEnum):
    LEAVE = "leave"  # keep waiting for the owner
    DENY = "deny"  # Esc, or "no" to a yes/no question
    STOP = "stop"  # stop the session


@dataclass(frozen=True)
class EscalationPolicy:
    channels: int = 1
    repeat_after: float = 300.0
    repeats: int = 1  # extra sends per channel before moving on
    safe_action: SafeAction = SafeAction.LEAVE
    # Per session (by name or id): its own safe action.
    per_session: tuple[tuple[str, SafeAction], ...] = ()

    def action_for(self, notice: Notice) -> SafeAction:
        for who, action in self.per_session:
            if who in (notice.session_name, notice.session_id):
                return action
        return self.safe_action


@dataclass(frozen=True)
class Send:
    notice: Notice
    channel: int
    attempt: int  # 0 for the first send on this channel


@dataclass(frozen=True)
class TakeSafeAction:
    notice: Notice
    action: SafeAction


Step = Send | TakeSafeAction


@dataclass
class _Track:
    notice: Notice
    started: float
    step: int  # index of the next step


@dataclass
class Escalation:
    policy: EscalationPolicy = field(default_factory=EscalationPolicy)
    _tracks: dict[str, _Track] = field(default_factory=dict)

    @property
    def _sends(self) -> int:
        return max(1, self.policy.channels) * (1 + max(0, self.policy.repeats))

    def start(self, notice: Notice, now: float) -> list[Step]:
        """The first send of ``notice`` (channel 0), due now."""
        if notice.key in self._tracks:
            return []
        self._tracks[notice.key] = _Track(notice, now, 0)
        return self.due(now)

    def resolved(self, key: str) -> bool:
        """Stop escalating ``key``; True if it was being escalated."""
        return self._tracks.pop(key, None) is not None

    def due(self, now: float) -> list[Step]:
        out: list[Step] = []
        for key, track in list(self._tracks.items()):
            while key in self._tracks and self._at(track) <= now:
                out.append(self._step(key, track))
        return out

    def next_deadline(self) -> float | None:
        times = [self._at(t) for t in self._tracks.values()]
        return min(times) if times else None

    def _at(self, track: _Track) -> float:
        return track.started + track.step * self.policy.repeat_after

    def _step(self, key: str, track: _Track) -> Step:
        index = track.step
        track.step += 1
        if index >= self._sends:
            del self._tracks[key]
            return TakeSafeAction(track.notice, self.policy.action_for(track.notice))
        per_channel = 1 + max(0, self.policy.repeats)
        return Send(track.notice, index // per_channel, index % per_channel)
