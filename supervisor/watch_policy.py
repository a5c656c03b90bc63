"""What the owner's policy lets watch mode do: the ``[watch]`` table of policy.toml (pure).

::

    [watch]
    enabled = true        # allow create_session(watch_mode=true); off by default
    max_turns = 10        # the most automatic turns a session may be given (and the default)
    message = "Continue with the task. If it is finished, say so and stop."
    delay_seconds = 5     # how long an agent stays idle before it is continued

Watch mode types ``message`` (and only it: the relay cannot choose the text) into a
session each time its agent finishes a turn; it never answers a prompt (see
:mod:`supervisor.watch`). A request for watch mode while ``enabled`` is not true,
or for more than ``max_turns``, is refused with the line to change.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from supervisor.policy import Policy, PolicyFileError, PolicyRefused

DEFAULT_MAX_TURNS = 10
MAX_MAX_TURNS = 100  # what the wire allows; the owner's max_turns may not pass it
MAX_DELAY = 3600.0
MAX_MESSAGE_CHARS = 2000
DEFAULT_MESSAGE = "Continue with the task. If it is finished, say so and stop."
DEFAULT_DELAY = 5.0
_KEYS = ("enabled", "max_turns", "message", "delay_seconds")

DEFAULT_TEXT = f"""
# Watch mode: create_session(watch_mode=true) continues an agent by itself each time it
# finishes a turn, typing the message below, up to max_turns times. It never answers a
# prompt: a question on screen stops it and waits for you. Off unless enabled = true.
# [watch]
# enabled = true
# max_turns = {DEFAULT_MAX_TURNS}
# message = "{DEFAULT_MESSAGE}"
# delay_seconds = {DEFAULT_DELAY:g}
"""


@dataclass(frozen=True)
class WatchPolicy:
    enabled: bool = False
    max_turns: int = DEFAULT_MAX_TURNS
    message: str = DEFAULT_MESSAGE
    delay_seconds: float = DEFAULT_DELAY


@dataclass(frozen=True)
class WatchPlan:
    """What one session's watch will do, once the policy allowed it."""

    max_turns: int
    message: str
    delay_seconds: float


def _refuse(path: str, message: str, hint: str) -> PolicyFileError:
    return PolicyFileError(f"{message} in the [watch] table of the policy file {path}", hint)


def parse_watch(data: dict[str, Any], path: str) -> WatchPolicy:
    """Validate the ``[watch]`` table (absent: watch mode is off)."""
    table = data.get("watch", {})
    if not isinstance(table, dict):
        raise _refuse(path, "'watch' is not a table", "write it as [watch] with keys below it")
    for key in table:
        if key not in _KEYS:
            raise _refuse(path, f"unknown key {key!r}", f"the known keys are {', '.join(_KEYS)}")
    base = WatchPolicy()
    enabled = table.get("enabled", base.enabled)
    max_turns = table.get("max_turns", base.max_turns)
    message = table.get("message", base.message)
    delay = table.get("delay_seconds", base.delay_seconds)
    if not isinstance(enabled, bool):
        raise _refuse(path, "'enabled' must be true or false", "e.g. enabled = true")
    if type(max_turns) is not int or not 1 <= max_turns <= MAX_MAX_TURNS:
        raise _refuse(
            path,
            f"'max_turns' must be a whole number from 1 to {MAX_MAX_TURNS}",
            f"e.g. max_turns = {DEFAULT_MAX_TURNS}",
        )
    if not isinstance(message, str) or not message.strip() or len(message) > MAX_MESSAGE_CHARS:
        raise _refuse(
            path,
            f"'message' must be text of 1 to {MAX_MESSAGE_CHARS} characters",
            f'e.g. message = "{DEFAULT_MESSAGE}"',
        )
    if any(ord(c) < 32 and c not in "\t\n" for c in message):
        raise _refuse(path, "'message' holds a control character", "remove it from the text")
    if type(delay) not in (int, float) or not 0 <= delay <= MAX_DELAY:
        raise _refuse(
            path,
            f"'delay_seconds' must be a number of seconds from 0 to {MAX_DELAY:g}",
            f"e.g. delay_seconds = {DEFAULT_DELAY:g}",
        )
    return WatchPolicy(enabled, max_turns, message, float(delay))


def load_watch(policy: Policy) -> WatchPolicy:
    """The ``[watch]`` table of the policy file already checked by ``load_policy``."""
    try:
        data = tomllib.loads(Path(policy.path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise PolicyFileError(f"cannot read {policy.path}: {exc}", "fix the file") from None
    return parse_watch(data, policy.path)


def plan_watch(watch: WatchPolicy, path: str, max_turns: int | None) -> WatchPlan:
    """The watch a request may have (``max_turns`` None: the policy's), or
    :class:`PolicyRefused` saying which line of the policy file to change."""
    if not watch.enabled:
        raise PolicyRefused(
            f"watch mode is off in the policy file {path}, so this computer does not continue "
            "agents by itself",
            f"start the session without watch_mode, or, to allow it, add the line "
            f"'enabled = true' under a [watch] table in {path}",
        )
    turns = watch.max_turns if max_turns is None else max_turns
    if turns > watch.max_turns:
        raise PolicyRefused(
            f"{turns} automatic turns were asked for, but the policy file {path} allows at "
            f"most {watch.max_turns}",
            f"ask for {watch.max_turns} or fewer, or raise 'max_turns' under [watch] in {path}",
        )
    return WatchPlan(turns, watch.message, watch.delay_seconds)
