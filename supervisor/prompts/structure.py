"""A question and its options from the screen's structure, when no family rule knows the program.

Pure: a snapshot and the terminal's state in, a :class:`Detection` (or None) out.
Only consulted when the OS says something reads the terminal (the foreground
process sleeps in the tty's read, or the terminal is in raw mode) and output has
been quiet, so a screen that merely *shows* a question (an agent quoting one, a
log line with "(y/n)") never counts. Three shapes, tried in order:

* **boxed dialogs** (whiptail, dialog, prompt_toolkit): a frame whose bottom holds
  buttons (``<Yes> <No>``, ``< OK >``, ``<Cancel>``); inside, a question and maybe
  a list (menu rows, ``(*)`` radios, ``[ ]`` checkboxes) or an input field;
* **menus** drawn by prompt libraries: consecutive rows with a marker column
  (``❯ › » ▸ >``, ``● ○ ◯ ◉ ◻ ◼``, ``( ) (*) [ ] [x]``, numbers) below a question,
  the highlight found by its glyph or by being the one row drawn differently;
* **line prompts**: the text left of the cursor ends like a question (``?``, ``:``,
  a ``[Y/n]``, a ``(a, b, c)`` or ``[a/b/c]`` list of choices, a default in
  brackets), maybe under a numbered list it selects from, or a prefilled field.

Everything here is a heuristic with a confidence; family rules (TOML) refine
kind and keys where they know the program.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from shared.protocol import PromptKind, PromptOption
from supervisor.prompts.detect_types import Detection, Signals
from supervisor.screen import DEFAULT_STYLE, ScreenSnapshot

SOURCE = "structure"
MAX_QUESTION = 300
_FRAME_CHARS = "│┃║|─━═┌┐└┘╭╮╰╯┏┓┗┛╔╗╚╝├┤┬┴┼╟╢"
_SIDE = re.compile(r"^[\s│┃║]*(?:[│┃║]\s)?|[\s│┃║]+$")
_RULE = re.compile(r"^[\s─━═┌┐└┘╭╮╰╯┏┓┗┛╔╗╚╝├┤┬┴┼│┃║▔▁^v-]*$")
_BUTTON = re.compile(r"<\s*([A-Za-z][A-Za-z ]{0,14}?)\s*>")
_BUTTON_ROW = re.compile(r"^(\s*<\s*[A-Za-z][A-Za-z ]{0,14}?\s*>\s*)+$")
_QMARK = re.compile(r"^\s*(?:[?◆◇◈■□▲△◉✔✓✗✖!]|\[\?\])\s+")
_HINT = re.compile(
    r"(?i)(\buse arrow|\barrow keys|↑/↓|↑↓|\bnavigate\b|<space>|\[space\]"
    r"|\bspace\b.*\b(select|toggle)"
    r"|\benter\b.*\b(confirm|submit|select)|⏎|\bpress <?enter>?\b|\btoggle all\b|\binvert\b"
    r"|^instructions:|highlight option|complete answer|return to submit|\buse shortcuts\b)"
)
_TRAILING_HINT = re.compile(
    r"\s*(\((?:use arrow keys|use shortcuts|use arrow keys to move[^)]*|press <space>[^)]*)\)"
    r"|›\s*-\s*use arrow-keys\.?.*|[›‣…]\s*$|\s›\s*$)",
    re.IGNORECASE,
)
_POINTER = "❯›»▸➤→>▶►"
_FILLED = "●◉◼■☑☒✔✓"
_EMPTY = "○◯◻□☐"
_ROW = re.compile(
    r"^(?P<pointer>[" + _POINTER + r"])?\s*"
    r"(?P<box>\[[ xX*✓✔]\]|\([ *•xX]\)|[" + _FILLED + _EMPTY + r"](?=\s))?\s*"
    r"(?P<number>\[?\d{1,2}[.)\]](?=\s))?\s*"
    r"(?P<label>\S.*?)\s*$"
)
_NUMBERED = re.compile(
    r"^\s*(?:[" + _POINTER + r"]\s*)?\[?\(?(?P<n>\d{1,2})[.)\]]\s+(?P<label>\S.*?)\s*$"
)
_YES_NO = re.compile(r"(?i)[\[(]\s*\[?(?P<y>y|yes)\]?\s*/\s*\[?(?P<n>n|no)\]?(?:/[^\])]*)?\s*[\])]")
_YES_NO_WORDS = re.compile(r"(?i)\b(yes|y)\s*/\s*(no|n)\b|\bno\s*/\s*yes\b")
_INLINE_CHOICES = re.compile(r"[\[(](?P<items>[^\[\]()]{1,200}?)[\])]\s*(?:\([^)]*\)\s*)?[:?]?\s*$")
_DEFAULT_TAIL = re.compile(r"\s*(?:\[[^\]]{0,60}\]|\([^)]{0,60}\))\s*[:?]?\s*$")
_PRESS = re.compile(r"(?i)\bpress\s+(any key|enter|return|a key|return/enter|enter/return)\b")
_SECRET_WORD = re.compile(r"(?i)\b(password|passphrase|passcode|pin|token|secret)\b")
# Prompts of shells and REPLs: they wait for input but ask nothing.
_REPL = re.compile(
    r"(^|\s)(In \[\d+\]:|\S*[$#%>❯»]\s*$|\(\w+\)\s*$|\w+\([\w.]*\):\d+:\d+[>*]\s*$|\.\.\.:?\s*$)"
)
_QUESTION_END = re.compile(r"[?:]\s*$")
_WORDY = re.compile(r"[A-Za-z]{2,}")
_FIELD = re.compile(r"^_+$|^\s*$|^[│|]\s*_?\s*$")


@dataclass(frozen=True)
class _Row:
    index: int
    text: str  # frame sides stripped
    offset: int  # column in the rendered line where ``text`` starts
    style: str  # the style characters of ``text``


def find(snapshot: ScreenSnapshot, signals: Signals) -> Detection | None:
    """The prompt the screen's structure shows, or None. See the module docstring."""
    if not (signals.blocked_on_read or not signals.canonical):
        return None
    rows = _rows(snapshot)
    if not rows:
        return None
    return (
        _dialog(snapshot, rows)
        or _menu(snapshot, rows, signals)
        or _widget(snapshot, rows, signals)
        or _line(snapshot, rows, signals)
    )


