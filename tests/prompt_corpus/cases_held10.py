"""The tenth held-out set (``held_out_10``): new programs, written blind and run through the
detector once, at the end of the session that froze it.

Like ``held_out_9`` it samples exactly the population issue 12 names: Python click, typer,
questionary, InquirerPy, prompt_toolkit and rich; Node @inquirer/prompts and inquirer,
enquirer, prompts and @clack/prompts; whiptail and dialog; bash ``read`` and ``select``; sudo-,
ssh- and gpg-style password prompts; the real ``cp -i``, ``mv -i``, ``rm -i``, ``git clean -i``,
``git add -p``, ``git stash -p``, ``pip uninstall`` in a temporary venv, ``npm init``,
``ssh-keygen``, ``openssl`` and ``gpg`` in a temporary directory; Python ``input()`` and
``getpass``. Every API a person answers with keys appears (select with shortcuts, pointers,
descriptions, separators, disabled rows and defaults; checkboxes ticked and unticked; confirm
and toggle; text with a default kept or replaced; path; password; number; list; expand;
rawlist; fuzzy and autocomplete; dialogs and boxes), in wordings and layouts no earlier set
uses. Look-alikes are REPLs and shells with odd prompts, rich live tables, status and progress,
click progress bars, full-screen viewers, pagers, vim as git's editor, ``watch``, ``top``,
whiptail and dialog info boxes and gauges, logs and streamed agent text quoting prompts and
menus, test runners, and programs that printed a question but never read.
``held_check --split held_out_10`` proves each expectation by running every program in a bare
PTY with the keys a person would press.
"""

from __future__ import annotations

from tests.prompt_corpus.case_set import CaseSet
from tests.prompt_corpus.cases import YES_NO, Case

HELD_OUT_10 = "held_out_10"
_WT = ("whiptail",)
_DG = ("dialog",)
_GIT = ("git",)
LOOK = "look-alike"
YN_WORDS = ("yes", "no")

_SET = CaseSet("h10-", "held10", HELD_OUT_10)
_p, _n, _s = _SET.python, _SET.nodejs, _SET.shell


