"""What detection produces and consumes: the OS signals and a found prompt. Pure values."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from shared.protocol import PromptKind, PromptOption

HINT_SUFFIX = re.compile(r"\s+(?:\([^()]*\)|-\s.*)$")


@dataclass(frozen=True)
class Signals:
    """Facts from the OS about the terminal's foreground program (Linux; optional).

    ``echo_off`` means a secret only in canonical (line) mode: a raw-mode TUI
    (Claude Code, bash's readline) also turns ECHO off. Callers that cannot read
    ICANON leave ``canonical`` True; full-screen (alternate screen) programs are
    never taken for a password prompt either way.

    ``blocked_on_read``: a process of the foreground group sleeps in the tty's
    read (a line prompt waits). ``elsewhere``: the OS could tell, and every
    process of the foreground group waits on something other than the terminal
    (a timer, a child): whatever the screen shows, nobody is reading it now.
    ``interactive``: the reader is a shell or interpreter at its own prompt
    (``bash -i``, ``python`` with no script): its prompt asks nothing, however
    it reads ("ready? ").
    ``programs``: the names (``/proc/<pid>/comm``) of the foreground group's
    processes that may be reading the terminal; empty when unknown. When they are
    all viewers or editors (``less``, ``vim``; the rule files' ``viewers``), the
    screen shows a document, never a question.
    ``busy``: neither reading nor elsewhere was seen this quiet spell, and at the last
    sample a process was running (on a CPU) while none waited in a poll, or output no
    keystroke caused has not yet been quiet for a redraw period (a live display may
    redraw on its own clock; :mod:`supervisor.probe_window`): the screen's structure
    waits for a later sample before it counts as a question.
    """

    echo_off: bool = False
    blocked_on_read: bool = False
    canonical: bool = True
    elsewhere: bool = False
    interactive: bool = False
    programs: tuple[str, ...] = ()
    busy: bool = False


@dataclass(frozen=True)
class Detection:
    """A prompt found on screen. ``select``/``submit`` tell the tracker how to answer it."""

    rule: str
    kind: PromptKind
    question: str
    options: tuple[PromptOption, ...]
    context: tuple[str, ...]
    source: str
    confidence: float
    select: str = "key"
    submit: bool = True
    # A checkbox list's state as drawn, one flag per option (True: checked); None when
    # the screen does not say for every item. Not part of the fingerprint: toggling
    # an item keeps the question the same.
    checked: tuple[bool, ...] | None = None
    # A list whose arrows also stop on rows that are no options (clack's group titles):
    # each option's row among the rows the arrows visit, and the highlighted one's.
    # None when every row is an option.
    positions: tuple[int, ...] | None = None
    position: int | None = None

    @property
    def fingerprint(self) -> str:
        """Identity of the question, not of the highlight: moving ❯ keeps it, and so does
        a hint that only the highlighted row shows ("TypeScript (recommended)")."""
        labels = [HINT_SUFFIX.sub("", o.label) for o in self.options]
        parts = [self.rule, " ".join(self.question.split())] + labels
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]

    @property
    def selected_index(self) -> int | None:
        for index, option in enumerate(self.options):
            if option.selected:
                return index
        return None
