"""A fifth development set: full-screen viewers and editors, and terminal queries.

Written for tuning (``fixed_half="dev"``), so adding them never changes the
held-out halves. Look-alikes: pagers (``less``, ``more``, ``man``, git's own pager)
and editors (``vim``, ``vi``) showing a document that quotes every shape the
detector knows ("Continue? (y/n)", a boxed dialog with buttons, a marker menu, a
line ending in "?", a pager's ``:``), and a blessed status board. Prompts: programs
that ask the terminal for its capabilities (XTGETTCAP, as blessed does for python
``inquirer``) before they ask a person, which must still be found and answered.
"""

from __future__ import annotations

from tests.prompt_corpus.case_set import CaseSet
from tests.prompt_corpus.cases import YES_NO, Case

_DEV = "dev"


_SET = CaseSet("", "dev5_viewers", _DEV)
_py, _sh, _case = _SET.py, _SET.sh, _SET.case


def dev5_cases() -> list[Case]:
    look = "look-alike"
    return [
        # -- pagers and editors: a document is never a question
        _case("d5-look-less-middle", look, _sh("less_middle"), None, needs=("less",)),
        _case("d5-look-less-end", look, _sh("less_end"), None, needs=("less",)),
        _case("d5-look-more-middle", look, _sh("more_middle"), None, needs=("more",)),
        _case("d5-look-man-page", look, _sh("man_page"), None, needs=("man", "less")),
        _case("d5-look-git-log-pager", look, _sh("git_log_pager"), None, needs=("git", "less")),
        _case("d5-look-vim-document", look, _sh("vim_document"), None, needs=("vim",)),
        _case(
            "d5-look-vim-insert-question", look, _sh("vim_insert_question"), None, needs=("vim",)
        ),
        _case("d5-look-vi-dialog", look, _sh("vi_dialog"), None, needs=("vi",)),
        _case("d5-look-blessed-board", look, _py("blessed_board"), None),
        # -- terminal queries before the question: the question is still found
        _case(
            "d5-inquirer-list-xtgettcap",
            "terminal-query",
            _py("inquirer_list"),
            "choice",
            ("PostgreSQL", "MySQL", "SQLite"),
            "SQLite",
            "SQLite",
        ),
        _case(
            "d5-inquirer-confirm-xtgettcap",
            "terminal-query",
            _py("inquirer_confirm"),
            "yes_no",
            YES_NO,
            "Yes",
            True,
        ),
        _case(
            "d5-read-after-xtgettcap",
            "terminal-query",
            _sh("xtgettcap_read"),
            "yes_no",
            YES_NO,
            "y",
            "y",
        ),
    ]
