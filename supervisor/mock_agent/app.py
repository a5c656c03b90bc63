"""The mock agent's behaviour: idle box, turns, dialogs and prompts, driven by keys.

:class:`MockAgent` owns the conversation state and talks to a
:class:`~supervisor.mock_agent.terminal.Terminal`; drawing is delegated to the
pure :mod:`~supervisor.mock_agent.view` and choices to
:mod:`~supervisor.mock_agent.menu`. Its contract, as a user (or a test) sees it:

* the idle box echoes typing; Enter submits, unless it arrived in the same read
  as text (a paste: it becomes a newline, like Ink); Backspace, Ctrl-U edit;
* each submit consumes the next step (script, then ``--scenario``, then the demo);
  ``/exit`` and Ctrl-D on an empty box exit 0, Ctrl-C twice in a row exits 0;
* working shows a spinner for ``work_seconds``; Esc or Ctrl-C interrupts;
* menus print ``⏺ Chose: <label>`` once answered; the trust dialog's "No" exits 1;
* ``[y/N]`` questions and ``Password:`` are read in canonical mode (echo off for the secret).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from supervisor.mock_agent import view
from supervisor.mock_agent.conversation import Conversation
from supervisor.mock_agent.keys import Key, KeyDecoder
from supervisor.mock_agent.menu import Menu, Option, edit_menu, permission_menu, trust_menu
from supervisor.mock_agent.script import Step, demo_step, scenario_step
from supervisor.mock_agent.terminal import Terminal

ESC_TIMEOUT = 0.05  # a lone ESC followed by nothing for this long is the Esc key
SPINNER_TICK = 0.12
FOOTER = "? for shortcuts"
FOOTER_CTRL_C = "Press Ctrl-C again to exit"


@dataclass
class Options:
    cwd: str
    trust: bool = False
    work_seconds: float = 1.5
    scenario: str | None = None
    steps: list[Step] = field(default_factory=list)
    color: bool = True
    shuffle_seed: int | None = None
    conversation: Conversation | None = None  # None: nothing is kept
    resumed: bool = False  # started with --resume


class Exit(Exception):
    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


class MockAgent:
    def __init__(self, term: Terminal, options: Options) -> None:
        self.term, self.options = term, options
        self.style = view.Style(options.color)
        self.region = view.LiveRegion()
        self.decoder = KeyDecoder()
        self.rng = random.Random(options.shuffle_seed) if options.shuffle_seed is not None else None
        self.steps = list(options.steps)
        self.buffer = ""
        self.ctrl_c_armed = False
        self.turn = 0

    def run(self) -> int:
        """Run until the user or the script exits; return the exit code."""
        try:
            if self.options.trust:
                self._ask_trust()
            self._commit(view.banner(self.style, self.options.cwd, self._cols()))
            if self.options.resumed and self.options.conversation is not None:
                self._resumed(self.options.conversation)
            while True:
                self._perform_turn(self._read_message())
        except Exit as done:
            self.term.write(self.region.clear())
            return done.code
        except EOFError:
            return 1  # the terminal closed under us: nobody is left to tell

    # --- the idle box -------------------------------------------------------------------------

    def _read_message(self) -> str:
        while True:
            self._draw_idle()
            keys, pasted = self._read_keys(None)
            for key in keys:
                if self._edit(key, pasted):
                    text, self.buffer = self.buffer.strip(), ""
                    return text

    def _edit(self, key: Key, pasted: bool) -> bool:
        """Apply one key to the input buffer; True when it submits."""
        armed, self.ctrl_c_armed = self.ctrl_c_armed, False
        if key.name == "char":
            self.buffer += key.text
        elif key.name == "paste":
            self.buffer += key.text.replace("\r\n", "\n").replace("\r", "\n")
        elif key.name == "newline" or (key.name == "enter" and pasted):
            self.buffer += "\n"  # Ink reads text+CR in one burst as a paste: no submit
        elif key.name == "enter":
            return bool(self.buffer.strip())
        elif key.name == "backspace":
            self.buffer = self.buffer[:-1]
        elif key.name == "ctrl_u":
            self.buffer = ""
        elif key.name == "ctrl_d" and not self.buffer:
            raise Exit(0)
        elif key.name == "ctrl_c":
            if self.buffer:
                self.buffer = ""
            elif armed:
                raise Exit(0)
            else:
                self.ctrl_c_armed = True
        return False

    def _draw_idle(self, above: list[str] | None = None) -> None:
        footer = FOOTER_CTRL_C if self.ctrl_c_armed else FOOTER
        box, (line, col) = view.input_box(self.style, self.buffer, self._cols(), footer)
        top = above or []
        self.term.write(self.region.render([*top, *box], self._cols(), (line + len(top), col)))

    # --- a turn -------------------------------------------------------------------------------

    def _resumed(self, conversation: Conversation) -> None:
        said = conversation.messages()
        last = f'; last: "{said[-1][:60]}"' if said else ""
        self._say(f"Resumed conversation {conversation.id} ({len(said)} earlier messages{last})")

    def _perform_turn(self, message: str) -> None:
        self._commit(view.user_lines(self.style, message))
        if self.options.conversation is not None:
            self.options.conversation.add(message)
        if message == "/exit":
            raise Exit(0)
        step = self._next_step(message)
        if step.verb == "exit":
            raise Exit(step.exit_code)
        working = self._work()
        self.turn += 1
        if not working:
            return
        {
            "reply": self._reply,
            "permission": self._permission,
            "edit": self._edit_file,
            "ask": self._ask,
            "secret": self._secret,
            "mcp": self._mcp,
        }[step.verb](step.arg)

    def _reply(self, text: str) -> None:
        self._say(text)

    def _mcp(self, line: str) -> None:
        from supervisor.mock_agent.mcp_call import call_tool  # fastmcp loads only when used

        self._say(call_tool(line))

    def _permission(self, command: str) -> None:
        menu = permission_menu(command, self.options.cwd)
        chosen = self._choose(
            menu, lambda m: view.permission_dialog(self.style, command, m, self._cols())
        )
        if chosen.role != "cancel":
            self._say(f"Bash({command})\n⎿  (mock) nothing was executed")

    def _edit_file(self, path: str) -> None:
        chosen = self._choose(
            edit_menu(), lambda m: view.edit_dialog(self.style, path, m, self._cols())
        )
        if chosen.role != "cancel":
            self._say(f"Update({path})\n⎿  (mock) no file was changed")

    def _ask(self, question: str) -> None:
        answer = self._prompt_line(f"{question} ", echo=True)
        said_yes = (answer or "").strip().lower() in ("y", "yes")
        self._say(f"Answer: {'yes' if said_yes else 'no'}")

    def _secret(self, prompt: str) -> None:
        secret = self._prompt_line(f"{prompt.rstrip()} " if prompt else "Password: ", echo=False)
        # Never echoed, never printed: only whether one was given.
        self._say("Password received (not shown)." if secret else "No password given.")

    def _next_step(self, message: str) -> Step:
        if self.steps:
            return self.steps.pop(0)
        if self.options.scenario:
            return scenario_step(self.options.scenario, message)
        return demo_step(message)

    def _work(self) -> bool:
        """Show the spinner for the configured time; False if the user interrupted."""
        seconds = self.options.work_seconds
        if seconds <= 0:
            return True
        start = time.monotonic()
        deadline = start + seconds
        drawn_buffer = None
        while (now := time.monotonic()) < deadline:
            tick = int((now - start) / SPINNER_TICK)
            line = view.spinner_line(self.style, self.turn, tick, int(now - start))
            patch = (
                self.region.update_line(0, line, self._cols())
                if drawn_buffer == self.buffer
                else None
            )
            if patch is None:
                self._draw_idle(above=[line, ""])
                drawn_buffer = self.buffer
            else:
                self.term.write(patch)
            keys, _ = self._read_keys(min(SPINNER_TICK, max(0.0, deadline - now)))
            for key in keys:
                if key.name in ("esc", "ctrl_c"):
                    self.ctrl_c_armed = key.name == "ctrl_c"
                    self._commit([self.style.red("  ⎿  Interrupted by user"), ""])
                    return False
                if key.name != "enter":  # type-ahead edits the box; Enter waits for the turn
                    self._edit(key, pasted=False)
        return True

    # --- dialogs and classic prompts ----------------------------------------------------------

    def _ask_trust(self) -> None:
        chosen = self._choose(
            trust_menu(), lambda m: view.trust_dialog(self.style, self.options.cwd, m, self._cols())
        )
        if chosen.role == "cancel":
            raise Exit(1)

    def _choose(self, menu: Menu, draw: Callable[[Menu], list[str]]) -> Option:
        if self.rng is not None:
            menu.shuffle(self.rng)
        while True:
            self.term.write(self.region.render(draw(menu), self._cols()))
            keys, _ = self._read_keys(None)
            for key in keys:
                chosen = menu.press(key)
                if chosen is not None:
                    self._say(f"Chose: {chosen.label}")
                    return chosen

    def _prompt_line(self, prompt: str, echo: bool) -> str | None:
        """Ask in canonical mode; None for Ctrl-D or Ctrl-C (the kernel turns it into SIGINT)."""
        try:
            # The mode changes before the prompt appears (as getpass does), so an answer
            # sent as soon as the prompt is seen is already read as a line.
            with self.term.cooked(echo):
                self.term.write(self.region.clear() + prompt)
                line = self.term.read_line()
        except KeyboardInterrupt:
            self.term.write("^C\r\n")
            return None
        if not echo:
            self.term.write("\r\n")  # without echo the kernel does not echo the newline either
        return line

    # --- plumbing -----------------------------------------------------------------------------

    def _read_keys(self, timeout: float | None) -> tuple[list[Key], bool]:
        """Keys of one read (plus a split escape's tail).

        ``pasted`` is True when text and Enter arrived in that same read.
        """
        keys = self.decoder.feed(self.term.read(timeout))
        if self.decoder.pending:
            more = self.term.read(ESC_TIMEOUT)
            keys += self.decoder.feed(more) if more else self.decoder.flush()
        has_text = any(k.name in ("char", "paste") for k in keys)
        return keys, has_text and any(k.name == "enter" for k in keys)

    def _say(self, text: str) -> None:
        self._commit(view.reply_lines(self.style, text))

    def _commit(self, lines: list[str]) -> None:
        self.term.write(self.region.commit(lines))

    def _cols(self) -> int:
        return self.term.size()[0]
