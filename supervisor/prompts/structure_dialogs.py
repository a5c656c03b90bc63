"""Boxed dialogs: whiptail, dialog and prompt_toolkit. Pure.

Owns :func:`find_dialog`: a frame whose bottom row holds ``<Yes> <No>``-style
buttons, with a list (menu rows with or without tags, ``(*)`` radios, ``[ ]``
checkboxes) or an input field inside. It takes the rows of
:func:`~supervisor.prompts.structure_rows.rows_of` and returns a :class:`Detection`
or None.
"""

from __future__ import annotations

import re
from dataclasses import replace

from shared.protocol import PromptKind
from supervisor.prompts.detect_types import Detection
from supervisor.prompts.structure_menus import box_states
from supervisor.prompts.structure_rows import (
    RULE,
    Row,
    build_detection,
    clean_question,
    field_detection,
    label_style,
    literal_yes,
    make_options,
    odd_one,
    plain_labels,
)
from supervisor.screen import DEFAULT_STYLE, ScreenSnapshot

_FRAME_CHARS = "│┃║|─━═┌┐└┘╭╮╰╯┏┓┗┛╔╗╚╝├┤┬┴┼╟╢"
# A button: "<  Ok  >"; or, followed by another button, one whose label overflows it
# (prompt_toolkit's buttons are twelve cells wide: "<Open editor" loses its ">").
_BUTTON = re.compile(r"<\s*([A-Za-z][A-Za-z ,'.!-]{0,22}?)\s*(?:>|(?=\s+<))")
_BUTTON_ROW = re.compile(r"^(\s*<\s*[A-Za-z][A-Za-z ,'.!-]{0,22}?\s*(?:>|(?=\s+<))\s*)+$")
_FIELD = re.compile(r"^_+$|^\s*$|^[│|]\s*_?\s*$")


_STANDARD_BUTTONS = frozenset(
    {"yes", "no", "ok", "cancel", "back", "exit", "help", "next", "continue", "quit", "close"}
    | {"done", "finish"}
)
# Key names drawn in angle brackets by help lines ("<Tab> next, <Enter> select"): never buttons.
_KEY_NAMES = frozenset(
    {"tab", "enter", "return", "esc", "escape", "space", "up", "down", "left", "right"}
    | {"ctrl", "alt", "shift", "home", "end", "pgup", "pgdn", "del", "backspace", "f"}
)


