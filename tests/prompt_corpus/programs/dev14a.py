"""Fourteenth development set (a), Python side: ``dev14a.py <scenario>``.

InquirerPy's ``select(multiselect=True)``, which draws no tick column and no legend until
a row is ticked (exactly like its single select), answered with two labels and with one,
in wordings of their own. Prints ``ANSWER=<json>``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any


def done(value: Any) -> None:
    print(f"\nANSWER={json.dumps(value)}", flush=True)


def ipy_multiselect_two() -> Any:
    from InquirerPy import inquirer

    return inquirer.select(  # type: ignore[attr-defined]
        message="Which caches should be purged?",
        choices=["thumbnails", "search index", "session store", "cdn edge", "dns"],
        multiselect=True,
    ).execute()


def ipy_multiselect_one() -> Any:
    from InquirerPy import inquirer

    return inquirer.select(  # type: ignore[attr-defined]
        message="Teams to notify about the outage",
        choices=["billing", "platform", "mobile", "growth"],
        multiselect=True,
    ).execute()


def ipy_checkbox_height() -> Any:
    from InquirerPy import inquirer

    return inquirer.checkbox(  # type: ignore[attr-defined]
        message="Plugins to enable",
        choices=["lint", "format", "typecheck", "coverage", "bench", "docs", "release"],
        height=3,
    ).execute()


SCENARIOS: dict[str, Callable[[], Any]] = {
    "ipy_multiselect_two": ipy_multiselect_two,
    "ipy_multiselect_one": ipy_multiselect_one,
    "ipy_checkbox_height": ipy_checkbox_height,
}

if __name__ == "__main__":
    done(SCENARIOS[sys.argv[1]]())
