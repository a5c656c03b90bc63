"""Watch mode's pure parts: the decisions (supervisor/watch.py) and the policy table.

No terminal and no timer: time is a number passed in. The Hypothesis test drives
the core with arbitrary event sequences and checks its invariants.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from server.session_index import stored_form
from shared.commands.examples import INFO
from shared.protocol import ErrorCode, Key, PromptKind, SessionState, WatchInfo
from supervisor.policy import PolicyFileError, PolicyRefused
from supervisor.watch import PromptSeen, Send, Stop, WaitUntil, WatchCore, interrupt_reason
from supervisor.watch_policy import DEFAULT_MESSAGE, WatchPolicy, parse_watch, plan_watch

IDLE, WORKING, WAITING, EXITED = (
    SessionState.IDLE,
    SessionState.WORKING,
    SessionState.WAITING_FOR_INPUT,
    SessionState.EXITED,
)


def finish_turn(core: WatchCore, now: float) -> object:
    core.input_sent()
    assert core.observe(WORKING, None, now) is None
    return core.observe(IDLE, None, now + 1)


def test_an_agent_idle_after_a_turn_is_continued_with_the_policy_text() -> None:
    core = WatchCore(max_turns=3, message="go on", delay=0)
    assert finish_turn(core, 0) == Send("go on", 1)
    assert core.info().turns_used == 1 and core.info().enabled


def test_an_agent_idle_before_any_turn_is_not_continued() -> None:
    core = WatchCore(max_turns=3, message="go on", delay=0)
    assert core.observe(SessionState.STARTING, None, 0) is None
    assert core.observe(WORKING, None, 1) is None  # drawing its banner
    assert core.observe(IDLE, None, 2) is None
    assert core.turns_used == 0


def test_the_continuation_waits_out_the_delay_and_a_new_turn_restarts_it() -> None:
    core = WatchCore(max_turns=3, message="go on", delay=5)
    assert finish_turn(core, 0) == WaitUntil(6)
    assert core.observe(IDLE, None, 5.9) == WaitUntil(6)
    core.input_sent()  # the person typed during the grace: their turn, not ours
    assert core.observe(WORKING, None, 7) is None
    assert core.observe(IDLE, None, 8) == WaitUntil(13)
    assert core.observe(IDLE, None, 13) == Send("go on", 1)


def test_after_max_turns_watch_stops_and_says_why() -> None:
    core = WatchCore(max_turns=2, message="go on", delay=0)
    assert finish_turn(core, 0) == Send("go on", 1)
    assert finish_turn(core, 10) == Send("go on", 2)
    stop = finish_turn(core, 20)
    assert isinstance(stop, Stop) and "all 2 automatic turns" in stop.reason
    info = core.info()
    assert (info.enabled, info.turns_used, info.max_turns) == (False, 2, 2)
    assert info.stopped_reason == stop.reason
    assert finish_turn(core, 30) is None  # stopped for good


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        (PromptKind.CONFIRM_DANGEROUS, "a dangerous confirmation"),
        (PromptKind.SECRET, "a secret"),
        (PromptKind.YES_NO, "an answer (yes_no)"),
        (PromptKind.CHOICE, "an answer (choice)"),
    ],
)
def test_a_waiting_prompt_stops_watch_and_is_left_for_the_person(
    kind: PromptKind, words: str
) -> None:
    core = WatchCore(max_turns=5, message="go on", delay=0)
    core.input_sent()
    stop = core.observe(WAITING, PromptSeen(kind, "Run rm -rf build?"), 1)
    assert isinstance(stop, Stop)
    assert words in stop.reason and "never answers prompts" in stop.reason
    assert "Run rm -rf build?" in stop.reason
    assert core.observe(IDLE, None, 2) is None and core.turns_used == 0


def test_an_exited_session_ends_watch() -> None:
    core = WatchCore(max_turns=5, message="go on", delay=0)
    stop = core.observe(EXITED, None, 1)
    assert isinstance(stop, Stop) and "exited" in stop.reason
    assert core.stop("another reason") is None and "exited" in core.stopped_reason


def test_an_interrupt_key_is_a_reason_to_stop_and_other_keys_are_not() -> None:
    assert interrupt_reason([Key.DOWN, Key.ENTER]) is None
    reason = interrupt_reason([Key.DOWN, Key.CTRL_C])
    assert reason is not None and reason.startswith("ctrl_c was pressed")


def test_a_core_refuses_nonsense_bounds() -> None:
    with pytest.raises(ValueError, match="max_turns"):
        WatchCore(max_turns=0, message="go on", delay=0)
    with pytest.raises(ValueError, match="message"):
        WatchCore(max_turns=1, message="  ", delay=0)


_STATES = st.sampled_from([SessionState.STARTING, WORKING, IDLE, WAITING, EXITED])
_PROMPTS = st.one_of(
    st.none(), st.builds(PromptSeen, st.sampled_from(list(PromptKind)), st.text(max_size=20))
)
_EVENTS = st.lists(
    st.one_of(
        st.just(("input",)),
        st.tuples(st.just("observe"), _STATES, _PROMPTS, st.floats(0, 20)),
    ),
    max_size=60,
)


@settings(max_examples=120, deadline=None)
@given(max_turns=st.integers(1, 4), delay=st.floats(0, 10), events=_EVENTS)
def test_watch_never_sends_into_a_prompt_past_its_bound_or_after_it_stopped(
    max_turns: int, delay: float, events: list[tuple[object, ...]]
) -> None:
    core = WatchCore(max_turns=max_turns, message="go on", delay=delay)
    now, sent, stopped, idle_since, turn_open = 0.0, 0, False, None, False
    for event in events:
        if event[0] == "input":
            core.input_sent()
            turn_open, idle_since = True, None
            continue
        _, state, prompt, step = event
        now += step  # type: ignore[operator]
        action = core.observe(state, prompt, now)  # type: ignore[arg-type]
        if state is IDLE and prompt is None and idle_since is None and turn_open:
            idle_since = now
        if state is not IDLE:
            idle_since = None
        if isinstance(action, Send):
            assert not stopped, "sent after watch stopped"
            assert state is IDLE and prompt is None, "sent while not idle or into a prompt"
            assert turn_open, "sent without a finished turn"
            assert idle_since is not None and now >= idle_since + delay - 1e-9
            sent += 1
            turn_open, idle_since = False, None
            assert action.turn == sent <= max_turns
        if isinstance(action, Stop):
            assert not stopped, "stopped twice"
            stopped = True
        if prompt is not None or state in (WAITING, EXITED):
            assert not core.enabled  # a prompt or an exit always ends it
            stopped = True
    assert core.turns_used == sent
    assert core.enabled == (not stopped)


# ---------------------------------------------------------------- the [watch] table


def test_watch_mode_is_off_unless_the_policy_enables_it_and_the_refusal_names_the_line() -> None:
    watch = parse_watch({}, "/home/me/.config/tether/policy.toml")
    assert watch == WatchPolicy() and not watch.enabled
    assert (watch.max_turns, watch.delay_seconds) == (10, 5.0)
    with pytest.raises(PolicyRefused) as refused:
        plan_watch(watch, "/home/me/.config/tether/policy.toml", None)
    assert refused.value.code is ErrorCode.POLICY_REFUSED
    assert "'enabled = true' under a [watch] table" in refused.value.hint


def test_the_policy_sets_the_text_and_caps_the_turns() -> None:
    watch = parse_watch(
        {"watch": {"enabled": True, "max_turns": 4, "message": "keep going", "delay_seconds": 0}},
        "p.toml",
    )
    plan = plan_watch(watch, "p.toml", None)
    assert (plan.max_turns, plan.message, plan.delay_seconds) == (4, "keep going", 0.0)
    assert plan_watch(watch, "p.toml", 2).max_turns == 2
    with pytest.raises(PolicyRefused, match="at most 4"):
        plan_watch(watch, "p.toml", 5)
    assert parse_watch({"watch": {"enabled": True}}, "p").message == DEFAULT_MESSAGE


@pytest.mark.parametrize(
    ("table", "words"),
    [
        ({"enabled": "yes"}, "'enabled' must be true or false"),
        ({"max_turns": 0}, "'max_turns' must be a whole number"),
        ({"max_turns": 1000}, "'max_turns' must be a whole number"),
        ({"message": ""}, "'message' must be text"),
        ({"message": "go\x1b[2J"}, "control character"),
        ({"delay_seconds": -1}, "'delay_seconds'"),
        ({"answer_prompts": True}, "unknown key 'answer_prompts'"),
    ],
)
def test_a_bad_watch_table_is_refused_with_what_to_write(
    table: dict[str, object], words: str
) -> None:
    with pytest.raises(PolicyFileError) as bad:
        parse_watch({"watch": table}, "p.toml")
    assert words in bad.value.message and "[watch] table" in bad.value.message


def test_the_relay_keeps_a_watch_stop_reason_with_secrets_masked() -> None:
    token = "ghp_" + "a1B2" * 9
    reason = f"the session asks for an answer (text): 'Token {token}?'"
    info = INFO.model_copy(
        update={"watch": WatchInfo(enabled=False, turns_used=1, max_turns=3, stopped_reason=reason)}
    )
    stored = stored_form(info).watch
    assert stored is not None and token not in stored.stopped_reason
    assert stored.turns_used == 1 and "asks for an answer" in stored.stopped_reason
