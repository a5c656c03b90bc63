"""A child process in a pseudo-terminal, driven from asyncio. The only ptyprocess import.

Contract:

* :meth:`PtyProcess.spawn` forks OFF the event loop (``ptyprocess.spawn`` blocks
  for ~8 ms) and returns a started process. The child is a session leader
  (ptyprocess calls ``setsid``), so its pid is also its process-group id.
* Output is delivered to ``on_data(bytes)`` from an ``add_reader`` callback, one
  read (at most ~4 KiB on Linux) per wakeup; ``on_eof()`` is called once when the
  terminal reports end of output (EIO on Linux, ``b''`` on macOS).
* :meth:`write` never blocks the loop: what the kernel does not take now is kept
  and flushed from ``add_writer``, in order.
* :meth:`wait` returns the exit code (negative signal number if killed), reaped
  with ``waitpid`` when SIGCHLD arrives: one handler per event loop checks every
  child it knows, so a session costs one fd (its PTY) and no thread. Where the
  loop cannot take signals (not the main thread), a pidfd per child, else a
  helper thread, does the same.
* :meth:`close` leaves no zombie, no process in the child's group and no open fd.
"""

from __future__ import annotations

import asyncio
import errno
import logging
import os
import platform
import signal
import termios
import threading
import weakref
from collections.abc import Callable, Mapping, Sequence

import ptyprocess  # noqa: TID251 - this module owns ptyprocess

from supervisor.descendants import reap_adopted

log = logging.getLogger(__name__)

READ_SIZE = 65536
DRAIN_BYTES = 65536  # the most one read wakeup takes before yielding to the loop
# read(2)'s syscall number, for /proc/<pid>/syscall (Linux only; other arches: unknown).
_READ_SYSCALL = {"x86_64": 0, "aarch64": 63, "i686": 3, "armv7l": 3}.get(platform.machine())
DEFAULT_GRACE = 3.0


class PtySpawnError(OSError):
    """The child could not be started (missing program, bad cwd, exec failure)."""


def _chdir_in_child(cwd: str) -> Callable[[], None]:
    # ptyprocess's own chdir runs outside its error pipe: a bad cwd would raise
    # inside the forked child. As a preexec_fn, a failure travels back to us.
    def chdir() -> None:
        os.chdir(cwd)

    return chdir


def _unexecutable(argv: list[str], cwd: str, env: dict[str, str]) -> str | None:
    """Why exec would raise something other than OSError for these, or None."""
    for text in (*argv, cwd, *env, *env.values()):
        if "\0" in text:
            return "a NUL byte in its arguments, folder or environment"
        try:
            os.fsencode(text)
        except UnicodeEncodeError:
            return "text that is not valid Unicode (a lone surrogate) in its arguments"
    if any("=" in name or not name for name in env):
        return "an environment variable name that is empty or holds '='"
    return None


def _spawn_blocking(
    argv: list[str], cwd: str, env: dict[str, str], rows: int, cols: int
) -> ptyprocess.PtyProcess:
    problem = _unexecutable(argv, cwd, env)
    if problem is not None:
        # exec would fail only in the forked child, which then runs on as a copy of us
        # and never closes the pipe the spawn waits on: refuse here, in the parent.
        raise PtySpawnError(errno.EINVAL, f"cannot start {argv[0]!r}: {problem}")
    try:
        return ptyprocess.PtyProcess.spawn(
            argv, env=env, dimensions=(rows, cols), preexec_fn=_chdir_in_child(cwd)
        )
    except OSError as exc:
        _close_failed_spawn(exc)
        raise PtySpawnError(exc.errno, f"cannot start {argv[0]!r}: {exc.strerror or exc}") from None
    except Exception as exc:  # ptyprocess re-raises child errors by class name
        _close_failed_spawn(exc)
        raise PtySpawnError(errno.EINVAL, f"cannot start {argv[0]!r}: {exc}") from None


def _close_failed_spawn(exc: BaseException) -> None:
    """Close the PTY and reap the child of an exec that failed.

    ptyprocess raises with its half-built instance still in the raising frame:
    its master fd stayed open, and its child unreaped, until a garbage
    collection ran at some unrelated moment (a test counting fds saw it).
    """
    tb = exc.__traceback__
    while tb is not None:
        inst = tb.tb_frame.f_locals.get("inst")
        if isinstance(inst, ptyprocess.PtyProcess) and not inst.closed:
            try:
                inst.close(force=True)
            except Exception:
                log.exception("could not close the PTY of a failed spawn")
        tb = tb.tb_next
    exc.__traceback__ = None


