"""The ninth held-out set (``held_out_9``): new programs, written blind and run through the
detector once, at the end of the session that froze it.

Like ``held_out_8`` it samples exactly the population issue 12 names: Python click, typer,
questionary, InquirerPy, prompt_toolkit and rich; Node @inquirer/prompts and inquirer,
enquirer, prompts and @clack/prompts; whiptail and dialog; bash ``read`` and ``select``; sudo-,
ssh- and gpg-style password prompts; the real ``cp -i``, ``mv -i``, ``ln -i``, ``rm -i``,
``git clean -i``, ``git checkout -p``, ``git add -p``, ``pip uninstall`` in a temporary venv,
``ssh-keygen`` (overwrite and new passphrase), ``openssl pkey`` and ``gpg`` (its
pinentry-curses box and its delete question) in a temporary directory; Python ``input()`` and
``getpass``. Every API a person answers with keys appears (select with descriptions,
separators, disabled rows, page sizes, shortcuts and defaults; checkboxes ticked and unticked;
confirm and toggle; text with a default kept or replaced; path; password and invisible input;
number; list; expand; rawlist; search, fuzzy and autocomplete; select-by-key; dialogs and
boxes), in wordings and layouts no earlier set uses. Look-alikes are REPLs and shells with odd
prompts, rich live tables, status and progress, click progress bars, full-screen viewers,
pagers (``less``, git's pager), vim as git's commit editor and on a help page, ``watch``,
``top``, whiptail and dialog info boxes and gauges, logs and streamed agent text quoting
prompts and menus, test runners, and programs that printed a question but never read.
``held_check --split held_out_9`` proves each expectation by running every program in a bare
PTY with the keys a person would press.
"""

from __future__ import annotations

from tests.prompt_corpus.case_set import CaseSet
from tests.prompt_corpus.cases import YES_NO, Case

HELD_OUT_9 = "held_out_9"
_WT = ("whiptail",)
_DG = ("dialog",)
_GIT = ("git",)
LOOK = "look-alike"
YN_WORDS = ("yes", "no")

_SET = CaseSet("h9-", "held9", HELD_OUT_9)
_p, _n, _s = _SET.python, _SET.nodejs, _SET.shell


