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


def shell_cases() -> list[Case]:
    return [
        _s("read-yn-default-yes-no", "bash-read", "yes_no", YES_NO, "no", "n"),
        _s("read-wrapped-yn", "wrapped", "yes_no", YES_NO, "yes", "y"),
        _s(
            "read-prefill-replace-branch",
            "prefilled",
            "text",
            None,
            "release/26.12",
            "release/26.12",
        ),
        _s("read-prefill-keep-dir", "prefilled", "text", None, "", "kept"),
        _s(
            "read-numbered-number",
            "numbered-line",
            "choice",
            (
                "Ubuntu 24.04 LTS",
                "Ubuntu 22.04 LTS",
                "Debian 13",
                "Debian 12",
                "Rocky Linux 9",
                "Alpine 3.21",
            ),
            "5",
            "rocky9",
        ),
        _s(
            "read-numbered-label",
            "numbered-line",
            "choice",
            ("MIT", "Apache-2.0", "MPL-2.0", "GPL-3.0-only"),
            "Apache-2.0",
            "Apache-2.0",
        ),
        _s(
            "select-number",
            "bash-select",
            "choice",
            (
                "worker-a1",
                "worker-a2",
                "worker-b1",
                "worker-b2",
                "worker-gpu-1",
                "worker-gpu-2",
                "worker-spot-9",
            ),
            "5",
            "worker-gpu-1",
        ),
        _s(
            "select-label",
            "bash-select",
            "choice",
            ("staging-us", "staging-eu", "canary", "production (all regions)"),
            "canary",
            "canary",
        ),
        _s("read-type-db-name", "confirm-by-typing", "text", None, "orders_prod", "dropped"),
        _s("read-type-phrase", "confirm-by-typing", "text", None, "I understand", "reset"),
        _s("read-sudo-ci", "password-style", "secret"),
        _s("read-ssh-key-passphrase", "password-style", "secret"),
        # A box drawn with echo in gpg's wording, then a silent read.
        _s("read-gpg-unlock-box", "password-style", "secret"),
        _s("read-letter-keys", "multi-key", "choice", None, "e", "edit"),
        _s("read-press-enter", "press-enter", "press_enter", None, "", "started"),
        # A yellow two-row banner above the question.
        _s("read-banner-above", "banner", "yes_no", YES_NO, "yes", "y"),
        _s("read-default-parens-keep", "prefilled", "text", None, "", 4),
        _s("read-yes-no-words", "bash-read", "yes_no", YN_WORDS, "yes", "yes"),
        _s("read-timeout-question", "bash-read", "yes_no", YES_NO, "yes", "y"),
        _s("cp-i-overwrite", "coreutils", "yes_no", None, "yes", "v2"),
        _s("mv-i-keep", "coreutils", "yes_no", None, "no", "mine"),
        _s("rm-i-remove", "coreutils", "yes_no", None, "yes", "removed"),
        _s("rm-big-i-keep", "coreutils", "yes_no", None, "no", "kept"),
        _s(
            "git-clean-i-clean",
            "git",
            "choice",
            ("clean", "filter by pattern", "select by numbers", "ask each", "quit", "help"),
            "clean",
            "cleaned",
            needs=_GIT,
        ),
        _s("git-stash-p-yes", "git", "choice", None, "y", "stashed", needs=_GIT),
        _s("git-add-p-quit", "git", "choice", None, "q", "nothing", needs=_GIT),
        _s(
            "pip-uninstall-yes",
            "package-manager",
            "yes_no",
            YES_NO,
            "yes",
            "uninstalled",
            needs=("python3",),
        ),
        _s("ssh-keygen-new-passphrase", "password-style", "secret", needs=("ssh-keygen",)),
        _s("openssl-genrsa-passphrase", "password-style", "secret", needs=("openssl",)),
        # gpg's own pinentry-curses box, twice (the passphrase and its repetition).
        _s("gpg-symmetric-pinentry", "password-style", "secret", needs=("gpg", "pinentry-curses")),
        _s(
            "wt-yesno-custom-defaultno",
            "whiptail",
            "yes_no",
            ("Reboot", "Not now"),
            "Reboot",
            "rc0",
            needs=_WT,
        ),
        _s("wt-menu-eight", "whiptail", "choice", None, "pt_BR", "rc0:pt_BR", needs=_WT),
        _s(
            "wt-checklist-tick",
            "whiptail",
            "multi_choice",
            None,
            "jq, mtr",
            "rc0:jq,mtr",
            needs=_WT,
        ),
        _s("wt-radiolist-fs", "whiptail", "choice", None, "btrfs", "rc0:btrfs", needs=_WT),
        _s("wt-inputbox-replace", "whiptail", "text", None, "build-07", "rc0:build-07", needs=_WT),
        _s("wt-passwordbox-luks", "whiptail", "secret", needs=_WT),
        _s("wt-msgbox-ok-button", "whiptail", "press_enter", None, "", "rc0", needs=_WT),
        _s("dg-yesno-no", "dialog", "yes_no", YES_NO, "No", "rc1", needs=_DG),
        _s("dg-menu-default-item", "dialog", "choice", None, "py313", "rc0:py313", needs=_DG),
        # Four of five rows start ticked; the answer unticks two and ticks the fifth.
        _s(
            "dg-checklist-mixed",
            "dialog",
            "multi_choice",
            None,
            "backup, certbot, report",
            "rc0:backup,certbot,report",
            needs=_DG,
        ),
        _s("dg-radiolist-tz", "dialog", "choice", None, "local", "rc0:local", needs=_DG),
        _s(
            "dg-inputbox-empty",
            "dialog",
            "text",
            None,
            "ops@acme.dev",
            "rc0:ops@acme.dev",
            needs=_DG,
        ),
        _s("dg-passwordbox-db", "dialog", "secret", needs=_DG),
        _s(
            "dg-yesno-custom-labels-no",
            "dialog",
            "yes_no",
            ("Wipe", "Keep data"),
            "Keep data",
            "rc1",
            needs=_DG,
        ),
    ]


