"""Sending through Apprise (the one module that imports it), and what each message says.

:func:`render` turns a :class:`Notice` into a title and a body a person reads
on a lock screen: the host, the session's name, the question and its options,
and the answer link. :class:`Channels` sends to one URL (an escalation step)
or to the first; ntfy URLs also get the link as the tap action and one
"view" button per option (each opens the answer page; none answers by itself).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

import apprise

from server.notify.events import Notice, NoticeKind
from shared.errors import TetherError

log = logging.getLogger(__name__)

MAX_QUESTION = 300
MAX_OPTIONS = 6
MAX_CONTEXT = 4
MAX_DETAIL = 600


class ChannelError(TetherError):
    """A notification URL is not usable; the message names it (without its secrets)."""


def _redacted(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname or ''}/..."


def check_urls(urls: tuple[str, ...]) -> None:
    """Raise :class:`ChannelError` for a URL Apprise does not understand."""
    for url in urls:
        if apprise.Apprise.instantiate(url) is None:
            raise ChannelError(
                f"{_redacted(url)} is not a notification URL Apprise understands; see "
                "https://github.com/caronc/apprise/wiki for the form of each service."
            )


@dataclass(frozen=True)
class Message:
    title: str
    body: str
    link: str | None = None
    buttons: tuple[tuple[str, str], ...] = ()  # (label, url)


def render(notice: Notice, link: str | None, last_seen: str = "") -> Message:
    who = f"{notice.host} · {notice.session_name or notice.session_id or ''}".rstrip(" ·")
    p = notice.prompt
    if notice.kind is NoticeKind.PROMPT and p is not None:
        # The lines above the question: for a permission request, the command itself.
        context = [c.strip()[:120] for c in p.context[-MAX_CONTEXT:] if c.strip()]
        lines = [*context, p.question[:MAX_QUESTION]]
        lines += [f"  {o.number}. {o.label[:80]}" for o in p.options[:MAX_OPTIONS]]
        if link:
            lines.append(f"Answer: {link}")
        buttons = (
            tuple(
                (re.sub(r"[,;\"]", " ", o.label)[:30], f"{link}?option={o.number}")
                for o in p.options[:3]
            )
            if link
            else ()
        )
        return Message(f"{who} is waiting for you", "\n".join(lines), link, buttons)
    if notice.kind is NoticeKind.ANSWERED:
        question = p.question[:MAX_QUESTION] if p is not None else "the prompt"
        return Message(
            f"{who}: no longer waiting",
            f"{question}\nThis prompt was {notice.detail or 'answered'}; nothing to do.",
        )
    if notice.kind is NoticeKind.TURN_DONE:
        return Message(f"{who} finished its turn", "It is idle and waits for your next message.")
    if notice.kind is NoticeKind.EXITED:
        return Message(f"{who} exited with an error", notice.detail or "The program ended.")
    if notice.kind in (NoticeKind.WORK_DONE, NoticeKind.WORK_FAILED):
        ended = "finished" if notice.kind is NoticeKind.WORK_DONE else "failed"
        body = notice.detail[:MAX_DETAIL] or "Ask your assistant for its status."
        return Message(f"{notice.host} · {notice.subject[:80]} {ended}", body)
    if notice.kind is NoticeKind.MESSAGE_DELIVERED:
        return Message(f"{who}: queued message delivered", notice.detail)
    if notice.kind is NoticeKind.MESSAGE_UNDELIVERED:
        return Message(f"{who}: queued message not delivered", notice.detail)
    return Message(
        f"{notice.host} is offline",
        f"The computer '{notice.host}' has not been in contact since {last_seen}; its "
        "sessions cannot be reached until its supervisor reconnects.",
    )


def _with_ntfy_actions(url: str, message: Message) -> str:
    if not message.link or not url.startswith(("ntfy://", "ntfys://")):
        return url
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    query["click"] = message.link
    actions = [f"view, {label}, {target}" for label, target in message.buttons]
    if actions:
        query["actions"] = "; ".join(actions)
    # %20, not '+': Apprise unquotes these parameters without turning '+' into spaces.
    return urlunsplit(parts._replace(query=urlencode(query, quote_via=quote)))


def mail_to(url: str, address: str) -> str:
    """``url`` (a mailto:// or mailtos:// URL) sending to ``address`` instead of its own ``to``."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "to"]
    query.append(("to", address))
    return urlunsplit(parts._replace(query=urlencode(query, quote_via=quote)))


class Channels:
    """The configured URLs; index ``i`` is escalation step ``i``."""

    def __init__(self, urls: tuple[str, ...]) -> None:
        check_urls(urls)
        self.urls = urls

    def __len__(self) -> int:
        return len(self.urls)

    @property
    def mail_url(self) -> str | None:
        """The first mailto:// (or mailtos://) URL: its server sends mail to other addresses."""
        return next((u for u in self.urls if u.startswith(("mailto://", "mailtos://"))), None)

    async def send_mail(self, message: Message, address: str) -> bool:
        """Send to ``address`` through :attr:`mail_url`'s server; False if there is none."""
        if self.mail_url is None:
            return False
        return await self._send_to(mail_to(self.mail_url, address), message)

    async def send(self, message: Message, channel: int = 0) -> bool:
        """Send on one URL; False (logged) if the service refused or was unreachable."""
        if not self.urls:
            return False
        return await self._send_to(self.urls[min(channel, len(self.urls) - 1)], message)

    async def _send_to(self, url: str, message: Message) -> bool:
        client = apprise.Apprise()
        client.add(_with_ntfy_actions(url, message))
        ok = await client.async_notify(body=message.body, title=message.title)
        if not ok:
            log.warning("notification to %s failed", _redacted(url))
        return bool(ok)
