"""The session digest's pure parts: test-runner summaries, git's output, hook tool uses,
the activity record and the bounded digest (supervisor/digest_parse.py, digest.py)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from shared.commands.digest import (
    DIGEST_CURSOR_PATTERN,
    MAX_DIGEST_BYTES,
    DigestCommand,
    DigestFile,
    DigestGit,
    DigestRead,
    DigestTurns,
)
from shared.errors import CommandFailed
from shared.protocol import ErrorCode, SessionState
from supervisor.digest import (
    PER_SESSION,
    ActivityLog,
    Cursor,
    GitFacts,
    build_digest,
    fit,
    make_cursor,
    parse_cursor,
)
from supervisor.digest_parse import (
    FileChange,
    RunSummary,
    parse_numstat,
    parse_porcelain,
    runner_summaries,
    tool_use,
)
from supervisor.hooks import HookEvent

SID = "sess-digest-01"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "========= 2 failed, 10 passed, 1 skipped in 1.23s =========",
            ("pytest", 10, 2, 1, False),
        ),
        ("3 passed in 0.01s", ("pytest", 3, 0, 0, True)),
        ("==== 1 passed, 2 warnings in 0.50s (0:00:00) ====", ("pytest", 1, 0, 0, True)),
        ("====== 1 error in 0.10s ======", ("pytest", 0, 1, 0, False)),
        ("Tests:       1 failed, 41 passed, 42 total", ("jest", 41, 1, 0, False)),
        ("Tests:       2 skipped, 8 passed, 10 total", ("jest", 8, 0, 2, True)),
        ("      Tests  2 failed | 10 passed (12)", ("vitest", 10, 2, 0, False)),
        ("      Tests  3 passed (3)", ("vitest", 3, 0, 0, True)),
        (
            "test result: ok. 5 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; "
            "finished in 0.00s",
            ("cargo test", 5, 0, 0, True),
        ),
        (
            "test result: FAILED. 4 passed; 1 failed; 2 ignored; 0 measured; 0 filtered out",
            ("cargo test", 4, 1, 2, False),
        ),
    ],
)
def test_each_runners_summary_line_is_read_with_its_counts(
    line: str, expected: tuple[str, int, int, int, bool]
) -> None:
    [summary] = runner_summaries(f"some output\n{line}\nmore\n")
    assert (summary.runner, summary.passed, summary.failed, summary.skipped, summary.ok) == expected


def test_go_test_packages_are_counted_as_one_run() -> None:
    out = (
        "ok  \texample.com/shop\t0.012s\n"
        "--- FAIL: TestCheckout (0.00s)\n"
        "FAIL\texample.com/cart\t0.020s\n"
        "ok  \texample.com/util\t(cached)\n"
    )
    [summary] = runner_summaries(out)
    assert (summary.runner, summary.passed, summary.failed, summary.ok) == ("go test", 2, 1, False)


@pytest.mark.parametrize(
    "text",
    [
        "I ran the tests and 10 passed in the end",
        "Tests: see the report below",
        "ok",
        "test result: probably fine",
        "The agent says: 3 passed in 0.01s, trust me",
    ],
)
def test_words_that_only_look_like_a_summary_are_not_taken_for_one(text: str) -> None:
    assert runner_summaries(text) == []


def test_git_numstat_and_porcelain_are_parsed_with_binary_files_and_odd_names() -> None:
    numstat = "3\t1\tsrc/a.py\0-\t-\timg.png\0" + "1\t0\tname with\ttab.txt\0"
    assert parse_numstat(numstat) == [
        FileChange("src/a.py", 3, 1),
        FileChange("img.png", None, None),
        FileChange("name with\ttab.txt", 1, 0),
    ]
    assert parse_porcelain(" M src/a.py\0?? new file.txt\0") == [
        (" M", "src/a.py"),
        ("??", "new file.txt"),
    ]


def test_a_tool_use_keeps_the_command_the_file_and_tests_in_the_commands_own_output() -> None:
    bash = tool_use("Bash", {"command": "pytest  -q\ttests"}, {"stdout": "5 passed in 0.2s\n"})
    assert bash.command == "pytest -q tests"
    assert [(t.runner, t.passed) for t in bash.tests] == [("pytest", 5)]
    assert tool_use("Edit", {"file_path": "/w/app.py"}, None).path == "/w/app.py"
    assert tool_use("NotebookEdit", {"notebook_path": "/w/n.ipynb"}, None).path == "/w/n.ipynb"
    read = tool_use("Read", {"file_path": "/w/app.py"}, None)
    assert (read.command, read.path, read.tests) == ("", "", ())
    assert tool_use("Bash", {"command": 42}, "not a dict").command == ""


def _post(tool: str, tool_input: dict[str, object], stdout: str = "") -> HookEvent:
    return HookEvent(
        session_id=SID,
        event="PostToolUse",
        tool_name=tool,
        tool_input=tool_input,
        raw={"tool_response": {"stdout": stdout}},
    )


def test_the_activity_record_numbers_entries_so_a_cursor_splits_them_exactly() -> None:
    log = ActivityLog()
    log.hook(_post("Bash", {"command": "ls"}))
    cursor = log.seq(SID)
    log.hook(_post("Edit", {"file_path": "/w/a.py"}))
    log.hook(HookEvent(session_id=SID, event="Stop"))
    log.hook(HookEvent(session_id=SID, event="Notification"))  # says nothing we keep
    after, hooked = log.since(SID, cursor)
    assert hooked and [e.kind for e in after] == ["tool", "turn:hook"]
    assert log.since("other-session", 0) == ([], False)
    log.forget(SID)
    assert log.seq(SID) == 0


def test_without_hooks_a_turn_is_a_return_to_idle_after_input_and_work() -> None:
    log = ActivityLog()
    for state in ("starting", "working", "idle"):  # its start-up screen: not a turn
        log.state(SID, SessionState(state))
    log.input(SID)
    for state in ("working", "idle", "working", "idle"):  # a redraw while idle: not a turn
        log.state(SID, SessionState(state))
    entries, hooked = log.since(SID, 0)
    assert not hooked and [e.kind for e in entries] == ["turn:screen"]


def test_the_record_of_one_session_is_bounded() -> None:
    log = ActivityLog()
    for i in range(PER_SESSION + 50):
        log.hook(_post("Bash", {"command": f"echo {i}"}))
    entries, _ = log.since(SID, 0)
    assert len(entries) == PER_SESSION and entries[-1].seq == PER_SESSION + 50


def test_a_cursor_round_trips_and_is_refused_for_another_session() -> None:
    cursor = make_cursor(SID, 1700000000.7, 4, "12.ab", "cd" * 20)
    assert re.match(DIGEST_CURSOR_PATTERN, cursor)
    assert parse_cursor(SID, cursor, 4) == Cursor(1700000000.0, 4, "12.ab", "cd" * 20)
    assert parse_cursor(SID, None, 0) == Cursor(0.0, 0, None, None)
    assert parse_cursor(SID, make_cursor(SID, 1.0, 0, "0.0", None), 0).tree is None
    for other, newest in (("another-session", 4), (SID, 3)):
        with pytest.raises(CommandFailed) as refused:
            parse_cursor(other, cursor, newest)
        assert refused.value.code is ErrorCode.INVALID_ARGUMENT
        assert "not made by get_session_digest" in refused.value.message


def _git(**kw: object) -> GitFacts:
    base: dict[str, object] = {
        "root": "/w",
        "base": "the last commit",
        "changes": [],
        "porcelain": [],
    }
    return GitFacts(**(base | kw))  # type: ignore[arg-type]


def test_a_digest_merges_files_from_hooks_and_git_and_names_each_source() -> None:
    log = ActivityLog()
    log.hook(_post("Edit", {"file_path": "/w/src/a.py"}))
    log.hook(_post("Bash", {"command": "pytest"}, "1 failed, 4 passed in 0.3s"))
    log.hook(HookEvent(session_id=SID, event="Stop"))
    entries, hooked = log.since(SID, 0)
    git = _git(
        changes=[FileChange("src/a.py", 3, 1), FileChange("b.txt", 1, 0)],
        porcelain=[(" M", "src/a.py"), ("??", "b.txt")],
    )
    output_tests = runner_summaries("1 failed, 4 passed in 0.3s\n3 passed in 0.1s\n")
    parts = build_digest(entries, hooked, output_tests, git, "/w", lambda s: s)
    assert parts.turns == DigestTurns(count=1, source="hook:Stop")
    assert [c.command for c in parts.commands] == ["pytest"]
    assert [(f.path, f.sources, f.added, f.status) for f in parts.files] == [
        ("src/a.py", ["hook:Edit", "git"], 3, " M"),
        ("b.txt", ["git"], 1, "??"),
    ]
    # The hook's copy of a summary wins; the terminal's other summary is kept as output.
    assert [(t.source, t.passed) for t in parts.tests] == [
        ("hook:PostToolUse", 4),
        ("output", 3),
    ]
    assert (parts.git.files_changed, parts.git.insertions, parts.git.uncommitted) == (2, 4, 2)
    assert parts.notes == []


def test_a_digest_without_hooks_says_what_it_cannot_know_and_redacts() -> None:
    git = _git(root="", base="", error="The session's folder is not inside a git repository.")
    tests = [RunSummary("pytest", 1, 0, 0, True, "1 passed in 0.1s sk-SECRET")]
    parts = build_digest([], False, tests, git, "/w", lambda s: s.replace("sk-SECRET", "****"))
    assert parts.turns.count == 0 and parts.commands == [] and parts.files == []
    assert parts.tests[0].line == "1 passed in 0.1s ****"
    assert any("no hook events" in n for n in parts.notes)
    assert "not inside a git repository" in parts.git.error and len(parts.notes) == 1


def _reply(commands: list[str], files: list[str], notes: list[str]) -> DigestRead:
    return DigestRead(
        request_id="r-1",
        session_id=SID,
        name="app",
        state=SessionState.IDLE,
        since=None,
        turns=DigestTurns(count=0, source=""),
        commands=[DigestCommand(command=c) for c in commands],
        files=[DigestFile(path=p, sources=["git"]) for p in files],
        tests=[],
        git=DigestGit(base="the last commit"),
        notes=notes,
        next_cursor="00000000_1_0_0.0_0",
    )


@settings(max_examples=60, deadline=None)
@given(
    commands=st.lists(st.text(max_size=200), max_size=40),
    files=st.lists(st.text(max_size=160), max_size=60),
    notes=st.lists(st.text(max_size=300), max_size=5),
)
def test_a_digest_never_exceeds_its_size_bound_and_counts_what_it_left_out(
    commands: list[str], files: list[str], notes: list[str]
) -> None:
    whole = _reply(commands, files, notes)
    fitted = fit(whole)
    assert len(fitted.model_dump_json()) <= MAX_DIGEST_BYTES
    kept = len(fitted.commands) + len(fitted.files) + len(fitted.notes)
    assert kept + fitted.omitted == len(commands) + len(files) + len(notes)
    if len(whole.model_dump_json()) <= MAX_DIGEST_BYTES:
        assert fitted == whole
    # What is kept is the newest: each list's tail.
    assert fitted.commands == whole.commands[len(whole.commands) - len(fitted.commands) :]
