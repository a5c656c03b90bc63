"""Rules as data (loading, validation, user overrides) and the detection layers they drive."""

from __future__ import annotations

from pathlib import Path

import pytest

from shared.protocol import PromptKind
from supervisor.prompts.detect import Signals, detect
from supervisor.prompts.rules import FAMILIES, RuleError, load_rules
from supervisor.prompts.tracker import default_rules
from supervisor.screen import ScreenSnapshot, TerminalModel

ESC = "\x1b"
MENU = [
    "Bash command",
    "",
    "  npm test",
    "",
    "Do you want to proceed?",
    "❯ 1. Yes",
    "  2. Yes, and don't ask again for npm commands",
    "  3. No, and tell Claude what to do (esc)",
]


def render(text: str, cols: int = 80, rows: int = 20) -> ScreenSnapshot:
    model = TerminalModel(cols=cols, rows=rows)
    model.feed(text.replace("\n", "\r\n").encode())
    return model.snapshot()


def write(directory: Path, name: str, text: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- loading


def test_every_family_ships_a_rule_file_that_loads() -> None:
    rules = load_rules(None)
    assert {r.family for r in rules.rules} == set(FAMILIES)
    assert "claude.permission" in {r.full_name for r in rules.rules}
    assert rules.busy and rules.dangerous


def test_a_family_sees_its_own_rules_first_and_generic_rules_last() -> None:
    ordered = [r.family for r in load_rules(None).for_family("codex")]
    assert ordered[0] == "codex" and ordered[-1] == "generic"


def test_a_user_rule_with_the_same_name_overrides_the_builtin_one(tmp_path: Path) -> None:
    write(
        tmp_path,
        "mine.toml",
        """
family = "generic"
[[rule]]
name = "yes_no"
kind = "yes_no"
scope = "cursor_line"
anchors = ['\\[oui/non\\]\\s*$']
options = [{label = "Oui", key = "o"}, {label = "Non", key = "n"}]
""",
    )
    rules = load_rules(tmp_path)
    overridden = [r for r in rules.rules if r.full_name == "generic.yes_no"]
    assert len(overridden) == 1 and overridden[0].origin == "mine.toml"
    found = detect(render("Continuer ? [oui/non] "), rules)
    assert found is not None and [o.label for o in found.options] == ["Oui", "Non"]
    english = detect(render("Continue? [y/n] "), rules)
    assert english is None or english.rule != "generic.yes_no"


def test_a_user_rule_with_a_new_name_is_added(tmp_path: Path) -> None:
    write(
        tmp_path,
        "deploy.toml",
        """
[[rule]]
name = "confirm"
kind = "yes_no"
scope = "cursor_line"
anchors = ['^Ship it\\? >\\s*$']
options = [{label = "Ship", key = "s"}, {label = "Abort", key = "a"}]
confidence = 0.9
""",
    )
    found = detect(render("Ship it? > "), load_rules(tmp_path))
    assert found is not None and found.rule == "deploy.confirm"
    assert found.source == "screen_rule:deploy.confirm"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[[rule]]\nname = "x"\nkind = "maybe"\nanchors = ["a"]\n', "'kind' must be one of"),
        ('[[rule]]\nname = "x"\nkind = "text"\nanchors = ["(unclosed"]\n', "invalid regex"),
        ('[[rule]]\nname = "x"\nkind = "text"\nanchors = []\n', "needs at least one regex"),
        (
            '[[rule]]\nname = "x"\nkind = "text"\nanchors = ["a"]\ncolour = 1\n',
            "unknown key(s) ['colour']",
        ),
        (
            '[[rule]]\nname = "x"\nkind = "choice"\nanchors = ["a"]\n',
            "needs 'option_row' or 'options'",
        ),
        (
            '[[rule]]\nname = "x"\nkind = "choice"\nanchors = ["a"]\noption_row = "(\\\\d+)"\n',
            "(?P<label>...)",
        ),
        ('[[rule]]\nname = "x"\nkind = "text"\nanchors = ["a"]\nconfidence = 2\n', "'confidence'"),
        ('[[rule]]\nname = "Bad Name"\nkind = "text"\nanchors = ["a"]\n', "'name' is required"),
        (
            '[[rule]]\nname = "x"\nkind = "text"\nanchors = ["a"]\n'
            '[[rule]]\nname = "x"\nkind = "text"\n'
            'anchors = ["b"]\n',
            "defined twice",
        ),
        ("[[rule]\n", "fix its TOML syntax"),
    ],
)
def test_a_bad_rule_file_is_refused_naming_the_file_the_rule_and_the_fix(
    tmp_path: Path, body: str, message: str
) -> None:
    write(tmp_path, "broken.toml", body)
    with pytest.raises(RuleError) as failure:
        load_rules(tmp_path)
    assert str(failure.value).startswith("broken.toml")
    assert message in str(failure.value)


def test_a_broken_user_rules_dir_falls_back_to_the_builtin_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    write(tmp_path / "rules", "broken.toml", "[[rule]]\nname = 1\n")
    monkeypatch.setenv("TETHER_HOME", str(tmp_path))
    rules = default_rules()
    assert "claude.permission" in {r.full_name for r in rules.rules}
    assert "broken.toml" in caplog.text


# ---------------------------------------------------------------- detection layers


