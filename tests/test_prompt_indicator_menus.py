"""Menus, dialogs and lists told apart by structure: a select drawing radio circles,
buttons whose label overflows them, a search line above a checklist. Pure.

Screens are drawn with the glyphs the real libraries use and rendered by the real
terminal model; the live programs are in the prompt corpus (``cases_dev15b.py``).
"""

from __future__ import annotations

import asyncio

from shared.protocol import PromptKind
from supervisor.answering import Answerer
from supervisor.prompts.tracker import PromptTracker
from supervisor.screen import TerminalModel
from tests.prompt_support import ESC, RAW, found, labels, must

RADIOS = (
    "? Colour scheme for the dashboards (Use arrow keys)\n"
    "   ○ Solarized\n"
    " » ○ Nord\n"
    "   ● Gruvbox\n"
    "   ○ Dracula\n"
)


def test_a_select_with_one_filled_circle_and_an_arrows_only_legend_is_a_choice() -> None:
    d = must(RADIOS, RAW)
    assert d.kind is PromptKind.CHOICE
    assert labels(d) == ["Solarized", "Nord", "Gruvbox", "Dracula"]
    assert d.selected_index == 1  # the pointer, not the filled default


def test_a_select_with_only_empty_circles_and_an_arrows_only_legend_is_a_choice() -> None:
    d = must(RADIOS.replace("●", "○"), RAW)
    assert d.kind is PromptKind.CHOICE


def test_two_filled_circles_make_a_checklist_whatever_the_legend_says() -> None:
    d = must(RADIOS.replace("○ Solarized", "● Solarized"), RAW)
    assert d.kind is PromptKind.MULTI_CHOICE


def test_circles_under_a_legend_naming_space_are_a_checklist() -> None:
    text = RADIOS.replace(
        "(Use arrow keys)", "(Use arrow keys to move, <space> to select, <a> to toggle)"
    )
    d = must(text, RAW)
    assert d.kind is PromptKind.MULTI_CHOICE
    assert d.checked == (False, False, True, False)


def framed(buttons: str) -> str:
    width = 60
    return "\n".join(
        [
            "┌" + "─" * width + "┐",
            "│ Two remotes disagree about the release tag.".ljust(width + 1) + "│",
            "│" + " " * width + "│",
            ("│   " + buttons).ljust(width + 1) + "│",
            "└" + "─" * width + "┘",
        ]
    )


def test_a_button_whose_label_overflows_its_width_is_still_a_button() -> None:
    d = must(framed("<   Keep   > <Push theirs <  Abort   >"), RAW)
    assert d.kind is PromptKind.CHOICE
    assert labels(d) == ["Keep", "Push theirs", "Abort"]


def test_an_unclosed_bracket_narrower_or_wider_than_the_buttons_is_no_button() -> None:
    # "<Push" is no button: its width differs from the row's buttons' one width.
    assert must(framed("<   Keep   > <  Abort   >"), RAW).kind is PromptKind.YES_NO
    assert found(framed("<   Keep   > <Push <  Abort   >"), RAW) is None


# ---------------------------------------------------------------- a page that scrolls


_RUNTIMES = ["python3.13", "python3.12", "── legacy ──", "- python3.8 (end of life)"]
_RUNTIMES += ["pypy3.10", "graalpy", "micropython"]


class PagedSelect:
    """A select paged like @inquirer's (six rows; past the middle the page scrolls to
    keep the highlight on its fourth row) whose arrows skip a separator and a
    disabled row; Enter records the highlighted label."""

    def __init__(self) -> None:
        self.model = TerminalModel(cols=80, rows=24)
        self.output = asyncio.Event()
        self.active = 0
        self.picked: str | None = None
        self._draw()

    def _draw(self) -> None:
        start = max(0, min(self.active - 3, len(_RUNTIMES) - 6))
        page = [
            ("❯ " if n == self.active else "  ") + label
            for n, label in enumerate(_RUNTIMES)
            if start <= n < start + 6
        ]
        text = "\r\n".join(["? Interpreter for the build workers", *page, "", "↑↓ navigate"])
        self.model.feed(f"{ESC}[H{ESC}[2J{text}{ESC}[1;36H".encode())
        self.output.set()

    async def write(self, data: bytes) -> int:
        if data == b"\x1b[B":
            self.active += 1
            while _RUNTIMES[self.active].startswith(("─", "- ")):
                self.active += 1  # the arrows skip what cannot be chosen
            self._draw()
        elif data == b"\r":
            self.picked = _RUNTIMES[self.active]
        return len(data)


