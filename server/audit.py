"""The relay's audit log: every tool call and every authorization decision, append-only.

Stored in the relay database (``server/db.py``), table ``audit``. Contract:

* **What.** One row per event: ``at`` (unix time), ``actor`` (who: ``client:<id>``,
  ``owner``, ``supervisor:<host>``, ``relay``), ``kind`` (:class:`AuditKind`),
  ``host``/``session`` (the target), ``action`` (``send_input``, ``pair``, ...),
  ``result`` (``ok``, ``refused``, ``error``, ...), ``detail`` (a small JSON object).
* **No secrets.** :func:`sanitize` runs on every row: values under keys that name a
  credential (token, secret, password, code, authorization, cookie, signature,
  nonce, ...) become ``"[redacted]"``; ``Bearer ...`` and every well-known token
  format inside any string, and the value after a secret-named flag in a list of
  strings (a command line), are redacted (``shared.secret_patterns``); text typed into a
  session (``text``, ``answer``, ``input``, ``data``) is replaced by its length
  (``text_chars``); strings are cut to :data:`MAX_STRING_CHARS`, control characters
  (newlines, ANSI) escaped so an argument cannot forge or hide an entry, nesting and
  sizes bounded.
* **Append-only.** SQLite triggers refuse ``UPDATE`` of any row and ``DELETE`` of any
  row not covered by a checkpoint (retention, below).
* **Unauthenticated events** (a refused ``/supervisor`` handshake) go through
  :meth:`AuditLog.record_unauthenticated`: one row per source, action and result
  per minute, with later ones counted in a summary row (``server/audit_flood.py``).
* **Retention.** :meth:`AuditLog.prune` removes rows older than ``max_age`` seconds
  or beyond the newest ``max_rows`` (always keeping the newest row). It first
  appends a checkpoint (``audit_checkpoints``: the seq and hash of the last row it
  removes; a trigger checks the hash matches that row and that checkpoints only
  move forward), and the delete trigger lets only rows at or below the newest
  checkpoint go. Verification starts from that checkpoint, so the chain still
  verifies after pruning and an edit of any kept row is still caught.
* **Hash chain.** Each row stores ``hash = sha256(prev_hash + canonical row)``
  (:func:`row_hash`), the first row chaining from :data:`GENESIS`.
  :meth:`AuditLog.verify_chain` recomputes it and reports the first row edited,
  deleted (a gap in ``seq`` or a broken link), or inserted. Deleting the newest
  rows, or rewriting the whole chain, is only caught against an anchor: pass a
  :class:`Head` taken earlier (the relay logs :meth:`AuditLog.head` at start),
  and the chain must still contain it unchanged.

``record`` takes the database lock briefly (one ``BEGIN IMMEDIATE``), so it is
fine on the event loop; run ``verify_chain`` in ``asyncio.to_thread`` on a big log.

**Write-behind** (tool calls, off the call's latency): :meth:`AuditLog.defer` queues a
row stamped with the time of the event and returns at once; :meth:`AuditLog.flush`
appends every queued row, in order, in one transaction. Durability contract: the relay
flushes within :data:`WRITE_BEHIND_SECONDS` of the first queued row (``server.app``),
at once when :data:`MAX_DEFERRED` rows wait, and at shutdown; every other method of
this class (``record``, ``latest``, ``head``, ``verify_chain``, ``prune``) flushes
first, so rows keep the order of their events and a reader in the process sees them
all. What a crash (SIGKILL, power loss) can lose is the rows of the last
:data:`WRITE_BEHIND_SECONDS`, as ``synchronous=NORMAL`` already may lose the last
commits on power loss; the chain stays whole either way, since hashes are computed
at flush.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from server.audit_flood import FloodGate
from server.db import Database, Transaction
from shared.secret_patterns import mask_argv, mask_secrets

GENESIS = "0" * 64
MAX_STRING_CHARS = 200
MAX_DETAIL_KEYS = 32
MAX_LIST_ITEMS = 20
MAX_DEPTH = 3
MAX_LATEST = 1000
REDACTED = "[redacted]"
DEFAULT_MAX_AGE = 365 * 86400.0  # a year of history
DEFAULT_MAX_ROWS = 1_000_000  # a few hundred MB at most
PRUNE_EVERY = 10_000  # appends between retention checks (also run at relay start)
WRITE_BEHIND_SECONDS = 0.05  # most a deferred row waits before its flush
MAX_DEFERRED = 256  # deferred rows that force a flush at once
MAX_KEPT = 16 * MAX_DEFERRED  # deferred rows kept while flushes fail
MEMO_CHARS, MEMO_SIZE = 100, 1024  # cleaned short strings remembered (_clean_text)

# A key naming a credential has any of these in it (lower-cased).
_SECRET_WORDS = (
    "token", "secret", "passw", "code", "authorization", "cookie", "signature",
    "verifier", "credential", "private", "api_key", "apikey", "nonce", "session_key",
)  # fmt: skip
# Keys that contain a secret word but are plainly not secrets.
_NOT_SECRET = frozenset({"exit_code", "error_code", "status_code", "code_challenge_method"})
# Text a person typed into a session: never stored, only its length.
_TYPED_KEYS = frozenset({"text", "answer", "input", "data"})
_BEARER = re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class AuditKind(StrEnum):
    TOOL_CALL = "tool_call"  # an MCP tool call, whatever its outcome
    AUTHORIZATION = "authorization"  # an OAuth decision: login, consent, token, refusal
    SUPERVISOR = "supervisor"  # pairing, challenge, unpair, connection refused


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: float
    actor: str
    kind: str
    host: str | None
    session: str | None
    action: str
    result: str
    detail: dict[str, Any]
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class Head:
    """The newest row's ``seq`` and ``hash``: an anchor to verify the chain against later."""

    seq: int
    hash: str


