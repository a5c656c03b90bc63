"""Thirteenth held-out set, Python side: ``held13.py <scenario>``.

Only the libraries issue 12 names (click, typer, questionary, InquirerPy, prompt_toolkit,
rich) and the standard library (``input()``, ``getpass``), in wordings and layouts no earlier
set uses (a mountain refuge, a marionette theatre, a clockmaker's bench and a glassblowing
studio), and look-alikes (REPLs with their banners, rich live screens and progress, click
progress bars, streamed agent text quoting prompts, test runners, countdowns, programs that
printed a question and went on working). Prompts print ``ANSWER=<json>``; look-alikes never
ask anything. Written blind; never used for tuning.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from enum import StrEnum
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


class Rope(StrEnum):
    """Typer reads an option's annotation by name, so its Enum lives at module level."""

    hemp = "hemp"
    dyneema = "dyneema"
    kernmantle = "kernmantle"


# ---------------------------------------------------------------- click / typer


@scenario
def click_choice_hut_sector() -> Any:
    import click

    click.echo("Refuge Albert-Premier · 142 bunks across five dormitories.")
    return click.prompt(
        "Dormitory for the late arrivals",
        type=click.Choice(["aiguille", "glacier", "moraine", "crevasse", "serac"]),
        default="moraine",
        show_choices=True,
    )


@scenario
def click_confirm_default_no_yes() -> Any:
    import click

    return click.confirm("Lower the funicular's evening speed limit", default=False)


@scenario
def click_float_default_replace() -> Any:
    import click

    return click.prompt("Escapement beat error tolerance (ms)", type=float, default=2.5)


@scenario
def click_password_radio_pin() -> Any:
    import click

    click.echo("The warden's radio is locked after 22:00.")
    return secret(click.prompt("Radio PIN", hide_input=True))


@scenario
def click_text_below_box() -> Any:
    import click

    click.secho("┌" + "─" * 46 + "┐", fg="magenta")
    click.secho("│  MARIONETTE THEATRE · string inventory       │", fg="magenta")
    click.secho("└" + "─" * 46 + "┘", fg="magenta")
    return click.prompt("Puppet to restring tonight")


@scenario
def click_getchar_digits() -> Any:
    import click

    click.echo("Furnace 2 is 40 °C under its glory-hole target.")
    click.echo("  1  wait for it    2  switch to furnace 1    3  end the session")
    click.echo("Press 1, 2 or 3: ", nl=False)
    c = click.getchar()
    return {"1": "wait", "2": "switch", "3": "end"}.get(c, c)


@scenario
def typer_enum_rope() -> Any:
    import typer

    app = typer.Typer()
    out: list[Any] = []

    @app.command()
    def main(
        rope: Rope = typer.Option(..., prompt="Rope for the via ferrata rescue kit"),  # noqa: B008
    ) -> None:
        out.append(rope.value)

    try:
        app([], standalone_mode=False)
    except SystemExit:
        pass
    return out[0]


@scenario
def typer_confirm_default_yes_no() -> Any:
    import typer

    return typer.confirm("Rewind every longcase clock before the auction?", default=True)


@scenario
def typer_prompt_int_replace() -> Any:
    import typer

    return typer.prompt("Gathers of glass per goblet", type=int, default=3)


# ---------------------------------------------------------------- rich


@scenario
def rich_choices_default_glass() -> Any:
    from rich.prompt import Prompt

    return Prompt.ask(
        "Colour rod for the paperweights",
        choices=["cobalt", "amber", "ruby", "opal", "uranium"],
        default="amber",
    )


@scenario
def rich_confirm_under_panel() -> Any:
    from rich.console import Console
    from rich.panel import Panel
    from rich.prompt import Confirm

    console = Console()
    console.print(Panel("Avalanche bulletin: level 3 above 2400 m", title="Refuge notice"))
    return Confirm.ask("Keep the north couloir route open tomorrow?", default=True)


@scenario
def rich_float_keep() -> Any:
    from rich.prompt import FloatPrompt

    return FloatPrompt.ask("Pendulum length in metres", default=0.994)


