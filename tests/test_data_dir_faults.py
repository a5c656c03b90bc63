"""A relay data directory that is full or read-only: clear words, never a traceback or a lie.

Real file systems in a private mount namespace (``unshare -m``, as root): a tiny
tmpfs for a full disk, a read-only bind mount for a read-only directory. Skipped
where mount namespaces are not available.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from server.config import PASSWORD_ENV
from tests.oauth_support import PASSWORD
from tests.support import scaled

REPO = Path(__file__).resolve().parents[1]


def _can_unshare() -> bool:
    if not sys.platform.startswith("linux") or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True, timeout=30, check=False)
    return probe.returncode == 0


pytestmark = pytest.mark.skipif(not _can_unshare(), reason="needs mount namespaces (root)")


def in_namespace(setup: str, *argv: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m server argv`` after ``setup`` (mount commands) in a new mount namespace.

    ``timeout 20``: a relay that unexpectedly starts is stopped (exit 124).
    """
    command = " ".join([sys.executable, "-m", "server", *argv])
    env = dict(os.environ, PYTHONPATH=str(REPO), **{PASSWORD_ENV: PASSWORD})
    return subprocess.run(
        ["unshare", "-m", "sh", "-c", f"{setup} && exec timeout 20 {command}"],
        capture_output=True,
        text=True,
        env=env,
        timeout=scaled(60),
        check=False,
    )


def test_a_relay_on_a_full_disk_stops_at_start_saying_the_disk_is_full(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    done = in_namespace(
        f"mount -t tmpfs -o size=48k tmpfs {disk}", "--data-dir", f"{disk}/data", "--port", "0"
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert "full" in done.stderr and "free some space" in done.stderr


@pytest.fixture
def read_only_data(tmp_path: Path) -> Path:
    """A data directory with a paired-nothing database, to be mounted read-only."""
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    made = subprocess.run(
        [sys.executable, "-m", "server", "pair-code", "--data-dir", str(data)],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
        timeout=scaled(60),
        check=False,
    )
    assert made.returncode == 0, made.stderr
    return data


def read_only(data: Path) -> str:
    return f"mount --bind {data} {data} && mount -o remount,bind,ro {data}"


def test_admin_listings_work_on_a_read_only_data_dir(read_only_data: Path) -> None:
    data = read_only_data
    listed = in_namespace(read_only(data), "supervisors", "--data-dir", str(data))
    assert listed.returncode == 0, listed.stderr
    assert "no supervisor is paired yet" in listed.stdout
    audit = in_namespace(read_only(data), "audit", "--verify", "--data-dir", str(data))
    assert audit.returncode == 0, audit.stderr
    assert "audit chain verified" in audit.stdout


def test_a_write_on_a_read_only_data_dir_says_read_only_and_that_the_database_is_fine(
    read_only_data: Path,
) -> None:
    data = read_only_data
    refused = in_namespace(read_only(data), "pair-code", "--data-dir", str(data))
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "read-only" in refused.stderr and "database itself is fine" in refused.stderr
    assert "not usable" not in refused.stderr
    relay = in_namespace(read_only(data), "--data-dir", str(data), "--port", "0")
    assert relay.returncode == 2 and "Traceback" not in relay.stderr
    assert "not writable" in relay.stderr or "read-only" in relay.stderr