@dataclass(frozen=True)
class Checkpoint:
    """Rows up to ``seq`` were pruned; the last of them had ``hash``."""

    seq: int
    hash: str
    at: float
    pruned: int


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    rows: int
    problem: str = ""  # what is wrong, naming the row
    seq: int | None = None  # the first row found wrong


# ---------------------------------------------------------------- pure core


def _clean_text(value: str) -> str:
    # Most strings repeat row after row (actor, tool, result, host, session id); the
    # masking regexes cost ~10 us each, so short ones are remembered (bounded memo).
    return _clean_short(value) if len(value) <= MEMO_CHARS else _clean_uncached(value)


def _clean_uncached(value: str) -> str:
    value = _BEARER.sub(lambda m: f"{m.group(1)} {REDACTED}", value)
    value = mask_secrets(value)  # a token pasted into a name or an argument
    value = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", value)
    if len(value) > MAX_STRING_CHARS:
        value = value[:MAX_STRING_CHARS] + f"...[+{len(value) - MAX_STRING_CHARS} chars]"
    return value


_clean_short = functools.lru_cache(maxsize=MEMO_SIZE)(_clean_uncached)


def _is_secret_key(key: str) -> bool:
    lowered = key.lower()
    return lowered not in _NOT_SECRET and any(word in lowered for word in _SECRET_WORDS)


def _clean_value(value: object, depth: int) -> object:
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        return value if value == value and abs(value) != float("inf") else str(value)
    if isinstance(value, str):
        return _clean_text(value)
    if depth >= MAX_DEPTH:
        return "[nested too deep]"
    if isinstance(value, Mapping):
        return sanitize(value, _depth=depth + 1)
    if isinstance(value, list | tuple | set | frozenset):
        items = list(value)
        if items and all(isinstance(item, str) for item in items):
            items = mask_argv(items)  # a command line: "--token VALUE" hides VALUE
        cleaned = [_clean_value(item, depth + 1) for item in items[:MAX_LIST_ITEMS]]
        if len(items) > MAX_LIST_ITEMS:
            cleaned.append(f"[+{len(items) - MAX_LIST_ITEMS} items]")
        return cleaned
    return _clean_text(repr(value))


def sanitize(detail: Mapping[Any, Any] | None, *, _depth: int = 0) -> dict[str, Any]:
    """``detail`` made safe to store: no credentials, no typed text, bounded (see module doc)."""
    out: dict[str, Any] = {}
    if not detail:
        return out
    for index, (raw_key, value) in enumerate(detail.items()):
        if index >= MAX_DETAIL_KEYS:
            out["_omitted_keys"] = len(detail) - MAX_DETAIL_KEYS
            break
        key = _clean_text(str(raw_key))[:64]
        if key.lower() in _TYPED_KEYS and isinstance(value, str | bytes):
            out[f"{key}_chars"] = len(value)
        elif _is_secret_key(key):
            out[key] = REDACTED
        else:
            out[key] = _clean_value(value, _depth)
    return out


