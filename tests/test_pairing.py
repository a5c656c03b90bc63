"""Pairing codes, key binding, login challenges and unpairing (server/supervisors.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from server.audit import AuditLog
from server.db import Database, open_database
from server.oauth.ratelimit import RateLimiter
from server.supervisors import (
    CHALLENGE_TTL,
    MAX_OUTSTANDING_CODES,
    PairCodeError,
    PairingLimits,
    SupervisorRefused,
    SupervisorRegistry,
    pair_code_hash,
)
from shared.close_codes import CloseCode
from shared.identity import PAIR_CODE_ALPHABET, normalize_pair_code
from supervisor.identity import Identity

RELAY = "https://relay.example"
SUPERVISOR_DIALS = "wss://relay.example/supervisor"


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "data")
    yield database
    database.close()


@pytest.fixture
def audit(db: Database, clock: Clock) -> AuditLog:
    return AuditLog(db, clock=clock)


@pytest.fixture
def registry(db: Database, audit: AuditLog, clock: Clock) -> SupervisorRegistry:
    return SupervisorRegistry(db, RELAY, audit=audit, clock=clock)


def new_identity() -> Identity:
    return Identity(Ed25519PrivateKey.generate())


def connect(
    registry: SupervisorRegistry,
    identity: Identity,
    host: str = "studio",
    pair_code: str | None = None,
    source: str = "203.0.113.7",
    dialed: str = SUPERVISOR_DIALS,
) -> object:
    """The whole handshake as the link would run it: hello, challenge, answer, decision."""
    nonce = registry.issue_challenge(host)
    signature = identity.answer_challenge(dialed, host, nonce)
    return registry.authenticate(
        host, identity.public_key, nonce, signature, pair_code=pair_code, source=source
    )


def refused(call: object, *args: object, **kwargs: object) -> SupervisorRefused:
    with pytest.raises(SupervisorRefused) as caught:
        call(*args, **kwargs)  # type: ignore[operator]
    return caught.value


# ---------------------------------------------------------------- pairing codes


def test_a_pairing_code_is_short_and_uses_only_unambiguous_characters(
    registry: SupervisorRegistry,
) -> None:
    for _ in range(MAX_OUTSTANDING_CODES):
        code = registry.create_pair_code().code
        assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}", code)
        assert not set(code.replace("-", "")) & set("01OILU")
    assert not set(PAIR_CODE_ALPHABET) & set("01OILU")


def test_a_code_is_accepted_however_a_person_types_it() -> None:
    assert normalize_pair_code(" k7qd-m2xp ") == "K7QDM2XP"
    assert normalize_pair_code("K7QD M2XP") == "K7QDM2XP"
    assert normalize_pair_code("K7QD-M2X") is None
    assert normalize_pair_code("K7QD-M2X0") is None  # 0 is not in the alphabet


def test_a_pairing_code_binds_the_key_to_the_host_and_then_logs_in(
    registry: SupervisorRegistry, clock: Clock
) -> None:
    me = new_identity()
    code = registry.create_pair_code().code
    paired = connect(registry, me, pair_code=code.lower())
    assert paired == registry.get("studio")
    stored = registry.get("studio")
    assert stored is not None and stored.public_key == me.public_key
    assert stored.fingerprint == me.fingerprint and stored.paired_at == clock.now
    clock.now += 60
    connect(registry, me)  # no code needed any more
    again = registry.get("studio")
    assert again is not None and again.last_seen == clock.now


def test_a_pairing_code_works_once(registry: SupervisorRegistry) -> None:
    code = registry.create_pair_code().code
    connect(registry, new_identity(), host="studio", pair_code=code)
    refusal = refused(connect, registry, new_identity(), host="laptop", pair_code=code)
    assert refusal.close_code == CloseCode.REFUSED
    assert "pair-code" in refusal.reason and "used" in refusal.reason
    assert registry.get("laptop") is None


def test_a_pairing_code_expires(registry: SupervisorRegistry, clock: Clock) -> None:
    code = registry.create_pair_code(ttl=600).code
    clock.now += 600
    refusal = refused(connect, registry, new_identity(), pair_code=code)
    assert "expired" in refusal.reason
    assert registry.outstanding_pair_codes() == 0


def test_a_wrong_code_is_refused_saying_how_to_get_a_valid_one(
    registry: SupervisorRegistry,
) -> None:
    registry.create_pair_code()
    refusal = refused(connect, registry, new_identity(), pair_code="AAAA-BBBB")
    assert refusal.close_code == CloseCode.REFUSED
    assert "python -m server pair-code" in refusal.reason
    refusal = refused(connect, registry, new_identity(), pair_code="not a code at all")
    assert "python -m server pair-code" in refusal.reason


def test_pairing_codes_are_stored_hashed_never_in_clear(
    registry: SupervisorRegistry, db: Database, tmp_path: Path
) -> None:
    codes = [registry.create_pair_code().code for _ in range(3)]
    connect(registry, new_identity(), pair_code=codes[0])
    db.close()
    raw = b"".join(p.read_bytes() for p in (tmp_path / "data").iterdir())
    for code in codes:
        assert pair_code_hash(code.replace("-", "")).encode() in raw  # what is stored instead
        assert code.encode() not in raw
        assert code.replace("-", "").encode() not in raw
        assert code.replace("-", "").lower().encode() not in raw


def test_guessing_codes_hits_the_per_source_limit_then_the_global_one(
    db: Database, clock: Clock
) -> None:
    def frozen() -> float:  # no refill during the test
        return 0.0

    limits = PairingLimits(
        per_source=RateLimiter(5, 5, clock=frozen), overall=RateLimiter(8, 8, clock=frozen)
    )
    registry = SupervisorRegistry(db, RELAY, clock=clock, limits=limits)
    code = registry.create_pair_code().code
    me = new_identity()
    for _ in range(5):
        assert refused(connect, registry, me, pair_code="AAAA-AAAA", source="a").close_code == (
            CloseCode.REFUSED
        )
    # The sixth try from that source is refused before the code is even looked at.
    limited = refused(connect, registry, me, pair_code=code, source="a")
    assert limited.close_code == CloseCode.RATE_LIMITED
    assert limited.retry_after > 0 and "wait" in limited.reason
    # Other sources share a global budget (8): 3 more tries, then everyone waits.
    for _ in range(3):
        refused(connect, registry, me, pair_code="AAAA-AAAA", source="b")
    assert refused(connect, registry, me, pair_code=code, source="c").close_code == (
        CloseCode.RATE_LIMITED
    )
    assert registry.get("studio") is None
    assert registry.outstanding_pair_codes() == 1  # the real code was never spent


def test_at_most_a_few_codes_are_outstanding_and_the_owner_can_cancel_them(
    registry: SupervisorRegistry, clock: Clock
) -> None:
    for _ in range(MAX_OUTSTANDING_CODES):
        registry.create_pair_code()
    with pytest.raises(PairCodeError) as caught:
        registry.create_pair_code()
    assert "--cancel-all" in caught.value.hint
    assert registry.cancel_pair_codes() == MAX_OUTSTANDING_CODES
    registry.create_pair_code()
    clock.now += 10_000  # expired codes no longer count
    for _ in range(MAX_OUTSTANDING_CODES):
        registry.create_pair_code()


@pytest.mark.parametrize("ttl", [0, -5, 3601])
def test_a_code_lifetime_out_of_range_is_refused(registry: SupervisorRegistry, ttl: float) -> None:
    with pytest.raises(PairCodeError, match="--ttl"):
        registry.create_pair_code(ttl=ttl)


# ---------------------------------------------------------------- binding


def test_a_host_name_bound_to_another_key_is_refused_until_the_owner_unpairs_it(
    registry: SupervisorRegistry,
) -> None:
    original, intruder = new_identity(), new_identity()
    connect(registry, original, pair_code=registry.create_pair_code().code)
    code = registry.create_pair_code().code
    refusal = refused(connect, registry, intruder, pair_code=code)
    assert "another key" in refusal.reason and "unpair" in refusal.reason
    stored = registry.get("studio")
    assert stored is not None and stored.public_key == original.public_key
    assert registry.outstanding_pair_codes() == 1  # a refused pairing does not spend the code
    assert registry.unpair("studio") is True
    connect(registry, intruder, pair_code=code)  # the owner unpaired: the new key may pair
    stored = registry.get("studio")
    assert stored is not None and stored.public_key == intruder.public_key and not stored.revoked


def test_without_a_code_a_host_bound_to_another_key_is_refused(
    registry: SupervisorRegistry,
) -> None:
    connect(registry, new_identity(), pair_code=registry.create_pair_code().code)
    refusal = refused(connect, registry, new_identity())
    assert refusal.close_code == CloseCode.REFUSED and "another key" in refusal.reason


def test_one_key_cannot_be_paired_under_two_names(registry: SupervisorRegistry) -> None:
    me = new_identity()
    connect(registry, me, host="studio", pair_code=registry.create_pair_code().code)
    refusal = refused(
        connect, registry, me, host="laptop", pair_code=registry.create_pair_code().code
    )
    assert "paired as studio" in refusal.reason


def test_an_unknown_supervisor_is_told_how_to_pair(registry: SupervisorRegistry) -> None:
    refusal = refused(connect, registry, new_identity())
    assert refusal.close_code == CloseCode.REFUSED
    assert "python -m server pair-code" in refusal.reason and "--pair-code" in refusal.reason


def test_a_code_cannot_pair_a_key_the_sender_does_not_hold(registry: SupervisorRegistry) -> None:
    victim, attacker = new_identity(), new_identity()
    code = registry.create_pair_code().code
    nonce = registry.issue_challenge("studio")
    signature = attacker.answer_challenge(SUPERVISOR_DIALS, "studio", nonce)
    refusal = refused(
        registry.authenticate, "studio", victim.public_key, nonce, signature, pair_code=code
    )
    assert "signature" in refusal.reason
    assert registry.get("studio") is None and registry.outstanding_pair_codes() == 1


def test_a_malformed_public_key_is_refused(registry: SupervisorRegistry) -> None:
    nonce = registry.issue_challenge("studio")
    refusal = refused(registry.authenticate, "studio", "bm90IGEga2V5", nonce, "AAAA")
    assert "malformed public key" in refusal.reason


# ---------------------------------------------------------------- challenges


def _paired(registry: SupervisorRegistry) -> Identity:
    me = new_identity()
    connect(registry, me, pair_code=registry.create_pair_code().code)
    return me


def test_a_challenge_answer_is_accepted_once(registry: SupervisorRegistry) -> None:
    me = _paired(registry)
    nonce = registry.issue_challenge("studio")
    signature = me.answer_challenge(SUPERVISOR_DIALS, "studio", nonce)
    assert registry.check_challenge("studio", nonce, signature) is True
    assert registry.check_challenge("studio", nonce, signature) is False


def test_a_replayed_signed_hello_is_refused_because_the_nonce_is_spent(
    registry: SupervisorRegistry,
) -> None:
    me = _paired(registry)
    nonce = registry.issue_challenge("studio")
    signature = me.answer_challenge(SUPERVISOR_DIALS, "studio", nonce)
    registry.authenticate("studio", me.public_key, nonce, signature)
    refusal = refused(registry.authenticate, "studio", me.public_key, nonce, signature)
    assert refusal.close_code == CloseCode.RETRY_NOW and "already used" in refusal.reason


def test_a_challenge_expires(registry: SupervisorRegistry, clock: Clock) -> None:
    me = _paired(registry)
    nonce = registry.issue_challenge("studio")
    signature = me.answer_challenge(SUPERVISOR_DIALS, "studio", nonce)
    clock.now += CHALLENGE_TTL
    assert registry.check_challenge("studio", nonce, signature) is False
    refusal = refused(registry.authenticate, "studio", me.public_key, nonce, signature)
    assert refusal.close_code == CloseCode.RETRY_NOW


def test_a_nonce_issued_for_one_host_does_not_log_in_another(
    registry: SupervisorRegistry,
) -> None:
    me = _paired(registry)
    nonce = registry.issue_challenge("laptop")
    signature = me.answer_challenge(SUPERVISOR_DIALS, "studio", nonce)
    assert registry.check_challenge("studio", nonce, signature) is False


def test_a_nonce_the_relay_never_issued_is_refused(registry: SupervisorRegistry) -> None:
    me = _paired(registry)
    made_up = "A" * 43 + "="
    signature = me.answer_challenge(SUPERVISOR_DIALS, "studio", made_up)
    assert registry.check_challenge("studio", made_up, signature) is False


def test_a_signature_made_for_another_relay_is_refused_naming_the_public_url(
    registry: SupervisorRegistry,
) -> None:
    me = _paired(registry)
    refusal = refused(connect, registry, me, dialed="wss://other-relay.example/supervisor")
    assert refusal.close_code == CloseCode.REFUSED and "--public-url" in refusal.reason


def test_a_relay_reachable_at_several_urls_accepts_signatures_for_each_and_no_other(
    db: Database, clock: Clock
) -> None:
    registry = SupervisorRegistry(
        db, ["https://relay.example", "http://192.168.1.5:8765"], clock=clock
    )
    me = new_identity()
    connect(registry, me, pair_code=registry.create_pair_code().code)
    connect(registry, me, dialed="ws://192.168.1.5:8765/supervisor")
    connect(registry, me, dialed="wss://relay.example/supervisor")
    refused(connect, registry, me, dialed="ws://192.168.1.5:9999/supervisor")


@pytest.mark.parametrize(
    ("nonce", "signature"),
    [("", ""), ("%%%", "%%%"), ("A" * 5000, "B" * 5000), ("QUFB", "QUFB")],
)
def test_garbage_challenge_answers_are_refused_without_crashing(
    registry: SupervisorRegistry, nonce: str, signature: str
) -> None:
    me = _paired(registry)
    assert registry.check_challenge("studio", nonce, signature) is False
    refused(registry.authenticate, "studio", me.public_key, nonce, signature)


def test_a_flood_of_hellos_leaves_only_a_few_challenges_per_host(
    registry: SupervisorRegistry, db: Database
) -> None:
    for _ in range(100):
        registry.issue_challenge("studio")
    row = db.one("SELECT COUNT(*) FROM challenges WHERE host = 'studio'")
    assert row is not None and 0 < row[0] <= 8


# ---------------------------------------------------------------- unpair, list, audit


def test_unpair_revokes_at_once(registry: SupervisorRegistry) -> None:
    me = _paired(registry)
    pending = registry.issue_challenge("studio")  # issued before the unpair
    assert registry.unpair("studio") is True
    refusal = refused(connect, registry, me)
    assert "unpaired" in refusal.reason and "pair-code" in refusal.reason
    signature = me.answer_challenge(SUPERVISOR_DIALS, "studio", pending)
    assert registry.check_challenge("studio", pending, signature) is False
    assert registry.unpair("studio") is False
    assert registry.unpair("never-paired") is False
    [row] = registry.list()
    assert row.host == "studio" and row.revoked


def test_a_revoked_supervisor_can_pair_again_with_a_new_code(registry: SupervisorRegistry) -> None:
    me = _paired(registry)
    registry.unpair("studio")
    connect(registry, me, pair_code=registry.create_pair_code().code)
    stored = registry.get("studio")
    assert stored is not None and not stored.revoked


def test_list_shows_every_paired_supervisor_by_name(registry: SupervisorRegistry) -> None:
    for host in ("zeta", "alpha"):
        connect(registry, new_identity(), host=host, pair_code=registry.create_pair_code().code)
    assert [s.host for s in registry.list()] == ["alpha", "zeta"]


def test_every_refusal_reason_fits_a_websocket_close_frame(registry: SupervisorRegistry) -> None:
    longest = "h" * 63
    reasons = [
        refused(connect, registry, new_identity(), host=longest).reason,
        refused(connect, registry, new_identity(), host=longest, pair_code="AAAA-AAAA").reason,
    ]
    connect(registry, new_identity(), host=longest, pair_code=registry.create_pair_code().code)
    reasons.append(refused(connect, registry, new_identity(), host=longest).reason)
    registry.unpair(longest)
    reasons.append(refused(connect, registry, new_identity(), host=longest).reason)
    for reason in reasons:
        assert 0 < len(reason.encode()) <= 120, reason


def test_pairing_decisions_are_audited_without_the_code(
    registry: SupervisorRegistry, audit: AuditLog
) -> None:
    code = registry.create_pair_code().code
    refused(connect, registry, new_identity(), host="laptop", pair_code="AAAA-AAAA")
    connect(registry, new_identity(), pair_code=code)
    registry.unpair("studio")
    rows = list(reversed(audit.latest(10)))
    assert [(r.action, r.result) for r in rows] == [
        ("pair_code.create", "ok"),
        ("pair", "refused"),
        ("pair", "ok"),
        ("unpair", "ok"),
    ]
    assert rows[2].actor == "supervisor:studio" and rows[3].actor == "owner"
    text = repr(rows)
    assert code not in text and code.replace("-", "") not in text
    assert audit.verify_chain().ok
