"""An eleventh development set (a): the classes the sixth held-out run showed, in new wordings.

Written for tuning (``fixed_half="dev"``), so adding them never changes the held-out halves.
Look-alikes that quote a coding agent's dialog while reading nothing; a confirm-by-typing
field in terraform's layout; numbers as choices; a coloured default; a key legend above a
single-key question; a passwordbox asking for a network key; bullet with another glyph;
readline-sync's keyInSelect with its own cancel label; "press any key" read raw.
"""

from __future__ import annotations

from tests.prompt_corpus.case_set import CaseSet
from tests.prompt_corpus.cases import Case

_SET = CaseSet("", "dev11a", "dev")
_py, _node, _sh, _case = _SET.py, _SET.node, _SET.sh, _SET.case
_NODE = ("node",)
_WT = ("whiptail",)
LOOK = "look-alike"


def dev11a_cases() -> list[Case]:
    return [
        # A coding agent's dialog quoted by a program that is not that agent.
        _case(
            "d11a-look-agent-quotes-edit-dialog", LOOK, _py("look_agent_quotes_edit_dialog"), None
        ),
        _case("d11a-look-agent-dialog-then-sleep", LOOK, _py("look_agent_dialog_then_sleep"), None),
        # Only the exact word is accepted: typed, not chosen.
        _case(
            "d11a-read-migrate-state-value",
            "confirm-by-typing",
            _sh("read_migrate_state_value"),
            "text",
            None,
            "yes",
            "migrated",
        ),
        _case(
            "d11a-read-hours-choices",
            "bash-read",
            _sh("read_hours_choices"),
            "choice",
            ("6", "12", "24", "48"),
            "24",
            24,
        ),
        _case(
            "d11a-rich-int-choices-default",
            "rich",
            _py("rich_int_choices_default"),
            "choice",
            ("2", "4", "8", "16"),
            "8",
            8,
        ),
        # One key, no Enter, the keys in parentheses on a row of their own.
        _case(
            "d11a-click-getchar-paren-legend",
            "multi-key",
            _py("click_getchar_paren_legend"),
            "choice",
            ("keep ours", "take theirs", "edit by hand"),
            "take theirs",
            "theirs",
        ),
        _case(
            "d11a-read-coloured-default-colon",
            "prefilled",
            _sh("read_coloured_default_colon"),
            "text",
            None,
            "",
            "release/2.4",
        ),
        _case(
            "d11a-wt-passwordbox-psk", "whiptail", _sh("wt_passwordbox_psk"), "secret", needs=_WT
        ),
        _case(
            "d11a-bullet-hand-glyph",
            "bullet",
            _py("bullet_hand_glyph"),
            "choice",
            ("canary", "half the fleet", "everyone"),
            "everyone",
            "everyone",
        ),
        _case(
            "d11a-rls-key-in-select-cancel-label",
            "readline-sync",
            _node("rls_key_in_select_cancel_label"),
            "choice",
            ("dev", "staging", "production", "sandbox", "Not now"),
            "production",
            "production",
            needs=_NODE,
        ),
        # "Press any key" read one key at a time: answered with a key it takes.
        _case(
            "d11a-click-pause-default-text",
            "press-enter",
            _py("click_pause_default_text"),
            "press_enter",
            None,
            "",
            "resumed",
        ),
        _case(
            "d11a-rls-key-in-pause-own-text",
            "press-enter",
            _node("rls_key_in_pause_own_text"),
            "press_enter",
            None,
            "",
            "labelled",
            needs=_NODE,
        ),
    ]
