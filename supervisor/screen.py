"""The terminal model: raw PTY bytes in, a readable screen out. The only pyte import.

Pure: no file descriptors. The session feeds it bytes it already journaled, so
a slow model never slows the PTY reader (the screen catches up on demand).
"""

from __future__ import annotations

from dataclasses import dataclass

import pyte  # noqa: TID251 - this module owns pyte


@dataclass(frozen=True)
class ScreenSnapshot:
    """What a person would see: rows with trailing blanks stripped, and the cursor."""

    lines: tuple[str, ...]
    cursor_row: int
    cursor_col: int
    cols: int
    rows: int
    alternate: bool = False
    scrollback: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return "\n".join(self.lines).rstrip("\n")

    @property
    def cursor_line(self) -> str:
        return self.lines[self.cursor_row] if 0 <= self.cursor_row < len(self.lines) else ""


class TerminalModel:
    """A VT100-ish screen of ``cols`` x ``rows`` fed with raw bytes."""

    def __init__(self, cols: int = 120, rows: int = 40) -> None:
        self._screen = pyte.Screen(cols, rows)
        self._stream = pyte.ByteStream(self._screen)

    def feed(self, data: bytes) -> None:
        self._stream.feed(data)

    def resize(self, cols: int, rows: int) -> None:
        self._screen.resize(rows, cols)

    def take_replies(self) -> bytes:
        """Answers owed to terminal queries (DSR, DA) since the last call."""
        return b""

    def snapshot(self) -> ScreenSnapshot:
        s = self._screen
        return ScreenSnapshot(
            lines=tuple(line.rstrip() for line in s.display),
            cursor_row=s.cursor.y,
            cursor_col=s.cursor.x,
            cols=s.columns,
            rows=s.lines,
        )
