"""Everything the mock agent draws, as strings: styles, screens, and an Ink-like live region. Pure.

Output is split the way Ink splits it: *static* lines are printed once and
scroll away; the *live region* at the bottom (input box, spinner, dialog) is
redrawn in place by moving the cursor up over its previous frame (CSI A),
rewriting each line and erasing leftovers (CSI K, CSI J). The spinner alone is
updated by saving the cursor (ESC 7), moving to its row, rewriting, restoring
(ESC 8). Nothing here writes: callers send the returned strings to the terminal.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from supervisor.mock_agent.menu import Menu

SPINNER_GLYPHS = "✢✳✶✻✽"
SPINNER_VERBS = ("Thinking", "Pondering", "Noodling", "Percolating", "Musing")
RULE = "─"
_SGR = re.compile(r"\x1b\[[0-9;]*m")


@dataclass(frozen=True)
class Style:
    """SGR colouring, or none at all with ``color=False`` (``--no-color``, ``NO_COLOR``)."""

    color: bool = True

    def _sgr(self, code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.color and text else text

    def accent(self, text: str) -> str:  # Claude's orange
        return self._sgr("38;5;174", text)

    def select(self, text: str) -> str:  # the highlighted menu row
        return self._sgr("38;5;75", text)

    def dim(self, text: str) -> str:
        return self._sgr("2", text)

    def bold(self, text: str) -> str:
        return self._sgr("1", text)

    def red(self, text: str) -> str:
        return self._sgr("31", text)

    def green(self, text: str) -> str:
        return self._sgr("32", text)


def width(text: str) -> int:
    """Display columns of ``text`` once SGR sequences are removed (wide CJK counts 2)."""
    total = 0
    for ch in _SGR.sub("", text):
        if unicodedata.combining(ch):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def rows_of(text: str, cols: int) -> int:
    """Terminal rows a line occupies once it wraps at ``cols``."""
    return max(1, -(-width(text) // max(1, cols)))


class LiveRegion:
    """The redrawn bottom of the screen; tracks how tall it is and where the cursor sits."""

    def __init__(self) -> None:
        self._line_rows: list[int] = []
        self._cursor_row = 0  # row of the cursor, counted from the region's top

    def render(self, lines: list[str], cols: int, cursor: tuple[int, int] | None = None) -> str:
        """Replace the previous frame with ``lines``; park the cursor at (line, column)."""
        out = [self._to_top()]
        for i, line in enumerate(lines):
            out.append(line)
            out.append(_erase_rest(line, cols))
            if i < len(lines) - 1:
                out.append("\r\n")
        out.append("\x1b[J")
        self._line_rows = [rows_of(line, cols) for line in lines]
        end_row = max(0, sum(self._line_rows) - 1)
        self._cursor_row = end_row
        if cursor is not None and lines:
            row, col = self._locate(cursor, cols)
            if end_row > row:
                out.append(f"\x1b[{end_row - row}A")
            out.append(f"\x1b[{col + 1}G")
            self._cursor_row = row
        return "".join(out)

    def update_line(self, index: int, line: str, cols: int) -> str | None:
        """Rewrite one line in place (save, move, write, restore).

        Returns None when the line would change height: the caller must render in full.
        """
        if not 0 <= index < len(self._line_rows) or rows_of(line, cols) != self._line_rows[index]:
            return None
        target = sum(self._line_rows[:index])
        delta = self._cursor_row - target
        move = f"\x1b[{delta}A" if delta > 0 else f"\x1b[{-delta}B" if delta < 0 else ""
        return f"\x1b7{move}\r{line}{_erase_rest(line, cols)}\x1b8"

    def clear(self) -> str:
        """Erase the region; the cursor ends where the next frame or static line will start."""
        out = self._to_top() + "\x1b[J"
        self._line_rows, self._cursor_row = [], 0
        return out

    def commit(self, lines: list[str]) -> str:
        """Erase the region and print ``lines`` as static output above where it will be redrawn."""
        return self.clear() + "".join(f"{line}\r\n" for line in lines)

    def _to_top(self) -> str:
        return f"\x1b[{self._cursor_row}A\r" if self._cursor_row else "\r"

    def _locate(self, cursor: tuple[int, int], cols: int) -> tuple[int, int]:
        line, col = cursor
        line = min(max(0, line), len(self._line_rows) - 1)
        within = min(col // max(1, cols), self._line_rows[line] - 1)
        return sum(self._line_rows[:line]) + within, min(col - within * cols, cols - 1)


# --- screens ---------------------------------------------------------------------------------


def banner(style: Style, cwd: str, cols: int) -> list[str]:
    """The welcome box, like Claude Code's, sized to the content but never wider than the screen."""
    inner = max(46, width(cwd) + 9)
    inner = max(10, min(inner, cols - 2))
    shown_cwd = _clip_left(cwd, inner - 9)
    body = [
        style.accent("✻") + " " + style.bold("Welcome to Mock Claude!"),
        "",
        style.dim("  /help for help, /exit to quit"),
        "",
        style.dim(f"  cwd: {shown_cwd}"),
    ]
    top = style.accent("╭" + RULE * inner + "╮")
    bottom = style.accent("╰" + RULE * inner + "╯")
    side = style.accent("│")
    rows = [f"{side} {_pad(_clip(line, inner - 2), inner - 2)} {side}" for line in body]
    return [top, *rows, bottom, ""]


