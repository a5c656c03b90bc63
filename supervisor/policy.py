"""The owner's local policy: where sessions may run, what they may run, how many.

The relay is public; this file is the last line of defence, and only the owner
edits it. It lives at ``$TETHER_HOME/policy.toml`` (``TETHER_HOME`` defaults to
``~/.config/tether``) and is written with comments, mode 0600, on first use.

Keys:

* ``roots`` - directories a session's working directory must lie under
  (after resolving symlinks and ``..``, compared by path components).
* ``commands`` - programs a session may start. A bare name (``"claude"``)
  allows that name looked up on PATH, or any path resolving to the same file;
  a path allows exactly that file. :data:`MOCK_AGENT` allows the bundled mock
  agent, started as ``[<this python>, "-m", "supervisor.mock_agent", ...]``.
* ``max_sessions`` - live sessions at once.
* ``default_command`` - argv started when a request names none.
* ``[arguments.<program>]`` - ``refuse``/``permit`` lists of argument rules on
  top of the built-in ones that refuse every permission-bypass and
  auto-approve flag of Claude Code, Codex, Gemini CLI and aider (see
  :mod:`supervisor.arg_rules`).
* ``[watch]`` - whether sessions may be continued by themselves (watch mode),
  how often and with which text (see :mod:`supervisor.watch_policy`).
* ``secrets`` - values to redact from every session's output, names and
  arguments, besides secret-looking environment variables and token formats.
* ``resume_sessions`` - (default false) after an unclean stop of the supervisor
  (crash, SIGKILL, power cut) or a shutdown, start its agent sessions again,
  resuming their conversations (``supervisor/resume_plan.py``), each still
  checked against this policy as it is then.
* ``[resume_commands]`` - per program, the argv that resumes it (``"{id}"`` is
  replaced by the conversation id when one is known), besides the built-in
  rules for ``claude``, ``codex`` and the mock agent.

The checks are pure functions of a :class:`Policy`; :func:`load_policy` is the
only file access. Every refusal names the policy file and what to add to it.
"""

from __future__ import annotations

import os
import shutil
import sys
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from shared.errors import CommandFailed
from shared.protocol import ErrorCode, ErrorInfo
from supervisor.arg_rules import DEFAULT_RULES, RuleError, find_refusal, parse_rule, rules_for

MOCK_AGENT = "tether:mock-agent"
MOCK_AGENT_MODULE = "supervisor.mock_agent"
DEFAULT_COMMANDS = ("claude", "codex", "gemini", "aider", MOCK_AGENT)
DEFAULT_MAX_SESSIONS = 16
DEFAULT_ARGUMENT_PROGRAMS = frozenset(DEFAULT_RULES)
# "agents" is read by supervisor.agent_mcp.access, "watch" by supervisor.watch_policy
_KEYS = (
    "roots",
    "commands",
    "max_sessions",
    "default_command",
    "arguments",
    "secrets",
    "agents",
    "resume_sessions",
    "resume_commands",
    "watch",
)
_ARGUMENT_KEYS = ("refuse", "permit")
MIN_POLICY_SECRET = 6  # shorter listed secrets would mask ordinary words


class PolicyRefused(CommandFailed):
    """The request is outside the owner's policy."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(ErrorInfo(code=ErrorCode.POLICY_REFUSED, message=message, hint=hint))


class PolicyFileError(CommandFailed):
    """The policy file cannot be read or has a wrong key; nothing is allowed until fixed."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(ErrorInfo(code=ErrorCode.POLICY_REFUSED, message=message, hint=hint))


@dataclass(frozen=True)
class Policy:
    path: str  # the file it came from, named in every refusal
    roots: tuple[str, ...] = field(default_factory=lambda: (str(Path.home()),))
    commands: tuple[str, ...] = DEFAULT_COMMANDS
    max_sessions: int = DEFAULT_MAX_SESSIONS
    default_command: tuple[str, ...] = ("claude",)
    # program -> (refuse, permit): the owner's argument rules (see supervisor.arg_rules)
    arguments: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)
    secrets: tuple[str, ...] = ()
    resume_sessions: bool = False
    # program name -> the argv that resumes it ("{id}": the conversation id)
    resume_commands: dict[str, tuple[str, ...]] = field(default_factory=dict)


