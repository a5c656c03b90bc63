"""Paired supervisors, one-time pairing codes and login challenges, in the relay database.

The relay stores only each supervisor's PUBLIC key, bound 1:1 to its host name
(so fencing by host name is fencing by identity). Contract:

* **Pairing codes** (:meth:`SupervisorRegistry.create_pair_code`, run by the owner
  as ``python -m server pair-code``): 8 characters from a 30-letter alphabet with
  no look-alikes (no 0/O, 1/I/L, U), shown as ``K7QD-M2XP`` (~39 bits). Stored as
  SHA-256 only; single use; expire after ``ttl`` (default 10 min); at most
  :data:`MAX_OUTSTANDING_CODES` live at once. Guesses are rate-limited per source
  address and globally, and checked against every live code with
  ``hmac.compare_digest`` (no early exit, no SQL lookup by the secret). With
  20 guesses a minute globally and a 10-minute life, guessing one of 5 live
  codes succeeds with odds below 1 in 10^8.
* **Pairing** (:meth:`pair`) binds a public key to a host name. A name bound to
  another (unrevoked) key is refused until the owner runs ``unpair``; a key already
  bound to another name is refused (one identity, one name). A refused pairing
  does not spend the code.
* **Challenges** (:meth:`issue_challenge`, :meth:`check_challenge`): 32 random bytes,
  bound to the host name, single use (consumed by the check whatever its result),
  valid :data:`CHALLENGE_TTL` seconds; the signed bytes are
  :func:`shared.identity.challenge_message` over the relay's own origin.
* :meth:`unpair` revokes at once (the link should also fence a live connection).

The link handshake this module is built for (frames proposed for ``shared/protocol.py``)::

    supervisor -> relay  Hello{protocol_version, host, public_key, pair_code?, sessions, ...}
    relay -> supervisor  Challenge{nonce, relay_origin}        # issue_challenge(host)
    supervisor -> relay  ChallengeAnswered{signature}          # signs ITS OWN dialed origin
    relay                authenticate(host, public_key, nonce, signature, pair_code, source)
    relay -> supervisor  Welcome{...}   or close(refusal.close_code, refusal.reason)

The proof of possession comes BEFORE a pairing code is spent, so a code can only
pair a key its sender holds. ``authenticate`` raises :class:`SupervisorRefused`,
whose ``reason`` fits a WebSocket close frame (<= 120 bytes) and says what to do:
4401 needs the owner (pair, unpair, fix the URL), 4429 means retry after
``retry_after`` seconds, 4408 means reconnect now (a stale challenge).
Every decision is written to the audit log when one is given; refusals, which
anyone can cause, are aggregated per source address (``AuditLog.record_unauthenticated``).
"""

from __future__ import annotations

import builtins
import hashlib
import hmac
import secrets
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from server.audit import AuditKind, AuditLog
from server.db import Database
from server.oauth.ratelimit import RateLimiter
from shared.close_codes import CloseCode
from shared.errors import TetherError
from shared.identity import (
    NONCE_BYTES,
    PAIR_CODE_ALPHABET,
    PAIR_CODE_LENGTH,
    IdentityFormatError,
    b64decode,
    b64encode,
    challenge_message,
    fingerprint,
    normalize_pair_code,
    parse_public_key,
    relay_origin,
    verify,
)

DEFAULT_PAIR_TTL = 600.0
MAX_PAIR_TTL = 3600.0
MAX_OUTSTANDING_CODES = 5
CHALLENGE_TTL = 30.0
MAX_CHALLENGES_PER_HOST = 8


_PAIR_CMD = "`python -m server pair-code`"


class SupervisorRefused(TetherError):
    """A supervisor is not let in (or a pairing fails). ``reason`` is for the close frame."""

    def __init__(
        self, message: str, hint: str, *, reason: str, close_code: int = CloseCode.REFUSED,
        retry_after: float = 0.0,
    ) -> None:  # fmt: skip
        super().__init__(message, hint)
        self.reason = reason[:120]
        self.close_code = close_code
        self.retry_after = retry_after


