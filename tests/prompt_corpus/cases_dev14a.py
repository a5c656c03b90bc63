"""A fourteenth development set (a): checklists drawn like single selects.

Written for tuning (``fixed_half="dev"``), in new wordings: InquirerPy's
``select(multiselect=True)`` and @inquirer/prompts' checkbox themed with a blank unticked
icon and no help line. Until a row is ticked, neither draws anything a single select does
not, so each is answered with several labels and with one (which must be ticked, not
merely highlighted, or the program returns an empty list). Paged checklists (@inquirer's
``pageSize``, enquirer's ``limit``, InquirerPy's ``height``, prompts' ``optionsPerPage``)
answered with labels below the page, some with a row ticked that the answer unticks.
"""

from __future__ import annotations

from tests.prompt_corpus.case_set import CaseSet
from tests.prompt_corpus.cases import Case

_SET = CaseSet("", "dev14a", "dev")
_py, _node, _case = _SET.py, _SET.node, _SET.case
_NODE = ("node",)


def dev14a_cases() -> list[Case]:
    return [
        _case(
            "d14a-ipy-multiselect-two",
            "inquirerpy",
            _py("ipy_multiselect_two"),
            "multi_choice",
            ("thumbnails", "search index", "session store", "cdn edge", "dns"),
            "session store, dns",
            ["session store", "dns"],
        ),
        _case(
            "d14a-ipy-multiselect-one",
            "inquirerpy",
            _py("ipy_multiselect_one"),
            "multi_choice",
            ("billing", "platform", "mobile", "growth"),
            "mobile",
            ["mobile"],
        ),
        _case(
            "d14a-inq-checkbox-blank-two",
            "inquirer",
            _node("inq_checkbox_blank_two"),
            "multi_choice",
            ("users", "orders", "invoices", "audit log", "feature flags"),
            "orders, audit log",
            ["orders", "audit log"],
            _NODE,
        ),
        _case(
            "d14a-inq-checkbox-blank-one",
            "inquirer",
            _node("inq_checkbox_blank_one"),
            "multi_choice",
            ("staging", "canary", "production"),
            "canary",
            ["canary"],
            _NODE,
        ),
        # Paged checklists: the answer names rows below the page; gnu (out of view) and
        # cool start ticked, and the answer unticks them.
        _case(
            "d14a-inq-checkbox-paged",
            "inquirer",
            _node("inq_checkbox_paged"),
            "multi_choice",
            ("ant", "bee", "cat", "dog"),
            "bee, hen",
            ["bee", "hen"],
            _NODE,
        ),
        _case(
            "d14a-enq-multiselect-limit",
            "enquirer",
            _node("enq_multiselect_limit"),
            "multi_choice",
            ("hot", "warm", "cool"),
            "warm, glacier",
            ["warm", "glacier"],
            _NODE,
        ),
        _case(
            "d14a-ipy-checkbox-height",
            "inquirerpy",
            _py("ipy_checkbox_height"),
            "multi_choice",
            ("lint", "format", "typecheck"),
            "format, release",
            ["format", "release"],
        ),
        # prompts draws ↑/↓ on a page's end rows when more follow: no part of a label.
        _case(
            "d14a-pr-multiselect-per-page",
            "prompts",
            _node("pr_multiselect_per_page"),
            "multi_choice",
            ("22", "80", "443", "5432"),
            "443, 9090",
            ["443", "9090"],
            _NODE,
        ),
    ]
