"""Supervisor identity on the live ``/supervisor`` socket: pairing codes, challenges, unpair.

A real relay on 127.0.0.1 (``running_relay``); supervisors are fake ones speaking
the protocol (``handshake``) or the real ``RelayConnection``. Every refusal is
checked for its close code AND a reason that says what to do.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastmcp import Client
from websockets.asyncio.client import ClientConnection, connect  # noqa: TID251 - fake supervisors
from websockets.exceptions import InvalidStatus  # noqa: TID251

from server.admin import run_admin
from server.db import open_database
from server.supervisors import SupervisorRegistry
from shared import protocol as p
from supervisor.command_runner import CommandRunner
from supervisor.connection import LinkRefused, RelayConnection
from supervisor.identity import Identity
from supervisor.session_manager import SessionManager
from tests.relay_support import Relay, handshake, running_relay
from tests.support import eventually, scaled


@pytest.fixture
async def relay(tmp_path: Path) -> AsyncIterator[Relay]:
    async with running_relay(tmp_path / "relay") as r:
        yield r


def new_identity() -> Identity:
    return Identity(Ed25519PrivateKey.generate())


async def closed_with(ws: ClientConnection) -> tuple[int | None, str]:
    await asyncio.wait_for(ws.wait_closed(), scaled(10))
    return ws.close_code, ws.close_reason or ""


async def online(relay: Relay, name: str) -> bool:
    return any(h.name == name and h.online for h in await relay.hub.hosts())


async def offline(relay: Relay, name: str) -> bool:
    return any(h.name == name and not h.online for h in await relay.hub.hosts())


async def test_a_supervisor_with_a_fresh_pair_code_is_paired_and_later_needs_no_code(
    relay: Relay,
) -> None:
    me = new_identity()
    code = relay.registry.create_pair_code().code
    async with connect(relay.ws) as ws:
        assert isinstance(
            await handshake(ws, relay, "studio", identity=me, pair_code=code), p.Welcome
        )
    stored = relay.registry.get("studio")
    assert stored is not None and stored.public_key == me.public_key and not stored.revoked
    async with connect(relay.ws) as ws:
        assert isinstance(
            await handshake(ws, relay, "studio", identity=me, pair_code=None), p.Welcome
        )


async def test_a_wrong_pair_code_is_refused_saying_to_create_a_new_one(relay: Relay) -> None:
    relay.registry.create_pair_code()
    async with connect(relay.ws) as ws:
        assert await handshake(ws, relay, "studio", new_identity(), pair_code="ABCD-EFGH") is None
        code, reason = await closed_with(ws)
    assert code == 4401 and "pairing code not valid" in reason
    assert "python -m server pair-code" in reason
    assert relay.registry.get("studio") is None


async def test_an_expired_pair_code_is_refused(relay: Relay, tmp_path: Path) -> None:
    # The owner's CLI (another connection to the same database) made it an hour ago.
    db = open_database(tmp_path / "relay")
    try:
        past = SupervisorRegistry(db, relay.base, clock=lambda: time.time() - 3600)
        stale = past.create_pair_code(ttl=600).code
    finally:
        db.close()
    async with connect(relay.ws) as ws:
        assert await handshake(ws, relay, "studio", new_identity(), pair_code=stale) is None
        code, reason = await closed_with(ws)
    assert code == 4401 and "expired" in reason and "pair-code" in reason


async def test_a_pair_code_already_used_cannot_pair_a_second_key(relay: Relay) -> None:
    code = relay.registry.create_pair_code().code
    async with connect(relay.ws) as ws:
        assert isinstance(await handshake(ws, relay, "first", new_identity(), code), p.Welcome)
    async with connect(relay.ws) as ws:
        assert await handshake(ws, relay, "second", new_identity(), pair_code=code) is None
        code_, reason = await closed_with(ws)
    assert code_ == 4401 and "used" in reason
    assert relay.registry.get("second") is None


async def test_a_replayed_challenge_signature_is_refused(relay: Relay) -> None:
    me = new_identity()
    code = relay.registry.create_pair_code().code
    hello = p.Hello(
        protocol_version=p.PROTOCOL_VERSION, host="studio", public_key=me.public_key, pair_code=code
    )
    async with connect(relay.ws) as ws:
        await ws.send(p.encode(hello))
        challenge = p.decode_command(await asyncio.wait_for(ws.recv(), scaled(10)))
        assert isinstance(challenge, p.Challenge)
        recorded = me.answer_challenge(relay.ws, "studio", challenge.nonce)
        await ws.send(p.encode(p.ChallengeAnswered(signature=recorded)))
        welcome = p.decode_command(await asyncio.wait_for(ws.recv(), scaled(10)))
        assert isinstance(welcome, p.Welcome)
    # An eavesdropper replays the recorded answer on a new connection.
    async with connect(relay.ws) as ws:
        await ws.send(p.encode(hello.model_copy(update={"pair_code": None})))
        fresh = p.decode_command(await asyncio.wait_for(ws.recv(), scaled(10)))
        assert isinstance(fresh, p.Challenge) and fresh.nonce != challenge.nonce
        await ws.send(p.encode(p.ChallengeAnswered(signature=recorded)))
        code_, reason = await closed_with(ws)
    assert code_ == 4401 and "signature does not verify" in reason


async def test_a_signature_for_another_relay_is_refused_naming_public_url(relay: Relay) -> None:
    me = new_identity()
    code = relay.registry.create_pair_code().code
    async with connect(relay.ws) as ws:
        hello = p.Hello(
            protocol_version=p.PROTOCOL_VERSION,
            host="studio",
            public_key=me.public_key,
            pair_code=code,
        )
        await ws.send(p.encode(hello))
        challenge = p.decode_command(await asyncio.wait_for(ws.recv(), scaled(10)))
        assert isinstance(challenge, p.Challenge)
        elsewhere = me.answer_challenge(
            "wss://other-relay.example/supervisor", "studio", challenge.nonce
        )
        await ws.send(p.encode(p.ChallengeAnswered(signature=elsewhere)))
        code_, reason = await closed_with(ws)
    assert code_ == 4401 and "--public-url" in reason
    assert relay.registry.get("studio") is None, "a refused pairing must not pair"


async def test_a_second_connection_with_the_same_identity_fences_the_first(relay: Relay) -> None:
    async with connect(relay.ws) as first:
        assert isinstance(await handshake(first, relay, "studio"), p.Welcome)
        async with connect(relay.ws) as second:
            assert isinstance(await handshake(second, relay, "studio"), p.Welcome)
            code, reason = await closed_with(first)
            assert code == 4409 and "replaced" in reason
            assert await online(relay, "studio")


async def test_another_key_cannot_take_over_a_paired_name(relay: Relay) -> None:
    async with connect(relay.ws) as ws:
        assert isinstance(await handshake(ws, relay, "studio"), p.Welcome)
    async with connect(relay.ws) as ws:
        assert await handshake(ws, relay, "studio", new_identity(), pair_code=None) is None
        code, reason = await closed_with(ws)
    assert code == 4401 and "unpair" in reason


async def test_unpair_cuts_the_live_link_and_refuses_the_next_connection(relay: Relay) -> None:
    async with connect(relay.ws) as ws:
        assert isinstance(await handshake(ws, relay, "studio"), p.Welcome)
        assert await relay.endpoint.unpair("studio")
        code, reason = await closed_with(ws)
    assert code == 4401 and "unpaired" in reason
    async with connect(relay.ws) as ws:
        assert await handshake(ws, relay, "studio", pair_code=None) is None
        code, reason = await closed_with(ws)
    assert code == 4401 and "unpaired" in reason and "pair-code" in reason


async def test_unpair_from_the_owners_cli_cuts_the_link_of_the_running_relay(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "relay"
    async with running_relay(data, heartbeat_interval=0.2) as relay:
        async with connect(relay.ws) as ws:
            assert isinstance(await handshake(ws, relay, "studio"), p.Welcome)
            # The CLI is another connection to the database, as from another process.
            assert run_admin(["unpair", "studio", "--data-dir", str(data)]) == 0
            code, reason = await closed_with(ws)  # at the relay's next revocation check
            assert code == 4401 and "unpaired" in reason
    assert "unpaired 'studio'" in capsys.readouterr().out


async def test_a_browser_origin_is_refused_before_any_handshake(relay: Relay) -> None:
    with pytest.raises(InvalidStatus) as caught:
        async with connect(relay.ws, origin="https://attacker.example"):  # type: ignore[arg-type]
            pass
    assert caught.value.response.status_code == 403


async def test_a_real_supervisor_with_a_bad_pair_code_stops_with_what_to_do(
    relay: Relay, tmp_path: Path
) -> None:
    manager = SessionManager(policy_file=tmp_path / "policy.toml")
    link = RelayConnection(
        relay.ws, "studio", new_identity(), CommandRunner(manager), pair_code="ABCDEFGH"
    )
    try:
        with pytest.raises(LinkRefused, match="pair-code"):
            await asyncio.wait_for(link.run_forever(), scaled(20))
    finally:
        await manager.close_all()
    assert link.attempts == 1, "a refused pairing must not be retried"


async def test_a_real_supervisor_pairs_once_then_reconnects_with_its_key_alone(
    relay: Relay, tmp_path: Path
) -> None:
    manager = SessionManager(policy_file=tmp_path / "policy.toml")
    code = relay.registry.create_pair_code().code
    link = RelayConnection(
        relay.ws, "studio", new_identity(), CommandRunner(manager), pair_code=code, stable_after=0.1
    )
    task = asyncio.create_task(link.run_forever())
    try:
        await asyncio.wait_for(link.connected.wait(), scaled(10))
        assert link.pair_code is None, "the spent code is forgotten after the welcome"
        await eventually(lambda: online(relay, "studio"), 10, "studio online")  # type: ignore[arg-type]
        await link._ws.close()  # type: ignore[union-attr]  # drop the link: it must come back
        await eventually(lambda: link.links >= 2, 20, "reconnected with the key alone")
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        await manager.close_all()


async def test_a_relay_restart_keeps_paired_supervisors_and_oauth_grants(tmp_path: Path) -> None:
    me = new_identity()
    async with running_relay(tmp_path / "relay") as relay:
        code = relay.registry.create_pair_code().code
        async with connect(relay.ws) as ws:
            assert isinstance(await handshake(ws, relay, "studio", me, code), p.Welcome)
        token = relay.token
        port = int(relay.base.rsplit(":", 1)[1])
    async with running_relay(tmp_path / "relay", port=port) as again:
        async with connect(again.ws) as ws:
            assert isinstance(await handshake(ws, again, "studio", me, None), p.Welcome)
        await eventually(lambda: offline(again, "studio"), 10, "studio offline")  # type: ignore[arg-type]
        async with Client(again.mcp, auth=token, timeout=scaled(30)) as client:
            listed = (await client.call_tool("list_sessions", {})).structured_content
    assert [h["name"] for h in listed["hosts"]] == ["studio"]
