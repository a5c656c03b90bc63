"""Reconnect backoff: full jitter, a stability window, and the relay's try-later codes."""

from __future__ import annotations

import random

import pytest

from shared.backoff import Backoff


class Highest:
    """A random source that always picks the top of the range: the worst-case wait."""

    def __init__(self) -> None:
        self.ranges: list[tuple[float, float]] = []

    def uniform(self, a: float, b: float) -> float:
        self.ranges.append((a, b))
        return b


def test_delays_are_drawn_from_zero_to_a_doubling_window_capped_at_the_maximum() -> None:
    rng = Highest()
    backoff = Backoff(base=1.0, cap=8.0, rng=rng)
    delays = [backoff.failed() for _ in range(6)]
    assert delays == [1.0, 2.0, 4.0, 8.0, 8.0, 8.0]
    assert all(low == 0.0 for low, _ in rng.ranges)


def test_a_seeded_random_source_makes_the_delays_reproducible_and_inside_the_window() -> None:
    first = Backoff(base=0.5, cap=30.0, rng=random.Random(7))
    second = Backoff(base=0.5, cap=30.0, rng=random.Random(7))
    for _ in range(20):
        window = first.window()
        delay = first.failed()
        assert delay == second.failed()
        assert 0.0 <= delay <= window


def test_an_accept_then_close_relay_keeps_the_window_growing_instead_of_resetting() -> None:
    backoff = Backoff(base=1.0, cap=60.0, stable_after=10.0, fast_for=30.0, rng=Highest())
    now = 0.0
    while now < 30.0:  # the fast phase of the outage: retries at most a second apart
        backoff.connected(now)
        now += 0.05  # the relay drops the link right after the handshake
        delay = backoff.disconnected(now)
        assert delay <= 1.0
        now += delay
    for _ in range(10):  # short links never start a new outage: the window grows
        backoff.connected(now)
        now += 0.05
        now += backoff.disconnected(now)
    assert backoff.window() == 60.0
    assert backoff.attempt == 10


def test_a_short_outage_is_retried_within_a_second_however_many_attempts_failed() -> None:
    backoff = Backoff(base=1.0, cap=60.0, stable_after=10.0, fast_for=30.0, rng=Highest())
    backoff.connected(0.0)
    now = 100.0  # a stable link drops: the relay is unreachable for a while
    delays = [backoff.disconnected(now)]
    while now < 129.0:
        now += delays[-1]
        delays.append(backoff.failed(close_code=None, now=now))
    assert max(delays) == 1.0 and len(delays) >= 29 and backoff.attempt == 0
    # Past the fast phase a longer outage backs off as usual: 1, 2, 4, ... seconds.
    assert [backoff.failed(now=131.0 + n) for n in range(4)] == [1.0, 2.0, 4.0, 8.0]


def test_jitter_spreads_the_fast_retries_of_many_supervisors_over_the_window() -> None:
    delays = [Backoff(rng=random.Random(seed)).failed(now=0.0) for seed in range(50)]
    assert all(0.0 <= d <= 1.0 for d in delays) and len(set(delays)) == 50


def test_flapping_at_the_cap_is_bounded_to_a_few_attempts_per_minute_on_average() -> None:
    backoff = Backoff(base=1.0, cap=60.0, stable_after=10.0, rng=random.Random(1))
    now, attempts = 0.0, 0
    while now < 3600.0:
        attempts += 1
        backoff.connected(now)
        now += 0.05
        now += backoff.disconnected(now)
    # Full jitter at a 60 s cap averages 30 s between attempts: about 120 an hour.
    assert attempts < 240


def test_a_link_that_stayed_up_for_the_stable_window_resets_the_counter() -> None:
    backoff = Backoff(base=1.0, cap=60.0, stable_after=10.0, rng=Highest())
    for _ in range(5):
        backoff.failed()
    backoff.connected(100.0)
    assert backoff.disconnected(110.0) == 1.0
    assert backoff.attempt == 0 and backoff.in_fast_phase(110.0)


def test_a_link_shorter_than_the_stable_window_does_not_reset_the_counter() -> None:
    backoff = Backoff(base=1.0, cap=60.0, stable_after=10.0, rng=Highest())
    for _ in range(3):
        backoff.failed()
    backoff.connected(100.0)
    assert backoff.disconnected(109.9) == 8.0


def test_the_relay_asking_to_try_later_means_waiting_at_least_the_minimum() -> None:
    backoff = Backoff(base=1.0, cap=60.0, try_later=5.0, rng=random.Random(3))
    for _ in range(20):
        assert backoff.failed(close_code=1013) >= 5.0


def test_a_relay_restart_is_retried_within_the_restart_window_however_long_it_had_failed() -> None:
    worst = Highest()
    backoff = Backoff(base=1.0, cap=60.0, restart_window=1.0, restart_patience=30.0, rng=worst)
    for _ in range(8):
        backoff.failed(close_code=1006, now=0.0)  # a long run of failures grew the window
    backoff.connected(100.0)
    assert backoff.disconnected(100.5, close_code=1012) == 1.0
    # While the relay restarts, refused attempts keep the window at one second.
    assert [backoff.failed(close_code=None, now=101.0 + n) for n in range(5)] == [1.0] * 5


def test_a_relay_that_stays_down_past_the_restart_patience_gets_the_usual_backoff() -> None:
    worst = Highest()
    backoff = Backoff(base=1.0, cap=60.0, restart_window=1.0, restart_patience=30.0, rng=worst)
    backoff.connected(0.0)
    backoff.disconnected(1.0, close_code=1012)
    delays = [backoff.failed(now=40.0 + n) for n in range(4)]
    assert delays == [1.0, 2.0, 4.0, 8.0]


def test_flapping_after_a_restart_backs_off_as_usual_once_a_link_opened_again() -> None:
    worst = Highest()
    backoff = Backoff(base=1.0, cap=60.0, stable_after=10.0, rng=worst)
    backoff.connected(0.0)
    backoff.disconnected(20.0, close_code=1012)
    flaps = []
    for n in range(3):  # after the outage's fast phase
        backoff.connected(61.0 + n)
        flaps.append(backoff.disconnected(61.1 + n, close_code=1006))
    assert flaps == [1.0, 2.0, 4.0]


def test_try_later_waits_are_still_jittered_so_refused_clients_do_not_return_together() -> None:
    delays = {
        Backoff(try_later=5.0, rng=random.Random(seed)).failed(close_code=1013)
        for seed in range(10)
    }
    assert len(delays) == 10


def test_an_ordinary_close_code_gets_no_try_later_minimum() -> None:
    class Lowest:
        def uniform(self, a: float, b: float) -> float:
            return a

    backoff = Backoff(try_later=5.0, rng=Lowest())
    assert backoff.failed(close_code=1006) == 0.0


def test_thousands_of_failures_never_overflow_the_window() -> None:
    backoff = Backoff(base=1.0, cap=60.0, rng=Highest())
    for _ in range(5000):
        backoff.failed()
    assert backoff.window() == 60.0


def test_nonsense_settings_are_refused_with_what_is_required() -> None:
    with pytest.raises(ValueError, match="base <= cap"):
        Backoff(base=10.0, cap=1.0)
