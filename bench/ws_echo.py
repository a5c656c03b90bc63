"""The benchmark's only websockets import: a raw echo server/client and idle hello links.

``python -m bench.ws_echo`` serves a JSON echo on 127.0.0.1 (port printed as
``PORT <n>``), the floor the relay's supervisor hop is compared with: the
supervisor's side does ``json.loads`` and answers ``{"id", "result"}``, like
a real reply. Compression is off, as on the real link.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time

from websockets.asyncio.client import (  # noqa: TID251 - the benchmark's one websockets module
    ClientConnection,
    connect,
)
from websockets.asyncio.server import ServerConnection, serve  # noqa: TID251

from bench.common import bench_identity
from shared import protocol as p


async def _echo(ws: ServerConnection) -> None:
    async for message in ws:
        request = json.loads(message)
        await ws.send(json.dumps({"id": request["id"], "result": {"ok": True}}))


async def serve_echo() -> None:
    async with serve(_echo, "127.0.0.1", 0, compression=None) as server:
        port = next(iter(server.sockets)).getsockname()[1]
        print(f"PORT {port}", flush=True)
        await asyncio.Future()  # until SIGTERM


class EchoClient:
    """One connection to the echo server; :meth:`block` times ``n`` sequential round trips."""

    def __init__(self, ws: ClientConnection) -> None:
        self._ws = ws
        self._next = 0

    @classmethod
    async def open(cls, url: str) -> EchoClient:
        return cls(await connect(url, compression=None, ping_interval=None))

    async def block(self, n: int) -> list[float]:
        out = []
        for _ in range(n):
            self._next += 1
            t0 = time.perf_counter()
            await self._ws.send(
                json.dumps({"id": self._next, "method": "get_status", "x": "y" * 32})
            )
            json.loads(await self._ws.recv())
            out.append(time.perf_counter() - t0)
        return out

    async def close(self) -> None:
        await self._ws.close()


class IdleLinks:
    """Many minimal supervisors: each says Hello, gets Welcome, then stays quiet."""

    def __init__(self) -> None:
        self._links: list[ClientConnection] = []

    async def open(self, url: str, seed: str, names: list[str], batch: int = 50) -> None:
        """Open a link per name, each authenticated with its seed-derived key (the bench
        relay paired them up front)."""
        for start in range(0, len(names), batch):
            chunk = names[start : start + batch]
            got = await asyncio.gather(
                *(self._one(url, seed, n) for n in chunk), return_exceptions=True
            )
            # Keep every opened link (so close() reaches it) before reporting a failure.
            self._links.extend(ws for ws in got if isinstance(ws, ClientConnection))
            failed = [exc for exc in got if isinstance(exc, BaseException)]
            if failed:
                raise failed[0]

    @staticmethod
    async def _one(url: str, seed: str, name: str) -> ClientConnection:
        identity = bench_identity(seed, name)
        ws = await connect(url, compression=None, ping_interval=None, open_timeout=30)
        hello = p.Hello(
            protocol_version=p.PROTOCOL_VERSION, host=name, public_key=identity.public_key
        )
        await ws.send(p.encode(hello))
        challenge = p.decode_command(await asyncio.wait_for(ws.recv(), 30))
        if not isinstance(challenge, p.Challenge):
            raise RuntimeError(f"relay answered hello from {name} with {challenge.type!r}")
        signature = identity.answer_challenge(url, name, challenge.nonce)
        await ws.send(p.encode(p.ChallengeAnswered(signature=signature)))
        first = p.decode_command(await asyncio.wait_for(ws.recv(), 30))
        if not isinstance(first, p.Welcome):
            raise RuntimeError(f"relay answered hello from {name} with {first.type!r}")
        return ws

    def __len__(self) -> int:
        return len(self._links)

    async def close(self) -> None:
        links, self._links = self._links, []
        for start in range(0, len(links), 200):
            await asyncio.gather(
                *(ws.close() for ws in links[start : start + 200]), return_exceptions=True
            )


if __name__ == "__main__":
    try:
        asyncio.run(serve_echo())
    except KeyboardInterrupt:
        sys.exit(0)
