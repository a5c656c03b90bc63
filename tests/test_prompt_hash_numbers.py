"""Numbered lists whose numbers carry a hash mark: screen in, decision out."""

from __future__ import annotations

from shared.protocol import PromptKind
from tests.prompt_support import READING, found, labels, must


def test_rows_numbered_with_a_hash_above_a_question_are_its_choices() -> None:
    d = must(
        "Mirrors near you:\n"
        "  #1  fra.example.net\n"
        "  #2  ams.example.net\n"
        "  #3  lhr.example.net\n"
        "Pick a mirror: ",
        READING,
    )
    assert d.kind is PromptKind.CHOICE
    assert labels(d) == ["fra.example.net", "ams.example.net", "lhr.example.net"]


def test_a_hash_tagged_issue_list_with_no_question_is_no_prompt() -> None:
    d = found(
        "Open issues:\n#1 crash on start\n#2 typo in docs\n#3 slow sync\n$ ",
        READING,
    )
    assert d is None or d.kind is not PromptKind.CHOICE
