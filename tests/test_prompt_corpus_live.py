"""A representative slice of the live prompt corpus, end to end through the supervisor.

The whole corpus (199 programs, a few minutes) runs with ``scripts/test --corpus``
or ``python -m tests.prompt_corpus``; this slice keeps every shape in the default
suite: a library menu, checkboxes, a boxed dialog, a numbered list with a
selection line, a line yes/no, a TUI confirm, a dialog whose focus starts on No, and
look-alikes that must stay silent (a shell whose prompt ends in "?" among them).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tests.prompt_corpus.__main__ import SEALED
from tests.prompt_corpus.cases import SPLIT_FILE, all_cases, available, split_text
from tests.prompt_corpus.held_check import CHECKED
from tests.prompt_corpus.runner import SPLITS, answer_value, report, run_cases

SLICE = [
    "questionary-select-target",
    "inquirerpy-checkbox-features",
    "inquirer-select-license",
    "clack-confirm-continue",
    "whiptail-yesno-overwrite",
    "dialog-radio-license",
    "numbered-default",
    "read-apt",
    "rich-text-default",
    "stdlib-sudo",
    "look-quote-yn-then-sleep",
    "look-numbered-quiet",
    "repl-ipython",
    "d2-whiptail-defaultno-yes",
    "d2-look-bash-ps1-question",
    "d6-keys-prose",
    "d6-inquirerpy-separator",
]


def test_the_recorded_split_is_the_one_the_fixed_hash_gives() -> None:
    assert SPLIT_FILE.read_text(encoding="utf-8") == split_text(all_cases())


def test_the_corpus_has_150_cases_and_40_look_alikes_in_both_halves() -> None:
    cases = [c for c in all_cases() if c.half in ("dev", "held_out")]
    lookalikes = [c for c in cases if not c.positive]
    assert len(cases) >= 150 and len(lookalikes) >= 40
    assert {c.half for c in lookalikes} == {"dev", "held_out"}


def test_the_second_held_out_set_has_60_cases_and_15_look_alikes_of_its_own() -> None:
    second = [c for c in all_cases() if c.half == "held_out_2"]
    assert len(second) >= 60 and len([c for c in second if not c.positive]) >= 15
    assert all(c.id.startswith("h2-") for c in second)
    recorded = SPLIT_FILE.read_text(encoding="utf-8")
    assert all(f"held_out_2\t{c.id}\n" in recorded for c in second)


def test_the_third_held_out_set_has_146_cases_and_27_look_alikes_of_its_own() -> None:
    third = [c for c in all_cases() if c.half == "held_out_3"]
    assert len(third) == 146 and len([c for c in third if not c.positive]) == 27
    assert all(c.id.startswith("h3-") for c in third)
    recorded = SPLIT_FILE.read_text(encoding="utf-8")
    assert all(f"held_out_3\t{c.id}\n" in recorded for c in third)


def test_the_fourth_held_out_set_has_153_cases_and_30_look_alikes_of_its_own() -> None:
    fourth = [c for c in all_cases() if c.half == "held_out_4"]
    assert len(fourth) == 153 and len([c for c in fourth if not c.positive]) == 30
    assert all(c.id.startswith("h4-") for c in fourth)
    recorded = SPLIT_FILE.read_text(encoding="utf-8")
    assert all(f"held_out_4\t{c.id}\n" in recorded for c in fourth)


def test_the_fifth_held_out_set_has_183_cases_and_42_look_alikes_of_its_own() -> None:
    fifth = [c for c in all_cases() if c.half == "held_out_5"]
    assert len(fifth) == 183 and len([c for c in fifth if not c.positive]) == 42
    assert all(c.id.startswith("h5-") for c in fifth)
    recorded = SPLIT_FILE.read_text(encoding="utf-8")
    assert all(f"held_out_5\t{c.id}\n" in recorded for c in fifth)


def test_the_sixth_held_out_set_has_176_cases_and_43_look_alikes_of_its_own() -> None:
    sixth = [c for c in all_cases() if c.half == "held_out_6"]
    assert len(sixth) == 176 and len([c for c in sixth if not c.positive]) == 43
    assert all(c.id.startswith("h6-") for c in sixth)
    recorded = SPLIT_FILE.read_text(encoding="utf-8")
    assert all(f"held_out_6\t{c.id}\n" in recorded for c in sixth)


def test_the_seventh_held_out_set_has_197_cases_and_42_look_alikes_of_its_own() -> None:
    seventh = [c for c in all_cases() if c.half == "held_out_7"]
    assert len(seventh) == 178 and len([c for c in seventh if not c.positive]) == 42
    assert all(c.id.startswith("h7-") for c in seventh)
    recorded = SPLIT_FILE.read_text(encoding="utf-8")
    assert all(f"held_out_7\t{c.id}\n" in recorded for c in seventh)


def test_the_eighth_held_out_set_has_168_cases_and_41_look_alikes_of_its_own() -> None:
    eighth = [c for c in all_cases() if c.half == "held_out_8"]
    assert len(eighth) == 168 and len([c for c in eighth if not c.positive]) == 41
    assert all(c.id.startswith("h8-") for c in eighth)
    recorded = SPLIT_FILE.read_text(encoding="utf-8")
    assert all(f"held_out_8\t{c.id}\n" in recorded for c in eighth)


def test_the_ninth_held_out_set_has_199_cases_and_43_look_alikes_of_its_own() -> None:
    ninth = [c for c in all_cases() if c.half == "held_out_9"]
    assert len(ninth) == 199 and len([c for c in ninth if not c.positive]) == 43
    assert all(c.id.startswith("h9-") for c in ninth)
    recorded = SPLIT_FILE.read_text(encoding="utf-8")
    assert all(f"held_out_9\t{c.id}\n" in recorded for c in ninth)


def test_the_tenth_held_out_set_has_180_cases_and_37_look_alikes_of_its_own() -> None:
    tenth = [c for c in all_cases() if c.half == "held_out_10"]
    assert len(tenth) == 180 and len([c for c in tenth if not c.positive]) == 37
    assert all(c.id.startswith("h10-") for c in tenth)
    recorded = SPLIT_FILE.read_text(encoding="utf-8")
    assert all(f"held_out_10\t{c.id}\n" in recorded for c in tenth)


def test_the_eleventh_held_out_set_has_170_cases_and_31_look_alikes_of_its_own() -> None:
    eleventh = [c for c in all_cases() if c.half == "held_out_11"]
    assert len(eleventh) == 170 and len([c for c in eleventh if not c.positive]) == 31
    assert all(c.id.startswith("h11-") for c in eleventh)
    recorded = SPLIT_FILE.read_text(encoding="utf-8")
    assert all(f"held_out_11\t{c.id}\n" in recorded for c in eleventh)


def test_the_twelfth_held_out_set_has_152_cases_and_30_look_alikes_of_its_own() -> None:
    twelfth = [c for c in all_cases() if c.half == "held_out_12"]
    assert len(twelfth) == 152 and len([c for c in twelfth if not c.positive]) == 30
    assert all(c.id.startswith("h12-") for c in twelfth)
    recorded = SPLIT_FILE.read_text(encoding="utf-8")
    assert all(f"held_out_12\t{c.id}\n" in recorded for c in twelfth)


def test_the_thirteenth_held_out_set_has_156_cases_and_30_look_alikes_of_its_own() -> None:
    thirteenth = [c for c in all_cases() if c.half == "held_out_13"]
    assert len(thirteenth) == 156 and len([c for c in thirteenth if not c.positive]) == 30
    assert all(c.id.startswith("h13-") for c in thirteenth)
    recorded = SPLIT_FILE.read_text(encoding="utf-8")
    assert all(f"held_out_13\t{c.id}\n" in recorded for c in thirteenth)


def test_a_printed_answer_is_read_without_the_row_tail_it_was_printed_over() -> None:
    assert answer_value('"n" projects stay readable') == "n"
    assert answer_value('["web", "api"]  tail') == ["web", "api"]
    assert answer_value("8") == 8
    assert answer_value("2026-12-02 03:00 ") == "2026-12-02 03:00"


def test_the_default_slice_runs_no_case_of_the_sealed_held_out_sets() -> None:
    assert SEALED[0] == "held_out_4" and SEALED[-1] == SPLITS[-1]  # 4 to the newest
    assert not [c for c in all_cases() if c.id in SLICE and c.half in SEALED]


def test_a_corpus_run_covers_a_sealed_set_only_when_its_split_is_named() -> None:
    from tests.prompt_corpus.__main__ import chosen_cases

    cases = all_cases()
    assert not [c for c in chosen_cases(cases, None, "") if c.half in SEALED]
    for split in SEALED:
        assert not chosen_cases(cases, None, f"h{split.removeprefix('held_out_')}-")
    fourth = chosen_cases(cases, "held_out_4", "")
    assert len(fourth) == 153 and {c.half for c in fourth} == {"held_out_4"}
    fifth = chosen_cases(cases, "held_out_5", "")
    assert len(fifth) == 183 and {c.half for c in fifth} == {"held_out_5"}
    sixth = chosen_cases(cases, "held_out_6", "")
    assert len(sixth) == 176 and {c.half for c in sixth} == {"held_out_6"}
    seventh = chosen_cases(cases, "held_out_7", "")
    assert len(seventh) == 178 and {c.half for c in seventh} == {"held_out_7"}
    eighth = chosen_cases(cases, "held_out_8", "")
    assert len(eighth) == 168 and {c.half for c in eighth} == {"held_out_8"}
    ninth = chosen_cases(cases, "held_out_9", "")
    assert len(ninth) == 199 and {c.half for c in ninth} == {"held_out_9"}
    tenth = chosen_cases(cases, "held_out_10", "")
    assert len(tenth) == 180 and {c.half for c in tenth} == {"held_out_10"}
    eleventh = chosen_cases(cases, "held_out_11", "")
    assert len(eleventh) == 170 and {c.half for c in eleventh} == {"held_out_11"}
    twelfth = chosen_cases(cases, "held_out_12", "")
    assert len(twelfth) == 152 and {c.half for c in twelfth} == {"held_out_12"}
    thirteenth = chosen_cases(cases, "held_out_13", "")
    assert len(thirteenth) == 156 and {c.half for c in thirteenth} == {"held_out_13"}
    assert {c.half for c in chosen_cases(cases, None, "")} == {
        "dev",
        "held_out",
        "held_out_2",
        "held_out_3",
    }


@pytest.mark.parametrize("split", CHECKED)
def test_every_held_out_program_has_the_screen_text_and_keys_that_check_it(split: str) -> None:
    from tests.prompt_corpus.held_check import shows_keys

    cases = {c.id: c for c in all_cases() if c.half == split}
    table = shows_keys(split)
    assert set(table) == set(cases)
    assert all(bool(keys) == cases[cid].positive for cid, (_, keys) in table.items())


def test_the_program_check_refuses_a_split_that_has_no_keys() -> None:
    from tests.prompt_corpus.held_check import shows_keys

    with pytest.raises(ValueError, match="no screen text and keys for 'dev'"):
        shows_keys("dev")


def test_the_program_check_passes_a_program_true_to_its_case_and_fails_a_wrong_case(
    tmp_path: Path,
) -> None:
    from tests.prompt_corpus.held_check import check

    third = {c.id: c for c in all_cases() if c.half == "held_out_3"}
    right = third["h3-rm-i"]
    assert check(right, str(tmp_path)) is None
    wrong = dataclasses.replace(right, expect="removed")
    assert "want 'removed'" in (check(wrong, str(tmp_path)) or "")


async def test_a_slice_of_real_prompt_programs_is_detected_and_answered_end_to_end() -> None:
    chosen = {c.id: c for c in all_cases() if c.id in SLICE}
    assert set(chosen) == set(SLICE)
    runnable = [c for c in chosen.values() if available(c) is None]
    if len(runnable) < len(SLICE) // 2:
        pytest.skip("the corpus programs are not installed: run scripts/prompt-corpus-deps")
    results = await run_cases(runnable, jobs=3)
    wrong = [
        r
        for r in results
        if r.case.positive
        and not (
            r.kind_right
            and r.options_right
            and (r.answered or r.case.answer is None and r.case.kind != "secret")
        )
        or not r.case.positive
        and r.detected
    ]
    assert not wrong, report(results, verbose=True)


def test_the_corpus_command_fails_when_any_held_out_set_misses_a_target() -> None:
    from tests.prompt_corpus.__main__ import missed_targets
    from tests.prompt_corpus.runner import Result

    def perfect(split: str) -> list[Result]:
        chosen = [c for c in all_cases() if c.half == split and c.positive and c.options is None]
        return [Result(case=c, detected=True, answered=True) for c in chosen]

    third, fourth, fifth = perfect("held_out_3"), perfect("held_out_4"), perfect("held_out_5")
    assert missed_targets(third + fourth + fifth) == []
    for result in fourth[: len(fourth) // 10]:  # a tenth unanswered: below 0.95
        result.answered = False
    assert missed_targets(third + fourth + fifth) == ["held_out_4"]
    look = next(c for c in all_cases() if c.half == "held_out_5" and not c.positive)
    flagged = Result(case=look, detected=True)  # one false positive fails the fifth set
    assert missed_targets(fifth + [flagged]) == ["held_out_5"]
    sixth = perfect("held_out_6")
    assert missed_targets(sixth) == []
    for result in sixth[: len(sixth) // 10]:  # a tenth not detected: recall below 0.97
        result.detected = False
    assert missed_targets(third + sixth) == ["held_out_6"]
    seventh = perfect("held_out_7")
    assert missed_targets(seventh) == []
    look = next(c for c in all_cases() if c.half == "held_out_7" and not c.positive)
    assert missed_targets(seventh + [Result(case=look, detected=True)]) == ["held_out_7"]
    eighth = perfect("held_out_8")
    assert missed_targets(eighth) == []
    look = next(c for c in all_cases() if c.half == "held_out_8" and not c.positive)
    assert missed_targets(eighth + [Result(case=look, detected=True)]) == ["held_out_8"]
    ninth = perfect("held_out_9")
    assert missed_targets(ninth) == []
    look = next(c for c in all_cases() if c.half == "held_out_9" and not c.positive)
    assert missed_targets(ninth + [Result(case=look, detected=True)]) == ["held_out_9"]
    tenth = perfect("held_out_10")
    assert missed_targets(tenth) == []
    look = next(c for c in all_cases() if c.half == "held_out_10" and not c.positive)
    assert missed_targets(tenth + [Result(case=look, detected=True)]) == ["held_out_10"]
    eleventh = perfect("held_out_11")
    assert missed_targets(eleventh) == []
    look = next(c for c in all_cases() if c.half == "held_out_11" and not c.positive)
    assert missed_targets(eleventh + [Result(case=look, detected=True)]) == ["held_out_11"]
    twelfth = perfect("held_out_12")
    assert missed_targets(twelfth) == []
    look = next(c for c in all_cases() if c.half == "held_out_12" and not c.positive)
    assert missed_targets(twelfth + [Result(case=look, detected=True)]) == ["held_out_12"]
    thirteenth = perfect("held_out_13")
    assert missed_targets(thirteenth) == []
    look = next(c for c in all_cases() if c.half == "held_out_13" and not c.positive)
    assert missed_targets(thirteenth + [Result(case=look, detected=True)]) == ["held_out_13"]
