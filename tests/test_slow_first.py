"""Parallel runs start the tests that took longest last time first (tests/slow_first.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Literal

import pytest

from tests.slow_first import KEY, DurationRecorder, durations, seed, write_seed

ROOT = Path(__file__).resolve().parent.parent


def sample_suite(tmp_path: Path) -> Path:
    """Three tests; each pytest process writes the order it collected them in. Its seed
    (the committed durations) is ``seed.json`` in the suite, when there is one."""
    suite = tmp_path / "suite"
    suite.mkdir()
    (suite / "conftest.py").write_text(
        "import os, pathlib\n"
        "import tests.slow_first\n"
        "tests.slow_first.SEED = pathlib.Path('seed.json').resolve()\n"
        "from tests.slow_first import (\n"
        "    pytest_collection_modifyitems, pytest_configure, pytest_configure_node,\n"
        "    pytest_sessionfinish,\n"
        ")\n"
        # A worker rewrites the cache as it starts, as another run in this checkout
        # might: the workers still collect the order the controller started with.
        "if os.environ.get('PYTEST_XDIST_WORKER'):\n"
        "    with open('.pytest_cache/v/tether/durations', 'w') as f:\n"
        '        f.write(\'{"test_sample.py::test_first": 99.0, "gone": 5.0}\')\n'
        "def pytest_collection_finish(session):\n"
        "    name = os.environ.get('PYTEST_XDIST_WORKER', 'serial')\n"
        "    with open(f'collected-{name}', 'w') as f:\n"
        "        f.write(' '.join(item.name for item in session.items))\n"
    )
    (suite / "test_sample.py").write_text(
        "".join(f"def test_{name}():\n    pass\n" for name in ("first", "second", "third"))
    )
    return suite


def collected(suite: Path) -> dict[str, list[str]]:
    return {p.name: p.read_text().split() for p in sorted(suite.glob("collected-*"))}


def run(suite: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # Not the variables of the xdist worker that may run this test.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_XDIST")}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "pytest", *args],
        cwd=suite,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def write_durations(suite: Path, durations: dict[str, float]) -> Path:
    path = suite / ".pytest_cache" / "v" / KEY
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(durations))
    return path


def test_workers_collect_the_tests_that_took_longest_last_time_first(tmp_path: Path) -> None:
    suite = sample_suite(tmp_path)
    cache = write_durations(
        suite,
        {"test_sample.py::test_third": 30.0, "test_sample.py::test_second": 9.0, "gone": 5.0},
    )
    done = run(suite, "-n", "2", "--dist", "load", "--maxschedchunk", "1")
    assert done.returncode == 0, done.stdout + done.stderr
    longest_first = ["test_third", "test_second", "test_first"]
    assert collected(suite) == {"collected-gw0": longest_first, "collected-gw1": longest_first}
    # The tests that ran replace their records (kept only when long); others stay.
    durations = json.loads(cache.read_text())
    assert durations["gone"] == 5.0
    assert durations.get("test_sample.py::test_third") != 30.0


def test_a_checkout_with_no_record_yet_starts_from_the_committed_seed(tmp_path: Path) -> None:
    suite = sample_suite(tmp_path)
    write_durations(suite, {})  # a cache with no record yet
    (suite / "seed.json").write_text(json.dumps({"test_sample.py::test_second": 12.0}))
    done = run(suite, "-n", "2", "--dist", "load", "--maxschedchunk", "1")
    assert done.returncode == 0, done.stdout + done.stderr
    seeded = ["test_second", "test_first", "test_third"]
    assert collected(suite) == {"collected-gw0": seeded, "collected-gw1": seeded}


def test_the_seed_is_written_from_the_recorded_durations_keeping_the_slow_ones(
    tmp_path: Path,
) -> None:
    cached, written = tmp_path / "durations", tmp_path / "seed.json"
    cached.write_text(json.dumps({"t::slow": 4.5, "t::quick": 0.6, "t::odd": "x"}))
    assert write_seed(cached, written) == 1
    assert seed(written) == {"t::slow": 4.5}
    assert seed(tmp_path / "missing.json") == {}
    assert durations(["not", "a", "table"]) == {}
    with pytest.raises(SystemExit, match="run scripts/test once first"):
        write_seed(tmp_path / "missing", written)


def test_the_committed_seed_is_a_table_of_slow_tests() -> None:
    committed = seed()
    assert len(committed) > 20 and all(seconds >= 1.0 for seconds in committed.values())
    assert all("::" in test_id and test_id.startswith("tests/") for test_id in committed)


def test_a_serial_run_keeps_the_file_order_and_records_nothing(tmp_path: Path) -> None:
    suite = sample_suite(tmp_path)
    recorded = {"test_sample.py::test_third": 30.0}
    cache = write_durations(suite, recorded)
    done = run(suite)
    assert done.returncode == 0, done.stdout + done.stderr
    assert collected(suite) == {"collected-serial": ["test_first", "test_second", "test_third"]}
    assert json.loads(cache.read_text()) == recorded


def test_a_recorded_test_keeps_its_phases_summed_and_short_ones_are_dropped() -> None:
    recorder = DurationRecorder({})
    phases: list[tuple[str, Literal["setup", "call", "teardown"], float]] = [
        ("a", "setup", 0.2),
        ("a", "call", 0.9),
        ("a", "teardown", 0.1),
        ("b", "call", 0.3),
    ]
    for nodeid, when, seconds in phases:
        report = pytest.TestReport(
            nodeid, ("x.py", 1, nodeid), {}, "passed", None, when, duration=seconds
        )
        recorder.pytest_runtest_logreport(report)
    assert recorder.merge_into({"b": 7.0, "c": 2.0}) == {"a": 1.2, "c": 2.0}
