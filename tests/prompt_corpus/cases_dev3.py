"""A third development set: checkbox lists where some items start checked.

Every case shows four items, two checked by default, and answers with one
pre-checked and one unchecked item: only an answer that leaves exactly the named
set checked (unchecking the other default, checking the new one, leaving the
named default alone) prints the expected list. All in the dev split
(``fixed_half="dev"``), so they never change the held-out halves.
"""

from __future__ import annotations

import sys
from typing import Any

from tests.prompt_corpus.cases import NODE_DIR, PROGRAMS, Case

_FAMILY = "checkbox-prechecked"
_PY = ("lint", "types", "docs", "bench")
_NODE = ("api", "worker", "web", "docs")
_BOX = ("docs", "headers", "examples", "tools")


def _case(
    id: str, argv: tuple[str, ...], options: tuple[str, ...], answer: str, expect: Any, *needs: str
) -> Case:
    return Case(id, _FAMILY, argv, "multi_choice", options, answer, expect, needs, fixed_half="dev")


def _py(scenario: str) -> tuple[str, ...]:
    return (sys.executable, str(PROGRAMS / "dev3_checkbox.py"), scenario)


def _node(scenario: str) -> tuple[str, ...]:
    return ("node", str(NODE_DIR / "dev3_checkbox.mjs"), scenario)


def _sh(scenario: str) -> tuple[str, ...]:
    return ("bash", str(PROGRAMS / "dev3_checkbox.sh"), scenario)


def dev3_cases() -> list[Case]:
    py_want = ["docs", "bench"]  # lint and docs start checked
    node_want = ["web", "docs"]  # api and web start checked
    return [
        _case(
            "d3-questionary-prechecked", _py("questionary_prechecked"), _PY, "docs, bench", py_want
        ),
        _case(
            "d3-inquirerpy-prechecked", _py("inquirerpy_prechecked"), _PY, "docs, bench", py_want
        ),
        _case(
            "d3-inquirer-prechecked",
            _node("inquirer_prompts"),
            _NODE,
            "web, docs",
            node_want,
            "node",
        ),
        _case(
            "d3-inquirer-legacy-prechecked",
            _node("inquirer_legacy"),
            _NODE,
            "web, docs",
            node_want,
            "node",
        ),
        _case("d3-enquirer-prechecked", _node("enquirer"), _NODE, "web, docs", node_want, "node"),
        _case("d3-prompts-prechecked", _node("prompts"), _NODE, "web, docs", node_want, "node"),
        _case("d3-clack-prechecked", _node("clack"), _NODE, "web, docs", node_want, "node"),
        _case(
            "d3-whiptail-prechecked",
            _sh("whiptail_prechecked"),
            _BOX,
            "examples, tools",
            "rc0:examples,tools",
            "whiptail",
        ),
        _case(
            "d3-dialog-prechecked",
            _sh("dialog_prechecked"),
            _BOX,
            "examples, tools",
            "rc0:examples,tools",
            "dialog",
        ),
    ]
