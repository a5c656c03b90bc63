"""Class 13: a supervisor knows its relay. It pins the relay's key at pairing and
refuses, before signing anything, any server at that URL that cannot prove it."""

from __future__ import annotations

import asyncio
import json
import os
import ssl
import stat
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from websockets.asyncio.server import ServerConnection, serve  # noqa: TID251 - a fake relay

from server import relay_key
from shared import protocol as p
from shared.identity import b64decode, b64encode, relay_origin, relay_proof_message
from supervisor.command_runner import CommandRunner
from supervisor.connection import LinkRefused, RelayConnection
from supervisor.identity import Identity
from supervisor.relay_pins import RelayPins
from supervisor.session_manager import SessionManager
from tests.relay_support import identity_for, running_relay, running_supervisor, write_policy
from tests.support import scaled
from tests.tls_support import make_ca_and_server_cert


@asynccontextmanager
async def impostor(origin: str, key: Ed25519PrivateKey | None) -> AsyncIterator[list[str]]:
    """A server that answers hellos like a relay, proving ``key`` (or nothing) for ``origin``;
    yields the frames supervisors sent it after its challenge."""
    after_challenge: list[str] = []

    async def handler(ws: ServerConnection) -> None:
        hello = p.decode_report(await ws.recv())
        assert isinstance(hello, p.Hello) and hello.relay_nonce is not None
        public, signatures = None, []
        if key is not None:
            public = b64encode(key.public_key().public_bytes_raw())
            nonce = b64decode(hello.relay_nonce, 32, "nonce")
            signatures = [b64encode(key.sign(relay_proof_message(origin, hello.host, nonce)))]
        await ws.send(
            p.encode(
                p.Challenge(
                    nonce=b64encode(os.urandom(32)),
                    relay_origin=origin,
                    relay_public_key=public,
                    relay_signatures=signatures,
                )
            )
        )
        async for frame in ws:
            after_challenge.append(str(frame))

    async with serve(handler, "127.0.0.1", 0) as server:
        port = server.sockets[0].getsockname()[1]
        after_challenge.append(f"ws://127.0.0.1:{port}/supervisor")  # where to dial, first
        yield after_challenge


async def _dial(
    url: str, origin_url: str, identity: Identity, policy: Path, pair_code: str | None = None
) -> str:
    manager = SessionManager(policy_file=policy)
    runner = CommandRunner(manager)
    link = RelayConnection(
        url, "studio", identity, runner, origin_url=origin_url, pair_code=pair_code
    )
    try:
        with pytest.raises(LinkRefused) as refused:
            await asyncio.wait_for(link.run_forever(), scaled(20))
    finally:
        await manager.close_all()
    assert link.attempts == 1, "a relay that is not ours is never retried"
    return str(refused.value)


async def test_a_paired_supervisor_refuses_another_server_at_its_relays_url(
    tmp_path: Path,
) -> None:
    policy = write_policy(tmp_path / "home" / "policy.toml", tmp_path)
    async with running_relay(tmp_path / "relay") as relay:
        async with running_supervisor(relay, "studio", policy):
            pass
        origin = relay_origin(relay.ws)
        pins = json.loads((policy.parent / "relays.json").read_text())
        assert pins == {origin: relay.endpoint._relay_key.public_key}  # type: ignore[union-attr]
        assert stat.S_IMODE((policy.parent / "relays.json").stat().st_mode) == 0o600
        # Another server at the same URL (DNS hijack, a stolen name), with its own valid key:
        async with impostor(origin, Ed25519PrivateKey.generate()) as seen:
            why = await _dial(seen[0], relay.ws, identity_for(policy, "studio"), policy)
        assert "not the relay this supervisor paired with" in why
        assert "relays.json" in why
        assert not any('"challenge_answered"' in f for f in seen[1:]), "nothing was signed"
        # ...while the real relay, proving the pinned key, is still accepted.
        async with running_supervisor(relay, "studio", policy) as back:
            assert back.link.links == 1


async def test_a_server_that_proves_no_relay_key_gets_no_signature(tmp_path: Path) -> None:
    policy = write_policy(tmp_path / "home" / "policy.toml", tmp_path)
    origin = "wss://relay.example.com"
    async with impostor(relay_origin(origin), None) as seen:
        why = await _dial(
            seen[0], origin, Identity(Ed25519PrivateKey.generate()), policy, pair_code="ABCDEFGH"
        )
    assert "did not prove a relay identity" in why
    assert not any('"challenge_answered"' in f for f in seen[1:])


async def test_a_wss_relay_with_an_untrusted_certificate_is_never_reached(
    tmp_path: Path,
) -> None:
    _, cert, key = make_ca_and_server_cert(tmp_path)
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(cert, key)
    hellos: list[str] = []

    async def handler(ws: ServerConnection) -> None:
        hellos.append(str(await ws.recv()))

    policy = write_policy(tmp_path / "home" / "policy.toml", tmp_path)
    manager = SessionManager(policy_file=policy)
    async with serve(handler, "127.0.0.1", 0, ssl=tls) as server:
        url = f"wss://localhost:{server.sockets[0].getsockname()[1]}/supervisor"
        link = RelayConnection(
            url, "studio", Identity(Ed25519PrivateKey.generate()), CommandRunner(manager)
        )
        try:
            with pytest.raises(ssl.SSLCertVerificationError):
                await asyncio.wait_for(link._serve_once(), scaled(10))
        finally:
            await manager.close_all()
    assert hellos == []


def test_the_relay_key_is_made_once_owner_only_and_kept(tmp_path: Path) -> None:
    tmp_path.chmod(0o700)
    first = relay_key.load_or_create(tmp_path)
    assert stat.S_IMODE((tmp_path / "relay.key").stat().st_mode) == 0o600
    assert relay_key.load_or_create(tmp_path).public_key == first.public_key


def test_pins_are_kept_per_origin_and_survive_a_restart(tmp_path: Path) -> None:
    key = b64encode(Ed25519PrivateKey.generate().public_key().public_bytes_raw())
    RelayPins(tmp_path / "relays.json").pin("https://relay.example.com", key)
    again = RelayPins(tmp_path / "relays.json")
    assert again.get("https://relay.example.com") == key
    assert again.get("https://other.example.com") is None
