"""A shell or interpreter at its own prompt asks nothing, whichever path reads the screen.

A prompt string (PS1, ``sys.ps1``) may read like a question; the screen rules must
honour ``Signals.interactive`` as the structure does, while the same text read by a
script's own reader (not interactive) stays a question.
"""

from __future__ import annotations

import pytest

from supervisor.prompts.detect import Signals
from tests.prompt_support import READING, found

# bash's readline at its prompt: raw keys, echo off, reader started with -i.
SHELL = Signals(echo_off=True, canonical=False, interactive=True)
# A line-mode interpreter (python -i, dash -i) blocked in the terminal's read.
LINE_REPL = Signals(blocked_on_read=True, interactive=True)


@pytest.mark.parametrize(
    "prompt",
    ["Continue? [y/N] ", "Overwrite the target? (y/n) ", "Proceed [Y/n]? ", "Really quit? yes/no "],
)
@pytest.mark.parametrize("signals", [SHELL, LINE_REPL])
def test_a_yes_no_prompt_string_of_an_interactive_shell_is_no_question(
    prompt: str, signals: Signals
) -> None:
    assert found("$ ls\nnotes.txt\n" + prompt, signals) is None


@pytest.mark.parametrize("prompt", ["Continue? [y/N] ", "Overwrite the target? (y/n) "])
def test_the_same_text_read_by_a_script_is_still_a_yes_no_question(prompt: str) -> None:
    detection = found("$ ./upgrade.sh\n" + prompt, READING)
    assert detection is not None
    assert detection.kind.value == "yes_no"
