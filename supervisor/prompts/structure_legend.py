"""What a list's key legend says about ticking its rows. Pure.

Most checkbox lists tick with Space. Some draw a legend that names other keys, and
Space does nothing there (or filters): survey's basket ("move: ↑↓ | pick: → all: →→ |
unpick: ← all: ←←"), @topcli/prompts' multiselect ("<Left/Right> to toggle"). The
legend, read here, decides two things the marker column cannot: that a list of
``●``/``○`` rows is a checkbox list (it says "toggle"), and which keys tick and untick.
"""

from __future__ import annotations

import re

# A key named as toggling rows: "<Left/Right> to toggle", "space to toggle", "toggle
# all". Never the word alone: a two-way yes/no toggle widget is no checkbox list.
_TOGGLES = re.compile(r"(?i)\bto\s+toggle\b|\btoggles?\s+all\b|\bspace\b.{0,12}\btoggle")
# The right arrow named as the ticking key ("pick: →", "→ to select", "<Left/Right> to
# toggle"), and the left one as the unticking key (or as a toggle with the right one).
_RIGHT_TICKS = re.compile(
    r"(?i)\b(?:pick|select|check|tick|add)\s*[:=]?\s*(?:→|<?right>?)(?!\w)"
    r"|(?:→|<?right>?|<?left\s*/\s*right>?)\s+(?:to\s+)?(?:toggle|pick|select|check|tick)\b"
)
_LEFT_UNTICKS = re.compile(
    r"(?i)\b(?:unpick|deselect|uncheck|untick|remove)\s*[:=]?\s*(?:←|<?left>?)(?!\w)"
    r"|(?:←|<?left>?)\s+(?:to\s+)?(?:unpick|deselect|uncheck|untick)\b"
    r"|<?left\s*/\s*right>?\s+(?:to\s+)?toggle\b"
)
_SPACE = re.compile(r"(?i)\bspace\b|<space>|␣")


def names_toggle(legend: str) -> bool:
    """Whether ``legend`` names a key that toggles rows: the list is a checkbox list."""
    return bool(_TOGGLES.search(legend))


def ticks_with_arrows(legend: str) -> bool:
    """Whether ``legend`` says → ticks a row and ← unticks it, and names no Space key:
    the answer then presses those instead of Space (select ``checkbox_arrows``)."""
    return (
        not _SPACE.search(legend)
        and bool(_RIGHT_TICKS.search(legend))
        and bool(_LEFT_UNTICKS.search(legend))
    )