# ---------------------------------------------------------------- location and file


def tether_home(environ: dict[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    raw = env.get("TETHER_HOME") or "~/.config/tether"
    return Path(os.path.expanduser(raw))


def policy_path(environ: dict[str, str] | None = None) -> Path:
    return tether_home(environ) / "policy.toml"


def default_policy_text() -> str:
    home = str(Path.home())
    return f'''# Tether supervisor policy: what the relay (so a phone) may ask this computer to run.
# Only you edit this file; the relay cannot change it. It is read again for every new session.

# Directories a session may run in (and anything below them). Symlinks and ".." are
# resolved before the check, so a link out of a root does not count as inside it.
roots = [{_toml_str(home)}]

# Programs a session may start. A bare name is looked up on PATH; a path allows exactly
# that file. "{MOCK_AGENT}" allows Tether's mock agent (python -m {MOCK_AGENT_MODULE}).
commands = ["claude", "codex", "gemini", "aider", "{MOCK_AGENT}"]

# How many sessions may run at once.
max_sessions = {DEFAULT_MAX_SESSIONS}

# What create_session runs when the request names no command.
default_command = ["claude"]

# Arguments refused per program, on top of the built-in refusals of every flag that
# switches an agent's permission checks off (claude --dangerously-skip-permissions,
# codex --yolo, gemini -y, aider --yes-always, ...). "permit" lifts a built-in rule.
# [arguments.claude]
# refuse = ["--model opus"]
# permit = ["--add-dir"]

# Values to hide from everything a session shows (besides secret-looking environment
# variables and well-known token formats), e.g. a password you type in terminals.
# secrets = ["my-database-password"]

# After the supervisor stops uncleanly (a crash, a kill, a power cut) or shuts down with
# the computer, start its agent sessions again when it restarts, in the same folder,
# resuming their conversations: claude --resume <id> (else --continue), codex resume <id>
# (else resume --last). Each is checked against this file as it is then; one it no
# longer allows is not restarted, and the session list says why.
resume_sessions = false
# How to resume other programs ("{{id}}" is replaced by the conversation id, if known):
# [resume_commands]
# aider = ["aider", "--restore-chat-history"]
''' + _agents_default()


def _agents_default() -> str:
    from supervisor.agent_mcp.access import DEFAULT_TEXT  # its own module; imports this one
    from supervisor.watch_policy import DEFAULT_TEXT as WATCH_TEXT  # likewise

    return WATCH_TEXT + DEFAULT_TEXT


def _toml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def load_policy(path: Path | None = None) -> Policy:
    """Read the policy file, writing the commented default (mode 0600) if absent.

    Raises :class:`PolicyFileError` naming the file and the bad key.
    """
    path = policy_path() if path is None else path
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    except OSError as exc:
        raise PolicyFileError(
            f"cannot create the policy file {path}: {exc.strerror}",
            "create it by hand or set TETHER_HOME to a writable directory",
        ) from None
    else:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(default_policy_text())
    try:
        mode = path.stat().st_mode
        if mode & 0o002:
            # Whoever can write this file decides what the relay may run here.
            # (Group-writable is left alone: most systems give each user a private group.)
            raise PolicyFileError(
                f"the policy file {path} can be changed by any user (mode {mode & 0o777:o})",
                f"make it yours alone: chmod 600 {path}",
            )
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise PolicyFileError(
            f"cannot read the policy file {path}: {exc.strerror}", "check its permissions"
        ) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise PolicyFileError(
            f"the policy file {path} is not valid TOML: {exc}",
            "fix the syntax, or delete the file to get the default back",
        ) from None
    return parse_policy(data, str(path))


def parse_policy(data: dict[str, Any], path: str) -> Policy:
    """Validate parsed TOML into a :class:`Policy`; missing keys take the defaults."""
    for key in data:
        if key not in _KEYS:
            raise PolicyFileError(
                f"unknown key {key!r} in the policy file {path}",
                f"the known keys are {', '.join(_KEYS)}",
            )
    base = Policy(path=path)
    roots = _str_list(data, "roots", path, base.roots)
    if not roots:
        raise PolicyFileError(
            f"'roots' in the policy file {path} is empty, so nothing may run",
            'add a directory, e.g. roots = ["~/code"]',
        )
    for root in roots:
        if not os.path.isabs(os.path.expanduser(root)):
            raise PolicyFileError(
                f"root {root!r} in the policy file {path} is not an absolute path",
                'write it in full, e.g. "/home/me/code" or "~/code"',
            )
    commands = _str_list(data, "commands", path, base.commands)
    default_command = _str_list(data, "default_command", path, base.default_command)
    if not default_command:
        raise PolicyFileError(
            f"'default_command' in the policy file {path} is empty",
            'give a program and its arguments, e.g. default_command = ["claude"]',
        )
    max_sessions = data.get("max_sessions", base.max_sessions)
    if type(max_sessions) is not int or max_sessions < 1:
        raise PolicyFileError(
            f"'max_sessions' in the policy file {path} must be a whole number >= 1",
            f"e.g. max_sessions = {DEFAULT_MAX_SESSIONS}",
        )
    secrets = _str_list(data, "secrets", path, ("a-secret-value",)) if "secrets" in data else ()
    for secret in secrets:
        if len(secret) < MIN_POLICY_SECRET:
            raise PolicyFileError(
                f"a value in 'secrets' in the policy file {path} is shorter than "
                f"{MIN_POLICY_SECRET} characters, so it would hide ordinary words",
                "list only real secret values there",
            )
    resume = data.get("resume_sessions", False)
    if type(resume) is not bool:
        raise PolicyFileError(
            f"'resume_sessions' in the policy file {path} must be true or false",
            "e.g. resume_sessions = true",
        )
    return Policy(
        path=path,
        resume_sessions=resume,
        resume_commands=_resume_commands(data.get("resume_commands", {}), path),
        arguments=_argument_rules(data.get("arguments", {}), path),
        secrets=secrets,
        roots=tuple(os.path.realpath(os.path.expanduser(r)) for r in roots),
        commands=commands,
        max_sessions=max_sessions,
        default_command=default_command,
    )


def _argument_rules(raw: Any, path: str) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    example = '[arguments.claude]\nrefuse = ["--model opus"]'
    if not isinstance(raw, dict):
        raise PolicyFileError(
            f"'arguments' in the policy file {path} must be a table of programs",
            f"write e.g. {example}",
        )
    rules: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for program, table in raw.items():
        where = f"arguments.{program}"
        if not isinstance(table, dict) or any(k not in _ARGUMENT_KEYS for k in table):
            raise PolicyFileError(
                f"[{where}] in the policy file {path} may only hold 'refuse' and 'permit'",
                f"write e.g. {example}",
            )
        refuse = _str_list(table, "refuse", path, ("--flag",)) if "refuse" in table else ()
        permit = _str_list(table, "permit", path, ("--flag",)) if "permit" in table else ()
        try:
            for text in (*refuse, *permit):
                parse_rule(text, path)
        except RuleError as exc:
            raise PolicyFileError(exc.message, f"under [{where}]: {exc.hint}") from None
        rules[program] = (refuse, permit)
    return rules


def _resume_commands(raw: Any, path: str) -> dict[str, tuple[str, ...]]:
    example = '[resume_commands]\naider = ["aider", "--restore-chat-history"]'
    if not isinstance(raw, dict):
        raise PolicyFileError(
            f"'resume_commands' in the policy file {path} must be a table of programs",
            f"write e.g. {example}",
        )
    commands = {}
    for program in raw:
        argv = _str_list(raw, program, path, (str(program),))
        if not argv:
            raise PolicyFileError(
                f"resume_commands.{program} in the policy file {path} is empty",
                f"write e.g. {example}",
            )
        commands[str(program)] = argv
    return commands


def _str_list(
    data: dict[str, Any], key: str, path: str, default: tuple[str, ...]
) -> tuple[str, ...]:
    value = data.get(key, default)
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) and v for v in value):
        return tuple(value)
    raise PolicyFileError(
        f"{key!r} in the policy file {path} must be a list of non-empty strings",
        f'e.g. {key} = ["{default[0] if default else "..."}"]',
    )