class PairCodeError(TetherError):
    """The owner cannot create a pairing code right now; the hint says why and what to do."""


@dataclass(frozen=True)
class PairCode:
    code: str  # shown once to the owner; never stored
    expires_at: float


@dataclass(frozen=True)
class PairedSupervisor:
    host: str
    public_key: str
    fingerprint: str
    paired_at: float
    last_seen: float | None
    revoked_at: float | None

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None


@dataclass
class PairingLimits:
    """Guesses at pairing codes: per source address, and for the whole relay."""

    per_source: RateLimiter = field(default_factory=lambda: RateLimiter(5, 5))
    overall: RateLimiter = field(default_factory=lambda: RateLimiter(20, 20))


# ---------------------------------------------------------------- pure core


def new_pair_code(choice: Callable[[str], str] = secrets.choice) -> str:
    chars = "".join(choice(PAIR_CODE_ALPHABET) for _ in range(PAIR_CODE_LENGTH))
    return f"{chars[:4]}-{chars[4:]}"


def new_nonce() -> str:
    """A fresh challenge nonce (base64) for one connection to hold; stored nowhere."""
    return b64encode(secrets.token_bytes(NONCE_BYTES))


def pair_code_hash(normalized: str) -> str:
    return hashlib.sha256(b"tether-pair-code\n" + normalized.encode("ascii")).hexdigest()


def match_hash(candidate: str, stored: Sequence[str]) -> str | None:
    """The stored hash equal to ``candidate``, compared in constant time against all of them."""
    found = None
    for digest in stored:
        if hmac.compare_digest(candidate.encode(), digest.encode()):
            found = digest
    return found


class Outcome(StrEnum):
    KNOWN = "known"  # this host, this key, not revoked
    PAIR = "pair"  # not known, a pairing code came with it
    UNKNOWN = "unknown"
    REVOKED = "revoked"
    OTHER_KEY = "other_key"  # the host name is bound to another key


def decide(stored: PairedSupervisor | None, public_key: str, has_code: bool) -> Outcome:
    """What to do with a supervisor that proved it holds ``public_key``."""
    if stored is not None and not stored.revoked and _same(stored.public_key, public_key):
        return Outcome.KNOWN
    if has_code:
        return Outcome.PAIR
    if stored is None:
        return Outcome.UNKNOWN
    return Outcome.REVOKED if stored.revoked else Outcome.OTHER_KEY


def _same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


def _refusal(outcome: Outcome, host: str) -> SupervisorRefused:
    if outcome is Outcome.REVOKED:
        return SupervisorRefused(
            f"supervisor {host!r} was unpaired on this relay",
            f"run {_PAIR_CMD} on the relay, then restart the supervisor with --pair-code CODE",
            reason=f"this supervisor was unpaired: run {_PAIR_CMD} on the relay, "
            "restart with --pair-code",
        )
    if outcome is Outcome.OTHER_KEY:
        return SupervisorRefused(
            f"the name {host!r} is paired with another key on this relay",
            f"start this supervisor with another --name, or run `python -m server unpair {host}` "
            "on the relay if the old key is gone",
            reason="name paired with another key: pick another --name, or run "
            "`python -m server unpair NAME` on the relay",
        )
    return SupervisorRefused(
        f"supervisor {host!r} is not paired with this relay",
        f"run {_PAIR_CMD} on the relay, then restart the supervisor with --pair-code CODE",
        reason=f"unknown supervisor: run {_PAIR_CMD} on the relay, restart the supervisor "
        "with --pair-code",
    )


def _bad_code() -> SupervisorRefused:
    return SupervisorRefused(
        "the pairing code is wrong, already used, or expired",
        f"run {_PAIR_CMD} on the relay for a new code (valid 10 minutes, once)",
        reason=f"pairing code not valid (wrong, used or expired): run {_PAIR_CMD} for a new one",
    )


