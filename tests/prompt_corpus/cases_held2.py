"""The second held-out set (``held_out_2``): cases written after the detector was last tuned.

The first held-out half was used to fix the detector once, so its later figures
no longer measure generalisation. These cases are new programs, never shown to
anyone tuning detection (``programs/held2.py``, ``programs/held2.sh``,
``node/held2.mjs``): other wordings, option counts, long and unicode labels,
defaults, answered prompts above the live one, coloured noise, 60-column
terminals, and look-alikes built from real tools. Each expectation states what
the program really does (what it asks and what a person would answer), never
what the detector reports.
"""

from __future__ import annotations

import sys

from tests.prompt_corpus.cases import NODE_DIR, PROGRAMS, YES_NO, Case

HELD_OUT_2 = "held_out_2"
_NODE = ("node",)


def _py(scenario: str) -> tuple[str, ...]:
    return (sys.executable, str(PROGRAMS / "held2.py"), scenario)


def _node(scenario: str) -> tuple[str, ...]:
    return ("node", str(NODE_DIR / "held2.mjs"), scenario)


def _sh(scenario: str) -> tuple[str, ...]:
    return ("bash", str(PROGRAMS / "held2.sh"), scenario)


def _case(
    cid: str,
    family: str,
    argv: tuple[str, ...],
    kind: str | None,
    options: tuple[str, ...] | None = None,
    answer: str | None = None,
    expect: object = None,
    needs: tuple[str, ...] = (),
) -> Case:
    return Case(f"h2-{cid}", family, argv, kind, options, answer, expect, needs, HELD_OUT_2)


LONG = (
    "Keep the current configuration and only restart the affected services",
    "Replace the configuration with the package maintainer's version now",
    "Show the differences between the two versions before deciding",
    "Start a shell to examine the situation and decide afterwards",
)
LANGS = ("日本語", "Español", "Français", "Deutsch", "Português (Brasil)")
REGIONS = ("us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-south-1", "sa-east-1")


def python_cases() -> list[Case]:
    return [
        _case(
            "click-confirm-long", "click", _py("click_confirm_long"), "yes_no", YES_NO, "no", False
        ),
        _case(
            "click-choice-two",
            "click",
            _py("click_choice_two"),
            "choice",
            ("json", "yaml"),
            "json",
            "json",
        ),
        _case("click-int-default", "click", _py("click_int_default"), "text", None, "", 4),
        _case(
            "click-confirm-noise",
            "click",
            _py("click_confirm_noise"),
            "yes_no",
            YES_NO,
            "yes",
            True,
        ),
        _case("click-password-twice", "click", _py("click_password_twice"), "secret"),
        _case(
            "click-narrow-confirm",
            "click",
            _py("click_narrow_confirm"),
            "yes_no",
            YES_NO,
            "yes",
            True,
        ),
        _case(
            "typer-unicode-confirm",
            "typer",
            _py("typer_unicode_confirm"),
            "yes_no",
            YES_NO,
            "yes",
            True,
        ),
        _case("typer-region", "typer", _py("typer_region"), "text", None, "us-east-2", "us-east-2"),
        _case(
            "rich-confirm-table", "rich", _py("rich_confirm_table"), "yes_no", YES_NO, "no", False
        ),
        _case(
            "rich-two-choices",
            "rich",
            _py("rich_two_choices"),
            "choice",
            ("fast", "thorough"),
            "thorough",
            "thorough",
        ),
        _case("rich-password-narrow", "rich", _py("rich_password_narrow"), "secret"),
        _case(
            "questionary-long-labels",
            "questionary",
            _py("questionary_long_labels"),
            "choice",
            LONG,
            LONG[2],
            LONG[2],
        ),
        _case(
            "questionary-unicode",
            "questionary",
            _py("questionary_unicode"),
            "choice",
            LANGS,
            "Français",
            "Français",
        ),
        _case(
            "questionary-checkbox-six",
            "questionary",
            _py("questionary_checkbox_six"),
            "multi_choice",
            REGIONS,
            "eu-west-1, ap-south-1",
            ["eu-west-1", "ap-south-1"],
        ),
        _case(
            "questionary-after-answered",
            "questionary",
            _py("questionary_after_answered"),
            "choice",
            ("npm", "pnpm", "yarn", "bun"),
            "yarn",
            "yarn",
        ),
        _case(
            "questionary-confirm-noise",
            "questionary",
            _py("questionary_confirm_noise"),
            "yes_no",
            YES_NO,
            "yes",
            True,
        ),
        _case(
            "inquirerpy-default-third",
            "inquirerpy",
            _py("inquirerpy_default_third"),
            "choice",
            ("debug", "info", "warning", "error", "critical"),
            "debug",
            "debug",
        ),
        _case(
            "inquirerpy-fuzzy",
            "inquirerpy",
            _py("inquirerpy_fuzzy"),
            "choice",
            ("main", "release/2.4", "feature/login-page", "fix/timeout"),
            "fix/timeout",
            "fix/timeout",
        ),
        _case(
            "inquirerpy-confirm-no-mark",
            "inquirerpy",
            _py("inquirerpy_confirm_no_mark"),
            "yes_no",
            YES_NO,
            "yes",
            True,
        ),
        _case(
            "inquirerpy-checkbox-narrow",
            "inquirerpy",
            _py("inquirerpy_checkbox_narrow"),
            "multi_choice",
            ("unit tests", "integration tests", "type check", "lint", "licence scan"),
            "type check, lint",
            ["type check", "lint"],
        ),
        _case(
            "ptk-multiline-message",
            "prompt_toolkit",
            _py("ptk_multiline_message"),
            "text",
            None,
            "Faster startup",
            "Faster startup",
        ),
        _case(
            "ptk-button-dialog",
            "prompt_toolkit",
            _py("ptk_button_dialog"),
            "choice",
            ("Retry", "Skip", "Abort"),
            "Skip",
            "skip",
        ),
        _case(
            "ptk-message-dialog",
            "prompt_toolkit",
            _py("ptk_message_dialog"),
            "press_enter",
            ("Ok",),
            "",
            "ok",
        ),
        _case(
            "ptk-input-dialog",
            "prompt_toolkit",
            _py("ptk_input_dialog"),
            "text",
            None,
            "v2.0.1",
            "v2.0.1",
        ),
        _case("stdlib-keystore", "password-style", _py("stdlib_keystore"), "secret"),
        _case(
            "stdlib-yes-no-words",
            "stdlib",
            _py("stdlib_yes_no_words"),
            "yes_no",
            ("yes", "no"),
            "yes",
            "yes",
        ),
        _case(
            "stdlib-keep-remote",
            "stdlib",
            _py("stdlib_keep_remote"),
            "choice",
            ("Keep local version", "Use remote version"),
            "Use remote version",
            "Use remote version",
        ),
    ]


