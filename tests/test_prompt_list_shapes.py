"""Lists drawn in shapes the sixth held-out set showed misread: pure screens in, detection
and keys out, plus one paged list answered through the real answer loop.

Screens are drawn with the escape sequences the real libraries write (cutie's bold
boxes, beaupy's legend, @inquirer's separators, clack's paged window) and rendered by
the real terminal model. The live programs are in the prompt corpus
(``cases_dev11c.py``).
"""

from __future__ import annotations

import asyncio
from dataclasses import replace

from shared.protocol import PromptKind
from supervisor.answering import Answerer
from supervisor.prompts.answer import ENTER, SPACE, plan_writes
from supervisor.prompts.detect import Detection, detect
from supervisor.prompts.paging import rows_out_of_view, searchable
from supervisor.prompts.tracker import PromptTracker, default_rules
from supervisor.screen import ScreenSnapshot, TerminalModel
from tests.prompt_support import ESC, RAW, found, labels, must

DOWN, UP = b"\x1b[B", b"\x1b[A"
# cutie's prefixes: select marks its cursor [x]; select_multiple draws the cursor's box
# in braces and ticks inside every box.
CURSOR = f"{ESC}[1m[{ESC}[32;1mx{ESC}[0;1m]{ESC}[0m "
OTHER = f"{ESC}[1m[ ]{ESC}[0m "
UNTICKED, TICKED = f"{ESC}[1m( ){ESC}[0m ", f"{ESC}[1m({ESC}[32mx{ESC}[0;1m){ESC}[0m "
ON_UNTICKED, ON_TICKED = f"{ESC}[32;1m{{ }}{ESC}[0m ", f"{ESC}[32;1m{{x}}{ESC}[0m "


def model(text: str) -> TerminalModel:
    m = TerminalModel(cols=80, rows=24)
    m.feed(text.replace("\n", "\r\n").encode())
    return m


def test_a_box_marked_only_on_the_cursor_row_is_a_single_choice_whose_captions_are_skipped() -> (
    None
):
    text = (
        "Pick a runtime for the function:\nInterpreted:\n"
        f"{OTHER}python\n{CURSOR}node\nCompiled:\n{OTHER}go\n{OTHER}rust\n"
    )
    d = must(text)
    assert (d.kind, labels(d), d.selected_index) == (
        PromptKind.CHOICE,
        ["python", "node", "go", "rust"],
        1,
    )
    assert d.question == "Pick a runtime for the function:"  # not the first caption
    # The arrows pass over "Compiled:": rust is two rows below node.
    assert plan_writes(d, "rust", canonical=False) == [DOWN, DOWN, ENTER]
    assert plan_writes(d, "python", canonical=False) == [UP, ENTER]


def test_a_box_marked_only_on_the_cursor_row_without_captions_is_no_checkbox_list() -> None:
    d = must(f"Output format?\n{CURSOR}json\n{OTHER}yaml\n{OTHER}toml\n")
    assert (d.kind, d.select, d.checked) == (PromptKind.CHOICE, "arrows", None)
    assert plan_writes(d, "toml", canonical=False) == [DOWN, DOWN, ENTER]


def test_a_checkbox_list_with_a_space_legend_keeps_its_one_tick_as_a_tick() -> None:
    # The same boxes under a legend that names Space: a checkbox list, never a choice.
    text = (
        "? Features\n❯ [x] auth\n  [ ] billing\n  [ ] search\n\n(space to toggle, enter to confirm)"
    )
    d = must(text)
    assert (d.kind, d.checked) == (PromptKind.MULTI_CHOICE, (True, False, False))