def _bad_key(exc: Exception) -> SupervisorRefused:
    return SupervisorRefused(
        f"the supervisor sent a malformed public key: {exc}",
        "update the supervisor",
        reason="malformed public key: update the supervisor",
    )


def _stale() -> SupervisorRefused:
    return SupervisorRefused(
        "the challenge expired or was already used",
        "reconnect; the signed answer must reach the relay within 30 seconds of its challenge",
        reason="challenge expired or already used: reconnect",
        close_code=CloseCode.RETRY_NOW,
    )


def _bad_signature() -> SupervisorRefused:
    return SupervisorRefused(
        "the supervisor's signature does not verify",
        "the supervisor signs the relay URL it dialed: start the relay with --public-url set to "
        "that URL's origin",
        reason="signature does not verify: is the relay's --public-url the URL the supervisor "
        "dials?",
    )


# ---------------------------------------------------------------- storage

_MIGRATIONS = [
    """
    CREATE TABLE supervisors (
        host TEXT PRIMARY KEY, public_key TEXT NOT NULL, fingerprint TEXT NOT NULL,
        paired_at REAL NOT NULL, last_seen REAL, revoked_at REAL);
    CREATE INDEX supervisors_fingerprint ON supervisors (fingerprint);
    CREATE TABLE pair_codes (
        code_hash TEXT PRIMARY KEY, created_at REAL NOT NULL, expires_at REAL NOT NULL,
        used_at REAL, used_by TEXT);
    CREATE TABLE challenges (
        nonce_hash TEXT PRIMARY KEY, host TEXT NOT NULL, expires_at REAL NOT NULL);
    CREATE INDEX challenges_host ON challenges (host);
    """,
]
_SUP_COLUMNS = "host, public_key, fingerprint, paired_at, last_seen, revoked_at"


def _nonce_hash(nonce: bytes) -> str:
    return hashlib.sha256(nonce).hexdigest()


