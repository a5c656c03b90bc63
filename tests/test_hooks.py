"""Claude Code hooks: the loopback receiver over real HTTP, the --settings JSON, a fake claude."""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from shared.protocol import PromptKind
from supervisor.claude_settings import (
    HOOK_TIMEOUT,
    TOKEN_ENV,
    claude_argv,
    hook_settings,
    settings_json,
    wire_claude,
)
from supervisor.hook_prompts import prompt_from_hook, state_hint
from supervisor.hooks import HookEvent, HookPayloadError, HookReceiver, parse_event
from supervisor.session_manager import child_env
from tests.fake_claude import install as install_fake_claude
from tests.support import scaled

SID = "session-aaaa1111"
OTHER = "session-bbbb2222"
SUGGESTION = {
    "type": "addRules",
    "rules": [{"toolName": "Bash", "ruleContent": "npm test:*"}],
    "behavior": "allow",
    "destination": "localSettings",
}


class Receiver:
    def __init__(self, **kwargs: Any) -> None:
        self.events: asyncio.Queue[HookEvent] = asyncio.Queue()
        self.hooks = HookReceiver(self.events.put_nowait, **kwargs)

    async def post(
        self, url: str, body: bytes | dict[str, Any], token: str | None
    ) -> httpx.Response:
        headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
        content = body if isinstance(body, bytes) else json.dumps(body).encode()
        async with httpx.AsyncClient(trust_env=False, timeout=scaled(10)) as client:
            return await client.post(url, content=content, headers=headers)

    async def raw(self, data: bytes) -> tuple[int, bytes]:
        """Send bytes as they are; return the status and body of the answer."""
        reader, writer = await asyncio.open_connection("127.0.0.1", self.hooks.port)
        try:
            writer.write(data)
            await writer.drain()
            async with asyncio.timeout(scaled(10)):
                response = await reader.read()  # until EOF: the receiver closes each connection
        finally:
            writer.close()
        head, _, body = response.partition(b"\r\n\r\n")
        return int(head.split(b" ")[1]), body


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    r = Receiver()
    await r.hooks.start()
    yield r
    await r.hooks.close()


def permission_payload(command: str = "npm test") -> dict[str, Any]:
    return {
        "session_id": "claude-uuid-1",
        "transcript_path": "transcript.jsonl",
        "cwd": ".",
        "hook_event_name": "PermissionRequest",
        "permission_mode": "default",
        "tool_name": "Bash",
        "tool_input": {"command": command, "description": "Run the tests"},
        "permission_suggestions": [SUGGESTION],
    }


# ---------------------------------------------------------------- receiver over real HTTP


async def test_an_event_with_the_sessions_token_is_delivered_and_answered_with_an_empty_object(
    receiver: Receiver,
) -> None:
    url, token = receiver.hooks.register(SID)
    response = await receiver.post(url, permission_payload(), token)
    assert response.status_code == 200
    assert response.json() == {}  # decides nothing: Claude Code shows its own dialog
    event = receiver.events.get_nowait()
    assert event.session_id == SID
    assert event.event == "PermissionRequest"
    assert event.tool_name == "Bash"
    assert event.tool_input == {"command": "npm test", "description": "Run the tests"}
    assert event.permission_suggestions == [SUGGESTION]
    assert event.claude_session_id == "claude-uuid-1"
    assert event.raw["permission_mode"] == "default"


async def test_another_sessions_token_is_refused_with_403_and_nothing_is_delivered(
    receiver: Receiver,
) -> None:
    url, _ = receiver.hooks.register(SID)
    _, other_token = receiver.hooks.register(OTHER)
    response = await receiver.post(url, permission_payload(), other_token)
    assert response.status_code == 403
    assert "TETHER_HOOK_TOKEN" in response.json()["error"]
    assert receiver.events.empty()


async def test_a_request_without_a_bearer_token_is_refused_with_401(receiver: Receiver) -> None:
    url, _ = receiver.hooks.register(SID)
    response = await receiver.post(url, permission_payload(), None)
    assert response.status_code == 401
    assert "Authorization: Bearer" in response.json()["error"]
    assert receiver.events.empty()


