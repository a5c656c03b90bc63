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
Tests with no record keep their place after the recorded ones; without a cache
(``-p no:cacheprovider``, a fresh clone) nothing is reordered. Serial runs keep
the file order, which reads best when a failure is debugged.
"""

from __future__ import annotations

from typing import Any

import pytest

KEY = "tether/durations"
RECORDED_FROM = 0.5  # seconds; shorter tests can run in any order without cost
RECORDER = "tether-duration-recorder"


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
    cache = getattr(config, "cache", None)
    if cache is not None and _is_parallel_controller(config):
        known = cache.get(KEY, {})
        recorder = DurationRecorder(known if isinstance(known, dict) else {})
        config.pluginmanager.register(recorder, RECORDER)


def pytest_sessionfinish(session: pytest.Session) -> None:
    config = session.config
    recorder = config.pluginmanager.get_plugin(RECORDER)
    cache = getattr(config, "cache", None)
    if not isinstance(recorder, DurationRecorder) or cache is None:
        return
    known = cache.get(KEY, {})
    cache.set(KEY, recorder.merge_into(known if isinstance(known, dict) else {}))
