"""Handler of ``get_digest`` (``shared.commands.digest``): what a session did since a cursor.

Reads only: the session's activity record (``SessionManager.activity``), its
readable output since the cursor's text position (test-runner summaries), and git
in its folder (``supervisor.digest_git``). The reply is bounded by
:func:`supervisor.digest.fit`.
"""

from __future__ import annotations

import asyncio
import time

from shared.commands.digest import NAME_CHARS, DigestRead, GetDigest
from supervisor.commands import handles
from supervisor.digest import GitFacts, build_digest, fit, make_cursor, parse_cursor
from supervisor.digest_git import git_facts
from supervisor.digest_parse import runner_summaries
from supervisor.session_manager import SessionManager

READ_BYTES = 256 * 1024  # of output since the cursor, searched for test summaries
GIT_BUDGET = 20.0  # seconds for all of git's work, well inside the tool's wait
GIT_SLOW = f"Git took longer than {GIT_BUDGET:g} s in the session's folder: no diffstat this time."


@handles(GetDigest)
async def get_digest(m: SessionManager, cmd: GetDigest) -> DigestRead:
    session = m.get(cmd.session_id)
    now, next_seq = time.time(), m.activity.seq(session.session_id)
    cursor = parse_cursor(session.session_id, cmd.since_cursor, next_seq)
    read = session.read_text(cursor.text, READ_BYTES)  # CursorError: invalid_argument
    entries, hooked = m.activity.since(session.session_id, cursor.seq)
    try:
        async with asyncio.timeout(GIT_BUDGET):
            facts, snapshot = await git_facts(session.cwd, cursor.tree)
    except TimeoutError:
        facts, snapshot = GitFacts("", "", [], [], error=GIT_SLOW), None
    parts = build_digest(
        entries, hooked, runner_summaries(read.text), facts, session.cwd, session.redactor.redact
    )
    notes = list(parts.notes)
    if read.skipped_lines:
        notes.append(
            f"The output since the cursor was long: test results in its first "
            f"{read.skipped_lines} lines were not read."
        )
    info = session.info()
    return fit(
        DigestRead(
            request_id=cmd.request_id,
            session_id=info.session_id,
            name=info.name[:NAME_CHARS],
            state=info.state,
            since=cursor.made if cmd.since_cursor is not None else None,
            turns=parts.turns,
            commands=parts.commands,
            files=parts.files,
            tests=parts.tests,
            git=parts.git,
            notes=notes,
            omitted=parts.omitted,
            next_cursor=make_cursor(session.session_id, now, next_seq, read.next_cursor, snapshot),
        )
    )
