"""Reading facts out of text for the session digest: test-runner summaries, git's
``--numstat`` and ``status --porcelain``, and Claude Code's tool uses. Pure.

Only what a line says for certain is taken: a summary line a runner prints at the
end (pytest, jest, vitest, go test, cargo test), never a guess from other words.
Every function takes text and returns values; nothing here runs a program.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

__all__ = [
    "FileChange",
    "RunSummary",
    "ToolUse",
    "parse_numstat",
    "parse_porcelain",
    "runner_summaries",
    "tool_use",
]

SUMMARY_CHARS = 160
COMMAND_CHARS = 200
EDIT_TOOLS = frozenset({"Edit", "MultiEdit", "Write", "NotebookEdit"})


@dataclass(frozen=True)
class RunSummary:
    """One test run's result line, as the runner printed it."""

    runner: str  # pytest, jest, vitest, go test, cargo test
    passed: int
    failed: int
    skipped: int
    ok: bool  # nothing failed (and something ran)
    line: str  # the summary line itself (bounded)


@dataclass(frozen=True)
class FileChange:
    path: str
    added: int | None  # None: a binary file
    deleted: int | None


@dataclass(frozen=True)
class ToolUse:
    """What one Claude Code tool use did, from its PostToolUse hook event."""

    tool: str
    command: str = ""  # Bash
    path: str = ""  # Edit, MultiEdit, Write, NotebookEdit
    tests: tuple[RunSummary, ...] = ()  # summaries in a Bash command's own output


# ---------------------------------------------------------------- test runners

_COUNT = r"(\d+) (failed|passed|skipped|deselected|xfailed|xpassed|errors?|warnings?)"
_PYTEST = re.compile(
    rf"^=*\s*((?:{_COUNT}(?:, )?)+|no tests ran) in [\d.]+s(?: \([^)]*\))?\s*=*\s*$"
)
_JEST = re.compile(r"^Tests:\s+(.*\b\d+ total)\s*$")
_VITEST = re.compile(r"^\s*Tests\s{2,}(\d+ \w+(?: \| \d+ \w+)*)\s+\((\d+)\)\s*$")
_CARGO = re.compile(r"^test result: (ok|FAILED)\. (\d+) passed; (\d+) failed; (\d+) ignored;.*$")
_GO_OK = re.compile(r"^ok\s+\S+\s+(?:[\d.]+s|\(cached\))")
_GO_FAIL = re.compile(r"^FAIL\s+\S+\s+[\d.]+s")
_WORD_COUNT = re.compile(r"(\d+) (\w+)")


def runner_summaries(text: str) -> list[RunSummary]:
    """Every test-runner summary line in ``text``, in order (go test: one per output,
    counting packages). Lines are matched whole, after stripping spaces."""
    found: list[RunSummary] = []
    go_ok = go_failed = 0
    go_line = ""
    for raw in text.splitlines():
        line = raw.strip()
        summary = _one_line(line)
        if summary is not None:
            found.append(summary)
        elif _GO_OK.match(line):
            go_ok, go_line = go_ok + 1, line
        elif _GO_FAIL.match(line):
            go_failed, go_line = go_failed + 1, line
    if go_ok or go_failed:
        found.append(
            RunSummary("go test", go_ok, go_failed, 0, go_failed == 0, go_line[:SUMMARY_CHARS])
        )
    return found


def _one_line(line: str) -> RunSummary | None:
    if m := _PYTEST.match(line):
        counts = _counts(m.group(1))
        failed = counts.get("failed", 0) + counts.get("error", 0) + counts.get("errors", 0)
        passed = counts.get("passed", 0)
        return RunSummary(
            "pytest",
            passed,
            failed,
            counts.get("skipped", 0),
            failed == 0 and passed > 0,
            line.strip("= ")[:SUMMARY_CHARS],
        )
    if m := _JEST.match(line):
        counts = _counts(m.group(1))
        failed, passed = counts.get("failed", 0), counts.get("passed", 0)
        skipped = counts.get("skipped", 0) + counts.get("todo", 0)
        return RunSummary("jest", passed, failed, skipped, failed == 0 and passed > 0, line)
    if m := _VITEST.match(line):
        counts = _counts(m.group(1).replace("|", ","))
        failed, passed = counts.get("failed", 0), counts.get("passed", 0)
        skipped = counts.get("skipped", 0) + counts.get("todo", 0)
        ok = failed == 0 and passed > 0
        return RunSummary("vitest", passed, failed, skipped, ok, line[:SUMMARY_CHARS])
    if m := _CARGO.match(line):
        passed, failed, ignored = int(m.group(2)), int(m.group(3)), int(m.group(4))
        ok = m.group(1) == "ok" and failed == 0
        return RunSummary("cargo test", passed, failed, ignored, ok, line[:SUMMARY_CHARS])
    return None


def _counts(text: str) -> dict[str, int]:
    return {word: int(n) for n, word in _WORD_COUNT.findall(text)}


# ---------------------------------------------------------------- git


def parse_numstat(text: str) -> list[FileChange]:
    """``git diff --numstat -z --no-renames`` output: one change per file."""
    changes = []
    for record in text.split("\0"):
        parts = record.split("\t", 2)
        if len(parts) != 3 or not parts[2]:
            continue
        added, deleted, path = parts
        changes.append(FileChange(path, _number(added), _number(deleted)))
    return changes


def _number(text: str) -> int | None:
    return int(text) if text.isdigit() else None


def parse_porcelain(text: str) -> list[tuple[str, str]]:
    """``git status --porcelain=v1 -z --no-renames`` output: ``(XY status, path)`` pairs."""
    entries = []
    for record in text.split("\0"):
        if len(record) > 3 and record[2] == " ":
            entries.append((record[:2], record[3:]))
    return entries


# ---------------------------------------------------------------- Claude Code hooks


def tool_use(tool_name: str, tool_input: dict[str, Any], response: Any) -> ToolUse:
    """What a PostToolUse event says was done (the command, the file, test results)."""
    if tool_name == "Bash":
        command = tool_input.get("command")
        out = response.get("stdout") if isinstance(response, dict) else None
        tests = tuple(runner_summaries(out)) if isinstance(out, str) else ()
        text = " ".join(command.split())[:COMMAND_CHARS] if isinstance(command, str) else ""
        return ToolUse(tool_name, command=text, tests=tests)
    if tool_name in EDIT_TOOLS:
        path = tool_input.get("file_path") or tool_input.get("notebook_path")
        return ToolUse(tool_name, path=path if isinstance(path, str) else "")
    return ToolUse(tool_name)