class SupervisorRegistry:
    """Supervisor identities on the relay database. ``clock`` (wall time) is injectable.

    ``relay_url``: the URL (or URLs) supervisors dial this relay at; a signature
    must cover one of their origins.
    """

    def __init__(
        self,
        db: Database,
        relay_url: str | Sequence[str],
        *,
        audit: AuditLog | None = None,
        clock: Callable[[], float] = time.time,
        limits: PairingLimits | None = None,
    ) -> None:
        self._db = db
        urls = [relay_url] if isinstance(relay_url, str) else list(relay_url)
        # Every origin supervisors may dial THIS relay at (public URL, LAN address...);
        # a signature made for any other relay still fails.
        self.relay_origins = tuple(dict.fromkeys(relay_origin(url) for url in urls))
        if not self.relay_origins:
            raise ValueError("give the relay's public URL")
        self._audit = audit
        self._clock = clock
        self._limits = limits or PairingLimits()
        db.migrate("supervisors", _MIGRATIONS)

    # ------------------------------------------------------------ pairing codes

    def create_pair_code(self, ttl: float = DEFAULT_PAIR_TTL) -> PairCode:
        """A new one-time code, valid ``ttl`` seconds. Raises :class:`PairCodeError`."""
        if not 0 < ttl <= MAX_PAIR_TTL:
            raise PairCodeError(
                f"a pairing code lives 1 to {MAX_PAIR_TTL:g} seconds, not {ttl:g}",
                "pass a --ttl in that range (the default is 600)",
            )
        now = self._clock()
        code = new_pair_code()
        with self._db.transaction() as tx:
            tx.execute(
                "DELETE FROM pair_codes WHERE expires_at <= ? OR used_at IS NOT NULL", (now,)
            )
            live = tx.one("SELECT COUNT(*) FROM pair_codes")
            if live is not None and int(live[0]) >= MAX_OUTSTANDING_CODES:
                raise PairCodeError(
                    f"{MAX_OUTSTANDING_CODES} pairing codes are already waiting to be used",
                    "use one of them, wait until they expire, or run "
                    "`python -m server pair-code --cancel-all`",
                )
            tx.execute(
                "INSERT INTO pair_codes (code_hash, created_at, expires_at) VALUES (?, ?, ?)",
                (pair_code_hash(code.replace("-", "")), now, now + ttl),
            )
        self._record("owner", "pair_code.create", "ok", detail={"ttl": ttl})
        return PairCode(code, now + ttl)

    def cancel_pair_codes(self) -> int:
        """Invalidate every unused code; how many there were."""
        count = self._db.execute("DELETE FROM pair_codes WHERE used_at IS NULL")
        self._record("owner", "pair_code.cancel_all", "ok", detail={"cancelled": count})
        return count

    def outstanding_pair_codes(self) -> int:
        row = self._db.one(
            "SELECT COUNT(*) FROM pair_codes WHERE used_at IS NULL AND expires_at > ?",
            (self._clock(),),
        )
        return 0 if row is None else int(row[0])

    def pair(
        self, code: str, host: str, public_key: str, *, source: str = "unknown"
    ) -> PairedSupervisor:
        """Spend ``code`` to bind ``public_key`` to ``host``. Raises :class:`SupervisorRefused`.

        Call only after the supervisor proved it holds the key (:meth:`authenticate` does).
        """
        actor = f"supervisor:{host}"
        self._check_rate(source, actor, host)
        try:
            key_fp = fingerprint(public_key)
        except IdentityFormatError as exc:
            raise self._refused(_bad_key(exc), actor, "pair", host, source) from None
        normalized = normalize_pair_code(code)
        now = self._clock()
        refusal: SupervisorRefused | None = None
        with self._db.transaction() as tx:
            rows = tx.query(
                "SELECT code_hash FROM pair_codes WHERE used_at IS NULL AND expires_at > ?", (now,)
            )
            candidate = pair_code_hash(normalized) if normalized else "x"
            match = match_hash(candidate, [str(r[0]) for r in rows])
            other = tx.one(
                "SELECT host FROM supervisors WHERE fingerprint = ? AND host != ? "
                "AND revoked_at IS NULL",
                (key_fp, host),
            )
            stored = _paired(
                tx.one(f"SELECT {_SUP_COLUMNS} FROM supervisors WHERE host = ?", (host,))
            )
            if match is None:
                refusal = _bad_code()
            elif other is not None:
                refusal = SupervisorRefused(
                    f"this key is already paired as {other[0]!r}",
                    f"restart the supervisor with --name {other[0]}, or unpair {other[0]!r} first",
                    reason=f"this key is paired as {other[0]}: restart with that --name",
                )
            elif (
                stored is not None
                and not stored.revoked
                and not _same(stored.public_key, public_key)
            ):
                refusal = _refusal(Outcome.OTHER_KEY, host)
            else:
                tx.execute(
                    "UPDATE pair_codes SET used_at = ?, used_by = ? WHERE code_hash = ?",
                    (now, host, match),
                )
                tx.execute(
                    f"INSERT INTO supervisors ({_SUP_COLUMNS}) VALUES (?, ?, ?, ?, ?, NULL) "
                    "ON CONFLICT (host) DO UPDATE SET public_key = excluded.public_key, "
                    "fingerprint = excluded.fingerprint, paired_at = excluded.paired_at, "
                    "last_seen = excluded.last_seen, revoked_at = NULL",
                    (host, public_key, key_fp, now, now),
                )
        if refusal is not None:
            raise self._refused(refusal, actor, "pair", host, source)
        self._record(
            actor, "pair", "ok", host=host, detail={"fingerprint": key_fp, "source": source}
        )
        return PairedSupervisor(host, public_key, key_fp, now, now, None)

    def _check_rate(self, source: str, actor: str, host: str) -> None:
        wait = self._limits.per_source.hit(source) or self._limits.overall.hit("all")
        if wait:
            self._record_unauthenticated(source, actor, "pair", "rate_limited", host, {})
            raise SupervisorRefused(
                "too many pairing attempts",
                f"wait {wait:g} seconds, then try again",
                reason=f"too many pairing attempts: wait {wait:g} s and retry",
                close_code=CloseCode.RATE_LIMITED,
                retry_after=wait,
            )

    # ------------------------------------------------------------ challenges

    def issue_challenge(self, host: str) -> str:
        """A fresh nonce (base64) for ``host``, valid :data:`CHALLENGE_TTL` seconds, once."""
        nonce = secrets.token_bytes(NONCE_BYTES)
        now = self._clock()
        with self._db.transaction() as tx:
            tx.execute("DELETE FROM challenges WHERE expires_at <= ?", (now,))
            # Bound what a flood of hellos can leave behind: keep the newest few per host.
            tx.execute(
                "DELETE FROM challenges WHERE host = ? AND nonce_hash NOT IN (SELECT nonce_hash "
                "FROM challenges WHERE host = ? ORDER BY expires_at DESC LIMIT ?)",
                (host, host, MAX_CHALLENGES_PER_HOST - 1),
            )
            tx.execute(
                "INSERT INTO challenges (nonce_hash, host, expires_at) VALUES (?, ?, ?)",
                (_nonce_hash(nonce), host, now + CHALLENGE_TTL),
            )
        return b64encode(nonce)

    def check_challenge(
        self, host: str, nonce_b64: str, signature_b64: str, *, public_key: str | None = None
    ) -> bool:
        """Consume the nonce and verify the signature, against ``public_key`` if given
        (a key being paired), else against the host's paired, unrevoked key.

        False for an unknown, expired, reused or other host's nonce, a bad signature,
        or (without ``public_key``) a host that is not paired. Never raises on bad input.
        """
        try:
            return self._check(host, nonce_b64, signature_b64, public_key) is None
        except IdentityFormatError:
            return False

    def _check(
        self,
        host: str,
        nonce_b64: str,
        signature_b64: str,
        public_key: str | None,
        held: bool = False,
    ) -> SupervisorRefused | None:
        """None when the challenge is answered, else the refusal to raise.

        ``held``: the nonce is the caller's connection-bound one (fresh by construction),
        so no stored challenge is looked up or consumed."""
        try:
            nonce = b64decode(nonce_b64, NONCE_BYTES, "nonce")
            messages = [challenge_message(o, host, nonce) for o in self.relay_origins]
        except IdentityFormatError:
            return _stale()
        now = self._clock()
        with self._db.transaction() as tx:
            row: tuple[object, ...] | None = (host, now + CHALLENGE_TTL)
            if not held:
                row = tx.one(
                    "SELECT host, expires_at FROM challenges WHERE nonce_hash = ?",
                    (_nonce_hash(nonce),),
                )
                tx.execute("DELETE FROM challenges WHERE nonce_hash = ?", (_nonce_hash(nonce),))
            if public_key is None:
                stored = _paired(
                    tx.one(f"SELECT {_SUP_COLUMNS} FROM supervisors WHERE host = ?", (host,))
                )
                if stored is None or stored.revoked:
                    return _refusal(Outcome.REVOKED if stored else Outcome.UNKNOWN, host)
                public_key = stored.public_key
        if row is None or row[0] != host or float(row[1]) <= now:  # type: ignore[arg-type]
            return _stale()
        if any(verify(public_key, m, signature_b64) for m in messages):
            return None
        return _bad_signature()

    # ------------------------------------------------------------ the handshake

    def authenticate(
        self,
        host: str,
        public_key: str,
        nonce_b64: str,
        signature_b64: str,
        *,
        pair_code: str | None = None,
        source: str = "unknown",
        held: bool = False,
    ) -> PairedSupervisor:
        """Decide a supervisor's hello + answered challenge; raises :class:`SupervisorRefused`.

        ``held``: ``nonce_b64`` is the caller's own connection-bound nonce (:func:`new_nonce`)."""
        actor = f"supervisor:{host}"
        try:
            parse_public_key(public_key)
        except IdentityFormatError as exc:
            raise self._refused(_bad_key(exc), actor, "connect", host, source) from None
        refusal = self._check(host, nonce_b64, signature_b64, public_key, held)
        if refusal is not None:
            raise self._refused(refusal, actor, "connect", host, source)
        stored = self.get(host)
        outcome = decide(stored, public_key, pair_code is not None)
        if outcome is Outcome.PAIR:
            assert pair_code is not None
            return self.pair(pair_code, host, public_key, source=source)
        if outcome is not Outcome.KNOWN:
            raise self._refused(_refusal(outcome, host), actor, "connect", host, source)
        self.touch(host)
        self._record(actor, "connect", "ok", host=host, detail={"source": source})
        assert stored is not None
        return stored

    # ------------------------------------------------------------ owner's view

    def get(self, host: str) -> PairedSupervisor | None:
        return _paired(
            self._db.one(f"SELECT {_SUP_COLUMNS} FROM supervisors WHERE host = ?", (host,))
        )

    def touch(self, host: str) -> None:
        self._db.execute(
            "UPDATE supervisors SET last_seen = ? WHERE host = ?", (self._clock(), host)
        )

    def unpair(self, host: str) -> bool:
        """Revoke ``host``'s key; False if it was not paired (or already revoked)."""
        now = self._clock()
        with self._db.transaction() as tx:
            changed = tx.execute(
                "UPDATE supervisors SET revoked_at = ? WHERE host = ? AND revoked_at IS NULL",
                (now, host),
            )
            tx.execute("DELETE FROM challenges WHERE host = ?", (host,))
        self._record("owner", "unpair", "ok" if changed else "not_paired", host=host)
        return bool(changed)

    def _refused(
        self, refusal: SupervisorRefused, actor: str, action: str, host: str, source: str
    ) -> SupervisorRefused:
        """Audit a refusal (aggregated per source: anyone can cause one), then hand it back."""
        self._record_unauthenticated(
            source, actor, action, "refused", host, {"why": refusal.message}
        )
        return refusal

    def _record_unauthenticated(
        self,
        source: str,
        actor: str,
        action: str,
        result: str,
        host: str | None,
        detail: dict[str, object],
    ) -> None:
        if self._audit is not None:
            self._audit.record_unauthenticated(
                source=source, actor=actor, kind=AuditKind.SUPERVISOR, action=action,
                result=result, host=host, detail=detail,
            )  # fmt: skip

    def _record(
        self,
        actor: str,
        action: str,
        result: str,
        *,
        host: str | None = None,
        detail: dict[str, object] | None = None,
    ) -> None:
        if self._audit is not None:
            self._audit.record(
                actor=actor, kind=AuditKind.SUPERVISOR, action=action, result=result,
                host=host, detail=detail,
            )  # fmt: skip

    def list(self) -> builtins.list[PairedSupervisor]:
        """Every supervisor ever paired (revoked ones included), by host name."""
        rows = self._db.query(f"SELECT {_SUP_COLUMNS} FROM supervisors ORDER BY host")
        return [p for p in (_paired(r) for r in rows) if p is not None]


def _paired(row: tuple[object, ...] | None) -> PairedSupervisor | None:
    if row is None:
        return None
    host, public_key, key_fp, paired_at, last_seen, revoked_at = row
    return PairedSupervisor(
        str(host), str(public_key), str(key_fp), float(paired_at),  # type: ignore[arg-type]
        None if last_seen is None else float(last_seen),  # type: ignore[arg-type]
        None if revoked_at is None else float(revoked_at),  # type: ignore[arg-type]
    )  # fmt: skip
