"""Requests this supervisor sends the relay (``shared.frames.UpRequestFrame``), awaiting answers.

The reverse of commands: shared state in global scopes lives on the relay.
Contract: :meth:`RelayRequests.ask` sends a request and waits (bounded) for the
answer with its ``request_id``. A request unanswered when the link drops is sent
again, with the same id, as soon as the link is back; the relay records each
answer by id, so a write is applied once however often it is sent. While no link
is up, ``ask`` waits for one within its timeout, then fails with a message.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Awaitable, Callable

from shared.errors import HostOffline, TimedOut
from shared.frames import UpAnswerFrame, UpRequestFrame

log = logging.getLogger(__name__)

Send = Callable[[UpRequestFrame], Awaitable[None]]


def new_request_id() -> str:
    return "u-" + secrets.token_urlsafe(12)


class RelayRequests:
    """Pending supervisor -> relay requests by id."""

    def __init__(self) -> None:
        self._send: Send | None = None
        self._pending: dict[str, tuple[UpRequestFrame, asyncio.Future[UpAnswerFrame]]] = {}
        self._sent: dict[str, int] = {}  # request id -> the link it was last sent on
        self._link = 0
        self._up = asyncio.Event()

    @property
    def linked(self) -> bool:
        return self._send is not None

    def attach(self, send: Send) -> list[Awaitable[None]]:
        """The link is up: ``send`` reaches the relay. Returns the re-sends to run."""
        self._send, self._link = send, self._link + 1
        self._up.set()
        resends = []
        for request_id, (frame, future) in self._pending.items():
            if request_id in self._sent and not future.done():
                self._sent[request_id] = self._link
                resends.append(send(frame))
        return resends

    def detach(self) -> None:
        self._send = None
        self._up.clear()

    def answered(self, answer: UpAnswerFrame) -> None:
        entry = self._pending.get(answer.request_id)
        if entry is None or entry[1].done():
            log.info("dropped an answer to unknown request %s", answer.request_id)
            return
        entry[1].set_result(answer)

    async def ask(self, frame: UpRequestFrame, timeout: float) -> UpAnswerFrame:
        """The relay's answer to ``frame``; raises :class:`HostOffline` / :class:`TimedOut`."""
        future: asyncio.Future[UpAnswerFrame] = asyncio.get_running_loop().create_future()
        self._pending[frame.request_id] = (frame, future)
        try:
            async with asyncio.timeout(timeout):
                while self._send is None:
                    await self._up.wait()
                if self._sent.get(frame.request_id) != self._link:  # attach() may have sent it
                    self._sent[frame.request_id] = self._link
                    await self._send(frame)
                return await future
        except TimeoutError:
            if self._send is None:
                raise HostOffline(
                    "this computer is not connected to the relay, which keeps the global scopes",
                    "use a session, project or host scope, or try again once it is connected",
                ) from None
            raise TimedOut(
                f"the relay did not answer within {timeout:.0f}s",
                "try again; a write is applied once even if it is sent twice",
            ) from None
        finally:
            self._pending.pop(frame.request_id, None)
            self._sent.pop(frame.request_id, None)
