"""The twelfth held-out set (``held_out_12``): new programs, written blind and run through the
detector once, at the end of the session that froze it.

It samples exactly the population issue 12 names: Python click, typer, questionary,
InquirerPy, prompt_toolkit and rich; Node @inquirer/prompts and inquirer, enquirer, prompts
and @clack/prompts; whiptail and dialog; bash ``read`` and ``select``; sudo-, ssh- and
gpg-style password prompts; the real ``cp -i``, ``mv -i``, ``rm -i``, ``git clean -i``,
``git add -p``, ``pip uninstall`` in a temporary venv, ``npm init``, ``ssh-keygen``,
``openssl genpkey``, ``unzip`` and ``gpg`` in a temporary directory; Python ``input()`` and
``getpass``. Wordings and layouts are new (an allotment, choir, orchard and harbour world no
earlier set uses). Look-alikes are REPLs and shells with odd prompts, rich live tables, status
and progress, click progress bars, pagers, vim as git's rebase editor, ``watch``, ``top``, a
dialog progress box, logs and streamed agent text quoting prompts and menus, test runners,
dashboards and programs that printed a question but never read.
``held_check --split held_out_12`` proves each expectation by running every program in a bare
PTY with the keys a person would press.
"""

from __future__ import annotations

from tests.prompt_corpus.case_set import CaseSet
from tests.prompt_corpus.cases import YES_NO, Case

HELD_OUT_12 = "held_out_12"
LOOK = "look-alike"
YN_WORDS = ("yes", "no")

_SET = CaseSet("h12-", "held12", HELD_OUT_12)
_p, _n, _s = _SET.python, _SET.nodejs, _SET.shell


