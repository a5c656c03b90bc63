"""The per-session ``--settings`` JSON that points Claude Code's hooks at Tether (pure).

Claude Code merges ``--settings <json>`` with the owner's own settings for that
one process, so this adds our hooks without touching any file. The hook config
schema, from the Claude Code hooks reference (see ``pty-prompts.md`` §1.2):

* ``hooks.<EventName>`` is a list of ``{"matcher": <regex>, "hooks": [<handler>]}``;
  ``matcher`` is the tool name for the tool events (``PreToolUse``,
  ``PermissionRequest``, ``PostToolUse``) and is omitted to match everything.
* an http handler is ``{"type": "http", "url": ..., "headers": {...},
  "allowedEnvVars": [...], "timeout": <seconds>}``; Claude Code POSTs the event
  JSON to ``url``. ``$VAR`` / ``${VAR}`` in *header values* are expanded from the
  environment, but only for names listed in ``allowedEnvVars``. The ``url`` is
  validated as a literal URL at load time and is NOT expanded
  (anthropics/claude-code#31653), so the per-session path is literal and the
  secret lives only in the header.
* a non-2xx answer or a timeout is a non-blocking hook error: Claude Code goes on
  and shows its dialog, so a dead supervisor never stalls the session.

The token therefore travels in the child's environment (``TETHER_HOOK_TOKEN``),
never in argv, where ``ps`` would show it to every user of the machine.

Wiring, for the session manager::

    argv, env = wire_claude(argv, env, url, token)   # unchanged unless argv runs `claude`
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from typing import Any

TOKEN_ENV = "TETHER_HOOK_TOKEN"
SETTINGS_FLAG = "--settings"
HOOK_TIMEOUT = 10  # seconds; we answer at once, so this only bounds a wedged supervisor
# PreToolUse is only interesting for the two tools that are really questions to the user.
PRE_TOOL_USE_MATCHER = "AskUserQuestion|ExitPlanMode"

# Event -> matcher (None: no matcher, i.e. every occurrence). Order is the settings' order.
HOOK_EVENTS: dict[str, str | None] = {
    "PermissionRequest": None,
    "PreToolUse": PRE_TOOL_USE_MATCHER,
    "PostToolUse": None,
    "Stop": None,
    "StopFailure": None,
    "Notification": None,
    "SessionStart": None,
    "UserPromptSubmit": None,
}


def http_handler(url: str) -> dict[str, Any]:
    """One http hook handler posting to ``url`` with the session's bearer token from the env."""
    return {
        "type": "http",
        "url": url,
        "headers": {"Authorization": f"Bearer ${TOKEN_ENV}"},
        "allowedEnvVars": [TOKEN_ENV],
        "timeout": HOOK_TIMEOUT,
    }


def hook_settings(url: str) -> dict[str, Any]:
    """The settings object: every event in :data:`HOOK_EVENTS` posts to ``url``."""
    hooks: dict[str, list[dict[str, Any]]] = {}
    for event, matcher in HOOK_EVENTS.items():
        group: dict[str, Any] = {"hooks": [http_handler(url)]}
        if matcher is not None:
            group = {"matcher": matcher, **group}
        hooks[event] = [group]
    # Flag settings rank above the user's and the project's: no settings file in
    # the folder can switch Claude Code into bypassPermissions under Tether.
    return {"hooks": hooks, "permissions": {"disableBypassPermissionsMode": "disable"}}


def settings_json(url: str) -> str:
    """:func:`hook_settings` as compact JSON, ready for ``--settings``."""
    return json.dumps(hook_settings(url), separators=(",", ":"))


def is_claude(argv: Sequence[str]) -> bool:
    """Does ``argv`` run Claude Code itself (``claude`` or a path ending in it)?"""
    return bool(argv) and os.path.basename(argv[0]) == "claude"


def claude_argv(argv: Sequence[str], settings: str) -> list[str]:
    """``argv`` with ``--settings <settings>`` last among its options, if it is ``claude``.

    Any other program is returned unchanged. Ours comes last (before a ``--``,
    after which nothing is an option), so where the last flag wins, Tether's
    hooks win. The policy refuses a ``--settings`` in a request anyway
    (:mod:`supervisor.arg_rules`).
    """
    argv = list(argv)
    if not is_claude(argv):
        return argv
    end = argv.index("--") if "--" in argv[1:] else len(argv)
    return [*argv[:end], SETTINGS_FLAG, settings, *argv[end:]]


def hook_env(env: Mapping[str, str], token: str) -> dict[str, str]:
    """``env`` plus the session's hook token, for the header's ``$TETHER_HOOK_TOKEN``.

    Apply after :func:`supervisor.session_manager.child_env`, which strips ``TETHER_*``.
    """
    return {**env, TOKEN_ENV: token}


def wire_claude(
    argv: Sequence[str], env: Mapping[str, str], url: str, token: str
) -> tuple[list[str], dict[str, str]]:
    """argv and env for a session whose hooks post to ``url``; unchanged unless it is claude."""
    if not is_claude(argv):
        return list(argv), dict(env)
    return claude_argv(argv, settings_json(url)), hook_env(env, token)