_spawning = 0  # forks in flight: their children exist before their pids are known


class _ChildReaper:
    """One SIGCHLD handler per event loop that reaps the children it was told about.

    SIGCHLD carries no pid and coalesces, so every signal checks every watched
    child with a non-blocking ``waitpid``; only our own pids are waited on, so
    other children of the process (asyncio subprocesses) are left to their owners.
    Once the process is a child subreaper (``supervisor.descendants``), ended
    orphans reparented to it are reaped here too, so none stays a zombie.
    """

    _by_loop: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _ChildReaper] = (
        weakref.WeakKeyDictionary()
    )

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._children: dict[int, Callable[[], bool]] = {}
        self._installed: bool | None = None

    @classmethod
    def for_loop(cls, loop: asyncio.AbstractEventLoop) -> _ChildReaper:
        reaper = cls._by_loop.get(loop)
        if reaper is None:
            reaper = cls._by_loop[loop] = cls(loop)
        return reaper

    def watch(self, pid: int, reap: Callable[[], bool]) -> bool:
        """Reap ``pid`` through ``reap`` on SIGCHLD; False if this loop cannot take signals."""
        if self._installed is None:
            try:
                self._loop.add_signal_handler(signal.SIGCHLD, self._sigchld)
                self._installed = True
            except (RuntimeError, ValueError, NotImplementedError):
                self._installed = False
        if not self._installed:
            return False
        self._children[pid] = reap
        # It may have ended before the handler knew it: look once now.
        self._loop.call_soon(self._check, pid)
        return True

    def forget(self, pid: int) -> None:
        self._children.pop(pid, None)

    def _check(self, pid: int) -> None:
        reap = self._children.get(pid)
        if reap is not None and reap():
            self._children.pop(pid, None)

    def _sigchld(self) -> None:
        for pid in list(self._children):
            self._check(pid)
        if not _spawning:  # a child forked this instant is ours, though not yet watched
            reap_adopted(self._children)


