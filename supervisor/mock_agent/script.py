"""What each submitted message makes the mock agent do: scripts, scenarios, the demo. Pure.

A script is a file of steps, one consumed per submitted message, either lines
``VERB ARGUMENT`` (blank lines and ``#`` comments skipped) or a JSON array of
such strings::

    reply Hello there
    permission npm test
    edit app.py
    ask Continue anyway?
    secret
    mcp store_data {"scope": "global:tasks", "key": "list", "value": []}
    exit 3

When the script runs out, the ``--scenario`` (if any) decides, else the demo
reacts to keywords in the message. ``/exit`` always exits 0 and consumes nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

VERBS = ("reply", "permission", "edit", "ask", "secret", "exit", "mcp")
SCENARIOS = ("reply", "permission", "edit", "ask", "secret", "mcp")
FROM_SESSION = "[from session "  # how Tether marks a message from another session

DEMO_HELP = (
    "Hello! I'm Mock Claude, a stand-in for Claude Code: nothing here runs for real.\n"
    'Try: "run tests" (a permission menu), "edit app.py" (an edit dialog),\n'
    '"ask" (a [y/N] question), "password" (a secret prompt), or /exit.'
)


class ScriptError(ValueError):
    """A script the mock agent cannot follow; the message says which line and how to fix it."""


@dataclass(frozen=True)
class Step:
    verb: str
    arg: str = ""

    @property
    def exit_code(self) -> int:
        return int(self.arg) if self.verb == "exit" and self.arg else 0


def parse_step(text: str, where: str = "step") -> Step:
    verb, _, arg = text.strip().partition(" ")
    verb, arg = verb.lower(), arg.strip()
    if verb not in VERBS:
        raise ScriptError(f"{where}: unknown step {verb!r}; use one of: {', '.join(VERBS)}")
    if verb == "mcp" and not arg:
        raise ScriptError(f"{where}: 'mcp' needs a tool name, then optional JSON arguments")
    if verb in ("reply", "permission") and not arg:
        what = "the reply text" if verb == "reply" else "the command to ask about"
        raise ScriptError(f"{where}: {verb!r} needs an argument: {what}")
    if verb == "exit" and arg and not arg.lstrip("-").isdigit():
        raise ScriptError(f"{where}: 'exit' takes an integer exit code, got {arg!r}")
    if verb == "edit" and not arg:
        arg = "app.py"
    if verb == "ask":
        arg = question_text(arg)
    return Step(verb, arg)


def parse_script(text: str) -> list[Step]:
    """Parse a whole script (JSON array of strings, or one step per line)."""
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            items = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise ScriptError(
                f"script is not valid JSON ({exc}); write an array of strings"
            ) from exc
        if not all(isinstance(item, str) for item in items):
            raise ScriptError('a JSON script must be an array of strings like "reply hi"')
        return [parse_step(item, f"script item {i + 1}") for i, item in enumerate(items)]
    steps = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            steps.append(parse_step(line, f"script line {number}"))
    return steps


def question_text(arg: str) -> str:
    """The question as shown: the default one, with ``[y/N]`` appended unless present."""
    question = arg.strip() or "Continue anyway?"
    return question if question.endswith(("[y/N]", "[Y/n]", "(y/n)")) else f"{question} [y/N]"


def scenario_step(scenario: str, message: str) -> Step:
    """The step ``--scenario`` makes of a submitted message (the message is the argument)."""
    message = " ".join(message.split())
    if scenario == "reply":
        return Step("reply", f"You said: {message}")
    if scenario == "permission":
        return Step("permission", message)
    if scenario == "edit":
        return Step("edit", message if _looks_like_file(message) else "app.py")
    if scenario == "ask":
        return Step("ask", question_text(""))
    if scenario == "mcp":
        # A message from another session is read, not run; anything else is a tool call.
        if message.startswith(FROM_SESSION) or not message:
            return Step("reply", f"Received: {message}")
        return Step("mcp", message)
    return Step("secret")


def demo_step(message: str) -> Step:
    """The friendly default: keywords in the message pick a dialog."""
    words = message.lower().split()
    if not words:
        return Step("reply", DEMO_HELP)
    if words[0] == "run" and len(words) > 1 and words[1] not in ("tests", "the", "test"):
        return Step("permission", " ".join(message.split()[1:]))
    if any(w.startswith("test") for w in words) or words[0] == "run":
        return Step("permission", "npm test")
    if words[0] in ("edit", "fix", "change"):
        named = [w for w in message.split()[1:] if _looks_like_file(w)]
        return Step("edit", named[0] if named else "app.py")
    if words[0] in ("ask", "delete", "continue"):
        return Step("ask", question_text(""))
    if any(w in ("password", "secret", "login", "sudo") for w in words):
        return Step("secret")
    return Step("reply", DEMO_HELP)


def _looks_like_file(text: str) -> bool:
    return bool(text) and " " not in text and "." in text.strip(".")
