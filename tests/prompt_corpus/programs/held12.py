"""Twelfth held-out set, Python side: ``held12.py <scenario>``.

Only the libraries issue 12 names (click, typer, questionary, InquirerPy, prompt_toolkit,
rich) and the standard library (``input()``, ``getpass``), in wordings and layouts no earlier
set uses, and look-alikes (REPLs, rich live screens and progress, click progress bars, streamed
agent text quoting prompts, test runners, programs that printed a question and went on
working). Prompts print ``ANSWER=<json>``; look-alikes never ask anything. Written blind;
never used for tuning.
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


class Tier(StrEnum):
    """Typer reads an option's annotation by name, so its Enum lives at module level."""

    hobby = "hobby"
    team = "team"
    business = "business"
    enterprise = "enterprise"


# ---------------------------------------------------------------- click / typer


@scenario
def click_choice_tide_station() -> Any:
    import click

    click.echo("Tide tables are cached per station for 72 hours.")
    return click.prompt(
        "Tide gauge station",
        type=click.Choice(["dover", "brest", "cuxhaven", "vlissingen", "esbjerg", "bergen"]),
        show_choices=True,
    )


@scenario
def click_confirm_default_yes_no() -> Any:
    import click

    return click.confirm("Republish the orchard inventory feed", default=True)


@scenario
def click_int_default_keep() -> Any:
    import click

    return click.prompt("Kiln temperature ceiling (°C)", type=int, default=1240)


@scenario
def click_password_hidden_once() -> Any:
    import click

    return secret(click.prompt("Passphrase for the seed vault", hide_input=True))


@scenario
def click_text_under_cyan_banner() -> Any:
    import click

    click.secho("=" * 60, fg="cyan")
    click.secho("  HARBOUR MASTER · berth allocation", fg="cyan", bold=True)
    click.secho("=" * 60, fg="cyan")
    return click.prompt("Vessel call sign")


@scenario
def click_getchar_letters() -> Any:
    import click

    click.echo("Ledger row 88 differs from the bank statement.")
    click.echo("[k]eep ledger  [b]ank wins  [s]plit difference  [i]gnore")
    click.echo("Your pick: ", nl=False)
    c = click.getchar()
    return {"k": "keep", "b": "bank", "s": "split", "i": "ignore"}.get(c, c)


@scenario
def typer_enum_tier() -> Any:
    import typer

    app = typer.Typer()
    out: list[Any] = []

    @app.command()
    def main(
        tier: Tier = typer.Option(..., prompt="Billing tier for the new workspace"),  # noqa: B008
    ) -> None:
        out.append(tier.value)

    try:
        app([], standalone_mode=False)
    except SystemExit:
        pass
    return out[0]


@scenario
def typer_confirm_no() -> Any:
    import typer

    return typer.confirm("Archive the 2019 greenhouse sensor readings?")


@scenario
def typer_prompt_default_replace() -> Any:
    import typer

    return typer.prompt("Choir section leader", default="Ingrid")


# ---------------------------------------------------------------- rich


@scenario
def rich_choices_bakery() -> Any:
    from rich.prompt import Prompt

    return Prompt.ask(
        "Which loaf goes in the first bake",
        choices=["sourdough", "rye", "baguette", "brioche", "focaccia", "spelt", "pumpernickel"],
        default="rye",
    )


@scenario
def rich_confirm_rule_above() -> Any:
    from rich.console import Console
    from rich.prompt import Confirm

    console = Console()
    console.rule("[bold yellow]Observatory dome")
    console.print("Wind gusts of 61 km/h are forecast after 22:00.")
    return Confirm.ask("Close the dome shutters early?", default=False)


@scenario
def rich_int_keep() -> Any:
    from rich.prompt import IntPrompt

    return IntPrompt.ask("Seats reserved for the string quartet", default=4)


@scenario
def rich_password_ledger() -> Any:
    from rich.prompt import Prompt

    return secret(Prompt.ask("Ledger unlock phrase", password=True))


