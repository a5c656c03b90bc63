"""The terminal model: raw PTY bytes in, a readable screen out. The only pyte import.

Pure: no file descriptors. The session feeds it bytes it already journaled, so
a slow model never slows the PTY reader (the screen catches up on demand).

What pyte 0.8.2 lacks and :class:`_Screen` adds:

* the alternate screen (private modes 47/1047/1049): a full-screen TUI gets a
  fresh buffer and the shell's screen comes back intact when it leaves;
* scrollback, captured by overriding ``index()`` (``HistoryScreen`` wraps every
  attribute access and is 3-7x slower): rows that scroll off the top of the main
  screen are kept by reference and rendered lazily, in a bounded deque;
* replies to terminal queries (DSR ``CSI 6n``/``CSI 5n``, DA ``CSI c``), which
  ``pyte`` drops: without them some CLIs (crossterm, Codex) refuse to start;
* DCS, SOS, PM and APC strings consumed instead of drawn, XTGETTCAP queries
  answered "not known" (:mod:`supervisor.screen_filters`);
* a renderer that never emits the stub cell of a wide character nor a half
  overwritten wide character, so CJK and emoji render as a person sees them.
"""

from __future__ import annotations

import hashlib
import inspect
import logging
import re
from collections import OrderedDict, deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pyte  # noqa: TID251 - this module owns pyte
from wcwidth import wcwidth  # noqa: TID251 - pyte's own measure of cells, so both agree

from shared.errors import TetherError
from shared.protocol import ErrorCode
from supervisor.screen_filters import ControlStrings, DecGraphics

log = logging.getLogger(__name__)

DEFAULT_SCROLLBACK = 5000
SHOWN_SCREENS_KEPT = 16  # screens handed out with a text cursor, remembered for the next read

# pyte stores private (DEC) modes shifted left by 5 bits.
_DECCKM = 1 << 5
_BRACKETED_PASTE = 2004 << 5
_ALT_MODES = frozenset({47, 1047, 1049})

# A progress line (a percentage, a spinner glyph or a bar) whose "shape" (digits,
# glyphs and blanks removed) equals the previous scrollback line's is the same
# line redrawn: keep only the newest one. Ordinary log lines are never merged.
_PROGRESS = re.compile(r"\d%|[⠀-⣿✻✽✶✳✢]|[█▓▒░━=#]{3,}")
_SHAPE_NOISE = re.compile(r"[\d\s⠀-⣿✻✽✶✳✢·*|/\\\-.%#=>█▓▒░━]+")


# How a cell is drawn, as the prompt detector needs it (which row of a menu is
# highlighted, which button has focus): one character per rendered character,
# parallel to the row's text. " " is the default style; every other style in
# the snapshot gets its own character ("A", "B", ...), the same one wherever it
# occurs in that snapshot, so rows can be compared with each other.
DEFAULT_STYLE = " "


@dataclass(frozen=True)
class ScreenSnapshot:
    """What a person would see: rows with trailing blanks stripped, and the cursor.

    ``cursor_col`` counts cells; ``before_cursor`` is the text left of the
    cursor on its row (wide characters count two cells). ``app_cursor_keys``
    (DECCKM) says arrows must be sent as ``ESC O A`` rather than ``ESC [ A``;
    ``bracketed_paste`` says the program asked for pasted text to be bracketed.
    ``scrollback`` holds the rows that scrolled off the top, oldest first.
    """

    lines: tuple[str, ...]
    cursor_row: int
    cursor_col: int
    cols: int
    rows: int
    alternate: bool = False
    scrollback: tuple[str, ...] = ()
    app_cursor_keys: bool = False
    bracketed_paste: bool = False
    cursor_prefix: str | None = None
    styles: tuple[str, ...] = ()

    def style_of(self, row: int) -> str:
        """``row``'s style characters, one per character of ``lines[row]`` (see
        :data:`DEFAULT_STYLE`); all default when the snapshot carries no styles."""
        line = self.lines[row] if 0 <= row < len(self.lines) else ""
        style = self.styles[row] if 0 <= row < len(self.styles) else ""
        return style[: len(line)].ljust(len(line))

    @property
    def text(self) -> str:
        return "\n".join(self.lines).rstrip("\n")

    @property
    def cursor_line(self) -> str:
        return self.lines[self.cursor_row] if 0 <= self.cursor_row < len(self.lines) else ""

    @property
    def before_cursor(self) -> str:
        """The text left of the cursor on the cursor's row."""
        if self.cursor_prefix is not None:
            return self.cursor_prefix
        out: list[str] = []
        width = 0
        for char in self.cursor_line:
            if width >= self.cursor_col:
                break
            out.append(char)
            width += char_width(char)
        return "".join(out)