async def test_a_session_payload_cannot_claim_another_sessions_id(receiver: Receiver) -> None:
    url, token = receiver.hooks.register(SID)
    receiver.hooks.register(OTHER)
    response = await receiver.post(url, {**permission_payload(), "session_id": OTHER}, token)
    assert response.status_code == 200
    assert receiver.events.get_nowait().session_id == SID  # from the path, never the payload


async def test_an_unregistered_session_is_refused_with_404_and_its_old_token_stops_working(
    receiver: Receiver,
) -> None:
    url, token = receiver.hooks.register(SID)
    receiver.hooks.unregister(SID)
    response = await receiver.post(url, permission_payload(), token)
    assert response.status_code == 404
    assert "--settings" in response.json()["error"]
    assert receiver.events.empty()


async def test_registering_a_session_again_revokes_its_previous_token(receiver: Receiver) -> None:
    url, old = receiver.hooks.register(SID)
    _, new = receiver.hooks.register(SID)
    assert (await receiver.post(url, permission_payload(), old)).status_code == 403
    assert (await receiver.post(url, permission_payload(), new)).status_code == 200


@pytest.mark.parametrize(
    "body",
    [b"{not json", b"\xff\xfe", b"[1, 2]", b'{"tool_name": "Bash"}', b'{"hook_event_name": 3}'],
    ids=["broken", "not-utf8", "array", "no-event-name", "event-name-not-string"],
)
async def test_a_body_that_is_not_a_hook_event_is_refused_with_400(
    receiver: Receiver, body: bytes
) -> None:
    url, token = receiver.hooks.register(SID)
    response = await receiver.post(url, body, token)
    assert response.status_code == 400
    assert "post the hook event JSON" in response.json()["error"]
    assert receiver.events.empty()


async def test_an_oversized_body_is_refused_with_413_without_being_delivered() -> None:
    r = Receiver(max_body=1024)
    await r.hooks.start()
    try:
        url, token = r.hooks.register(SID)
        big = permission_payload("x" * 4096)
        response = await r.post(url, big, token)
        assert response.status_code == 413
        assert "1024 bytes" in response.json()["error"]
        assert r.events.empty()
    finally:
        await r.hooks.close()


async def test_an_unknown_event_is_answered_and_delivered_marked_unknown(
    receiver: Receiver,
) -> None:
    url, token = receiver.hooks.register(SID)
    response = await receiver.post(url, {"hook_event_name": "SomeFutureEvent", "x": 1}, token)
    assert response.status_code == 200
    event = receiver.events.get_nowait()
    assert (event.event, event.known) == ("SomeFutureEvent", False)
    assert prompt_from_hook(event, SID, 1.0) is None
    assert state_hint(event) is None


async def test_a_request_without_content_length_is_refused_with_411(receiver: Receiver) -> None:
    _, token = receiver.hooks.register(SID)
    status, body = await receiver.raw(
        f"POST /hooks/{SID} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n"
        "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n".encode()
    )
    assert status == 411
    assert b"Content-Length" in body


async def test_an_oversized_request_head_is_refused_with_431(receiver: Receiver) -> None:
    receiver.hooks.register(SID)
    status, _ = await receiver.raw(
        f"POST /hooks/{SID} HTTP/1.1\r\nX-Padding: {'a' * 20_000}\r\n\r\n".encode()
    )
    assert status == 431


