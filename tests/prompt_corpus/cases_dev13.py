"""A thirteenth development set: two line-prompt classes the eighth held-out run showed.

Written for tuning (``fixed_half="dev"``), in new wordings: a list numbered with an equals
sign (``1 = none``) above its ``Choose from [1/2/3]`` line, answered by label, and a request
above a rule above a bare ``> `` input line.
"""

from __future__ import annotations

from tests.prompt_corpus.case_set import CaseSet
from tests.prompt_corpus.cases import Case

_SET = CaseSet("", "dev13", "dev")
_sh, _case = _SET.sh, _SET.case


def dev13_cases() -> list[Case]:
    return [
        _case(
            "d13-read-equals-numbered",
            "numbered-line",
            _sh("read_equals_numbered"),
            "choice",
            ("none", "gzip -6", "zstd -19"),
            "zstd -19",
            "zstd",
        ),
        _case(
            "d13-read-request-over-rule",
            "stdlib",
            _sh("read_request_over_rule"),
            "text",
            None,
            "release/4.2",
            "release/4.2",
        ),
    ]
