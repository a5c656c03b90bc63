"""Eighth development set, Python side: ``dev8.py <scenario>``.

Raw-mode line readers written by hand, one that draws nothing for typed keys (a secret
field whose question does not say so) and one that echoes each key itself, so the
answer path's echo probe is proven both ways; more families the fourth held-out run
left weak, in new wordings. Prints ``ANSWER=<json>`` with what the program received.
"""

from __future__ import annotations

import json
import os
import sys
import termios
import tty
from collections.abc import Callable
from typing import Any


def done(value: Any) -> None:
    print(f"\nANSWER={json.dumps(value)}", flush=True)


def _raw_line(question: str, *, echo: bool) -> str:
    """Read one line in raw mode, drawing each key only when ``echo``."""
    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    sys.stdout.write(question)
    sys.stdout.flush()
    typed = ""
    try:
        tty.setraw(fd)
        while True:
            key = os.read(fd, 1).decode(errors="replace")
            if key in ("\r", "\n"):
                break
            if key == "\x03":
                raise KeyboardInterrupt
            if key in ("\x7f", "\b"):
                if typed:
                    typed = typed[:-1]
                    if echo:
                        sys.stdout.write("\b \b")
            elif key.isprintable():
                typed += key
                if echo:
                    sys.stdout.write(key)
            sys.stdout.flush()
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)
    sys.stdout.write("\r\n")
    return typed


def raw_hidden_field() -> Any:
    print("Door controller 4 (firmware 2.1) is paired.")
    value = _raw_line("Badge override for the night shift: ", echo=False)
    return f"len{len(value)}"


def raw_echo_field() -> Any:
    print("Door controller 4 (firmware 2.1) is paired.")
    return _raw_line("Label for this controller: ", echo=True)


def look_console_ledger() -> None:
    import code

    sys.ps1 = "ledger: "
    code.interact(banner="Ledger REPL 0.3 (Ctrl-D leaves)", local={}, exitmsg="")


def look_cmd_inventory() -> None:
    import cmd

    class Inventory(cmd.Cmd):
        intro = 'Inventory 2.1. Type "help" for the commands.'
        prompt = "inv? "

        def do_exit(self, _arg: str) -> bool:
            return True

    Inventory().cmdloop()


def readline_short_question() -> Any:
    import readline  # noqa: F401  (input() then edits the line in raw mode, as consoles do)

    print("Setting up the badge printer.")
    return input("Name? ")


def bullet_pick_theme() -> Any:
    from bullet import Bullet

    themes = ["solarized", "monokai", "nord", "plain"]
    return Bullet(prompt="Editor theme? ", choices=themes).launch()


def bullet_check_hooks() -> Any:
    from bullet import Check

    return Check(
        prompt="Git hooks to install (Space ticks, Enter when done):",
        choices=["pre-commit", "commit-msg", "pre-push"],
        check="√",
    ).launch()


def ptk_input_dialog_mirror() -> Any:
    from prompt_toolkit.shortcuts import input_dialog

    return input_dialog(title="Mirror", text="Upstream URL to mirror:").run()


def stm_title_and_status() -> Any:
    from simple_term_menu import TerminalMenu

    targets = ["staging", "canary", "production"]
    index = TerminalMenu(
        targets,
        title="Release 4.2 is built",
        status_bar="Press q to leave without deploying",
    ).show()
    return targets[index] if isinstance(index, int) else None


def ptk_request_over_glyph() -> Any:
    from prompt_toolkit import prompt

    return prompt("Give the incident a short title (it names the channel)\n> ")


def look_console_glyph() -> None:
    import code

    sys.ps1 = "> "
    code.interact(banner='Scratch console. Enter "exit()" to leave.', local={}, exitmsg="")


def beaupy_confirm_branches() -> Any:
    import beaupy

    print("3 branches were merged more than 90 days ago.")
    return beaupy.confirm("Delete the 3 stale branches?", default_is_yes=False)


def beaupy_prompt_artifacts() -> Any:
    import beaupy

    return beaupy.prompt("Artifact directory", initial_value="dist/")


def beaupy_prompt_hidden() -> Any:
    import beaupy

    value = beaupy.prompt("Registry password", secure=True)
    return f"len{len(value or '')}"


SCENARIOS: dict[str, Callable[[], Any]] = {
    f.__name__: f
    for f in (
        raw_hidden_field,
        raw_echo_field,
        look_console_ledger,
        look_cmd_inventory,
        readline_short_question,
        bullet_pick_theme,
        bullet_check_hooks,
        ptk_input_dialog_mirror,
        stm_title_and_status,
        ptk_request_over_glyph,
        look_console_glyph,
        beaupy_confirm_branches,
        beaupy_prompt_artifacts,
        beaupy_prompt_hidden,
    )
}


if __name__ == "__main__":
    result = SCENARIOS[sys.argv[1]]()
    if not sys.argv[1].startswith("look_"):
        done(result)