def input_box(style: Style, text: str, cols: int, footer: str) -> tuple[list[str], tuple[int, int]]:
    """The idle input box: its lines, and the cursor (line, column) at the end of the text."""
    rule = style.dim(RULE * cols)
    typed = text.split("\n")
    rows = [("❯ " if i == 0 else "  ") + line for i, line in enumerate(typed)]
    lines = [rule, *rows, rule, style.dim(f"  {footer}")]
    return lines, (len(typed), width(rows[-1]))


def spinner_line(style: Style, turn: int, tick: int, seconds: int) -> str:
    glyph = SPINNER_GLYPHS[tick % len(SPINNER_GLYPHS)]
    verb = SPINNER_VERBS[turn % len(SPINNER_VERBS)]
    return style.accent(f"{glyph} {verb}…") + style.dim(f" ({seconds}s · esc to interrupt)")


def menu_rows(style: Style, menu: Menu) -> list[str]:
    rows = []
    for i, option in enumerate(menu.options):
        if i == menu.highlighted:
            rows.append(style.select(f"❯ {i + 1}. {option.label}"))
        else:
            rows.append(f"  {i + 1}. {option.label}")
    return rows


def permission_dialog(style: Style, command: str, menu: Menu, cols: int) -> list[str]:
    return [
        style.accent(RULE * cols),
        style.bold("Bash command"),
        "",
        f"  {command}",
        style.dim("  Run a shell command (mock: nothing is executed)"),
        "",
        "Do you want to proceed?",
        *menu_rows(style, menu),
        "",
        style.dim("Esc to cancel · Tab to amend"),
    ]


def edit_dialog(style: Style, path: str, menu: Menu, cols: int) -> list[str]:
    return [
        style.accent(RULE * cols),
        style.bold("Edit file"),
        style.dim(f"  {path}"),
        style.dim("╌" * min(cols, 40)),
        "  1  def main():",
        style.red('  2 -    print("hello")'),
        style.green('  2 +    print("hello, world")'),
        style.dim("╌" * min(cols, 40)),
        f"Do you want to make this edit to {path}?",
        *menu_rows(style, menu),
        "",
        style.dim("Esc to cancel · Tab to amend"),
    ]


def trust_dialog(style: Style, cwd: str, menu: Menu, cols: int) -> list[str]:
    return [
        style.accent(RULE * cols),
        style.bold("Accessing workspace:"),
        "",
        f"  {cwd}",
        "",
        "Quick safety check: Is this a project you created or one you trust?",
        "(Like your own code, a well-known open source project, or work from your team.)",
        "If not, take a moment to review what's in this folder first.",
        "",
        "Mock Claude will be able to read, edit, and execute files here.",
        "",
        *menu_rows(style, menu),
        "",
        style.dim("Enter to confirm · Esc to cancel"),
    ]


def reply_lines(style: Style, text: str) -> list[str]:
    """An assistant message: ``⏺`` on the first line, the rest indented under it."""
    lines = text.split("\n")
    return [style.bold("⏺") + " " + lines[0], *(f"  {line}" for line in lines[1:]), ""]


def user_lines(style: Style, text: str) -> list[str]:
    lines = text.split("\n")
    return [style.dim(f"> {lines[0]}"), *(style.dim(f"  {line}") for line in lines[1:]), ""]


def _erase_rest(line: str, cols: int) -> str:
    """EL after a line, to wipe what the previous frame left on its last row.

    Not when the line ends exactly at the right margin: the cursor then sits in
    the pending-wrap state, where EL would erase the line's own last cell.
    """
    used = width(line)
    return "" if used and used % max(1, cols) == 0 else "\x1b[K"


def _clip(text: str, limit: int) -> str:
    return text if width(text) <= limit else _SGR.sub("", text)[: max(0, limit - 1)] + "…"


def _clip_left(text: str, limit: int) -> str:
    return text if len(text) <= limit else "…" + text[len(text) - max(0, limit - 1) :]


def _pad(text: str, size: int) -> str:
    return text + " " * max(0, size - width(text))
