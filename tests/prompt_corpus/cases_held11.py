"""The eleventh held-out set (``held_out_11``): new programs, written blind and run through the
detector once, at the end of the session that froze it.

Like ``held_out_10`` it samples exactly the population issue 12 names: Python click, typer,
questionary, InquirerPy, prompt_toolkit and rich; Node @inquirer/prompts and inquirer,
enquirer, prompts and @clack/prompts; whiptail and dialog; bash ``read`` and ``select``; sudo-,
ssh- and gpg-style password prompts; the real ``cp -i``, ``mv -i``, ``rm -i``, ``git clean -i``,
``git add -p``, ``git restore -p``, ``pip uninstall`` in a temporary venv, ``npm init``,
``ssh-keygen -p``, ``openssl pkcs12`` and ``gpg`` in a temporary directory; Python ``input()``
and ``getpass``. Every API a person answers with keys appears (select with shortcuts, pointers,
separators, disabled rows and defaults; checkboxes ticked, unticked and toggled all; confirm and
toggle; text with a default kept or replaced; password and invisible input; number; list;
expand; rawlist; search, fuzzy and autocomplete; selectKey; dialogs and boxes), in wordings and
layouts no earlier set uses. Look-alikes are REPLs and shells with odd prompts, rich live tables,
status, progress and pager, click progress bars, pagers, vim as git's editor, ``watch``, ``top``,
whiptail and dialog info boxes and gauges, logs and streamed agent text quoting prompts and
boxes, test runners, and programs that printed a question but never read.
``held_check --split held_out_11`` proves each expectation by running every program in a bare
PTY with the keys a person would press.
"""

from __future__ import annotations

from tests.prompt_corpus.case_set import CaseSet
from tests.prompt_corpus.cases import YES_NO, Case

HELD_OUT_11 = "held_out_11"
_WT = ("whiptail",)
_DG = ("dialog",)
_GIT = ("git",)
LOOK = "look-alike"
YN_WORDS = ("yes", "no")

_SET = CaseSet("h11-", "held11", HELD_OUT_11)
_p, _n, _s = _SET.python, _SET.nodejs, _SET.shell


