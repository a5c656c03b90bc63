"""The wire is pinned: every frame's JSON is compared with tests/golden/frames.json.

A deliberate wire change regenerates the file with TETHER_UPDATE_GOLDEN=1 and is
reviewed like any other diff; an accidental one fails here.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from pydantic import BaseModel

from shared import protocol as p
from shared.commands.examples import INFO as _INFO, PROMPT as _PROMPT
from shared.frames import COMMANDS, UP_REQUESTS

GOLDEN = Path(__file__).parent / "golden" / "frames.json"

EXAMPLES: list[BaseModel] = [
    p.Welcome(resume=[p.OutputPosition(session_id="s3cr3t-session-id", offset=4096)]),
    p.AckOutput(session_id="s3cr3t-session-id", offset=4096),
    p.ResendOutput(session_id="s3cr3t-session-id", offset=1024),
    p.HeartbeatAcked(sent_at=1700000000.5),
    p.LookupRequest(request_id="r-3"),
    p.Ping(sent_at=1700000000.25),
    p.Challenge(
        nonce="3q2+7wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhs=",
        relay_origin="https://relay.example.com",
        relay_public_key="GBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBgYGBg=",
        relay_signatures=["cmVs" * 22],
    ),
    p.ChallengeAnswered(signature="c2ln" * 22),
    p.Hello(
        protocol_version=p.PROTOCOL_VERSION,
        host="studio",
        public_key="MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqo=",
        pair_code="K7QD-M2XP",
        relay_nonce="AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        supervisor_version="0.1.0",
        sessions=[_INFO],
    ),
    p.RequestFailed(
        request_id="r-2",
        error=p.ErrorInfo(
            code=p.ErrorCode.POLICY_REFUSED,
            message="cwd is outside the allowed roots",
            hint="add it to roots in policy.toml",
        ),
    ),
    p.Output(session_id="s3cr3t-session-id", offset=1024, data="aGVsbG8="),
    p.SessionExited(session=_INFO),
    p.SessionChanged(session=_INFO, prompt_id=_PROMPT.prompt_id),
    p.PromptDetected(prompt=_PROMPT),
    p.Pong(sent_at=1700000000.25),
    p.OutputDropped(session_id="s3cr3t-session-id", start=1024, end=8192),
    p.Heartbeat(sent_at=1700000000.5),
    p.RequestLookedUp(
        request_id="r-3",
        state=p.LookupState.DONE,
        reply=p.InputSent(request_id="r-3", session_id="s3cr3t-session-id", bytes_written=14),
    ),
]


# Every registered command's own examples (its frame and reply), from the registry.
EXAMPLES += [example for spec in COMMANDS.values() for example in spec.examples]
EXAMPLES += [example for spec in UP_REQUESTS.values() for example in spec.examples]


def _frame_types(union: object) -> set[str]:
    return set(p.COMMAND_TYPES if union is p.Command else p.REPORT_TYPES)


def _encoded() -> dict[str, object]:
    return {f.type: json.loads(p.encode(f)) for f in EXAMPLES}  # type: ignore[attr-defined]


def test_every_frame_type_has_a_pinned_example() -> None:
    pinned = {f.type for f in EXAMPLES}  # type: ignore[attr-defined]
    assert pinned == _frame_types(p.Command) | _frame_types(p.Report)


def test_every_frame_encodes_exactly_as_pinned() -> None:
    if os.environ.get("TETHER_UPDATE_GOLDEN"):
        GOLDEN.write_text(
            json.dumps(_encoded(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        )
    assert _encoded() == json.loads(GOLDEN.read_text())


@pytest.mark.parametrize("frame", EXAMPLES, ids=lambda f: f.type)
def test_every_frame_decodes_back_to_itself_in_its_direction(frame: BaseModel) -> None:
    text = p.encode(frame)
    decode = p.decode_command if frame.type in _frame_types(p.Command) else p.decode_report  # type: ignore[attr-defined]
    assert decode(text) == frame


def test_an_unknown_frame_type_decodes_to_unknown_frame_instead_of_failing() -> None:
    frame = p.decode_report('{"type": "telepathy_started", "x": 1}')
    assert isinstance(frame, p.UnknownFrame) and frame.type == "telepathy_started"


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        "[]",
        '{"no_type": 1}',
        '{"type": 5}',
        '{"type": "send_input", "request_id": "r", "session_id": "../../etc", "text": "x"}',
        '{"type": "send_keys", "request_id": "r", "session_id": "abcdefgh1",'
        ' "keys": ["enter"], "repeat": 10000}',
        '{"type": "list_sessions", "request_id": "r", "surprise": true}',
    ],
)
def test_malformed_frames_raise_frame_error(text: str) -> None:
    with pytest.raises(p.FrameError):
        p.decode_command(text)


def test_an_output_dropped_range_must_not_be_empty_or_reversed() -> None:
    frame = '{"type": "output_dropped", "session_id": "s3cr3t-session-id", "start": 9, "end": 9}'
    with pytest.raises(p.FrameError, match="start < end"):
        p.decode_report(frame)


def test_a_looked_up_request_carries_its_reply_typed() -> None:
    frame = p.decode_report(
        '{"type": "request_looked_up", "request_id": "r-1", "state": "done",'
        ' "reply": {"type": "sessions_listed", "request_id": "r-1", "sessions": []}}'
    )
    assert isinstance(frame, p.RequestLookedUp) and isinstance(frame.reply, p.SessionsListed)


def test_an_oversized_frame_is_refused_before_parsing() -> None:
    with pytest.raises(p.FrameError, match="exceeds"):
        p.decode_report("x" * (p.MAX_FRAME_BYTES + 1))
