"""Fifteenth development set (a), Python side: ``dev15a.py <scenario>``.

``input()`` under a request and a coloured context row, on a line that holds only a
short label and a triangle. Prints ``ANSWER=<json>``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any


def done(value: Any) -> None:
    print(f"\nANSWER={json.dumps(value)}", flush=True)


def input_label_triangle_under_context() -> Any:
    print("\x1b[1;33mDescribe the rollback in a few words:\x1b[0m")
    print("\x1b[44;37m" + "  api-gateway · v2.14.0 → v2.13.4 · 6 pods".ljust(56) + "\x1b[0m")
    return input("note ▸ ").strip()


SCENARIOS: dict[str, Callable[[], Any]] = {
    "input_label_triangle_under_context": input_label_triangle_under_context,
}

if __name__ == "__main__":
    done(SCENARIOS[sys.argv[1]]())