def python_cases() -> list[Case]:
    return [
        _p(
            "click-choice-tide-station",
            "click",
            "choice",
            ("dover", "brest", "cuxhaven", "vlissingen", "esbjerg", "bergen"),
            "cuxhaven",
            "cuxhaven",
        ),
        _p("click-confirm-default-yes-no", "click", "yes_no", YES_NO, "no", False),
        _p("click-int-default-keep", "prefilled", "text", None, "", 1240),
        _p("click-password-hidden-once", "password-style", "secret"),
        _p("click-text-under-cyan-banner", "banner", "text", None, "MXYZ7", "MXYZ7"),
        _p("click-getchar-letters", "multi-key", "choice", None, "s", "split"),
        _p(
            "typer-enum-tier",
            "typer",
            "choice",
            ("hobby", "team", "business", "enterprise"),
            "business",
            "business",
        ),
        _p("typer-confirm-no", "typer", "yes_no", YES_NO, "no", False),
        _p("typer-prompt-default-replace", "prefilled", "text", None, "Solveig", "Solveig"),
        _p(
            "rich-choices-bakery",
            "rich",
            "choice",
            ("sourdough", "rye", "baguette", "brioche", "focaccia", "spelt", "pumpernickel"),
            "focaccia",
            "focaccia",
        ),
        _p("rich-confirm-rule-above", "banner", "yes_no", YES_NO, "yes", True),
        _p("rich-int-keep", "prefilled", "text", None, "", 4),
        _p("rich-password-ledger", "password-style", "secret"),
        _p(
            "rich-table-then-choice-number",
            "numbered-line",
            "choice",
            ("Oban → Craignure", "Ullapool → Stornoway", "Kennacraig → Islay"),
            "2",
            "Ullapool",
        ),
        _p(
            "q-select-seven-custom-pointer",
            "questionary",
            "choice",
            ("Ferns", "Mosses", "Lichens", "Grasses", "Sedges", "Orchids", "Conifers"),
            "Orchids",
            "Orchids",
        ),
        _p(
            "q-select-default-third",
            "questionary",
            "choice",
            ("80 gsm bond", "100 gsm silk", "120 gsm uncoated", "170 gsm gloss"),
            "170 gsm gloss",
            "170 gsm gloss",
        ),
        _p(
            "q-checkbox-prechecked-untick",
            "questionary",
            "multi_choice",
            ("Ade", "Brigid", "Cosmin", "Dagny"),
            "Ade, Cosmin, Dagny",
            ["Ade", "Cosmin", "Dagny"],
        ),
        _p(
            "q-checkbox-separator-disabled",
            "questionary",
            "multi_choice",
            None,
            "cello, bassoon",
            ["cello", "bassoon"],
        ),
        _p("q-confirm-auto-enter-false", "questionary", "yes_no", YES_NO, "yes", True),
        _p("q-text-default-keep", "prefilled", "text", None, "", "17B"),
        _p("q-path-replace", "prefilled", "text", None, "negatives-2024", "negatives-2024"),
        _p(
            "q-rawselect-six",
            "questionary",
            "choice",
            ("Line 1", "Line 2", "Line 4", "Line 6", "Line 9", "Night line N3"),
            "5",
            "Line 9",
        ),
        _p("q-autocomplete-river", "questionary", "text", None, "Rhine", "Rhine"),
        _p("q-password-keystore", "password-style", "secret"),
        _p("q-press-any-key-title", "press-enter", "press_enter", None, "", "plotted"),
        _p(
            "q-select-long-labels-wrapped",
            "wrapped",
            "choice",
            (
                "Keep the earliest sign-up and notify the others by text message",
                "Split the evening into two shorter shifts",
                "Ask the coordinator to decide at Monday's meeting",
            ),
            "Split the evening into two shorter shifts",
            "Split the evening into two shorter shifts",
        ),
        _p(
            "ipy-select-pointer-eight",
            "inquirerpy",
            "choice",
            ("Treble", "2nd", "3rd", "4th", "5th", "6th", "7th", "Tenor"),
            "5th",
            "5th",
        ),
        _p(
            "ipy-checkbox-toggle-two",
            "inquirerpy",
            "multi_choice",
            ("cumin", "sumac", "saffron", "fenugreek", "asafoetida"),
            "sumac, fenugreek",
            ["sumac", "fenugreek"],
        ),
        _p("ipy-confirm-default-yes-no", "inquirerpy", "yes_no", YES_NO, "no", False),
        _p("ipy-text-default-replace", "prefilled", "text", None, "Kestrel Ridge", "Kestrel Ridge"),
        _p("ipy-number-replace", "prefilled", "text", None, "12", 12),
        _p("ipy-expand-letters", "inquirerpy", "choice", None, "b", "both"),
        _p(
            "ipy-rawlist-label",
            "inquirerpy",
            "choice",
            ("single", "tandem", "sit-on-top", "sea kayak"),
            "sea kayak",
            "sea kayak",
        ),
        _p("ipy-secret-pin", "password-style", "secret"),
        _p("ipy-fuzzy-station", "inquirerpy", "choice", None, "Lerwick", "Lerwick"),
        _p("ptk-prompt-default-keep", "prefilled", "text", None, "", "65"),
        _p(
            "ptk-choice-five",
            "prompt-toolkit",
            "choice",
            (
                "Shelf A — maps",
                "Shelf B — travel",
                "Shelf C — history",
                "Shelf D — reference",
                "Shelf E — oversize",
            ),
            "Shelf D — reference",
            "d",
        ),
        _p("ptk-yes-no-dialog-yes", "prompt-toolkit", "yes_no", YES_NO, "Yes", True),
        _p(
            "ptk-radiolist-dialog-four",
            "prompt-toolkit",
            "choice",
            ("D-76", "HC-110", "Rodinal", "XTOL"),
            "Rodinal",
            "rodinal",
        ),
        _p("ptk-password-bottom-toolbar", "password-style", "secret"),
        _p("ptk-confirm-suffix-no", "prompt-toolkit", "yes_no", YES_NO, "no", False),
        _p(
            "std-numbered-by-number",
            "numbered-line",
            "choice",
            ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"),
            "5",
            "Friday",
        ),
        _p(
            "std-numbered-by-label",
            "numbered-line",
            "choice",
            ("walnut", "oak", "cherry", "ash"),
            "cherry",
            "cherry",
        ),
        _p(
            "std-type-name-confirm",
            "confirm-typing",
            "text",
            None,
            "spring-concert-2024",
            "deleted",
        ),
        _p("std-yes-no-default-bracket", "stdlib", "yes_no", YES_NO, "no", "held"),
        _p("std-wrapped-question", "wrapped", "yes_no", YN_WORDS, "yes", "yes"),
        _p(
            "std-question-above-green-banner",
            "banner",
            "text",
            None,
            "choir-shared-2025",
            "choir-shared-2025",
        ),
        _p("std-getpass-sudo-style", "password-style", "secret"),
        _p("std-getpass-ssh-style", "password-style", "secret"),
        _p("std-letter-keys", "multi-key", "choice", None, "k", "both"),
        _p("std-press-enter", "press-enter", "press_enter", None, "", "ready"),
        _p("std-prefill-default-paren", "prefilled", "text", None, "", "feedercam.local"),
        _p("std-type-yes-uppercase", "confirm-typing", "text", None, "YES", "marked"),
    ]