def canonical(fields: Mapping[str, object]) -> bytes:
    """The bytes a row's hash covers: sorted-key, compact, ASCII JSON."""
    return json.dumps(
        fields, sort_keys=True, separators=(",", ":"), ensure_ascii=True, allow_nan=False
    ).encode("ascii")


def row_hash(prev_hash: str, fields: Mapping[str, object]) -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + canonical(fields)).hexdigest()


def _fields(entry: AuditEntry) -> dict[str, object]:
    return {
        "seq": entry.seq,
        "at": entry.at,
        "actor": entry.actor,
        "kind": entry.kind,
        "host": entry.host,
        "session": entry.session,
        "action": entry.action,
        "result": entry.result,
        "detail": entry.detail,
    }


def check_chain(
    entries: Iterable[AuditEntry], anchor: Head | None = None, start: Checkpoint | None = None
) -> ChainReport:
    """Verify a chain of rows in ``seq`` order (pure; :meth:`AuditLog.verify_chain` feeds it).

    ``start``: the newest checkpoint; the first row must follow it. An anchor older than
    the checkpoint was pruned and cannot be compared; one equal to it must match it."""
    prev_hash, expected_seq, count, anchor_seen = GENESIS, 1, 0, anchor is None
    if start is not None:
        prev_hash, expected_seq = start.hash, start.seq + 1
        if anchor is not None and anchor.seq <= start.seq:
            if anchor.seq == start.seq and anchor.hash != start.hash:
                return ChainReport(
                    False, 0, f"the checkpoint at row {start.seq} differs from the anchor", None
                )
            anchor_seen = True
    for entry in entries:
        count += 1
        if entry.seq != expected_seq:
            return ChainReport(
                False, count, f"row {expected_seq} is missing (next row is {entry.seq})", entry.seq
            )
        if entry.prev_hash != prev_hash:
            return ChainReport(
                False, count, f"row {entry.seq} does not link to the row before it", entry.seq
            )
        if row_hash(prev_hash, _fields(entry)) != entry.hash:
            return ChainReport(False, count, f"row {entry.seq} was changed", entry.seq)
        if anchor is not None and entry.seq == anchor.seq:
            if entry.hash != anchor.hash:
                return ChainReport(
                    False, count, f"row {entry.seq} differs from the anchor", entry.seq
                )
            anchor_seen = True
        prev_hash, expected_seq = entry.hash, expected_seq + 1
    if not anchor_seen:
        assert anchor is not None
        return ChainReport(
            False, count, f"rows up to {anchor.seq} were there before: rows were deleted", None
        )
    return ChainReport(True, count)


# ---------------------------------------------------------------- storage

_MIGRATIONS = [
    """
    CREATE TABLE audit (
        seq INTEGER PRIMARY KEY, at REAL NOT NULL, actor TEXT NOT NULL, kind TEXT NOT NULL,
        host TEXT, session TEXT, action TEXT NOT NULL, result TEXT NOT NULL,
        detail TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    """,
    """
    CREATE TABLE audit_checkpoints (
        upto_seq INTEGER PRIMARY KEY, hash TEXT NOT NULL, at REAL NOT NULL,
        pruned INTEGER NOT NULL);
    CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
        BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
    CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
        BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
    CREATE TRIGGER audit_checkpoints_match BEFORE INSERT ON audit_checkpoints
        WHEN NEW.hash IS NOT (SELECT hash FROM audit WHERE seq = NEW.upto_seq)
          OR NEW.upto_seq <= COALESCE((SELECT MAX(upto_seq) FROM audit_checkpoints), 0)
          OR NEW.upto_seq >= (SELECT MAX(seq) FROM audit)
        BEGIN SELECT RAISE(ABORT,
            'a checkpoint must name a kept row after the last checkpoint, before the newest');
        END;
    DROP TRIGGER audit_no_delete;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        WHEN OLD.seq > COALESCE((SELECT MAX(upto_seq) FROM audit_checkpoints), 0)
        BEGIN SELECT RAISE(ABORT,
            'the audit log is append-only: only rows behind a checkpoint may be pruned');
        END;
    """,
]
_COLUMNS = "seq, at, actor, kind, host, session, action, result, detail, prev_hash, hash"