def test_the_one_box_in_other_brackets_is_the_cursor_of_a_multi_select() -> None:
    text = (
        f"Targets to deploy:\nEdge:\n{TICKED}cdn\n{ON_UNTICKED}waf\nCore:\n"
        f"{UNTICKED}api\n{TICKED}db\n"
    )
    d = must(text)
    assert (d.kind, labels(d), d.selected_index, d.checked) == (
        PromptKind.MULTI_CHOICE,
        ["cdn", "waf", "api", "db"],
        1,
        (True, False, False, True),
    )
    assert d.question == "Targets to deploy:"
    # Keep cdn, add api, drop db: from waf, down to api (over "Core:"), then db.
    assert plan_writes(d, "cdn, api", canonical=False) == [DOWN, SPACE, DOWN, SPACE, ENTER]
    ticked_cursor = must(f"Targets:\n{ON_TICKED}cdn\n{UNTICKED}waf\n{UNTICKED}api\n")
    assert (ticked_cursor.selected_index, ticked_cursor.checked) == (0, (True, False, False))


def test_boxed_rows_with_no_question_above_are_a_checkbox_list_when_a_legend_names_space() -> None:
    # beaupy's select_multiple with no title: the legend is no list of options.
    text = (
        f"[ ] {ESC}[38;5;218mlint{ESC}[0m\n[{ESC}[38;5;218m✓{ESC}[0m] test\n[ ] docs\n[ ] bench\n\n"
        "(space to tick one, ctrl+a to tick/untick all, enter to confirm)"
    )
    d = must(text)
    assert (d.kind, labels(d), d.selected_index, d.checked) == (
        PromptKind.MULTI_CHOICE,
        ["lint", "test", "docs", "bench"],
        0,
        (False, True, False, False),
    )
    assert plan_writes(d, "test, docs", canonical=False) == [DOWN, DOWN, SPACE, ENTER]
    # Without a legend, boxed rows printed with no question are a list in text.
    assert found("[ ] lint\n[x] test\n[ ] docs\n\n$ ") is None


def test_dash_titled_separators_and_a_disabled_row_are_neither_options_nor_stops() -> None:
    text = (
        "? Mirror these registries\n – public –\n❯◯ docker.io\n ◉ ghcr.io\n"
        "- quay.io (blocked)\n — private —\n ◯ harbor.lan\n\n"
        "↑↓ navigate • space select • a all • i invert • ⏎ submit"
    )
    d = must(text)
    assert (d.kind, labels(d), d.checked) == (
        PromptKind.MULTI_CHOICE,
        ["docker.io", "ghcr.io", "harbor.lan"],
        (False, True, False),
    )
    assert plan_writes(d, "docker.io, harbor.lan", canonical=False) == [
        SPACE,
        DOWN,
        SPACE,
        DOWN,
        SPACE,
        ENTER,
    ]


# ---------------------------------------------------------------- a window that scrolls

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct"]


class ClackWindow:
    """A clack-style select showing ``size`` rows, scrolling so the active row keeps a
    row of context on each side, with "..." for rows out of view; drawn into a real
    terminal model."""

    def __init__(self, labels: list[str], *, size: int = 4, active: int = 0) -> None:
        self.labels, self.size, self.active, self.top = labels, size, active, 0
        self.model = TerminalModel(cols=80, rows=24)
        self.output = asyncio.Event()
        self.draw()

    def draw(self) -> None:
        if self.active >= self.top + self.size - 1:
            self.top = min(self.active - self.size + 2, len(self.labels) - self.size)
        elif self.active <= self.top:
            self.top = max(self.active - 1, 0)
        rows = ["│", "◆  Fiscal year starts in"]
        rows += ["│  ..."] if self.top > 0 else []
        for n in range(self.top, self.top + self.size):
            rows.append(f"│  ● {self.labels[n]}" if n == self.active else f"│  ○ {self.labels[n]}")
        rows += ["│  ..."] if self.top + self.size < len(self.labels) else []
        rows += ["│  ↑/↓ to navigate • Enter: confirm", "└"]
        text = f"{ESC}[2J{ESC}[H" + "\n".join(rows) + f"\n{ESC}[{len(rows) + 1};1H"
        self.model.feed(text.replace("\n", "\r\n").encode())

    async def write(self, data: bytes) -> int:
        step = {DOWN: 1, UP: -1}.get(data, 0)
        self.active = max(0, min(self.active + step, len(self.labels) - 1))
        self.draw()
        self.output.set()
        return len(data)


