"""Class 7: unauthenticated events cannot grow the audit log; old rows can be pruned
while the hash chain still verifies, and nothing else can delete a row."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from websockets.asyncio.client import connect  # noqa: TID251 - fake supervisors

from server.admin import run_admin
from server.audit import AuditKind, AuditLog
from server.db import DatabaseError, open_database
from server.oauth.provider import OAuthSettings
from server.supervisors import SupervisorRefused, SupervisorRegistry, new_nonce
from supervisor.identity import Identity
from tests.oauth_support import frozen_limits, register
from tests.relay_support import handshake, running_relay, try_password
from tests.support import scaled

URL = "https://relay.example.com"


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def _refused_rows(audit: AuditLog) -> list[dict[str, object]]:
    return [e.detail for e in audit.latest(1000) if e.result == "refused"]


def test_a_thousand_refused_handshakes_from_one_source_write_two_rows(tmp_path: Path) -> None:
    clock = Clock()
    db = open_database(tmp_path / "data")
    audit = AuditLog(db, clock)
    registry = SupervisorRegistry(db, URL, audit=audit, clock=clock)
    key = Identity(Ed25519PrivateKey.generate()).public_key
    for _ in range(1000):
        with pytest.raises(SupervisorRefused):
            registry.authenticate(
                "intruder", key, new_nonce(), "A" * 86 + "==", source="203.0.113.9", held=True
            )
    assert len(_refused_rows(audit)) == 1
    clock.now += 61
    with pytest.raises(SupervisorRefused):
        registry.authenticate(
            "intruder", key, new_nonce(), "A" * 86 + "==", source="203.0.113.9", held=True
        )
    rows = _refused_rows(audit)
    assert len(rows) == 3  # the first, the count of the 999 after it, a new window's first
    assert any(r.get("repeated") == 999 and r["source"] == "203.0.113.9" for r in rows)
    assert audit.verify_chain().ok
    db.close()


async def test_refused_supervisor_handshakes_are_aggregated_at_the_relay(tmp_path: Path) -> None:
    async with running_relay(tmp_path) as relay:
        before = len(relay.audit.latest(1000))
        for n in range(30):
            async with connect(relay.ws) as ws:
                assert await handshake(ws, relay, f"stranger-{n}", pair_code=None) is None
        assert len(relay.audit.latest(1000)) - before == 1


def _filled(tmp_path: Path, clock: Clock, rows: int) -> AuditLog:
    audit = AuditLog(open_database(tmp_path / "data"), clock, max_age=None, max_rows=None)
    for n in range(rows):
        clock.now += 60
        audit.record(actor="owner", kind=AuditKind.TOOL_CALL, action=f"call{n}", result="ok")
    return audit


def test_pruning_keeps_the_chain_verifiable_from_a_checkpoint(tmp_path: Path) -> None:
    clock = Clock()
    audit = _filled(tmp_path, clock, 50)
    anchor = audit.head()
    assert audit.prune(max_rows=10) == 40
    assert audit.checkpoint() is not None and audit.checkpoint().seq == 40  # type: ignore[union-attr]
    report = audit.verify_chain(anchor)
    assert report.ok and report.rows == 10
    assert audit.prune(max_age=5 * 60) == 4  # by age too: rows 41-44, over five minutes old
    assert audit.verify_chain(anchor).ok
    audit.record(actor="owner", kind=AuditKind.TOOL_CALL, action="after", result="ok")
    assert audit.verify_chain().ok
    assert run_admin(["audit", "-n", "1", "--verify", "--data-dir", str(tmp_path / "data")]) == 0


def test_only_rows_behind_a_checkpoint_can_be_deleted(tmp_path: Path) -> None:
    clock = Clock()
    audit = _filled(tmp_path, clock, 20)
    db = audit._db
    with pytest.raises(DatabaseError, match="append-only"):
        db.execute("DELETE FROM audit WHERE seq = 20")
    with pytest.raises(DatabaseError, match="checkpoint"):  # a checkpoint with a made-up hash
        db.execute(
            "INSERT INTO audit_checkpoints (upto_seq, hash, at, pruned) VALUES (19, 'x', 0, 19)"
        )
    audit.prune(max_rows=5)
    with pytest.raises(DatabaseError, match="append-only"):
        db.execute("DELETE FROM audit_checkpoints")
    with pytest.raises(DatabaseError, match="append-only"):
        db.execute("UPDATE audit SET result = 'forged' WHERE seq = 20")
    raw = sqlite3.connect(db.path)
    try:
        raw.execute("PRAGMA foreign_keys = ON")
        assert raw.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == 5
    finally:
        raw.close()
    assert audit.verify_chain().ok


async def test_a_flood_of_wrong_passwords_writes_one_row_per_kind_of_refusal(
    tmp_path: Path,
) -> None:
    async with (
        running_relay(tmp_path, oauth_settings=OAuthSettings(limits=frozen_limits())) as relay,
        httpx.AsyncClient(timeout=scaled(10)) as http,
    ):
        client = await register(http, relay.base)
        statuses = [
            (await try_password(http, relay, client["client_id"], "wrong", "any")).status_code
            for _ in range(12)
        ]
        assert 303 in statuses and 429 in statuses
        logins = [e.result for e in relay.audit.latest(1000) if e.action == "consent.login"]
        assert sorted(logins) == ["rate_limited", "refused_password"]
