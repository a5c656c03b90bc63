"""No frame wedges or crashes the supervisor; start requests are checked before any fork."""

from __future__ import annotations

import asyncio
import base64
import json
import os
import secrets
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings, strategies as st
from websockets.asyncio.server import ServerConnection, serve  # noqa: TID251 - a fake relay

from server.relay_key import RelayKey
from shared import protocol as p
from shared.errors import CommandFailed
from shared.identity import relay_origin
from supervisor.command_runner import CommandRunner
from supervisor.connection import RelayConnection
from supervisor.identity import Identity
from supervisor.mock_agent.__main__ import build_parser
from supervisor.policy import PolicyRefused, check_command, parse_policy
from supervisor.pty_process import PtyProcess, PtySpawnError
from supervisor.session_manager import SessionManager
from tests.support import scaled

# ---------------------------------------------------------------- a fake relay on loopback


IDLE_CHILD = "import time; time.sleep(30)"  # noqa: sleep-ok - the child program idles


async def greet(ws: ServerConnection, url: str, key: RelayKey) -> None:
    """The relay's half of the handshake: prove the relay key, believe any answer, welcome."""
    hello = p.decode_report(await ws.recv())
    assert isinstance(hello, p.Hello)
    origin = relay_origin(url)
    challenge = p.Challenge(
        nonce=base64.b64encode(secrets.token_bytes(32)).decode(),
        relay_origin=origin,
        relay_public_key=key.public_key,
        relay_signatures=key.prove((origin,), hello.host, hello.relay_nonce),
    )
    await ws.send(p.encode(challenge))
    await ws.recv()  # the signed answer; a fake relay believes it
    await ws.send(p.encode(p.Welcome()))


