"""Line prompts the seventh held-out run misread, as pure screens: snapshot and OS signals
in, detection and planned keys out (credential fields that echo, toggles after a question
mark, a default key after letter keys, dashed numbered lists, a typed phrase on a bare
``?]`` line, a label ended by a chevron)."""

from __future__ import annotations

from shared.protocol import PromptKind
from supervisor.prompts.answer import ENTER, plan_writes
from tests.prompt_support import ESC, RAW, READING, found, labels, must


def test_a_raw_field_named_for_a_key_that_grants_access_is_a_secret() -> None:
    for name in ("Deploy key", "Client key for the webhook relay", "AWS credentials"):
        d = must(f"{ESC}[1m? {name}{ESC}[22m ", RAW)
        assert (d.kind, d.select) == (PromptKind.SECRET, "none"), name


def test_a_field_asking_where_a_key_lives_or_which_key_column_is_plain_text() -> None:
    for name in ("SSH key path", "Credentials file", "Primary key column", "Sort key"):
        d = must(f"{ESC}[1m? {name}{ESC}[22m ", RAW)
        assert d.kind is PromptKind.TEXT, name


def test_a_yes_no_toggle_after_the_question_mark_is_answered_by_moving_to_the_word() -> None:
    on_yes = f"? Rotate the keys now ? {ESC}[36m{ESC}[4mYes{ESC}[24m{ESC}[39m/No"
    d = must(on_yes, RAW)
    assert (d.kind, labels(d), d.selected_index) == (PromptKind.YES_NO, ["Yes", "No"], 0)
    assert d.question.endswith("Rotate the keys now ?")
    assert plan_writes(d, "no") == [b"\x1b[C", ENTER]
    on_no = f"? Rotate the keys now ? Yes/{ESC}[36m{ESC}[4mNo{ESC}[24m{ESC}[39m"
    assert plan_writes(must(on_no, RAW), "no") == [ENTER]


def test_a_default_key_repeated_after_letter_keys_is_no_answer_of_its_own() -> None:
    d = must("Log level? (d)ebug, (i)nfo, (w)arn [i]: ", READING)
    assert (d.kind, labels(d), [o.key for o in d.options]) == (
        PromptKind.CHOICE,
        ["debug", "info", "warn"],
        ["d", "i", "w"],
    )
    assert plan_writes(d, "warn") == [b"w", ENTER]


def test_a_list_numbered_with_a_spaced_dash_or_bullet_gives_the_choices_labels() -> None:
    dashed = "Strategy:\n  1 - merge commit\n  2 - squash\n  3 - rebase\nPick one [1/2/3] (2): "
    d = must(dashed, READING)
    assert (d.kind, labels(d)) == (PromptKind.CHOICE, ["merge commit", "squash", "rebase"])
    assert plan_writes(d, "rebase") == [b"3", ENTER]
    dotted = "Zone\n  1 · Frankfurt (eu)\n  2 · Tokyo (ap)\nSelect an entry [1-2, default 1]: "
    assert labels(must(dotted, READING)) == ["Frankfurt (eu)", "Tokyo (ap)"]
    equals = "Charset:\n  1 = UTF-8\n  2 = Latin-1\n  3 = leave as is\nChoose from [1/2/3] (1): "
    d = must(equals, READING)
    assert labels(d) == ["UTF-8", "Latin-1", "leave as is"]
    assert plan_writes(d, "Latin-1") == [b"2", ENTER]


def test_a_phrase_to_type_above_a_bare_question_bracket_is_a_text_field() -> None:
    text = "To proceed type the words 'drop the ledger' exactly\n ?] "
    d = must(text, READING)
    assert (d.kind, d.question) == (
        PromptKind.TEXT,
        "To proceed type the words 'drop the ledger' exactly",
    )
    assert plan_writes(d, "drop the ledger") == [b"drop the ledger", ENTER]


def test_a_sentence_before_a_chevron_is_a_field_even_with_a_hint_row_under_it() -> None:
    text = f"Display name for the bot → {ESC}7\n{ESC}[2m  shown in channels{ESC}[0m{ESC}8"
    d = must(text, READING)
    assert (d.kind, d.question) == (PromptKind.TEXT, "Display name for the bot")


def test_a_shell_prompt_ending_in_a_chevron_is_no_question() -> None:
    for prompt in ("~/src/app on main › ", "alice@box ~ › ", "fish › ", "deploy › "):
        assert found(prompt, READING) is None, prompt
