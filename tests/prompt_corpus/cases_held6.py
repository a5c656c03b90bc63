"""The sixth held-out set (``held_out_6``): new programs, written blind and run through the
detector once, at the end of the session that froze it.

Real prompt libraries and real tools (``programs/held6.py``, ``programs/held6.sh``,
``node/held6.mjs``) in wordings and layouts no earlier set uses: click's pause and getchar
keys, rich's IntPrompt with choices and FloatPrompt, questionary's shortcuts, descriptions and
autocomplete, InquirerPy's fuzzy and multiselect select, prompt_toolkit's input, button and
message dialogs and its confirm, cutie (select with captions, select_multiple, yes/no, number,
secure input), readline-sync (keyInYN, keyInSelect, keyIn with a limit, keyInPause, hidden
questions), enquirer's AutoComplete, Invisible and List, prompts' autocomplete and list,
clack's paged select and password; whiptail and dialog boxes with renamed buttons, default
items, long lists and prefilled fields; numbered lists of six to eight rows answered by number
and by label, labels with punctuation and accents, confirm-by-typing below a "> ", a
terraform-style "Enter a value:", a dpkg-style conffile question, wrapped questions, banners,
prefilled defaults kept and replaced, letter keys; and the real ``mkfs.ext4`` (on a file
image), ``git clean -i``, ``git checkout -p``, ``ln -i``, ``rm -I``, ``unzip`` overwrite,
``ssh-keygen -y``, ``openssl passwd`` and ``openssl pkey`` in a temporary directory.
Look-alikes are pdb, a cmd shell, REPLs and shells with odd prompts, live tables and
dashboards, spinners, countdowns, pagers, editors, ``top``, ``watch``, ``dd`` progress, info
boxes, logs and streamed text quoting prompts, and programs that printed a question but never
read. ``held_check --split held_out_6`` proves each expectation by running every program in a
bare PTY with the keys a person would press.
"""

from __future__ import annotations

from tests.prompt_corpus.case_set import CaseSet
from tests.prompt_corpus.cases import YES_NO, Case

HELD_OUT_6 = "held_out_6"
_WT = ("whiptail",)
_DG = ("dialog",)
_GIT = ("git",)
_SSL = ("openssl",)
LOOK = "look-alike"

_SET = CaseSet("h6-", "held6", HELD_OUT_6)
_p, _n, _s = _SET.python, _SET.nodejs, _SET.shell


