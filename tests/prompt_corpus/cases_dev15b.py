"""A fifteenth development set (b): menus, dialogs and lists read by their structure.

Written for tuning (``fixed_half="dev"``), in wordings and layouts of their own: a
questionary select drawing a radio column (a filled circle on the default row, a custom
pointer), a paged @inquirer select whose arrows skip a separator and disabled rows
while the page scrolls, prompts' autocompleteMultiselect (an Instructions block and a
search line between its question and its list), and a prompt_toolkit button dialog
whose middle label overflows its button; and a look-alike: a full-screen log viewer
whose cursor line walks over records stamped to the second.
"""

from __future__ import annotations

from tests.prompt_corpus.case_set import CaseSet
from tests.prompt_corpus.cases import Case

_SET = CaseSet("", "dev15b", "dev")
_py, _node, _case = _SET.py, _SET.node, _SET.case
_NODE = ("node",)


def dev15b_cases() -> list[Case]:
    return [
        _case(
            "d15b-q-select-radio-column",
            "questionary",
            _py("q_select_radio_column"),
            "choice",
            ("7 days", "30 days", "90 days", "1 year", "Forever"),
            "1 year",
            "1 year",
        ),
        _case(
            "d15b-ptk-buttons-overflowing",
            "prompt_toolkit",
            _py("ptk_buttons_overflowing"),
            "choice",
            ("Merge", "Rebase onto", "Skip"),
            "Rebase onto",
            "rebase",
        ),
        _case(
            "d15b-iq-select-scrolled-disabled",
            "inquirer",
            _node("iq_select_scrolled_disabled"),
            "choice",
            None,
            "deno:2",
            "deno",
            _NODE,
        ),
        _case(
            "d15b-pr-autocomplete-multiselect-labels",
            "prompts",
            _node("pr_autocomplete_multiselect_labels"),
            "multi_choice",
            ("bug", "docs", "performance", "security", "breaking", "chore"),
            "docs, security",
            ["docs", "sec"],
            _NODE,
        ),
        _case("d15b-look-ptk-audit-trail", "look-alike", _py("look_ptk_audit_trail"), None),
    ]
