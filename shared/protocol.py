"""The wire protocol between the relay and a supervisor: every frame, once.

Frames are JSON text messages, each a pydantic model tagged by ``type``.
There is one union per direction, decoded through one adapter each:

* relay -> supervisor (:data:`Command`): commands in the imperative, each with a
  ``request_id`` the reply echoes (``start_session``, ``send_input``, ...);
* supervisor -> relay (:data:`Report`): facts in the past tense
  (``session_started``, ``output``, ``request_failed``, ...).

The first frame on a link is the supervisor's :class:`Hello`, carrying
:data:`PROTOCOL_VERSION` and its public key; the relay sends a :class:`Challenge`,
the supervisor signs it (:class:`ChallengeAnswered`), and the relay answers
:class:`Welcome` (with the output offsets it holds, to resume from) or closes
the socket with a reason saying what to do.

Reliability frames (see ``shared/resume.py`` for the cores behind them):
``output`` carries bytes at an offset, ``ack_output`` releases them,
``resend_output`` rewinds after a lost frame, ``output_dropped`` names a range
lost for good; ``ping``/``pong`` (relay-initiated) and ``heartbeat``/
``heartbeat_acked`` (supervisor-initiated) prove each direction alive;
``lookup_request``/``request_looked_up`` ask what became of a command whose
reply was lost. Unknown frame types decode to :class:`UnknownFrame`, so a
newer peer never crashes an older one: the receiver logs and drops them.

Nothing here does I/O; ``tests/test_protocol.py`` pins every frame's JSON so a
wire change is always deliberate.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, TypeAdapter, ValidationError, model_validator

from shared.approval_frames import (  # re-exported: step-up frames
    ApprovalPrepared as ApprovalPrepared,
    ApprovePrompt as ApprovePrompt,
    ApproverRegistered as ApproverRegistered,
    PrepareApproval as PrepareApproval,
    RegisterApprover as RegisterApprover,
)
from shared.wire_values import (  # re-exported: one namespace for the whole protocol
    HOST_NAME_PATTERN as HOST_NAME_PATTERN,
    MAX_FRAME_BYTES as MAX_FRAME_BYTES,
    MAX_KEY_REPEAT as MAX_KEY_REPEAT,
    MAX_KEYS_PER_CALL as MAX_KEYS_PER_CALL,
    MAX_OUTPUT_CHUNK as MAX_OUTPUT_CHUNK,
    MAX_READ_BYTES as MAX_READ_BYTES,
    MAX_TEXT_CHARS as MAX_TEXT_CHARS,
    MAX_WAIT_SECONDS as MAX_WAIT_SECONDS,
    REQUEST_ID_PATTERN as REQUEST_ID_PATTERN,
    SESSION_ID_PATTERN as SESSION_ID_PATTERN,
    TEXT_CURSOR_PATTERN as TEXT_CURSOR_PATTERN,
    ErrorCode as ErrorCode,
    ErrorInfo as ErrorInfo,
    HostName as HostName,
    Key as Key,
    LookupState as LookupState,
    OutputPosition as OutputPosition,
    Prompt as Prompt,
    PromptKind as PromptKind,
    PromptOption as PromptOption,
    ReadMode as ReadMode,
    RequestId as RequestId,
    SessionId as SessionId,
    SessionInfo as SessionInfo,
    SessionState as SessionState,
    WireModel as WireModel,
)

PROTOCOL_VERSION = 2  # 2: keypair identity (public_key, challenge) replaced the pairing secret


_Frame = WireModel


class _Command(_Frame):
    request_id: RequestId


# ---------------------------------------------------------------- relay -> supervisor


class Welcome(_Frame):
    """The relay accepted the supervisor's hello.

    ``resume`` lists, for each session the relay holds output of, the offset it
    holds up to: the supervisor resends from there before any live output. A
    session not listed is held from offset 0 (the relay has none of it).
    """

    type: Literal["welcome"] = "welcome"
    protocol_version: int = PROTOCOL_VERSION
    relay_name: str = "tether-relay"
    resume: list[OutputPosition] = Field(default=[], max_length=100_000)


class AckOutput(_Frame):
    """The relay stored every byte before ``offset``: the supervisor may forget them."""

    type: Literal["ack_output"] = "ack_output"
    session_id: SessionId
    offset: int = Field(ge=0)


class ResendOutput(_Frame):
    """The relay got output beyond what it holds (a frame was lost): resend from ``offset``."""

    type: Literal["resend_output"] = "resend_output"
    session_id: SessionId
    offset: int = Field(ge=0)


class HeartbeatAcked(_Frame):
    """The relay's answer to a supervisor's :class:`Heartbeat` (``sent_at`` echoed)."""

    type: Literal["heartbeat_acked"] = "heartbeat_acked"
    sent_at: float


class LookupRequest(_Frame):
    """What became of the command with this ``request_id``? Answered by :class:`RequestLookedUp`.

    Not a command itself: it is never run or recorded, so looking up is always safe.
    """

    type: Literal["lookup_request"] = "lookup_request"
    request_id: RequestId


class ListSessions(_Command):
    type: Literal["list_sessions"] = "list_sessions"


class StartSession(_Command):
    type: Literal["start_session"] = "start_session"
    command: list[Annotated[str, Field(max_length=4096)]] | None = Field(
        default=None, max_length=256
    )  # None: the supervisor's default command
    cwd: str | None = Field(default=None, max_length=4096)
    name: str | None = Field(default=None, max_length=200)
    cols: int = Field(default=120, ge=20, le=500)
    rows: int = Field(default=40, ge=5, le=200)


class SendInput(_Command):
    """Type text; then press Enter as a separate write when ``enter`` is set."""

    type: Literal["send_input"] = "send_input"
    session_id: SessionId
    text: str = Field(max_length=MAX_TEXT_CHARS)
    enter: bool = True


class SendKeys(_Command):
    type: Literal["send_keys"] = "send_keys"
    session_id: SessionId
    keys: list[Key] = Field(min_length=1, max_length=MAX_KEYS_PER_CALL)
    repeat: int = Field(default=1, ge=1, le=MAX_KEY_REPEAT)


class ReadOutput(_Command):
    type: Literal["read_output"] = "read_output"
    session_id: SessionId
    mode: ReadMode = ReadMode.SCREEN
    since: int | None = Field(default=None, ge=0)  # RAW: byte offset to start from
    max_bytes: int = Field(default=64 * 1024, ge=1, le=MAX_READ_BYTES)
    # TEXT: the ``next_cursor`` of an earlier read; only what is new since then comes back.
    cursor: str | None = Field(default=None, pattern=TEXT_CURSOR_PATTERN)


class GetStatus(_Command):
    type: Literal["get_status"] = "get_status"
    session_id: SessionId


class StopSession(_Command):
    type: Literal["stop_session"] = "stop_session"
    session_id: SessionId
    force: bool = False


class CheckPrompts(_Command):
    type: Literal["check_prompts"] = "check_prompts"
    session_id: SessionId | None = None


class AnswerPrompt(_Command):
    type: Literal["answer_prompt"] = "answer_prompt"
    prompt_id: str = Field(min_length=1, max_length=128)
    answer: str = Field(max_length=MAX_TEXT_CHARS)


# ---- waiting for a session (send_message's wait): answered by StatusRead


class WaitForSession(_Command):
    """Reply (:class:`StatusRead`) once the session is not ``working``/``starting`` any more
    (idle, waiting for input, exited), or after ``timeout`` seconds with it still working."""

    type: Literal["wait_for_session"] = "wait_for_session"
    session_id: SessionId
    timeout: float = Field(default=10.0, ge=0, le=MAX_WAIT_SECONDS)


class Ping(_Frame):
    type: Literal["ping"] = "ping"
    sent_at: float


# -- identity (supervisor authentication; shared/identity.py, server/supervisors.py)


class Challenge(_Frame):
    """The relay's answer to ``Hello``: sign ``nonce`` to prove you hold your key.

    ``relay_origin`` is informational: the supervisor always signs the origin of
    the URL it dialed, and only uses this to explain a mismatch.
    """

    type: Literal["challenge"] = "challenge"
    nonce: str = Field(max_length=44)  # base64 of 32 random bytes
    relay_origin: str = Field(max_length=300)


# Commands a supervisor's agent answers with a reply: the MCP tools' work.
SessionCommand = (
    ListSessions
    | StartSession
    | SendInput
    | SendKeys
    | ReadOutput
    | GetStatus
    | StopSession
    | CheckPrompts
    | AnswerPrompt
    | WaitForSession
    | RegisterApprover
    | PrepareApproval
    | ApprovePrompt
)
# Frames that keep the link itself going; the connection handles them, never the agent.
LinkCommand = Welcome | Challenge | Ping | AckOutput | ResendOutput | HeartbeatAcked | LookupRequest

Command = Annotated[SessionCommand | LinkCommand, Field(discriminator="type")]


# ---------------------------------------------------------------- supervisor -> relay


class Hello(_Frame):
    """First frame on a link: who the supervisor is and what it already runs."""

    type: Literal["hello"] = "hello"
    protocol_version: int
    host: HostName
    public_key: str = Field(min_length=44, max_length=44)  # base64 Ed25519, see shared/identity
    pair_code: str | None = Field(default=None, max_length=16)  # first connection only
    supervisor_version: str = ""
    sessions: list[SessionInfo] = Field(default=[], max_length=10_000)


class _Reply(_Frame):
    request_id: RequestId


class SessionsListed(_Reply):
    type: Literal["sessions_listed"] = "sessions_listed"
    sessions: list[SessionInfo]


class SessionStarted(_Reply):
    type: Literal["session_started"] = "session_started"
    session: SessionInfo


class InputSent(_Reply):
    type: Literal["input_sent"] = "input_sent"
    session_id: SessionId
    bytes_written: int
    # A TEXT-mode read cursor taken just before the input was typed: read with it
    # to get exactly what the program showed in response.
    cursor: str | None = None


class KeysSent(_Reply):
    type: Literal["keys_sent"] = "keys_sent"
    session_id: SessionId
    bytes_written: int


class OutputRead(_Reply):
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


class StatusRead(_Reply):
    type: Literal["status_read"] = "status_read"
    session: SessionInfo
    prompts: list[Prompt] = []
    last_message: str = ""  # the agent's last reply where it says so (Claude Code's Stop hook)


class SessionStopped(_Reply):
    type: Literal["session_stopped"] = "session_stopped"
    session: SessionInfo


class PromptsChecked(_Reply):
    type: Literal["prompts_checked"] = "prompts_checked"
    prompts: list[Prompt]


class PromptAnswered(_Reply):
    type: Literal["prompt_answered"] = "prompt_answered"
    prompt_id: str
    session_id: SessionId
    sent: str  # a printable description of what was typed ("enter", "2", "y + enter")
    prompt_gone: bool  # the prompt was no longer on screen after answering


class RequestFailed(_Reply):
    type: Literal["request_failed"] = "request_failed"
    error: ErrorInfo


class Output(_Frame):
    """Bytes a session produced; ``offset`` is the byte offset of the first one."""

    type: Literal["output"] = "output"
    session_id: SessionId
    offset: int = Field(ge=0)
    data: str  # base64 of the raw bytes


class SessionExited(_Frame):
    type: Literal["session_exited"] = "session_exited"
    session: SessionInfo


class SessionChanged(_Frame):
    """A session's state changed (``prompt_id``: the prompt pending now, if any).

    Lets the relay notice a finished turn and a prompt that went away (answered
    at the computer or by a hook) without asking.
    """

    type: Literal["session_changed"] = "session_changed"
    session: SessionInfo
    prompt_id: str | None = None


class PromptDetected(_Frame):
    type: Literal["prompt_detected"] = "prompt_detected"
    prompt: Prompt


class Pong(_Frame):
    type: Literal["pong"] = "pong"
    sent_at: float


Reply = (
    SessionsListed
    | SessionStarted
    | InputSent
    | KeysSent
    | OutputRead
    | StatusRead
    | SessionStopped
    | PromptsChecked
    | PromptAnswered
    | RequestFailed
    | ApproverRegistered
    | ApprovalPrepared
)


class OutputDropped(_Frame):
    """The session's bytes ``[start, end)`` were produced but lost before the relay got them.

    Sent when the supervisor's bounded buffer had to let unacknowledged output go
    (a long outage, or a link slower than the program): the relay records the
    exact range instead of silently joining what came before and after.
    """

    type: Literal["output_dropped"] = "output_dropped"
    session_id: SessionId
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _start_before_end(self) -> OutputDropped:
        if self.start >= self.end:
            raise ValueError(f"output_dropped needs start < end, got [{self.start}, {self.end})")
        return self


class ChallengeAnswered(_Frame):
    """The supervisor's signature of ``shared.identity.challenge_message`` (base64)."""

    type: Literal["challenge_answered"] = "challenge_answered"
    signature: str = Field(max_length=88)