def python_cases() -> list[Case]:
    codecs = ("opus", "aac", "mp3", "flac", "vorbis", "alac")
    return [
        _p("click-choice-codec", "click", "choice", codecs, "flac", "flac"),
        _p("click-confirm-slots", "click", "yes_no", YES_NO, "yes", True),
        _p("click-float-replace", "prefilled", "text", None, "0.05", 0.05),
        _p("click-hidden-twice", "password-style", "secret"),
        _p("click-text-label", "click", "text", None, "work laptop 2026", "work laptop 2026"),
        _p("click-confirmation-option", "click", "yes_no", YES_NO, "yes", "wiped"),
        # A red inverse two-line "ON-CALL HANDOFF" banner above the question.
        _p(
            "click-choice-under-red-banner",
            "banner",
            "choice",
            ("mira", "tobias", "keep it myself"),
            "tobias",
            "tobias",
        ),
        _p("click-pause", "press-enter", "press_enter", None, "", "resumed"),
        _p("click-getchar-letters", "multi-key", "choice", None, "r", "reject"),
        _p("click-intrange-replace", "prefilled", "text", None, "5", 5),
        _p("typer-option-prompt-text", "typer", "text", None, "svc-exporter", "svc-exporter"),
        _p("typer-option-prompt-bool", "typer", "yes_no", YES_NO, "yes", True),
        _p("typer-confirm-abort", "typer", "yes_no", YES_NO, "yes", "uploaded"),
        _p("typer-int-keep", "prefilled", "text", None, "", 4),
        _p("typer-password-twice", "password-style", "secret"),
        _p("typer-text-replace", "prefilled", "text", None, "trunk", "trunk"),
        _p(
            "rich-choice-compression",
            "rich",
            "choice",
            ("none", "gzip", "zstd", "brotli", "lz4"),
            "zstd",
            "zstd",
        ),
        _p("rich-int-choices", "rich", "choice", ("7", "14", "30", "90"), "30", 30),
        # The choices sit in the question's own words, not in rich's "[dev/qa/prod]".
        _p("rich-hidden-choices", "rich", "choice", ("dev", "qa", "prod"), "qa", "qa"),
        _p("rich-confirm-keep-default", "rich", "yes_no", YES_NO, "yes", True),
        _p("rich-float-replace", "prefilled", "text", None, "0.75", 0.75),
        _p("rich-text-default-keep", "prefilled", "text", None, "", "s3://acme-artifacts-eu"),
        _p("rich-password-vault", "password-style", "secret"),
        # A blue rich Panel titled "MAINTENANCE WINDOW" above the question.
        _p(
            "rich-choice-below-panel",
            "banner",
            "choice",
            ("email", "slack", "statuspage", "none"),
            "statuspage",
            "statuspage",
        ),
        # Each row has a description; the instruction is "(↑/↓, Enter)".
        _p(
            "q-select-descriptions",
            "questionary",
            "choice",
            ("30 days", "90 days", "1 year", "7 years", "forever"),
            "1 year",
            "1 year",
        ),
        # Four rows start ticked; the answer unticks two of them.
        _p(
            "q-checkbox-untick-two",
            "questionary",
            "multi_choice",
            (
                "E-mail the owner",
                "Post in #ops",
                "Page the on-call",
                "Open a ticket",
                "Tweet from @acmestatus",
                "Log only",
            ),
            "E-mail the owner, Page the on-call",
            ["E-mail the owner", "Page the on-call"],
        ),
        _p(
            "q-checkbox-three-of-seven",
            "questionary",
            "multi_choice",
            ("zsh", "starship", "fzf", "ripgrep", "bat", "eza", "zoxide"),
            "fzf, ripgrep, zoxide",
            ["fzf", "ripgrep", "zoxide"],
        ),
        _p("q-confirm-no-auto-enter", "questionary", "yes_no", YES_NO, "no", False),
        _p("q-text-replace", "prefilled", "text", None, "/api/v2", "/api/v2"),
        _p("q-password-keystore", "password-style", "secret"),
        _p(
            "q-rawselect-label",
            "questionary",
            "choice",
            ("empty", "minimal", "demo-shop", "load-test (2 M rows)", "anonymised prod"),
            "demo-shop",
            "demo-shop",
        ),
        _p("q-path-keep", "prefilled", "text", None, "", "./exports/2026-12"),
        _p("q-press-any-key", "press-enter", "press_enter", None, "", "flashed"),
        _p(
            "q-select-custom-shortcuts",
            "questionary",
            "choice",
            ("Keep both entries", "Keep mine", "Keep theirs", "Open the merge tool"),
            "Keep theirs",
            "Keep theirs",
        ),
        _p("q-autocomplete-meta", "questionary", "text", None, "c7gn", "c7gn"),
        # The pointer starts on the default "Fira Code"; the indicator marks the current row.
        _p(
            "q-select-eight-indicator",
            "questionary",
            "choice",
            (
                "JetBrains Mono",
                "Fira Code",
                "Iosevka",
                "Cascadia Code",
                "Hack",
                "Source Code Pro",
                "IBM Plex Mono",
                "Victor Mono",
            ),
            "IBM Plex Mono",
            "IBM Plex Mono",
        ),
        # A separator row between the second and third snapshots.
        _p(
            "ipy-select-separator",
            "inquirerpy",
            "choice",
            (
                "snap-0412 (today 03:00)",
                "snap-0411 (yesterday 03:00)",
                "snap-0405 (weekly)",
                "snap-0329 (weekly)",
                "snap-0301 (monthly)",
            ),
            "snap-0329 (weekly)",
            "snap-0329 (weekly)",
        ),
        _p(
            "ipy-checkbox-symbols",
            "inquirerpy",
            "multi_choice",
            ("cert-manager", "external-dns", "ingress-nginx", "metrics-server", "velero"),
            "external-dns, metrics-server",
            ["external-dns", "metrics-server"],
        ),
        _p("ipy-confirm-default-no", "inquirerpy", "yes_no", YES_NO, "yes", True),
        _p(
            "ipy-text-instruction", "inquirerpy", "text", None, "alerts-payments", "alerts-payments"
        ),
        _p("ipy-secret-registry", "password-style", "secret"),
        _p("ipy-expand-five", "inquirerpy", "choice", None, "b", "backup"),
        # The pointer starts on the default third row; answered by its number.
        _p(
            "ipy-rawlist-default-number",
            "inquirerpy",
            "choice",
            ("3.9", "3.10", "3.11", "3.12", "3.13", "3.14"),
            "5",
            "3.13",
        ),
        _p("ipy-number-float-keep", "prefilled", "text", None, "", 2.5),
        _p(
            "ipy-fuzzy-service",
            "inquirerpy",
            "choice",
            ("api-gateway", "billing-worker", "search-indexer", "mailer", "thumbnailer"),
            "search-indexer",
            "search-indexer",
        ),
        _p("ptk-prompt-toolbar", "prompt_toolkit", "text", None, "v26.12.1", "v26.12.1"),
        _p("ptk-yes-no-dialog-no", "prompt_toolkit", "yes_no", YES_NO, "no", False),
        _p(
            "ptk-radiolist-default",
            "prompt_toolkit",
            "choice",
            (
                "English (US)",
                "English (UK)",
                "German",
                "French (AZERTY)",
                "English (Dvorak)",
                "English (Colemak)",
            ),
            "English (Dvorak)",
            "dvorak",
        ),
        # Documents and Pictures start ticked; the answer unticks Pictures and ticks Mail.
        _p(
            "ptk-checkboxlist-defaults",
            "prompt_toolkit",
            "multi_choice",
            ("Documents", "Pictures", "Mail archive", "Virtual machines"),
            "Documents, Mail archive",
            ["docs", "mail"],
        ),
        _p("ptk-input-dialog-password", "password-style", "secret"),
        _p(
            "ptk-button-dialog-four",
            "prompt_toolkit",
            "choice",
            ("Ours", "Theirs", "Open editor", "Cancel"),
            "Open editor",
            "edit",
        ),
        # The pointer starts on the default third option; the answer is above it.
        _p(
            "ptk-choice-default-up",
            "prompt_toolkit",
            "choice",
            ("Every hour", "Every 6 hours", "Once a day", "Only when I ask"),
            "Every 6 hours",
            "6h",
        ),
        _p("ptk-confirm", "prompt_toolkit", "yes_no", YES_NO, "yes", True),
        _p("ptk-completer", "prompt_toolkit", "text", None, "stage-eu", "stage-eu"),
        _p("ptk-default-keep", "prefilled", "text", None, "", "svc.cluster.local"),
        _p(
            "std-numbered-default-three",
            "numbered-line",
            "choice",
            ("XS (1 vCPU)", "S (2 vCPU)", "M (4 vCPU)", "L (8 vCPU)", "XL (16 vCPU)"),
            "5",
            "XL (16 vCPU)",
        ),
        _p(
            "std-numbered-by-label",
            "numbered-line",
            "choice",
            ("English", "Deutsch", "Español", "Français", "Italiano", "Nederlands", "Polski"),
            "Nederlands",
            "Nederlands",
        ),
        _p("std-type-cluster-name", "confirm-by-typing", "text", None, "k8s-eu-west-2", "deleted"),
        _p("std-type-delete-caps", "confirm-by-typing", "text", None, "DELETE", "purged"),
        _p("std-wrapped-long-yn", "wrapped", "yes_no", YES_NO, "yes", "y"),
        _p("std-red-banner-yes-no", "banner", "yes_no", YN_WORDS, "no", "no"),
        _p("std-letter-keys", "multi-key", "choice", None, "r", "rename"),
        _p("std-bracket-keep-path", "prefilled", "text", None, "", "/mnt/team"),
        _p("std-bracket-replace-user", "prefilled", "text", None, "debian", "debian"),
        _p("std-getpass-sudo", "password-style", "secret"),
        _p("std-getpass-gpg-box", "password-style", "secret"),
        _p("std-press-enter-continue", "press-enter", "press_enter", None, "", "continued"),
        _p(
            "std-severity-slash-list",
            "stdlib",
            "choice",
            ("low", "medium", "high", "critical"),
            "critical",
            "critical",
        ),
        # A cyan inverse status bar between the question and the "flag key → " input line.
        _p(
            "std-question-below-banner",
            "banner",
            "text",
            None,
            "checkout-v3-flow",
            "checkout-v3-flow",
        ),
        _p(
            "std-bracket-list-choice",
            "stdlib",
            "choice",
            ("dev", "staging", "prod"),
            "staging",
            "staging",
        ),
        _p("std-question-then-arrow-line", "stdlib", "text", None, "2", "2"),
        _p("std-yn-after-table", "stdlib", "yes_no", YES_NO, "no", "n"),
    ]