@scenario
def rich_table_then_choice_number() -> Any:
    from rich.console import Console
    from rich.prompt import Prompt
    from rich.table import Table

    console = Console()
    table = Table(title="Ferry crossings")
    table.add_column("#")
    table.add_column("Route")
    for i, r in enumerate(["Oban → Craignure", "Ullapool → Stornoway", "Kennacraig → Islay"], 1):
        table.add_row(str(i), r)
    console.print(table)
    n = Prompt.ask("Crossing number", choices=["1", "2", "3"])
    return ["Oban", "Ullapool", "Kennacraig"][int(n) - 1]


# ---------------------------------------------------------------- questionary


@scenario
def q_select_seven_custom_pointer() -> Any:
    import questionary

    return questionary.select(
        "Which herbarium drawer should be scanned first?",
        choices=["Ferns", "Mosses", "Lichens", "Grasses", "Sedges", "Orchids", "Conifers"],
        pointer="➜",
    ).ask()


@scenario
def q_select_default_third() -> Any:
    import questionary

    return questionary.select(
        "Paper stock for the zine",
        choices=["80 gsm bond", "100 gsm silk", "120 gsm uncoated", "170 gsm gloss"],
        default="120 gsm uncoated",
    ).ask()


@scenario
def q_checkbox_prechecked_untick() -> Any:
    import questionary
    from questionary import Choice

    return questionary.checkbox(
        "Volunteers for Saturday's beach clean",
        choices=[
            Choice("Ade", checked=True),
            Choice("Brigid", checked=True),
            Choice("Cosmin"),
            Choice("Dagny", checked=True),
        ],
    ).ask()


@scenario
def q_checkbox_separator_disabled() -> Any:
    import questionary
    from questionary import Choice, Separator

    return questionary.checkbox(
        "Instruments to tune before rehearsal",
        choices=[
            Separator("── strings ──"),
            Choice("violin"),
            Choice("cello"),
            Choice("double bass", disabled="sent for repair"),
            Separator("── winds ──"),
            Choice("oboe"),
            Choice("bassoon"),
        ],
    ).ask()


@scenario
def q_confirm_auto_enter_false() -> Any:
    import questionary

    return questionary.confirm("Ring the lighthouse keeper now?", default=False).ask()


@scenario
def q_text_default_keep() -> Any:
    import questionary

    return questionary.text("Allotment plot number", default="17B").ask()


@scenario
def q_path_replace() -> Any:
    import questionary

    return questionary.path("Folder with the scanned negatives", default="~/scans").ask()


@scenario
def q_rawselect_six() -> Any:
    import questionary

    return questionary.rawselect(
        "Tram line to reroute during the marathon",
        choices=["Line 1", "Line 2", "Line 4", "Line 6", "Line 9", "Night line N3"],
    ).ask()


@scenario
def q_autocomplete_river() -> Any:
    import questionary

    return questionary.autocomplete(
        "River gauge to watch",
        choices=["Danube", "Drava", "Elbe", "Oder", "Rhine", "Rhône", "Vistula"],
    ).ask()


@scenario
def q_password_keystore() -> Any:
    import questionary

    return secret(questionary.password("Keystore password for the mobile build:").ask())


@scenario
def q_press_any_key_title() -> Any:
    import questionary

    print("The quilt pattern has been printed to the plotter.")
    questionary.press_any_key_to_continue("Load fresh paper, then press any key…").ask()
    return "plotted"


@scenario
def q_select_long_labels_wrapped() -> Any:
    import questionary

    return questionary.select(
        "The community fridge rota for December has three volunteers on the same evening; "
        "how should the clash be resolved?",
        choices=[
            "Keep the earliest sign-up and notify the others by text message",
            "Split the evening into two shorter shifts",
            "Ask the coordinator to decide at Monday's meeting",
        ],
    ).ask()


