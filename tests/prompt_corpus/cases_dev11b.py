"""An eleventh development set (b): prompts the sixth held-out run missed, in new wordings.

Written for tuning (``fixed_half="dev"``), so adding them never changes the held-out
halves. bash ``select`` with its own PS3 ending in an arrow, and long lists bash lays out
in columns (numbered down each column, two-digit numbers right-aligned), answered by
label and by number; questions on their own row read on a bare input line ("❯ ", ": ",
"? "), one with a blank row between, and defaults shown before the marker ("[default: 8]
› ", "(default eu-west-1) > "), kept and replaced; curses checklists whose question ends
in the program's key hint in parentheses, highlighted in colour or in bold.
"""

from __future__ import annotations

from tests.prompt_corpus.case_set import CaseSet
from tests.prompt_corpus.cases import Case

_SET = CaseSet("", "dev11b", "dev")
_py, _sh, _case = _SET.py, _SET.sh, _SET.case

_MIRRORS = tuple(
    f"mirror-{c}" for c in ("ams", "fra", "par", "lon", "dub", "mad", "lis", "mil", "vie", "waw")
) + ("mirror-hel",)
_FONTS = (
    "Iosevka",
    "JetBrains Mono",
    "Fira Code",
    "Hack",
    "Source Code Pro",
    "Inconsolata",
    "Cascadia Code",
    "Menlo",
    "Monaco",
)


def dev11b_cases() -> list[Case]:
    return [
        _case(
            "d11b-select-arrow-ps3-label",
            "bash-select",
            _sh("select_arrow_ps3_label"),
            "choice",
            ("edge (2 nodes)", "standard", "burst-heavy", "archive-only"),
            "burst-heavy",
            "burst-heavy",
        ),
        # Eleven items: bash numbers them down three columns, " 4)" beside "10)".
        _case(
            "d11b-select-columns-eleven-label",
            "bash-select",
            _sh("select_columns_eleven_label"),
            "choice",
            _MIRRORS,
            "mirror-waw",
            "mirror-waw",
        ),
        _case(
            "d11b-select-columns-triangle-number",
            "bash-select",
            _sh("select_columns_triangle_number"),
            "choice",
            _FONTS,
            "7",
            "Cascadia Code",
        ),
        _case(
            "d11b-input-type-namespace-chevron",
            "confirm-by-typing",
            _py("input_type_namespace_chevron"),
            "text",
            None,
            "payments",
            "deleted",
        ),
        _case(
            "d11b-input-colon-after-blank",
            "stdlib",
            _py("input_colon_after_blank"),
            "text",
            None,
            "https://hooks.example.org/oncall",
            "https://hooks.example.org/oncall",
        ),
        _case(
            "d11b-read-question-mark-line",
            "bash-read",
            _sh("read_question_mark_line"),
            "text",
            None,
            "release/2.4",
            "release/2.4",
        ),
        _case(
            "d11b-read-default-chevron-keep",
            "prefilled",
            _sh("read_default_chevron_keep"),
            "text",
            None,
            "",
            8,
        ),
        _case(
            "d11b-read-default-gap-replace",
            "prefilled",
            _sh("read_default_gap_replace"),
            "text",
            None,
            "us-east-2",
            "us-east-2",
        ),
        # "postgres" starts ticked; the answer adds the scheduler.
        _case(
            "d11b-curses-checklist-star-colour",
            "curses",
            _py("curses_checklist_star_colour"),
            "multi_choice",
            ("nginx", "postgres", "redis", "worker-pool", "scheduler"),
            "postgres, scheduler",
            ["postgres", "scheduler"],
        ),
        # "commit-msg" starts ticked; the answer swaps it for the two push hooks.
        _case(
            "d11b-curses-checklist-round-bold",
            "curses",
            _py("curses_checklist_round_bold"),
            "multi_choice",
            ("pre-commit", "commit-msg", "pre-push", "post-merge"),
            "pre-commit, pre-push",
            ["pre-commit", "pre-push"],
        ),
    ]
