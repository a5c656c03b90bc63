"""The seventh held-out set (``held_out_7``): new programs, written blind and run through the
detector once, at the end of the session that froze it.

Real prompt libraries and real tools (``programs/held7.py``, ``programs/held7.sh``,
``node/held7.mjs``) in wordings and layouts no earlier set uses, with five libraries no earlier
set used: survey (select, basket, inquire, input, numeric, conceal) and console-menu on the
Python side, terminal-kit (single-column, single-line and grid menus, yes-or-no, input
fields), @topcli/prompts and cli-select on the Node side. Beside them: click's IntRange and
hidden input asked twice, rich's choices, questionary's rawselect, path and press-any-key,
InquirerPy's expand, rawlist and number, prompt_toolkit's checkbox-list and radio-list dialogs
and its ``choice``, @inquirer's expand, rawlist and search, enquirer's Toggle, Quiz and
MultiSelect, prompts' toggle and number, clack's confirm with renamed answers and text with a
placeholder; whiptail and dialog boxes (an extra button, renamed buttons, unticking a
pre-ticked row, default items); numbered lists answered by number and by label, labels with
accents and labels that wrap, confirm-by-typing (apt's "Yes, do as I say!" among them),
questions above and below banners, prefilled defaults kept and replaced, letter keys; and the
real ``cp -i``, ``mv -i``, ``rm -i``, ``git stash -p``, git's own credential questions,
``ssh-keygen``'s overwrite and old-passphrase questions and ``openssl req`` in a temporary
directory.
Look-alikes are database shells, REPLs and shells with odd prompts, live tables, progress
bars, pagers (``more``), curses monitors, ``git commit`` waiting in its editor, logs and
streamed agent text quoting prompts and menus, and programs that printed a question but never
read. ``held_check --split held_out_7`` proves each expectation by running every program in a
bare PTY with the keys a person would press.
"""

from __future__ import annotations

from tests.prompt_corpus.case_set import CaseSet
from tests.prompt_corpus.cases import YES_NO, Case

HELD_OUT_7 = "held_out_7"
_WT = ("whiptail",)
_DG = ("dialog",)
_GIT = ("git",)
LOOK = "look-alike"

_SET = CaseSet("h7-", "held7", HELD_OUT_7)
_p, _n, _s = _SET.python, _SET.nodejs, _SET.shell


