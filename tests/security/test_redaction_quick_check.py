"""The stream redactor's quick check changes nothing: it gives what the full check gives.

``StreamRedactor`` decides most writes at memory speed (``_clean``) and runs the
full check only when a write may hold, continue or draw a secret. The property:
for the redaction property test's renderings of every secret kind, and for
random mixes of text, secret fragments, colour codes (finished or not),
cursor moves and line breaks split into writes at random times, the quick
redactor releases the same bytes at the same moments as one that always runs
the full check.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from supervisor.stream_redact import HOLD_SECONDS, StreamRedactor
from tests.security.redaction_support import (
    COLS,
    ENV_VALUE,
    POLICY_VALUE,
    SECRETS,
    redactor,
    renderings,
)

FRAGMENTS = [
    "build ok ",
    "PASSED ",
    "42ms",
    "test_session.py ",
    "clearer nearer ",
    "\r\n",
    "\r",
    "\n",
    "\t",
    "\x08",
    "\x1b[31m",
    "\x1b[1;32m",
    "\x1b[0m",
    "\x1b[",
    "\x1b[3",
    "\x1b",
    "\x1b7",
    "\x1b8",
    "\x1b[2;5H",
    "\x1b[K",
    "\x1b]8;;x\x07",
    "Bearer ",
    "bEaReR ",
    "é",
    "0123",
    *(printed[:cut] for printed, _ in SECRETS.values() for cut in (1, 3, 8)),
    *(printed for printed, _ in SECRETS.values()),
    ENV_VALUE[:5],
    POLICY_VALUE[:9],
]


@st.composite
def mixes(draw: st.DrawFn) -> list[bytes]:
    """Writes of ordinary output mixed with secret fragments and escape codes."""
    text = "".join(draw(st.lists(st.sampled_from(FRAGMENTS), max_size=40))).encode()
    if not text:
        return []
    splits = sorted(set(draw(st.lists(st.integers(1, max(1, len(text) - 1)), max_size=8))))
    return [text[a:b] for a, b in zip([0, *splits], [*splits, len(text)], strict=True) if a < b]


def run(writes: list[bytes], gaps: list[float], quick: bool) -> list[bytes]:
    """What the redactor releases at each step, timers fired as a session fires them."""
    scrub = StreamRedactor(redactor(), COLS, quick=quick)
    now, out = 100.0, []
    for data, gap in zip(writes, gaps, strict=False):
        due = scrub.due()
        if due is not None and due <= now + gap:
            out.append(scrub.release(due))
        now += gap
        out.append(scrub.feed(data, now))
    out.append(scrub.close())
    return out


GAPS = st.lists(st.sampled_from([0.0, 0.001, 0.03, HOLD_SECONDS, 2.0]), min_size=50, max_size=50)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(renderings(), GAPS)
def test_the_quick_check_releases_what_the_full_check_releases_for_every_rendered_secret(
    case: tuple[str, list[bytes]], gaps: list[float]
) -> None:
    _kind, writes = case
    assert run(writes, gaps, quick=True) == run(writes, gaps, quick=False)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mixes(), GAPS)
def test_the_quick_check_releases_what_the_full_check_releases_for_mixed_output(
    writes: list[bytes], gaps: list[float]
) -> None:
    assert run(writes, gaps, quick=True) == run(writes, gaps, quick=False)


def test_coloured_output_without_secrets_is_released_at_once_by_the_quick_check() -> None:
    scrub = StreamRedactor(redactor(), COLS)
    text = b"\x1b[32mbuild\x1b[0m ok 42ms PASSED\r\n" * 100
    assert scrub._clean(text) == len(text)
    assert scrub.feed(text, 1.0) == text


def test_the_quick_check_defers_to_the_full_check_when_a_secret_may_be_there() -> None:
    scrub = StreamRedactor(redactor(), COLS)
    for maybe in (b"s\x1b[31mk-", b"BEARER x", b"ok \x1b[2J", b"a\rb", ENV_VALUE[:3].encode()):
        assert scrub._clean(b"text " + maybe) is None, maybe
