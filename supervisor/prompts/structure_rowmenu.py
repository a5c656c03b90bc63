"""Menus laid out along rows: items side by side on one row (terminal-kit's
``singleLineMenu``: "Save  Save as…  Discard  Cancel") or in columns over one or
more rows (its ``gridMenu``, whose items run down the columns). Pure.

No marker says which item is chosen: the highlight is drawn by colour or reverse
video alone. So rows read as such a menu only when all of these hold: the program
owns the keyboard (raw mode), the cursor is on the rows, a question (a row ending in
"?" or ":") is right above them (a blank row between them at most), the rows split
into items set apart by two or more spaces, two or more items in all, each short,
and exactly one item is drawn unlike the others. Its keys: Tab moves to the next
item (wrapping past the last), Enter picks; so its ``select`` is ``buttons``.
"""

from __future__ import annotations

import re

from shared.protocol import PromptKind
from supervisor.prompts.detect_types import Detection, Signals
from supervisor.prompts.structure_rows import (
    HINT,
    WORDY,
    Row,
    build_detection,
    clean_question,
    make_options,
    odd_one,
)
from supervisor.screen import ScreenSnapshot

# One item: words joined by single spaces; two or more spaces end it.
_CELL = re.compile(r"\S+(?: \S+)*")
MAX_LABEL = 30
MAX_ITEMS = 40


def find_row_menu(snapshot: ScreenSnapshot, rows: list[Row], signals: Signals) -> Detection | None:
    """The menu whose items sit side by side on the cursor's rows, or None (see the
    module docstring)."""
    if signals.canonical:
        return None  # a line reader: what it printed is answered on the line
    at = next((i for i, row in enumerate(rows) if row.index == snapshot.cursor_row), None)
    if at is None:
        return None
    # The block: the cursor's row and the rows right below it (a grid's later rows).
    end = at + 1
    while end < len(rows) and rows[end].index == rows[end - 1].index + 1:
        end += 1
    # Up to the question: rows right above the cursor's belong to the block.
    start = at
    while (
        start > 0
        and rows[start - 1].index == rows[start].index - 1
        and not _is_question(rows[start - 1].text)
    ):
        start -= 1
    if start == 0:
        return None
    question_row, block = rows[start - 1], rows[start:end]
    if block[0].index - question_row.index > 2 or not _is_question(question_row.text):
        return None
    placed: list[tuple[int, int, str, str]] = []  # column, row, label, style
    for row in block:
        if HINT.search(row.text):
            return None  # a library's own hint: a list the other finders read
        for m in _CELL.finditer(row.text):
            placed.append(
                (row.offset + m.start(), row.index, m.group(0), row.style[m.start() : m.end()])
            )
    # A grid over several rows runs down its columns (terminal-kit's gridMenu, as ``ls``
    # lays out names): Tab visits the items in that order.
    cells = [(label, style) for _, _, label, style in sorted(placed)]
    if not any(len(list(_CELL.finditer(row.text))) >= 2 for row in block):
        return None  # one item a row: a column list, for the marker menus
    labels = [label for label, _ in cells]
    if not 2 <= len(labels) <= MAX_ITEMS or any(len(label) > MAX_LABEL for label in labels):
        return None
    if len({label.casefold() for label in labels}) != len(labels):
        return None  # repeated words: a table or a status line, not choices
    selected = odd_one([style for _, style in cells])
    if selected is None:
        return None
    return build_detection(
        PromptKind.CHOICE,
        clean_question(question_row.text),
        make_options(labels, [str(n + 1) for n in range(len(labels))], selected),
        snapshot,
        question_row.index,
        "buttons",
        0.8,
        "row_menu",
    )


def _is_question(text: str) -> bool:
    stripped = text.rstrip()
    return bool(WORDY.search(stripped)) and stripped.endswith(("?", ":"))