def python_cases() -> list[Case]:
    return [
        # "Worker processes (1<=x<=32) [4]:": the answer replaces the default.
        _p("click-intrange-workers", "click", "text", None, "12", 12),
        # Asked twice ("Repeat for confirmation"); never answered for the owner.
        _p("click-hidden-twice", "password-style", "secret"),
        _p(
            "click-compression-six",
            "click",
            "choice",
            ("none", "gzip", "bzip2", "xz", "zstd", "lz4"),
            "zstd",
            "zstd",
        ),
        _p("click-confirm-abort", "click", "yes_no", YES_NO, "yes", True),
        _p("click-remote-replace", "prefilled", "text", None, "upstream", "upstream"),
        _p("typer-confirm-tag", "typer", "yes_no", YES_NO, "no", False),
        _p("typer-slug-keep", "prefilled", "text", None, "", "orbit-tracker"),
        _p("rich-env-choices", "rich", "choice", ("dev", "qa", "stage", "prod"), "stage", "stage"),
        # A red panel with an inverse "MAINTENANCE WINDOW" tag above the question.
        _p("rich-panel-confirm", "banner", "yes_no", YES_NO, "yes", True),
        _p("rich-password", "password-style", "secret"),
        _p("rich-author-replace", "prefilled", "text", None, "Grace Hopper", "Grace Hopper"),
        # Six rows "1) MIT" ... "6) Unlicense" and "Answer: "; answered by label.
        _p(
            "questionary-rawselect-licence",
            "questionary",
            "choice",
            ("MIT", "Apache-2.0", "BSD-3-Clause", "MPL-2.0", "GPL-3.0-only", "Unlicense"),
            "MPL-2.0",
            "MPL-2.0",
        ),
        _p("questionary-press-any-key", "press-enter", "press_enter", None, "", "flashed"),
        # "/var/backups" is typed in the field: the answer replaces it.
        _p("questionary-path-replace", "prefilled", "text", None, "/srv/backups", "/srv/backups"),
        # e-mail and Slack start ticked: the answer unticks Slack and adds two.
        _p(
            "questionary-checkbox-untick",
            "questionary",
            "multi_choice",
            ("e-mail", "Slack #ops", "PagerDuty", "SMS", "Matrix", "webhook → /hooks/ci"),
            "e-mail, PagerDuty, webhook → /hooks/ci",
            ["e-mail", "PagerDuty", "webhook → /hooks/ci"],
        ),
        # A "✈" question mark and "○"/"●" indicators before each row.
        _p(
            "questionary-select-indicator",
            "questionary",
            "choice",
            ("3.9 (security fixes only)", "3.10", "3.11", "3.12", "3.13", "3.14 beta"),
            "3.13",
            "3.13",
        ),
        _p("questionary-confirm-telemetry", "questionary", "yes_no", YES_NO, "yes", True),
        _p("questionary-password", "password-style", "secret"),
        # "(okmh)": one letter, then Enter.
        _p("inquirerpy-expand-conflict", "inquirerpy", "choice", None, "k", "keep"),
        _p(
            "inquirerpy-rawlist-zone",
            "inquirerpy",
            "choice",
            ("eu-west-1a", "eu-west-1b", "eu-west-1c", "eu-central-1a", "eu-central-1b"),
            "eu-central-1a",
            "eu-central-1a",
        ),
        _p("inquirerpy-number-keep", "prefilled", "text", None, "", 100),
        # chromium and android-chrome start ticked: the answer unticks android-chrome and
        # adds firefox and webkit.
        _p(
            "inquirerpy-checkbox-enabled",
            "inquirerpy",
            "multi_choice",
            (
                "chromium",
                "firefox",
                "webkit",
                "edge",
                "mobile-safari",
                "android-chrome",
                "opera",
            ),
            "chromium, firefox, webkit",
            ["chromium", "firefox", "webkit"],
        ),
        _p("inquirerpy-secret", "password-style", "secret"),
        # sshd starts ticked: the answer keeps it and adds nginx and postgres.
        _p(
            "ptk-checkboxlist-dialog",
            "prompt_toolkit",
            "multi_choice",
            ("sshd", "cron", "nginx", "postgres"),
            "sshd, nginx, postgres",
            ["sshd", "nginx", "postgres"],
        ),
        _p(
            "ptk-radiolist-dialog",
            "prompt_toolkit",
            "choice",
            ("English (US)", "English (UK)", "German", "French (AZERTY)", "Dvorak"),
            "French (AZERTY)",
            "fr",
        ),
        _p(
            "ptk-choice",
            "prompt_toolkit",
            "choice",
            ("Create a merge commit", "Squash and merge", "Rebase and merge"),
            "Squash and merge",
            "squash",
        ),
        _p("ptk-yes-no-custom", "prompt_toolkit", "yes_no", ("Save", "Discard"), "Discard", False),
        _p("ptk-default-replace", "prefilled", "text", None, "release/3.x", "release/3.x"),
        _p(
            "pick-multiselect",
            "pick",
            "multi_choice",
            ("api", "web", "worker", "scheduler", "docs"),
            "web, scheduler",
            ["web", "scheduler"],
        ),
        # Rows drawn as "[b] build" ... "[q] quit" under "→ ": options are not scored.
        _p("stm-shortcuts", "simple-term-menu", "choice", None, "package", "package"),
        # LWN.net starts ticked: the answer keeps it and adds two.
        _p(
            "pyinq-checkbox-default",
            "python-inquirer",
            "multi_choice",
            ("Hacker News", "Lobsters", "LWN.net", "Ars Technica", "The Register"),
            "Hacker News, LWN.net, The Register",
            ["Hacker News", "LWN.net", "The Register"],
        ),
        _p("pyinq-confirm-default-yes", "python-inquirer", "yes_no", YES_NO, "no", False),
        _p(
            "beaupy-select-arrow",
            "beaupy",
            "choice",
            ("orders-2023.parquet", "orders-2024.parquet", "users.csv", "events.jsonl"),
            "users.csv",
            "users.csv",
        ),
        _p("bullet-yesno", "bullet", "yes_no", YES_NO, "no", False),
        _p(
            "survey-select-target",
            "survey",
            "choice",
            ("bare metal", "KVM guest", "LXC container", "Firecracker microVM", "WSL2", "Docker"),
            "Firecracker microVM",
            "Firecracker microVM",
        ),
        # rustfmt and clippy start ticked: the answer unticks clippy and adds rust-analyzer.
        _p(
            "survey-basket-untick",
            "survey",
            "multi_choice",
            ("rustfmt", "clippy", "miri", "rust-analyzer", "llvm-tools"),
            "rustfmt, rust-analyzer",
            ["rustfmt", "rust-analyzer"],
        ),
        _p("survey-inquire", "survey", "yes_no", YES_NO, "yes", True),
        _p("survey-input-keep", "prefilled", "text", None, "", "lab-east"),
        # "3" is typed in the field: the answer replaces it.
        _p("survey-numeric", "prefilled", "text", None, "5", 5),
        _p("survey-conceal", "password-style", "secret"),
        # A framed menu "1 - Backup now" ... "5 - Exit" and a ">> " line; answered by number.
        _p(
            "consolemenu-selection",
            "console-menu",
            "choice",
            ("Backup now", "Restore a snapshot", "List snapshots", "Prune old snapshots", "Exit"),
            "3",
            "List snapshots",
        ),
        _p(
            "consolemenu-by-label",
            "console-menu",
            "choice",
            (
                "Debian 12 “bookworm”",
                "Ubuntu 24.04 LTS",
                "Fedora 41 (Workstation)",
                "Alpine 3.21 — minimal",
                "Arch Linux (rolling)",
                "openSUSE Tumbleweed",
            ),
            "Fedora 41 (Workstation)",
            "Fedora 41 (Workstation)",
        ),
        _p(
            "stdlib-choose-from-brackets",
            "numbered-line",
            "choice",
            ("round-robin", "least-connections", "ip-hash", "random"),
            "ip-hash",
            "ip-hash",
        ),
        # Nine rows "[1] ... [9]"; answered by number: "7" is Europe/Warsaw.
        _p(
            "stdlib-nine-by-number",
            "numbered-line",
            "choice",
            (
                "Africa/Nairobi",
                "America/Bogota",
                "America/Halifax",
                "Asia/Singapore",
                "Asia/Tokyo",
                "Australia/Perth",
                "Europe/Warsaw",
                "Europe/Madrid",
                "Pacific/Honolulu",
            ),
            "7",
            "Europe/Warsaw",
        ),
        _p("stdlib-type-cluster", "confirm-by-typing", "text", None, "prod-eu-2", "deleted"),
        _p("stdlib-wrapped-two-rows", "wrapped", "yes_no", YES_NO, "yes", "y"),
        # A yellow banner is drawn under the question; the cursor goes back up to it.
        _p("stdlib-question-above-banner", "banner", "yes_no", ("yes", "no"), "yes", "yes"),
        _p("stdlib-default-paren-keep", "prefilled", "text", None, "", "main"),
        _p("stdlib-getpass-unseal", "password-style", "secret"),
        # "[k]eep both, [o]verwrite, [s]kip, [c]ancel all?": one letter and Enter.
        _p("stdlib-letters-keep-both", "multi-key", "choice", None, "k", "keep-both"),
        _p("stdlib-raw-any-key", "press-enter", "press_enter", None, "", "calibrated"),
        _p(
            "stdlib-readline-keep",
            "prefilled",
            "text",
            None,
            "",
            "https://ci.example.org/hook",
        ),
        # The question ends in "›" with a dim hint row under it.
        _p("stdlib-chevron-hint-below", "stdlib", "text", None, "exports-eu", "exports-eu"),
        _p(
            "stdlib-accents-by-label",
            "numbered-line",
            "choice",
            ("Café Olé", "Crème brûlée", "Smørrebrød", "Pão de queijo", "Żurek", "Ñoquis"),
            "Smørrebrød",
            "Smørrebrød",
        ),
        # The first two labels are longer than a row and wrap; the answer is the second.
        _p(
            "stdlib-long-labels-wrap",
            "wrapped",
            "choice",
            (
                "Replay the 3,104 failed webhook deliveries from the last 24 hours to every "
                "subscriber",
                "Replay only the deliveries that failed with a 5xx status and skip the ones "
                "that timed out",
                "Discard the failed deliveries",
            ),
            "Replay only the deliveries that failed with a 5xx status and skip the ones that "
            "timed out",
            "5xx",
        ),
        _p(
            "stdlib-type-db-name-again",
            "confirm-by-typing",
            "text",
            None,
            "ledger_prod",
            "dropped",
        ),
        # A green rounded box above the question.
        _p("stdlib-green-box-banner", "banner", "yes_no", YES_NO, "no", "n"),
        # A question of three rows, then "1) ... 3)" and "#: "; answered by number.
        _p(
            "stdlib-wrapped-question-numbered",
            "wrapped",
            "choice",
            ("mongo-a (optime 18:02:11)", "mongo-b (optime 18:02:09)", "wait for the arbiter"),
            "2",
            "b",
        ),
        # Rows "1 · tiny (1 vCPU)" ...; answered by label, not the default.
        _p(
            "stdlib-entry-range-default",
            "numbered-line",
            "choice",
            (
                "tiny (1 vCPU)",
                "small (2 vCPU)",
                "medium (4 vCPU)",
                "large (8 vCPU)",
                "xlarge (16 vCPU)",
            ),
            "large (8 vCPU)",
            "large (8 vCPU)",
        ),
    ]


