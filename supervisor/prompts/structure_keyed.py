"""Line prompts whose answers the line names in a way the plain shapes misread. Pure.

Used by :mod:`structure_lines`:

* numbers as choices: ``[7/14/30/90]`` (rich's ``IntPrompt`` with choices) lists
  answers, while ``[3/10]`` (a step counter) and ``(03/12/2026)`` (a date) do not;
* a default shown in its own colour after the question (``Branch (feature/x)``, as
  prompt libraries and rich draw it) is one value to keep, not a list of choices;
* a key legend on the row above a short question (``[a] approve   [r] reject``,
  then ``Your call:``): the question is answered by one of those keys;
* "press any key" on a raw terminal: the program takes the next key, and some
  ignore Enter (readline-sync's ``keyInPause``), so Space answers it;
* answers named by a bracketed letter in prose (``[y]es, [n]o, [a]ll``,
  ``(s)mall, (m)edium, (l)arge [m]``, the last bracket repeating the default's key);
* readline-sync's ``keyInSelect``: ``[1] label`` rows, ``[0] CANCEL``, then
  ``[1...5 / 0]:``: the options are the labels, each answered by its key.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from supervisor.prompts.structure_rows import Row

# "press any key", "hit any key", "(Hit any key)".
_ANY_KEY = re.compile(r"(?i)\b(?:press|hit|strike|tap)\s+(?:the\s+)?any\s+key\b")
# readline-sync's key range after a keyInSelect list: "[1...5 / 0]:", "[1..9, 0]".
_KEY_RANGE = re.compile(r"\[\s*\w(?:\.{2,3}|-)\w\s*(?:[/,]\s*\w\s*)?\]\s*:?\s*$")
_KEY_ROW = re.compile(r"^\s*\[(?P<key>[0-9A-Za-z])\]\s+(?P<label>\S.*?)\s*$")
_SHORT_QUESTION = re.compile(r"^[^\[\]()]{2,40}[?:]$")
MAX_LEGEND_ANSWERS = 9
_BRACKET_WORD = re.compile(r"[\[(](?P<k>[A-Za-z])[\])](?P<rest>[a-z]*)")
_SELECT_KEYS = "123456789abcdefghijklmnopqrstuvwxyz"  # keyInSelect's keys, in order

KeyedWords = Callable[[str], "tuple[int, list[str], list[str]] | None"]


def numeric_choices(items: list[str]) -> bool:
    """Whether ``items``, all digits, are answers (``7/14/30/90``) rather than a counter
    (``3/10``: two numbers) or a date (``03/12/2026``: a leading zero or a year)."""
    if len(items) < 3 or len(set(items)) != len(items):
        return False
    if any(len(i) > 1 and i.startswith("0") for i in items):
        return False
    return not (len(items) == 3 and any(len(i) == 4 for i in items))


def shown_default(group: str, apart: Callable[[str], bool]) -> bool:
    """Whether ``group`` (the bracketed end of a question) is a default value drawn in its
    own colour: one token in parentheses (``(feature/login-v2)``), no list of words.
    Choices are written with spaces or commas (``(gzip, zstd)``) or in square
    brackets, and a plain line draws them like the question."""
    inner = group.strip()
    if not (inner.startswith("(") and ")" in inner):
        return False
    token = inner[1 : inner.index(")")]
    return bool(token) and not re.search(r"[\s,|]", token) and apart(inner[: len(token) + 2])


def any_key(text: str, canonical: bool) -> str:
    """The key that answers a "press ..." line: Space when it takes any key on a raw
    terminal (a program reading single keys may ignore Enter), Enter otherwise."""
    return "space" if not canonical and _ANY_KEY.search(text) else "enter"


def legend_above(
    rows: list[Row], cursor_row: int, text: str, keyed_words: KeyedWords
) -> tuple[list[str], list[str]] | None:
    """(labels, keys) of a key legend on the row right above (or one blank row above) a
    short question at the cursor, or None. The legend row must be the list alone,
    starting with its first bracketed key: ``[a] approve   [r] reject   [s] skip``."""
    if not _SHORT_QUESTION.match(text.strip()):
        return None
    above = [r for r in rows if cursor_row - 2 <= r.index < cursor_row]
    if not above:
        return None
    line = above[-1].text.strip()
    found = keyed_words(line)
    if found is None:
        return None
    start, labels, keys = found
    if start != 0 or not 2 <= len(keys) <= MAX_LEGEND_ANSWERS:
        return None
    return labels, keys


def key_in_select(
    rows: list[Row], cursor_row: int, text: str
) -> tuple[int, list[str], list[str]] | None:
    """readline-sync's keyInSelect above the cursor: (where the key range starts in
    ``text``, labels, keys). The ``[n] label`` rows run 1, 2, ... with maybe a last
    ``[0]`` (its cancel row), right above the question."""
    m = _KEY_RANGE.search(text)
    if m is None:
        return None
    items: list[tuple[str, str]] = []
    for row in reversed([r for r in rows if r.index < cursor_row]):
        hit = _KEY_ROW.match(row.text)
        if hit is None:
            if items or row.index < cursor_row - 2:
                break
            continue  # the question's own first row, wrapped above the cursor
        items.append((hit.group("key"), hit.group("label")))
    items.reverse()
    keys = [k for k, _ in items]
    body = keys[:-1] if keys[-1:] == ["0"] else keys
    if len(body) < 2 or body != list(_SELECT_KEYS[: len(body)]):
        return None
    return m.start(), [label for _, label in items], keys


def keyed_words(text: str) -> tuple[int, list[str], list[str]] | None:
    """Answers named by a bracketed letter, in prose: ``[y]es, [n]o, [a]ll``,
    ``[u]pdate / [s]kip / [i]gnore all / [q]uit``, ``(a)bort, (r)etry, (i)gnore``,
    ``Press [r] to rerun failures, [a] to rerun all, [x] to exit``. Each letter starts
    an answer that runs to the next one; its label is the letter's word, or what
    follows "to". Two or more distinct letters, each answer short, and the line
    ends with them."""
    marks = list(_BRACKET_WORD.finditer(text))
    if (
        len(marks) >= 3
        and not marks[-1].group("rest")
        and marks[-1].group("k").lower() in {m.group("k").lower() for m in marks[:-1]}
        and re.fullmatch(r"\s*[:?]?\s*", text[marks[-1].end() :])
    ):
        # "(s)mall, (m)edium, (l)arge [m]:": the last bracket repeats a key, the default.
        text = text[: marks[-1].start()]
        marks = marks[:-1]
    if len(marks) < 2:
        return None
    keys = [m.group("k").lower() for m in marks]
    if len(set(keys)) != len(keys):
        keys = [m.group("k") for m in marks]  # unzip's [n]o and [N]one: case matters
        if len(set(keys)) != len(keys):
            return None
    labels = []
    for m, nxt in zip(marks, [*marks[1:], None], strict=True):
        end = nxt.start() if nxt is not None else len(text)
        rest = text[m.end() : end]
        # Only separators may follow the last answer: the line ends with the list.
        rest = re.sub(r"(?:\s*(?:[,/|;]|\bor\b))*\s*[:?]?\s*$", "", rest)
        word = m.group("k") + m.group("rest")
        if not m.group("rest"):
            word = re.sub(r"^\s*(?:to|=|-|:)\s*", "", rest).strip() or word
        elif rest.strip():
            word += rest  # "[i]gnore all"
        if len(word) > 40 or re.search(r"[.!?]\s", word):
            return None  # a sentence, not an answer
        labels.append(word.strip())
    return marks[0].start(), labels, keys