def node_cases() -> list[Case]:
    tools = ("eslint", "prettier", "vitest", "playwright", "husky", "commitlint")
    mods = ("auth", "billing", "search", "uploads", "emails", "webhooks")
    return [
        # pageSize 4: only four of the eight workspaces are on screen; their labels are not scored.
        _case(
            "inquirer-paged",
            "inquirer",
            _node("inquirer_paged"),
            "choice",
            None,
            "charlie",
            "charlie",
            _NODE,
        ),
        _case(
            "inquirer-confirm-noise",
            "inquirer",
            _node("inquirer_confirm_noise"),
            "yes_no",
            YES_NO,
            "yes",
            True,
            _NODE,
        ),
        _case(
            "inquirer-input-unicode",
            "inquirer",
            _node("inquirer_input_unicode"),
            "text",
            None,
            "",
            "météo-app",
            _NODE,
        ),
        # expand shows "(ynaH)" collapsed; the letters are the options until H expands them.
        _case(
            "inquirer-expand",
            "inquirer",
            _node("inquirer_expand"),
            "choice",
            None,
            "n",
            "skip",
            _NODE,
        ),
        _case(
            "inquirer-checkbox-narrow",
            "inquirer",
            _node("inquirer_checkbox_narrow"),
            "multi_choice",
            tools,
            "vitest, husky",
            ["vitest", "husky"],
            _NODE,
        ),
        _case(
            "enquirer-two",
            "enquirer",
            _node("enquirer_two"),
            "choice",
            ("npm", "pnpm"),
            "pnpm",
            "pnpm",
            _NODE,
        ),
        _case(
            "enquirer-multiselect-six",
            "enquirer",
            _node("enquirer_multiselect_six"),
            "multi_choice",
            mods,
            "search, emails",
            ["search", "emails"],
            _NODE,
        ),
        _case(
            "enquirer-input-narrow",
            "enquirer",
            _node("enquirer_input_narrow"),
            "text",
            None,
            "",
            "nightly",
            _NODE,
        ),
        _case(
            "prompts-select-hint",
            "prompts",
            _node("prompts_select_hint"),
            "choice",
            ("Vanilla", "React", "Vue", "Svelte", "Solid", "Qwik"),
            "Svelte",
            "Svelte",
            _NODE,
        ),
        _case(
            "prompts-confirm-spanish",
            "prompts",
            _node("prompts_confirm_spanish"),
            "yes_no",
            YES_NO,
            "yes",
            True,
            _NODE,
        ),
        _case("prompts-number", "prompts", _node("prompts_number"), "text", None, "5", 5, _NODE),
        _case(
            "clack-select-hints",
            "clack",
            _node("clack_select_hints"),
            "choice",
            ("Node.js", "Deno", "Bun", "workerd", "None of these"),
            "Bun",
            "bun",
            _NODE,
        ),
        _case(
            "clack-confirm-labels",
            "clack",
            _node("clack_confirm_labels"),
            "yes_no",
            ("Overwrite", "Keep"),
            "Overwrite",
            True,
            _NODE,
        ),
        _case(
            "clack-text-placeholder",
            "clack",
            _node("clack_text_placeholder"),
            "text",
            None,
            "api-server",
            "api-server",
            _NODE,
        ),
    ]