@dataclass(frozen=True)
class TextRead:
    """A text-mode read: ``text`` to show, the cursor for the next read, what was left out."""

    text: str
    next_cursor: str
    skipped_lines: int


class CursorError(TetherError, ValueError):
    """A text cursor this terminal model did not hand out; the message says what to do."""

    code = ErrorCode.INVALID_ARGUMENT

    def __init__(self, message: str) -> None:
        super().__init__(
            message, "omit cursor to read everything kept, or pass the last next_cursor"
        )


def _digest(lines: tuple[str, ...]) -> str:
    return hashlib.blake2b("\n".join(lines).encode(), digest_size=8).hexdigest()


def _parse_cursor(cursor: str) -> tuple[int, str]:
    line, sep, digest = cursor.partition(".")
    if not sep or not line.isdigit() or not digest:
        raise CursorError(
            f"{cursor!r} is not a text cursor; pass next_cursor from an earlier read, or none"
        )
    return int(line), digest


def _newest_within(lines: list[str], max_bytes: int) -> tuple[list[str], int]:
    """The newest ``lines`` whose UTF-8 size (with newlines) fits ``max_bytes``, and how
    many older ones were left out. A single line too long for the budget keeps its end."""
    size, keep = 0, 0
    for line in reversed(lines):
        size += len(line.encode()) + (1 if keep else 0)
        if size > max_bytes:
            break
        keep += 1
    if keep == 0 and lines:
        tail = lines[-1].encode()[-max_bytes:].decode("utf-8", "ignore")
        return [tail], len(lines) - 1
    return lines[len(lines) - keep :], len(lines) - keep


def char_width(char: str) -> int:
    """Cells a character occupies, measured as pyte measures it (wcwidth): 0, 1 or 2."""
    return max(0, wcwidth(char[0])) if char else 0


def _render_row(row: Mapping[int, Any], columns: int) -> str:
    """One row as text: wide characters once, orphaned halves as blanks."""
    out: list[str] = []
    x = 0
    while x < columns:
        data = row[x].data
        if data == "":  # a stub whose wide character was overwritten
            out.append(" ")
            x += 1
            continue
        if wcwidth(data[0]) == 2:
            if x + 1 < columns and row[x + 1].data != "":
                out.append(" ")  # its right half was overwritten: a real terminal blanks it
                x += 1
                continue
            out.append(data)
            x += 2
            continue
        out.append(data)
        x += 1
    return "".join(out).rstrip()


def _render_styles(row: Mapping[int, Any], columns: int, table: dict[tuple[Any, ...], str]) -> str:
    """``_render_row``'s walk, giving each rendered character its style character."""
    out: list[str] = []
    x = 0
    while x < columns:
        cell = row[x]
        if cell.data == "":
            out.append(" ")
            x += 1
            continue
        step = 1
        if wcwidth(cell.data[0]) == 2:
            if x + 1 < columns and row[x + 1].data != "":
                out.append(" ")
                x += 1
                continue
            step = 2
        key = cell[1:]
        if key == _PLAIN:
            out.append(DEFAULT_STYLE)
        else:
            code = table.get(key)
            if code is None:
                code = table[key] = _style_code(len(table), str(key[0]).endswith(_FAINT))
            out.append(code)
        x += step
    return "".join(out)


_PLAIN = pyte.screens.Char(" ")[1:]


def _style_code(n: int, faint: bool) -> str:
    """The ``n``-th style's character: capitals (then U+0100...) for ordinary styles,
    small letters (then U+1000...) for faint ones."""
    if faint:
        return chr(0x61 + n) if n < 26 else chr(0x1000 + n)
    return chr(0x41 + n) if n < 26 else chr(0x100 + n)


def is_faint_style(code: str) -> bool:
    """Whether a style character of :meth:`ScreenSnapshot.style_of` marks faint text."""
    return "a" <= code <= "z" or code >= "\u1000"


def _is_redraw(previous: str, line: str) -> bool:
    if not (_PROGRESS.search(line) and _PROGRESS.search(previous)):
        return False
    shape = _SHAPE_NOISE.sub("", line)
    return bool(shape) and shape == _SHAPE_NOISE.sub("", previous)