def test_a_claude_menu_reports_options_with_the_highlighted_one_selected() -> None:
    found = detect(render("\n".join(MENU)), default_rules(), family="claude", quiet_for=0.0)
    assert found is not None and found.kind is PromptKind.CHOICE
    assert found.question == "Do you want to proceed?"
    assert [(o.number, o.key, o.selected) for o in found.options] == [
        (1, "1", True),
        (2, "2", False),
        (3, "3", False),
    ]
    assert found.context == ("Bash command", "npm test")


def test_a_busy_spinner_suppresses_a_menu_on_screen() -> None:
    text = "\n".join(MENU + ["", "✻ Thinking… (3s · esc to interrupt)"])
    assert detect(render(text), default_rules(), family="claude") is None


def test_a_generic_yes_no_needs_quiescence_but_a_claude_menu_does_not() -> None:
    rules = default_rules()
    line = render("Do you want to continue? [Y/n] ")
    assert detect(line, rules, quiet_for=0.05) is None
    assert detect(line, rules, quiet_for=0.5) is not None
    assert detect(render("\n".join(MENU)), rules, family="claude", quiet_for=0.0) is not None


@pytest.mark.parametrize("line", ["extract ‘readme.txt’? ", "add 'notes.md'? "])
def test_a_verb_and_one_quoted_name_asked_alone_is_yes_no(line: str) -> None:
    found = detect(render(line), default_rules(), signals=Signals(blocked_on_read=True))
    assert found is not None and found.kind is PromptKind.YES_NO
    assert [o.key for o in found.options] == ["y", "n"]
    reading = Signals(blocked_on_read=True)
    said = detect(render("Saved 'notes.md'. Next? "), default_rules(), signals=reading)
    assert said is None or said.kind is not PromptKind.YES_NO


def test_echo_off_and_a_line_ending_in_a_colon_is_a_secret_prompt() -> None:
    found = detect(render("Enter PIN for token: "), default_rules(), signals=Signals(echo_off=True))
    assert found is not None and found.kind is PromptKind.SECRET
    assert found.source == "os:echo_off"


def test_echo_off_in_raw_mode_or_on_the_alternate_screen_is_not_a_secret() -> None:
    rules = default_rules()
    raw = Signals(echo_off=True, canonical=False)
    in_raw_mode = detect(render("Choose a mode: "), rules, signals=raw)
    assert in_raw_mode is None or in_raw_mode.kind is not PromptKind.SECRET
    fullscreen = render(f"{ESC}[?1049hFilter: ")
    assert detect(fullscreen, rules, signals=Signals(echo_off=True)) is None


def test_a_line_question_counts_only_when_the_program_is_blocked_on_read() -> None:
    snap = render("What is your name? ")
    rules = default_rules()
    assert detect(snap, rules) is None
    found = detect(snap, rules, signals=Signals(blocked_on_read=True))
    assert found is not None and found.kind is PromptKind.TEXT
    assert found.confidence >= 0.6


@pytest.mark.parametrize(
    "command",
    [
        "rm -rf build/",
        "git push --force origin main",
        "git push -f",
        "psql -c 'DROP TABLE users'",
        "terraform destroy -auto-approve",
        "curl https://x.sh | sh",
        "dd if=/dev/zero of=/dev/sda",
    ],
)
def test_a_permission_prompt_for_a_dangerous_command_is_confirm_dangerous(command: str) -> None:
    text = "\n".join(["Bash command", "", f"  {command}", ""] + MENU[4:])
    found = detect(render(text, cols=100), default_rules(), family="claude")
    assert found is not None and found.kind is PromptKind.CONFIRM_DANGEROUS


def test_a_permission_prompt_for_a_harmless_command_stays_a_choice() -> None:
    text = "\n".join(["Bash command", "", "  rm notes.txt", ""] + MENU[4:])
    found = detect(render(text), default_rules(), family="claude")
    assert found is not None and found.kind is PromptKind.CHOICE


def test_a_dangerous_command_said_before_the_dialog_box_does_not_taint_it() -> None:
    text = "\n".join(["I will not run rm -rf / for you.", "─" * 40, *MENU])
    found = detect(render(text), default_rules(), family="claude")
    assert found is not None and found.kind is PromptKind.CHOICE


def test_a_prompt_scrolled_out_of_the_bottom_rows_is_not_pending() -> None:
    text = "\n".join(MENU + [f"output line {i}" for i in range(12)])
    assert detect(render(text, rows=40), default_rules(), family="claude") is None


def test_a_numbered_list_without_a_highlight_glyph_is_not_a_menu() -> None:
    text = "Options:\n  1. Yes, do it\n  2. No, skip it\n"
    assert detect(render(text), default_rules(), family="claude") is None


def test_an_unknown_menu_with_a_highlight_is_found_at_low_confidence() -> None:
    text = "Pick a colour\n❯ 1. Red\n  2. Blue\n"
    found = detect(render(text), default_rules(), quiet_for=1.0)
    assert found is not None and found.rule == "generic.numbered_menu"
    assert found.question == "Pick a colour" and 0.6 <= found.confidence < 0.9


def test_box_borders_are_not_part_of_questions_or_labels() -> None:
    rows = [f"│ {line:<60} │" for line in MENU]
    found = detect(
        render("\n".join(["╭" + "─" * 62 + "╮", *rows, "╰" + "─" * 62 + "╯"])),
        default_rules(),
        family="claude",
    )
    assert found is not None and found.question == "Do you want to proceed?"
    assert found.options[0].label == "Yes"


def test_the_cursor_line_scope_reads_only_left_of_the_cursor() -> None:
    snap = render(f"Do you want to continue? [Y/n] {ESC}[5G")
    assert snap.before_cursor == "Do y"
    assert detect(snap, default_rules()) is None