# ---------------------------------------------------------------- rows


def _rows(snapshot: ScreenSnapshot) -> list[_Row]:
    out = []
    for index, line in enumerate(snapshot.lines):
        stripped = line.strip()
        if not stripped:
            continue
        left = len(line) - len(line.lstrip())
        text = line[left:]
        # A frame's side (│ at both ends, clack's │ gutter on the left).
        while text and text[0] in "│┃║|" and (len(text) == 1 or text[1] == " "):
            text = text[1:]
            left += 1
            trimmed = len(text) - len(text.lstrip())
            text, left = text[trimmed:], left + trimmed
        text = re.sub(r"(\s+[│┃║|]+)+\s*$", "", text).rstrip()
        text = re.sub(r"\s+[\^v]$", "", text)  # a scroll arrow in a list's frame
        if not text:
            continue
        style = snapshot.style_of(index)[left : left + len(text)]
        out.append(_Row(index, text, left, style))
    return out


def _clean_question(text: str) -> str:
    text = _QMARK.sub("", text)
    previous = None
    while previous != text:
        previous = text
        text = _TRAILING_HINT.sub("", text).rstrip()
    return text.strip()[:MAX_QUESTION]


def _options(labels: list[str], keys: list[str], selected: int | None) -> tuple[PromptOption, ...]:
    return tuple(
        PromptOption(number=n + 1, label=label, key=key, selected=n == selected)
        for n, (label, key) in enumerate(zip(labels, keys, strict=True))
    )


