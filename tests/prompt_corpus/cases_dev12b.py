"""A twelfth development set (b): the menu classes the seventh held-out run showed, in
new wordings and layouts.

Written for tuning (``fixed_half="dev"``), so adding them never changes the held-out halves.
console-menu's framed numbered menu answered by label, a numbered menu read by a worker
thread, simple-term-menu rows naming their own shortcut keys (answered by label and by
key), questionary's select with an indicator column and another pointer (a single choice)
beside a checkbox with nothing ticked (still a checkbox), and terminal-kit's column, one-row
and two-row grid menus whose highlight is drawn by colour alone.
"""

from __future__ import annotations

from tests.prompt_corpus.case_set import CaseSet
from tests.prompt_corpus.cases import Case

_SET = CaseSet("", "dev12b", "dev")
_py, _node, _case = _SET.py, _SET.node, _SET.case
_NODE = ("node",)


def dev12b_cases() -> list[Case]:
    return [
        _case(
            "d12b-consolemenu-prologue-label",
            "console-menu",
            _py("consolemenu_prologue_label"),
            "choice",
            ("Rotate the TLS keys", "Reload nginx", "Tail the access log"),
            "Tail the access log",
            "Tail the access log",
        ),
        _case(
            "d12b-threaded-dash-numbers",
            "numbered-line",
            _py("threaded_dash_numbers"),
            "choice",
            ("Kitchen", "Living room", "Garage", "Attic"),
            "3",
            "Garage",
        ),
        _case(
            "d12b-stm-shortcuts-by-label",
            "simple-term-menu",
            _py("stm_shortcuts_by_label"),
            "choice",
            ("start server", "restart workers", "migrate db", "exit"),
            "migrate db",
            "migrate db",
        ),
        _case(
            "d12b-stm-shortcuts-by-key",
            "simple-term-menu",
            _py("stm_shortcuts_by_key"),
            "choice",
            ("apply patch", "edit patch", "skip", "view diff"),
            "v",
            "view diff",
        ),
        _case(
            "d12b-questionary-indicator-arrow-pointer",
            "questionary",
            _py("questionary_indicator_arrow_pointer"),
            "choice",
            ("us-east-1", "eu-west-3", "ap-south-1", "sa-east-1"),
            "ap-south-1",
            "ap-south-1",
        ),
        _case(
            "d12b-questionary-checkbox-none-ticked",
            "questionary",
            _py("questionary_checkbox_none_ticked"),
            "multi_choice",
            ("Go", "Rust", "Shell", "YAML"),
            "Rust, YAML",
            ["Rust", "YAML"],
        ),
        _case(
            "d12b-tk-column-menu-mid-start",
            "terminal-kit",
            _node("tk_column_menu_mid_start"),
            "choice",
            ("trace", "debug", "info", "warn", "error"),
            "debug",
            "debug",
            _NODE,
        ),
        _case(
            "d12b-tk-line-menu-left-of-highlight",
            "terminal-kit",
            _node("tk_line_menu_left_of_highlight"),
            "choice",
            ("Mine", "Theirs", "Both", "Ask per file"),
            "Theirs",
            "Theirs",
            _NODE,
        ),
        _case(
            "d12b-tk-grid-two-rows",
            "terminal-kit",
            _node("tk_grid_two_rows"),
            "choice",
            (
                "Solarized Dark",
                "Solarized Light",
                "Gruvbox Dark",
                "Gruvbox Light",
                "Nord",
                "Dracula",
                "Monokai Pro",
                "Tokyo Night",
                "One Dark",
                "Catppuccin",
            ),
            "Tokyo Night",
            "Tokyo Night",
            _NODE,
        ),
    ]
