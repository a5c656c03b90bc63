"""The fifth held-out set (``held_out_5``): new programs, written blind and run through the
detector once, at the end of the session that froze it.

Real prompt libraries and real tools (``programs/held5.py``, ``programs/held5.sh``,
``node/held5.mjs``) in wordings and layouts no earlier set uses: click's confirmation and
password options, typer options that prompt, questionary's rawselect and press-any-key,
InquirerPy's expand, rawlist and number, prompt_toolkit's ``choice`` and its yes/no, radio-
list and checkbox-list dialogs, a curses menu, readline prefills, @inquirer's search,
rawlist by number, expanded expand and descriptions, enquirer's Toggle and Numeral, prompts'
toggle, number and multiselect, clack's selectKey and custom confirm labels; whiptail and
dialog boxes with custom buttons, an extra button and preset items; numbered lists answered
by number and by label, confirm-by-typing, wrapped questions, banners, prefilled defaults
kept and replaced, letter-key prompts; dnf- and pacman-style questions; and the real ``git
mergetool``, ``git reset -p``, ``git difftool``, ``git am -i``, ``rm -i`` of an empty file,
``rm -di``, ``tar -w``, ``zip -e``, ``gpg --delete-key`` and ``openssl`` (``req``,
``pkcs12``, ``enc``) questions in a temporary directory. Look-alikes are REPLs and shells
with odd prompts, pagers, ``watch``, ``free``, ``more``, ``pydoc``, full-screen monitors and
viewers, progress bars and gauges, test runners, build output with numbered lists, glyph
tables, logs and streamed text quoting prompts, and programs that printed a question but
never read. Each expectation states what the program really does; ``held_check --split
held_out_5`` proves that by running every program in a bare PTY with the keys a person would
press.
"""

from __future__ import annotations

from tests.prompt_corpus.case_set import NODE as _NODE, CaseSet
from tests.prompt_corpus.cases import YES_NO, Case

HELD_OUT_5 = "held_out_5"
_WT = ("whiptail",)
_DG = ("dialog",)
_GIT = ("git",)
_SSL = ("openssl",)
LOOK = "look-alike"


_SET = CaseSet("h5-", "held5", HELD_OUT_5)
_p, _n, _s = _SET.python, _SET.nodejs, _SET.shell


