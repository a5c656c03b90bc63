"""The relay owner's commands: ``python -m server pair-code | unpair | supervisors | audit |
set-password``.

Each opens the relay's database in ``--data-dir`` (the running relay's, safe while it
runs: ``server/db.py`` waits for the lock), does one thing, prints the result for a
person and returns an exit code (0 done, 1 nothing to do or a check failed, 2 bad
input). Errors say what to do.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from server.audit import AuditLog
from server.db import Database, DatabaseError, open_database, writable
from server.supervisors import (
    DEFAULT_PAIR_TTL,
    PairCodeError,
    SupervisorRegistry,
)

ADMIN_COMMANDS = ("pair-code", "unpair", "supervisors", "audit", "set-password", "notify-test")
# The registry needs an origin to sign challenges for; admin commands never check one.
_ADMIN_ORIGIN = "http://relay.invalid"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m server", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        cmd = sub.add_parser(name, help=help_text)
        cmd.add_argument(
            "--data-dir",
            type=Path,
            default=Path("tether-data"),
            help="the relay's data directory (default ./tether-data)",
        )
        return cmd

    pair = add("pair-code", "create a one-time code to pair a supervisor")
    pair.add_argument("--ttl", type=float, default=DEFAULT_PAIR_TTL, help="seconds (default 600)")
    pair.add_argument(
        "--cancel-all", action="store_true", help="invalidate every unused code instead"
    )
    unpair = add("unpair", "revoke a supervisor's key; its live link is cut")
    unpair.add_argument("host", help="the supervisor's name (see `supervisors`)")
    add("supervisors", "list paired supervisors")
    audit = add("audit", "show the newest audit log entries")
    audit.add_argument("-n", type=int, default=50, help="how many (default 50)")
    audit.add_argument("--verify", action="store_true", help="verify the whole hash chain")
    audit.add_argument(
        "--prune",
        action="store_true",
        help="prune old rows now, behind a checkpoint (the relay also does this itself)",
    )
    audit.add_argument("--max-age-days", type=float, default=365.0, help="with --prune")
    audit.add_argument("--max-rows", type=int, default=1_000_000, help="with --prune")
    add("set-password", "set or change the OAuth owner password (asked on the terminal)")
    add("notify-test", "send a test notification to every URL in TETHER_NOTIFY / notify.toml")
    return parser


def _when(at: float | None) -> str:
    if at is None:
        return "-"
    return datetime.datetime.fromtimestamp(at, datetime.UTC).strftime("%Y-%m-%d %H:%M:%SZ")


READ_ONLY_COMMANDS = ("supervisors", "audit")


def _open(data_dir: Path, command: str) -> Database:
    if not data_dir.is_dir():
        raise DatabaseError(
            f"no relay data in {data_dir}: pass --data-dir with the relay's data directory"
        )
    if writable(data_dir):
        return open_database(data_dir)
    if command in READ_ONLY_COMMANDS:
        return open_database(data_dir, read_only=True)  # looking needs no write access
    raise DatabaseError(
        f"the data directory {data_dir} is read-only for this user, and {command} must write "
        "to it; run the command as the relay's user or make the directory writable. "
        "The database itself is fine."
    )


def run_admin(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(list(argv))
    if args.command == "set-password":
        return _set_password(args.data_dir)
    if args.command == "notify-test":
        from server.notify.service import notify_test

        return notify_test(args.data_dir)
    try:
        db = _open(args.data_dir, args.command)
    except DatabaseError as exc:
        print(f"tether-relay: {exc}", file=sys.stderr)
        return 2
    try:
        audit = AuditLog(db)
        registry = SupervisorRegistry(db, _ADMIN_ORIGIN, audit=audit)
        if args.command == "pair-code":
            return _pair_code(registry, args.ttl, args.cancel_all)
        if args.command == "unpair":
            return _unpair(registry, args.host)
        if args.command == "supervisors":
            return _supervisors(registry)
        if args.prune:
            pruned = audit.prune(args.max_age_days * 86400.0, max(1, args.max_rows))
            print(f"pruned {pruned} audit row(s); checkpoint {audit.checkpoint()}")
        return _audit(audit, args.n, args.verify)
    except DatabaseError as exc:
        print(f"tether-relay: {exc}", file=sys.stderr)
        return 2
    finally:
        db.close()


def _pair_code(registry: SupervisorRegistry, ttl: float, cancel_all: bool) -> int:
    if cancel_all:
        print(f"cancelled {registry.cancel_pair_codes()} unused pairing code(s)")
        return 0
    try:
        code = registry.create_pair_code(ttl)
    except PairCodeError as exc:
        print(f"tether-relay: {exc.message}; {exc.hint}", file=sys.stderr)
        return 1
    print(code.code)
    print(
        f"  one-time pairing code, valid until {_when(code.expires_at)} ({ttl:g} s).\n"
        "  On the computer to pair, run:\n"
        "    python -m supervisor up --relay wss://<relay>/supervisor --name <name> "
        f"--pair-code {code.code}",
        file=sys.stderr,
    )
    return 0


def _unpair(registry: SupervisorRegistry, host: str) -> int:
    if registry.unpair(host):
        print(
            f"unpaired {host!r}: its key is revoked and the running relay closes its link "
            "within a heartbeat (about 10 s)"
        )
        return 0
    print(f"{host!r} is not paired (see `python -m server supervisors`)", file=sys.stderr)
    return 1


def _supervisors(registry: SupervisorRegistry) -> int:
    rows = registry.list()
    if not rows:
        print("no supervisor is paired yet: run `python -m server pair-code`")
        return 0
    # The registry records when each supervisor last connected (not every heartbeat).
    print(f"{'NAME':<24} {'FINGERPRINT':<20} {'PAIRED':<21} {'LAST CONNECTED':<21} STATE")
    for sup in rows:
        short = sup.fingerprint.removeprefix("sha256:")[:16]
        short = "-".join(short[i : i + 4] for i in range(0, 16, 4))
        state = "unpaired" if sup.revoked else "paired"
        print(
            f"{sup.host:<24} {short:<20} {_when(sup.paired_at):<21} "
            f"{_when(sup.last_seen):<21} {state}"
        )
    return 0


def _audit(audit: AuditLog, n: int, verify: bool) -> int:
    for entry in audit.latest(max(1, n)):
        target = "/".join(x for x in (entry.host, entry.session) if x)
        detail = json.dumps(entry.detail, sort_keys=True) if entry.detail else ""
        print(
            f"{entry.seq:>6} {_when(entry.at)} {entry.kind:<13} {entry.actor:<28} "
            f"{entry.action:<18} {entry.result:<16} {target} {detail}".rstrip()
        )
    if not verify:
        return 0
    report = audit.verify_chain()
    if report.ok:
        checkpoint = audit.checkpoint()
        since = f", from checkpoint at row {checkpoint.seq}" if checkpoint else ""
        print(f"audit chain verified: {report.rows} rows{since}, head {audit.head()}")
        return 0
    print(f"audit chain BROKEN at row {report.seq}: {report.problem}", file=sys.stderr)
    return 1


def _set_password(data_dir: Path) -> int:
    if not data_dir.is_dir():
        print(f"tether-relay: no relay data in {data_dir}: pass --data-dir", file=sys.stderr)
        return 2
    # Here, not at the top: the other commands never load the OAuth server's web stack.
    from server.oauth.provider import set_password

    try:
        set_password(data_dir)
    except ValueError as exc:
        print(f"tether-relay: {exc}", file=sys.stderr)
        return 2
    print("owner password changed; it applies to the next sign-in on the consent page")
    return 0