# ---------------------------------------------------------------- InquirerPy


@scenario
def ipy_select_pointer_eight() -> Any:
    from InquirerPy import inquirer

    return inquirer.select(
        message="Bell to ring for the quarter hour:",
        choices=["Treble", "2nd", "3rd", "4th", "5th", "6th", "7th", "Tenor"],
        pointer="»",
    ).execute()


@scenario
def ipy_checkbox_toggle_two() -> Any:
    from InquirerPy import inquirer

    return inquirer.checkbox(
        message="Spices to reorder this week:",
        choices=["cumin", "sumac", "saffron", "fenugreek", "asafoetida"],
        instruction="(space to mark)",
    ).execute()


@scenario
def ipy_confirm_default_yes_no() -> Any:
    from InquirerPy import inquirer

    return inquirer.confirm(message="Send the vet reminder texts tonight?", default=True).execute()


@scenario
def ipy_text_default_replace() -> Any:
    from InquirerPy import inquirer

    return inquirer.text(message="Trail name on the signpost:", default="Old Mill Loop").execute()


@scenario
def ipy_number_replace() -> Any:
    from InquirerPy import inquirer

    return int(
        inquirer.number(
            message="Tents to pitch:", default=6, min_allowed=1, max_allowed=40
        ).execute()
    )


@scenario
def ipy_expand_letters() -> Any:
    from InquirerPy import inquirer
    from InquirerPy.prompts.expand import ExpandChoice

    return inquirer.expand(
        message="The rota spreadsheet changed since you opened it:",
        choices=[
            ExpandChoice("theirs", name="Take their version", key="t"),
            ExpandChoice("mine", name="Keep my version", key="m"),
            ExpandChoice("both", name="Keep both as tabs", key="b"),
        ],
    ).execute()


@scenario
def ipy_rawlist_label() -> Any:
    from InquirerPy import inquirer

    return inquirer.rawlist(
        message="Kayak size for the guided tour:",
        choices=["single", "tandem", "sit-on-top", "sea kayak"],
    ).execute()


@scenario
def ipy_secret_pin() -> Any:
    from InquirerPy import inquirer

    return secret(inquirer.secret(message="Safe deposit PIN:").execute())


@scenario
def ipy_fuzzy_station() -> Any:
    from InquirerPy import inquirer

    return inquirer.fuzzy(
        message="Weather station:",
        choices=["Aberporth", "Benbecula", "Camborne", "Lerwick", "Valentia", "Wick"],
    ).execute()


# ---------------------------------------------------------------- prompt_toolkit


@scenario
def ptk_prompt_default_keep() -> Any:
    from prompt_toolkit import prompt

    return prompt("Greenhouse humidity target (%): ", default="65")


@scenario
def ptk_choice_five() -> Any:
    from prompt_toolkit.shortcuts import choice

    return choice(
        message="Which shelf gets the new atlas?",
        options=[
            ("a", "Shelf A — maps"),
            ("b", "Shelf B — travel"),
            ("c", "Shelf C — history"),
            ("d", "Shelf D — reference"),
            ("e", "Shelf E — oversize"),
        ],
    )


@scenario
def ptk_yes_no_dialog_yes() -> Any:
    from prompt_toolkit.shortcuts import yes_no_dialog

    return yes_no_dialog(
        title="Bee hives", text="Move hive 3 to the orchard before the frost?"
    ).run()


@scenario
def ptk_radiolist_dialog_four() -> Any:
    from prompt_toolkit.shortcuts import radiolist_dialog

    return radiolist_dialog(
        title="Darkroom",
        text="Developer for the Tri-X roll:",
        values=[("d76", "D-76"), ("hc110", "HC-110"), ("rodinal", "Rodinal"), ("xtol", "XTOL")],
    ).run()


@scenario
def ptk_password_bottom_toolbar() -> Any:
    from prompt_toolkit import prompt

    return secret(
        prompt("Radio licence key: ", is_password=True, bottom_toolbar=" input is hidden ")
    )


