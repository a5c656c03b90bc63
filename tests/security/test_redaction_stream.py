"""Redaction is a property of the stream: no read API ever shows a planted secret.

The invariant of ``supervisor.stream_redact``, as a property: for every kind of
secret (an owner's env value, a value listed in the policy, each well-known
token format, a private key), printed whole, split across writes, with colour
codes between its characters, wrapped by the program or at the screen edge,
or drawn out of order with cursor moves, no read of the session's output
(raw at every offset, text, text since a cursor, screen, what the prompt
tracker sees, every chunk the relay is sent or resent from any offset, the
relay's stored copy) contains it.
"""

from __future__ import annotations

import asyncio
import base64
import os
import re
import sys
from pathlib import Path
from typing import cast

from hypothesis import HealthCheck, given, settings, strategies as st

from server.output_copy import OutputCopies
from server.session_store import SessionStore
from shared.protocol import Output, ReadMode, ReadOutput
from shared.resume import Chunk
from supervisor.commands.terminal import read_output
from supervisor.outbox import Outbox
from supervisor.session import Session
from supervisor.session_manager import SessionManager
from supervisor.stream_redact import (
    DRAW_BUDGET_BYTES,
    DRAW_WINDOW_SECONDS,
    HOLD_SECONDS,
    StreamRedactor,
)
from tests.security.redaction_support import (
    COLS,
    SECRETS,
    needles,
    redactor,
    renderings,
)
from tests.support import eventually, scaled

SID = "session-1"
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07")


def visible(text: str) -> str:
    """What a reader of ``text`` sees, line breaks ignored (a wrapped secret is still one)."""
    return _ANSI.sub("", text).replace("\r", "").replace("\n", "")


def assert_hidden(kind: str, where: str, text: str) -> None:
    for needle in needles(kind):
        assert needle not in text, (where, text)
        assert needle not in visible(text), (where, text)


class _OneSession:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, session_id: str) -> Session:
        assert session_id == self.session.session_id
        return self.session


