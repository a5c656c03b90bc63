"""The notification cores without I/O: events, escalation, links, config (time passed in)."""

from __future__ import annotations

from pathlib import Path

import pytest

from server.notify.channels import mail_to, render
from server.notify.config import NotifyConfigError, load_notify_config
from server.notify.escalation import (
    Escalation,
    EscalationPolicy,
    SafeAction,
    Send,
    TakeSafeAction,
)
from server.notify.events import (
    Notice,
    NoticeKind,
    NotifyCore,
    NotifySettings,
    QuietHours,
)
from server.notify.links import AnswerLinks
from shared.protocol import Prompt, PromptKind, PromptOption, SessionInfo, SessionState

SID = "session-0001"


def prompt(n: int = 1, kind: PromptKind = PromptKind.CHOICE) -> Prompt:
    return Prompt(
        prompt_id=f"{SID}:p{n}",
        session_id=SID,
        kind=kind,
        question="Do you want to proceed?",
        options=[
            PromptOption(number=1, label="Yes", key="1"),
            PromptOption(number=2, label="No", key="2"),
        ],
        source="screen_rule:claude.permission",
        confidence=0.9,
        detected_at=0.0,
    )


def info(state: SessionState, since: float, code: int | None = None) -> SessionInfo:
    return SessionInfo(
        session_id=SID,
        command=["claude"],
        cwd="/w",
        name="api",
        state=state,
        state_since=since,
        state_reason="test",
        started_at=0.0,
        exit_code=code,
    )


def test_a_prompt_is_due_only_after_its_grace_and_only_once() -> None:
    core = NotifyCore(NotifySettings(prompt_grace=1.0))
    core.prompt_detected("laptop", "api", prompt(), now=100.0)
    assert core.due(100.5) == []
    assert core.next_deadline() == 101.0
    [notice] = core.due(101.0)
    assert notice.kind is NoticeKind.PROMPT and notice.session_name == "api"
    core.sent(notice)
    core.prompt_detected("laptop", "api", prompt(), now=102.0)  # reported again
    assert core.due(200.0) == []


def test_a_prompt_answered_within_the_grace_is_never_announced() -> None:
    core = NotifyCore(NotifySettings(prompt_grace=1.0))
    core.prompt_detected("laptop", "api", prompt(), now=100.0)
    assert core.prompt_resolved(f"{SID}:p1", "answered") == []
    assert core.due(105.0) == []


def test_a_prompt_answered_after_its_notice_gets_one_follow_up() -> None:
    core = NotifyCore(NotifySettings(prompt_grace=0.0))
    core.prompt_detected("laptop", "api", prompt(), now=100.0)
    core.sent(core.due(100.0)[0])
    [follow] = core.prompt_resolved(f"{SID}:p1", "answered from the chat")
    assert follow.kind is NoticeKind.ANSWERED and follow.detail == "answered from the chat"
    assert core.prompt_resolved(f"{SID}:p1", "gone") == []
    message = render(follow, None)
    assert "no longer waiting" in message.title and "answered from the chat" in message.body


def test_a_finished_turn_and_an_error_exit_are_announced_but_a_clean_exit_is_not() -> None:
    core = NotifyCore(NotifySettings(min_turn_seconds=5.0))
    assert core.session_changed("laptop", info(SessionState.WORKING, 10.0), 10.0) == []
    assert core.session_changed("laptop", info(SessionState.IDLE, 12.0), 12.0) == []  # too short
    core.session_changed("laptop", info(SessionState.WORKING, 20.0), 20.0)
    [turn] = core.session_changed("laptop", info(SessionState.IDLE, 30.0), 30.0)
    assert turn.kind is NoticeKind.TURN_DONE
    [exit_] = core.session_changed("laptop", info(SessionState.EXITED, 31.0, code=3), 31.0)
    assert exit_.kind is NoticeKind.EXITED
    other = info(SessionState.EXITED, 31.0, code=0).model_copy(
        update={"session_id": "session-0002"}
    )
    assert core.session_changed("laptop", other, 32.0) == []


