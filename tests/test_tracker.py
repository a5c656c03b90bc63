"""PromptTracker: stable ids, answers by number, label, yes/no or text, refusals with codes."""

from __future__ import annotations

import pytest

from shared.protocol import ErrorCode, PromptKind
from supervisor.prompts import PromptError, PromptTracker, Signals
from supervisor.screen import ScreenSnapshot
from tests.prompt_support import ESC, LINE, PERMISSION, RAW, SESSION, menu, render, snap, tracker

UP, DOWN, ENTER = b"\x1b[A", b"\x1b[B", b"\r"


def shown(t: PromptTracker, snap: ScreenSnapshot, **kwargs: object) -> str:
    prompt = t.observe(snap, now=1.0, quiet_for=1.0, **kwargs)  # type: ignore[arg-type]
    assert prompt is not None, snap.text
    return prompt.prompt_id


def refusal(t: PromptTracker, prompt_id: str, answer: str, snap: ScreenSnapshot) -> PromptError:
    with pytest.raises(PromptError) as failure:
        t.plan_answer(prompt_id, answer, snap)
    return failure.value


def test_the_same_prompt_keeps_its_id_while_it_stays_on_screen() -> None:
    t = tracker()
    snap = menu("Do you want to proceed?", PERMISSION)
    first = shown(t, snap)
    assert shown(t, snap) == first
    assert first.startswith(f"{SESSION}:")
    assert t.pending() is not None and t.pending().prompt_id == first  # type: ignore[union-attr]


def test_moving_the_highlight_keeps_the_id_and_updates_the_selected_option() -> None:
    t = tracker()
    first = shown(t, menu("Do you want to proceed?", PERMISSION, selected=0))
    prompt = t.observe(menu("Do you want to proceed?", PERMISSION, selected=2), 2.0, 1.0)
    assert prompt is not None and prompt.prompt_id == first
    assert [o.selected for o in prompt.options] == [False, False, True]


def test_a_menu_that_leaves_raw_mode_while_it_redraws_keeps_its_id_until_it_settles() -> None:
    # readchar and blessed restore line mode after each key, redraw, then read again.
    t = tracker("generic")
    screen = snap("[?] Which region hosts the cache?:\n > Frankfurt\n   Dublin\n   Oslo")
    first = t.observe(screen, now=1.0, quiet_for=1.0, signals=RAW)
    assert first is not None
    mid_redraw = t.observe(screen, now=2.0, quiet_for=0.0, signals=LINE)
    assert mid_redraw is not None and mid_redraw.prompt_id == first.prompt_id
    reading_again = t.observe(screen, now=2.5, quiet_for=1.0, signals=RAW)
    assert reading_again is not None and reading_again.prompt_id == first.prompt_id
    # A program that stays in line mode once its output settles has stopped asking.
    assert t.observe(screen, now=3.0, quiet_for=0.0, signals=LINE) is not None
    assert t.observe(screen, now=4.0, quiet_for=1.0, signals=LINE) is None


def test_a_changed_question_gets_a_new_id() -> None:
    t = tracker()
    first = shown(t, menu("Do you want to proceed?", PERMISSION))
    second = shown(t, menu("Do you want to create notes.txt?", PERMISSION))
    assert first != second


def test_a_prompt_that_left_and_came_back_is_a_new_prompt() -> None:
    t = tracker()
    first = shown(t, menu("Do you want to proceed?", PERMISSION))
    assert t.observe(render("⏺ done\n"), 2.0, 1.0) is None
    assert t.pending() is None
    assert shown(t, menu("Do you want to proceed?", PERMISSION)) != first


def test_fresh_output_does_not_drop_a_prompt_already_reported() -> None:
    t = tracker("generic")
    snap = render("Do you want to continue? [Y/n] ")
    first = shown(t, snap)
    again = t.observe(snap, now=2.0, quiet_for=0.01)  # a footer clock redrew 10 ms ago
    assert again is not None and again.prompt_id == first