def python_lookalikes() -> list[Case]:
    return [
        _p("look-repl-question-prompt", LOOK, None),
        _p("look-rich-live-glyph-board", LOOK, None),
        _p("look-rich-progress-continue", LOOK, None),
        _p("look-click-progressbar", LOOK, None),
        _p("look-agent-quotes-menu", LOOK, None),
        _p("look-printed-question-keeps-working", LOOK, None),
        _p("look-test-runner-numbered", LOOK, None),
        _p("look-sleep-gt-line", LOOK, None),
        _p("look-log-password-lines", LOOK, None),
        _p("look-ptk-shell-prompt", LOOK, None),
        _p("look-rich-status-spinner", LOOK, None),
        _p("look-rich-prompt-answered-then-work", LOOK, None),
    ]


def shell_cases() -> list[Case]:
    return [
        _s("read-yn-default-yes-no", "bash-read", "yes_no", YES_NO, "no", "n"),
        _s("read-prefill-keep", "prefilled", "text", None, "", "north-field"),
        _s("read-prefill-replace", "prefilled", "text", None, "fortnightly", "fortnightly"),
        _s(
            "read-numbered-number",
            "numbered-line",
            "choice",
            (
                "Spring build-up",
                "Swarm watch",
                "Honey flow",
                "Varroa count",
                "Autumn feeding",
                "Winter check",
            ),
            "4",
            "varroa",
        ),
        _s(
            "read-numbered-label",
            "numbered-line",
            "choice",
            ("strong white", "wholemeal", "spelt"),
            "spelt",
            "spelt",
        ),
        _s("read-type-name", "confirm-typing", "text", None, "plots-east", "erased"),
        _s("read-wrapped-yn", "wrapped", "yes_no", YES_NO, "yes", "y"),
        _s("read-below-banner", "banner", "text", None, "35", 35),
        _s("read-silent-sudo", "password-style", "secret"),
        _s("read-silent-ssh", "password-style", "secret"),
        _s("read-letter-keys", "multi-key", "choice", None, "c", "compost"),
        _s("read-press-enter", "press-enter", "press_enter", None, "", "started"),
        _s("read-default-paren", "prefilled", "text", None, "", "mm"),
        _s(
            "select-by-number",
            "bash-select",
            "choice",
            ("Apples", "Pears", "Plums", "Quinces", "Figs"),
            "4",
            "Quinces",
        ),
        _s(
            "select-by-number-long",
            "bash-select",
            "choice",
            (
                "Riverside (2 km)",
                "Beech wood (5 km)",
                "Ridge path (9 km)",
                "Coast to coast (31 km)",
            ),
            "Ridge path (9 km)",
            "Ridge path (9 km)",
        ),
        _s("cp-i-overwrite", "coreutils", "yes_no", None, "yes", "new"),
        _s("mv-i-keep", "coreutils", "yes_no", None, "no", "kept"),
        _s("rm-i-remove", "coreutils", "yes_no", None, "yes", "removed"),
        _s(
            "git-clean-i-clean",
            "git",
            "choice",
            ("clean", "filter by pattern", "select by numbers", "ask each", "quit", "help"),
            "clean",
            "cleaned",
            needs=("git",),
        ),
        _s("git-add-p-no", "git", "choice", None, "n", "unstaged", needs=("git",)),
        _s(
            "pip-uninstall-yes",
            "package-manager",
            "yes_no",
            YES_NO,
            "yes",
            "uninstalled",
            needs=("python3",),
        ),
        _s(
            "npm-init-keep-name",
            "package-manager",
            "text",
            None,
            "",
            "wildflower",
            needs=("npm", "node"),
        ),
        _s("ssh-keygen-new-passphrase", "password-style", "secret", needs=("ssh-keygen",)),
        _s("openssl-genpkey-aes", "password-style", "secret", needs=("openssl",)),
        _s(
            "unzip-overwrite-rename",
            "coreutils",
            "choice",
            ("yes", "no", "All", "None", "rename"),
            "no",
            1,
            needs=("unzip", "zip"),
        ),
        _s("gpg-symmetric-pinentry", "password-style", "secret", needs=("gpg", "pinentry-curses")),
        _s(
            "wt-yesno-defaultno-yes",
            "whiptail",
            "yes_no",
            YES_NO,
            "Yes",
            "rc0",
            needs=("whiptail",),
        ),
        _s("wt-menu-six-down", "whiptail", "choice", None, "dee", "rc0:dee", needs=("whiptail",)),
        _s(
            "wt-radiolist-change",
            "whiptail",
            "choice",
            None,
            "stedman",
            "rc0:stedman",
            needs=("whiptail",),
        ),
        _s(
            "wt-checklist-tick-two",
            "whiptail",
            "multi_choice",
            None,
            "bas, suc",
            "rc0:bas,suc",
            needs=("whiptail",),
        ),
        _s("wt-passwordbox", "whiptail", "secret", needs=("whiptail",)),
        _s(
            "wt-inputbox-replace",
            "whiptail",
            "text",
            None,
            "Greengage 2025",
            "rc0:Greengage 2025",
            needs=("whiptail",),
        ),
        _s(
            "wt-custom-buttons-no",
            "whiptail",
            "yes_no",
            ("Drain", "Leave"),
            "Leave",
            "rc1",
            needs=("whiptail",),
        ),
        _s("dg-yesno-yes", "dialog", "yes_no", YES_NO, "Yes", "rc0", needs=("dialog",)),
        _s("dg-menu-four", "dialog", "choice", None, "3", "rc0:3", needs=("dialog",)),
        _s(
            "dg-checklist-untick",
            "dialog",
            "multi_choice",
            None,
            "events, lost",
            "rc0:events,lost",
            needs=("dialog",),
        ),
        _s("dg-inputbox-keep", "dialog", "text", None, "", "rc0:Reading room", needs=("dialog",)),
        _s("dg-passwordbox", "dialog", "secret", needs=("dialog",)),
        _s("dg-radiolist-last", "dialog", "choice", None, "cabin", "rc0:cabin", needs=("dialog",)),
    ]