# ---------------------------------------------------------------- pure checks


def is_within(path: str, root: str) -> bool:
    """``path`` is ``root`` or below it, by whole components (``/a`` does not hold ``/ab``)."""
    try:
        return os.path.commonpath([path, root]) == root
    except ValueError:  # one relative, one absolute
        return False


def check_cwd(policy: Policy, cwd: str | None) -> str:
    """The resolved working directory for ``cwd`` (None: the first root), if the policy allows it.

    A relative ``cwd`` is taken relative to the first root. Raises :class:`PolicyRefused`.
    """
    if cwd is None or cwd == "":
        wanted = policy.roots[0]
    else:
        expanded = os.path.expanduser(cwd)
        wanted = os.path.join(policy.roots[0], expanded)  # join keeps an absolute path as is
    resolved = os.path.realpath(wanted)
    if not any(is_within(resolved, root) for root in policy.roots):
        raise PolicyRefused(
            f"working directory {cwd!r} (resolved to {resolved}) is outside the allowed roots "
            f"in the policy file {policy.path}",
            f"use a directory under {', '.join(policy.roots)}, or add {_toml_str(resolved)} "
            f"to 'roots' in {policy.path}",
        )
    if not os.path.isdir(resolved):
        raise CommandFailed(
            ErrorInfo(
                code=ErrorCode.INVALID_ARGUMENT,
                message=f"working directory {resolved} does not exist or is not a directory",
                hint="pass an existing directory as cwd",
            )
        )
    return resolved