@scenario
def rich_password_under_rule() -> Any:
    from rich.console import Console
    from rich.prompt import Prompt

    console = Console()
    console.rule("Auction house login")
    return secret(Prompt.ask("Bidder passphrase", password=True))


@scenario
def rich_numbered_columns_by_label() -> Any:
    from rich.console import Console
    from rich.prompt import Prompt

    console = Console()
    rows = ["Punch", "Judy", "Crocodile", "Policeman", "Baby", "Hangman"]
    console.print("[bold]Which puppet opens the matinée?[/]")
    for i, r in enumerate(rows, 1):
        console.print(f"  [cyan]{i})[/] {r}")
    n = Prompt.ask("Puppet number", choices=[str(i) for i in range(1, 7)])
    return rows[int(n) - 1]


@scenario
def rich_prompt_default_replace() -> Any:
    from rich.prompt import Prompt

    return Prompt.ask("Engraving on the clock dial", default="Fecit Londini")


# ---------------------------------------------------------------- questionary


@scenario
def q_select_shortcuts_five() -> Any:
    import questionary

    return questionary.select(
        "Which hut gets the spare stove?",
        choices=[
            "Cabane Rossier",
            "Refuge du Goûter",
            "Hörnlihütte",
            "Capanna Margherita",
            "Vallot",
        ],
        use_shortcuts=True,
    ).ask()


@scenario
def q_select_default_last_pointer() -> Any:
    import questionary

    return questionary.select(
        "Mainspring strength for the carriage clock",
        choices=["0.10 mm", "0.12 mm", "0.14 mm", "0.16 mm"],
        default="0.16 mm",
        pointer="▸",
    ).ask()


@scenario
def q_select_twelve_long() -> Any:
    import questionary

    months = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
    return questionary.select("Month the refuge opens for the season", choices=months).ask()


@scenario
def q_checkbox_two_preticked_add() -> Any:
    import questionary
    from questionary import Choice

    return questionary.checkbox(
        "Marionettes packed for the touring van",
        choices=[
            Choice("Harlequin", checked=True),
            Choice("Columbine"),
            Choice("Pierrot", checked=True),
            Choice("Pantaloon"),
            Choice("Scaramouche"),
        ],
    ).ask()


@scenario
def q_checkbox_wrapped_question() -> Any:
    import questionary

    return questionary.checkbox(
        "The glass studio's annealing oven can hold only part of tomorrow's work, so which "
        "batches should go in overnight and which wait for Thursday's cycle?",
        choices=["vases", "tumblers", "beads", "lamp shades"],
    ).ask()


@scenario
def q_confirm_default_true_no() -> Any:
    import questionary

    return questionary.confirm("Sound the hut's gong for dinner at seven?").ask()


@scenario
def q_text_default_replace() -> Any:
    import questionary

    return questionary.text("Name painted on the new sledge", default="Sledge 4").ask()


@scenario
def q_password_dots() -> Any:
    import questionary

    return secret(questionary.password("Combination of the rope store:").ask())


@scenario
def q_rawselect_by_label() -> Any:
    import questionary

    return questionary.rawselect(
        "Chime for the quarter hours",
        choices=["Westminster", "Whittington", "St Michael", "Ave Maria"],
    ).ask()


@scenario
def q_autocomplete_summit() -> Any:
    import questionary

    return questionary.autocomplete(
        "Summit for the guided ascent",
        choices=["Aiguille du Midi", "Dent Blanche", "Grand Combin", "Matterhorn", "Weisshorn"],
    ).ask()


@scenario
def q_press_any_key_glass() -> Any:
    import questionary

    print("The gather is on the pipe.")
    questionary.press_any_key_to_continue("Press any key once the marver is clean").ask()
    return "blown"


@scenario
def q_select_separator_choices() -> Any:
    import questionary
    from questionary import Choice, Separator

    return questionary.select(
        "Stage for the Saturday show",
        choices=[
            Separator("-- indoor --"),
            Choice("Main proscenium", value="main"),
            Choice("Studio", value="studio"),
            Separator("-- outdoor --"),
            Choice("Courtyard", value="courtyard"),
            Choice("Riverside tent", value="tent"),
        ],
    ).ask()


