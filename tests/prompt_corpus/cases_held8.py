"""The eighth held-out set (``held_out_8``): new programs, written blind and run through the
detector once, at the end of the session that froze it.

Unlike the earlier blind sets, which sought libraries no set had used, this one samples
exactly the population issue 12 names: Python click, typer, questionary, InquirerPy,
prompt_toolkit and rich; Node @inquirer/prompts and inquirer, enquirer, prompts and
@clack/prompts; whiptail and dialog; bash ``read`` and ``select``; sudo-, ssh- and gpg-style
password prompts; the real ``cp -i``, ``mv -i``, ``rm`` on a write-protected file,
``git clean -i``, ``git add -p``, ``pip uninstall`` in a temporary venv, ``ssh-keygen`` and
``openssl genpkey`` in a temporary directory; Python ``input()`` and ``getpass``. Every API a
person answers with keys appears (select with separators, disabled rows, descriptions and
defaults; checkboxes ticked and unticked; confirm; text with a default kept or replaced;
password; number; expand; rawlist; search, fuzzy and autocomplete; dialogs and boxes), in
wordings and layouts no earlier set uses.
Look-alikes are REPLs and shells with odd prompts, live tables, progress bars and spinners,
pagers (``less``, git's pager), vim as git's rebase editor, ``watch``, ``top``, logs and
streamed agent text quoting prompts and menus, test runners, and programs that printed a
question but never read. ``held_check --split held_out_8`` proves each expectation by
running every program in a bare PTY with the keys a person would press.
"""

from __future__ import annotations

from tests.prompt_corpus.case_set import CaseSet
from tests.prompt_corpus.cases import YES_NO, Case

HELD_OUT_8 = "held_out_8"
_WT = ("whiptail",)
_DG = ("dialog",)
_GIT = ("git",)
LOOK = "look-alike"
YN_WORDS = ("yes", "no")

_SET = CaseSet("h8-", "held8", HELD_OUT_8)
_p, _n, _s = _SET.python, _SET.nodejs, _SET.shell


