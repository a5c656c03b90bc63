"""One session's view of its pending prompt: stable ids, and answers checked against the screen.

Detection (:mod:`supervisor.prompts.detect`) is stateless; this adds identity.
A prompt keeps its id while the same question with the same option labels
stays on screen (moving the highlight does not change it); a new or changed
question gets a new id. An answer is planned only for the prompt on screen
*now*, so a slow phone can never answer the next dialog by accident.

Hooks (Claude Code's ``PermissionRequest`` and friends) arrive through
:meth:`PromptTracker.offer_hook`. A hook prompt is reported at once, before its
dialog renders, and keeps its id when the screen confirms it; the screen still
decides how to answer (which row, which keys), and the hook adds what the
screen cannot show well (the tool, its full input, danger).
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import math
import re
import secrets
from collections import OrderedDict
from pathlib import Path, PurePath

from shared.protocol import ErrorCode, Prompt, PromptKind
from supervisor.prompts.answer import PromptError, plan_writes, secret_error, wanted_checks
from supervisor.prompts.detect import Detection, Signals, detect
from supervisor.prompts.detect_types import HINT_SUFFIX
from supervisor.prompts.echo import needs_probe
from supervisor.prompts.paging import (
    PARTIAL_NOTE,
    moves_by_arrows,
    rows_out_of_view,
    searchable,
)
from supervisor.prompts.prefill import Field, prefilled
from supervisor.prompts.rules import RuleError, RuleSet, load_rules, user_rules_dir
from supervisor.screen import ScreenSnapshot

log = logging.getLogger(__name__)

__all__ = ["PromptError", "PromptTracker", "Signals", "default_rules", "family_of"]

_REMEMBERED_IDS = 256
_ONE_HIGHLIGHT = frozenset({"arrows", "dialog_menu", "buttons"})


def family_of(command: list[str]) -> str:
    name = PurePath(command[0]).name if command else ""
    if name in {"claude", "codex", "gemini", "aider"}:
        return name
    if "mock_agent" in " ".join(command[:3]):
        return "claude"
    return "generic"


@functools.lru_cache(maxsize=4)
def _load(user_dir: Path) -> RuleSet:
    try:
        return load_rules(user_dir)
    except RuleError as exc:
        # A broken user file must not stop sessions: say why, and use the built-ins.
        log.error("ignoring user prompt rules in %s: %s", user_dir, exc)
        return load_rules(None)


def default_rules() -> RuleSet:
    """Built-in rules plus ``$TETHER_HOME/rules/*.toml``, loaded once per directory."""
    return _load(user_rules_dir())


class PromptTracker:
    def __init__(
        self, session_id: str, family: str = "generic", *, rules: RuleSet | None = None
    ) -> None:
        self.session_id, self.family = session_id, family
        self._rules = rules if rules is not None else default_rules()
        self._current: Prompt | None = None
        self._found: Detection | None = None
        self._signals = Signals()
        self._found_with = Signals()  # the signals under which ``_found`` was found
        # prompt id -> (fingerprint, kind) of recently issued prompts: an id we
        # issued but no longer show is stale, an id we never issued is unknown.
        self._issued: OrderedDict[str, tuple[str, PromptKind]] = OrderedDict()
        # The last verdict, reusable while the screen (a cached, immutable snapshot),
        # the OS signals and the quiet-time class stay the same.
        self._verdict: tuple[ScreenSnapshot, Signals, bool, Detection | None] | None = None
        self._hook: Prompt | None = None  # announced by a hook, maybe not on screen yet
        self._hook_seen = False  # the screen has shown the hook's dialog
        self._questions: OrderedDict[str, str] = OrderedDict()  # prompt id -> _core(question)
        # Fingerprints of text fields found not to show what is typed: secrets from now on.
        self._hidden: OrderedDict[str, None] = OrderedDict()

    def offer_hook(self, prompt: Prompt | None) -> None:
        """A hook announced a dialog (``prompt``) or said the last one is over (None)."""
        self._hook, self._hook_seen = prompt, False
        if prompt is not None:
            self._remember(prompt.prompt_id, f"hook:{prompt.prompt_id}", prompt.kind)

    def observe(
        self,
        snapshot: ScreenSnapshot,
        now: float,
        quiet_for: float,
        *,
        signals: Signals | None = None,
    ) -> Prompt | None:
        """The pending prompt on ``snapshot`` (see :func:`detect`), with a stable id."""
        self._signals = signals or Signals()
        found = self._detect(snapshot, quiet_for)
        found_with = self._signals
        if found is None and self._found is not None:
            # Output arrived too recently for the rule to count (a redraw, a
            # clock in the footer): the prompt we already report is still it.
            again = self._detect(snapshot, math.inf)
            if again is None and quiet_for < self._rules.settle_time:
                # Nor do signals sampled mid-redraw: a program that leaves raw mode
                # between keys (readchar, blessed) redraws in line mode, then reads again.
                again = detect(snapshot, self._rules, family=self.family, signals=self._found_with)
                found_with = self._found_with
            if again is not None and again.fingerprint == self._found.fingerprint:
                found = again
        if found is None:
            self._found = None
            if self._hook is not None and self._hook_seen:
                self._hook = None  # its dialog was shown and has gone: answered
            self._current = self._hook
            return self._current
        if found.fingerprint in self._hidden:
            found = dataclasses.replace(found, kind=PromptKind.SECRET, select="none")
        if (
            self._current is not None
            and self._found is not None
            and found.fingerprint == self._found.fingerprint
            and self._current.kind is found.kind
        ):
            self._current = self._current.model_copy(
                update={"options": list(found.options), "confidence": found.confidence}
            )
        else:
            hook = self._hook if self._hook is not None and not self._hook_seen else None
            self._current = self._prompt(found, now, reuse=hook, snapshot=snapshot)
        if self._hook is not None:
            self._hook_seen = True
            self._current = _enrich(self._current, self._hook)
        self._found, self._found_with = found, found_with
        return self._current

    def pending(self) -> Prompt | None:
        return self._current

    def plan_answer(self, prompt_id: str, answer: str, snapshot: ScreenSnapshot) -> list[bytes]:
        """The writes answering ``prompt_id`` on ``snapshot`` (each written separately).

        Raises :class:`PromptError`: PROMPT_UNKNOWN (never issued here),
        PROMPT_SECRET (passwords are typed locally), PROMPT_STALE (no longer the
        prompt on screen), INVALID_ANSWER (names no option; lists them).
        """
        issued = self._issued.get(prompt_id)
        if issued is None:
            raise PromptError(
                ErrorCode.PROMPT_UNKNOWN,
                f"session {self.session_id} never showed prompt {prompt_id}",
                "call check_prompts and answer with the prompt_id it returns",
            )
        fingerprint, kind = issued
        if kind is PromptKind.SECRET:
            raise secret_error()
        now = self._detect(snapshot, math.inf)
        current = self._current.prompt_id if self._current is not None else None
        if current == prompt_id and now is None and self._hook is not None:
            raise PromptError(
                ErrorCode.PROMPT_STALE,
                f"the dialog for prompt {prompt_id} has not appeared on screen yet",
                "call check_prompts again in a moment, then answer",
            )
        if current != prompt_id or now is None or now.fingerprint != fingerprint:
            raise PromptError(
                ErrorCode.PROMPT_STALE,
                f"prompt {prompt_id} is no longer on screen",
                "call check_prompts to see what the session asks now",
            )
        return plan_writes(
            now,
            answer,
            app_cursor_keys=snapshot.app_cursor_keys,
            canonical=self._signals.canonical,
            field=self._field_of(now, snapshot),
        )

    def text_field(self, prompt_id: str, snapshot: ScreenSnapshot) -> Field | None:
        """The prefilled field of text prompt ``prompt_id`` on ``snapshot`` (None: not a
        text prompt, or its field is empty or only hints), which an answer replaces."""
        now = self._still_shown(prompt_id, snapshot)
        if now is None:
            return None
        return self._field_of(now, snapshot)

    def _field_of(self, found: Detection, snapshot: ScreenSnapshot) -> Field | None:
        if found.select != "text":
            return None
        return prefilled(snapshot, canonical=self._signals.canonical)

    def is_gone(self, prompt_id: str, snapshot: ScreenSnapshot) -> bool:
        """After answering: True once ``prompt_id``'s question has left the screen."""
        return self._still_shown(prompt_id, snapshot) is None

    def probes_echo(self, prompt_id: str, snapshot: ScreenSnapshot) -> bool:
        """Whether a text answer to ``prompt_id`` must first check that the field shows what
        is typed (see :mod:`.echo`): a text field read in raw mode."""
        now = self._still_shown(prompt_id, snapshot)
        if now is None or now.select != "text":
            return False
        return needs_probe(canonical=self._signals.canonical, echo_off=self._signals.echo_off)

    def mark_secret(self, prompt_id: str, snapshot: ScreenSnapshot, when: float) -> None:
        """``prompt_id``'s field drew nothing for a typed key: from now on it is reported
        as a secret and answers to it are refused. ``snapshot`` shows the field after the
        probe's character was erased; ``when``: the time now."""
        issued = self._issued.get(prompt_id)
        if issued is None:
            return
        self._issued[prompt_id] = (issued[0], PromptKind.SECRET)
        self._hidden[issued[0]] = None
        while len(self._hidden) > _REMEMBERED_IDS:
            self._hidden.popitem(last=False)
        now = self._still_shown(prompt_id, snapshot)
        if now is not None:
            # While the probe's mask showed, the field read as another prompt or as
            # none; shown as it was again, it is the pending prompt under its own id.
            self._found = dataclasses.replace(now, kind=PromptKind.SECRET, select="none")
            self._current = self._prompt(self._found, when, snapshot=snapshot, prompt_id=prompt_id)
        elif self._current is not None and self._current.prompt_id == prompt_id:
            self._current = self._current.model_copy(update={"kind": PromptKind.SECRET})

    def highlighted(self, prompt_id: str, snapshot: ScreenSnapshot) -> int | None:
        """The highlighted option's index of ``prompt_id`` on ``snapshot``, for a menu answered
        by moving one highlight (None for anything else: checkboxes restyle their rows as
        they are toggled, and a radio list's cursor is not drawn as a highlight)."""
        now = self._still_shown(prompt_id, snapshot)
        if now is None or now.select not in _ONE_HIGHLIGHT:
            return None
        return now.selected_index

    def checked_labels(self, prompt_id: str, snapshot: ScreenSnapshot) -> dict[str, bool] | None:
        """Each visible item's label (without a trailing hint) and drawn state on
        ``prompt_id``'s checkbox list, also once a paged list has scrolled (the same
        question, other rows in view); None for another prompt, gone, or a state the
        screen does not show for every item."""
        issued = self._issued.get(prompt_id)
        if issued is None:
            return None
        now = self._detect(snapshot, math.inf)
        if now is None or now.checked is None:
            return None
        if now.fingerprint != issued[0] and self._questions.get(prompt_id) != _core(now.question):
            return None
        # A hint only the highlighted row shows ("ESLint (recommended)") is no part of it.
        return {
            HINT_SUFFIX.sub("", o.label): on for o, on in zip(now.options, now.checked, strict=True)
        }

    def wanted_checks(
        self, prompt_id: str, answer: str, snapshot: ScreenSnapshot
    ) -> frozenset[int] | None:
        """The items ``answer`` leaves checked when ``prompt_id`` is a checkbox list on
        ``snapshot`` (None otherwise): what the screen must show before confirming."""
        now = self._still_shown(prompt_id, snapshot)
        return None if now is None else wanted_checks(now, answer)

    def scrolls_to(self, prompt_id: str, answer: str, snapshot: ScreenSnapshot) -> bool:
        """Whether ``answer`` names no row of ``prompt_id``'s menu on ``snapshot`` but may
        name one out of view, or a row of a paged menu that may scroll under the arrows:
        the answer loop walks the highlight to it first (see :mod:`.paging`).
        Never for a coding agent's menus: they are never paged, and a wrong answer
        there is refused at once without moving anything."""
        if self.family != "generic":
            return False
        now = self._still_shown(prompt_id, snapshot)
        return now is not None and searchable(now, answer, snapshot)

    def scrolled(self, prompt_id: str, snapshot: ScreenSnapshot) -> Detection | None:
        """``prompt_id``'s menu on ``snapshot``, also once it has scrolled (the same
        question, other rows in view); None for another prompt or none."""
        issued = self._issued.get(prompt_id)
        now = self._detect(snapshot, math.inf)
        if issued is None or now is None or not moves_by_arrows(now):
            return None
        if now.fingerprint != issued[0] and self._questions.get(prompt_id) != _core(now.question):
            return None
        return now

    def checklist(self, prompt_id: str, snapshot: ScreenSnapshot) -> Detection | None:
        """``prompt_id``'s checkbox list on ``snapshot``, also once it has scrolled (the
        same question, other rows in view); None for another prompt, none, or a coding
        agent's screen (its lists are never paged)."""
        issued = self._issued.get(prompt_id)
        now = self._detect(snapshot, math.inf)
        if issued is None or now is None or now.checked is None or self.family != "generic":
            return None
        if now.fingerprint != issued[0] and self._questions.get(prompt_id) != _core(now.question):
            return None
        return now

    def adopt_scrolled(self, prompt_id: str, snapshot: ScreenSnapshot, when: float) -> None:
        """``prompt_id`` now names its menu as scrolled on ``snapshot`` (the rows in view
        changed) and is the pending prompt again: the scrolled rows may have been reported
        under a new id, or as nothing while they moved. ``when``: the time now."""
        now = self.scrolled(prompt_id, snapshot)
        if now is None:
            return
        self._found = now
        self._current = self._prompt(now, when, snapshot=snapshot, prompt_id=prompt_id)

    def tab_cycle(self, prompt_id: str, snapshot: ScreenSnapshot) -> int | None:
        """How many buttons Tab cycles through on ``prompt_id``'s dialog (None: not a
        dialog answered with buttons), so the answer loop can follow the focus."""
        now = self._still_shown(prompt_id, snapshot)
        if now is None or now.select != "buttons":
            return None
        return len(now.options)

    def left_cursor(self, prompt_id: str, snapshot: ScreenSnapshot) -> bool:
        """After a key that may answer alone: True once nothing asks the same question.

        Stricter than :meth:`is_gone`, which a typed character alone can satisfy
        (the line now reads "... (y/N) y", a different fingerprint): here the
        question is compared without its markers and the typed text.
        """
        before = self._questions.get(prompt_id)
        if before is None:
            return self.is_gone(prompt_id, snapshot)
        now = self._detect(snapshot, math.inf)
        if now is None:
            # A word typed after the question ("Is this OK? (yes) no") may stop it from
            # reading as one; the line still holds the question: the program waits on.
            return not (before and _core(snapshot.cursor_line).startswith(before))
        after = _core(now.question)
        return not (after.startswith(before) or before.startswith(after))

    def _still_shown(self, prompt_id: str, snapshot: ScreenSnapshot) -> Detection | None:
        """What ``snapshot`` shows, if it is still the prompt issued as ``prompt_id``."""
        issued = self._issued.get(prompt_id)
        if issued is None:
            return None
        now = self._detect(snapshot, math.inf)
        return now if now is not None and now.fingerprint == issued[0] else None

    def _detect(self, snapshot: ScreenSnapshot, quiet_for: float) -> Detection | None:
        settled = quiet_for >= self._rules.settle_time
        last = self._verdict
        if (
            settled
            and last is not None
            and last[0] is snapshot
            and last[2]
            and last[1] == self._signals
        ):
            return last[3]
        found = detect(
            snapshot, self._rules, family=self.family, quiet_for=quiet_for, signals=self._signals
        )
        self._verdict = (snapshot, self._signals, settled, found)
        return found

    def _remember(self, prompt_id: str, fingerprint: str, kind: PromptKind) -> None:
        self._issued[prompt_id] = (fingerprint, kind)
        self._issued.move_to_end(prompt_id)
        while len(self._issued) > _REMEMBERED_IDS:
            self._issued.popitem(last=False)

    def _prompt(
        self,
        found: Detection,
        now: float,
        reuse: Prompt | None = None,
        snapshot: ScreenSnapshot | None = None,
        prompt_id: str | None = None,
    ) -> Prompt:
        if prompt_id is None:
            prompt_id = (
                reuse.prompt_id if reuse else f"{self.session_id}:{secrets.token_urlsafe(9)}"
            )
        self._remember(prompt_id, found.fingerprint, found.kind)
        self._questions[prompt_id] = _core(found.question)
        while len(self._questions) > _REMEMBERED_IDS:
            self._questions.popitem(last=False)
        # Said where a caller reads about the screen: the options are only those in view.
        partial = snapshot is not None and rows_out_of_view(found, snapshot)
        return Prompt(
            prompt_id=prompt_id,
            session_id=self.session_id,
            kind=found.kind,
            question=found.question,
            options=list(found.options),
            context=[*found.context, PARTIAL_NOTE] if partial else list(found.context),
            source=found.source,
            confidence=found.confidence,
            detected_at=now,
        )


def _core(question: str) -> str:
    """A question without its decorations: markers, bracketed hints, typed text."""
    text = re.sub(r"[\[(][^\])]{0,40}[\])]", " ", question.casefold())
    words = re.sub(r"[^\w]+", " ", text).split()
    if words and len(words[-1]) <= 2:
        words = words[:-1]  # what was typed so far: "y", "3"
    return " ".join(words)[:40]


def _enrich(screen: Prompt, hook: Prompt) -> Prompt:
    """The screen's prompt (its options and keys) with what the hook knows besides."""
    kind = hook.kind if hook.kind is PromptKind.CONFIRM_DANGEROUS else screen.kind
    source = screen.source
    if not source.startswith(f"{hook.source}+"):
        source = f"{hook.source}+{source}"
    return screen.model_copy(
        update={
            "kind": kind,
            "context": list(hook.context) or list(screen.context),
            "source": source,
            "confidence": max(screen.confidence, hook.confidence),
        }
    )
