"""A hub with fake links (no sockets): the sessions, hellos and links the hub's tests share."""

from __future__ import annotations

import asyncio

from server.hub import Attachment, Hub
from shared.protocol import PROTOCOL_VERSION, Hello, SessionInfo, SessionState, decode_command
from tests.support import scaled

SID = "sess-aaaa1111"
OTHER_SID = "sess-bbbb2222"


class FakeLink:
    """Records what the hub sends; ``sent`` wakes waiters on each frame."""

    def __init__(self, fail_send: bool = False) -> None:
        self.frames: asyncio.Queue[str] = asyncio.Queue()
        self.fenced: str | None = None
        self.fail_send = fail_send

    async def send(self, frame: str) -> None:
        if self.fail_send:
            raise ConnectionError("gone")
        await self.frames.put(frame)

    def fence(self, reason: str) -> None:
        self.fenced = reason

    async def next_command(self) -> object:
        async with asyncio.timeout(scaled(5)):
            return decode_command(await self.frames.get())


def info(sid: str = SID, state: SessionState = SessionState.WORKING) -> SessionInfo:
    return SessionInfo(
        session_id=sid,
        command=["claude"],
        cwd="/tmp",
        name="demo",
        state=state,
        state_since=1.0,
        state_reason="test",
        started_at=1.0,
    )


def hello(host: str, *sessions: SessionInfo) -> Hello:
    return Hello(
        protocol_version=PROTOCOL_VERSION,
        host=host,
        public_key="A" * 43 + "=",
        sessions=list(sessions),
    )


class Clock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0  # 2023-11-14 22:13:20 UTC

    def __call__(self) -> float:
        return self.now


def attach(hub: Hub, host: str, *sessions: SessionInfo) -> tuple[Attachment, FakeLink]:
    link = FakeLink()
    return hub.attach(hello(host, *sessions), link), link