def python_cases() -> list[Case]:
    return [
        _p(
            "click-compression-choice",
            "click",
            "choice",
            ("none", "gzip", "zstd", "brotli", "lz4"),
            "zstd",
            "zstd",
        ),
        _p("click-confirm-abort", "click", "yes_no", YES_NO, "yes", "dropped"),
        _p("click-int-range-default", "prefilled", "text", None, "", 3),
        _p("click-confirmation-option", "click", "yes_no", YES_NO, "no", "kept"),
        # Asked twice (the second time to repeat it); never answered for the owner.
        _p("click-password-option", "password-style", "secret"),
        _p("click-remote-replace", "prefilled", "text", None, "upstream", "upstream"),
        _p("click-type-cluster", "confirm-by-typing", "text", None, "blue-k8s", "destroyed"),
        _p("typer-option-prompt", "typer", "text", None, "octo-cat", "octo-cat"),
        _p("typer-confirm-abort", "typer", "yes_no", YES_NO, "no", "aborted"),
        _p("typer-enum-option", "typer", "choice", ("auto", "light", "dark"), "dark", "dark"),
        _p(
            "rich-eviction-choices",
            "rich",
            "choice",
            ("lru", "lfu", "fifo", "random"),
            "lfu",
            "lfu",
        ),
        _p("rich-panel-confirm", "banner", "yes_no", YES_NO, "no", False),
        _p("rich-int-keep", "prefilled", "text", None, "", 1024),
        _p("rich-markup-text", "rich", "text", None, "develop", "develop"),
        _p("rich-vault-key", "password-style", "secret"),
        # A numbered table above; the prompt takes the row number, the answer is the name.
        _p(
            "rich-table-snapshot",
            "numbered-line",
            "choice",
            ("auto-1201", "auto-1202", "before-v17", "hand-0930"),
            "before-v17",
            "before-v17",
        ),
        _p(
            "questionary-rawselect",
            "questionary",
            "choice",
            ("create a merge commit", "squash and merge", "rebase and merge"),
            "squash and merge",
            "squash and merge",
        ),
        _p("questionary-press-any-key", "press-enter", "press_enter", None, "", "registered"),
        # "gpu-large" is drawn but disabled "(quota exhausted)": options are not scored.
        _p(
            "questionary-select-disabled", "questionary", "choice", None, "cpu-xlarge", "cpu-xlarge"
        ),
        _p(
            "questionary-checkbox-five",
            "questionary",
            "multi_choice",
            ("go", "python", "rust", "typescript", "java"),
            "go, rust, java",
            ["go", "rust", "java"],
        ),
        _p("questionary-password", "password-style", "secret"),
        _p("questionary-confirm-default-no", "questionary", "yes_no", YES_NO, "yes", True),
        _p(
            "questionary-pointer-qmark",
            "questionary",
            "choice",
            ("MIT", "Apache-2.0", "MPL-2.0", "Unlicense"),
            "MPL-2.0",
            "MPL-2.0",
        ),
        # "latest" is already typed in the field: the answer replaces it.
        _p("questionary-text-replace", "prefilled", "text", None, "1.4.2", "1.4.2"),
        # Collapsed expand prompt: only the keys "(okmh)" are on screen.
        _p("inquirerpy-expand", "inquirerpy", "choice", None, "k", "keep"),
        _p(
            "inquirerpy-rawlist",
            "inquirerpy",
            "choice",
            ("Node 18 (maintenance)", "Node 20 (LTS)", "Node 22 (current)"),
            "Node 22 (current)",
            "22",
        ),
        _p("inquirerpy-number", "inquirerpy", "text", None, "", 8),
        _p("inquirerpy-confirm-default-yes", "inquirerpy", "yes_no", YES_NO, "no", False),
        _p("inquirerpy-secret", "password-style", "secret"),
        _p(
            "inquirerpy-checkbox-six",
            "inquirerpy",
            "multi_choice",
            ("/", "/pricing", "/docs", "/blog", "/careers", "/login"),
            "/pricing, /docs, /login",
            ["/pricing", "/docs", "/login"],
        ),
        _p(
            "inquirerpy-select-separator",
            "inquirerpy",
            "choice",
            ("Standard", "Infrequent access", "Glacier", "Deep archive"),
            "Glacier",
            "glacier",
        ),
        _p(
            "ptk-choice",
            "prompt_toolkit",
            "choice",
            ("Standard output", "A rotating file", "The system journal"),
            "The system journal",
            "syslog",
        ),
        _p(
            "ptk-choice-frame",
            "prompt_toolkit",
            "choice",
            ("alpine:3.20", "debian:12-slim", "ubi9-minimal"),
            "debian:12-slim",
            "debian",
        ),
        _p("ptk-yes-no-dialog", "prompt_toolkit", "yes_no", YES_NO, "no", False),
        _p(
            "ptk-radiolist-dialog",
            "prompt_toolkit",
            "choice",
            ("UTC", "Asia/Tokyo", "America/Sao_Paulo"),
            "Asia/Tokyo",
            "tokyo",
        ),
        _p(
            "ptk-checkboxlist-dialog",
            "prompt_toolkit",
            "multi_choice",
            ("Email", "Slack", "SMS", "Pager"),
            "Slack, Pager",
            ["slack", "pager"],
        ),
        _p("ptk-prompt-default", "prefilled", "text", None, "", "./build"),
        _p("ptk-prompt-password", "password-style", "secret"),
        _p(
            "pick-multiselect",
            "pick",
            "multi_choice",
            ("fr", "de", "es", "ja", "pt-BR"),
            "de, ja, pt-BR",
            ["de", "ja", "pt-BR"],
        ),
        _p(
            "stm-cycle-up",
            "simple-term-menu",
            "choice",
            ("restart", "stop", "tail logs", "open shell", "cancel"),
            "cancel",
            "cancel",
        ),
        # fmt-on-commit starts checked: the answer keeps it and adds test-on-push.
        _p(
            "pyinquirer-checkbox-default",
            "python-inquirer",
            "multi_choice",
            ("fmt-on-commit", "msg-lint", "test-on-push", "deps-on-merge"),
            "fmt-on-commit, test-on-push",
            ["fmt-on-commit", "test-on-push"],
        ),
        _p("pyinquirer-confirm", "python-inquirer", "yes_no", YES_NO, "no", False),
        # Twelve months, four on a page: only the visible page is scored.
        _p("beaupy-paged", "paged", "choice", None, "Mar", "Mar"),
        _p("bullet-numbers", "bullet", "text", None, "8443", 8443),
        # Answered by number: "3" is the plus size.
        _p(
            "stdlib-enter-selection",
            "numbered-line",
            "choice",
            ("tiny (1 vCPU)", "standard (2 vCPU)", "plus (4 vCPU)", "max (8 vCPU)"),
            "3",
            "plus (4 vCPU)",
        ),
        _p(
            "stdlib-choose-from",
            "numbered-line",
            "choice",
            ("squash into one", "keep merge commits", "linear rebase"),
            "linear rebase",
            "linear rebase",
        ),
        _p("stdlib-type-name", "confirm-by-typing", "text", None, "analytics-prod", "deleted"),
        _p("stdlib-wrapped-eighty", "wrapped", "yes_no", YES_NO, "yes", "y"),
        _p("stdlib-box-banner", "banner", "yes_no", YES_NO, "yes", "y"),
        # The question, a coloured notice two rows under it, the cursor back on the question.
        _p("stdlib-question-above-banner", "banner", "yes_no", YES_NO, "no", "n"),
        # readline puts "main" in the line before the prompt waits: Enter keeps it.
        _p("stdlib-readline-prefill", "prefilled", "text", None, "", "main"),
        # "[O]verwrite, [S]kip, [R]ename, overwrite [A]ll?": one letter and Enter.
        _p("stdlib-letter-keys", "multi-key", "choice", None, "s", "skip"),
        _p("stdlib-getpass-pin", "password-style", "secret"),
        _p("stdlib-yes-no-words", "stdlib", "yes_no", ("yes", "no"), "yes", "yes"),
        _p("stdlib-hit-return", "press-enter", "press_enter", None, "", "continued"),
        # A curses menu in a box-drawn frame, ● on the current row and ○ on the others.
        _p(
            "stdlib-curses-menu",
            "curses",
            "choice",
            ("Check for updates", "Reboot", "Reset to factory settings", "Back"),
            "Reboot",
            "Reboot",
        ),
    ]


