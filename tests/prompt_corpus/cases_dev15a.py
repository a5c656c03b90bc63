"""A fifteenth development set (a): line prompts the ninth held-out run missed, in new wordings.

Written for tuning (``fixed_half="dev"``): a question above a context row (a status bar,
a dim detail line) above an input line holding a short label and an arrow or only a
marker; questions ending in their bracketed default ("[develop]", "(3)"); a value
prefilled after a triangle and replaced; enquirer fields whose initial value is a
placeholder redrawn by the first key, answered with a value that starts like it; and, so
nothing is weakened, a program that prints the labelled shape and sleeps, and a field
that draws nothing for typed keys (still a secret).
"""

from __future__ import annotations

from tests.prompt_corpus.case_set import CaseSet
from tests.prompt_corpus.cases import Case

_SET = CaseSet("", "dev15a", "dev")
_py, _node, _sh, _case = _SET.py, _SET.node, _SET.sh, _SET.case
_NODE = ("node",)
LOOK = "look-alike"


def dev15a_cases() -> list[Case]:
    return [
        _case(
            "d15a-read-label-chevron-under-status",
            "banner",
            _sh("read_label_chevron_under_status"),
            "text",
            None,
            "mirror-fra-2",
            "mirror-fra-2",
        ),
        _case(
            "d15a-read-bare-marker-under-context",
            "banner",
            _sh("read_bare_marker_under_context"),
            "text",
            None,
            "kernel upgrade",
            "kernel upgrade",
        ),
        _case(
            "d15a-input-label-triangle-under-context",
            "banner",
            _py("input_label_triangle_under_context"),
            "text",
            None,
            "bad migration",
            "bad migration",
        ),
        _case(
            "d15a-read-default-brackets-word",
            "prefilled",
            _sh("read_default_brackets_word"),
            "text",
            None,
            "release/5",
            "release/5",
        ),
        _case(
            "d15a-read-default-parens-number",
            "prefilled",
            _sh("read_default_parens_number"),
            "text",
            None,
            "5",
            5,
        ),
        _case(
            "d15a-read-prefill-triangle",
            "prefilled",
            _sh("read_prefill_triangle"),
            "text",
            None,
            "beta",
            "beta",
        ),
        _case(
            "d15a-enq-input-initial-same-start",
            "enquirer",
            _node("enq_input_initial_same_start"),
            "text",
            None,
            "origin-eu",
            "origin-eu",
            _NODE,
        ),
        _case(
            "d15a-enq-numeral-initial-same-start",
            "enquirer",
            _node("enq_numeral_initial_same_start"),
            "text",
            None,
            "8443",
            8443,
            _NODE,
        ),
        _case(
            "d15a-enq-invisible-token",
            "password-style",
            _node("enq_invisible_token"),
            "secret",
            needs=_NODE,
        ),
        _case("d15a-look-sleep-under-label-arrow", LOOK, _sh("look_sleep_under_label_arrow"), None),
    ]