@scenario
def ptk_confirm_suffix_no() -> Any:
    from prompt_toolkit.shortcuts import confirm

    return confirm("Dim the stage lights for the encore?")


# ---------------------------------------------------------------- standard library


@scenario
def std_numbered_by_number() -> Any:
    rows = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    print("Market stall day for the pottery:")
    for i, r in enumerate(rows, 1):
        print(f"  [{i}] {r}")
    reply = input("Enter selection (default: 1): ").strip() or "1"
    return rows[int(reply) - 1]


@scenario
def std_numbered_by_label() -> Any:
    rows = ["walnut", "oak", "cherry", "ash"]
    print("Timber for the dining table:")
    for i, r in enumerate(rows, 1):
        print(f"{i}. {r}")
    reply = input("Choose from [1/2/3/4] or type the name: ").strip()
    return rows[int(reply) - 1] if reply.isdigit() else reply


@scenario
def std_type_name_confirm() -> Any:
    print(
        "\x1b[31mThis deletes the choir archive 'spring-concert-2024' and every recording.\x1b[0m"
    )
    reply = input("Type spring-concert-2024 to confirm: ")
    return "deleted" if reply == "spring-concert-2024" else reply


@scenario
def std_yes_no_default_bracket() -> Any:
    reply = input("Email the allotment newsletter to 212 members? [Y/n] ").strip().lower()
    return "sent" if reply in ("", "y", "yes") else "held"


@scenario
def std_wrapped_question() -> Any:
    reply = input(
        "The museum's loan agreement for the two Hepworth maquettes expires on Friday and the "
        "lender asks whether we extend it for another season at the same insurance value; "
        "extend the loan? (yes/no) "
    )
    return reply.strip()


@scenario
def std_question_above_green_banner() -> Any:
    print("Rename the choir's shared folder to what?")
    print("\x1b[42;30m  NOTE: members keep their old links for 30 days  \x1b[0m")
    return input("> ")


@scenario
def std_getpass_sudo_style() -> Any:
    import getpass

    return secret(getpass.getpass("[sudo] password for marguerite: "))


@scenario
def std_getpass_ssh_style() -> Any:
    import getpass

    return secret(getpass.getpass("Enter passphrase for key '/home/tomas/.ssh/id_ed25519': "))


@scenario
def std_letter_keys() -> Any:
    print("Duplicate recipe 'lentil dal' found in the import.")
    reply = input("(r)eplace, (k)eep both, (d)iscard new, (a)bort? ").strip()
    return {"r": "replace", "k": "both", "d": "discard", "a": "abort"}.get(reply, reply)


@scenario
def std_press_enter() -> Any:
    print("Insert the SD card from the trail camera.")
    input("Hit ENTER when the card is in… ")
    return "ready"


@scenario
def std_prefill_default_paren() -> Any:
    reply = input("Hostname for the bird-feeder camera (feedercam.local): ").strip()
    return reply or "feedercam.local"


@scenario
def std_type_yes_uppercase() -> Any:
    print("All 38 loan records will be marked returned.")
    reply = input("Type YES to continue: ")
    return "marked" if reply == "YES" else reply


# ---------------------------------------------------------------- look-alikes


@scenario
def look_repl_question_prompt() -> None:
    import code

    sys.ps1 = "ledger (y/n)? "
    code.interact(banner="", local={}, exitmsg="")


@scenario
def look_rich_live_glyph_board() -> None:
    from rich.live import Live
    from rich.table import Table

    n = 0
    with Live(refresh_per_second=4) as live:
        while True:
            n += 1
            t = Table(title="Kiln firing")
            t.add_column("")
            t.add_column("Shelf")
            t.add_column("Temp")
            for i, s in enumerate(["top", "middle", "bottom"]):
                t.add_row("❯" if (n + i) % 3 == 0 else "●", s, f"{1000 + n % 50 + i}°C")
            live.update(t)
            time.sleep(0.5)  # noqa: sleep-ok - a look-alike that keeps working


