"""Access tokens are cached in memory, yet a revoked or expired one is refused at once."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest

from server.oauth.provider import OAuthSettings
from server.oauth.store import ACCESS_CACHE_SIZE, NewToken, OAuthStore
from server.oauth.tokens import new_token
from tests.oauth_support import FakeClock, LiveRelay, call_tool, live_relay, signed_in
from tests.support import scaled

RESOURCE = "https://r.test/mcp"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[OAuthStore]:
    s = OAuthStore(tmp_path)
    yield s
    s.close()


def grant(store: OAuthStore, family: str, expires_at: float = 2e9) -> str:
    store.save_code(f"code-{family}", "c1", "{}", 2e9, family=family, now=1.0)
    access = NewToken(new_token(), "access", ["sessions:read"], RESOURCE, "owner", expires_at)
    store.insert_tokens(family, "c1", [access], now=1.0)
    return access.token


def test_a_cached_token_revoked_through_the_store_is_reported_revoked_at_once(
    store: OAuthStore,
) -> None:
    token = grant(store, "f1")
    first, again = store.token(token), store.token(token)
    assert first is not None and not first.revoked and again == first
    store.revoke_family("f1", now=2.0)
    after = store.token(token)
    assert after is not None and after.revoked


def test_a_cached_token_revoked_by_another_process_is_reported_revoked_at_once(
    store: OAuthStore, tmp_path: Path
) -> None:
    token = grant(store, "f1")
    assert store.token(token) is not None and not store.token(token).revoked  # type: ignore[union-attr]
    other = OAuthStore(tmp_path)  # its own connection, as an admin command in another process
    try:
        other.revoke_family("f1", now=2.0)
    finally:
        other.close()
    after = store.token(token)
    assert after is not None and after.revoked


def test_a_token_deleted_by_another_process_is_unknown_at_once(
    store: OAuthStore, tmp_path: Path
) -> None:
    token = grant(store, "f1", expires_at=5.0)
    assert store.token(token) is not None
    other = OAuthStore(tmp_path)
    try:
        other.prune_expired(now=10.0, keep_rotated_for=0.0)
    finally:
        other.close()
    assert store.token(token) is None


def test_the_cache_stays_bounded_and_every_token_still_resolves(store: OAuthStore) -> None:
    tokens = [grant(store, f"f{i}") for i in range(ACCESS_CACHE_SIZE + 5)]
    for token in tokens:
        row = store.token(token)
        assert row is not None and row.kind == "access"
    assert len(store._access) == ACCESS_CACHE_SIZE
    oldest = store.token(tokens[0])  # evicted: read again from the database
    assert oldest is not None and oldest.family == "f0"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def relay(tmp_path: Path, clock: FakeClock) -> AsyncIterator[LiveRelay]:
    async with live_relay(tmp_path, OAuthSettings(clock=clock)) as r:
        yield r


def assert_invalid_token(r: httpx.Response) -> None:
    assert r.status_code == 401, r.text
    assert 'error="invalid_token"' in r.headers["www-authenticate"]


async def test_a_token_in_use_is_refused_on_the_very_next_call_after_its_revocation(
    relay: LiveRelay,
) -> None:
    async with httpx.AsyncClient(timeout=scaled(10)) as http:
        client_id, tokens = await signed_in(http, relay.base)
        access = tokens["access_token"]
        for _ in range(2):  # the second call is answered from the cache
            assert (await call_tool(relay.base, access)).status_code == 200
        await http.post(f"{relay.base}/revoke", data={"token": access, "client_id": client_id})
    assert_invalid_token(await call_tool(relay.base, access))


async def test_a_cached_token_is_refused_once_it_expires(
    relay: LiveRelay, clock: FakeClock
) -> None:
    async with httpx.AsyncClient(timeout=scaled(10)) as http:
        _, tokens = await signed_in(http, relay.base)
    access = tokens["access_token"]
    assert (await call_tool(relay.base, access)).status_code == 200
    clock.advance(relay.provider.settings.access_ttl + 1)
    assert_invalid_token(await call_tool(relay.base, access))
