"""Eleventh development set (c), Python side: ``dev11c.py <scenario>``.

Lists the sixth held-out set showed misread, in new wordings and layouts: cutie's
select whose box is its cursor (with three caption rows, and with none), cutie's
select_multiple (cursor in other brackets than the ticks, with captions) and beaupy's
select_multiple drawn with no question above it. Prints ``ANSWER=<json>``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any


def done(value: Any) -> None:
    print(f"\nANSWER={json.dumps(value)}", flush=True)


def cutie_select_three_captions() -> Any:
    import cutie

    print("Where should the nightly backup be stored?")
    options = ["On site", "nas-01", "nas-02", "Cloud", "s3-eu", "gcs-us", "Cold", "glacier"]
    picked = cutie.select(options, caption_indices=[0, 3, 6], selected_index=2)
    return options[picked]


def cutie_select_plain() -> Any:
    import cutie

    print("Log verbosity for this run?")
    options = ["quiet", "normal", "verbose", "debug"]
    return options[cutie.select(options, selected_index=1)]


def cutie_multiple_captions() -> Any:
    import cutie

    print("Which checks gate the merge?")
    names = ["Static", "lint", "typecheck", "Runtime", "unit", "e2e", "perf"]
    picked = cutie.select_multiple(
        names, caption_indices=[0, 3], ticked_indices=[1, 5], cursor_index=1
    )
    return sorted(names[i] for i in picked)


def beaupy_multiple_untitled() -> Any:
    import beaupy

    names = ["postgres", "redis", "kafka", "minio", "nats", "vault"]
    return sorted(beaupy.select_multiple(names, ticked_indices=[0, 4]))


SCENARIOS: dict[str, Callable[[], Any]] = {
    f.__name__: f
    for f in (
        cutie_select_three_captions,
        cutie_select_plain,
        cutie_multiple_captions,
        beaupy_multiple_untitled,
    )
}


if __name__ == "__main__":
    done(SCENARIOS[sys.argv[1]]())