def find_executable(name: str, cwd: str, path_var: str | None) -> str | None:
    """The absolute path ``name`` runs (a path relative to ``cwd``, or a PATH lookup), unresolved.

    Unresolved on purpose: a venv's ``python`` is a symlink whose target runs
    without the venv. Compare with :func:`os.path.realpath` of it.
    """
    if os.sep in name:
        candidate = os.path.abspath(os.path.join(cwd, os.path.expanduser(name)))
        return candidate if os.path.isfile(candidate) and os.access(candidate, os.X_OK) else None
    found = shutil.which(name, path=path_var)
    return os.path.abspath(found) if found else None


def resolve_executable(name: str, cwd: str, path_var: str | None) -> str | None:
    """The real file ``name`` runs, symlinks resolved, or None."""
    found = find_executable(name, cwd, path_var)
    return os.path.realpath(found) if found else None


def check_command(policy: Policy, argv: list[str], cwd: str, path_var: str | None) -> list[str]:
    """``argv`` with argv[0] replaced by the resolved executable, if the policy allows it.

    Raises :class:`PolicyRefused` naming the file and the entry to add.
    """
    if not argv or not argv[0]:
        raise CommandFailed(
            ErrorInfo(
                code=ErrorCode.INVALID_ARGUMENT,
                message="the command is empty",
                hint='give a program and its arguments, e.g. ["claude"]',
            )
        )
    found = find_executable(argv[0], cwd, path_var)
    if found is None:
        raise CommandFailed(
            ErrorInfo(
                code=ErrorCode.SPAWN_FAILED,
                message=f"program {argv[0]!r} was not found on this computer's PATH",
                hint="install it, or give its full path",
            )
        )
    executable = os.path.realpath(found)
    for entry in policy.commands:
        if _entry_allows(entry, argv, executable, cwd, path_var):
            check_arguments(policy, argv, executable)
            if entry == MOCK_AGENT:
                check_mock_script(policy, argv, cwd)
            return [found, *argv[1:]]
    raise PolicyRefused(
        f"command {argv[0]!r} (resolved to {executable}) is not allowed "
        f"by the policy file {policy.path}",
        f"to allow it, add {_toml_str(argv[0] if os.sep not in argv[0] else executable)} "
        f"to 'commands' in {policy.path}",
    )