def test_a_host_offline_longer_than_the_limit_is_announced_once_per_outage() -> None:
    core = NotifyCore(NotifySettings(offline_after=60.0))
    core.host_offline("laptop", 100.0)
    assert core.due(159.0) == []
    [notice] = core.due(160.0)
    assert notice.kind is NoticeKind.HOST_OFFLINE and notice.host == "laptop"
    assert core.due(500.0) == []
    core.host_online("laptop")
    core.host_offline("laptop", 600.0)
    assert len(core.due(700.0)) == 1


def test_muted_hosts_sessions_and_quiet_hours_suppress_notices_with_a_reason() -> None:
    quiet = QuietHours.parse("22:00-07:00")
    assert quiet.covers(23 * 60) and quiet.covers(6 * 60) and not quiet.covers(12 * 60)
    core = NotifyCore(NotifySettings(prompt_grace=0, quiet_hours=quiet), lambda t: int(t))
    core.prompt_detected("laptop", "api", prompt(1), now=23 * 60)
    assert core.due(23 * 60) == []
    assert core.suppressed[-1][1] == "quiet hours"
    muted = NotifyCore(NotifySettings(prompt_grace=0, muted_sessions=frozenset({"api"})))
    muted.prompt_detected("laptop", "api", prompt(2), now=0)
    assert muted.due(0) == [] and "muted" in muted.suppressed[-1][1]
    with pytest.raises(ValueError, match="22:00-07:00"):
        QuietHours.parse("late")


def _notice(name: str = "api") -> Notice:
    return Notice(f"prompt:{SID}:p1", NoticeKind.PROMPT, "laptop", SID, name, prompt())


def test_escalation_repeats_then_moves_to_the_next_channel_then_takes_the_safe_action() -> None:
    policy = EscalationPolicy(channels=2, repeat_after=60, repeats=1, safe_action=SafeAction.DENY)
    esc = Escalation(policy)
    assert esc.start(_notice(), 0.0) == [Send(_notice(), 0, 0)]
    assert esc.due(59.0) == []
    assert esc.due(60.0) == [Send(_notice(), 0, 1)]
    assert esc.due(120.0) == [Send(_notice(), 1, 0)]
    assert esc.due(180.0) == [Send(_notice(), 1, 1)]
    assert esc.due(240.0) == [TakeSafeAction(_notice(), SafeAction.DENY)]
    assert esc.due(10_000.0) == [] and esc.next_deadline() is None


def test_an_answered_prompt_stops_escalating_and_a_late_clock_catches_up_in_order() -> None:
    esc = Escalation(EscalationPolicy(channels=1, repeat_after=10, repeats=1))
    esc.start(_notice(), 0.0)
    assert esc.resolved(_notice().key) is True
    assert esc.due(1000.0) == []
    esc.start(_notice(), 0.0)
    steps = esc.due(1000.0)  # a sleeping relay wakes up: every step, in order
    assert [type(s) for s in steps] == [Send, TakeSafeAction]
    assert steps[-1] == TakeSafeAction(_notice(), SafeAction.LEAVE)


def test_the_safe_action_is_per_session_and_can_never_be_approve() -> None:
    policy = EscalationPolicy(
        safe_action=SafeAction.LEAVE, per_session=(("deploy", SafeAction.STOP),)
    )
    assert policy.action_for(_notice("deploy")) is SafeAction.STOP
    assert policy.action_for(_notice("api")) is SafeAction.LEAVE
    assert {a.value for a in SafeAction} == {"leave", "deny", "stop"}
    with pytest.raises(ValueError):
        SafeAction("approve")


def test_answer_links_are_bound_to_one_prompt_short_lived_and_single_use() -> None:
    links = AnswerLinks(ttl=60)
    token = links.issue(prompt(), "laptop", "api", now=0.0)
    other = links.issue(prompt(2), "laptop", "api", now=0.0)
    link = links.get(token, 10.0)
    assert link is not None and link.prompt.prompt_id == f"{SID}:p1"
    assert links.get("not-a-token", 10.0) is None
    assert links.get(token, 60.0) is None  # expired
    links.spend_prompt(f"{SID}:p2")
    assert links.get(other, 1.0) is None


def test_a_prompt_message_names_host_session_question_options_and_the_link() -> None:
    message = render(_notice(), "https://relay.example.com/answer/abc")
    assert message.title == "laptop · api is waiting for you"
    assert "Do you want to proceed?" in message.body and "  2. No" in message.body
    assert message.body.endswith("Answer: https://relay.example.com/answer/abc")
    assert message.buttons[0] == ("Yes", "https://relay.example.com/answer/abc?option=1")