class PtyProcess:
    """One child in one PTY. Create with :meth:`spawn`; always :meth:`close`."""

    def __init__(
        self,
        proc: ptyprocess.PtyProcess,
        loop: asyncio.AbstractEventLoop,
        on_data: Callable[[bytes], None],
        on_eof: Callable[[], None],
    ) -> None:
        self._proc = proc
        self._loop = loop
        self.pid: int = proc.pid
        self._fd: int = proc.fd
        self._on_data, self._on_eof = on_data, on_eof
        self._outbuf = bytearray()
        self._drained = asyncio.Event()
        self._drained.set()
        self._writing = False
        self._eof = asyncio.Event()
        self._exit: asyncio.Future[int] = loop.create_future()
        self._pidfd = -1
        self._closed = False
        os.set_blocking(self._fd, False)
        loop.add_reader(self._fd, self._readable)
        self._watch_exit()

    # ------------------------------------------------------------ lifecycle

    @classmethod
    async def spawn(
        cls,
        argv: Sequence[str],
        *,
        cwd: str,
        env: Mapping[str, str],
        cols: int = 120,
        rows: int = 40,
        on_data: Callable[[bytes], None],
        on_eof: Callable[[], None] = lambda: None,
    ) -> PtyProcess:
        """Start ``argv`` (argv[0] should be an absolute path) in ``cwd`` with exactly ``env``.

        Raises :class:`PtySpawnError` when the child cannot be started.
        """
        global _spawning
        loop = asyncio.get_running_loop()
        _spawning += 1
        try:
            fut = loop.run_in_executor(
                None, _spawn_blocking, list(argv), cwd, dict(env), rows, cols
            )
            try:
                proc = await asyncio.shield(fut)
            except asyncio.CancelledError:
                # The fork may still complete after we stop waiting: never leak it.
                fut.add_done_callback(_kill_orphan_spawn)
                raise
            return cls(proc, loop, on_data, on_eof)  # watched from here on
        finally:
            _spawning -= 1

    def _watch_exit(self) -> None:
        if _ChildReaper.for_loop(self._loop).watch(self.pid, self._reap):
            return
        pidfd_open = getattr(os, "pidfd_open", None)
        if pidfd_open is not None:
            try:
                self._pidfd = pidfd_open(self.pid)
            except OSError:
                self._pidfd = -1
        if self._pidfd >= 0:
            self._loop.add_reader(self._pidfd, self._pidfd_readable)
            return
        # No pidfd (macOS): one daemon thread per child blocks in waitpid. Not
        # the default executor: a blocked worker there would starve spawns.
        threading.Thread(target=self._wait_thread, name=f"waitpid-{self.pid}", daemon=True).start()

    def _pidfd_readable(self) -> None:
        self._reap(os.WNOHANG)

    def _wait_thread(self) -> None:
        try:
            _, status = os.waitpid(self.pid, 0)
        except ChildProcessError:
            status = 0
        self._loop.call_soon_threadsafe(self._set_exit, os.waitstatus_to_exitcode(status))

    def _reap(self, options: int = os.WNOHANG) -> bool:
        """Collect the exit status if the child has ended; True once it has."""
        try:
            pid, status = os.waitpid(self.pid, options)
        except ChildProcessError:  # reaped elsewhere; nothing more to learn
            pid, status = self.pid, 0
        if pid == 0:
            return False
        self._set_exit(os.waitstatus_to_exitcode(status))
        return True

    def _set_exit(self, code: int) -> None:
        _ChildReaper.for_loop(self._loop).forget(self.pid)
        if self._pidfd >= 0:
            self._loop.remove_reader(self._pidfd)
            os.close(self._pidfd)
            self._pidfd = -1
        if not self._exit.done():
            self._exit.set_result(code)

    @property
    def exit_code(self) -> int | None:
        """The exit code once reaped (negative signal number if killed), else None."""
        return self._exit.result() if self._exit.done() else None

    @property
    def eof(self) -> bool:
        return self._eof.is_set()

    async def wait(self) -> int:
        """Wait for the child to exit; return its exit code."""
        return await asyncio.shield(self._exit)

    async def wait_eof(self, timeout: float) -> bool:
        """Wait up to ``timeout`` for end of output; True if it came.

        A grandchild that keeps the terminal open delays EOF past the child's exit.
        """
        try:
            async with asyncio.timeout(timeout):
                await self._eof.wait()
        except TimeoutError:
            return False
        return True

    # ------------------------------------------------------------ reading

    def _readable(self) -> None:
        # A Linux pty hands out at most ~4 KiB per read; draining up to
        # DRAIN_BYTES per wakeup pays the per-chunk Python work (journal, resume
        # buffer, timers) once per 64 KiB instead of once per 4 KiB in a flood.
        chunks: list[bytes] = []
        size = 0
        eof = False
        while size < DRAIN_BYTES:
            try:
                data = os.read(self._fd, READ_SIZE)
            except BlockingIOError:
                break
            except OSError as exc:
                if exc.errno != errno.EIO:
                    log.warning("pty %d read failed: %s", self.pid, exc)
                data = b""
            if not data:
                eof = True
                break
            chunks.append(data)
            size += len(data)
        if chunks:
            self._on_data(chunks[0] if len(chunks) == 1 else b"".join(chunks))
        if eof:
            self._set_eof()

    def _set_eof(self) -> None:
        if self._eof.is_set():
            return
        self._loop.remove_reader(self._fd)
        self._eof.set()
        self._on_eof()

    # ------------------------------------------------------------ writing

    def send(self, data: bytes) -> None:
        """Queue ``data`` for the child, in order, without blocking; see :meth:`drain`."""
        if self._closed:
            raise BrokenPipeError(errno.EPIPE, "the terminal is closed")
        if not data:
            return
        self._outbuf += data
        self._drained.clear()
        self._flush()

    async def write(self, data: bytes) -> int:
        """Write all of ``data``; return its length once the kernel has taken it."""
        self.send(data)
        await self.drain()
        return len(data)

    async def drain(self) -> None:
        await self._drained.wait()

    def _flush(self) -> None:
        try:
            while self._outbuf:
                n = os.write(self._fd, self._outbuf)
                del self._outbuf[:n]
        except BlockingIOError:
            pass
        except OSError as exc:
            # The child is gone (EIO): what it will never read is dropped.
            log.info("pty %d write failed: %s", self.pid, exc)
            self._outbuf.clear()
        if self._outbuf and not self._writing:
            self._loop.add_writer(self._fd, self._flush)
            self._writing = True
        elif not self._outbuf:
            if self._writing:
                self._loop.remove_writer(self._fd)
                self._writing = False
            self._drained.set()

    # ------------------------------------------------------------ terminal

    def resize(self, cols: int, rows: int) -> None:
        """Set the window size; the kernel sends the child SIGWINCH."""
        if not self._closed:
            self._proc.setwinsize(rows, cols)

    def echo_enabled(self) -> bool:
        """Whether the terminal echoes input (False during ``getpass``: a secret is asked)."""
        return self._lflag(termios.ECHO)

    def canonical(self) -> bool:
        """Whether the terminal is in line mode; raw-mode TUIs turn ECHO off too, so a
        secret prompt is echo off *and* canonical."""
        return self._lflag(termios.ICANON)

    def _lflag(self, flag: int) -> bool:
        if self._closed:
            return True
        try:
            return bool(termios.tcgetattr(self._fd)[3] & flag)
        except termios.error:  # the other side is gone: nothing is being asked
            return True

    def foreground_pgid(self) -> int | None:
        """The process group in the terminal's foreground, or None once closed."""
        if self._closed:
            return None
        try:
            return os.tcgetpgrp(self._fd)
        except OSError:
            return None

    def foreground_blocked_on_read(self) -> bool:
        """Whether the foreground process sits in ``read(0)``: a line-reading program waits.

        Linux only (``/proc/<pid>/syscall``); False wherever it cannot be told.
        Event-loop programs (node, so Claude Code) wait in epoll and never show it.
        """
        pgid = self.foreground_pgid()
        if pgid is None or pgid <= 0 or _READ_SYSCALL is None:
            return False
        try:
            with open(f"/proc/{pgid}/syscall", "rb") as f:
                fields = f.read(64).split()
        except OSError:
            return False
        return len(fields) >= 2 and fields[0] == str(_READ_SYSCALL).encode() and fields[1] == b"0x0"

    # ------------------------------------------------------------ stopping

    def _signal_groups(self, sig: int) -> None:
        groups = {self.pid}
        fg = self.foreground_pgid()
        if fg is not None and fg > 0:
            groups.add(fg)  # a shell's foreground job runs in its own group
        for pgid in groups:
            try:
                os.killpg(pgid, sig)
            except (ProcessLookupError, PermissionError):
                pass

    async def terminate(self, force: bool = False, grace: float = DEFAULT_GRACE) -> int:
        """Stop the child; return its exit code.

        Gentle: SIGHUP + SIGTERM (+ SIGCONT, so a stopped job can die) to the
        child's process group and the terminal's foreground group, then SIGKILL
        after ``grace`` seconds. ``force``: SIGKILL at once.
        """
        if not self._exit.done():
            if not force:
                for sig in (signal.SIGHUP, signal.SIGTERM, signal.SIGCONT):
                    self._signal_groups(sig)
                try:
                    async with asyncio.timeout(grace):
                        return await self.wait()
                except TimeoutError:
                    log.info("pty %d ignored SIGHUP/SIGTERM for %.1fs; killing", self.pid, grace)
            self._signal_groups(signal.SIGKILL)
        return await self.wait()

    async def close(self, grace: float = 1.0) -> int:
        """Kill what is left, reap the child, close every fd. Idempotent; returns the exit code."""
        if self._closed:
            return await self.wait()
        if not self._exit.done():
            await self.terminate(force=True)
        # The leader is reaped, but a member of its group that ignored SIGHUP
        # may still hold the terminal. Its group id cannot be reused while it
        # lives, so this reaches only our leftovers.
        self._signal_groups(signal.SIGKILL)
        if not self._eof.is_set():
            await self.wait_eof(grace)
        self._closed = True
        self._loop.remove_reader(self._fd)
        if self._writing:
            self._loop.remove_writer(self._fd)
            self._writing = False
        self._outbuf.clear()
        self._drained.set()
        self._proc.fileobj.close()  # closes the master fd
        # Tell ptyprocess it is done: its __del__ would otherwise sleep and waitpid.
        self._proc.closed = True
        self._proc.terminated = True
        return await self.wait()


def _kill_orphan_spawn(fut: asyncio.Future[ptyprocess.PtyProcess]) -> None:
    if fut.cancelled() or fut.exception() is not None:
        return
    proc = fut.result()
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    # Daemon-less reap: SIGKILL makes this waitpid return at once.
    proc.fileobj.close()
    proc.closed = True
    try:
        os.waitpid(proc.pid, 0)
    except ChildProcessError:
        pass