def python_cases() -> list[Case]:
    return [
        _p(
            "click-arch-choice-six",
            "click",
            "choice",
            ("x86_64", "aarch64", "riscv64", "ppc64le", "s390x", "armv7l"),
            "riscv64",
            "riscv64",
        ),
        _p("click-float-keep", "prefilled", "text", None, "", 0.25),
        _p("click-confirm-default-yes-no", "click", "yes_no", YES_NO, "no", False),
        _p("click-pause", "press-enter", "press_enter", None, "", "writing"),
        # One key, no Enter: "[a] approve   [r] reject   [s] skip for now".
        _p("click-getchar-review", "multi-key", "choice", None, "r", "reject"),
        # Asked twice (the second time to repeat it); never answered for the owner.
        _p("click-hidden-pin", "password-style", "secret"),
        _p("typer-int-keep", "prefilled", "text", None, "", 5),
        _p(
            "typer-log-level-seven",
            "typer",
            "choice",
            ("trace", "debug", "info", "notice", "warning", "error", "critical"),
            "warning",
            "warning",
        ),
        _p("rich-confirm-prune", "rich", "yes_no", YES_NO, "yes", True),
        _p("rich-int-choices-days", "rich", "choice", ("7", "14", "30", "90"), "90", 90),
        _p("rich-float-keep", "prefilled", "text", None, "", 1.5),
        # A red rule and a yellow notice above the question.
        _p("rich-rule-banner-confirm", "banner", "yes_no", YES_NO, "no", False),
        # Seven rows numbered "1) ... 7)"; the answer is a label, not the first.
        _p(
            "questionary-shortcuts-seven",
            "questionary",
            "choice",
            (
                "Never",
                "On every event",
                "Hourly digest",
                "Daily digest",
                "Weekly digest",
                "Monthly summary",
                "Only on failures",
            ),
            "Weekly digest",
            "Weekly digest",
        ),
        _p(
            "questionary-descriptions",
            "questionary",
            "choice",
            ("in-memory", "redis", "memcached", "disk"),
            "memcached",
            "memcached",
        ),
        _p(
            "questionary-unicode-regions",
            "questionary",
            "choice",
            (
                "Paris (eu-west-3)",
                "Zürich — eu-central-2",
                "São Paulo (sa-east-1)",
                "Montréal (ca-central-1)",
                "Ōsaka / ap-northeast-3",
            ),
            "Montréal (ca-central-1)",
            "Montréal (ca-central-1)",
        ),
        # unit tests and type check start checked: the answer drops type check, adds two.
        _p(
            "questionary-checkbox-checked",
            "questionary",
            "multi_choice",
            ("unit tests", "type check", "e2e (slow)", "licence scan", "bundle size"),
            "unit tests, licence scan, bundle size",
            ["unit tests", "licence scan", "bundle size"],
        ),
        _p("questionary-confirm-no-auto-enter", "questionary", "yes_no", YES_NO, "no", False),
        _p("questionary-path-keep", "prefilled", "text", None, "", "./data/raw"),
        _p("questionary-autocomplete-country", "questionary", "text", None, "NZ", "NZ"),
        # Eight services filtered as one types; the answer is the fifth.
        _p(
            "inquirerpy-fuzzy-services",
            "inquirerpy",
            "choice",
            None,
            "payments-worker",
            "payments-worker",
        ),
        _p(
            "inquirerpy-select-multiselect",
            "inquirerpy",
            "multi_choice",
            ("eu-north", "eu-south", "us-east", "us-west", "ap-south"),
            "eu-south, us-west",
            ["eu-south", "us-west"],
        ),
        _p("inquirerpy-filepath-keep", "prefilled", "text", None, "", "~/.ssh/id_ed25519"),
        # The first label is longer than a row and drawn cut at the edge: options are not
        # scored; the program returns the answer's first four letters.
        _p(
            "inquirerpy-long-labels",
            "inquirerpy",
            "choice",
            None,
            "Drop only the corrupted segments and reindex the documents they held",
            "Drop",
        ),
        _p("ptk-input-dialog-host", "prompt_toolkit", "text", None, "edge-07", "edge-07"),
        _p(
            "ptk-button-dialog-three",
            "prompt_toolkit",
            "choice",
            ("Retry", "Skip", "Abort"),
            "Skip",
            "skip",
        ),
        _p("ptk-message-dialog", "prompt_toolkit", "press_enter", ("Ok",), "", "acknowledged"),
        # A bottom toolbar drawn on the last row, under the question.
        _p("ptk-bottom-toolbar", "prompt_toolkit", "text", None, "aurora", "aurora"),
        _p("ptk-confirm-detach", "prompt_toolkit", "yes_no", YES_NO, "yes", True),
        _p("ptk-password-dialog", "password-style", "secret"),
        _p(
            "pick-arrow-indicator",
            "pick",
            "choice",
            ("ubuntu-24.04", "debian-12", "fedora-41", "alpine-3.21", "arch", "nixos-24.11"),
            "nixos-24.11",
            "nixos-24.11",
        ),
        # cpu and memory start selected: the answer drops memory and adds disk and gpu.
        _p(
            "stm-multi-preselected",
            "simple-term-menu",
            "multi_choice",
            ("cpu", "memory", "disk", "network", "gpu"),
            "cpu, disk, gpu",
            ["cpu", "disk", "gpu"],
        ),
        _p(
            "pyinq-list-carousel",
            "python-inquirer",
            "choice",
            ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"),
            "Saturday",
            "Saturday",
        ),
        _p("pyinq-text-default", "prefilled", "text", None, "", "apps"),
        # ruff starts ticked: the answer keeps it and adds mypy.
        _p(
            "beaupy-select-multiple",
            "beaupy",
            "multi_choice",
            ("black", "ruff", "isort", "mypy", "pyright"),
            "ruff, mypy",
            ["ruff", "mypy"],
        ),
        _p(
            "bullet-star",
            "bullet",
            "choice",
            ("local docker", "self-hosted VM", "cloud pool"),
            "cloud pool",
            "cloud pool",
        ),
        # Two caption rows ("Individual:", "Team:") are not choices.
        _p(
            "cutie-select-captions",
            "cutie",
            "choice",
            ("Free", "Pro", "Business", "Enterprise"),
            "Business",
            "Business",
        ),
        # en starts ticked: the answer keeps it and adds ko.
        _p(
            "cutie-select-multiple",
            "cutie",
            "multi_choice",
            ("en", "fr", "it", "ko", "zh-Hant"),
            "en, ko",
            ["en", "ko"],
        ),
        _p("cutie-yes-no", "cutie", "yes_no", YES_NO, "yes", True),
        _p("cutie-number", "cutie", "text", None, "64", 64),
        _p("cutie-secure", "password-style", "secret"),
        # Answered by number: "4" is the mailer.
        _p(
            "stdlib-number-of-six",
            "numbered-line",
            "choice",
            ("gateway", "auth", "ledger", "mailer", "scheduler", "search"),
            "4",
            "mailer",
        ),
        _p(
            "stdlib-key-type-label",
            "numbered-line",
            "choice",
            ("ed25519", "ecdsa-p256", "rsa-4096", "ed25519-sk (hardware)"),
            "rsa-4096",
            "rsa-4096",
        ),
        _p("stdlib-wrapped-sixty", "wrapped", "yes_no", YES_NO, "yes", "y"),
        _p("stdlib-banner-then-question", "banner", "yes_no", ("yes", "no"), "yes", "yes"),
        _p("stdlib-type-yes-caps", "confirm-by-typing", "text", None, "YES", "reset"),
        # The question ends above; the input line is only "> ".
        _p(
            "stdlib-type-below-arrow",
            "confirm-by-typing",
            "text",
            None,
            "wipe scratch-02",
            "wiped",
        ),
        _p("stdlib-press-enter-led", "press-enter", "press_enter", None, "", "paired"),
        # "[m]ine / [t]heirs / [b]oth / [e]dit:": one letter and Enter.
        _p("stdlib-mine-theirs", "multi-key", "choice", None, "t", "theirs"),
        _p("stdlib-getpass-ssh", "password-style", "secret"),
        _p("stdlib-angle-default", "prefilled", "text", None, "", "0.0.0.0:8080"),
        # readline puts "build-01" in the line: the answer replaces it.
        _p("stdlib-readline-replace", "prefilled", "text", None, "build-02", "build-02"),
        # "[1] XS  [2] S ... [7] 3XL" on one row; answered by label.
        _p(
            "stdlib-brackets-seven",
            "numbered-line",
            "choice",
            ("XS", "S", "M", "L", "XL", "2XL", "3XL"),
            "2XL",
            "2XL",
        ),
        # A curses checklist, "Compress logs" on; the answer adds Vacuum database.
        _p(
            "stdlib-curses-checklist",
            "curses",
            "multi_choice",
            ("Compress logs", "Rotate keys", "Vacuum database", "Purge CDN"),
            "Compress logs, Vacuum database",
            ["Compress logs", "Vacuum database"],
        ),
        # The question sits on its own row; the input line is only ": ".
        _p(
            "stdlib-colon-next-line",
            "stdlib",
            "text",
            None,
            "ops@example.org",
            "ops@example.org",
        ),
        _p("stdlib-git-credential-style", "password-style", "secret"),
    ]


