"""A seventh development set: the families the fourth held-out run left weak, in new wordings.

Written for tuning (``fixed_half="dev"``), so adding them never changes the held-out
halves. Lists with titled separators between their rows (questionary checkbox and
select), a label whose own words end in parentheses, and questions followed only by
their default answer, a numbered list with a starred default row, and clack's
select paged with "..." for the rows out of view.
"""

from __future__ import annotations

from tests.prompt_corpus.case_set import CaseSet
from tests.prompt_corpus.cases import YES_NO, Case

_DEV = "dev"


_SET = CaseSet("", "dev7", _DEV)
_py, _node, _case = _SET.py, _SET.node, _SET.case


def dev7_cases() -> list[Case]:
    return [
        _case(
            "d7-questionary-checkbox-groups",
            "separator-menu",
            _py("questionary_checkbox_groups"),
            "multi_choice",
            ("frankfurt", "paris", "tokyo", "seoul"),
            "frankfurt, seoul",
            ["frankfurt", "seoul"],
        ),
        _case(
            "d7-questionary-select-groups",
            "separator-menu",
            _py("questionary_select_groups"),
            "choice",
            ("small", "medium", "a100", "h100"),
            "h100",
            "h100",
        ),
        _case(
            "d7-questionary-label-parens",
            "questionary",
            _py("questionary_label_parens"),
            "choice",
            ("3.12 (current)", "3.11", "3.10"),
            "3.11",
            "3.11",
        ),
        _case(
            "d7-default-only-bracket",
            "bash-read",
            _py("default_only_bracket"),
            "yes_no",
            YES_NO,
            "no",
            "rebuilt",
        ),
        _case(
            "d7-default-only-paren",
            "bash-read",
            _py("default_only_paren"),
            "yes_no",
            YES_NO,
            "yes",
            "published",
        ),
        _case(
            "d7-starred-default",
            "numbered-line",
            _py("starred_default"),
            "choice",
            ("bash", "zsh", "fish"),
            "fish",
            "fish",
        ),
        _case(
            "d7-clack-select-paged",
            "clack",
            _node("cl_select_paged"),
            "choice",
            None,
            "Edam",
            "Edam",
            ("node",),
        ),
    ]
