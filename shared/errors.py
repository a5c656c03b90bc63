"""Tether's exception tree, shared by relay, supervisor and the MCP tools.

    TetherError
    ├── HostOffline        the supervisor that holds the target is not connected
    ├── HostAmbiguous      several supervisors are online and the call named none
    ├── SessionUnknown     no supervisor reports this session id
    ├── TimedOut           the supervisor did not reply in time
    ├── DeliveryUnknown    the link dropped mid-call: the command may or may not have run
    └── CommandFailed      the supervisor refused or failed the command (carries ErrorInfo)

Each carries a message a person can act on. ``shared.mcp.calls.as_tool_error`` is the one place
these become MCP tool errors.
"""

from __future__ import annotations

from shared.protocol import ErrorCode, ErrorInfo


class TetherError(Exception):
    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


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
