"""Notification settings: ``TETHER_NOTIFY`` and ``<data dir>/notify.toml``. Pure apart from reading.

``TETHER_NOTIFY`` holds one or more Apprise URLs separated by spaces or commas
(``ntfys://ntfy.sh/my-topic``, ``mailto://...``, ``tgram://...``); the file
``notify.toml`` in the relay's data directory (or ``TETHER_NOTIFY_CONFIG``)
holds the same and the rest::

    urls = ["ntfys://ntfy.sh/my-topic", "mailto://me:app-password@gmail.com"]
    prompt_grace = 1.0        # seconds a prompt must stay before it is announced
    offline_after = 600       # seconds offline before "host offline"
    quiet_hours = "22:00-07:00"
    mute_hosts = ["desktop"]
    mute_sessions = ["scratch"]
    repeat_after = 300        # escalation: seconds between sends
    repeats = 1               # extra sends per URL before the next URL
    safe_action = "leave"     # after the last send: leave, deny or stop
    link_ttl = 900            # seconds an answer link stays valid
    [safe_actions]
    deploy = "stop"           # per session name

The environment's URLs, when set, replace the file's. URLs are escalation
steps in order: the first gets every notification, the next ones only when
nobody answered. Every problem raises :class:`NotifyConfigError` saying what to fix.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from server.notify.escalation import EscalationPolicy, SafeAction
from server.notify.events import NotifySettings, QuietHours
from server.notify.links import LINK_TTL
from shared.errors import TetherError

NOTIFY_ENV = "TETHER_NOTIFY"
NOTIFY_CONFIG_ENV = "TETHER_NOTIFY_CONFIG"
_KEYS = {
    "urls",
    "prompt_grace",
    "offline_after",
    "min_turn_seconds",
    "quiet_hours",
    "mute_hosts",
    "mute_sessions",
    "repeat_after",
    "repeats",
    "safe_action",
    "safe_actions",
    "link_ttl",
}


class NotifyConfigError(TetherError):
    """The notification settings are wrong; the message says what to change."""


@dataclass(frozen=True)
class NotifyConfig:
    urls: tuple[str, ...] = ()
    settings: NotifySettings = field(default_factory=NotifySettings)
    escalation: EscalationPolicy = field(default_factory=EscalationPolicy)
    link_ttl: float = LINK_TTL
    source: str = "defaults"


def split_urls(text: str) -> tuple[str, ...]:
    return tuple(u for u in re.split(r"[\s,]+", text.strip()) if u)


def load_notify_config(data_dir: Path, env: Mapping[str, str] | None = None) -> NotifyConfig:
    env = os.environ if env is None else env
    path = Path(env.get(NOTIFY_CONFIG_ENV) or data_dir / "notify.toml")
    data: dict[str, Any] = {}
    source = "defaults"
    if path.exists():
        try:
            data = tomllib.loads(path.read_text())
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise NotifyConfigError(f"{path} cannot be read: {exc}. Fix the file.") from None
        source = str(path)
    elif NOTIFY_CONFIG_ENV in env:
        raise NotifyConfigError(f"{NOTIFY_CONFIG_ENV} names {path}, which does not exist.")
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise NotifyConfigError(
            f"{path} has unknown keys {', '.join(unknown)}; use only {', '.join(sorted(_KEYS))}."
        )
    urls = tuple(str(u) for u in data.get("urls", ()))
    if env.get(NOTIFY_ENV):
        urls, source = split_urls(env[NOTIFY_ENV]), NOTIFY_ENV
    try:
        quiet = data.get("quiet_hours")
        settings = NotifySettings(
            prompt_grace=float(data.get("prompt_grace", 1.0)),
            offline_after=float(data.get("offline_after", 600.0)),
            min_turn_seconds=float(data.get("min_turn_seconds", 5.0)),
            quiet_hours=QuietHours.parse(quiet) if quiet else None,
            muted_hosts=frozenset(str(h) for h in data.get("mute_hosts", ())),
            muted_sessions=frozenset(str(s) for s in data.get("mute_sessions", ())),
        )
        per_session = tuple(
            (str(k), SafeAction(v)) for k, v in dict(data.get("safe_actions", {})).items()
        )
        escalation = EscalationPolicy(
            channels=max(1, len(urls)),
            repeat_after=float(data.get("repeat_after", 300.0)),
            repeats=int(data.get("repeats", 1)),
            safe_action=SafeAction(data.get("safe_action", "leave")),
            per_session=per_session,
        )
    except (TypeError, ValueError) as exc:
        raise NotifyConfigError(
            f"{path}: {exc}. Safe actions are leave, deny or stop; times are seconds."
        ) from None
    return NotifyConfig(urls, settings, escalation, float(data.get("link_ttl", LINK_TTL)), source)
