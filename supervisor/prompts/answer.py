"""Turning a phone's answer into keystrokes for a detected prompt. Pure.

An answer may be an option number ("2"), an option label (case-insensitive:
exact first, then a unique prefix), an option's key ("d"), yes/no words, or
free text for a ``text`` prompt or a menu offering "Type something.". Menus
are answered by moving the highlight with arrow keys from the highlighted row
to the chosen one and pressing Enter: digit keys are unreliable in Claude Code
and their meaning shifts with the number of options. Each element of the
returned list is written separately, so an Ink-style TUI never mistakes
"text + Enter" in one burst for a paste.
"""

from __future__ import annotations

import re

from shared.errors import TetherError
from shared.protocol import ErrorCode, PromptKind, PromptOption
from supervisor.prompts.detect import Detection
from supervisor.prompts.prefill import Field
from supervisor.prompts.structure_rows import (
    AFFIRMATIVE as _AFFIRMATIVE,
    NEGATIVE as _NEGATIVE,
    NO_WORDS as _NO,
    YES_WORDS as _YES,
)

ENTER = b"\r"
SPACE = b" "
TAB = b"\t"
# An empty write is a checkpoint: stop here if the prompt has already left the
# screen (a raw-mode confirm that takes "y" alone must not get a stray Enter).
CHECKPOINT = b""
KEY_BYTES = {"enter": b"\r", "esc": b"\x1b", "space": b" ", "tab": b"\t"}
_FREE_TEXT = re.compile(r"(?i)^type something\b")
_DIALOG_RULE = "structure.dialog"  # a boxed dialog's input field (see structure_menus)


class PromptError(TetherError):
    """An answer that cannot be sent; ``code`` is the protocol error code."""

    def __init__(self, code: ErrorCode, message: str, hint: str = "") -> None:
        super().__init__(message, hint, code=code)


def plan_writes(
    found: Detection,
    answer: str,
    *,
    app_cursor_keys: bool = False,
    canonical: bool = True,
    field: Field | None = None,
) -> list[bytes]:
    """The writes that give ``answer`` to ``found``. Raises :class:`PromptError`.

    ``canonical`` is the terminal's mode: in raw mode a single key may already
    answer, so a :data:`CHECKPOINT` precedes the Enter that would otherwise follow.
    ``field``: the text field already holds this value (see :mod:`.prefill`), so
    an answer first clears it (Ctrl-U, or Ctrl-K for a value after the cursor); an
    empty answer keeps it.
    """
    if found.kind is PromptKind.SECRET or found.select == "none":
        raise secret_error()
    if found.select == "text":
        writes = _text_writes(answer)
        if found.rule == _DIALOG_RULE:
            # prompt_toolkit's input dialog takes the first Enter as "go to Ok": a second
            # one, only while the dialog is still there, presses it (whiptail's is gone).
            writes += [CHECKPOINT, ENTER]
        return [field.kill, *writes] if field is not None and answer else writes
    current = found.selected_index or 0
    if found.kind is PromptKind.MULTI_CHOICE or found.select.startswith(
        ("checkbox", "dialog_check")
    ):
        toggles = checkbox_toggles(found, answer)
        if found.positions is not None:
            # Group titles between the items: the arrows count them too.
            current = found.position or 0
            toggles = [found.positions[t] for t in toggles]
        ticks = _arrow_ticks(found, toggles, app_cursor_keys)
        writes = _toggle_writes(current, toggles, app_cursor_keys, ticks)
        return writes[:-1] + [TAB, ENTER] if found.select.endswith("_tab") else writes
    try:
        index = choose_option(found.options, answer, found.kind)
    except PromptError:
        free = _free_text_row(found)
        if free is None or not answer.strip():
            raise
        # Claude's AskUserQuestion ends with "Type something.": highlight it, type, Enter.
        moves = arrow_writes(current, free, app_cursor_keys=app_cursor_keys)[:-1]
        return moves + _text_writes(answer)
    if found.select in ("arrows", "dialog_menu"):
        return arrow_writes(current, index, app_cursor_keys=app_cursor_keys)
    if found.select.startswith("dialog_radio"):
        moves = arrow_writes(current, index, app_cursor_keys=app_cursor_keys)[:-1] + [SPACE]
        return moves + ([TAB, ENTER] if found.select.endswith("_tab") else [ENTER])
    if found.select == "buttons":
        if found.selected_index is None:
            raise PromptError(
                ErrorCode.INVALID_ANSWER,
                "the screen does not show which button has the focus, so Tether will not "
                "guess which key picks your answer",
                "read the screen with get_logs and use send_keys (Tab, Enter) if you are sure",
            )
        count = len(found.options)
        return [TAB] * ((index - found.selected_index) % count) + [ENTER]
    if found.select == "toggle":
        # Two words side by side ("No / Yes"): an arrow toward the chosen one, unless
        # it is already the highlighted one (some toggles flip on any arrow).
        if found.selected_index == index:
            return [ENTER]
        intro = b"\x1bO" if app_cursor_keys else b"\x1b["
        return [intro + (b"C" if index == len(found.options) - 1 else b"D"), ENTER]
    key = found.options[index].key
    data = KEY_BYTES.get(key, key.encode())
    if not found.submit or data == ENTER:
        return [data]
    if not canonical or found.select == "key_raw":
        return [data, CHECKPOINT, ENTER]
    return [data, ENTER]


