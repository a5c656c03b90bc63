"""Which arguments a program may be started with: the policy's rules on argv (pure).

The policy allowing ``claude`` must not allow ``claude --dangerously-skip-permissions``:
every coding agent has flags that switch its own permission checks off, and a
model in the chat (or a compromised relay) would only need to add one. So each
program has refusal rules, built in for Claude Code, Codex, Gemini CLI and
aider, and extended or lifted by the owner in ``policy.toml``::

    [arguments.claude]
    refuse = ["--model opus"]   # more refusals, same syntax as the built-in ones
    permit = ["--add-dir"]      # built-in refusals lifted, by their exact text

A rule is ``"FLAG"`` (the flag in any form), ``"FLAG VALUE"`` (that value,
case-insensitive), or ``"FLAG re:REGEX"`` (a value the regex finds). A flag is
recognised as ``--flag``, ``--flag=value``, ``--flag value``, a prefix of it
that argparse would accept (``--yes-al``), and, for one-letter flags, ``-y``,
``-y value``, ``-yvalue`` and inside a cluster (``-xy``). Every argument is
checked, also after ``--``: a refused flag is never passed on, even as text.

Programs are named by the basename of the argv[0] requested or of the file it
resolves to. Refusals name the policy file and the rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from shared.errors import TetherError

BUILT_IN = "built-in"
# Codex config keys that decide approvals, the sandbox, or what runs on events.
_CODEX_CONFIG = (
    r"re:^\s*[\"']?(approval_policy|ask_for_approval|sandbox|sandbox_mode|sandbox_permissions"
    r"|sandbox_workspace_write|shell_environment_policy|profile|profiles|notify|hooks"
    r"|mcp_servers|trust_level|projects)\b"
)

DEFAULT_RULES: dict[str, tuple[str, ...]] = {
    "claude": (
        "--dangerously-skip-permissions",
        "--allow-dangerously-skip-permissions",
        "--permission-mode bypassPermissions",
        "--permission-mode acceptEdits",
        "--permission-mode dontAsk",
        "--permission-mode auto",
        "--permission-prompt-tool",
        "--allowedTools",
        "--allowed-tools",
        # Tether passes its own --settings (its hooks); no second one may override them.
        "--settings",
        "--setting-sources",
        "--mcp-config",
        "--strict-mcp-config",
        "--plugin-dir",
        "--add-dir",  # reaches directories outside the policy's roots
    ),
    "codex": (
        "--dangerously-bypass-approvals-and-sandbox",
        "--yolo",
        "--full-auto",
        "--ask-for-approval never",
        "-a never",
        "--sandbox danger-full-access",
        "-s danger-full-access",
        f"--config {_CODEX_CONFIG}",
        f"-c {_CODEX_CONFIG}",
        "--profile",
        "-p",
        "--add-dir",
        "--cd",
        "-C",
    ),
    "gemini": (
        "--yolo",
        "-y",
        "--approval-mode yolo",
        "--approval-mode auto_edit",
        "--allowed-tools",
        "--allowed-mcp-server-names",
        "--include-directories",
    ),
    "aider": ("--yes-always", "--yes"),
}
MIN_ABBREVIATION = 3  # letters after "--" before a prefix counts as the flag


class RuleError(TetherError, ValueError):
    """A rule that cannot be understood; the message says which and how to write it."""


@dataclass(frozen=True)
class Rule:
    text: str  # as written, named in refusals
    flag: str
    value: str | None  # None: the flag whatever its value
    pattern: re.Pattern[str] | None
    source: str  # BUILT_IN or the policy file

    def refuses_value(self, value: str | None) -> bool:
        if self.value is None and self.pattern is None:
            return True
        if value is None:
            return False
        if self.pattern is not None:
            return self.pattern.search(value) is not None
        return value.strip().strip("\"'").lower() == (self.value or "").lower()


@dataclass(frozen=True)
class Refusal:
    program: str
    argument: str
    rule: Rule


def parse_rule(text: str, source: str) -> Rule:
    flag, _, value = text.strip().partition(" ")
    value = value.strip()
    if not re.fullmatch(r"--[A-Za-z0-9][A-Za-z0-9_-]*|-[A-Za-z0-9]", flag):
        raise RuleError(
            f"argument rule {text!r} in {source} does not start with a flag",
            'write "--flag", "--flag value", "-f value" or "--flag re:REGEX"',
        )
    pattern = None
    if value.startswith("re:"):
        try:
            pattern = re.compile(value[3:])
        except re.error as exc:
            raise RuleError(
                f"argument rule {text!r} in {source} has a bad regex: {exc}",
                "fix the regex after re:, or write the value itself",
            ) from None
    return Rule(text.strip(), flag, value or None if pattern is None else None, pattern, source)


def rules_for(
    program_names: Sequence[str],
    owner: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]],
    path: str,
) -> list[Rule]:
    """The rules for a program known by any of ``program_names``.

    ``owner`` maps a program to its ``(refuse, permit)`` lists from the policy file.
    """
    rules: list[Rule] = []
    for name in dict.fromkeys(program_names):
        refuse, permit = owner.get(name, ((), ()))
        for text in DEFAULT_RULES.get(name, ()):
            if text not in permit:
                rules.append(parse_rule(text, BUILT_IN))
        rules.extend(parse_rule(text, path) for text in refuse)
    return rules


def find_refusal(program: str, args: Sequence[str], rules: Sequence[Rule]) -> Refusal | None:
    """The first argument of ``args`` (argv without argv[0]) a rule refuses, or None."""
    if not rules:
        return None
    short = {r.flag[1] for r in rules if len(r.flag) == 2 and (r.value or r.pattern)}
    for argument, flag, value in _flags(args, short):
        for rule in rules:
            if _same_flag(flag, rule.flag) and rule.refuses_value(value):
                return Refusal(program, argument, rule)
    return None


def _same_flag(given: str, ruled: str) -> bool:
    if given == ruled:
        return True
    # argparse (aider) accepts any unambiguous prefix of a long option.
    return (
        ruled.startswith("--")
        and given.startswith("--")
        and len(given) >= 2 + MIN_ABBREVIATION
        and ruled.startswith(given)
    )


def _flags(args: Sequence[str], value_letters: set[str]) -> Iterator[tuple[str, str, str | None]]:
    """``(argument, flag, value or None)`` for every flag ``args`` could be read as giving.

    A flag's value is taken from ``=value``, the rest of a short cluster, or the
    next argument (whether or not the program takes a value: reading too much
    only ever refuses more).
    """
    for index, arg in enumerate(args):
        after = args[index + 1] if index + 1 < len(args) else None
        if arg.startswith("--") and len(arg) > 2:
            flag, eq, value = arg.partition("=")
            yield arg, flag, value if eq else after
        elif arg.startswith("-") and len(arg) > 1 and arg[1] != "-":
            body = arg[1:]
            for at, letter in enumerate(body):
                rest = body[at + 1 :]
                yield arg, "-" + letter, (rest.removeprefix("=") or after) if rest else after
                if letter in value_letters and rest:
                    break  # the rest of the cluster is this flag's value