# ---------------------------------------------------------------- InquirerPy


@scenario
def ipy_select_default_third() -> Any:
    from InquirerPy import inquirer

    return inquirer.select(
        message="Escapement for the apprentice's first clock:",
        choices=["anchor", "deadbeat", "grasshopper", "verge", "pin-wheel"],
        default="grasshopper",
    ).execute()


@scenario
def ipy_checkbox_enabled_rows() -> Any:
    from InquirerPy import inquirer
    from InquirerPy.base.control import Choice

    return inquirer.checkbox(
        message="Crampon sizes to reorder:",
        choices=[
            Choice("S", enabled=True),
            Choice("M"),
            Choice("L", enabled=True),
            Choice("XL"),
        ],
    ).execute()


@scenario
def ipy_confirm_default_false_yes() -> Any:
    from InquirerPy import inquirer

    return inquirer.confirm(message="Book the marionette workshop for Sunday?").execute()


@scenario
def ipy_text_default_keep() -> Any:
    from InquirerPy import inquirer

    return inquirer.text(message="Furnace log file:", default="furnace-2.log").execute()


@scenario
def ipy_secret_vault() -> Any:
    from InquirerPy import inquirer

    return secret(inquirer.secret(message="Clock-room key safe code:").execute())


@scenario
def ipy_rawlist_by_number() -> Any:
    from InquirerPy import inquirer

    return inquirer.rawlist(
        message="Mould for the next batch:",
        choices=["fluted", "optic", "twisted", "plain", "hobnail", "diamond"],
    ).execute()


@scenario
def ipy_number_keep() -> Any:
    from InquirerPy import inquirer

    return int(inquirer.number(message="Mattresses to air today:", default=24).execute())


@scenario
def ipy_select_custom_pointer_long() -> Any:
    from InquirerPy import inquirer

    return inquirer.select(
        message="Hut warden on duty for the weekend:",
        choices=["Anselm", "Bettina", "Corin", "Doris", "Egon", "Franca", "Gaspard", "Hedi", "Ivo"],
        pointer="→",
    ).execute()


@scenario
def ipy_filepath_replace() -> Any:
    from InquirerPy import inquirer

    return inquirer.filepath(message="Puppet script to print:", default="act1.txt").execute()


# ---------------------------------------------------------------- prompt_toolkit


@scenario
def ptk_prompt_default_replace() -> Any:
    from prompt_toolkit import prompt

    return prompt("Kiln-free cooling ramp (°C/h): ", default="80")


@scenario
def ptk_choice_default_second() -> Any:
    from prompt_toolkit.shortcuts import choice

    return choice(
        message="Which bell strikes the hour on the turret clock?",
        options=[("treble", "Treble bell"), ("great", "Great bell"), ("ting", "Ting-tang pair")],
        default="great",
    )


@scenario
def ptk_button_dialog_three() -> Any:
    from prompt_toolkit.shortcuts import button_dialog

    return button_dialog(
        title="Refuge",
        text="Hail is forecast at 15:00. What do the guided groups do?",
        buttons=[("Descend", "descend"), ("Shelter", "shelter"), ("Carry on", "carry")],
    ).run()


@scenario
def ptk_checkboxlist_dialog() -> Any:
    from prompt_toolkit.shortcuts import checkboxlist_dialog

    return checkboxlist_dialog(
        title="Glass studio",
        text="Tools to sharpen this week:",
        values=[("jacks", "Jacks"), ("shears", "Shears"), ("tweezers", "Tweezers")],
    ).run()


@scenario
def ptk_input_dialog_text() -> Any:
    from prompt_toolkit.shortcuts import input_dialog

    return input_dialog(title="Theatre", text="Title of the new puppet play:").run()


@scenario
def ptk_password_star() -> Any:
    from prompt_toolkit import prompt

    return secret(prompt("Winding key locker code: ", is_password=True))


# ---------------------------------------------------------------- standard library


