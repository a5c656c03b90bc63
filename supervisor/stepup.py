"""Step-up: the prompts only a person may answer, and the gate that holds them on this computer.

Which prompts (``$TETHER_HOME/stepup.toml``, the owner's file; the relay cannot
change it): every prompt of a kind in ``kinds`` (default ``confirm_dangerous``),
every prompt whose question or context matches one of ``patterns`` (``rm -rf``,
``git push --force``, ``curl ... | sh``, credentials...), and, with
``outside_root``, every prompt naming a path outside the session's folder.

For such a prompt the session refuses ``answer_prompt`` (``respond_to_prompt``
in the chat) with ``approval_required`` and a message saying a person must
approve it on the relay's answer page, and refuses typing into it
(``send_input``, and every key except Esc and Ctrl-C, which can only cancel).
The only way to answer it is ``approve_prompt`` carrying a passkey assertion
that :class:`supervisor.approvers.Approvers` verifies here.

Threat model
============

Assets: the right to approve a dangerous prompt. Actors: the model in the chat
(reads untrusted terminal output, may be steered by it), the relay (public,
may be compromised), the owner's browser and passkey.

* The model has the MCP tools only. No tool carries an approval, and the
  supervisor refuses answers, text and confirming keys for a gated prompt
  whatever the relay forwards, so no token or wording lets the chat approve.
* A compromised relay can forward any frame. It cannot forge an approval: the
  assertion must verify under a passkey public key registered here, over a
  challenge this supervisor issued for this prompt and this answer (single use,
  five minutes), for the origin the supervisor itself dialed, with user
  verification. Registering its own key needs the enrolment code, which is
  printed only on this computer and typed by the owner into the page; the
  relay sees an HMAC of the registration under that 100-bit code, not the code.
  The relay never stores anything that can approve.
* A relay serving malicious page JavaScript is the residual risk. Such a page
  runs in the origin the passkey is bound to, so it can (a) read the enrolment
  code the owner types and register its own passkey instead (only during an
  enrolment the owner started, and the owner sees no matching key name in
  ``python -m supervisor approvers``), and (b) show one prompt while asking the
  passkey to sign the challenge of another. It cannot approve silently: every
  approval needs the owner's gesture on the authenticator, and each challenge
  is fresh and bound to one prompt id and answer, so a single deceived gesture
  approves one prompt, not a standing power. Mitigations kept: the page loads
  only same-origin scripts under a strict CSP (a compromised relay controls that
  too, so this is defence against injection, not against the relay), every
  approval is logged locally by the supervisor with the prompt's text, and the
  owner password alone never approves a held prompt: only a passkey registered
  on this computer does. A phone app, or a page bundle whose hash the supervisor
  pins, would close (a) and (b); that is future work.
* Typing races: keys sent before a prompt is detected cannot be held back.
  Claude Code announces permission requests through hooks before the dialog
  renders, which narrows this for the agent that matters most.
"""

from __future__ import annotations

import logging
import re
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from shared.commands.approvals import (
    ApprovalPrepared,
    ApprovePrompt,
    ApproverRegistered,
    PrepareApproval,
    RegisterApprover,
)
from shared.commands.prompts import PromptAnswered
from shared.errors import CommandFailed
from shared.protocol import ErrorCode, ErrorInfo, Key, Prompt, PromptKind
from supervisor.approvers import APPROVAL_TTL, Approvers
from supervisor.policy import is_within

if TYPE_CHECKING:
    from supervisor.session import Session

log = logging.getLogger(__name__)

DEFAULT_PATTERNS = (
    r"\brm\s+(-[a-zA-Z]*([rR][a-zA-Z]*f|f[a-zA-Z]*[rR])|-[rR]\b|--recursive)",
    r"\bgit\s+push\b.*(\s--force\b|\s-f\b|\s--force-with-lease\b|\s\+\w)",
    r"\b(curl|wget)\b[^|]*\|\s*(sudo\s+)?(ba|z)?sh\b",
    r"(?i)(\.ssh/|\.aws/credentials|\.netrc|\.npmrc|\.pypirc|\bid_(rsa|ed25519)\b|\.env\b"
    r"|credentials|secret[_-]?key|api[_-]?key|password|\btoken\b)",
)
CANCEL_KEYS = frozenset({Key.ESC, Key.CTRL_C})
_PATH = re.compile(r"(?<![\w.~/-])(~?/[^\s'\"`;|&<>()]*)")

