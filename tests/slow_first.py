"""Longest tests first: the order that lets parallel workers end together.

With tests spread over workers one at a time, the run ends when the last long test
ends. Started last, a minute-long end-to-end test keeps one worker busy while the
others sit idle; started first, it runs alongside the many short tests, and the run
ends on short ones (longest-first is the classic greedy answer to this scheduling).

The durations come from the previous run in this checkout (pytest's cache, key
:data:`KEY`): the run's controller records every test that took at least
:data:`RECORDED_FROM` seconds. It reads them once and hands the same copy to every
worker, which orders its collection by them: all workers collect the same order, as
pytest-xdist requires, even while another run in this checkout rewrites the cache.
Tests with no record keep their place after the recorded ones. A checkout with no
record yet (a fresh clone, as CI's; or ``-p no:cacheprovider``) starts from
:data:`SEED`, the slow tests of a run committed with the project; refresh it with
``python -m tests.slow_first`` after a run when the slow tests change. A stale seed
only costs time: it never changes which tests run or what they check. Serial runs
keep the file order, which reads best when a failure is debugged.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

KEY = "tether/durations"
RECORDED_FROM = 0.5  # seconds; shorter tests can run in any order without cost
SEEDED_FROM = 1.0  # seconds; the committed seed keeps only the tests that matter most
RECORDER = "tether-duration-recorder"
SEED = Path(__file__).with_name("durations.json")
CACHED = Path(__file__).resolve().parent.parent / ".pytest_cache" / "v" / KEY


def durations(value: object) -> dict[str, float]:
    """``value`` if it is a table of test id -> seconds, else an empty one."""
    if not isinstance(value, dict):
        return {}
    return {
        k: float(v)
        for k, v in value.items()
        if isinstance(k, str) and isinstance(v, int | float) and not isinstance(v, bool)
    }


def seed(path: Path | None = None) -> dict[str, float]:
    """The committed durations (:data:`SEED`); empty if missing or unreadable."""
    try:
        return durations(json.loads((path or SEED).read_text()))
    except (OSError, ValueError):
        return {}


def _is_worker(config: pytest.Config) -> bool:
    return hasattr(config, "workerinput")


def _is_parallel_controller(config: pytest.Config) -> bool:
    return not _is_worker(config) and bool(getattr(config.option, "numprocesses", None))


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    """On the controller, for each worker it starts (a pytest-xdist hook)."""
    recorder = node.config.pluginmanager.get_plugin(RECORDER)
    if isinstance(recorder, DurationRecorder):
        node.workerinput[KEY] = recorder.known


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    workerinput = getattr(config, "workerinput", None)
    known = workerinput.get(KEY) if isinstance(workerinput, dict) else None
    if not isinstance(known, dict) or not known:
        return
    # sort is stable: tests with equal (or no) records keep the collected order.
    items.sort(key=lambda item: -float(known.get(item.nodeid, 0.0)))


class DurationRecorder:
    """On the controller: ``known``, the durations the run started with (one copy for
    every worker); sums each test's setup, call and teardown time, then merges them into
    the cache: tests that ran replace their record, others keep theirs."""

    def __init__(self, known: dict[str, float]) -> None:
        self.known = known
        self.seen: dict[str, float] = {}

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        self.seen[report.nodeid] = self.seen.get(report.nodeid, 0.0) + report.duration

    def merge_into(self, known: dict[str, float]) -> dict[str, float]:
        merged = {k: v for k, v in known.items() if k not in self.seen}
        merged.update({k: round(v, 2) for k, v in self.seen.items() if v >= RECORDED_FROM})
        return merged


def pytest_configure(config: pytest.Config) -> None:
    if not _is_parallel_controller(config):
        return
    cache = getattr(config, "cache", None)
    known = durations(cache.get(KEY, {})) if cache is not None else {}
    config.pluginmanager.register(DurationRecorder(known or seed()), RECORDER)


def pytest_sessionfinish(session: pytest.Session) -> None:
    config = session.config
    recorder = config.pluginmanager.get_plugin(RECORDER)
    cache = getattr(config, "cache", None)
    if not isinstance(recorder, DurationRecorder) or cache is None:
        return
    cache.set(KEY, recorder.merge_into(durations(cache.get(KEY, {}))))


def write_seed(cached: Path = CACHED, path: Path = SEED) -> int:
    """Write :data:`SEED` from this checkout's recorded durations; how many tests it holds."""
    try:
        known = durations(json.loads(cached.read_text()))
    except (OSError, ValueError):
        known = {}
    slow = {k: v for k, v in sorted(known.items()) if v >= SEEDED_FROM}
    if not slow:
        raise SystemExit(
            "tether: no recorded durations in this checkout yet; run scripts/test once first."
        )
    path.write_text(json.dumps(slow, indent=0, sort_keys=True) + "\n")
    return len(slow)


if __name__ == "__main__":
    print(f"wrote {write_seed()} durations to {SEED.name}", file=sys.stderr)
