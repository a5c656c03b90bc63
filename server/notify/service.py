"""Wiring: the notification runner and the answer page, built for one relay app.

``build_notify`` reads :mod:`server.notify.config` (``TETHER_NOTIFY`` or
``notify.toml``); without URLs there is no runner, and the answer page still
serves (it then has no links to open). Configuration problems become
``server.config.ConfigError`` so the relay refuses to start with what to fix.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from starlette.routing import Route

from server.answer_page import AnswerPage
from server.approve_link import ApproveLink
from server.audit import AuditLog
from server.config import ConfigError, RelayConfig
from server.db import Database
from server.hub import Hub
from server.notify.announced import AnnouncedWork
from server.notify.batch_mail import BatchEmails
from server.notify.channels import ChannelError, Channels, Message
from server.notify.config import NotifyConfig, NotifyConfigError, load_notify_config
from server.notify.runner import NotifyRunner
from server.notify.webpush import PushSubscriptions, WebPush, load_or_create_vapid
from server.passkeys import Passkeys


@dataclass
class NotifyService:
    runner: NotifyRunner | None
    page: AnswerPage
    push: WebPush | None = None

    def routes(self) -> list[Route]:
        return [*self.page.routes(), *ApproveLink(self.page).routes()]

    def start(self) -> None:
        if self.runner is not None:
            self.runner.start()

    async def stop(self) -> None:
        if self.runner is not None:
            await self.runner.stop()


def load(config: RelayConfig, env: Mapping[str, str] | None = None) -> NotifyConfig:
    try:
        return load_notify_config(config.data_dir, env)
    except NotifyConfigError as exc:
        raise ConfigError(str(exc)) from None


def build_notify(
    config: RelayConfig,
    hub: Hub,
    audit: AuditLog,
    db: Database,
    password_hash: Callable[[], str | None],
) -> NotifyService:
    settings = load(config)
    try:
        channels = Channels(settings.urls)
    except ChannelError as exc:
        raise ConfigError(str(exc)) from None
    # TETHER_PUSH_ALLOW_LOOPBACK=1 is for tests only: it lets a loopback http "push
    # service" be subscribed; a real relay accepts https endpoints on public addresses only.
    allow_loopback = os.environ.get("TETHER_PUSH_ALLOW_LOOPBACK") == "1"
    push = WebPush(
        PushSubscriptions(db),
        load_or_create_vapid(config.data_dir),
        config.base_url,
        allow_loopback,
    )
    # The runner runs even without Apprise URLs: a phone may subscribe to Web Push at any time.
    runner = NotifyRunner(
        settings, channels, config.base_url, audit, push=push, announced=AnnouncedWork(db)
    )
    runner.attach(hub)
    # batch_enqueue_projects(notification_email=): mailed through the first mailto:// URL.
    hub.batch_emails = BatchEmails(db, lambda: channels.mail_url)
    page = AnswerPage(hub, runner.links, Passkeys(db, config.base_url), password_hash, audit)
    return NotifyService(runner, page, push)


def notify_test(data_dir: Path, env: Mapping[str, str] | None = None) -> int:
    """``python -m server notify-test``: one sample message to every configured URL."""
    try:
        settings = load_notify_config(data_dir, env)
        channels = Channels(settings.urls)
    except (NotifyConfigError, ChannelError) as exc:
        print(f"tether-relay: {exc}", file=sys.stderr)
        return 2
    if not settings.urls:
        print(
            "tether-relay: no notification URL is set; set TETHER_NOTIFY (e.g. "
            f"ntfys://ntfy.sh/<your topic>) or add urls to {data_dir / 'notify.toml'}.",
            file=sys.stderr,
        )
        return 2
    message = Message(
        "Tether test notification",
        "If you read this, Tether can reach you here. Prompts will look like:\n"
        "laptop · build-api is waiting for you\nDo you want to proceed?\n  1. Yes\n  2. No",
    )
    failed = 0
    for index in range(len(channels)):
        ok = asyncio.run(channels.send(message, index))
        failed += not ok
        print(f"  step {index + 1}: {'sent' if ok else 'FAILED (see the log above)'}")
    return 1 if failed else 0
