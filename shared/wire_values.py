"""The wire's vocabulary: bounds, enums and the value models frames carry.

Split from ``shared/protocol.py`` only to keep modules small; import these from
``shared.protocol``, which re-exports every name, so the protocol still lives
in one place for its users.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

# Bounds shared by both ends, so the relay can refuse what the supervisor would.
MAX_TEXT_CHARS = 16_384
MAX_KEY_REPEAT = 50
MAX_KEYS_PER_CALL = 64
MAX_READ_BYTES = 256 * 1024
MAX_FRAME_BYTES = 4 * 1024 * 1024
MAX_OUTPUT_CHUNK = 64 * 1024  # raw bytes per ``output`` frame, before base64
SESSION_ID_PATTERN = r"^[A-Za-z0-9_-]{8,64}$"
REQUEST_ID_PATTERN = r"^[A-Za-z0-9_.:-]{1,80}$"
HOST_NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$"

TEXT_CURSOR_PATTERN = r"^[0-9]{1,18}\.[0-9a-f]{1,32}$"  # "<scrollback line>.<screen digest>"
MAX_WAIT_SECONDS = 30.0  # the longest one wait_for_session may block a supervisor's reply

SessionId = Annotated[str, Field(pattern=SESSION_ID_PATTERN)]
RequestId = Annotated[str, Field(pattern=REQUEST_ID_PATTERN)]
HostName = Annotated[str, Field(pattern=HOST_NAME_PATTERN)]


class ErrorCode(StrEnum):
    """Why a command failed; the relay turns each into a message a person can act on."""

    SESSION_UNKNOWN = "session_unknown"
    SESSION_EXITED = "session_exited"
    POLICY_REFUSED = "policy_refused"
    SPAWN_FAILED = "spawn_failed"
    PROMPT_UNKNOWN = "prompt_unknown"
    PROMPT_STALE = "prompt_stale"
    PROMPT_SECRET = "prompt_secret"
    INVALID_ANSWER = "invalid_answer"
    APPROVAL_REQUIRED = "approval_required"  # step-up: only the owner, on the relay's page
    INVALID_ARGUMENT = "invalid_argument"
    UNSUPPORTED = "unsupported"
    VERSION_CONFLICT = "version_conflict"  # shared state: a stale compare-and-set
    INTERNAL = "internal"


class Key(StrEnum):
    """Named keys a phone user needs; the supervisor maps each to its bytes."""

    ENTER = "enter"
    ESC = "esc"
    TAB = "tab"
    SHIFT_TAB = "shift_tab"
    BACKSPACE = "backspace"
    UP = "up"
    DOWN = "down"
    LEFT = "left"
    RIGHT = "right"
    CTRL_C = "ctrl_c"
    CTRL_D = "ctrl_d"
    CTRL_U = "ctrl_u"
    SPACE = "space"
    Y = "y"
    N = "n"


class SessionState(StrEnum):
    STARTING = "starting"
    WORKING = "working"
    WAITING_FOR_INPUT = "waiting_for_input"
    IDLE = "idle"
    EXITED = "exited"


class PromptKind(StrEnum):
    YES_NO = "yes_no"
    CHOICE = "choice"
    MULTI_CHOICE = "multi_choice"  # checkboxes: answer with several labels
    TEXT = "text"
    SECRET = "secret"
    PRESS_ENTER = "press_enter"
    CONFIRM_DANGEROUS = "confirm_dangerous"


class ReadMode(StrEnum):
    SCREEN = "screen"  # the rendered screen as plain text
    RAW = "raw"  # raw bytes (ANSI included), from an offset
    TEXT = "text"  # what a person reads: new scrollback lines + the screen, from a cursor


class WireModel(BaseModel):
    """Every frame and value: unknown fields refused, instances immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# ---------------------------------------------------------------- shared values


class ResumedFrom(WireModel):
    """The earlier session a session resumed after a supervisor restart: the gap is from
    ``ended_at`` (when that one was found stopped) to this one's ``started_at``."""

    session_id: SessionId
    ended_at: float


class WatchInfo(WireModel):
    """Watch mode of a session: continued by itself when idle after a turn, up to a bound."""

    enabled: bool  # still continuing (False once stopped)
    turns_used: int  # continuations typed so far
    max_turns: int
    stopped_reason: str = ""  # why watch stopped, for a person to read


class SessionInfo(WireModel):
    session_id: SessionId
    command: list[str]
    cwd: str
    name: str
    state: SessionState
    state_since: float  # unix time the state was entered
    state_reason: str  # how the state was determined
    started_at: float
    exit_code: int | None = None
    output_bytes: int = 0  # offset one past the last byte produced so far
    resumed_from: ResumedFrom | None = None  # set when restarted after a supervisor restart
    watch: WatchInfo | None = None  # None: not started in watch mode


class PromptOption(WireModel):
    number: int
    label: str
    key: str  # what selects it, as a person would press it ("1", "y", "enter")
    selected: bool = False


class Prompt(WireModel):
    prompt_id: str
    session_id: SessionId
    kind: PromptKind
    question: str
    options: list[PromptOption] = []
    context: list[str] = []
    source: str  # "screen_rule:<rule>", "hook:<event>", "os:<signal>"
    confidence: float
    detected_at: float


class ErrorInfo(WireModel):
    code: ErrorCode
    message: str
    hint: str = ""


class OutputPosition(WireModel):
    """One session's output offset: the relay holds every byte before ``offset``."""

    session_id: SessionId
    offset: int = Field(ge=0)


class LookupState(StrEnum):
    DONE = "done"  # it ran; ``reply`` is its reply
    RUNNING = "running"  # it is running now; its one reply will follow
    UNKNOWN = "unknown"  # no record, and no journal to prove absence: may or may not have run
    # The write-ahead journal (supervisor/request_journal.py) has no row: never received
    # here since ``RequestLookedUp.complete_since``.
    NEVER_RECEIVED = "never_received"
    # Received by an earlier run of the supervisor that stopped before recording the
    # outcome: it may have acted; it is never run again.
    INTERRUPTED = "interrupted"
