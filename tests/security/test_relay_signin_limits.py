"""Class 9: sign-in limits and login challenges that an attacker cannot spend for the owner."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from websockets.asyncio.client import connect  # noqa: TID251 - fake supervisors

from server.oauth.provider import OAuthSettings
from shared import protocol as p
from supervisor.identity import Identity
from tests.oauth_support import (
    PASSWORD,
    frozen_limits,
    register,
)
from tests.relay_support import handshake, running_relay, try_password
from tests.support import scaled


async def test_forwarded_addresses_from_an_untrusted_peer_are_not_believed(
    tmp_path: Path,
) -> None:
    async with (
        running_relay(tmp_path, oauth_settings=OAuthSettings(limits=frozen_limits())) as relay,
        httpx.AsyncClient(timeout=scaled(10)) as http,
    ):
        client = await register(http, relay.base)
        statuses = [
            (
                await try_password(http, relay, client["client_id"], "wrong", f"10.0.0.{n}")
            ).status_code
            for n in range(6)
        ]
        # Six "different" addresses, one real peer: its per-source limit (5) is spent.
        assert statuses[-1] == 429 and 303 in statuses


async def test_guesses_from_many_addresses_do_not_lock_out_an_owner_who_signed_in_before(
    tmp_path: Path,
) -> None:
    async with (
        running_relay(
            tmp_path,
            trusted_proxies=("127.0.0.1",),
            oauth_settings=OAuthSettings(limits=frozen_limits()),
        ) as relay,
        httpx.AsyncClient(timeout=scaled(10)) as owner,
        httpx.AsyncClient(timeout=scaled(10)) as attacker,
    ):
        client = await register(owner, relay.base)
        first = await try_password(owner, relay, client["client_id"], PASSWORD, "192.0.2.7")
        assert first.status_code == 303 and "code=" in first.headers["location"]
        refused = 0
        for n in range(5):
            for _ in range(5):
                r = await try_password(
                    attacker, relay, client["client_id"], "wrong", f"198.51.100.{n}"
                )
                refused += r.status_code == 429
        assert refused > 0  # the attacker did exhaust the relay-wide limit
        again = await try_password(owner, relay, client["client_id"], PASSWORD, "192.0.2.7")
        assert again.status_code == 303 and "code=" in again.headers["location"]


async def test_hellos_from_others_naming_a_host_cannot_evict_its_pending_challenge(
    tmp_path: Path,
) -> None:
    async with running_relay(tmp_path) as relay:
        identity = Identity(Ed25519PrivateKey.generate())
        relay.identities["studio"] = identity
        async with connect(relay.ws) as ws:
            assert isinstance(await handshake(ws, relay, "studio"), p.Welcome)
        async with connect(relay.ws) as real:
            hello = p.Hello(
                protocol_version=p.PROTOCOL_VERSION, host="studio", public_key=identity.public_key
            )
            await real.send(p.encode(hello))
            challenge = p.decode_command(await asyncio.wait_for(real.recv(), scaled(10)))
            assert isinstance(challenge, p.Challenge)
            intruders = [await connect(relay.ws) for _ in range(10)]
            try:
                for ws in intruders:
                    await ws.send(p.encode(hello))  # never answered
                    assert isinstance(p.decode_command(await ws.recv()), p.Challenge)
                signature = identity.answer_challenge(relay.ws, "studio", challenge.nonce)
                await real.send(p.encode(p.ChallengeAnswered(signature=signature)))
                answer = p.decode_command(await asyncio.wait_for(real.recv(), scaled(10)))
                assert isinstance(answer, p.Welcome)
            finally:
                await asyncio.gather(*(ws.close() for ws in intruders))
