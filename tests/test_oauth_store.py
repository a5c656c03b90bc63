"""The OAuth server's persistence and pure helpers: store, passwords, tokens, limits, redirects."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from server.oauth.passwords import WeakPassword, hash_password, verify_password
from server.oauth.provider import OAuthSettings, set_password
from server.oauth.ratelimit import RateLimiter
from server.oauth.redirects import check_registrable, redirect_matches
from server.oauth.routes import build_oauth_provider
from server.oauth.store import NewToken, OAuthStore
from server.oauth.tokens import new_token, seal, token_hash, unseal


@pytest.fixture
def store(tmp_path: Path) -> Iterator[OAuthStore]:
    s = OAuthStore(tmp_path)
    yield s
    s.close()


def _pair(scopes: list[str] | None = None) -> list[NewToken]:
    scopes = scopes or ["sessions:read"]
    return [
        NewToken(new_token(), "access", scopes, "https://r.test/mcp", "owner", 2e9),
        NewToken(new_token(), "refresh", scopes, "https://r.test/mcp", "owner", 2e9),
    ]


def test_the_database_uses_wal_is_owner_only_and_never_holds_a_raw_token(store: OAuthStore) -> None:
    store.save_code("raw-code-123", "c1", "{}", 2e9, family="f1", now=1.0)
    tokens = _pair()
    store.insert_tokens("f1", "c1", tokens, now=1.0)
    assert store.journal_mode() == "wal"
    store.close()
    raw = b"".join(p.read_bytes() for p in store.path.parent.iterdir())
    for secret in ("raw-code-123", tokens[0].token, tokens[1].token):
        assert secret.encode() not in raw
    assert token_hash(tokens[0].token).encode() in raw
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600


def test_a_code_can_be_consumed_exactly_once(store: OAuthStore) -> None:
    store.save_code("c0de", "c1", "{}", 2e9, family="f1", now=1.0)
    assert store.consume_code("c0de", now=2.0) is True
    assert store.consume_code("c0de", now=3.0) is False
    row = store.code("c0de")
    assert row is not None and row.used_at == 2.0


def test_a_refresh_token_rotates_once_and_keeps_its_sealed_successor(store: OAuthStore) -> None:
    store.save_code("c", "c1", "{}", 2e9, family="f1", now=1.0)
    first = _pair()
    store.insert_tokens("f1", "c1", first, now=1.0)
    old = first[1].token
    assert store.rotate_refresh(old, seal("next", old), "f1", "c1", _pair(), now=5.0)
    assert not store.rotate_refresh(old, seal("other", old), "f1", "c1", _pair(), now=6.0)
    row = store.token(old)
    assert row is not None and row.rotated_at == 5.0 and row.successor is not None
    assert unseal(row.successor, old) == "next"
    assert unseal(row.successor, new_token()) is None


def test_revoking_a_family_revokes_every_token_in_it_even_ones_inserted_later(
    store: OAuthStore,
) -> None:
    store.save_code("c", "c1", "{}", 2e9, family="f1", now=1.0)
    early = _pair()
    store.insert_tokens("f1", "c1", early, now=1.0)
    store.revoke_family("f1", now=2.0)
    late = _pair()
    store.insert_tokens("f1", "c1", late, now=3.0)
    assert all(store.token(t.token).revoked for t in early + late)  # type: ignore[union-attr]


def test_a_pending_consent_is_single_use_and_expires(store: OAuthStore) -> None:
    store.park("txn1", "c1", "{}", "csrf", expires_at=10.0)
    assert store.pending("txn1", now=11.0) is None
    store.park("txn2", "c1", "{}", "csrf", expires_at=10.0)
    assert store.pop_pending("txn2", now=5.0) is not None
    assert store.pop_pending("txn2", now=5.0) is None


def test_pruning_drops_never_used_and_idle_clients_and_caps_the_total(store: OAuthStore) -> None:
    for i in range(5):
        store.save_client(f"new{i}", "{}", now=100.0 + i)
    store.save_client("stale", "{}", now=0.0)
    store.save_client("used", "{}", now=0.0)
    store.touch_client("used", now=50.0)
    store.prune_clients(now=150.0, never_used_ttl=120.0, idle_ttl=1e9, max_clients=3)
    left = {cid for cid in ["stale", "used", *(f"new{i}" for i in range(5))] if store.client(cid)}
    assert left == {"used", "new3", "new4"}


def test_passwords_are_salted_scrypt_hashes_that_verify_only_the_right_password() -> None:
    a, b = hash_password("hunter2hunter2"), hash_password("hunter2hunter2")
    assert a != b and a.startswith("scrypt$")
    assert verify_password("hunter2hunter2", a)
    assert not verify_password("hunter2hunter3", a)
    assert not verify_password("x", "garbage")
    with pytest.raises(WeakPassword, match="at least 8"):
        hash_password("short")


def test_the_password_hash_cost_defaults_to_production_strength_and_is_stored_with_the_hash(
    tmp_path: Path,
) -> None:
    assert hash_password("hunter2hunter2").split("$")[1] == str(2**15)
    assert OAuthSettings().password_cost == 2**15
    cheap = hash_password("hunter2hunter2", 2**10)
    assert cheap.split("$")[1] == str(2**10) and verify_password("hunter2hunter2", cheap)
    provider = build_oauth_provider(
        "http://127.0.0.1:1",
        tmp_path,
        password="first-password",
        settings=OAuthSettings(password_cost=2**11),
    )
    stored = provider.store.password_hash()
    provider.store.close()
    assert stored is not None and stored.split("$")[1] == str(2**11)
    assert verify_password("first-password", stored)


@pytest.mark.parametrize("cost", [2**9, 3000, 2**18])
def test_a_password_hash_cost_too_weak_too_costly_or_not_a_power_of_two_is_refused(
    cost: int,
) -> None:
    with pytest.raises(ValueError, match="power of two from 1024 to 131072"):
        OAuthSettings(password_cost=cost)
    with pytest.raises(ValueError, match="Pick one in that range"):
        hash_password("hunter2hunter2", cost)


def test_set_password_replaces_the_owner_password_but_a_first_start_password_never_does(
    tmp_path: Path,
) -> None:
    provider = build_oauth_provider("http://127.0.0.1:1", tmp_path, password="first-password")
    first = provider.store.password_hash()
    provider.store.close()
    again = build_oauth_provider("http://127.0.0.1:1", tmp_path, password="ignored-password")
    assert again.store.password_hash() == first
    again.store.close()
    set_password(tmp_path, "second-password")
    final = build_oauth_provider("http://127.0.0.1:1", tmp_path)
    stored = final.store.password_hash()
    final.store.close()
    assert stored is not None and verify_password("second-password", stored)


def test_a_rate_limiter_allows_a_burst_then_says_how_long_to_wait_and_refills() -> None:
    now = [0.0]
    limiter = RateLimiter(per_minute=6, burst=2, clock=lambda: now[0])
    assert [limiter.hit("ip"), limiter.hit("ip")] == [0.0, 0.0]
    assert limiter.hit("ip") == 10.0
    assert limiter.hit("other") == 0.0
    now[0] += 10.0
    assert limiter.hit("ip") == 0.0


def test_a_rate_limiter_keeps_memory_bounded_under_a_flood_of_keys() -> None:
    limiter = RateLimiter(per_minute=1, burst=1, max_keys=100)
    for i in range(1000):
        limiter.hit(f"ip{i}")
    assert len(limiter._buckets) <= 101


@pytest.mark.parametrize(
    "uri",
    [
        "https://claude.ai/api/mcp/auth_callback",
        "https://claude.com/api/mcp/auth_callback",
        "https://chatgpt.com/connector_platform_oauth_redirect",
        "https://chatgpt.com/connector/oauth/abc_123-X",
        "http://127.0.0.1:33418/callback",
        "http://localhost/cb",
        "http://[::1]:8080/",
    ],
)
def test_the_hosted_callbacks_and_loopback_are_registrable_by_default(uri: str) -> None:
    assert check_registrable(uri) is None


def test_an_operator_listed_redirect_is_registrable_and_others_are_told_what_to_do() -> None:
    assert check_registrable("https://my.app/cb", extra=["https://my.app/cb"]) is None
    assert check_registrable("https://my.app/oauth/x1", extra=["https://my.app/oauth/*"]) is None
    assert (
        check_registrable("https://my.app/oauth/x1/y", extra=["https://my.app/oauth/*"]) is not None
    )
    message = check_registrable("https://my.app/cb")
    assert message is not None and "allowlist" in message


def test_redirect_matching_is_exact_except_for_a_loopback_port() -> None:
    assert redirect_matches(
        "https://claude.ai/api/mcp/auth_callback", ["https://claude.ai/api/mcp/auth_callback"]
    )
    assert not redirect_matches(
        "https://claude.ai/api/mcp/auth_callback/", ["https://claude.ai/api/mcp/auth_callback"]
    )
    assert redirect_matches("http://127.0.0.1:9/cb", ["http://127.0.0.1:8/cb"])
    assert not redirect_matches("http://localhost:9/cb", ["http://127.0.0.1:8/cb"])


def test_expired_rows_are_swept_but_used_codes_are_kept_long_enough_to_spot_a_replay(
    store: OAuthStore,
) -> None:
    store.save_code("old", "c1", "{}", expires_at=10.0, family="f1", now=1.0)
    store.save_code("used", "c1", "{}", expires_at=100.0, family="f2", now=1.0)
    store.consume_code("used", now=2.0)
    store.insert_tokens("f2", "c1", [NewToken("t", "access", [], None, None, 50.0)], now=2.0)
    store.park("txn", "c1", "{}", "csrf", expires_at=10.0)
    store.prune_expired(now=200.0, keep_rotated_for=150.0)
    assert store.code("old") is None and store.token("t") is None
    assert store.code("used") is not None
    assert store.pending("txn", now=0.0) is None
