"""The notification runner: hub events in, the pure cores decide, Apprise and Web Push send.

``NotifyRunner.attach(hub)`` registers an observer on the hub (prompt
detected, session changed or exited, a prompt answered through the relay, a
host's link up or down). One task waits for the cores' next deadline or a new
event, and then:

* confirms with the supervisor (``check_prompts`` for that session) that a due
  prompt is still the one waiting before announcing it, so a prompt answered
  or gone within the grace is never announced;
* issues a single-use answer link for it and starts its escalation;
* sends each escalation step on its channel, and takes the safe action after
  the last one (leave, Esc / "no", or stop: never approve);
* writes every step to the audit log (kind ``notification``).

It also serves the supervisors' ``work_finished`` requests (a coordinated task
or batch job ended; a batch job's ``notification_email`` is mailed too) and
hears the message queue's receipts (delivered, expired, failed): each becomes
a notice through the same core, so dedup, quiet hours and mutes apply.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Coroutine
from typing import Any

from pydantic import BaseModel

from server.audit import AuditLog
from server.hub import Attachment, HostLinkChanged, Hub
from server.notify.announced import AnnouncedWork
from server.notify.channels import Channels, render
from server.notify.config import NotifyConfig
from server.notify.escalation import Escalation, SafeAction, Send, Step, TakeSafeAction
from server.notify.events import Notice, NoticeKind, NotifyCore
from server.notify.links import AnswerLinks
from server.notify.webpush import WebPush
from shared import protocol as wire
from shared.backend import format_utc, new_request_id
from shared.commands.work_finished import WorkAnnounced, WorkFinished
from shared.errors import TetherError
from shared.frames import UpRequestFrame
from shared.queue import QueueReceipt

log = logging.getLogger(__name__)

ACTOR = "relay:notify"


def _local_minute(t: float) -> int:
    lt = time.localtime(t)
    return lt.tm_hour * 60 + lt.tm_min


class NotifyRunner:
    def __init__(
        self,
        config: NotifyConfig,
        channels: Channels,
        base_url: str,
        audit: AuditLog | None = None,
        clock: Callable[[], float] = time.time,
        push: WebPush | None = None,
        announced: AnnouncedWork | None = None,
    ) -> None:
        self.config = config
        self.announced = announced  # finished work already announced, across restarts
        self.channels = channels
        self.push = push
        self.base_url = base_url.rstrip("/")
        self.audit = audit
        self.clock = clock
        self.core = NotifyCore(config.settings, _local_minute)
        self.escalation = Escalation(config.escalation)
        self.links = AnswerLinks(config.link_ttl)
        self.hub: Hub | None = None
        self._open: dict[str, str] = {}  # prompt id -> its session id, while it waits
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._sends: set[asyncio.Task[None]] = set()

    # ------------------------------------------------------------ lifecycle

    def attach(self, hub: Hub) -> None:
        self.hub = hub
        hub.observers.append(self.on_event)
        if hub.message_queue is not None:
            hub.message_queue.on_receipt.append(self.queue_receipt)
        others = hub.serve_up

        def serve_up(attachment: Attachment, frame: UpRequestFrame) -> list[BaseModel]:
            if isinstance(frame, WorkFinished):
                return self.work_finished(attachment.host, frame)
            return [] if others is None else others(attachment, frame)

        hub.serve_up = serve_up

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run(), name="notify")

    async def stop(self) -> None:
        tasks = [t for t in (self._task, *self._sends) if t is not None]
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task

    # ------------------------------------------------------------ events

    def on_event(self, host: str, event: BaseModel | HostLinkChanged) -> None:
        now = self.clock()
        if isinstance(event, wire.PromptDetected):
            prompt = event.prompt
            name = self._name(prompt.session_id)
            self._open[prompt.prompt_id] = prompt.session_id
            self.core.prompt_detected(host, name, prompt, now)
        elif isinstance(event, wire.SessionChanged):
            self._session_moved(event.session.session_id, event.prompt_id, "answered or gone")
            self._emit(self.core.session_changed(host, event.session, now))
        elif isinstance(event, wire.SessionExited):
            self._session_moved(event.session.session_id, None, "gone: the session exited")
            self._emit(self.core.session_changed(host, event.session, now))
        elif isinstance(event, wire.PromptAnswered):
            self.resolve(event.prompt_id, "answered")
        elif isinstance(event, HostLinkChanged):
            if event.online:
                self.core.host_online(host)
            else:
                self.core.host_offline(host, now)
        else:
            return  # a reply or another report moves no deadline: no need to wake the loop
        self._wake.set()

    def work_finished(self, host: str, frame: WorkFinished) -> list[BaseModel]:
        """``host`` says a coordinated task or batch job ended: announce it (once).

        A repeat (the supervisor's retry, also after either side restarted) is
        answered and not announced again: the relay's database remembers the key.
        """
        now = self.clock()
        key = f"work:{host}:{frame.kind}:{frame.ref}"
        if self.announced is not None and not self.announced.first_time(key, now):
            log.info("%s %s from %s was announced already", frame.kind, frame.ref, host)
            return [WorkAnnounced(request_id=frame.request_id)]
        done = frame.outcome == "done"
        notices = self.core.work_finished(
            host, frame.kind, frame.ref, done, frame.title, frame.detail, now
        )
        mail = self.hub.batch_emails if self.hub is not None else None
        email = None
        if mail is not None and frame.kind == "batch_job":
            email = mail.take(host, frame.ref)
        self._emit(notices, email)
        self._wake.set()
        return [WorkAnnounced(request_id=frame.request_id)]

    def queue_receipt(self, receipt: QueueReceipt) -> None:
        """The message queue ended a message: delivered, expired or failed."""
        delivered = receipt.state == "delivered"
        if delivered:
            at = receipt.landed_offset
            detail = (
                f"It was typed in at output byte {at}; get_logs with mode raw and since={at} "
                "shows what the session did with it."
            )
        else:
            why = f": {receipt.error}" if receipt.error else ""
            detail = f"The message was {receipt.state} and never typed{why}."
        self._emit(
            self.core.message_receipt(
                receipt.host,
                receipt.session_id,
                self._name(receipt.session_id),
                receipt.queue_id,
                delivered,
                detail,
                self.clock(),
            )
        )

    def resolve(self, prompt_id: str, how: str) -> None:
        """``prompt_id`` no longer waits: stop escalating, follow up if it was announced."""
        self._open.pop(prompt_id, None)
        if self.escalation.resolved(f"prompt:{prompt_id}"):
            self._record("escalation_ended", None, prompt_id, how)
        self._emit(self.core.prompt_resolved(prompt_id, how))

    def _session_moved(self, session_id: str, pending: str | None, how: str) -> None:
        for prompt_id, owner in list(self._open.items()):
            if owner == session_id and prompt_id != pending:
                self.resolve(prompt_id, how)

    def _name(self, session_id: str) -> str:
        known = self.hub.sessions.get(session_id) if self.hub is not None else None
        info = getattr(known, "info", None)
        return info.name if info is not None else session_id

    # ------------------------------------------------------------ the loop

    async def _run(self) -> None:
        while True:
            now = self.clock()
            deadlines = [
                d for d in (self.core.next_deadline(), self.escalation.next_deadline()) if d
            ]
            timeout = max(0.0, min(deadlines) - now) if deadlines else None
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout)
            try:
                await self._tick(self.clock())
            except Exception:
                log.exception("notification tick failed")

    async def _tick(self, now: float) -> None:
        for notice in self.core.due(now):
            if not self._reachable():
                continue  # no channel and no phone: nothing to send, so nothing to escalate
            if notice.prompt is None:
                self._emit([notice])
            elif await self._still_waiting(notice):
                self.core.sent(notice)
                self._steps(self.escalation.start(notice, now))
            else:
                self._open.pop(notice.prompt.prompt_id, None)
                self._record("suppressed", notice, None, "the prompt no longer waits")
        self._steps(self.escalation.due(now))

    def _reachable(self) -> bool:
        if len(self.channels):
            return True
        return self.push is not None and bool(self.push.subscriptions.all())

    async def _still_waiting(self, notice: Notice) -> bool:
        assert notice.prompt is not None and self.hub is not None
        cmd = wire.CheckPrompts(request_id=new_request_id(), session_id=notice.prompt.session_id)
        try:
            reply = await self.hub.call(cmd, session_id=notice.prompt.session_id, timeout=10.0)
        except TetherError:
            return False
        if not isinstance(reply, wire.PromptsChecked):
            return False
        return any(p.prompt_id == notice.prompt.prompt_id for p in reply.prompts)

    # ------------------------------------------------------------ sending

    def _emit(self, notices: list[Notice], email: str | None = None) -> None:
        for notice in notices:
            self.core.sent(notice)
            self._spawn(self._send(notice, 0, None, email=email))

    def _steps(self, steps: list[Step]) -> None:
        for step in steps:
            if isinstance(step, Send):
                assert step.notice.prompt is not None
                link = self.link_for(step.notice)
                self._spawn(self._send(step.notice, step.channel, link, step.attempt))
            elif isinstance(step, TakeSafeAction):
                self._spawn(self._safe_action(step))

    def link_for(self, notice: Notice) -> str:
        assert notice.prompt is not None
        token = self.links.issue(notice.prompt, notice.host, notice.session_name, self.clock())
        return f"{self.base_url}/answer/{token}"

    async def _send(
        self,
        notice: Notice,
        channel: int,
        link: str | None,
        attempt: int = 0,
        email: str | None = None,
    ) -> None:
        last_seen = ""
        if self.hub is not None and notice.kind is NoticeKind.HOST_OFFLINE:
            hosts = {h.name: h.last_seen for h in await self.hub.hosts()}
            last_seen = format_utc(hosts.get(notice.host))
        message = render(notice, link, last_seen)
        if len(self.channels):
            ok = await self.channels.send(message, channel)
            what = "sent" if ok else "send_failed"
            self._record(what, notice, None, f"channel {channel}, attempt {attempt}")
        if email is not None:
            ok = await self.channels.send_mail(message, email)
            self._record("mailed" if ok else "mail_failed", notice, None, "notification_email")
        if self.push is not None and self.push.subscriptions.all():
            # Every installed dashboard gets every step: the phone is where the owner is.
            delivered = await self.push.send(message)
            self._record("pushed", notice, None, f"web push to {delivered} phone(s)")

    async def _safe_action(self, step: TakeSafeAction) -> None:
        notice, action = step.notice, step.action
        assert notice.prompt is not None and self.hub is not None
        prompt = notice.prompt
        self._open.pop(prompt.prompt_id, None)
        sid = prompt.session_id
        result = "left waiting"
        try:
            if action is SafeAction.DENY:
                result = await self._deny(prompt)
            elif action is SafeAction.STOP:
                cmd = wire.StopSession(request_id=new_request_id(), session_id=sid)
                reply = await self.hub.call(cmd, session_id=sid)
                result = "stopped" if isinstance(reply, wire.SessionStopped) else _failure(reply)
        except TetherError as exc:
            result = f"failed: {exc}"
        self._record(f"safe_action_{action.value}", notice, None, result)

    async def _deny(self, prompt: wire.Prompt) -> str:
        assert self.hub is not None
        sid = prompt.session_id
        if prompt.kind is wire.PromptKind.YES_NO:
            cmd: wire.Command = wire.AnswerPrompt(
                request_id=new_request_id(), prompt_id=prompt.prompt_id, answer="no"
            )
            reply = await self.hub.call(cmd, session_id=sid)
            if isinstance(reply, wire.PromptAnswered):
                return "answered no"
        keys = wire.SendKeys(request_id=new_request_id(), session_id=sid, keys=[wire.Key.ESC])
        reply = await self.hub.call(keys, session_id=sid)
        return "pressed Esc" if isinstance(reply, wire.KeysSent) else _failure(reply)

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self._sends.add(task)
        task.add_done_callback(self._sends.discard)

    def _record(self, action: str, notice: Notice | None, prompt_id: str | None, what: str) -> None:
        if self.audit is None:
            return
        self.audit.record(
            actor=ACTOR,
            kind="notification",
            action=action,
            result=what[:200],
            host=notice.host if notice else None,
            session=notice.session_id if notice else None,
            detail={
                "notice": notice.kind.value if notice else "prompt",
                "prompt_id": (notice.prompt.prompt_id if notice and notice.prompt else prompt_id),
            },
        )


def _failure(reply: wire.Reply) -> str:
    if isinstance(reply, wire.RequestFailed):
        return f"refused: {reply.error.message}"
    return f"unexpected reply {reply.type}"
