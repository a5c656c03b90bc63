"""Seventh development set, Python side: ``dev7.py <scenario>``.

Families the fourth held-out run found weak, in new wordings: checkbox and select
lists with titled separators between their rows, labels whose own words end in
parentheses, questions followed only by their default answer ("[n]", "(yes)"), and a
numbered list whose default row is starred.
Prints ``ANSWER=<json>`` with what the program received.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any


def done(value: Any) -> None:
    print(f"\nANSWER={json.dumps(value)}", flush=True)


def questionary_checkbox_groups() -> Any:
    import questionary
    from questionary import Choice, Separator

    return questionary.checkbox(
        "Regions to mirror",
        choices=[
            Separator("── europe ──"),
            Choice("frankfurt"),
            Choice("paris", checked=True),
            Separator("── asia ──"),
            Choice("tokyo"),
            Choice("seoul"),
        ],
    ).unsafe_ask()


def questionary_select_groups() -> Any:
    import questionary
    from questionary import Separator

    return questionary.select(
        "Instance size",
        choices=["small", "medium", Separator("━━ gpu ━━"), "a100", "h100"],
    ).unsafe_ask()


def questionary_label_parens() -> Any:
    import questionary
    from questionary import Choice

    return questionary.select(
        "Python version",
        choices=[
            Choice("3.12 (current)", value="3.12"),
            Choice("3.11", value="3.11"),
            Choice("3.10", value="3.10"),
        ],
    ).unsafe_ask()


def default_only_bracket() -> Any:
    print("A cache from an older build was found in ./.cache.")
    reply = input("Reuse it? [y] ").strip() or "y"
    return "reused" if reply.lower().startswith("y") else "rebuilt"


def default_only_paren() -> Any:
    print('{ "tag": "v2.4.0", "notes": "fixes" }')
    reply = input("Publish this release? (no) ").strip() or "no"
    return "published" if reply.lower() in ("y", "yes") else "held"


def starred_default() -> Any:
    shells = ["bash", "zsh", "fish"]
    print("Login shell:")
    for n, name in enumerate(shells, 1):
        print(f" {'*' if n == 2 else ' '} {n}) {name}")
    reply = input("Shell [2]: ").strip() or "2"
    return shells[int(reply) - 1] if reply in ("1", "2", "3") else f"bad:{reply}"


SCENARIOS: dict[str, Callable[[], Any]] = {
    f.__name__: f
    for f in (
        questionary_checkbox_groups,
        questionary_select_groups,
        questionary_label_parens,
        default_only_bracket,
        default_only_paren,
        starred_default,
    )
}


if __name__ == "__main__":
    done(SCENARIOS[sys.argv[1]]())
