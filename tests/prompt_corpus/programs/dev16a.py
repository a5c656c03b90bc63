"""Sixteenth development set (a), Python side: ``dev16a.py <scenario>``.

An InquirerPy select whose pointer is a doubled glyph, a numbered list whose current
item is starred against its number, and a confirm-by-typing request whose name holds
a slash. Prints ``ANSWER=<json>``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any


def done(value: Any) -> None:
    print(f"\nANSWER={json.dumps(value)}", flush=True)


def ipy_select_doubled_pointer() -> Any:
    from InquirerPy import inquirer

    return inquirer.select(  # type: ignore[attr-defined]
        message="Which queue should drain first?",
        choices=["ingest-high", "ingest-low", "mailer", "thumbnails"],
        default="mailer",
        pointer="»»",
    ).execute()


def starred_current_number() -> Any:
    names = ["py3.12-slim", "py3.11-bookworm", "py3.10-alpine"]
    print("Base images found in the registry:")
    print("   1  py3.12-slim")
    print("  *2  py3.11-bookworm (in use)")
    print("   3  py3.10-alpine")
    reply = input("Your pick (default: 2): ").strip()
    return names[int(reply or "2") - 1]


def type_slug_with_slash() -> Any:
    print("\x1b[33mDeleting infra/tf-state also drops its 212 stored plans.\x1b[0m")
    reply = input("Re-enter the workspace path infra/tf-state to go on (infra/tf-state): ")
    return "deleted" if reply == "infra/tf-state" else "kept"


SCENARIOS: dict[str, Callable[[], Any]] = {
    "ipy_select_doubled_pointer": ipy_select_doubled_pointer,
    "starred_current_number": starred_current_number,
    "type_slug_with_slash": type_slug_with_slash,
}

if __name__ == "__main__":
    done(SCENARIOS[sys.argv[1]]())
