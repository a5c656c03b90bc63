"""Pure prompt screens for the detector's tests: text in, a snapshot and a detection out.

The OS signals are named for the program they stand for, so a test reads as the
situation it sets up (a TUI owns the keyboard, a line reader waits, nobody reads).
"""

from __future__ import annotations

import math

from supervisor.prompts import PromptTracker
from supervisor.prompts.detect import Detection, Signals, detect
from supervisor.prompts.tracker import default_rules
from supervisor.screen import ScreenSnapshot, TerminalModel

ESC = "\x1b"
RAW = Signals(echo_off=True, canonical=False)  # a TUI or getchar owns the keyboard
READING = Signals(blocked_on_read=True)  # a line reader sleeps in the tty's read
LINE = Signals()  # line mode, nobody known to read
NOBODY = Signals(elsewhere=True)  # every process sleeps on a timer or a child


def screen(text: str, *, cols: int = 80, rows: int = 24) -> TerminalModel:
    """A terminal that was sent ``text`` (newlines as CR LF, as a PTY in cooked mode sends)."""
    model = TerminalModel(cols=cols, rows=rows)
    model.feed(text.replace("\n", "\r\n").encode())
    return model


def snap(text: str, *, cols: int = 80, rows: int = 24) -> ScreenSnapshot:
    return screen(text, cols=cols, rows=rows).snapshot()


def found(
    text: str,
    signals: Signals = RAW,
    *,
    family: str = "generic",
    quiet_for: float = math.inf,
    cols: int = 80,
    rows: int = 24,
) -> Detection | None:
    """What the detector finds on ``text`` with the default rules, or None."""
    return detect(
        snap(text, cols=cols, rows=rows),
        default_rules(),
        family=family,
        quiet_for=quiet_for,
        signals=signals,
    )


def must(
    text: str,
    signals: Signals = RAW,
    *,
    family: str = "generic",
    cols: int = 80,
    rows: int = 24,
) -> Detection:
    """The detection on ``text``; the test fails, showing the screen, when there is none."""
    result = found(text, signals, family=family, cols=cols, rows=rows)
    assert result is not None, text
    return result


def labels(d: Detection) -> list[str]:
    return [o.label for o in d.options]


# ---------------------------------------------------------------- a tracker and Claude's menu

SESSION = "sess_0001"
PERMISSION = [
    "Yes",
    "Yes, and don't ask again for npm commands",
    "No, and tell Claude what to do differently (esc)",
]


def render(text: str, *, prefix: str = "", cols: int = 90, rows: int = 20) -> ScreenSnapshot:
    model = TerminalModel(cols=cols, rows=rows)
    model.feed((prefix + text.replace("\n", "\r\n")).encode())
    return model.snapshot()


def menu(
    question: str, labels: list[str], selected: int = 0, *, prefix: str = ""
) -> ScreenSnapshot:
    rows = [question] + [
        ("❯ " if i == selected else "  ") + f"{i + 1}. {label}" for i, label in enumerate(labels)
    ]
    return render("\n".join(["Bash command", "", "  npm test", ""] + rows), prefix=prefix)


def tracker(family: str = "claude") -> PromptTracker:
    return PromptTracker(SESSION, family)
