"""The foreground's state over a quiet spell, not one sample. Pure: samples in, a verdict out.

One look at ``/proc`` (:func:`supervisor.tty_probe.probe`) catches a process at one
instant. A monitor that redraws on a timer sleeps in it almost all the time
(``elsewhere``), but a sample taken while it is awake, redrawing or starved of CPU
on a busy machine, says only "unknown", and then the screen's structure alone would
decide: its moving pointer and ``[q]uit`` legend would read as a menu.

So the session keeps every sample taken since the last output (a quiet spell: the
refresh timer samples at 0.2, 0.4, 0.8 ... s of quiet) and combines them:

* any sample **reading** the terminal: reading (a line prompt never stops reading
  until it gets its answer, so the latest such sample stands);
* otherwise any sample **elsewhere** (every process asleep on a timer or a child):
  elsewhere; nothing read the terminal since the output stopped, and a program
  that starts reading prints nothing new only if it reads in the tty's read, which
  the rule above sees;
* otherwise the latest sample; when a process of it was **running** (on a CPU or
  waiting for one) it was busy, not waiting for a key: ``busy`` says so, and the
  screen's structure waits for a later sample (unless the output answered a
  keystroke: see below).

Output starts a new spell: a program that slept and then drew a question is judged
by what it does after drawing it.

A monitor that waits for keys with a timeout (curses ``timeout(1000)``, ``select()``
with a timeout, a Node ``setInterval`` redraw) sits in a poll exactly as a prompt
library does, and wakes as often as some prompts do (prompt_toolkit, a keep-alive
timer): neither the wait channel nor the wake count tells them apart. Time does: a
monitor redraws on its own clock, a prompt that drew itself waits for a key. So
while the OS cannot tell (no sample reading, none elsewhere), output that no
keystroke caused (none in the :data:`REACTION` before it) counts as a question's
only once the screen stayed quiet for a whole :data:`REDRAW_PERIOD`: until then the
verdict is ``busy``. Output that follows a keystroke (the next question after an
answer, a moved highlight) is judged at once, even when a sample catches the program
still running, and so are the redraws of a question already reported.
"""

from __future__ import annotations

from dataclasses import replace

from supervisor.tty_probe import Foreground

REDRAW_PERIOD = 1.2  # seconds: a live display redraws at least this often (1 s is usual)
REACTION = 1.0  # seconds: output this soon after a keystroke answers it
SAME_SPELL = 1e-6  # seconds: two spell starts this close are one
MAX_SAMPLES = 16  # a spell's refreshes double their spacing: a handful at most


class ProbeWindow:
    """The samples of one quiet spell (see the module docstring)."""

    def __init__(self) -> None:
        self._since: float | None = None
        self._samples: list[Foreground] = []

    def add(
        self,
        sample: Foreground,
        quiet_since: float,
        now: float,
        last_input: float,
        *,
        asking: bool = False,
    ) -> Foreground:
        """Record ``sample``, taken at ``now`` in the quiet spell that began at
        ``quiet_since`` (the last output or input), the last keystroke sent at
        ``last_input`` (monotonic seconds; ``-inf``: none), and return the verdict over
        the spell so far. ``asking``: a question is reported already; its own redraws
        (a resize, a hint) are judged at once, so it does not blink out and back."""
        # Recomputed from "now - quiet" by the caller: equal up to rounding.
        if self._since is None or abs(quiet_since - self._since) > SAME_SPELL:
            self._since, self._samples = quiet_since, []
        self._samples.append(sample)
        if len(self._samples) > MAX_SAMPLES:
            del self._samples[0]
        verdict = combine(self._samples)
        if verdict.reading or verdict.elsewhere:
            return verdict
        if asking or quiet_since - last_input <= REACTION:
            # Keys were answered (or the question stands): a program caught finishing
            # its reply on a CPU is no monitor.
            return replace(verdict, busy=False) if verdict.busy else verdict
        if not verdict.busy and now - quiet_since < REDRAW_PERIOD:
            return replace(verdict, busy=True)  # may redraw on its own clock: wait
        return verdict


def combine(samples: list[Foreground]) -> Foreground:
    """One verdict from a quiet spell's samples, oldest first (see the module docstring)."""
    if not samples:
        return Foreground()
    for sample in reversed(samples):
        if sample.reading:
            return sample
    latest = samples[-1]
    if any(s.elsewhere for s in samples):
        return replace(latest, elsewhere=True, busy=False)
    return latest
