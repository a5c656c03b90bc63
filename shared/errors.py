"""Tether's exception tree, shared by relay, supervisor and the MCP tools.

    TetherError
    ├── HostOffline        the supervisor that holds the target is not connected
    ├── HostAmbiguous      several supervisors are online and the call named none
    ├── SessionUnknown     no supervisor reports this session id
    ├── TimedOut           the supervisor did not reply in time
    ├── DeliveryUnknown    the link dropped mid-call: the command may or may not have run
    └── CommandFailed      the supervisor refused or failed the command (carries ErrorInfo)

Each carries a message a person can act on. ``shared.tools`` is the one place
these become MCP tool errors.
"""

from __future__ import annotations

from shared.protocol import ErrorCode, ErrorInfo


def sentences(*parts: str) -> str:
    """Join message parts as sentences: each starts with a capital and ends with a stop.

    A message and its hint once ran together ("...policy.toml use a directory...").
    """
    out = []
    for part in parts:
        text = part.strip()
        if not text:
            continue
        text = text[0].upper() + text[1:]
        if text[-1] not in ".!?:)":
            text += "."
        elif text[-1] == ")" and not text.endswith(".)"):
            text += "."
        out.append(text)
    return " ".join(out)


class TetherError(Exception):
    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return sentences(self.message, self.hint)


class HostOffline(TetherError):
    pass


class HostAmbiguous(TetherError):
    pass


class SessionUnknown(TetherError):
    pass


class TimedOut(TetherError):
    pass


class DeliveryUnknown(TetherError):
    def __init__(self, message: str, request_id: str, hint: str = "") -> None:
        super().__init__(message, hint)
        self.request_id = request_id


class CommandFailed(TetherError):
    def __init__(self, error: ErrorInfo) -> None:
        super().__init__(error.message, error.hint)
        self.code: ErrorCode = error.code