def python_lookalikes() -> list[Case]:
    names = [
        "look-python-repl-chevrons",
        "look-rich-progress-files",
        "look-rich-live-services",
        "look-click-progressbar",
        "look-agent-streams-confirm",
        "look-question-then-default",
        "look-pytest-like-output",
        "look-build-steps-numbered",
        "look-sleep-gt-line",
        "look-log-lines-prompts",
        "look-curses-fullscreen",
        "look-ptk-repl-prompt",
        "look-rich-status-confirm",
        "look-stream-radio-quote",
        "look-rich-table-prompts",
        "look-ptk-fullscreen-viewer",
        "look-printed-yn-keeps-working",
        "look-pdb-prompt",
    ]
    # click.edit opens vim on the notes: an editor, never a prompt.
    vim = _SET.case(
        "look-click-edit-vim", LOOK, _SET.py("look_click_edit_vim"), None, needs=("vim",)
    )
    return [_p(n, LOOK, None) for n in names] + [vim]


def shell_cases() -> list[Case]:
    return [
        _s("read-yn-default-no", "bash-read", "yes_no", YES_NO, "yes", "y"),
        _s("read-yn-wrapped-long", "wrapped", "yes_no", YES_NO, "no", "n"),
        _s("read-prefill-replace", "prefilled", "text", None, "us-west-2", "us-west-2"),
        _s("read-prefill-keep", "prefilled", "text", None, "", "kept"),
        _s(
            "read-numbered-number",
            "numbered-line",
            "choice",
            ("13 (EOL 2025-11)", "14", "15", "16", "17", "18 (beta)"),
            "4",
            "pg16",
        ),
        _s(
            "read-numbered-label",
            "numbered-line",
            "choice",
            ("nano", "vim", "neovim", "helix", "emacs -nw"),
            "helix",
            "helix",
        ),
        _s(
            "select-ps3-label",
            "bash-select",
            "choice",
            ("billing-prod", "billing-staging", "billing-dev", "scratch", "abort restore"),
            "scratch",
            "scratch",
        ),
        _s(
            "select-ps3-number",
            "bash-select",
            "choice",
            (
                "admin@eu-prod",
                "admin@eu-stage",
                "readonly@eu-prod",
                "ci@eu-stage",
                "dev@eu-sandbox",
                "dev@eu-sandbox-2",
            ),
            "3",
            3,
        ),
        _s("read-type-project", "confirm-by-typing", "text", None, "mobile-backend", "deleted"),
        _s("read-type-lower-word", "confirm-by-typing", "text", None, "reset", "reset"),
        _s("read-sudo-password", "password-style", "secret"),
        _s("read-ssh-password", "password-style", "secret"),
        _s("read-gpg-style", "password-style", "secret"),
        _s("read-letter-keys", "multi-key", "choice", None, "s", "skip"),
        _s("read-press-enter", "press-enter", "press_enter", None, "", "ready"),
        # A magenta inverse banner above the question.
        _s("read-banner-below", "banner", "yes_no", YES_NO, "yes", "y"),
        _s("read-default-brackets-number", "prefilled", "text", None, "14", 14),
        # A yellow inverse status bar between the question and the "> " input line.
        _s("read-question-above-colour", "banner", "text", None, "iot-cameras", "iot-cameras"),
        _s("read-yes-no-words", "bash-read", "yes_no", YN_WORDS, "yes", "yes"),
        _s("read-n1-yn", "bash-read", "yes_no", YES_NO, "no", "n"),
        _s("cp-i-keep", "coreutils", "yes_no", None, "no", "mine"),
        _s("mv-i-replace", "coreutils", "yes_no", None, "yes", "v2"),
        _s("ln-i-replace", "coreutils", "yes_no", None, "yes", "linked"),
        _s("rm-i-keep", "coreutils", "yes_no", None, "no", "kept"),
        _s(
            "git-clean-i-quit",
            "git",
            "choice",
            ("clean", "filter by pattern", "select by numbers", "ask each", "quit", "help"),
            "quit",
            "kept",
            needs=_GIT,
        ),
        _s("git-checkout-p", "git", "choice", None, "y", "discarded", needs=_GIT),
        _s("git-add-p-no", "git", "choice", None, "n", "unstaged", needs=_GIT),
        _s(
            "ssh-keygen-overwrite",
            "ssh-keygen",
            "yes_no",
            YES_NO,
            "no",
            "kept",
            needs=("ssh-keygen",),
        ),
        _s("ssh-keygen-change-passphrase", "password-style", "secret", needs=("ssh-keygen",)),
        _s("openssl-pkey-passin", "password-style", "secret", needs=("openssl",)),
        # gpg's own pinentry-curses box, drawn by the real gpg-agent.
        _s("gpg-decrypt-pinentry", "password-style", "secret", needs=("gpg", "pinentry-curses")),
        _s("gpg-delete-key-yn", "gpg", "yes_no", YES_NO, "yes", "deleted", needs=("gpg",)),
        _s(
            "pip-uninstall-keep",
            "package-manager",
            "yes_no",
            YES_NO,
            "no",
            "kept",
            needs=("python3",),
        ),
        _s("wt-yesno-plain", "whiptail", "yes_no", YES_NO, "Yes", "rc0", needs=_WT),
        _s("wt-msgbox-ok", "whiptail", "press_enter", None, "", "rc0", needs=_WT),
        _s(
            "wt-menu-default-item",
            "whiptail",
            "choice",
            None,
            "Asia/Tokyo",
            "rc0:Asia/Tokyo",
            needs=_WT,
        ),
        _s(
            "wt-checklist-untick",
            "whiptail",
            "multi_choice",
            None,
            "wireguard, kvm, zram",
            "rc0:wireguard,kvm,zram",
            needs=_WT,
        ),
        _s(
            "wt-radiolist-shell",
            "whiptail",
            "choice",
            None,
            "/usr/bin/fish",
            "rc0:/usr/bin/fish",
            needs=_WT,
        ),
        _s(
            "wt-inputbox-empty",
            "whiptail",
            "text",
            None,
            "10.20.30.40/24",
            "rc0:10.20.30.40/24",
            needs=_WT,
        ),
        _s("wt-passwordbox-root", "whiptail", "secret", needs=_WT),
        _s(
            "wt-menu-notags",
            "whiptail",
            "choice",
            None,
            "Nightly at 02:00",
            "rc0:nightly",
            needs=_WT,
        ),
        _s("dg-yesno-defaultno", "dialog", "yes_no", YES_NO, "Yes", "rc0", needs=_DG),
        _s("dg-menu-seven", "dialog", "choice", None, "ch", "rc0:ch", needs=_DG),
        _s(
            "dg-checklist-untick",
            "dialog",
            "multi_choice",
            None,
            "ssh, https, imaps",
            "rc0:ssh,https,imaps",
            needs=_DG,
        ),
        _s("dg-radiolist-swap", "dialog", "choice", None, "8G", "rc0:8G", needs=_DG),
        _s(
            "dg-inputbox-prefilled-keep",
            "dialog",
            "text",
            None,
            "",
            "rc0:lab.acme.internal",
            needs=_DG,
        ),
        _s("dg-passwordbox", "dialog", "secret", needs=_DG),
        _s("dg-msgbox-ok-label", "dialog", "press_enter", None, "", "rc0", needs=_DG),
        _s(
            "dg-yesno-custom-labels",
            "dialog",
            "yes_no",
            ("Format", "Cancel"),
            "Format",
            "rc0",
            needs=_DG,
        ),
    ]


