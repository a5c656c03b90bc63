"""The third held-out set (``held_out_3``): new programs, never run through the detector
before the lead's one scoring run.

Real prompt libraries and real tools (``programs/held3.py``, ``programs/held3.sh``,
``node/held3.mjs``) in wordings and layouts neither earlier set uses: menus with
markers and item descriptions, pre-checked checkboxes, whiptail and dialog boxes
with custom labels and default No, numbered lists answered with a number or a
label, confirm-by-typing, wrapped questions, questions under coloured banners,
prefilled defaults, multi-letter key prompts, and the real ``cp -i``, ``rm -i``,
``git``, ``pip``, ``ssh-keygen``, ``gzip``, ``unzip`` and ``openssl`` questions in a
temporary directory; look-alikes are shells with unusual prompts, REPLs,
dashboards, progress bars, pagers and streamed text that quotes prompts. Each
expectation states what the program really does; ``held_check --split held_out_3`` proves that by
running every program in a bare PTY with the keys a person would press.
"""

from __future__ import annotations

from tests.prompt_corpus.case_set import NODE as _NODE, CaseSet
from tests.prompt_corpus.cases import YES_NO, Case

HELD_OUT_3 = "held_out_3"
_WT = ("whiptail",)
_DG = ("dialog",)
_GIT = ("git",)
_SSH = ("ssh-keygen",)
LOOK = "look-alike"


_SET = CaseSet("h3-", "held3", HELD_OUT_3)
_py, _node, _sh, _case = _SET.py, _SET.node, _SET.sh, _SET.case
_p, _n, _s = _SET.python, _SET.nodejs, _SET.shell


NOTIFY = ("build failed", "build fixed", "deploy started", "deploy finished", "weekly digest")


