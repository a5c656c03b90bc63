"""The fifth held-out set (``held_out_5``): new programs, written blind and run through the
detector once, at the end of the session that froze it.

Real prompt libraries and real tools (``programs/held5.py``, ``programs/held5.sh``,
``node/held5.mjs``) through APIs and layouts no earlier set uses: click's confirmation and
password options, typer options that prompt, questionary's rawselect and press-any-key,
InquirerPy's expand, rawlist and number, prompt_toolkit's ``choice`` and its yes/no,
radio-list and checkbox-list dialogs, a curses menu, readline prefills, @inquirer's search,
rawlist by number, expanded expand and descriptions, enquirer's Toggle and NumberPrompt,
prompts' toggle, number and multiselect, clack's selectKey and custom confirm labels;
whiptail and dialog boxes with custom buttons, an extra button and preset items; numbered
lists answered by number and by label, confirm-by-typing, wrapped questions, banners,
prefilled defaults kept and replaced, letter-key prompts; and the real ``git clean -i``,
``git checkout -p``, ``git difftool``, ``git credential``, ``mv -i``, ``rm`` of a
write-protected file, ``tar -w``, ``unzip``, ``ssh-keygen`` and ``openssl`` questions in a
temporary directory. Look-alikes are REPLs and shells with odd prompts, pagers, ``watch``,
``top``, full-screen monitors and viewers, progress bars and gauges, test runners, build
output with numbered lists, glyph tables, logs and streamed text quoting prompts, and
programs that printed a question but never read. Each expectation states what the program
really does; ``held_check --split held_out_5`` proves that by running every program in a
bare PTY with the keys a person would press.
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
            ("nightly-1201", "nightly-1202", "pre-upgrade", "manual-0930"),
            "pre-upgrade",
            "pre-upgrade",
        ),
        _p(
            "questionary-rawselect",
            "questionary",
            "choice",
            ("merge commit", "squash", "rebase"),
            "squash",
            "squash",
        ),
        _p("questionary-press-any-key", "press-enter", "press_enter", None, "", "registered"),
        # "gpu-large" is drawn but disabled "(quota exhausted)": options are not scored.
        _p("questionary-select-disabled", "questionary", "choice", None, "cpu-xlarge", "cpu-xlarge"),
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
            ("UTC", "Europe/Oslo", "America/Los_Angeles"),
            "Europe/Oslo",
            "oslo",
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
        # pre-commit starts checked: the answer keeps it and adds pre-push.
        _p(
            "pyinquirer-checkbox-default",
            "python-inquirer",
            "multi_choice",
            ("pre-commit", "commit-msg", "pre-push", "post-merge"),
            "pre-commit, pre-push",
            ["pre-commit", "pre-push"],
        ),
        _p("pyinquirer-confirm", "python-inquirer", "yes_no", YES_NO, "no", False),
        # Twelve months, four on a page: only the visible page is scored.
        _p("beaupy-paged", "paged", "choice", None, "Mar", "Mar"),
        _p("bullet-numbers", "bullet", "text", None, "8443", 8443),
        # Answered by number: "3" is the large size.
        _p(
            "stdlib-enter-selection",
            "numbered-line",
            "choice",
            ("small (2 vCPU)", "medium (4 vCPU)", "large (8 vCPU)", "xlarge (16 vCPU)"),
            "3",
            "large (8 vCPU)",
        ),
        _p(
            "stdlib-choose-from",
            "numbered-line",
            "choice",
            ("fast-forward only", "merge", "rebase"),
            "rebase",
            "rebase",
        ),
        _p("stdlib-type-name", "confirm-by-typing", "text", None, "analytics-prod", "deleted"),
        _p("stdlib-wrapped-eighty", "wrapped", "yes_no", YES_NO, "yes", "y"),
        _p("stdlib-box-banner", "banner", "yes_no", YES_NO, "yes", "y"),
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


def held_out_5_cases() -> list[Case]:
    return python_cases() + python_lookalikes()
