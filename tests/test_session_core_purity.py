"""The session's and the output stream's cores stay pure: no event loop, no clock, no I/O.

Each is imported in a fresh interpreter and ``sys.modules`` read, and its import
statements are read, so a later edit that reaches for asyncio, the time module
or the PTY fails here rather than in a slow test.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORES = ("supervisor.session_core", "supervisor.outbox", "supervisor.hook_events")
IO = ("asyncio", "ptyprocess", "websockets", "sqlite3")
CLOCKS = ("time", "datetime")


@pytest.mark.parametrize("module", CORES)
def test_importing_a_core_loads_no_event_loop_and_no_io_library(module: str) -> None:
    probe = f"import json, sys, {module}\nprint(json.dumps(sorted(sys.modules)))\n"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    loaded = set(json.loads(done.stdout))
    assert not loaded & set(IO), f"{module} loads {sorted(loaded & set(IO))}"


@pytest.mark.parametrize("module", CORES)
def test_a_core_reads_no_clock_time_is_passed_in(module: str) -> None:
    path = ROOT / (module.replace(".", "/") + ".py")
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name.split(".")[0] for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module.split(".")[0]]
        else:
            continue
        assert not set(names) & set(CLOCKS), f"{module} imports a clock: line {node.lineno}"
