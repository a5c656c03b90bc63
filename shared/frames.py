"""The bases every command and reply frame derives from, and the command registry.

A command (relay -> supervisor, imperative, carries a ``request_id``) is declared
once, in its own module under ``shared/commands/``: its frame class, its reply
frame class and an example of each, registered with :func:`command`. The
protocol's unions, the golden frames, the supervisor's dispatch
(``supervisor/commands/``) and the relay's bookkeeping are all read from
:data:`COMMANDS`, so nothing else lists commands.

What the relay learns from a reply is said by the reply itself
(:meth:`ReplyFrame.reported_sessions`, :meth:`ReplyFrame.whole_screen`), so the
relay never needs to know which reply types exist.

Nothing here does I/O or imports a framework.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

from shared.wire_values import ErrorInfo, RequestId, SessionInfo, WireModel

__all__ = [
    "COMMANDS",
    "REPLIES",
    "CommandFrame",
    "CommandSpec",
    "ReplyFrame",
    "RequestFailed",
    "command",
    "spec_of",
]


class CommandFrame(WireModel):
    """A relay -> supervisor command; its reply echoes ``request_id``."""

    request_id: RequestId
    type: str


class ReplyFrame(WireModel):
    """A supervisor -> relay reply to the command with the same ``request_id``."""

    request_id: RequestId
    type: str
    # True when :meth:`reported_sessions` is the host's complete list (it replaces what
    # the relay knew); False when it reports only the sessions it names.
    lists_every_session: ClassVar[bool] = False

    def reported_sessions(self) -> list[SessionInfo]:
        """Sessions whose current state this reply carries (the relay records them)."""
        return []

    def whole_screen(self, asked: CommandFrame | None) -> tuple[str, str] | None:
        """``(session_id, text)`` when this reply shows a session's whole screen, which the
        relay keeps to show while that computer is offline; else None."""
        return None


class RequestFailed(ReplyFrame):
    """Any command's failure: what went wrong and what to do, for a person to read."""

    type: Literal["request_failed"] = "request_failed"
    error: ErrorInfo


@dataclass(frozen=True)
class CommandSpec:
    """One command, as every layer sees it.

    ``starts_sessions``: its reply may name sessions the supervisor started for it
    (``reported_sessions``), which the relay then records as that host's; any other
    reply may only update sessions the host already holds.

    ``reads``: the command only reads, so it may simply run again and is not
    kept in the supervisor's exactly-once ledger (its id is still remembered, to
    refuse reuse for another command). ``examples`` are pinned in
    ``tests/golden/frames.json``: the command and (unless another command's
    spec already shows it) its reply.
    """

    frame: type[CommandFrame]
    reply: type[ReplyFrame]
    reads: bool
    examples: tuple[WireModel, ...]
    starts_sessions: bool = False

    @property
    def type(self) -> str:
        return frame_type(self.frame)


COMMANDS: dict[str, CommandSpec] = {}
REPLIES: dict[str, type[ReplyFrame]] = {"request_failed": RequestFailed}


def frame_type(cls: type[WireModel]) -> str:
    """The ``type`` tag a frame class is sent with."""
    default = cls.model_fields["type"].default
    if not isinstance(default, str):
        raise TypeError(f"{cls.__name__} needs a literal 'type' with a default")
    return default


def command(
    frame: type[CommandFrame],
    reply: type[ReplyFrame],
    *,
    reads: bool,
    examples: tuple[WireModel, ...],
    starts_sessions: bool = False,
) -> CommandSpec:
    """Register a command; each type tag once, each example of the command's own frames."""
    spec = CommandSpec(frame, reply, reads, examples, starts_sessions)
    if spec.type in COMMANDS:
        raise ValueError(f"command {spec.type!r} is declared twice")
    for example in examples:
        if not isinstance(example, frame | reply):
            raise TypeError(f"{spec.type}: example {example!r} is not a {frame} or {reply}")
    COMMANDS[spec.type] = spec
    REPLIES.setdefault(frame_type(reply), reply)
    return spec


def spec_of(frame: CommandFrame) -> CommandSpec:
    """The spec of a decoded command (every decoded command has one)."""
    return COMMANDS[frame.type]


# ---------------------------------------------------------------- supervisor -> relay requests


class UpRequestFrame(WireModel):
    """A supervisor -> relay request (imperative); the relay answers with the same id.

    The reverse of a command: the supervisor asks, the relay serves (shared state
    kept for sessions on several computers). The relay remembers each answer by
    ``request_id``, so a request re-sent after a lost link is answered, never run twice.
    """

    request_id: RequestId
    type: str


class UpAnswerFrame(WireModel):
    """The relay's answer to the :class:`UpRequestFrame` with the same ``request_id``."""

    request_id: RequestId
    type: str
    error: ErrorInfo | None = None


@dataclass(frozen=True)
class UpRequestSpec:
    """One supervisor -> relay request, its answer and the examples pinned in golden frames."""

    frame: type[UpRequestFrame]
    answer: type[UpAnswerFrame]
    examples: tuple[WireModel, ...]


UP_REQUESTS: dict[str, UpRequestSpec] = {}


def up_request(
    frame: type[UpRequestFrame], answer: type[UpAnswerFrame], *, examples: tuple[WireModel, ...]
) -> UpRequestSpec:
    """Register a supervisor -> relay request (each type tag once)."""
    spec = UpRequestSpec(frame, answer, examples)
    kind = frame_type(frame)
    if kind in UP_REQUESTS or kind in COMMANDS:
        raise ValueError(f"request {kind!r} is declared twice")
    UP_REQUESTS[kind] = spec
    return spec
