"""A seventeenth development set (b): numbered lists whose numbers carry a hash mark.

Written for tuning (``fixed_half="dev"``), in wordings and layouts of their own: five
rows numbered "#1".."#5" with one space before the label, above a question that names
no number; and a prompt_toolkit field whose default follows an arrowhead ("➤"), to be
replaced, not appended to; and prompts' text field whose initial value is drawn grey
like its "›", a placeholder that the first key replaces (Ctrl-U there is typed as text).
"""

from __future__ import annotations

from tests.prompt_corpus.case_set import CaseSet
from tests.prompt_corpus.cases import Case

_SET = CaseSet("", "dev17b", "dev")
_py, _node, _case = _SET.py, _SET.node, _SET.case
_NODE = ("node",)


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
        _case(
            "d17b-pr-text-initial-grey",
            "prefilled",
            _node("pr_text_initial_grey"),
            "text",
            None,
            "/guide/v2",
            "/guide/v2",
            _NODE,
        ),
    ]
