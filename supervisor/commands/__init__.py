"""The supervisor's handler for every command in ``shared.commands``, one per type.

A handler is an ``async def`` taking the :class:`~supervisor.session_manager.SessionManager`
and its command frame and returning its reply frame, registered with
:func:`handles`. It raises from the ``shared.errors`` tree (or the supervisor's
own errors) for a failure; ``supervisor.command_runner`` turns that into ``RequestFailed``.
Importing this package imports every module in it, and :func:`handler_for`
refuses to start without a handler for each registered command
(``check_complete``), so a command cannot be declared and forgotten here.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from shared.frames import COMMANDS, CommandFrame, ReplyFrame, frame_type
from supervisor.session_manager import SessionManager

C = TypeVar("C", bound=CommandFrame)
Handler = Callable[[SessionManager, Any], Awaitable[ReplyFrame]]

HANDLERS: dict[str, Handler] = {}


def handles(
    frame: type[C],
) -> Callable[[Callable[[SessionManager, C], Awaitable[ReplyFrame]]], Handler]:
    """Register the decorated function as the handler of ``frame`` commands."""

    def register(fn: Callable[[SessionManager, C], Awaitable[ReplyFrame]]) -> Handler:
        kind = frame_type(frame)
        if kind not in COMMANDS:
            raise ValueError(f"{kind!r} is not a command registered in shared.commands")
        if kind in HANDLERS:
            raise ValueError(f"{kind!r} has two handlers")
        HANDLERS[kind] = fn
        return fn

    return register


def missing_handlers() -> list[str]:
    """Registered commands this supervisor has no handler for (empty when complete)."""
    return sorted(set(COMMANDS) - set(HANDLERS))


def handler_for(command: CommandFrame) -> Handler | None:
    """The handler of a decoded command; None for a type this supervisor does not handle."""
    return HANDLERS.get(command.type)


for _module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    importlib.import_module(f"{__name__}.{_module}")
