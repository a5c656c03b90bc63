"""The supervisor's key pair on disk, and the shared signing/verifying rules."""

from __future__ import annotations

import base64
import os
import stat
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from shared.identity import (
    AUTH_DOMAIN,
    NONCE_BYTES,
    IdentityFormatError,
    challenge_message,
    fingerprint,
    relay_origin,
    short_fingerprint,
    verify,
)
from supervisor.identity import KEY_FILE, IdentityError, identity_path, load, load_or_create

NONCE = bytes(range(NONCE_BYTES))
NONCE_B64 = base64.b64encode(NONCE).decode()
RELAY_A = "wss://relay-a.example/supervisor"
RELAY_B = "wss://relay-b.example/supervisor"


# ---------------------------------------------------------------- the key file


def test_the_key_is_created_0600_in_a_0700_directory_under_tether_home(tmp_path: Path) -> None:
    path = identity_path({"TETHER_HOME": str(tmp_path / "home")})
    assert path == tmp_path / "home" / KEY_FILE
    identity = load_or_create(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert b"PRIVATE KEY" in path.read_bytes()
    assert [p.name for p in path.parent.iterdir()] == [KEY_FILE]  # no temp file left behind
    assert identity.path == path


def test_the_same_key_is_loaded_on_every_start(tmp_path: Path) -> None:
    path = tmp_path / "home" / KEY_FILE
    first = load_or_create(path)
    second = load_or_create(path)
    assert first.public_key == second.public_key
    assert first.fingerprint == second.fingerprint


@pytest.mark.parametrize("mode", [0o640, 0o604, 0o660, 0o644])
def test_a_key_file_other_users_can_read_is_refused_with_the_chmod_to_run(
    tmp_path: Path, mode: int
) -> None:
    path = tmp_path / "home" / KEY_FILE
    load_or_create(path)
    path.chmod(mode)
    with pytest.raises(IdentityError) as caught:
        load_or_create(path)
    assert f"chmod 600 {path}" in caught.value.hint
    assert "other users" in caught.value.message
    path.chmod(0o600)
    load_or_create(path)  # fixed as told: accepted


def test_a_symlinked_key_file_is_refused(tmp_path: Path) -> None:
    real = tmp_path / "elsewhere.key"
    load_or_create(real)
    link = tmp_path / "home" / KEY_FILE
    link.parent.mkdir(mode=0o700)
    link.symlink_to(real)
    with pytest.raises(IdentityError, match="symlink"):
        load_or_create(link)


def test_a_key_directory_any_user_can_write_is_refused(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    home.chmod(0o777)
    with pytest.raises(IdentityError) as caught:
        load_or_create(home / KEY_FILE)
    assert f"chmod 700 {home}" in caught.value.hint
    assert not (home / KEY_FILE).exists()


def test_a_corrupt_key_file_is_refused_with_how_to_replace_it(tmp_path: Path) -> None:
    path = tmp_path / KEY_FILE
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    os.write(fd, b"-----BEGIN PRIVATE KEY-----\ngarbage\n-----END PRIVATE KEY-----\n")
    os.close(fd)
    with pytest.raises(IdentityError) as caught:
        load(path)
    assert "pair-code" in caught.value.hint and "move" in caught.value.hint


def test_a_missing_key_file_is_reported_by_load(tmp_path: Path) -> None:
    with pytest.raises(IdentityError, match="(?i)no identity key"):
        load(tmp_path / KEY_FILE)


def test_the_identity_never_shows_its_private_key(tmp_path: Path) -> None:
    identity = load_or_create(tmp_path / KEY_FILE)
    assert "PRIVATE" not in repr(identity)
    assert identity.short_fingerprint in repr(identity)


# ---------------------------------------------------------------- sign and verify


def test_a_signed_challenge_verifies_with_the_public_key(tmp_path: Path) -> None:
    identity = load_or_create(tmp_path / KEY_FILE)
    signature = identity.answer_challenge(RELAY_A, "studio", NONCE_B64)
    message = challenge_message("https://relay-a.example", "studio", NONCE)
    assert message.startswith(AUTH_DOMAIN)
    assert verify(identity.public_key, message, signature)


def test_a_signature_for_one_relay_does_not_verify_at_another(tmp_path: Path) -> None:
    identity = load_or_create(tmp_path / KEY_FILE)
    signature = identity.answer_challenge(RELAY_A, "studio", NONCE_B64)
    at_b = challenge_message(relay_origin(RELAY_B), "studio", NONCE)
    assert not verify(identity.public_key, at_b, signature)


def test_a_signature_for_one_nonce_or_host_does_not_verify_for_another(tmp_path: Path) -> None:
    identity = load_or_create(tmp_path / KEY_FILE)
    signature = identity.answer_challenge(RELAY_A, "studio", NONCE_B64)
    origin = relay_origin(RELAY_A)
    other_nonce = bytes(reversed(NONCE))
    assert not verify(
        identity.public_key, challenge_message(origin, "studio", other_nonce), signature
    )
    assert not verify(identity.public_key, challenge_message(origin, "laptop", NONCE), signature)


def test_a_signature_by_another_key_does_not_verify(tmp_path: Path) -> None:
    mine = load_or_create(tmp_path / "a" / KEY_FILE)
    theirs = load_or_create(tmp_path / "b" / KEY_FILE)
    signature = theirs.answer_challenge(RELAY_A, "studio", NONCE_B64)
    message = challenge_message(relay_origin(RELAY_A), "studio", NONCE)
    assert not verify(mine.public_key, message, signature)


def test_the_domain_prefix_is_part_of_what_is_signed(tmp_path: Path) -> None:
    identity = load_or_create(tmp_path / KEY_FILE)
    message = challenge_message(relay_origin(RELAY_A), "studio", NONCE)
    bare = identity.sign(message[len(AUTH_DOMAIN) :])
    assert not verify(identity.public_key, message, bare)


def test_the_relay_origin_is_the_same_for_the_ws_and_https_forms_of_one_relay() -> None:
    assert relay_origin("wss://Relay.Example:443/supervisor") == "https://relay.example"
    assert relay_origin("https://relay.example/mcp") == "https://relay.example"
    assert relay_origin("ws://127.0.0.1:8765/supervisor") == "http://127.0.0.1:8765"
    assert relay_origin("http://[::1]:8765") == "http://[::1]:8765"
    assert relay_origin("https://relay.example:8443") != relay_origin("https://relay.example")


@pytest.mark.parametrize(
    "url", ["", "relay.example", "ftp://relay.example", "https://", "wss://:80"]
)
def test_a_bad_relay_url_is_refused_with_the_schemes_to_use(url: str) -> None:
    with pytest.raises(IdentityFormatError, match="https://"):
        relay_origin(url)


def test_a_malformed_nonce_from_the_relay_is_refused_not_signed(tmp_path: Path) -> None:
    identity = load_or_create(tmp_path / KEY_FILE)
    for nonce in ("", "not base64!", base64.b64encode(b"short").decode()):
        with pytest.raises(IdentityError, match="challenge"):
            identity.answer_challenge(RELAY_A, "studio", nonce)


def test_fields_cannot_be_shifted_into_one_another() -> None:
    with pytest.raises(IdentityFormatError):
        challenge_message("https://a.example\nstudio", "x", NONCE)
    with pytest.raises(IdentityFormatError):
        challenge_message("https://a.example", "stu\ndio", NONCE)


def test_fingerprints_are_sha256_and_a_short_form_for_people(tmp_path: Path) -> None:
    identity = load_or_create(tmp_path / KEY_FILE)
    full = fingerprint(identity.public_key)
    assert full.startswith("sha256:") and len(full) == 7 + 64
    short = short_fingerprint(identity.public_key)
    assert short.replace("-", "") == full[7 : 7 + 16]
    assert len(short.split("-")) == 4


@given(key=st.text(max_size=200), message=st.binary(max_size=64), sig=st.text(max_size=200))
def test_verify_never_raises_on_garbage(key: str, message: bytes, sig: str) -> None:
    assert verify(key, message, sig) is False


def test_verify_never_raises_on_wrongly_typed_or_wrong_length_input(tmp_path: Path) -> None:
    identity = load_or_create(tmp_path / KEY_FILE)
    good = identity.sign(b"m")
    zero_key = base64.b64encode(bytes(32)).decode()
    cases: list[tuple[object, object, object]] = [
        (None, b"m", good),
        (identity.public_key, "m", good),
        (identity.public_key, b"m", None),
        (identity.public_key, b"m", good[:-4]),
        (identity.public_key, b"m", good + "AAAA"),
        (zero_key, b"m", good),
        (identity.public_key[:-4], b"m", good),
        ("A" * 10_000, b"m", good),
    ]
    for key, message, sig in cases:
        assert verify(key, message, sig) is False  # type: ignore[arg-type]
    assert verify(identity.public_key, b"m", good) is True