class _Screen(pyte.Screen):
    """``pyte.Screen`` plus alternate buffer, scrollback capture and query replies."""

    def __init__(self, columns: int, lines: int, scrollback: int) -> None:
        self.replies: list[str] = []
        self.alternate = False
        self._saved_main: dict[int, Any] | None = None
        self._saved_cursor: Any = None
        # Rows leave the screen by reference and are rendered only when asked
        # for: rendering each row as it scrolls would cost a third of pyte's speed.
        self.pending_rows: deque[Any] = deque(maxlen=scrollback)
        self.faint = False
        super().__init__(columns, lines)

    # -- scrollback

    def index(self) -> None:
        margins = self.margins
        if margins is None:
            scrolls_off_top = self.cursor.y == self.lines - 1
        else:  # a scroll region that starts below row 0 (a status bar) keeps its rows
            scrolls_off_top = margins.top == 0 and self.cursor.y == margins.bottom
        if scrolls_off_top and not self.alternate:
            self.pending_rows.append(self.buffer[0])
        super().index()

    def resize(self, lines: int | None = None, columns: int | None = None) -> None:
        lines = lines or self.lines
        if lines < self.lines and not self.alternate:
            for y in range(self.lines - lines):  # pyte drops rows from the top
                self.pending_rows.append(self.buffer[y])
        super().resize(lines, columns)

    # -- alternate screen

    def set_mode(self, *modes: int, **kwargs: Any) -> None:
        super().set_mode(*modes, **kwargs)
        if kwargs.get("private") and _ALT_MODES.intersection(modes) and not self.alternate:
            self._saved_main = dict(self.buffer)
            self._saved_cursor = (self.cursor.x, self.cursor.y, self.cursor.attrs)
            self.buffer.clear()
            self.alternate = True
            self.dirty.update(range(self.lines))

    def reset_mode(self, *modes: int, **kwargs: Any) -> None:
        super().reset_mode(*modes, **kwargs)
        if kwargs.get("private") and _ALT_MODES.intersection(modes) and self.alternate:
            self.buffer.clear()
            self.buffer.update(self._saved_main or {})
            if 1049 in modes and self._saved_cursor is not None:
                x, y, attrs = self._saved_cursor
                self.cursor.x, self.cursor.y, self.cursor.attrs = x, y, attrs
                self.ensure_hbounds()
                self.ensure_vbounds()
            self._saved_main, self._saved_cursor = None, None
            self.alternate = False
            self.dirty.update(range(self.lines))

    def reset(self) -> None:
        # RIS (ESC c) returns xterm to the normal buffer; the saved one is gone.
        super().reset()
        self.alternate, self._saved_main, self._saved_cursor = False, None, None

    # -- faint text

    def select_graphic_rendition(self, *attrs: int) -> None:  # no private: CSI > 4;2 m is ignored
        """pyte drops SGR 2 (faint), which prompt libraries use for hints beside an
        option ("stable  tested for a month"): keep it in the cell's colour, so a
        faint run gets a style of its own (see :func:`is_faint_style`)."""
        super().select_graphic_rendition(*attrs)
        if not self.faint and 2 not in attrs:
            return  # the common case, kept as cheap as pyte's own
        self.faint = _faint_after(self.faint, attrs)
        fg = self.cursor.attrs.fg
        base = fg.removesuffix(_FAINT)
        wanted = base + _FAINT if self.faint else base
        if wanted != fg:
            self.cursor.attrs = self.cursor.attrs._replace(fg=wanted)

    # -- query replies

    def report_device_status(self, mode: int) -> None:
        if mode != 6:
            super().report_device_status(mode)
            return
        # After writing the last column the cursor sits "past" it (pending
        # wrap); a real terminal still reports the last column.
        row = self.cursor.y + 1
        if pyte.modes.DECOM in self.mode and self.margins is not None:
            row -= self.margins.top
        column = min(self.cursor.x, self.columns - 1) + 1
        self.write_process_input(f"\x1b[{row};{column}R")

    def write_process_input(self, data: str) -> None:
        if len(self.replies) < 256:  # a flood of queries must not grow memory
            self.replies.append(data)


_FAINT = "~faint"
_XTERM_KEY_MODES = re.compile(rb"\x1b\[>[\d;]*m")


def _faint_after(faint: bool, attrs: tuple[int, ...]) -> bool:
    """Whether text is faint after an SGR with ``attrs`` (colour sub-parameters skipped)."""
    if not attrs:
        return False
    index = 0
    while index < len(attrs):
        attr = attrs[index]
        if attr in (38, 48):
            mode = attrs[index + 1] if index + 1 < len(attrs) else 0
            index += 3 if mode == 5 else 5 if mode == 2 else 1
            continue
        if attr in (0, 22):
            faint = False
        elif attr == 2:
            faint = True
        index += 1
    return faint