def python_lookalikes() -> list[Case]:
    names = [
        "look-repl-in-bracket",
        "look-ptk-sql-repl",
        "look-question-then-work",
        "look-test-runner",
        "look-build-numbered",
        "look-glyph-table",
        "look-sleep-gt",
        "look-agent-quotes-menu",
        "look-agent-quotes-password",
        "look-curses-top",
        "look-rich-progress",
        "look-log-continue",
        "look-curses-viewer",
        "look-spinner-question-text",
    ]
    return [_p(n, LOOK, None) for n in names]


def shell_cases() -> list[Case]:
    return [
        _s("read-default-parens", "prefilled", "text", None, "", "/opt/relay"),
        # "eu-west-2" is already typed in the line: Enter keeps it.
        _s("read-prefill-region-keep", "prefilled", "text", None, "", "eu-west-2"),
        _s("read-one-key-bashrc", "bash-read", "yes_no", YES_NO, "no", "n"),
        _s("read-type-db-name", "confirm-by-typing", "text", None, "billing", "dropped"),
        _s("read-type-delete", "confirm-by-typing", "text", None, "DELETE", "removed"),
        _s("read-wrapped-eighty", "wrapped", "yes_no", YES_NO, "yes", "y"),
        _s("read-yellow-banner", "banner", "yes_no", YES_NO, "yes", "y"),
        # "(k)eep yours, (r)eplace, (d)iff, (a)bort?": one letter and Enter.
        _s("read-letter-keys", "multi-key", "choice", None, "d", "diff"),
        _s("read-vault-password", "password-style", "secret"),
        # Answered by number: "2" is the team plan.
        _s(
            "read-selection-number",
            "numbered-line",
            "choice",
            ("hobby", "team", "enterprise"),
            "2",
            "team",
        ),
        # "[1] bash   [2] zsh   [3] fish" on one line; the answer is a label.
        _s("read-choose-label", "numbered-line", "choice", ("bash", "zsh", "fish"), "zsh", "zsh"),
        _s("read-press-enter-brackets", "press-enter", "press_enter", None, "", "continued"),
        _s("read-timeout-proceed", "bash-read", "yes_no", YES_NO, "yes", "y"),
        _s("read-sudo-style", "password-style", "secret"),
        _s("read-question-below-banner", "banner", "yes_no", ("yes", "no"), "no", "no"),
        _s("read-threads-default", "prefilled", "text", None, "", 8),
        _s(
            "select-env-label",
            "bash-select",
            "choice",
            ("development", "staging", "production"),
            "production",
            "production",
        ),
        # Answered by number: "2" is the second backup.
        _s(
            "select-quit-number",
            "bash-select",
            "choice",
            ("2026-12-01 03:00", "2026-12-02 03:00", "2026-12-03 03:00", "Quit"),
            "2",
            "2026-12-02 03:00",
        ),
        # "Hit return to start merge resolution tool (takeother):"
        _s("git-mergetool", "git", "press_enter", None, "", "resolved", needs=_GIT),
        # "(1/1) Unstage this hunk [y,n,q,a,d,e,?]?"
        _s("git-reset-p", "git", "choice", None, "y", "unstaged", needs=_GIT),
        # "Launch 'mark' [Y/n]?"
        _s("git-difftool", "git", "yes_no", None, "yes", "launched", needs=_GIT),
        # "Apply? [y]es/[n]o/[e]dit/[v]iew patch/[a]ccept all:" under the commit body.
        _s("git-am-i", "git", "choice", None, "y", "applied", needs=_GIT),
        # A package directory's files listed, then "Proceed (Y/n)?".
        _s("pip-uninstall-no", "pip", "yes_no", None, "no", "kept"),
        # "Old comment: ci" then "New comment:".
        _s(
            "ssh-keygen-comment",
            "ssh",
            "text",
            None,
            "deploy@ci",
            "deploy@ci",
            needs=("ssh-keygen",),
        ),
        # "rm: remove regular empty file 'deploy.pem'?"
        _s("rm-i-empty-file", "coreutils", "yes_no", None, "no", "kept"),
        # "rm: remove directory 'old-cache'?"
        _s("rm-di-dir", "coreutils", "yes_no", None, "yes", "removed"),
        # "extract 'readme.txt'?"
        _s("tar-w", "coreutils", "yes_no", None, "yes", "extracted", needs=("tar",)),
        # "Enter password:" then "Verify password:".
        _s("zip-encrypt", "password-style", "secret", needs=("zip", "unzip")),
        # "Delete this key from the keyring? (y/N)"
        _s("gpg-delete-key", "gpg", "yes_no", None, "yes", "deleted", needs=("gpg",)),
        # "Country Name (2 letter code) [AU]:" with the default replaced.
        _s("openssl-country-replace", "openssl", "text", None, "NO", "C=NO", needs=_SSL),
        _s("openssl-pkcs12-export", "password-style", "secret", needs=_SSL),
        _s("openssl-enc-password", "password-style", "secret", needs=_SSL),
        _s("dnf-style-is-this-ok", "package-manager", "yes_no", YES_NO, "yes", "installed"),
        # Three numbered providers on one line, "Enter a number (default=1):"; by label.
        _s(
            "pacman-providers",
            "numbered-line",
            "choice",
            ("jdk-openjdk", "jdk17-openjdk", "jdk21-openjdk"),
            "jdk21-openjdk",
            "jdk21-openjdk",
        ),
        _s("wt-yesno-plain", "whiptail", "yes_no", YES_NO, "yes", "rc0", needs=_WT),
        # Tags with descriptions: the tag is what the program gets back.
        _s("wt-menu-tags-desc", "whiptail", "choice", None, "podman", "rc0:podman", needs=_WT),
        # git and lsp start on: the answer turns lsp off and spell and tree on.
        _s(
            "wt-checklist-preset",
            "whiptail",
            "multi_choice",
            None,
            "git, spell, tree",
            "rc0:git,spell,tree",
            needs=_WT,
        ),
        _s("wt-radiolist-desc", "whiptail", "choice", None, "notify", "rc0:notify", needs=_WT),
        # "pool.ntp.org" is already in the field: Enter keeps it.
        _s("wt-inputbox-keep", "whiptail", "text", None, "", "rc0:pool.ntp.org", needs=_WT),
        _s("wt-passwordbox-admin", "whiptail", "secret", needs=_WT),
        _s("wt-msgbox-ok-label", "whiptail", "press_enter", ("Got it",), "", "rc0", needs=_WT),
        # Focus starts on "Cancel" (--defaultno).
        _s(
            "wt-yesno-erase-defaultno",
            "whiptail",
            "yes_no",
            ("Erase", "Cancel"),
            "Cancel",
            "rc1",
            needs=_WT,
        ),
        _s("dg-yesno-defaultno-yes", "dialog", "yes_no", YES_NO, "yes", "rc0", needs=_DG),
        _s("dg-menu-tags-desc", "dialog", "choice", None, "no", "rc0:no", needs=_DG),
        _s(
            "dg-checklist-none",
            "dialog",
            "multi_choice",
            None,
            "noto, hack",
            "rc0:noto,hack",
            needs=_DG,
        ),
        _s("dg-radiolist-none-on", "dialog", "choice", None, "lightdm", "rc0:lightdm", needs=_DG),
        _s(
            "dg-inputbox-empty",
            "dialog",
            "text",
            None,
            "http://proxy.internal:3128",
            "rc0:http://proxy.internal:3128",
            needs=_DG,
        ),
        _s("dg-passwordbox-luks", "dialog", "secret", needs=_DG),
        _s("dg-msgbox-ok", "dialog", "press_enter", ("OK",), "", "rc0", needs=_DG),
        # Three buttons: Yes, the extra "Later", and No.
        _s(
            "dg-yesno-extra-button",
            "dialog",
            "choice",
            ("Yes", "Later", "No"),
            "Later",
            "rc3",
            needs=_DG,
        ),
        # Numbered tags, the second is the default item; the answer is a label.
        _s("dg-menu-numbers-label", "dialog", "choice", None, "Cloud bucket", "rc0:3", needs=_DG),
    ]