def choose_many(options: tuple[PromptOption, ...], answer: str) -> list[int]:
    """The options a checkbox answer names: one label, or several separated by commas
    or newlines (each a number, a label or a unique prefix). Empty: none."""
    if not answer.strip():
        return []
    try:
        return [choose_option(options, answer, PromptKind.MULTI_CHOICE)]
    except PromptError:
        pass
    parts = [p for p in re.split(r"\s*[,\n]\s*", answer.strip()) if p]
    chosen: list[int] = []
    for part in parts:
        index = choose_option(options, part, PromptKind.MULTI_CHOICE)
        if index not in chosen:
            chosen.append(index)
    return chosen


def wanted_checks(found: Detection, answer: str) -> frozenset[int] | None:
    """The option indexes ``answer`` leaves checked on a checkbox list, or None when
    ``found`` is not one. Raises :class:`PromptError` for labels it does not offer."""
    if found.kind is not PromptKind.MULTI_CHOICE and not found.select.startswith(
        ("checkbox", "dialog_check")
    ):
        return None
    return frozenset(choose_many(found.options, answer))


def checkbox_toggles(found: Detection, answer: str) -> list[int]:
    """The items to toggle so that exactly the ones ``answer`` names end up checked:
    those whose drawn state differs from the wanted one. Raises :class:`PromptError`
    when the screen does not show every item's state (a guess could uncheck a choice)."""
    wanted = wanted_checks(found, answer) or frozenset()
    if found.checked is None or len(found.checked) != len(found.options):
        raise PromptError(
            ErrorCode.INVALID_ANSWER,
            "the screen does not show whether every item of this list is checked, so Tether "
            "cannot tell which items to toggle and will not guess",
            "read the screen with get_logs and use send_keys (arrows, Space, Enter) if sure",
        )
    current = {i for i, on in enumerate(found.checked) if on}
    return sorted(current ^ wanted)


def _arrow_ticks(
    found: Detection, targets: list[int], app_cursor_keys: bool
) -> dict[int, bytes] | None:
    """For a list whose legend ticks with → and unticks with ← (``checkbox_arrows``):
    the key each target row takes, by its drawn state; None for Space lists."""
    if found.select != "checkbox_arrows" or found.checked is None:
        return None
    intro = b"\x1bO" if app_cursor_keys else b"\x1b["
    by_option = {t: i for i, t in enumerate(found.positions or range(len(found.options)))}
    return {t: intro + (b"D" if found.checked[by_option.get(t, t)] else b"C") for t in targets}


def _toggle_writes(
    current: int,
    targets: list[int],
    app_cursor_keys: bool,
    ticks: dict[int, bytes] | None = None,
) -> list[bytes]:
    """Move to each target in screen order (top down, or bottom up when that is the
    shorter walk from the highlighted row) and press Space (or the key ``ticks`` names
    for that row), then Enter to submit."""
    down, up = sorted(targets), sorted(targets, reverse=True)
    if down and abs(current - up[0]) + up[0] - up[-1] < abs(current - down[0]) + up[0] - down[0]:
        down = up
    writes: list[bytes] = []
    for target in down:
        writes += arrow_writes(current, target, app_cursor_keys=app_cursor_keys)[:-1]
        writes.append(SPACE if ticks is None else ticks[target])
        current = target
    return writes + [ENTER]


