"""Numbered selection menus (permission, edit, trust), as Claude Code draws them. Pure.

A :class:`Menu` holds labelled options in display order, which ``shuffle`` may
permute so callers prove they answer by label, not by position. Keys:
↑/↓ move the highlight (clamped, no wrap), a digit picks that row at once,
Enter picks the highlighted row, Esc and Ctrl-C pick the ``cancel`` option,
Shift+Tab picks the ``always`` option where the dialog advertises it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from supervisor.mock_agent.keys import Key


@dataclass(frozen=True)
class Option:
    """A menu row. ``role`` is what the choice means: ``yes``, ``always`` or ``cancel``."""

    label: str
    role: str


@dataclass
class Menu:
    options: list[Option]
    highlighted: int = 0
    shift_tab_picks_always: bool = False
    _cancel: int = field(init=False, default=-1)

    def __post_init__(self) -> None:
        if not self.options:
            raise ValueError("a menu needs at least one option")
        roles = [o.role for o in self.options]
        self._cancel = roles.index("cancel") if "cancel" in roles else len(roles) - 1

    def shuffle(self, rng: random.Random) -> None:
        rng.shuffle(self.options)
        self.__post_init__()

    def press(self, key: Key) -> Option | None:
        """Apply one key; return the chosen option, or None while the menu stays open."""
        if key.name == "up":
            self.highlighted = max(0, self.highlighted - 1)
        elif key.name == "down":
            self.highlighted = min(len(self.options) - 1, self.highlighted + 1)
        elif key.name == "enter":
            return self.options[self.highlighted]
        elif key.name in ("esc", "ctrl_c"):
            return self.options[self._cancel]
        elif key.name == "shift_tab" and self.shift_tab_picks_always:
            return next((o for o in self.options if o.role == "always"), None)
        elif key.name == "char" and key.text.isdigit():
            n = int(key.text)
            if 1 <= n <= len(self.options):
                self.highlighted = n - 1
                return self.options[n - 1]
        return None


def permission_menu(command: str, cwd: str) -> Menu:
    return Menu(
        [
            Option("Yes", "yes"),
            Option(
                f"Yes, and don't ask again for {command_prefix(command)} commands in {cwd}",
                "always",
            ),
            Option("No, and tell Claude what to do differently (esc)", "cancel"),
        ]
    )


def edit_menu() -> Menu:
    return Menu(
        [
            Option("Yes", "yes"),
            Option("Yes, allow all edits during this session (shift+tab)", "always"),
            Option("No, and tell Claude what to do differently (esc)", "cancel"),
        ],
        shift_tab_picks_always=True,
    )


def trust_menu() -> Menu:
    return Menu([Option("Yes, I trust this folder", "yes"), Option("No, exit", "cancel")])


def command_prefix(command: str) -> str:
    """The rule a "don't ask again" answer would store: the program and its subcommand."""
    words = command.split()
    if len(words) >= 2 and words[1].replace("-", "").isalnum() and not words[1].startswith("-"):
        return " ".join(words[:2])
    return words[0] if words else command
