"""Paged checklists answered by scrolling (supervisor.prompts.checklist_sweep). Pure: a
model of a paged list feeds each page to the sweep and applies the key it asks for."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pytest

from shared.protocol import PromptKind, PromptOption
from supervisor.prompts.checklist_sweep import ChecklistSweep, sweeps
from supervisor.prompts.detect_types import Detection
from supervisor.screen import ScreenSnapshot

NAMES = ("oak", "elm", "ash", "yew", "fir", "pine", "birch", "cedar")


@dataclass
class PagedList:
    """A checklist showing ``page`` rows around its highlight, as the libraries scroll."""

    ticked: set[str]
    page: int = 3
    wraps: bool = False
    at: int = 0
    top: int = 0

    def view(self) -> Detection:
        if self.wraps:
            rows = [NAMES[(self.top + i) % len(NAMES)] for i in range(self.page)]
        else:
            rows = list(NAMES[self.top : self.top + self.page])
        lit = NAMES[self.at]
        return Detection(
            rule="structure.menu",
            kind=PromptKind.MULTI_CHOICE,
            question="? Trees to plant",
            options=tuple(
                PromptOption(number=i + 1, label=n, key=" ", selected=n == lit)
                for i, n in enumerate(rows)
            ),
            context=(),
            source="structure:menu",
            confidence=0.85,
            select="checkbox",
            checked=tuple(n in self.ticked for n in rows),
        )

    def press(self, action: str, key: str) -> None:
        if action == "toggle":
            self.ticked ^= {NAMES[self.at]}
            return
        step = 1 if key == "down" else -1
        if self.wraps:
            self.at = (self.at + step) % len(NAMES)
            if (self.at - self.top) % len(NAMES) >= self.page:
                self.top = (self.top + step) % len(NAMES)
            return
        self.at = min(max(self.at + step, 0), len(NAMES) - 1)
        self.top = min(max(self.top, self.at - self.page + 1), self.at)


def run(model: PagedList, answer: str) -> tuple[str, ChecklistSweep]:
    sweep = ChecklistSweep(answer)
    for _ in range(200):
        step = sweep.step(model.view())
        if step.action in ("done", "give_up"):
            return step.action, sweep
        model.press(step.action, step.key)
    raise AssertionError("the sweep never stopped")


@pytest.mark.parametrize("wraps", [False, True])
def test_rows_below_the_page_are_ticked_and_a_row_ticked_out_of_view_is_unticked(
    wraps: bool,
) -> None:
    model = PagedList(ticked={"birch"}, wraps=wraps)
    action, _ = run(model, "elm, cedar")
    assert action == "done"
    assert model.ticked == {"elm", "cedar"}


def test_a_sweep_started_mid_list_also_reads_the_rows_above_the_highlight() -> None:
    model = PagedList(ticked={"oak"}, at=4, top=2)
    action, _ = run(model, "pine")
    assert (action, model.ticked) == ("done", {"pine"})


def test_a_label_the_whole_list_lacks_is_refused_before_any_tick_changes() -> None:
    model = PagedList(ticked={"ash"})
    action, sweep = run(model, "elm, maple")
    assert action == "give_up"
    assert model.ticked == {"ash"}
    assert sweep.toggles == 0


def test_the_walk_is_bounded() -> None:
    model = PagedList(ticked=set())
    sweep = ChecklistSweep("cedar", max_moves=4)
    while (step := sweep.step(model.view())).action == "move":
        model.press(step.action, step.key)
    assert step.action == "give_up"
    assert sweep.moves == 4 and model.at == 4


def snap(*lines: str) -> ScreenSnapshot:
    return ScreenSnapshot(lines=lines, cursor_row=0, cursor_col=0, cols=80, rows=24)


def test_only_an_answer_needing_rows_out_of_view_is_swept() -> None:
    view = PagedList(ticked=set()).view()
    shown = snap("? Trees to plant", "❯◯ oak", " ◯ elm", " ◯ ash")
    assert sweeps(view, "cedar", shown)
    assert not sweeps(view, "elm", shown)
    assert sweeps(view, "elm", snap(*shown.lines, "  ↓ 5 more"))


def test_a_list_ticked_with_arrows_or_a_plain_menu_is_never_swept() -> None:
    shown = snap("? Trees to plant", "❯◯ oak", " ◯ elm", " ◯ ash")
    view = PagedList(ticked=set()).view()
    assert not sweeps(replace(view, select="checkbox_arrows"), "cedar", shown)
    assert not sweeps(replace(view, select="arrows", checked=None), "cedar", shown)


def test_a_whiptail_or_dialog_checklist_is_swept_but_a_prompt_toolkit_one_is_not() -> None:
    # whiptail and dialog take Enter as Ok; prompt_toolkit's checklist toggles on Enter.
    shown = snap("Trees to plant", "[ ] oak", "[ ] elm", "[ ] ash")
    view = PagedList(ticked=set()).view()
    assert sweeps(replace(view, select="dialog_check"), "cedar", shown)
    assert not sweeps(replace(view, select="dialog_check"), "elm", shown)
    assert not sweeps(replace(view, select="dialog_check_tab"), "cedar", shown)


def test_a_whiptail_checklist_whose_scroll_bar_shows_hidden_rows_is_swept_for_any_answer() -> None:
    # Rows below the box may be ticked already: the answer must read them too.
    view = replace(PagedList(ticked=set()).view(), select="dialog_check", question="Trees")
    scrolled = snap(
        "│ Trees                    │", "│ [ ] oak          ↑ │", "│ [ ] elm          ↓ │"
    )
    assert sweeps(view, "elm", scrolled)
