"""Terminal bytes as plain text for a person: no escape sequences, whole characters only.

Pure. The relay keeps a session's raw output; when its computer is offline and
no rendered screen was kept, this is what a text read returns. A cut through
the byte stream (a ``max_bytes`` window) can start or end inside a UTF-8
character or an escape sequence: :func:`whole_characters` moves the cut to
character boundaries and says by how much, so offsets stay exact, and
:func:`plain_text` drops escape sequences and control bytes (CSI, OSC, DCS and
two-byte escapes; carriage returns that only redraw a line).
"""

from __future__ import annotations

import re

# ESC [ params final | ESC ] ... (BEL | ESC \) | ESC P/X/^/_ ... ESC \ | ESC + one byte.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"
    r"|\x1b[PX^_][^\x1b]*\x1b\\"
    r"|\x1b[ -/]*(?![\[\]PX^_])[0-~]"
    r"|\x9b[0-?]*[ -/]*[@-~]"
)
# A trailing, unfinished escape sequence (the window ended inside it).
_UNFINISHED = re.compile(r"\x1b(?:\[[0-?]*[ -/]*|\][^\x07\x1b]*|[PX^_][^\x1b]*|[ -/]*)?$")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def whole_characters(data: bytes) -> tuple[int, int]:
    """(bytes to skip at the start, bytes to drop at the end) so ``data`` holds whole
    UTF-8 characters: leading continuation bytes and a trailing partial character."""
    head = 0
    while head < min(len(data), 3) and 0x80 <= data[head] <= 0xBF:
        head += 1
    tail = 0
    for back in range(1, min(4, len(data) - head) + 1):
        byte = data[-back]
        if byte < 0x80:
            break
        if byte >= 0xC0:  # a lead byte: is its sequence complete?
            need = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            tail = back if back < need else 0
            break
    return head, tail


def plain_text(data: bytes) -> str:
    """``data`` (terminal output) as readable text; see the module docstring."""
    text = data.decode("utf-8", "replace")
    text = _UNFINISHED.sub("", _ESCAPES.sub("", text))
    text = text.replace("\r\n", "\n")
    # A bare CR returns to the line start to redraw it: keep what was drawn last.
    lines = [line.rsplit("\r", 1)[-1] for line in text.split("\n")]
    return _CONTROLS.sub("", "\n".join(lines))