async def test_a_get_is_refused_with_405(receiver: Receiver) -> None:
    url, token = receiver.hooks.register(SID)
    async with httpx.AsyncClient(trust_env=False) as client:
        response = await client.get(url, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 405


async def test_garbage_is_refused_with_400_and_the_receiver_keeps_serving(
    receiver: Receiver,
) -> None:
    url, token = receiver.hooks.register(SID)
    status, _ = await receiver.raw(b"\x16\x03\x01 garbage\r\n\r\n")
    assert status == 400
    assert (await receiver.post(url, permission_payload(), token)).status_code == 200


async def test_a_client_that_stops_sending_is_answered_408() -> None:
    r = Receiver(request_timeout=scaled(0.3))
    await r.hooks.start()
    try:
        r.hooks.register(SID)
        status, _ = await r.raw(f"POST /hooks/{SID} HTTP/1.1\r\n".encode())  # head never ends
        assert status == 408
    finally:
        await r.hooks.close()


async def test_closing_the_receiver_ends_idle_connections() -> None:
    hooks = HookReceiver(lambda event: None)
    await hooks.start()
    reader, writer = await asyncio.open_connection("127.0.0.1", hooks.port)
    try:
        async with asyncio.timeout(scaled(5)):
            await hooks.close()
            assert await reader.read() == b""  # closed without an answer
    finally:
        writer.close()


async def test_a_failing_consumer_does_not_fail_the_hook() -> None:
    def explode(event: HookEvent) -> None:
        raise RuntimeError("consumer bug")

    hooks = HookReceiver(explode)
    await hooks.start()
    try:
        url, token = hooks.register(SID)
        async with httpx.AsyncClient(trust_env=False) as client:
            response = await client.post(
                url, json=permission_payload(), headers={"Authorization": f"Bearer {token}"}
            )
        assert response.status_code == 200
    finally:
        await hooks.close()


async def test_registering_before_start_or_with_a_bad_session_id_says_what_to_do() -> None:
    hooks = HookReceiver(lambda event: None)
    with pytest.raises(RuntimeError, match="start"):
        hooks.register(SID)
    await hooks.start()
    try:
        with pytest.raises(ValueError, match="does not match"):
            hooks.register("../../etc")
    finally:
        await hooks.close()


def test_parsing_keeps_fields_of_the_right_type_and_drops_the_rest() -> None:
    body = json.dumps(
        {
            "hook_event_name": "PermissionRequest",
            "tool_name": 7,
            "tool_input": "rm -rf /",
            "permission_suggestions": {"not": "a list"},
            "session_id": None,
        }
    ).encode()
    event = parse_event(SID, body, seq=5)
    assert (event.tool_name, event.tool_input, event.permission_suggestions) == ("", {}, [])
    assert (event.claude_session_id, event.seq) == ("", 5)
    with pytest.raises(HookPayloadError, match="hook_event_name"):
        parse_event(SID, b"{}")


@pytest.mark.parametrize(
    "payload, message",
    [
        (
            {"hook_event_name": "Notification", "message": "Claude needs your permission"},
            "Claude needs your permission",
        ),
        (
            {"hook_event_name": "Stop", "last_assistant_message": "All tests pass."},
            "All tests pass.",
        ),
        (
            {"hook_event_name": "StopFailure", "error": {"type": "rate_limit", "message": "429"}},
            "429",
        ),
        ({"hook_event_name": "StopFailure", "error": "overloaded"}, "overloaded"),
    ],
)
def test_the_human_readable_text_of_an_event_is_its_message(
    payload: dict[str, Any], message: str
) -> None:
    assert parse_event(SID, json.dumps(payload).encode()).message == message


# ---------------------------------------------------------------- settings JSON and argv


def test_the_settings_json_is_pinned() -> None:
    url = f"http://127.0.0.1:4567/hooks/{SID}"
    handler = {
        "type": "http",
        "url": url,
        "headers": {"Authorization": "Bearer $TETHER_HOOK_TOKEN"},
        "allowedEnvVars": ["TETHER_HOOK_TOKEN"],
        "timeout": HOOK_TIMEOUT,
    }
    everything = [{"hooks": [handler]}]
    assert hook_settings(url) == {
        "hooks": {
            "PermissionRequest": everything,
            "PreToolUse": [{"matcher": "AskUserQuestion|ExitPlanMode", "hooks": [handler]}],
            "PostToolUse": everything,
            "Stop": everything,
            "StopFailure": everything,
            "Notification": everything,
            "SessionStart": everything,
            "UserPromptSubmit": everything,
        },
        "permissions": {"disableBypassPermissionsMode": "disable"},
    }
    assert json.loads(settings_json(url)) == hook_settings(url)


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["claude"], ["claude", "--settings", "S"]),
        (
            ["/usr/local/bin/claude", "--resume", "x"],
            ["/usr/local/bin/claude", "--resume", "x", "--settings", "S"],
        ),
        (["claude", "-c", "--", "hi"], ["claude", "-c", "--settings", "S", "--", "hi"]),
        (["codex", "--full-auto"], ["codex", "--full-auto"]),
        (["/bin/echo", "claude"], ["/bin/echo", "claude"]),
        (["claude-wrapper"], ["claude-wrapper"]),
        ([], []),
    ],
)
def test_settings_come_last_among_the_options_of_claude_only(
    argv: list[str], expected: list[str]
) -> None:
    assert claude_argv(argv, "S") == expected


