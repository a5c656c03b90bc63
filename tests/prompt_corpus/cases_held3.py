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
expectation states what the program really does; ``held3_check`` proves that by
running every program in a bare PTY with the keys a person would press.
"""

from __future__ import annotations

import sys

from tests.prompt_corpus.cases import NODE_DIR, PROGRAMS, YES_NO, Case

HELD_OUT_3 = "held_out_3"
_NODE = ("node",)
_WT = ("whiptail",)
_DG = ("dialog",)
LOOK = "look-alike"


def _py(scenario: str) -> tuple[str, ...]:
    return (sys.executable, str(PROGRAMS / "held3.py"), scenario)


def _node(scenario: str) -> tuple[str, ...]:
    return ("node", str(NODE_DIR / "held3.mjs"), scenario)


def _sh(scenario: str) -> tuple[str, ...]:
    return ("bash", str(PROGRAMS / "held3.sh"), scenario)


def _case(
    cid: str,
    family: str,
    argv: tuple[str, ...],
    kind: str | None,
    options: tuple[str, ...] | None = None,
    answer: str | None = None,
    expect: object = None,
    needs: tuple[str, ...] = (),
) -> Case:
    return Case(f"h3-{cid}", family, argv, kind, options, answer, expect, needs, HELD_OUT_3)


def _p(cid: str, family: str, *rest: object) -> Case:
    return _case(cid, family, _py(cid.replace("-", "_")), *rest)  # type: ignore[arg-type]


def _n(cid: str, family: str, *rest: object) -> Case:
    return _case(cid, family, _node(cid.replace("-", "_")), *rest, needs=_NODE)  # type: ignore[arg-type]


def _s(cid: str, family: str, *rest: object, needs: tuple[str, ...] = ()) -> Case:
    return _case(cid, family, _sh(cid.replace("-", "_")), *rest, needs=needs)  # type: ignore[arg-type]


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
        _p("rich-environment", "rich", "choice", ("dev", "test", "stage", "prod"), "stage", "stage"),
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
    ]
    return [_p(n, LOOK, None) for n in names]


def held_out_3_cases() -> list[Case]:
    return python_cases() + python_lookalikes()
