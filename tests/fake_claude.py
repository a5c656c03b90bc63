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

``--dialog`` makes it behave like Claude Code in a terminal after a
``PermissionRequest``: it draws the permission dialog (question, numbered rows,
``❯`` on the highlighted one), reads keys in raw mode (digits, arrows, Enter,
Esc), then clears the dialog, prints ``Chose: <label>``, posts ``PostToolUse``
and ``Stop`` (with ``--reply`` as ``last_assistant_message``), draws the idle
input box and waits until its input ends. ``--echo-token`` prints the hook
token it was given (to check that it never leaves the computer unredacted).
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
import termios
import tty
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from typing import Any

_VAR = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)")


def install(directory: Path) -> Path:
    """This script under the name ``claude`` in ``directory``, run by the test's own Python
    (for tests that import this module; the script itself never calls it)."""
    script = directory / "claude"
    here = str(Path(__file__).resolve())
    script.write_text(
        f"#!{sys.executable}\nimport runpy\nrunpy.run_path({here!r}, run_name='__main__')\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


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


def _fire(settings: dict[str, Any], event: str, payload: dict[str, Any]) -> None:
    payload = {**payload, "hook_event_name": event}
    for group in settings.get("hooks", {}).get(event, []):
        matcher = group.get("matcher")
        if matcher and not re.fullmatch(matcher, payload.get("tool_name", "")):
            continue
        for handler in group.get("hooks", []):
            if handler.get("type") == "http":
                print(json.dumps(_post(handler, payload)), flush=True)


def _labels(payload: dict[str, Any]) -> list[str]:
    rule = "Yes, and don't ask again for this command"
    extra = [rule] if payload.get("permission_suggestions") else []
    return ["Yes", *extra, "No, and tell Claude what to do differently (esc)"]


def _draw(payload: dict[str, Any], labels: list[str], selected: int) -> None:
    command = payload.get("tool_input", {}).get("command", "")
    rows = ["Bash command", "", f"  {command}", "", "Do you want to proceed?"]
    rows += [
        ("❯ " if i == selected else "  ") + f"{i + 1}. {label}" for i, label in enumerate(labels)
    ]
    rows += ["", "Esc to cancel"]
    sys.stdout.write("\x1b[2J\x1b[H" + "\r\n".join(rows))
    sys.stdout.flush()


def _choose(payload: dict[str, Any]) -> str:
    """Show the dialog and return the chosen label, like Claude Code's menu."""
    labels, selected = _labels(payload), 0
    _draw(payload, labels, selected)
    while True:
        key = os.read(0, 16)
        if not key:
            return labels[-1]
        if key in (b"\r", b"\n"):
            return labels[selected]
        if key == b"\x1b":
            return labels[-1]
        if key in (b"\x1b[A", b"\x1bOA"):
            selected = max(0, selected - 1)
        elif key in (b"\x1b[B", b"\x1bOB"):
            selected = min(len(labels) - 1, selected + 1)
        elif key.isdigit() and 1 <= int(key) <= len(labels):
            return labels[int(key) - 1]
        _draw(payload, labels, selected)


def _dialog(settings: dict[str, Any], payload: dict[str, Any], reply: str) -> None:
    saved = termios.tcgetattr(0)
    tty.setraw(0)
    try:
        chosen = _choose(payload)
        sys.stdout.write(f"\x1b[2J\x1b[HChose: {chosen}\r\n")
        sys.stdout.flush()
        _fire(settings, "PostToolUse", payload)
        sys.stdout.write(f"● {reply}\r\n\r\n────────\r\n❯ \r\n────────\r\n  ? for shortcuts\r\n")
        sys.stdout.flush()
        _fire(settings, "Stop", {**payload, "last_assistant_message": reply})
        while os.read(0, 64) not in (b"", b"\x04"):
            pass
    finally:
        termios.tcsetattr(0, termios.TCSADRAIN, saved)


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
    if "--echo-token" in argv:
        print(f"token: {os.environ.get('TETHER_HOOK_TOKEN', '')}", flush=True)
    _fire(settings, event, payload)
    if "--dialog" in argv:
        _dialog(settings, payload, _option(argv, "--reply") or "Done.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
