"""An eleventh development set (c): the list classes the sixth held-out set showed misread.

Written for tuning (``fixed_half="dev"``), so adding them never changes the held-out
halves, in wordings and layouts of their own: cutie's select whose ``[x]`` box is its
cursor (three caption rows; none), cutie's select_multiple with captions and two rows
ticked, beaupy's select_multiple with no question above it, an @inquirer checkbox whose
groups are titled "– public –" with a disabled row, and clack's paged select answered
with a row already in view that the page scrolls under the arrows (walked down, and up).
"""

from __future__ import annotations

from tests.prompt_corpus.case_set import CaseSet
from tests.prompt_corpus.cases import Case

_SET = CaseSet("", "dev11c", "dev")
_py, _node, _case = _SET.py, _SET.node, _SET.case
_NODE = ("node",)


def dev11c_cases() -> list[Case]:
    return [
        # Captions ("On site", "Cloud", "Cold") are no options; the arrows pass over them.
        _case(
            "d11c-cutie-select-three-captions",
            "cutie",
            _py("cutie_select_three_captions"),
            "choice",
            ("nas-01", "nas-02", "s3-eu", "gcs-us", "glacier"),
            "gcs-us",
            "gcs-us",
        ),
        # No captions: the one [x] is the cursor of a single choice, not a tick.
        _case(
            "d11c-cutie-select-plain",
            "cutie",
            _py("cutie_select_plain"),
            "choice",
            ("quiet", "normal", "verbose", "debug"),
            "debug",
            "debug",
        ),
        # lint and e2e start ticked: the answer keeps lint, drops e2e, adds perf.
        _case(
            "d11c-cutie-multiple-captions",
            "cutie",
            _py("cutie_multiple_captions"),
            "multi_choice",
            ("lint", "typecheck", "unit", "e2e", "perf"),
            "lint, perf",
            ["lint", "perf"],
        ),
        # No question above the list; the key legend under it names no option.
        _case(
            "d11c-beaupy-multiple-untitled",
            "beaupy",
            _py("beaupy_multiple_untitled"),
            "multi_choice",
            ("postgres", "redis", "kafka", "minio", "nats", "vault"),
            "postgres, kafka, vault",
            ["kafka", "postgres", "vault"],
        ),
        # Two en-dash group titles and a disabled row: none is an option or a stop.
        _case(
            "d11c-iq-checkbox-dash-groups",
            "inquirer",
            _node("iq_checkbox_dash_groups"),
            "multi_choice",
            ("docker.io", "ghcr.io", "harbor.lan", "nexus.lan"),
            "docker.io, nexus.lan",
            ["docker", "nexus"],
            needs=_NODE,
        ),
        # The answer is in view, but the page scrolls under the arrows on the way to it.
        _case(
            "d11c-cl-select-scrolls-in-view",
            "paged",
            _node("cl_select_scrolls_in_view"),
            "choice",
            None,
            "r05",
            "r05",
            needs=_NODE,
        ),
        _case(
            "d11c-cl-select-scrolls-up-in-view",
            "paged",
            _node("cl_select_scrolls_up_in_view"),
            "choice",
            None,
            "sprint W07",
            "W07",
            needs=_NODE,
        ),
    ]