async def test_enter_waits_for_the_label_not_the_place_when_the_page_scrolls() -> None:
    program = PagedSelect()
    tracker = PromptTracker("session-paged")
    prompt = tracker.observe(program.model.snapshot(), 0.0, 10.0, signals=RAW)
    assert prompt is not None and [o.label for o in prompt.options] == [
        "python3.13",
        "python3.12",
        "pypy3.10",
        "graalpy",
    ]
    answerer = Answerer(
        tracker,
        snapshot=program.model.snapshot,
        quiet_for=lambda: 10.0,
        output=program.output,
        application_cursor=lambda: False,
        exited=lambda: False,
    )
    async with asyncio.timeout(10):
        sent = await answerer.type_answer(prompt.prompt_id, "pypy3.10", program.write)
    assert sent[-1] == b"\r"
    assert program.picked == "pypy3.10"


def test_a_page_scrolled_to_its_disabled_rows_keeps_its_question() -> None:
    text = (
        "? Interpreter for the build workers\n"
        "- python3.8 (end of life)\n"
        "- python3.7\n"
        "❯ pypy3.10\n"
        "  graalpy\n"
        "\n"
        "↑↓ navigate • ⏎ select"
    )
    d = must(text, RAW)
    assert d.question == "Interpreter for the build workers"
    assert labels(d) == ["pypy3.10", "graalpy"]


# ---------------------------------------------------------------- a legend block above a list


def test_the_question_is_above_a_legend_block_and_a_search_line_with_its_placeholder() -> None:
    text = (
        "? Teams to notify ›\n"
        "Instructions:\n"
        "    ↑/↓: Highlight option\n"
        "    ←/→/[space]: Toggle selection\n"
        "    [a,b,c]/delete: Filter choices\n"
        "    enter/return: Complete answer\n"
        "\n"
        "Filtered results for: Enter something to filter\n"
        "\n"
        f"{ESC}[36m◯  platform{ESC}[0m\n"  # the highlighted row, in cyan
        "◉  payments\n"
        "◯  growth\n"
    )
    d = must(text, RAW)
    assert d.kind is PromptKind.MULTI_CHOICE
    assert d.question == "Teams to notify"
    assert labels(d) == ["platform", "payments", "growth"]
    assert d.checked == (False, True, False)
    assert d.selected_index == 0


# ---------------------------------------------------------------- a log viewer's cursor line


_VIEWER = (
    "Deploy audit trail\n"
    "\n"
    "  ▸ 09:14:22 Overwrite the release tag? (y/n)\n"
    "    09:14:25 Enter passphrase:\n"
    "    09:15:01 rollout finished on 12 hosts\n"
)


def test_a_pointer_over_records_stamped_to_the_second_under_a_title_is_no_menu() -> None:
    assert found(_VIEWER, RAW) is None


def test_a_menu_of_stamped_rows_under_a_question_is_still_a_menu() -> None:
    d = must(_VIEWER.replace("Deploy audit trail", "Roll back to which checkpoint?"), RAW)
    assert d.kind is PromptKind.CHOICE
    assert len(d.options) == 3


def test_a_menu_of_stamped_rows_with_a_key_legend_is_still_a_menu() -> None:
    d = must(_VIEWER + "\n↑↓ navigate • ⏎ select", RAW)
    assert d.kind is PromptKind.CHOICE


def test_a_menu_of_times_to_the_minute_under_a_title_is_still_a_menu() -> None:
    text = "Maintenance window\n\n  ▸ 02:00 nightly\n    03:30 weekly\n    04:00 monthly\n"
    assert must(text, RAW).kind is PromptKind.CHOICE
