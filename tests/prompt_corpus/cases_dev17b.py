"""A seventeenth development set (b): numbered lists whose numbers carry a hash mark.

Written for tuning (``fixed_half="dev"``), in wordings and layouts of their own: five
rows numbered "#1".."#5" with one space before the label, above a question that names
no number; and a prompt_toolkit field whose default follows an arrowhead ("➤"), to be
replaced, not appended to.
"""

from __future__ import annotations

from tests.prompt_corpus.case_set import CaseSet
from tests.prompt_corpus.cases import Case

_SET = CaseSet("", "dev17b", "dev")
_py, _case = _SET.py, _SET.case


def dev17b_cases() -> list[Case]:
    return [
        _case(
            "d17b-hash-numbered-rows",
            "numbered-line",
            _py("hash_numbered_rows"),
            "choice",
            ("billing-retry", "search-reindex", "avatar-resize", "digest-mailer", "audit-export"),
            "4",
            "digest-mailer",
        ),
        _case(
            "d17b-ptk-arrowhead-default",
            "prefilled",
            _py("ptk_arrowhead_default"),
            "text",
            None,
            "gs://ci-cache-eu",
            "gs://ci-cache-eu",
        ),
    ]
