"""A tiny stand-in for the ``claude`` executable: it fires hooks the way Claude Code does.

Usage (tests install it under the name ``claude``)::

    claude --settings '<json>' [--event PermissionRequest] [--payload '<json>'] [other args]

It reads ``--settings`` like Claude Code: for ``--event`` it takes the matcher
groups under ``hooks.<event>``, keeps those whose ``matcher`` (a regex, absent =
all) matches the payload's ``tool_name``, and for each ``"type": "http"`` handler
POSTs the event JSON to its ``url`` with its ``headers``, where ``$VAR`` and
``${VAR}`` are expanded from the environment only for names listed in
``allowedEnvVars`` (others become empty, as the token must never leak by accident).
The payload is the common fields (``session_id``, ``transcript_path``, ``cwd``,
``hook_event_name``, ``permission_mode``) plus ``--payload``.

For each handler it prints one JSON line: ``{"url", "status", "body"}``, and
exits 0; it exits 2 with a message if ``--settings`` is missing or invalid.
Standard library only, so it runs with any Python.
"""

from __future__ import annotations

import json
import os
import re
import sys
import urllib.error
import urllib.request
import uuid
from typing import Any

_VAR = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)")


def _option(argv: list[str], flag: str) -> str | None:
    if flag in argv:
        index = argv.index(flag)
        if index + 1 < len(argv):
            return argv[index + 1]
    return None


def _expand(value: str, allowed: list[str]) -> str:
    def one(match: re.Match[str]) -> str:
        name = match.group(1) or match.group(2)
        return os.environ.get(name, "") if name in allowed else ""

    return _VAR.sub(one, value)


def _post(handler: dict[str, Any], payload: dict[str, Any]) -> dict[str, Any]:
    allowed = list(handler.get("allowedEnvVars", []))
    headers = {k: _expand(v, allowed) for k, v in handler.get("headers", {}).items()}
    headers["Content-Type"] = "application/json"
    request = urllib.request.Request(
        handler["url"], data=json.dumps(payload).encode(), headers=headers, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=handler.get("timeout", 600)) as response:
            return {
                "url": handler["url"],
                "status": response.status,
                "body": response.read().decode(),
            }
    except urllib.error.HTTPError as exc:
        return {"url": handler["url"], "status": exc.code, "body": exc.read().decode()}


def main(argv: list[str]) -> int:
    raw = _option(argv, "--settings")
    if raw is None:
        print("fake claude: no --settings given", file=sys.stderr)
        return 2
    try:
        settings = json.loads(raw)
    except json.JSONDecodeError as exc:
        print(f"fake claude: --settings is not JSON: {exc}", file=sys.stderr)
        return 2
    event = _option(argv, "--event") or "PermissionRequest"
    payload: dict[str, Any] = {
        "session_id": str(uuid.uuid4()),
        "transcript_path": os.path.join(os.getcwd(), "transcript.jsonl"),
        "cwd": os.getcwd(),
        "hook_event_name": event,
        "permission_mode": "default",
        **json.loads(_option(argv, "--payload") or "{}"),
    }
    for group in settings.get("hooks", {}).get(event, []):
        matcher = group.get("matcher")
        if matcher and not re.fullmatch(matcher, payload.get("tool_name", "")):
            continue
        for handler in group.get("hooks", []):
            if handler.get("type") == "http":
                print(json.dumps(_post(handler, payload)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
