"""Rules of the test suite itself that a reviewer would otherwise have to remember.

A test waits on events (``tests.support.eventually``, an awaited future, a line read
with a bound), never on the clock: a sleep that synchronises passes on a quiet machine
and fails on a busy one. A deliberate pacing sleep (a soak's schedule, a retry's
back-off, a fake program's think time) says so on its line with ``# noqa: sleep-ok``.

What several test modules share lives in a support module (``tests/*_support.py``),
never in a test module another one imports: a test module is read as the behaviour it
states, and importing it drags its fixtures and its tests' dependencies along.
"""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent
# The suite's own code: test modules and their support modules, not the programs that
# the prompt corpus and the transcripts run (their sleeps are what they exhibit).
SUITE = sorted(
    p
    for p in [*TESTS.glob("*.py"), *TESTS.glob("security/*.py"), *TESTS.glob("agents/*.py")]
    if p.name != "__init__.py"
)
MARK = "sleep-ok"


def _unmarked_sleeps(path: Path) -> list[str]:
    source = path.read_text()
    lines = source.splitlines()
    found = []
    for node in ast.walk(ast.parse(source, str(path))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name != "sleep":
            continue
        end = node.end_lineno or node.lineno
        if not any(MARK in lines[n - 1] for n in range(node.lineno, end + 1)):
            found.append(f"{path.name}:{node.lineno}: {lines[node.lineno - 1].strip()}")
    return found


def _test_module_imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        else:
            continue
        if any(name.rpartition(".")[2].startswith("test_") for name in names):
            found.append(f"{path.name}:{node.lineno}")
    return found


def test_the_rule_finds_an_unmarked_sleep_and_accepts_a_marked_one(tmp_path: Path) -> None:
    sample = tmp_path / "test_sample.py"
    sample.write_text(
        "import asyncio, time\n"
        "async def f():\n"
        "    await asyncio.sleep(0.5)\n"  # noqa: sleep-ok - a sample's text, never run
        "    time.sleep(\n        1\n    )  # noqa: sleep-ok - pacing\n"
    )
    flagged = "test_sample.py:3: await asyncio.sleep(0.5)"  # noqa: sleep-ok - text, as above
    assert _unmarked_sleeps(sample) == [flagged]


def test_every_sleep_in_the_suite_is_a_marked_pacing_sleep() -> None:
    assert len(SUITE) > 50  # the glob found the suite
    unmarked = [place for path in SUITE for place in _unmarked_sleeps(path)]
    assert not unmarked, (
        "These sleeps are not marked as pacing; wait on an event instead (tests.support."
        "eventually, a future, a bounded read), or mark a deliberate pacing sleep with "
        f"'# noqa: sleep-ok - why': {unmarked}"
    )


def test_the_import_rule_finds_a_test_module_imported_by_another(tmp_path: Path) -> None:
    sample = tmp_path / "test_sample.py"
    sample.write_text(
        "from tests.support import scaled\nfrom tests.test_hub import SID\n"
        "from tests import test_relay\nimport tests.relay_support\n"
    )
    assert _test_module_imports(sample) == ["test_sample.py:2", "test_sample.py:3"]


def test_no_test_module_imports_another() -> None:
    imported = [place for path in SUITE for place in _test_module_imports(path)]
    assert not imported, (
        "These import a test module; move what they share into a tests/*_support.py "
        f"module: {imported}"
    )
