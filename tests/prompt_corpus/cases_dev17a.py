"""A seventeenth development set (a): shells and interpreters whose own prompt reads like a
yes/no question, and a script's real question asked from under an interactive shell.

Written for tuning (``fixed_half="dev"``), in new wordings and ways of starting a shell: a
login shell (``-bash``), dash reading ``$ENV``, ``python -i`` with a ``sys.ps1`` in
brackets; and the positive beside them, a script run as a job from an interactive shell's
start-up file whose ``read -p`` must still be asked (the reader is the script's bash).
"""

from __future__ import annotations

import sys

from tests.prompt_corpus.case_set import CaseSet
from tests.prompt_corpus.cases import Case

_SET = CaseSet("", "dev17a", "dev")
_sh, _case = _SET.sh, _SET.case


def dev17a_cases() -> list[Case]:
    return [
        _case(
            "d17a-script-read-under-interactive-shell",
            "read-yn",
            _sh("script_under_interactive_shell"),
            "yes_no",
            ("yes", "no"),
            "yes",
            "y",
        ),
        _case("d17a-look-login-shell-ps1-yn", "look-alike", _sh("login_shell_ps1_yn"), None),
        _case("d17a-look-dash-env-ps1-yn", "look-alike", _sh("dash_env_ps1_yn"), None),
        _case(
            "d17a-look-python-ps1-yn",
            "look-alike",
            (sys.executable, "-q", "-i", "-c", "import sys; sys.ps1 = 'Drop all tables? [y/N] '"),
            None,
        ),
    ]