def python_cases() -> list[Case]:
    return [
        _p(
            "click-choice-region",
            "click",
            "choice",
            (
                "ap-south-1",
                "ap-southeast-2",
                "sa-east-1",
                "me-central-1",
                "af-south-1",
                "il-central-1",
                "us-west-2",
            ),
            "sa-east-1",
            "sa-east-1",
        ),
        _p("click-confirm-reindex", "click", "yes_no", YES_NO, "no", False),
        _p("click-int-keep", "prefilled", "text", None, "", 14),
        _p("click-hidden-unseal", "password-style", "secret"),
        _p("click-oncall-name", "click", "text", None, "Rosalind Franklin", "Rosalind Franklin"),
        # A blue inverse "RELEASE TRAIN" banner above the question.
        _p(
            "click-choice-by-number-style",
            "banner",
            "choice",
            ("nightly", "canary", "beta", "stable"),
            "beta",
            "beta",
        ),
        _p("typer-confirm-wheel", "typer", "yes_no", YES_NO, "yes", True),
        _p(
            "typer-registry-replace",
            "prefilled",
            "text",
            None,
            "registry.acme.dev",
            "registry.acme.dev",
        ),
        _p("typer-status-token", "password-style", "secret"),
        _p("typer-confirm-default-yes-keep", "typer", "yes_no", YES_NO, "yes", True),
        _p(
            "rich-loglevel-six",
            "rich",
            "choice",
            ("trace", "debug", "info", "warn", "error", "fatal"),
            "warn",
            "warn",
        ),
        # A red rich Panel ("FREEZE") above the question.
        _p("rich-confirm-below-banner", "banner", "yes_no", YES_NO, "no", False),
        _p("rich-int-keep", "prefilled", "text", None, "", 6),
        _p("rich-passphrase", "password-style", "secret"),
        # The question sits above a magenta rule; the input line is only "› ".
        _p("rich-question-above-rule", "banner", "text", None, "acme-eu", "acme-eu"),
        # A separator and a disabled "nerdctl" row between the rows.
        _p("q-select-sep-disabled", "questionary", "choice", None, "buildah", "buildah"),
        _p(
            "q-checkbox-two",
            "questionary",
            "multi_choice",
            ("ruff", "mypy", "pylint", "bandit", "vulture", "codespell"),
            "mypy, vulture",
            ["mypy", "vulture"],
        ),
        # Three rows start ticked; the answer unticks Dublin and adds Sydney.
        _p(
            "q-checkbox-preticked-untick",
            "questionary",
            "multi_choice",
            ("Frankfurt", "Dublin", "São Paulo", "Singapore", "Sydney"),
            "Frankfurt, São Paulo, Sydney",
            ["Frankfurt", "São Paulo", "Sydney"],
        ),
        _p("q-confirm-default-no", "questionary", "yes_no", YES_NO, "yes", True),
        _p("q-text-default-keep", "prefilled", "text", None, "", "stage.internal.acme.dev"),
        _p("q-password-gpg", "password-style", "secret"),
        _p(
            "q-rawselect-by-number",
            "questionary",
            "choice",
            (
                "python:3.13-slim",
                "python:3.13-alpine",
                "python:3.12-bookworm",
                "ubuntu:24.04",
                "debian:12",
                "distroless/python3",
            ),
            "5",
            "debian:12",
        ),
        _p("q-autocomplete-tz", "questionary", "text", None, "Europe/Oslo", "Europe/Oslo"),
        _p(
            "q-select-shortcuts",
            "questionary",
            "choice",
            ("ours", "theirs", "both (ours first)", "neither — stop the merge"),
            "theirs",
            "theirs",
        ),
        # The pointer starts on the default "20.x".
        _p(
            "q-select-long-list-default",
            "questionary",
            "choice",
            ("16.x (EOL)", "18.x", "20.x", "22.x", "23.x", "24.x", "latest"),
            "23.x",
            "23.x",
        ),
        _p(
            "ipy-select-pointer",
            "inquirerpy",
            "choice",
            ("c7g.medium", "c7g.large", "c7g.xlarge", "c7g.2xlarge", "m7i.large", "m7i.xlarge"),
            "m7i.large",
            "m7i.large",
        ),
        _p(
            "ipy-checkbox-untick",
            "inquirerpy",
            "multi_choice",
            ("Features", "Fixes", "Internal refactors", "Dependencies", "Security"),
            "Features, Fixes, Security",
            ["Features", "Fixes", "Security"],
        ),
        _p("ipy-confirm-default-yes", "inquirerpy", "yes_no", YES_NO, "no", False),
        _p("ipy-text-replace", "prefilled", "text", None, "127.0.0.1:9200", "127.0.0.1:9200"),
        _p("ipy-secret-smtp", "password-style", "secret"),
        _p("ipy-expand-lockfile", "inquirerpy", "choice", None, "t", "theirs"),
        _p(
            "ipy-rawlist-by-label",
            "inquirerpy",
            "choice",
            ("STANDARD", "STANDARD_IA", "ONEZONE_IA", "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE"),
            "GLACIER",
            "GLACIER",
        ),
        _p("ipy-number-replace", "prefilled", "text", None, "5", "5"),
        _p(
            "ipy-fuzzy-branch",
            "inquirerpy",
            "choice",
            ("main", "develop", "feature/ledger-export", "fix/oauth-refresh", "release/26.12"),
            "fix/oauth-refresh",
            "fix/oauth-refresh",
        ),
        _p("ptk-default-keep", "prefilled", "text", None, "", "127.0.0.1"),
        _p("ptk-yes-no-dialog", "prompt_toolkit", "yes_no", YES_NO, "yes", True),
        _p(
            "ptk-button-dialog",
            "prompt_toolkit",
            "choice",
            ("Retry", "Skip", "Abort"),
            "Skip",
            "skip",
        ),
        _p(
            "ptk-radiolist-six",
            "prompt_toolkit",
            "choice",
            (
                "Performance",
                "Balanced",
                "Power saver",
                "Quiet fans",
                "Cool (cap 15 W)",
                "Automatic",
            ),
            "Quiet fans",
            "quiet",
        ),
        _p(
            "ptk-checkboxlist-two",
            "prompt_toolkit",
            "multi_choice",
            ("Dangling images", "Unused volumes", "Build cache", "Rotated logs"),
            "Unused volumes, Rotated logs",
            ["volumes", "logs"],
        ),
        _p("ptk-input-dialog", "prompt_toolkit", "text", None, "guest-net", "guest-net"),
        _p("ptk-sudo-password", "password-style", "secret"),
        _p(
            "ptk-choice-third",
            "prompt_toolkit",
            "choice",
            (
                "Keep it on this machine",
                "Upload to the team bucket",
                "Attach it to a new ticket",
                "Delete it",
            ),
            "Attach it to a new ticket",
            "ticket",
        ),
        _p("ptk-message-dialog", "press-enter", "press_enter", None, "", "closed"),
        _p(
            "std-enter-selection",
            "numbered-line",
            "choice",
            ("Helsinki", "Falkenstein", "Nuremberg", "Ashburn", "Hillsboro", "Singapore", "Tokyo"),
            "5",
            "Hillsboro",
        ),
        _p(
            "std-label-or-number",
            "numbered-line",
            "choice",
            ("bash", "zsh", "fish", "nushell", "elvish", "xonsh"),
            "nushell",
            "nushell",
        ),
        _p("std-type-repo-name", "confirm-by-typing", "text", None, "acme/website", "archived"),
        _p("std-type-yes-caps", "confirm-by-typing", "text", None, "YES", "stopped"),
        _p("std-wrapped-question", "wrapped", "yes_no", YES_NO, "yes", "y"),
        _p("std-banner-above-question", "banner", "yes_no", YN_WORDS, "no", "no"),
        _p("std-abort-retry-ignore", "multi-key", "choice", None, "i", "ignore"),
        _p("std-bracket-keep", "prefilled", "text", None, "", 9464),
        _p("std-bracket-replace", "prefilled", "text", None, "ops@acme.dev", "ops@acme.dev"),
        _p("std-getpass-postgres", "password-style", "secret"),
        _p("std-getpass-ssh-key", "password-style", "secret"),
        _p("std-press-enter-yubikey", "press-enter", "press_enter", None, "", "touched"),
        _p(
            "std-choose-from-four",
            "numbered-line",
            "choice",
            ("LF", "CRLF", "CR", "keep as found"),
            "CRLF",
            "CRLF",
        ),
        _p("std-list-then-yn", "stdlib", "yes_no", YES_NO, "yes", "y"),
        _p("std-yes-no-words", "stdlib", "yes_no", YN_WORDS, "yes", "yes"),
        _p("std-gpg-style", "password-style", "secret"),
        _p(
            "std-question-under-rule-prompt-gt",
            "banner",
            "text",
            None,
            "ledger-sync",
            "ledger-sync",
        ),
    ]


