"""``python -m supervisor``: run sessions on this computer for a relay, or for a local MCP client.

python -m supervisor up --relay wss://relay.example.com/supervisor --name studio \
    --pair-code K7QD-M2XP           # the code only the first time: `python -m server pair-code`
python -m supervisor mcp            # the same tools over stdio, no relay
python -m supervisor policy         # where the policy file is, and what it allows
python -m supervisor approver-code  # a one-time code to register your passkey for approvals
python -m supervisor approvers      # the passkeys that may approve dangerous prompts
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import re
import signal
import socket
import sys
from collections.abc import Sequence

from shared.identity import normalize_pair_code
from supervisor.command_runner import CommandRunner
from supervisor.descendants import become_subreaper, end_adopted
from supervisor.policy import MOCK_AGENT, PolicyFileError, load_policy, policy_path
from supervisor.request_journal import RequestJournal
from supervisor.session_manager import SessionManager

VERSION = "0.1.0"
log = logging.getLogger("tether.supervisor")


def default_host_name() -> str:
    short = socket.gethostname().split(".")[0]
    return re.sub(r"[^A-Za-z0-9_.-]", "-", short).strip("-.")[:63] or "computer"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m supervisor",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--home", help="state directory (policy, keys); env TETHER_HOME, default ~/.config/tether"
    )
    parser.add_argument(
        "--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"]
    )
    sub = parser.add_subparsers(dest="command", required=True)

    up = sub.add_parser("up", help="connect to a relay and serve its tool calls")
    up.add_argument(
        "--relay",
        default=os.environ.get("TETHER_RELAY_URL"),
        help="the relay's supervisor WebSocket, e.g. wss://relay.example.com/supervisor "
        "(env TETHER_RELAY_URL)",
    )
    up.add_argument(
        "--name",
        default=os.environ.get("TETHER_HOST_NAME") or default_host_name(),
        help="this computer's name as the phone sees it (env TETHER_HOST_NAME)",
    )
    up.add_argument(
        "--pair-code",
        default=os.environ.get("TETHER_PAIR_CODE"),
        help="one-time pairing code from `python -m server pair-code` on the relay, needed "
        "only the first time (env TETHER_PAIR_CODE)",
    )
    up.add_argument(
        "--relay-origin",
        default=os.environ.get("TETHER_RELAY_ORIGIN") or None,
        help="the relay's own URL when --relay is a local forwarder or tunnel to it; the "
        "supervisor signs for this one (env TETHER_RELAY_ORIGIN)",
    )
    up.add_argument(
        "--mock", action="store_true", help="start the mock agent when a session names no command"
    )

    mcp = sub.add_parser("mcp", help="serve the tools over stdio to a local MCP client")
    mcp.add_argument(
        "--mock", action="store_true", help="start the mock agent when a session names no command"
    )

    sub.add_parser("policy", help="show the policy file and what it allows")
    sub.add_parser(
        "approver-code",
        help="print a one-time code to register a passkey that approves dangerous prompts",
    )
    sub.add_parser("approvers", help="list the passkeys that may approve dangerous prompts")
    return parser


def _manager(mock: bool) -> SessionManager:
    return SessionManager(default_command=[MOCK_AGENT] if mock else None)


async def _serve_relay(args: argparse.Namespace) -> int:
    from supervisor.connection import LinkRefused, RelayConnection
    from supervisor.identity import IdentityError, load_or_create

    try:
        identity = load_or_create()
    except IdentityError as exc:
        print(f"tether supervisor: {exc.message}\n  {exc.hint}", file=sys.stderr)
        return 2
    print(
        f"tether supervisor {args.name!r}: identity {identity.short_fingerprint} "
        f"(the relay shows it in `python -m server supervisors`)",
        file=sys.stderr,
        flush=True,
    )
    journal = _journal(f"relay {args.relay}")
    if journal is None:
        return 2
    become_subreaper()  # orphans of sessions' descendants come back to us, not to init
    manager = _manager(args.mock)
    manager.stepup.bind_relay(args.relay, args.name)
    agent = CommandRunner(manager, journal=journal)
    link = RelayConnection(
        args.relay,
        args.name,
        identity,
        agent,
        pair_code=args.pair_code,
        version=VERSION,
        origin_url=args.relay_origin,
    )
    from supervisor.agent_mcp.wiring import AgentWiring
    from supervisor.policy import tether_home

    agents = AgentWiring(manager, args.name, tether_home() / "state.sqlite3", link.requests)
    from supervisor.resume_sessions import resume_sessions

    agent.reap_orphans()  # before the hello, so resumed sessions are in it
    await resume_sessions(agent)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    runner = asyncio.create_task(link.run_forever())
    stopper = asyncio.create_task(stop.wait())
    from supervisor.orchestration.restart import resume

    resume(manager)  # watchers, unconfirmed announcements and the batch of the last run
    try:
        await asyncio.wait({runner, stopper}, return_when=asyncio.FIRST_COMPLETED)
        if runner.done():
            runner.result()  # LinkRefused or a bug: surface it
        log.info("stopping: closing every session")
        return 0
    except LinkRefused as exc:
        print(f"tether supervisor: {exc}", file=sys.stderr)
        return 2
    finally:
        for task in (runner, stopper):
            task.cancel()
        await asyncio.gather(runner, stopper, return_exceptions=True)
        if _resumes(manager):
            agent.keep_for_resume()  # the next start resumes what this stop ends
        await manager.close_all()
        await agents.close()
        await asyncio.to_thread(end_adopted)


async def _serve_stdio(args: argparse.Namespace) -> int:
    from supervisor.local_mcp import serve_stdio

    journal = _journal("local stdio")
    if journal is None:
        return 2
    become_subreaper()
    manager = _manager(args.mock)
    try:
        await serve_stdio(CommandRunner(manager, journal=journal), default_host_name())
    finally:
        await manager.close_all()
        await asyncio.to_thread(end_adopted)
    return 0


def _resumes(manager: SessionManager) -> bool:
    try:
        return load_policy(manager.policy_file).resume_sessions
    except PolicyFileError:
        return False


def _journal(scope: str) -> RequestJournal | None:
    """The write-ahead request journal in the state directory; None (said why) if unusable."""
    from supervisor.policy import tether_home
    from supervisor.state_store import StateDatabaseError

    try:
        return RequestJournal(tether_home() / "state.sqlite3", scope)
    except StateDatabaseError as exc:
        print(f"tether supervisor: {exc.message}\n  {exc.hint}", file=sys.stderr)
        return None


def _show_policy() -> int:
    path = policy_path()
    try:
        policy = load_policy(path)
    except PolicyFileError as exc:
        print(f"{exc.message}\n{exc.hint}", file=sys.stderr)
        return 2
    print(f"policy file: {path}")
    print(f"  roots:           {', '.join(policy.roots)}")
    print(f"  commands:        {', '.join(policy.commands)}")
    print(f"  max_sessions:    {policy.max_sessions}")
    print(f"  default_command: {' '.join(policy.default_command)}")
    return 0


def _approvers(command: str) -> int:
    import time

    from supervisor.approvers import ApprovalError, Approvers

    approvers = Approvers(policy_path().parent, None, "this computer")
    if command == "approver-code":
        code = approvers.issue_code(time.time())
        print(
            f"Approver code: {code}\n  Valid 10 minutes, once. Open the relay's answer page on "
            "your phone (a notification's link), tap 'Register a passkey' and type this code.\n"
            "  Never type it anywhere else: whoever has it can register a key that approves "
            "dangerous prompts on this computer."
        )
        return 0
    try:
        known = approvers.load()
    except ApprovalError as exc:
        print(f"{exc.message}\n{exc.hint}", file=sys.stderr)
        return 2
    print(f"approvers file: {approvers.keys_file}")
    for a in known:
        print(f"  {a.label:<24} {a.credential_id[:16]}...")
    if not known:
        print("  none yet: dangerous prompts can only be answered at this computer")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.home:
        os.environ["TETHER_HOME"] = os.path.abspath(os.path.expanduser(args.home))
    # stdio mode: stdout carries MCP frames, so logs go to stderr only.
    logging.basicConfig(
        level=args.log_level,
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if args.command == "policy":
        return _show_policy()
    if args.command in ("approver-code", "approvers"):
        return _approvers(args.command)
    if args.command == "up":
        if not args.relay:
            print(
                "tether supervisor: --relay required (or env TETHER_RELAY_URL); the relay prints "
                "its supervisor URL when it starts",
                file=sys.stderr,
            )
            return 2
        args.pair_code = args.pair_code or None  # an empty TETHER_PAIR_CODE means none
        if args.pair_code is not None and normalize_pair_code(args.pair_code) is None:
            print(
                f"tether supervisor: --pair-code {args.pair_code[:20]!r} is not a pairing code "
                "(8 letters and digits like K7QD-M2XP); run `python -m server pair-code` on the "
                "relay and copy the code it prints",
                file=sys.stderr,
            )
            return 2
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,62}", args.name):
            print(
                f"tether supervisor: --name {args.name!r} must be 1-63 letters, digits, "
                "'.', '_' or '-'",
                file=sys.stderr,
            )
            return 2
        return asyncio.run(_serve_relay(args))
    return asyncio.run(_serve_stdio(args))


if __name__ == "__main__":
    sys.exit(main())