def python_cases() -> list[Case]:
    return [
        _p("click-compression", "click", "choice", ("gzip", "zstd", "none"), "none", "none"),
        _p("click-discard-wrapped", "click", "yes_no", YES_NO, "yes", True),
        _p("click-remote-default", "click", "text", None, "", "git@example.org:team/app.git"),
        _p("click-type-cluster", "confirm-by-typing", "text", None, "prod-eu-2", "deleted"),
        _p("typer-replicas", "typer", "text", None, "5", 5),
        _p("typer-banner-confirm", "typer", "yes_no", YES_NO, "no", False),
        _p("typer-db-password", "password-style", "secret"),
        _p(
            "rich-environment", "rich", "choice", ("dev", "test", "stage", "prod"), "stage", "stage"
        ),
        _p("rich-port", "rich", "text", None, "", 8080),
        _p("rich-panel-confirm", "rich", "yes_no", YES_NO, "yes", True),
        # The labels sit in a table above; the prompt itself only takes 1-4.
        _p("rich-numbered-profile", "numbered-line", "choice", None, "gpu-box", "gpu-box"),
        _p(
            "questionary-descriptions",
            "questionary",
            "choice",
            ("python3.12", "nodejs20.x", "provided.al2023"),
            "nodejs20.x",
            "nodejs20.x",
        ),
        _p(
            "questionary-triangle-default",
            "questionary",
            "choice",
            ("merge commit", "squash", "rebase", "fast-forward only"),
            "rebase",
            "rebase",
        ),
        # Three items start checked: the answer unchecks two and checks one.
        _p(
            "questionary-prechecked",
            "questionary",
            "multi_choice",
            NOTIFY,
            "build failed, deploy started",
            ["build failed", "deploy started"],
        ),
        _p(
            "questionary-rawselect",
            "questionary",
            "choice",
            ("stdout", "journald", "a file", "syslog"),
            "a file",
            "a file",
        ),
        _p("questionary-prefilled-keep", "prefilled", "text", None, "", "0.3.0"),
        # "latest" is already typed in the field: the answer replaces it.
        _p("questionary-prefilled-replace", "prefilled", "text", None, "v1.4.2", "v1.4.2"),
        _p("questionary-banner-confirm", "questionary", "yes_no", YES_NO, "no", False),
        _p("questionary-password", "questionary", "secret"),
        _p(
            "inquirerpy-separator-menu",
            "inquirerpy",
            "choice",
            ("t3.micro", "t3.small", "m6i.large", "m6i.xlarge"),
            "m6i.large",
            "m6i.large",
        ),
        _p(
            "inquirerpy-dots-checkbox",
            "inquirerpy",
            "multi_choice",
            ("Rust", "Go", "Kotlin", "Elixir", "Zig"),
            "Go, Zig",
            ["Go", "Zig"],
        ),
        _p(
            "inquirerpy-rawlist",
            "inquirerpy",
            "choice",
            ("UTC", "Europe/Berlin", "America/Chicago", "Asia/Tokyo"),
            "Asia/Tokyo",
            "Asia/Tokyo",
        ),
        # Collapsed expand prompt: only the keys "(rmxh)" are on screen.
        _p("inquirerpy-expand", "inquirerpy", "choice", None, "m", "merge"),
        _p("inquirerpy-number", "prefilled", "text", None, "90", "90"),
        _p("inquirerpy-secret", "inquirerpy", "secret"),
        _p("inquirerpy-confirm-default-yes", "inquirerpy", "yes_no", YES_NO, "no", False),
        _p(
            "ptk-radiolist",
            "prompt_toolkit",
            "choice",
            ("English (US)", "German", "French", "Swedish"),
            "French",
            "fr",
        ),
        _p(
            "ptk-checkboxlist",
            "prompt_toolkit",
            "multi_choice",
            ("Documentation", "Examples", "Plugin SDK"),
            "Documentation, Plugin SDK",
            ["docs", "sdk"],
        ),
        _p("ptk-yes-no-labels", "prompt_toolkit", "yes_no", ("Deploy", "Cancel"), "Cancel", False),
        _p("ptk-prefilled-branch", "prefilled", "text", None, "", "hotfix/login-timeout"),
        _p("ptk-confirm-shortcut", "prompt_toolkit", "yes_no", YES_NO, "yes", True),
        _p(
            "pick-menu",
            "pick",
            "choice",
            ("Ubuntu 24.04", "Debian 13", "Fedora 41", "Alpine 3.20"),
            "Fedora 41",
            "Fedora 41",
        ),
        _p(
            "pick-multi",
            "pick",
            "multi_choice",
            ("amd64", "arm64", "riscv64", "s390x"),
            "amd64, arm64",
            ["amd64", "arm64"],
        ),
        _p(
            "stm-menu",
            "simple-term-menu",
            "choice",
            ("small (2 vCPU)", "medium (4 vCPU)", "large (8 vCPU)"),
            "large (8 vCPU)",
            "large (8 vCPU)",
        ),
        _p(
            "stm-multi",
            "simple-term-menu",
            "multi_choice",
            ("cache", "artifacts", "logs", "coverage"),
            "artifacts, coverage",
            ["artifacts", "coverage"],
        ),
        _p("pyinquirer-list", "python-inquirer", "choice", ("S", "M", "L", "XL"), "L", "L"),
        _p(
            "pyinquirer-checkbox",
            "python-inquirer",
            "multi_choice",
            ("security", "performance", "releases", "community"),
            "security, releases",
            ["security", "releases"],
        ),
        _p("pyinquirer-confirm", "python-inquirer", "yes_no", YES_NO, "yes", True),
        _p("stdlib-type-database", "confirm-by-typing", "text", None, "analytics_prod", "dropped"),
        _p(
            "stdlib-selection-range",
            "numbered-line",
            "choice",
            ("6.8.0-41-generic", "6.8.0-40-generic", "6.5.0-35-generic"),
            "6.8.0-40-generic",
            "6.8.0-40-generic",
        ),
        _p("stdlib-gpg-style", "password-style", "secret"),
        # "[u]pdate / [s]kip / [i]gnore all / [q]uit": the program reads one letter.
        _p("stdlib-keys-line", "multi-key", "choice", None, "skip", "skip"),
    ]