def test_a_row_in_view_of_a_paged_list_is_walked_to_by_label_not_counted() -> None:
    window = ClackWindow(MONTHS)
    d = must_snapshot(window)
    assert labels(d) == ["Jan", "Feb", "Mar", "Apr"]
    snapshot = window.model.snapshot()
    assert searchable(d, "Apr", snapshot)  # the window scrolls before the highlight gets there
    assert not searchable(d, "Jan", snapshot)  # already highlighted: Enter alone
    assert not searchable(d, "4", snapshot)  # a number names the row shown now
    whole = ClackWindow(MONTHS[:4])
    assert not searchable(must_snapshot(whole), "Apr", whole.model.snapshot())


def must_snapshot(window: ClackWindow) -> Detection:
    result = detect(window.model.snapshot(), default_rules(), signals=RAW)
    assert result is not None
    return result


async def test_an_answer_in_view_of_a_scrolling_window_selects_that_row() -> None:
    for start, answer in ((0, "Apr"), (6, "May")):
        window = ClackWindow(MONTHS, active=start)
        tracker = PromptTracker("session-window", "generic")
        prompt = tracker.observe(window.model.snapshot(), 0.0, 10.0, signals=RAW)
        assert prompt is not None and prompt.kind is PromptKind.CHOICE
        answerer = Answerer(
            tracker,
            snapshot=window.model.snapshot,
            quiet_for=lambda: 10.0,
            output=window.output,
            application_cursor=lambda: False,
            exited=lambda: False,
        )
        async with asyncio.timeout(5):
            sent = await answerer.type_answer(prompt.prompt_id, answer, window.write)
        assert sent[-1] == ENTER and MONTHS[window.active] == answer


def test_several_labels_for_a_single_choice_are_refused_at_once_not_searched_for() -> None:
    window = ClackWindow(MONTHS)
    d, snapshot = must_snapshot(window), window.model.snapshot()
    assert not searchable(d, "Feb, Mar", snapshot)  # both in view: no label out of view
    assert searchable(d, "Feb, Sep", snapshot)  # Sep may be further down the list


_WHIPTAIL_LOCALE = (
    "┌──────────┤ Locale ├─────────┐\n"
    "│ System locale:              │\n"
    "│                             │\n"
    f"│  ({ESC}[7m*{ESC}[0m) en_GB  English (UK)   ↑ │\n"
    "│  ( ) de_DE  German         ▒ │\n"
    "│  ( ) fr_FR  French         ↓ │\n"
    "│                             │\n"
    "│     <Ok>        <Cancel>    │\n"
    "└─────────────────────────────┘"
)


def test_a_whiptail_radiolist_or_menu_is_searched_for_a_label_below_its_box() -> None:
    # whiptail and dialog scroll a list taller than their box under the arrows too.
    d = must(_WHIPTAIL_LOCALE + f"{ESC}[4;5H")
    assert d.select == "dialog_radio"
    assert searchable(d, "fi_FI")
    assert not searchable(d, "de_DE")  # in view: the arrows count to it


def test_the_scroll_marks_of_whiptail_and_dialog_say_rows_are_out_of_view() -> None:
    def boxed(*rows: str) -> ScreenSnapshot:
        return ScreenSnapshot(lines=rows, cursor_row=0, cursor_col=0, cols=80, rows=24)

    d = replace(must(_WHIPTAIL_LOCALE + f"{ESC}[4;5H"), question="System locale:")
    whiptail = boxed(
        "│ System locale:              │",
        "│  (*) en_GB  English (UK)   ↑ │",
        "│  ( ) fr_FR  French         ↓ │",
    )
    dialog = boxed(
        "│ System locale:                 │",
        "│ │  (*) en_GB  English (UK)   │ │",
        "│ └─────↓(+)──────────────58%──┘ │",
    )
    whole = boxed("│ System locale:              │", "│  (*) en_GB  Sort order ↓    │")
    assert rows_out_of_view(d, whiptail)
    assert rows_out_of_view(d, dialog)
    assert not rows_out_of_view(d, whole)  # an arrow in a label, not a scroll bar
