"""A second development set: families the held-out runs found weak, all in the dev split.

Written for tuning (``fixed_half="dev"``), so adding them never changes the
held-out halves. Each family has cases from several programs and libraries,
worded differently: menus whose items carry hints or descriptions, custom button
and confirm labels, prompts that need the literal word "yes", whiptail/dialog
boxes whose focus starts on No, multi-letter key prompts, parenthesised paths in
a question, and look-alikes (shells whose prompt ends in "?", REPLs, progress
bars and log lines quoting "(y/n)").
"""

from __future__ import annotations

import sys
from typing import Any

from tests.prompt_corpus.cases import NODE_DIR, PROGRAMS, YES_NO, Case

_DEV = "dev"


def _py(scenario: str) -> tuple[str, ...]:
    return (sys.executable, str(PROGRAMS / "dev2.py"), scenario)


def _sh(scenario: str) -> tuple[str, ...]:
    return ("bash", str(PROGRAMS / "dev2.sh"), scenario)


def _node(scenario: str) -> tuple[str, ...]:
    return ("node", str(NODE_DIR / "dev2.mjs"), scenario)


def _case(
    id: str,
    family: str,
    argv: tuple[str, ...],
    kind: str | None,
    options: tuple[str, ...] | None = None,
    answer: str | None = None,
    expect: Any = None,
    needs: tuple[str, ...] = (),
) -> Case:
    return Case(id, family, argv, kind, options, answer, expect, needs, fixed_half=_DEV)


def _bash_ps1(ps1: str) -> tuple[str, ...]:
    return ("bash", "--norc", "--noprofile", "-c", f"PS1={ps1!r} exec bash --norc --noprofile -i")