def python_lookalikes() -> list[Case]:
    names = [
        "look-ci-log-questions",
        "look-agent-quotes-menu",
        "look-rich-layout",
        "look-rich-progress-question",
        "look-curses-clock",
        "look-answered-wizard",
        "look-http-server-log",
        "look-apt-log-repeats",
    ]
    return [_p(n, LOOK, None) for n in names]


SNAPSHOTS = (
    "2026-11-30 nightly",
    "2026-12-01 nightly",
    "2026-12-02 nightly",
    "2026-12-02 pre-upgrade",
    "2026-12-03 hourly",
)


def shell_cases() -> list[Case]:
    return [
        # dpkg's conffile question: six letters, the default in brackets.
        _s("read-dpkg-conffile", "multi-key", "choice", None, "Y", "Y"),
        _s("read-prefilled-keep", "prefilled", "text", None, "", "chore: bump dependencies"),
        _s("read-prefilled-replace", "prefilled", "text", None, "/opt/tools", "/opt/tools"),
        _s("read-banner-below", "banner", "yes_no", YES_NO, "yes", "y"),
        _s("read-type-phrase", "confirm-by-typing", "text", None, "delete my-assets-eu", "deleted"),
        # Typed as a number; the answer names the snapshot by its number.
        _s("read-number-quit", "numbered-line", "choice", SNAPSHOTS, "4", SNAPSHOTS[3]),
        _s(
            "select-spaces-ps3",
            "bash-select",
            "choice",
            ("nginx (pid 812)", "node server.js (pid 4410)", "leave both running"),
            "leave both running",
            "leave both running",
        ),
        _s("read-wrapped-narrow", "bash-read", "yes_no", ("yes", "no"), "no", "no"),
        _s("read-letter-keys", "multi-key", "choice", None, "r", "r"),
        _s("read-insert-disk", "bash-read", "press_enter", None, "", "continued"),
        _s(
            "select-after-noise",
            "bash-select",
            "choice",
            ("use react@18.3.1", "use react@19.0.0", "abort install"),
            "use react@18.3.1",
            "use react@18.3.1",
        ),
        _s("cp-i", "coreutils", "yes_no", None, "yes", "overwritten"),
        _s("rm-i", "coreutils", "yes_no", None, "no", "kept"),
        _s("mv-i", "coreutils", "yes_no", None, "yes", "moved"),
        _s("gzip-overwrite", "coreutils", "yes_no", None, "no", "kept"),
        # unzip: "[y]es, [n]o, [A]ll, [N]one, [r]ename".
        _s("unzip-replace", "multi-key", "choice", None, "n", "kept", needs=("unzip",)),
        _s("git-add-p", "git", "choice", None, "y", "staged", needs=_GIT),
        _s("git-checkout-p", "git", "choice", None, "n", "kept", needs=_GIT),
        _s(
            "git-clean-i",
            "git",
            "choice",
            ("clean", "filter by pattern", "select by numbers", "ask each", "quit", "help"),
            "clean",
            "removed",
            needs=_GIT,
        ),
        _s("git-credential-password", "password-style", "secret", needs=_GIT),
        _s("pip-uninstall", "pip", "yes_no", None, "no", "kept"),
        _s("ssh-keygen-overwrite", "ssh-keygen", "yes_no", None, "no", "kept", needs=_SSH),
        _s("ssh-keygen-passphrase", "password-style", "secret", needs=_SSH),
        _s("openssl-passphrase", "password-style", "secret", needs=("openssl",)),
        # gpg's pinentry-curses: a boxed passphrase dialog with <OK> and <Cancel>.
        _s("gpg-pinentry", "password-style", "secret", needs=("gpg", "pinentry-curses")),
        _s(
            "wt-yesno-defaultno-labels",
            "whiptail",
            "yes_no",
            ("Reboot", "Later"),
            "Later",
            "rc1",
            needs=_WT,
        ),
        _s(
            "wt-checklist-on",
            "whiptail",
            "multi_choice",
            ("ssh", "http", "https", "smtp", "dns"),
            "http, https",
            "rc0:http,https",
            needs=_WT,
        ),
        # Items carry descriptions; the tag is what the program gets back.
        _s("wt-radiolist-desc", "whiptail", "choice", None, "lz4", "rc0:lz4", needs=_WT),
        _s(
            "wt-menu-numbered",
            "whiptail",
            "choice",
            None,
            "Restore from backup",
            "rc0:3",
            needs=_WT,
        ),
        _s("wt-msgbox-custom-ok", "whiptail", "press_enter", ("Got it",), "", "rc0", needs=_WT),
        _s("wt-passwordbox", "whiptail", "secret", needs=_WT),
        _s("wt-inputbox-replace", "whiptail", "text", None, "admin", "rc0:admin", needs=_WT),
        _s("wt-yesno-plain-no", "whiptail", "yes_no", YES_NO, "no", "rc1", needs=_WT),
        _s("dg-yesno-labels", "dialog", "yes_no", ("Format", "Back"), "Format", "rc0", needs=_DG),
        _s("dg-defaultno-short", "dialog", "yes_no", YES_NO, "yes", "rc0", needs=_DG),
        _s("dg-menu-default-item", "dialog", "choice", None, "main", "rc0:main", needs=_DG),
        _s(
            "dg-checklist-desc",
            "dialog",
            "multi_choice",
            None,
            "docker, podman",
            "rc0:docker,podman",
            needs=_DG,
        ),
        _s(
            "dg-radiolist-no-tags",
            "dialog",
            "choice",
            ("Automatically", "Notify me first", "Manually"),
            "Manually",
            "rc0:manual",
            needs=_DG,
        ),
        _s(
            "dg-inputbox-keep",
            "dialog",
            "text",
            None,
            "",
            "rc0:https://mirror.example.org/debian",
            needs=_DG,
        ),
        _s("dg-msgbox-ok-label", "dialog", "press_enter", ("Continue",), "", "rc0", needs=_DG),
        _s("dg-menu-after-noise", "dialog", "choice", None, "docs", "rc0:docs", needs=_DG),
    ]