@scenario
def std_numbered_two_columns_number() -> Any:
    rows = ["Aosta", "Bivio", "Chamonix", "Davos", "Evolène", "Finhaut", "Grindelwald", "Hospental"]
    print("Valley base for the mountain rescue drill:")
    for i in range(0, 8, 2):
        print(f"  {i + 1:>2}) {rows[i]:<14}{i + 2:>2}) {rows[i + 1]}")
    reply = input("#? ").strip()
    return rows[int(reply) - 1] if reply.isdigit() else reply


@scenario
def std_numbered_by_label() -> Any:
    rows = ["brass", "steel", "nickel silver"]
    print("Material for the replacement hands:")
    for i, r in enumerate(rows, 1):
        print(f"  {i}: {r}")
    reply = input("Choice [1-3]: ").strip()
    return rows[int(reply) - 1] if reply.isdigit() else reply


@scenario
def std_type_title_confirm() -> Any:
    print("This removes the marionette 'Old Gepetto' and its stringing notes for good.")
    reply = input("To confirm, type the puppet's name: ")
    return "removed" if reply == "Old Gepetto" else reply


@scenario
def std_yes_no_default_no() -> Any:
    reply = input("Relight the glory hole before the glassblowers arrive? [y/N]: ").strip().lower()
    return "lit" if reply in ("y", "yes") else "cold"


@scenario
def std_wrapped_question_yes_no() -> Any:
    reply = input(
        "The helicopter that supplies the refuge can carry either the new solar panels or the "
        "winter food stores on Tuesday's flight, and the panels would leave the kitchen short "
        "until Friday; send the panels first? [yes/no] "
    )
    return reply.strip()


@scenario
def std_question_above_rule() -> Any:
    print("Which clock should be collected by the courier?")
    print("─" * 50)
    print(" courier arrives 14:00 · one parcel only")
    print("─" * 50)
    return input("clock: ")


@scenario
def std_getpass_sudo_style() -> Any:
    import getpass

    return secret(getpass.getpass("[sudo] password for hutwarden: "))


@scenario
def std_getpass_gpg_style() -> Any:
    import getpass

    print("You need a passphrase to unlock the secret key for")
    print('user: "Glass Studio <studio@example.org>"')
    print("255-bit EDDSA key, ID 4F2A9C1D7E3B, created 2024-03-01")
    return secret(getpass.getpass("Passphrase: "))


@scenario
def std_letter_keys() -> Any:
    print("The script for 'The Clockwork Nightingale' has two versions.")
    reply = input("Keep (o)ld, (n)ew, (m)erge, or (q)uit? ").strip()
    return {"o": "old", "n": "new", "m": "merge", "q": "quit"}.get(reply, reply)


@scenario
def std_press_enter() -> Any:
    print("Clamp the movement in the holder.")
    input("[Press Enter to start the timing machine]")
    return "timing"


@scenario
def std_default_square_brackets() -> Any:
    reply = input("Beats per hour [18000]: ").strip()
    return int(reply or "18000")


@scenario
def std_full_word_yes() -> Any:
    print("Closing the refuge ends every booking for the season.")
    reply = input("Are you sure? Type 'yes' or 'no': ").strip()
    return "closed" if reply == "yes" else "open"


# ---------------------------------------------------------------- look-alikes


@scenario
def look_python_repl_banner() -> None:
    import code

    code.interact(banner=f"Python {sys.version.split()[0]} (refuge tools)\nType help.", local={})


@scenario
def look_rich_live_dormitories() -> None:
    from rich.live import Live
    from rich.table import Table

    n = 0
    with Live(refresh_per_second=4) as live:
        while True:
            n += 1
            t = Table(title="Dormitory occupancy")
            t.add_column("Select")
            t.add_column("Room")
            t.add_column("Beds")
            for i, s in enumerate(["Aiguille", "Glacier", "Moraine"]):
                t.add_row("[x]" if (n + i) % 2 else "[ ]", s, f"{(n + i) % 20}/20")
            live.update(t)
            time.sleep(0.5)  # noqa: sleep-ok - a look-alike that keeps working


