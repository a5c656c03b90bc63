"""Prompts the sixth held-out run misread, as pure screens: snapshot and OS signals in,
detection and planned keys out (see :mod:`supervisor.prompts.structure_keyed`)."""

from __future__ import annotations

from shared.protocol import PromptKind
from supervisor.prompts.answer import CHECKPOINT, ENTER, SPACE, plan_writes
from tests.prompt_support import ESC, LINE, NOBODY, RAW, READING, found, labels, must

DIALOG = (
    "Bash command\n\n  npm run build\n\n"
    "│ Do you want to proceed?\n"
    "│ ❯ 1. Yes\n"
    "│   2. Yes, and don't ask again for npm run build commands\n"
    "│   3. No, and tell Claude what to do differently (esc)\n"
)


# ---------------------------------------------------------------- an agent's dialog, quoted


def test_an_agents_dialog_streamed_by_another_program_in_line_mode_is_no_prompt() -> None:
    # Still writing (quiet for a moment only): the agent's rule used to fire at once.
    assert found(DIALOG, LINE, quiet_for=0.1) is None
    assert found(DIALOG + "Pick 1 there and the build runs. ", LINE, quiet_for=0.1) is None


def test_an_agents_dialog_under_a_program_sleeping_on_a_timer_is_no_prompt() -> None:
    assert found(DIALOG, NOBODY) is None


def test_an_agent_started_from_a_shell_still_has_its_dialog_found_on_a_raw_terminal() -> None:
    d = must(DIALOG, RAW)
    assert (d.rule, d.kind) == ("claude.permission", PromptKind.CHOICE)


def test_the_agents_own_session_finds_its_dialog_whatever_the_terminal_mode() -> None:
    assert must(DIALOG, LINE, family="claude").rule == "claude.permission"


# ---------------------------------------------------------------- confirm by typing


TERRAFORM = (
    "Do you want to copy existing state to the new backend?\n"
    "  Only 'yes' will be accepted to confirm.\n\n  Enter a value: "
)


def test_terraforms_enter_a_value_is_a_field_answered_by_typing_the_word() -> None:
    d = must(TERRAFORM, READING)
    assert (d.kind, d.options, d.question) == (
        PromptKind.TEXT,
        (),
        "Do you want to copy existing state to the new backend?",
    )
    assert plan_writes(d, "yes") == [b"yes", ENTER]


def test_terraform_asking_to_destroy_stays_a_dangerous_confirmation_typed_as_text() -> None:
    text = "terraform destroy\n" + TERRAFORM.replace("copy existing state", "really destroy")
    d = must(text.replace("new backend", "the infrastructure"), READING)
    assert d.kind is PromptKind.CONFIRM_DANGEROUS
    assert plan_writes(d, "yes") == [b"yes", ENTER]


# ---------------------------------------------------------------- numbers as choices


def test_numbers_in_brackets_after_a_question_are_its_choices() -> None:
    d = must("Retention window in hours [6/12/24/48]: ", READING)
    assert (d.kind, labels(d), d.question) == (
        PromptKind.CHOICE,
        ["6", "12", "24", "48"],
        "Retention window in hours",
    )
    assert plan_writes(d, "24") == [b"24", ENTER]


def test_numeric_choices_with_a_default_after_them_are_still_choices() -> None:
    assert labels(must("Worker threads [2/4/8/16] (4): ", READING)) == ["2", "4", "8", "16"]


def test_a_step_counter_or_a_date_in_brackets_is_no_list_of_choices() -> None:
    for text in ("Step [3/10] - name of the stage: ", "Start date (03/12/2026): "):
        assert must(text, READING).kind is PromptKind.TEXT, text


# ---------------------------------------------------------------- a default in colour


def test_a_default_drawn_in_colour_is_kept_as_text_not_split_into_choices() -> None:
    d = must(f"Release branch {ESC}[33m(release/2.4){ESC}[0m: ", READING)
    assert (d.kind, d.options) == (PromptKind.TEXT, ())
    assert plan_writes(d, "") == [ENTER]


def test_a_plain_list_in_parentheses_is_still_a_choice() -> None:
    d = must("Compression (gzip/zstd): ", READING)
    assert (d.kind, labels(d)) == (PromptKind.CHOICE, ["gzip", "zstd"])


# ---------------------------------------------------------------- a key legend above


LEGEND = "Merge conflict in docs/index.md\n\n(k) keep ours   (t) take theirs   (e) edit by hand\n\n"


def test_a_key_legend_above_a_short_question_makes_a_single_key_choice() -> None:
    d = must(LEGEND + "Decision? ", RAW)
    assert (d.kind, labels(d), [o.key for o in d.options]) == (
        PromptKind.CHOICE,
        ["keep ours", "take theirs", "edit by hand"],
        ["k", "t", "e"],
    )
    # One key; Enter only if the prompt is still there (getchar takes the key alone).
    assert plan_writes(d, "take theirs", canonical=False) == [b"t", CHECKPOINT, ENTER]


def test_a_legend_far_above_the_question_or_a_long_question_is_not_its_key_list() -> None:
    far = LEGEND + "Notes follow.\nMore notes.\n\nDecision? "
    assert must(far, RAW).kind is PromptKind.TEXT
    wordy = LEGEND + "Describe in a sentence or two what you changed in this file and why: "
    assert must(wordy, RAW).kind is PromptKind.TEXT


# ---------------------------------------------------------------- secrets, markers, keyInSelect


def test_a_passwordbox_asking_for_a_network_key_is_a_secret() -> None:
    box = (
        "┌──────────────────── Guest network ───────────────────┐\n"
        "│ Pre-shared key for the guest SSID                    │\n"
        "│                                                      │\n"
        "│ ____________________________________________________ │\n"
        "│                                                      │\n"
        "│            <Ok>                  <Cancel>            │\n"
        "└──────────────────────────────────────────────────────┘"
    )
    d = must(box + f"{ESC}[4;3H", RAW)
    assert (d.kind, d.select) == (PromptKind.SECRET, "none")


def test_any_glyph_against_a_label_is_a_bullet_menus_pointer_not_part_of_the_label() -> None:
    d = must(f"Deploy this build to:\n{ESC}[7m✦canary{ESC}[0m\n half the fleet\n everyone", RAW)
    assert (labels(d), d.selected_index) == (["canary", "half the fleet", "everyone"], 0)


def test_a_key_in_select_list_offers_its_labels_answered_by_their_keys() -> None:
    text = (
        "The migration is ready.\n\n[1] dev\n[2] staging\n[3] production\n[0] Not now\n\n"
        "Run it against [1...3 / 0]: "
    )
    d = must(text, READING)
    assert (d.kind, labels(d), [o.key for o in d.options], d.question) == (
        PromptKind.CHOICE,
        ["dev", "staging", "production", "Not now"],
        ["1", "2", "3", "0"],
        "Run it against",
    )
    assert plan_writes(d, "production") == [b"3", ENTER]


# ---------------------------------------------------------------- press any key


def test_press_any_key_on_a_raw_terminal_is_answered_with_space() -> None:
    d = must("Label printed.\nThen press any key to start writing ...", RAW)
    assert d.kind is PromptKind.PRESS_ENTER
    assert plan_writes(d, "", canonical=False) == [SPACE]


def test_press_enter_or_any_key_read_as_a_line_is_answered_with_enter() -> None:
    assert plan_writes(must("Press any key to continue ", READING), "") == [ENTER]
    assert plan_writes(must("(Hit Enter when ready)", RAW), "", canonical=False) == [ENTER]