def find_dialog(snapshot: ScreenSnapshot, rows: list[Row]) -> Detection | None:
    buttons_at = next(
        (i for i in range(len(rows) - 1, -1, -1) if _BUTTON_ROW.match(rows[i].text)), None
    )
    if buttons_at is None:
        return None
    button_row = rows[buttons_at]
    found = list(_BUTTON.finditer(button_row.text))
    if not _overflow_fits(found):
        return None
    labels = [m.group(1).strip() for m in found]
    folded = [label.casefold() for label in labels]
    line = snapshot.lines[button_row.index]
    # The outer frame's left side is the first frame character on the button row;
    # an inner frame (dialog draws its list in one) starts further right.
    side = next((i for i, ch in enumerate(line) if ch in _FRAME_CHARS), -1)
    if not labels or any(f.split()[0] in _KEY_NAMES for f in folded):
        return None
    standard = set(folded) <= _STANDARD_BUTTONS
    if not standard and side < 0:
        return None  # custom labels count only inside a drawn frame
    focus = _button_focus(snapshot, button_row, found)
    # The dialog's content: rows above the buttons, up to the frame's top.
    content: list[Row] = []
    for row in reversed(rows[:buttons_at]):
        raw = snapshot.lines[row.index]
        if side >= 0 and raw[side : side + 1] in ("┌", "╭", "┏", "╔"):
            break
        if row.text[:1] in "┌╭┏╔└╰┗╚":
            continue
        content.append(row)
    content.reverse()
    content = [r for r in content if not RULE.match(r.text)]
    # The focused button's colours: dialog draws the selected menu item in them too.
    focused = (
        set(button_row.style[found[focus].start(1) : found[focus].end(1)])
        if focus is not None
        else set()
    )
    items = _dialog_items(content, focused)
    if items is not None:
        first, kind, item_labels, selected, mode, checked = items
        question = " ".join(r.text for r in content[:first]) or "Choose"
        options = make_options(item_labels, [str(n + 1) for n in range(len(item_labels))], selected)
        # prompt_toolkit pads its buttons ("<    Ok    >"), and there Enter in a list
        # toggles an item: Tab moves to Ok first. whiptail and dialog take Enter as Ok.
        padded = any(len(m.group(0)) - len(m.group(1).strip()) >= 8 for m in found)
        select = f"dialog_{mode}" + ("_tab" if padded and mode != "menu" else "")
        dialog = build_detection(
            kind,
            clean_question(question),
            options,
            snapshot,
            content[0].index,
            select,
            0.9,
            "dialog",
        )
        return replace(dialog, checked=checked)
    text_rows = [
        r for r in content if not _FIELD.match(r.text.replace("_", "")) or not r.text.strip("_ ")
    ]
    question_rows = [r for r in text_rows if r.text.strip("_ ")]
    field = [r for r in content if r.text.startswith("_") or r.text.endswith("__")]
    question = (
        clean_question(" ".join(r.text.rstrip("_") for r in question_rows if r not in field))
        or labels[0]
    )
    options = make_options(labels, ["button"] * len(labels), focus)
    start = content[0].index if content else button_row.index
    yes_no = folded[:2] == ["yes", "no"] or set(folded) == {"yes", "no"}
    input_box = set(folded) <= {"ok", "cancel"}
    if yes_no or (len(labels) == 2 and not input_box and not field):
        # A two-button question (custom labels: whiptail --yes-button, dialog --yes-label).
        return build_detection(
            PromptKind.YES_NO, question, options, snapshot, start, "buttons", 0.9, "dialog"
        )
    if len(labels) == 1:
        return build_detection(
            PromptKind.PRESS_ENTER, question, options, snapshot, start, "buttons", 0.85, "dialog"
        )
    if not standard:
        # Three or more labelled buttons (prompt_toolkit's button_dialog): a choice.
        return build_detection(
            PromptKind.CHOICE, question, options, snapshot, start, "buttons", 0.85, "dialog"
        )
    # Ok/Cancel around a question without a list: an input box. The row holding the
    # cursor is its field, never the question (prompt_toolkit's default sits there).
    asked = [r for r in question_rows if r not in field and r.index != snapshot.cursor_row]
    if asked and len(asked) < len(question_rows):
        question = clean_question(" ".join(r.text.rstrip("_") for r in asked))
    word = literal_yes(question)
    if word is not None:
        options = make_options([word, "no"], [word, "no"], None)
        return build_detection(
            PromptKind.YES_NO, question, options, snapshot, start, "key_raw", 0.85, "dialog"
        )
    return field_detection(question, snapshot, start, 0.85, "dialog")


def _overflow_fits(found: list[re.Match[str]]) -> bool:
    """Whether every button without its closing ``>`` is one whose label overflowed it:
    as wide as the closed buttons of its row, which are all one width (a library that
    sizes its buttons alike), so a stray ``<`` in text is never read as a button."""
    closed = {len(m.group(0)) for m in found if m.group(0).endswith(">")}
    cut = {len(m.group(0)) for m in found if not m.group(0).endswith(">")}
    return not cut or (len(closed) == 1 and cut == closed)


def _button_focus(snapshot: ScreenSnapshot, row: Row, found: list[re.Match[str]]) -> int | None:
    """Which button has the focus, or None when the screen does not say.

    The terminal's cursor sits on the focused button (whiptail, dialog); failing
    that, the one button drawn unlike the rest of its row (the others share the
    dialog's background). Never a guess: answering needs to know where Tab starts.
    """
    if len(found) == 1:
        return 0
    if snapshot.cursor_row == row.index:
        col = len(snapshot.before_cursor) - row.offset
        inside = [i for i, m in enumerate(found) if m.start() <= col < m.end()]
        if len(inside) == 1:
            return inside[0]
    styles = [set(row.style[m.start() : m.end()]) for m in found]
    counts: dict[str, int] = {}
    for ch in row.style:
        counts[ch] = counts.get(ch, 0) + 1
    background = max(counts, key=lambda ch: counts[ch]) if counts else DEFAULT_STYLE
    unlike = [i for i, s in enumerate(styles) if s - {background}]
    return unlike[0] if len(unlike) == 1 else None


_DialogList = tuple[int, PromptKind, list[str], int | None, str, tuple[bool, ...] | None]


