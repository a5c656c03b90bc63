"""An eighth development set: the families the fourth held-out run still left weak, in new
wordings.

Written for tuning (``fixed_half="dev"``), so adding them never changes the held-out
halves. Fields that draw nothing for typed keys (a raw-mode reader, enquirer's
Invisible) beside fields that echo them, which the answer path tells apart by typing
one character; vim's swap-file question asked while vim is in front; consoles whose bare
one-word prompt sits under their banner.
"""

from __future__ import annotations

from tests.prompt_corpus.case_set import CaseSet
from tests.prompt_corpus.cases import Case

_SET = CaseSet("", "dev8", "dev")
_py, _node, _sh, _case = _SET.py, _SET.node, _SET.sh, _SET.case
_NODE = ("node",)


def dev8_cases() -> list[Case]:
    return [
        _case("d8-raw-hidden-field", "raw-reader", _py("raw_hidden_field"), "secret"),
        _case(
            "d8-raw-echo-field",
            "raw-reader",
            _py("raw_echo_field"),
            "text",
            None,
            "lobby-east",
            "lobby-east",
        ),
        _case(
            "d8-enq-invisible-unlock",
            "enquirer",
            _node("enq_invisible_unlock"),
            "secret",
            needs=_NODE,
        ),
        _case(
            "d8-enq-input-echoes",
            "enquirer",
            _node("enq_input_echoes"),
            "text",
            None,
            "feat/",
            "feat/",
            needs=_NODE,
        ),
        # A console's bare one-word prompt under its banner asks nothing; a short
        # question without a banner still does.
        _case("d8-look-console-ledger", "look-alike", _py("look_console_ledger"), None),
        _case("d8-look-cmd-inventory", "look-alike", _py("look_cmd_inventory"), None),
        _case(
            "d8-readline-short-question",
            "short-question",
            _py("readline_short_question"),
            "text",
            None,
            "Ada",
            "Ada",
        ),
        # Autocomplete lists (a search field above, or no marker at all but the lit row)
        # and bullet's lists (a dot against the label; ticks against checked labels).
        _case(
            "d8-clack-autocomplete-pm",
            "autocomplete",
            _node("clack_autocomplete_pm"),
            "choice",
            ("npm", "pnpm", "yarn", "bun"),
            "yarn",
            "yarn",
            needs=_NODE,
        ),
        _case(
            "d8-enq-autocomplete-region",
            "autocomplete",
            _node("enq_autocomplete_region"),
            "choice",
            ("us-east-1", "us-west-2", "eu-central-1", "ap-south-1"),
            "eu-central-1",
            "eu-central-1",
            needs=_NODE,
        ),
        _case(
            "d8-bullet-pick-theme",
            "bullet",
            _py("bullet_pick_theme"),
            "choice",
            ("solarized", "monokai", "nord", "plain"),
            "nord",
            "nord",
        ),
        _case(
            "d8-bullet-check-hooks",
            "bullet",
            _py("bullet_check_hooks"),
            "multi_choice",
            ("pre-commit", "commit-msg", "pre-push"),
            "pre-commit, pre-push",
            ["pre-commit", "pre-push"],
        ),
        # Menus whose tags are hidden: only the descriptions, one row lit.
        _case(
            "d8-wt-notags-timezone",
            "whiptail",
            _sh("wt_notags_timezone"),
            "choice",
            ("Coordinated Universal Time", "Central European Time", "Japan Standard Time"),
            "Japan Standard Time",
            "rc0:jst",
            needs=("whiptail",),
        ),
        _case(
            "d8-dialog-notags-shell",
            "dialog",
            _sh("dialog_notags_shell"),
            "choice",
            ("Bourne Again SHell", "Z shell", "Friendly interactive shell"),
            "Z shell",
            "rc0:z",
            needs=("dialog",),
        ),
        # prompt_toolkit's input dialog: Enter in the field moves to Ok, a second presses it.
        _case(
            "d8-ptk-input-dialog-mirror",
            "prompt_toolkit",
            _py("ptk_input_dialog_mirror"),
            "text",
            None,
            "https://git.example/app.git",
            "https://git.example/app.git",
        ),
        # A title with no question mark above the menu, a status bar below it.
        _case(
            "d8-stm-title-and-status",
            "simple-term-menu",
            _py("stm_title_and_status"),
            "choice",
            ("staging", "canary", "production"),
            "canary",
            "canary",
        ),
        # Group titles between a checklist's items: the items are the options.
        _case(
            "d8-clack-group-services",
            "clack",
            _node("clack_group_services"),
            "multi_choice",
            ("nginx", "varnish", "postgres", "redis", "kafka"),
            "varnish, kafka",
            ["varnish", "kafka"],
            needs=_NODE,
        ),
        # A request on the row above a bare "> ": the question of that input line.
        _case(
            "d8-ptk-request-over-glyph",
            "prompt_toolkit",
            _py("ptk_request_over_glyph"),
            "text",
            None,
            "db failover",
            "db failover",
        ),
        _case(
            "d8-read-request-over-glyph",
            "bash-read",
            _sh("read_request_over_glyph"),
            "text",
            None,
            "smoke tests failed",
            "smoke tests failed",
        ),
        _case("d8-look-console-glyph", "look-alike", _py("look_console_glyph"), None),
        # A paged checklist scrolls while the answer toggles: checked by label.
        _case(
            "d8-iq-checkbox-paged-ports",
            "paged",
            _node("iq_checkbox_paged_ports"),
            "multi_choice",
            ("port 22", "port 80", "port 443", "port 5432"),
            "port 80, port 5432",
            ["80", "5432"],
            needs=_NODE,
        ),
        # beaupy: a Yes row and a No row; a "> " field over "(enter to confirm)".
        _case(
            "d8-beaupy-confirm-branches",
            "beaupy",
            _py("beaupy_confirm_branches"),
            "yes_no",
            ("Yes", "No"),
            "yes",
            True,
        ),
        _case(
            "d8-beaupy-prompt-artifacts",
            "beaupy",
            _py("beaupy_prompt_artifacts"),
            "text",
            None,
            "",
            "dist/",
        ),
        _case("d8-beaupy-prompt-hidden", "beaupy", _py("beaupy_prompt_hidden"), "secret"),
        # A word typed after a question with only its default ("(yes) no") is no answer yet.
        _case(
            "d8-npm-init-decline",
            "git-npm-pip",
            _sh("npm_init_decline"),
            "yes_no",
            None,
            "no",
            "declined",
            needs=("npm",),
        ),
        # vim in front: only the question in its message area on the last row counts.
        _case(
            "d8-vim-swap-read-only",
            "editor-question",
            _sh("vim_swap_read_only"),
            "choice",
            None,
            "open read-only",
            "opened",
            needs=("vim", "script"),
        ),
        _case(
            "d8-look-vim-buffer-keys",
            "look-alike",
            _sh("vim_buffer_keys_question"),
            None,
            needs=("vim",),
        ),
    ]