def dev2_cases() -> list[Case]:
    node = ("node",)
    wt, dl = ("whiptail",), ("dialog",)
    return [
        # -- menus whose items carry hints or descriptions
        _case(
            "d2-questionary-described",
            "described-menu",
            _py("questionary_described"),
            "choice",
            ("small", "medium", "large"),
            "large",
            "large",
        ),
        _case(
            "d2-inquirerpy-columns",
            "described-menu",
            _py("inquirerpy_described"),
            "choice",
            ("fast", "full", "smoke"),
            "smoke",
            "smoke",
        ),
        _case(
            "d2-inquirer-select-desc",
            "described-menu",
            _node("inquirer_select_desc"),
            "choice",
            ("npm", "pnpm", "yarn"),
            "yarn",
            "yarn",
            node,
        ),
        _case(
            "d2-clack-select-hint",
            "described-menu",
            _node("clack_select_hint"),
            "choice",
            ("TypeScript", "JavaScript", "CoffeeScript"),
            "JavaScript",
            "js",
            node,
        ),
        _case(
            "d2-enquirer-select-hint",
            "described-menu",
            _node("enquirer_select_hint"),
            "choice",
            ("stable", "beta", "nightly"),
            "nightly",
            "nightly",
            node,
        ),
        _case(
            "d2-prompts-select-desc",
            "described-menu",
            _node("prompts_select_desc"),
            "choice",
            ("Solarized", "Dracula", "GitHub Light"),
            "GitHub Light",
            "github",
            node,
        ),
        _case(
            "d2-whiptail-menu-desc",
            "described-menu",
            _sh("whiptail_menu_desc"),
            "choice",
            ("postgres", "mysql", "sqlite"),
            "sqlite",
            "rc0:sqlite",
            wt,
        ),
        _case(
            "d2-dialog-menu-desc",
            "described-menu",
            _sh("dialog_menu_desc"),
            "choice",
            ("eu-west", "us-east", "ap-south"),
            "us-east",
            "rc0:us-east",
            dl,
        ),
        _case(
            "d2-dialog-radio-desc",
            "described-menu",
            _sh("dialog_radio_desc"),
            "choice",
            ("bash", "zsh", "fish"),
            "fish",
            "rc0:fish",
            dl,
        ),
        _case(
            "d2-whiptail-check-desc",
            "described-menu",
            _sh("whiptail_check_desc"),
            "multi_choice",
            ("docs", "headers", "examples"),
            "docs, examples",
            "rc0:docs,examples",
            wt,
        ),
        # -- custom button and confirm labels
        _case(
            "d2-whiptail-buttons",
            "custom-labels",
            _sh("whiptail_buttons"),
            "yes_no",
            ("Continue", "Back"),
            "Back",
            "rc1",
            wt,
        ),
        _case(
            "d2-dialog-labels",
            "custom-labels",
            _sh("dialog_labels"),
            "yes_no",
            ("Proceed", "Abort"),
            "yes",
            "rc0",
            dl,
        ),
        _case(
            "d2-ptk-buttons",
            "custom-labels",
            _py("ptk_buttons"),
            "choice",
            ("Publish", "Later", "Abort"),
            "Later",
            "later",
        ),
        _case(
            "d2-rich-continue-abort",
            "custom-labels",
            _py("rich_continue_abort"),
            "yes_no",
            ("continue", "abort"),
            "yes",
            "continue",
        ),
        _case(
            "d2-click-continue-back-abort",
            "custom-labels",
            _py("click_continue_abort"),
            "choice",
            ("continue", "back", "abort"),
            "back",
            "back",
        ),
        _case(
            "d2-clack-confirm-labels",
            "custom-labels",
            _node("clack_confirm_labels"),
            "yes_no",
            ("Deploy", "Cancel"),
            "yes",
            True,
            node,
        ),
        _case(
            "d2-prompts-toggle-labels",
            "custom-labels",
            _node("prompts_toggle_labels"),
            "yes_no",
            ("continue", "abort"),
            "continue",
            True,
            node,
        ),
        # -- the literal word "yes" must be typed
        _case(
            "d2-input-type-yes",
            "literal-yes",
            _py("literal_yes_input"),
            "yes_no",
            ("yes", "no"),
            "y",
            "yes",
        ),
        _case(
            "d2-typer-type-YES",
            "literal-yes",
            _py("literal_yes_typer"),
            "yes_no",
            ("YES", "no"),
            "yes",
            "YES",
        ),
        _case(
            "d2-read-type-yes",
            "literal-yes",
            _sh("read_literal_yes"),
            "yes_no",
            ("yes", "no"),
            "approve",
            "yes",
        ),
        _case(
            "d2-read-yes-or-no",
            "literal-yes",
            _sh("read_literal_yes_no"),
            "yes_no",
            ("yes", "no"),
            "no",
            "no",
        ),
        _case(
            "d2-inquirer-type-yes",
            "literal-yes",
            _node("inquirer_literal_yes"),
            "yes_no",
            ("yes", "no"),
            "yes",
            "yes",
            node,
        ),
        # -- focus starts on No
        _case(
            "d2-whiptail-defaultno-yes",
            "default-no",
            _sh("whiptail_defaultno"),
            "yes_no",
            YES_NO,
            "yes",
            "rc0",
            wt,
        ),
        _case(
            "d2-dialog-defaultno-yes",
            "default-no",
            _sh("dialog_defaultno"),
            "yes_no",
            YES_NO,
            "yes",
            "rc0",
            dl,
        ),
        _case(
            "d2-whiptail-defaultno-labels",
            "default-no",
            _sh("whiptail_defaultno_labels"),
            "yes_no",
            ("Share", "Keep private"),
            "no",
            "rc1",
            wt,
        ),
        # -- multi-letter key prompts
        _case(
            "d2-read-ynaq",
            "letter-keys",
            _sh("read_yanq"),
            "choice",
            ("y", "n", "a", "q"),
            "a",
            "a",
        ),
        _case(
            "d2-input-Yned",
            "letter-keys",
            _py("keys_apply_change"),
            "choice",
            ("Y", "n", "e", "d", "?"),
            "e",
            "e",
        ),
        _case(
            "d2-input-bracket-words",
            "letter-keys",
            _py("keys_overwrite_all"),
            "choice",
            ("yes", "no", "all", "quit"),
            "all",
            "a",
        ),
        _case(
            "d2-read-dpkg-conffile",
            "letter-keys",
            _sh("read_conffile"),
            "choice",
            None,
            "keep",
            "N",
        ),
        _case(
            "d2-inquirer-expand",
            "letter-keys",
            _node("inquirer_expand"),
            "choice",
            None,
            "x",
            "abort",
            node,
        ),
        # -- parenthesised text that is not a list of options
        _case("d2-read-path-yn", "paren-path", _sh("read_path_yn"), "yes_no", YES_NO, "y", "y"),
        _case(
            "d2-click-path-confirm",
            "paren-path",
            _py("path_overwrite_yn"),
            "yes_no",
            YES_NO,
            "yes",
            True,
        ),
        _case("d2-read-path-question", "paren-path", _sh("read_path_q"), "text", None, "y", "y"),
        _case(
            "d2-keygen-default-path",
            "paren-path",
            _py("path_keygen"),
            "text",
            None,
            "",
            "/home/alice/.ssh/id_ed25519",
        ),
        _case(
            "d2-output-dir-default",
            "paren-path",
            _py("path_output_dir"),
            "text",
            None,
            "./out",
            "./out",
        ),
        _case(
            "d2-date-format",
            "paren-path",
            _py("date_format"),
            "text",
            None,
            "2026/12/24",
            "2026/12/24",
        ),
        _case(
            "d2-inquirer-default-path",
            "paren-path",
            _node("inquirer_default_path"),
            "text",
            None,
            "",
            "./dist/site",
            node,
        ),
        # -- look-alikes: never a prompt
        _case("d2-look-bash-ps1-question", "look-alike", _bash_ps1("ready? "), None),
        _case("d2-look-bash-ps1-git", "look-alike", _bash_ps1("~/proj (main ?) "), None),
        _case("d2-look-bash-ps1-angle", "look-alike", _bash_ps1("[deploy] ~/proj > "), None),
        _case(
            "d2-look-dash-ps1-question",
            "look-alike",
            ("sh", "-c", "PS1='what now? ' exec sh -i"),
            None,
        ),
        _case(
            "d2-look-python-ps1",
            "look-alike",
            (sys.executable, "-q", "-i", "-c", "import sys; sys.ps1 = 'calc? '"),
            None,
        ),
        _case("d2-look-ptk-repl", "look-alike", _py("look_ptk_repl"), None),
        _case("d2-look-cmd-repl", "look-alike", _py("look_cmd_repl"), None),
        _case("d2-look-log-progress", "look-alike", _py("look_log_progress"), None),
        _case("d2-look-slow-bar-reading", "look-alike", _py("look_tqdm_like"), None),
    ]
