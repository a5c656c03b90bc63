"""The session digest's core: what each session did, and the digest built from it. Pure.

:class:`ActivityLog` keeps, per session, a bounded numbered record of what the
supervisor learned for certain while it ran: each Claude Code tool use (from its
``PostToolUse`` hook: the Bash command and any test summary in its own output,
or the file an edit wrote), each finished turn (``Stop`` hook), and for programs
without hooks each return to ``idle`` after input and work (``screen``). A cursor holds a
sequence number of this record, so "since the cursor" is exact.

:func:`build_digest` turns the entries after a cursor, the test summaries read
from the session's output since then, and git's facts into the reply's fields;
:func:`fit` drops the oldest entries until the reply's JSON fits
:data:`shared.commands.digest.MAX_DIGEST_BYTES`. No I/O here:
``supervisor/commands/digest.py`` reads the terminal and runs git.
"""

from __future__ import annotations

import hashlib
import os
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from shared.commands.digest import (
    MAX_DIGEST_BYTES,
    DigestCommand,
    DigestFile,
    DigestGit,
    DigestRead,
    DigestTest,
    DigestTurns,
)
from shared.errors import CommandFailed
from shared.wire_values import ErrorCode, ErrorInfo, SessionState
from supervisor.digest_parse import FileChange, RunSummary, ToolUse, tool_use
from supervisor.hooks import HookEvent

PER_SESSION = 1000  # entries kept per session (the oldest go first)
MAX_COMMANDS, MAX_FILES, MAX_TESTS = 10, 20, 6
PATH_CHARS = 160
HOOK = "hook:PostToolUse"


@dataclass(frozen=True)
class Entry:
    seq: int
    kind: str  # "tool", "turn:hook", "turn:screen"
    use: ToolUse | None = None


@dataclass
class _Record:
    entries: deque[Entry] = field(default_factory=lambda: deque(maxlen=PER_SESSION))
    seq: int = 0
    hooked: bool = False
    last_state: SessionState | None = None
    turn_open: bool = False  # input was sent and the program has not settled since

    def add(self, kind: str, use: ToolUse | None = None) -> None:
        self.seq += 1
        self.entries.append(Entry(self.seq, kind, use))


class ActivityLog:
    """What each session did, as the supervisor saw it (bounded per session)."""

    def __init__(self) -> None:
        self._records: dict[str, _Record] = {}

    def _record(self, session_id: str) -> _Record:
        return self._records.setdefault(session_id, _Record())

    def hook(self, event: HookEvent) -> None:
        """A Claude Code hook event of a session."""
        record = self._record(event.session_id)
        record.hooked = True
        if event.event == "PostToolUse" and event.tool_name:
            response = event.raw.get("tool_response")
            record.add("tool", tool_use(event.tool_name, event.tool_input, response))
        elif event.event in ("Stop", "StopFailure"):
            record.add("turn:hook")

    def input(self, session_id: str) -> None:
        """Something was typed into a session: the program has a turn to finish."""
        self._record(session_id).turn_open = True

    def state(self, session_id: str, state: SessionState) -> None:
        """A session's state changed: back to ``idle`` after input and work is a finished
        turn (a program drawing its start-up screen is not one)."""
        record = self._record(session_id)
        if state is SessionState.IDLE and record.last_state is SessionState.WORKING:
            if record.turn_open:
                record.add("turn:screen")
            record.turn_open = False
        record.last_state = state

    def seq(self, session_id: str) -> int:
        """The number of the newest entry (0: none yet): a cursor's position."""
        record = self._records.get(session_id)
        return 0 if record is None else record.seq

    def since(self, session_id: str, seq: int) -> tuple[list[Entry], bool]:
        """Entries after ``seq``, and whether the session ever sent hook events."""
        record = self._records.get(session_id)
        if record is None:
            return [], False
        return [e for e in record.entries if e.seq > seq], record.hooked

    def forget(self, session_id: str) -> None:
        self._records.pop(session_id, None)


@dataclass(frozen=True)
class Cursor:
    """Where a digest ends: when, the activity entry, the text position, the git snapshot."""

    made: float
    seq: int
    text: str | None
    tree: str | None


def session_tag(session_id: str) -> str:
    return hashlib.blake2b(session_id.encode(), digest_size=4).hexdigest()


def make_cursor(session_id: str, made: float, seq: int, text: str, tree: str | None) -> str:
    return f"{session_tag(session_id)}_{int(made)}_{seq}_{text}_{tree or '0'}"


def parse_cursor(session_id: str, cursor: str | None, newest_seq: int) -> Cursor:
    """A cursor (already matching ``DIGEST_CURSOR_PATTERN``) of this session, or a
    :class:`CommandFailed` saying it belongs elsewhere. None: the session's start."""
    if cursor is None:
        return Cursor(0.0, 0, None, None)
    tag, made, seq, text, tree = cursor.split("_")
    if tag != session_tag(session_id) or int(seq) > newest_seq:
        raise CommandFailed(
            ErrorInfo(
                code=ErrorCode.INVALID_ARGUMENT,
                message=f"this cursor was not made by get_session_digest for session {session_id}",
                hint="pass the next_cursor of this session's previous digest, or omit it",
            )
        )
    return Cursor(float(made), int(seq), text, None if tree == "0" else tree)


