"""Menus drawn by prompt libraries: rows with a marker column below a question. Pure.

Owns :func:`find_menu` (consecutive rows with a marker column below a question, the
highlight found by glyph or style, or unmarked rows one of which is drawn lit; a
grouped list's titles kept apart from its items) and :func:`box_states`. It takes
the rows of :func:`~supervisor.prompts.structure_rows.rows_of` and returns a
:class:`Detection` or None. Boxed dialogs are in :mod:`structure_dialogs`, clack's
one-row widgets in :mod:`structure_widgets`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from shared.protocol import PromptKind
from supervisor.prompts.detect_types import Detection, Signals
from supervisor.prompts.structure_legend import names_toggle, ticks_with_arrows
from supervisor.prompts.structure_pointer import with_known_pointer
from supervisor.prompts.structure_rows import (
    HINT,
    POINTER,
    QMARK,
    RULE,
    TRAILING_HINT,
    WORDY,
    Row,
    build_detection,
    clean_question,
    label_style,
    make_options,
    odd_one,
    plain_labels,
)
from supervisor.screen import ScreenSnapshot, is_faint_style

_FILLED = "●◉◼■☑☒✔✓"
_TICKS = ("", "√", "✓", "✔")  # the marker column of a list whose only marks are ticks
_EMPTY = "○◯◻□☐"
_ROW = re.compile(
    # pick's default indicator "*" counts only before a box ("* ( ) amd64") or a label
    # in the options' column (see _aligned); a bullet list has one on every row.
    # bullet's "●redis": a dot against the highlighted label, the other rows indented;
    # its bullet may be any glyph ("★cloud pool"), never part of the label.
    # InquirerPy's pointer may be a glyph doubled (">> UTC"); never a longer run (">>>>>>>").
    r"^(?P<pointer>(?P<glyph>["
    + POINTER
    + r"])(?:(?P=glyph)(?=\s))?|\*(?=\s)|[●•★☆✦✧✪♦➜☛☞](?=\w))?\s*"
    # bullet's Check: a tick against a checked label ("√users"), nothing before the others.
    r"(?P<box>\[[ xX*✓✔]\]|\([ *•xX]\)|[" + _FILLED + _EMPTY + r"](?=\s)|[√✓✔](?=\w))?\s*"
    # prompts' page arrows: "↓ 5432" on a page's last row says rows follow; no part of it.
    r"(?:[↑↓](?=\s))?\s*"
    # A number, or a key letter: @inquirer's expanded "u) Update it", clack's
    # selectKey "r  Retry the job".
    r"(?P<number>\[?\d{1,2}[.)\]](?=\s)|[A-Za-z]\)(?=\s)|[a-z](?=\s{2,}\S))?\s*"
    r"(?P<label>\S.*?)\s*$"
)
# A fuzzy finder's search line above its list: a pointer, what was typed, the match count.
_FILTER = re.compile(r"^[" + POINTER + r"]\s*(?:\S.*\s)?\d+/\d+$")
# A separator between a menu's options (InquirerPy's and inquirer's Separator()):
# a run of dashes or box lines, maybe with a group name inside ("── Cloud ──").
# Never "=======": a merge marker or an edit block's middle (aider's SEARCH/REPLACE).
# Box lines need only two on each side of a title ("── databases ──", questionary);
# a dash of punctuation (em or en) one on each side ("— email —", @inquirer's
# Separator with a custom text).
_SEPARATOR = re.compile(
    r"^(?:[-─━·]{3,}(?:\s*\S.{0,30}?\s*[-─━·]{3,})?|[─━]{2,}\s*\S.{0,30}?\s*[─━]{2,}"
    r"|-{2}\s\w.{0,30}?\s-{2}|[—–]{1,2}\s\w.{0,30}?\s[—–]{1,2})$"
)
# A disabled choice, drawn "- gpu-large (quota exhausted)" by questionary: the arrows
# pass over it, so it is no option and takes no arrow press.
_SKIPPED = re.compile(_SEPARATOR.pattern + r"|^- \S")
# An autocomplete's search field above its list (clack's "Search: _"), maybe showing
# its placeholder (prompts' "Filtered results for: Enter something to filter").
_SEARCH = re.compile(
    r"(?i)^(?:search|filter|find|type to (?:search|filter))(?:ed|ing)?\b[^:]{0,20}:"
    r"\s*(?:\S{0,40}|[^:]{0,40})$"
)
# A row of a key legend drawn as a block ("↑/↓: Highlight option", "[a,b,c]/delete:
# Filter choices" under prompts' "Instructions:"): keys joined by slashes, what they do.
_LEGEND_ROW = re.compile(r"^[^\s:]*\S/\S[^\s:]*:\s+[A-Za-z][\w ]{0,30}$")
# The tree line before a grouped list's last item (clack's groupMultiselect: "└ ◻ semi").
_TREE = re.compile(r"^[│├└]\s+(?=[" + _FILLED + _EMPTY + r"]\s)")
# The top edge of a frame drawn around a menu, maybe with a title ("┌─ Router admin ──┐").
_BOX_TOP = re.compile(r"^[┌╭┏╔][─━═]")


def _arrows_only(hints: str, pointers: list[int], boxes: list[str]) -> bool:
    """A pointer over rows of round marks, at most one filled (a radio column marks
    the one default), whose key hint names only moving keys ("(Use arrow keys)", no
    space, no toggle): a select drawing an indicator column (questionary's
    ``use_indicator``), not a checkbox list, which always names its toggle key."""
    return (
        len(pointers) == 1
        and all(b in "○◯●◉" for b in boxes)
        and sum(b in "●◉" for b in boxes) <= 1
        and bool(HINT.search(hints))
        and not re.search(r"(?i)\b(space|toggle|invert|tab)\b|<a>|<i>", hints)
    )


# A parenthesis at the end of a row: a program's own key hint when HINT finds one inside.
_LAST_PARENS = re.compile(r"\s*\((?P<inner>[^()]{1,80})\)\s*$")
# A paged list's mark for rows scrolled out of view (clack's "..."), above or below.
_MORE = re.compile(r"^(?:\.{3}|…)$")


# ---------------------------------------------------------------- menus


@dataclass(frozen=True)
class _Item:
    row: Row
    pointer: bool
    box: str
    number: str
    label: str


def find_menu(snapshot: ScreenSnapshot, rows: list[Row], signals: Signals) -> Detection | None:
    if signals.canonical:
        return None  # a line reader: menus it prints are answered on the line below
    rows = with_known_pointer(rows)
    # Work upward from the bottom: hints, then the option rows, then the question.
    end = len(rows)
    while end > 0 and (
        HINT.search(rows[end - 1].text)
        or RULE.match(rows[end - 1].text)
        or _MORE.match(rows[end - 1].text)
    ):
        end -= 1
    items: list[_Item] = []
    index = end - 1
    below = -1  # the row index the next option up must be adjacent to
    while index >= 0:
        row = rows[index]
        if items and _SKIPPED.match(row.text) and row.index == below - 1:
            below = row.index  # the arrows skip a separator or a disabled row: no option
            index -= 1
            continue
        leaf = _TREE.sub("", row.text)
        m = _ROW.match(leaf)
        if (
            m is None
            or HINT.search(row.text)
            or RULE.match(row.text)
            or _FILTER.match(row.text)
            or _SEARCH.match(row.text)
            or _BOX_TOP.match(row.text)
            or not (m.group("pointer") or m.group("box") or m.group("number"))
            and index > 0
            and _wraps_into(rows[index - 1], row, snapshot.cols)
        ):
            break  # (last: the tail of a long question the terminal wrapped)
        if not re.search(r"\w", m.group("label")) and not m.group("box"):
            # A marker alone (an agent's empty input line "❯") is no option; a box
            # before a label of signs ("○ /", a site's root page) still is one.
            break
        if m.group("pointer") and m.group("label")[:1] in POINTER:
            break  # ">>>>>>> REPLACE", ">> quoted": a run of glyphs, not a pointer
        if items and below - row.index > 1:
            if any(_marked(item) for item in items):
                break
            if _is_question_row(row.text) and _one_lit(items):
                break  # a question a blank row above a list lit on one row (terminal-kit)
            items = []  # unmarked rows below a blank one: a description, not options
        if index < end - 1 and row.text[:1] in "?◆◇" and len(items) >= 2:
            break
        items.append(
            _Item(
                row,
                bool(m.group("pointer")),
                m.group("box") or "",
                m.group("number") or "",
                m.group("label"),
            )
        )
        below = row.index
        index -= 1
    items.reverse()
    items = _aligned(items)
    if any(item.pointer and item.row.text[:1] == "*" for item in items) and (
        len({_label_column(item) for item in items}) != 1
    ):
        return None  # "*" is pick's pointer only with every label in one column
    # The question sits above the options; everything from it down is the menu.
    while (
        len(items) > 2
        and _is_question_row(items[0].row.text)
        and not _marked(items[0])
        and (any(_marked(item) for item in items[1:]) or not any(map(_marked, items)))
    ):
        items = items[1:]
    if len(items) < 2:
        return None
    first = rows.index(items[0].row)
    above = _join_wrapped(rows[:first], snapshot.cols)  # a long question spans rows
    q_index = len(above) - 1
    while q_index >= 0 and (
        HINT.fullmatch(above[q_index].text)
        or _FILTER.match(above[q_index].text)
        or _SEARCH.match(above[q_index].text)
        or _SKIPPED.match(above[q_index].text)  # a page scrolled to its disabled rows
        or _MORE.match(above[q_index].text)
        or RULE.match(above[q_index].text)
        or above[q_index].text.lower().startswith("instructions")
        or _LEGEND_ROW.match(above[q_index].text)
        or HINT.search(above[q_index].text)
        and not _is_question_row(above[q_index].text)
        and not _asks_before_hint(above[q_index].text)
    ):
        q_index -= 1
    if q_index >= 0:
        question_row = above[q_index]
    elif _legend_below(items, rows[end:]):
        # No question drawn (beaupy's select_multiple without a title): the list
        # stands for itself, its first row anchors it.
        question_row = Row(items[0].row.index, "", items[0].row.offset, "")
    else:
        return None
    if question_row.text and not WORDY.search(question_row.text):
        return None
    # The cursor must be in the prompt: on the question, an option, or just below them.
    last = max(items[-1].row.index, rows[end - 1].index if end else 0)
    below_items = rows.index(items[-1].row) + 1
    if below_items < len(rows) and _MORE.match(rows[below_items].text):
        last = rows[below_items].index  # a paged list: its "..." row is part of it
    if not question_row.index <= snapshot.cursor_row <= last + 3:
        return None
    pointers = [i for i, item in enumerate(items) if item.pointer]
    boxes = [item.box for item in items]
    has_boxes = all(boxes)
    if not (
        len(pointers) == 1
        or has_boxes
        or all(item.number for item in items)
        or _lit_list(snapshot, question_row, items)
    ):
        return None  # rows without a marker column are text, not a menu
    lit = not pointers and _ticks_only(items)
    has_boxes = has_boxes and not lit
    near = above[q_index:] + rows[first:] if q_index >= 0 else rows[-1:]
    hints = " ".join(r.text for r in near)
    # A label is no key hint: "Space Grotesk" among a font list names no Space key.
    item_rows = {item.row.index for item in items}
    legend = " ".join(r.text for r in near if r.index not in item_rows)
    multi = (
        bool(re.search(r"(?i)\bspace\b", legend))
        or (
            has_boxes
            and not _arrows_only(hints, pointers, boxes)
            and (
                names_toggle(hints)  # "<Left/Right> to toggle" over ● / ○ rows
                or bool(pointers)
                or any(b[:1] in "[◻□☐" or b in "◻□☐✔✓" for b in boxes)
                or all(b in _EMPTY for b in boxes)
                # Two rows filled: a radio column fills one, so these are ticks.
                or sum(b in _FILLED for b in boxes) >= 2
            )
        )
    )
    if has_boxes and not pointers and not multi:
        filled = [i for i, b in enumerate(boxes) if b in _FILLED or b in ("(*)", "(•)")]
        selected = filled[0] if len(filled) == 1 else None
    elif len(pointers) == 1:
        selected = pointers[0]
    else:
        selected = odd_one([item.row.style for item in items])
        if selected is None and multi and has_boxes:
            # Checked boxes are coloured too (prompts, clack): the label alone carries
            # the highlight then.
            selected = odd_one([label_style(item.row, _without_faint_tail(item)) for item in items])
    numbered = all(item.number for item in items)
    if selected is None and not numbered:
        return None
    labels = plain_labels(
        [_without_faint_tail(item) for item in items],
        selected,
        [_cells(item) for item in items],
    )
    # A custom qmark drawn like a pointer ("» Licence ...") is no part of the question.
    asked = re.sub(r"^[" + POINTER + r"]\s+", "", question_row.text)
    question = _without_echo(clean_question(asked), labels)
    if _log_records(labels, question_row.text, hints):
        return None
    if numbered and not multi:
        # Numbered menus take their numbers (some libraries ignore arrows there).
        question = re.sub(r"\s*\d{1,2}$", "", question)  # the number typed so far
        keys = [item.number.strip("[]().") for item in items]
        if len(set(keys)) != len(keys):
            return None  # "a) ... a) ...": prose, not keys
        return build_detection(
            PromptKind.CHOICE,
            question,
            make_options(labels, keys, selected),
            snapshot,
            question_row.index,
            "key_raw",
            0.85,
            "numbered",
        )
    kind = PromptKind.MULTI_CHOICE if multi else PromptKind.CHOICE
    if not multi and {(label.casefold().split() or [""])[0] for label in labels} == {"yes", "no"}:
        kind = PromptKind.YES_NO  # beaupy's confirm: a Yes row and a No row
    keys = [str(n + 1) for n in range(len(items))]
    if not multi:
        # A shortcut "[x]" reads like a ticked box: the row's text, box and all.
        drawn = [
            f"{item.box} {label}" if item.box else label
            for item, label in zip(items, labels, strict=True)
        ]
        labels, keys = _shortcut_labels(drawn, keys, labels)
    found = build_detection(
        kind,
        question,
        make_options(labels, keys, selected),
        snapshot,
        question_row.index,
        ("checkbox_arrows" if ticks_with_arrows(hints) else "checkbox") if multi else "arrows",
        0.85,
        "menu",
    )
    if not multi:
        return found
    if lit:
        return replace(found, checked=tuple(bool(item.box) for item in items))
    styles = [item.row.style[max(item.row.text.find(item.box), 0)] for item in items]
    found = replace(found, checked=box_states(boxes, styles))
    return _leaves_only(found, items)


def _wraps_into(prev: Row, row: Row, cols: int) -> bool:
    """Whether ``row`` continues ``prev``: right below it, and ``prev`` reaches the last
    column (or the one before it: a space at the edge is stripped from its text)."""
    return prev.index == row.index - 1 and prev.offset + len(prev.text) >= cols - 1


def _join_wrapped(rows: list[Row], cols: int) -> list[Row]:
    """``rows`` with each row that continues a full-width row above it (the terminal
    wrapped a long question, maybe inside a word) joined to that row."""
    out: list[Row] = []
    for at, row in enumerate(rows):
        if not out or not _wraps_into(rows[at - 1], row, cols):
            out.append(row)
            continue
        # A space at the edge is stripped from the row's text: put it back.
        prev, edge = out[-1], rows[at - 1]
        gap = "" if edge.offset + len(edge.text) >= cols else " "
        style = prev.style + prev.style[-1:] * len(gap) + row.style
        out[-1] = Row(prev.index, prev.text + gap + row.text, prev.offset, style)
    return out


# An item of a row: words joined by single spaces; two or more spaces end it.
_CELL = re.compile(r"\S+(?: \S+)*")
# A row naming its own shortcut key before its label ("[b] build", simple-term-menu's
# shortcut syntax): the key is no part of the label.
_SHORTCUT = re.compile(r"^\[(\w)\]\s+(\S.*)$")


def _shortcut_labels(
    drawn: list[str], keys: list[str], labels: list[str]
) -> tuple[list[str], list[str]]:
    """Labels and keys of a menu whose every row (``drawn``) starts with its own distinct
    key in brackets: the label after it, and that key; otherwise ``labels`` and ``keys``
    as given."""
    found = [_SHORTCUT.match(label) for label in drawn]
    shortcuts = [m.group(1) for m in found if m is not None]
    if len(shortcuts) != len(drawn) or len({k.casefold() for k in shortcuts}) != len(drawn):
        return labels, keys
    return [m.group(2) for m in found if m is not None], shortcuts


def _leaves_only(found: Detection, items: list[_Item]) -> Detection:
    """A grouped list (every title followed by its nested items) offers only its items;
    the titles stay among the rows the arrows visit (``positions``)."""
    if not all(item.box for item in items):
        return found
    # Each box's column: an item under a title has its box further right.
    columns = [item.row.offset + item.row.text.find(item.box) for item in items]
    nested = [column > min(columns) for column in columns]
    titles = [i for i, n in enumerate(nested) if not n]
    if (
        all(nested)
        or not any(nested)
        or any(i + 1 >= len(items) or not nested[i + 1] for i in titles)
    ):
        return found
    leaves = [i for i, n in enumerate(nested) if n]
    selected = found.selected_index
    options = make_options(
        [found.options[i].label for i in leaves],
        [str(n + 1) for n in range(len(leaves))],
        leaves.index(selected) if selected in leaves else None,
    )
    checked = tuple(found.checked[i] for i in leaves) if found.checked is not None else None
    return replace(
        found, options=options, checked=checked, positions=tuple(leaves), position=selected
    )


def box_states(boxes: list[str], styles: list[str] | None = None) -> tuple[bool, ...] | None:
    """Each checkbox's state as drawn (``◉``/``◯``, ``[x]``/``[ ]``, ``◼``/``◻``...), or None
    unless every box is one whose state is known: a wrong guess would toggle the wrong way.

    A bare tick (``✔``) is drawn for both states by enquirer, dim when off: its state is
    its ``styles`` character (None: unknown).
    """
    states = []
    for n, box in enumerate(boxes):
        if not box:
            return None
        inner = box[1:-1] if len(box) == 3 else box
        if len(box) == 1 and box in "✔✓":
            if styles is None:
                return None
            states.append(not is_faint_style(styles[n]))
        elif inner in _FILLED or inner in "xX*•✓✔":
            states.append(True)
        elif inner in _EMPTY or inner == " ":
            states.append(False)
        else:
            return None
    return tuple(states)


def _without_faint_tail(item: _Item) -> str:
    """The label without a hint drawn faint after it ("beta  new features")."""
    at = item.row.text.find(item.label)
    if at < 0:
        return item.label
    style = item.row.style[at : at + len(item.label)]
    for m in re.finditer(r"\s+", item.label):
        head, tail = style[: m.start()], style[m.end() :]
        if (
            tail
            and all(is_faint_style(c) for c in tail)
            and not all(is_faint_style(c) for c in head)
        ):
            return item.label[: m.start()]
    return item.label


def _cells(item: _Item) -> str:
    """The label's style, cell by cell (empty when the label is not found on its row)."""
    at = item.row.text.find(item.label)
    return item.row.style[at : at + len(item.label)] if at >= 0 else ""


