"""The golden corpus: every transcript rendered through the real terminal model, then detected.

Each ``tests/transcripts/<id>.ans`` holds the bytes a program wrote to its PTY
and ``<id>.toml`` the expectation (a prompt with kind, question substring and
option labels, or none). Regenerate with ``python -m tests.transcripts.corpus``.
Run with ``-s`` to see the precision/recall summary.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, strategies as st

from shared.protocol import ErrorCode, PromptKind
from supervisor.prompts import PromptError, PromptTracker
from supervisor.prompts.detect import Detection, Signals, detect
from supervisor.prompts.tracker import default_rules
from supervisor.screen import TerminalModel
from tests.transcripts.ansi import decode_ans, encode_ans

CORPUS = Path(__file__).parent / "transcripts"
CASES = sorted(p.stem for p in CORPUS.glob("*.ans"))


@dataclass
class Outcome:
    case: str
    expected: bool
    found: Detection | None


OUTCOMES: list[Outcome] = []


def load(case: str) -> tuple[bytes, dict[str, Any]]:
    data = decode_ans((CORPUS / f"{case}.ans").read_text(encoding="utf-8"))
    meta = tomllib.loads((CORPUS / f"{case}.toml").read_text(encoding="utf-8"))
    return data, meta


def run(case: str) -> tuple[Detection | None, dict[str, Any]]:
    data, meta = load(case)
    model = TerminalModel(cols=meta["cols"], rows=meta["rows"])
    for start in range(0, len(data), 4095):  # a Linux pty read returns at most 4095 bytes
        model.feed(data[start : start + 4095])
    found = detect(
        model.snapshot(),
        default_rules(),
        family=meta["family"],
        quiet_for=meta["quiet_for"],
        signals=Signals(echo_off=meta["echo_off"], blocked_on_read=meta["blocked_on_read"]),
    )
    return found, meta


@given(st.binary(max_size=300))
def test_the_transcript_text_format_round_trips_any_bytes(data: bytes) -> None:
    assert decode_ans(encode_ans(data)) == data


def test_every_transcript_file_is_what_the_corpus_code_writes() -> None:
    """The .ans/.toml files are generated: a hand edit must go through corpus.py."""
    from tests.transcripts import corpus

    assert {c.id for c in corpus.CASES} == set(CASES)
    for c in corpus.CASES:
        assert decode_ans((CORPUS / f"{c.id}.ans").read_text(encoding="utf-8")) == c.data.encode()


def test_the_corpus_has_at_least_forty_transcripts_and_a_third_negatives() -> None:
    metas = [load(case)[1] for case in CASES]
    negatives = sum(1 for m in metas if not m["expect"]["prompt"])
    assert len(metas) >= 40
    assert negatives * 3 >= len(metas)


@pytest.mark.parametrize("case", CASES)
def test_each_transcript_yields_exactly_the_expected_prompt(case: str) -> None:
    found, meta = run(case)
    want = meta["expect"]
    OUTCOMES.append(Outcome(case, want["prompt"], found))
    if not want["prompt"]:
        assert found is None, f"{case}: false positive {found}"
        return
    assert found is not None, f"{case}: prompt not detected"
    assert found.kind.value == want["kind"], found
    assert want["question"] in found.question, found.question
    if "options" in want:
        assert [o.label for o in found.options] == want["options"]
    if "selected" in want:
        assert found.selected_index == want["selected"] - 1, found.options
    if "rule" in want:
        assert found.rule == want["rule"]


@pytest.mark.parametrize("case", [c for c in CASES if not c.startswith("neg-")])
def test_each_detected_prompt_can_be_answered_through_the_tracker(case: str) -> None:
    data, meta = load(case)
    model = TerminalModel(cols=meta["cols"], rows=meta["rows"])
    model.feed(data)
    snap = model.snapshot()
    signals = Signals(echo_off=meta["echo_off"], blocked_on_read=meta["blocked_on_read"])
    tracker = PromptTracker("sess_corpus", meta["family"])
    prompt = tracker.observe(snap, now=0.0, quiet_for=meta["quiet_for"], signals=signals)
    assert prompt is not None
    if prompt.kind is PromptKind.SECRET:
        with pytest.raises(PromptError) as refused:
            tracker.plan_answer(prompt.prompt_id, "hunter2", snap)
        assert refused.value.code is ErrorCode.PROMPT_SECRET
        return
    answer = prompt.options[-1].label if prompt.options else "some text"
    writes = tracker.plan_answer(prompt.prompt_id, answer, snap)
    assert writes and all(isinstance(w, bytes) and w for w in writes)
    assert not tracker.is_gone(prompt.prompt_id, snap)


def test_zz_print_precision_and_recall(capsys: pytest.CaptureFixture[str]) -> None:
    """Summary over the cases run above (named zz so it runs last within this file)."""
    if not OUTCOMES:
        pytest.skip("the corpus cases were not run in this session")
    tp = sum(1 for o in OUTCOMES if o.expected and o.found is not None)
    fp = sum(1 for o in OUTCOMES if not o.expected and o.found is not None)
    fn = sum(1 for o in OUTCOMES if o.expected and o.found is None)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    with capsys.disabled():
        print(
            f"\nprompt corpus: {len(OUTCOMES)} transcripts, precision {precision:.3f}, "
            f"recall {recall:.3f} (tp={tp} fp={fp} fn={fn})"
        )
    assert fp == 0 and fn == 0