STEPUP_FILE_TEXT = """\
# Which prompts only you may answer, from the relay's answer page with your passkey.
# The model in the chat is refused for these (respond_to_prompt, typing, confirming keys).
# kinds: prompt kinds that always need you ("confirm_dangerous", "yes_no", "choice", ...).
kinds = ["confirm_dangerous"]
# patterns: regular expressions; a prompt whose question or context matches one needs you.
# Leave out to keep the defaults (rm -rf, git push --force, curl | sh, credentials).
# patterns = ['\\brm\\s+-rf\\b']
# outside_root: a prompt naming a path outside the session's folder needs you.
outside_root = true
"""


@dataclass(frozen=True)
class StepUpRules:
    path: str
    kinds: frozenset[PromptKind] = frozenset({PromptKind.CONFIRM_DANGEROUS})
    patterns: tuple[str, ...] = DEFAULT_PATTERNS
    outside_root: bool = True
    _compiled: tuple[re.Pattern[str], ...] = field(default=(), compare=False)

    def reason(self, prompt: Prompt, root: str) -> str | None:
        """Why ``prompt`` needs a person, or None if the chat may answer it."""
        if prompt.kind in self.kinds:
            return f"it is a {prompt.kind.value} prompt"
        if not is_permission_request(prompt):
            return None
        text = "\n".join([prompt.question, *prompt.context])
        for pattern in self._compiled or tuple(re.compile(p) for p in self.patterns):
            found = pattern.search(text)
            if found:
                return f"it mentions {found.group(0).strip()[:60]!r}"
        if self.outside_root:
            outside = _path_outside(text, root)
            if outside is not None:
                return f"it names {outside!r}, outside the session's folder"
        return None


def is_permission_request(prompt: Prompt) -> bool:
    """An agent asking to run a tool: announced by a hook, or a permission dialog rule."""
    source = prompt.source
    return source.startswith("hook:") or any(m in source for m in ("permission", "_approval"))


def _path_outside(text: str, root: str) -> str | None:
    home = str(Path.home())
    for match in _PATH.finditer(text):
        raw = match.group(1).rstrip(".,:")
        if raw in ("/", "~") or raw.startswith("//"):
            return raw or "/"
        path = home + raw[1:] if raw.startswith("~") else raw
        if not is_within(str(Path(path).resolve()), root):
            return raw
    return None


def load_rules(path: Path) -> StepUpRules:
    """The owner's rules; written with comments on first use. Raises CommandFailed if broken."""
    if not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            path.write_text(STEPUP_FILE_TEXT)
            path.chmod(0o600)
        except OSError:
            log.warning("could not write %s; using the default step-up rules", path)
            return _compile(StepUpRules(str(path)))
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text())
        rules = StepUpRules(
            str(path),
            kinds=frozenset(PromptKind(k) for k in data.get("kinds", ["confirm_dangerous"])),
            patterns=tuple(str(p) for p in data.get("patterns", DEFAULT_PATTERNS)),
            outside_root=bool(data.get("outside_root", True)),
        )
        return _compile(rules)
    except (OSError, ValueError, re.error, TypeError) as exc:
        raise CommandFailed(
            ErrorInfo(
                code=ErrorCode.POLICY_REFUSED,
                message=f"the step-up file {path} is broken ({exc}), so every prompt is held",
                hint=f"fix {path} (or delete it to get the defaults back)",
            )
        ) from None


def _compile(rules: StepUpRules) -> StepUpRules:
    compiled = tuple(re.compile(p) for p in rules.patterns)
    return StepUpRules(rules.path, rules.kinds, rules.patterns, rules.outside_root, compiled)


