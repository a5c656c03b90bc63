"""Text fields that already hold a value: finding it, and seeing an answer replace it. Pure.

Many prompt libraries start a text field with an editable default (questionary's
and prompt_toolkit's ``default``, InquirerPy's text and number prompts, clack's
``initialValue``, @inquirer/prompts' ``prefill: 'editable'``, bash ``read -e -i``,
whiptail and dialog input boxes). Typing an answer there appends to it ("latest"
+ "v1.4.2" gives "latestv1.4.2"), so the field is cleared first with Ctrl-U: the
line kill of readline, prompt_toolkit, Node's readline, newt and dialog alike.
prompt_toolkit's input dialog puts the cursor BEFORE its default (the TextArea starts
at position 0), so an answer would go in front of it ("edge-7node-01"): there the
value is the text after the cursor and it is cleared with Ctrl-K, the kill to the end
of the line of prompt_toolkit, readline and Node's readline.

The value is the text between the question and the cursor on the input line
(after the last ``?``/``:``/``›`` separator or a frame's ``│``), or, for clack,
the text before the block it draws as its cursor. A placeholder is never a value:
libraries that merely hint (enquirer's ``initial``, clack's and prompt_toolkit's
``placeholder``, @inquirer's ``(default)``) keep the cursor before the hint or
draw it faint, and typing replaces it by itself; Ctrl-U there could mean
something else (enquirer: undo).

Only raw-mode programs edit a line themselves: in canonical mode the kernel's
line buffer starts empty whatever the screen shows, so nothing is cleared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from supervisor.screen import ScreenSnapshot, is_faint_style

KILL_LINE = b"\x15"  # Ctrl-U
KILL_AHEAD = b"\x0b"  # Ctrl-K
DRAWN_CURSOR = "█"

# The input line up to the cursor: a lead ending in a question's separator or a
# frame's edge, then the value (no frame edge, no wide gap inside it).
_LEAD_VALUE = re.compile(r"^(?P<lead>.*(?:[?:›»‣▸➤]\s+|[│┃]\s?))(?P<value>[^│┃]*?)$")
_DRAWN = re.compile(r"^(?P<lead>[│┃|]\s+)(?P<value>.*)" + DRAWN_CURSOR + r"$")
_BRACKETED = re.compile(r"^\s*(?:\(.*\)|\[.*\]|<.*>)\s*$")
_NEAR = 4  # rows above the cursor where a drawn field may sit (clack parks the cursor below)


@dataclass(frozen=True)
class Field:
    """An input field holding ``value``: ``lead`` is its row's text before the value.

    ``drawn``: the program draws its own cursor (a block after the text) and parks
    the terminal's cursor elsewhere. ``ahead``: the value sits after the cursor
    (cleared with :data:`KILL_AHEAD`, not :data:`KILL_LINE`).
    """

    row: int
    lead: str
    value: str
    drawn: bool = False
    ahead: bool = False

    @property
    def kill(self) -> bytes:
        """The key that empties this field."""
        return KILL_AHEAD if self.ahead else KILL_LINE


def prefilled(snapshot: ScreenSnapshot, *, canonical: bool) -> Field | None:
    """The field at the cursor when it holds an editable value; None when it is empty,
    shows only a hint or placeholder, or the terminal is in canonical mode."""
    if canonical:
        return None
    found = _at_cursor(snapshot) or _drawn(snapshot)
    if found is None or not found.value.strip():
        return None
    return found


def shows(field: Field, snapshot: ScreenSnapshot, answer: str) -> bool:
    """Whether ``snapshot`` shows ``field`` holding exactly ``answer`` (and nothing else)."""
    if field.drawn:
        line = snapshot.lines[field.row] if field.row < len(snapshot.lines) else ""
        return line.rstrip() == field.lead + answer + DRAWN_CURSOR
    if snapshot.cursor_row != field.row or snapshot.before_cursor != field.lead + answer:
        return False
    after = snapshot.cursor_line[len(snapshot.before_cursor) :]
    # Only a field's fill may follow the cursor (whiptail's "____", a frame's edge).
    return not after.strip(" _│┃")


def emptied(field: Field, snapshot: ScreenSnapshot) -> bool:
    """Whether ``snapshot`` shows ``field`` holding nothing: its lead alone (a screen keeps
    no blanks at a row's end, so the lead's own are not compared)."""
    if field.drawn:
        line = snapshot.lines[field.row] if field.row < len(snapshot.lines) else ""
        return line.rstrip() in (field.lead + DRAWN_CURSOR, field.lead.rstrip() + DRAWN_CURSOR)
    if snapshot.cursor_row != field.row:
        return False
    after = snapshot.cursor_line[len(snapshot.before_cursor) :]
    return snapshot.before_cursor.rstrip() == field.lead.rstrip() and not after.strip(" _│┃")


def describe(snapshot: ScreenSnapshot, field: Field) -> str:
    """What the field shows now, for a refusal's message."""
    if field.drawn:
        line = snapshot.lines[field.row] if field.row < len(snapshot.lines) else ""
        shown = line.rstrip().removesuffix(DRAWN_CURSOR)
    else:
        shown = snapshot.cursor_line.rstrip(" _│┃")
    return shown.removeprefix(field.lead).strip() if shown.startswith(field.lead) else shown


