"""Pagers and editors are look-alikes: the document they show is never a question.

Pure: screens built with the terminal model, the OS signals given by hand (the
probe's side is in ``test_tty_probe.py``, real programs in the live corpus).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from supervisor.prompts.detect import Signals, detect
from supervisor.prompts.rules import RuleError, load_rules, viewer_in_front
from supervisor.prompts.tracker import PromptTracker, default_rules
from supervisor.screen import ScreenSnapshot, TerminalModel

ESC = "\x1b"
# A document that quotes every shape the detector knows: a line question, a boxed
# dialog with buttons, a marker menu.
DOCUMENT = [
    "RELEASE NOTES",
    "",
    "Before upgrading, the installer asks:",
    "",
    "    Continue? (y/n)",
    "",
    "The dialog looks like this:",
    "",
    "    ┌──── Confirm ────┐",
    "    │ Delete all?     │",
    "    │ <Yes>     <No>  │",
    "    └─────────────────┘",
    "",
    "Which database should we use?",
    "❯ 1. PostgreSQL",
    "  2. SQLite",
]
# less (blocked in the terminal's read, raw mode) and vim (polling, raw mode)
READING_RAW = Signals(blocked_on_read=True, canonical=False)
POLLING_RAW = Signals(canonical=False)


def fullscreen(rows: list[str], bottom: str, *, cursor_home: bool = False) -> ScreenSnapshot:
    """``rows`` on the alternate screen, ``bottom`` on its last row, the cursor after it
    (a pager) or at the top left (an editor)."""
    model = TerminalModel(cols=80, rows=24)
    body = "\r\n".join(rows + [""] * (23 - len(rows))) + bottom
    home = f"{ESC}[1;1H" if cursor_home else ""
    model.feed(f"{ESC}[?1049h{ESC}[H{body}{home}".encode())
    return model.snapshot()


def with_programs(signals: Signals, *programs: str) -> Signals:
    return Signals(
        blocked_on_read=signals.blocked_on_read, canonical=signals.canonical, programs=programs
    )


@pytest.mark.parametrize(
    ("pager", "bottom"),
    [
        ("less", f"{ESC}[7m(END){ESC}[27m"),
        ("pager", ":"),  # git log and man run Debian's "pager"
        ("more", f"{ESC}[7m--More--(42%){ESC}[m"),
    ],
)
def test_a_pager_showing_prompt_like_text_is_never_waiting(pager: str, bottom: str) -> None:
    snap = fullscreen(DOCUMENT, bottom)
    rules = default_rules()
    assert detect(snap, rules, signals=with_programs(READING_RAW, pager)) is None
    # the same screen read by an unknown program is taken for a question: the name decides
    assert detect(snap, rules, signals=with_programs(READING_RAW, "python3")) is not None


def test_an_editor_whose_buffer_holds_a_question_and_a_menu_is_never_waiting() -> None:
    buffer = [
        "Do you want to proceed?",
        "❯ 1. Yes",
        "  2. No, and tell me what to do",
        "Overwrite config? [y/N] ",
        *["~"] * 19,
    ]
    snap = fullscreen(buffer, '"notes.txt" 4L, 80B', cursor_home=True)
    rules = default_rules()
    assert detect(snap, rules, signals=with_programs(POLLING_RAW, "node")) is not None
    for editor in ("vim", "vim.basic", "vi", "nvim", "nano", "emacs", "micro"):
        assert detect(snap, rules, signals=with_programs(POLLING_RAW, editor)) is None, editor


def test_a_saved_agent_dialog_paged_with_less_is_a_document_too() -> None:
    dialog = [
        "Bash command",
        "",
        "  npm test",
        "",
        "Do you want to proceed?",
        "❯ 1. Yes",
        "  2. No",
    ]
    snap = fullscreen(dialog, ":")
    rules = default_rules()
    paged = with_programs(READING_RAW, "less")
    assert detect(snap, rules, family="claude", signals=paged) is None
    live = with_programs(READING_RAW, "claude")
    assert detect(snap, rules, family="claude", signals=live) is not None


def test_a_prompt_beside_a_pager_in_the_same_group_is_still_found() -> None:
    # sudo apt list | less: sudo asks for the password while less waits its turn
    model = TerminalModel(cols=80, rows=6)
    model.feed(b"[sudo] password for bob: ")
    found = detect(
        model.snapshot(),
        default_rules(),
        signals=Signals(echo_off=False, blocked_on_read=True, programs=("sudo", "less")),
    )
    assert found is not None and found.rule == "generic.sudo_password"


def test_agents_shells_and_interpreters_are_not_viewers() -> None:
    viewers = default_rules().viewers
    assert {"less", "more", "pager", "man", "vim", "vi", "nvim", "nano", "emacs"} <= viewers
    for name in ("claude", "codex", "gemini", "aider", "node", "python3", "bash", "git", "sudo"):
        assert not viewer_in_front([name], viewers), name
    assert not viewer_in_front([], viewers)  # unknown (no /proc): nothing is suppressed


def test_the_tracker_reports_nothing_while_a_pager_is_in_front() -> None:
    snap = fullscreen(DOCUMENT, f"{ESC}[7m(END){ESC}[27m")
    tracker = PromptTracker("sess_viewer")
    assert tracker.observe(snap, 0.0, 5.0, signals=with_programs(READING_RAW, "less")) is None
    assert tracker.observe(snap, 1.0, 5.0, signals=with_programs(READING_RAW, "ruby")) is not None


def test_a_user_rule_file_adds_a_viewer_and_removes_one(tmp_path: Path) -> None:
    (tmp_path / "local.toml").write_text('viewers = ["tig", "!more"]\n', encoding="utf-8")
    rules = load_rules(tmp_path)
    assert "tig" in rules.viewers and "more" not in rules.viewers and "less" in rules.viewers
    snap = fullscreen(DOCUMENT, ":")
    assert detect(snap, rules, signals=with_programs(READING_RAW, "tig")) is None
    assert detect(snap, rules, signals=with_programs(READING_RAW, "more")) is not None


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('viewers = "less"\n', "viewers: must be an array"),
        ('viewers = ["/usr/bin/less"]\n', "is not a program name"),
        ('viewers = ["a-name-longer-than-fifteen"]\n', "at most 15 characters"),
        ("viewers = [3]\n", "is not a program name"),
    ],
)
def test_a_bad_viewers_list_is_refused_with_what_to_write(
    tmp_path: Path, body: str, message: str
) -> None:
    (tmp_path / "local.toml").write_text(body, encoding="utf-8")
    with pytest.raises(RuleError) as failure:
        load_rules(tmp_path)
    assert str(failure.value).startswith("local.toml") and message in str(failure.value)


SWAP_QUESTION = [
    "E325: ATTENTION",
    'Found a swap file by the name ".plan.md.swp"',
    "(1) Another program may be editing the same file.",
    "(2) An edit session for this file crashed.",
    "",
    'Swap file ".plan.md.swp" already exists!',
]
SWAP_KEYS = "[O]pen Read-Only, (E)dit anyway, (R)ecover, (D)elete it, (Q)uit, (A)bort: "


def test_an_editors_swap_file_question_on_its_last_row_is_a_choice_of_letters() -> None:
    snap = fullscreen(SWAP_QUESTION + [""] * 18, SWAP_KEYS)  # the keys on the last row
    found = detect(snap, default_rules(), signals=with_programs(POLLING_RAW, "vim"))
    assert found is not None
    assert [o.key for o in found.options] == ["o", "e", "r", "d", "q", "a"]
    assert found.options[0].label == "Open Read-Only"


def test_an_editors_hit_enter_prompt_on_its_last_row_waits_for_enter() -> None:
    last_row = ["draft", "~", "~"] + [""] * 21
    snap = fullscreen(last_row, "Press ENTER or type command to continue")
    found = detect(snap, default_rules(), signals=with_programs(POLLING_RAW, "vim"))
    assert found is not None and found.kind.value == "press_enter"


def test_a_letter_key_question_in_an_editors_buffer_is_not_its_message_area() -> None:
    buffer = [*DOCUMENT, SWAP_KEYS]
    snap = fullscreen(buffer, "")
    model = TerminalModel(cols=80, rows=24)
    model.feed(f"{ESC}[?1049h{ESC}[H".encode() + "\r\n".join(buffer).encode())
    inside = model.snapshot()  # the cursor ends the buffer's last line, above the last row
    for screen in (snap, inside):
        assert detect(screen, default_rules(), signals=with_programs(POLLING_RAW, "vim")) is None
    # a pager's own bottom line is no question either
    paged = fullscreen(buffer, ":")
    assert detect(paged, default_rules(), signals=with_programs(READING_RAW, "less")) is None
