"""Mock Claude: a scriptable fake of Claude Code's interactive TUI, standard library only.

Run ``python -m supervisor.mock_agent --help``. It lets people try Tether, and
tests drive real PTYs, without an agent account. Layout (pure cores, one I/O edge):

* :mod:`.keys` decodes terminal bytes into keys;
* :mod:`.menu` models numbered menus; :mod:`.script` picks what a message triggers;
* :mod:`.view` draws everything as strings (static lines + an Ink-like live region);
* :mod:`.terminal` is the only module touching the TTY (raw/cooked modes, reads, writes);
* :mod:`.app` is the behaviour; :mod:`.__main__` parses flags.
"""
