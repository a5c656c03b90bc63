"""The benchmark's pure statistics and report code (no timing, no processes)."""

from __future__ import annotations

import json

import pytest

from bench import stats
from bench.children import answered_payload, burst_payload, on_the_wire, prompt_payload
from bench.relay_lanes import Block, EraRun, Tally, era_figures, rotated
from bench.report import (
    ERAS,
    FIGURES,
    Goal,
    LaneResult,
    era_key,
    judge,
    per_era,
    render_table,
    rows,
    to_json,
)

MACHINE = {"cpu_count": 2, "loadavg_before": [1.0], "loadavg_after": [2.0], "busy_percent": 50.0}


def test_a_percentile_interpolates_between_order_statistics() -> None:
    values = [4.0, 1.0, 3.0, 2.0]
    assert stats.percentile(values, 0) == 1.0
    assert stats.percentile(values, 100) == 4.0
    assert stats.percentile(values, 50) == 2.5
    assert stats.percentile(list(range(101)), 99) == 99.0


def test_a_percentile_of_no_samples_fails_loudly_instead_of_reading_as_zero() -> None:
    with pytest.raises(ValueError, match="no samples"):
        stats.percentile([], 50)
    with pytest.raises(ValueError, match="outside 0..100"):
        stats.percentile([1.0], 101)


def test_a_ratio_against_a_baseline_that_measured_nothing_is_refused() -> None:
    assert stats.ratio(3.0, 2.0) == 1.5
    with pytest.raises(ValueError, match="baseline"):
        stats.ratio(1.0, 0.0)


def test_a_figure_is_summarised_as_the_median_and_range_of_its_per_run_values() -> None:
    summary = stats.summarize([1.3, 1.1, 1.2, 1.6, 1.0])
    assert summary == stats.Summary(median=1.2, low=1.0, high=1.6, runs=5)
    assert stats.summarize([]) is None


def test_busy_and_steal_come_from_the_difference_of_two_proc_stat_readings() -> None:
    before = stats.parse_proc_stat("cpu  100 0 100 700 100 0 0 0 0 0\ncpu0 1 2 3\n")
    after = stats.parse_proc_stat("cpu  250 0 150 850 100 0 0 50 30 0\n")
    busy, steal = stats.busy_and_steal(before, after)
    # 200 busy + 150 idle + 50 steal ticks: guest time is already inside user.
    assert busy == pytest.approx(50.0)
    assert steal == pytest.approx(12.5)


def test_text_that_is_not_proc_stat_is_refused() -> None:
    with pytest.raises(ValueError, match="/proc/stat"):
        stats.parse_proc_stat("intr 1 2 3\n")


def test_thread_cpu_times_are_summed_from_schedstat_and_rss_read_from_status() -> None:
    assert stats.schedstat_ns(["1000 5 7\n", "", "250 1 1\n"]) == 1250
    assert stats.status_rss_kb("Name:\tpython\nVmRSS:\t  20480 kB\n") == 20480
    with pytest.raises(ValueError, match="VmRSS"):
        stats.status_rss_kb("Name:\tkthreadd\n")


def test_a_goal_judges_the_median_in_its_own_direction() -> None:
    at_most, at_least = Goal("<=", 1.1), Goal(">=", 0.9)
    assert at_most.met_by(1.1) and not at_most.met_by(1.11)
    assert at_least.met_by(0.9) and not at_least.met_by(0.89)
    assert str(at_most) == "≤ 1.1" and str(at_least) == "≥ 0.9"


def test_a_figure_passes_fails_is_reported_or_is_not_measured() -> None:
    by_key = {f.key: f for f in FIGURES}
    p50 = by_key["relay.p50_ratio.legacy"]
    assert judge(p50, stats.Summary(1.05, 1.0, 1.3, 5)) == "pass"
    assert judge(p50, stats.Summary(1.2, 1.0, 1.3, 5)) == "FAIL"
    assert judge(by_key["relay.concurrent_ratio.auto"], stats.Summary(0.9, 0.8, 1.0, 5)) == "report"
    assert judge(p50, None) == "not measured"


def test_a_lane_refuses_a_figure_the_report_does_not_know_and_drops_non_finite_values() -> None:
    result = LaneResult("relay")
    with pytest.raises(KeyError, match="unknown figure"):
        result.add("relay.made_up", 1.0)
    with pytest.raises(KeyError, match="unknown figure"):
        result.add("relay.p50_ratio", 1.0)  # an era-less key of a per-era figure
    result.add("relay.p50_ratio.auto", float("nan"))
    result.add("relay.p50_ratio.auto", 1.2)
    assert result.per_run == {"relay.p50_ratio.auto": [1.2]}


def test_rows_follow_the_figure_order_whatever_order_the_lanes_ran_in() -> None:
    ingest = LaneResult("ingest", per_run={"ingest.ratio": [0.95, 0.92]})
    relay = LaneResult(
        "relay",
        per_run={
            "relay.cpu_ratio.auto": [1.1],
            "relay.p50_ratio.auto": [1.2],
            "relay.p50_ratio.legacy": [1.3],
        },
    )
    keys = [row.figure.key for row in rows([ingest, relay])]
    assert keys == [
        "relay.p50_ratio.legacy",
        "relay.p50_ratio.auto",
        "relay.cpu_ratio.auto",
        "ingest.ratio",
    ]