async def every_read(kind: str, writes: list[bytes]) -> None:
    session = Session(SID, ["prog"], "/w", "n", COLS, 12, redactor=redactor())
    streams = Outbox()
    one = cast(SessionManager, _OneSession(session))  # read_output looks the session up
    session.on_output = lambda s, data: streams.append(s.session_id, data)
    session._on_data(writes[0])
    cursor = session.text_cursor()  # what send_input hands back before typing
    for data in writes[1:]:
        session._on_data(data)
    session._flush_held()
    end = session.journal.end
    assert end == sum(map(len, writes))  # one offset space: lengths never change
    for since in range(end + 1):
        for max_bytes in (3, 64 * 1024):
            read = await read_output(
                one,
                ReadOutput(
                    request_id="r",
                    session_id=SID,
                    mode=ReadMode.RAW,
                    since=since,
                    max_bytes=max_bytes,
                ),
            )
            assert_hidden(kind, f"raw since {since}", read.text or "")
    whole = session.read_raw(0, end).data.decode("utf-8", "replace")
    assert_hidden(kind, "raw", whole)
    for mode in (ReadMode.TEXT, ReadMode.SCREEN):
        read = await read_output(one, ReadOutput(request_id="r", session_id=SID, mode=mode))
        assert_hidden(kind, mode.value, read.text or "")
    assert_hidden(kind, "since cursor", session.read_text(cursor, 64 * 1024).text)
    assert_hidden(kind, "what the prompt tracker sees", session.snapshot().text)
    assert SID in streams
    store = SessionStore(":memory:")
    copies = OutputCopies(store, clock=lambda: 0.0)
    for since in range(end + 1):  # a resend may start anywhere, as the relay asks
        sent, cursor_at = b"", since
        while (chunk := streams.read_from(SID, cursor_at)) is not None:
            assert isinstance(chunk, Chunk)
            sent += chunk.data
            cursor_at = chunk.offset + len(chunk.data)
            if since == 0:
                copies.output(
                    "h",
                    Output(
                        session_id=SID,
                        offset=chunk.offset,
                        data=base64.b64encode(chunk.data).decode(),
                    ),
                )
        assert_hidden(kind, f"sent from {since}", sent.decode("utf-8", "replace"))
    stored = store.read_output(SID, 0, 1 << 20).data
    assert len(stored) == end
    assert_hidden(kind, "the relay's stored copy", stored.decode("utf-8", "replace"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(renderings())
def test_no_read_of_a_sessions_output_ever_contains_a_planted_secret(
    case: tuple[str, list[bytes]],
) -> None:
    asyncio.run(every_read(*case))


@given(
    kind=st.sampled_from(list(SECRETS)),
    cut=st.integers(1, 60),
    pause=st.sampled_from([0.01, HOLD_SECONDS / 2, HOLD_SECONDS * 3]),
)
def test_a_secret_written_in_two_writes_a_moment_apart_is_never_released_whole(
    kind: str, cut: int, pause: float
) -> None:
    printed = SECRETS[kind][0]
    cut = min(cut, len(printed) - 1)
    scrub = StreamRedactor(redactor(), COLS)
    out = scrub.feed(b"key: " + printed[:cut].encode(), 100.0)
    due = scrub.due()
    if due is not None and due <= 100.0 + pause:
        out += scrub.release(due)  # the timer fires during the pause
    out += scrub.feed(printed[cut:].encode() + b" done\r\n", 100.0 + pause)
    out += scrub.close()
    assert len(out) == len(b"key: " + printed.encode() + b" done\r\n")
    assert_hidden(kind, f"released, pause {pause}", out.decode())
    if pause < HOLD_SECONDS and kind not in ("private_key",):
        # Within the hold, the secret is masked whole, nothing of it shows.
        assert printed[cut:] not in out.decode() or len(printed[cut:]) < 4


async def test_secrets_known_only_to_the_owner_are_masked_in_a_real_sessions_output(
    tmp_path: Path,
) -> None:
    """The supervisor's own secret variables (which the child never gets) and the
    policy's ``secrets`` list count, not only the child's environment."""
    supervisor_only, listed = "Tq83-xLm20-pRr9v-KK17", "hunter2-correct-horse-7"
    policy = tmp_path / "policy.toml"
    policy.write_text(
        f'roots = ["{tmp_path}"]\ncommands = ["{sys.executable}"]\nsecrets = ["{listed}"]\n'
    )
    policy.chmod(0o600)
    manager = SessionManager(
        policy_file=policy, environ=dict(os.environ, TETHER_RELAY_TOKEN=supervisor_only)
    )
    # Printed in pieces a moment apart, coloured: the program assembles them itself.
    program = (
        "import sys, time\n"
        f"for part in ({supervisor_only[:7]!r}, {supervisor_only[7:]!r}, ' and ',\n"
        f"             '\\x1b[31m' + {listed[:9]!r}, '\\x1b[0m' + {listed[9:]!r}, '\\n'):\n"
        "    sys.stdout.write(part); sys.stdout.flush(); time.sleep(0.05)  # noqa: sleep-ok\n"
        "time.sleep(30)  # noqa: sleep-ok\n"
    )
    session = await manager.create([sys.executable, "-c", program], None, "owner secrets")
    try:

        async def shown() -> str | None:
            text = session.read_raw(0, 1 << 16).data.decode()
            return text if " and " in text and "\n" in text else None

        raw = await eventually(shown, 20, "the printed line")
        for secret in (supervisor_only, listed):
            assert secret not in visible(raw)
            assert secret not in session.screen_text()[1]
        assert "[redacted" in raw
    finally:
        await asyncio.wait_for(manager.close_all(), scaled(30))


def test_past_the_drawing_budget_a_printed_secret_is_still_masked_in_stream_form() -> None:
    scrub = StreamRedactor(redactor(), COLS)
    frame = b"\x1b[H\x1b[2K" + b"spinner frame " * 100
    now, out, fed = 100.0, b"", b""
    while len(fed) < 2 * DRAW_BUDGET_BYTES:  # a busy full-screen program, within one second
        fed += frame
        out += scrub.feed(frame, now)
        now += DRAW_WINDOW_SECONDS / 10
    assert now - 100.0 < 1.0
    printed = SECRETS["github"][0]
    line = b"\x1b[H" + b"\x1b[31m".join(printed[i : i + 5].encode() for i in range(0, 40, 5))
    out += scrub.feed(line, now) + scrub.close()
    assert len(out) == len(fed) + len(line)
    assert_hidden("github", "after the budget", out.decode())