class StepUp:
    """The gate sessions consult, and the handler of the step-up commands."""

    def __init__(self, rules_file: Path, approvers: Approvers, where: str = "") -> None:
        self.rules_file = rules_file
        self.approvers = approvers
        # Until `up` binds a relay (stdio mode), only the terminal itself can answer.
        self.where = where or "the computer itself, in the session's terminal"

    def bind_relay(self, relay_url: str, host: str) -> None:
        """Approvals are checked for the origin of the relay this supervisor dials."""
        self.approvers = Approvers(self.approvers.home, relay_url, host)
        self.where = (
            f"the relay's answer page ({self.approvers.origin}/answer/..., the link in the "
            "notification Tether sent for this prompt), signed in with their passkey"
        )

    def reason(self, prompt: Prompt | None, root: str) -> str | None:
        if prompt is None:
            return None
        try:
            rules = load_rules(self.rules_file)
        except CommandFailed:
            return f"the step-up file {self.rules_file} is broken"  # fail closed
        return rules.reason(prompt, root)

    def refusal(self, prompt: Prompt, reason: str) -> CommandFailed:
        return CommandFailed(
            ErrorInfo(
                code=ErrorCode.APPROVAL_REQUIRED,
                message=f"a person must approve prompt {prompt.prompt_id} ({reason}); the "
                "owner's step-up policy on this computer does not let the chat answer it",
                hint=f"Tell the user to approve or deny it on {self.where}. Nothing was typed.",
            )
        )

    def check_answer(self, prompt: Prompt | None, prompt_id: str, root: str) -> None:
        """Raise unless the chat may answer ``prompt_id`` (the prompt pending now)."""
        if prompt is not None and prompt.prompt_id == prompt_id:
            reason = self.reason(prompt, root)
            if reason is not None:
                raise self.refusal(prompt, reason)

    def check_typing(self, prompt: Prompt | None, root: str, keys: list[Key] | None) -> None:
        """Raise if typing ``keys`` (None: text) could confirm a gated prompt."""
        if prompt is None or (keys is not None and all(k in CANCEL_KEYS for k in keys)):
            return
        reason = self.reason(prompt, root)
        if reason is not None:
            raise self.refusal(prompt, reason)

    # ------------------------------------------------------------ commands

    async def register(self, cmd: RegisterApprover) -> ApproverRegistered:
        added = self.approvers.register(cmd.registration, cmd.mac, cmd.label, time.time())
        log.warning("approver %s (%s) registered", added.label, added.credential_id[:12])
        return ApproverRegistered(
            request_id=cmd.request_id, credential_id=added.credential_id, label=added.label
        )

    async def prepare(self, cmd: PrepareApproval, session: Session) -> ApprovalPrepared:
        prompt = _pending(session, cmd.prompt_id)
        message, challenge = self.approvers.prepare(
            cmd.prompt_id, cmd.answer, prompt.question, time.time()
        )
        return ApprovalPrepared(
            request_id=cmd.request_id,
            prompt_id=cmd.prompt_id,
            session_id=session.session_id,
            answer=cmd.answer,
            message=message,
            challenge=self.approvers.challenge_b64(challenge),
            rp_id=self.approvers.rp_id,
            credential_ids=self.approvers.credential_ids(),
            expires_in=APPROVAL_TTL,
        )

    async def approve(self, cmd: ApprovePrompt, session: Session) -> PromptAnswered:
        prompt = _pending(session, cmd.prompt_id)
        answer = self.approvers.verify(cmd.prompt_id, cmd.assertion, time.time())
        log.warning("owner approved %s with %r: %s", cmd.prompt_id, answer, prompt.question)
        sent, gone = await session.answer_prompt(cmd.prompt_id, answer, approved=True)
        return PromptAnswered(
            request_id=cmd.request_id,
            prompt_id=cmd.prompt_id,
            session_id=session.session_id,
            sent=sent,
            prompt_gone=gone,
        )


def _pending(session: Session, prompt_id: str) -> Prompt:
    prompt = session.pending_prompt()
    if prompt is None or prompt.prompt_id != prompt_id:
        raise _stale(prompt_id, prompt)
    return prompt


def _stale(prompt_id: str, now: Prompt | None) -> CommandFailed:
    shown = f"now on screen: {now.question!r}" if now is not None else "no prompt is waiting now"
    return CommandFailed(
        ErrorInfo(
            code=ErrorCode.PROMPT_STALE,
            message=f"prompt {prompt_id} is no longer the one on screen ({shown})",
            hint="open the latest notification's link, or check the session",
        )
    )
