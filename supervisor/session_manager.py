"""The session manager: starts sessions inside the policy, finds them, stops them all.

Every start re-reads the policy file, so the owner's edits apply without a
restart. A child gets the supervisor's environment minus what would confuse a
nested agent or leak Tether's secrets, plus a terminal description.

Claude Code sessions get hooks: the manager owns one loopback
:class:`supervisor.hooks.HookReceiver` (started on the first ``claude`` session,
closed by :meth:`SessionManager.close_all`); each such session is registered
with its own URL and token, started through ``wire_claude`` (``--settings`` in
argv, the token in its env, never in argv), and unregistered when it exits.
Each session redacts with :func:`session_redactor`: the secret-looking variables
of the supervisor and of the session (so the hook token too) and the policy's
``secrets``. Start requests are checked for control characters
(:func:`check_start_arguments`) before anything is resolved or forked.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
from collections.abc import Awaitable, Callable, Mapping, Sequence
from pathlib import Path

import supervisor
from shared.errors import CommandFailed, SessionUnknown
from shared.protocol import ErrorCode, ErrorInfo, Prompt, SessionInfo
from supervisor.approvers import Approvers
from supervisor.claude_settings import is_claude, wire_claude
from supervisor.digest import ActivityLog
from supervisor.hooks import HookEvent, HookReceiver
from supervisor.journal import DEFAULT_LIMIT as JOURNAL_LIMIT
from supervisor.policy import (
    PolicyRefused,
    check_command,
    check_cwd,
    expand_alias,
    is_mock_agent,
    load_policy,
    policy_path,
)
from supervisor.pty_process import PtySpawnError
from supervisor.recorder_process import RecorderProcess
from supervisor.redact import Redactor, secret_env_values
from supervisor.relay_requests import RelayRequests
from supervisor.session import Session, new_session_id
from supervisor.stepup import StepUp

log = logging.getLogger(__name__)

# Claude Code refuses to start, or talks to the parent's IDE, when these are inherited.
DROPPED_ENV = frozenset({"CLAUDECODE", "CLAUDE_CODE_ENTRYPOINT", "CLAUDE_CODE_SSE_PORT"})
DROPPED_ENV_PREFIX = "TETHER_"  # the supervisor's own settings and secrets stay with it
KEEP_EXITED = 32  # finished sessions kept readable, oldest dropped first


def child_env(environ: Mapping[str, str], cols: int, rows: int, session_id: str) -> dict[str, str]:
    """The environment for a session's program (pure)."""
    env = {
        k: v
        for k, v in environ.items()
        if k not in DROPPED_ENV and not k.startswith(DROPPED_ENV_PREFIX)
    }
    env.update(TERM="xterm-256color", COLUMNS=str(cols), LINES=str(rows))
    env["TETHER_SESSION_ID"] = session_id  # not a secret: lets hooks name their session
    return env


def mock_agent_env(env: dict[str, str]) -> dict[str, str]:
    """Let ``python -m supervisor.mock_agent`` import this very package from any cwd.

    ``PYTHONSAFEPATH`` keeps the session's cwd off ``sys.path``, so a directory
    holding its own ``supervisor/`` cannot stand in for the mock agent.
    """
    package_root = os.path.dirname(os.path.dirname(os.path.abspath(supervisor.__file__)))
    inherited = env.get("PYTHONPATH")
    env = dict(env, PYTHONSAFEPATH="1")
    env["PYTHONPATH"] = package_root + (os.pathsep + inherited if inherited else "")
    return env


# C0 controls and DEL: a NUL cannot reach exec (it wedged a forked child), and
# escapes or line breaks in a name or path forge what a terminal or log shows.
# Arguments may hold a tab or a line break (a multi-line prompt), nothing else.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_ARG_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def check_start_arguments(command: Sequence[str] | None, cwd: str | None, name: str | None) -> None:
    """Refuse control characters and invalid text in a start request, before anything
    is resolved or forked."""
    where = [(f"argument {i} of the command", a, _ARG_CONTROL) for i, a in enumerate(command or ())]
    where += [("the working directory", cwd or "", _CONTROL), ("the name", name or "", _CONTROL)]
    for what, text, pattern in where:
        try:
            os.fsencode(text)
        except UnicodeEncodeError:
            raise CommandFailed(
                ErrorInfo(
                    code=ErrorCode.INVALID_ARGUMENT,
                    message=f"{what} is not valid Unicode text (it holds a lone surrogate)",
                    hint="send it as valid UTF-8 text",
                )
            ) from None
        found = pattern.search(text)
        if found is not None:
            raise CommandFailed(
                ErrorInfo(
                    code=ErrorCode.INVALID_ARGUMENT,
                    message=f"{what} contains the control character "
                    f"{found.group()!r} at position {found.start()}",
                    hint="remove control characters (NUL, escapes, line breaks) from it",
                )
            )


