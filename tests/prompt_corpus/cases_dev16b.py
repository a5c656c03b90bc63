"""A sixteenth development set (b): prompts' menus read by their marks, not their words.

Written for tuning (``fixed_half="dev"``), in wordings and layouts of their own: prompts'
multiselect with three rows ticked from the start, no key legend (``instructions:
false``) and the highlight starting on an unticked row, so only the filled circles say
it is a checklist; and prompts' single-choice autocomplete whose labels name keys
("Space Gray", "Tab Bar Blue"), which must stay a single choice.
"""

from __future__ import annotations

from tests.prompt_corpus.case_set import CaseSet
from tests.prompt_corpus.cases import Case

_SET = CaseSet("", "dev16b", "dev")
_node, _case = _SET.node, _SET.case
_NODE = ("node",)


def dev16b_cases() -> list[Case]:
    return [
        _case(
            "d16b-pr-multiselect-preticked-quiet",
            "prompts",
            _node("pr_multiselect_preticked_quiet"),
            "multi_choice",
            ("en-GB", "fr-FR", "de-DE", "ja-JP", "pt-BR"),
            "fr-FR, de-DE",
            ["fr", "de"],
            _NODE,
        ),
        _case(
            "d16b-pr-autocomplete-key-words",
            "prompts",
            _node("pr_autocomplete_key_words"),
            "choice",
            ("Nord", "Solarized", "Space Gray", "Dracula", "Tab Bar Blue"),
            "Space Gray",
            "Space Gray",
            _NODE,
        ),
    ]