def python_lookalikes() -> list[Case]:
    names = [
        "look-help-repl",
        "look-pdb",
        "look-cmd-shell",
        "look-rich-live-table",
        "look-rich-status",
        "look-agent-quotes-dialog",
        "look-agent-quotes-checkbox",
        "look-log-password-lines",
        "look-progress-continue",
        "look-answered-itself",
        "look-menu-no-read",
        "look-sleep-guillemet",
        "look-curses-dashboard",
        "look-test-runner-names",
        "look-build-steps",
        "look-json-log",
        "look-countdown",
        "look-ptk-fullscreen-viewer",
    ]
    return [_p(n, LOOK, None) for n in names]


def shell_cases() -> list[Case]:
    return [
        _s("read-n1-any-key", "press-enter", "press_enter", None, "", "resumed"),
        _s("read-yes-no-upper", "bash-read", "yes_no", ("yes", "no"), "yes", "yes"),
        # "Please type acme/website to confirm." then a bare "> ".
        _s("read-type-repo-arrow", "confirm-by-typing", "text", None, "acme/website", "deleted"),
        # Terraform's "Only 'yes' will be accepted to approve." and "Enter a value:".
        _s("read-terraform-value", "confirm-by-typing", "text", None, "yes", "applied"),
        _s("read-brace-default", "prefilled", "text", None, "", "localhost"),
        # "v1.8.0" is already typed in the line: the answer replaces it.
        _s("read-prefill-tag-replace", "prefilled", "text", None, "v1.9.0", "v1.9.0"),
        _s("read-wrapped-three-rows", "wrapped", "yes_no", YES_NO, "yes", "y"),
        _s("read-inverse-banner", "banner", "yes_no", YES_NO, "no", "n"),
        # "[Y]es [N]o [A]ll [Q]uit": one letter and Enter.
        _s("read-yes-no-all-quit", "multi-key", "choice", None, "a", "all"),
        _s("read-secret-token", "password-style", "secret"),
        # Answered by number: "6" is python3.13.
        _s(
            "read-eight-by-number",
            "numbered-line",
            "choice",
            (
                "python3.8",
                "python3.9",
                "python3.10",
                "python3.11",
                "python3.12",
                "python3.13",
                "python3.14",
                "pypy3.10",
            ),
            "6",
            "python3.13",
        ),
        _s(
            "read-punct-by-label",
            "numbered-line",
            "choice",
            (
                "PostgreSQL 16 (managed, €29/mo)",
                "MySQL 8.4 — community",
                "SQLite (file: ./app.db)",
                "DuckDB [experimental]",
            ),
            "SQLite (file: ./app.db)",
            "sqlite",
        ),
        # dpkg's conffile question: "*** sshd_config (Y/I/N/O/D/Z) [default=N] ?".
        _s("read-dpkg-conffile", "package-manager", "choice", None, "N", "keep"),
        _s("read-apt-space", "package-manager", "yes_no", YES_NO, "no", "Abort."),
        # "New password:" then "Retype new password:", as passwd asks.
        _s("read-retype-secret", "password-style", "secret"),
        # One key, no Enter: "(r)erun failed, (f)ull run, (o)pen report, (q)uit:".
        _s("read-n1-letters", "multi-key", "choice", None, "f", "full"),
        _s(
            "select-ps3-arrow",
            "bash-select",
            "choice",
            ("linux-lts 6.6", "linux 6.12", "linux-zen", "linux-hardened", "linux-rt"),
            "linux-hardened",
            "linux-hardened",
        ),
        # bash lays seven items out in columns under the default "#? ".
        _s(
            "select-columns-number",
            "bash-select",
            "choice",
            (
                "Europe/Lisbon",
                "Europe/London",
                "Europe/Dublin",
                "Atlantic/Madeira",
                "Atlantic/Canary",
                "Atlantic/Azores",
                "Africa/Casablanca",
            ),
            "5",
            "Atlantic/Canary",
        ),
        # A green "?", the question in bold, the default dim in parentheses: Enter keeps it.
        _s("read-green-qmark-default", "prefilled", "text", None, "", "feature/login-v2"),
        # "Number of replicas?" then "(default 3) > " on the next row.
        _s("read-default-next-line", "prefilled", "text", None, "", 3),
        # "disk.img contains a ext4 file system ... Proceed anyway? (y,N)".
        _s("mkfs-proceed", "mkfs", "yes_no", None, "yes", "formatted", needs=("mkfs.ext4",)),
        # "*** Commands ***" in two rows of three, then "What now>".
        _s(
            "git-clean-i",
            "git",
            "choice",
            ("clean", "filter by pattern", "select by numbers", "ask each", "quit", "help"),
            "clean",
            "cleaned",
            needs=_GIT,
        ),
        # "(1/1) Discard this hunk from worktree [y,n,q,a,e,?]?"
        _s("git-checkout-p", "git", "choice", None, "y", "discarded", needs=_GIT),
        # "ln: replace 'current'?"
        _s("ln-i-replace", "coreutils", "yes_no", None, "yes", "releases/42"),
        # "rm: remove 4 arguments?"
        _s("rm-big-i", "coreutils", "yes_no", None, "yes", "removed"),
        # "replace out/notes.txt? [y]es, [n]o, [A]ll, [N]one, [r]ename:"
        _s("unzip-all", "coreutils", "choice", None, "A", "new-new", needs=("zip", "unzip")),
        _s("ssh-keygen-y", "password-style", "secret", needs=("ssh-keygen",)),
        # "Password:" then "Verifying - Password:".
        _s("openssl-passwd", "password-style", "secret", needs=_SSL),
        _s("openssl-pkey-pass", "password-style", "secret", needs=_SSL),
        # Seven tags with descriptions, "eu" the default item; the tag is returned.
        _s("wt-menu-default-item", "whiptail", "choice", None, "jp", "rc0:jp", needs=_WT),
        _s(
            "wt-yesno-renamed",
            "whiptail",
            "yes_no",
            ("Reboot now", "Later"),
            "Later",
            "rc1",
            needs=_WT,
        ),
        # docs starts on: the answer keeps it and adds lsp and tests.
        _s(
            "wt-checklist-long",
            "whiptail",
            "multi_choice",
            None,
            "docs, lsp, tests",
            "rc0:docs,lsp,tests",
            needs=_WT,
        ),
        # "example.test" is already in the field: the answer replaces it.
        _s(
            "wt-inputbox-replace",
            "whiptail",
            "text",
            None,
            "tether.example.org",
            "rc0:tether.example.org",
            needs=_WT,
        ),
        _s("wt-passwordbox-wifi", "whiptail", "secret", needs=_WT),
        _s("wt-radiolist-timezone", "whiptail", "choice", None, "pt_BR", "rc0:pt_BR", needs=_WT),
        # Only the descriptions are drawn (--notags); the answer is a description.
        _s(
            "wt-menu-notags",
            "whiptail",
            "choice",
            ("Right away", "Tonight at 02:00", "Saturday morning", "Never (not recommended)"),
            "Saturday morning",
            "rc0:weekend",
            needs=_WT,
        ),
        _s(
            "wt-msgbox-ok-button",
            "whiptail",
            "press_enter",
            ("Understood",),
            "",
            "rc0",
            needs=_WT,
        ),
        # Focus starts on "Back" (--defaultno).
        _s(
            "dg-yesno-labels-defaultno",
            "dialog",
            "yes_no",
            ("Format", "Back"),
            "Format",
            "rc0",
            needs=_DG,
        ),
        # bash starts on: the answer keeps it and adds fish and nushell.
        _s(
            "dg-checklist-eight",
            "dialog",
            "multi_choice",
            None,
            "bash, fish, nushell",
            "rc0:bash,fish,nushell",
            needs=_DG,
        ),
        _s(
            "dg-inputbox-keep",
            "dialog",
            "text",
            None,
            "",
            "rc0:0.debian.pool.ntp.org",
            needs=_DG,
        ),
        _s("dg-radiolist-colors", "dialog", "choice", None, "zfs", "rc0:zfs", needs=_DG),
        _s("dg-msgbox-ok-label", "dialog", "press_enter", ("Continue",), "", "rc0", needs=_DG),
        # Only the descriptions are drawn (--no-tags); the answer is a description.
        _s(
            "dg-menu-no-tags",
            "dialog",
            "choice",
            (
                "Keep all of them",
                "Keep one per week",
                "Delete everything older than 30 days",
                "Ask me each time",
            ),
            "Keep one per week",
            "rc0:thin",
            needs=_DG,
        ),
        _s("dg-passwordbox-insecure", "dialog", "secret", needs=_DG),
    ]


