"""``python -m supervisor.mock_agent``: parse flags, check for a terminal, run Mock Claude.

Exit codes: 0 for ``/exit``, Ctrl-D or Ctrl-C twice; 1 when the trust dialog is
declined or the terminal closes; 2 for bad flags, a bad script or no terminal;
``exit N`` script steps choose their own.
"""

from __future__ import annotations

import argparse
import os
import sys

from supervisor.mock_agent.app import MockAgent, Options
from supervisor.mock_agent.conversation import Conversation, ConversationError
from supervisor.mock_agent.script import SCENARIOS, ScriptError, parse_script
from supervisor.mock_agent.terminal import Terminal

NOT_A_TERMINAL = (
    "mock_agent: stdin/stdout is not a terminal. Mock Claude is an interactive TUI that reads "
    "keys in raw mode: run it in a terminal, or start it through the Tether supervisor "
    "(which gives it a PTY)."
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m supervisor.mock_agent",
        allow_abbrev=False,  # the policy checks --script by its full name
        description="Mock Claude: behaves like Claude Code's TUI (input box, spinner, permission "
        "menus, questions) so Tether can be tried and tested without an agent account. "
        'With no flags it is a demo: type "run tests", "edit app.py", "ask", "password" '
        'or "hello".',
    )
    parser.add_argument("--trust", action="store_true", help="show the folder trust dialog first")
    parser.add_argument(
        "--work-seconds",
        type=float,
        default=1.5,
        metavar="F",
        help="how long each turn shows the spinner (default 1.5; 0 in tests)",
    )
    parser.add_argument(
        "--scenario",
        choices=SCENARIOS,
        help="what every submitted message triggers (the message is the command, file or reply)",
    )
    parser.add_argument(
        "--script",
        metavar="FILE",
        help="steps consumed one per message: lines 'reply TEXT', 'permission CMD', 'edit FILE', "
        "'ask QUESTION', 'secret [PROMPT]', 'exit CODE' (or a JSON array of such strings)",
    )
    parser.add_argument(
        "--shuffle-options",
        type=int,
        metavar="SEED",
        help="shuffle every menu's option order with this seed (deterministic)",
    )
    parser.add_argument(
        "--no-color", action="store_true", help="no ANSI colours (NO_COLOR works too)"
    )
    parser.add_argument(
        "--resume",
        metavar="ID",
        help="continue the conversation ID (as claude --resume): show what was said in it "
        "and keep adding to it (kept in .mock-agent/ in the folder)",
    )
    return parser


def options_from(args: argparse.Namespace) -> Options:
    """Validate flags into Options; raises ScriptError with a message saying what to fix."""
    if args.work_seconds < 0:
        raise ScriptError(f"--work-seconds must be 0 or more, got {args.work_seconds}")
    steps = []
    if args.script:
        try:
            with open(args.script, encoding="utf-8") as handle:
                steps = parse_script(handle.read())
        except OSError as exc:
            raise ScriptError(f"cannot read --script {args.script!r}: {exc.strerror}") from exc
    conversation_id = args.resume or os.environ.get("TETHER_SESSION_ID") or "local"
    try:
        conversation = Conversation(os.getcwd(), conversation_id)
    except ConversationError as exc:
        raise ScriptError(f"--resume: {exc}") from None
    return Options(
        cwd=os.getcwd(),
        conversation=conversation,
        resumed=args.resume is not None,
        trust=args.trust,
        work_seconds=args.work_seconds,
        scenario=args.scenario,
        steps=steps,
        color=not args.no_color and not os.environ.get("NO_COLOR"),
        shuffle_seed=args.shuffle_options,
    )


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        options = options_from(args)
    except ScriptError as exc:
        print(f"mock_agent: {exc}", file=sys.stderr)
        return 2
    if not Terminal.is_terminal(sys.stdin.fileno(), sys.stdout.fileno()):
        print(NOT_A_TERMINAL, file=sys.stderr)
        return 2
    try:
        with Terminal(sys.stdin.fileno(), sys.stdout.fileno()) as term:
            return MockAgent(term, options).run()
    except KeyboardInterrupt:  # a SIGINT from outside (raw mode never makes one)
        return 130


if __name__ == "__main__":
    sys.exit(main())
