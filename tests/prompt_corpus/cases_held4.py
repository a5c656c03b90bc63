"""The fourth held-out set (``held_out_4``): new programs, written blind and run through
the detector once, at the end of the session that froze it.

Real prompt libraries and real tools (``programs/held4.py``, ``programs/held4.sh``,
``node/held4.mjs``; beaupy and bullet are new to the corpus) through APIs and layouts no
earlier set uses: autocomplete and fuzzy finders, shortcut-numbered and paged menus,
separators and disabled items, grouped multi-select, button dialogs, preselected
multi-menus, whiptail and dialog boxes with custom labels, no tags and pre-set items,
numbered lists answered by number and by label, confirm-by-typing, wrapped questions,
questions under banners, prefilled defaults kept and replaced, letter-key prompts, and the
real ``rm -I``, ``ln -i``, ``cp -i``, ``patch``, ``git stash -p``, ``git add -i``, ``git
credential``, ``npm init``, ``ssh-keygen -p``, ``openssl req``, ``pip`` and vim swap-file
questions in a temporary directory; look-alikes are shells and REPLs with odd prompts,
``watch``, ``top``, ``tail -f``, pagers, an editor, dashboards, progress bars, info and
gauge boxes and streamed text that quotes prompts. Each expectation states what the program
really does; ``held_check --split held_out_4`` proves that by running every program in a
bare PTY with the keys a person would press.
"""

from __future__ import annotations

from tests.prompt_corpus.case_set import NODE as _NODE, CaseSet
from tests.prompt_corpus.cases import YES_NO, Case

HELD_OUT_4 = "held_out_4"
_WT = ("whiptail",)
_DG = ("dialog",)
_GIT = ("git",)
_SSL = ("openssl",)
LOOK = "look-alike"


_SET = CaseSet("h4-", "held4", HELD_OUT_4)
_py, _node, _sh, _case = _SET.py, _SET.node, _SET.sh, _SET.case
_p, _n, _s = _SET.python, _SET.nodejs, _SET.shell