def test_the_token_travels_in_the_environment_never_in_argv() -> None:
    env = child_env({"PATH": "/usr/bin", "TETHER_SECRET": "x"}, 80, 24, SID)
    argv, wired = wire_claude(["claude"], env, "http://127.0.0.1:1/hooks/" + SID, "tok-123")
    assert wired[TOKEN_ENV] == "tok-123"
    assert "tok-123" not in " ".join(argv)
    assert "TETHER_SECRET" not in wired
    assert wire_claude(["aider"], env, "u", "tok-123") == (["aider"], env)


async def run_fake_claude(argv: list[str], env: dict[str, str], cwd: Path) -> list[dict[str, Any]]:
    proc = await asyncio.create_subprocess_exec(
        *argv, env=env, cwd=cwd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    try:
        async with asyncio.timeout(scaled(30)):
            out, err = await proc.communicate()
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    assert proc.returncode == 0, err.decode()
    return [json.loads(line) for line in out.decode().splitlines()]


async def test_a_claude_started_with_the_settings_and_env_posts_a_permission_request_to_its_session(
    receiver: Receiver, tmp_path: Path
) -> None:
    url, token = receiver.hooks.register(SID)
    env = child_env(dict(os.environ), 80, 24, SID)
    argv, env = wire_claude([str(install_fake_claude(tmp_path))], env, url, token)
    argv += [
        "--event",
        "PermissionRequest",
        "--payload",
        json.dumps({"tool_name": "Bash", "tool_input": {"command": "rm -rf build"}}),
    ]
    posts = await run_fake_claude(argv, env, tmp_path)
    assert [(p["url"], p["status"], json.loads(p["body"])) for p in posts] == [(url, 200, {})]
    event = receiver.events.get_nowait()
    assert (event.session_id, event.event, event.tool_name) == (SID, "PermissionRequest", "Bash")
    prompt = prompt_from_hook(event, SID, 1.0)
    assert prompt is not None
    assert prompt.kind is PromptKind.CONFIRM_DANGEROUS
    assert prompt.question == "Allow Bash: rm -rf build?"


async def test_a_claude_asking_a_question_posts_pre_tool_use_but_other_tools_do_not(
    receiver: Receiver, tmp_path: Path
) -> None:
    url, token = receiver.hooks.register(SID)
    argv, env = wire_claude([str(install_fake_claude(tmp_path))], dict(os.environ), url, token)
    question = {
        "tool_name": "AskUserQuestion",
        "tool_input": {
            "questions": [
                {
                    "question": "Which database?",
                    "options": [{"label": "Postgres"}, {"label": "SQLite"}],
                }
            ]
        },
    }
    asked = await run_fake_claude(
        argv + ["--event", "PreToolUse", "--payload", json.dumps(question)], env, tmp_path
    )
    assert [p["status"] for p in asked] == [200]
    read = await run_fake_claude(
        argv + ["--event", "PreToolUse", "--payload", json.dumps({"tool_name": "Read"})],
        env,
        tmp_path,
    )
    assert read == []  # the matcher keeps ordinary tools off the hook
    event = receiver.events.get_nowait()
    assert receiver.events.empty()
    prompt = prompt_from_hook(event, SID, 1.0)
    assert prompt is not None and prompt.question == "Which database?"


async def test_a_claude_whose_token_env_is_missing_is_refused(
    receiver: Receiver, tmp_path: Path
) -> None:
    url, token = receiver.hooks.register(SID)
    argv, env = wire_claude([str(install_fake_claude(tmp_path))], dict(os.environ), url, token)
    del env[TOKEN_ENV]
    posts = await run_fake_claude(argv, env, tmp_path)
    assert [p["status"] for p in posts] == [401]
    assert receiver.events.empty()