class Heartbeat(_Frame):
    """The supervisor's liveness probe; the relay answers :class:`HeartbeatAcked`."""

    type: Literal["heartbeat"] = "heartbeat"
    sent_at: float


class RequestLookedUp(_Frame):
    """The answer to :class:`LookupRequest`: ``reply`` is set when ``state`` is ``done``."""

    type: Literal["request_looked_up"] = "request_looked_up"
    request_id: RequestId
    state: LookupState
    reply: Annotated[Reply, Field(discriminator="type")] | None = None


Report = Annotated[
    (
        Hello
        | SessionsListed
        | SessionStarted
        | InputSent
        | KeysSent
        | OutputRead
        | StatusRead
        | SessionStopped
        | PromptsChecked
        | PromptAnswered
        | RequestFailed
        | ApproverRegistered
        | ApprovalPrepared
        | Output
        | SessionExited
        | SessionChanged
        | PromptDetected
        | Pong
        | OutputDropped
        | Heartbeat
        | RequestLookedUp
        | ChallengeAnswered
    ),
    Field(discriminator="type"),
]


# ---------------------------------------------------------------- encoding


class UnknownFrame(BaseModel):
    """A frame whose ``type`` this version does not know: log it and drop it."""

    type: str
    raw: dict[str, Any]