def shell_lookalikes() -> list[Case]:
    return [
        _s("look-bash-odd-ps1", LOOK, None),
        _s("look-less-prompts-doc", LOOK, None, needs=("less",)),
        _s("look-git-log-pager", LOOK, None, needs=("git", "less")),
        _s("look-git-rebase-editor", LOOK, None, needs=("git", "vim")),
        _s("look-watch-select", LOOK, None, needs=("watch",)),
        _s("look-top", LOOK, None, needs=("top",)),
        _s("look-sleep-password-prompt-line", LOOK, None),
        _s("look-log-yn-loop", LOOK, None),
        _s("look-python-repl", LOOK, None, needs=("python3",)),
        _s("look-dialog-tailbox", LOOK, None, needs=("dialog",)),
        _s("look-printed-menu-keeps-working", LOOK, None),
    ]


def node_cases() -> list[Case]:
    return [
        _n("iq-select-separator-disabled", "inquirer", "choice", None, "Denver Windmill", "denver"),
        _n(
            "iq-checkbox-tick-three",
            "inquirer",
            "multi_choice",
            ("robin", "wren", "blue tit", "great tit", "nuthatch", "goldfinch"),
            "wren, great tit, goldfinch",
            ["wren", "great tit", "goldfinch"],
        ),
        _n("iq-confirm-default-false-yes", "inquirer", "yes_no", YES_NO, "yes", True),
        _n(
            "iq-input-default-replace",
            "prefilled",
            "text",
            None,
            "For Arthur, who loved this view",
            "For Arthur, who loved this view",
        ),
        _n("iq-password-mask", "password-style", "secret"),
        _n("iq-number-keep", "prefilled", "text", None, "", 12),
        _n("iq-expand-letter", "inquirer", "choice", None, "a", "add"),
        _n(
            "iq-rawlist-five",
            "inquirer",
            "choice",
            ("Lock 12", "Lock 13", "Lock 14", "Lock 15", "Lock 16"),
            "3",
            "Lock 14",
        ),
        _n("iq-search-typed", "inquirer", "choice", None, "Keswick", "Keswick"),
        _n(
            "iq-legacy-list",
            "inquirer",
            "choice",
            ("Victoria sponge", "Lemon drizzle", "Carrot", "Parkin"),
            "Parkin",
            "Parkin",
        ),
        _n(
            "enq-select-six",
            "enquirer",
            "choice",
            ("reef knot", "bowline", "clove hitch", "sheet bend", "figure of eight", "round turn"),
            "sheet bend",
            "sheet bend",
        ),
        _n(
            "enq-multiselect-prechecked",
            "enquirer",
            "multi_choice",
            ("nave", "vestry", "hall", "kitchen"),
            "nave, hall",
            ["nave", "hall"],
        ),
        _n("enq-confirm-no", "enquirer", "yes_no", YES_NO, "no", False),
        _n("enq-input-keep", "prefilled", "text", None, "", "The Quizzly Bears"),
        _n("enq-password", "password-style", "secret"),
        _n("enq-toggle-yes", "enquirer", "yes_no", ("Mono", "Colour"), "Colour", True),
        _n("enq-number-replace", "prefilled", "text", None, "25", 25),
        _n("enq-autocomplete", "enquirer", "choice", None, "Katy", "Katy"),
        _n(
            "pr-select-hint-six",
            "prompts",
            "choice",
            ("Route 3", "Route 7", "Route 11", "Route 19", "Route 24", "Route X1"),
            "Route 24",
            "Route 24",
        ),
        _n(
            "pr-multiselect-two",
            "prompts",
            "multi_choice",
            ("cakes", "books", "plants", "tombola", "face paint"),
            "books, tombola",
            ["books", "tombola"],
        ),
        _n("pr-confirm-default-yes", "prompts", "yes_no", YES_NO, "yes", True),
        _n("pr-text-initial-keep", "prefilled", "text", None, "", "the war memorial"),
        _n("pr-password", "password-style", "secret"),
        _n("pr-number-replace", "prefilled", "text", None, "75", 75),
        _n("pr-toggle-off", "prompts", "yes_no", ("no", "yes"), "no", False),
        _n(
            "cl-select-hint",
            "clack",
            "choice",
            ("Plot 4", "Plot 9", "Plot 12", "Plot 15"),
            "Plot 12",
            "p12",
        ),
        _n(
            "cl-multiselect",
            "clack",
            "multi_choice",
            ("spade", "rake", "hoe", "shears"),
            "rake, shears",
            ["rake", "shears"],
        ),
        _n("cl-confirm-no", "clack", "yes_no", YES_NO, "No", False),
        _n("cl-text-placeholder", "clack", "text", None, "Mr Bramble", "Mr Bramble"),
        _n("cl-password", "password-style", "secret"),
    ]


def node_lookalikes() -> list[Case]:
    return [
        _n("look-node-repl", LOOK, None),
        _n("look-stream-quotes-confirm", LOOK, None),
        _n("look-clack-spinner", LOOK, None),
        _n("look-test-output", LOOK, None),
        _n("look-dashboard-markers", LOOK, None),
        _n("look-sleep-chevron", LOOK, None),
        _n("look-answered-then-install", LOOK, None),
    ]


def held_out_12_cases() -> list[Case]:
    return (
        python_cases()
        + shell_cases()
        + node_cases()
        + python_lookalikes()
        + shell_lookalikes()
        + node_lookalikes()
    )
