"""Twelfth development set (a), Python side: ``dev12a.py <scenario>``.

The line-prompt classes the seventh held-out run showed, in new wordings and layouts: a
numbered list with bullets between number and label under a range with its default, and a
field label ended by a chevron with a faint hint row drawn under it, and survey's decimal
field holding a value. Prints ``ANSWER=<json>``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

SCENARIOS: dict[str, Callable[[], Any]] = {}


def scenario(fn: Callable[[], Any]) -> Callable[[], Any]:
    SCENARIOS[fn.__name__] = fn
    return fn


def done(value: Any) -> None:
    print(f"\nANSWER={json.dumps(value)}", flush=True)


@scenario
def bullet_numbered_range_default() -> Any:
    zones = ["Frankfurt (eu-central)", "Dublin (eu-west)", "Virginia (us-east)", "Tokyo (ap-ne)"]
    print("Where should the replica live?")
    for n, zone in enumerate(zones, 1):
        print(f"   {n} • {zone}")
    reply = input("Entry number (1-4, default 1): ").strip() or "1"
    return zones[int(reply) - 1]


@scenario
def chevron_label_hint_under() -> Any:
    # The label ends in "→"; a faint hint is drawn on the next row, then the cursor goes back.
    sys.stdout.write("Display name for the release bot → \x1b7\n")
    sys.stdout.write("\x1b[2m  shown in every channel it posts to\x1b[0m\x1b8")
    sys.stdout.flush()
    return input().strip()


@scenario
def survey_decimal_prefilled() -> Any:
    # survey binds Backspace but no line kill: "0.5" is typed in the field.
    import survey

    return survey.routines.numeric("Sampling ratio: ", value=0.5)


if __name__ == "__main__":
    done(SCENARIOS[sys.argv[1]]())
