"""A menu's pointer of the program's own choosing, read as the pointer it is. Pure.

Prompt libraries let the caller pick the pointer drawn before the highlighted row
(questionary's and InquirerPy's ``pointer=``, @inquirer's themed cursor icon): any glyph,
an emoji, a pair of signs, a short word. The menu reader knows the usual glyphs only; a
pointer it does not know leaves the rows unmarked, and the list reads as text. What
gives such a pointer away is its column: one row of a block starts with a short token
in a gutter that every other row leaves blank, all labels starting in one column, right
under a question whose library says how to choose (an arrow-key hint) or marks the
question ("? ") and lights the pointed row; a word is taken for a pointer only under that
mark. :func:`with_known_pointer` redraws that
token as the usual pointer, so :mod:`.structure_menus` reads the menu as any other.
"""

from __future__ import annotations

import re
from dataclasses import replace

from supervisor.prompts.structure_rows import HINT, POINTER, QMARK, Row, odd_one

# A pointer: one to three signs (an emoji, "=>", "*"), or a short word ("go"); never a
# tree's or frame's line ("└ ◻ kafka" closes a group in clack's grouped checklist).
_TOKEN = re.compile(
    r"^(?P<token>[^\w\s\u2500-\u257f|]{1,3}|[A-Za-z]{1,6})(?P<gap>\s+)(?P<label>\S.*)$"
)
# A row that is itself a list's item (a box or a radio mark first), never its question.
_ITEM = re.compile(r"^(?:[○◯●◉◻◼□■☐☑☒]|\[[ xX*]\]|\([ *•xX]\))\s")
KNOWN = "❯"  # what the menu reader takes for a pointer


def with_known_pointer(rows: list[Row]) -> list[Row]:
    """``rows``, with a custom pointer (see the module) redrawn as :data:`KNOWN`, its
    label in the other labels' column; unchanged when no block has one."""
    for at, row in enumerate(rows):
        m = _TOKEN.match(row.text)
        if m is None or m.group("token")[0] in POINTER or _ITEM.match(row.text):
            continue  # no token, a pointer the menu reader knows already, or a box
        column = _labels_column(rows, at)
        # The other labels start after the pointer's first cell and no later than its
        # label (@inquirer pads them by two cells whatever the pointer's width).
        if column is None or not row.offset + 2 <= column <= row.offset + m.start("label"):
            continue
        block = _block(rows, at, column)
        if block is None:
            continue
        first, last = block
        if first == 0 or not _asks_above(rows, first, last, at):
            continue
        lead = column - row.offset
        text = KNOWN + " " * (lead - 1) + m.group("label")
        style = row.style[:lead] + row.style[m.start("label") :]
        out = list(rows)
        out[at] = replace(row, text=text, style=style)
        return out
    return rows


def _labels_column(rows: list[Row], at: int) -> int | None:
    """Where the text of the row on the next line (else the previous one) starts."""
    for other in (at + 1, at - 1):
        if 0 <= other < len(rows) and abs(rows[other].index - rows[at].index) == 1:
            return rows[other].offset
    return None


def _block(rows: list[Row], at: int, column: int) -> tuple[int, int] | None:
    """The rows on adjacent lines around ``rows[at]`` whose text starts at ``column``
    (the other labels: their gutter is blank), as (first, last) indexes; None when
    fewer than two rows join it."""
    first = at
    while (
        first > 0
        and rows[first - 1].index == rows[first].index - 1
        and rows[first - 1].offset == column
    ):
        first -= 1
    last = at
    while (
        last + 1 < len(rows)
        and rows[last + 1].index == rows[last].index + 1
        and rows[last + 1].offset == column
    ):
        last += 1
    return (first, last) if last - first >= 2 else None


def _asks_above(rows: list[Row], first: int, last: int, at: int) -> bool:
    """Whether the row above the block is a library's question over a menu: an arrow-key
    hint on it or on a row just under the block, or a "? " mark with the pointed row's
    label lit unlike the others."""
    question = rows[first - 1]
    if (
        question.index != rows[first].index - 1
        or question.offset > rows[at].offset
        or _ITEM.match(question.text)
    ):
        return False
    marked = QMARK.match(question.text) is not None
    near = [question.text] + [r.text for r in rows[last + 1 : last + 3]]
    if any(HINT.search(text) for text in near):
        # A word for a pointer only under a library's "? " mark: prose indents words too.
        return marked or not rows[at].text[:1].isalpha()
    if not marked:
        return False
    labels = [
        r.style if i != at else _label_style(r)
        for i, r in enumerate(rows[first : last + 1], start=first)
    ]
    return odd_one(labels) == at - first


def _label_style(row: Row) -> str:
    m = _TOKEN.match(row.text)
    return row.style[m.start("label") :] if m else row.style