def python_cases() -> list[Case]:
    return [
        _p(
            "click-choice-shard-strategy",
            "click",
            "choice",
            ("round-robin", "hash", "range", "geo", "manual", "none"),
            "range",
            "range",
        ),
        _p("click-confirm-default-no-yes", "click", "yes_no", YES_NO, "yes", True),
        _p("click-float-keep", "prefilled", "text", None, "", 0.25),
        # The hidden value is asked twice (click's confirmation_prompt).
        _p("click-password-twice", "password-style", "secret"),
        _p("click-confirmation-option", "click", "yes_no", YES_NO, "yes", "dropped"),
        _p("click-wrapped-text", "wrapped", "text", None, "/hooks/checkout", "/hooks/checkout"),
        _p("click-getchar-merge", "multi-key", "choice", None, "m", "merge"),
        # A magenta two-line banner above the question.
        _p(
            "click-choice-under-magenta-banner",
            "banner",
            "choice",
            ("eu", "us", "apac"),
            "apac",
            "apac",
        ),
        _p("click-intrange-replace", "prefilled", "text", None, "8", 8),
        _p("click-pause-token", "press-enter", "press_enter", None, "", "paused"),
        _p("typer-default-keep-namespace", "prefilled", "text", None, "", "observability"),
        _p("typer-confirm-abort-yes", "typer", "yes_no", YES_NO, "yes", "rotated"),
        _p("typer-option-password-twice", "password-style", "secret"),
        _p(
            "typer-enum-codec",
            "typer",
            "choice",
            ("gzip", "zstd", "brotli", "lz4", "none"),
            "zstd",
            "zstd",
        ),
        _p(
            "rich-theme-choices",
            "rich",
            "choice",
            ("light", "dark", "solarized", "high-contrast", "system"),
            "dark",
            "dark",
        ),
        _p("rich-confirm-tracing-yes", "rich", "yes_no", YES_NO, "yes", True),
        _p("rich-float-replace", "prefilled", "text", None, "0.2", 0.2),
        # A red rich panel titled "FACTORY RESET" above the question.
        _p("rich-panel-above-confirm-no", "banner", "yes_no", YES_NO, "no", False),
        _p("rich-password-sentry", "password-style", "secret"),
        _p("rich-text-default-replace", "prefilled", "text", None, "#oncall-db", "#oncall-db"),
        # A "▶" pointer; the answer is the seventh of eight rows.
        _p(
            "q-select-eight-pointer",
            "questionary",
            "choice",
            (
                "tiny (1k rows)",
                "small (100k rows)",
                "medium (1M rows)",
                "large (10M rows)",
                "wide (400 columns)",
                "skewed keys",
                "late-arriving events",
                "everything above",
            ),
            "late-arriving events",
            "late-arriving events",
        ),
        # A separator and a disabled "Hetzner CCX33" row: options are not scored.
        _p(
            "q-select-separator-disabled",
            "questionary",
            "choice",
            None,
            "Hetzner CCX13",
            "Hetzner CCX13",
        ),
        # Three of six rows start ticked; the answer unticks one and ticks another.
        _p(
            "q-checkbox-untick-tick",
            "questionary",
            "multi_choice",
            ("amara", "bogdan", "chen", "dolores", "eitan", "fumiko"),
            "amara, dolores, eitan",
            ["amara", "dolores", "eitan"],
        ),
        _p(
            "q-checkbox-qmark-instruction",
            "questionary",
            "multi_choice",
            ("en-GB", "de-DE", "fr-FR", "ja-JP", "pt-BR"),
            "de-DE, ja-JP",
            ["de-DE", "ja-JP"],
        ),
        _p("q-confirm-default-true-no", "questionary", "yes_no", YES_NO, "no", False),
        _p("q-text-default-replace", "prefilled", "text", None, "handbook", "handbook"),
        _p("q-password-signing", "password-style", "secret"),
        _p(
            "q-rawselect-five",
            "questionary",
            "choice",
            ("7 days", "30 days", "90 days", "1 year", "forever"),
            "4",
            "1 year",
        ),
        _p("q-autocomplete-meta", "questionary", "text", None, "Nairobi", "Nairobi"),
        _p("q-press-any-key-default", "press-enter", "press_enter", None, "", "stored"),
        _p(
            "q-select-shortcut-letters",
            "questionary",
            "choice",
            ("Deploy now", "Schedule for tonight", "Hold for review", "Cancel the hotfix"),
            "Schedule for tonight",
            "Schedule for tonight",
        ),
        # "a" ticks every row at once.
        _p(
            "q-checkbox-toggle-all",
            "questionary",
            "multi_choice",
            ("ruff", "mypy", "bandit", "vulture"),
            "ruff, mypy, bandit, vulture",
            ["ruff", "mypy", "bandit", "vulture"],
        ),
        _p(
            "ipy-select-six",
            "inquirerpy",
            "choice",
            (
                "db.t4g.micro",
                "db.t4g.small",
                "db.r7g.large",
                "db.r7g.xlarge",
                "db.r7g.2xlarge",
                "db.x2g.large",
            ),
            "db.r7g.xlarge",
            "db.r7g.xlarge",
        ),
        # Custom "■"/"□" tick symbols.
        _p(
            "ipy-checkbox-symbols",
            "inquirerpy",
            "multi_choice",
            ("order id", "customer email", "total", "currency", "coupon"),
            "order id, currency",
            ["order id", "currency"],
        ),
        _p("ipy-confirm-default-false-yes", "inquirerpy", "yes_no", YES_NO, "yes", True),
        _p("ipy-text-default-keep", "prefilled", "text", None, "", "eu-central-1"),
        _p("ipy-secret-master", "password-style", "secret"),
        _p("ipy-number-keep", "prefilled", "text", None, "", 2),
        _p("ipy-expand-five", "inquirerpy", "choice", None, "b", "both"),
        _p(
            "ipy-rawlist-number",
            "inquirerpy",
            "choice",
            ("3.10", "3.11", "3.12", "3.13", "3.14"),
            "3.12",
            "3.12",
        ),
        _p("ipy-fuzzy-dashboard", "inquirerpy", "choice", None, "kafka lag", "kafka lag"),
        _p(
            "ptk-default-replace-registry",
            "prefilled",
            "text",
            None,
            "registry.acme.dev",
            "registry.acme.dev",
        ),
        _p(
            "ptk-radiolist-five",
            "prompt_toolkit",
            "choice",
            (
                "Every hour",
                "Every 6 hours",
                "Once a day at 03:00",
                "Sundays only",
                "Never (I have my own)",
            ),
            "Once a day at 03:00",
            "daily",
        ),
        _p(
            "ptk-checkboxlist-none",
            "prompt_toolkit",
            "multi_choice",
            (
                "22/tcp  ssh",
                "80/tcp  http",
                "443/tcp https",
                "5432/tcp postgres",
                "51820/udp wireguard",
            ),
            "443/tcp https, 51820/udp wireguard",
            ["443", "51820"],
        ),
        _p("ptk-yes-no-dialog-no", "prompt_toolkit", "yes_no", YES_NO, "No", False),
        _p(
            "ptk-button-dialog-three",
            "prompt_toolkit",
            "choice",
            ("Use mine", "Use server", "Cancel"),
            "Use server",
            "server",
        ),
        # The pointer starts on the default second row.
        _p(
            "ptk-choice-default-bottom",
            "prompt_toolkit",
            "choice",
            (
                "None",
                "Require a pull request",
                "Require one approving review",
                "Two reviews and green checks",
            ),
            "Two reviews and green checks",
            "strict",
        ),
        _p("ptk-confirm-suffix-yes", "prompt_toolkit", "yes_no", YES_NO, "yes", True),
        _p("ptk-password-toolbar", "password-style", "secret"),
        _p("ptk-input-dialog-password", "password-style", "secret"),
        _p(
            "std-numbered-eight-number",
            "numbered-line",
            "choice",
            (
                "Europe/Lisbon",
                "Europe/Madrid",
                "Europe/Rome",
                "Europe/Athens",
                "Africa/Cairo",
                "Asia/Dubai",
                "Asia/Tokyo",
                "Pacific/Auckland",
            ),
            "7",
            "Asia/Tokyo",
        ),
        _p(
            "std-numbered-label-brackets",
            "numbered-line",
            "choice",
            ("sandbox", "qa-shared", "perf-lab", "prod-readonly"),
            "perf-lab",
            "perf-lab",
        ),
        _p("std-type-hostname", "confirm-by-typing", "text", None, "db-eu-7.internal", "wiped"),
        _p("std-type-delete", "confirm-by-typing", "text", None, "DELETE", "deleted"),
        _p("std-wrapped-yes-no", "wrapped", "yes_no", YES_NO, "yes", "y"),
        # The question, then a red banner, then the "> " input line.
        _p("std-question-above-red-banner", "banner", "text", None, "OPS-4471", "OPS-4471"),
        _p("std-bracket-keep-bind", "prefilled", "text", None, "", "127.0.0.1"),
        _p("std-default-replace-workers", "prefilled", "text", None, "6", 6),
        _p("std-letter-keys-diff", "multi-key", "choice", None, "d", "diff"),
        _p("std-getpass-gpg-style", "password-style", "secret"),
        _p("std-getpass-sudo-alice", "password-style", "secret"),
        _p("std-press-return-browser", "press-enter", "press_enter", None, "", "opened"),
        _p(
            "std-choose-slash-default",
            "numbered-line",
            "choice",
            ("merge commit", "squash (default)", "rebase", "fast-forward only"),
            "3",
            "rebase",
        ),
        _p("std-yes-no-words", "stdlib", "yes_no", YN_WORDS, "no", "no"),
    ]