def python_cases() -> list[Case]:
    return [
        _p(
            "click-log-level",
            "click",
            "choice",
            ("debug", "info", "warning", "error"),
            "warning",
            "warning",
        ),
        _p("click-wrapped-keep-cache", "click", "yes_no", YES_NO, "no", False),
        _p("click-workers-default", "click", "text", None, "", 4),
        # Asked twice (the second time to repeat it); never answered for the owner.
        _p("click-new-password-twice", "password-style", "secret"),
        _p(
            "click-type-namespace", "confirm-by-typing", "text", None, "payments-staging", "deleted"
        ),
        _p("typer-rotate-keys", "banner", "yes_no", YES_NO, "yes", True),
        _p("typer-sample-rate", "typer", "text", None, "0.5", 0.5),
        _p("rich-purge-rule", "rich", "yes_no", YES_NO, "yes", True),
        _p("rich-region", "rich", "choice", ("eu", "us", "ap"), "ap", "ap"),
        _p("rich-token", "password-style", "secret"),
        _p("rich-cpu-limit", "rich", "text", None, "", 1.5),
        # The labels are a numbered list above; the prompt takes the number.
        _p(
            "rich-numbered-by-label",
            "numbered-line",
            "choice",
            ("bash", "zsh", "fish", "nushell"),
            "fish",
            "fish",
        ),
        # A text field whose completions appear only while typing.
        _p("questionary-autocomplete", "questionary", "text", None, "Norway", "Norway"),
        _p(
            "questionary-shortcuts",
            "questionary",
            "choice",
            ("pytest", "unittest", "nose2", "ward"),
            "nose2",
            "nose2",
        ),
        # Two separator titles between the items; orders-db starts checked.
        _p(
            "questionary-checkbox-titles",
            "questionary",
            "multi_choice",
            ("orders-db", "users-db", "media", "exports"),
            "users-db, exports",
            ["users-db", "exports"],
        ),
        _p("questionary-force-push", "questionary", "yes_no", YES_NO, "yes", True),
        _p("questionary-path-keep", "prefilled", "text", None, "", "./tether.toml"),
        _p(
            "questionary-channel-values",
            "questionary",
            "choice",
            ("stable (recommended)", "beta", "nightly"),
            "beta",
            "beta",
        ),
        _p(
            "inquirerpy-fuzzy",
            "inquirerpy",
            "choice",
            ("prod-eu", "prod-us", "staging", "dev-sandbox"),
            "staging",
            "staging",
        ),
        _p(
            "inquirerpy-checkbox-enabled",
            "inquirerpy",
            "multi_choice",
            ("cpu", "memory", "disk io", "network"),
            "cpu, network",
            ["cpu", "network"],
        ),
        _p("inquirerpy-text-default", "prefilled", "text", None, "", "ghcr.io/acme"),
        # Twenty zones, six on screen at a time: only the visible page is scored.
        _p("inquirerpy-paged-select", "paged", "choice", None, "zone-c", "zone-c"),
        _p("inquirerpy-filepath", "inquirerpy", "text", None, "./dump.sql", "./dump.sql"),
        _p(
            "ptk-button-dialog",
            "prompt_toolkit",
            "choice",
            ("Retry", "Skip", "Abort"),
            "Skip",
            "skip",
        ),
        _p("ptk-input-dialog", "prompt_toolkit", "text", None, "node-7", "node-7"),
        _p("ptk-message-dialog", "prompt_toolkit", "press_enter", ("Ok",), "", "ok"),
        _p("ptk-toolbar-prompt", "prompt_toolkit", "text", None, "aurora", "aurora"),
        _p("ptk-password-dialog", "prompt_toolkit", "secret"),
        _p(
            "pick-default-index",
            "pick",
            "choice",
            ("us-east-1", "eu-central-1", "ap-northeast-1"),
            "ap-northeast-1",
            "ap-northeast-1",
        ),
        # unit and lint start marked: the answer unmarks lint and marks e2e.
        _p(
            "stm-preselected",
            "simple-term-menu",
            "multi_choice",
            ("unit", "integration", "e2e", "lint"),
            "unit, e2e",
            ["unit", "e2e"],
        ),
        _p(
            "stm-status-bar",
            "simple-term-menu",
            "choice",
            ("keep local", "take remote", "open merge tool"),
            "take remote",
            "take remote",
        ),
        _p("pyinquirer-text-default", "python-inquirer", "text", None, "", "/mnt/data"),
        _p("pyinquirer-password", "python-inquirer", "secret"),
        _p(
            "pyinquirer-list-default",
            "python-inquirer",
            "choice",
            ("espresso", "flat white", "filter", "none"),
            "none",
            "none",
        ),
        _p(
            "beaupy-select",
            "beaupy",
            "choice",
            ("a10g (24 GB)", "l4 (24 GB)", "h100 (80 GB)"),
            "h100 (80 GB)",
            "h100 (80 GB)",
        ),
        # "#releases" starts ticked: the answer unticks it and ticks two others.
        _p(
            "beaupy-select-multiple-ticked",
            "beaupy",
            "multi_choice",
            ("#general", "#releases", "#eng", "#support"),
            "#general, #eng",
            ["#general", "#eng"],
        ),
        _p("beaupy-confirm", "beaupy", "yes_no", YES_NO, "no", False),
        _p("beaupy-prompt-initial", "prefilled", "text", None, "", "s3://builds"),
        _p("beaupy-secure", "beaupy", "secret"),
        _p(
            "bullet-menu",
            "bullet",
            "choice",
            ("redis", "memcached", "none"),
            "memcached",
            "memcached",
        ),
        # Unmarked rows carry no box at all; marked ones get a "√".
        _p(
            "bullet-check",
            "bullet",
            "multi_choice",
            ("users", "orders", "invoices", "events"),
            "orders, events",
            ["orders", "events"],
        ),
        _p("bullet-yesno", "bullet", "yes_no", YES_NO, "yes", True),
        _p("bullet-input-default", "bullet", "text", None, "", "My Blog"),
        _p(
            "stdlib-bracket-numbers",
            "numbered-line",
            "choice",
            ("JetBrains Mono", "Fira Code", "Iosevka", "Cascadia Code"),
            "Iosevka",
            "Iosevka",
        ),
        _p("stdlib-type-yes-capitals", "confirm-by-typing", "text", None, "YES", "wiped"),
        _p("stdlib-wrapped-narrow", "wrapped", "yes_no", YES_NO, "yes", "y"),
        _p("stdlib-question-under-banner", "banner", "yes_no", YES_NO, "no", "n"),
        # "(a)bort, (r)etry, (i)gnore?": the program reads one letter and Enter.
        _p("stdlib-abort-retry", "multi-key", "choice", None, "r", "retry"),
        _p("stdlib-token-hidden", "password-style", "secret"),
        _p("stdlib-press-enter-browser", "press-enter", "press_enter", None, "", "opened"),
    ]


