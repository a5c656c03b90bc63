"""Class 10 (relay half): a secret in a session's name or arguments is never stored verbatim,
neither in the audit log nor in the session store."""

from __future__ import annotations

from pathlib import Path

from fastmcp import Client
from websockets.asyncio.client import ClientConnection

from shared.protocol import Command, Reply, SessionStarted, StartSession
from shared.secret_patterns import mask_argv, mask_secrets
from tests.relay_support import fake_supervisor, running_relay, session_info

GITHUB = "ghp_" + "Q7rT2mX9vB4nK8pL3wZ6yH1cF5jD0sA2eG4u"
OPENAI = "sk-proj-4fTq9Lm2Xv8Rb1Nc7Kd3Zw6Hy0Pe5Ja"
PLAIN = "hunter2-canary-7f1e9d"  # no known format: only its flag gives it away
CANARIES = (GITHUB, OPENAI, PLAIN)


async def _echo_start(ws: ClientConnection, command: Command) -> Reply | None:
    """A supervisor that reports back the name and command line it was asked to start."""
    assert isinstance(command, StartSession)
    info = session_info().model_copy(
        update={"name": command.name or "demo", "command": list(command.command or [])}
    )
    return SessionStarted(request_id=command.request_id, session=info)


async def test_secrets_in_a_sessions_name_and_arguments_reach_no_file_of_the_relay(
    tmp_path: Path,
) -> None:
    data = tmp_path / "relay"
    async with running_relay(data) as relay, fake_supervisor(relay, handler=_echo_start):
        async with Client(relay.mcp, auth=relay.token, mode="legacy") as client:
            result = await client.call_tool(
                "create_session",
                {
                    "command": ["aider", "--api-key", PLAIN, f"--openai-api-key={OPENAI}"],
                    "name": f"fix with {GITHUB}",
                },
            )
        assert result.structured_content is not None
        [row] = [e for e in relay.audit.latest(50) if e.action == "create_session"]
        assert "[redacted" in str(row.detail)
        kept = relay.hub.store.session(session_info().session_id)
        assert kept is not None and kept.info is not None
        assert kept.info.name == "fix with [redacted:github]"
        assert kept.info.command[2] == "[redacted:value]"
    for path in data.iterdir():
        blob = path.read_bytes()
        for canary in CANARIES:
            assert canary.encode() not in blob, f"{canary} stored in {path.name}"


def test_every_known_token_format_and_secret_flag_value_is_masked() -> None:
    samples = {
        "github": GITHUB,
        "github_pat": "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz",
        "anthropic": "sk-ant-api03-abcdefghijklmnopqrstuvwxyz012345",
        "openai": OPENAI,
        "aws": "AKIA" + "Q3EXAMPLE7TETHER",
        "slack": "xox" + "b-123456789012-tethercanary",
        "google": "AIzaSyA1234567890abcdefghijklmnopqrstuv",
        "stripe": "sk_" + "live_" + "Tether0Canary0Not0Real0Key",
        "jwt": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N",
        "key": "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE"
        " KEY-----",
    }
    for kind, secret in samples.items():
        assert secret not in mask_secrets(f"before {secret} after"), kind
    assert PLAIN not in " ".join(mask_argv(["tool", "--password", PLAIN]))
    assert PLAIN not in mask_secrets(f"DB_PASSWORD={PLAIN}")
    assert PLAIN not in mask_secrets(f"https://me:{PLAIN}@example.com/repo.git")
    assert mask_argv(["aider", "--model", "sonnet", "src/main.py"]) == [
        "aider", "--model", "sonnet", "src/main.py",
    ]  # fmt: skip