def _guard_csi(name: str) -> Any:
    """Wrap a CSI handler so odd parameters can never raise.

    pyte passes every parameter it parsed, and ``private=True`` for ``CSI ?``,
    to handlers that accept neither (``CSI ?5;7H`` is a TypeError). Extra
    parameters are dropped, private variants a handler does not know are
    ignored (as xterm ignores unknown sequences), and ED/EL with an unknown
    mode are ignored (pyte would hit an UnboundLocalError).
    """
    method = getattr(_Screen, name)  # the subclass's override where there is one
    params = list(inspect.signature(method).parameters.values())[1:]
    positional = sum(1 for p in params if p.kind is p.POSITIONAL_OR_KEYWORD and p.name != "private")
    if any(p.kind is p.VAR_POSITIONAL for p in params):
        positional = 1 << 30  # set_mode(*modes), select_graphic_rendition(*attrs): keep all
    takes_private = any(p.name == "private" or p.kind is p.VAR_KEYWORD for p in params)
    valid_how = {"erase_in_display": (0, 1, 2, 3), "erase_in_line": (0, 1, 2)}.get(name)

    def call(self: _Screen, *args: int, **kwargs: Any) -> None:
        if kwargs:
            if not takes_private:
                return  # the only keyword pyte passes is private=True
        elif valid_how is None and len(args) <= positional:
            method(self, *args)  # the common case: cursor moves and colours, kept cheap
            return
        if valid_how is not None and args and args[0] not in valid_how:
            return
        method(self, *args[:positional], **kwargs)

    return call


for _name in set(pyte.Stream.csi.values()):
    setattr(_Screen, "_csi_" + _name, _guard_csi(_name))


class _Stream(pyte.ByteStream):
    csi = {k: "_csi_" + v for k, v in pyte.Stream.csi.items()}


