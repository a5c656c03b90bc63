"""The live prompt corpus: real programs that ask (or only look as if they ask) something.

Each :class:`Case` is a program run in a real PTY under the supervisor, with the
prompt it must produce (kind and option labels), the answer a phone would send,
and the line the program prints when that answer landed (``ANSWER=...``). A case
with ``kind=None`` is a look-alike: it must never be reported as a prompt.

The corpus is split once into a development half and a held-out half by a fixed
hash of the case id (:func:`half`); ``split.txt`` records the split and a test
keeps it in step. Detection may be tuned only on the development half. A third
split, ``held_out_2`` (:mod:`tests.prompt_corpus.cases_held2`), holds cases
written after the last tuning, to measure generalisation on programs nobody tuned on;
``held_out_3`` (:mod:`tests.prompt_corpus.cases_held3`) is a fourth, written the same way
after ``held_out_2`` was spent, and ``held_out_4`` (:mod:`tests.prompt_corpus.cases_held4`)
a fifth, written blind after ``held_out_3`` was spent; ``held_out_5``
(:mod:`tests.prompt_corpus.cases_held5`) a sixth, written blind after ``held_out_4`` was spent;
``held_out_6`` (:mod:`tests.prompt_corpus.cases_held6`) a seventh, written blind after
``held_out_5`` was spent; ``held_out_7`` (:mod:`tests.prompt_corpus.cases_held7`) an eighth,
written blind after ``held_out_6`` was spent; ``held_out_8``
(:mod:`tests.prompt_corpus.cases_held8`) a ninth, written blind after ``held_out_7`` was spent;
``held_out_9`` (:mod:`tests.prompt_corpus.cases_held9`) a tenth, written blind after
``held_out_8`` was spent; ``held_out_10`` (:mod:`tests.prompt_corpus.cases_held10`) an
eleventh, written blind after ``held_out_9`` was spent; ``held_out_11``
(:mod:`tests.prompt_corpus.cases_held11`) a twelfth, written blind after ``held_out_10`` was spent.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PROGRAMS = HERE / "programs"
NODE_DIR = HERE / "node"
SPLIT_FILE = HERE / "split.txt"
SPLIT_SALT = "tether-prompt-corpus-v1"

YES_NO = ("Yes", "No")


@dataclass(frozen=True)
class Case:
    id: str
    family: str  # the library or program family, for the per-family report
    argv: tuple[str, ...]
    kind: str | None  # expected PromptKind value; None: a look-alike, never a prompt
    options: tuple[str, ...] | None = None  # expected labels; None: not scored
    answer: str | None = None  # sent with respond_to_prompt; None: not answered (secrets)
    expect: Any = None  # the value after ANSWER= that proves the answer landed
    needs: tuple[str, ...] = field(default=())  # executables the case needs
    fixed_half: str | None = None  # a split set by the case's list (held_out_2..6), not the hash

    @property
    def positive(self) -> bool:
        return self.kind is not None

    @property
    def half(self) -> str:
        return self.fixed_half or half(self.id)


def half(case_id: str) -> str:
    """``dev`` or ``held_out``: a fixed hash of the id, so the split never drifts."""
    digest = hashlib.sha256(f"{SPLIT_SALT}:{case_id}".encode()).digest()
    return "dev" if digest[0] % 2 == 0 else "held_out"


# ---------------------------------------------------------------- scenarios

DB: dict[str, Any] = {
    "question": "Which database should we use?",
    "options": ["PostgreSQL", "MySQL", "SQLite"],
}
TARGET: dict[str, Any] = {
    "question": "Pick a deployment target",
    "options": ["staging", "production", "local preview", "canary"],
}
LICENSE: dict[str, Any] = {
    "question": "Select the license for this project",
    "options": ["MIT", "Apache-2.0", "GPL-3.0", "BSD-3-Clause", "Unlicense"],
}
FEATURES: dict[str, Any] = {
    "question": "Select the features to enable",
    "options": ["Linting", "Testing", "Docker", "CI pipeline"],
}
SERVICES: dict[str, Any] = {
    "question": "Which services should start on boot?",
    "options": ["nginx", "redis", "postgres"],
}
C1: dict[str, Any] = {"question": "Do you want to continue?", "default": True}
C2: dict[str, Any] = {"question": "Overwrite the existing config file?", "default": False}
C3: dict[str, Any] = {"question": "Enable telemetry for this workspace?", "default": False}
T1: dict[str, Any] = {"question": "Project name"}
T2: dict[str, Any] = {"question": "Author name", "default": "Jane Doe"}
P1: dict[str, Any] = {"question": "API token"}
BANNER = "  create-demo v2.1  "

# What each scenario expects: (kind, options, answer, ANSWER value).
CHOICES: dict[str, tuple[dict[str, Any], str, Any]] = {
    "db": (DB, "SQLite", "SQLite"),
    "target": (TARGET, "local preview", "local preview"),
    "license": (LICENSE, "GPL-3.0", "GPL-3.0"),
}
CHECKS: dict[str, tuple[dict[str, Any], str, Any]] = {
    "features": (FEATURES, "Testing, Docker", ["Testing", "Docker"]),
    "services": (SERVICES, "redis", ["redis"]),
}


def _py(lib: str, kind: str, spec: dict[str, Any]) -> tuple[str, ...]:
    return (sys.executable, str(PROGRAMS / "py_libs.py"), lib, kind, json.dumps(spec))


def _node(lib: str, kind: str, spec: dict[str, Any]) -> tuple[str, ...]:
    return ("node", str(NODE_DIR / "corpus.mjs"), lib, kind, json.dumps(spec))


def _sh(*args: str) -> tuple[str, ...]:
    return ("bash", str(PROGRAMS / "classic.sh"), *args)


def _look(scenario: str) -> tuple[str, ...]:
    return (sys.executable, str(PROGRAMS / "lookalikes.py"), scenario)


def _with(spec: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {**spec, **extra}


def _library_cases(
    family: str,
    run: Any,
    kinds: list[str],
    *,
    needs: tuple[str, ...] = (),
    banner_on: tuple[str, ...] = (),
    question_suffix: str = "",
) -> Iterator[Case]:
    """The standard scenarios for one prompt library (only the ``kinds`` it offers)."""

    def spec(base: dict[str, Any], name: str) -> dict[str, Any]:
        out = dict(base)
        if question_suffix and "options" not in base:
            out["question"] = base["question"] + question_suffix
        if name in banner_on:
            out["banner"] = BANNER
        return out

    def case(name: str, widget: str, *rest: Any) -> Case:
        # ``widget`` only names what the library draws, for whoever reads the table.
        argv, kind, options, answer, expect = rest
        return Case(f"{family}-{name}", family, argv, kind, options, answer, expect, needs)

    if "confirm" in kinds:
        yield case(
            "confirm-continue",
            "confirm",
            run("confirm", spec(C1, "c1")),
            "yes_no",
            YES_NO,
            "no",
            False,
        )
        yield case(
            "confirm-overwrite",
            "confirm",
            run("confirm", spec(C2, "c2")),
            "yes_no",
            YES_NO,
            "yes",
            True,
        )
    if "toggle" in kinds:
        yield case(
            "toggle-telemetry",
            "toggle",
            run("toggle", spec(C3, "c3")),
            "yes_no",
            YES_NO,
            "yes",
            True,
        )
    if "text" in kinds:
        yield case(
            "text-name", "text", run("text", spec(T1, "t1")), "text", None, "demo-app", "demo-app"
        )
        yield case(
            "text-default", "text", run("text", spec(T2, "t2")), "text", None, "", "Jane Doe"
        )
    if "password" in kinds:
        yield case(
            "password", "password", run("password", spec(P1, "p1")), "secret", None, None, None
        )
    for name, (base, answer, value) in CHOICES.items():
        if "select" in kinds:
            yield case(
                f"select-{name}",
                "select",
                run("select", spec(base, name)),
                "choice",
                tuple(base["options"]),
                answer,
                value,
            )
    for name, (base, answer, value) in list(CHOICES.items())[:2]:
        if "numbered" in kinds:
            yield case(
                f"numbered-{name}",
                "numbered",
                run("numbered", spec(base, name)),
                "choice",
                tuple(base["options"]),
                answer,
                value,
            )
    for name, (base, answer, value) in CHECKS.items():
        if "checkbox" in kinds:
            yield case(
                f"checkbox-{name}",
                "checkbox",
                run("checkbox", spec(base, name)),
                "multi_choice",
                tuple(base["options"]),
                answer,
                value,
            )


def python_library_cases() -> list[Case]:
    def lib(name: str) -> Any:
        return lambda kind, spec: _py(name, kind, spec)

    cases: list[Case] = []
    cases += _library_cases(
        "click", lib("click"), ["confirm", "text", "password", "select"], banner_on=("c2", "target")
    )
    cases += _library_cases(
        "typer", lib("typer"), ["confirm", "text", "password", "numbered"], banner_on=("t2",)
    )
    cases += _library_cases(
        "rich",
        lib("rich"),
        ["confirm", "text", "password", "select", "numbered"],
        banner_on=("c2", "db"),
    )
    full = ["confirm", "text", "password", "select", "numbered", "checkbox"]
    cases += _library_cases("questionary", lib("questionary"), full)
    cases += _library_cases("inquirerpy", lib("inquirerpy"), full)
    cases += _library_cases(
        "prompt_toolkit", lib("prompt_toolkit"), ["text", "password", "select"], question_suffix=":"
    )
    ptk = lib("prompt_toolkit")
    cases += [
        Case(
            "prompt_toolkit-confirm-continue",
            "prompt_toolkit",
            ptk("confirm", C1),
            "yes_no",
            YES_NO,
            "no",
            False,
        ),
        Case(
            "prompt_toolkit-dialog-yesno",
            "prompt_toolkit",
            ptk("dialog_yesno", C2),
            "yes_no",
            YES_NO,
            "no",
            False,
        ),
        Case(
            "prompt_toolkit-dialog-radio",
            "prompt_toolkit",
            ptk("dialog_radio", LICENSE),
            "choice",
            tuple(LICENSE["options"]),
            "GPL-3.0",
            "GPL-3.0",
        ),
        Case(
            "prompt_toolkit-dialog-checkbox",
            "prompt_toolkit",
            ptk("dialog_checkbox", FEATURES),
            "multi_choice",
            tuple(FEATURES["options"]),
            "Testing, Docker",
            ["Testing", "Docker"],
        ),
    ]
    click = lib("click")
    cases += [
        Case(
            "click-numbered-license",
            "click",
            click("numbered", _with(LICENSE, question="Enter selection")),
            "choice",
            tuple(LICENSE["options"]),
            "GPL-3.0",
            "GPL-3.0",
        ),
        Case(
            "click-type-name",
            "click",
            click(
                "type_name",
                {
                    "context": "This will permanently delete the project acme-api "
                    "and its 3 databases.",
                    "question": "Type the project name (acme-api) to confirm",
                },
            ),
            "text",
            None,
            "acme-api",
            "acme-api",
        ),
    ]
    typer = lib("typer")
    cases += [
        Case(
            "typer-type-name",
            "typer",
            typer(
                "type_name",
                {
                    "context": "Danger: this removes the bucket logs-2024 and everything in it.",
                    "question": "To confirm, type the bucket name",
                },
            ),
            "text",
            None,
            "logs-2024",
            "logs-2024",
        ),
    ]
    std = lib("stdlib")
    cases += [
        Case(
            "stdlib-sudo",
            "password-style",
            std("password", {"question": "[sudo] password for alice: "}),
            "secret",
        ),
        Case(
            "stdlib-ssh",
            "password-style",
            std("password", {"question": "alice@build-01's password: "}),
            "secret",
        ),
        Case(
            "stdlib-ssh-key",
            "password-style",
            std(
                "password", {"question": "Enter passphrase for key '/home/alice/.ssh/id_ed25519': "}
            ),
            "secret",
        ),
        Case(
            "stdlib-gpg",
            "password-style",
            std(
                "password",
                {
                    "context": "Please enter the passphrase to unlock the OpenPGP secret key:\n"
                    '"Alice <alice@example.com>"\n255-bit EDDSA key, ID 1A2B3C4D5E6F7A8B',
                    "question": "Passphrase: ",
                },
            ),
            "secret",
        ),
        Case(
            "stdlib-git-username",
            "git-npm-pip",
            std("text", {"question": "Username for 'https://github.com': "}),
            "text",
            None,
            "alice",
            "alice",
        ),
        Case(
            "stdlib-npm-name",
            "git-npm-pip",
            std(
                "text",
                {
                    "context": "This utility will walk you through creating a package.json file.",
                    "question": "package name: (demo-app) ",
                    "default": "demo-app",
                },
            ),
            "text",
            None,
            "",
            "demo-app",
        ),
        Case(
            "stdlib-npm-version",
            "git-npm-pip",
            std("text", {"question": "version: (1.0.0) ", "default": "1.0.0"}),
            "text",
            None,
            "2.0.0",
            "2.0.0",
        ),
    ]
    return cases


def node_library_cases() -> list[Case]:
    def lib(name: str) -> Any:
        return lambda kind, spec: _node(name, kind, spec)

    base = ["confirm", "text", "password", "select", "checkbox"]
    cases: list[Case] = []
    cases += _library_cases("inquirer", lib("inquirer"), [*base, "numbered"], needs=("node",))
    cases += _library_cases("enquirer", lib("enquirer"), [*base, "toggle"], needs=("node",))
    cases += _library_cases("prompts", lib("prompts"), [*base, "toggle"], needs=("node",))
    cases += _library_cases(
        "clack", lib("clack"), base, needs=("node",), banner_on=("c1", "t2", "db", "features")
    )
    return cases


def classic_cases() -> list[Case]:
    yn = [
        ("apt", "Do you want to continue? [Y/n]", "n", "n"),
        ("pip", "Proceed (Y/n)?", "y", "y"),
        ("npx", "Ok to proceed? (y)", "y", "y"),
        ("docker", "Are you sure you want to continue? [y/N]", "y", "y"),
        ("conda", "Proceed ([y]/n)?", "y", "y"),
        ("dnf", "Is this ok [y/N]:", "y", "y"),
        ("rm", "rm: remove regular file 'notes.txt'?", "y", "y"),
        (
            "composer",
            "Would you like to install the recommended extensions? (yes/no) [yes]:",
            "yes",
            "yes",
        ),
    ]
    cases = [
        Case(f"read-{name}", "bash-read", _sh("read_yn", q), "yes_no", YES_NO, a, e)
        for name, q, a, e in yn
    ]
    cases += [
        Case(
            "read-ssh-hostkey",
            "bash-read",
            _sh("read_yn", "Are you sure you want to continue connecting (yes/no/[fingerprint])?"),
            "yes_no",
            ("yes", "no"),
            "yes",
            "yes",
        ),
        Case(
            "read-git-add-p",
            "bash-read",
            _sh("read_yn", "(1/1) Stage this hunk [y,n,q,a,d,e,?]?"),
            "choice",
            None,
            "y",
            "y",
        ),
        Case(
            "read-wrapped",
            "bash-read",
            _sh(
                "read_wrapped",
                "This will permanently delete 42 files from the build cache directory and it "
                "cannot be undone. Are you sure you want to continue? [y/N]",
                "Cleaning the build cache",
            ),
            "yes_no",
            YES_NO,
            "y",
            "y",
        ),
        Case(
            "read-wrapped-overwrite",
            "bash-read",
            _sh(
                "read_wrapped",
                "The file deploy/production/values.yaml already exists and differs from the "
                "generated one in 14 places; overwrite it with the new version? (y/N)",
                "Rendering the Helm chart",
            ),
            "yes_no",
            YES_NO,
            "y",
            "y",
        ),
        Case(
            "read-secret-sudo",
            "password-style",
            _sh("read_secret", "[sudo] password for alice: "),
            "secret",
        ),
        Case(
            "read-secret-pin",
            "password-style",
            _sh("read_secret", "Enter PIN for 'YubiKey 5': "),
            "secret",
        ),
        Case(
            "read-secret-vault", "password-style", _sh("read_secret", "Vault password: "), "secret"
        ),
        Case(
            "read-key-any",
            "bash-read",
            _sh("read_key", "Press any key to continue..."),
            "press_enter",
            None,
            "",
            "key",
        ),
        Case(
            "read-key-return",
            "bash-read",
            _sh("read_key", "Press RETURN/ENTER to continue or any other key to abort:"),
            "press_enter",
            None,
            "",
            "key",
        ),
        Case(
            "select-default-ps3",
            "bash-select",
            _sh("select_menu", DB["question"], "#? ", *DB["options"]),
            "choice",
            tuple(DB["options"]),
            "SQLite",
            "SQLite",
        ),
        Case(
            "select-named-ps3",
            "bash-select",
            _sh("select_menu", TARGET["question"], "Choose a target: ", *TARGET["options"]),
            "choice",
            tuple(TARGET["options"]),
            "local preview",
            "local preview",
        ),
        Case(
            "select-license-ps3",
            "bash-select",
            _sh("select_menu", LICENSE["question"], "Enter selection: ", *LICENSE["options"]),
            "choice",
            tuple(LICENSE["options"]),
            "GPL-3.0",
            "GPL-3.0",
        ),
        Case(
            "numbered-default",
            "numbered-line",
            _sh("numbered_read", DB["question"], "Enter selection (default: 1): ", *DB["options"]),
            "choice",
            tuple(DB["options"]),
            "SQLite",
            "SQLite",
        ),
        Case(
            "numbered-choose-from",
            "numbered-line",
            _sh(
                "numbered_read",
                TARGET["question"],
                "Choose from [1/2/3/4] (1): ",
                *TARGET["options"],
            ),
            "choice",
            tuple(TARGET["options"]),
            "canary",
            "canary",
        ),
        Case(
            "numbered-range",
            "numbered-line",
            _sh(
                "numbered_read",
                LICENSE["question"],
                "Select an option [1-5]: ",
                *LICENSE["options"],
            ),
            "choice",
            tuple(LICENSE["options"]),
            "MIT",
            "MIT",
        ),
        Case(
            "type-repo-name",
            "confirm-by-typing",
            _sh(
                "type_name",
                "Type acme/widgets to confirm:",
                "This will permanently delete the acme/widgets repository, wiki, issues and "
                "comments.",
            ),
            "text",
            None,
            "acme/widgets",
            "acme/widgets",
        ),
        Case(
            "type-delete-phrase",
            "confirm-by-typing",
            _sh(
                "type_name",
                'To confirm, type "delete my-project":',
                "Deleting a project removes all of its deployments.",
            ),
            "text",
            None,
            "delete my-project",
            "delete my-project",
        ),
        Case(
            "terraform-apply",
            "confirm-by-typing",
            _sh(
                "type_name",
                "  Enter a value:",
                "Do you want to perform these actions?\\n  Terraform will perform the actions "
                "described above.\\n  Only 'yes' will be accepted to approve.\\n",
            ),
            "text",
            None,
            "yes",
            "yes",
        ),
        Case(
            "prefilled-branch",
            "prefilled",
            _sh("prefilled", "Branch name:", "feature/login"),
            "text",
            None,
            "",
            "feature/login",
        ),
        Case(
            "prefilled-message",
            "prefilled",
            _sh("prefilled", "Commit message:", "Fix the login redirect"),
            "text",
            None,
            "",
            "Fix the login redirect",
        ),
    ]
    return cases


def box_cases() -> list[Case]:
    cases: list[Case] = []
    for tool in ("whiptail", "dialog"):
        need = (tool,)
        ok = "Ok" if tool == "whiptail" else "OK"
        cases += [
            Case(
                f"{tool}-yesno-continue",
                tool,
                _sh(f"{tool}_yesno", C1["question"], "Upgrade"),
                "yes_no",
                YES_NO,
                "no",
                "rc1",
                need,
            ),
            Case(
                f"{tool}-yesno-overwrite",
                tool,
                _sh(f"{tool}_yesno", C2["question"], "Config"),
                "yes_no",
                YES_NO,
                "yes",
                "rc0",
                need,
            ),
            Case(
                f"{tool}-msgbox",
                tool,
                _sh(
                    f"{tool}_msgbox",
                    "Installation complete. The service starts at the next boot.",
                    "Done",
                ),
                "press_enter",
                (ok,),
                "",
                "rc0",
                need,
            ),
            Case(
                f"{tool}-menu-db",
                tool,
                _sh(f"{tool}_menu", DB["question"], *DB["options"]),
                "choice",
                tuple(DB["options"]),
                "SQLite",
                "rc0:3",
                need,
            ),
            Case(
                f"{tool}-menu-target",
                tool,
                _sh(f"{tool}_menu", TARGET["question"], *TARGET["options"]),
                "choice",
                tuple(TARGET["options"]),
                "local preview",
                "rc0:3",
                need,
            ),
            Case(
                f"{tool}-radio-license",
                tool,
                _sh(f"{tool}_radio", LICENSE["question"], *LICENSE["options"]),
                "choice",
                tuple(LICENSE["options"]),
                "GPL-3.0",
                "rc0:GPL-3.0",
                need,
            ),
            Case(
                f"{tool}-check-features",
                tool,
                _sh(f"{tool}_check", FEATURES["question"], *FEATURES["options"]),
                "multi_choice",
                tuple(FEATURES["options"]),
                "Testing, Docker",
                "rc0:Testing,Docker",
                need,
            ),
            Case(
                f"{tool}-input-name",
                tool,
                _sh(f"{tool}_input", "Project name:"),
                "text",
                None,
                "demo-app",
                "rc0:demo-app",
                need,
            ),
        ]
    cases += [
        Case(
            "whiptail-input-default",
            "whiptail",
            _sh("whiptail_input", "Author name:", "Jane Doe"),
            "text",
            None,
            "",
            "rc0:Jane Doe",
            ("whiptail",),
        ),
        Case(
            "whiptail-password",
            "whiptail",
            _sh("whiptail_password", "Database password:"),
            "secret",
            None,
            None,
            None,
            ("whiptail",),
        ),
    ]
    return cases


REPL_PROMPTS = {
    "sqlite": ("sqlite> ", 'SQLite version 3.45.1 2024-01-30\nEnter ".help" for usage hints.'),
    "irb": ("irb(main):001:0> ", ""),
    "ipython": ("In [1]: ", "Python 3.11.7 | IPython 8.22.2 -- An enhanced Interactive Python."),
    "mysql": ("mysql> ", "Welcome to the MySQL monitor.  Commands end with ; or \\g."),
    "gdb": ("(gdb) ", "GNU gdb (Debian 13.1-3) 13.1\nReading symbols from ./app..."),
    "ftp": ("ftp> ", "Connected to files.example.com.\n230 Login successful."),
    "redis": ("127.0.0.1:6379> ", ""),
    "psql": ("postgres=# ", 'psql (16.2)\nType "help" for help.\n'),
    "shell-prompt": ("alice@box:~/proj$ ", ""),
    "lua": ("> ", "Lua 5.4.6  Copyright (C) 1994-2023 Lua.org, PUC-Rio"),
}


def lookalike_cases() -> list[Case]:
    from tests.prompt_corpus.programs.lookalikes import SCENARIOS

    cases = [
        Case(
            f"look-{name.replace('_', '-')}",
            "look-alike",
            _look(name),
            None,
            needs=("whiptail",) if "whiptail" in name else ("dialog",) if "dialog" in name else (),
        )
        for name in SCENARIOS
    ]
    cases += [
        Case(f"repl-{name}", "look-alike", _py("repl", "text", {"question": q, "context": c}), None)
        for name, (q, c) in REPL_PROMPTS.items()
    ]
    cases += [
        Case("real-python-repl", "look-alike", (sys.executable, "-q"), None),
        Case("real-node-repl", "look-alike", ("node",), None, needs=("node",)),
        Case(
            "real-pdb",
            "look-alike",
            (sys.executable, "-m", "pdb", str(PROGRAMS / "lookalikes.py")),
            None,
        ),
        Case("real-cat", "look-alike", ("cat",), None),
        Case("real-sh", "look-alike", ("sh", "-i"), None),
        Case("real-bash-dollar", "look-alike", ("bash", "--norc", "--noprofile", "-i"), None),
        Case(
            "real-bash-arrow",
            "look-alike",
            ("bash", "--norc", "--noprofile", "-c", "PS1='❯ ' exec bash --norc --noprofile -i"),
            None,
        ),
        Case(
            "real-bash-after-answer",
            "look-alike",
            (
                "bash",
                "--norc",
                "--noprofile",
                "-c",
                "echo 'Do you want to continue? [Y/n] y'; echo 'Setting up foo (1.2) ...'; "
                "PS1='[alice@box project]$ ' exec bash --norc --noprofile -i",
            ),
            None,
        ),
        Case(
            "real-node-spinner", "look-alike", _node("clack", "spinner", {}), None, needs=("node",)
        ),
        Case("real-node-notes", "look-alike", _node("clack", "notes", {}), None, needs=("node",)),
    ]
    return cases


def all_cases() -> list[Case]:
    from tests.prompt_corpus.cases_dev2 import dev2_cases  # these import this module
    from tests.prompt_corpus.cases_dev3 import dev3_cases
    from tests.prompt_corpus.cases_dev4 import dev4_cases
    from tests.prompt_corpus.cases_dev5 import dev5_cases
    from tests.prompt_corpus.cases_dev6 import dev6_cases
    from tests.prompt_corpus.cases_dev7 import dev7_cases
    from tests.prompt_corpus.cases_dev8 import dev8_cases
    from tests.prompt_corpus.cases_dev9 import dev9_cases
    from tests.prompt_corpus.cases_dev10 import dev10_cases
    from tests.prompt_corpus.cases_dev11a import dev11a_cases
    from tests.prompt_corpus.cases_dev11b import dev11b_cases
    from tests.prompt_corpus.cases_dev11c import dev11c_cases
    from tests.prompt_corpus.cases_dev12a import dev12a_cases
    from tests.prompt_corpus.cases_dev12b import dev12b_cases
    from tests.prompt_corpus.cases_dev12c import dev12c_cases
    from tests.prompt_corpus.cases_dev13 import dev13_cases
    from tests.prompt_corpus.cases_dev14a import dev14a_cases
    from tests.prompt_corpus.cases_dev14b import dev14b_cases
    from tests.prompt_corpus.cases_dev15a import dev15a_cases
    from tests.prompt_corpus.cases_dev15b import dev15b_cases
    from tests.prompt_corpus.cases_dev16a import dev16a_cases
    from tests.prompt_corpus.cases_dev16b import dev16b_cases
    from tests.prompt_corpus.cases_dev17a import dev17a_cases
    from tests.prompt_corpus.cases_dev17b import dev17b_cases
    from tests.prompt_corpus.cases_dev18a import dev18a_cases
    from tests.prompt_corpus.cases_dev18b import dev18b_cases
    from tests.prompt_corpus.cases_held2 import held_out_2_cases
    from tests.prompt_corpus.cases_held3 import held_out_3_cases
    from tests.prompt_corpus.cases_held4 import held_out_4_cases
    from tests.prompt_corpus.cases_held5 import held_out_5_cases
    from tests.prompt_corpus.cases_held6 import held_out_6_cases
    from tests.prompt_corpus.cases_held7 import held_out_7_cases
    from tests.prompt_corpus.cases_held8 import held_out_8_cases
    from tests.prompt_corpus.cases_held9 import held_out_9_cases
    from tests.prompt_corpus.cases_held10 import held_out_10_cases
    from tests.prompt_corpus.cases_held11 import held_out_11_cases
    from tests.prompt_corpus.cases_held12 import held_out_12_cases
    from tests.prompt_corpus.cases_held13 import held_out_13_cases

    cases = (
        python_library_cases()
        + node_library_cases()
        + classic_cases()
        + box_cases()
        + lookalike_cases()
        + held_out_2_cases()
        + held_out_3_cases()
        + held_out_4_cases()
        + held_out_5_cases()
        + held_out_6_cases()
        + held_out_7_cases()
        + held_out_8_cases()
        + held_out_9_cases()
        + held_out_10_cases()
        + held_out_11_cases()
        + held_out_12_cases()
        + held_out_13_cases()
        + dev2_cases()
        + dev3_cases()
        + dev4_cases()
        + dev5_cases()
        + dev6_cases()
        + dev7_cases()
        + dev8_cases()
        + dev9_cases()
        + dev10_cases()
        + dev11a_cases()
        + dev11b_cases()
        + dev11c_cases()
        + dev12a_cases()
        + dev13_cases()
        + dev12b_cases()
        + dev12c_cases()
        + dev14a_cases()
        + dev14b_cases()
        + dev15a_cases()
        + dev15b_cases()
        + dev16a_cases()
        + dev16b_cases()
        + dev17a_cases()
        + dev17b_cases()
        + dev18a_cases()
        + dev18b_cases()
    )
    ids = [c.id for c in cases]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise ValueError(f"duplicate corpus case ids: {sorted(duplicates)}")
    return cases


def available(case: Case) -> str | None:
    """Why ``case`` cannot run here (a missing program), or None."""
    for name in case.needs:
        if shutil.which(name) is None:
            return f"{name} is not installed (scripts/prompt-corpus-deps installs it)"
    if "node" in case.needs and not (NODE_DIR / "node_modules").is_dir():
        return "the Node prompt libraries are not installed (run scripts/prompt-corpus-deps)"
    return None


def split_text(cases: list[Case]) -> str:
    lines = [
        "# The corpus split, fixed by sha256('tether-prompt-corpus-v1:<id>'):",
        "# an even first byte is the development half, an odd one the held-out half;",
        "# held_out_2 to held_out_10 are the lists in cases_held2.py to cases_held10.py,",
        "# each written after the detector was last tuned.",
        "# Generated by `python -m tests.prompt_corpus --write-split`; a test checks it.",
    ]
    lines += [f"{c.half}\t{c.id}" for c in sorted(cases, key=lambda c: c.id)]
    return "\n".join(lines) + "\n"
