"""The mock agent's only terminal I/O: raw/cooked modes, reads with a timeout, writes, size.

Raw mode is what Ink (so Claude Code) puts the terminal in: no echo, no line
discipline, no signals from Ctrl-C, no output post-processing (so we write
``\\r\\n``). ``cooked(echo=...)`` switches back to canonical line input for the
classic prompts, which is exactly what the supervisor's termios signal reads:
ICANON with ECHO off means "a password is being asked for".

SIGWINCH wakes a blocked :meth:`Terminal.read` through a self-pipe, so a resize
redraws at once; SIGTERM and SIGHUP raise ``SystemExit`` so the terminal is
always restored on the way out.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import termios
import tty
from collections.abc import Iterator
from types import FrameType, TracebackType
from typing import Any

_LFLAG = 3
_IFLAG = 0
_OFLAG = 1


class Terminal:
    """A TTY on ``fd_in``/``fd_out``; use as a context manager to enter and leave raw mode."""

    def __init__(self, fd_in: int = 0, fd_out: int = 1) -> None:
        self.fd_in, self.fd_out = fd_in, fd_out
        self._saved: list[Any] | None = None
        self._wake_r, self._wake_w = -1, -1
        self._old_wakeup_fd = -1

    @staticmethod
    def is_terminal(fd_in: int = 0, fd_out: int = 1) -> bool:
        return os.isatty(fd_in) and os.isatty(fd_out)

    def __enter__(self) -> Terminal:
        self._saved = termios.tcgetattr(self.fd_in)
        self._wake_r, self._wake_w = os.pipe()
        os.set_blocking(self._wake_w, False)
        self._old_wakeup_fd = signal.set_wakeup_fd(self._wake_w, warn_on_full_buffer=False)
        signal.signal(signal.SIGWINCH, _ignore)
        signal.signal(signal.SIGTERM, _exit_on_signal)
        signal.signal(signal.SIGHUP, _exit_on_signal)
        # TCSANOW, not tty's default TCSAFLUSH: keys typed ahead must not be thrown away.
        tty.setraw(self.fd_in, termios.TCSANOW)
        self.write("\x1b[?2004h")  # bracketed paste, as Claude Code enables it
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        # The terminal may already be gone (hangup): restoring is best effort.
        with contextlib.suppress(OSError, EOFError):
            self.write("\x1b[?2004l\x1b[0m")
        if self._saved is not None:
            with contextlib.suppress(termios.error, OSError):
                termios.tcsetattr(self.fd_in, termios.TCSAFLUSH, self._saved)
        signal.set_wakeup_fd(self._old_wakeup_fd)
        for fd in (self._wake_r, self._wake_w):
            with contextlib.suppress(OSError):
                os.close(fd)

    def write(self, text: str) -> None:
        """Write everything; a vanished terminal raises EOFError."""
        data = text.encode()
        try:
            while data:
                data = data[os.write(self.fd_out, data) :]
        except OSError as exc:
            raise EOFError("the terminal went away") from exc

    def size(self) -> tuple[int, int]:
        """(columns, rows), with a sane fallback when the size is unknown."""
        try:
            cols, rows = os.get_terminal_size(self.fd_out)
        except OSError:
            return 80, 24
        return (cols or 80), (rows or 24)

    def read(self, timeout: float | None = None) -> bytes:
        """Bytes the user typed; ``b""`` on timeout or resize; EOFError when the terminal closed."""
        try:
            ready, _, _ = select.select([self.fd_in, self._wake_r], [], [], timeout)
        except InterruptedError:
            return b""
        if self._wake_r in ready:
            with contextlib.suppress(BlockingIOError):
                os.read(self._wake_r, 512)
        if self.fd_in not in ready:
            return b""
        try:
            data = os.read(self.fd_in, 4096)
        except OSError as exc:  # EIO: the other side of the PTY closed
            raise EOFError("the terminal went away") from exc
        if not data:
            raise EOFError("the terminal went away")
        return data

    @contextlib.contextmanager
    def cooked(self, echo: bool) -> Iterator[None]:
        """Canonical line input for a classic prompt; back to raw mode afterwards."""
        assert self._saved is not None, "use Terminal as a context manager"
        attrs = termios.tcgetattr(self.fd_in)
        lflag = termios.ICANON | termios.ISIG | termios.IEXTEN
        attrs[_LFLAG] |= lflag
        # Echo the line (and the kill/erase edits) only when it is not a secret.
        echo_flags = termios.ECHO | termios.ECHOE | termios.ECHOK
        attrs[_LFLAG] = attrs[_LFLAG] | echo_flags if echo else attrs[_LFLAG] & ~echo_flags
        attrs[_IFLAG] |= termios.ICRNL
        attrs[_OFLAG] |= termios.OPOST | termios.ONLCR
        termios.tcsetattr(self.fd_in, termios.TCSANOW, attrs)
        # A classic prompt has no bracketed paste: pasted answers arrive as plain text.
        self.write("\x1b[?2004l")
        try:
            yield
        finally:
            with contextlib.suppress(termios.error, OSError):
                tty.setraw(self.fd_in, termios.TCSANOW)
            self.write("\x1b[?2004h")

    def read_line(self) -> str | None:
        """One line in cooked mode, without its newline; None at end of input (Ctrl-D)."""
        try:
            data = os.read(self.fd_in, 4096)
        except OSError as exc:
            raise EOFError("the terminal went away") from exc
        if not data:
            return None
        return data.decode(errors="replace").rstrip("\r\n")


def _ignore(signum: int, frame: FrameType | None) -> None:
    """SIGWINCH: nothing to do here; the wakeup fd makes the pending read return."""


def _exit_on_signal(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)
