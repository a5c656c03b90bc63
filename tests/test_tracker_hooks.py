"""Hooks and the screen together: a hook prompt is reported at once, the screen confirms it."""

from __future__ import annotations

import pytest

from shared.protocol import ErrorCode, Prompt, PromptKind
from supervisor.hook_prompts import prompt_from_hook
from supervisor.hooks import HookEvent
from supervisor.prompts import PromptError
from tests.prompt_support import PERMISSION, SESSION, menu, render, tracker


def permission_hook(command: str = "npm test") -> Prompt:
    event = HookEvent(
        session_id=SESSION,
        event="PermissionRequest",
        seq=1,
        tool_name="Bash",
        tool_input={"command": command},
    )
    prompt = prompt_from_hook(event, SESSION, now=1.0)
    assert prompt is not None
    return prompt


IDLE = render("❯ \n? for shortcuts")


def test_a_hook_prompt_is_reported_before_its_dialog_reaches_the_screen() -> None:
    t = tracker()
    hook = permission_hook()
    t.offer_hook(hook)
    seen = t.observe(IDLE, now=1.0, quiet_for=0.0)
    assert seen is not None and seen.prompt_id == hook.prompt_id
    assert seen.source == "hook:PermissionRequest"


def test_the_screen_confirms_a_hook_prompt_and_it_keeps_its_id() -> None:
    t = tracker()
    hook = permission_hook()
    t.offer_hook(hook)
    t.observe(IDLE, now=1.0, quiet_for=0.0)
    confirmed = t.observe(menu("Do you want to proceed?", PERMISSION), now=1.1, quiet_for=0.1)
    assert confirmed is not None and confirmed.prompt_id == hook.prompt_id
    assert confirmed.source.startswith("hook:PermissionRequest+screen_rule:")
    assert [o.label for o in confirmed.options] == PERMISSION  # the screen's rows decide keys
    again = t.observe(menu("Do you want to proceed?", PERMISSION), now=1.2, quiet_for=0.2)
    assert again is not None and again.source == confirmed.source


def test_an_answer_to_a_hook_prompt_not_yet_on_screen_is_refused_as_not_there_yet() -> None:
    t = tracker()
    hook = permission_hook()
    t.offer_hook(hook)
    t.observe(IDLE, now=1.0, quiet_for=0.0)
    with pytest.raises(PromptError) as refused:
        t.plan_answer(hook.prompt_id, "Yes", IDLE)
    assert refused.value.code is ErrorCode.PROMPT_STALE
    assert "not appeared on screen yet" in refused.value.message


def test_a_confirmed_hook_prompt_is_answered_through_the_screen_rows() -> None:
    t = tracker()
    hook = permission_hook()
    t.offer_hook(hook)
    snap = menu("Do you want to proceed?", PERMISSION)
    t.observe(snap, now=1.0, quiet_for=0.1)
    writes = t.plan_answer(hook.prompt_id, "No, and tell Claude what to do differently", snap)
    assert writes[-1] == b"\r" and b"\x1b[B" in writes


def test_a_hook_prompt_whose_dialog_came_and_went_is_no_longer_pending() -> None:
    t = tracker()
    t.offer_hook(permission_hook())
    t.observe(menu("Do you want to proceed?", PERMISSION), now=1.0, quiet_for=0.1)
    assert t.observe(IDLE, now=2.0, quiet_for=1.0) is None
    assert t.pending() is None


def test_a_hook_saying_the_turn_moved_on_clears_an_unconfirmed_prompt() -> None:
    t = tracker()
    t.offer_hook(permission_hook())
    t.offer_hook(None)
    assert t.observe(IDLE, now=1.0, quiet_for=1.0) is None


def test_a_dangerous_command_named_by_the_hook_makes_the_screen_prompt_confirm_dangerous() -> None:
    t = tracker()
    t.offer_hook(permission_hook("rm -rf build /"))
    seen = t.observe(menu("Do you want to proceed?", PERMISSION), now=1.0, quiet_for=0.1)
    assert seen is not None and seen.kind is PromptKind.CONFIRM_DANGEROUS
    assert any("rm -rf" in line for line in seen.context)


def test_a_settled_screen_still_notices_when_the_terminal_starts_asking_for_a_secret() -> None:
    from supervisor.prompts import Signals

    t = tracker("generic")
    snap = render("Verification: ")
    assert t.observe(snap, now=1.0, quiet_for=5.0, signals=Signals()) is None
    secret = t.observe(snap, now=2.0, quiet_for=6.0, signals=Signals(echo_off=True, canonical=True))
    assert secret is not None and secret.kind is PromptKind.SECRET