def python_lookalikes() -> list[Case]:
    names = [
        "look-python-repl-odd",
        "look-rich-progress-question",
        "look-rich-live-menu-table",
        "look-click-bar",
        "look-agent-quotes-prompt",
        "look-printed-question-continues",
        "look-test-runner",
        "look-build-numbered",
        "look-sleep-chevron",
        "look-log-with-prompts",
        "look-curses-viewer",
        "look-ptk-repl",
        "look-rich-status-spinner",
        "look-stream-checkbox-quote",
        "look-countdown-continue",
        "look-rich-table-markers",
        "look-numbered-todo-sleep",
        "look-input-echo-server",
    ]
    return [_p(n, LOOK, None) for n in names]


def shell_cases() -> list[Case]:
    return [
        _s("read-yn-default-yes", "bash-read", "yes_no", YES_NO, "no", "n"),
        _s("read-yn-wrapped", "wrapped", "yes_no", YES_NO, "yes", "y"),
        _s(
            "read-prefill-replace",
            "prefilled",
            "text",
            None,
            "origin/release-26.12",
            "origin/release-26.12",
        ),
        _s("read-prefill-keep", "prefilled", "text", None, "", "kept"),
        _s(
            "read-numbered-by-number",
            "numbered-line",
            "choice",
            ("6.12.4-arch1", "6.6.66-lts", "6.13.0-rc2", "6.1.119-cip"),
            "2",
            "lts",
        ),
        _s(
            "read-numbered-by-label",
            "numbered-line",
            "choice",
            ("Solarized Dark", "Gruvbox", "Nord", "Tokyo Night", "Catppuccin Mocha"),
            "Tokyo Night",
            "tokyo",
        ),
        _s(
            "select-ps3-default",
            "bash-select",
            "choice",
            (
                "#2291 (main, 12 min ago)",
                "#2288 (main, 2 h ago)",
                "#2280 (hotfix)",
                "#2275 (release)",
                "cancel",
            ),
            "3",
            3,
        ),
        _s(
            "select-no-ps3",
            "bash-select",
            "choice",
            ("orders", "inventory", "customers", "audit_log", "analytics", "sessions", "metrics"),
            "customers",
            "customers",
        ),
        _s("read-type-name", "confirm-by-typing", "text", None, "acme-prod-assets", "deleted"),
        _s("read-type-destroy", "confirm-by-typing", "text", None, "destroy", "destroyed"),
        _s("read-sudo-password", "password-style", "secret"),
        _s("read-ssh-password", "password-style", "secret"),
        _s("read-letters-merge", "multi-key", "choice", None, "t", "theirs"),
        _s("read-press-any-key", "press-enter", "press_enter", None, "", "flashed"),
        # A green inverse banner above the question.
        _s("read-banner-below", "banner", "yes_no", YES_NO, "yes", "y"),
        _s("read-default-paren", "prefilled", "text", None, "12", 12),
        _s("read-question-above-colour", "banner", "text", None, "payments-v2", "payments-v2"),
        _s("read-yes-no-full", "bash-read", "yes_no", YN_WORDS, "no", "no"),
        _s("cp-i-config", "coreutils", "yes_no", None, "yes", "new"),
        _s("mv-i-keep", "coreutils", "yes_no", None, "no", "draft"),
        _s("rm-i-ledger", "coreutils", "yes_no", None, "yes", "removed"),
        _s(
            "git-clean-i",
            "git",
            "choice",
            ("clean", "filter by pattern", "select by numbers", "ask each", "quit", "help"),
            "clean",
            "cleaned",
            needs=_GIT,
        ),
        _s("git-add-p", "git", "choice", None, "y", "staged", needs=_GIT),
        _s("ssh-keygen-new-passphrase", "password-style", "secret", needs=("ssh-keygen",)),
        _s("openssl-genrsa-pass", "password-style", "secret", needs=("openssl",)),
        _s(
            "pip-uninstall-venv",
            "package-manager",
            "yes_no",
            YES_NO,
            "yes",
            "uninstalled",
            needs=("python3",),
        ),
        _s("wt-yesno-custom", "whiptail", "yes_no", ("Create", "Skip"), "Skip", "rc1", needs=_WT),
        _s("wt-yesno-defaultno", "whiptail", "yes_no", YES_NO, "Yes", "rc0", needs=_WT),
        _s("wt-menu-locale", "whiptail", "choice", None, "pt_BR", "rc0:pt_BR", needs=_WT),
        _s(
            "wt-checklist-tick",
            "whiptail",
            "multi_choice",
            None,
            "cups, bluetooth, fail2ban",
            "rc0:cups,bluetooth,fail2ban",
            needs=_WT,
        ),
        _s("wt-radiolist-fs", "whiptail", "choice", None, "btrfs", "rc0:btrfs", needs=_WT),
        _s(
            "wt-inputbox-replace",
            "whiptail",
            "text",
            None,
            "time.cloudflare.com",
            "rc0:time.cloudflare.com",
            needs=_WT,
        ),
        _s("wt-passwordbox", "whiptail", "secret", needs=_WT),
        _s("dg-yesno-labels", "dialog", "yes_no", ("Reboot", "Later"), "Later", "rc1", needs=_DG),
        _s("dg-menu-pick", "dialog", "choice", None, "thinkpad", "rc0:thinkpad", needs=_DG),
        _s(
            "dg-checklist-multi",
            "dialog",
            "multi_choice",
            None,
            "contrib, security",
            "rc0:contrib,security",
            needs=_DG,
        ),
        _s("dg-inputbox-empty", "dialog", "text", None, "nas-01", "rc0:nas-01", needs=_DG),
        _s("dg-passwordbox", "dialog", "secret", needs=_DG),
        _s("dg-radiolist", "dialog", "choice", None, "lightdm", "rc0:lightdm", needs=_DG),
    ]


