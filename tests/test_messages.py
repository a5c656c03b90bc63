"""Words a new user reads: full sentences, real tool names, truthful labels (issue 11, item 11)."""

from __future__ import annotations

from pathlib import Path

import pytest

from server.admin import run_admin
from server.config import parse_args
from server.db import open_database
from shared.errors import CommandFailed, HostOffline, sentences
from shared.mcp.calls import to_tool_error
from shared.protocol import ErrorCode, ErrorInfo, SessionInfo, SessionState
from supervisor.policy import default_policy_text
from supervisor.session import session_exited_error


def test_a_message_and_its_hint_read_as_two_sentences() -> None:
    assert sentences("outside the roots in policy.toml", "use a directory under /src") == (
        "Outside the roots in policy.toml. Use a directory under /src."
    )
    assert sentences("Done.", "") == "Done."
    offline = HostOffline("'laptop' is offline", "wait for it")
    assert str(offline) == "'laptop' is offline. Wait for it."
    refused = CommandFailed(ErrorInfo(code=ErrorCode.POLICY_REFUSED, message="no", hint="ask"))
    assert str(to_tool_error(refused)) == "The computer refused (policy_refused): No. Ask."


def test_the_hint_for_an_exited_session_names_tools_that_exist() -> None:
    info = SessionInfo(
        session_id="sess-exited0001",
        command=["claude"],
        cwd="/src",
        name="demo",
        state=SessionState.EXITED,
        state_since=1.0,
        state_reason="the program exited with code 0",
        started_at=1.0,
    )
    hint = session_exited_error(info).hint
    assert "read_output" not in hint and "get_logs" in hint and "create_session" in hint


def test_the_relay_help_lists_the_owner_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        parse_args(["--help"])
    out = capsys.readouterr().out
    for command in ("pair-code", "unpair", "supervisors", "audit", "set-password"):
        assert command in out


def test_supervisors_shows_when_each_last_connected_not_a_last_seen(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_admin(["pair-code", "--data-dir", str(tmp_path)]) == 0
    assert run_admin(["supervisors", "--data-dir", str(tmp_path)]) == 0
    capsys.readouterr()
    db = open_database(tmp_path)  # the tables exist: pair-code created them
    db.execute(
        "INSERT INTO supervisors (host, public_key, fingerprint, paired_at) VALUES (?, ?, ?, ?)",
        ("laptop", "k" * 44, "sha256:" + "a" * 43, 1.0),
    )
    db.close()
    assert run_admin(["supervisors", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "LAST CONNECTED" in out and "LAST SEEN" not in out


def test_the_policy_file_comment_names_create_session() -> None:
    text = default_policy_text()
    assert "create_session runs" in text and "start_session" not in text
