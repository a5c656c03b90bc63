"""Commands on a session's terminal: type text, press keys, read output."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from shared.commands.examples import SESSION_ID
from shared.frames import CommandFrame, ReplyFrame, command
from shared.wire_values import (
    MAX_KEY_REPEAT,
    MAX_KEYS_PER_CALL,
    MAX_READ_BYTES,
    MAX_TEXT_CHARS,
    TEXT_CURSOR_PATTERN,
    Key,
    ReadMode,
    SessionId,
)


class SendInput(CommandFrame):
    """Type text; then press Enter as a separate write when ``enter`` is set."""

    type: Literal["send_input"] = "send_input"
    session_id: SessionId
    text: str = Field(max_length=MAX_TEXT_CHARS)
    enter: bool = True


class InputSent(ReplyFrame):
    type: Literal["input_sent"] = "input_sent"
    session_id: SessionId
    bytes_written: int
    # A TEXT-mode read cursor taken just before the input was typed: read with it
    # to get exactly what the program showed in response.
    cursor: str | None = None
    # The session's output byte offset just before the input was typed: a raw read
    # from it starts with what the program showed in response (None: it had exited).
    offset: int | None = None


class SendKeys(CommandFrame):
    type: Literal["send_keys"] = "send_keys"
    session_id: SessionId
    keys: list[Key] = Field(min_length=1, max_length=MAX_KEYS_PER_CALL)
    repeat: int = Field(default=1, ge=1, le=MAX_KEY_REPEAT)


class KeysSent(ReplyFrame):
    type: Literal["keys_sent"] = "keys_sent"
    session_id: SessionId
    bytes_written: int


class ReadOutput(CommandFrame):
    type: Literal["read_output"] = "read_output"
    session_id: SessionId
    mode: ReadMode = ReadMode.SCREEN
    since: int | None = Field(default=None, ge=0)  # RAW: byte offset to start from
    max_bytes: int = Field(default=64 * 1024, ge=1, le=MAX_READ_BYTES)
    # TEXT: the ``next_cursor`` of an earlier read; only what is new since then comes back.
    cursor: str | None = Field(default=None, pattern=TEXT_CURSOR_PATTERN)


class OutputRead(ReplyFrame):
    """A read of a session's output.

    SCREEN: ``text`` is the rendered screen. RAW: ``text`` is the bytes from
    ``start`` to ``end`` decoded as UTF-8 (replacement on error); ``dropped``
    says how many bytes before ``start`` were asked for but are no longer kept.
    TEXT: ``text`` is scrollback lines new since ``cursor`` (all kept ones without
    one) followed by the screen if it changed, secrets redacted, newest kept
    within ``max_bytes``; ``start``/``end`` are the journal's end.
    """

    type: Literal["output_read"] = "output_read"
    session_id: SessionId
    mode: ReadMode
    text: str
    start: int
    end: int
    dropped: int = 0
    cursor_row: int | None = None
    cursor_col: int | None = None
    # TEXT: pass ``next_cursor`` back as ``cursor`` to read only what is new;
    # ``skipped_lines`` were new but left out (over ``max_bytes``, or no longer kept).
    next_cursor: str | None = None
    skipped_lines: int = 0

    def whole_screen(self, asked: CommandFrame | None) -> tuple[str, str] | None:
        """SCREEN mode, or TEXT read without a cursor and nothing skipped."""
        whole = self.mode is ReadMode.SCREEN or (
            self.mode is ReadMode.TEXT
            and isinstance(asked, ReadOutput)
            and asked.cursor is None
            and self.skipped_lines == 0
        )
        return (self.session_id, self.text) if whole else None


command(
    SendInput,
    InputSent,
    reads=False,
    examples=(
        SendInput(request_id="r-3", session_id=SESSION_ID, text="run the tests"),
        InputSent(request_id="r-3", session_id=SESSION_ID, bytes_written=14, offset=5120),
    ),
)
command(
    SendKeys,
    KeysSent,
    reads=False,
    examples=(
        SendKeys(request_id="r-4", session_id=SESSION_ID, keys=[Key.DOWN, Key.ENTER], repeat=1),
        KeysSent(request_id="r-4", session_id=SESSION_ID, bytes_written=4),
    ),
)
command(
    ReadOutput,
    OutputRead,
    reads=True,
    examples=(
        ReadOutput(request_id="r-5", session_id=SESSION_ID, mode=ReadMode.RAW, since=0),
        OutputRead(
            request_id="r-5",
            session_id=SESSION_ID,
            mode=ReadMode.SCREEN,
            text="❯ hello",
            start=0,
            end=2048,
            cursor_row=3,
            cursor_col=7,
        ),
    ),
)
