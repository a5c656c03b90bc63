"""Class 11: the relay's data directory and every file in it are the owner's alone."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from server.app import build_app
from server.config import ConfigError, RelayConfig, load_config, parse_args
from tests.oauth_support import PASSWORD

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The common default umask, under which files come out 0644 unless made private."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_data_dir_others_can_read_is_refused_at_start_with_the_fix(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    data.chmod(0o755)
    with pytest.raises(ConfigError, match=r"mode 0755.*chmod 700"):
        load_config(parse_args(["--data-dir", str(data)]), env={})


def test_a_file_in_the_data_dir_others_can_read_is_refused_at_start(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    (data / "sessions.sqlite3").write_bytes(b"")
    (data / "sessions.sqlite3").chmod(0o644)
    with pytest.raises(ConfigError, match=r"sessions.sqlite3 has mode 0644.*chmod 600"):
        load_config(parse_args(["--data-dir", str(data)]), env={})


def test_every_file_a_new_relay_creates_is_owner_only(tmp_path: Path, open_umask: None) -> None:
    data = tmp_path / "fresh"
    config = load_config(parse_args(["--data-dir", str(data)]), env={})
    assert _mode(data) == 0o700
    app = build_app(RelayConfig(data_dir=config.data_dir, owner_password=PASSWORD))
    try:
        files = sorted(data.iterdir())
        names = {f.name for f in files}
        assert "relay.sqlite3" in names and "sessions.sqlite3" not in names  # one database
        assert {f.name: _mode(f) for f in files} == {f.name: 0o600 for f in files}
    finally:
        app.state.hub.store.close()
    load_config(parse_args(["--data-dir", str(data)]), env={})  # and it starts again


def test_the_image_makes_its_data_volume_owner_only() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "chmod 700 /data" in dockerfile