def python_lookalikes() -> list[Case]:
    names = [
        "look-watch-dashboard",
        "look-curses-monitor",
        "look-agent-quotes-whiptail",
        "look-log-yn-lines",
        "look-code-interact",
        "look-rich-live-table",
        "look-download-bar",
        "look-answered-questionary",
    ]
    return [_p(n, LOOK, None) for n in names]


def shell_cases() -> list[Case]:
    return [
        _s("read-port-default", "prefilled", "text", None, "", 3000),
        _s("read-host-replace", "prefilled", "text", None, "db.internal", "db.internal"),
        # "v2.3.1" is already typed in the line: the answer replaces it.
        _s("read-prefilled-tag", "prefilled", "text", None, "v2.4.0", "v2.4.0"),
        # "[y]es/[n]o/[a]ll/[q]uit": four letters, read with Enter.
        _s("read-apply-all", "multi-key", "choice", None, "a", "all"),
        _s("read-one-key-reboot", "bash-read", "yes_no", YES_NO, "no", "n"),
        # Answered by number: "2" is 3.11 (printed bare, so it reads as a number).
        _s(
            "select-python-number",
            "bash-select",
            "choice",
            ("3.10", "3.11", "3.12", "3.13"),
            "2",
            3.11,
        ),
        _s(
            "select-action-label",
            "bash-select",
            "choice",
            ("migrate now", "show pending", "skip"),
            "show pending",
            "show pending",
        ),
        # "* 2) gcp" marks the default; the answer is a label.
        _s(
            "read-starred-default",
            "numbered-line",
            "choice",
            ("aws", "gcp", "azure"),
            "azure",
            "azure",
        ),
        _s("read-type-repo", "confirm-by-typing", "text", None, "acme/infra", "archived"),
        _s("read-secret-mysql", "password-style", "secret"),
        _s("read-question-two-lines", "wrapped", "yes_no", YES_NO, "yes", "y"),
        _s("read-after-banner", "banner", "yes_no", YES_NO, "no", "n"),
        _s("read-banner-below", "banner", "yes_no", ("yes", "no"), "no", "no"),
        _s("read-any-key-upgrade", "press-enter", "press_enter", None, "", "started"),
        # "rm: remove 5 arguments?"
        _s("rm-capital-i", "coreutils", "yes_no", None, "yes", "removed"),
        _s("ln-i", "coreutils", "yes_no", None, "yes", "linked"),
        _s("cp-i-no", "coreutils", "yes_no", None, "no", "kept"),
        # "Reversed (or previously applied) patch detected!  Assume -R? [n]"
        _s("patch-reversed", "patch", "yes_no", None, "yes", "reversed", needs=("patch",)),
        _s("git-stash-p", "git", "choice", None, "y", "stashed", needs=_GIT),
        _s(
            "git-add-i",
            "git",
            "choice",
            ("status", "update", "revert", "add untracked", "patch", "diff", "quit", "help"),
            "quit",
            "quit",
            needs=_GIT,
        ),
        _s("git-credential-username", "git", "text", None, "alice", "alice", needs=_GIT),
        # "Common Name (server FQDN) [localhost]:" with the default replaced.
        _s(
            "openssl-req-cn", "openssl", "text", None, "api.internal", "CN=api.internal", needs=_SSL
        ),
        # npm's own "Is this OK? (yes)" after it shows the package.json it would write.
        _s("npm-init-is-this-ok", "git-npm-pip", "yes_no", None, "no", "aborted", needs=("npm",)),
        _s("ssh-keygen-change-passphrase", "password-style", "secret", needs=("ssh-keygen",)),
        _s("pip-uninstall-yes", "pip", "yes_no", None, "yes", "uninstalled"),
        # vim's "[O]pen Read-Only, (E)dit anyway, (R)ecover, (D)elete it, (Q)uit, (A)bort:".
        _s("vim-swap", "multi-key", "choice", None, "q", "quit", needs=("vim", "script")),
        _s(
            "wt-yesno-install-skip",
            "whiptail",
            "yes_no",
            ("Install", "Skip"),
            "Skip",
            "rc1",
            needs=_WT,
        ),
        _s(
            "wt-menu-notags",
            "whiptail",
            "choice",
            (
                "English (United States)",
                "Deutsch (Deutschland)",
                "Nederlands",
                "Portugues (Brasil)",
            ),
            "Deutsch (Deutschland)",
            "rc0:de_DE",
            needs=_WT,
        ),
        # Tags with descriptions: the tag is what the program gets back.
        _s(
            "wt-checklist-none",
            "whiptail",
            "multi_choice",
            None,
            "cadvisor, promtail",
            "rc0:cadvisor,promtail",
            needs=_WT,
        ),
        _s("wt-inputbox-empty", "whiptail", "text", None, "office-5g", "rc0:office-5g", needs=_WT),
        _s("wt-passwordbox-wifi", "whiptail", "secret", needs=_WT),
        _s("wt-menu-default-item", "whiptail", "choice", None, "normal", "rc0:normal", needs=_WT),
        _s("wt-yesno-defaultno-yes", "whiptail", "yes_no", YES_NO, "yes", "rc0", needs=_WT),
        _s(
            "wt-radiolist-plain",
            "whiptail",
            "choice",
            ("bash", "zsh", "fish"),
            "fish",
            "rc0:fish",
            needs=_WT,
        ),
        # sshd, cron and cups start on: the answer keeps sshd and adds avahi.
        _s(
            "dg-checklist-preset",
            "dialog",
            "multi_choice",
            None,
            "sshd, avahi",
            "rc0:sshd,avahi",
            needs=_DG,
        ),
        # "debian" is already in the field: the answer replaces it.
        _s("dg-inputbox-replace", "dialog", "text", None, "build-07", "rc0:build-07", needs=_DG),
        _s("dg-passwordbox", "dialog", "secret", needs=_DG),
        _s(
            "dg-menu-numbers",
            "dialog",
            "choice",
            None,
            "Clean package cache",
            "rc0:3",
            needs=_DG,
        ),
        _s("dg-yesno-plain-no", "dialog", "yes_no", YES_NO, "no", "rc1", needs=_DG),
        _s("dg-radiolist-desc", "dialog", "choice", None, "btrfs", "rc0:btrfs", needs=_DG),
        _s(
            "dg-yesno-labels-wrapped",
            "dialog",
            "yes_no",
            ("Upload", "Keep local"),
            "Keep local",
            "rc1",
            needs=_DG,
        ),
        _s("dg-msgbox-exit-label", "dialog", "press_enter", ("Close",), "", "rc0", needs=_DG),
    ]


