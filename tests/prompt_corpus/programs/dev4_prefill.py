"""Fourth development set, Python side: ``dev4_prefill.py <scenario>``.

Text prompts whose field already holds an editable default (questionary,
InquirerPy text and number, prompt_toolkit), so a typed answer must replace it,
and one with a dim placeholder that vanishes on typing. Prints ``ANSWER=<json>``
with what the program received.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any


def done(value: Any) -> None:
    print(f"\nANSWER={json.dumps(value)}", flush=True)


def questionary_text() -> Any:
    import questionary

    return questionary.text("Which tag to deploy?", default="latest").unsafe_ask()


def _inquirerpy() -> Any:
    import importlib

    # Its package does not re-export the prompt functions for a type checker.
    return importlib.import_module("InquirerPy.inquirer")


def inquirerpy_text() -> Any:
    inquirer = _inquirerpy()
    return inquirer.text(message="Release branch:", default="main").execute()


def inquirerpy_number() -> Any:
    inquirer = _inquirerpy()
    return inquirer.number(message="How many workers?", default=4).execute()


def ptk_prompt() -> Any:
    from prompt_toolkit import prompt

    return prompt("Output directory: ", default="./build")


def ptk_placeholder() -> Any:
    from prompt_toolkit import prompt
    from prompt_toolkit.formatted_text import HTML

    return prompt("Project name: ", placeholder=HTML("<style fg='#888888'>my-app</style>"))


SCENARIOS: dict[str, Callable[[], Any]] = {
    "questionary_text": questionary_text,
    "inquirerpy_text": inquirerpy_text,
    "inquirerpy_number": inquirerpy_number,
    "ptk_prompt": ptk_prompt,
    "ptk_placeholder": ptk_placeholder,
}


if __name__ == "__main__":
    done(SCENARIOS[sys.argv[1]]())
