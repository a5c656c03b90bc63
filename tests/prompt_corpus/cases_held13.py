"""The thirteenth held-out set (``held_out_13``): new programs, written blind and run through the
detector once, at the end of the session that froze it.

It samples exactly the population issue 12 names: Python click, typer, questionary,
InquirerPy, prompt_toolkit and rich; Node @inquirer/prompts and inquirer, enquirer, prompts
and @clack/prompts; whiptail and dialog; bash ``read`` and ``select``; sudo-, ssh- and
gpg-style password prompts; the real ``cp -i``, ``mv -i``, ``rm -i``, ``git clean -i``,
``git add -p``, ``pip uninstall`` in a temporary venv, ``ssh-keygen`` (an overwrite question
and a new passphrase), ``openssl pkey``, ``unzip`` and ``gpg`` in a temporary directory; Python
``input()`` and ``getpass``. Wordings and layouts are new (a mountain refuge, a marionette
theatre, a clockmaker's bench and a glassblowing studio, a world no earlier set uses).
Look-alikes are REPLs and shells at their usual prompts with their banners, sqlite3's shell,
rich live tables, status and progress, click progress bars, a countdown, pagers, vim as git's
commit editor, ``watch``, ``top``, a dialog gauge, logs and streamed agent text quoting prompts
and menus, test runners, dashboards, spinners and programs that printed a question but never
read. ``held_check --split held_out_13`` proves each expectation by running every program in a
bare PTY with the keys a person would press.
"""

from __future__ import annotations

from tests.prompt_corpus.case_set import CaseSet
from tests.prompt_corpus.cases import YES_NO, Case

HELD_OUT_13 = "held_out_13"
LOOK = "look-alike"
YN_WORDS = ("yes", "no")
_WT = ("whiptail",)
_DG = ("dialog",)

_SET = CaseSet("h13-", "held13", HELD_OUT_13)
_p, _n, _s = _SET.python, _SET.nodejs, _SET.shell