def secret_error() -> PromptError:
    return PromptError(
        ErrorCode.PROMPT_SECRET,
        "this prompt asks for a password or passphrase: the owner must type it locally",
        "Tether never relays secrets; type it at the computer",
    )


def arrow_writes(current: int, target: int, *, app_cursor_keys: bool) -> list[bytes]:
    """Up/Down presses from the highlighted row to ``target``, then Enter.

    DECCKM (application cursor keys) changes the arrows from ``ESC [ A`` to ``ESC O A``.
    """
    intro = b"\x1bO" if app_cursor_keys else b"\x1b["
    key = intro + (b"B" if target > current else b"A")
    return [key] * abs(target - current) + [ENTER]


def choose_option(options: tuple[PromptOption, ...], answer: str, kind: PromptKind) -> int:
    """The index of the option ``answer`` names. Raises INVALID_ANSWER listing the options."""
    word = answer.strip()
    folded = word.casefold()
    if not options:
        raise _invalid(answer, options)
    if kind is PromptKind.PRESS_ENTER and (not word or folded in _YES or folded == "enter"):
        return 0
    if word.isdigit() and all(o.key.isdigit() for o in options):
        # A list numbered on screen (maybe from 0): the number shown is what is meant.
        for index, option in enumerate(options):
            if option.key == word:
                return index
    if word.isdigit() and 1 <= int(word) <= len(options):
        return int(word) - 1
    for index, option in enumerate(options):
        if option.label.casefold() == folded:
            return index
    for index, option in enumerate(options):
        if word and option.key.casefold() == folded:
            return index
    if folded in _YES or folded in _NO:
        lead = "yes" if folded in _YES else "no"
        for index, option in enumerate(options):
            first = option.label.casefold().replace(",", " ").split()
            if first and first[0] == lead:
                return index  # the first "Yes…" is the narrowest grant in every menu we know
        if kind is PromptKind.YES_NO and len(options) == 2:
            return _custom_yes_no(options, lead == "yes")
    if word:
        matches = [i for i, o in enumerate(options) if o.label.casefold().startswith(folded)]
        if len(matches) == 1:
            return matches[0]
    raise _invalid(answer, options)


def _custom_yes_no(options: tuple[PromptOption, ...], yes: bool) -> int:
    """Which of two custom labels ("Continue / Back", "Deploy / Cancel") means yes.

    The one whose first word says so; else the one that is not a refusal; else
    the first, as every yes/no dialog we know (whiptail --yes-button, dialog
    --yes-label, prompt_toolkit, clack's active/inactive) draws yes first.
    """
    firsts = [(o.label.casefold().split() or [""])[0] for o in options]
    affirmative = [i for i, w in enumerate(firsts) if w in _AFFIRMATIVE]
    negative = [i for i, w in enumerate(firsts) if w in _NEGATIVE]
    if len(affirmative) == 1:
        yes_at = affirmative[0]
    elif len(negative) == 1:
        yes_at = 1 - negative[0]
    else:
        yes_at = 0
    return yes_at if yes else 1 - yes_at


def _free_text_row(found: Detection) -> int | None:
    if found.select != "arrows":
        return None
    for index, option in enumerate(found.options):
        if _FREE_TEXT.match(option.label):
            return index
    return None


def _text_writes(answer: str) -> list[bytes]:
    if any(ord(c) < 32 or ord(c) == 127 for c in answer):
        raise PromptError(
            ErrorCode.INVALID_ANSWER,
            "the answer contains control characters (newline, escape...)",
            "send one line of plain text; use send_keys for special keys",
        )
    return [answer.encode(), ENTER] if answer else [ENTER]


def _invalid(answer: str, options: tuple[PromptOption, ...]) -> PromptError:
    listed = "; ".join(f"{o.number}. {o.label}" for o in options) or "(none)"
    return PromptError(
        ErrorCode.INVALID_ANSWER,
        f"{answer!r} matches none of the options: {listed}",
        "answer with an option's number or its label (a unique prefix is enough)",
    )