def _odd_one(styles: list[str]) -> int | None:
    """The index of the one style unlike all the others (a highlighted row), if exactly one.

    Rows compare by which styles they use at all, not cell by cell: labels differ
    in length, and only the emphasis (a colour, reverse video) marks the highlight.
    """
    if len(styles) < 2:
        return None
    styles = ["".join(sorted(set(s) - {DEFAULT_STYLE, "."})) for s in styles]
    counts: dict[str, int] = {}
    for s in styles:
        counts[s] = counts.get(s, 0) + 1
    odd = [i for i, s in enumerate(styles) if counts[s] == 1]
    if len(odd) == 1:
        return odd[0]
    if len(styles) == 2 and [bool(s) for s in styles].count(True) == 1:
        return [bool(s) for s in styles].index(True)  # of two, the emphasised one
    return None


def _label_style(row: _Row, label: str) -> str:
    at = row.text.find(label)
    if at < 0:
        return row.style
    # The first letters of the label carry its emphasis; trailing blanks do not.
    return row.style[at : at + min(len(label), 6)].replace(DEFAULT_STYLE, ".")


# ---------------------------------------------------------------- boxed dialogs


def _dialog(snapshot: ScreenSnapshot, rows: list[_Row]) -> Detection | None:
    buttons_at = next(
        (i for i in range(len(rows) - 1, -1, -1) if _BUTTON_ROW.match(rows[i].text)), None
    )
    if buttons_at is None:
        return None
    button_row = rows[buttons_at]
    found = list(_BUTTON.finditer(button_row.text))
    labels = [m.group(1).strip() for m in found]
    folded = [label.casefold() for label in labels]
    if not labels or not set(folded) <= {
        "yes",
        "no",
        "ok",
        "cancel",
        "back",
        "exit",
        "help",
        "next",
        "continue",
        "quit",
        "close",
        "done",
        "finish",
    }:
        return None
    focus = _odd_one([button_row.style[m.start() : m.end()] for m in found])
    # The dialog's content: rows above the buttons, up to the frame's top.
    # The outer frame's left side is the first frame character on the button row;
    # an inner frame (dialog draws its list in one) starts further right.
    line = snapshot.lines[button_row.index]
    side = next((i for i, ch in enumerate(line) if ch in _FRAME_CHARS), -1)
    content: list[_Row] = []
    for row in reversed(rows[:buttons_at]):
        raw = snapshot.lines[row.index]
        if side >= 0 and raw[side : side + 1] in ("┌", "╭", "┏", "╔"):
            break
        if row.text[:1] in "┌╭┏╔└╰┗╚":
            continue
        content.append(row)
    content.reverse()
    content = [r for r in content if not _RULE.match(r.text)]
    items = _dialog_items(content)
    if items is not None:
        first, kind, item_labels, selected, mode = items
        question = " ".join(r.text for r in content[:first]) or "Choose"
        options = _options(item_labels, [str(n + 1) for n in range(len(item_labels))], selected)
        # prompt_toolkit pads its buttons ("<    Ok    >"), and there Enter in a list
        # toggles an item: Tab moves to Ok first. whiptail and dialog take Enter as Ok.
        padded = any(len(m.group(0)) - len(m.group(1).strip()) >= 8 for m in found)
        select = f"dialog_{mode}" + ("_tab" if padded and mode != "menu" else "")
        return _found(
            kind,
            _clean_question(question),
            options,
            snapshot,
            content[0].index,
            select,
            0.9,
            "dialog",
        )
    text_rows = [
        r for r in content if not _FIELD.match(r.text.replace("_", "")) or not r.text.strip("_ ")
    ]
    question_rows = [r for r in text_rows if r.text.strip("_ ")]
    field = [r for r in content if r.text.startswith("_") or r.text.endswith("__")]
    question = (
        _clean_question(" ".join(r.text.rstrip("_") for r in question_rows if r not in field))
        or labels[0]
    )
    options = _options(labels, ["button"] * len(labels), focus if focus is not None else 0)
    start = content[0].index if content else button_row.index
    if folded[:2] == ["yes", "no"] or set(folded) == {"yes", "no"}:
        return _found(
            PromptKind.YES_NO, question, options, snapshot, start, "buttons", 0.9, "dialog"
        )
    if len(labels) == 1:
        return _found(
            PromptKind.PRESS_ENTER, question, options, snapshot, start, "buttons", 0.85, "dialog"
        )
    # Ok/Cancel around a question without a list: an input box.
    kind = PromptKind.SECRET if _SECRET_WORD.search(question) else PromptKind.TEXT
    return _found(
        kind,
        question,
        (),
        snapshot,
        start,
        "none" if kind is PromptKind.SECRET else "text",
        0.85,
        "dialog",
    )