def classic_cases() -> list[Case]:
    wt, dg = ("whiptail",), ("dialog",)
    return [
        _case("read-multi-key", "bash-read", _sh("read_multi_key"), "choice", None, "a", "a"),
        _case(
            "read-default-path", "bash-read", _sh("read_default_path"), "text", None, "", "/opt/app"
        ),
        _case(
            "select-columns",
            "bash-select",
            _sh("select_columns"),
            "choice",
            ("ams", "fra", "lon", "par", "waw", "sto", "mad", "mil", "vie"),
            "sto",
            "sto",
        ),
        _case(
            "read-after-noise",
            "bash-read",
            _sh("read_after_noise"),
            "yes_no",
            ("yes", "no"),
            "yes",
            "yes",
        ),
        _case("read-spanish", "bash-read", _sh("read_spanish"), "yes_no", None, "n", "n"),
        _case("read-ssh-keygen", "password-style", _sh("read_ssh_keygen"), "secret"),
        _case("read-timeout", "bash-read", _sh("read_timeout"), "yes_no", YES_NO, "y", "y"),
        _case(
            "read-narrow-wrapped",
            "bash-read",
            _sh("read_narrow_wrapped"),
            "yes_no",
            YES_NO,
            "y",
            "y",
        ),
        _case("read-sequence", "bash-read", _sh("read_sequence"), "text", None, "1.0.0", "1.0.0"),
        _case(
            "read-alternatives",
            "numbered-line",
            _sh("read_numbered_paren"),
            "choice",
            None,
            "1",
            1,  # the runner reads ANSWER= as JSON, so the program's "1" is the number 1
        ),
        _case(
            "whiptail-buttons",
            "whiptail",
            _sh("whiptail_buttons"),
            "yes_no",
            ("Install", "Skip"),
            "Skip",
            "rc1",
            wt,
        ),
        _case(
            "whiptail-menu-desc",
            "whiptail",
            _sh("whiptail_menu_desc"),
            "choice",
            None,
            "btrfs",
            "rc0:btrfs",
            wt,
        ),
        _case(
            "whiptail-input-narrow",
            "whiptail",
            _sh("whiptail_input_narrow"),
            "text",
            None,
            "",
            "rc0:raspberrypi",
            wt,
        ),
        _case(
            "whiptail-yesno-noise",
            "whiptail",
            _sh("whiptail_yesno_noise"),
            "yes_no",
            YES_NO,
            "yes",
            "rc0",
            wt,
        ),
        _case(
            "dialog-defaultno-long",
            "dialog",
            _sh("dialog_defaultno_long"),
            "yes_no",
            YES_NO,
            "no",
            "rc1",
            dg,
        ),
        _case(
            "dialog-checklist-six",
            "dialog",
            _sh("dialog_checklist_six"),
            "multi_choice",
            ("en_US", "de_DE", "fr_FR", "ja_JP", "pt_BR", "es_ES"),
            "de_DE, ja_JP",
            "rc0:de_DE,ja_JP",
            dg,
        ),
        _case(
            "dialog-input-unicode",
            "dialog",
            _sh("dialog_input_unicode"),
            "text",
            None,
            "",
            "rc0:Zoë",
            dg,
        ),
        _case("dialog-password", "dialog", _sh("dialog_password"), "secret", None, None, None, dg),
        _case(
            "dialog-menu-two",
            "dialog",
            _sh("dialog_menu_two"),
            "choice",
            None,
            "later",
            "rc0:later",
            dg,
        ),
    ]


def lookalike_cases() -> list[Case]:
    look = "look-alike"
    py = [
        "look_test_fixtures",
        "look_agent_markdown",
        "look_top_like",
        "look_rich_live",
        "look_progress_yn",
        "look_device_code",
    ]
    sh = {
        "look_python_i": (),
        "look_python_menu": (),
        "look_node_repl": _NODE,
        "look_less": (),
        "look_man_like": (),
        "look_tail_f": (),
        "look_top": ("top",),
        "look_watch": ("watch",),
        "look_dialog_infobox": ("dialog",),
        "look_whiptail_gauge": ("whiptail",),
        "look_cat_box": (),
        "look_bash_question_ps1": (),
    }
    cases = [_case(n.replace("_", "-"), look, _py(n), None) for n in py]
    cases += [_case(n.replace("_", "-"), look, _sh(n), None, needs=need) for n, need in sh.items()]
    return cases


def held_out_2_cases() -> list[Case]:
    return python_cases() + node_cases() + classic_cases() + lookalike_cases()