@dataclass(frozen=True)
class GitFacts:
    """What git said about the working directory (paths relative to ``root``)."""

    root: str
    base: str  # what ``changes`` are against, in words
    changes: list[FileChange]
    porcelain: list[tuple[str, str]]
    error: str = ""


@dataclass(frozen=True)
class DigestParts:
    """The fields of a :class:`DigestRead` that say what happened, newest last."""

    turns: DigestTurns
    commands: list[DigestCommand]
    files: list[DigestFile]
    tests: list[DigestTest]
    git: DigestGit
    notes: list[str]
    omitted: int


def build_digest(
    entries: Iterable[Entry],
    hooked: bool,
    output_tests: Iterable[RunSummary],
    git: GitFacts,
    cwd: str,
    redact: Callable[[str], str],
) -> DigestParts:
    """What the digest says, from what is known (lists bounded, oldest dropped)."""
    entries = list(entries)
    uses = [e.use for e in entries if e.kind == "tool" and e.use is not None]
    hook_turns = sum(1 for e in entries if e.kind == "turn:hook")
    screen_turns = sum(1 for e in entries if e.kind == "turn:screen")
    if hooked:
        turns = DigestTurns(count=hook_turns, source="hook:Stop")
    else:
        turns = DigestTurns(count=screen_turns, source="screen" if screen_turns else "")
    commands = [DigestCommand(command=redact(u.command)) for u in uses if u.command]
    tests = [_test(t, HOOK, redact) for u in uses for t in u.tests]
    seen = {t.line for t in tests}
    tests += [_test(t, "output", redact) for t in output_tests if redact(t.line) not in seen]
    files = _files(uses, git, cwd, redact)
    notes = []
    if not hooked:
        notes.append(
            "This program sends no hook events, so the commands it ran and the files it "
            "edited are not known; files come from git only."
        )
    omitted = max(0, len(commands) - MAX_COMMANDS) + max(0, len(files) - MAX_FILES)
    omitted += max(0, len(tests) - MAX_TESTS)
    diffstat = git.changes
    return DigestParts(
        turns=turns,
        commands=commands[-MAX_COMMANDS:],
        files=files[-MAX_FILES:],
        tests=tests[-MAX_TESTS:],
        git=DigestGit(
            base=git.base,
            files_changed=len(diffstat),
            insertions=sum(c.added or 0 for c in diffstat),
            deletions=sum(c.deleted or 0 for c in diffstat),
            uncommitted=len(git.porcelain),
            error=git.error,
        ),
        notes=notes,
        omitted=omitted,
    )


def _test(t: RunSummary, source: str, redact: Callable[[str], str]) -> DigestTest:
    return DigestTest(
        runner=t.runner,
        passed=t.passed,
        failed=t.failed,
        skipped=t.skipped,
        ok=t.ok,
        line=redact(t.line),
        source=source,
    )


def _files(
    uses: list[ToolUse], git: GitFacts, cwd: str, redact: Callable[[str], str]
) -> list[DigestFile]:
    """Files an edit touched (hooks) and files git shows changed, merged by path."""
    base = git.root or cwd
    sources: dict[str, list[str]] = {}
    for use in uses:
        if use.path:
            path = _relative(use.path, base)
            tags = sources.setdefault(path, [])
            if f"hook:{use.tool}" not in tags:
                tags.append(f"hook:{use.tool}")
    stats = {c.path: c for c in git.changes}
    status = dict((path, xy) for xy, path in git.porcelain)
    for path in list(stats) + [p for p in status if p not in stats]:
        sources.setdefault(path, []).append("git")
    out = []
    for path, tags in sources.items():
        change = stats.get(path)
        out.append(
            DigestFile(
                path=redact(path)[:PATH_CHARS],
                added=change.added if change else None,
                deleted=change.deleted if change else None,
                status=status.get(path, ""),
                sources=tags,
            )
        )
    return out


def _relative(path: str, base: str) -> str:
    if not os.path.isabs(path):
        return path
    rel = os.path.relpath(os.path.normpath(path), base)
    return path if rel.startswith("..") else rel


def fit(reply: DigestRead) -> DigestRead:
    """``reply`` with its oldest list entries dropped (counted in ``omitted``) until its
    JSON is at most :data:`MAX_DIGEST_BYTES`."""
    while len(reply.model_dump_json()) > MAX_DIGEST_BYTES:
        lists: dict[str, Sequence[object]] = {
            "commands": reply.commands,
            "files": reply.files,
            "tests": reply.tests,
            "notes": reply.notes,
        }
        name, longest = max(lists.items(), key=lambda kv: len(kv[1]))
        if not longest:
            break  # only the fixed fields are left, and those are bounded by the wire
        reply = reply.model_copy(update={name: longest[1:], "omitted": reply.omitted + 1})
    return reply