def _label_column(item: _Item) -> int:
    return item.row.offset + item.row.text.find(item.label)


def _aligned(items: list[_Item]) -> list[_Item]:
    """Drop rows at the ends that do not start their text in the options' column: a
    "Description: ..." line under questionary's list, a hint or status bar under a menu,
    a question with no question mark right above it (simple-term-menu's title)."""
    pointed = [item for item in items if item.pointer]
    if len(pointed) != 1 or len(items) < 3:
        return items
    column = _label_column(pointed[0])
    while items and _label_column(items[-1]) != column and not _marked(items[-1]):
        items = items[:-1]
    while items and _label_column(items[0]) < column and not _marked(items[0]):
        items = items[1:]
    return items


def _lit_list(snapshot: ScreenSnapshot, question: Row, items: list[_Item]) -> bool:
    """Rows with no marker at all, one drawn unlike the others (enquirer's AutoComplete,
    bullet's Check): a list only under a question, with the cursor on the question (a
    filter being typed) or on the highlighted row, and labels short as options are."""
    if any(_marked(item) for item in items) and not _ticks_only(items):
        return False
    if not 2 <= len(items) <= 20:
        return False
    if not _is_question_row(question.text.rstrip(" …")):
        return False
    if any(len(item.label) > 60 for item in items):
        return False
    lit = odd_one([item.row.style for item in items])
    if lit is None:
        return False
    return snapshot.cursor_row in (question.index, items[lit].row.index)


