"""A fake terminal for :class:`supervisor.session.Session`: the program is the test.

It satisfies :class:`supervisor.session.Pty`: the test prints to the session with
:meth:`FakePty.output`, reads what the session typed from :attr:`FakePty.writes`
(one entry per write, so pacing is visible), and ends the program with
:meth:`FakePty.exit`. No process, no file descriptor: ``pid`` is None, so the
session never walks a process tree for it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence

from supervisor.session import Session


class FakePty:
    def __init__(self, on_data: Callable[[bytes], None]) -> None:
        self._on_data = on_data
        self.writes: list[bytes] = []  # write() and send(), in order
        self.sizes: list[tuple[int, int]] = []
        self.echo = True
        self.line_mode = True
        self._exit: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        self.wrote = asyncio.Event()

    # ------------------------------------------------------------ the test's side

    def output(self, data: bytes) -> None:
        """The program prints ``data``."""
        self._on_data(data)

    def exit(self, code: int) -> None:
        """The program ends with ``code`` (negative: killed by that signal)."""
        if not self._exit.done():
            self._exit.set_result(code)

    # ------------------------------------------------------------ the Pty protocol

    @property
    def pid(self) -> int | None:
        return None

    @property
    def exit_code(self) -> int | None:
        return self._exit.result() if self._exit.done() else None

    def send(self, data: bytes) -> None:
        self.writes.append(data)
        self.wrote.set()

    async def write(self, data: bytes) -> int:
        self.send(data)
        return len(data)

    def resize(self, cols: int, rows: int) -> None:
        self.sizes.append((cols, rows))

    def echo_enabled(self) -> bool:
        return self.echo

    def canonical(self) -> bool:
        return self.line_mode

    def foreground_pgid(self) -> int | None:
        return None

    async def wait(self) -> int:
        return await asyncio.shield(self._exit)

    async def wait_eof(self, timeout: float) -> bool:
        return True

    async def close(self) -> int:
        return await self.wait()

    async def terminate(self, force: bool = False, grace: float = 3.0) -> int:
        self.exit(-9 if force else -15)
        return await self.wait()


async def fake_session(command: Sequence[str] = ("prog",)) -> tuple[Session, FakePty]:
    """A :class:`Session` started on a :class:`FakePty`."""
    made: list[FakePty] = []

    async def spawn(
        argv: Sequence[str],
        *,
        cwd: str,
        env: Mapping[str, str],
        cols: int,
        rows: int,
        on_data: Callable[[bytes], None],
    ) -> FakePty:
        made.append(FakePty(on_data))
        return made[0]

    session = await Session.start(list(command), cwd="/w", env={}, name="fake", spawn=spawn)
    return session, made[0]