def shell_lookalikes() -> list[Case]:
    names = {
        "look-bash-odd-ps1": (),
        "look-less-pager": ("less",),
        "look-git-log-pager": ("git", "less"),
        "look-git-rebase-editor": ("git", "vim"),
        "look-watch-yn": ("watch",),
        "look-top": ("top",),
        "look-sleep-password": (),
        "look-log-tail-menus": (),
        "look-sh-prompt-qmark": (),
        "look-whiptail-gauge": _WT,
        "look-dialog-infobox": _DG,
        "look-select-menu-printed": (),
        "look-progress-dots": (),
    }
    return [_s(n, LOOK, None, needs=needs) for n, needs in names.items()]


def node_cases() -> list[Case]:
    return [
        # A separator and a disabled "yarn classic" row; each row has a description.
        _n("iq-select-desc-sep", "inquirer", "choice", None, "yarn berry", "yarn4"),
        _n(
            "iq-checkbox-three",
            "inquirer",
            "multi_choice",
            (
                "@acme/core",
                "@acme/ui",
                "@acme/cli",
                "@acme/icons",
                "@acme/eslint-config",
                "@acme/tsconfig",
            ),
            "@acme/ui, @acme/cli, @acme/tsconfig",
            ["ui", "cli", "tsconfig"],
        ),
        _n("iq-confirm-default-false", "inquirer", "yes_no", YES_NO, "yes", True),
        _n("iq-input-default-replace", "prefilled", "text", None, "3000", "3000"),
        _n("iq-password-mask", "password-style", "secret"),
        _n("iq-number-keep", "prefilled", "text", None, "", 250),
        _n("iq-expand-letters", "inquirer", "choice", None, "m", "merge"),
        _n(
            "iq-rawlist-label",
            "inquirer",
            "choice",
            ("vitest", "jest", "node:test", "mocha + chai", "ava"),
            "mocha + chai",
            "mocha",
        ),
        _n("iq-search-country", "inquirer", "choice", None, "Brazil", "Brazil"),
        _n(
            "iq-legacy-list",
            "inquirer",
            "choice",
            (".env", ".env.local", ".env.staging", ".env.production", ".env.test"),
            ".env.staging",
            ".env.staging",
        ),
        _n(
            "enq-select",
            "enquirer",
            "choice",
            ("PostgreSQL 17", "MySQL 8.4", "SQLite", "CockroachDB", "DuckDB"),
            "CockroachDB",
            "CockroachDB",
        ),
        _n(
            "enq-multiselect",
            "enquirer",
            "multi_choice",
            ("pre-commit", "commit-msg", "pre-push", "post-merge"),
            "commit-msg, pre-push",
            ["commit-msg", "pre-push"],
        ),
        _n("enq-confirm", "enquirer", "yes_no", YES_NO, "no", False),
        _n("enq-input-initial", "prefilled", "text", None, "", "Ada Lovelace"),
        _n("enq-password", "password-style", "secret"),
        _n("enq-number", "enquirer", "text", None, "3", 3),
        _n(
            "enq-autocomplete",
            "enquirer",
            "choice",
            ("Astro", "Next.js", "Nuxt", "Remix", "SvelteKit", "SolidStart", "Qwik City"),
            "SvelteKit",
            "SvelteKit",
        ),
        _n(
            "pr-select-hint",
            "prompts",
            "choice",
            ("AWS", "Google Cloud", "Azure", "Hetzner", "Fly.io"),
            "Hetzner",
            "hetzner",
        ),
        _n(
            "pr-multiselect-preticked",
            "prompts",
            "multi_choice",
            ("Chrome", "Firefox", "Safari", "Samsung Internet", "IE 11"),
            "Chrome, Safari, Samsung Internet",
            ["chrome", "safari", "samsung"],
        ),
        _n("pr-confirm", "prompts", "yes_no", YES_NO, "no", False),
        _n("pr-text-initial", "prefilled", "text", None, "", "A tiny CLI"),
        _n("pr-password", "password-style", "secret"),
        _n(
            "pr-autocomplete",
            "prompts",
            "choice",
            ("MIT", "ISC", "Apache-2.0", "BSD-2-Clause", "AGPL-3.0"),
            "Apache-2.0",
            "Apache-2.0",
        ),
        _n(
            "cl-select-hint",
            "clack",
            "choice",
            ("Vercel", "Netlify", "Cloudflare Pages", "Node server", "Static export"),
            "Cloudflare Pages",
            "cf",
        ),
        _n(
            "cl-multiselect",
            "clack",
            "multi_choice",
            ("Sentry", "PostHog", "Stripe", "Resend"),
            "PostHog, Resend",
            ["posthog", "resend"],
        ),
        _n("cl-confirm", "clack", "yes_no", YES_NO, "no", False),
        _n("cl-text-default", "prefilled", "text", None, "", "./my-app"),
        _n("cl-password", "password-style", "secret"),
    ]


def node_lookalikes() -> list[Case]:
    names = [
        "look-node-repl",
        "look-stream-inquirer-menu",
        "look-spinner-question",
        "look-clack-spinner",
        "look-test-output",
        "look-dashboard",
        "look-npm-log-yn",
        "look-sleep-question-mark",
        "look-answered-prompts-then-work",
        "look-progress-bar",
    ]
    return [_n(n, LOOK, None) for n in names]


def held_out_8_cases() -> list[Case]:
    return (
        python_cases()
        + shell_cases()
        + node_cases()
        + python_lookalikes()
        + shell_lookalikes()
        + node_lookalikes()
    )
