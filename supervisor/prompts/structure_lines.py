"""Line prompts: a question the text left of the cursor ends with.

Pure. Owns :func:`find_line` (``?`` or ``:`` endings, ``[Y/n]``, ``press Enter``,
``(a, b, c)`` or ``[a/b/c]`` inline choices, a numbered list above that the line
selects from, a TUI's toggle or prefilled value after the question, secret and
free-text fields) and :func:`joined_question` (the cursor line with the
full-width rows it wrapped from), while shell and REPL prompts, which ask nothing,
are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from shared.protocol import PromptKind
from supervisor.prompts.detect_types import Detection, Signals
from supervisor.prompts.prefill import prefilled
from supervisor.prompts.structure_input import CONSOLE_BANNER, question_above_input
from supervisor.prompts.structure_keyed import (
    any_key,
    key_in_select,
    keyed_words,
    legend_above,
    numeric_choices,
    shown_default,
)
from supervisor.prompts.structure_numbered import numbered_above, question_above_list
from supervisor.prompts.structure_rows import (
    MAX_QUESTION,
    QMARK,
    SECRET_WORD,
    TOGGLE_ROW,
    WORDY,
    Row,
    build_detection,
    clean_question,
    literal_yes,
    make_options,
    odd_one,
    plain_labels,
    toggle_labels,
    yes_no_pair,
)
from supervisor.screen import ScreenSnapshot, is_faint_style

_YES_NO = re.compile(
    # yes in English, or as Spanish, Portuguese, Italian, German, French write it ("[S/n]")
    r"(?i)[\[(]\s*\[?(?P<y>y|yes|s|si|sí|j|ja|o|oui)\]?\s*(?:/|\s+or\s+)\s*"
    r"\[?(?P<n>n|no|nein|non|não)\]?(?:/[^\])]*)?\s*[\])]"
)
# "(a, b, c):", "[a/b/c]?", and click's "(gzip, zstd, none) [zstd]:" with the default after it.
_INLINE_CHOICES = re.compile(
    r"[\[(](?P<items>[^\[\]()]{1,200}?)[\])]\s*(?:\([^)]*\)\s*|\[[^\]]*\]\s*)?[:?]?\s*$"
)
# A question with only its default answer after it: patch's "Assume -R? [n]", npm init's
# "Is this OK? (yes)". The other answer is implied, so it is a yes/no question.
_DEFAULT_YES_NO = re.compile(r"(?i)\?\s*[\[(](?P<d>y|n|yes|no)[\])]\s*$")
# "Press any key", "Hit RETURN when ready", "Press [Enter] to continue".
_PRESS = re.compile(
    r"(?i)\b(?:press|hit)\s+(?:the\s+)?[\[<]?"
    r"(?:any key|enter|return|a key|return/enter|enter/return)\b"
)
# A key legend: several "key: action" pairs spaced apart on one row ("k: Kill process?
# (y/n)   q: quit   /: search"), a monitor's help line, never one question.
_LEGEND_PAIR = re.compile(r"^\S{1,6}:\s+\S")
# Prompts of shells and REPLs: they wait for input but ask nothing.
_REPL = re.compile(
    r"(^|\s)(In \[\d+\]:|\S*[$#%>❯»]\s*$|\(\w+\)\s*$|\w+\([\w.]*\):\d+:\d+[>*]\s*$|\.\.\.:?\s*$)"
)
_QUESTION_END = re.compile(r"[?:]\s*$")
# A question followed only by the default Enter keeps: "Keep how many? [7]", "Branch? [main]",
# "Name: (my-app)". (A yes/no default alone is a yes/no question: _DEFAULT_YES_NO.)
_ENDS_IN_DEFAULT = re.compile(r"(?P<end>[?:])\s*(?:\[[^\[\]]{1,40}\]|\([^()]{1,40}\))\s*$")
# A sentence set before a chevron ("Bucket for the exports ›"): a field's label, which a
# shell's prompt (a path, a user@host, one word) never is.
_CHEVRON_ASK = re.compile(r"^[A-Z][A-Za-z'-]*(?: [\w'(),-]+){2,8} [›➜→]\s*$")
_BARE_WORD = re.compile(r"[\w.-]{1,16}\s*[?:]")
# git's "What now>" under its numbered menu; a shell select's own prompt ("#>", "#?"),
# or one its script set that ends in an arrow ("Pick a kernel ➜"), or a bare arrow
# (console-menu's ">>" under its framed numbered rows).
_MENU_END = re.compile(r"^(?:[A-Za-z][\w ]{0,30}[>❯›»➜→▶]|#[>?]|[>❯›»➜→▶]{1,3})\s*$")
_LETTER_LIST = re.compile(r"[\[(](?P<items>[^\[\]()\s]{5,40})[\])]\s*[:?]?\s*$")
_LETTER_RUN = re.compile(r"\[(?P<keys>[A-Za-z?]{3,10})\]\s*[:?]?\s*$")
# An expand prompt's collapsed keys, maybe with its default key after them: "(Yadxh)", "(rmxh) r".
_EXPAND = re.compile(r"\((?P<keys>[A-Za-z]{3,12})\)(?:\s+[A-Za-z])?\s*$")


def find_line(
    snapshot: ScreenSnapshot, rows: list[Row], signals: Signals, *, glyph_question: bool = True
) -> Detection | None:
    """The line prompt at the cursor, or None. ``glyph_question``: a request on the row
    above a bare input glyph ("> ") is a question (not under a coding agent's input)."""
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
    if is_legend(text):
        return None

    def apart(fragment: str) -> bool:
        return _drawn_apart(snapshot, fragment)

    numbered = numbered_above(rows, snapshot.cursor_row)
    asked = question_above_input(rows, snapshot.cursor_row, text) if glyph_question else None
    if asked is not None:
        question, question_row = asked
        return build_detection(
            PromptKind.TEXT, question, (), snapshot, question_row, "text", 0.7, "line"
        )
    if (
        _REPL.search(text)
        and not QMARK.match(text)  # a prompt library's "? Uploads (6)", never a REPL's "(venv)"
        and numbered is None  # "What now>" under the numbered commands it takes
        and not _QUESTION_END.search(text)
        and not _DEFAULT_YES_NO.search(text)  # "Is this OK? (yes)" is no "(venv)"
        and not _asks_with_default(text)  # nor is "How many retries? (3)"
        and _letter_keys(text, signals.canonical, apart) is None
        and not _PRESS.search(text)  # "... press any key to start writing ..."
    ):
        return None
    if re.match(r"^In \[\d+\]:\s*$", text) or re.match(r"^\S*@\S*:\S*[$#%]?\s*$", text):
        return None
    raw_tail = ""
    if not signals.canonical:
        # A TUI line: the question may carry a hint, a toggle, or a prefilled value.
        text, raw_tail = _split_raw(text)
    if (
        numbered is not None
        and signals.canonical
        and (_QUESTION_END.search(text) or _MENU_END.search(text))
        and len(text) < 80
    ):
        labels, keys = numbered
        labels = plain_labels(labels, None)
        above = question_above_list(rows, snapshot.cursor_row)
        question = clean_question(text) if WORDY.search(text) else above or text
        return build_detection(
            PromptKind.CHOICE,
            question,
            make_options(labels, keys, None),
            snapshot,
            snapshot.cursor_row,
            "key",
            0.85,
            "numbered",
        )
    if not WORDY.search(text):
        return None
    question = clean_question(text)
    toggle = TOGGLE_ROW.match(raw_tail) if raw_tail else None
    if toggle is not None:
        labels, selected = toggle_labels(toggle)
        if selected is None:
            styles = _word_styles(snapshot, labels)
            selected = odd_one(styles) if styles else None
            if selected is None and styles:
                # enquirer draws the one not chosen faint, the chosen one coloured.
                lit = [i for i, st in enumerate(styles) if not all(map(is_faint_style, st))]
                selected = lit[0] if len(lit) == 1 else None
        return build_detection(
            PromptKind.YES_NO,
            question,
            make_options(labels, ["y", "n"], selected),
            snapshot,
            snapshot.cursor_row,
            "toggle",
            0.85,
            "toggle",
        )
    line_select = "key" if signals.canonical else "key_raw"
    listed = key_in_select(rows, snapshot.cursor_row, text)
    if listed is not None:
        start, labels, keys = listed
        return build_detection(
            PromptKind.CHOICE,
            clean_question(text[:start]) or question,
            make_options(labels, keys, None),
            snapshot,
            snapshot.cursor_row,
            line_select,
            0.85,
            "keys",
        )
    word = literal_yes(text)
    if word is not None:
        # "Type 'yes' to continue": only that exact word is accepted, so it is the key.
        return build_detection(
            PromptKind.YES_NO,
            question,
            make_options([word, "no"], [word, "no"], None),
            snapshot,
            snapshot.cursor_row,
            line_select,
            0.85,
            "literal",
        )
    letters = _letter_keys(text, signals.canonical, apart)
    if letters is not None:
        start, labels, keys = letters
        lead = clean_question(text[:start])
        return build_detection(
            PromptKind.CHOICE,
            lead if len(lead.split()) >= 2 else question,  # not just "Press"
            make_options(labels, keys, None),
            snapshot,
            snapshot.cursor_row,
            line_select,
            0.85,
            "keys",
        )
    yn = _YES_NO.search(text)
    more = _more_words(yn.group(0)) if yn is not None else None
    if yn is not None and more is not None:
        # "(yes/no/all)": a third answer besides yes and no, so a choice of all three.
        return build_detection(
            PromptKind.CHOICE,
            clean_question(text[: yn.start()] + text[yn.end() :]) or question,
            make_options(more, more, None),
            snapshot,
            snapshot.cursor_row,
            line_select,
            0.85,
            "line",
        )
    if yn is not None:
        words = yn.group(0).lower()
        full = "yes" in words and "no" in words and not re.search(r"\by\b", words)
        keys = ["yes", "no"] if full else [yn.group("y").lower(), yn.group("n").lower()]
        labels = ["yes", "no"] if full else ["Yes", "No"]
        question = clean_question(text[: yn.start()] + text[yn.end() :]) or question
        return build_detection(
            PromptKind.YES_NO,
            question,
            make_options(labels, keys, None),
            snapshot,
            snapshot.cursor_row,
            "key" if signals.canonical else "key_raw",
            0.85,
            "line",
        )
    alone = _DEFAULT_YES_NO.search(text)
    if alone is not None:
        full = len(alone.group("d")) > 1
        return build_detection(
            PromptKind.YES_NO,
            clean_question(text[: alone.start() + 1]) or question,
            make_options(
                ["yes", "no"] if full else ["Yes", "No"],
                ["yes", "no"] if full else ["y", "n"],
                None,
            ),
            snapshot,
            snapshot.cursor_row,
            line_select,
            0.85,
            "line",
        )
    if _PRESS.search(text):
        options = make_options(["Continue"], [any_key(text, signals.canonical)], None)
        return build_detection(
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
    if (
        inline is not None
        and not _not_a_list(inline.group("items"))
        and not _name_to_type(
            text[: inline.start()],
            inline.group("items"),
            [r.text for r in rows if r.index < snapshot.cursor_row and r.text not in text],
        )
        and not shown_default(inline.group(0), apart)
    ):
        items = [i.strip() for i in re.split(r"\s*[/,|]\s*", inline.group("items")) if i.strip()]
        numbers = all(i.isdigit() for i in items)
        if 2 <= len(items) <= 12 and (not numbers or numeric_choices(items)):
            return build_detection(
                PromptKind.YES_NO if yes_no_pair(items) else PromptKind.CHOICE,
                clean_question(text[: inline.start()]),
                make_options(items, items, None),
                snapshot,
                snapshot.cursor_row,
                "key",
                0.8,
                "line",
            )
    if not (
        _QUESTION_END.search(text)
        or _ENDS_IN_DEFAULT.search(text)
        or QMARK.match(line)
        or raw_tail
        or _CHEVRON_ASK.match(text)
    ):
        return None
    if _CHEVRON_ASK.match(text):
        question = clean_question(text.rstrip()[:-1])
    if len(text) > MAX_QUESTION:
        return None
    if (
        signals.canonical
        and signals.echo_off
        or (not signals.canonical and SECRET_WORD.search(question))
    ):
        return build_detection(
            PromptKind.SECRET,
            question,
            (),
            snapshot,
            snapshot.cursor_row,
            "none",
            0.9 if signals.canonical else 0.75,
            "line",
        )
    if _console_prompt(rows, snapshot.cursor_row, text):
        return None
    legend = legend_above(rows, snapshot.cursor_row, text, keyed_words)
    if legend is not None:
        return build_detection(
            PromptKind.CHOICE,
            question,
            make_options(*legend, None),
            snapshot,
            snapshot.cursor_row,
            line_select,
            0.8,
            "keys",
        )
    confidence = 0.75 if signals.canonical else 0.65
    field = prefilled(snapshot, canonical=signals.canonical)
    if field is not None and not field.drawn and text.endswith(field.value):
        # The field's editable value is the answer-to-be, not part of the question:
        # leaving it out keeps the prompt's identity while the value is replaced.
        question = clean_question(text[: -len(field.value)]) or question
    return build_detection(
        PromptKind.TEXT, question, (), snapshot, snapshot.cursor_row, "text", confidence, "line"
    )


def _asks_with_default(text: str) -> bool:
    """Whether ``text`` is a question mark followed only by a default ("Retries? (3)")."""
    m = _ENDS_IN_DEFAULT.search(text)
    return m is not None and m.group("end") == "?"


def is_legend(text: str) -> bool:
    """Whether ``text`` lists two or more "key: action" pairs set apart by wide gaps."""
    parts = [p for p in re.split(r"\s{3,}", text.strip()) if p]
    return len(parts) >= 2 and all(_LEGEND_PAIR.match(p) for p in parts)


def _console_prompt(rows: list[Row], cursor_row: int, text: str) -> bool:
    """A bare one-word prompt ("sql? ", "db: ") under an interactive console's banner
    ("Query console. Type a query.", 'Type "help" for more information.'): the console
    waits for a command and asks nothing. A one-word question with no such banner above
    ("Name? ", "ready? ") is still a question."""
    if not _BARE_WORD.fullmatch(text.strip()):
        return False
    return any(CONSOLE_BANNER.search(r.text) for r in rows if r.index < cursor_row)


def _more_words(group: str) -> list[str] | None:
    """The answers of a yes/no group that offers more words ("(yes/no/all)"), or None;
    a bracketed extra ("[fingerprint]") is a hint, not an answer."""
    items = [i.strip() for i in re.split(r"/", group.strip("[]() ")) if i.strip()]
    words = [i for i in items if re.fullmatch(r"[A-Za-z]{2,12}", i)]
    if len(items) > 2 and len(words) == len(items):
        return words
    return None


# A unit of measure per unit of time: a quantity's sign or abbreviation over a time unit.
# A single letter over another ("(m/s)") stays a pair of keys: only a sign makes it a unit.
_RATE_UNIT = re.compile(
    r"(?:[°µ][A-Za-z]{0,3}|[kMGTP]i?B|km|mi|ft|kWh|req|ops|msgs?|rows|files|pages)"
    r"\s*/\s*(?:s|sec|ms|min|h|hr|hour|day|wk|week|mo|yr)"
)


def _not_a_list(inner: str) -> bool:
    """Parenthesised text that only looks like "a/b/c": a path ("(/etc/foo.conf)",
    "(./dist)", "(src/app.py)") or a format ("(YYYY/MM/DD)"), never options."""
    inner = inner.strip()
    if inner.startswith(("/", "~", "./", "../", "\\")) or "\\" in inner or "://" in inner:
        return True
    if re.match(r"(?i)(default|current|e\.g\.|eg|example)\b", inner):
        return True  # "(default: /etc/app)": one value, shown
    if re.search(r"\d:\d|\d/s\b|it/s\b|%", inner):
        return True  # a progress bar's "[00:03<00:07, 4.2it/s]"
    if _RATE_UNIT.fullmatch(inner):
        return True  # a rate's unit ("(°C/h)", "(km/h)", "(MB/s)"): one field, measured
    parts = [p for p in re.split(r"\s*/\s*", inner) if p]
    if "/" in inner and any(re.search(r"\w\.[A-Za-z]\w{0,4}$", p) for p in parts):
        return True  # a file name with its extension
    return bool(re.fullmatch(r"[YMDHhmsS]+(?:[/:.-][YMDHhmsS]+)+", inner))


# A request to type something back: "type the repository name", "re-enter the slug".
_TYPE_ASK = re.compile(r"(?i)\b(?:re-?)?(?:type|enter)\b")


def _name_to_type(lead: str, inner: str, above: list[str]) -> bool:
    """Whether ``inner`` ("acme/ledger") is the one name a confirm-by-typing request
    (``lead``) wants typed back, not a list: a single unspaced token whose slash joins
    the parts of a name, asked for with "type"/"enter" and either "confirm" or the name
    already shown on a row ``above`` the question (the warning that named it).
    "[y/n]", "(yes/no)" and "[1/2/3]" stay choices; so does "Enter the environment
    (dev/prod)", which names nothing above."""
    token = inner.strip()
    if not _TYPE_ASK.search(lead) or not re.fullmatch(r"[\w.@:-]+(?:/[\w.@:-]+)+", token):
        return False
    parts = token.split("/")
    if all(p.isdigit() for p in parts) or yes_no_pair(parts) or all(len(p) == 1 for p in parts):
        return False
    named_above = any(token in row for row in above)
    return named_above or re.search(r"(?i)\bconfirm", lead) is not None


def _letter_keys(
    text: str, canonical: bool, apart: Callable[[str], bool] | None = None
) -> tuple[int, list[str], list[str]] | None:
    """Single-letter answers at the end of a line: ``[y/n/a/q]``, ``[Y/n/e/d/?]``,
    ``[y]es, [n]o, [a]ll``, or an expand prompt's ``(Yadxh)``. Returns (where the
    list starts, labels, keys); a yes/no pair alone is left to the yes/no shape.
    ``apart(fragment)``: whether the cursor line draws ``fragment`` in other styles than
    the text before it."""
    m = _LETTER_LIST.search(text)
    if m is not None:
        items = [i for i in re.split(r"\s*[/,]\s*", m.group("items")) if i]
        if len(items) >= 3 and all(len(i) == 1 for i in items):
            return m.start(), items, _keys_of(items)
    run = _LETTER_RUN.search(text)
    if run is not None:
        letters = run.group("keys")
        folded = letters.casefold()
        if {"y", "n"} <= set(folded) and len(set(folded)) == len(folded):
            return run.start(), list(letters), _keys_of(list(letters))  # zsh's [nyae]
    keyed = keyed_words(text)
    if keyed is not None:
        return keyed
    m = _EXPAND.search(text)
    if m is not None and not canonical:
        letters = m.group("keys")
        folded = letters.casefold()
        uppers = sum(ch.isupper() for ch in letters)
        # Short key runs could be a word ("(fish)"): only when drawn unlike the question.
        short_ok = len(letters) >= 5 or (apart is not None and apart(m.group(0).strip()))
        if folded.endswith("h") and len(set(folded)) == len(folded) and uppers <= 1 and short_ok:
            return m.start(), list(letters), _keys_of(list(letters))
    return None


def _keys_of(items: list[str]) -> list[str]:
    """The keys to type: one capital among small letters only marks the default."""
    letters = [i for i in items if i.isalpha()]
    if sum(i.isupper() for i in letters) == 1 and len(letters) > 1:
        return [i.lower() for i in items]
    return list(items)


def _drawn_apart(snapshot: ScreenSnapshot, fragment: str) -> bool:
    """Whether the cursor line draws ``fragment`` (its last occurrence) in styles the
    words before it do not use: a prompt library's keys or value after its question."""
    line, style = snapshot.cursor_line, snapshot.style_of(snapshot.cursor_row)
    at = line.rfind(fragment)
    if at <= 0:
        return False
    own = {c for ch, c in zip(fragment, style[at : at + len(fragment)], strict=False) if ch.strip()}
    before = {c for ch, c in zip(line[:at], style[:at], strict=False) if ch.isalnum()}
    return bool(own) and bool(before) and not own & before


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


# A label, a colon and a value: "Branch: main". The label may carry its unit or range in
# brackets ("Humidity target (%): 65", "Rows [1-60]: 48").
_LABEL_VALUE = re.compile(
    r"^(?P<q>[A-Za-z](?:[\w ,'/-]|\([^()]{1,20}\)|\[[^\[\]]{1,20}\]){1,60}:)\s+(?P<v>\S.*)$"
)


def _split_raw(text: str) -> tuple[str, str]:
    """(question, what follows it) on a TUI's line: "? Name › Jane", "Branch: main"."""
    for sep in ("›", "‣", "»", "▸", "➤"):
        if sep in text:
            head, _, tail = text.partition(sep)
            return head.rstrip(), tail.strip()
    m = _LABEL_VALUE.match(text)
    if m and not QMARK.match(text):
        return m.group("q"), m.group("v")
    # A toggle drawn right after the question mark ("Publish it ? Yes/No").
    m = re.match(r"^(?P<q>.*\?)\s+(?P<v>\S.*)$", text)
    if m and TOGGLE_ROW.match(m.group("v")):
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
