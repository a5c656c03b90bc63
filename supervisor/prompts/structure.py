"""A question and its options from the screen's structure, when no family rule knows the program.

Pure: a snapshot and the terminal's state in, a :class:`Detection` (or None) out.
Only consulted when the OS says something reads the terminal (the foreground
process sleeps in the tty's read, or the terminal is in raw mode) and output has
been quiet, so a screen that merely *shows* a question (an agent quoting one, a
log line with "(y/n)") never counts. Three shapes, tried in order:

* **boxed dialogs** (whiptail, dialog, prompt_toolkit): a frame whose bottom holds
  buttons (``<Yes> <No>``, ``< OK >``, ``<Cancel>``); inside, a question and maybe
  a list (menu rows, ``(*)`` radios, ``[ ]`` checkboxes) or an input field;
* **menus** drawn by prompt libraries: consecutive rows with a marker column
  (``❯ › » ▸ >``, ``● ○ ◯ ◉ ◻ ◼``, ``( ) (*) [ ] [x]``, numbers) below a question,
  the highlight found by its glyph or by being the one row drawn differently;
* **line prompts**: the text left of the cursor ends like a question (``?``, ``:``,
  a ``[Y/n]``, a ``(a, b, c)`` or ``[a/b/c]`` list of choices, a default in
  brackets), maybe under a numbered list it selects from, or a prefilled field.

A shell or interpreter at its own prompt (``Signals.interactive``) is never read
for structure: "ready? " as bash's PS1 asks nothing. Nor is a raw-mode screen whose
every process sleeps on a timer or a child (``Signals.elsewhere``): a curses monitor
redrawing its table between sleeps draws a moving ``❯`` and a ``[q]uit`` legend, but
reads no key at that moment, so its rows are no menu. A sample catching it awake
(``Signals.busy``: running, not waiting) defers the structure to a later sample.

Everything here is a heuristic with a confidence; family rules (TOML) refine
kind and keys where they know the program.

The shapes live in their own modules: :mod:`structure_rows` (the shared row and
marker vocabulary), :mod:`structure_dialogs` (boxed dialogs), :mod:`structure_menus`
(marker menus), :mod:`structure_boxcursor` (lists whose box is the cursor),
:mod:`structure_widgets` (clack's one-row widgets), :mod:`structure_lines` (line
prompts) and :mod:`structure_rowmenu` (items side by side, lit by colour alone). This
module orders them and keeps the public names importable from here.
"""

from __future__ import annotations

from supervisor.prompts.detect_types import Detection, Signals
from supervisor.prompts.structure_boxcursor import find_box_cursor
from supervisor.prompts.structure_dialogs import find_dialog
from supervisor.prompts.structure_lines import find_line, joined_question
from supervisor.prompts.structure_menus import find_menu
from supervisor.prompts.structure_rowmenu import find_row_menu
from supervisor.prompts.structure_rows import MAX_QUESTION, SOURCE, rows_of
from supervisor.prompts.structure_widgets import find_glyph_field, find_widget
from supervisor.screen import ScreenSnapshot

__all__ = ["MAX_QUESTION", "SOURCE", "find", "joined_question"]


def find(snapshot: ScreenSnapshot, signals: Signals, *, agent: bool = False) -> Detection | None:
    """The prompt the screen's structure shows, or None. See the module docstring.

    ``agent``: the program is a coding agent, whose idle input line ("> ") sits under
    whatever it last wrote: that line is never read as a question over the input."""
    if not (signals.blocked_on_read or not signals.canonical) or signals.interactive:
        return None  # nobody reads, or a shell / REPL waits at its own prompt
    if signals.elsewhere or signals.busy:
        return None  # raw mode, but every process sleeps or works: a live display
    rows = rows_of(snapshot)
    if not rows:
        return None
    return (
        find_dialog(snapshot, rows)
        or find_box_cursor(snapshot, rows, signals)
        or find_menu(snapshot, rows, signals)
        or find_widget(snapshot, rows, signals)
        or find_glyph_field(snapshot, rows, signals)
        or find_line(snapshot, rows, signals, glyph_question=not agent)
        or find_row_menu(snapshot, rows, signals)
    )
