"""A fourth development set: text prompts whose field already holds a value.

Written for tuning (``fixed_half="dev"``), so adding them never changes the
held-out halves. Each program asks with a real library and an editable default
(questionary, InquirerPy text and number, prompt_toolkit, @clack/prompts,
@inquirer/prompts with ``prefill: 'editable'``, bash ``read -e -i``, whiptail and
dialog input boxes): one case replaces the value, one keeps it with an empty
answer. Placeholders that only hint (enquirer's ``initial``, clack's and
prompt_toolkit's ``placeholder``) must be typed over, never cleared.
"""

from __future__ import annotations

import sys

from tests.prompt_corpus.cases import NODE_DIR, PROGRAMS, Case

_DEV = "dev"


def _py(scenario: str) -> tuple[str, ...]:
    return (sys.executable, str(PROGRAMS / "dev4_prefill.py"), scenario)


def _sh(scenario: str) -> tuple[str, ...]:
    return ("bash", str(PROGRAMS / "dev4_prefill.sh"), scenario)


def _node(scenario: str) -> tuple[str, ...]:
    return ("node", str(NODE_DIR / "dev4_prefill.mjs"), scenario)


def _pair(
    id: str, argv: tuple[str, ...], prefilled: str, answer: str, needs: tuple[str, ...] = ()
) -> list[Case]:
    """A case that replaces the prefilled value and one that keeps it."""
    return [
        Case(id, "prefill", argv, "text", None, answer, answer, needs, fixed_half=_DEV),
        Case(f"{id}-keep", "prefill", argv, "text", None, "", prefilled, needs, _DEV),
    ]


def dev4_cases() -> list[Case]:
    node = ("node",)
    return [
        *_pair("d4-questionary-text", _py("questionary_text"), "latest", "v1.4.2"),
        *_pair("d4-inquirerpy-text", _py("inquirerpy_text"), "main", "release/2.0"),
        *_pair("d4-inquirerpy-number", _py("inquirerpy_number"), "4", "12"),
        *_pair("d4-ptk-prompt", _py("ptk_prompt"), "./build", "./dist"),
        *_pair("d4-read-e-i", _sh("read_e_i"), "v1.4.1", "v1.5.0"),
        *_pair(
            "d4-whiptail-inputbox", _sh("whiptail_inputbox"), "staging-01", "prod-02", ("whiptail",)
        ),
        *_pair("d4-dialog-inputbox", _sh("dialog_inputbox"), "staging-01", "prod-02", ("dialog",)),
        *_pair("d4-clack-initial", _node("clack_initial"), "latest", "v1.4.2", node),
        *_pair("d4-inquirer-editable", _node("inquirer_editable"), "main", "release/2.0", node),
        Case(
            "d4-enquirer-initial",
            "prefill-hint",
            _node("enquirer_initial"),
            "text",
            None,
            "develop",
            "develop",
            node,
            _DEV,
        ),
        Case(
            "d4-clack-placeholder",
            "prefill-hint",
            _node("clack_placeholder"),
            "text",
            None,
            "tether",
            "tether",
            node,
            _DEV,
        ),
        Case(
            "d4-ptk-placeholder",
            "prefill-hint",
            _py("ptk_placeholder"),
            "text",
            None,
            "tether",
            "tether",
            (),
            _DEV,
        ),
    ]