def _entry(row: tuple[Any, ...]) -> AuditEntry:
    seq, at, actor, kind, host, session, action, result, detail, prev_hash, digest = row
    return AuditEntry(
        int(seq), float(at), actor, kind, host, session, action, result,
        json.loads(detail), prev_hash, digest,
    )  # fmt: skip


def _event(
    at: float,
    actor: str,
    kind: AuditKind | str,
    action: str,
    result: str,
    host: str | None,
    session: str | None,
    detail: Mapping[str, Any] | None,
) -> dict[str, Any]:
    if not actor or not action or not result:
        raise ValueError("an audit entry needs an actor, an action and a result")
    return {
        "at": at,
        "actor": actor,
        "kind": str(kind),
        "host": host,
        "session": session,
        "action": action,
        "result": result,
        "detail": detail,
    }


def _sanitized(event: Mapping[str, Any]) -> dict[str, Any]:
    """The row's fields as stored: text cleaned, detail sanitized."""
    host, session = event["host"], event["session"]
    return {
        "at": event["at"],
        "actor": _clean_text(event["actor"]),
        "kind": _clean_text(event["kind"]),
        "host": None if host is None else _clean_text(host),
        "session": None if session is None else _clean_text(session),
        "action": _clean_text(event["action"]),
        "result": _clean_text(event["result"]),
        # A JSON round trip, so the hash covers exactly what a reader gets back.
        "detail": json.loads(canonical(sanitize(event["detail"]))),
    }


