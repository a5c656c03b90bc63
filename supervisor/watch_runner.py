"""Watch mode's thin asyncio runner: one session's events in, the core's decisions done.

:func:`start_watch` attaches a :class:`supervisor.watch.WatchCore` to a session
(``session.watch``, so its status and listing show it) and observes the session
through its callbacks (``on_state``, ``on_input``; the manager's own callbacks
still run first). Each event schedules one look (coalesced, on the next loop
turn, never inside the session's own callback); a look reads the session's state
and pending prompt, asks the core, and either types the continuation through
:meth:`Session.send_text` (so the step-up gate and the secret-prompt refusal apply
as to any typing), sets a timer for the core's grace, or logs why watch stopped.

The look that decides to type reads the state and the prompt right before the
typing, with no await in between; ``send_text`` then refreshes again under the
session's input lock. A failure to type stops watch with the error's sentence.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

from shared.errors import TetherError
from supervisor.session import Session
from supervisor.watch import PromptSeen, Send, Stop, WaitUntil, WatchCore
from supervisor.watch_policy import WatchPlan

log = logging.getLogger(__name__)


class WatchRunner:
    """Drives one session's :class:`WatchCore`; made by :func:`start_watch`."""

    def __init__(
        self, session: Session, core: WatchCore, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.session, self.core, self._clock = session, core, clock
        self._scheduled = False
        self._timer: asyncio.TimerHandle | None = None
        self._typing: asyncio.Task[None] | None = None

    def attach(self) -> None:
        session = self.session
        session.watch = self.core
        before_state, before_input = session.on_state, session.on_input

        def on_state(s: Session) -> None:
            if before_state is not None:
                before_state(s)
            self.poke()

        def on_input(s: Session) -> None:
            if before_input is not None:
                before_input(s)
            self.core.input_sent()
            self.poke()

        session.on_state, session.on_input = on_state, on_input
        self.poke()

    def poke(self) -> None:
        """Look at the session on the next loop turn (one look however many events)."""
        if self._scheduled or not self.core.enabled:
            return
        self._scheduled = True
        asyncio.get_running_loop().call_soon(self._look)

    def _look(self) -> None:
        self._scheduled = False
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if not self.core.enabled or (self._typing is not None and not self._typing.done()):
            return
        session = self.session
        prompt = None if session.exited else session.pending_prompt()
        seen = None if prompt is None else PromptSeen(prompt.kind, prompt.question)
        action = self.core.observe(session.state, seen, self._clock())
        if isinstance(action, Send):
            self._typing = asyncio.get_running_loop().create_task(
                self._type(action), name=f"watch-{session.session_id}"
            )
        elif isinstance(action, WaitUntil):
            delay = max(0.0, action.when - self._clock())
            self._timer = asyncio.get_running_loop().call_later(delay, self.poke)
        elif isinstance(action, Stop):
            log.info("session %s: watch stopped: %s", session.session_id, action.reason)

    async def _type(self, action: Send) -> None:
        sid = self.session.session_id
        log.info("session %s: watch continues it (turn %d)", sid, action.turn)
        try:
            await self.session.send_text(action.text)
        except TetherError as exc:
            stopped = self.core.stop(f"typing the continuation failed: {exc}")
            if stopped is not None:
                log.info("session %s: watch stopped: %s", sid, stopped.reason)
        except Exception:
            log.exception("session %s: watch could not type its continuation", sid)
            self.core.stop("typing the continuation failed on this computer (see its log)")
        finally:
            self.poke()


def start_watch(session: Session, plan: WatchPlan) -> WatchRunner:
    """Put ``session`` in watch mode as ``plan`` says (the policy already allowed it)."""
    runner = WatchRunner(session, WatchCore(plan.max_turns, plan.message, plan.delay_seconds))
    runner.attach()
    return runner