def _dialog_items(
    content: list[_Row],
) -> tuple[int, PromptKind, list[str], int | None, str] | None:
    """The list inside a dialog: (first row, kind, labels, highlighted, answer mode)."""
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
            styles = [_label_style(content[i], m.group("label")) for i, m in block]
            return block[0][0], kind, labels, _odd_one(styles) or 0, mode
    # whiptail/dialog menus: "tag  description" rows; tags are numbers here or words.
    rows = [(i, menu.match(r.text)) for i, r in enumerate(content)]
    block = []
    for i, m in rows:
        if m is not None and m.group("tag").isdigit():
            block.append((i, m))
    if len(block) >= 2 and block[-1][0] - block[0][0] == len(block) - 1:
        labels = [m.group("label").strip() for _, m in block]
        styles = [content[i].style for i, _ in block]
        return block[0][0], PromptKind.CHOICE, labels, _odd_one(styles) or 0, "menu"
    return None


# ---------------------------------------------------------------- menus


@dataclass(frozen=True)
class _Item:
    row: _Row
    pointer: bool
    box: str
    number: str
    label: str


def _menu(snapshot: ScreenSnapshot, rows: list[_Row], signals: Signals) -> Detection | None:
    if signals.canonical:
        return None  # a line reader: menus it prints are answered on the line below
    # Work upward from the bottom: hints, then the option rows, then the question.
    end = len(rows)
    while end > 0 and (_HINT.search(rows[end - 1].text) or _RULE.match(rows[end - 1].text)):
        end -= 1
    items: list[_Item] = []
    index = end - 1
    while index >= 0:
        row = rows[index]
        m = _ROW.match(row.text)
        if m is None or _HINT.search(row.text) or _RULE.match(row.text):
            break
        if not re.search(r"\w", m.group("label")):
            break  # a marker alone (an agent's empty input line "❯") is no option
        if items and items[-1].row.index - row.index > 1:
            break
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
        index -= 1
    items.reverse()
    # The question sits above the options; everything from it down is the menu.
    while (
        len(items) > 2
        and _is_question_row(items[0].row.text)
        and not _marked(items[0])
        and any(_marked(item) for item in items[1:])
    ):
        items = items[1:]
    if len(items) < 2:
        return None
    q_index = rows.index(items[0].row) - 1
    while q_index >= 0 and (
        _HINT.fullmatch(rows[q_index].text)
        or _RULE.match(rows[q_index].text)
        or rows[q_index].text.lower().startswith("instructions")
        or _HINT.search(rows[q_index].text)
        and not _is_question_row(rows[q_index].text)
    ):
        q_index -= 1
    if q_index < 0:
        return None
    question_row = rows[q_index]
    if not _WORDY.search(question_row.text):
        return None
    # The cursor must be in the prompt: on the question, an option, or just below them.
    last = max(items[-1].row.index, rows[end - 1].index if end else 0)
    if not question_row.index <= snapshot.cursor_row <= last + 3:
        return None
    pointers = [i for i, item in enumerate(items) if item.pointer]
    boxes = [item.box for item in items]
    has_boxes = all(boxes)
    if not (len(pointers) == 1 or has_boxes or all(item.number for item in items)):
        return None  # rows without a marker column are text, not a menu
    hints = " ".join(r.text for r in rows[q_index:])
    multi = bool(re.search(r"(?i)\bspace\b", hints)) or (
        has_boxes
        and (
            bool(pointers)
            or any(b[:1] in "[◻□☐" or b in "◻□☐✔✓" for b in boxes)
            or all(b in _EMPTY for b in boxes)
        )
    )
    if has_boxes and not pointers and not multi:
        filled = [i for i, b in enumerate(boxes) if b in _FILLED or b in ("(*)", "(•)")]
        selected = filled[0] if len(filled) == 1 else None
    elif len(pointers) == 1:
        selected = pointers[0]
    else:
        selected = _odd_one([item.row.style for item in items])
    numbered = all(item.number for item in items)
    if selected is None and not numbered:
        return None
    labels = [item.label for item in items]
    question = _clean_question(question_row.text)
    if numbered and not multi:
        # Numbered menus take their numbers (some libraries ignore arrows there).
        question = re.sub(r"\s*\d{1,2}$", "", question)  # the number typed so far
        keys = [item.number.strip("[]().") for item in items]
        return _found(
            PromptKind.CHOICE,
            question,
            _options(labels, keys, selected),
            snapshot,
            question_row.index,
            "key_raw",
            0.85,
            "numbered",
        )
    kind = PromptKind.MULTI_CHOICE if multi else PromptKind.CHOICE
    keys = [str(n + 1) for n in range(len(items))]
    return _found(
        kind,
        question,
        _options(labels, keys, selected),
        snapshot,
        question_row.index,
        "checkbox" if multi else "arrows",
        0.85,
        "menu",
    )


