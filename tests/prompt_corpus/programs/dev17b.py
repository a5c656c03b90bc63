"""Seventeenth development set (b), Python side: ``dev17b.py <scenario>``.

A numbered list whose numbers carry a hash mark ("#3 item"), and a prompt_toolkit
field with a default after an arrowhead ("name ➤ value"). Prints ``ANSWER=<json>``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any


def done(value: Any) -> None:
    print(f"\nANSWER={json.dumps(value)}", flush=True)


def hash_numbered_rows() -> Any:
    queues = ["billing-retry", "search-reindex", "avatar-resize", "digest-mailer", "audit-export"]
    print("Queues with a backlog over 10k:")
    for i, q in enumerate(queues, 1):
        print(f"    #{i} {q}")
    reply = input("Which queue to pause? ").strip()
    return queues[int(reply) - 1] if reply.isdigit() else reply


def ptk_arrowhead_default() -> Any:
    from prompt_toolkit import prompt

    return prompt("Build cache bucket ➤ ", default="s3://ci-cache")


SCENARIOS: dict[str, Callable[[], Any]] = {
    "hash_numbered_rows": hash_numbered_rows,
    "ptk_arrowhead_default": ptk_arrowhead_default,
}

if __name__ == "__main__":
    done(SCENARIOS[sys.argv[1]]())
