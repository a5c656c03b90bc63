"""A twelfth development set (c): the classes the seventh held-out set showed wrong.

Written for tuning (``fixed_half="dev"``), so adding them never changes the held-out
halves, in wordings and layouts of their own: a curses monitor that redraws a job table
with a moving pointer and a ``[q]uit`` legend between sleeps (a look-alike); survey's
basket, which ticks with → and unticks with ← (its legend says so), answered bottom up;
@topcli/prompts' multiselect of labelled choices, toggled with the arrows its legend names.
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
        # pt-BR and ko-KR start ticked: the answer unticks ko-KR and ticks en-GB.
        _case(
            "d12c-survey-basket-walk-up",
            "survey",
            _py("survey_basket_walk_up"),
            "multi_choice",
            ("en-GB", "de-DE", "fr-FR", "ja-JP", "pt-BR", "ko-KR"),
            "en-GB, pt-BR",
            ["en-GB", "pt-BR"],
        ),
        # MySQL starts ticked: the answer unticks it and ticks PostgreSQL and SQLite.
        _case(
            "d12c-tp-multiselect-labels",
            "topcli-prompts",
            _node("tp_multiselect_labels"),
            "multi_choice",
            ("PostgreSQL 16", "MySQL 8.4", "ClickHouse", "SQLite"),
            "PostgreSQL 16, SQLite",
            ["pg", "sq"],
            _NODE,
        ),
    ]
