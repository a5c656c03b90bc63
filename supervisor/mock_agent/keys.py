"""Key decoding for the mock agent: raw terminal bytes in, key tokens out. Pure.

A :class:`KeyDecoder` is fed each ``read()`` of the terminal and returns the
keys it completed. A lone ``ESC`` at the very end of a read may be the start of
an escape sequence split across reads, so it stays pending until the caller,
after a short quiet period, calls :meth:`KeyDecoder.flush` (as Ink and every
real TUI do). Printable text arrives as :class:`Key` with ``name == "char"``.

Bracketed paste (``ESC [200~ ... ESC [201~``) is decoded into one ``paste`` key
carrying the text, so callers never mistake a pasted ``\\r`` for Enter.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

ESC = "\x1b"

# CSI / SS3 finals we understand; anything else is decoded as ``unknown`` and ignored.
_CSI_KEYS = {
    "A": "up",
    "B": "down",
    "C": "right",
    "D": "left",
    "H": "home",
    "F": "end",
    "Z": "shift_tab",
    "3~": "delete",
}
_CONTROL_KEYS = {
    "\r": "enter",
    "\n": "enter",
    "\t": "tab",
    "\x7f": "backspace",
    "\x08": "backspace",
    "\x03": "ctrl_c",
    "\x04": "ctrl_d",
    "\x15": "ctrl_u",
}
_PASTE_START = ESC + "[200~"
_PASTE_END = ESC + "[201~"


@dataclass(frozen=True)
class Key:
    """One key press. ``text`` is set for ``char`` (one character) and ``paste``."""

    name: str
    text: str = ""


class KeyDecoder:
    """Incremental decoder; keeps partial UTF-8 and partial escape sequences between reads."""

    def __init__(self) -> None:
        self._utf8 = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._buffer = ""
        self._paste: list[str] | None = None

    @property
    def pending(self) -> bool:
        """True when an incomplete escape sequence waits for more bytes (or :meth:`flush`)."""
        return bool(self._buffer)

    def feed(self, data: bytes) -> list[Key]:
        self._buffer += self._utf8.decode(data)
        keys: list[Key] = []
        while self._buffer:
            if self._paste is not None:
                if not self._take_paste_body():
                    break
                keys.append(Key("paste", "".join(self._paste)))
                self._paste = None
                continue
            key, used = _decode_one(self._buffer)
            if used == 0:
                break  # incomplete escape sequence: wait for more bytes
            self._buffer = self._buffer[used:]
            if key.name == "paste_start":
                self._paste = []
            else:
                keys.append(key)
        return keys

    def flush(self) -> list[Key]:
        """Resolve what is pending after a quiet period: a lone ESC is the Esc key."""
        if self._paste is not None:
            # A paste that never ended: deliver what came rather than swallow input.
            text, self._paste = "".join(self._paste) + self._buffer, None
            self._buffer = ""
            return [Key("paste", text)]
        rest, self._buffer = self._buffer, ""
        # Only an escape sequence can be pending; a truncated one reads as a bare Esc.
        return [Key("esc")] if rest else []

    def _take_paste_body(self) -> bool:
        assert self._paste is not None
        end = self._buffer.find(_PASTE_END)
        if end < 0:
            # Keep a possible partial end marker in the buffer for the next read.
            keep = _partial_suffix(self._buffer, _PASTE_END)
            self._paste.append(self._buffer[: len(self._buffer) - keep])
            self._buffer = self._buffer[len(self._buffer) - keep :]
            return False
        self._paste.append(self._buffer[:end])
        self._buffer = self._buffer[end + len(_PASTE_END) :]
        return True


def _partial_suffix(text: str, marker: str) -> int:
    for n in range(min(len(marker) - 1, len(text)), 0, -1):
        if marker.startswith(text[-n:]):
            return n
    return 0


def _decode_one(buf: str) -> tuple[Key, int]:
    """Decode the first key of ``buf``; ``used == 0`` means "incomplete, wait"."""
    ch = buf[0]
    if ch != ESC:
        if ch in _CONTROL_KEYS:
            return Key(_CONTROL_KEYS[ch]), 1
        if ch < " ":
            return Key("unknown", ch), 1
        return Key("char", ch), 1
    if len(buf) == 1:
        return Key("esc"), 0
    nxt = buf[1]
    if nxt == "[":
        return _decode_csi(buf)
    if nxt == "O":
        if len(buf) < 3:
            return Key("esc"), 0
        return Key(_CSI_KEYS.get(buf[2], "unknown")), 3
    if nxt in "\r\n":
        return Key("newline"), 2  # Alt+Enter / ESC CR: a newline inside the input
    if nxt == ESC:
        return Key("esc"), 1
    return Key("meta", nxt), 2  # Alt+key: ignored like Ink's meta keys


def _decode_csi(buf: str) -> tuple[Key, int]:
    # CSI parameters are 0x30-0x3F, intermediates 0x20-0x2F, the final byte 0x40-0x7E.
    i = 2
    while i < len(buf) and "\x20" <= buf[i] <= "\x3f":
        i += 1
    if i >= len(buf):
        return Key("esc"), 0
    if not "\x40" <= buf[i] <= "\x7e":
        return Key("unknown"), i  # malformed: drop it rather than misread the text after
    body = buf[2 : i + 1]
    if body == "200~":
        return Key("paste_start"), i + 1
    name = _CSI_KEYS.get(body)
    if name is None and body[-1].isalpha():
        name = _CSI_KEYS.get(body[-1])  # modified arrows such as CSI 1;2A
    return Key(name or "unknown"), i + 1