def _at_cursor(snapshot: ScreenSnapshot) -> Field | None:
    before = snapshot.before_cursor
    m = _LEAD_VALUE.match(before)
    if m is None or "  " in m.group("value").strip():
        return None
    lead, value = m.group("lead"), m.group("value")
    if not value:
        return _ahead(snapshot, lead)
    if not lead.rstrip().endswith(("│", "┃")) and not re.search(r"\w", lead):
        # Only a marker ("? "): the question has no separator ("? Image tag latest"),
        # so the value is what the library draws in other styles than the question.
        split = _styled_value(snapshot)
        if split is None:
            return None
        lead, value = split
    if value[-1:].isspace() or _BRACKETED.match(value):
        return None  # part of the prompt: "package name: (app) ", "Tag: [latest]"
    start = len(lead)
    style = snapshot.style_of(snapshot.cursor_row)
    if snapshot.cursor_line.startswith(before) and _faint(style, start, value):
        return None  # a hint drawn faint ("(main)"): typing replaces it
    if snapshot.cursor_line.startswith(before) and _like_separator(style, lead, value):
        return None  # prompts' initial value, grey like its "›": typing replaces it
    return Field(snapshot.cursor_row, lead, value)


def _ahead(snapshot: ScreenSnapshot, lead: str) -> Field | None:
    """A value after the cursor on an otherwise empty field inside a frame
    (prompt_toolkit's input dialog with a default): the text up to the frame's edge,
    in one piece, not faint.
    Right after a frame's edge the cursor may sit on the padding before the value."""
    if not lead.rstrip().endswith(("│", "┃")):
        return None  # after a question's separator it is a placeholder (enquirer's initial)
    rest = snapshot.cursor_line[len(snapshot.before_cursor) :]
    if not lead.endswith(" ") and rest.startswith(" "):
        lead, rest = lead + " ", rest[1:]
    value = re.split(r"[│┃]", rest, maxsplit=1)[0].rstrip()
    if not value.strip() or value[:1].isspace() or "  " in value or _BRACKETED.match(value):
        return None
    style = snapshot.style_of(snapshot.cursor_row)
    if _faint(style, len(lead), value):
        return None  # a placeholder: typing replaces it
    return Field(snapshot.cursor_row, lead, value, ahead=True)


def _styled_value(snapshot: ScreenSnapshot) -> tuple[str, str] | None:
    """(lead, value) of a marker line whose value, after a space, is drawn in styles
    none of the question's letters use (questionary, InquirerPy, @inquirer draw the
    question bold or plain and the value otherwise); the longest such value."""
    before = snapshot.before_cursor
    style = snapshot.style_of(snapshot.cursor_row)
    best = None
    for at in range(len(before) - 1, 0, -1):
        if before[at] != " " or not before[at + 1 :].strip():
            continue
        head = {c for ch, c in zip(before[:at], style[:at], strict=False) if ch.isalnum()}
        tail = {c for ch, c in zip(before[at + 1 :], style[at + 1 :], strict=False) if ch.strip()}
        value = before[at + 1 :]
        if head and tail and not head & tail and re.search(r"\w", value):
            best = (before[: at + 1], value)  # a value, never a separator glyph ("›")
    return best


def _drawn(snapshot: ScreenSnapshot) -> Field | None:
    top = max(snapshot.cursor_row - _NEAR, 0)
    for row in range(snapshot.cursor_row, top - 1, -1):
        line = snapshot.lines[row] if row < len(snapshot.lines) else ""
        m = _DRAWN.match(line.rstrip())
        if m is not None:
            return Field(row, m.group("lead"), m.group("value"), drawn=True)
    return None


def _like_separator(style: str, lead: str, value: str) -> bool:
    """Whether ``value`` (right after ``lead``) is drawn wholly in its separator glyph's
    style, a style none of the question's letters use: a placeholder drawn like the
    prompt's decoration (prompts draws its ``initial`` grey like its "›"), not an
    answer. A plain-drawn field ("Registry ➤ ghcr.io", all one style) is no such case,
    as the question's letters share that style."""
    glyph = len(lead.rstrip()) - 1
    if glyph < 0 or lead[glyph].isalnum() or glyph >= len(style):
        return False
    mark = style[glyph]
    letters = {c for ch, c in zip(lead[:glyph], style[:glyph], strict=False) if ch.isalnum()}
    start = len(lead)
    codes = {
        style[start + i] for i, ch in enumerate(value) if ch.strip() and start + i < len(style)
    }
    return bool(letters) and codes == {mark} and mark not in letters


def _faint(style: str, start: int, value: str) -> bool:
    """Whether every visible character of ``value`` (at ``start``) is drawn faint."""
    codes = [
        style[start + i] for i, ch in enumerate(value) if ch.strip() and start + i < len(style)
    ]
    return bool(codes) and all(is_faint_style(c) for c in codes)
