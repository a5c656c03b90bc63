"""A fourteenth development set (b): live displays told by time, not by one look.

Written for tuning (``fixed_half="dev"``), in layouts of their own: monitors that redraw
on their own clock with a pointer row and a key legend (a curses board that works on the
CPU between sleeps, a curses board waiting for keys with a timeout, a raw-mode board in
``select()`` with a timeout, a Node dashboard redrawn by ``setInterval``), all
look-alikes; and two questions asked while a timer runs or just ran in the same program
(a spinner before questionary's select, a keep-alive ticking under clack's select).
"""

from __future__ import annotations

from tests.prompt_corpus.case_set import CaseSet
from tests.prompt_corpus.cases import Case

_SET = CaseSet("", "dev14b", "dev")
_py, _node, _case = _SET.py, _SET.node, _SET.case
_NODE = ("node",)
LOOK = "look-alike"


def dev14b_cases() -> list[Case]:
    return [
        _case("d14b-look-curses-busy-board", LOOK, _py("look_curses_busy_board"), None),
        _case("d14b-look-curses-timeout-legend", LOOK, _py("look_curses_timeout_legend"), None),
        _case("d14b-look-select-status-board", LOOK, _py("look_select_status_board"), None),
        _case(
            "d14b-look-node-interval-dashboard",
            LOOK,
            _node("look_interval_dashboard"),
            None,
            needs=_NODE,
        ),
        _case(
            "d14b-questionary-after-spinner",
            "questionary",
            _py("questionary_after_spinner"),
            "choice",
            ("Frankfurt", "Singapore", "Virginia"),
            "Singapore",
            "Singapore",
        ),
        _case(
            "d14b-clack-select-keepalive",
            "clack",
            _node("clack_select_keepalive"),
            "choice",
            ("Frankfurt", "São Paulo", "Sydney"),
            "São Paulo",
            "gru",
            _NODE,
        ),
    ]
