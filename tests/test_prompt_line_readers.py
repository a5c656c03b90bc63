"""Line readers the ninth held-out run missed, as classes: an input line holding a short
label or a marker under a question with a context row between them, a question ending in
its bracketed default, a value prefilled after a triangle, and a field that redraws its
placeholder in other styles when typed into (echo, not a secret). Pure: a drawn screen and
the terminal's state in, a detection (or a verdict) out.
"""

from __future__ import annotations

import pytest

from shared.protocol import PromptKind
from supervisor.prompts.answer import ENTER, plan_writes
from supervisor.prompts.detect import Signals
from supervisor.prompts.echo import echoed
from supervisor.prompts.prefill import KILL_LINE, prefilled
from tests.prompt_support import ESC, NOBODY, READING, found, must, snap

READLINE = Signals(blocked_on_read=True, canonical=False)  # bash's read -e, in raw mode
BOLD, INVERSE, DIM, RESET = f"{ESC}[1m", f"{ESC}[7m", f"{ESC}[2m", f"{ESC}[0m"


def _under_context(question: str, context: str, line: str) -> str:
    return f"{BOLD}{question}{RESET}\n{INVERSE}{context}{RESET}\n{line}"


# ---------------------------------------------------------------- a question above context


@pytest.mark.parametrize("line", ["pool name → ", "queue ▸ ", "host ➜ ", "» ", "> ", "❯ "])
@pytest.mark.parametrize("signals", [READING, READLINE])
def test_an_input_line_under_a_context_row_under_a_question_is_a_text_prompt(
    line: str, signals: Signals
) -> None:
    text = _under_context(
        "Which storage pool should the new volume use?", "  zfs · 3 pools · 71% used  ", line
    )
    d = must(text, signals)
    assert d.kind is PromptKind.TEXT
    assert d.question.startswith("Which storage pool should the new volume use?")


def test_a_request_in_words_above_a_status_row_counts_as_the_question() -> None:
    text = _under_context("Give the runner a short name.", " runners · 12 online ", "name → ")
    d = must(text, READING)
    assert (d.kind, d.question) == (PromptKind.TEXT, "Give the runner a short name. (name)")


@pytest.mark.parametrize(
    "text",
    [
        # Two rows of output between the question and the line: the question is stale.
        "Which pool should it use?\nsynced 3 pools\nused 71%\npool → ",
        # A console's banner between them: the console waits at its own prompt.
        "Which pool should it use?\nPool console 1.2. Type 'help' for commands.\npool → ",
        # Context under no question at all.
        "sync finished in 2.1s\n  3 pools · 71% used\npool → ",
        # A word before ">" is a REPL's prompt, whatever sits above it.
        _under_context("Which pool should it use?", " pools ", "zfs > "),
        # A path or user@host before the arrow is a shell theme's prompt.
        _under_context("Which pool should it use?", " pools ", "~/src → "),
        _under_context("Which pool should it use?", " pools ", "ops@db-1 → "),
    ],
)
def test_an_input_line_under_no_near_question_asks_nothing(text: str) -> None:
    d = found(text, READING)
    assert d is None or d.source != "structure:line"


def test_the_same_screen_asks_nothing_when_nobody_reads() -> None:
    text = _under_context("Which pool should it use?", " pools ", "pool → ")
    assert found(text, NOBODY) is None


# ---------------------------------------------------------------- a default in brackets


@pytest.mark.parametrize(
    "line",
    [
        "How many snapshots should be kept? [7] ",
        "How many snapshots should be kept? [14] ",
        "Which branch should CI build? [main] ",
        "Retries before paging someone? (3) ",
        "Retention in days: [30] ",
    ],
)
def test_a_question_followed_only_by_its_default_is_a_text_prompt(line: str) -> None:
    d = must(line, READING)
    assert (d.kind, d.source) == (PromptKind.TEXT, "structure:line")
    assert plan_writes(d, "21") == [b"21", ENTER]


def test_a_single_letter_default_after_a_question_stays_a_yes_no_question() -> None:
    assert must("Prune the old snapshots? [y] ", READING).kind is PromptKind.YES_NO


@pytest.mark.parametrize("line", ["(venv) ", "build (main) ", "[7] ", "Done. [ok] ", "step (3/4) "])
def test_a_bracketed_word_with_no_question_before_it_asks_nothing(line: str) -> None:
    assert found(line, READING) is None


# ---------------------------------------------------------------- a value after a triangle


def test_a_value_prefilled_after_a_triangle_is_replaced_with_a_line_kill() -> None:
    screen = snap("Deploy region ▸ ap-south-1")
    d = must("Deploy region ▸ ap-south-1", READLINE)
    assert (d.kind, d.question) == (PromptKind.TEXT, "Deploy region")
    field = prefilled(screen, canonical=False)
    assert field is not None and field.value == "ap-south-1"
    assert plan_writes(d, "eu-west-3", field=field) == [KILL_LINE, b"eu-west-3", ENTER]


# ---------------------------------------------------------------- echo of a redrawn placeholder


def _placeholder_field(typed: str, initial: str) -> str:
    """A field as enquirer draws an ``initial`` value: the typed part plain, the next
    character inverse (its drawn cursor), the rest of the placeholder dim."""
    rest = initial[len(typed) :]
    return f"? {BOLD}Remote name{RESET} ‣ {typed}{INVERSE}{rest[:1]}{RESET}{DIM}{rest[1:]}{RESET}"


def test_a_placeholder_redrawn_in_other_styles_for_a_matching_key_echoes() -> None:
    before, after = snap(_placeholder_field("", "origin")), snap(_placeholder_field("o", "origin"))
    assert before.lines == after.lines  # the same text: only the styles tell
    assert echoed(before, after)


def test_a_field_that_redraws_itself_unchanged_does_not_echo() -> None:
    field = _placeholder_field("", "origin")
    assert not echoed(snap(field), snap(field))


def test_styles_changed_away_from_the_field_are_no_echo() -> None:
    # A hidden field under a hint that blinks on its own clock: the field's row is the same.
    hint = f"\n{INVERSE}esc to cancel{RESET}"
    before = snap(f"Unlock code: {hint}{ESC}[1;14H")
    after = snap(f"Unlock code: \n{DIM}esc to cancel{RESET}{ESC}[1;14H")
    assert before.cursor_row == 0 and not echoed(before, after)


def test_masks_in_another_style_are_still_no_echo() -> None:
    before = snap(f"? {BOLD}Vault key{RESET} ›")
    after = snap(f"? {BOLD}Vault key{RESET} › {DIM}*{RESET}")
    assert not echoed(before, after)
