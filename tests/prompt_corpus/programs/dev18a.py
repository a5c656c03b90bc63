"""Eighteenth development set (a), Python side: ``dev18a.py <scenario>``.

Menus drawn with a pointer of the caller's choosing (questionary's and InquirerPy's
``pointer=``), fields whose prefilled default is the right answer (prompt_toolkit,
questionary, InquirerPy), masked fields asked in neutral words (InquirerPy's ``secret``,
questionary's ``password``), and look-alikes: a log line holding a masked value, a menu
printed into a log, a console at its usual banner and prompt. Prompts print
``ANSWER=<json>``; look-alikes never ask anything.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from typing import Any

SCENARIOS: dict[str, Callable[[], Any]] = {}


def scenario(fn: Callable[[], Any]) -> Callable[[], Any]:
    SCENARIOS[fn.__name__] = fn
    return fn


def done(value: Any) -> None:
    print(f"\nANSWER={json.dumps(value)}", flush=True)


def forever() -> None:
    while True:
        time.sleep(3600)  # noqa: sleep-ok - a look-alike that never asks


def secret(text: str) -> str:
    return f"len{len(text)}"


# ---------------------------------------------------------------- custom pointers


@scenario
def q_select_arrow_pointer_seven() -> Any:
    import questionary

    return questionary.select(
        "Which herbarium drawer should be scanned first?",
        choices=["Ferns", "Mosses", "Lichens", "Grasses", "Sedges", "Orchids", "Conifers"],
        pointer="➜",
    ).ask()


@scenario
def q_select_triangle_indicator_default() -> Any:
    import questionary

    return questionary.select(
        "Kiln firing schedule",
        choices=["bisque 06", "glaze 6", "raku", "low-fire 04"],
        pointer="▶",
        use_indicator=True,
        default="raku",
    ).ask()


@scenario
def q_select_star_pointer() -> Any:
    import questionary

    return questionary.select(
        "Loom to thread next",
        choices=["floor loom", "rigid heddle", "inkle", "tapestry frame", "backstrap"],
        pointer="*",
    ).ask()


@scenario
def q_select_guillemet_default_third() -> Any:
    import questionary

    return questionary.select(
        "Mooring for the visiting ketch",
        choices=["pontoon A", "pontoon B", "swinging buoy 7", "harbour wall"],
        pointer="»",
        default="swinging buoy 7",
    ).ask()


@scenario
def q_select_hand_pointer_indicator() -> Any:
    import questionary

    return questionary.select(
        "Cheese to turn this morning",
        choices=["cheddar truckle", "wensleydale", "blue stilton", "red leicester"],
        pointer="👉",
        use_indicator=True,
    ).ask()


@scenario
def q_select_word_pointer() -> Any:
    import questionary

    return questionary.select(
        "Bell method for Sunday service",
        choices=["Plain Bob", "Grandsire", "Stedman", "Kent Treble Bob"],
        pointer="go",
    ).ask()


@scenario
def ipy_select_arrow_pointer_default() -> Any:
    from InquirerPy import inquirer

    return inquirer.select(
        message="Weir gauge to calibrate:",
        choices=["Upper mill", "Lock 12", "Sluice north", "Sluice south", "Tail race"],
        pointer="→",
        default="Sluice north",
    ).execute()


@scenario
def ipy_select_triangle_pointer() -> Any:
    from InquirerPy import inquirer

    return inquirer.select(
        message="Apiary to inspect:",
        choices=["orchard row", "heather moor", "churchyard", "rooftop"],
        pointer="▶",
    ).execute()


@scenario
def ipy_select_hand_pointer_default() -> Any:
    from InquirerPy import inquirer

    return inquirer.select(
        message="Hedge to lay this winter:",
        choices=["north boundary", "lane side", "orchard gap", "pond corner"],
        pointer="👉",
        default="lane side",
    ).execute()


# ---------------------------------------------------------------- defaults kept


@scenario
def ptk_prompt_default_keep_port() -> Any:
    from prompt_toolkit import prompt

    return prompt("Telescope mount serial port: ", default="/dev/ttyUSB0")


@scenario
def ptk_prompt_default_keep_number() -> Any:
    from prompt_toolkit import prompt

    return prompt("Rows per sheet [1-60]: ", default="48")


@scenario
def ptk_prompt_default_keep_copy() -> Any:
    from prompt_toolkit import prompt

    return prompt("Greenhouse humidity target (%): ", default="65")


@scenario
def ptk_prompt_rate_unit_replace() -> Any:
    from prompt_toolkit import prompt

    return prompt("Upload ceiling (MB/s): ", default="40")


@scenario
def ptk_prompt_rate_unit_keep() -> Any:
    from prompt_toolkit import prompt

    return prompt("Dome rotation speed (°/min): ", default="12")


@scenario
def q_text_default_keep_ward() -> Any:
    import questionary

    return questionary.text("Polling station ward", default="Riverside East").ask()


@scenario
def ipy_text_default_keep() -> Any:
    from InquirerPy import inquirer

    return inquirer.text(message="Ferry timetable year:", default="2026").execute()


# ---------------------------------------------------------------- masked fields


@scenario
def ipy_secret_pin_copy() -> Any:
    from InquirerPy import inquirer

    return secret(inquirer.secret(message="Safe deposit PIN:").execute())


@scenario
def ipy_secret_neutral() -> Any:
    from InquirerPy import inquirer

    return secret(inquirer.secret(message="Combination for the tool locker:").execute())


@scenario
def q_password_neutral() -> Any:
    import questionary

    return secret(questionary.password("Phrase that unlocks the archive").ask())


# ---------------------------------------------------------------- look-alikes


@scenario
def look_masked_value_in_log() -> Any:
    print("[sync] connecting to the gauge archive", flush=True)
    print("Token: ********", flush=True)
    print("Combination for the tool locker: ****", flush=True)
    print("[sync] 412 readings queued, uploading in the background", flush=True)
    forever()


@scenario
def look_pointer_menu_in_log() -> Any:
    print("Last run asked:", flush=True)
    print("? Mooring for the visiting ketch", flush=True)
    print("   pontoon A", flush=True)
    print(" » pontoon B", flush=True)
    print("   swinging buoy 7", flush=True)
    print("   harbour wall", flush=True)
    print("and the operator chose pontoon B; replaying the moorings now.", flush=True)
    forever()


@scenario
def look_custom_pointer_menu_last() -> Any:
    print("Replaying the recorded session:", flush=True)
    print("? Bell method for Sunday service (Use arrow keys)", flush=True)
    print(" 👉 Plain Bob", flush=True)
    print("    Grandsire", flush=True)
    print("    Stedman", flush=True)
    forever()


@scenario
def look_console_banner() -> Any:
    import code

    code.interact(banner="Gauge console 1.4 (type help() for help)", local={})
    return None


@scenario
def look_prefilled_value_in_log() -> Any:
    print("Telescope mount serial port: /dev/ttyUSB0", flush=True)
    print("Rows per sheet [1-60]: 48", flush=True)
    print("[mount] slewing to the home position, this takes a while", flush=True)
    forever()


if __name__ == "__main__":
    done(SCENARIOS[sys.argv[1]]())