def python_lookalikes() -> list[Case]:
    names = [
        "look-python-repl-yn-prompt",
        "look-rich-progress-multi",
        "look-rich-live-glyph-table",
        "look-click-progressbar-label",
        "look-agent-quotes-whiptail",
        "look-printed-continue-then-work",
        "look-pytest-style-output",
        "look-sleep-gt-prompt",
        "look-logging-password-lines",
        "look-ptk-sql-shell",
        "look-rich-pager",
        "look-rich-status-question",
    ]
    return [_p(n, LOOK, None) for n in names]


def shell_cases() -> list[Case]:
    return [
        _s("read-yn-default-no-yes", "bash-read", "yes_no", YES_NO, "yes", "y"),
        _s("read-wrapped-question", "wrapped", "yes_no", YES_NO, "yes", "y"),
        _s("read-prefill-keep-url", "prefilled", "text", None, "", "kept"),
        _s(
            "read-prefill-replace-user",
            "prefilled",
            "text",
            None,
            "orchard_owner",
            "orchard_owner",
        ),
        _s(
            "read-numbered-number",
            "numbered-line",
            "choice",
            (
                "Loki",
                "Elasticsearch",
                "OpenSearch",
                "Datadog",
                "CloudWatch",
                "Splunk HEC",
                "nowhere (local files)",
            ),
            "4",
            "datadog",
        ),
        _s(
            "read-numbered-label",
            "numbered-line",
            "choice",
            ("bash", "zsh", "fish"),
            "fish",
            "fish",
        ),
        _s(
            "select-number",
            "bash-select",
            "choice",
            ("kind-local", "minikube", "gke-dev", "gke-prod", "eks-analytics", "aks-legacy"),
            "4",
            "gke-prod",
        ),
        _s(
            "select-label",
            "bash-select",
            "choice",
            (
                "2026-12-03 23:00 (latest)",
                "2026-12-03 11:00",
                "2026-12-02 23:00",
                "2026-11-30 23:00 (weekly)",
            ),
            "2026-12-02 23:00",
            "2026-12-02 23:00",
        ),
        _s(
            "read-type-cluster-name",
            "confirm-by-typing",
            "text",
            None,
            "payments-blue",
            "destroyed",
        ),
        _s("read-type-yes-please", "confirm-by-typing", "text", None, "yes", "unlocked"),
        _s("read-sudo-bob", "password-style", "secret"),
        _s("read-ssh-password", "password-style", "secret"),
        _s("read-gpg-style-line", "password-style", "secret"),
        _s("read-letter-keys", "multi-key", "choice", None, "r", "remote"),
        _s("read-press-any-key", "press-enter", "press_enter", None, "", "rebooting"),
        # A cyan two-row banner above the question.
        _s("read-question-below-banner", "banner", "yes_no", YES_NO, "no", "n"),
        _s("read-default-brackets-keep", "prefilled", "text", None, "", 8443),
        _s("read-default-replace", "prefilled", "text", None, "50", 50),
        _s("cp-i-keep", "coreutils", "yes_no", None, "no", "old"),
        _s("mv-i-replace", "coreutils", "yes_no", None, "yes", "final"),
        _s("rm-i-write-protected", "coreutils", "yes_no", None, "yes", "removed"),
        _s(
            "git-clean-i-quit",
            "git",
            "choice",
            ("clean", "filter by pattern", "select by numbers", "ask each", "quit", "help"),
            "quit",
            "kept",
            needs=_GIT,
        ),
        _s("git-add-p-yes", "git", "choice", None, "y", "staged", needs=_GIT),
        _s("git-restore-p-discard", "git", "choice", None, "y", "discarded", needs=_GIT),
        _s(
            "pip-uninstall-no",
            "package-manager",
            "yes_no",
            YES_NO,
            "no",
            "kept",
            needs=("python3",),
        ),
        # npm's first question, "package name: (seedling)"; the rest keep their defaults.
        _s(
            "npm-init-name",
            "package-manager",
            "text",
            None,
            "orchard-seed",
            "orchard-seed",
            needs=("npm", "node"),
        ),
        _s("ssh-keygen-change-passphrase", "password-style", "secret", needs=("ssh-keygen",)),
        _s("openssl-pkcs12-export", "password-style", "secret", needs=("openssl",)),
        # gpg's own pinentry-curses box, twice (the passphrase and its repetition).
        _s("gpg-gen-sign-pinentry", "password-style", "secret", needs=("gpg", "pinentry-curses")),
        _s("wt-yesno-plain-yes", "whiptail", "yes_no", YES_NO, "Yes", "rc0", needs=_WT),
        _s("wt-menu-default-item", "whiptail", "choice", None, "fi", "rc0:fi", needs=_WT),
        # Four of five rows start ticked; the answer unticks the fourth.
        _s(
            "wt-checklist-untick",
            "whiptail",
            "multi_choice",
            None,
            "gnome, ssh, std",
            "rc0:gnome,ssh,std",
            needs=_WT,
        ),
        _s("wt-inputbox-keep", "whiptail", "text", None, "", "rc0:lab.internal", needs=_WT),
        _s("wt-passwordbox-root", "whiptail", "secret", needs=_WT),
        _s("wt-yesno-defaultno-keep-no", "whiptail", "yes_no", YES_NO, "No", "rc1", needs=_WT),
        _s("dg-menu-five", "dialog", "choice", None, "4", "rc0:4", needs=_DG),
        _s("dg-radiolist-default", "dialog", "choice", None, "de", "rc0:de", needs=_DG),
        _s("dg-checklist-tick", "dialog", "multi_choice", None, "pg, bb", "rc0:pg,bb", needs=_DG),
        _s(
            "dg-inputbox-replace",
            "dialog",
            "text",
            None,
            "time.cloudflare.com",
            "rc0:time.cloudflare.com",
            needs=_DG,
        ),
        _s("dg-passwordbox-wifi", "dialog", "secret", needs=_DG),
        _s(
            "dg-yesno-labels-yes",
            "dialog",
            "yes_no",
            ("Renew", "Skip"),
            "Renew",
            "rc0",
            needs=_DG,
        ),
        _s("dg-msgbox-ok", "dialog", "press_enter", None, "", "rc0", needs=_DG),
    ]


