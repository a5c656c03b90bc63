"""Handlers of the terminal commands (``shared.commands.terminal``).

Every read is redacted by the session (screen, text, raw bytes masked in place).
``send_input`` replies with a text cursor taken just before typing, so the
caller can read exactly what the program showed since.
"""

from __future__ import annotations

from shared.commands.terminal import (
    InputSent,
    KeysSent,
    OutputRead,
    ReadOutput,
    SendInput,
    SendKeys,
)
from shared.protocol import ReadMode
from supervisor.commands import handles
from supervisor.session import Session
from supervisor.session_manager import SessionManager
from supervisor.watch import interrupt_reason


@handles(SendInput)
async def send_input(m: SessionManager, cmd: SendInput) -> InputSent:
    session = m.get(cmd.session_id)
    cursor = None if session.exited else session.text_cursor()
    offset = None if session.exited else session.journal.end
    n = await session.send_text(cmd.text, cmd.enter)
    return InputSent(
        request_id=cmd.request_id,
        session_id=cmd.session_id,
        bytes_written=n,
        cursor=cursor,
        offset=offset,
    )


@handles(SendKeys)
async def send_keys(m: SessionManager, cmd: SendKeys) -> KeysSent:
    session = m.get(cmd.session_id)
    interrupted = interrupt_reason(cmd.keys)
    if interrupted is not None and session.watch is not None:
        session.watch.stop(interrupted)  # before the keys, so watch cannot answer them
    n = await session.send_keys(cmd.keys, cmd.repeat)
    return KeysSent(request_id=cmd.request_id, session_id=cmd.session_id, bytes_written=n)


@handles(ReadOutput)
async def read_output(m: SessionManager, cmd: ReadOutput) -> OutputRead:
    session = m.get(cmd.session_id)
    if cmd.mode is ReadMode.TEXT:
        return _read_text(session, cmd)
    if cmd.mode is ReadMode.SCREEN:
        snap, text = session.screen_text()
        end = session.journal.end
        return OutputRead(
            request_id=cmd.request_id,
            session_id=session.session_id,
            mode=cmd.mode,
            text=text,
            start=end,
            end=end,
            cursor_row=snap.cursor_row,
            cursor_col=snap.cursor_col,
        )
    chunk = session.read_raw(cmd.since, cmd.max_bytes)
    data = whole_characters(chunk.data)
    return OutputRead(
        request_id=cmd.request_id,
        session_id=session.session_id,
        mode=cmd.mode,
        text=data.decode("utf-8", "replace"),
        start=chunk.start,
        end=chunk.start + len(data),
        dropped=chunk.dropped,
    )


def _read_text(session: Session, cmd: ReadOutput) -> OutputRead:
    read = session.read_text(cmd.cursor, cmd.max_bytes)  # CursorError: invalid_argument
    end = session.journal.end
    return OutputRead(
        request_id=cmd.request_id,
        session_id=session.session_id,
        mode=cmd.mode,
        text=read.text,
        start=end,
        end=end,
        next_cursor=read.next_cursor,
        skipped_lines=read.skipped_lines,
    )


def whole_characters(data: bytes) -> bytes:
    """``data`` without a UTF-8 character cut at its end, so the next read (from
    ``end``) decodes it whole. Leaves ``data`` alone if nothing would remain."""
    for back in range(1, min(4, len(data)) + 1):
        byte = data[-back]
        if byte < 0x80:
            return data
        if byte >= 0xC0:  # a lead byte: how long is its character?
            need = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return data if back >= need or back == len(data) else data[:-back]
    return data
