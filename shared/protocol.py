"""The wire protocol between the relay and a supervisor: every frame, once.

Frames are JSON text messages, each a pydantic model tagged by ``type``.
There is one union per direction, decoded through one adapter each:

* relay -> supervisor (:data:`Command`): commands in the imperative, each with a
  ``request_id`` the reply echoes (``start_session``, ``send_input``, ...), and
  the link's own frames (:data:`LinkCommand`);
* supervisor -> relay (:data:`Report`): facts in the past tense
  (``session_started``, ``output``, ``request_failed``, ...).

Commands and their replies are declared in ``shared/commands/`` (one module per
concept, registered in ``shared.frames.COMMANDS``); the unions here are built
from that registry, so adding a command needs no edit in this module. The
link's frames and the unsolicited reports are declared here.

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
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union

from pydantic import BaseModel, Field, TypeAdapter, ValidationError, model_validator

import shared.commands  # noqa: F401 - registers every command before the unions are built
import shared.state_frames  # noqa: F401 - registers the supervisor -> relay requests
from shared.commands.approvals import (  # re-exported: one namespace for the whole protocol
    ApprovalPrepared as ApprovalPrepared,
    ApprovePrompt as ApprovePrompt,
    ApproverRegistered as ApproverRegistered,
    PrepareApproval as PrepareApproval,
    RegisterApprover as RegisterApprover,
)
from shared.commands.prompts import (
    AnswerPrompt as AnswerPrompt,
    CheckPrompts as CheckPrompts,
    PromptAnswered as PromptAnswered,
    PromptsChecked as PromptsChecked,
)
from shared.commands.sessions import (
    GetStatus as GetStatus,
    ListSessions as ListSessions,
    SessionsListed as SessionsListed,
    SessionStarted as SessionStarted,
    SessionStopped as SessionStopped,
    StartSession as StartSession,
    StatusRead as StatusRead,
    StopSession as StopSession,
    WaitForSession as WaitForSession,
)
from shared.commands.terminal import (
    InputSent as InputSent,
    KeysSent as KeysSent,
    OutputRead as OutputRead,
    ReadOutput as ReadOutput,
    SendInput as SendInput,
    SendKeys as SendKeys,
)
from shared.errors import TetherError
from shared.frames import (
    COMMANDS,
    REPLIES,
    UP_REQUESTS,
    CommandFrame as CommandFrame,
    ReplyFrame as ReplyFrame,
    RequestFailed as RequestFailed,
    UpAnswerFrame as UpAnswerFrame,
    UpRequestFrame as UpRequestFrame,
    frame_type,
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
    ResumedFrom as ResumedFrom,
    SessionId as SessionId,
    SessionInfo as SessionInfo,
    SessionState as SessionState,
    WatchInfo as WatchInfo,
    WireModel as WireModel,
)

PROTOCOL_VERSION = 2  # 2: keypair identity (public_key, challenge) replaced the pairing secret


_Frame = WireModel


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


class Ping(_Frame):
    type: Literal["ping"] = "ping"
    sent_at: float


# -- identity (supervisor authentication; shared/identity.py, server/supervisors.py)


class Challenge(_Frame):
    """The relay's answer to ``Hello``: sign ``nonce`` to prove you hold your key,
    after checking the relay proved ITS key over your ``Hello.relay_nonce``.

    ``relay_origin`` is informational: the supervisor always signs the origin of
    the URL it dialed, and only uses this to explain a mismatch.
    """

    type: Literal["challenge"] = "challenge"
    nonce: str = Field(max_length=44)  # base64 of 32 random bytes
    relay_origin: str = Field(max_length=300)
    # The relay's proof of its own key (shared.identity.relay_proof_message over the
    # hello's relay_nonce), one signature per origin the relay answers at.
    relay_public_key: str | None = Field(default=None, max_length=44)
    relay_signatures: list[Annotated[str, Field(max_length=88)]] = Field(default=[], max_length=8)


# Frames that keep the link itself going; the connection handles them, never the agent.
LinkCommand = Welcome | Challenge | Ping | AckOutput | ResendOutput | HeartbeatAcked | LookupRequest
_LINK_COMMANDS: tuple[type[_Frame], ...] = LinkCommand.__args__


# ---------------------------------------------------------------- supervisor -> relay


class Hello(_Frame):
    """First frame on a link: who the supervisor is and what it already runs."""

    type: Literal["hello"] = "hello"
    protocol_version: int
    host: HostName
    public_key: str = Field(min_length=44, max_length=44)  # base64 Ed25519, see shared/identity
    pair_code: str | None = Field(default=None, max_length=16)  # first connection only
    relay_nonce: str | None = Field(default=None, max_length=44)  # the relay must sign it
    supervisor_version: str = ""
    sessions: list[SessionInfo] = Field(default=[], max_length=10_000)


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


# Every reply type, from the registry (``shared.frames.REPLIES``), as one tagged union.
if TYPE_CHECKING:
    _AnyReply = ReplyFrame
else:
    _AnyReply = Annotated[Union[tuple(REPLIES.values())], Field(discriminator="type")]  # noqa: UP007


class RequestLookedUp(_Frame):
    """The answer to :class:`LookupRequest`: ``reply`` is set when ``state`` is ``done``
    (and kept)."""

    type: Literal["request_looked_up"] = "request_looked_up"
    request_id: RequestId
    state: LookupState
    reply: _AnyReply | None = None
    # With ``never_received``: the journal holds every write command received since
    # then, and ``answered_at`` is when this answer was made (both the supervisor's
    # clock, so the relay can place them on its own).
    complete_since: float | None = None
    answered_at: float | None = None


# Reports that are not replies: the link's own frames and unsolicited facts.
_REPORTS: tuple[type[_Frame], ...] = (
    Hello,
    Output,
    SessionExited,
    SessionChanged,
    PromptDetected,
    Pong,
    OutputDropped,
    Heartbeat,
    RequestLookedUp,
    ChallengeAnswered,
)

# The unions, built from the registry: a command added under ``shared/commands/``
# joins them without an edit here. Statically a command is a ``CommandFrame`` and
# a reply a ``ReplyFrame``; at runtime each direction decodes through one tagged union.
SessionCommand = CommandFrame
Reply = ReplyFrame
if TYPE_CHECKING:
    Command = CommandFrame | LinkCommand
    Report = (
        Hello
        | Output
        | SessionExited
        | SessionChanged
        | PromptDetected
        | Pong
        | OutputDropped
        | Heartbeat
        | RequestLookedUp
        | ChallengeAnswered
        | ReplyFrame
        | UpRequestFrame
    )
else:
    Command = Annotated[
        Union[  # noqa: UP007
            tuple(s.frame for s in COMMANDS.values())
            + _LINK_COMMANDS
            + tuple(s.answer for s in UP_REQUESTS.values())
        ],
        Field(discriminator="type"),
    ]
    Report = Annotated[
        Union[_REPORTS + tuple(REPLIES.values()) + tuple(s.frame for s in UP_REQUESTS.values())],  # noqa: UP007
        Field(discriminator="type"),
    ]


# ---------------------------------------------------------------- encoding


class UnknownFrame(BaseModel):
    """A frame whose ``type`` this version does not know: log it and drop it."""

    type: str
    raw: dict[str, Any]


class FrameError(TetherError, ValueError):
    """The bytes were not a valid frame (bad JSON, bad fields, too large)."""


_commands: TypeAdapter[Command] = TypeAdapter(Command)
_reports: TypeAdapter[Report] = TypeAdapter(Report)
LINK_COMMAND_TYPES = frozenset(m.model_fields["type"].default for m in _LINK_COMMANDS)
UP_ANSWER_TYPES = frozenset(frame_type(s.answer) for s in UP_REQUESTS.values())
COMMAND_TYPES = frozenset(COMMANDS) | LINK_COMMAND_TYPES | UP_ANSWER_TYPES
REPORT_TYPES = (
    frozenset(m.model_fields["type"].default for m in _REPORTS)
    | frozenset(REPLIES)
    | frozenset(UP_REQUESTS)
)


def encode(frame: BaseModel) -> str:
    return frame.model_dump_json()


MAX_FRAME_DEPTH = 16  # the deepest real frame nests 4 levels


def parse_frame_json(text: str | bytes) -> Any:
    """``text`` as JSON within the frame bounds (size, nesting), else :class:`FrameError`.

    The one place a peer's bytes become Python values: nothing it sends can make
    the decoder, or what walks the result, recurse without bound.
    """
    if len(text) > MAX_FRAME_BYTES:
        raise FrameError(f"frame of {len(text)} bytes exceeds {MAX_FRAME_BYTES}")
    try:
        raw = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise FrameError(f"frame is not JSON: {exc}") from None
    except RecursionError:
        raise FrameError(f"frame nests deeper than {MAX_FRAME_DEPTH} levels") from None
    level, depth = [raw], 0
    while level:  # breadth first, no recursion
        depth += 1
        if depth > MAX_FRAME_DEPTH:
            raise FrameError(f"frame nests deeper than {MAX_FRAME_DEPTH} levels")
        level = [
            child
            for value in level
            if isinstance(value, dict | list)
            for child in (value.values() if isinstance(value, dict) else value)
            if isinstance(child, dict | list)
        ]
    return raw


def _decode(text: str | bytes, adapter: TypeAdapter[Any], known: frozenset[str]) -> Any:
    if len(text) <= MAX_FRAME_BYTES:
        try:
            # One pass in pydantic's parser (about a third of json.loads + validate_python).
            # A frame it accepts nests only as deep as its schema: pydantic's parser has its
            # own recursion limit and drops what the schema does not name.
            return adapter.validate_json(text)
        except ValidationError:
            pass  # not JSON, an unknown type or an invalid frame: the path below says which
    raw = parse_frame_json(text)
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


def decode_command(text: str | bytes) -> Command | UpAnswerFrame | UnknownFrame:
    """Decode a relay -> supervisor frame (a command, a link frame or an answer to a
    supervisor's request). Raises :class:`FrameError`."""
    frame: Command | UpAnswerFrame | UnknownFrame = _decode(text, _commands, COMMAND_TYPES)
    return frame


def decode_report(text: str | bytes) -> Report | UnknownFrame:
    """Decode a supervisor -> relay frame. Raises :class:`FrameError`."""
    frame: Report | UnknownFrame = _decode(text, _reports, REPORT_TYPES)
    return frame