def test_the_config_splits_urls_on_spaces_and_commas_and_reads_the_file(tmp_path: Path) -> None:
    (tmp_path / "notify.toml").write_text(
        'urls = ["json://a.invalid/"]\nquiet_hours = "22:00-07:00"\nrepeat_after = 30\n'
        'safe_action = "deny"\n[safe_actions]\ndeploy = "stop"\n'
    )
    from_file = load_notify_config(tmp_path, {})
    assert from_file.urls == ("json://a.invalid/",) and from_file.escalation.repeat_after == 30
    assert from_file.escalation.per_session == (("deploy", SafeAction.STOP),)
    env = {"TETHER_NOTIFY": "json://a.invalid/ , ntfys://ntfy.sh/topic  mailto://b.invalid"}
    assert len(load_notify_config(tmp_path, env).urls) == 3
    (tmp_path / "notify.toml").write_text('safe_action = "approve"\n')
    with pytest.raises(NotifyConfigError, match="leave, deny or stop"):
        load_notify_config(tmp_path, {})
    (tmp_path / "notify.toml").write_text("colour = 1\n")
    with pytest.raises(NotifyConfigError, match="unknown keys colour"):
        load_notify_config(tmp_path, {})


def test_finished_work_is_announced_once_per_host_kind_and_ref_and_mutes_apply() -> None:
    core = NotifyCore(NotifySettings(muted_hosts=frozenset({"desktop"})))
    first = core.work_finished("laptop", "coordination", "c-1", True, "Add a cart", "ok", 0.0)
    assert [(n.kind, n.subject, n.detail) for n in first] == [
        (NoticeKind.WORK_DONE, "Add a cart", "ok")
    ]
    core.sent(first[0])
    assert core.work_finished("laptop", "coordination", "c-1", True, "Add a cart", "", 1.0) == []
    # The same ref on another computer, or of another kind, is other work.
    other = core.work_finished("laptop", "batch_job", "c-1", False, "shop", "no spec", 2.0)
    assert [n.kind for n in other] == [NoticeKind.WORK_FAILED]
    assert core.work_finished("desktop", "batch_job", "b-1", True, "shop", "", 3.0) == []
    assert core.suppressed[-1][1] == "host desktop is muted"


def test_a_queued_message_receipt_is_announced_once_unless_its_session_is_muted() -> None:
    core = NotifyCore(
        NotifySettings(muted_sessions=frozenset({"scratch"})), minute_of_day=lambda t: 0
    )
    got = core.message_receipt("laptop", SID, "api", "q-1", True, "typed at 10", 0.0)
    assert [(n.kind, n.session_name, n.subject) for n in got] == [
        (NoticeKind.MESSAGE_DELIVERED, "api", "q-1")
    ]
    core.sent(got[0])
    assert core.message_receipt("laptop", SID, "api", "q-1", True, "again", 1.0) == []
    assert core.message_receipt("laptop", "s-2", "scratch", "q-2", False, "expired", 2.0) == []
    quiet = NotifyCore(
        NotifySettings(quiet_hours=QuietHours.parse("22:00-07:00")), minute_of_day=lambda t: 23 * 60
    )
    assert quiet.message_receipt("laptop", SID, "api", "q-3", False, "expired", 0.0) == []
    assert quiet.suppressed[-1][1] == "quiet hours"


def test_work_and_receipt_messages_say_what_ended_and_the_email_goes_to_the_given_address() -> None:
    done = Notice("k", NoticeKind.WORK_DONE, "laptop", detail="app: done.", subject="Add a cart")
    assert render(done, None) == render(done, None)
    assert render(done, None).title == "laptop · Add a cart finished"
    failed = Notice("k", NoticeKind.WORK_FAILED, "laptop", detail="", subject="shop")
    assert render(failed, None).title == "laptop · shop failed"
    gone = Notice("k", NoticeKind.MESSAGE_UNDELIVERED, "laptop", SID, "api", None, "expired")
    assert render(gone, None).title == "laptop · api: queued message not delivered"
    url = mail_to("mailto://127.0.0.1:2525?from=t@r.test&to=owner@x.test&mode=insecure", "a@b.c")
    assert "to=a%40b.c" in url and "owner" not in url and "mode=insecure" in url
