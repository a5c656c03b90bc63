"""``get_digest``: what changed in a session since a cursor, small enough for a phone.

The supervisor answers from what it knows for certain, and each fact says where
it came from (``source``): Claude Code's hook events (``hook:PostToolUse``: the
commands it ran, the files it edited, test results in a command's own output;
``hook:Stop``: finished turns), the session's readable output (``output``: a
test runner's summary line), its state changes (``screen``: idle after work)
and git in its working directory (``git``: the diffstat against the snapshot
taken when the cursor was made). Nothing is inferred beyond that. Lists keep the
newest entries and count the rest in ``omitted``; the reply's JSON stays under
:data:`MAX_DIGEST_BYTES`.

The cursor is ``<session tag>_<unix time>_<activity seq>_<text cursor>_<git tree or 0>``
(the tag ties it to its session); pass ``next_cursor`` back to get only what came after.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from shared.commands.examples import SESSION_ID
from shared.frames import CommandFrame, ReplyFrame, command
from shared.wire_values import SessionId, SessionState, WireModel

MAX_DIGEST_BYTES = 8 * 1024
NAME_CHARS = 80
DIGEST_CURSOR_PATTERN = (
    r"^[0-9a-f]{8}_[0-9]{1,12}_[0-9]{1,12}_[0-9]{1,18}\.[0-9a-f]{1,32}"
    r"_(?:[0-9a-f]{40}|[0-9a-f]{64}|0)$"
)


class DigestTurns(WireModel):
    count: int
    source: str  # "hook:Stop", "screen" (idle after work) or "" when none was seen


class DigestCommand(WireModel):
    command: str
    source: str = "hook:PostToolUse"


class DigestTest(WireModel):
    runner: str  # pytest, jest, vitest, go test, cargo test
    passed: int
    failed: int
    skipped: int
    ok: bool
    line: str  # the runner's own summary line
    source: str  # "hook:PostToolUse" (a command's output) or "output" (the terminal)


class DigestFile(WireModel):
    path: str  # relative to the session's folder when inside it
    added: int | None = None  # lines, from git (None: binary, or not from git)
    deleted: int | None = None
    status: str = ""  # git status --porcelain's XY code, when uncommitted
    sources: list[str]  # "hook:Edit", "hook:Write", ..., "git"


class DigestGit(WireModel):
    base: str  # what the diffstat is against, in words
    files_changed: int = 0
    insertions: int = 0
    deletions: int = 0
    uncommitted: int = 0  # entries of git status --porcelain now
    error: str = ""  # why there is no diffstat (not a repository, git failed)


class GetDigest(CommandFrame):
    type: Literal["get_digest"] = "get_digest"
    session_id: SessionId
    since_cursor: str | None = Field(default=None, pattern=DIGEST_CURSOR_PATTERN)


class DigestRead(ReplyFrame):
    type: Literal["digest_read"] = "digest_read"
    session_id: SessionId
    name: str  # at most NAME_CHARS
    state: SessionState
    since: float | None  # unix time of the cursor; None: since the session started
    turns: DigestTurns
    commands: list[DigestCommand]
    files: list[DigestFile]
    tests: list[DigestTest]
    git: DigestGit
    notes: list[str]  # what could not be known, and why (git's own problem: git.error)
    omitted: int = 0  # older entries left out to keep the digest small
    next_cursor: str


command(
    GetDigest,
    DigestRead,
    reads=True,
    examples=(
        GetDigest(
            request_id="r-40",
            session_id=SESSION_ID,
            since_cursor="5e551011_1700000000_12_40.9f2c_" + "ab" * 20,
        ),
        DigestRead(
            request_id="r-40",
            session_id=SESSION_ID,
            name="app",
            state=SessionState.IDLE,
            since=1700000000.0,
            turns=DigestTurns(count=2, source="hook:Stop"),
            commands=[DigestCommand(command="npm test")],
            files=[
                DigestFile(
                    path="src/cart.js",
                    added=12,
                    deleted=3,
                    status=" M",
                    sources=["hook:Edit", "git"],
                )
            ],
            tests=[
                DigestTest(
                    runner="jest",
                    passed=41,
                    failed=1,
                    skipped=0,
                    ok=False,
                    line="Tests:       1 failed, 41 passed, 42 total",
                    source="hook:PostToolUse",
                )
            ],
            git=DigestGit(
                base="the snapshot taken with the cursor",
                files_changed=1,
                insertions=12,
                deletions=3,
                uncommitted=1,
            ),
            notes=[],
            next_cursor="5e551011_1700000300_19_52.0c1d_" + "cd" * 20,
        ),
    ),
)
