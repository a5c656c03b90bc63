"""Doubled pointers, starred numbers and names to type back: screen in, decision out."""

from __future__ import annotations

from shared.protocol import PromptKind
from tests.prompt_support import RAW, READING, found, labels, must


def test_a_doubled_pointer_glyph_marks_the_highlighted_row_of_a_menu() -> None:
    d = must(
        "? Which shard takes the backfill?\n   shard-a\n   shard-b\n>> shard-c\n   shard-d",
        RAW,
    )
    assert d.kind is PromptKind.CHOICE
    assert labels(d) == ["shard-a", "shard-b", "shard-c", "shard-d"]


def test_a_long_run_of_pointer_glyphs_is_still_no_menu_pointer() -> None:
    d = found(
        "<<<<<<< SEARCH\nold line\n=======\nnew line\n>>>>>>> REPLACE\n>>>>>>> REPLACE\nApply? ",
        READING,
    )
    assert d is None or d.kind is not PromptKind.CHOICE


def test_a_star_against_the_current_number_keeps_the_numbered_list() -> None:
    d = must(
        "Kernels on this host:\n"
        "   1  6.1.0-18\n"
        "  *2  6.1.0-21 (running)\n"
        "   3  6.8.0-rc4\n"
        "Boot which one (default: 2): ",
        READING,
    )
    assert d.kind is PromptKind.CHOICE
    assert labels(d) == ["6.1.0-18", "6.1.0-21 (running)", "6.8.0-rc4"]


def test_a_slashed_name_to_type_back_to_confirm_is_a_text_field() -> None:
    d = must("To confirm, type the team handle (design/web-core): ", READING)
    assert d.kind is PromptKind.TEXT
    assert labels(d) == []


def test_a_slashed_name_the_warning_named_is_a_text_field_without_confirm() -> None:
    d = must(
        "Transferring tools/linters hands it to another org.\n"
        "Enter the repository (tools/linters): ",
        READING,
    )
    assert d.kind is PromptKind.TEXT


def test_short_answers_after_a_confirm_request_stay_choices() -> None:
    assert labels(must("To confirm, answer [y/n]: ", READING)) == ["Yes", "No"]
    assert labels(must("To confirm, choose [1/2/3]: ", READING)) == ["1", "2", "3"]
    yes_no = must("To confirm, type (yes/no): ", READING)
    assert yes_no.kind is PromptKind.YES_NO


def test_a_slashed_list_named_nowhere_above_stays_a_choice() -> None:
    d = must("Type the target stage (dev/staging/prod): ", READING)
    assert d.kind is PromptKind.CHOICE
    assert labels(d) == ["dev", "staging", "prod"]
