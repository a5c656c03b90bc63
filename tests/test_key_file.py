"""The relay's own key files (relay.key, vapid.key): made once, private, never a link."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from server.notify.webpush import VAPID_FILE, load_or_create_vapid
from server.relay_key import KEY_FILE, load_or_create

KEYS: list[tuple[str, Callable[[Path], object]]] = [
    (KEY_FILE, load_or_create),
    (VAPID_FILE, load_or_create_vapid),
]


@pytest.mark.parametrize(("name", "load"), KEYS)
def test_a_key_is_made_once_readable_only_by_its_owner_and_kept(
    tmp_path: Path, name: str, load: Callable[[Path], object]
) -> None:
    first = load(tmp_path)
    path = tmp_path / name
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = load(tmp_path)
    assert repr(again) == repr(first)  # the same public key: the file was read, not replaced


@pytest.mark.parametrize(("name", "load"), KEYS)
def test_a_key_others_can_read_is_refused_with_the_chmod_to_run(
    tmp_path: Path, name: str, load: Callable[[Path], object]
) -> None:
    load(tmp_path)
    path = tmp_path / name
    path.chmod(0o640)
    with pytest.raises(Exception, match=f"run `chmod 600 {path}`"):
        load(tmp_path)


@pytest.mark.parametrize(("name", "load"), KEYS)
def test_a_key_file_that_is_a_symlink_is_refused_and_its_target_left_alone(
    tmp_path: Path, name: str, load: Callable[[Path], object]
) -> None:
    target = tmp_path / "elsewhere"
    target.write_bytes(b"not yours")
    target.chmod(0o600)
    os.symlink(target, tmp_path / name)
    with pytest.raises(Exception, match="must be a regular file"):
        load(tmp_path)
    assert target.read_bytes() == b"not yours"


@pytest.mark.parametrize(("name", "load"), KEYS)
def test_a_key_file_holding_no_key_says_what_to_do(
    tmp_path: Path, name: str, load: Callable[[Path], object]
) -> None:
    path = tmp_path / name
    path.write_bytes(b"-----BEGIN NOTHING-----\n")
    path.chmod(0o600)
    with pytest.raises(Exception, match="(start the relay again|pair again)") as caught:
        load(tmp_path)
    assert str(path) in str(caught.value)
