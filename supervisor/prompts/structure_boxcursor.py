"""Lists whose cursor is drawn by the box itself, maybe with caption rows. Pure.

Some libraries draw no pointer and no highlighted label: the box is the cursor.
cutie's ``select`` marks the cursor row ``[x]`` and every other ``[ ]``; its
``select_multiple`` draws the cursor row's box in other brackets (``{x}``/``{ }``)
than the rest (``(x)``/``( )``), whose inner mark is the tick. Both may interleave
caption rows (a group name, unboxed) that the arrows pass over: they are no options
and take no arrow press.

:func:`find_box_cursor` takes the rows of
:func:`~supervisor.prompts.structure_rows.rows_of` and returns a :class:`Detection`
or None; :mod:`structure_menus` handles every list with a pointer, a lit row or a
key hint.
"""

from __future__ import annotations

import re
from dataclasses import replace

from shared.protocol import PromptKind
from supervisor.prompts.detect_types import Detection, Signals
from supervisor.prompts.structure_rows import (
    HINT,
    POINTER,
    RULE,
    WORDY,
    Row,
    build_detection,
    clean_question,
    label_style,
    make_options,
    odd_one,
)
from supervisor.screen import ScreenSnapshot

_BOXED = re.compile(r"^(?P<box>\[[ xX*]\]|\([ xX*]\)|\{[ xX*]\})\s+(?P<label>\S.*?)\s*$")
# A caption: a short group name, no marker of any kind before it.
_CAPTION = re.compile(r"^[^\s\[({" + POINTER + r"\-*•●○◯◉]\S*(?:\s\S+){0,5}$")
_MARKED = re.compile(r"^(?:[" + POINTER + r"*•]\s|[\[({].?[\])}])")
_PAIRS = {"[": "square", "(": "round", "{": "curly"}
_MAX_CAPTION = 40


def find_box_cursor(
    snapshot: ScreenSnapshot, rows: list[Row], signals: Signals
) -> Detection | None:
    """A list whose box marks the cursor (see the module docstring), or None."""
    if signals.canonical:
        return None
    end = len(rows)
    while end > 0 and (HINT.search(rows[end - 1].text) or RULE.match(rows[end - 1].text)):
        end -= 1
    block = _block(rows[:end])
    boxed = [(row, m) for row, m in block if m is not None]
    if len(boxed) < 2 or block[-1][1] is None:
        return None
    first = next(i for i, (_, m) in enumerate(block) if m is not None)
    inner_captions = [row for row, m in block[first:] if m is None]
    lead = [row for row, _ in block[:first]]
    # The unboxed rows above the first box: the question, then maybe the first caption
    # (only when the list has captions of its own further down).
    if inner_captions and len(lead) >= 2:
        question_row = lead[-2]
    elif lead:
        question_row = lead[-1]
    else:
        return None
    if not WORDY.search(question_row.text) or _MARKED.match(question_row.text):
        return None  # a pointer's row ("❯ [ ] a") is an option, never the question
    last = boxed[-1][0].index
    if not question_row.index <= snapshot.cursor_row <= last + 3:
        return None
    boxes = [m.group("box") for _, m in boxed]
    labels = [m.group("label") for _, m in boxed]
    marks = [box[1] != " " for box in boxes]
    shapes = [_PAIRS[box[0]] for box in boxes]
    odd = [i for i, s in enumerate(shapes) if shapes.count(s) == 1]
    hints = " ".join(row.text for row in rows[rows.index(question_row) :])
    keys = [str(n + 1) for n in range(len(labels))]
    question = clean_question(question_row.text)
    if len(set(shapes)) == 2 and len(odd) == 1:
        # The one box in other brackets is the cursor; every inner mark is a tick.
        found = build_detection(
            PromptKind.MULTI_CHOICE,
            question,
            make_options(labels, keys, odd[0]),
            snapshot,
            question_row.index,
            "checkbox",
            0.85,
            "menu",
        )
        return replace(found, checked=tuple(marks))
    if (
        len(set(shapes)) == 1
        and marks.count(True) == 1
        and not re.search(r"(?i)\bspace\b", hints)
        and odd_one([label_style(row, m.group("label")) for row, m in boxed]) is None
        and snapshot.cursor_row not in {row.index for row, _ in boxed}
    ):
        # One mark, and nothing else drawn differently: the mark is the cursor of a
        # single choice (a checkbox list would show its cursor some other way).
        return build_detection(
            PromptKind.CHOICE,
            question,
            make_options(labels, keys, marks.index(True)),
            snapshot,
            question_row.index,
            "arrows",
            0.8,
            "menu",
        )
    return None


def _block(rows: list[Row]) -> list[tuple[Row, re.Match[str] | None]]:
    """The adjacent rows ending at the bottom: boxed rows, captions, and the rows above
    them up to the first that is neither (the question is the last unboxed one)."""
    out: list[tuple[Row, re.Match[str] | None]] = []
    below = None
    for row in reversed(rows):
        if below is not None and below - row.index > 1:
            break
        m = _BOXED.match(row.text)
        if m is None and not (_CAPTION.match(row.text) and len(row.text) <= _MAX_CAPTION):
            if out and WORDY.search(row.text):
                out.append((row, None))  # a longer question row ends the block
            break
        out.append((row, m))
        below = row.index
    out.reverse()
    # Leading unboxed rows beyond two are text above the list, not part of it.
    first = next((i for i, (_, m) in enumerate(out) if m is not None), len(out))
    return out[max(0, first - 2) :]
