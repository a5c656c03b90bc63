"""Checklists drawn like single selects, told apart by a probe. Pure.

InquirerPy's ``select(multiselect=True)`` and @inquirer's checkbox themed with a blank
unticked icon and no help line draw a pointer and bare labels, exactly like a single
select, until a row is ticked: nothing on the screen says the list takes several items.
The program's behaviour does: Space ticks the highlighted row of a checklist, which draws
a mark in a column between the pointer and the label, and does nothing to a single
select that reads Space as no key.

:func:`probe_layout` says when a menu is drawn that way (bare rows under the question,
one pointer, nothing under the rows and no legend naming a key, which a library that
binds Space to something else draws); the answer loop then presses Space once and feeds
the screen after it to :func:`read_probe`. A :class:`TickColumn` back means a checklist:
:meth:`TickColumn.states` reads every row's tick and :meth:`TickColumn.pointer` the
highlighted row on later screens, so the answer is toggled and checked on the screen
before Enter. None means a select, answered as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from shared.protocol import PromptKind, PromptOption
from supervisor.prompts.answer import choose_many
from supervisor.prompts.detect_types import Detection
from supervisor.screen import ScreenSnapshot

# A legend or hint naming keys: a program that draws one says how it is answered, so it
# is never probed (prompts' select submits on Space and says "Return to submit").
# It is looked for on the whole question line, whose hint the detector may keep in the
# question ("Log format › - arrows, then return"), so a question worded with one of these
# words is never probed either: the probe is only ever an extra chance.
_LEGEND = re.compile(
    r"(?i)\b(?:enter|return|submit|space|select|toggle|arrows?|navigate|move|filter|type)\b"
    r"|[⏎↵↑↓]"
)


@dataclass(frozen=True)
class RowLayout:
    """Where a bare menu's rows are: the question's line, each option's line (in order,
    consecutive), the column every label starts at and the pointer's column."""

    question_row: int
    rows: tuple[int, ...]
    labels: tuple[str, ...]
    label_col: int
    pointer_col: int
    highlighted: int


@dataclass(frozen=True)
class TickColumn:
    """A probed checklist: a row is ticked when ``glyph`` is drawn at ``col`` before its label."""

    layout: RowLayout
    col: int
    glyph: str

    def states(self, snapshot: ScreenSnapshot) -> tuple[bool, ...] | None:
        """Each row's tick on ``snapshot``; None when a row no longer holds its label."""
        lines = snapshot.lines
        out: list[bool] = []
        for row, label in zip(self.layout.rows, self.layout.labels, strict=True):
            line = lines[row] if row < len(lines) else ""
            if line[self.layout.label_col :].rstrip() != label:
                return None
            out.append(len(line) > self.col and line[self.col] == self.glyph)
        return tuple(out)

    def pointer(self, snapshot: ScreenSnapshot) -> int | None:
        """The highlighted row's index on ``snapshot`` (the one with the pointer), or None."""
        lines = snapshot.lines
        lit = [
            i
            for i, row in enumerate(self.layout.rows)
            if row < len(lines)
            and len(lines[row]) > self.layout.pointer_col
            and not lines[row][self.layout.pointer_col].isspace()
        ]
        return lit[0] if len(lit) == 1 else None


def probe_layout(found: Detection, snapshot: ScreenSnapshot) -> RowLayout | None:
    """``found``'s rows when it is a single-choice arrow menu drawn with bare rows that a
    checklist with a blank icon also draws, so Space may be pressed to tell; else None."""
    if found.kind is not PromptKind.CHOICE or found.select != "arrows" or found.checked:
        return None
    if found.positions is not None or found.selected_index is None or len(found.options) < 2:
        return None
    lines = snapshot.lines
    head = found.question.strip()
    q = next((i for i in range(len(lines) - 1, -1, -1) if head and head in lines[i]), None)
    if q is None or _LEGEND.search(lines[q]):
        return None
    labels = tuple(o.label for o in found.options)
    rows = tuple(range(q + 1, q + 1 + len(labels)))
    if rows[-1] >= len(lines) or any(line.strip() for line in lines[rows[-1] + 1 :]):
        return None
    prefixes: list[str] = []
    for row, label in zip(rows, labels, strict=True):
        line = lines[row].rstrip()
        if not label or not line.endswith(label):
            return None
        prefixes.append(line[: len(line) - len(label)])
    col = len(prefixes[0])
    if any(len(p) != col for p in prefixes):
        return None
    lit = found.selected_index
    marks = [p.strip() for p in prefixes]
    if any(m for i, m in enumerate(marks) if i != lit) or len(marks[lit]) != 1:
        return None  # other rows carry marks (circles, boxes): the detector reads those
    pointer_col = prefixes[lit].index(marks[lit])
    return RowLayout(q, rows, labels, col, pointer_col, lit)


def read_probe(
    layout: RowLayout, before: ScreenSnapshot, after: ScreenSnapshot
) -> TickColumn | None:
    """The tick column when Space (pressed between ``before`` and ``after``) drew one
    new mark before the highlighted row's label and changed nothing else in the menu;
    None otherwise (a select: nothing changed, or the menu changed otherwise)."""
    old, new = before.lines, after.lines
    last = layout.rows[-1]
    if len(new) <= last or new[layout.question_row] != old[layout.question_row]:
        return None
    lit_row = layout.rows[layout.highlighted]
    if any(new[r].rstrip() != old[r].rstrip() for r in layout.rows if r != lit_row):
        return None
    was, now = old[lit_row].rstrip(), new[lit_row].rstrip()
    col = layout.label_col
    if now[col:] != was[col:] or len(now) != len(was):
        return None
    changed = [i for i in range(col) if was[i] != now[i]]
    if len(changed) != 1 or now[changed[0]].isspace() or changed[0] == layout.pointer_col:
        return None
    return TickColumn(layout, changed[0], now[changed[0]])


def chosen(layout: RowLayout, answer: str) -> frozenset[int]:
    """The rows ``answer`` names (labels, numbers or unique prefixes, comma-separated);
    raises :class:`supervisor.prompts.answer.PromptError` for one the list does not offer."""
    options = tuple(
        PromptOption(number=i + 1, label=label, key=" ") for i, label in enumerate(layout.labels)
    )
    return frozenset(choose_many(options, answer))


def toggle_order(states: tuple[bool, ...], wanted: frozenset[int], start: int) -> list[int]:
    """The rows to toggle so exactly ``wanted`` is ticked, nearest first from ``start``
    going down, then the rows above it going up (the fewest arrows in one sweep)."""
    flip = [i for i, on in enumerate(states) if on != (i in wanted)]
    below = [i for i in flip if i >= start]
    above = sorted((i for i in flip if i < start), reverse=True)
    return below + above if not below or not above else _shorter(below, above, start)


def _shorter(below: list[int], above: list[int], start: int) -> list[int]:
    """Both sides need toggles: go first to the nearer end of the sweep."""
    down_first = 2 * (below[-1] - start) + (start - above[-1])
    up_first = 2 * (start - above[-1]) + (below[-1] - start)
    return below + above if down_first <= up_first else above + below