def shell_lookalikes() -> list[Case]:
    names = {
        "look-watch-cmd": ("watch",),
        "look-top-interactive": ("top",),
        "look-less-menu-doc": ("less",),
        "look-tail-log": ("tail",),
        "look-whiptail-infobox": _WT,
        "look-dialog-gauge": _DG,
        "look-ps1-question-mark": (),
        "look-ps1-yn": (),
        "look-bc-repl": ("bc",),
        "look-node-repl-prompt": _NODE,
        "look-sqlite-default": ("sqlite3",),
        "look-shell-after-select": (),
        "look-ps1-percent": (),
        "look-python-repl-after-question": (),
        "look-git-diff-pager": ("git", "less"),
        "look-ed-prompt": ("ed",),
        "look-sleep-after-answer": (),
        "look-vim-whiptail-doc": ("vim",),
    }
    return [_s(n, LOOK, None, needs=need) for n, need in names.items()]


def node_cases() -> list[Case]:
    return [
        _n(
            "iq-select-separator",
            "inquirer",
            "choice",
            ("npm", "pnpm", "yarn (classic)", "bun"),
            "bun",
            "bun",
        ),
        # Twelve flags, five on screen at a time: only the visible page is scored.
        _n("iq-checkbox-paged", "paged", "multi_choice", None, "bravo, delta", ["bravo", "delta"]),
        _n("iq-confirm-yes-default", "inquirer", "yes_no", YES_NO, "no", False),
        _n("iq-input-required", "inquirer", "text", None, "#ops-alerts", "#ops-alerts"),
        _n("iq-password-hidden", "inquirer", "secret"),
        # Collapsed expand prompt: only the keys "(Yndh)" are on screen.
        _n("iq-expand-collapsed", "inquirer", "choice", None, "n", "skip"),
        _n(
            "iq-rawlist-label",
            "inquirer",
            "choice",
            ("ISO 8601", "RFC 2822", "epoch seconds"),
            "epoch seconds",
            "epoch seconds",
        ),
        _n("iq-number-replace", "inquirer", "text", None, "5", 5),
        # "edge" is drawn but disabled "(no quota)": options are not scored.
        _n("iq-select-disabled", "inquirer", "choice", None, "production", "production"),
        _n("inq-list-paged", "paged", "choice", None, "12", "12"),
        _n(
            "inq-checkbox-none",
            "inquirer-classic",
            "multi_choice",
            ("bug", "docs", "security", "good first issue"),
            "bug, security",
            ["bug", "security"],
        ),
        _n("inq-confirm-no-default", "inquirer-classic", "yes_no", YES_NO, "yes", True),
        _n("inq-input-replace", "inquirer-classic", "text", None, "pnpm vitest", "pnpm vitest"),
        _n(
            "enq-autocomplete",
            "enquirer",
            "choice",
            ("Europe/Oslo", "Europe/Paris", "America/Denver", "Asia/Seoul", "Australia/Perth"),
            "Asia/Seoul",
            "Asia/Seoul",
        ),
        _n(
            "enq-select-plain",
            "enquirer",
            "choice",
            ("postgres", "mysql", "mariadb"),
            "mariadb",
            "mariadb",
        ),
        _n(
            "enq-multiselect-plain",
            "enquirer",
            "multi_choice",
            ("ana", "ben", "chen", "dara"),
            "ben, dara",
            ["ben", "dara"],
        ),
        _n("enq-confirm-default-true", "enquirer", "yes_no", YES_NO, "no", False),
        _n("enq-invisible", "password-style", "secret"),
        _n("enq-input-plain", "enquirer", "text", None, "parser", "parser"),
        _n(
            "pr-autocomplete",
            "prompts",
            "choice",
            ("Dracula", "Gruvbox", "Nord", "Solarized"),
            "Nord",
            "Nord",
        ),
        _n("pr-confirm-initial", "prompts", "yes_no", YES_NO, "no", False),
        _n("pr-select-hint", "prompts", "choice", ("json", "logfmt", "pretty"), "pretty", "pretty"),
        _n("pr-password", "prompts", "secret"),
        _n(
            "pr-list",
            "prompts",
            "text",
            None,
            "https://a.example, https://b.example",
            ["https://a.example", "https://b.example"],
        ),
        # Group headers ("Style", "Safety") sit between the items and select their group.
        _n(
            "cl-group-multiselect",
            "clack",
            "multi_choice",
            None,
            "semi, eqeqeq",
            ["semi", "eqeqeq"],
        ),
        _n("cl-select-paged", "paged", "choice", None, "Chicago", "Chicago"),
        _n("cl-note-then-confirm", "clack", "yes_no", YES_NO, "yes", True),
        _n("cl-text-validate", "clack", "text", None, "platform", "platform"),
        _n("cl-password-mask", "clack", "secret"),
        _n(
            "cl-autocomplete",
            "clack",
            "choice",
            ("astro", "next", "nuxt", "remix", "sveltekit"),
            "remix",
            "remix",
        ),
        _n(
            "cl-spinner-then-select",
            "clack",
            "choice",
            ("public package", "restricted package"),
            "restricted package",
            "restricted",
        ),
    ]


def node_lookalikes() -> list[Case]:
    names = [
        "look-node-repl-question",
        "look-clack-spinner-quote",
        "look-stream-checkbox-text",
        "look-inquirer-answered-then-spinner",
    ]
    return [_n(n, LOOK, None) for n in names]


def held_out_4_cases() -> list[Case]:
    return (
        python_cases()
        + shell_cases()
        + node_cases()
        + python_lookalikes()
        + shell_lookalikes()
        + node_lookalikes()
    )