def check_arguments(policy: Policy, argv: Sequence[str], executable: str) -> None:
    """Refuse ``argv`` if a built-in or owner's argument rule refuses one of its arguments.

    Raises :class:`PolicyRefused` naming the argument, the rule and the policy file.
    """
    names = [os.path.basename(argv[0]), os.path.basename(executable)]
    rules = rules_for(names, policy.arguments, policy.path)
    refusal = find_refusal(names[0], argv[1:], rules)
    if refusal is None:
        return
    rule = refusal.rule
    program = next(n for n in names if n in DEFAULT_ARGUMENT_PROGRAMS or n in policy.arguments)
    origin = (
        "a built-in rule" if rule.source != policy.path else "a rule"
    ) + f" of the policy file {policy.path}"
    lift = (
        f'add "{rule.text}" to permit under [arguments.{program}] in {policy.path}'
        if rule.source != policy.path
        else f'remove "{rule.text}" from refuse under [arguments.{program}] in {policy.path}'
    )
    raise PolicyRefused(
        f"argument {refusal.argument!r} of {program!r} is refused by {origin}: "
        f'"{rule.text}" (it would let the agent act without asking you)',
        f"start it without that argument; if you really want it, {lift}",
    )


def check_mock_script(policy: Policy, argv: Sequence[str], cwd: str) -> None:
    """The mock agent reads a ``--script`` only from inside the policy's roots.

    (It parses its flags with no abbreviations, so ``--script`` is the only spelling.)
    """
    for index, arg in enumerate(argv):
        if arg == "--script":
            script = argv[index + 1] if index + 1 < len(argv) else ""
        elif arg.startswith("--script="):
            script = arg.partition("=")[2]
        else:
            continue
        resolved = os.path.realpath(os.path.join(cwd, os.path.expanduser(script)))
        if not any(is_within(resolved, root) for root in policy.roots):
            raise PolicyRefused(
                f"the mock agent's --script {script!r} (resolved to {resolved}) is outside "
                f"the allowed roots in the policy file {policy.path}",
                f"put the script under {', '.join(policy.roots)}, or use --scenario",
            )


def expand_alias(argv: list[str]) -> list[str]:
    """``tether:mock-agent [flags]`` names the bundled mock agent, run by this interpreter."""
    if argv and argv[0] == MOCK_AGENT:
        return [sys.executable, "-m", MOCK_AGENT_MODULE, *argv[1:]]
    return argv


def is_mock_agent(argv: Sequence[str]) -> bool:
    """``argv`` is exactly the bundled mock agent's form (this interpreter, ``-m``)."""
    return (
        bool(argv)
        and os.path.realpath(argv[0]) == os.path.realpath(sys.executable)
        and list(argv[1:3]) == ["-m", MOCK_AGENT_MODULE]
    )


def _entry_allows(
    entry: str, argv: list[str], executable: str, cwd: str, path_var: str | None
) -> bool:
    if entry == MOCK_AGENT:
        return executable == os.path.realpath(sys.executable) and argv[1:3] == [
            "-m",
            MOCK_AGENT_MODULE,
        ]
    if os.sep not in entry and argv[0] == entry:
        return True  # the owner's bare name, looked up on PATH as written
    allowed = (
        resolve_executable(entry, cwd, path_var)
        if os.sep not in entry
        else (os.path.realpath(os.path.expanduser(entry)))
    )
    return allowed is not None and allowed == executable