class FrameError(ValueError):
    """The bytes were not a valid frame (bad JSON, bad fields, too large)."""


_commands: TypeAdapter[Command] = TypeAdapter(Command)
_reports: TypeAdapter[Report] = TypeAdapter(Report)
_COMMAND_TYPES = {m.model_fields["type"].default for m in Command.__origin__.__args__}  # type: ignore[attr-defined]
_REPORT_TYPES = {m.model_fields["type"].default for m in Report.__origin__.__args__}  # type: ignore[attr-defined]


def encode(frame: BaseModel) -> str:
    return frame.model_dump_json()


def _decode(text: str | bytes, adapter: TypeAdapter[Any], known: set[str]) -> Any:
    if len(text) > MAX_FRAME_BYTES:
        raise FrameError(f"frame of {len(text)} bytes exceeds {MAX_FRAME_BYTES}")
    try:
        raw = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise FrameError(f"frame is not JSON: {exc}") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("type"), str):
        raise FrameError("frame is not an object with a string 'type'")
    if raw["type"] not in known:
        return UnknownFrame(type=raw["type"][:64], raw=raw)
    try:
        return adapter.validate_python(raw)
    except ValidationError as exc:
        raise FrameError(
            f"invalid {raw['type']!r} frame: {exc.errors(include_url=False)}"
        ) from None


def decode_command(text: str | bytes) -> Command | UnknownFrame:
    """Decode a relay -> supervisor frame. Raises :class:`FrameError`."""
    frame: Command | UnknownFrame = _decode(text, _commands, _COMMAND_TYPES)
    return frame


def decode_report(text: str | bytes) -> Report | UnknownFrame:
    """Decode a supervisor -> relay frame. Raises :class:`FrameError`."""
    frame: Report | UnknownFrame = _decode(text, _reports, _REPORT_TYPES)
    return frame