def _marked(item: _Item) -> bool:
    return bool(item.pointer or item.box or item.number)


def _is_question_row(text: str) -> bool:
    return bool(_QMARK.match(text)) or text.rstrip().endswith(("?", ":"))


# ---------------------------------------------------------------- one-row widgets

_TOGGLE_ROW = re.compile(
    r"^(?P<m1>[●○◯◉])?\s*(?P<a>yes|no|true|false|on|off)\s*/\s*(?P<m2>[●○◯◉])?\s*"
    r"(?P<b>yes|no|true|false|on|off)$",
    re.IGNORECASE,
)
_ACTIVE_QMARK = re.compile(r"^[◆▲]\s+")  # clack's active question (◇ once answered)


def _widget(snapshot: ScreenSnapshot, rows: list[_Row], signals: Signals) -> Detection | None:
    """clack-style prompts: an active question row, then one row holding a yes/no
    toggle (``● Yes / ○ No``) or an input field, with the cursor just below."""
    if signals.canonical:
        return None
    near = [r for r in rows if snapshot.cursor_row - 4 <= r.index <= snapshot.cursor_row]
    for at, row in enumerate(near):
        if not _ACTIVE_QMARK.match(row.text) or at + 1 >= len(near):
            continue
        question = _clean_question(_ACTIVE_QMARK.sub("", row.text))
        below = near[at + 1]
        toggle = _TOGGLE_ROW.match(below.text)
        if toggle is not None:
            labels = [toggle.group("a"), toggle.group("b")]
            filled = [toggle.group("m1") in ("●", "◉"), toggle.group("m2") in ("●", "◉")]
            selected = filled.index(True) if filled.count(True) == 1 else None
            return _found(
                PromptKind.YES_NO,
                question,
                _options(labels, ["y", "n"], selected),
                snapshot,
                row.index,
                "toggle",
                0.85,
                "toggle",
            )
        rest = near[at + 2 :]
        if all(r.text in ("└", "╰") or _HINT.search(r.text) for r in rest):
            kind = PromptKind.SECRET if _SECRET_WORD.search(question) else PromptKind.TEXT
            return _found(
                kind,
                question,
                (),
                snapshot,
                row.index,
                "none" if kind is PromptKind.SECRET else "text",
                0.8,
                "field",
            )
    return None