def _without_echo(question: str, labels: list[str]) -> str:
    """The question without the choice it echoes after itself once the highlight moved
    (beaupy's confirm: "Delete them? (Y/N) Yes"): the question stays the same one."""
    for label in labels:
        if len(question) > len(label) + 3 and question.endswith(" " + label):
            return question[: -len(label)].rstrip()
    return question


def _ticks_only(items: list[_Item]) -> bool:
    """Whether the only marks are ticks written against their labels ("√users"), with
    at least one row unticked: bullet's Check, whose unchecked rows show nothing."""
    tight = [item.box in _TICKS[1:] and item.box + item.label in item.row.text for item in items]
    bare = [not _marked(item) for item in items]
    return any(bare) and all(t or b for t, b in zip(tight, bare, strict=True))


# A log record's clock time to the second, maybe after its date ("2026-12-04 09:14:22").
_STAMPED = re.compile(r"^(?:\d{4}-\d{2}-\d{2}[ T])?\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\s")


def _log_records(labels: list[str], title: str, hints: str) -> bool:
    """Whether a pointer walks over log records, not options: every row stamped with
    the second it was written, under a title that asks nothing (no question mark, no
    colon, no prompt glyph) and with no key legend naming how to choose (a log viewer's
    cursor line; a menu of times asks for one, and to the minute)."""
    return (
        len(labels) >= 2
        and all(_STAMPED.match(label) for label in labels)
        and not _is_question_row(title)
        and not HINT.search(hints)
    )


