"""A field whose question ends in an arrowhead ("name ➤ value"): screen in, decision out."""

from __future__ import annotations

from shared.protocol import PromptKind
from supervisor.prompts.prefill import KILL_LINE, prefilled
from tests.prompt_support import RAW, found, must, snap


def test_a_question_before_an_arrowhead_with_a_value_is_a_text_field() -> None:
    d = must("Upload endpoint ➤ https://up.example.net", RAW)
    assert d.kind is PromptKind.TEXT
    assert d.question == "Upload endpoint"


def test_the_value_after_an_arrowhead_is_a_prefilled_default_cleared_with_ctrl_u() -> None:
    field = prefilled(snap("Upload endpoint ➤ https://up.example.net"), canonical=False)
    assert field is not None
    assert field.value == "https://up.example.net"
    assert field.kill == KILL_LINE


def test_a_shell_prompt_ending_in_an_arrowhead_is_no_question() -> None:
    assert prefilled(snap("~/src/app ➤ "), canonical=False) is None
    assert found("~/src/app ➤ ", RAW) is None