# ---------------------------------------------------------------- line prompts


def _line(snapshot: ScreenSnapshot, rows: list[_Row], signals: Signals) -> Detection | None:
    prefix = snapshot.before_cursor.rstrip()
    after = snapshot.cursor_line[len(snapshot.before_cursor) :].strip()
    if signals.canonical:
        if after:
            return None
        line = prefix
    else:
        # A TUI keeps its cursor where the user types, which may be mid-line.
        line = snapshot.cursor_line.rstrip()
    if not line.strip():
        return None
    text = joined_question(snapshot, line).strip()
    text = re.sub(r"^[│|]\s+", "", text)
    if _REPL.search(text) and not _QUESTION_END.search(text):
        return None
    if re.match(r"^In \[\d+\]:\s*$", text) or re.match(r"^\S*@\S*:\S*[$#%]?\s*$", text):
        return None
    raw_tail = ""
    if not signals.canonical:
        # A TUI line: the question may carry a hint, a toggle, or a prefilled value.
        text, raw_tail = _split_raw(text)
    numbered = _numbered_above(rows, snapshot.cursor_row)
    if numbered is not None and signals.canonical and _QUESTION_END.search(text) and len(text) < 80:
        labels, keys = numbered
        above = _question_above_list(rows, snapshot.cursor_row, len(labels))
        question = _clean_question(text) if _WORDY.search(text) else above or text
        return _found(
            PromptKind.CHOICE,
            question,
            _options(labels, keys, None),
            snapshot,
            snapshot.cursor_row,
            "key",
            0.85,
            "numbered",
        )
    if not _WORDY.search(text):
        return None
    question = _clean_question(text)
    toggle = _TOGGLE_ROW.match(raw_tail) if raw_tail else None
    if toggle is not None:
        labels = [toggle.group("a"), toggle.group("b")]
        styles = _word_styles(snapshot, labels)
        selected = _odd_one(styles) if styles else None
        return _found(
            PromptKind.YES_NO,
            question,
            _options(labels, ["y", "n"], selected),
            snapshot,
            snapshot.cursor_row,
            "toggle",
            0.85,
            "toggle",
        )
    yn = _YES_NO.search(text)
    if yn is not None:
        words = yn.group(0).lower()
        full = "yes" in words and "no" in words and not re.search(r"\by\b", words)
        keys = ["yes", "no"] if full else ["y", "n"]
        labels = ["yes", "no"] if full else ["Yes", "No"]
        question = _clean_question(text[: yn.start()] + text[yn.end() :]) or question
        return _found(
            PromptKind.YES_NO,
            question,
            _options(labels, keys, None),
            snapshot,
            snapshot.cursor_row,
            "key" if signals.canonical else "key_raw",
            0.85,
            "line",
        )
    if _PRESS.search(text):
        options = _options(["Continue"], ["enter"], None)
        return _found(
            PromptKind.PRESS_ENTER,
            question,
            options,
            snapshot,
            snapshot.cursor_row,
            "key_nosubmit",
            0.85,
            "line",
        )
    inline = _INLINE_CHOICES.search(text)
    if inline is not None:
        items = [i.strip() for i in re.split(r"\s*[/,|]\s*", inline.group("items")) if i.strip()]
        if len(items) >= 2 and not all(i.isdigit() for i in items) and len(items) <= 12:
            return _found(
                PromptKind.CHOICE,
                _clean_question(text[: inline.start()]),
                _options(items, items, None),
                snapshot,
                snapshot.cursor_row,
                "key",
                0.8,
                "line",
            )
    if not (_QUESTION_END.search(text) or _QMARK.match(line) or raw_tail):
        return None
    if len(text) > MAX_QUESTION:
        return None
    if (
        signals.canonical
        and signals.echo_off
        or (not signals.canonical and _SECRET_WORD.search(question))
    ):
        return _found(
            PromptKind.SECRET,
            question,
            (),
            snapshot,
            snapshot.cursor_row,
            "none",
            0.9 if signals.canonical else 0.75,
            "line",
        )
    confidence = 0.75 if signals.canonical else 0.65
    return _found(
        PromptKind.TEXT, question, (), snapshot, snapshot.cursor_row, "text", confidence, "line"
    )