class FakeRelay:
    """Accepts the supervisor's hello, then lets the test send it anything."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.ws: ServerConnection | None = None
        self.linked = asyncio.Event()
        self.url = ""
        # A relay proves its own key in every challenge, or the supervisor will not link.
        self.key = RelayKey(Ed25519PrivateKey.generate())

    async def handler(self, ws: ServerConnection) -> None:
        await greet(ws, self.url, self.key)
        self.ws = ws
        self.linked.set()
        await ws.wait_closed()
        self.linked.clear()

    async def exchange(self, frames: list[str | bytes]) -> dict[str, object]:
        """Send ``frames``, then a list_sessions; return the supervisor's reply to it."""
        async with asyncio.timeout(scaled(20)):
            await self.linked.wait()
            assert self.ws is not None
            for frame in frames:
                await self.ws.send(frame)
            rid = secrets.token_hex(8)
            await self.ws.send(p.encode(p.ListSessions(request_id=rid)))
            while True:
                answer = json.loads(await self.ws.recv())
                if isinstance(answer, dict) and answer.get("request_id") == rid:
                    return answer


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FakeRelay, RelayConnection]]:
    home = tmp_path_factory.mktemp("home")
    policy = home / "policy.toml"
    policy.write_text(
        f'roots = ["{home}"]\ncommands = ["tether-no-such-program"]\n'
        'default_command = ["tether-no-such-program"]\nmax_sessions = 2\n'
    )
    policy.chmod(0o600)
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    relay = FakeRelay(loop)

    async def start() -> tuple[object, RelayConnection, asyncio.Task[None]]:
        server = await serve(relay.handler, "127.0.0.1", 0, max_size=None)
        port = server.sockets[0].getsockname()[1]
        relay.url = f"ws://127.0.0.1:{port}/supervisor"
        agent = CommandRunner(SessionManager(policy_file=policy), reaper=None)
        identity = Identity(Ed25519PrivateKey.generate())
        link = RelayConnection(
            relay.url, "fuzzed", identity, agent, heartbeat_timeout=3600, heartbeat_interval=3600
        )
        return server, link, asyncio.create_task(link.run_forever())

    server, link, task = asyncio.run_coroutine_threadsafe(start(), loop).result(scaled(20))
    try:
        yield relay, link
    finally:

        async def stop() -> bool:
            crashed = task.done()  # the link task ended by itself: a frame killed it
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
            server.close()  # type: ignore[attr-defined]
            await server.wait_closed()  # type: ignore[attr-defined]
            return crashed

        crashed = asyncio.run_coroutine_threadsafe(stop(), loop).result(scaled(20))
        loop.call_soon_threadsafe(loop.stop)
        thread.join(scaled(10))
        loop.close()
        assert not crashed


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
_types = st.sampled_from(
    [
        "ping",
        "ack_output",
        "resend_output",
        "lookup_request",
        "welcome",
        "challenge",
        "start_session",
        "send_input",
        "read_output",
        "stop_session",
        "answer_prompt",
        "bogus",
    ]
)
frames = st.one_of(
    st.binary(max_size=200),
    st.text(max_size=200),
    _json.map(json.dumps),
    st.builds(
        lambda t, body: json.dumps({**body, "type": t}),
        _types,
        st.dictionaries(
            st.sampled_from(
                [
                    "request_id",
                    "session_id",
                    "offset",
                    "command",
                    "cwd",
                    "name",
                    "text",
                    "sent_at",
                    "prompt_id",
                    "since",
                    "mode",
                    "max_bytes",
                ]
            ),
            _json,
            max_size=5,
        ),
    ),
    st.integers(1, 200_000).map(lambda n: "[" * n + "]" * n),
    st.integers(1, 200_000).map(lambda n: '{"type":"ping","x":' + "[" * n + "]" * n + "}"),
    st.builds(
        lambda c: json.dumps(
            {
                "type": "start_session",
                "request_id": secrets.token_hex(8),
                "command": c,
                "cwd": "\x00",
                "name": "a\x00b",
            }
        ),
        st.lists(
            st.text(max_size=10) | st.sampled_from(["\ud800", "a\x00", "\x1b[2J"]), max_size=3
        ),
    ),
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(batch=st.lists(frames, max_size=5))
def test_the_supervisor_keeps_serving_whatever_frames_a_relay_sends(
    served: tuple[FakeRelay, RelayConnection], batch: list[str | bytes]
) -> None:
    relay, link = served
    future = asyncio.run_coroutine_threadsafe(relay.exchange(batch), relay.loop)
    reply = future.result(scaled(30))
    assert reply["type"] == "sessions_listed", reply


# ---------------------------------------------------------------- start requests


@pytest.fixture
def manager(tmp_path: Path) -> SessionManager:
    work = tmp_path / "work"
    work.mkdir()
    bad = work / "bad-interpreter"
    bad.write_text("#!/nonexistent/interpreter\n")
    bad.chmod(0o755)
    policy = tmp_path / "policy.toml"
    policy.write_text(
        f'roots = ["{work}"]\ncommands = ["tether:mock-agent", "{bad}", "{sys.executable}"]\n'
        "max_sessions = 1\n"
    )
    policy.chmod(0o600)
    return SessionManager(policy_file=policy, environ=dict(os.environ))


@pytest.mark.parametrize(
    "command, cwd, name",
    [
        (["tether:mock-agent", "a\x00b"], None, None),
        (["tether:mock-agent", "\x1b]52;c;x\x07"], None, None),
        (["tether:mock-agent"], "work\x00", None),
        (["tether:mock-agent"], None, "fake\nline"),
        (["tether:mock-agent", "\ud800"], None, None),
    ],
)
async def test_a_nul_or_control_character_in_any_start_argument_is_refused_before_any_fork(
    manager: SessionManager, command: list[str], cwd: str | None, name: str | None
) -> None:
    with pytest.raises(CommandFailed) as refused:
        await manager.create(command, cwd, name)
    assert refused.value.code is p.ErrorCode.INVALID_ARGUMENT
    assert "control character" in refused.value.message or "Unicode" in refused.value.message
    assert manager.live_count() == 0 and not manager.list()


async def test_a_program_that_cannot_exec_is_reported_at_once_and_holds_no_slot(
    manager: SessionManager, tmp_path: Path
) -> None:
    bad = str(tmp_path / "work" / "bad-interpreter")
    async with asyncio.timeout(scaled(10)):
        with pytest.raises(CommandFailed) as failed:
            await manager.create([bad])
    assert failed.value.code is p.ErrorCode.SPAWN_FAILED
    # max_sessions is 1: the failed start left it free.
    session = await manager.create([sys.executable, "-c", IDLE_CHILD])
    try:
        assert manager.live_count() == 1
    finally:
        await manager.close_all()
    assert session.exited


def test_the_mock_agent_reads_no_script_outside_the_policy_roots(tmp_path: Path) -> None:
    inside = tmp_path / "work"
    inside.mkdir()
    (inside / "ok.txt").write_text("reply hi\n")
    (inside / "link").symlink_to("/etc/passwd")
    policy = parse_policy({"roots": [str(inside)]}, str(tmp_path / "policy.toml"))
    mock = [sys.executable, "-m", "supervisor.mock_agent"]
    for script in (["--script", "/etc/passwd"], ["--script=/etc/passwd"], ["--script", "link"]):
        with pytest.raises(PolicyRefused, match="outside the allowed roots"):
            check_command(policy, [*mock, *script], str(inside), os.defpath)
    assert check_command(policy, [*mock, "--script", "ok.txt"], str(inside), os.defpath)
    with pytest.raises(SystemExit):  # no abbreviation can get past the check
        build_parser().parse_args(["--scr", "/etc/passwd"])


async def test_a_secret_in_a_sessions_name_or_arguments_is_redacted_before_it_is_reported(
    manager: SessionManager,
) -> None:
    token = "ghp_" + "aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6"
    session = await manager.create(
        [sys.executable, "-c", IDLE_CHILD, token], None, f"deploy {token}"
    )
    try:
        reported = session.info().model_dump_json()
        assert token not in reported
        assert "[redacted:github]" in session.info().name
    finally:
        await manager.close_all()


@pytest.mark.parametrize("bad", ["a\x00b", "\ud800"])
async def test_a_spawn_that_exec_would_fail_in_the_child_is_refused_in_the_parent(
    tmp_path: Path, bad: str
) -> None:
    async with asyncio.timeout(scaled(10)):  # it once blocked forever on a stuck child
        with pytest.raises(PtySpawnError, match="cannot start"):
            await PtyProcess.spawn(
                ["/bin/echo", bad],
                cwd=str(tmp_path),
                env={"PATH": os.defpath},
                cols=80,
                rows=24,
                on_data=lambda data: None,
            )


async def test_a_supervisor_sent_a_nul_in_a_command_answers_at_once_and_honours_sigterm(
    tmp_path: Path,
) -> None:
    """The whole process, as the owner runs it: the bad start is answered, and SIGTERM ends it."""
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    (home / "policy.toml").write_text(f'roots = ["{tmp_path}"]\ncommands = ["{sys.executable}"]\n')
    (home / "policy.toml").chmod(0o600)
    linked: asyncio.Queue[ServerConnection] = asyncio.Queue()
    url = ""

    key = RelayKey(Ed25519PrivateKey.generate())

    async def handler(ws: ServerConnection) -> None:
        await greet(ws, url, key)
        await linked.put(ws)
        await ws.wait_closed()

    async with serve(handler, "127.0.0.1", 0) as server:
        url = f"ws://127.0.0.1:{server.sockets[0].getsockname()[1]}/supervisor"
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "supervisor",
            "--home",
            str(home),
            "up",
            "--relay",
            url,
            "--name",
            "nul-test",
            env=dict(os.environ, PYTHONPATH=str(Path(__file__).parents[2])),
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            async with asyncio.timeout(scaled(30)):
                ws = await linked.get()
                start = p.StartSession(request_id="nul-start", command=[sys.executable, "a\x00b"])
                await ws.send(p.encode(start))
                while (answer := json.loads(await ws.recv())).get("request_id") != "nul-start":
                    pass
            assert answer["type"] == "request_failed"
            assert answer["error"]["code"] == "invalid_argument"
            proc.terminate()
            async with asyncio.timeout(scaled(15)):
                assert await proc.wait() == 0
        finally:
            if proc.returncode is None:
                os.killpg(proc.pid, 9)  # our own child's group only
                await proc.wait()
