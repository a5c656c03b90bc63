"""Answering a prompt on a live screen: typing the tracker's plan and seeing it land.

Owns the answer loop of :meth:`supervisor.session.Session.answer_prompt` and its
timing: waiting for a dialog to finish drawing before the first key, following a
menu's highlight so Enter picks the chosen row and not the default, stopping at a
checkpoint once the keys so far answered the prompt alone, and deciding whether
the prompt left the screen afterwards.

It sees the session only through :class:`Answerer`'s narrow surface (the tracker,
a screen snapshot, the quiet time, the output event, the cursor-key mode and
whether the program exited) and writes through the callable it is given; the
session keeps the input lock, the step-up gate and the bookkeeping of input.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import time
from collections.abc import Awaitable, Callable

from shared.protocol import ErrorCode
from supervisor.keys import ENTER_PAUSE
from supervisor.prompts import PromptError, PromptTracker
from supervisor.prompts.blank_checklist import (
    TickColumn,
    chosen,
    probe_layout,
    read_probe,
    toggle_order,
)
from supervisor.prompts.checklist_sweep import ChecklistSweep, sweeps
from supervisor.prompts.detect_types import HINT_SUFFIX, Detection
from supervisor.prompts.echo import ERASE, echoed, first_char, lists_below
from supervisor.prompts.paging import PageSearch
from supervisor.prompts.prefill import Field, describe, emptied, shows
from supervisor.screen import ScreenSnapshot

ANSWER_SETTLE = 2.0  # how long to watch for an answered prompt to leave the screen
HIGHLIGHT_WAIT = 1.0  # how long an arrow may take to move a menu's highlight
CHECKS_WAIT = 2.0  # how long toggled checkboxes may take to be drawn checked
CHECKPOINT_WAIT = 0.5  # after a key that may answer alone: how long before pressing Enter too
GONE_QUIET = 0.2  # a prompt counts as gone once the screen was quiet this long without it
ANSWER_QUIET = 0.3  # quiet wanted before answering: the dialog has finished drawing
ANSWER_QUIET_MAX = 1.0  # ... but an animated screen is answered after this anyway
FIELD_WAIT = 1.0  # how long a cleared and retyped field may take to show the answer
ECHO_WAIT = 1.0  # how long a raw-mode field may take to draw the first typed character
PROBE_WAIT = 0.5  # how long Space may take to draw a tick on a menu that may be a checklist

Write = Callable[[bytes], Awaitable[int]]
GoneCheck = Callable[[str, ScreenSnapshot], bool]

_TAB = b"\t"
_ARROWS = {b"\x1b[A": -1, b"\x1bOA": -1, b"\x1b[B": 1, b"\x1bOB": 1}
# → and ←: the tick and untick keys of a checkbox list whose legend names them (survey).
_SIDE_ARROWS = frozenset({b"\x1b[C", b"\x1bOC", b"\x1b[D", b"\x1bOD"})


class Answerer:
    """Types answers into one session's prompts; the caller serialises its input.

    ``snapshot`` returns the screen caught up with all output so far; ``output`` is
    set on every release of output (this clears it before waiting on it);
    ``quiet_for`` is seconds since the last output or input.
    """

    def __init__(
        self,
        tracker: PromptTracker,
        *,
        snapshot: Callable[[], ScreenSnapshot],
        quiet_for: Callable[[], float],
        output: asyncio.Event,
        application_cursor: Callable[[], bool],
        exited: Callable[[], bool],
    ) -> None:
        self._tracker = tracker
        self._snapshot = snapshot
        self._quiet_for = quiet_for
        self._output = output
        self._application_cursor = application_cursor
        self._exited = exited

    def _arrow(self, direction: str) -> bytes:
        """The up or down arrow as the program reads it (its cursor-key mode)."""
        return (b"\x1bO" if self._application_cursor() else b"\x1b[") + (
            b"B" if direction == "down" else b"A"
        )

    async def type_answer(self, prompt_id: str, answer: str, write: Write) -> list[bytes]:
        """Type ``answer`` to the prompt through ``write``; return the writes sent, in order.

        Stops early when a checkpoint finds the prompt gone, when the highlight never
        reaches the chosen row, or when a write fails after some keys were sent (the
        program exited on them). Raises :class:`supervisor.prompts.PromptError` when
        the prompt is gone, secret, or the answer does not fit it, and ``OSError``
        when the first write fails. A field that held a value is cleared and retyped,
        and Enter is pressed only once the screen shows it holding exactly the answer;
        otherwise :class:`PromptError` (INVALID_ANSWER), with the keys already typed.
        """
        await self.settle(ANSWER_QUIET, ANSWER_QUIET_MAX)
        snapshot = self._snapshot()
        scrolled: list[bytes] = []
        if answer and (probed := await self._probe_checklist(prompt_id, write, scrolled)):
            return await self._tick_answer(probed, answer, write, scrolled)
        paged = self._tracker.checklist(prompt_id, snapshot)
        if paged is not None and sweeps(paged, answer, snapshot):
            return await self._sweep(prompt_id, ChecklistSweep(answer), write)
        if self._tracker.scrolls_to(prompt_id, answer, snapshot):
            scrolled = await self._scroll_to(prompt_id, answer, write)
            snapshot = self._snapshot()
        writes = self._tracker.plan_answer(prompt_id, answer, snapshot)
        field = self._tracker.text_field(prompt_id, snapshot) if answer else None
        highlight = self._tracker.highlighted(prompt_id, snapshot)
        view = self._tracker.scrolled(prompt_id, snapshot)
        rows = _row_labels(view) if view is not None and highlight is not None else ()
        cycle = self._tracker.tab_cycle(prompt_id, snapshot)
        wanted = self._tracker.wanted_checks(prompt_id, answer, snapshot)
        listed = self._tracker.checked_labels(prompt_id, snapshot) or {}
        labels = list(listed)
        probe = bool(answer) and self._tracker.probes_echo(prompt_id, snapshot)
        moved = False  # arrows sent since the highlight was last seen where they lead
        sent: list[bytes] = scrolled
        clearing = field is not None and writes[:1] == [field.kill]
        for data in writes:
            if wanted is not None and data in (b"\r", _TAB):
                # A checkbox list: confirm only once the screen shows exactly the wanted set.
                await self._checks_are(prompt_id, frozenset(labels[i] for i in wanted))
                wanted = None
            if not data:  # a checkpoint: the keys so far may have answered it
                if await self.prompt_left(prompt_id, CHECKPOINT_WAIT, self._tracker.left_cursor):
                    break
                continue
            ticks = data == b" " or (wanted is not None and data in _SIDE_ARROWS)
            if moved and highlight is not None and (data == b"\r" or ticks):
                # Select only once the highlight sits on the chosen row: an arrow
                # sent before a dialog listens is lost, and Enter would pick the default.
                if not await self._highlight_at(prompt_id, highlight, write, not cycle, rows):
                    break  # never press Enter on a button we did not see focused
                await self.settle(ENTER_PAUSE, ENTER_PAUSE)
                if not await self._highlight_at(prompt_id, highlight, write, not cycle, rows):
                    break  # the dialog was drawn again with its default highlight
                moved = False
            step = _ARROWS.get(data)
            if step is not None and highlight is not None and cycle is None:
                highlight, moved = highlight + step, True
            elif data == _TAB and highlight is not None and cycle:
                # A dialog's buttons: Tab moves the focus, wrapping after the last.
                highlight, moved = (highlight + 1) % cycle, True
            if field is not None and data == b"\r":
                await self._field_shows(field, answer)
                field = None  # checked before the first Enter only
            if sent:
                await asyncio.sleep(ENTER_PAUSE)
            if probe and data == answer.encode():
                # A raw-mode field: type one character and see it drawn before the rest.
                data = await self._probe_echo(prompt_id, data, write, sent)
                if not data:
                    continue  # a one-character answer: the probe typed all of it
            try:
                await write(data)
            except OSError:
                if not sent:
                    raise
                break  # the program exited on the keys already sent: they answered it
            sent.append(data)
            if clearing and field is not None:
                clearing = False
                await self._erase_if_kept(field, write, sent)
        return sent

    async def _erase_if_kept(self, field: Field, write: Write, sent: list[bytes]) -> None:
        """After the kill key, wait for ``field`` to show empty; a library that binds no
        kill key (survey binds only Backspace and Delete) keeps the value, so then erase it
        one Backspace per character, which every line editor binds. The field is checked
        again before Enter (:meth:`_field_shows`)."""
        if field.ahead or await self._emptied(field):
            return
        erase = ERASE * len(field.value)
        await write(erase)
        sent.append(erase)

    async def _emptied(self, field: Field) -> bool:
        """Whether ``field`` shows empty within :data:`FIELD_WAIT`."""
        return await self._until(functools.partial(emptied, field), FIELD_WAIT)

    async def _until(self, done: Callable[[ScreenSnapshot], bool], wait: float) -> bool:
        """Whether the screen comes to satisfy ``done`` within ``wait`` seconds."""
        try:
            async with asyncio.timeout(wait):
                while not done(self._snapshot()):
                    self._output.clear()
                    await self._output.wait()
        except TimeoutError:
            return False
        return True

    async def _scroll_to(self, prompt_id: str, answer: str, write: Write) -> list[bytes]:
        """Press arrows until ``answer``'s row of a paged menu is highlighted (see
        :class:`PageSearch`), watching the screen after each; return the keys sent.
        Raises :class:`PromptError` when it never shows (the highlight is first walked
        back to the row it started on) or when the menu leaves the screen."""
        start = self._tracker.scrolled(prompt_id, self._snapshot())
        sent: list[bytes] = []
        try:
            await self._search(prompt_id, PageSearch(answer), write, sent)
        except PromptError as refused:
            lit = None if start is None else start.selected_index
            if refused.code is ErrorCode.INVALID_ANSWER and start is not None and lit is not None:
                # Leave the list as it was: a later Enter must not pick a row we moved to.
                back = PageSearch(start.options[lit].label)
                with contextlib.suppress(PromptError):
                    await self._search(prompt_id, back, write, sent)
            raise
        self._tracker.adopt_scrolled(prompt_id, self._snapshot(), time.time())
        return sent

    async def _search(
        self, prompt_id: str, search: PageSearch, write: Write, sent: list[bytes]
    ) -> None:
        """Run ``search`` on the live screen until its label is highlighted."""
        while True:
            now = self._tracker.scrolled(prompt_id, self._snapshot())
            if now is None:
                raise PromptError(
                    ErrorCode.PROMPT_STALE,
                    "The list left the screen while Tether scrolled it to find your answer.",
                    "call check_prompts to see what the session asks now",
                )
            step = search.step(now)
            if step.action == "found":
                return
            if step.action == "give_up":
                raise PromptError(
                    ErrorCode.INVALID_ANSWER,
                    f"{step.reason}.",
                    "nothing was selected; answer with one of those labels",
                )
            key = self._arrow(step.key)
            await write(key)
            sent.append(key)
            await self._redrawn(prompt_id, now)

    async def _sweep(self, prompt_id: str, sweep: ChecklistSweep, write: Write) -> list[bytes]:
        """Answer a paged checklist with ``sweep`` (see :class:`ChecklistSweep`), watching
        the screen after each key, then Enter once the rows in view show the answer."""
        sent: list[bytes] = []
        while True:
            now = self._tracker.checklist(prompt_id, self._snapshot())
            if now is None:
                raise PromptError(
                    ErrorCode.PROMPT_STALE,
                    "The list left the screen while Tether scrolled it to tick your answer.",
                    "call check_prompts to see what the session asks now",
                )
            step = sweep.step(now)
            if step.action == "done":
                break
            if step.action == "give_up":
                raise PromptError(
                    ErrorCode.INVALID_ANSWER,
                    f"{step.reason}.",
                    "some ticks were changed and the list was not confirmed; read the screen "
                    "with get_logs and finish with send_keys (arrows, Space, Enter)"
                    if step.touched
                    else "nothing was ticked or confirmed; answer with labels of that list",
                )
            if step.action == "toggle":
                key = b" "
            else:
                key = self._arrow(step.key)
            await write(key)
            sent.append(key)
            await self._swept(prompt_id, now)
        await self.settle(ENTER_PAUSE, ENTER_PAUSE)
        await write(b"\r")
        sent.append(b"\r")
        return sent

    async def _swept(self, prompt_id: str, before: Detection) -> None:
        """Wait (at most HIGHLIGHT_WAIT) until the checklist's rows, ticks or highlight
        differ from ``before``: an arrow at an end of a list that does not wrap changes
        nothing."""
        state = (before.options, before.checked)
        try:
            async with asyncio.timeout(HIGHLIGHT_WAIT):
                while True:
                    now = self._tracker.checklist(prompt_id, self._snapshot())
                    if now is None or (now.options, now.checked) != state:
                        await self.settle(GONE_QUIET, HIGHLIGHT_WAIT)  # a page redraws in parts
                        return
                    self._output.clear()
                    await self._output.wait()
        except TimeoutError:
            return

    async def _redrawn(self, prompt_id: str, before: Detection) -> None:
        """Wait (at most HIGHLIGHT_WAIT) until the menu's rows or highlight differ from
        ``before``: an arrow at the end of a list that does not wrap changes nothing."""
        state = (before.options, before.selected_index)
        try:
            async with asyncio.timeout(HIGHLIGHT_WAIT):
                while True:
                    now = self._tracker.scrolled(prompt_id, self._snapshot())
                    if now is None or (now.options, now.selected_index) != state:
                        await self.settle(GONE_QUIET, HIGHLIGHT_WAIT)  # a page redraws in parts
                        return
                    self._output.clear()
                    await self._output.wait()
        except TimeoutError:
            return

    async def _probe_echo(
        self, prompt_id: str, text: bytes, write: Write, sent: list[bytes]
    ) -> bytes:
        """Type the first character of ``text``; return the rest once the screen shows it.
        When the field draws nothing but masks for it, erase it, mark the prompt secret
        and raise :class:`PromptError` (PROMPT_SECRET): the rest is never typed."""
        probe, rest = first_char(text.decode())
        if sent:
            await self.settle(ENTER_PAUSE, FIELD_WAIT)  # a cleared field has finished redrawing
        before = self._snapshot()
        await write(probe)
        sent.append(probe)
        if not await self._until(functools.partial(echoed, before), ECHO_WAIT):
            await write(ERASE)
            sent.append(ERASE)
            # Read while the mask still shows, the field would be another prompt than the
            # one found secret: wait (a little) for it to read as before the probe.
            await self._until(lambda now: now.lines == before.lines, ECHO_WAIT)
            if lists_below(before):
                raise PromptError(
                    ErrorCode.INVALID_ANSWER,
                    "Typing into this field drew nothing, and the screen shows selectable "
                    "rows under it, so it may be a list rather than a field.",
                    "Tether erased the one character it typed and sent nothing else; read "
                    "the screen with get_logs and answer with send_keys (arrows, Space, Enter)",
                ) from None
            self._tracker.mark_secret(prompt_id, self._snapshot(), time.time())
            raise PromptError(
                ErrorCode.PROMPT_SECRET,
                "This field does not show what is typed, so it looks like a secret field; "
                "type it on the computer.",
                "Tether erased the one character it typed and sent nothing else",
            ) from None
        return rest

    async def _field_shows(self, field: Field, answer: str) -> None:
        """Wait until the cleared field shows exactly ``answer``; raise if it never does,
        so a wrong value is never submitted."""
        try:
            async with asyncio.timeout(FIELD_WAIT):
                while not shows(field, self._snapshot(), answer):
                    self._output.clear()
                    await self._output.wait()
        except TimeoutError:
            shown = describe(self._snapshot(), field)
            raise PromptError(
                ErrorCode.INVALID_ANSWER,
                f"the field held {field.value!r} and Tether cleared it and typed your answer, "
                f"but the screen shows {shown!r} instead of {answer!r}, so Enter was not pressed",
                "read the screen with get_logs, then fix the field with send_keys "
                "(Backspace, text) and press Enter yourself",
            ) from None

    async def settle(self, quiet: float, at_most: float) -> None:
        """Wait until no output for ``quiet`` seconds (a dialog that just appeared may still
        be mounting, and reset its highlight), but no longer than ``at_most`` (animations)."""
        deadline = time.monotonic() + at_most
        while (left := quiet - self._quiet_for()) > 0 and time.monotonic() < deadline:
            await asyncio.sleep(min(left, deadline - time.monotonic()))  # noqa: sleep-ok - pacing

    async def _checks_are(self, prompt_id: str, wanted: frozenset[str]) -> None:
        """Wait for the checkbox list to show exactly the items labelled ``wanted`` checked
        (every one in view: a paged list may have scrolled while toggling); raise
        :class:`PromptError` (nothing confirmed) if it does not within CHECKS_WAIT."""
        now = None
        try:
            async with asyncio.timeout(CHECKS_WAIT):
                while not _shows(
                    now := self._tracker.checked_labels(prompt_id, self._snapshot()), wanted
                ):
                    self._output.clear()
                    await self._output.wait()
        except TimeoutError:
            shown = "cannot be read" if now is None else _names({k for k, on in now.items() if on})
            raise PromptError(
                ErrorCode.INVALID_ANSWER,
                f"after toggling, the list shows {shown} checked instead of {_names(wanted)}, "
                "so Tether did not confirm it",
                "read the screen with get_logs, fix the ticks with send_keys (arrows, Space), "
                "then press Enter",
            ) from None

    async def _highlight_at(
        self, prompt_id: str, target: int, write: Write, resend: bool, rows: tuple[str, ...]
    ) -> bool:
        """Wait for the prompt's highlight to reach ``target`` (counted in ``rows``, see
        :meth:`_lit`); resend the missing arrows once (``resend``: a menu's arrows; a
        dialog's Tab focus is only waited for)."""
        for attempt in range(2):
            try:
                async with asyncio.timeout(HIGHLIGHT_WAIT):
                    while True:
                        now = self._lit(prompt_id, rows)
                        if now == target:
                            return True
                        self._output.clear()
                        await self._output.wait()
            except TimeoutError:
                now = self._lit(prompt_id, rows)
                if now is None or attempt or not resend:
                    return False
                key = self._arrow("up" if target < now else "down")
                for _ in range(abs(target - now)):
                    await write(key)
        return False

    def _lit(self, prompt_id: str, rows: tuple[str, ...]) -> int | None:
        """The highlighted row, counted in ``rows`` (the labels in view when the answer
        was planned): a paged menu may scroll under the arrows (@inquirer's pageSize),
        so its highlighted label, not its place on the screen, says where it is; None
        when that label was not among them. Without ``rows``, or when the label stands on
        several rows (Claude Code's "Dark mode" and "Dark mode (colorblind-friendly)"
        once their hints are cut), the place on the screen."""
        snapshot = self._snapshot()
        moved = self._tracker.scrolled(prompt_id, snapshot) if rows else None
        if moved is None or moved.selected_index is None:
            return self._tracker.highlighted(prompt_id, snapshot)
        lit = _row_labels(moved)[moved.selected_index]
        if rows.count(lit) > 1:
            return self._tracker.highlighted(prompt_id, snapshot)
        return rows.index(lit) if lit in rows else None

    async def _probe_checklist(
        self, prompt_id: str, write: Write, sent: list[bytes]
    ) -> TickColumn | None:
        """On a menu drawn like a select that a blank-icon checklist also draws, press
        Space once and read the screen (see :mod:`supervisor.prompts.blank_checklist`):
        the tick column when Space ticked the highlighted row, else None (a select; the
        Space, and a Backspace when it changed the screen otherwise, are in ``sent``).
        Never on a coding agent's menus."""
        before = self._snapshot()
        found = self._tracker.scrolled(prompt_id, before)
        if self._tracker.family != "generic" or found is None:
            return None
        layout = probe_layout(found, before)
        if layout is None:
            return None
        await write(b" ")
        sent.append(b" ")
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(PROBE_WAIT):
                while self._snapshot().lines == before.lines:
                    self._output.clear()
                    await self._output.wait()
        await self.settle(GONE_QUIET, HIGHLIGHT_WAIT)
        after = self._snapshot()
        ticks = read_probe(layout, before, after)
        if ticks is None and after.lines != before.lines:
            # Not a tick: a list that filters as one types took Space as text (and may
            # show no row matching it); erase it and wait for the rows to come back.
            await write(ERASE)
            sent.append(ERASE)
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(HIGHLIGHT_WAIT):
                    while self._tracker.scrolled(prompt_id, self._snapshot()) is None:
                        self._output.clear()
                        await self._output.wait()
            await self.settle(GONE_QUIET, HIGHLIGHT_WAIT)
            after = self._snapshot()
            # The rows may have been reported as another prompt while they were hidden.
            self._tracker.adopt_scrolled(prompt_id, after, time.time())
        if ticks is None and self._tracker.scrolled(prompt_id, after) is None:
            raise PromptError(
                ErrorCode.PROMPT_STALE,
                "Tether pressed Space to see whether this list takes several items, and "
                "the list left the screen: the program may have taken Space as the answer.",
                "call check_prompts and read the screen with get_logs to see what it did",
            )
        return ticks

    async def _tick_answer(
        self, ticks: TickColumn, answer: str, write: Write, sent: list[bytes]
    ) -> list[bytes]:
        """Answer a probed checklist: toggle the rows so exactly ``answer``'s are ticked,
        each move and tick seen on the screen, then Enter once the screen shows the set.
        A label it does not offer unticks the probe's tick and raises :class:`PromptError`."""
        layout = ticks.layout
        try:
            wanted = chosen(layout, answer)
        except PromptError:
            await write(b" ")  # leave the list as it was: untick the probe's tick
            sent.append(b" ")
            raise
        states = ticks.states(self._snapshot())
        at = ticks.pointer(self._snapshot())
        if states is None or at is None:
            raise _unreadable(wanted, layout.labels)
        for row in toggle_order(states, wanted, at):
            while at != row:
                key = self._arrow("down" if row > at else "up")
                await write(key)
                sent.append(key)
                at = await self._tick_state(ticks, functools.partial(_moved_off, ticks, at))
                if at is None:
                    raise _unreadable(wanted, layout.labels)
            was = states[row]
            await write(b" ")
            sent.append(b" ")
            if (
                await self._tick_state(ticks, functools.partial(_row_is, ticks, row, not was))
                is None
            ):
                raise _unreadable(wanted, layout.labels)
            states = states[:row] + (not was,) + states[row + 1 :]
        await self.settle(ENTER_PAUSE, ENTER_PAUSE)
        if ticks.states(self._snapshot()) != tuple(i in wanted for i in range(len(states))):
            raise _unreadable(wanted, layout.labels)
        await write(b"\r")
        sent.append(b"\r")
        return sent

    async def _tick_state(
        self, ticks: TickColumn, done: Callable[[ScreenSnapshot], bool]
    ) -> int | None:
        """Wait (at most HIGHLIGHT_WAIT) until ``done`` holds for the screen; the pointer's
        row then, or None when it never did."""
        try:
            async with asyncio.timeout(HIGHLIGHT_WAIT):
                while not done(self._snapshot()):
                    self._output.clear()
                    await self._output.wait()
        except TimeoutError:
            return None
        return ticks.pointer(self._snapshot())

    async def prompt_left(
        self,
        prompt_id: str,
        within: float = ANSWER_SETTLE,
        gone: GoneCheck | None = None,
    ) -> bool:
        """Whether the prompt left the screen within ``within`` seconds (or the program
        exited); ``gone`` defaults to the tracker's :meth:`PromptTracker.is_gone`."""
        gone = gone or self._tracker.is_gone
        try:
            async with asyncio.timeout(within):
                while True:
                    if gone(prompt_id, self._snapshot()):
                        # A full redraw passes through screens without the dialog:
                        # gone counts once the screen has settled without it.
                        await self.settle(GONE_QUIET, GONE_QUIET * 3)
                        if self._exited() or gone(prompt_id, self._snapshot()):
                            return True
                    self._output.clear()
                    await self._output.wait()
        except TimeoutError:
            return False


def _row_labels(found: Detection) -> tuple[str, ...]:
    """``found``'s option labels without a hint only the highlighted row shows."""
    return tuple(HINT_SUFFIX.sub("", o.label) for o in found.options)


def _shows(states: dict[str, bool] | None, wanted: frozenset[str]) -> bool:
    """Whether a list's visible items (label -> checked) show all of ``wanted`` checked
    and nothing else."""
    return (
        states is not None
        and wanted <= states.keys()
        and all(on == (label in wanted) for label, on in states.items())
    )


def _names(labels: frozenset[str] | set[str]) -> str:
    """Item labels as the chat sees them ("alpha, delta"), or "nothing"."""
    return ", ".join(sorted(labels)) or "nothing"


def _row_is(ticks: TickColumn, row: int, on: bool, snapshot: ScreenSnapshot) -> bool:
    states = ticks.states(snapshot)
    return states is not None and states[row] == on


def _moved_off(ticks: TickColumn, row: int, snapshot: ScreenSnapshot) -> bool:
    return ticks.pointer(snapshot) not in (row, None)


def _unreadable(wanted: frozenset[int], labels: tuple[str, ...]) -> PromptError:
    return PromptError(
        ErrorCode.INVALID_ANSWER,
        "Tether found this list takes several items and ticked rows for "
        f"{_names({labels[i] for i in wanted})}, but the screen stopped showing the ticks "
        "it expected, so it did not confirm the list",
        "read the screen with get_logs, fix the ticks with send_keys (arrows, Space), "
        "then press Enter",
    )