def shell_lookalikes() -> list[Case]:
    names = {
        "look-bash-ps1-dollar": (),
        "look-sh-percent": (),
        "look-python-odd-ps1": (),
        "look-sqlite-prompt": ("sqlite3",),
        "look-bc-prompt": ("bc",),
        "look-watch-question": ("watch",),
        "look-top": ("top",),
        "look-dd-progress": ("dd",),
        "look-less-prompts-file": ("less",),
        "look-vim-rebase": ("git", "vim"),
        "look-dialog-infobox": _DG,
        "look-whiptail-infobox": _WT,
        "look-tail-log-yn": ("tail",),
        "look-sleep-colon-dots": (),
        "look-dialog-gauge": _DG,
        "look-seq-numbered": (),
    }
    return [_s(n, LOOK, None, needs=need) for n, need in names.items()]


def node_cases() -> list[Case]:
    return [
        # "Delete the failed uploads? [y/n]: ": one key, no Enter.
        _n("rls-key-in-yn", "readline-sync", "yes_no", None, "yes", True),
        _n("rls-key-in-yn-strict", "readline-sync", "yes_no", None, "no", False),
        # "[1] ... [5] scratch", "[0] CANCEL", then "[1...5 / 0]:": one key, no Enter.
        _n(
            "rls-key-in-select",
            "readline-sync",
            "choice",
            ("media-prod", "media-staging", "eu-archive", "logs-cold", "scratch", "CANCEL"),
            "eu-archive",
            "eu-archive",
        ),
        _n("rls-hidden-passphrase", "password-style", "secret"),
        _n("rls-default-port", "prefilled", "text", None, "", "3000"),
        # "When the key blinks, (Hit any key)": any key but Enter, which it ignores.
        _n("rls-key-in-pause", "press-enter", "press_enter", None, "", "signed"),
        # "[r]etry, [i]gnore, [a]bort? [r, i, a]:": one key, no Enter.
        _n("rls-key-in-limit", "multi-key", "choice", None, "i", "ignore"),
        _n(
            "rls-question-email",
            "readline-sync",
            "text",
            None,
            "ops@example.org",
            "ops@example.org",
        ),
        _n(
            "iq-select-six-unicode",
            "inquirer",
            "choice",
            ("EUR €", "USD $", "GBP £", "JPY ¥", "CHF (Fr.)", "SEK kr"),
            "CHF (Fr.)",
            "CHF",
        ),
        # "#general" is drawn but disabled, and a separator row: options are not scored.
        _n(
            "iq-checkbox-disabled",
            "inquirer",
            "multi_choice",
            None,
            "#releases, customers",
            ["releases", "customers"],
        ),
        _n("iq-password-nomask", "password-style", "secret"),
        # "api-gateway" is typed in the field (prefill "editable"): Enter keeps it.
        _n("iq-input-prefill-keep", "prefilled", "text", None, "", "api-gateway"),
        _n("iq-confirm-yes-to-no", "inquirer", "yes_no", YES_NO, "no", False),
        _n("iq-number-replace", "inquirer", "text", None, "100", 100),
        # Labels longer than a row wrap onto the next; the answer is the second.
        _n(
            "iq-select-long-wrap",
            "wrapped",
            "choice",
            (
                "Run the 41 migrations in order against staging, stopping at the first one "
                "that fails",
                "Restore last night's anonymised production snapshot over staging, then run "
                "the two newest migrations",
                "Leave staging as it is",
            ),
            "Restore last night's anonymised production snapshot over staging, then run the "
            "two newest migrations",
            "restore",
        ),
        # Seven numbered rows and "Answer:"; the answer is a label, not a number.
        _n(
            "iq-rawlist-seven-label",
            "inquirer",
            "choice",
            ("store", "fastest", "fast", "normal", "good", "better", "best"),
            "better",
            "better",
        ),
        _n(
            "inq-list-eight",
            "inquirer-classic",
            "choice",
            tuple(f"node {n}" for n in (16, 18, 20, 21, 22, 23, 24, 25)),
            "node 24",
            "v24",
        ),
        _n("inq-confirm-default-no", "inquirer-classic", "yes_no", YES_NO, "yes", True),
        _n(
            "enq-autocomplete",
            "enquirer",
            "choice",
            (
                "UTC",
                "Europe/Oslo",
                "Europe/Rome",
                "America/Denver",
                "Asia/Kolkata",
                "Pacific/Auckland",
            ),
            "Asia/Kolkata",
            "Asia/Kolkata",
        ),
        _n("enq-invisible", "password-style", "secret"),
        _n("enq-list", "enquirer", "text", None, "edge, arm64", ["edge", "arm64"]),
        _n("enq-confirm-initial-true", "enquirer", "yes_no", YES_NO, "no", False),
        _n(
            "enq-select-hint-seven",
            "enquirer",
            "choice",
            ("overlay2", "btrfs", "zfs", "vfs", "devicemapper", "fuse-overlayfs", "aufs"),
            "fuse-overlayfs",
            "fuse-overlayfs",
        ),
        _n(
            "pr-autocomplete",
            "prompts",
            "choice",
            ("Inter", "Roboto", "Source Sans", "IBM Plex Sans", "Fira Sans"),
            "IBM Plex Sans",
            "IBM Plex Sans",
        ),
        _n(
            "pr-list",
            "prompts",
            "text",
            None,
            "https://a.example,https://b.example",
            ["https://a.example", "https://b.example"],
        ),
        _n("pr-confirm-initial-yes", "prompts", "yes_no", YES_NO, "no", False),
        _n(
            "pr-select-descriptions",
            "prompts",
            "choice",
            ("es2017", "es2020", "es2022", "esnext", "node18", "node22"),
            "esnext",
            "esnext",
        ),
        _n("pr-password", "password-style", "secret"),
        # Twelve months, five on a page: only the visible page is scored.
        _n("cl-select-paged", "paged", "choice", None, "Apr", "Apr"),
        _n(
            "cl-autocomplete",
            "clack",
            "choice",
            ("npm", "pnpm", "yarn", "bun", "deno"),
            "bun",
            "bun",
        ),
        _n("cl-password", "password-style", "secret"),
        # "my-app" is already typed in the field: the answer replaces it.
        _n("cl-text-initial-replace", "prefilled", "text", None, "billing-ui", "billing-ui"),
        _n("cl-confirm-default-no", "clack", "yes_no", YES_NO, "yes", True),
        # Group rows (Analytics, Payments) are selectable too: options are not scored.
        _n(
            "cl-group-multiselect",
            "clack",
            "multi_choice",
            None,
            "posthog, stripe",
            ["posthog", "stripe"],
        ),
    ]


def node_lookalikes() -> list[Case]:
    names = [
        "look-repl-lambda",
        "look-clack-spinner-waiting",
        "look-stream-quotes-dialog",
        "look-markdown-checklist",
        "look-dashboard-glyphs",
        "look-test-run",
        "look-question-printed-loop",
        "look-paused-question-mark",
        "look-spinner-frames",
    ]
    return [_n(n, LOOK, None) for n in names]


def held_out_6_cases() -> list[Case]:
    return (
        python_cases()
        + shell_cases()
        + node_cases()
        + python_lookalikes()
        + shell_lookalikes()
        + node_lookalikes()
    )