class TerminalModel:
    """A VT100-ish screen of ``cols`` x ``rows`` fed with raw bytes.

    ``feed`` accepts any bytes (invalid UTF-8, sequences split across calls,
    huge lines) and never raises. ``scrollback`` bounds the kept history rows.
    """

    def __init__(
        self, cols: int = 120, rows: int = 40, scrollback: int = DEFAULT_SCROLLBACK
    ) -> None:
        self._screen = _Screen(cols, rows, scrollback)
        self._stream = _Stream(self._screen)
        self._strings = ControlStrings()
        self._graphics = DecGraphics()
        self._history: deque[str] = deque(maxlen=scrollback)
        self._history_end = 0  # lines ever added to the history: absolute line numbers
        self._shown: OrderedDict[str, tuple[str, ...]] = OrderedDict()
        # Rendering 200x50 cells costs ~3 ms; a status poll on an unchanged screen
        # must not pay it again. Any feed or resize invalidates.
        self._cached: dict[bool, ScreenSnapshot] = {}

    def feed(self, data: bytes) -> None:
        if not data:
            return
        self._cached.clear()
        pieces = self._strings.feed(data)
        if len(pieces) == 1:  # the common case: no query to answer in between
            self._draw(pieces[0][0])
            if pieces[0][1]:
                self._screen.write_process_input(pieces[0][1].decode("ascii"))
            return
        for text, reply in pieces:
            self._draw(text)
            if reply:
                self._screen.write_process_input(reply.decode("ascii"))

    def _draw(self, data: bytes) -> None:
        data = self._graphics.feed(data)
        if not data:
            return
        if b"\x1b[>" in data:
            # pyte drops the ">" of xterm's CSI > Ps m (modifyOtherKeys) and would
            # apply its numbers as colours: underline, then faint, for the rest.
            data = _XTERM_KEY_MODES.sub(b"", data)
        try:
            self._stream.feed(data)
        except (TypeError, ValueError, IndexError, KeyError, AssertionError, NameError) as exc:
            # A pyte handler choked on a hostile or unusual sequence; its parser
            # generator is dead after raising, so start a fresh one on the same
            # screen. The output is the program's, never a reason to crash.
            log.warning("terminal parser reset after %s: %s", type(exc).__name__, exc)
            self._stream = _Stream(self._screen)

    def resize(self, cols: int, rows: int) -> None:
        self._cached.clear()
        self._screen.resize(rows, cols)

    def take_replies(self) -> bytes:
        """Answers owed to terminal queries (DSR, DA, XTGETTCAP) since the last call."""
        replies, self._screen.replies = self._screen.replies, []
        return "".join(replies).encode()

    @property
    def scrollback(self) -> tuple[str, ...]:
        self._drain()
        return tuple(self._history)

    def history(self) -> tuple[int, tuple[str, ...]]:
        """``(end, lines)``: the kept scrollback, whose last line has absolute number
        ``end - 1`` (lines ever scrolled off count from 0; a collapsed redraw keeps its number)."""
        self._drain()
        return self._history_end, tuple(self._history)

    def text_cursor(self) -> str:
        """A cursor for :meth:`read_text` meaning "from now on"."""
        end, _ = self.history()
        return f"{end}.{self._show(self._screen_lines())}"

    def read_text(
        self, cursor: str | None, max_bytes: int, redact: Callable[[str], str] = str
    ) -> TextRead:
        """What a person reads: scrollback lines new since ``cursor`` (every kept one
        without a cursor), then the screen unless it is unchanged since ``cursor``;
        with a cursor, only the screen's lines from the first one that changed.

        Lines that scrolled off since ``cursor`` but were on the screen handed out
        with it are not repeated. ``redact`` is applied to the whole text, then the
        newest lines within ``max_bytes`` are kept; ``skipped_lines`` counts the
        rest plus history lines no longer kept. Raises :class:`CursorError`.
        """
        end, history = self.history()
        screen = self._screen_lines()
        digest = _digest(screen)
        first = end - len(history)
        lost, show_screen = 0, True
        new = list(history)
        if cursor is not None:
            line, old_digest = _parse_cursor(cursor)
            line = min(line, end)
            lost = max(0, first - line)
            new = new[max(0, line - first) :]
            old = self._shown.get(old_digest, ())
            seen = 0
            while seen < min(len(new), len(old)) and new[seen] == old[seen]:
                seen += 1  # scrolled off linearly: the caller saw it on the screen
            new = new[seen:]
            show_screen = digest != old_digest
            rest = old[seen:]
            if show_screen and not new and rest:
                # Lines at the top that the caller already saw there (a TUI's banner, or
                # the part that only scrolled) are not new: only what changed below them.
                common = 0
                while common < min(len(rest), len(screen)) and screen[common] == rest[common]:
                    common += 1
                screen = screen[common:]
        self._show(self._screen_lines())
        lines = new + (list(screen) if show_screen else [])
        if lines:
            lines = redact("\n".join(lines)).split("\n")
        kept, skipped = _newest_within(lines, max_bytes)
        return TextRead("\n".join(kept), f"{end}.{digest}", skipped + lost)

    def _screen_lines(self) -> tuple[str, ...]:
        lines = list(self.snapshot(with_scrollback=False).lines)
        while lines and not lines[-1]:
            lines.pop()
        return tuple(lines)

    def _show(self, screen: tuple[str, ...]) -> str:
        digest = _digest(screen)
        self._shown[digest] = screen
        self._shown.move_to_end(digest)
        while len(self._shown) > SHOWN_SCREENS_KEPT:
            self._shown.popitem(last=False)
        return digest

    def snapshot(self, *, with_scrollback: bool = True) -> ScreenSnapshot:
        cached = self._cached.get(with_scrollback)
        if cached is None:
            cached = self._cached[with_scrollback] = self._render(with_scrollback)
        return cached

    def _render(self, with_scrollback: bool) -> ScreenSnapshot:
        s = self._screen
        lines = tuple(_render_row(s.buffer[y], s.columns) for y in range(s.lines))
        table: dict[tuple[Any, ...], str] = {}
        styles = tuple(_render_styles(s.buffer[y], s.columns, table) for y in range(s.lines))
        row = min(max(s.cursor.y, 0), s.lines - 1)
        col = min(max(s.cursor.x, 0), s.columns)
        prefix = _render_row(s.buffer[row], col) if col else ""
        return ScreenSnapshot(
            lines=lines,
            cursor_row=row,
            cursor_col=col,
            cols=s.columns,
            rows=s.lines,
            alternate=s.alternate,
            scrollback=self.scrollback if with_scrollback else (),
            app_cursor_keys=_DECCKM in s.mode,
            bracketed_paste=_BRACKETED_PASTE in s.mode,
            cursor_prefix=prefix,
            styles=styles,
        )

    def _drain(self) -> None:
        pending = self._screen.pending_rows
        columns = self._screen.columns
        while pending:
            self._append(_render_row(pending.popleft(), columns))

    def _append(self, line: str) -> None:
        history = self._history
        if history and _is_redraw(history[-1], line):
            history[-1] = line  # a progress line redrawn and scrolled again
            return
        history.append(line)
        self._history_end += 1