@scenario
def look_rich_progress_question_label() -> None:
    from rich.progress import Progress

    with Progress() as progress:
        task = progress.add_task("Proceed (y/n)? annealing batch", total=10**6)
        while True:
            progress.advance(task)
            time.sleep(0.3)  # noqa: sleep-ok - a look-alike that keeps working


@scenario
def look_click_progressbar_choice() -> None:
    import click

    with click.progressbar(range(10**9), label="Select 1-3 · polishing gears") as bar:
        for _ in bar:
            time.sleep(0.2)  # noqa: sleep-ok - a look-alike that keeps working


@scenario
def look_agent_quotes_checkbox() -> None:
    lines = [
        "The packing script will ask you this when you run it:",
        "",
        "  ? Marionettes packed for the touring van (Press <space> to select)",
        "  ❯ ◉ Harlequin",
        "    ○ Columbine",
        "    ◉ Pierrot",
        "",
        "Tick Columbine too. I'm now checking the van's weight limits…",
    ]
    for line in lines:
        print(line, flush=True)
        time.sleep(0.05)  # noqa: sleep-ok - pacing a stream
    n = 0
    while True:
        n += 1
        print(f"  weighed crate {n}: {12 + n % 5} kg", flush=True)
        time.sleep(0.8)  # noqa: sleep-ok - a look-alike that keeps working


@scenario
def look_printed_question_then_default() -> None:
    print("Reset the turret clock to GMT? [Y/n]")
    print("No terminal attached to the timer service; assuming Y.")
    n = 0
    while True:
        n += 1
        print(f"adjusting by {n} s…", flush=True)
        time.sleep(0.7)  # noqa: sleep-ok - a look-alike that keeps working


@scenario
def look_test_runner_quotes() -> None:
    print("============ test session starts ============")
    print("tests/test_hut.py::test_asks 'Book a bunk? [y/N]' PASSED")
    print("tests/test_hut.py::test_menu '❯ Glacier' PASSED")
    n = 0
    while True:
        n += 1
        print(f"tests/test_slow.py::test_avalanche_{n} PASSED", flush=True)
        time.sleep(0.9)  # noqa: sleep-ok - a look-alike that keeps working


@scenario
def look_countdown_autostart() -> None:
    print("The funicular departs automatically. Ctrl-C cancels.")
    n = 10**6
    while True:
        print(f"  departing in {n} s", flush=True)
        n -= 1
        time.sleep(1)  # noqa: sleep-ok - a look-alike that keeps working


@scenario
def look_log_secret_lines() -> None:
    n = 0
    while True:
        n += 1
        print(f"[auth {n}] Enter passphrase: ******** (from agent)", flush=True)
        print(f"[auth {n}] 'Overwrite (y/n)?' answered y by --force", flush=True)
        time.sleep(0.8)  # noqa: sleep-ok - a look-alike that keeps working


@scenario
def look_ptk_shell_with_banner() -> None:
    from prompt_toolkit import PromptSession

    print("Clockmaker's bench console 3.2 — type 'help' for commands, Ctrl-D to leave.")
    print("bench> status")
    print("  movement 7: running, +2 s/day")
    session: PromptSession[str] = PromptSession()
    while True:
        session.prompt("bench> ")


@scenario
def look_rich_status_after_choice() -> None:
    from rich.console import Console

    console = Console()
    console.print("[green]✔[/] Which furnace? [bold]Furnace 1[/] (from studio.toml)")
    with console.status("Heating to 1120 °C…"):
        forever()


@scenario
def look_rich_answered_then_log() -> None:
    from rich.console import Console

    console = Console()
    console.print("? Puppet to restring tonight: [cyan]Harlequin[/]")
    console.print("? Use silk thread? [cyan]Yes[/]")
    n = 0
    while True:
        n += 1
        console.print(f"restrung joint {n}")
        time.sleep(0.7)  # noqa: sleep-ok - a look-alike that keeps working


if __name__ == "__main__":
    done(SCENARIOS[sys.argv[1]]())
