"""Which sessions a restarted supervisor starts again, and how (the pure decision)."""

from __future__ import annotations

import sys
from dataclasses import replace

import pytest

from supervisor.mock_agent.__main__ import build_parser, options_from
from supervisor.policy import MOCK_AGENT, Policy, PolicyFileError, parse_policy
from supervisor.resume_plan import (
    RESUME_WITHIN,
    Restart,
    Skip,
    StoredSession,
    initial_handle,
    plan_resumes,
    resume_argv,
)

NOW = 1_000_000.0
MOCK = (sys.executable, "-m", "supervisor.mock_agent", "--work-seconds", "0")
ON = Policy(path="/p/policy.toml", resume_sessions=True)


def stored(argv: tuple[str, ...], handle: str | None = None, ago: float = 60.0) -> StoredSession:
    return StoredSession(
        session_id=f"s-{argv[0][-6:]}-{ago:g}",
        argv=argv,
        cwd="/w",
        name="n",
        handle=handle,
        ended_at=NOW - ago,
    )


def test_nothing_is_resumed_unless_the_policy_says_so() -> None:
    assert plan_resumes([stored(("claude",), "abc")], replace(ON, resume_sessions=False), NOW) == []


def test_claude_resumes_its_reported_conversation_else_the_folders_latest() -> None:
    assert resume_argv(("claude", "fix the bug"), "c0ffee", {}) == ["claude", "--resume", "c0ffee"]
    assert resume_argv(("/usr/bin/claude",), None, {}) == ["/usr/bin/claude", "--continue"]


def test_codex_resumes_by_id_or_the_last_one() -> None:
    assert resume_argv(("codex",), "019a", {}) == ["codex", "resume", "019a"]
    assert resume_argv(("codex", "--model", "o3"), None, {}) == ["codex", "resume", "--last"]


def test_the_mock_agent_keeps_its_flags_and_resumes_one_conversation_along_a_chain() -> None:
    first = resume_argv(MOCK, "sess1", {})
    assert first == [MOCK_AGENT, "--work-seconds", "0", "--resume=sess1"]
    again = resume_argv((*MOCK, "--resume", "sess1"), "sess1", {})
    assert again == first
    assert resume_argv((*MOCK, "--resume=sess1"), "sess1", {}) == first
    assert initial_handle(MOCK, "sess1") == "sess1"
    assert initial_handle((*MOCK, "--resume", "older"), "sess2") == "older"
    assert initial_handle(("claude",), "sess3") is None


def test_a_session_id_beginning_with_a_dash_resumes_the_mock_agents_conversation() -> None:
    # 1 in 64 of Tether's session ids begins with "-": a separate argument after
    # --resume was read as an option, and the resumed agent exited on a usage error.
    argv = resume_argv(MOCK, "-ccsLM91HrFZqGrZjhFONQ", {})
    assert isinstance(argv, list)
    options = options_from(build_parser().parse_args(argv[1:]))  # the agent's own parser
    assert options.resumed and options.conversation is not None
    assert options.conversation.id == "-ccsLM91HrFZqGrZjhFONQ"
    assert options.work_seconds == 0
    assert initial_handle(argv, "sess-new") == "-ccsLM91HrFZqGrZjhFONQ"  # the chain goes on


def test_an_id_that_would_be_read_as_an_option_is_never_passed_to_an_agent() -> None:
    commands: dict[str, tuple[str, ...]] = {
        "mytool": ("mytool", "{id}"),
        "joined": ("joined", "--id={id}"),
    }
    for argv in (("claude",), ("codex",), ("mytool",)):
        skipped = resume_argv(argv, "--dangerously-skip-permissions", commands)
        assert isinstance(skipped, str), skipped
        assert "begins with '-'" in skipped and "read it as an option" in skipped
    assert resume_argv(("joined",), "-x", commands) == ["joined", "--id=-x"]
    [skip] = plan_resumes([stored(("claude",), "--print")], ON, NOW)
    assert isinstance(skip, Skip) and "begins with '-'" in skip.reason


def test_the_policys_resume_commands_add_programs_and_fill_in_the_id() -> None:
    commands: dict[str, tuple[str, ...]] = {
        "aider": ("aider", "--restore-chat-history"),
        "mytool": ("mytool", "--id={id}"),
    }
    assert resume_argv(("aider", "x.py"), None, commands) == ["aider", "--restore-chat-history"]
    assert resume_argv(("/bin/mytool",), "42", commands) == ["mytool", "--id=42"]
    needs_id = resume_argv(("mytool",), None, commands)
    assert isinstance(needs_id, str) and "never reported" in needs_id


def test_a_program_with_no_resume_rule_is_skipped_saying_how_to_add_one() -> None:
    [skip] = plan_resumes([stored(("vim",))], ON, NOW)
    assert isinstance(skip, Skip) and "[resume_commands]" in skip.reason


def test_old_sessions_and_those_beyond_max_sessions_are_skipped_with_why() -> None:
    policy = replace(ON, max_sessions=1)
    sessions = [
        stored(("claude",), "a", ago=RESUME_WITHIN + 1),
        stored(("claude",), "b", ago=30),
        stored(("codex",), None, ago=20),
    ]
    old, first, second = plan_resumes(sessions, policy, NOW)
    assert isinstance(old, Skip) and "hours ago" in old.reason
    assert isinstance(first, Restart) and first.argv == ["claude", "--resume", "b"]
    assert isinstance(second, Skip) and "max_sessions (1)" in second.reason


def test_the_policy_file_turns_resuming_on_and_names_resume_commands() -> None:
    aider = ["aider", "--restore-chat-history"]
    policy = parse_policy(
        {"resume_sessions": True, "resume_commands": {"aider": aider}}, "/p/policy.toml"
    )
    assert policy.resume_sessions and policy.resume_commands["aider"][1] == "--restore-chat-history"
    assert parse_policy({}, "/p/policy.toml").resume_sessions is False
    with pytest.raises(PolicyFileError, match="true or false"):
        parse_policy({"resume_sessions": "yes"}, "/p/policy.toml")
    with pytest.raises(PolicyFileError, match="resume_commands"):
        parse_policy({"resume_commands": ["aider"]}, "/p/policy.toml")