def shell_lookalikes() -> list[Case]:
    names = {
        "look-bash-ps1-menu": (),
        "look-less-prompts": ("less",),
        "look-git-log-pager": ("git", "less"),
        "look-git-rebase-editor": ("git", "vim"),
        "look-watch-prompt": ("watch",),
        "look-top": ("top",),
        "look-sleep-numbered-prompt": (),
        "look-log-loop-password": (),
        "look-dash-repl": (),
        "look-whiptail-gauge": _WT,
        "look-dialog-infobox": _DG,
        "look-test-runner-numbered": (),
        "look-vim-file": ("vim",),
    }
    return [_s(n, LOOK, None, needs=needs) for n, needs in names.items()]


def node_cases() -> list[Case]:
    return [
        # The pointer starts on the default fourth row; the answer is two rows up.
        _n(
            "iq-select-descriptions-up",
            "inquirer",
            "choice",
            (
                "No cache",
                "Static at build",
                "ISR (60 s)",
                "Stale-while-revalidate",
                "Edge cache (1 h)",
            ),
            "Static at build",
            "static",
        ),
        _n(
            "iq-checkbox-seven",
            "inquirer",
            "multi_choice",
            (
                "Chrome stable",
                "Chrome beta",
                "Firefox",
                "Firefox ESR",
                "Safari (WebKit)",
                "Edge",
                "Mobile Safari (iPhone 15)",
            ),
            "Firefox, Safari (WebKit)",
            ["firefox", "webkit"],
        ),
        _n("iq-confirm-default-false-yes", "inquirer", "yes_no", YES_NO, "yes", True),
        _n("iq-input-prefill-replace", "prefilled", "text", None, "@acme", "@acme"),
        _n("iq-password-mask", "password-style", "secret"),
        _n("iq-number-keep", "prefilled", "text", None, "", 25),
        _n("iq-expand-collapsed", "inquirer", "choice", None, "s", "side"),
        _n(
            "iq-rawlist-number",
            "inquirer",
            "choice",
            ("npm workspaces", "pnpm", "Yarn (Berry)", "Bun"),
            "2",
            "pnpm",
        ),
        _n("iq-search-country", "inquirer", "choice", None, "eu-north-1", "eu-north-1"),
        # Two separator rows ("── web ──", "── api ──"); a "▸" cursor.
        _n(
            "iq-select-theme-separator",
            "inquirer",
            "choice",
            (
                "Next.js app router",
                "Astro content site",
                "SvelteKit",
                "Fastify + Prisma",
                "Hono on workers",
                "tRPC monorepo",
            ),
            "Hono on workers",
            "hono",
        ),
        _n(
            "iq-legacy-list",
            "inquirer",
            "choice",
            ("qa", "uat", "preprod", "prod-eu", "prod-us"),
            "prod-eu",
            "prod-eu",
        ),
        # All three rows start ticked; the answer unticks the second.
        _n(
            "iq-legacy-checkbox-untick",
            "inquirer",
            "multi_choice",
            ("pre-commit (lint-staged)", "commit-msg (commitlint)", "pre-push (unit tests)"),
            "pre-commit (lint-staged), pre-push (unit tests)",
            ["pre-commit", "pre-push"],
        ),
        _n(
            "enq-select-initial",
            "enquirer",
            "choice",
            (
                "SQLite file",
                "Postgres in Docker",
                "MySQL in Docker",
                "Neon branch",
                "PlanetScale branch",
                "In-memory",
            ),
            "Neon branch",
            "Neon branch",
        ),
        _n(
            "enq-multiselect-two",
            "enquirer",
            "multi_choice",
            (
                "deploys",
                "incidents",
                "dependabot",
                "billing alerts",
                "new sign-ups",
                "nightly build",
            ),
            "incidents, billing alerts",
            ["incidents", "billing alerts"],
        ),
        _n("enq-confirm-no", "enquirer", "yes_no", YES_NO, "no", False),
        _n("enq-input-initial-keep", "prefilled", "text", None, "", "dist/esm"),
        _n("enq-password", "password-style", "secret"),
        _n("enq-toggle-public", "enquirer", "yes_no", ("Public", "Private"), "Public", True),
        _n("enq-number-replace", "prefilled", "text", None, "3", 3),
        _n("enq-autocomplete", "enquirer", "choice", None, "luxon", "luxon"),
        _n(
            "pr-select-hint-initial",
            "prompts",
            "choice",
            ("In-process", "Redis (BullMQ)", "RabbitMQ", "SQS", "Postgres (pg-boss)"),
            "SQS",
            "sqs",
        ),
        # Three of four rows start ticked; the answer unticks one and ticks another.
        _n(
            "pr-multiselect-untick",
            "prompts",
            "multi_choice",
            ("eu-west-1", "eu-central-1", "us-east-1", "ap-northeast-1"),
            "eu-west-1, us-east-1, ap-northeast-1",
            ["euw1", "use1", "apne1"],
        ),
        _n("pr-confirm-no", "prompts", "yes_no", YES_NO, "no", False),
        _n("pr-text-initial-keep", "prefilled", "text", None, "", "noreply@acme.dev"),
        _n("pr-password", "password-style", "secret"),
        _n("pr-number-replace", "prefilled", "text", None, "50", 50),
        _n("pr-toggle-enable", "prompts", "yes_no", ("enforced", "optional"), "enforced", True),
        _n("pr-autocomplete", "prompts", "choice", None, "Space Grotesk", "Space Grotesk"),
        # Four of seven rows show at once: options are not scored.
        _n("cl-select-paged-hints", "clack", "choice", None, "Woodpecker", "woodpecker"),
        _n(
            "cl-multiselect-required",
            "clack",
            "multi_choice",
            ("packages/core", "packages/cli", "packages/ui", "packages/utils", "apps/docs"),
            "packages/cli, packages/ui, apps/docs",
            ["cli", "ui", "docs"],
        ),
        # Group rows ("Auth", "Payments") are selectable too: options are not scored.
        _n(
            "cl-group-multiselect",
            "clack",
            "multi_choice",
            None,
            "Auth.js, Stripe",
            ["authjs", "stripe"],
        ),
        _n("cl-confirm-default-no-yes", "clack", "yes_no", YES_NO, "yes", True),
        _n("cl-text-default-keep", "prefilled", "text", None, "", "./my-app"),
        _n("cl-password-mask", "password-style", "secret"),
        # A clack box titled "Billing" above the question.
        _n(
            "cl-box-then-select",
            "banner",
            "choice",
            ("Hobby (free, 1 project)", "Pro ($20/month)", "Team ($60/month)"),
            "Pro ($20/month)",
            "pro",
        ),
    ]


def node_lookalikes() -> list[Case]:
    names = [
        "look-node-repl-prompt",
        "look-stream-select-quote",
        "look-clack-spinner",
        "look-jest-output",
        "look-dashboard-checkboxes",
        "look-npm-log-question",
        "look-sleep-question-mark",
        "look-answered-clack-then-work",
        "look-progress-percent",
    ]
    return [_n(n, LOOK, None) for n in names]


def held_out_10_cases() -> list[Case]:
    return (
        python_cases()
        + shell_cases()
        + node_cases()
        + python_lookalikes()
        + shell_lookalikes()
        + node_lookalikes()
    )
