"""A twelfth development set (a): the line-prompt classes the seventh held-out run showed.

Written for tuning (``fixed_half="dev"``), in new wordings and layouts: a secure question
whose field echoes while typing, a confirm drawn as ``Yes/No`` after its question, letter
keys in prose with the default key after them, numbered lists set off by a dash or a bullet
and answered by label, a phrase typed on a bare ``?]`` line, a chevron label with a hint row,
and a prefilled field whose library binds no line kill (survey: only Backspace).
"""

from __future__ import annotations

from tests.prompt_corpus.case_set import CaseSet
from tests.prompt_corpus.cases import Case

_SET = CaseSet("", "dev12a", "dev")
_py, _node, _sh, _case = _SET.py, _SET.node, _SET.sh, _SET.case
_NODE = ("node",)


def dev12a_cases() -> list[Case]:
    return [
        # The field echoes what is typed: only its name says it holds a secret.
        _case(
            "d12a-tp-secure-client-key",
            "password-style",
            _node("tp_secure_client_key"),
            "secret",
            needs=_NODE,
        ),
        _case(
            "d12a-tp-confirm-starts-no",
            "topcli-prompts",
            _node("tp_confirm_starts_no"),
            "yes_no",
            ("Yes", "No"),
            "yes",
            True,
            needs=_NODE,
        ),
        # "(d)ebug, (i)nfo, (w)arn, (e)rror (i):": the last key repeated is the default.
        _case(
            "d12a-read-log-level-letters-default",
            "multi-key",
            _sh("read_log_level_letters_default"),
            "choice",
            ("debug", "info", "warn", "error"),
            "warn",
            "warn",
        ),
        _case(
            "d12a-read-em-dash-numbered-pick",
            "numbered-line",
            _sh("read_em_dash_numbered_pick"),
            "choice",
            ("merge commit", "squash and merge", "rebase and merge", "fast-forward only"),
            "rebase and merge",
            "rebase",
        ),
        _case(
            "d12a-bullet-numbered-range-default",
            "numbered-line",
            _py("bullet_numbered_range_default"),
            "choice",
            ("Frankfurt (eu-central)", "Dublin (eu-west)", "Virginia (us-east)", "Tokyo (ap-ne)"),
            "Virginia (us-east)",
            "Virginia (us-east)",
        ),
        _case(
            "d12a-read-phrase-bare-marker",
            "confirm-by-typing",
            _sh("read_phrase_bare_marker"),
            "text",
            None,
            "drop the ledger",
            "dropped",
        ),
        _case(
            "d12a-chevron-label-hint-under",
            "stdlib",
            _py("chevron_label_hint_under"),
            "text",
            None,
            "relbot",
            "relbot",
        ),
        # The field holds "0.5" and its library binds no line kill.
        _case(
            "d12a-survey-decimal-prefilled",
            "prefilled",
            _py("survey_decimal_prefilled"),
            "text",
            None,
            "0.25",
            0.25,
        ),
    ]