def python_lookalikes() -> list[Case]:
    names = [
        "look-mysql-like-repl",
        "look-redis-like-repl",
        "look-rich-progress-continue",
        "look-rich-live-glyphs",
        "look-agent-streams-menu",
        "look-printed-question-works-on",
        "look-pytest-like",
        "look-build-numbered",
        "look-sleep-gt",
        "look-curses-pager",
        "look-curses-monitor",
        "look-log-password-prompts",
        "look-click-progressbar",
        "look-waiting-for-input-ci",
        "look-markdown-table-glyphs",
    ]
    return [_p(n, LOOK, None) for n in names]


def shell_cases() -> list[Case]:
    return [
        _s("read-rebuild-index-yn", "bash-read", "yes_no", YES_NO, "yes", "y"),
        # "/etc/nginx/sites-enabled" is already typed in the line: Enter keeps it.
        _s("read-prefill-keep", "prefilled", "text", None, "", "/etc/nginx/sites-enabled"),
        # "8443" is already typed after "HTTPS port › ": the answer replaces it.
        _s("read-prefill-port-replace", "prefilled", "text", None, "9443", 9443),
        _s(
            "select-ps3-label",
            "bash-select",
            "choice",
            ("off", "sched-latency", "io-wait", "net-rx", "perf-tracing", "Quit"),
            "perf-tracing",
            "perf-tracing",
        ),
        # The first two rows are longer than the screen and wrap; answered by number.
        _s(
            "select-long-wrap",
            "wrapped",
            "choice",
            (
                "Move the 1,840 orphaned attachments into the quarantine bucket and e-mail "
                "their uploaders",
                "Delete the orphaned attachments that are older than 180 days and keep the "
                "recent ones",
                "Leave them",
            ),
            "2",
            "prune",
        ),
        # Rows "1 - keep the first" ... and "Choose from [1/2/3] (1):"; answered by label.
        _s(
            "read-choose-from-three",
            "numbered-line",
            "choice",
            ("keep the first", "keep the newest", "merge the fields"),
            "keep the newest",
            "newest",
        ),
        # apt's own phrase, then a bare " ?] ".
        _s(
            "read-apt-do-as-i-say",
            "confirm-by-typing",
            "text",
            None,
            "Yes, do as I say!",
            "removed",
        ),
        _s(
            "read-type-delete-forever",
            "confirm-by-typing",
            "text",
            None,
            "delete-forever",
            "emptied",
        ),
        # adduser's "\tFull Name []: " under two lines of context.
        _s("read-adduser-fullname", "bash-read", "text", None, "Alice Liddell", "Alice Liddell"),
        _s("read-adduser-correct", "bash-read", "yes_no", YES_NO, "no", "n"),
        _s("read-passwd-current", "password-style", "secret"),
        _s("read-sudo-style", "password-style", "secret"),
        # "(A)bort, (R)etry, (I)gnore, (F)ail?": one key, no Enter.
        _s("read-n1-abort-retry", "multi-key", "choice", None, "R", "retry"),
        # Two red rows above the question.
        _s("read-banner-red-above", "banner", "yes_no", YES_NO, "yes", "y"),
        # The question on its own row; the input line is only "→ ".
        _s("read-arrow-next-line", "bash-read", "text", None, "90", 90),
        _s("read-bracket-keep", "prefilled", "text", None, "", "0.0.0.0"),
        _s("read-press-return", "press-enter", "press_enter", None, "", "rebooting"),
        # "(s)mall, (m)edium, (l)arge [m]:": one letter and Enter.
        _s("read-letters-size-default", "multi-key", "choice", None, "l", "large"),
        _s("read-apt-remove", "package-manager", "yes_no", YES_NO, "yes", "removed"),
        # pip's "Proceed (Y/n)?" after the files it would remove.
        _s("read-pip-proceed", "package-manager", "yes_no", YES_NO, "no", "kept"),
        # npm init's "package name: (orbit-ui)": Enter keeps it.
        _s("read-npm-init-name", "prefilled", "text", None, "", "orbit-ui"),
        _s(
            "read-type-hostname",
            "confirm-by-typing",
            "text",
            None,
            "db-07.internal",
            "reimaging",
        ),
        # "[y]es/[n]o/[d]iff/[q]uit": one key, no Enter.
        _s("read-n1-ynd-quit", "multi-key", "choice", None, "d", "diff"),
        # "cp: overwrite 'final.txt'?"
        _s("cp-i-overwrite", "coreutils", "yes_no", None, "yes", "new"),
        # "mv: overwrite 'store.bin'?"
        _s("mv-i-keep", "coreutils", "yes_no", None, "no", "original"),
        # "rm: remove symbolic link 'latest'?"
        _s("rm-i-symlink", "coreutils", "yes_no", None, "yes", "removed"),
        # "(1/1) Stash this hunk [y,n,q,a,d,e,?]?"
        _s("git-stash-p", "git", "choice", None, "y", "stashed", needs=_GIT),
        # git's own "Password for 'https://deploy-bot@git.example.org':".
        _s("git-credential-password", "password-style", "secret", needs=_GIT),
        # git's own "Username for 'https://git.example.org':".
        _s(
            "git-credential-username",
            "git",
            "text",
            None,
            "deploy-bot",
            "deploy-bot",
            needs=_GIT,
        ),
        # "id_deploy already exists." and "Overwrite (y/n)?"
        _s(
            "ssh-keygen-overwrite",
            "ssh-keygen",
            "yes_no",
            None,
            "yes",
            "second",
            needs=("ssh-keygen",),
        ),
        _s("ssh-keygen-old-passphrase", "password-style", "secret", needs=("ssh-keygen",)),
        # "Common Name (server FQDN) [build.example.org]:": Enter keeps it.
        _s(
            "openssl-req-cn-keep",
            "prefilled",
            "text",
            None,
            "",
            "build.example.org",
            needs=("openssl",),
        ),
        # Focus starts on "Keep" (--defaultno).
        _s(
            "wt-yesno-wipe-defaultno",
            "whiptail",
            "yes_no",
            ("Wipe", "Keep"),
            "Wipe",
            "rc0",
            needs=_WT,
        ),
        # Eight tags with country names, "de" the default item; the tag is returned.
        _s("wt-menu-eight", "whiptail", "choice", None, "nl", "rc0:nl", needs=_WT),
        # ssh and http start on: the answer unticks http and adds https and wireguard.
        _s(
            "wt-checklist-untick",
            "whiptail",
            "multi_choice",
            None,
            "ssh, https, wireguard",
            "rc0:ssh,https,wireguard",
            needs=_WT,
        ),
        _s("wt-radiolist-six", "whiptail", "choice", None, "8G", "rc0:8G", needs=_WT),
        _s("wt-inputbox-keep", "whiptail", "text", None, "", "rc0:atlas-03", needs=_WT),
        _s("wt-passwordbox-luks", "whiptail", "secret", needs=_WT),
        _s(
            "wt-inputbox-empty",
            "whiptail",
            "text",
            None,
            "corp.example.net",
            "rc0:corp.example.net",
            needs=_WT,
        ),
        # Three buttons: "Apply", "Preview" (--extra-button, status 3) and "Cancel".
        _s(
            "dg-yesno-extra-button",
            "dialog",
            "choice",
            ("Apply", "Preview", "Cancel"),
            "Preview",
            "rc3",
            needs=_DG,
        ),
        # Tags are runlevels, "3" the default item; the answer is tag 5.
        _s("dg-menu-default-item", "dialog", "choice", None, "5", "rc0:5", needs=_DG),
        # kvm, vfio and loop start on: the answer unticks vfio and adds zram.
        _s(
            "dg-checklist-untick",
            "dialog",
            "multi_choice",
            None,
            "kvm, zram, loop",
            "rc0:kvm,zram,loop",
            needs=_DG,
        ),
        _s(
            "dg-radiolist-governor",
            "dialog",
            "choice",
            None,
            "schedutil",
            "rc0:schedutil",
            needs=_DG,
        ),
        # "http://proxy.lan:3128" is already in the field: the answer replaces it.
        _s(
            "dg-inputbox-replace",
            "dialog",
            "text",
            None,
            "http://10.0.0.5:3128",
            "rc0:http://10.0.0.5:3128",
            needs=_DG,
        ),
        _s("dg-passwordbox-db", "dialog", "secret", needs=_DG),
        _s("dg-yesno-plain-no", "dialog", "yes_no", YES_NO, "no", "rc1", needs=_DG),
    ]