def _dialog_items(content: list[Row], focused: set[str]) -> _DialogList | None:
    """The list inside a dialog: (first row, kind, labels, highlighted, answer mode, and
    for a checklist each item's checked state). ``focused``: the focused button's styles."""
    radio = re.compile(r"^\((?P<on>[ *•])\)\s+(?P<label>\S.*)$")
    check = re.compile(r"^\[(?P<on>[ *xX])\]\s+(?P<label>\S.*)$")
    menu = re.compile(r"^(?P<tag>\S+)\s+(?P<label>\S.*)$")
    for pattern, kind, mode in (
        (radio, PromptKind.CHOICE, "radio"),
        (check, PromptKind.MULTI_CHOICE, "check"),
    ):
        hits = [(i, pattern.match(r.text)) for i, r in enumerate(content)]
        block = [(i, m) for i, m in hits if m is not None]
        if len(block) >= 2 and block[-1][0] - block[0][0] == len(block) - 1:
            labels = [m.group("label").strip() for _, m in block]
            styles = [label_style(content[i], m.group("label")) for i, m in block]
            checked = (
                box_states([f"[{m.group('on')}]" for _, m in block]) if mode == "check" else None
            )
            labels = plain_labels(labels, None)
            # whiptail lights only the cell inside the cursor row's box, not its label.
            marks = [content[i].style[m.start("on") : m.end("on")] for i, m in block]
            lit = odd_one(styles)
            lit = (odd_one(marks) or 0) if lit is None else lit
            return block[0][0], kind, labels, lit, mode, checked
    # whiptail/dialog menus: "tag  description" rows; tags are numbers here or words.
    rows = [(i, menu.match(r.text)) for i, r in enumerate(content)]
    block = []
    for i, m in rows:
        if m is not None and m.group("tag").isdigit():
            block.append((i, m))
    if len(block) >= 2 and block[-1][0] - block[0][0] == len(block) - 1:
        labels = [m.group("label").strip() for _, m in block]
        styles = [content[i].style for i, _ in block]
        return block[0][0], PromptKind.CHOICE, labels, odd_one(styles) or 0, "menu", None
    return _tagged_menu(content, focused) or _untagged_menu(content)


def _untagged_menu(content: list[Row]) -> _DialogList | None:
    """A menu whose tags are hidden (whiptail ``--notags``): two or more rows in one
    column, indented under the question above them, exactly one of them lit."""
    for start in range(1, len(content)):
        column = content[start].offset
        if column <= content[0].offset:
            continue
        block = [start]
        for i in range(start + 1, len(content)):
            if content[i].offset != column or content[i].index != content[i - 1].index + 1:
                break
            block.append(i)
        if len(block) < 2 or content[start].index == content[start - 1].index + 1:
            continue  # a list stands apart from its question
        selected = odd_one([content[i].style for i in block])
        if selected is None:
            return None
        labels = [content[i].text for i in block]
        return start, PromptKind.CHOICE, labels, selected, "menu", None
    return None


def _tagged_menu(content: list[Row], focused: set[str]) -> _DialogList | None:
    """A menu of word tags with a description column ("postgres   PostgreSQL 16"): the
    tag is what the program returns, so it is the label. Only with one row highlighted,
    so aligned text in a message box is never taken for a menu."""
    best: list[int] = []
    run: list[int] = []
    column = -1
    for i, row in enumerate(content):
        m = _TAG_ROW.match(row.text)
        at = row.offset + m.start("desc") if m else -1
        if m is not None and (not run or (at == column and run[-1] == i - 1)):
            run.append(i)
            column = at
        else:
            run = [i] if m is not None else []
            column = at
        if len(run) > len(best):
            best = list(run)
    gaps = [_TAG_ROW.match(content[i].text).group("gap") for i in best]  # type: ignore[union-attr]
    if len(best) < 2 or not any(len(g) >= 2 for g in gaps):
        return None  # a column is aligned text with a wider gap somewhere, not prose
    selected = odd_one([content[i].style for i in best])
    if selected is None and focused - {DEFAULT_STYLE}:
        # Two rows, each drawn its own way: the selected one wears the focused
        # button's colours (dialog's reverse video).
        wearing = [
            n for n, i in enumerate(best) if focused - {DEFAULT_STYLE} <= set(content[i].style)
        ]
        selected = wearing[0] if len(wearing) == 1 else None
    if selected is None:
        return None
    labels = [_TAG_ROW.match(content[i].text).group("tag") for i in best]  # type: ignore[union-attr]
    return best[0], PromptKind.CHOICE, labels, selected, "menu", None


_TAG_ROW = re.compile(r"^(?P<tag>[\w][\w.:+/@-]{0,30})(?P<gap>\s+)(?P<desc>\S.*)$")