def python_cases() -> list[Case]:
    return [
        _p(
            "click-choice-runtime",
            "click",
            "choice",
            ("docker", "podman", "containerd", "nerdctl", "cri-o"),
            "podman",
            "podman",
        ),
        _p("click-confirm-default-yes-no", "click", "yes_no", YES_NO, "no", False),
        _p("click-int-keep", "prefilled", "text", None, "", 3),
        _p("click-password-reporting", "password-style", "secret"),
        _p("click-confirm-wrapped-abort", "wrapped", "yes_no", YES_NO, "yes", "archived"),
        _p("click-path-text", "click", "text", None, "./certs", "./certs"),
        _p("click-getchar-conflict", "multi-key", "choice", None, "o", "overwrite"),
        # A yellow two-line banner above the question.
        _p(
            "click-choice-under-yellow-banner",
            "banner",
            "choice",
            ("stable", "beta", "nightly", "stay on 4.x"),
            "beta",
            "beta",
        ),
        _p("typer-remote-replace", "prefilled", "text", None, "upstream", "upstream"),
        _p("typer-confirm-force-push", "typer", "yes_no", YES_NO, "yes", True),
        _p("typer-hidden-passphrase", "password-style", "secret"),
        _p(
            "typer-option-choice",
            "typer",
            "choice",
            ("debug", "info", "warning", "error", "critical"),
            "warning",
            "warning",
        ),
        _p(
            "rich-region-choices",
            "rich",
            "choice",
            ("fra1", "ams3", "lon1", "nyc3", "sfo3", "sgp1"),
            "sgp1",
            "sgp1",
        ),
        _p("rich-confirm-digest-no", "rich", "yes_no", YES_NO, "no", False),
        _p("rich-int-retries-replace", "prefilled", "text", None, "2", 2),
        _p("rich-password-grafana", "password-style", "secret"),
        # A red rich rule titled "SCHEMA MIGRATION 0042" above the question.
        _p("rich-rule-then-confirm", "banner", "yes_no", YES_NO, "yes", True),
        _p(
            "rich-plan-case-insensitive",
            "rich",
            "choice",
            ("Free", "Team", "Business", "Enterprise"),
            "Business",
            "Business",
        ),
        # Rows are numbered "1)" to "5)"; the number key moves the pointer.
        _p(
            "q-select-shortcuts",
            "questionary",
            "choice",
            ("orders.v1", "orders.v2", "orders.dead-letter", "audit", "analytics"),
            "orders.dead-letter",
            "orders.dead-letter",
        ),
        # The "→" pointer starts on the default third row.
        _p(
            "q-select-arrow-pointer-default",
            "questionary",
            "choice",
            (
                "python:3.13-slim",
                "python:3.13-alpine",
                "debian:trixie-slim",
                "ubuntu:24.04",
                "gcr.io/distroless/python3",
                "chainguard/python",
                "scratch (static binary)",
            ),
            "chainguard/python",
            "chainguard/python",
        ),
        # All four rows start ticked; the answer unticks the last.
        _p(
            "q-checkbox-untick-one",
            "questionary",
            "multi_choice",
            ("main", "release/26.10", "release/26.11", "experiments"),
            "main, release/26.10, release/26.11",
            ["main", "release/26.10", "release/26.11"],
        ),
        # A separator and a disabled "BigQuery events" row: options are not scored.
        _p(
            "q-checkbox-disabled-separator",
            "questionary",
            "multi_choice",
            None,
            "Shopify orders, Postgres replica",
            ["Shopify orders", "Postgres replica"],
        ),
        _p("q-confirm-yes-instant", "questionary", "yes_no", YES_NO, "yes", True),
        _p("q-text-default-keep", "prefilled", "text", None, "", "2026.12.04-rc1"),
        _p("q-password-smtp", "password-style", "secret"),
        _p(
            "q-rawselect-region",
            "questionary",
            "choice",
            ("Frankfurt", "Dublin", "São Paulo", "Mumbai", "Sydney", "Oregon"),
            "4",
            "Mumbai",
        ),
        _p("q-autocomplete-country", "questionary", "text", None, "Estonia", "Estonia"),
        _p(
            "q-path-replace",
            "prefilled",
            "text",
            None,
            "./deploy/kubeconfig",
            "./deploy/kubeconfig",
        ),
        _p("q-press-any-key-custom", "press-enter", "press_enter", None, "", "signed"),
        _p(
            "q-select-descriptions-instruction",
            "questionary",
            "choice",
            ("Newest wins", "Oldest wins", "Field by field", "Ask per record", "Skip duplicates"),
            "Ask per record",
            "Ask per record",
        ),
        # The ">>" pointer starts on the default second row.
        _p(
            "ipy-select-pointer-default",
            "inquirerpy",
            "choice",
            ("UTC", "Europe/Berlin", "Europe/London", "America/New_York", "Asia/Kolkata"),
            "Asia/Kolkata",
            "Asia/Kolkata",
        ),
        # Four of five rows start ticked; the answer unticks two and ticks the fifth.
        _p(
            "ipy-checkbox-untick-enabled",
            "inquirerpy",
            "multi_choice",
            ("access", "error", "audit", "debug", "slow-query"),
            "error, audit, slow-query",
            ["error", "audit", "slow-query"],
        ),
        _p("ipy-confirm-default-true-no", "inquirerpy", "yes_no", YES_NO, "no", False),
        _p("ipy-text-replace", "prefilled", "text", None, "billing.", "billing."),
        _p("ipy-secret-token", "password-style", "secret"),
        _p("ipy-number-replace", "prefilled", "text", None, "45", 45),
        _p("ipy-expand-hunk", "inquirerpy", "choice", None, "m", "mark"),
        _p(
            "ipy-rawlist-label",
            "inquirerpy",
            "choice",
            ("none", "fixtures", "anonymised snapshot", "synthetic (10k users)"),
            "anonymised snapshot",
            "anonymised snapshot",
        ),
        _p(
            "ipy-fuzzy-branch",
            "inquirerpy",
            "choice",
            (
                "trunk",
                "fix/login-redirect",
                "feat/csv-export",
                "feat/dark-mode",
                "chore/bump-deps",
                "spike/grpc-gateway",
            ),
            "feat/dark-mode",
            "feat/dark-mode",
        ),
        _p("ptk-default-keep-proxy", "prefilled", "text", None, "", "http://proxy.lan:3128"),
        _p(
            "ptk-radiolist-six",
            "prompt_toolkit",
            "choice",
            (
                "SSD gp3 (general purpose)",
                "SSD io2 (provisioned IOPS)",
                "HDD st1 (throughput)",
                "HDD sc1 (cold)",
                "EFS (shared)",
                "Instance store (ephemeral)",
            ),
            "EFS (shared)",
            "efs",
        ),
        # nginx starts ticked; the answer keeps it and ticks two more.
        _p(
            "ptk-checkboxlist-tick-two",
            "prompt_toolkit",
            "multi_choice",
            ("nginx", "redis", "cron", "fail2ban"),
            "nginx, redis, fail2ban",
            ["nginx", "redis", "fail2ban"],
        ),
        _p(
            "ptk-yes-no-custom-text",
            "prompt_toolkit",
            "yes_no",
            ("Rebuild", "Later"),
            "Rebuild",
            True,
        ),
        _p("ptk-message-dialog-ok", "press-enter", "press_enter", None, "", "closed"),
        _p(
            "ptk-choice-frame",
            "prompt_toolkit",
            "choice",
            (
                "Unit tests only",
                "Unit + contract tests",
                "Everything, including browser tests",
                "Nothing (I run them locally)",
            ),
            "Everything, including browser tests",
            "full",
        ),
        _p("ptk-confirm-no", "prompt_toolkit", "yes_no", YES_NO, "no", False),
        _p("ptk-password-prompt", "password-style", "secret"),
        _p(
            "ptk-input-dialog-text",
            "prompt_toolkit",
            "text",
            None,
            "https://hooks.acme.dev/in",
            "https://hooks.acme.dev/in",
        ),
        _p(
            "std-numbered-seven-number",
            "numbered-line",
            "choice",
            ("nano", "micro", "small", "medium", "large", "xlarge", "2xlarge"),
            "6",
            "xlarge",
        ),
        _p(
            "std-numbered-label",
            "numbered-line",
            "choice",
            ("personal", "work-acme", "work-globex", "open-source", "throwaway"),
            "open-source",
            "open-source",
        ),
        _p("std-type-repo-name", "confirm-by-typing", "text", None, "acme/ledger", "archived"),
        _p("std-type-yes-caps", "confirm-by-typing", "text", None, "YES", "rotated"),
        _p("std-wrapped-question", "wrapped", "yes_no", YES_NO, "yes", "y"),
        # The question, then a green status banner, then the "› " input line.
        _p("std-question-above-green-banner", "banner", "text", None, "ops-admin", "ops-admin"),
        # A three-row blue banner above the question.
        _p("std-banner-above-question", "banner", "yes_no", YN_WORDS, "no", "no"),
        _p("std-bracket-port-keep", "prefilled", "text", None, "", 9464),
        _p("std-bracket-replace-host", "prefilled", "text", None, "mail.acme.dev", "mail.acme.dev"),
        _p("std-letter-keys-retry", "multi-key", "choice", None, "s", "skip"),
        _p("std-getpass-sudo-deploy", "password-style", "secret"),
        _p("std-getpass-ssh-host", "password-style", "secret"),
        _p("std-press-enter-cable", "press-enter", "press_enter", None, "", "flashing"),
        _p(
            "std-choose-from-brackets",
            "numbered-line",
            "choice",
            ("keep the local copy", "take the server copy", "keep both (rename local)"),
            "2",
            "server",
        ),
        _p(
            "std-selection-default-keep",
            "numbered-line",
            "choice",
            ("temurin-21 (current)", "temurin-17", "graalvm-23", "zulu-11"),
            "1",
            "temurin-21",
        ),
        _p("std-continue-question", "stdlib", "yes_no", YES_NO, "no", "n"),
    ]


def python_lookalikes() -> list[Case]:
    names = [
        "look-python-repl-ps1",
        "look-rich-progress-upload",
        "look-rich-live-queue",
        "look-click-progressbar-items",
        "look-agent-quotes-menu",
        "look-printed-password-prompt-working",
        "look-unittest-output",
        "look-numbered-changelog",
        "look-sleep-double-chevron",
        "look-logging-prompts",
        "look-ptk-shell-prompt",
        "look-rich-status-spinner",
        "look-stream-checkbox-quote",
        "look-ptk-fullscreen-log",
        "look-pdb-breakpoint",
    ]
    return [_p(n, LOOK, None) for n in names]


def held_out_10_cases() -> list[Case]:
    return python_cases() + python_lookalikes()
