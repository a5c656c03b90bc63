"""Named keys to the bytes a terminal sends, and the terminal modes that change them.

Pure. Arrow keys depend on DECCKM (``CSI ? 1 h``: "application cursor keys"),
which full-screen programs switch on; :class:`CursorKeyMode` follows it by
scanning the output, so it needs no terminal model.
"""

from __future__ import annotations

import re

from shared.protocol import Key

_FIXED: dict[Key, bytes] = {
    Key.ENTER: b"\r",
    Key.ESC: b"\x1b",
    Key.TAB: b"\t",
    Key.SHIFT_TAB: b"\x1b[Z",
    Key.BACKSPACE: b"\x7f",
    Key.CTRL_C: b"\x03",
    Key.CTRL_D: b"\x04",
    Key.CTRL_U: b"\x15",
    Key.SPACE: b" ",
    Key.Y: b"y",
    Key.N: b"n",
}
_ARROWS: dict[Key, bytes] = {Key.UP: b"A", Key.DOWN: b"B", Key.RIGHT: b"C", Key.LEFT: b"D"}

# An Esc followed too soon by another byte reads as Alt+<byte>.
ESC_PAUSE = 0.06
# Ink TUIs read text and "\r" in one burst as a paste, not a submit: Enter waits this long.
ENTER_PAUSE = 0.15


def key_bytes(key: Key, application_cursor: bool = False) -> bytes:
    """The bytes a terminal sends for ``key``; arrows as ``ESC O x`` in application mode."""
    final = _ARROWS.get(key)
    if final is not None:
        return (b"\x1bO" if application_cursor else b"\x1b[") + final
    return _FIXED[key]


_NAMES: dict[bytes, str] = {
    b"\r": "enter",
    b"\x1b": "esc",
    b"\t": "tab",
    b"\x1b[Z": "shift_tab",
    b"\x7f": "backspace",
    b"\x03": "ctrl_c",
    b"\x04": "ctrl_d",
    b"\x15": "ctrl_u",
    b" ": "space",
    b"\x1b[A": "up",
    b"\x1b[B": "down",
    b"\x1b[C": "right",
    b"\x1b[D": "left",
    b"\x1bOA": "up",
    b"\x1bOB": "down",
    b"\x1bOC": "right",
    b"\x1bOD": "left",
}


def describe(data: bytes) -> str:
    """A printable name for written bytes: "enter", "esc", or the text itself."""
    name = _NAMES.get(data)
    if name is not None:
        return name
    text = data.decode("utf-8", "replace")
    return text if text.isprintable() else repr(text)


# DEC private mode set/reset (CSI ? Pm h / CSI ? Pm l, several modes at once) or a full reset (RIS).
_MODE = re.compile(rb"\x1b\[\?([0-9;]*)([hl])|\x1bc")
_KEEP = 32  # longest partial sequence worth carrying to the next chunk


class CursorKeyMode:
    """Follows DECCKM across output chunks (a sequence may be split between two)."""

    def __init__(self) -> None:
        self.application = False
        self._tail = b""

    def feed(self, data: bytes) -> None:
        chunk = self._tail + data
        for match in _MODE.finditer(chunk):
            if match.group(2) is None:
                self.application = False
            elif b"1" in match.group(1).split(b";"):
                self.application = match.group(2) == b"h"
        esc = chunk.rfind(b"\x1b", max(0, len(chunk) - _KEEP))
        self._tail = chunk[esc:] if esc >= 0 and not _MODE.match(chunk, esc) else b""