class AuditLog:
    """The ``audit`` table. ``clock`` is injectable for tests."""

    def __init__(
        self,
        db: Database,
        clock: Callable[[], float] = time.time,
        *,
        max_age: float | None = DEFAULT_MAX_AGE,
        max_rows: int | None = DEFAULT_MAX_ROWS,
    ) -> None:
        self._db = db
        self._clock = clock
        self.max_age, self.max_rows = max_age, max_rows
        self._gate = FloodGate()
        self._since_prune = 0
        self._deferred: list[dict[str, Any]] = []
        db.migrate("audit", _MIGRATIONS)

    def record_unauthenticated(self, *, source: str, **event: Any) -> AuditEntry | None:
        """Like :meth:`record`, for an event anyone can cause: aggregated per ``source``
        (``server/audit_flood.py``). The row written now, if any."""
        written = None
        for row in self._gate.offer(float(self._clock()), source, event):
            written = self.record(**row)
        return written

    def flush_unauthenticated(self) -> None:
        """Write the counts of every open window (at shutdown)."""
        for row in self._gate.flush():
            self.record(**row)

    def record(
        self,
        *,
        actor: str,
        kind: AuditKind | str,
        action: str,
        result: str,
        host: str | None = None,
        session: str | None = None,
        detail: Mapping[str, Any] | None = None,
    ) -> AuditEntry:
        """Append one sanitized row to the chain (after any deferred ones) and return it."""
        event = _event(float(self._clock()), actor, kind, action, result, host, session, detail)
        self.flush()
        with self._db.transaction() as tx:
            entry = self._append(tx, _sanitized(event))
        self._counted(1)
        return entry

    def defer(
        self,
        *,
        actor: str,
        kind: AuditKind | str,
        action: str,
        result: str,
        host: str | None = None,
        session: str | None = None,
        detail: Mapping[str, Any] | None = None,
    ) -> int:
        """Queue one row, stamped now, for :meth:`flush` (write-behind, see the module
        docstring); how many rows wait. The caller schedules the flush."""
        event = _event(float(self._clock()), actor, kind, action, result, host, session, detail)
        self._deferred.append(event)
        if len(self._deferred) >= MAX_DEFERRED:
            self.flush()
        return len(self._deferred)

    @property
    def deferred(self) -> int:
        """Rows queued by :meth:`defer` and not yet written."""
        return len(self._deferred)

    def flush(self) -> int:
        """Append every deferred row, in order, in one transaction; how many."""
        if not self._deferred:
            return 0
        events, self._deferred = self._deferred, []
        try:
            with self._db.transaction() as tx:
                for event in events:
                    self._append(tx, _sanitized(event))
        except BaseException:
            # Rolled back: kept for the next flush, up to MAX_KEPT (a full disk must not
            # grow the relay's memory without bound; the oldest go first).
            self._deferred[:0] = events
            del self._deferred[: max(0, len(self._deferred) - MAX_KEPT)]
            raise
        self._counted(len(events))
        return len(events)

    def _counted(self, appended: int) -> None:
        self._since_prune += appended
        if self._since_prune >= PRUNE_EVERY:
            self.prune()

    def _append(self, tx: Transaction, fields: dict[str, Any]) -> AuditEntry:
        last = tx.one("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")
        if last is None:  # pruning always keeps a row, but follow a checkpoint if there is one
            last = tx.one("SELECT upto_seq, hash FROM audit_checkpoints ORDER BY upto_seq DESC")
        seq, prev_hash = (1, GENESIS) if last is None else (int(last[0]) + 1, str(last[1]))
        fields["seq"] = seq
        digest = row_hash(prev_hash, fields)
        tx.execute(
            f"INSERT INTO audit ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                seq, fields["at"], fields["actor"], fields["kind"], fields["host"],
                fields["session"], fields["action"], fields["result"],
                canonical(fields["detail"]).decode("ascii"), prev_hash, digest,
            ),
        )  # fmt: skip
        return AuditEntry(
            seq, fields["at"], fields["actor"], fields["kind"], fields["host"],
            fields["session"], fields["action"], fields["result"], fields["detail"],
            prev_hash, digest,
        )  # fmt: skip

    def latest(self, n: int = 50) -> list[AuditEntry]:
        """The newest ``n`` rows (at most :data:`MAX_LATEST`), newest first."""
        self.flush()
        n = max(1, min(int(n), MAX_LATEST))
        rows = self._db.query(f"SELECT {_COLUMNS} FROM audit ORDER BY seq DESC LIMIT ?", (n,))
        return [_entry(row) for row in rows]

    def head(self) -> Head | None:
        self.flush()
        row = self._db.one("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")
        return None if row is None else Head(int(row[0]), str(row[1]))

    def verify_chain(self, anchor: Head | None = None, batch: int = 500) -> ChainReport:
        """Recompute the chain from the newest checkpoint (in batches, so other callers get
        the lock in between)."""
        self.flush()
        return check_chain(self._iterate(batch), anchor, self.checkpoint())

    def checkpoint(self) -> Checkpoint | None:
        """The newest checkpoint (where pruning stopped), or None if nothing was pruned."""
        row = self._db.one(
            "SELECT upto_seq, hash, at, pruned FROM audit_checkpoints ORDER BY upto_seq DESC"
        )
        if row is None:
            return None
        return Checkpoint(int(row[0]), str(row[1]), float(row[2]), int(row[3]))

    def prune(self, max_age: float | None = None, max_rows: int | None = None) -> int:
        """Remove rows older than ``max_age`` seconds or beyond the newest ``max_rows``
        (defaults: this log's limits), behind a checkpoint; how many rows went."""
        self.flush()
        self._since_prune = 0
        max_age = self.max_age if max_age is None else max_age
        max_rows = self.max_rows if max_rows is None else max_rows
        now = float(self._clock())
        with self._db.transaction() as tx:
            head = tx.one("SELECT MAX(seq) FROM audit")
            if head is None or head[0] is None:
                return 0
            upto = 0
            if max_rows is not None:
                upto = int(head[0]) - max(1, max_rows)
            if max_age is not None:
                old = tx.one("SELECT MAX(seq) FROM audit WHERE at < ?", (now - max_age,))
                if old is not None and old[0] is not None:
                    upto = max(upto, int(old[0]))
            upto = min(upto, int(head[0]) - 1)  # the newest row stays: appends chain from it
            last = tx.one("SELECT hash FROM audit WHERE seq = ?", (upto,))
            if upto <= 0 or last is None:
                return 0
            gone = tx.one("SELECT COUNT(*) FROM audit WHERE seq <= ?", (upto,))
            count = 0 if gone is None else int(gone[0])
            tx.execute(
                "INSERT INTO audit_checkpoints (upto_seq, hash, at, pruned) VALUES (?, ?, ?, ?)",
                (upto, str(last[0]), now, count),
            )
            tx.execute("DELETE FROM audit WHERE seq <= ?", (upto,))
        return count

    def _iterate(self, batch: int) -> Iterable[AuditEntry]:
        after = 0
        while True:
            rows = self._db.query(
                f"SELECT {_COLUMNS} FROM audit WHERE seq > ? ORDER BY seq LIMIT ?", (after, batch)
            )
            if not rows:
                return
            for row in rows:
                yield _entry(row)
            after = int(rows[-1][0])
