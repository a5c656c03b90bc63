"""A bare input line under its question: the question is on a row above the cursor. Pure.

Owns :func:`question_above_input` and :data:`CONSOLE_BANNER`. Some programs print their
question, then read on a line of its own that holds only a marker ("> ", "❯ ", ": ",
"? "), maybe after the default the program keeps on Enter ("(default 3) > ",
"[eu-west-1] › ") or after a short label ("flag key → "), maybe with a line of
context (a banner) between it and the question. Such a line asks nothing by itself (a
REPL's "> " does the same), so it counts only under a request: a row that ends like a
question ("Which tag?", "Release notes:") or asks for input in words ("Describe the
change", "To confirm, type 'wipe scratch-02' below.").
The OS signal (the program sleeps in its read) is checked by the caller.
"""

from __future__ import annotations

import re

from supervisor.prompts.structure_rows import MAX_QUESTION, RULE, Row, clean_question

# The markers an input line may hold alone.
_MARKER = r"(?:[>❯›»➜→▶:?]|\?\])"  # apt's " ?] " too
# A default shown before the marker: "(default 3)", "[default: eu-west-1]", "[8]".
_DEFAULT = r"\((?i:default)\b[^()]{1,40}\)|\[[^\[\]]{1,40}\]"
_INPUT_LINE = re.compile(r"^(?:(?P<default>" + _DEFAULT + r")\s*)?" + _MARKER + r"$")
# A short label before an arrow ("flag key → ", "name ▸ "): a field named under the
# question that asks for it. Letters, digits and spaces only, so a shell's path or
# user@host prompt is never one; and never ">", "❯" or "»", which REPLs and shell themes
# put after a word ("ok > ", "db ❯ ").
_LABELLED = re.compile(r"^(?P<label>[A-Za-z][A-Za-z0-9_.'-]*(?: [A-Za-z0-9_.'-]+){0,2})\s*[›➜→▸]$")
_QUESTION_END = re.compile(r"[?:]\s*$")
_VERB = (
    r"(?:describe|enter|type|write|give|provide|paste|name|choose|pick|select|list|tell|"
    r"explain|summari[sz]e|add|specify|input)"
)
# A sentence that asks for input without a question mark, maybe after a clause that says
# why or when ("To confirm, type ...", "If you are sure, enter ...", "Please describe ...").
_REQUEST = re.compile(
    r"(?i)^(?:(?:to|if|when|once|before)\b[^,.;:]{1,40},\s*"
    r"|to\s+(?:continue|proceed|confirm|go\s+on)\s+)?(?:please\s+)?" + _VERB + r"\b"
)
# What an interactive console's banner says about itself or how to use it.
CONSOLE_BANNER = re.compile(
    r"(?i)\b(?:console|repl|interpreter|interactive (?:shell|mode|session))\b"
    r"|\btype\s+(?:a|an|your)\s+(?:query|command|statement|expression)s?\b"
    r"|\b(?:type|enter)\s+[\"'“]?\.?(?:help|exit|quit)\b"
    r"|\b(?:ctrl|control)[-+ ]?d\b|\bexit\(\)"
)
_GAP = 2  # the question may sit one blank row above the input line, no further


def question_above_input(rows: list[Row], cursor_row: int, text: str) -> tuple[str, int] | None:
    """(the question, its row) for a bare input line ``text`` at ``cursor_row``, or None.

    ``text`` must be only a marker, maybe after a default in brackets or a short label
    ("flag key → "); the question is the nearest non-blank row above (at most one blank
    row between), or the row right above that one when the nearer row is context (a
    coloured banner, a status line), a request of three words or more that no
    interactive console's banner would say. A default shown on the input
    line is kept in the question ("Number of replicas? (default 3)"): it tells what Enter
    alone keeps."""
    m = _INPUT_LINE.fullmatch(text.strip())
    labelled = _LABELLED.fullmatch(text.strip()) if m is None else None
    if m is None and labelled is None:
        return None
    # A rule drawn between the question and its input line counts as a blank row.
    rules = {r.index for r in rows if RULE.match(r.text)}
    reach = _GAP + sum(1 for i in range(cursor_row - _GAP, cursor_row) if i in rules)
    above = [r for r in rows if cursor_row - reach <= r.index < cursor_row and r.index not in rules]
    if not above:
        return None
    row = above[-1]
    if not _asks(row.text):
        # One line of context (a banner, a status line) may sit between the question
        # and its input line: the question is then the row right above that one.
        higher = [r for r in rows if r.index == row.index - 1]
        if not higher or CONSOLE_BANNER.search(row.text) or not _asks(higher[0].text):
            return None
        row = higher[0]
    question = clean_question(row.text.strip())
    if m is not None and m.group("default"):
        question = f"{question} {m.group('default')}"
    if labelled is not None:
        question = f"{question} ({labelled.group('label')})"
    return question, row.index


def _asks(text: str) -> bool:
    """Whether ``text`` is a request for input of three words or more that no
    interactive console's banner would say."""
    line = text.strip()
    if len(line.split()) < 3 or len(line) > MAX_QUESTION or CONSOLE_BANNER.search(line):
        return False
    return bool(_QUESTION_END.search(line) or _REQUEST.match(line))