def shell_lookalikes() -> list[Case]:
    names = {
        "look-psql-like": (),
        "look-git-commit-editor": ("git", "vim"),
        "look-more-pager": ("more",),
        "look-venv-prompt": ("python3",),
        "look-bash-two-line-ps1": (),
        "look-watch-menu": ("watch",),
        "look-whiptail-gauge": _WT,
        "look-dialog-mixedgauge": _DG,
        "look-sleep-hash": (),
        "look-log-loop-yn": (),
        "look-apt-progress": (),
        "look-top-batch": ("top",),
        "look-http-server": ("python3",),
        "look-tput-dashboard": ("tput",),
        "look-countdown-printf": (),
        "look-nl-numbered-stream": ("nl",),
    }
    return [_s(n, LOOK, None, needs=need) for n, need in names.items()]


def node_cases() -> list[Case]:
    return [
        _n(
            "tk-single-column-menu",
            "terminal-kit",
            "choice",
            (
                "Overview",
                "Latency (p50/p95/p99)",
                "Error budget",
                "Cost by team",
                "Deploys",
                "On-call",
            ),
            "Cost by team",
            "Cost by team",
        ),
        # "Restart the ingest daemon now? [Y|n]": one key, no Enter.
        _n("tk-yes-or-no", "terminal-kit", "yes_no", None, "no", False),
        # "./public/build" is typed in the field: Enter keeps it.
        _n("tk-input-default-keep", "prefilled", "text", None, "", "./public/build"),
        _n("tk-input-empty", "terminal-kit", "text", None, "Winter release", "Winter release"),
        # Six fonts laid out in columns on one row.
        _n(
            "tk-grid-menu",
            "terminal-kit",
            "choice",
            ("Iosevka", "JetBrains Mono", "Fira Code", "Hack", "Cascadia Code", "Victor Mono"),
            "Hack",
            "Hack",
        ),
        # The four answers side by side on one row under the question.
        _n(
            "tk-single-line-menu",
            "terminal-kit",
            "choice",
            ("Save", "Save as…", "Discard", "Cancel"),
            "Discard",
            "Discard",
        ),
        _n("tk-password", "password-style", "secret"),
        _n("tp-question-default", "prefilled", "text", None, "", "orbit"),
        _n(
            "tp-select",
            "topcli-prompts",
            "choice",
            ("node:test", "tap", "tape", "vitest", "mocha", "ava"),
            "vitest",
            "vitest",
        ),
        _n("tp-confirm", "topcli-prompts", "yes_no", YES_NO, "no", False),
        # linux-x64 and darwin-arm64 start ticked: the answer unticks darwin-arm64, adds two.
        _n(
            "tp-multiselect",
            "topcli-prompts",
            "multi_choice",
            ("linux-x64", "linux-arm64", "darwin-arm64", "win32-x64", "freebsd-x64"),
            "linux-x64, linux-arm64, win32-x64",
            ["linux-x64", "linux-arm64", "win32-x64"],
        ),
        _n("tp-secure", "password-style", "secret"),
        # A "▸" before the current row and nothing before the others.
        _n(
            "cs-select-triangle",
            "cli-select",
            "choice",
            ("main", "release/4.1", "release/4.0", "lts/3.x"),
            "release/4.0",
            "release/4.0",
        ),
        # "(yadxH)": one letter, then Enter.
        _n("iq-expand", "inquirer", "choice", None, "a", "all"),
        # Answered by number: "5" is alpine3.21.
        _n(
            "iq-rawlist-number",
            "inquirer",
            "choice",
            ("bookworm", "bookworm-slim", "bullseye", "alpine3.20", "alpine3.21", "distroless"),
            "5",
            "alpine3.21",
        ),
        _n(
            "iq-search",
            "inquirer",
            "choice",
            (
                "America/Lima",
                "America/Santiago",
                "America/Montevideo",
                "Asia/Manila",
                "Asia/Seoul",
                "Europe/Athens",
            ),
            "Asia/Seoul",
            "Asia/Seoul",
        ),
        # A separator row and a disabled row ("us-east-2 (quota reached)"): options are not
        # scored.
        _n("iq-select-disabled", "inquirer", "choice", None, "ca-central-1", "ca-central-1"),
        # bug and needs-review start ticked: the answer unticks needs-review and adds two.
        _n(
            "iq-checkbox-untick",
            "inquirer",
            "multi_choice",
            (
                "bug",
                "needs-review",
                "breaking change",
                "docs",
                "good first issue",
                "backport → 4.0",
            ),
            "bug, docs, backport → 4.0",
            ["bug", "docs", "backport → 4.0"],
        ),
        _n(
            "iq-input-type-name",
            "confirm-by-typing",
            "text",
            None,
            "billing-api",
            "archived",
        ),
        _n("enq-toggle", "enquirer", "yes_no", YES_NO, "yes", True),
        _n(
            "enq-quiz",
            "enquirer",
            "choice",
            ("8000", "8443", "9090", "9443"),
            "8443",
            "8443",
        ),
        # eslint and prettier start ticked: the answer unticks prettier and adds two.
        _n(
            "enq-multiselect-initial",
            "enquirer",
            "multi_choice",
            ("eslint", "stylelint", "prettier", "markdownlint", "shellcheck", "hadolint"),
            "eslint, shellcheck, hadolint",
            ["eslint", "shellcheck", "hadolint"],
        ),
        _n("enq-input-initial-keep", "prefilled", "text", None, "", "2.3.0"),
        _n("pr-toggle", "prompts", "yes_no", ("keep", "delete"), "delete", False),
        _n("pr-number-keep", "prefilled", "text", None, "", 30),
        # id and email start ticked: the answer unticks email and adds plan.
        _n(
            "pr-multiselect-hint",
            "prompts",
            "multi_choice",
            ("id", "email", "created_at", "plan", "last_login"),
            "id, plan",
            ["id", "plan"],
        ),
        # "MySQL 5.7" is drawn but disabled: options are not scored.
        _n("pr-select-disabled", "prompts", "choice", None, "MariaDB 11", "maria11"),
        _n("cl-confirm-labels", "clack", "yes_no", ("Ship it", "Hold"), "Hold", False),
        # The placeholder "e.g. DatePicker" is not a value.
        _n("cl-text-placeholder", "clack", "text", None, "InvoiceTable", "InvoiceTable"),
        _n(
            "cl-select-hints",
            "clack",
            "choice",
            (
                "Single-page app",
                "Server-side rendering",
                "Static generation",
                "Incremental static regeneration",
                "Edge functions",
                "Hybrid (per route)",
            ),
            "Edge functions",
            "edge",
        ),
        # Tailwind and Auth.js start ticked: the answer unticks Auth.js and adds two.
        _n(
            "cl-multiselect-initial",
            "clack",
            "multi_choice",
            ("Tailwind CSS", "Auth.js", "Drizzle ORM", "i18n routing", "PWA manifest"),
            "Tailwind CSS, Drizzle ORM, PWA manifest",
            ["tailwind", "drizzle", "pwa"],
        ),
    ]


def node_lookalikes() -> list[Case]:
    names = [
        "look-repl-gql",
        "look-tk-progress-bar",
        "look-stream-clack-menu",
        "look-braille-spinner",
        "look-dashboard-refresh",
        "look-tap-output",
        "look-npx-answered",
        "look-sleep-chevron",
        "look-log-passwords",
        "look-help-text-loop",
        "look-tk-bar-menu-text",
    ]
    return [_n(n, LOOK, None) for n in names]


def held_out_7_cases() -> list[Case]:
    return (
        python_cases()
        + shell_cases()
        + node_cases()
        + python_lookalikes()
        + shell_lookalikes()
        + node_lookalikes()
    )