def shell_lookalikes() -> list[Case]:
    names = {
        "look-ps1-git-arrow": (),
        "look-ps1-kali-box": (),
        "look-ps1-lambda-question": (),
        "look-ps1-root-hash": (),
        "look-box-then-shell": (),
        "look-python-ps1": (),
        "look-node-custom-repl": _NODE,
        "look-sqlite-prompt": ("sqlite3",),
        "look-git-log-pager": ("git", "less"),
        "look-vim-file": ("vim",),
        "look-http-server": (),
        "look-vmstat": ("vmstat",),
        "look-dialog-progressbox": _DG,
        "look-less-dialog-doc": ("less",),
        "look-top-batch": ("top",),
    }
    return [_s(n, LOOK, None, needs=need) for n, need in names.items()]


CHROMIUM = ("chromium", "firefox", "webkit", "mobile safari")


def node_cases() -> list[Case]:
    return [
        _n(
            "iq-select-descriptions",
            "inquirer",
            "choice",
            ("memory", "redis", "disk"),
            "redis",
            "redis",
        ),
        _n(
            "iq-checkbox-checked",
            "inquirer",
            "multi_choice",
            CHROMIUM,
            "chromium, webkit",
            ["chromium", "webkit"],
        ),
        _n(
            "iq-rawlist",
            "inquirer",
            "choice",
            ("Keep a Changelog", "Conventional", "Plain list"),
            "Plain list",
            "Plain list",
        ),
        _n(
            "iq-expand-expanded",
            "inquirer",
            "choice",
            ("Update it", "Ignore it this time", "Fail the install"),
            "Ignore it this time",
            "ignore",
        ),
        # "@acme" is already typed in the field: the answer replaces it.
        _n("iq-input-prefill", "prefilled", "text", None, "@tether", "@tether"),
        _n("iq-password-mask", "inquirer", "secret"),
        _n("iq-number-default", "inquirer", "text", None, "", 6),
        _n("iq-confirm-after-log", "inquirer", "yes_no", YES_NO, "yes", True),
        _n(
            "iq-search",
            "inquirer",
            "choice",
            ("lodash", "lodash-es", "left-pad", "leftpad-ng", "lru-cache"),
            "left-pad",
            "left-pad",
        ),
        _n("inq-list", "inquirer-classic", "choice", ("18", "20", "22", "24"), "22", "22"),
        _n(
            "inq-rawlist",
            "inquirer-classic",
            "choice",
            ("on every push", "nightly", "on tags only"),
            "nightly",
            "nightly",
        ),
        _n(
            "inq-checkbox",
            "inquirer-classic",
            "multi_choice",
            ("dist/", "src/", "README.md", "tests/"),
            "dist/, src/",
            ["dist/", "src/"],
        ),
        _n("inq-confirm", "inquirer-classic", "yes_no", YES_NO, "no", False),
        _n("inq-input-default", "inquirer-classic", "text", None, "", "src/main.ts"),
        _n("inq-password", "inquirer-classic", "secret"),
        _n(
            "enq-select-hints",
            "enquirer",
            "choice",
            ("vite", "esbuild", "webpack"),
            "webpack",
            "webpack",
        ),
        _n(
            "enq-multiselect-initial",
            "enquirer",
            "multi_choice",
            ("pre-commit", "commit-msg", "pre-push", "post-merge"),
            "commit-msg, pre-push",
            ["commit-msg", "pre-push"],
        ),
        _n("enq-toggle-labels", "enquirer", "yes_no", ("Ship it", "Hold"), "Hold", False),
        _n("enq-input-initial", "enquirer", "text", None, "", "build/out"),
        _n("enq-password", "enquirer", "secret"),
        _n("enq-number", "enquirer", "text", None, "4", 4),
        _n("enq-confirm-banner", "banner", "yes_no", YES_NO, "yes", True),
        _n(
            "pr-select-description",
            "prompts",
            "choice",
            ("minimal", "api", "fullstack"),
            "fullstack",
            "fullstack",
        ),
        _n(
            "pr-multiselect-selected",
            "prompts",
            "multi_choice",
            ("core", "cli", "plugin-git", "plugin-s3"),
            "core, plugin-s3",
            ["core", "plugin-s3"],
        ),
        _n("pr-toggle-labels", "prompts", "yes_no", ("run", "skip"), "run", True),
        _n("pr-text-initial", "prompts", "text", None, "", "develop"),
        _n("pr-invisible", "password-style", "secret"),
        _n("pr-number", "prompts", "text", None, "45", 45),
        _n(
            "cl-select-initial",
            "clack",
            "choice",
            ("Vercel", "Fly.io", "My own server"),
            "My own server",
            "self",
        ),
        _n(
            "cl-multiselect-initial",
            "clack",
            "multi_choice",
            ("Tailwind CSS", "MDX", "Sitemap", "Partytown"),
            "MDX, Sitemap",
            ["mdx", "sitemap"],
        ),
        _n("cl-confirm-labels", "clack", "yes_no", ("Send", "Not yet"), "Not yet", False),
        # The URL is already typed in the field: the answer replaces it.
        _n(
            "cl-text-initial",
            "prefilled",
            "text",
            None,
            "https://example.org",
            "https://example.org",
        ),
        _n("cl-text-default", "clack", "text", None, "", "./content"),
        _n("cl-password", "clack", "secret"),
        _n(
            "cl-select-key",
            "clack",
            "choice",
            ("Retry the job", "Show the logs", "Ignore and continue"),
            "Show the logs",
            "l",
        ),
        _n("cl-box-confirm", "banner", "yes_no", YES_NO, "yes", True),
    ]


def node_lookalikes() -> list[Case]:
    names = [
        "look-clack-progress",
        "look-clack-stream",
        "look-spinner-question-text",
        "look-answered-inquirer-then-log",
    ]
    return [_n(n, LOOK, None) for n in names]


def held_out_3_cases() -> list[Case]:
    return (
        python_cases()
        + shell_cases()
        + node_cases()
        + python_lookalikes()
        + shell_lookalikes()
        + node_lookalikes()
    )
