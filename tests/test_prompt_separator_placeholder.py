"""A value drawn in its separator's colour is a placeholder: screen in, decision out."""

from __future__ import annotations

from supervisor.prompts.prefill import prefilled
from tests.prompt_support import ESC, snap

_GREY = f"{ESC}[90m"
_BOLD = f"{ESC}[1m"
_OFF = f"{ESC}[0m"


def test_a_value_grey_like_its_separator_is_a_placeholder_not_a_prefilled_value() -> None:
    text = f"{ESC}[36m?{_OFF} {_BOLD}Release channel{_OFF} {_GREY}›{_OFF} {_GREY}nightly{_OFF}"
    assert prefilled(snap(text), canonical=False) is None


def test_a_plain_value_after_a_grey_separator_is_a_prefilled_value() -> None:
    text = f"{ESC}[36m?{_OFF} {_BOLD}Release channel{_OFF} {_GREY}›{_OFF} nightly"
    field = prefilled(snap(text), canonical=False)
    assert field is not None
    assert field.value == "nightly"


def test_a_field_drawn_all_in_one_style_keeps_its_prefilled_value() -> None:
    field = prefilled(snap("Release channel › nightly"), canonical=False)
    assert field is not None
    assert field.value == "nightly"