def _default_name(argv: Sequence[str], cwd: str) -> str:
    program = "mock_agent" if "supervisor.mock_agent" in argv[:3] else os.path.basename(argv[0])
    return f"{program} in {os.path.basename(cwd) or cwd}"


def session_redactor(
    environ: Mapping[str, str], env: Mapping[str, str], listed: Sequence[str]
) -> Redactor:
    """What a session must never show: the secret-looking variables of the supervisor
    (``TETHER_*`` included, though the child does not get them) and of the child,
    and the values the policy lists under ``secrets``."""
    values = {**secret_env_values(environ), **secret_env_values(env)}
    for value in listed:
        values.setdefault(value, "policy")
    return Redactor(values)


class SessionManager:
    """All sessions of this supervisor.

    Callbacks: ``on_exit(session)``, ``on_prompt(session, prompt)``.
    """

    def __init__(
        self,
        policy_file: Path | None = None,
        environ: Mapping[str, str] | None = None,
        keep_exited: int = KEEP_EXITED,
        default_command: Sequence[str] | None = None,
    ) -> None:
        self.policy_file = policy_path() if policy_file is None else policy_file
        self._environ = dict(os.environ if environ is None else environ)
        self._keep_exited = keep_exited
        # Overrides the policy's default_command (mock mode); the policy still decides.
        self._default_command = list(default_command) if default_command else None
        self._sessions: dict[str, Session] = {}
        self._starting = 0  # spawns in flight count against max_sessions too
        self.on_exit: Callable[[Session], None] | None = None
        self.on_prompt: Callable[[Session, Prompt], None] | None = None
        self.on_output: Callable[[Session, bytes], None] | None = None
        self.on_start: Callable[[Session], None] | None = None
        self.on_state: Callable[[Session], None] | None = None
        # (session id, the agent's conversation id) as its hooks report it, for a resume
        self.on_handle: Callable[[str, str], None] | None = None
        self.hooks: HookReceiver | None = None  # started with the first claude session
        self.activity = ActivityLog()  # what each session did, for get_digest
        self._hooks_lock = asyncio.Lock()
        # Hook events of sessions still spawning (the program may post before the
        # spawn call returns): delivered once the session is in the table.
        self._early: dict[str, list[HookEvent]] = {}
        # asciicast files next to the policy; they keep as much output as the journal does.
        self.recorder = RecorderProcess(self.policy_file.parent / "recordings", JOURNAL_LIMIT)
        # Prompts only a person may answer (supervisor/stepup.py); `up` names the relay.
        self.stepup = StepUp(
            self.policy_file.parent / "stepup.toml",
            Approvers(self.policy_file.parent, None, "this computer"),
        )
        # The agents' MCP server (supervisor.agent_mcp.wiring): argv/env per session.
        self.wire_session: (
            Callable[[str, list[str], dict[str, str]], Awaitable[tuple[list[str], dict[str, str]]]]
            | None
        ) = None
        self.unwire_session: Callable[[str], None] | None = None
        # The link's supervisor -> relay requests (set by the connection): orchestration
        # work tells the relay it finished through it (supervisor/orchestration/announce.py).
        self.relay_requests: RelayRequests | None = None

    def live_count(self) -> int:
        return sum(1 for s in self._sessions.values() if not s.exited)

    async def create(
        self,
        command: Sequence[str] | None = None,
        cwd: str | None = None,
        name: str | None = None,
        cols: int = 120,
        rows: int = 40,
    ) -> Session:
        """Start a session if the policy allows it.

        Raises :class:`CommandFailed` (policy refused, invalid argument, spawn failed).
        """
        check_start_arguments(command, cwd, name)
        policy = load_policy(self.policy_file)
        argv = expand_alias(
            list(command) if command else self._default_command or list(policy.default_command)
        )
        if self.live_count() + self._starting >= policy.max_sessions:
            raise PolicyRefused(
                f"{policy.max_sessions} sessions are already running, the most the policy file "
                f"{policy.path} allows",
                f"stop a session first, or raise max_sessions in {policy.path}",
            )
        workdir = check_cwd(policy, cwd)
        resolved = check_command(policy, argv, workdir, self._environ.get("PATH", os.defpath))
        session_id = new_session_id()
        env = child_env(self._environ, cols, rows, session_id)
        if is_mock_agent(resolved):
            env = mock_agent_env(env)
        self._starting += 1
        self.recorder.expect(session_id, cols, rows, name or _default_name(argv, workdir))
        hooked = False
        try:
            if is_claude(resolved):
                url, token = (await self._hook_receiver()).register(session_id)
                hooked = True
                self._early[session_id] = []
                resolved, env = wire_claude(resolved, env, url, token)
            if self.wire_session is not None:
                resolved, env = await self.wire_session(session_id, resolved, env)
            session = await Session.start(
                resolved,
                cwd=workdir,
                env=env,
                name=name or _default_name(argv, workdir),
                cols=cols,
                rows=rows,
                session_id=session_id,
                command=argv,
                on_exit=self._exited,
                on_prompt=self._prompted,
                on_output=self._output,
                redactor=session_redactor(self._environ, env, policy.secrets),
            )
        except PtySpawnError as exc:
            if hooked and self.hooks is not None:
                self.hooks.unregister(session_id)
            if self.unwire_session is not None:
                self.unwire_session(session_id)
            raise CommandFailed(
                ErrorInfo(
                    code=ErrorCode.SPAWN_FAILED,
                    message=str(exc),
                    hint="check the command and working directory exist and can run",
                )
            ) from None
        finally:
            self._starting -= 1
            early = self._early.pop(session_id, [])
        session.stepup = self.stepup
        session.on_state = self._state_changed
        session.on_input = self._input
        self._sessions[session.session_id] = session
        for event in early:
            self.activity.hook(event)
            session.on_hook(event)
        if self.on_start is not None:
            self.on_start(session)
        self._forget_old_exited()
        info = session.info()  # redacted: a secret in argv stays out of the log too
        log.info("session %s started: %s in %s", info.session_id, info.command, info.cwd)
        return session

    def get(self, session_id: str) -> Session:
        """The session with this id; raises :class:`SessionUnknown`."""
        session = self._sessions.get(session_id)
        if session is None:
            raise SessionUnknown(
                f"no session {session_id!r} on this computer",
                "call list_sessions to see the sessions that exist",
            )
        return session

    def list(self) -> list[Session]:
        return sorted(self._sessions.values(), key=lambda s: s.started_at)

    def forget(self, session_id: str) -> None:
        """Drop an exited session from the table (a temporary session's cleanup)."""
        if self.get(session_id).exited:
            del self._sessions[session_id]
            self.activity.forget(session_id)

    async def stop(self, session_id: str, force: bool = False) -> SessionInfo:
        return await self.get(session_id).stop(force=force)

    async def close_all(self) -> None:
        """Kill every live session and reap it (shutdown): no orphan survives the supervisor.

        Also closes the hook receiver."""
        live = [s for s in self._sessions.values() if not s.exited]
        results = await asyncio.gather(*(s.close() for s in live), return_exceptions=True)
        for session, result in zip(live, results, strict=True):
            if isinstance(result, BaseException):
                log.error("closing session %s failed: %r", session.session_id, result)
        if self.hooks is not None:
            await self.hooks.close()
            self.hooks = None
        await self.recorder.shutdown()

    async def _hook_receiver(self) -> HookReceiver:
        async with self._hooks_lock:
            if self.hooks is None:
                receiver = HookReceiver(self._hook_event)
                await receiver.start()
                self.hooks = receiver
            return self.hooks

    def _hook_event(self, event: HookEvent) -> None:
        if event.claude_session_id and self.on_handle is not None:
            self.on_handle(event.session_id, event.claude_session_id)
        session = self._sessions.get(event.session_id)
        if session is None:
            if event.session_id in self._early:
                self._early[event.session_id].append(event)
                return
            log.info("hook %s for unknown session %s dropped", event.event, event.session_id)
            return
        self.activity.hook(event)
        session.on_hook(event)

    def _exited(self, session: Session) -> None:
        if self.hooks is not None:
            self.hooks.unregister(session.session_id)
        if self.unwire_session is not None:
            self.unwire_session(session.session_id)
        log.info("session %s exited: %s", session.session_id, session.info().state_reason)
        self.recorder.close(session.session_id)
        self._forget_old_exited()
        if self.on_exit is not None:
            self.on_exit(session)

    def _output(self, session: Session, data: bytes) -> None:
        self.recorder.write(session.session_id, data, session.redactor.mask)
        if self.on_output is not None:
            self.on_output(session, data)

    def _input(self, session: Session) -> None:
        self.activity.input(session.session_id)

    def _state_changed(self, session: Session) -> None:
        self.activity.state(session.session_id, session.state)
        if self.on_state is not None:
            self.on_state(session)

    def _prompted(self, session: Session, prompt: Prompt) -> None:
        if self.on_prompt is not None:
            self.on_prompt(session, prompt)

    def _forget_old_exited(self) -> None:
        exited = [s for s in self.list() if s.exited]
        for old in exited[: max(0, len(exited) - self._keep_exited)]:
            del self._sessions[old.session_id]
            self.activity.forget(old.session_id)
