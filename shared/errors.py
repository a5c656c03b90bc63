"""Tether's exception base, with a code, and the tree of ``shared/``.

Every error Tether raises on purpose derives from :class:`TetherError`: a
message a person can act on, a ``hint`` saying what to do, and a ``code``
(:class:`~shared.wire_values.ErrorCode`) saying which kind of failure it is.
Each edge translates it once: the supervisor's ``CommandRunner`` into ``RequestFailed``
(``code``, ``message``, ``hint``), the MCP tools into ``ToolError``
(``shared.mcp.calls.as_tool_error``), the relay's HTTP handlers into a status.
An exception that also is a ``ValueError``/``RuntimeError`` keeps that base so
callers written against it still catch it.

    TetherError                     code INTERNAL unless a subclass says otherwise
    ├── HostOffline                 the supervisor that holds the target is not connected
    ├── HostAmbiguous               several supervisors are online and the call named none
    ├── SessionUnknown              no supervisor reports this session id (SESSION_UNKNOWN)
    ├── TimedOut                    the supervisor did not reply in time
    ├── DeliveryUnknown             the link dropped mid-call: it may or may not have run
    ├── CommandFailed               the supervisor refused or failed (code from its ErrorInfo)
    ├── FrameError                  bytes that are not a valid frame (shared.protocol)
    ├── IdentityFormatError         a key, signature or URL in the wrong shape (shared.identity)
    ├── ResumeError                 an output offset that cannot be true (shared.resume)
    │   └── ChunkAhead              a chunk beyond what is held: ask for a resend
    ├── LedgerFull                  too many requests in the ledger's window (shared.resume)
    └── RequestReused               a request id reused for another command (shared.resume)

``server`` and ``supervisor`` hang their own errors under the same base (see
their package docstrings).
"""

from __future__ import annotations

from shared.wire_values import ErrorCode, ErrorInfo


def sentences(*parts: str) -> str:
    """Join message parts as sentences: each starts with a capital and ends with a stop.

    A message and its hint once ran together ("...policy.toml use a directory...").
    """
    out = []
    for part in parts:
        text = part.strip()
        if not text:
            continue
        first = text.split(maxsplit=1)[0].rstrip(",;:")
        if first.isalpha():  # a word, not a file name, flag or identifier, whose case matters
            text = text[0].upper() + text[1:]
        if text[-1] not in ".!?:)":
            text += "."
        elif text[-1] == ")" and not text.endswith(".)"):
            text += "."
        out.append(text)
    return " ".join(out)


class TetherError(Exception):
    code: ErrorCode = ErrorCode.INTERNAL

    def __init__(self, message: str, hint: str = "", *, code: ErrorCode | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return sentences(self.message, self.hint)

    def info(self) -> ErrorInfo:
        """The error as a ``RequestFailed`` carries it."""
        return ErrorInfo(code=self.code, message=self.message, hint=self.hint)


class HostOffline(TetherError):
    pass


class HostAmbiguous(TetherError):
    pass


class SessionUnknown(TetherError):
    code = ErrorCode.SESSION_UNKNOWN


class TimedOut(TetherError):
    pass


class DeliveryUnknown(TetherError):
    def __init__(self, message: str, request_id: str, hint: str = "") -> None:
        super().__init__(message, hint)
        self.request_id = request_id


class CommandFailed(TetherError):
    def __init__(self, error: ErrorInfo) -> None:
        super().__init__(error.message, error.hint, code=error.code)
