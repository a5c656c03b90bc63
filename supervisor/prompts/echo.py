"""Whether a text field shows what is typed into it: the secret-field probe. Pure.

A line prompt in canonical mode is echoed by the kernel (or, with ECHO off, is
already known to be a password prompt). A raw-mode program draws its field
itself, and some draw nothing at all for typed keys (enquirer's ``Invisible``, a
hand-rolled raw reader): a field that looks like any other question but holds a
secret. So an answer into a raw-mode field types its first character alone and
compares the screen before and after (:func:`echoed`); a field that drew nothing
but masks (``*``, ``•``) for it is taken for a secret, the character is erased, and
nothing more is typed. Unless the screen shows selectable rows under the field
(:func:`lists_below`): a key that drew nothing there may have gone to a list the
detector did not read, so the prompt is not called secret, only left alone.
"""

from __future__ import annotations

import re

from supervisor.screen import ScreenSnapshot

ERASE = b"\x7f"  # Backspace as terminals send it (DEL): erases the probe character
# What password fields draw in place of each typed character.
MASKS = frozenset("*•●∙·✱⁕▪◼■")


# A row one could select: a pointer maybe, then a radio or check box, then a label.
_SELECTABLE = re.compile(r"^\s*(?:[❯›»▸➤→>▶►]\s*)?(?:[○◯●◉◻◼□■☐☑☒]|\[[ xX*]\]|\([ *•xX]\))\s*\S")


def needs_probe(*, canonical: bool, echo_off: bool) -> bool:
    """Whether a text answer must be probed: the terminal is in raw mode, where the
    program alone decides what a typed key draws. (Canonical mode with ECHO on is
    echoed by the kernel; with ECHO off it is a password prompt, refused earlier.)"""
    return not canonical or echo_off


def first_char(answer: str) -> tuple[bytes, bytes]:
    """``answer`` encoded, split after its first character: (probe, rest)."""
    return answer[:1].encode(), answer[1:].encode()


def echoed(before: ScreenSnapshot, after: ScreenSnapshot) -> bool:
    """Whether typing one character drew something other than masks.

    True when any row changed by more than whitespace and mask characters: the
    character itself, a placeholder cleared, a filtered list; or when the field's row
    (the cursor's before the key) kept its text but drew its visible characters in
    other styles: a field that redraws its initial value as a placeholder (enquirer's
    ``initial``) shows the same text after a key that matches the value's next
    character, but the typed part is no longer drawn as placeholder. False when the
    rows are the same (only the cursor may have moved, or a drawn cursor over blanks),
    gained only masks, or changed only their styles away from the field (a hint or
    footer on its own clock).
    """
    rows = max(len(before.lines), len(after.lines))
    for row in range(rows):
        old = before.lines[row] if row < len(before.lines) else ""
        new = after.lines[row] if row < len(after.lines) else ""
        if old != new and _plain(old) != _plain(new):
            return True
        if (
            row == before.cursor_row
            and old == new
            and _restyled(old, before.style_of(row), after.style_of(row))
        ):
            return True
    return False


def _restyled(line: str, old: str, new: str) -> bool:
    """Whether ``line``'s visible characters are grouped into styles differently in the
    two style strings. Style characters are numbered per snapshot, so the grouping is
    compared, never the characters themselves."""
    cells = [i for i, ch in enumerate(line) if not ch.isspace() and ch not in MASKS]
    return _grouping(old, cells) != _grouping(new, cells)


def _grouping(style: str, cells: list[int]) -> list[int]:
    """Each cell's style as the order in which that style first appears among ``cells``."""
    seen: dict[str, int] = {}
    return [seen.setdefault(style[i] if i < len(style) else " ", len(seen)) for i in cells]


def _plain(line: str) -> str:
    return "".join(c for c in line if not c.isspace() and c not in MASKS)


def lists_below(snapshot: ScreenSnapshot) -> bool:
    """Whether two or more rows under the cursor are drawn as selectable rows (a box
    or radio mark before a label): a list that a typed key may move or filter."""
    rows = snapshot.lines[snapshot.cursor_row + 1 :]
    return sum(1 for row in rows if _SELECTABLE.match(row)) >= 2
