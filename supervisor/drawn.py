"""Where terminal output draws each character, and which byte drew it (pure).

A minimal terminal model for redaction, not for display: it follows the cursor
through printable characters, carriage returns, line feeds, backspace, tabs,
cursor moves (CUU/CUD/CUF/CUB/CNL/CPL/CHA/VPA/CUP/HVP, save and restore),
erases (ED, EL, ECH) and autowrap at ``cols``, and remembers for every cell the
byte range that last drew it. Colours and every other sequence are skipped.
Rows are unbounded (no scrolling), so absolute positions stay comparable.

Used by :mod:`supervisor.stream_redact` to see a secret that is drawn out of
order (right half first, then the left) and mask the bytes that drew it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# One token, bytes as latin-1: a CSI sequence (params, final), another escape
# sequence, one control character, or one UTF-8 character.
_TOKEN = re.compile(
    r"\x1b\[([0-?]*)[ -/]*([@-~])"
    r"|\x1b\][^\x07\x1b]*+(?:\x07|\x1b\\)?"
    r"|\x1b[PX^_][^\x1b]*+(?:\x1b\\)?"
    r"|\x1b([ -/]*[0-~])?"
    r"|([\x00-\x1f\x7f])"
    r"|([ -~]+)"
    r"|[\xc0-\xff][\x80-\xbf]*|[\x80-\xbf]"
)
# Everything that moves the cursor other than by drawing, or erases: its
# presence is what makes a window worth drawing out. Separate patterns, each
# with a literal first character, so a search skips ahead at C speed. A CR at
# the very end may be the first half of CR LF, so it does not count.
_MOTIONS = (
    re.compile(r"\x1b\[[0-?]*[ -/]*[ABCDEFGHJKXdfaesu`]"),
    re.compile(r"\x1b[78DEMc]"),
    re.compile(r"\x08"),
    re.compile(r"\r(?!\n|\Z)"),
)


def moves(text: str, start: int = 0) -> bool:
    """Whether ``text`` from ``start`` moves the cursor other than by drawing, or erases."""
    return any(pattern.search(text, start) is not None for pattern in _MOTIONS)


MAX_ROWS = 10_000  # absolute row numbers beyond this are folded in (no huge tables)


@dataclass(frozen=True)
class Row:
    """One row's text (a space where nothing was drawn) and, per character, the
    ``(start, end)`` of the bytes that drew it (None for a blank)."""

    y: int
    text: str
    origins: list[tuple[int, int] | None]


def draw(text: str, cols: int) -> list[Row]:
    """Draw ``text`` (bytes as latin-1) from the top-left of an empty screen ``cols`` wide."""
    cols = max(1, cols)
    cells: dict[int, dict[int, tuple[str, int, int]]] = {}
    y = x = 0
    saved = (0, 0)
    for match in _TOKEN.finditer(text):
        params, final, esc, control, run = match.groups()
        if run is not None:  # the common case: printable ASCII, one cell a byte
            start = match.start()
            line = cells.setdefault(y, {})
            for offset, char in enumerate(run):
                if x >= cols:  # autowrap: the character goes to the next row
                    y, x = min(MAX_ROWS, y + 1), 0
                    line = cells.setdefault(y, {})
                line[x] = (char, start + offset, start + offset + 1)
                x += 1
            continue
        if final == "m":
            continue  # colours: the most common sequence, and no move
        if final is not None:
            n = _params(params)
            first = n[0] if n else 0
            step = max(first, 1)
            if final == "A":
                y = max(0, y - step)
            elif final in "Be":
                y = min(MAX_ROWS, y + step)
            elif final in "Ca":
                x = min(cols - 1, x + step)
            elif final == "D":
                x = max(0, min(x, cols - 1) - step)
            elif final == "E":
                y, x = min(MAX_ROWS, y + step), 0
            elif final == "F":
                y, x = max(0, y - step), 0
            elif final in "G`":
                x = min(cols, step) - 1
            elif final == "d":
                y = min(MAX_ROWS, step) - 1
            elif final in "Hf":
                y = min(MAX_ROWS, step) - 1
                x = min(cols, max(n[1] if len(n) > 1 else 1, 1)) - 1
            elif final == "J":
                _erase_display(cells, y, x, first)
            elif final == "K":
                _erase_line(cells.get(y), x, first)
            elif final == "X":
                row = cells.get(y)
                for col in range(x, min(cols, x + step)):
                    if row:
                        row.pop(col, None)
            elif final == "s":
                saved = (y, x)
            elif final == "u":
                y, x = saved
        elif esc is not None:
            if esc == "7":
                saved = (y, x)
            elif esc == "8":
                y, x = saved
            elif esc in ("D", "E"):
                y, x = min(MAX_ROWS, y + 1), 0 if esc == "E" else x
            elif esc == "M":
                y = max(0, y - 1)
            elif esc == "c":
                cells.clear()
                y = x = 0
        elif control is not None:
            if control == "\r":
                x = 0
            elif control in "\n\x0b\x0c":
                y = min(MAX_ROWS, y + 1)
            elif control == "\x08":
                x = max(0, min(x, cols - 1) - 1)
            elif control == "\t":
                x = min(cols - 1, (x // 8 + 1) * 8)
        elif match.group():
            if x >= cols:  # autowrap: the character goes to the next row
                y, x = min(MAX_ROWS, y + 1), 0
            cells.setdefault(y, {})[x] = (match.group(), match.start(), match.end())
            x += 1
    rows = []
    for row_y in sorted(cells):
        row = cells[row_y]
        if not row:
            continue
        width = max(row) + 1
        chars = [" "] * width
        origins: list[tuple[int, int] | None] = [None] * width
        for col, (char, start, end) in row.items():
            # A multi-byte character stands as one placeholder letter: secrets are ASCII.
            chars[col] = char if len(char) == 1 else "\x00"
            origins[col] = (start, end)
        rows.append(Row(row_y, "".join(chars), origins))
    return rows


def wrapped(rows: list[Row], cols: int) -> list[Row]:
    """Rows joined where a row is full to the edge and the next row follows it:
    what a person reads as one line that wrapped."""
    joined: list[Row] = []
    for row in rows:
        last = joined[-1] if joined else None
        if last is not None and len(last.text) % cols == 0 and row.y == last.y + 1:
            joined[-1] = Row(row.y, last.text + row.text, last.origins + row.origins)
        else:
            joined.append(row)
    return joined


def _params(raw: str) -> list[int]:
    out = []
    for part in raw.split(";")[:16]:
        digits = part.lstrip("?>=<")
        out.append(int(digits) if digits.isdigit() and len(digits) < 7 else 0)
    return out


def _erase_display(
    cells: dict[int, dict[int, tuple[str, int, int]]], y: int, x: int, how: int
) -> None:
    if how in (2, 3):
        cells.clear()
        return
    for row_y in list(cells):
        if (how == 0 and row_y > y) or (how == 1 and row_y < y):
            del cells[row_y]
    _erase_line(cells.get(y), x, how)


def _erase_line(row: dict[int, tuple[str, int, int]] | None, x: int, how: int) -> None:
    if not row:
        return
    for col in list(row):
        if how == 2 or (how == 0 and col >= x) or (how == 1 and col <= x):
            del row[col]
