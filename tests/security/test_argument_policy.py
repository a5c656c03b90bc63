"""The policy checks a program's arguments: no request can switch an agent's permissions off."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from supervisor.claude_settings import claude_argv
from supervisor.policy import (
    Policy,
    PolicyFileError,
    PolicyRefused,
    check_command,
    parse_policy,
)

PROGRAMS = ("claude", "codex", "gemini", "aider")

BYPASSES = [
    ["claude", "--dangerously-skip-permissions"],
    ["claude", "--allow-dangerously-skip-permissions", "-p", "hi"],
    ["claude", "--permission-mode", "bypassPermissions", "-p", "x"],
    ["claude", "--permission-mode=bypassPermissions"],
    ["claude", "--permission-mode", "acceptEdits"],
    ["claude", "--settings", '{"hooks": {}}'],
    ["claude", "--settings={}"],
    ["claude", "--mcp-config", "evil.json"],
    ["claude", "--allowedTools", "Bash"],
    ["claude", "--permission-prompt-tool", "mcp__x__allow"],
    ["claude", "--add-dir", "/"],
    ["claude", "-c", "--", "--dangerously-skip-permissions"],
    ["codex", "--dangerously-bypass-approvals-and-sandbox"],
    ["codex", "--yolo"],
    ["codex", "--full-auto"],
    ["codex", "-a", "never"],
    ["codex", "-anever"],
    ["codex", "--ask-for-approval=never"],
    ["codex", "-s", "danger-full-access"],
    ["codex", "--sandbox=danger-full-access"],
    ["codex", "-c", 'approval_policy="never"'],
    ["codex", "-csandbox_mode=danger-full-access"],
    ["codex", "--config", "sandbox_mode=danger-full-access"],
    ["codex", "-C", "/etc"],
    ["gemini", "--yolo"],
    ["gemini", "-y"],
    ["gemini", "-dy"],
    ["gemini", "--approval-mode", "yolo"],
    ["gemini", "--approval-mode=YOLO"],
    ["aider", "--yes-always"],
    ["aider", "--yes"],
    ["aider", "--yes-al"],
]

ALLOWED = [
    ["claude", "--resume", "abc"],
    ["claude", "--permission-mode", "plan"],
    ["claude", "-p", "fix the tests"],
    ["codex", "-m", "o3"],
    ["codex", "-a", "on-request"],
    ["codex", "-c", "model=o3"],
    ["gemini", "-m", "gemini-2.5-pro"],
    ["gemini", "--approval-mode", "default"],
    ["aider", "--model", "sonnet"],
]


@pytest.fixture
def bin_dir(tmp_path: Path) -> Path:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name in PROGRAMS:
        program = bin_dir / name
        program.write_text("#!/bin/sh\n")
        program.chmod(0o755)
    return bin_dir


def policy_for(tmp_path: Path, extra: dict[str, object] | None = None) -> Policy:
    data: dict[str, object] = {"roots": [str(tmp_path)], "commands": list(PROGRAMS)}
    return parse_policy({**data, **(extra or {})}, str(tmp_path / "policy.toml"))


@pytest.mark.parametrize("argv", BYPASSES, ids=" ".join)
def test_every_known_permission_bypass_flag_is_refused_naming_the_file_and_the_rule(
    tmp_path: Path, bin_dir: Path, argv: list[str]
) -> None:
    policy = policy_for(tmp_path)
    with pytest.raises(PolicyRefused) as refused:
        check_command(policy, argv, str(tmp_path), str(bin_dir))
    message = refused.value.message
    assert str(tmp_path / "policy.toml") in message
    assert "refused by a built-in rule" in message
    assert repr(argv[0]) in message
    assert "permit under [arguments." in refused.value.hint


@pytest.mark.parametrize("argv", ALLOWED, ids=" ".join)
def test_ordinary_arguments_of_the_agents_are_allowed(
    tmp_path: Path, bin_dir: Path, argv: list[str]
) -> None:
    resolved = check_command(policy_for(tmp_path), argv, str(tmp_path), str(bin_dir))
    assert resolved[1:] == argv[1:]
    assert os.path.basename(resolved[0]) == argv[0]


def test_the_owner_can_refuse_more_and_lift_a_built_in_rule_by_its_text(
    tmp_path: Path, bin_dir: Path
) -> None:
    policy = policy_for(
        tmp_path,
        {"arguments": {"claude": {"refuse": ["--model opus"], "permit": ["--add-dir"]}}},
    )
    check_command(policy, ["claude", "--add-dir", str(tmp_path)], str(tmp_path), str(bin_dir))
    with pytest.raises(PolicyRefused) as refused:
        check_command(policy, ["claude", "--model=Opus"], str(tmp_path), str(bin_dir))
    assert '"--model opus"' in refused.value.message
    assert "remove" in refused.value.hint


def test_a_rule_that_is_not_a_flag_is_a_policy_file_error(tmp_path: Path) -> None:
    with pytest.raises(PolicyFileError, match="does not start with a flag"):
        policy_for(tmp_path, {"arguments": {"claude": {"refuse": ["opus"]}}})


def test_tethers_own_settings_come_last_among_the_options_where_the_last_one_wins() -> None:
    assert claude_argv(["claude", "--model", "x", "--", "prompt"], "S") == [
        "claude",
        "--model",
        "x",
        "--settings",
        "S",
        "--",
        "prompt",
    ]
