"""Pure report code: the figures, their goals, the table and the JSON document.

A lane returns, per figure key, one value per run (:class:`LaneResult`). This
module summarises each figure (median, min, max over runs), judges the median
against the figure's goal, and renders the stdout table and the JSON dict.
The goals are the ones in the benchmark issue; figures without a goal are
reported only.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from bench.stats import Summary, summarize

Op = Literal["<=", ">="]


@dataclass(frozen=True)
class Goal:
    op: Op
    limit: float

    def met_by(self, value: float) -> bool:
        return value <= self.limit if self.op == "<=" else value >= self.limit

    def __str__(self) -> str:
        return f"{'≤' if self.op == '<=' else '≥'} {self.limit:g}"


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    unit: str  # "x" for ratios
    goal: Goal | None = None


ERAS = ("legacy", "auto")
"""``fastmcp.Client(mode=...)`` of the relay lane: the initialize-handshake era, and
``"auto"`` (the client's default), which negotiates MCP's modern stateless era."""


def per_era(key: str, label: str, unit: str, goal: Goal | None = None) -> tuple[Figure, ...]:
    """One figure per protocol era, adjacent so the table shows them side by side.

    The era is the last part of the key (``relay.p50_ratio.auto``) and the first word of
    the label, after the label's indent.
    """
    indent = label[: len(label) - len(label.lstrip())]
    return tuple(
        Figure(f"{key}.{era}", f"{indent}{era:<6} {label.lstrip()}", unit, goal) for era in ERAS
    )


def era_key(key: str, era: str) -> str:
    """The key :func:`per_era` gave ``key`` for ``era``."""
    return f"{key}.{era}"


FIGURES: tuple[Figure, ...] = (
    *per_era("relay.p50_ratio", "relay overhead p50 (relayed / no-op)", "x", Goal("<=", 1.10)),
    *per_era("relay.cpu_ratio", "relay CPU per call (relayed / no-op)", "x", Goal("<=", 1.20)),
    *per_era("relay.hop_efficiency", "hop efficiency ((relayed-noop)/WS echo)", "x", Goal("<=", 2)),
    *per_era("relay.p99_ratio", "relay p99, sequential (relayed / no-op)", "x", Goal("<=", 1.3)),
    *per_era("relay.bare_ratio", "relayed p50 / bare FastMCP no-op p50", "x", Goal("<=", 1.3)),
    *per_era("relay.noop_bare_ratio", "  relay no-op p50 / bare FastMCP no-op p50", "x"),
    *per_era("relay.cpu_bare_ratio", "  relay CPU per relayed call / bare server CPU", "x"),
    *per_era("relay.concurrent_ratio", "16-caller throughput (relayed / no-op)", "x"),
    *per_era("relay.cpu_us_per_relayed_call", "  relay CPU per relayed call (absolute)", "µs"),
    *per_era("relay.supervisor_cpu_us_per_call", "  supervisor CPU per relayed call", "µs"),
    *per_era("relay.bare_cpu_us_per_call", "  bare server CPU per no-op call", "µs"),
    *per_era("relay.noop_p50_ms", "  no-op tool p50 (absolute, context only)", "ms"),
    *per_era("relay.relayed_p50_ms", "  relayed tool p50 (absolute, context only)", "ms"),
    *per_era("relay.bare_p50_ms", "  bare FastMCP no-op p50 (absolute)", "ms"),
    Figure("relay.ws_echo_p50_us", "  raw WebSocket echo p50 (absolute)", "µs"),
    *per_era("keys.round_trip_ratio", "keystroke round trip (send_keys+seen / no-op)", "x"),
    *per_era("keys.round_trip_p50_ms", "  keystroke round trip p50 (absolute)", "ms"),
    Figure("ingest.ratio", "ingest (Session bytes/s / raw PTY bytes/s)", "x", Goal(">=", 0.9)),
    Figure("ingest.raw_mb_s", "  raw PTY read (absolute)", "MB/s"),
    Figure("screen.freshness_p50_ms", "screen freshness p50 (burst end -> screen)", "ms"),
    Figure("screen.freshness_p99_ms", "screen freshness p99", "ms"),
    Figure(
        "prompt.latency_p50_ms", "prompt detection p50 (last byte -> check)", "ms", Goal("<=", 350)
    ),
    Figure("prompt.latency_p99_ms", "prompt detection p99", "ms", Goal("<=", 350)),
    Figure("hook.latency_p50_ms", "hook event -> check_prompts p50", "ms", Goal("<=", 100)),
    Figure("hook.latency_p99_ms", "hook event -> check_prompts p99", "ms", Goal("<=", 100)),
    Figure("sessions.rss_kb_per_session", "supervisor RSS per idle session", "KB", Goal("<=", 200)),
    Figure("sessions.fds_per_session", "supervisor fds per idle session", "fd", Goal("<=", 1.0)),
    Figure("sessions.lag_p99_ratio", "event-loop lag p99 (N sessions / none)", "x", Goal("<=", 2)),
    Figure("sessions.lag_p50_ratio", "  event-loop lag p50 (N sessions / none)", "x"),
    Figure("links.rss_kb_per_link", "relay RSS per idle supervisor link", "KB", Goal("<=", 50)),
    Figure(
        "reconnect.all_back_p50_s", "reconnect under 100 supervisors, all back", "s", Goal("<=", 2)
    ),
    Figure(
        "reconnect.after_outage_s",
        "reconnect after a 5 s relay outage, all back",
        "s",
        Goal("<=", 1.5),
    ),
    Figure("reconnect.bytes_lost", "reconnect: output bytes lost", "B", Goal("<=", 0)),
)
FIGURES_BY_KEY = {f.key: f for f in FIGURES}


@dataclass
class LaneResult:
    """What one lane measured: per-run values for each figure key, plus notes."""

    lane: str
    per_run: dict[str, list[float]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0

    def add(self, key: str, value: float) -> None:
        if key not in FIGURES_BY_KEY:
            raise KeyError(f"unknown figure {key!r}: add it to bench.report.FIGURES")
        if math.isfinite(value):
            self.per_run.setdefault(key, []).append(value)


@dataclass(frozen=True)
class Row:
    figure: Figure
    lane: str
    summary: Summary | None
    verdict: str  # "pass", "FAIL", "report", "not measured"


def judge(figure: Figure, summary: Summary | None) -> str:
    if summary is None:
        return "not measured"
    if figure.goal is None:
        return "report"
    return "pass" if figure.goal.met_by(summary.median) else "FAIL"


def rows(results: Sequence[LaneResult]) -> list[Row]:
    """One row per figure a lane touched or owns, in the order of :data:`FIGURES`."""
    by_key: dict[str, tuple[str, list[float]]] = {}
    for result in results:
        for key, values in result.per_run.items():
            by_key[key] = (result.lane, values)
    out = []
    for figure in FIGURES:
        if figure.key not in by_key:
            continue
        lane, values = by_key[figure.key]
        summary = summarize(values)
        out.append(Row(figure, lane, summary, judge(figure, summary)))
    return out


def _num(value: float) -> str:
    if value == 0:
        return "0"
    magnitude = abs(value)
    if magnitude >= 100:
        return f"{value:.0f}"
    if magnitude >= 10:
        return f"{value:.1f}"
    if magnitude >= 1:
        return f"{value:.2f}"
    return f"{value:.3f}"


def render_table(results: Sequence[LaneResult], machine: Mapping[str, Any]) -> str:
    """The stdout table: figure, median (min-max, runs), goal, verdict; then lane notes."""
    lines = [
        f"{'figure':<60} {'median':>8} {'min-max':>17} {'runs':>4}  {'goal':<8} verdict",
        "-" * 110,
    ]
    for row in rows(results):
        s = row.summary
        unit = "" if row.figure.unit == "x" else f" {row.figure.unit}"
        label = row.figure.label + ("" if row.figure.unit == "x" else f" [{row.figure.unit}]")
        goal = str(row.figure.goal) + unit if row.figure.goal else "-"
        if s is None:
            lines.append(f"{label:<60} {'-':>8} {'-':>17} {0:>4}  {goal:<8} {row.verdict}")
            continue
        span = f"{_num(s.low)}-{_num(s.high)}"
        lines.append(
            f"{label:<60} {_num(s.median):>8} {span:>17} {s.runs:>4}  {goal:<8} {row.verdict}"
        )
    for result in results:
        status = f"FAILED: {result.error}" if result.error else f"ok in {result.seconds:.1f}s"
        lines.append(f"[{result.lane}] {status}")
        lines.extend(f"[{result.lane}]   {note}" for note in result.notes)
    lines.append(_machine_line(machine))
    return "\n".join(lines)


def _machine_line(machine: Mapping[str, Any]) -> str:
    load = machine.get("loadavg_before", ["?"])[0], machine.get("loadavg_after", ["?"])[0]
    return (
        f"machine: {machine.get('cpu_count', '?')} CPUs, load1 {load[0]} -> {load[1]}, "
        f"busy {machine.get('busy_percent', 0):.0f}%, steal {machine.get('steal_percent', 0):.1f}%"
    )


def to_json(
    results: Sequence[LaneResult], machine: Mapping[str, Any], settings: Mapping[str, Any]
) -> dict[str, Any]:
    """The JSON document: settings, machine, every figure with its per-run values, every lane."""
    figures: dict[str, Any] = {}
    for row in rows(results):
        s = row.summary
        figures[row.figure.key] = {
            "label": row.figure.label.strip(),
            "unit": row.figure.unit,
            "lane": row.lane,
            "median": s.median if s else None,
            "min": s.low if s else None,
            "max": s.high if s else None,
            "runs": s.runs if s else 0,
            "per_run": next(
                (r.per_run[row.figure.key] for r in results if row.figure.key in r.per_run), []
            ),
            "goal": str(row.figure.goal) if row.figure.goal else None,
            "verdict": row.verdict,
        }
    lanes = [
        {"lane": r.lane, "error": r.error, "notes": r.notes, "seconds": round(r.seconds, 3)}
        for r in results
    ]
    return {
        "settings": dict(settings),
        "machine": dict(machine),
        "figures": figures,
        "lanes": lanes,
    }
