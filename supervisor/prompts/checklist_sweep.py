"""Paged checklists: ticking rows out of view with the program's own keys. Pure.

A checklist whose page is shorter than its list (@inquirer's ``pageSize``, enquirer's
``limit``, InquirerPy's ``height``, questionary in a short terminal, a whiptail or
dialog box shorter than its list) shows only some of its rows; the others scroll into
view as the highlight moves, and some of them may already be ticked.
:class:`ChecklistSweep` answers one, a screen at a time: first it walks the whole list
(down to its end and back up to its other end, or once round a list that wraps)
reading every row's label and tick, so an answer naming a label the list does not have
is refused before anything is toggled; then it walks the list again and presses Space
on each highlighted row whose tick differs from the answer, until every row seen shows
the answer's state. Every walk is bounded by :data:`MAX_MOVES` arrows.
The runner (:mod:`supervisor.answering`) presses the keys and feeds back each screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

from shared.protocol import PromptOption
from supervisor.prompts.answer import PromptError, choose_many
from supervisor.prompts.detect_types import Detection
from supervisor.prompts.paging import MAX_MOVES, rows_out_of_view
from supervisor.screen import ScreenSnapshot

Key = Literal["down", "up"]


def sweeps(found: Detection, answer: str, snapshot: ScreenSnapshot) -> bool:
    """Whether ``answer`` to the checklist ``found`` needs the rows out of view: a list
    ticked with Space whose state is drawn for every row, and an answer naming a label
    no row in view matches, or ``snapshot`` saying rows are hidden ("↓ 3 more")."""
    # whiptail's and dialog's checklists scroll inside their box the same way and take
    # Enter as Ok; prompt_toolkit's ("_tab") toggles on Enter, so it is never swept.
    if found.select not in ("checkbox", "dialog_check") or found.checked is None:
        return False
    if found.positions is not None:
        return False
    if found.selected_index is None or not answer.strip():
        return False
    try:
        choose_many(found.options, answer)
    except PromptError:
        return True
    # The hints a paged menu draws for hidden rows are read the same under a checklist.
    boxed = found.select == "dialog_check"
    return rows_out_of_view(found if boxed else replace(found, select="arrows"), snapshot)


@dataclass(frozen=True)
class SweepStep:
    """What to do next: press an arrow (``move``, ``key``), press Space (``toggle``),
    stop with the list as the answer wants it (``done``), or stop (``give_up``,
    ``reason`` says why; ``touched`` says whether some tick was already changed)."""

    action: Literal["move", "toggle", "done", "give_up"]
    key: Key = "down"
    reason: str = ""
    touched: bool = False


@dataclass
class ChecklistSweep:
    """Ticks exactly ``answer``'s rows of a paged checklist: feed each screen to :meth:`step`."""

    answer: str
    max_moves: int = MAX_MOVES
    moves: int = 0
    phase: Literal["survey", "apply"] = "survey"
    direction: Key = "down"
    states: dict[str, bool] = field(default_factory=dict)
    wanted: frozenset[str] = frozenset()
    toggles: int = 0
    _first: str | None = None
    _last: tuple[tuple[str, ...], int | None] | None = None

    def step(self, found: Detection) -> SweepStep:
        labels = tuple(o.label for o in found.options)
        for label, on in zip(labels, found.checked or (), strict=False):
            self.states[label] = on
        at = found.selected_index
        lit = labels[at] if at is not None else None
        view = (labels, at)
        if self.phase == "survey":
            survey = self._survey(view, lit)
            if self.phase == "survey" or survey.action == "give_up":
                return survey
            self._last = None  # the survey is over: answer this same screen
        if all(on == (label in self.wanted) for label, on in self.states.items()):
            return SweepStep("done")
        if lit is not None and self.states.get(lit) != (lit in self.wanted):
            self.toggles += 1
            self._last = None
            return SweepStep("toggle")
        if view == self._last:  # an end of a list that does not wrap: turn round
            self.direction = "up" if self.direction == "down" else "down"
        return self._move(view)

    def _survey(self, view: tuple[tuple[str, ...], int | None], lit: str | None) -> SweepStep:
        if self._first is None:
            self._first = lit
        elif view == self._last:
            # The last arrow moved nothing: an end of a list that does not wrap.
            if self.direction == "down":
                self.direction = "up"
                return self._move(view)
            return self._start_apply("down")
        elif self.direction == "down" and lit == self._first:
            return self._start_apply("down")  # once round a list that wraps
        return self._move(view)

    def _start_apply(self, direction: Key) -> SweepStep:
        options = tuple(
            PromptOption(number=i + 1, label=label, key=" ") for i, label in enumerate(self.states)
        )
        try:
            picked = choose_many(options, self.answer)
        except PromptError:
            listed = "; ".join(self.states)
            return SweepStep(
                "give_up",
                reason=f"{self.answer!r} does not name only rows of this list, which Tether "
                f"read whole by scrolling it: {listed}",
            )
        self.wanted = frozenset(options[i].label for i in picked)
        self.phase, self.direction = "apply", direction
        return SweepStep("move", direction)  # not pressed: :meth:`step` goes on in "apply"

    def _move(self, view: tuple[tuple[str, ...], int | None] | None) -> SweepStep:
        if self.moves >= self.max_moves:
            return SweepStep(
                "give_up",
                reason=f"the list was not answered within {self.max_moves} moves",
                touched=self.toggles > 0,
            )
        self._last = view
        self.moves += 1
        return SweepStep("move", self.direction)