def shell_lookalikes() -> list[Case]:
    names = {
        "look-bash-ps1-question": (),
        "look-less-menu-file": ("less",),
        "look-git-diff-pager": ("git", "less"),
        "look-git-commit-editor": ("git", "vim"),
        "look-watch-menu": ("watch",),
        "look-top-batchless": ("top",),
        "look-sleep-password-line": (),
        "look-log-loop-yn": (),
        "look-python-repl": ("python3",),
        "look-dialog-gauge": _DG,
        "look-whiptail-infobox": _WT,
    }
    return [_s(n, LOOK, None, needs=needs) for n, needs in names.items()]


def node_cases() -> list[Case]:
    return [
        _n(
            "iq-select-six-down",
            "inquirer",
            "choice",
            (
                "nodejs18.x (deprecated)",
                "nodejs20.x",
                "nodejs22.x",
                "nodejs24.x",
                "Bun (custom runtime)",
                "Deno (custom runtime)",
            ),
            "Bun (custom runtime)",
            "bun",
        ),
        # Three of four rows start ticked; the answer unticks one and ticks another.
        _n(
            "iq-checkbox-prechecked",
            "inquirer",
            "multi_choice",
            (
                "pr-1402.preview.acme.dev",
                "pr-1417.preview.acme.dev",
                "pr-1433.preview.acme.dev",
                "pr-1450.preview.acme.dev",
            ),
            "pr-1402.preview.acme.dev, pr-1433.preview.acme.dev, pr-1450.preview.acme.dev",
            ["1402", "1433", "1450"],
        ),
        _n("iq-confirm-default-true-no", "inquirer", "yes_no", YES_NO, "no", False),
        _n("iq-input-default-keep", "prefilled", "text", None, "", "6006"),
        _n("iq-password-no-mask", "password-style", "secret"),
        _n("iq-number-replace", "prefilled", "text", None, "12", 12),
        _n(
            "iq-expand-expanded",
            "inquirer",
            "choice",
            ("Overwrite", "Skip this file", "Show the diff", "Overwrite this and all others"),
            "d",
            "diff",
        ),
        _n(
            "iq-rawlist-label",
            "inquirer",
            "choice",
            ("Tailwind", "CSS Modules", "vanilla-extract", "styled-components", "plain CSS"),
            "vanilla-extract",
            "vx",
        ),
        _n("iq-search-package", "inquirer", "choice", None, "arktype", "arktype"),
        _n("iq-legacy-confirm", "inquirer", "yes_no", YES_NO, "yes", True),
        _n(
            "enq-select-seven",
            "enquirer",
            "choice",
            ("XS", "S", "M", "L", "XL", "XXL", "unknown — needs a spike"),
            "XL",
            "XL",
        ),
        _n(
            "enq-multiselect-hint",
            "enquirer",
            "multi_choice",
            ("development", "preview", "staging", "production"),
            "preview, production",
            ["preview", "production"],
        ),
        _n("enq-confirm-yes", "enquirer", "yes_no", YES_NO, "yes", True),
        _n("enq-input-replace", "prefilled", "text", None, "src/main.ts", "src/main.ts"),
        _n("enq-password-mask", "password-style", "secret"),
        _n("enq-toggle-no", "enquirer", "yes_no", ("Yep", "Nope"), "Nope", False),
        _n("enq-number-keep", "prefilled", "text", None, "", 80),
        _n("enq-autocomplete-framework", "enquirer", "choice", None, "uvu", "uvu"),
        # The second row ("Netlify") is disabled: options are not scored.
        _n("pr-select-disabled", "prompts", "choice", None, "Cloudflare Pages", "cf"),
        _n(
            "pr-multiselect-hint",
            "prompts",
            "multi_choice",
            (
                "order.created",
                "order.refunded",
                "customer.deleted",
                "subscription.renewed",
                "invoice.overdue",
            ),
            "order.refunded, invoice.overdue",
            ["or", "io"],
        ),
        _n("pr-confirm-yes", "prompts", "yes_no", YES_NO, "yes", True),
        _n("pr-text-replace", "prefilled", "text", None, "orchard-web", "orchard-web"),
        _n("pr-invisible", "password-style", "secret"),
        _n("pr-number-keep", "prefilled", "text", None, "", 300),
        _n("pr-toggle-default-on-off", "prompts", "yes_no", ("keep", "remove"), "remove", False),
        _n(
            "pr-list-tags",
            "prompts",
            "text",
            None,
            "cli,terminal,pty",
            ["cli", "terminal", "pty"],
        ),
        _n(
            "cl-select-hints-initial",
            "clack",
            "choice",
            ("npm", "pnpm", "yarn", "bun", "Skip — I'll do it myself"),
            "bun",
            "bun",
        ),
        # Two of four rows start ticked; the answer unticks one and ticks another.
        _n(
            "cl-multiselect-initial",
            "clack",
            "multi_choice",
            ("ESLint", "Prettier", "Husky", "Changesets"),
            "ESLint, Changesets",
            ["eslint", "changesets"],
        ),
        _n(
            "cl-confirm-custom-labels",
            "clack",
            "yes_no",
            ("Ship it", "Not yet"),
            "Not yet",
            False,
        ),
        _n("cl-text-placeholder", "clack", "text", None, "orchard", "orchard"),
        _n("cl-password", "password-style", "secret"),
        _n(
            "cl-select-key",
            "multi-key",
            "choice",
            ("Retry", "Skip it", "Abort all"),
            "Skip it",
            "s",
        ),
        # A clack intro and a "Next steps" note above the question.
        _n("cl-note-then-confirm", "banner", "yes_no", YES_NO, "Yes", True),
    ]


def node_lookalikes() -> list[Case]:
    names = [
        "look-node-repl-select",
        "look-stream-password-quote",
        "look-clack-spinner-confirm",
        "look-vitest-output",
        "look-dashboard-radio",
        "look-npm-audit-text",
        "look-sleep-arrow-prompt",
        "look-answered-inquirer-then-work",
    ]
    return [_n(n, LOOK, None) for n in names]


def held_out_11_cases() -> list[Case]:
    return (
        python_cases()
        + shell_cases()
        + node_cases()
        + python_lookalikes()
        + shell_lookalikes()
        + node_lookalikes()
    )