def python_cases() -> list[Case]:
    return [
        _p(
            "click-choice-hut-sector",
            "click",
            "choice",
            ("aiguille", "glacier", "moraine", "crevasse", "serac"),
            "crevasse",
            "crevasse",
        ),
        _p("click-confirm-default-no-yes", "click", "yes_no", YES_NO, "yes", True),
        _p("click-float-default-replace", "prefilled", "text", None, "3.75", 3.75),
        _p("click-password-radio-pin", "password-style", "secret"),
        _p("click-text-below-box", "banner", "text", None, "Columbine", "Columbine"),
        _p("click-getchar-digits", "multi-key", "choice", None, "2", "switch"),
        _p(
            "typer-enum-rope",
            "typer",
            "choice",
            ("hemp", "dyneema", "kernmantle"),
            "kernmantle",
            "kernmantle",
        ),
        _p("typer-confirm-default-yes-no", "typer", "yes_no", YES_NO, "no", False),
        _p("typer-prompt-int-replace", "prefilled", "text", None, "5", 5),
        _p(
            "rich-choices-default-glass",
            "rich",
            "choice",
            ("cobalt", "amber", "ruby", "opal", "uranium"),
            "opal",
            "opal",
        ),
        _p("rich-confirm-under-panel", "banner", "yes_no", YES_NO, "no", False),
        _p("rich-float-keep", "prefilled", "text", None, "", 0.994),
        _p("rich-password-under-rule", "password-style", "secret"),
        _p(
            "rich-numbered-columns-by-label",
            "numbered-line",
            "choice",
            ("Punch", "Judy", "Crocodile", "Policeman", "Baby", "Hangman"),
            "Crocodile",
            "Crocodile",
        ),
        _p(
            "rich-prompt-default-replace", "prefilled", "text", None, "Tempus fugit", "Tempus fugit"
        ),
        _p(
            "q-select-shortcuts-five",
            "questionary",
            "choice",
            ("Cabane Rossier", "Refuge du Goûter", "Hörnlihütte", "Capanna Margherita", "Vallot"),
            "Hörnlihütte",
            "Hörnlihütte",
        ),
        _p(
            "q-select-default-last-pointer",
            "questionary",
            "choice",
            ("0.10 mm", "0.12 mm", "0.14 mm", "0.16 mm"),
            "0.12 mm",
            "0.12 mm",
        ),
        _p(
            "q-select-twelve-long",
            "questionary",
            "choice",
            (
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ),
            "October",
            "October",
        ),
        _p(
            "q-checkbox-two-preticked-add",
            "questionary",
            "multi_choice",
            ("Harlequin", "Columbine", "Pierrot", "Pantaloon", "Scaramouche"),
            "Harlequin, Columbine, Pierrot",
            ["Harlequin", "Columbine", "Pierrot"],
        ),
        _p(
            "q-checkbox-wrapped-question",
            "wrapped",
            "multi_choice",
            ("vases", "tumblers", "beads", "lamp shades"),
            "tumblers, lamp shades",
            ["tumblers", "lamp shades"],
        ),
        _p("q-confirm-default-true-no", "questionary", "yes_no", YES_NO, "no", False),
        _p(
            "q-text-default-replace",
            "prefilled",
            "text",
            None,
            "Edelweiss Express",
            "Edelweiss Express",
        ),
        _p("q-password-dots", "password-style", "secret"),
        _p(
            "q-rawselect-by-label",
            "questionary",
            "choice",
            ("Westminster", "Whittington", "St Michael", "Ave Maria"),
            "St Michael",
            "St Michael",
        ),
        _p("q-autocomplete-summit", "questionary", "text", None, "Weisshorn", "Weisshorn"),
        _p("q-press-any-key-glass", "press-enter", "press_enter", None, "", "blown"),
        _p("q-select-separator-choices", "questionary", "choice", None, "Courtyard", "courtyard"),
        _p(
            "ipy-select-default-third",
            "inquirerpy",
            "choice",
            ("anchor", "deadbeat", "grasshopper", "verge", "pin-wheel"),
            "verge",
            "verge",
        ),
        _p(
            "ipy-checkbox-enabled-rows",
            "inquirerpy",
            "multi_choice",
            ("S", "M", "L", "XL"),
            "M, L",
            ["M", "L"],
        ),
        _p("ipy-confirm-default-false-yes", "inquirerpy", "yes_no", YES_NO, "yes", True),
        _p("ipy-text-default-keep", "prefilled", "text", None, "", "furnace-2.log"),
        _p("ipy-secret-vault", "password-style", "secret"),
        _p(
            "ipy-rawlist-by-number",
            "inquirerpy",
            "choice",
            ("fluted", "optic", "twisted", "plain", "hobnail", "diamond"),
            "5",
            "hobnail",
        ),
        _p("ipy-number-keep", "prefilled", "text", None, "", 24),
        _p(
            "ipy-select-custom-pointer-long",
            "inquirerpy",
            "choice",
            ("Anselm", "Bettina", "Corin", "Doris", "Egon", "Franca", "Gaspard", "Hedi", "Ivo"),
            "Gaspard",
            "Gaspard",
        ),
        _p("ipy-filepath-replace", "prefilled", "text", None, "act2-finale.txt", "act2-finale.txt"),
        _p("ptk-prompt-default-replace", "prefilled", "text", None, "65", "65"),
        _p(
            "ptk-choice-default-second",
            "prompt-toolkit",
            "choice",
            ("Treble bell", "Great bell", "Ting-tang pair"),
            "Ting-tang pair",
            "ting",
        ),
        _p(
            "ptk-button-dialog-three",
            "prompt-toolkit",
            "choice",
            ("Descend", "Shelter", "Carry on"),
            "Shelter",
            "shelter",
        ),
        _p(
            "ptk-checkboxlist-dialog",
            "prompt-toolkit",
            "multi_choice",
            ("Jacks", "Shears", "Tweezers"),
            "Jacks, Tweezers",
            ["jacks", "tweezers"],
        ),
        _p(
            "ptk-input-dialog-text",
            "prompt-toolkit",
            "text",
            None,
            "The Tin Soldier",
            "The Tin Soldier",
        ),
        _p("ptk-password-star", "password-style", "secret"),
        _p(
            "std-numbered-two-columns-number",
            "numbered-line",
            "choice",
            (
                "Aosta",
                "Bivio",
                "Chamonix",
                "Davos",
                "Evolène",
                "Finhaut",
                "Grindelwald",
                "Hospental",
            ),
            "6",
            "Finhaut",
        ),
        _p(
            "std-numbered-by-label",
            "numbered-line",
            "choice",
            ("brass", "steel", "nickel silver"),
            "nickel silver",
            "nickel silver",
        ),
        _p("std-type-title-confirm", "confirm-typing", "text", None, "Old Gepetto", "removed"),
        _p("std-yes-no-default-no", "stdlib", "yes_no", YES_NO, "yes", "lit"),
        _p("std-wrapped-question-yes-no", "wrapped", "yes_no", YN_WORDS, "no", "no"),
        _p(
            "std-question-above-rule",
            "banner",
            "text",
            None,
            "Regulator No. 12",
            "Regulator No. 12",
        ),
        _p("std-getpass-sudo-style", "password-style", "secret"),
        _p("std-getpass-gpg-style", "password-style", "secret"),
        _p("std-letter-keys", "multi-key", "choice", None, "m", "merge"),
        _p("std-press-enter", "press-enter", "press_enter", None, "", "timing"),
        _p("std-default-square-brackets", "prefilled", "text", None, "", 18000),
        _p("std-full-word-yes", "stdlib", "yes_no", YN_WORDS, "yes", "closed"),
    ]


