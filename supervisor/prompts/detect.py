"""Is the screen waiting for a human, and for what? Pure: a snapshot in, a detection out.

Layers, strongest first:

1. OS signals from the caller: the terminal's echo is off and the text left of
   the cursor ends in ``:`` -> a ``secret`` prompt (0.95).
2. Suppressors: when every program that may read the terminal is a viewer or an
   editor (``Signals.programs``, the rule files' ``viewers``), the screen is a
   document, whatever it says ("Continue? (y/n)", a pager's ``:``); a spinner or
   ``esc to interrupt`` in the bottom rows means the program is working: any
   question on screen is quoted, not asked.
3. Screen rules (:mod:`supervisor.prompts.rules`), each looking only at the
   text left of the cursor (``cursor_line``) or at the last non-empty rows
   (``tail``), never at the scrollback: a prompt scrolled away is not pending.
   A rule counts only after ``min_quiet`` seconds without output; the caller's
   ``blocked_on_read`` (the foreground process sits in ``read(0)``) lifts a
   cursor-line rule's confidence by 0.25. An agent's rules fire in another
   family's session only while the terminal is in raw mode and its program is not
   sleeping: every agent's TUI reads keys raw, a program quoting a dialog does not.
   No cursor-line or generic rule counts while the reader is a shell or an
   interpreter at its own prompt (``Signals.interactive``), as for the structure.

The best rule at or above :data:`REPORT_THRESHOLD` wins (ties: family order).
A permission rule whose dialog names a dangerous command reports
``confirm_dangerous`` instead of its own kind.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from shared.protocol import PromptKind, PromptOption
from supervisor.prompts import structure
from supervisor.prompts.detect_types import Detection, Signals
from supervisor.prompts.rules import FAMILIES, Rule, RuleSet, viewer_in_front
from supervisor.screen import ScreenSnapshot

__all__ = ["Detection", "Signals", "detect"]

AGENT_FAMILIES = frozenset(FAMILIES) - {"generic"}
REPORT_THRESHOLD = 0.6
STRUCTURE_QUIET = 0.4  # seconds without output before the screen's structure is read
BLOCKED_ON_READ_BOOST = 0.25
BUSY_ROWS = 8
CONTEXT_ROWS = 8
_BORDER = re.compile(r"^[\s│┃║]+|[\s│┃║]+$")
# A horizontal rule or box edge: the top of a dialog, never part of its text.
_RULE_LINE = re.compile(r"^[\s─━═╭╮╰╯┌┐└┘┏┓┗┛╔╗╚╝▔▁-]+$")
_BOX_BOTTOM = re.compile(r"^[╰└┗╚][─━═]+[╯┘┛╝]$")
_SECRET_PREFIX = re.compile(r"\S.*:\s*$")


def detect(
    snapshot: ScreenSnapshot,
    rules: RuleSet,
    *,
    family: str = "generic",
    quiet_for: float = math.inf,
    signals: Signals | None = None,
) -> Detection | None:
    """The pending prompt on ``snapshot``, or None. See the module docstring."""
    signals = signals or Signals()
    prefix = snapshot.before_cursor.strip()
    line_mode = signals.canonical and not snapshot.alternate
    if signals.echo_off and line_mode and _SECRET_PREFIX.match(prefix):
        return Detection(
            rule="os.echo_off",
            kind=PromptKind.SECRET,
            question=prefix,
            options=(),
            context=_rows_above(snapshot, snapshot.cursor_row, 3),
            source="os:echo_off",
            confidence=0.95,
            select="none",
        )
    if viewer_in_front(signals.programs, rules.viewers):
        # A pager or an editor shows text; it asks nothing, except in the message
        # area on its last row (vim's swap-file question, its hit-enter prompt).
        return _message_area_question(snapshot, rules, family, quiet_for, signals)
    rows = _clean_rows(snapshot)
    if _busy(rows, rules):
        return None
    best: Detection | None = None
    for rule in rules.for_family(family):
        if quiet_for < rule.min_quiet:
            continue
        if (signals.elsewhere or signals.interactive) and (
            rule.scope == "cursor_line" or rule.family == "generic"
        ):
            # Nobody reads, or the reader is a shell or interpreter at its own prompt
            # (a PS1 of "Continue? [y/N] "): the question on screen asks nothing.
            continue
        if not _agent_may_draw(rule, family, signals):
            continue
        found = _match(rule, snapshot, rows, rules)
        if found is None:
            continue
        if signals.blocked_on_read and line_mode and rule.scope == "cursor_line":
            found = replace(found, confidence=min(0.99, found.confidence + BLOCKED_ON_READ_BOOST))
        if found.confidence >= REPORT_THRESHOLD and (
            best is None or found.confidence > best.confidence
        ):
            best = found
    if quiet_for >= STRUCTURE_QUIET and (best is None or best.confidence < 0.8):
        shaped = structure.find(snapshot, signals, agent=family != "generic")
        if shaped is not None and (best is None or shaped.confidence > best.confidence):
            best = shaped
    return best


def _agent_may_draw(rule: Rule, family: str, signals: Signals) -> bool:
    """Whether ``rule``, written for one coding agent, may fire in a session of
    ``family``. In its own session always; in another one (an agent started from a
    shell) only when the terminal says a TUI could be drawing it: every agent reads
    keys in raw mode, and a program that prints its dialog as text (a chat answer
    quoting one, a tutorial) leaves the terminal in line mode or sleeps."""
    if rule.family == family or rule.family not in AGENT_FAMILIES:
        return True
    return not signals.canonical and not signals.elsewhere


def _message_area_question(
    snapshot: ScreenSnapshot, rules: RuleSet, family: str, quiet_for: float, signals: Signals
) -> Detection | None:
    """The question an editor asks on its screen's last row, with the cursor at its end
    ("[O]pen Read-Only, (E)dit anyway, (Q)uit:", "Press ENTER or type command to
    continue"), or None. The document above never counts: only letter keys written on
    the cursor's own row, or a press-Enter line that is that row, make a question."""
    if snapshot.cursor_row != snapshot.rows - 1:
        return None
    line = snapshot.cursor_line.strip()
    if not line or snapshot.before_cursor.strip() != line:
        return None
    found = detect(
        snapshot, rules, family=family, quiet_for=quiet_for, signals=replace(signals, programs=())
    )
    if found is None:
        return None
    letters = found.kind is PromptKind.CHOICE and all(
        len(o.key) == 1 and o.key.isalpha() for o in found.options
    )
    on_row = " ".join(found.question.split()) in " ".join(line.split())
    if (letters and found.source == "structure:keys") or (
        found.kind is PromptKind.PRESS_ENTER and on_row
    ):
        return found
    return None


# ---------------------------------------------------------------- regions


def _clean_rows(snapshot: ScreenSnapshot) -> list[tuple[int, str]]:
    """Non-empty rows with box borders stripped, as (row index, text)."""
    out = []
    for index, line in enumerate(snapshot.lines):
        text = _BORDER.sub("", line)
        if text:
            out.append((index, text))
    return out


def _tail(rows: list[tuple[int, str]], count: int) -> list[tuple[int, str]]:
    """The last ``count`` non-empty rows: where a waiting program leaves its question."""
    return rows[-count:]


def _busy(rows: list[tuple[int, str]], rules: RuleSet) -> bool:
    return any(p.search(text) for _, text in rows[-BUSY_ROWS:] for p in rules.busy)


def _rows_above(snapshot: ScreenSnapshot, row: int, count: int) -> tuple[str, ...]:
    out: list[str] = []
    for index in range(row - 1, -1, -1):
        text = _BORDER.sub("", snapshot.lines[index]) if index < len(snapshot.lines) else ""
        if not text:
            continue
        if _RULE_LINE.match(text) or len(out) >= count:
            break
        out.append(text)
    return tuple(reversed(out))


# ---------------------------------------------------------------- one rule


def _match(
    rule: Rule, snapshot: ScreenSnapshot, rows: list[tuple[int, str]], rules: RuleSet
) -> Detection | None:
    if rule.bottom_row and snapshot.cursor_row != snapshot.rows - 1:
        return None
    if rule.scope == "cursor_line":
        return _match_cursor_line(rule, snapshot, rows, rules)
    return _match_tail(rule, snapshot, rows, rules)


def _match_cursor_line(
    rule: Rule, snapshot: ScreenSnapshot, rows: list[tuple[int, str]], rules: RuleSet
) -> Detection | None:
    prefix = snapshot.before_cursor.strip()
    if not prefix or not any(a.search(prefix) for a in rule.anchors):
        return None
    region = [text for _, text in _tail(rows, rule.rows)]
    if not all(any(p.search(text) for text in region) for p in rule.require):
        return None
    question = structure.joined_question(snapshot, prefix)
    if rule.question_from is not None:
        question = next((t for t in reversed(region) if rule.question_from.search(t)), prefix)
    context = _rows_above(snapshot, snapshot.cursor_row, CONTEXT_ROWS)
    return _build(rule, question, _static_options(rule), context, rules)


def _match_tail(
    rule: Rule, snapshot: ScreenSnapshot, rows: list[tuple[int, str]], rules: RuleSet
) -> Detection | None:
    region = _tail(rows, rule.rows)
    anchor_at = next(
        (
            i
            for i in range(len(region) - 1, -1, -1)
            if any(a.search(region[i][1]) for a in rule.anchors)
        ),
        None,
    )
    if anchor_at is None:
        return None
    texts = [text for _, text in region]
    if not all(any(p.search(t) for t in texts) for p in rule.require):
        return None
    if rule.last_box:
        below = range(anchor_at + 1, len(texts))
        closed = next((i for i in below if _BOX_BOTTOM.match(texts[i])), None)
        if closed is not None and closed < len(texts) - 1:
            return None  # text below the dialog's box: an answered dialog left on screen
    if rule.option_row is None:
        question_at = anchor_at
        options = _static_options(rule)
    else:
        start = anchor_at + 1 if rule.question == "anchor" else 0
        found = _menu(rule.option_row, texts, start)
        if found is None:
            return None
        first, options = found
        above = anchor_at if rule.question == "anchor" else _question_above(texts, first)
        if above is None:
            return None
        question_at = above
    question_row = region[question_at][0]
    context = _rows_above(snapshot, question_row, CONTEXT_ROWS)
    return _build(rule, texts[question_at], options, context, rules)


def _menu(
    pattern: re.Pattern[str], texts: list[str], start: int
) -> tuple[int, tuple[PromptOption, ...]] | None:
    """Option rows at or after ``start``: numbered 1..n (other rows may sit between,
    e.g. descriptions), or, without numbers, the consecutive rows right after it.
    Exactly one must carry the highlight glyph. Returns (first option's index, options)."""
    numbered = "number" in pattern.groupindex
    hits: list[tuple[int, re.Match[str]]] = []
    for index in range(start, len(texts)):
        m = pattern.match(texts[index])
        if not numbered:
            if m is None:
                if hits:
                    break
                continue  # a note between the question and its options
            hits.append((index, m))
            continue
        if m is None:
            continue
        number = int(m.group("number"))
        if number == 1:
            hits = [(index, m)]  # a later list starting at 1 replaces an earlier one
        elif hits and number == int(hits[-1][1].group("number")) + 1:
            hits.append((index, m))
    if len(hits) < 2:
        return None
    selected = [bool(m.groupdict().get("glyph")) for _, m in hits]
    if selected.count(True) != 1:
        return None
    options = tuple(
        PromptOption(number=n + 1, label=m.group("label").strip(), key=str(n + 1), selected=sel)
        for n, ((_, m), sel) in enumerate(zip(hits, selected, strict=True))
    )
    return hits[0][0], options


def _question_above(texts: list[str], first_option: int) -> int | None:
    for index in range(first_option - 1, -1, -1):
        if not _RULE_LINE.match(texts[index]):
            return index
    return None


def _static_options(rule: Rule) -> tuple[PromptOption, ...]:
    return tuple(
        PromptOption(number=n + 1, label=o.label, key=o.key) for n, o in enumerate(rule.options)
    )


def _build(
    rule: Rule,
    question: str,
    options: tuple[PromptOption, ...],
    context: tuple[str, ...],
    rules: RuleSet,
) -> Detection:
    kind = rule.kind
    if rule.dangerous and any(
        p.search(text) for text in (*context, question) for p in rules.dangerous
    ):
        kind = PromptKind.CONFIRM_DANGEROUS
    return Detection(
        rule=rule.full_name,
        kind=kind,
        question=question,
        options=options,
        context=context,
        source=f"screen_rule:{rule.full_name}",
        confidence=rule.confidence,
        select=rule.select,
        submit=rule.submit,
    )
