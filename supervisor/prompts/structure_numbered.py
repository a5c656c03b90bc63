"""Numbered lists above a line that asks for a number: one item a row ("1. clean",
"[2] later"), items in columns, tables whose first column is the number, and the
question above them. Pure: rows in, items out (used by :mod:`.structure_lines`)."""

from __future__ import annotations

import re

from supervisor.prompts.structure_rows import POINTER, RULE, WORDY, Row, clean_question

# "1. clean", "[2] later", and a number set off by a spaced dash, dot or equals sign
# ("1 - keep", "2 · small", "3 = CR").
_NUMBERED = re.compile(
    r"^\s*(?:[" + POINTER + r"*]\s*)?\[?\(?(?P<n>\d{1,2})(?:[.)\]]|\s+[-–—·•=]\s)\s*"
    r"(?P<label>\S.*?)\s*$"
)


def question_above_list(rows: list[Row], cursor_row: int) -> str:
    """The row above a numbered list that ends at the cursor: its question, if any. The
    list may hold several items a row (columns), so its rows are skipped by their shape."""
    in_list = False
    for row in reversed([r for r in rows if r.index < cursor_row]):
        if _row_items(row.text) is not None:
            in_list = True
        elif in_list:
            return clean_question(row.text) if WORDY.search(row.text) else ""
    return ""


def numbered_above(rows: list[Row], cursor_row: int) -> tuple[list[str], list[str]] | None:
    """The numbered list right above the cursor's line: one item a row ("1. clean",
    "[2] later"), items in columns ("1: clean    2: filter by pattern"), or a table
    whose first column is the number ("│ 3 │ gpu-box │", "* 0    /usr/bin/vim"). Numbered
    1..n (or 0..n) in order."""
    above = [r for r in rows if r.index < cursor_row][::-1]
    found: list[list[tuple[str, str]]] = []
    for row in above:
        items = _row_items(row.text)
        if items is None:
            if found:
                break
            if row.index < cursor_row - 2 or not (RULE.match(row.text) or not found):
                return None
            continue
        found.append(items)
    flat = _in_order([items for items in reversed(found)])
    if flat is None or len(flat) < 2:
        return None
    return [label for _, label in flat], [n for n, _ in flat]


def _in_order(grid: list[list[tuple[str, str]]]) -> list[tuple[str, str]] | None:
    """The items of numbered rows in their numbers' order, or None unless they are numbered
    1..n (or 0..n, as update-alternatives does) along the rows ("1: a  2: b" / "3: c"), or
    down the columns as bash's ``select`` lays out a long list ("1) a  3) c" / "2) b")."""
    flat = [item for items in grid for item in items]
    first = int(flat[0][0]) if flat else -1
    if first not in (0, 1):
        return None
    if [int(n) for n, _ in flat] == list(range(first, first + len(flat))):
        return flat
    height = len(grid)
    by_columns = [
        [int(n) for n, _ in items] == list(range(first + r, first + len(flat), height))
        for r, items in enumerate(grid)
    ]
    if height < 2 or not all(by_columns):
        return None
    return sorted(flat, key=lambda item: int(item[0]))


# Items in columns: "1: clean    2: filter", "[1] bash   [2] zsh   [3] fish".
_COLUMN_ITEM = re.compile(
    r"(?:^|\s{2,})(?P<b>\[)?(?P<n>\d{1,2})(?(b)\]|[:.)])\s+(?P<label>\S.*?)"
    r"(?=\s{2,}\[?\d{1,2}[:.)\]]\s|\s*$)"
)
# A table without rules: "* 0     /usr/bin/vim.basic   30   auto mode" (the current one starred).
_SPACED_ITEM = re.compile(r"^(?:\*\s*)?(?P<n>\d{1,2})\s{2,}(?P<label>\S+(?: \S+)*)")
_TABLE_ITEM = re.compile(r"^(?P<n>\d{1,2})\s*[│┃|]\s*(?P<label>[^│┃|]*?\S)\s*(?:[│┃|].*)?$")
# A number marked with a hash: "  #3  Europe/Rome", "#2 search-reindex".
_HASH_ITEM = re.compile(r"^\s*#(?P<n>\d{1,2})\s+(?P<label>\S.*?)\s*$")


def _row_items(text: str) -> list[tuple[str, str]] | None:
    """The numbered items on one row, or None."""
    m = _NUMBERED.match(text)
    columns = list(_COLUMN_ITEM.finditer(text))
    if len(columns) >= 2 and columns[0].start() == 0:
        return [(c.group("n"), c.group("label")) for c in columns]
    if m is not None:
        return [(m.group("n"), m.group("label"))]
    if columns and columns[0].start() == 0:
        return [(columns[0].group("n"), columns[0].group("label"))]  # "4: exit"
    t = _TABLE_ITEM.match(text) or _SPACED_ITEM.match(text) or _HASH_ITEM.match(text)
    if t is not None:
        return [(t.group("n"), t.group("label"))]
    return None