def _word_styles(snapshot: ScreenSnapshot, words: list[str]) -> list[str]:
    line, style = snapshot.cursor_line, snapshot.style_of(snapshot.cursor_row)
    out, start = [], 0
    for word in words:
        at = line.find(word, start)
        if at < 0:
            return []
        out.append(style[at : at + len(word)])
        start = at + len(word)
    return out


def _split_raw(text: str) -> tuple[str, str]:
    """(question, what follows it) on a TUI's line: "? Name › Jane", "Branch: main"."""
    for sep in ("›", "‣", "»"):
        if sep in text:
            head, _, tail = text.partition(sep)
            return head.rstrip(), tail.strip()
    m = re.match(r"^(?P<q>[A-Za-z][\w ,'/-]{1,60}:)\s+(?P<v>\S.*)$", text)
    if m and not _QMARK.match(text):
        return m.group("q"), m.group("v")
    return text, ""


def joined_question(snapshot: ScreenSnapshot, prefix: str) -> str:
    """The cursor line's text, with the rows it wrapped from (full-width rows above)."""
    parts = [prefix]
    row = snapshot.cursor_row - 1
    while row >= 0 and len(snapshot.lines[row]) >= snapshot.cols and len(parts) < 6:
        parts.insert(0, snapshot.lines[row])
        row -= 1
    return "".join(parts)


def _question_above_list(rows: list[_Row], cursor_row: int, count: int) -> str:
    """The row above a numbered list that ends at the cursor: its question, if any."""
    above = [r for r in rows if r.index < cursor_row]
    if len(above) <= count:
        return ""
    text = above[-count - 1].text
    return _clean_question(text) if _WORDY.search(text) else ""


def _numbered_above(rows: list[_Row], cursor_row: int) -> tuple[list[str], list[str]] | None:
    above = [r for r in rows if r.index < cursor_row][::-1]
    hits: list[re.Match[str]] = []
    for row in above:
        m = _NUMBERED.match(row.text)
        if m is None:
            if hits:
                break
            if len(hits) == 0 and row.index < cursor_row - 2:
                return None
            continue
        hits.append(m)
    hits.reverse()
    if len(hits) < 2 or [int(m.group("n")) for m in hits] != list(range(1, len(hits) + 1)):
        return None
    return [m.group("label") for m in hits], [m.group("n") for m in hits]


# ---------------------------------------------------------------- result


def _found(
    kind: PromptKind,
    question: str,
    options: tuple[PromptOption, ...],
    snapshot: ScreenSnapshot,
    question_row: int,
    select: str,
    confidence: float,
    shape: str,
) -> Detection:
    context: list[str] = []
    for index in range(question_row - 1, -1, -1):
        line = _SIDE.sub("", snapshot.lines[index]).strip()
        if not line:
            continue
        if _RULE.match(line) or len(context) >= 6:
            break
        context.append(line)
    return Detection(
        rule=f"{SOURCE}.{shape}",
        kind=kind,
        question=question or "(no question text)",
        options=options,
        context=tuple(reversed(context)),
        source=f"{SOURCE}:{shape}",
        confidence=confidence,
        select=select,
        submit=select not in ("key_nosubmit",),
    )
