"""A sixth development set: the families the third held-out run left weak, in new wordings.

Written for tuning (``fixed_half="dev"``), so adding them never changes the held-out
halves. Letter keys written in prose ("[k]eep mine / [t]ake theirs", "(a)bort,
(r)etry", "[d] to deploy now"), yes/no as words or with "or", choices with a default
after them (click), numbered tables and column menus answered by label, menus with a
Separator (InquirerPy, @inquirer), a secret field named "API key", fields whose value
follows the question without a separator (InquirerPy, questionary, @inquirer), expand
prompts listed and collapsed, clack's selectKey, an enquirer toggle with labels of
several words, ``pick``'s ``*`` pointer and ``( )`` boxes, and one look-alike that only
prints those shapes.
"""

from __future__ import annotations

from tests.prompt_corpus.case_set import CaseSet
from tests.prompt_corpus.cases import YES_NO, Case

_DEV = "dev"
_NODE = ("node",)


_SET = CaseSet("", "dev6", _DEV)
_py, _node, _case = _SET.py, _SET.node, _SET.case


def dev6_cases() -> list[Case]:
    keys = "letter-keys"
    return [
        _case(
            "d6-click-choice-default",
            "click",
            _py("click_choice_default"),
            "choice",
            ("debug", "info", "warn"),
            "warn",
            "warn",
        ),
        _case(
            "d6-keys-prose",
            keys,
            _py("keys_prose"),
            "choice",
            ("keep mine", "take theirs", "edit by hand"),
            "take theirs",
            "theirs",
        ),
        _case(
            "d6-keys-to",
            keys,
            _py("keys_to"),
            "choice",
            ("deploy now", "wait an hour", "cancel"),
            "cancel",
            "cancel",
        ),
        _case(
            "d6-keys-parens",
            keys,
            _py("keys_parens"),
            "choice",
            ("abort", "retry", "ignore"),
            "retry",
            "retry",
        ),
        _case("d6-y-or-n", "bash-read", _py("y_or_n"), "yes_no", YES_NO, "yes", "y"),
        _case("d6-yes-no-words", "bash-read", _py("yes_no_words"), "yes_no", YES_NO, "yes", "yes"),
        _case(
            "d6-rich-table-label",
            "numbered-line",
            _py("rich_table_label"),
            "choice",
            ("eu-west", "us-east", "ap-south"),
            "ap-south",
            "ap-south",
        ),
        _case(
            "d6-column-menu",
            "numbered-line",
            _py("column_menu"),
            "choice",
            ("build", "test", "deploy", "exit"),
            "deploy",
            "3",
        ),
        _case(
            "d6-inquirerpy-separator",
            "separator-menu",
            _py("inquirerpy_separator"),
            "choice",
            ("small", "medium", "gpu-a100", "gpu-h100"),
            "gpu-a100",
            "gpu-a100",
        ),
        _case(
            "d6-iq-select-separator",
            "separator-menu",
            _node("iq_select_separator"),
            "choice",
            ("dev", "qa", "prod-eu", "prod-us"),
            "prod-us",
            "prod-us",
            _NODE,
        ),
        _case("d6-inquirerpy-api-key", "password-style", _py("inquirerpy_api_key"), "secret"),
        _case(
            "d6-inquirerpy-text-plain",
            "prefill",
            _py("inquirerpy_text_plain"),
            "text",
            None,
            "hotfix",
            "hotfix",
        ),
        _case(
            "d6-questionary-text-plain",
            "prefill",
            _py("questionary_text_plain"),
            "text",
            None,
            "https://api.example.org",
            "https://api.example.org",
        ),
        _case(
            "d6-iq-input-prefill",
            "prefill",
            _node("iq_input_prefill"),
            "text",
            None,
            "pkg.internal",
            "pkg.internal",
            _NODE,
        ),
        _case(
            "d6-iq-number-default",
            "prefill",
            _node("iq_number_default"),
            "text",
            None,
            "",
            3,
            _NODE,
        ),
        _case(
            "d6-inquirerpy-expand", "expand", _py("inquirerpy_expand"), "choice", None, "s", "skip"
        ),
        _case(
            "d6-iq-expand-collapsed",
            "expand",
            _node("iq_expand_collapsed"),
            "choice",
            None,
            "w",
            "wipe",
            _NODE,
        ),
        _case(
            "d6-iq-expand-listed",
            "expand",
            _node("iq_expand_listed"),
            "choice",
            ("Use ours", "Merge both", "Show the diff"),
            "Merge both",
            "merge",
            _NODE,
        ),
        _case(
            "d6-clack-select-key",
            "clack",
            _node("clack_select_key"),
            "choice",
            ("Fix them automatically", "Skip for now", "Abort the commit"),
            "Skip for now",
            "s",
            _NODE,
        ),
        _case(
            "d6-enq-toggle-words",
            "enquirer",
            _node("enq_toggle_words"),
            "yes_no",
            ("Publish now", "Keep as draft"),
            "Publish now",
            True,
            _NODE,
        ),
        _case(
            "d6-pick-single",
            "pick",
            _py("pick_single"),
            "choice",
            ("alpha-db", "beta-db", "gamma-db"),
            "gamma-db",
            "gamma-db",
        ),
        _case(
            "d6-pick-multi",
            "pick",
            _py("pick_multi"),
            "multi_choice",
            ("x86", "arm", "wasm"),
            "x86, wasm",
            ["x86", "wasm"],
        ),
        _case("d6-look-printed-menus", "look-alike", _py("look_printed_menus"), None),
    ]
