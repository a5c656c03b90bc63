"""Paged menus: rows out of view, and scrolling to an answer that is not on screen. Pure.

A long list drawn by a prompt library shows only a page of its rows (@inquirer's
``pageSize``, enquirer's ``limit``, clack's ``maxItems``, questionary and InquirerPy
when the terminal is short); the rest scroll into view as the highlight moves. Only
the rows on screen are offered, so an answer naming a label out of view matches none
of them. :class:`PageSearch` decides, one screen at a time, how to bring it into view
with the program's own keys (the arrows; whiptail and dialog scroll a list taller
than their box the same way), and when to give up: after a full cycle of a list that
wraps, after both ends of one that does not, or after :data:`MAX_MOVES`.
The runner (:mod:`supervisor.answering`) presses the keys and feeds back each screen.

:func:`rows_out_of_view` reads the hints some libraries draw for hidden rows (clack's
``...``, inquirer's "(Move up and down to reveal more choices)", "↓ 3 more", and the
scroll marks whiptail and dialog draw in their boxes), so a caller can be told that the
options listed are partial.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from shared.protocol import PromptKind
from supervisor.prompts.answer import PromptError, choose_option
from supervisor.prompts.detect_types import Detection
from supervisor.screen import ScreenSnapshot

MAX_MOVES = 60  # arrows pressed at most while looking for a label out of view
PARTIAL_NOTE = (
    "This list has more rows than the screen shows; answer with any of its labels, "
    "and Tether scrolls to it."
)
# A row that only says more rows are hidden: clack's "...", an ellipsis, inquirer's
# "(Move up and down to reveal more choices)", "↓ 3 more", "(12 more)".
_MORE_ROW = re.compile(
    r"(?i)^\W*(?:\.\.\.|…|.*\breveal more choices\b.*|[↑↓]?\s*\d+\s+more\b.*"
    r"|[↑↓]\s*more\b.*|\(\d+ more\))\W*$"
)
# whiptail's scroll bar ends a row with an arrow after a wide gap ("Madrid      ↓");
# dialog writes "↓(+)" (or "↑(-)") into its list's frame.
_DIALOG_MORE = re.compile(r"\S\s{2,}[↑↓]$|[─━][↑↓]\([+-]\)[─━]")
_ARROWS_SELECT = "arrows"


def moves_by_arrows(found: Detection) -> bool:
    """Whether ``found``'s highlight walks its rows one arrow at a time, scrolling the
    rows out of view into it: an arrow menu, or a whiptail/dialog menu or radiolist
    (a list taller than its box scrolls inside the box)."""
    return found.select in (_ARROWS_SELECT, "dialog_menu") or found.select.startswith(
        "dialog_radio"
    )


def rows_out_of_view(found: Detection, snapshot: ScreenSnapshot) -> bool:
    """Whether ``snapshot`` says ``found``'s list has rows out of view: a row that only
    says so, under the question (the rows from the last one holding the question)."""
    boxed = found.select.startswith("dialog_")
    if (found.select != _ARROWS_SELECT and not boxed) or not found.options:
        return False
    lines = snapshot.lines
    head = found.question.strip()[:30]
    start = next((i for i in range(len(lines) - 1, -1, -1) if head and head in lines[i]), None)
    if start is None:
        return False
    below = [line.strip(" │┃|") for line in lines[start + 1 :] if line.strip()]
    if boxed:
        return any(_DIALOG_MORE.search(line) for line in below)
    return any(_MORE_ROW.match(line) for line in below)


def searchable(found: Detection, answer: str, snapshot: ScreenSnapshot | None = None) -> bool:
    """Whether ``answer`` is reached by walking the highlight one arrow at a time,
    watching the screen: an arrow menu's label (never a number, which names a row
    shown) that no row on screen matches, or, on ``snapshot`` showing rows out of view,
    a row in view other than the highlighted one (the page may scroll under the
    arrows, so counting rows from here would land on another row)."""
    word = answer.strip()
    if not moves_by_arrows(found) or not word or word.isdigit():
        return False
    try:
        target = choose_option(found.options, word, found.kind)
    except PromptError:
        return not _names_several(found, word)
    return (
        snapshot is not None
        and target != found.selected_index
        and rows_out_of_view(found, snapshot)
    )


def _names_several(found: Detection, answer: str) -> bool:
    """Whether ``answer`` lists two or more rows in view ("eu-south, us-west"): several
    choices for a list drawn as a single choice, refused at once, not searched for."""
    parts = [p for p in re.split(r"\s*[,\n]\s*", answer) if p]
    if len(parts) < 2:
        return False
    try:
        for part in parts:
            choose_option(found.options, part, PromptKind.MULTI_CHOICE)
    except PromptError:
        return False
    return True


def _lit(state: tuple[tuple[str, ...], int | None]) -> object:
    """The highlighted row's label, or the whole view when none is highlighted."""
    labels, at = state
    return labels[at] if at is not None else state


@dataclass(frozen=True)
class Step:
    """What to do next: press ``key`` ("down"/"up"), or stop (``found``: the label is on
    screen and highlighted, so the ordinary answer is Enter; else ``reason`` says why it
    gave up)."""

    action: Literal["move", "found", "give_up"]
    key: Literal["down", "up"] = "down"
    reason: str = ""


@dataclass
class PageSearch:
    """Scrolls a menu toward ``answer``: feed each screen's detection to :meth:`step`."""

    answer: str
    max_moves: int = MAX_MOVES
    moves: int = 0
    direction: Literal["down", "up"] = "down"
    _first: tuple[tuple[str, ...], int | None] | None = None
    _last: tuple[tuple[str, ...], int | None] | None = None
    _seen: list[str] = field(default_factory=list)

    def step(self, found: Detection) -> Step:
        labels = tuple(o.label for o in found.options)
        for label in labels:
            if label not in self._seen:
                self._seen.append(label)
        try:
            target = choose_option(found.options, self.answer, PromptKind.CHOICE)
        except PromptError:
            target = None
        if target is not None:
            # In view: walk the highlight onto it here, as the page may scroll again
            # under it (the ordinary answer counts rows, which a scroll shifts).
            at = found.selected_index
            if at is None or at == target:
                return Step("found")
            if self.moves >= self.max_moves:
                return self._give_up(f"after {self.max_moves} moves")
            self.moves += 1
            self._last = None
            return Step("move", "down" if target > at else "up")
        state = (labels, found.selected_index)
        if self._first is None:
            self._first = state
        elif state == self._last:
            # The last arrow moved nothing: an end of a list that does not wrap.
            if self.direction == "up":
                return self._give_up("after both ends of the list")
            self.direction = "up"
        elif self.direction == "down" and _lit(state) == _lit(self._first):
            # The highlight is back on the row it started on: a list that wraps may
            # show it in another window of rows (@inquirer's endless loop).
            return self._give_up("after a full turn of the list")
        if self.moves >= self.max_moves:
            return self._give_up(f"after {self.max_moves} moves")
        self._last = state
        self.moves += 1
        return Step("move", self.direction)

    def _give_up(self, when: str) -> Step:
        listed = "; ".join(self._seen)
        return Step(
            "give_up",
            reason=f"{self.answer!r} matches none of the rows Tether scrolled through "
            f"({when}): {listed}",
        )