def python_lookalikes() -> list[Case]:
    return [
        _p("look-python-repl-banner", LOOK, None),
        _p("look-rich-live-dormitories", LOOK, None),
        _p("look-rich-progress-question-label", LOOK, None),
        _p("look-click-progressbar-choice", LOOK, None),
        _p("look-agent-quotes-checkbox", LOOK, None),
        _p("look-printed-question-then-default", LOOK, None),
        _p("look-test-runner-quotes", LOOK, None),
        _p("look-countdown-autostart", LOOK, None),
        _p("look-log-secret-lines", LOOK, None),
        _p("look-ptk-shell-with-banner", LOOK, None),
        _p("look-rich-status-after-choice", LOOK, None),
        _p("look-rich-answered-then-log", LOOK, None),
    ]


def shell_cases() -> list[Case]:
    return [
        _s("read-yn-default-no-yes", "bash-read", "yes_no", YES_NO, "yes", "y"),
        _s("read-prefill-keep", "prefilled", "text", None, "", "cobalt-blue"),
        _s("read-prefill-replace", "prefilled", "text", None, "Saturday", "Saturday"),
        _s(
            "read-numbered-number",
            "numbered-line",
            "choice",
            (
                "Fusee chain",
                "Skeleton",
                "Regulator",
                "Bracket",
                "Lantern",
                "Act of Parliament",
                "Cuckoo",
            ),
            "5",
            "lantern",
        ),
        _s(
            "read-numbered-label",
            "numbered-line",
            "choice",
            ("head torch", "storm lantern", "candle", "none"),
            "storm lantern",
            "lantern",
        ),
        _s("read-type-word-delete", "confirm-typing", "text", None, "DELETE", "deleted"),
        _s("read-wrapped-yn", "wrapped", "yes_no", YES_NO, "no", "n"),
        _s("read-question-above-banner", "banner", "text", None, "23", 23),
        _s("read-silent-sudo", "password-style", "secret"),
        _s("read-silent-ssh-passphrase", "password-style", "secret"),
        _s("read-silent-gpg-style", "password-style", "secret"),
        _s("read-letter-keys", "multi-key", "choice", None, "d", "discard"),
        _s("read-press-any-key", "press-enter", "press_enter", None, "", "raised"),
        _s("read-default-brackets", "prefilled", "text", None, "", 12),
        _s(
            "select-by-number",
            "bash-select",
            "choice",
            ("Col de la Seigne", "Fenêtre d'Arpette", "Col du Bonhomme", "Grand Col Ferret"),
            "3",
            "Col du Bonhomme",
        ),
        _s(
            "select-by-label-ten",
            "bash-select",
            "choice",
            (
                "Punch",
                "Judy",
                "Toby",
                "Joey",
                "Crocodile",
                "Devil",
                "Ghost",
                "Doctor",
                "Policeman",
                "Baby",
            ),
            "Ghost",
            "Ghost",
        ),
        _s("cp-i-keep", "coreutils", "yes_no", None, "no", "old"),
        _s("mv-i-replace", "coreutils", "yes_no", None, "yes", "moved"),
        _s("rm-i-keep", "coreutils", "yes_no", None, "no", "kept"),
        _s(
            "git-clean-i-quit",
            "git",
            "choice",
            ("clean", "filter by pattern", "select by numbers", "ask each", "quit", "help"),
            "quit",
            "kept",
            needs=("git",),
        ),
        _s("git-add-p-yes", "git", "choice", None, "y", "staged", needs=("git",)),
        _s(
            "pip-uninstall-no",
            "package-manager",
            "yes_no",
            YES_NO,
            "no",
            "kept",
            needs=("python3",),
        ),
        _s(
            "ssh-keygen-overwrite-no",
            "ssh-keygen",
            "yes_no",
            None,
            "no",
            "kept",
            needs=("ssh-keygen",),
        ),
        _s("ssh-keygen-passphrase", "password-style", "secret", needs=("ssh-keygen",)),
        _s("openssl-pkey-passin", "password-style", "secret", needs=("openssl",)),
        _s(
            "unzip-overwrite-yes",
            "coreutils",
            "choice",
            ("yes", "no", "All", "None", "rename"),
            "yes",
            "one",
            needs=("unzip", "zip"),
        ),
        _s("gpg-decrypt-pinentry", "password-style", "secret", needs=("gpg", "pinentry-curses")),
        _s("wt-yesno-no", "whiptail", "yes_no", YES_NO, "No", "rc1", needs=_WT),
        _s("wt-menu-default-item", "whiptail", "choice", None, "dtn", "rc0:dtn", needs=_WT),
        _s("wt-radiolist-first", "whiptail", "choice", None, "soda", "rc0:soda", needs=_WT),
        _s(
            "wt-checklist-preticked",
            "whiptail",
            "multi_choice",
            None,
            "castle, forest",
            "rc0:castle,forest",
            needs=_WT,
        ),
        _s("wt-passwordbox", "whiptail", "secret", needs=_WT),
        _s("wt-inputbox-keep", "whiptail", "text", None, "", "rc0:No. 4417", needs=_WT),
        _s("wt-msgbox-ok", "whiptail", "press_enter", None, "", "rc0", needs=_WT),
        _s(
            "dg-yesno-custom-labels",
            "dialog",
            "yes_no",
            ("Anneal", "Crash-cool"),
            "Crash-cool",
            "rc1",
            needs=_DG,
        ),
        _s("dg-menu-six", "dialog", "choice", None, "E", "rc0:E", needs=_DG),
        _s(
            "dg-checklist-tick",
            "dialog",
            "multi_choice",
            None,
            "spring, hands",
            "rc0:spring,hands",
            needs=_DG,
        ),
        _s("dg-inputbox-replace", "dialog", "text", None, "Benedikt", "rc0:Benedikt", needs=_DG),
        _s("dg-passwordbox-insecure", "dialog", "secret", needs=_DG),
        _s("dg-radiolist-middle", "dialog", "choice", None, "slf", "rc0:slf", needs=_DG),
        _s("dg-msgbox-ok", "dialog", "press_enter", None, "", "rc0", needs=_DG),
    ]