def test_the_table_shows_each_figure_with_goal_and_verdict_and_each_failed_lane_with_why() -> None:
    relay = LaneResult("relay", per_run={"relay.p50_ratio.auto": [1.05, 1.2, 1.08]}, seconds=3.0)
    broken = LaneResult("links", error="TimeoutError: relay did not start")
    table = render_table([relay, broken], MACHINE)
    [p50_line] = [line for line in table.splitlines() if "relay overhead p50" in line]
    assert p50_line.startswith("auto   relay overhead p50")
    assert "1.08" in p50_line and "1.05-1.20" in p50_line and "≤ 1.1" in p50_line
    assert p50_line.rstrip().endswith("pass")
    assert "[links] FAILED: TimeoutError: relay did not start" in table
    assert "machine: 2 CPUs, load1 1.0 -> 2.0, busy 50%" in table


def test_the_json_holds_per_run_values_summary_goal_verdict_machine_and_settings() -> None:
    ingest = LaneResult("ingest", per_run={"ingest.ratio": [0.5, 0.7, 0.6]}, notes=["n"])
    doc = to_json([ingest], MACHINE, {"mode": "quick"})
    figure = doc["figures"]["ingest.ratio"]
    assert figure == {
        "label": "ingest (Session bytes/s / raw PTY bytes/s)",
        "unit": "x",
        "lane": "ingest",
        "median": 0.6,
        "min": 0.5,
        "max": 0.7,
        "runs": 3,
        "per_run": [0.5, 0.7, 0.6],
        "goal": "≥ 0.9",
        "verdict": "FAIL",
    }
    assert doc["settings"] == {"mode": "quick"} and doc["machine"]["cpu_count"] == 2
    assert doc["lanes"] == [{"lane": "ingest", "error": None, "notes": ["n"], "seconds": 0.0}]
    json.dumps(doc)  # the document is plain JSON


def test_each_relay_figure_has_one_row_per_protocol_era_side_by_side() -> None:
    assert ERAS == ("legacy", "auto")
    keys = [f.key for f in FIGURES]
    for figure in per_era("relay.bare_ratio", "  relayed / bare", "x", Goal("<=", 1.3)):
        assert figure.key in keys and figure.goal == Goal("<=", 1.3)
        assert figure.label.startswith("  ")  # the indent of a context row stays first
    legacy, auto = keys.index("relay.bare_ratio.legacy"), keys.index("relay.bare_ratio.auto")
    assert auto == legacy + 1
    assert era_key("keys.round_trip_p50_ms", "auto") in keys


def test_relay_lane_blocks_rotate_so_every_lane_runs_first_and_last() -> None:
    blocks = [Block("legacy", "noop", {}), Block("legacy", "x", {}), Block("auto", "noop", {})]
    rounds = [rotated(blocks, rnd) for rnd in range(6)]
    assert all(sorted(map(repr, order)) == sorted(map(repr, blocks)) for order in rounds)
    for block in blocks:
        assert any(order[0] == block for order in rounds)
        assert any(order[-1] == block for order in rounds)


def test_an_eras_figures_are_ratios_of_its_own_lanes_in_the_same_run() -> None:
    def tally(ms: list[float], cpu_us: int) -> Tally:
        return Tally([m / 1e3 for m in ms], cpu_us * 1000 * len(ms), 500 * 1000 * len(ms), len(ms))

    run = EraRun(
        noop=tally([4.0, 4.0, 4.0], 2000),
        relayed=tally([5.0, 5.0, 5.0], 2400),
        bare=tally([2.0, 2.0, 2.0], 1200),
        keys=[12.0e-3],
        tput_noop=[200.0],
        tput_relayed=[150.0],
    )
    got = era_figures(run, echo_p50=0.25e-3)
    assert got["relay.p50_ratio"] == pytest.approx(1.25)
    assert got["relay.cpu_ratio"] == pytest.approx(1.2)
    assert got["relay.hop_efficiency"] == pytest.approx(4.0)
    assert got["relay.bare_ratio"] == pytest.approx(2.5)
    assert got["relay.noop_bare_ratio"] == pytest.approx(2.0)
    assert got["relay.cpu_bare_ratio"] == pytest.approx(2.0)
    assert got["relay.concurrent_ratio"] == pytest.approx(0.75)
    assert got["relay.supervisor_cpu_us_per_call"] == pytest.approx(500)
    assert got["keys.round_trip_ratio"] == pytest.approx(3.0)
    assert {era_key(k, "auto") for k in got} <= {f.key for f in FIGURES}


def test_the_child_payloads_end_where_the_benchmark_expects_on_the_wire() -> None:
    burst = burst_payload(3, 7)
    assert burst.endswith(b"END 7\n") and burst.count(b"\n") == 4
    assert on_the_wire(burst).count(b"\r\n") == 4 and len(on_the_wire(burst)) == len(burst) + 4
    assert prompt_payload(2).endswith(b"Overwrite config-2.json? [y/N] ")
    assert answered_payload(2).startswith(b"\x1b[2J")