@scenario
def look_rich_progress_continue() -> None:
    from rich.progress import Progress

    with Progress() as progress:
        task = progress.add_task("Continue? indexing photos", total=None)
        while True:
            progress.advance(task)
            time.sleep(0.3)  # noqa: sleep-ok - a look-alike that keeps working


@scenario
def look_click_progressbar() -> None:
    import click

    with click.progressbar(range(10**9), label="Overwrite? [y/N] check") as bar:
        for _ in bar:
            time.sleep(0.2)  # noqa: sleep-ok - a look-alike that keeps working


@scenario
def look_agent_quotes_menu() -> None:
    lines = [
        "I found the setup script. When you run it, it will ask:",
        "",
        "  ? Which database should we use? (Use arrow keys)",
        "  ❯ PostgreSQL",
        "    MySQL",
        "    SQLite",
        "",
        "Choose PostgreSQL, then answer 'Proceed? (y/N)' with y.",
        "I'm now reading the migration files to check the schema…",
    ]
    for line in lines:
        print(line, flush=True)
        time.sleep(0.05)  # noqa: sleep-ok - pacing a stream
    n = 0
    while True:
        n += 1
        print(f"  reading migrations/{n:04d}_*.sql", flush=True)
        time.sleep(0.8)  # noqa: sleep-ok - a look-alike that keeps working


@scenario
def look_printed_question_keeps_working() -> None:
    print("Would you like to enable telemetry? (y/N)")
    print("(no terminal answer needed; defaulting to N in CI mode)")
    n = 0
    while True:
        n += 1
        print(f"compiling module {n}…", flush=True)
        time.sleep(0.7)  # noqa: sleep-ok - a look-alike that keeps working


@scenario
def look_test_runner_numbered() -> None:
    print("collected 6 items\n")
    print("tests/test_prompts.py::test_asks_continue[y/n] PASSED")
    print("tests/test_prompts.py::test_password_hidden PASSED")
    print("1) test_select_first  2) test_select_last  3) test_cancel")
    n = 0
    while True:
        n += 1
        print(f"tests/test_slow.py::test_case_{n} ...", flush=True)
        time.sleep(0.9)  # noqa: sleep-ok - a look-alike that keeps working


@scenario
def look_sleep_gt_line() -> None:
    sys.stdout.write("Indexing the parish records; this takes a while.\n> ")
    sys.stdout.flush()
    forever()


@scenario
def look_log_password_lines() -> None:
    n = 0
    while True:
        n += 1
        print(f"[sync {n}] Password: accepted for relay-{n % 4}", flush=True)
        print(f"[sync {n}] remote said 'Continue? [Y/n]' -> Y (auto)", flush=True)
        time.sleep(0.8)  # noqa: sleep-ok - a look-alike that keeps working


@scenario
def look_ptk_shell_prompt() -> None:
    from prompt_toolkit import PromptSession

    session: PromptSession[str] = PromptSession()
    while True:
        session.prompt("herbarium › ")


@scenario
def look_rich_status_spinner() -> None:
    from rich.console import Console

    console = Console()
    console.print("? Select a region  › eu-west (chosen in config file)")
    with console.status("Uploading tiles…"):
        forever()


@scenario
def look_rich_prompt_answered_then_work() -> None:
    from rich.console import Console

    console = Console()
    console.print("[green]✔[/] Which catalogue should be rebuilt? [bold]Maps and charts[/]")
    console.print("[green]✔[/] Rebuild the search index too? [bold]Yes[/]")
    n = 0
    while True:
        n += 1
        console.print(f"reindexed shelf {n}")
        time.sleep(0.7)  # noqa: sleep-ok - a look-alike that keeps working


if __name__ == "__main__":
    done(SCENARIOS[sys.argv[1]]())