def _marked(item: _Item) -> bool:
    return bool(item.pointer or item.box or item.number)


def _asks_before_hint(text: str) -> bool:
    """A question with its library's key hint after it ("Licence (Use arrow keys)",
    a curses list's "Jobs to run (space toggles, enter saves)"), whatever glyph it starts
    with: the hint trails words, it is not the whole row."""
    m = TRAILING_HINT.search(text)
    if m is None:
        m = _LAST_PARENS.search(text)
        m = m if m is not None and HINT.search(m.group("inner")) else None
    return m is not None and m.start() > 0 and bool(WORDY.search(text[: m.start()]))


def _legend_below(items: list[_Item], below: list[Row]) -> bool:
    """Whether a list with no question above it is still a checkbox list: every row
    boxed, and a key legend under it that names Space (a list printed as text
    has no legend)."""
    return (
        len(items) >= 2
        and all(item.box for item in items)
        and any(HINT.search(row.text) and re.search(r"(?i)\bspace\b", row.text) for row in below)
    )


def _one_lit(items: list[_Item]) -> bool:
    """Whether exactly one of two or more unmarked rows is drawn unlike the others, the
    whole row alike (a grid lights one item of a row: :mod:`.structure_rowmenu`'s)."""
    lit = odd_one([item.row.style for item in items]) if len(items) >= 2 else None
    if lit is None:
        return False
    row = items[lit].row
    cells = {"".join(sorted(set(row.style[m.start() : m.end()]))) for m in _CELL.finditer(row.text)}
    return len(cells) == 1


def _is_question_row(text: str) -> bool:
    return bool(QMARK.match(text)) or text.rstrip().endswith(("?", ":"))
