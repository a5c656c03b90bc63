"""A ninth development set: the classes the fifth held-out run showed, in new wordings.

Written for tuning (``fixed_half="dev"``), so adding them never changes the held-out
halves. A checkbox list whose labels are only signs ("/"), a select whose qmark is drawn
like a pointer ("»"), "hit Enter" lines (angle or square brackets, no "press"), a shell
select with its own "#>" prompt, a classic checkbox with a "-- name --" separator,
enquirer's multiselect with a dim hint after each label, and a monitor whose key legend
holds a yes/no question (a look-alike).
"""

from __future__ import annotations

from tests.prompt_corpus.case_set import CaseSet
from tests.prompt_corpus.cases import Case

_SET = CaseSet("", "dev9", "dev")
_py, _node, _sh, _case = _SET.py, _SET.node, _SET.sh, _SET.case
_NODE = ("node",)


def dev9_cases() -> list[Case]:
    return [
        _case(
            "d9-iq-checkbox-sign-labels",
            "inquirerpy",
            _py("iq_checkbox_sign_labels"),
            "multi_choice",
            ("/", "/home", "/var", "/srv"),
            "/, /srv",
            ["/", "/srv"],
        ),
        _case(
            "d9-questionary-glyph-qmark",
            "questionary",
            _py("questionary_glyph_qmark"),
            "choice",
            ("stable", "beta", "nightly"),
            "nightly",
            "nightly",
        ),
        # "- eu-north (full)" is disabled: the arrows pass over it, so it is no option.
        _case(
            "d9-questionary-select-disabled-first",
            "questionary",
            _py("questionary_select_disabled_first"),
            "choice",
            ("eu-west", "us-east", "ap-south"),
            "ap-south",
            "ap-south",
        ),
        _case(
            "d9-input-hit-enter-angle",
            "press-enter",
            _py("input_hit_enter_angle"),
            "press_enter",
            None,
            "",
            "ready",
        ),
        _case(
            "d9-input-hit-return-tool",
            "press-enter",
            _py("input_hit_return_tool"),
            "press_enter",
            None,
            "",
            "opened",
        ),
        # A curses menu inside a titled rounded frame; the cursor is hidden.
        _case(
            "d9-curses-framed-radio",
            "curses",
            _py("curses_framed_radio"),
            "choice",
            ("Draft", "Letter", "Photo"),
            "Photo",
            "Photo",
        ),
        _case("d9-look-monitor-legend", "look-alike", _py("look_monitor_legend"), None),
        _case(
            "d9-read-hit-return-brackets",
            "press-enter",
            _sh("read_hit_return_brackets"),
            "press_enter",
            None,
            "",
            "wiped",
        ),
        _case(
            "d9-select-exit-prompt",
            "bash-select",
            _sh("select_exit_prompt"),
            "choice",
            ("snap-a (Monday)", "snap-b (Tuesday)", "Exit"),
            "2",
            "snap-b (Tuesday)",
        ),
        # Numbered items in one row of columns, answered by a label: its number is typed.
        _case(
            "d9-read-columns-by-label",
            "numbered-line",
            _sh("read_columns_by_label"),
            "choice",
            ("vim", "nano", "emacs"),
            "nano",
            2,
        ),
        # GNU tar's confirm: "add ‘notes.md’?", a verb and one quoted name.
        _case(
            "d9-tar-add-confirm",
            "coreutils",
            _sh("tar_add_confirm"),
            "yes_no",
            None,
            "yes",
            "added",
            needs=("tar",),
        ),
        # A masked field whose question names a one-time code, not a password.
        _case(
            "d9-iq-password-one-time-code",
            "password-style",
            _node("iq_password_one_time_code"),
            "secret",
            needs=_NODE,
        ),
        _case(
            "d9-inq-checkbox-dash-group",
            "inquirer-classic",
            _node("inq_checkbox_dash_group"),
            "multi_choice",
            ("ruff", "mypy", "pylint", "bandit"),
            "mypy, bandit",
            ["mypy", "bandit"],
            needs=_NODE,
        ),
        # A dim hint after each label ("us Oregon and Ohio"), labels of unlike lengths;
        # eu-west starts ticked and must be unticked.
        _case(
            "d9-enq-multiselect-region-hints",
            "enquirer",
            _node("enq_multiselect_region_hints"),
            "multi_choice",
            ("eu-west", "us", "ap-south", "sa-east"),
            "us, sa-east",
            ["us", "sa-east"],
            needs=_NODE,
        ),
    ]
