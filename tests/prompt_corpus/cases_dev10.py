"""A tenth development set: the three classes still weak after the ninth, in new wordings.

Written for tuning (``fixed_half="dev"``), so adding them never changes the held-out
halves. prompt_toolkit's input dialog with a default (its cursor sits before it), answered
with a new value and kept as it is; InquirerPy's text with a default; and paged selects
(@inquirer's pageSize, enquirer's limit, clack's maxItems) answered by a label out of view.
"""

from __future__ import annotations

from tests.prompt_corpus.case_set import CaseSet
from tests.prompt_corpus.cases import Case

_SET = CaseSet("", "dev10", "dev")
_py, _node, _case = _SET.py, _SET.node, _SET.case
_NODE = ("node",)


def dev10_cases() -> list[Case]:
    return [
        # The cursor sits before the default: the answer must replace it, not go in front.
        _case(
            "d10-ptk-input-dialog-default-replace",
            "prompt_toolkit",
            _py("ptk_input_dialog_default_replace"),
            "text",
            None,
            "edge-7",
            "edge-7",
        ),
        _case(
            "d10-ptk-input-dialog-default-keep",
            "prompt_toolkit",
            _py("ptk_input_dialog_default_keep"),
            "text",
            None,
            "",
            "14",
        ),
        _case(
            "d10-iq-text-default-replace",
            "inquirerpy",
            _py("iq_text_default_replace"),
            "text",
            None,
            "build/debug",
            "build/debug",
        ),
        # Paged lists answered by a label out of view: scrolled to with the arrows.
        _case(
            "d10-iq-select-paged-planets",
            "paged",
            _node("iq_select_paged_planets"),
            "choice",
            None,
            "Neptune",
            "Neptune",
            needs=_NODE,
        ),
        _case(
            "d10-enq-select-limit-fruit",
            "paged",
            _node("enq_select_limit_fruit"),
            "choice",
            None,
            "guava",
            "guava",
            needs=_NODE,
        ),
        _case(
            "d10-clack-select-max-items-zones",
            "paged",
            _node("cl_select_max_items_zones"),
            "choice",
            None,
            "zone-g",
            "zone-g",
            needs=_NODE,
        ),
        # A list that does not wrap, its default below the answer: down to the end, then up.
        _case(
            "d10-iq-select-paged-no-loop",
            "paged",
            _node("iq_select_paged_no_loop"),
            "choice",
            None,
            "sloop",
            "sloop",
            needs=_NODE,
        ),
    ]