def shell_lookalikes() -> list[Case]:
    return [
        _s("look-bash-warden-prompt", LOOK, None),
        _s("look-less-manual", LOOK, None, needs=("less",)),
        _s("look-git-log-pager", LOOK, None, needs=("git", "less")),
        _s("look-git-commit-editor", LOOK, None, needs=("git", "vim")),
        _s("look-watch-board", LOOK, None, needs=("watch",)),
        _s("look-top", LOOK, None, needs=("top",)),
        _s("look-log-yes-no-loop", LOOK, None),
        _s("look-python-repl", LOOK, None, needs=("python3",)),
        _s("look-sqlite-shell", LOOK, None, needs=("sqlite3",)),
        _s("look-dialog-gauge", LOOK, None, needs=_DG),
        _s("look-printed-menu-then-default", LOOK, None),
    ]


def node_cases() -> list[Case]:
    return [
        _n(
            "iq-select-descriptions",
            "inquirer",
            "choice",
            ("Opaline", "Cased ruby", "Seedy clear", "Crackle"),
            "Seedy clear",
            "seedy",
        ),
        _n(
            "iq-checkbox-prechecked",
            "inquirer",
            "multi_choice",
            ("Bergli", "Mutthorn", "Konkordia", "Finsteraarhorn", "Hollandia"),
            "Bergli, Konkordia, Hollandia",
            ["Bergli", "Konkordia", "Hollandia"],
        ),
        _n("iq-confirm-default-true-no", "inquirer", "yes_no", YES_NO, "no", False),
        _n("iq-input-default-keep", "prefilled", "text", None, "", "Ottilie"),
        _n("iq-password-hidden", "password-style", "secret"),
        _n("iq-number-replace", "prefilled", "text", None, "45", 45),
        _n(
            "iq-rawlist-by-label",
            "inquirer",
            "choice",
            ("fine", "medium", "heavy", "braided"),
            "braided",
            "braided",
        ),
        _n("iq-expand-key", "inquirer", "choice", None, "s", "skip"),
        _n("iq-search-hut", "inquirer", "choice", None, "Gleckstein", "Gleckstein"),
        _n(
            "iq-legacy-checkbox",
            "inquirer",
            "multi_choice",
            ("red", "white", "blue", "yellow", "green"),
            "white, yellow",
            ["white", "yellow"],
        ),
        _n(
            "enq-select-custom-pointer",
            "enquirer",
            "choice",
            ("Pinocchio", "Gepetto", "Blue Fairy", "Jiminy", "Stromboli"),
            "Jiminy",
            "Jiminy",
        ),
        _n(
            "enq-multiselect-long",
            "enquirer",
            "multi_choice",
            ("helmet", "harness", "crampons", "ice axe", "transceiver", "shovel", "probe", "rope"),
            "transceiver, probe",
            ["transceiver", "probe"],
        ),
        _n("enq-confirm-yes", "enquirer", "yes_no", YES_NO, "yes", True),
        _n("enq-input-replace", "prefilled", "text", None, "Entr'acte", "Entr'acte"),
        _n("enq-password", "password-style", "secret"),
        _n("enq-toggle-no", "enquirer", "yes_no", ("Silent", "Chime"), "Silent", False),
        _n("enq-number-keep", "prefilled", "text", None, "", 8),
        _n("enq-autocomplete", "enquirer", "choice", None, "Mudge", "Mudge"),
        _n(
            "pr-select-initial-third",
            "prompts",
            "choice",
            ("crimson", "navy", "gold", "forest green", "black"),
            "black",
            "black",
        ),
        _n(
            "pr-multiselect-preselected",
            "prompts",
            "multi_choice",
            ("breakfast", "packed lunch", "soup at noon", "dinner"),
            "breakfast, soup at noon, dinner",
            ["breakfast", "soup at noon", "dinner"],
        ),
        _n("pr-confirm-no", "prompts", "yes_no", YES_NO, "no", False),
        _n("pr-text-plain", "prompts", "text", None, "Glacier Mint", "Glacier Mint"),
        _n("pr-invisible", "password-style", "secret"),
        _n("pr-number-keep", "prefilled", "text", None, "", 30),
        _n("pr-toggle-on", "prompts", "yes_no", ("off", "on"), "on", True),
        _n("pr-autocomplete", "prompts", "choice", None, "Susten", "Susten"),
        _n(
            "cl-select-initial",
            "clack",
            "choice",
            ("Pipe 1", "Pipe 2", "Pipe 3", "Pipe 4", "Pipe 5"),
            "Pipe 5",
            "p5",
        ),
        _n(
            "cl-multiselect-initial",
            "clack",
            "multi_choice",
            ("hall", "study", "kitchen", "landing"),
            "hall, landing",
            ["hall", "landing"],
        ),
        _n("cl-confirm-custom-labels", "clack", "yes_no", ("Leave", "Wait"), "Wait", False),
        _n("cl-text-initial-keep", "prefilled", "text", None, "", "Strings Attached"),
        _n("cl-password-mask", "password-style", "secret"),
    ]


def node_lookalikes() -> list[Case]:
    return [
        _n("look-node-repl-banner", LOOK, None),
        _n("look-stream-quotes-select", LOOK, None),
        _n("look-clack-tasks-log", LOOK, None),
        _n("look-test-output-quotes", LOOK, None),
        _n("look-dashboard-radio", LOOK, None),
        _n("look-spinner-question-text", LOOK, None),
        _n("look-answered-then-build", LOOK, None),
    ]


def held_out_13_cases() -> list[Case]:
    return (
        python_cases()
        + shell_cases()
        + node_cases()
        + python_lookalikes()
        + shell_lookalikes()
        + node_lookalikes()
    )