def test_a_menu_answer_by_label_moves_from_the_highlighted_row_then_presses_enter() -> None:
    t = tracker()
    snap = menu("Do you want to proceed?", PERMISSION, selected=0)
    pid = shown(t, snap)
    assert t.plan_answer(pid, "No, and tell Claude what to do differently (esc)", snap) == [
        DOWN,
        DOWN,
        ENTER,
    ]
    assert t.plan_answer(pid, "yes", snap) == [ENTER]


def test_the_arrow_count_starts_from_the_highlighted_row_not_the_first() -> None:
    t = tracker()
    snap = menu("Do you want to proceed?", PERMISSION, selected=2)
    pid = shown(t, snap)
    assert t.plan_answer(pid, "Yes", snap) == [UP, UP, ENTER]
    assert t.plan_answer(pid, "2", snap) == [UP, ENTER]


def test_the_same_label_selects_the_right_row_when_the_option_order_changes() -> None:
    old = tracker()
    old_snap = menu("Do you trust the files in this folder?", ["Yes, proceed", "No, exit"])
    new = tracker()
    new_snap = menu("Do you trust the files in this folder?", ["No, exit", "Yes, proceed"])
    assert old.plan_answer(shown(old, old_snap), "yes, proceed", old_snap) == [ENTER]
    assert new.plan_answer(shown(new, new_snap), "yes, proceed", new_snap) == [DOWN, ENTER]


def test_a_unique_label_prefix_is_enough_and_an_ambiguous_one_is_refused() -> None:
    t = tracker()
    snap = menu("Do you want to proceed?", PERMISSION)
    pid = shown(t, snap)
    assert t.plan_answer(pid, "no, and", snap) == [DOWN, DOWN, ENTER]
    assert t.plan_answer(pid, "yes, and", snap) == [DOWN, ENTER]
    assert refusal(t, pid, "Ye", snap).code is ErrorCode.INVALID_ANSWER  # Yes / Yes, and…


def test_arrows_honour_application_cursor_keys_mode() -> None:
    t = tracker()
    snap = menu("Do you want to proceed?", PERMISSION, prefix=f"{ESC}[?1h")
    assert snap.app_cursor_keys
    assert t.plan_answer(shown(t, snap), "3", snap) == [b"\x1bOB", b"\x1bOB", ENTER]


def test_a_yes_no_line_prompt_is_answered_with_the_letter_then_enter_as_separate_writes() -> None:
    t = tracker("generic")
    snap = render("Do you want to continue? [Y/n] ")
    pid = shown(t, snap)
    assert t.plan_answer(pid, "yes", snap) == [b"y", ENTER]
    assert t.plan_answer(pid, "No", snap) == [b"n", ENTER]
    assert t.plan_answer(pid, "1", snap) == [b"y", ENTER]


def test_a_word_prompt_gets_the_whole_word() -> None:
    t = tracker("generic")
    snap = render("Are you sure you want to continue connecting (yes/no/[fingerprint])? ")
    assert t.plan_answer(shown(t, snap), "y", snap) == [b"yes", ENTER]


def test_a_text_prompt_takes_free_text_and_refuses_control_characters() -> None:
    t = tracker("generic")
    snap = render("Username for 'https://github.com': ")
    pid = shown(t, snap)
    prompt = t.pending()
    assert prompt is not None and prompt.kind is PromptKind.TEXT
    assert t.plan_answer(pid, "alice", snap) == [b"alice", ENTER]
    assert t.plan_answer(pid, "", snap) == [ENTER]
    assert refusal(t, pid, "alice\nrm -rf ~", snap).code is ErrorCode.INVALID_ANSWER


def test_press_enter_prompts_accept_an_empty_or_affirmative_answer() -> None:
    t = tracker("generic")
    snap = render("Press any key to continue . . .")
    pid = shown(t, snap)
    assert t.plan_answer(pid, "", snap) == [ENTER]
    assert t.plan_answer(pid, "ok", snap) == [ENTER]