def shell_lookalikes() -> list[Case]:
    names = {
        "look-bash-ps1-question": (),
        "look-less-yn-log": ("less",),
        "look-git-diff-pager": ("git", "less"),
        "look-git-commit-editor": ("git", "vim"),
        "look-watch-password": ("watch",),
        "look-top-batchless": ("top",),
        "look-sleep-select-prompt": (),
        "look-log-loop-continue": (),
        "look-sh-dollar-angle": (),
        "look-whiptail-infobox": _WT,
        "look-dialog-gauge": _DG,
        "look-make-numbered": (),
        "look-bash-read-timeout-loop": (),
        "look-vim-help": ("vim",),
    }
    return [_s(n, LOOK, None, needs=needs) for n, needs in names.items()]


def node_cases() -> list[Case]:
    return [
        # A separator and a disabled "Rolldown" row; six rows a page.
        _n("iq-select-page-disabled", "inquirer", "choice", None, "Rspack", "rspack"),
        _n(
            "iq-checkbox-untick",
            "inquirer",
            "multi_choice",
            ("no-unused-vars", "no-console", "eqeqeq", "prefer-const", "no-explicit-any"),
            "no-unused-vars, eqeqeq, no-explicit-any",
            ["unused", "eqeqeq", "any"],
        ),
        _n("iq-confirm-default-true-no", "inquirer", "yes_no", YES_NO, "no", False),
        _n("iq-input-default-keep", "prefilled", "text", None, "", "6006"),
        _n("iq-password-hidden", "password-style", "secret"),
        _n("iq-number-replace", "prefilled", "text", None, "8", 8),
        _n("iq-expand-expanded", "inquirer", "choice", None, "d", "diff"),
        _n(
            "iq-rawlist-number",
            "inquirer",
            "choice",
            (
                "Plain CSS modules",
                "Tailwind CSS",
                "vanilla-extract",
                "styled-components",
                "Panda CSS",
                "UnoCSS",
            ),
            "Panda CSS",
            "panda",
        ),
        _n("iq-search-package", "inquirer", "choice", None, "dayjs", "dayjs"),
        _n(
            "iq-legacy-checkbox",
            "inquirer",
            "multi_choice",
            ("en", "de", "fr", "es", "pt-BR", "ja", "ko"),
            "de, pt-BR, ko",
            ["de", "pt-BR", "ko"],
        ),
        # The last row ("enterprise") is disabled; every row has a hint.
        _n("enq-select-hints", "enquirer", "choice", None, "pro", "pro"),
        # linux-x64 starts ticked; the answer unticks it and ticks two others.
        _n(
            "enq-multiselect-initial",
            "enquirer",
            "multi_choice",
            ("linux-x64", "linux-arm64", "darwin-arm64", "win32-x64", "freebsd-x64"),
            "linux-arm64, darwin-arm64",
            ["linux-arm64", "darwin-arm64"],
        ),
        _n("enq-toggle", "enquirer", "yes_no", ("Yep", "Nope"), "Yep", True),
        _n("enq-confirm-initial-true", "enquirer", "yes_no", YES_NO, "yes", True),
        _n("enq-input-replace", "prefilled", "text", None, "@tether", "@tether"),
        _n("enq-password-mask", "password-style", "secret"),
        _n("enq-number-initial-keep", "prefilled", "text", None, "", 3000),
        # Five of seven rows show at once.
        _n("enq-autocomplete-limit", "enquirer", "choice", None, "phosphor", "phosphor"),
        # The second row ("Clerk") is disabled.
        _n("pr-select-disabled", "prompts", "choice", None, "Supabase Auth", "supabase"),
        _n(
            "pr-multiselect-hint",
            "prompts",
            "multi_choice",
            (
                "nightly-backup",
                "weekly-report",
                "hourly-sync",
                "purge-sessions",
                "rotate-keys",
                "warm-cache",
            ),
            "hourly-sync, rotate-keys, warm-cache",
            ["sync", "rotate", "warm"],
        ),
        _n("pr-toggle", "prompts", "yes_no", ("on", "off"), "off", False),
        _n("pr-number-replace", "prefilled", "text", None, "8080", 8080),
        _n(
            "pr-list",
            "prompts",
            "text",
            None,
            "https://acme.dev,https://admin.acme.dev",
            ["https://acme.dev", "https://admin.acme.dev"],
        ),
        _n("pr-confirm-default-false", "prompts", "yes_no", YES_NO, "yes", True),
        _n("pr-invisible", "password-style", "secret"),
        _n(
            "cl-select-initial",
            "clack",
            "choice",
            ("Node.js 22", "Bun", "Deno 2", "workerd", "Vercel Edge"),
            "Deno 2",
            "deno",
        ),
        # Type check and Lint start ticked; the answer unticks Lint and ticks two more.
        _n(
            "cl-multiselect-initial",
            "clack",
            "multi_choice",
            ("Type check", "Lint", "Unit tests", "End-to-end tests", "Bundle size"),
            "Type check, Unit tests, Bundle size",
            ["types", "unit", "size"],
        ),
        _n("cl-confirm-labels", "clack", "yes_no", ("Ship it", "Hold"), "Hold", False),
        _n(
            "cl-text-placeholder-replace", "clack", "text", None, "billing-worker", "billing-worker"
        ),
        _n("cl-password-mask", "password-style", "secret"),
        _n(
            "cl-autocomplete",
            "clack",
            "choice",
            (
                "Europe/Lisbon",
                "Europe/Warsaw",
                "America/Toronto",
                "Asia/Singapore",
                "Australia/Perth",
            ),
            "America/Toronto",
            "America/Toronto",
        ),
        # A clack note box ("Heads up") above the question.
        _n("cl-note-then-confirm", "banner", "yes_no", YES_NO, "yes", True),
        _n(
            "iq-select-theme-prefix",
            "inquirer",
            "choice",
            ("patch (26.12.4)", "minor (26.13.0)", "major (27.0.0)", "prerelease (26.13.0-rc.0)"),
            "major (27.0.0)",
            "major",
        ),
        _n(
            "pr-autocomplete-multiselect",
            "prompts",
            "multi_choice",
            ("amelia", "bruno", "chidi", "dagny", "emeka"),
            "bruno, dagny",
            ["bruno", "dagny"],
        ),
        _n("cl-select-key", "clack", "choice", ("Overwrite", "Merge", "Keep"), "Merge", "m"),
    ]


def node_lookalikes() -> list[Case]:
    names = [
        "look-node-repl-gt",
        "look-stream-checkbox-menu",
        "look-spinner-password",
        "look-clack-log-steps",
        "look-vitest-output",
        "look-dashboard-radio",
        "look-npm-warn-continue",
        "look-sleep-arrow-prompt",
        "look-answered-then-install",
        "look-progress-blocks",
    ]
    return [_n(n, LOOK, None) for n in names]


def held_out_9_cases() -> list[Case]:
    return (
        python_cases()
        + shell_cases()
        + node_cases()
        + python_lookalikes()
        + shell_lookalikes()
        + node_lookalikes()
    )
