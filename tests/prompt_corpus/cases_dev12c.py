"""A twelfth development set (c): the classes the seventh held-out set showed wrong.

Written for tuning (``fixed_half="dev"``), so adding them never changes the held-out
halves, in wordings and layouts of their own: a curses monitor that redraws a job table
with a moving pointer and a ``[q]uit`` legend between sleeps (a look-alike).
"""

from __future__ import annotations

from tests.prompt_corpus.case_set import CaseSet
from tests.prompt_corpus.cases import Case

_SET = CaseSet("", "dev12c", "dev")
_py, _node, _case = _SET.py, _SET.node, _SET.case
_NODE = ("node",)
LOOK = "look-alike"


def dev12c_cases() -> list[Case]:
    return [
        _case("d12c-look-curses-job-monitor", LOOK, _py("look_curses_job_monitor"), None),
    ]
