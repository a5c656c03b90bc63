"""One id per user action: a client key fixes the request id; the relay keeps the outcome."""

from __future__ import annotations

from pathlib import Path

import pytest

from server.db import open_database
from server.outcomes import ClientOutcomes, KeyReused
from shared.mcp.keys import fingerprint, request_id_for


def test_a_client_key_fixes_the_request_id_per_tool_and_no_key_gets_a_fresh_one() -> None:
    assert request_id_for("send_message", "key-00001") == request_id_for(
        "send_message", "key-00001"
    )
    assert request_id_for("send_message", "key-00001") != request_id_for("send_keys", "key-00001")
    assert request_id_for("send_message", None) != request_id_for("send_message", None)


def test_the_first_outcome_is_kept_across_a_restart_and_a_reuse_is_refused(
    tmp_path: Path,
) -> None:
    db = open_database(tmp_path)
    keys = ClientOutcomes(db, clock=lambda: 100.0)
    args = fingerprint({"session_id": "s", "text": "hi"})
    assert keys.claim("key-00001", "send_message", args, "ck-1") is None
    db.close()
    # The relay died before the outcome came back: a repeat still finds the claim.
    db = open_database(tmp_path)
    keys = ClientOutcomes(db, clock=lambda: 101.0)
    assert keys.claim("key-00001", "send_message", args, "ck-1") is None
    keys.settle("key-00001", '{"bytes_written": 2}')
    keys.settle("key-00001", '{"bytes_written": 99}')  # the first outcome stays
    assert keys.claim("key-00001", "send_message", args, "ck-1") == '{"bytes_written": 2}'
    other = fingerprint({"session_id": "s", "text": "rm -rf"})
    with pytest.raises(KeyReused, match="already used"):
        keys.claim("key-00001", "send_message", other, "ck-1")
    db.close()


def test_keys_are_forgotten_after_a_day(tmp_path: Path) -> None:
    db = open_database(tmp_path)
    now = [0.0]
    keys = ClientOutcomes(db, clock=lambda: now[0])
    keys.claim("key-00001", "send_keys", "f", "ck-1")
    keys.settle("key-00001", "{}")
    now[0] = 24 * 3600.0 + 1
    assert keys.claim("key-00001", "send_keys", "other", "ck-1") is None  # a new claim
    db.close()
