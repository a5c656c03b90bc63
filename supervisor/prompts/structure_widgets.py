"""clack's one-row widgets: an active question over a toggle or an input field. Pure.

Owns :func:`find_widget` (an active ``◆`` question over a ``● Yes / ○ No`` toggle or
an input field, with the cursor just below), taking the rows of
:func:`~supervisor.prompts.structure_rows.rows_of` and returning a :class:`Detection`
or None.
"""

from __future__ import annotations

import re

from shared.protocol import PromptKind
from supervisor.prompts.detect_types import Detection, Signals
from supervisor.prompts.structure_rows import (
    HINT,
    TOGGLE_ROW,
    Row,
    build_detection,
    clean_question,
    field_detection,
    literal_yes,
    make_options,
    toggle_labels,
)
from supervisor.screen import ScreenSnapshot

_ACTIVE_QMARK = re.compile(r"^[◆▲]\s+")  # clack's active question (◇ once answered)


def find_widget(snapshot: ScreenSnapshot, rows: list[Row], signals: Signals) -> Detection | None:
    """clack-style prompts: an active question row, then one row holding a yes/no
    toggle (``● Yes / ○ No``) or an input field, with the cursor just below."""
    if signals.canonical:
        return None
    near = [r for r in rows if snapshot.cursor_row - 4 <= r.index <= snapshot.cursor_row]
    for at, row in enumerate(near):
        if not _ACTIVE_QMARK.match(row.text) or at + 1 >= len(near):
            continue
        question = clean_question(_ACTIVE_QMARK.sub("", row.text))
        below = near[at + 1]
        toggle = TOGGLE_ROW.match(below.text)
        if toggle is not None:
            labels, selected = toggle_labels(toggle)
            return build_detection(
                PromptKind.YES_NO,
                question,
                make_options(labels, ["y", "n"], selected),
                snapshot,
                row.index,
                "toggle",
                0.85,
                "toggle",
            )
        rest = near[at + 2 :]
        if all(r.text in ("└", "╰") or HINT.search(r.text) for r in rest):
            word = literal_yes(question)
            if word is not None:
                return build_detection(
                    PromptKind.YES_NO,
                    question,
                    make_options([word, "no"], [word, "no"], None),
                    snapshot,
                    row.index,
                    "key_raw",
                    0.8,
                    "literal",
                )
            return field_detection(question, snapshot, row.index, 0.8, "field")
    return None


# beaupy's prompt: a question, a "> " field holding what is typed, its hint at the bottom.
_GLYPH_FIELD = re.compile(r"^[>❯›]\s?(?P<value>.*)$")
_ENTER_HINT = re.compile(r"(?i)^\(?\s*(?:press\s+)?enter to (?:confirm|submit|accept)\b.{0,20}\)?$")


def find_glyph_field(
    snapshot: ScreenSnapshot, rows: list[Row], signals: Signals
) -> Detection | None:
    """A question row over a ``> `` field row, then only an "(enter to confirm)" hint, the
    cursor parked after the hint or in the field (beaupy's prompt): a text field, or a
    secret when the question names one."""
    if signals.canonical or len(rows) < 3 or not _ENTER_HINT.match(rows[-1].text):
        return None
    field, question = rows[-2], rows[-3]
    if _GLYPH_FIELD.match(field.text) is None or question.index != field.index - 1:
        return None
    if not (field.index <= snapshot.cursor_row <= rows[-1].index + 1):
        return None
    text = clean_question(question.text)
    if not re.search(r"[A-Za-z]{2,}", text) or _GLYPH_FIELD.match(question.text):
        return None
    return field_detection(text, snapshot, question.index, 0.75, "field")
