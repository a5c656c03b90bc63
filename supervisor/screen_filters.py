"""Byte filters in front of pyte: what the terminal model must see differently from pyte.

Pure and stateful across chunks (a sequence may be split between two reads of
the PTY); neither filter ever raises, whatever the bytes.

* :class:`ControlStrings` consumes the control strings pyte does not know: DCS
  (``ESC P``), SOS (``ESC X``), PM (``ESC ^``) and APC (``ESC _``), and their C1
  forms as UTF-8 (U+0090, U+0098, U+009E, U+009F). pyte 0.8.2 ignores the
  introducer and draws the payload as text: blessed (Python ``inquirer``) asks
  for capabilities with XTGETTCAP (``ESC P + q 544e ESC \\``) before its menu, and
  ``+q544e+q524742...`` would sit at the top of the screen. OSC is pyte's own.
* :class:`DecGraphics` translates DEC special graphics to Unicode box drawing.

A string ends at ST (``ESC \\`` or U+009C) or BEL, as xterm's OSC does (for the
other strings xterm wants ST; ending at BEL too shows text a broken program meant
to show rather than hide it). CAN or SUB abort it, and any other escape sequence
aborts it and is then read as itself, as the DEC parser does: a string that is
never terminated hides text only up to the next escape sequence.
"""

from __future__ import annotations

import re

# DEC special graphics (``ESC ( 0``), which pyte ignores in UTF-8 mode: ncurses
# (dialog) draws its boxes with it when the locale is not UTF-8.
_DEC_GRAPHICS = dict(
    zip(b"`abcdefghijklmnopqrstuvwxyz{|}~", "◆▒␉␌␍␊°±␤␋┘┐┌└┼⎺⎻─⎼⎽├┤┴┬│≤≥π≠£·", strict=True)
)

# ESC P/X/^/_ or their C1 forms encoded as UTF-8 (C2 90, C2 98, C2 9E, C2 9F).
_STRING_START = re.compile(rb"\x1b[PX^_]|\xc2[\x90\x98\x9e\x9f]")
# What may end a string: BEL, CAN, SUB, ESC (ST or another sequence), C1 ST.
_STRING_END = re.compile(rb"[\x07\x18\x1a\x1b]|\xc2\x9c")
_DCS = (0x50, 0x90)  # the byte after ESC or C2 that opened a DCS
MAX_QUERY = 256  # bytes of a DCS payload kept to read a query; longer ones are only consumed
MAX_NAME_HEX = 64  # hex digits of a capability name echoed in a reply
_HEX = re.compile(rb"(?:[0-9A-Fa-f]{2})+")


def xtgettcap_reply(payload: bytes) -> bytes:
    """The answer to the DCS ``payload`` if it is an XTGETTCAP query, else ``b""``.

    The model knows no capability, so it gives xterm's answer for an unknown one,
    ``ESC P 0 + r <name> ESC \\``, for the first name only: xterm stops at the first
    name it does not know. The reply echoes nothing but hex digits, so a query
    printed by a hostile file cannot type a command into the shell.
    """
    if not payload.startswith(b"+q"):
        return b""
    name = payload[2:].split(b";", 1)[0]
    if len(name) > MAX_NAME_HEX or not _HEX.fullmatch(name):
        return b""
    return b"\x1bP0+r" + name + b"\x1b\\"


class ControlStrings:
    """Consumes DCS, SOS, PM and APC strings; collects the replies owed to queries.

    :meth:`feed` returns the bytes to draw, cut where a reply is owed, so that the
    replies keep their order relative to the queries the screen itself answers
    (a cursor position request after an XTGETTCAP is answered after it).
    """

    def __init__(self) -> None:
        self._carry = b""
        self._open: int | None = None  # the byte that opened the current string
        self._payload = bytearray()

    def feed(self, data: bytes) -> list[tuple[bytes, bytes]]:
        """``[(bytes to draw, reply owed after them), ...]``; replies may be ``b""``."""
        if self._carry:
            data, self._carry = self._carry + data, b""
        if self._open is None and _STRING_START.search(data) is None:
            return [(self._hold_tail(data), b"")]  # the common case: no string anywhere
        out: list[tuple[bytes, bytes]] = []
        draw = bytearray()
        i, n = 0, len(data)
        while i < n:
            if self._open is None:
                start = _STRING_START.search(data, i)
                if start is None:
                    draw += self._hold_tail(data[i:])
                    break
                draw += data[i : start.start()]
                self._open, self._payload = data[start.end() - 1], bytearray()
                i = start.end()
                continue
            end = _STRING_END.search(data, i)
            if end is None:
                self._keep(self._hold_tail(data[i:]))
                break
            self._keep(data[i : end.start()])
            j, byte = end.start(), data[end.start()]
            if byte == 0x1B and j + 1 == n:
                self._carry = b"\x1b"  # ST or another sequence: the next chunk says
                break
            # BEL and ST end it; CAN, SUB and any other sequence cut it short
            terminated = byte in (0x07, 0xC2) or byte == 0x1B and data[j + 1] == 0x5C
            reply = xtgettcap_reply(bytes(self._payload)) if terminated else b""
            if self._open in _DCS and reply:
                out.append((bytes(draw), reply))
                draw = bytearray()
            self._open, self._payload = None, bytearray()
            if byte == 0x1B and not terminated:
                i = j  # another sequence cut the string short: it is read as itself
            else:
                i = end.end() + (1 if byte == 0x1B else 0)
        if draw or not out:
            out.append((bytes(draw), b""))
        return out

    def _hold_tail(self, data: bytes) -> bytes:
        """``data`` less a last byte that may begin an introducer or a terminator."""
        if data[-1:] in (b"\x1b", b"\xc2"):
            self._carry = data[-1:]
            return data[:-1]
        return data

    def _keep(self, chunk: bytes) -> None:
        if self._open in _DCS and len(self._payload) <= MAX_QUERY:
            self._payload += chunk[: MAX_QUERY + 1 - len(self._payload)]


class DecGraphics:
    """Translates DEC special graphics (``ESC ( 0`` ... ``ESC ( B``) to Unicode box drawing.

    Stateful across chunks (a designation may be split between two reads); chunks
    without an ``ESC (`` and outside graphics mode pass through untouched.
    """

    def __init__(self) -> None:
        self.graphics = False
        self._carry = b""

    def feed(self, data: bytes) -> bytes:
        data = self._carry + data
        self._carry = b""
        if not self.graphics and b"\x1b(" not in data:
            if data.endswith(b"\x1b"):
                self._carry, data = b"\x1b", data[:-1]
            return data
        out = bytearray()
        i, n = 0, len(data)
        while i < n:
            byte = data[i]
            if byte == 0x1B:
                if i + 2 >= n and data[i + 1 : i + 2] in (b"", b"("):
                    self._carry = data[i:]
                    break
                if data[i + 1] == 0x28:  # ESC ( <charset>
                    self.graphics = data[i + 2] == 0x30
                    i += 3
                    continue
                # another escape sequence: copy up to its final byte untouched
                j = i + 1
                if data[j] == 0x5B:  # CSI: parameters, then a final byte in @..~
                    j += 1
                    while j < n and not 0x40 <= data[j] <= 0x7E:
                        j += 1
                out += data[i : j + 1]
                i = j + 1
                continue
            if self.graphics and byte in _DEC_GRAPHICS:
                out += _DEC_GRAPHICS[byte].encode()
            else:
                out.append(byte)
            i += 1
        return bytes(out)
