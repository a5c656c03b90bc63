"""A quiet spell's samples of the foreground, combined: a monitor caught awake once is no menu."""

from __future__ import annotations

import math

from supervisor.probe_window import REACTION, REDRAW_PERIOD, ProbeWindow, combine
from supervisor.prompts.detect import Signals, detect
from supervisor.prompts.tracker import default_rules
from supervisor.screen import TerminalModel
from supervisor.tty_probe import Foreground

READING = Foreground(reading=True, programs=("python3",))
ASLEEP = Foreground(elsewhere=True)
AWAKE = Foreground(busy=True, programs=("python3",))  # running mid-redraw
POLLING = Foreground(programs=("node",))  # in a poll: a prompt library, or anything

NEVER = -math.inf  # no keystroke sent yet
LATER = 1e6  # a sample taken long after the spell began

MONITOR = (
    "  Which shards lag?  sampled 12x\n"
    "\n"
    " ❯ shard-a   12 behind\n"
    "   shard-b    3 behind\n"
    "   shard-c    0 behind\n"
    "\n"
    "  [r]eload  [q]uit"
)


def menu_found(signals: Signals) -> bool:
    model = TerminalModel(cols=80, rows=24)
    model.feed(b"\x1b[?1049h" + MONITOR.replace("\n", "\r\n").encode())
    return detect(model.snapshot(), default_rules(), signals=signals, quiet_for=1.0) is not None


def signals_of(found: Foreground) -> Signals:
    return Signals(
        canonical=False,
        blocked_on_read=found.reading,
        elsewhere=found.elsewhere,
        programs=found.programs,
        busy=found.busy,
    )


def test_a_sample_reading_the_terminal_decides_reading_whatever_came_before_or_after() -> None:
    assert combine([ASLEEP, READING, AWAKE]).reading
    assert combine([POLLING, READING]) == READING


def test_one_sample_asleep_on_a_timer_with_no_reader_makes_the_spell_elsewhere() -> None:
    verdict = combine([ASLEEP, AWAKE])
    assert verdict.elsewhere and not verdict.busy and not verdict.reading
    assert combine([POLLING, ASLEEP, POLLING]).elsewhere


def test_with_no_sample_asleep_or_reading_the_latest_sample_stands() -> None:
    assert combine([AWAKE, POLLING]) == POLLING
    assert combine([POLLING, AWAKE]) == AWAKE
    assert combine([]) == Foreground()


def test_output_starts_a_new_spell_and_forgets_the_samples_before_it() -> None:
    window = ProbeWindow()
    assert window.add(ASLEEP, quiet_since=10.0, now=LATER, last_input=NEVER).elsewhere
    assert window.add(
        AWAKE, quiet_since=10.0, now=LATER, last_input=NEVER
    ).elsewhere  # same spell: it slept in it
    assert (
        window.add(POLLING, quiet_since=11.0, now=LATER, last_input=NEVER) == POLLING
    )  # output since: judged afresh


def test_a_spell_start_recomputed_with_rounding_is_the_same_spell() -> None:
    window = ProbeWindow()
    window.add(ASLEEP, quiet_since=1234.5, now=LATER, last_input=NEVER)
    assert window.add(POLLING, quiet_since=1234.5 + 1e-12, now=LATER, last_input=NEVER).elsewhere


def test_a_monitor_caught_awake_mid_redraw_is_no_menu_until_a_sample_sees_it_wait() -> None:
    window = ProbeWindow()
    assert not menu_found(
        signals_of(window.add(AWAKE, quiet_since=5.0, now=LATER, last_input=NEVER))
    )
    assert not menu_found(
        signals_of(window.add(ASLEEP, quiet_since=5.0, now=LATER, last_input=NEVER))
    )
    assert not menu_found(
        signals_of(window.add(AWAKE, quiet_since=5.0, now=LATER, last_input=NEVER))
    )


def test_the_same_rows_under_a_program_waiting_in_a_poll_are_still_a_menu() -> None:
    window = ProbeWindow()
    window.add(
        AWAKE, quiet_since=5.0, now=LATER, last_input=NEVER
    )  # drawing, then waiting for a key
    assert menu_found(signals_of(window.add(POLLING, quiet_since=5.0, now=LATER, last_input=NEVER)))


def test_output_no_keystroke_caused_waits_a_redraw_period_before_its_structure_counts() -> None:
    window = ProbeWindow()
    early = window.add(POLLING, quiet_since=5.0, now=5.0 + REDRAW_PERIOD / 2, last_input=NEVER)
    assert early.busy and not menu_found(signals_of(early))  # a monitor would redraw by now
    late = window.add(POLLING, quiet_since=5.0, now=5.0 + REDRAW_PERIOD, last_input=NEVER)
    assert not late.busy and menu_found(signals_of(late))  # it drew once and waits: a menu


def test_output_right_after_a_keystroke_is_judged_at_once() -> None:
    window = ProbeWindow()
    found = window.add(POLLING, quiet_since=5.0, now=5.2, last_input=5.0 - REACTION / 2)
    assert found == POLLING and menu_found(signals_of(found))


def test_a_reader_or_a_sleeper_needs_no_redraw_period() -> None:
    assert ProbeWindow().add(READING, quiet_since=5.0, now=5.1, last_input=NEVER) == READING
    assert ProbeWindow().add(ASLEEP, quiet_since=5.0, now=5.1, last_input=NEVER) == ASLEEP


def test_a_question_already_reported_is_judged_at_once_when_it_redraws_on_its_own() -> None:
    window = ProbeWindow()
    found = window.add(POLLING, quiet_since=5.0, now=5.2, last_input=NEVER, asking=True)
    assert found == POLLING and menu_found(signals_of(found))


def test_a_prompt_caught_running_while_it_answers_a_keystroke_is_judged_at_once() -> None:
    window = ProbeWindow()
    found = window.add(AWAKE, quiet_since=5.0, now=5.2, last_input=4.99)
    assert not found.busy and menu_found(signals_of(found))
