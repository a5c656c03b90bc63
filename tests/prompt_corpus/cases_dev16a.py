"""A sixteenth development set (a): Python and line prompts the tenth held-out run missed.

Written for tuning (``fixed_half="dev"``), in new wordings and layouts: an InquirerPy
select whose pointer is a doubled glyph over a non-first default; a numbered list whose
current item carries a star against its number, under a line that picks by number; a
confirm-by-typing request whose name holds a slash (text, not a list of two).
"""

from __future__ import annotations

from tests.prompt_corpus.case_set import CaseSet
from tests.prompt_corpus.cases import Case

_SET = CaseSet("", "dev16a", "dev")
_py, _case = _SET.py, _SET.case


def dev16a_cases() -> list[Case]:
    return [
        _case(
            "d16a-ipy-select-doubled-pointer",
            "inquirerpy",
            _py("ipy_select_doubled_pointer"),
            "choice",
            ("ingest-high", "ingest-low", "mailer", "thumbnails"),
            "ingest-low",
            "ingest-low",
        ),
        _case(
            "d16a-starred-current-number",
            "numbered-line",
            _py("starred_current_number"),
            "choice",
            ("py3.12-slim", "py3.11-bookworm (in use)", "py3.10-alpine"),
            "3",
            "py3.10-alpine",
        ),
        _case(
            "d16a-type-slug-with-slash",
            "confirm-by-typing",
            _py("type_slug_with_slash"),
            "text",
            None,
            "infra/tf-state",
            "deleted",
        ),
    ]