def test_an_answer_matching_no_option_is_refused_listing_the_options() -> None:
    t = tracker()
    snap = menu("Do you want to proceed?", PERMISSION)
    error = refusal(t, shown(t, snap), "maybe later", snap)
    assert error.code is ErrorCode.INVALID_ANSWER
    assert "1. Yes" in error.message and "3. No, and tell Claude" in error.message
    assert "number" in error.hint


def test_a_secret_prompt_is_never_answered_remotely() -> None:
    t = tracker("generic")
    snap = render("[sudo] password for alice: ")
    pid = shown(t, snap, signals=Signals(echo_off=True))
    error = refusal(t, pid, "hunter2", snap)
    assert error.code is ErrorCode.PROMPT_SECRET
    assert "locally" in error.message


def test_a_secret_prompt_detected_by_rule_alone_is_refused_too() -> None:
    t = tracker("generic")
    snap = render("Enter passphrase for key '/home/alice/.ssh/id_ed25519': ")
    assert refusal(t, shown(t, snap), "x", snap).code is ErrorCode.PROMPT_SECRET


def test_answering_a_prompt_that_is_no_longer_on_screen_is_refused_as_stale() -> None:
    t = tracker()
    pid = shown(t, menu("Do you want to proceed?", PERMISSION))
    later = menu("Do you want to create notes.txt?", PERMISSION)
    error = refusal(t, pid, "Yes", later)
    assert error.code is ErrorCode.PROMPT_STALE
    assert "check_prompts" in error.hint


def test_an_old_id_is_stale_even_when_an_identical_question_came_back() -> None:
    t = tracker()
    snap = menu("Do you want to proceed?", PERMISSION)
    first = shown(t, snap)
    t.observe(render("⏺ done\n"), 2.0, 1.0)
    shown(t, snap)
    assert refusal(t, first, "Yes", snap).code is ErrorCode.PROMPT_STALE


def test_an_id_this_session_never_issued_is_unknown() -> None:
    t = tracker()
    snap = menu("Do you want to proceed?", PERMISSION)
    shown(t, snap)
    assert refusal(t, "other_sess:abc", "Yes", snap).code is ErrorCode.PROMPT_UNKNOWN


def test_is_gone_turns_true_once_the_prompt_left_the_screen() -> None:
    t = tracker()
    snap = menu("Do you want to proceed?", PERMISSION)
    pid = shown(t, snap)
    assert not t.is_gone(pid, snap)
    assert not t.is_gone(pid, menu("Do you want to proceed?", PERMISSION, selected=1))
    assert t.is_gone(pid, render("⏺ Bash(npm test)\n  ⎿  ok\n"))
    assert t.is_gone("never:issued", snap)


def test_a_busy_screen_reports_no_prompt() -> None:
    t = tracker()
    busy = render(
        "\n".join(
            [
                "Do you want to proceed?",
                "❯ 1. Yes",
                "  2. No",
                "",
                "✻ Thinking… (2s · esc to interrupt)",
            ]
        )
    )
    assert t.observe(busy, 1.0, 5.0) is None


def test_free_text_for_a_question_offering_type_something_highlights_that_row_then_types() -> None:
    t = tracker()
    labels = ["React", "Vue", "Type something."]
    snap = render(
        "\n".join(
            ["Which framework should we use?", ""]
            + [("❯ " if i == 0 else "  ") + f"{i + 1}. {label}" for i, label in enumerate(labels)]
            + ["", "Enter to select · ↑/↓ to navigate · Esc to cancel"]
        )
    )
    pid = shown(t, snap)
    assert t.plan_answer(pid, "vue", snap) == [DOWN, ENTER]
    assert t.plan_answer(pid, "Solid", snap) == [DOWN, DOWN, b"Solid", ENTER]
