"""Persistence for the relay's OAuth server, in the relay's one database (``server/db.py``).

The tables live in ``<data dir>/relay.sqlite3`` next to the supervisors and the
audit log, registered as the ``oauth`` component of ``Database.migrate``; the
running relay passes its own :class:`~server.db.Database`, so there is one
connection and one lock. Contract: every method is a short synchronous
transaction (sub-millisecond on a local disk, WAL mode), safe to call from the
event loop and from threads. Secrets
are never stored in clear: tokens, codes and consent transactions are keyed by
their SHA-256 (``tokens.token_hash``); the owner password by its scrypt hash.
Single-use operations (``consume_code``, ``pop_pending``, ``rotate_refresh``) are
atomic compare-and-set updates, so two concurrent redemptions cannot both win.

A "family" is everything minted from one authorization code: the access and
refresh tokens of every rotation. Revoking the family kills all of them.

Live access tokens are cached in memory (at most :data:`ACCESS_CACHE_SIZE`, least
recently used first out), since every MCP request looks its bearer token up. A
revoked token must be refused at once, so the cache is emptied by every write this
store makes (revocation, rotation, pruning, any other) and, checked on every lookup
through SQLite's ``data_version``, by any commit another connection makes to the file
(an admin command in another process). Expiry is the caller's check on the returned
row, as without the cache.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from server.db import Database, open_database
from server.oauth.tokens import token_hash

ACCESS_CACHE_SIZE = 1024

# Append-only (server/db.py): add a step, never edit one that shipped.
_MIGRATIONS = [
    """