def shell_lookalikes() -> list[Case]:
    names = {
        "look-ps1-gt": (),
        "look-ps1-arrow-branch": (),
        "look-sh-hash": (),
        "look-python-after-menu": (),
        "look-sqlite-table": ("sqlite3",),
        "look-watch-glyphs": ("watch",),
        "look-free-stream": ("free",),
        "look-less-password-log": ("less",),
        "look-more-pager": ("more",),
        "look-tail-f-yn": ("tail",),
        "look-whiptail-gauge": _WT,
        "look-dialog-mixedgauge": _DG,
        "look-apt-progress": (),
        "look-script-replay": (),
        "look-column-table": ("column",),
        "look-git-log-pager": ("git", "less"),
        "look-node-repl-arrow": _NODE,
        "look-bc-after-question": ("bc",),
        "look-watch-numbered": ("watch",),
        "look-pydoc-getpass": ("less",),
    }
    return [_s(n, LOOK, None, needs=need) for n, need in names.items()]


def node_cases() -> list[Case]:
    return [
        _n(
            "iq-search",
            "inquirer",
            "choice",
            ("eslint", "prettier", "biome", "oxlint", "stylelint"),
            "biome",
            "biome",
        ),
        # Answered by number: "3" is the lcov file.
        _n(
            "iq-rawlist-number",
            "inquirer",
            "choice",
            ("terminal summary", "HTML folder", "lcov file"),
            "3",
            "lcov",
        ),
        # An expand prompt drawn open, one "key) label" row per choice.
        _n(
            "iq-expand-expanded",
            "inquirer",
            "choice",
            ("Overwrite with the template", "Leave it alone", "Abort the upgrade"),
            "Leave it alone",
            "skip",
        ),
        _n("iq-number-keep", "inquirer", "text", None, "", 30),
        # chromium and firefox start checked: the answer unchecks firefox and checks webkit.
        _n(
            "iq-checkbox-checked",
            "inquirer",
            "multi_choice",
            ("chromium", "firefox", "webkit", "edge"),
            "chromium, webkit",
            ["chromium", "webkit"],
        ),
        _n(
            "iq-select-descriptions",
            "inquirer",
            "choice",
            ("static", "server", "hybrid"),
            "hybrid",
            "hybrid",
        ),
        _n("iq-confirm-default-no", "inquirer", "yes_no", YES_NO, "yes", True),
        _n("iq-password-mask", "password-style", "secret"),
        _n("iq-input-default-replace", "inquirer", "text", None, "trunk", "trunk"),
        _n(
            "inq-rawlist-label",
            "inquirer-classic",
            "choice",
            ("2 spaces", "4 spaces", "tabs"),
            "tabs",
            "tabs",
        ),
        # Collapsed expand prompt: only the keys "(rakH)" are on screen.
        _n("inq-expand-collapsed", "inquirer-classic", "choice", None, "a", "append"),
        _n("inq-number-default", "inquirer-classic", "text", None, "", 4),
        _n("inq-password", "password-style", "secret"),
        # A separator line "-- background --" between the items.
        _n(
            "inq-checkbox-separator",
            "inquirer-classic",
            "multi_choice",
            ("api", "web", "worker", "scheduler"),
            "web, scheduler",
            ["web", "scheduler"],
        ),
        # A two-way toggle drawn "Nope / Yep", starting on Nope.
        _n("enq-toggle", "enquirer", "yes_no", ("Nope", "Yep"), "Yep", True),
        _n("enq-numeral-keep", "enquirer", "text", None, "", 5432),
        _n(
            "enq-multiselect-hints",
            "enquirer",
            "multi_choice",
            ("auth", "cache", "mail", "search"),
            "cache, search",
            ["cache", "search"],
        ),
        _n(
            "enq-select-separator",
            "enquirer",
            "choice",
            ("vitest", "jest", "mocha", "node:test"),
            "mocha",
            "mocha",
        ),
        _n("enq-password", "password-style", "secret"),
        _n("enq-input-initial-keep", "prefilled", "text", None, "", "dist"),
        _n("enq-confirm-yes", "enquirer", "yes_no", YES_NO, "yes", True),
        # A two-way toggle drawn "off / on", starting on off.
        _n("pr-toggle", "prompts", "yes_no", ("off", "on"), "on", True),
        _n("pr-number-replace", "prompts", "text", None, "7", 7),
        # ams starts selected: the answer keeps it and adds iad and sin.
        _n(
            "pr-multiselect-selected",
            "prompts",
            "multi_choice",
            ("ams", "fra", "iad", "sin"),
            "ams, iad, sin",
            ["ams", "iad", "sin"],
        ),
        _n("pr-text-initial-keep", "prefilled", "text", None, "", "@acme"),
        _n("pr-invisible", "password-style", "secret"),
        # "memory" is drawn but disabled: options are not scored.
        _n("pr-select-disabled", "prompts", "choice", None, "storage", "storage"),
        _n("cl-confirm-labels", "clack", "yes_no", ("Deploy", "Wait"), "Wait", False),
        # The placeholder "./src" is also the default: Enter keeps it.
        _n("cl-text-placeholder-default", "prefilled", "text", None, "", "./src"),
        _n(
            "cl-select-hints",
            "clack",
            "choice",
            ("Redis", "Postgres table", "In-process memory"),
            "Postgres table",
            "pg",
        ),
        # Tailwind starts selected: the answer keeps it and adds PWA and Auth.
        _n(
            "cl-multiselect-initial",
            "clack",
            "multi_choice",
            ("Tailwind", "i18n", "PWA", "Auth"),
            "Tailwind, PWA, Auth",
            ["tailwind", "pwa", "auth"],
        ),
        # One key picks at once: "l" opens the crash log.
        _n(
            "cl-select-key",
            "clack",
            "choice",
            ("Restart it", "Open the crash log", "Quit"),
            "Open the crash log",
            "l",
        ),
        _n("cl-box-then-text", "banner", "text", None, "OPS", "OPS"),
        _n(
            "cl-autocomplete-multiselect",
            "clack",
            "multi_choice",
            ("cli", "terminal", "mcp", "remote", "agents"),
            "mcp, agents",
            ["mcp", "agents"],
        ),
    ]


def node_lookalikes() -> list[Case]:
    names = [
        "look-repl-question-prompt",
        "look-clack-task-log",
        "look-clack-progress",
        "look-stream-quotes-select",
        "look-dashboard-markers",
        "look-test-output",
        "look-question-no-read",
        "look-readline-paused-gt",
    ]
    return [_n(n, LOOK, None) for n in names]


def held_out_5_cases() -> list[Case]:
    return (
        python_cases()
        + shell_cases()
        + node_cases()
        + python_lookalikes()
        + shell_lookalikes()
        + node_lookalikes()
    )
