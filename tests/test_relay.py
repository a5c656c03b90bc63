"""The relay over real HTTP and a real WebSocket on 127.0.0.1, with fake supervisors."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import os
import socket
import stat
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastmcp import Client
from fastmcp.exceptions import ToolError
from websockets.asyncio.client import ClientConnection, connect  # noqa: TID251 - the fake supervisor
from websockets.exceptions import ConnectionClosed, InvalidStatus  # noqa: TID251

from server.__main__ import main
from server.config import (
    PASSWORD_ENV,
    ConfigError,
    RelayConfig,
    load_config,
    parse_args,
    startup_banner,
)
from shared.protocol import (
    MAX_FRAME_BYTES,
    PROTOCOL_VERSION,
    Command,
    Hello,
    Output,
    Reply,
    SessionStarted,
    StartSession,
    Welcome,
    decode_command,
    encode,
)
from tests.oauth_support import PASSWORD, signed_in
from tests.relay_support import SID, Relay, fake_supervisor, handshake, running_relay, session_info
from tests.support import eventually, scaled


@pytest.fixture
async def relay(tmp_path: Path) -> AsyncIterator[Relay]:
    async with running_relay(tmp_path) as r:
        yield r


async def closed_with(ws: ClientConnection) -> tuple[int | None, str]:
    """The close code and reason the relay sent, once the socket is closed."""
    await asyncio.wait_for(ws.wait_closed(), scaled(10))
    return ws.close_code, ws.close_reason or ""


async def host_offline(relay: Relay, name: str) -> bool | None:
    return any(h.name == name and not h.online for h in await relay.hub.hosts())


INIT = {
    "jsonrpc": "2.0",
    "id": 1,
    "method": "initialize",
    "params": {
        "protocolVersion": "2025-11-25",
        "capabilities": {},
        "clientInfo": {"name": "t", "version": "0"},
    },
}
MCP_HEADERS = {"accept": "application/json, text/event-stream"}


# ---------------------------------------------------------------- MCP auth


async def test_mcp_without_a_token_is_401(relay: Relay) -> None:
    async with httpx.AsyncClient() as http:
        response = await http.post(relay.mcp, json=INIT, headers=MCP_HEADERS)
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")


async def test_mcp_with_a_wrong_token_is_401(relay: Relay) -> None:
    async with httpx.AsyncClient() as http:
        response = await http.post(
            relay.mcp, json=INIT, headers={**MCP_HEADERS, "authorization": f"Bearer {relay.token}x"}
        )
    assert response.status_code == 401


async def test_healthz_answers_without_a_token_and_names_no_host(relay: Relay) -> None:
    async with fake_supervisor(relay, "studio"):
        async with httpx.AsyncClient() as http:
            response = await http.get(f"{relay.base}/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


# ---------------------------------------------------------------- end to end


@pytest.mark.parametrize("mode", ["legacy", "auto"])
async def test_create_session_reaches_the_supervisor_and_returns_its_reply(
    relay: Relay, mode: str
) -> None:
    async with fake_supervisor(relay) as (_, received):
        async with Client(relay.mcp, auth=relay.token, mode=mode) as client:
            result = await client.call_tool(
                "create_session", {"command": ["claude"], "cwd": "/src"}
            )
        command = received.get_nowait()
    assert isinstance(command, StartSession) and command.command == ["claude"]
    session = result.structured_content["session"]
    assert session["session_id"] == SID and session["host"] == "studio"


async def test_list_sessions_over_http_shows_a_supervisor_that_left_as_offline(
    relay: Relay,
) -> None:
    async with fake_supervisor(relay, "laptop"):
        pass
    await eventually(lambda: host_offline(relay, "laptop"), 10, "laptop offline")  # type: ignore[arg-type]
    async with Client(relay.mcp, auth=relay.token, mode="legacy") as client:
        result = await client.call_tool("list_sessions", {})
    [host] = result.structured_content["hosts"]
    assert host["name"] == "laptop" and host["online"] is False and host["last_seen_utc"]


async def test_two_supervisors_and_create_session_without_host_is_refused_naming_both(
    relay: Relay,
) -> None:
    async with fake_supervisor(relay, "studio"), fake_supervisor(relay, "laptop"):
        async with Client(relay.mcp, auth=relay.token) as client:
            with pytest.raises(ToolError, match="'laptop', 'studio'"):
                await client.call_tool("create_session", {})


async def test_a_supervisor_that_drops_mid_call_gives_delivery_unknown_promptly(
    relay: Relay,
) -> None:
    async def vanish(ws: ClientConnection, command: Command) -> Reply | None:
        await ws.close()
        return None

    async with fake_supervisor(relay, handler=vanish):
        async with Client(relay.mcp, auth=relay.token, mode="legacy") as client:
            # Bounded well below the hub's 30 s call timeout: the drop must fail the call itself.
            with pytest.raises(ToolError, match="delivery unknown"):
                await asyncio.wait_for(client.call_tool("create_session", {}), scaled(15))


# ---------------------------------------------------------------- the supervisor socket


async def test_an_unpaired_supervisor_is_closed_with_4401_saying_to_create_a_pair_code(
    relay: Relay,
) -> None:
    async with connect(relay.ws) as ws:
        assert await handshake(ws, relay, "h", pair_code=None) is None
        code, reason = await closed_with(ws)
    assert code == 4401 and "python -m server pair-code" in reason
    assert await relay.hub.hosts() == []


async def test_a_wrong_protocol_version_is_closed_with_4400_naming_both_versions(
    relay: Relay,
) -> None:
    async with connect(relay.ws) as ws:
        hello = Hello(protocol_version=PROTOCOL_VERSION + 1, host="h", public_key="A" * 43 + "=")
        await ws.send(encode(hello))
        code, reason = await closed_with(ws)
    assert code == 4400 and str(PROTOCOL_VERSION + 1) in reason and str(PROTOCOL_VERSION) in reason


async def test_a_known_frame_before_the_hello_is_closed_as_retryable_1008(relay: Relay) -> None:
    # Out of turn, not incompatible: a replayed frame must not end the supervisor's retries.
    async with connect(relay.ws) as ws:
        await ws.send(json.dumps({"type": "pong", "sent_at": 1.0}))
        code, reason = await closed_with(ws)
    assert code == 1008 and "hello" in reason


async def test_a_first_frame_this_relay_cannot_read_is_closed_with_4400(relay: Relay) -> None:
    async with connect(relay.ws) as ws:
        await ws.send("{not json")
        code, reason = await closed_with(ws)
    assert code == 4400 and "hello" in reason


async def test_no_hello_within_the_bound_is_closed_as_retryable_1001(tmp_path: Path) -> None:
    async with running_relay(tmp_path, hello_timeout=0.2) as relay:
        async with connect(relay.ws) as ws:
            code, reason = await closed_with(ws)
    assert code == 1001 and "no hello" in reason


async def test_a_browser_origin_is_refused_before_the_handshake_completes(relay: Relay) -> None:
    with pytest.raises(InvalidStatus) as caught:
        async with connect(relay.ws, origin="https://evil.example"):  # type: ignore[arg-type]
            pass
    assert caught.value.response.status_code == 403


async def test_a_second_supervisor_with_the_same_host_name_fences_the_first(relay: Relay) -> None:
    async with fake_supervisor(relay, "studio") as (first, _):
        async with fake_supervisor(relay, "studio") as (_, received):
            code, reason = await closed_with(first)
            assert code == 4409 and "replaced" in reason
            async with Client(relay.mcp, auth=relay.token, mode="legacy") as client:
                await client.call_tool("create_session", {"host": "studio"})
            assert isinstance(received.get_nowait(), StartSession)


async def test_repeated_invalid_frames_close_the_link(relay: Relay) -> None:
    async with connect(relay.ws) as ws:
        assert isinstance(await handshake(ws, relay, "h"), Welcome)
        await ws.send(json.dumps({"type": "from_a_newer_version", "x": 1}))  # dropped, not abuse
        for _ in range(20):
            await ws.send("{not json")
        code, reason = await closed_with(ws)
    assert code == 1008 and "invalid frames" in reason
    await eventually(lambda: host_offline(relay, "h"), 10, "host offline")  # type: ignore[arg-type]


async def test_an_unknown_reply_id_is_dropped_and_the_link_stays_up(relay: Relay) -> None:
    async with fake_supervisor(relay, "studio") as (ws, received):
        await ws.send(encode(SessionStarted(request_id="forged", session=session_info())))
        async with Client(relay.mcp, auth=relay.token, mode="legacy") as client:
            result = await client.call_tool("create_session", {})
    assert result.structured_content["session"]["session_id"] == SID
    assert isinstance(received.get_nowait(), StartSession)


# ---------------------------------------------------------------- configuration and start


def test_the_data_dir_is_created_private_and_no_shared_secret_file_is_written(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    config = load_config(parse_args(["--data-dir", str(data)]), env={})
    assert config.owner_password is None
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert list(data.iterdir()) == []


def test_the_owner_password_comes_from_the_environment_and_a_short_one_is_refused(
    tmp_path: Path,
) -> None:
    config = load_config(parse_args(["--data-dir", str(tmp_path)]), env={PASSWORD_ENV: PASSWORD})
    assert config.owner_password == PASSWORD
    with pytest.raises(ConfigError, match="shorter than 8"):
        load_config(parse_args(["--data-dir", str(tmp_path)]), env={PASSWORD_ENV: "short"})


def test_the_retention_of_ended_sessions_has_defaults_and_flags(tmp_path: Path) -> None:
    config = load_config(parse_args(["--data-dir", str(tmp_path)]), env={})
    assert config.retention.max_age == 7 * 86400 and config.retention.max_bytes == 256 << 20
    args = ["--data-dir", str(tmp_path), "--keep-ended-days", "0.5", "--keep-ended-mb", "1"]
    config = load_config(parse_args(args), env={})
    assert config.retention.max_age == 43200 and config.retention.max_bytes == 1 << 20
    with pytest.raises(ConfigError, match="more than 0"):
        load_config(parse_args(["--data-dir", str(tmp_path), "--keep-ended-days", "0"]), env={})


def test_a_data_dir_that_is_a_file_stops_the_relay_with_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x")
    assert main(["--data-dir", str(not_a_dir)]) == 2
    err = capsys.readouterr().err
    assert "not a directory" in err and "--data-dir" in err


def test_a_port_in_use_stops_the_relay_naming_the_port(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen()
    port = busy.getsockname()[1]
    try:
        assert main(["--port", str(port), "--data-dir", str(tmp_path)]) == 2
    finally:
        busy.close()
    err = capsys.readouterr().err
    assert f"Port {port} on 127.0.0.1 is already in use" in err and "--port" in err


def test_the_startup_banner_has_the_urls_how_to_pair_and_the_password_note_but_no_token() -> None:
    config = RelayConfig(public_url="https://r.example/")
    banner = startup_banner(config, "set from TETHER_OWNER_PASSWORD")
    assert "https://r.example/mcp" in banner and "wss://r.example/supervisor" in banner
    assert "https://r.example/dashboard/" in banner
    assert "python -m server pair-code" in banner and "set from TETHER_OWNER_PASSWORD" in banner
    assert "token" not in banner.lower() and "secret" not in banner.lower()


async def test_a_frame_over_the_size_limit_closes_the_link_with_1009(relay: Relay) -> None:
    async with connect(relay.ws, max_size=None) as ws:
        assert isinstance(await handshake(ws, relay, "h"), Welcome)
        with contextlib.suppress(ConnectionClosed):  # the relay may close before the send ends
            await ws.send("x" * (MAX_FRAME_BYTES + 1))
        code, _ = await closed_with(ws)
    assert code == 1009
    await eventually(lambda: host_offline(relay, "h"), 10, "host offline")  # type: ignore[arg-type]


async def test_python_m_server_prints_a_generated_password_once_and_serves_mcp_behind_oauth(
    tmp_path: Path,
) -> None:
    env = {k: v for k, v in os.environ.items() if k != PASSWORD_ENV}
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "server",
        "--port",
        "0",
        "--data-dir",
        str(tmp_path / "d"),
        "--log-level",
        "warning",
        cwd=Path(__file__).resolve().parents[1],
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
    )
    try:
        assert proc.stdout is not None
        banner: dict[str, str] = {}
        async with asyncio.timeout(scaled(20)):
            while "Owner password" not in banner:
                line = (await proc.stdout.readline()).decode()
                assert line, "the relay exited before printing its banner"
                key, _, value = line.strip().partition(": ")
                banner[key] = value.strip()
        password = banner["Owner password"].split()[0]
        assert "shown only once" in banner["Owner password"]
        mcp_url = banner["MCP URL"]
        async with httpx.AsyncClient(timeout=scaled(20)) as http:
            unauthenticated = await http.post(mcp_url, json=INIT, headers=MCP_HEADERS)
            assert unauthenticated.status_code == 401
            _, grant = await signed_in(http, mcp_url.removesuffix("/mcp"), password=password)
        token = grant["access_token"]
        async with Client(mcp_url, auth=token, mode="legacy") as client:
            result = await client.call_tool("list_sessions", {})
        assert result.structured_content == {"hosts": [], "sessions": [], "problems": []}
    finally:
        proc.terminate()
        await asyncio.wait_for(proc.wait(), scaled(20))


# ---------------------------------------------------------------- reliability over HTTP


async def test_an_offline_hosts_sessions_and_output_are_served_from_the_relays_copy(
    relay: Relay,
) -> None:
    async with fake_supervisor(relay, "laptop", sessions=[session_info()]) as (ws, _):
        await ws.send(
            encode(
                Output(session_id=SID, offset=0, data=base64.b64encode(b"build ok\r\n").decode())
            )
        )
        await eventually(lambda: relay.hub.store.all_output(SID) == b"build ok\r\n", 10, "stored")
    await eventually(lambda: host_offline(relay, "laptop"), 10, "laptop offline")  # type: ignore[arg-type]
    async with Client(relay.mcp, auth=relay.token, mode="legacy") as client:
        listed = (await client.call_tool("list_sessions", {})).structured_content
        logs = (await client.call_tool("get_logs", {"session_id": SID})).structured_content
        tools = {t.name for t in await client.list_tools()}
    [session] = listed["sessions"]
    assert session["session_id"] == SID and session["host"] == "laptop"
    assert listed["hosts"][0]["online"] is False
    assert logs["source"] == "relay_copy" and logs["text"] == "build ok\n"  # clean text
    assert logs["last_seen_utc"] and "offline" in logs["note"] and logs["untrusted_output"]
    assert "check_delivery" in tools


async def test_check_delivery_over_http_reports_a_request_nobody_knows_as_unknown(
    relay: Relay,
) -> None:
    async with Client(relay.mcp, auth=relay.token, mode="legacy") as client:
        result = await client.call_tool("check_delivery", {"request_id": "never-sent-1"})
    assert result.structured_content["state"] == "unknown"
    assert "safe to send" not in result.structured_content["next_step"]  # not proven
    assert "get_logs" in result.structured_content["next_step"]


async def test_a_relay_shutting_down_tells_supervisors_to_come_back_later_with_1012(
    tmp_path: Path,
) -> None:
    async with running_relay(tmp_path) as relay:
        ws = await connect(relay.ws, compression=None)
        assert isinstance(await handshake(ws, relay, "h"), Welcome)
    code, _ = await closed_with(ws)
    assert code == 1012


async def test_a_silent_supervisor_is_declared_dead_by_the_relays_heartbeat(
    tmp_path: Path,
) -> None:
    async with running_relay(tmp_path, heartbeat_interval=0.1, heartbeat_timeout=0.5) as relay:
        async with connect(relay.ws, compression=None) as ws:
            assert isinstance(await handshake(ws, relay, "mute"), Welcome)
            pings = []
            async with asyncio.timeout(scaled(10)):
                async for text in ws:  # read, never answer: the relay must give up on us
                    pings.append(decode_command(text).type)
        assert "ping" in pings and ws.close_code == 1001
        await eventually(lambda: host_offline(relay, "mute"), 10, "mute offline")  # type: ignore[arg-type]
