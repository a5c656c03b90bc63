"""Reads served from the relay's own copy while a computer is offline.

Pure over a :class:`server.session_store.SessionStore`: no links, no clock.
:meth:`server.hub.Hub.stored_logs` and :meth:`server.hub.Hub.stored_sessions`
(named by ``shared.backend.Backend``) delegate here.

Contracts:

* :func:`stored_logs` returns ``None`` for a session the store never held. A
  screen read gives the last screen kept, if any; otherwise the newest bytes up
  to ``max_bytes``, as plain text with no character cut in half, or raw from
  ``since`` when ``mode`` is raw.
* :func:`stored_sessions` lists a host's kept sessions; while the host is
  offline, a session not known to have ended says what is known of it instead
  of a stale state.
"""

from __future__ import annotations

from collections.abc import Callable

from server.session_store import SessionStore
from shared.backend import StoredLogs, format_utc
from shared.plain_text import plain_text, whole_characters
from shared.protocol import ReadMode, SessionInfo, SessionState


def stored_logs(
    store: SessionStore,
    session_id: str,
    mode: ReadMode,
    since: int | None,
    max_bytes: int,
    last_seen_of: Callable[[str], float | None],
) -> StoredLogs | None:
    """The relay's own copy of a session's output; ``last_seen_of(host)`` dates its host."""
    kept = store.session(session_id)
    if kept is None:
        return None
    last_seen = last_seen_of(kept.host)
    if mode is ReadMode.SCREEN and kept.screen is not None:
        return StoredLogs(
            host=kept.host,
            last_seen=last_seen,
            text=kept.screen,
            start=kept.output_end,
            end=kept.output_end,
            dropped=0,
            captured_at=kept.screen_at,
        )
    raw = mode is ReadMode.RAW
    read = store.read_output(session_id, since if raw else None, max_bytes)
    data, start, end = read.data, read.start, read.end
    if not raw:
        # No screen was kept: the newest bytes, as text a person can read (no escape
        # sequences, no character cut in half by the max_bytes window).
        head, tail = whole_characters(data)
        data, start, end = data[head : len(data) - tail], start + head, end - tail
    return StoredLogs(
        host=kept.host,
        last_seen=last_seen,
        text=data.decode("utf-8", "replace") if raw else plain_text(data),
        start=start,
        end=end,
        dropped=read.dropped,
        captured_at=kept.updated_at,
    )


def stored_sessions(store: SessionStore, host: str, online: bool) -> list[SessionInfo]:
    """What the relay last knew of a host's sessions.

    For a host that is offline, a session not known to have ended says what is
    known (its output, when it last printed) instead of a stale state such as
    "started; no output yet": its state now is unknown until the host is back.
    """
    infos = []
    for _, kept in sorted(store.sessions(host).items()):
        info = kept.info
        if info is None:
            continue
        if not online and info.state is not SessionState.EXITED:
            printed = (
                f"printed {kept.output_end} bytes, the last at {format_utc(kept.updated_at)}"
                if kept.output_end
                else "printed nothing yet"
            )
            info = info.model_copy(
                update={
                    "state_reason": f"'{host}' is offline: last known as {info.state.value}, "
                    f"it {printed}; its state now is unknown"
                }
            )
        infos.append(info)
    return infos