CREATE TABLE IF NOT EXISTS owner (
    id INTEGER PRIMARY KEY CHECK (id = 1), password_hash TEXT NOT NULL, set_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS clients (
    client_id TEXT PRIMARY KEY, info TEXT NOT NULL, created_at REAL NOT NULL, last_used_at REAL);
CREATE TABLE IF NOT EXISTS pending (
    txn_hash TEXT PRIMARY KEY, client_id TEXT NOT NULL, params TEXT NOT NULL, csrf TEXT NOT NULL,
    expires_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS codes (
    code_hash TEXT PRIMARY KEY, client_id TEXT NOT NULL, data TEXT NOT NULL,
    expires_at REAL NOT NULL, used_at REAL, family TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS families (
    family TEXT PRIMARY KEY, client_id TEXT NOT NULL, created_at REAL NOT NULL, revoked_at REAL);
CREATE TABLE IF NOT EXISTS tokens (
    token_hash TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('access', 'refresh')),
    family TEXT NOT NULL, client_id TEXT NOT NULL, scopes TEXT NOT NULL, resource TEXT,
    subject TEXT, expires_at REAL, rotated_at REAL, successor BLOB, revoked_at REAL);
CREATE INDEX IF NOT EXISTS tokens_family ON tokens (family);
CREATE INDEX IF NOT EXISTS tokens_client ON tokens (client_id);
CREATE TABLE IF NOT EXISTS consents (
    client_id TEXT PRIMARY KEY, scopes TEXT NOT NULL, granted_at REAL NOT NULL);
""",
]


@dataclass(frozen=True)
class TokenRow:
    kind: str
    family: str
    client_id: str
    scopes: list[str]
    resource: str | None
    subject: str | None
    expires_at: float | None
    rotated_at: float | None
    successor: bytes | None
    revoked: bool


@dataclass(frozen=True)
class CodeRow:
    client_id: str
    data: str
    expires_at: float
    used_at: float | None
    family: str


@dataclass(frozen=True)
class PendingRow:
    client_id: str
    params: str
    csrf: str


@dataclass(frozen=True)
class NewToken:
    token: str
    kind: str
    scopes: list[str]
    resource: str | None
    subject: str | None
    expires_at: float | None


class OAuthStore:
    """The OAuth tables of the relay database.

    ``where``: the relay's open :class:`Database` (shared; the relay closes it), or a
    data directory, whose database this store then opens and closes itself (the CLI).
    """

    def __init__(self, where: Database | Path) -> None:
        self._owns = not isinstance(where, Database)
        self._db = open_database(where) if isinstance(where, Path) else where
        self.path = self._db.path
        self._db.migrate("oauth", _MIGRATIONS)
        self._access: OrderedDict[str, TokenRow] = OrderedDict()
        self._seen_version: object = None

    def journal_mode(self) -> str:
        return str(self._db.pragma("journal_mode") or "")

    def close(self) -> None:
        """Close the database if this store opened it; the relay closes a shared one."""
        if self._owns:
            self._db.close()

    def _one(self, sql: str, args: tuple[object, ...] = ()) -> tuple[Any, ...] | None:
        return self._db.one(sql, args)

    def _exec(self, sql: str, args: tuple[object, ...] = ()) -> int:
        self._access.clear()
        return self._db.execute(sql, args)

    def _many(self, statements: list[tuple[str, tuple[object, ...]]]) -> list[int]:
        self._access.clear()
        with self._db.transaction() as tx:
            return [tx.execute(sql, args) for sql, args in statements]

    def _cache_current(self) -> None:
        """Empty the access-token cache if another connection committed since the last look."""
        version = self._db.pragma("data_version")
        if version != self._seen_version:
            self._access.clear()
            self._seen_version = version

    # -- owner ------------------------------------------------------------
    def password_hash(self) -> str | None:
        row = self._one("SELECT password_hash FROM owner WHERE id = 1")
        return None if row is None else str(row[0])

    def set_password_hash(self, hashed: str, now: float) -> None:
        self._exec(
            "INSERT OR REPLACE INTO owner (id, password_hash, set_at) VALUES (1, ?, ?)",
            (hashed, now),
        )

    # -- clients ----------------------------------------------------------
    def save_client(self, client_id: str, info: str, now: float) -> None:
        self._exec(
            "INSERT OR REPLACE INTO clients (client_id, info, created_at) VALUES (?, ?, ?)",
            (client_id, info, now),
        )

    def client(self, client_id: str) -> str | None:
        row = self._one("SELECT info FROM clients WHERE client_id = ?", (client_id,))
        return None if row is None else str(row[0])

    def touch_client(self, client_id: str, now: float) -> None:
        self._exec("UPDATE clients SET last_used_at = ? WHERE client_id = ?", (now, client_id))

    def prune_clients(
        self, now: float, never_used_ttl: float, idle_ttl: float, max_clients: int
    ) -> int:
        """Delete clients never used within ``never_used_ttl``, idle ones past ``idle_ttl``
        with no live token, then the oldest never-used ones beyond ``max_clients``."""
        live = (
            "SELECT client_id FROM tokens "
            "WHERE revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)"
        )
        counts = self._many(
            [
                (
                    "DELETE FROM clients WHERE last_used_at IS NULL AND created_at < ?",
                    (now - never_used_ttl,),
                ),
                (
                    f"DELETE FROM clients WHERE last_used_at < ? AND client_id NOT IN ({live})",
                    (now - idle_ttl, now),
                ),
                (
                    "DELETE FROM clients WHERE client_id IN (SELECT client_id FROM clients "
                    "WHERE last_used_at IS NULL ORDER BY created_at LIMIT MAX(0, "
                    "(SELECT COUNT(*) FROM clients) - ?))",
                    (max_clients,),
                ),
            ]
        )
        return sum(counts)

    # -- pending consent transactions ---------------------------------------
    def park(self, txn: str, client_id: str, params: str, csrf: str, expires_at: float) -> None:
        self._exec(
            "INSERT INTO pending (txn_hash, client_id, params, csrf, expires_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (token_hash(txn), client_id, params, csrf, expires_at),
        )

    def pending(self, txn: str, now: float) -> PendingRow | None:
        row = self._one(
            "SELECT client_id, params, csrf FROM pending WHERE txn_hash = ? AND expires_at > ?",
            (token_hash(txn), now),
        )
        return None if row is None else PendingRow(row[0], row[1], row[2])

    def pop_pending(self, txn: str, now: float) -> PendingRow | None:
        """Atomically take the transaction: a second POST for the same txn gets None."""
        self._access.clear()
        with self._db.transaction() as tx:
            row = tx.one(
                "DELETE FROM pending WHERE txn_hash = ? AND expires_at > ? "
                "RETURNING client_id, params, csrf",
                (token_hash(txn), now),
            )
        return None if row is None else PendingRow(row[0], row[1], row[2])

    # -- authorization codes -------------------------------------------------
    def save_code(
        self, code: str, client_id: str, data: str, expires_at: float, family: str, now: float
    ) -> None:
        self._many(
            [
                (
                    "INSERT INTO families (family, client_id, created_at) VALUES (?, ?, ?)",
                    (family, client_id, now),
                ),
                (
                    "INSERT INTO codes (code_hash, client_id, data, expires_at, family) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (token_hash(code), client_id, data, expires_at, family),
                ),
            ]
        )

    def code(self, code: str) -> CodeRow | None:
        row = self._one(
            "SELECT client_id, data, expires_at, used_at, family FROM codes WHERE code_hash = ?",
            (token_hash(code),),
        )
        return None if row is None else CodeRow(row[0], row[1], row[2], row[3], row[4])

    def consume_code(self, code: str, now: float) -> bool:
        return (
            self._exec(
                "UPDATE codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL",
                (now, token_hash(code)),
            )
            == 1
        )

    # -- tokens and families ------------------------------------------------
    def revoke_family(self, family: str, now: float) -> None:
        self._many(
            [
                (
                    "UPDATE families SET revoked_at = ? WHERE family = ? AND revoked_at IS NULL",
                    (now, family),
                ),
                (
                    "UPDATE tokens SET revoked_at = ? WHERE family = ? AND revoked_at IS NULL",
                    (now, family),
                ),
            ]
        )

    def _insert(self, family: str, client_id: str, t: NewToken) -> tuple[str, tuple[object, ...]]:
        return (
            "INSERT INTO tokens (token_hash, kind, family, client_id, scopes, resource, subject, "
            "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                token_hash(t.token),
                t.kind,
                family,
                client_id,
                " ".join(t.scopes),
                t.resource,
                t.subject,
                t.expires_at,
            ),
        )

    def insert_tokens(
        self, family: str, client_id: str, tokens: list[NewToken], now: float
    ) -> None:
        self._many(
            [self._insert(family, client_id, t) for t in tokens]
            + [("UPDATE clients SET last_used_at = ? WHERE client_id = ?", (now, client_id))]
        )

    def token(self, token: str) -> TokenRow | None:
        """The token's row; a live access token's from memory when cached (module docstring)."""
        self._cache_current()
        cached = self._access.get(token)
        if cached is not None:
            self._access.move_to_end(token)
            return cached
        found = self._token_row(token)
        if found is not None and found.kind == "access" and not found.revoked:
            self._access[token] = found
            if len(self._access) > ACCESS_CACHE_SIZE:
                self._access.popitem(last=False)
        return found

    def _token_row(self, token: str) -> TokenRow | None:
        row = self._one(
            "SELECT t.kind, t.family, t.client_id, t.scopes, t.resource, t.subject, t.expires_at, "
            "t.rotated_at, t.successor, (t.revoked_at IS NOT NULL OR f.revoked_at IS NOT NULL) "
            "FROM tokens t JOIN families f ON f.family = t.family WHERE t.token_hash = ?",
            (token_hash(token),),
        )
        if row is None:
            return None
        return TokenRow(
            row[0],
            row[1],
            row[2],
            row[3].split(),
            row[4],
            row[5],
            row[6],
            row[7],
            row[8],
            bool(row[9]),
        )

    def rotate_refresh(
        self,
        old: str,
        successor: bytes,
        family: str,
        client_id: str,
        tokens: list[NewToken],
        now: float,
    ) -> bool:
        """Mark ``old`` rotated and store its successors, atomically; False if already rotated."""
        self._access.clear()
        with self._db.transaction() as tx:
            changed = tx.execute(
                "UPDATE tokens SET rotated_at = ?, successor = ? "
                "WHERE token_hash = ? AND kind = 'refresh' "
                "AND rotated_at IS NULL AND revoked_at IS NULL",
                (now, successor, token_hash(old)),
            )
            if changed != 1:
                return False  # nothing was written: committing is the same as rolling back
            for t in tokens:
                tx.execute(*self._insert(family, client_id, t))
            tx.execute("UPDATE clients SET last_used_at = ? WHERE client_id = ?", (now, client_id))
            return True

    def prune_expired(self, now: float, keep_rotated_for: float) -> None:
        """Drop expired codes, pending transactions and tokens (rotated ones after a while,
        so a late replay is still recognised as reuse for ``keep_rotated_for`` seconds)."""
        self._many(
            [
                ("DELETE FROM pending WHERE expires_at <= ?", (now,)),
                ("DELETE FROM codes WHERE expires_at <= ?", (now - keep_rotated_for,)),
                ("DELETE FROM tokens WHERE expires_at IS NOT NULL AND expires_at <= ?", (now,)),
                (
                    "DELETE FROM families WHERE family NOT IN (SELECT family FROM tokens) "
                    "AND family NOT IN (SELECT family FROM codes)",
                    (),
                ),
            ]
        )

    # -- consent ---------------------------------------------------------------
    def record_consent(self, client_id: str, scopes: list[str], now: float) -> None:
        self._exec(
            "INSERT OR REPLACE INTO consents (client_id, scopes, granted_at) VALUES (?, ?, ?)",
            (client_id, " ".join(scopes), now),
        )

    def consent(self, client_id: str) -> list[str] | None:
        row = self._one("SELECT scopes FROM consents WHERE client_id = ?", (client_id,))
        return None if row is None else str(row[0]).split()
