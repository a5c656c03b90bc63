"""A session's whole process tree: found through /proc, ended, and reaped by the subreaper."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from supervisor import descendants as d
from tests.support import scaled

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux /proc")

IDLE = "import time\nwhile True:\n    time.sleep(1)\n"  # noqa: sleep-ok - a child program idles
# Starts a grandchild in its own session, prints its pid, then idles.
PARENT = (
    "import subprocess, sys, time\n"
    f"c = subprocess.Popen([sys.executable, '-c', {IDLE!r}], start_new_session=True)\n"
    "print(c.pid, flush=True)\n" + IDLE
)


def alive(pid: int) -> bool:
    stat = d._stat(pid)
    return stat is not None and stat[2] not in ("Z", "X")


# Unique per run and test: tests running at the same time in other workers mark their
# own trees, and one test must neither find nor end another's processes.
SESSION = f"sess-tree-test-{os.getpid()}"


@pytest.fixture
def tree() -> Iterator[tuple[subprocess.Popen[str], int]]:
    env = dict(os.environ, TETHER_SESSION_ID=SESSION)
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True, env=env
    )
    assert parent.stdout is not None
    grandchild = int(parent.stdout.readline())
    yield parent, grandchild
    for pid in (parent.pid, grandchild):
        if alive(pid):
            os.kill(pid, signal.SIGKILL)
    parent.wait(scaled(10))


def test_the_tree_of_a_pid_includes_a_descendant_in_a_session_of_its_own(
    tree: tuple[subprocess.Popen[str], int],
) -> None:
    parent, grandchild = tree
    found = d.descendants(parent.pid)
    assert grandchild in found and found[grandchild] == d._stat(grandchild)[1]  # type: ignore[index]
    assert os.getsid(grandchild) != os.getsid(parent.pid)


def test_processes_are_found_by_the_session_their_environment_names(
    tree: tuple[subprocess.Popen[str], int],
) -> None:
    parent, grandchild = tree
    assert set(d.marked([SESSION])) == {parent.pid, grandchild}
    assert d.marked(["sess-someone-else"]) == {} and d.marked([]) == {}


def test_a_recorded_start_time_that_no_longer_matches_is_never_signalled(
    tree: tuple[subprocess.Popen[str], int],
) -> None:
    _, grandchild = tree
    assert d.kill_all({grandchild: "not-its-start-time"}) == []
    assert alive(grandchild)


def test_ending_a_session_tree_kills_the_descendants_that_left_the_group(
    tree: tuple[subprocess.Popen[str], int],
) -> None:
    parent, grandchild = tree
    hit = d.end_session_tree(SESSION, parent.pid)
    assert set(hit) == {parent.pid, grandchild}
    parent.wait(scaled(10))


# Becomes a subreaper, starts PARENT, kills it: the grandchild is reparented to this
# process; then kills the grandchild and reaps it as an adopted child.
SUBREAPER = f"""
import os, signal, subprocess, sys, time
from supervisor import descendants as d
assert d.become_subreaper() and d.is_subreaper()
parent = subprocess.Popen([sys.executable, '-c', {PARENT!r}], stdout=subprocess.PIPE, text=True)
grandchild = int(parent.stdout.readline())
parent.kill(); parent.wait()
assert grandchild in d.children(os.getpid()), "the orphan came back to the subreaper"
os.kill(grandchild, signal.SIGKILL)
while d._stat(grandchild)[2] != "Z":
    time.sleep(0.01)  # noqa: sleep-ok - polls the kernel inside a throwaway child
assert d.reap_adopted(known=[]) == [grandchild]
assert d._stat(grandchild) is None
print("OK")
"""


def test_a_subreaper_gets_the_orphans_of_its_descendants_and_reaps_them() -> None:
    repo = Path(__file__).resolve().parents[1]
    out = subprocess.run(
        [sys.executable, "-c", SUBREAPER],
        capture_output=True,
        text=True,
        timeout=scaled(30),
        env=dict(os.environ, PYTHONPATH=str(repo)),
        check=False,
    )
    assert out.stdout.strip() == "OK", out.stderr


def test_without_the_subreaper_role_unknown_children_are_left_to_their_owners() -> None:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait(scaled(10))  # reaped by its owner: reap_adopted must not have taken it
    assert not d.is_subreaper() and d.reap_adopted(known=[]) == []
