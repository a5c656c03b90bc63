"""Sixth held-out set, Python side: ``held6.py <scenario>``.

Real prompt libraries (click, typer, rich, questionary, InquirerPy, prompt_toolkit, pick,
simple-term-menu, inquirer, beaupy, bullet, cutie) and the standard library in wordings and
layouts no earlier set uses (click's pause and getchar, rich's FloatPrompt and IntPrompt with
choices, questionary's shortcuts and descriptions, InquirerPy's multiselect select, prompt_toolkit's
input and button dialogs and its confirm, cutie's select, select_multiple, yes/no and number),
and look-alikes (pdb, a cmd shell, live tables, spinners, streamed agent text quoting dialogs,
curses dashboards, programs that asked and answered themselves). Prompts print
``ANSWER=<json>``; look-alikes never ask anything. Written blind; never used for tuning.
"""

from __future__ import annotations

import json
import subprocess
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


def narrow(cols: int) -> None:
    subprocess.run(["stty", "cols", str(cols)], check=False)


def forever() -> None:
    while True:
        time.sleep(3600)  # noqa: sleep-ok - a look-alike that never asks


def secret(text: str) -> str:
    return f"len{len(text)}"


# ---------------------------------------------------------------- click / typer


@scenario
def click_arch_choice_six() -> Any:
    import click

    click.echo("Cross-compiling toolchain 14.2 is ready for several targets.")
    return click.prompt(
        "Target architecture",
        type=click.Choice(
            ["x86_64", "aarch64", "riscv64", "ppc64le", "s390x", "armv7l"], case_sensitive=False
        ),
        default="x86_64",
    )


@scenario
def click_float_keep() -> Any:
    import click

    return click.prompt("Sampling ratio for traces", type=float, default=0.25)


@scenario
def click_confirm_default_yes_no() -> Any:
    import click

    click.secho("package-lock.json is 212 commits behind package.json.", fg="cyan")
    return click.confirm("Regenerate the lockfile from scratch?", default=True)


@scenario
def click_pause() -> Any:
    import click

    click.echo("Firmware image flashed to buffer (2.1 MB).")
    click.pause("Connect the board over USB, then press any key to start writing ...")
    return "writing"


@scenario
def click_getchar_review() -> Any:
    import click

    click.echo("Change 3 of 7: bump openssl from 3.0.13 to 3.0.15")
    click.echo("  [a] approve   [r] reject   [s] skip for now")
    click.echo("Your call: ", nl=False)
    key = click.getchar()
    return {"a": "approve", "r": "reject", "s": "skip"}.get(key, key)


@scenario
def click_hidden_pin() -> Any:
    import click

    return secret(click.prompt("New vault PIN", hide_input=True, confirmation_prompt=True))


@scenario
def typer_int_keep() -> Any:
    import typer

    return typer.prompt("How many retries before giving up", default=5, type=int)


class Level(StrEnum):
    trace = "trace"
    debug = "debug"
    info = "info"
    notice = "notice"
    warning = "warning"
    error = "error"
    critical = "critical"


@scenario
def typer_log_level_seven() -> Any:
    import typer

    app = typer.Typer()

    @app.command()
    def collect(
        level: Level = typer.Option(  # noqa: B008
            Level.info, prompt="Log level for the collector"
        ),
    ) -> str:
        return level.value

    return typer.main.get_command(app).main(args=[], standalone_mode=False)


# ---------------------------------------------------------------- rich


@scenario
def rich_confirm_prune() -> Any:
    from rich.prompt import Confirm

    print("14 dangling images use 3.8 GB.")
    return Confirm.ask("Prune the [bold]dangling images[/bold]?", default=False)


@scenario
def rich_int_choices_days() -> Any:
    from rich.prompt import IntPrompt

    return IntPrompt.ask("Keep backups for how many days", choices=["7", "14", "30", "90"])


@scenario
def rich_float_keep() -> Any:
    from rich.prompt import FloatPrompt

    return FloatPrompt.ask("CPU limit for the sandbox, in cores", default=1.5)


@scenario
def rich_rule_banner_confirm() -> Any:
    from rich.console import Console
    from rich.prompt import Confirm

    console = Console()
    console.rule("[bold white on red] PRODUCTION [/]")
    console.print("[black on yellow] 2 of 5 nodes are draining [/]")
    return Confirm.ask("Roll out build 9f3c2e to the remaining nodes")


# ---------------------------------------------------------------- questionary


@scenario
def questionary_shortcuts_seven() -> Any:
    import questionary

    return questionary.select(
        "How often should we email you?",
        choices=[
            "Never",
            "On every event",
            "Hourly digest",
            "Daily digest",
            "Weekly digest",
            "Monthly summary",
            "Only on failures",
        ],
        use_shortcuts=True,
    ).ask()


@scenario
def questionary_descriptions() -> Any:
    import questionary
    from questionary import Choice

    return questionary.select(
        "Which cache backend?",
        choices=[
            Choice("in-memory", description="Fast, lost on restart"),
            Choice("redis", description="Shared between workers"),
            Choice("memcached", description="Simple, no persistence"),
            Choice("disk", description="Slow but survives reboots"),
        ],
    ).ask()


@scenario
def questionary_unicode_regions() -> Any:
    import questionary

    return questionary.select(
        "Région de déploiement ?",
        choices=[
            "Paris (eu-west-3)",
            "Zürich — eu-central-2",
            "São Paulo (sa-east-1)",
            "Montréal (ca-central-1)",
            "Ōsaka / ap-northeast-3",
        ],
    ).ask()


@scenario
def questionary_checkbox_checked() -> Any:
    import questionary
    from questionary import Choice

    return questionary.checkbox(
        "Which checks run before merge?",
        choices=[
            Choice("unit tests", checked=True),
            Choice("type check", checked=True),
            Choice("e2e (slow)"),
            Choice("licence scan"),
            Choice("bundle size"),
        ],
    ).ask()


@scenario
def questionary_confirm_no_auto_enter() -> Any:
    import questionary

    return questionary.confirm("Send anonymous usage data?", default=True, auto_enter=False).ask()


@scenario
def questionary_path_keep() -> Any:
    import questionary

    return questionary.path("Where should the dataset be written?", default="./data/raw").ask()


@scenario
def questionary_autocomplete_country() -> Any:
    import questionary

    codes = ["AT", "BE", "CH", "DE", "DK", "NL", "NO", "NZ", "SE"]
    return questionary.autocomplete("Billing country (ISO code)", choices=codes).ask()


# ---------------------------------------------------------------- InquirerPy


@scenario
def inquirerpy_fuzzy_services() -> Any:
    from InquirerPy import inquirer

    services = [
        "api-gateway",
        "auth",
        "billing",
        "notifications",
        "payments-worker",
        "search-indexer",
        "thumbnailer",
        "webhooks",
    ]
    return inquirer.fuzzy(  # type: ignore[attr-defined]
        message="Service to tail:", choices=services
    ).execute()


@scenario
def inquirerpy_select_multiselect() -> Any:
    from InquirerPy import inquirer

    return inquirer.select(  # type: ignore[attr-defined]
        message="Mirror the bucket to:",
        choices=["eu-north", "eu-south", "us-east", "us-west", "ap-south"],
        multiselect=True,
    ).execute()


@scenario
def inquirerpy_filepath_keep() -> Any:
    from InquirerPy import inquirer

    return inquirer.filepath(  # type: ignore[attr-defined]
        message="Identity file:", default="~/.ssh/id_ed25519"
    ).execute()


@scenario
def inquirerpy_long_labels() -> Any:
    from InquirerPy import inquirer

    return inquirer.select(  # type: ignore[attr-defined]
        message="The search index has 3 corrupted segments. What now?",
        choices=[
            "Rebuild every segment from the primary database, which takes about forty minutes",
            "Drop only the corrupted segments and reindex the documents they held",
            "Leave the index alone and mark it degraded",
        ],
    ).execute()[:4]


# ---------------------------------------------------------------- prompt_toolkit


@scenario
def ptk_input_dialog_host() -> Any:
    from prompt_toolkit.shortcuts import input_dialog

    return input_dialog(title="Cluster join", text="Hostname for this node:").run()


@scenario
def ptk_button_dialog_three() -> Any:
    from prompt_toolkit.shortcuts import button_dialog

    return button_dialog(
        title="Upload failed",
        text="The upload of report-q4.pdf timed out after 3 attempts.",
        buttons=[("Retry", "retry"), ("Skip", "skip"), ("Abort", "abort")],
    ).run()


@scenario
def ptk_message_dialog() -> Any:
    from prompt_toolkit.shortcuts import message_dialog

    message_dialog(title="Licence", text="This build expires on 2027-01-31.").run()
    return "acknowledged"


@scenario
def ptk_bottom_toolbar() -> Any:
    from prompt_toolkit import prompt

    return prompt(
        "Release name: ", bottom_toolbar=" F1 help · Ctrl-C cancel · names are lower-case "
    )


@scenario
def ptk_confirm_detach() -> Any:
    from prompt_toolkit.shortcuts import confirm

    return confirm("Detach volume vol-0a12 from the instance?")


@scenario
def ptk_password_dialog() -> Any:
    from prompt_toolkit.shortcuts import input_dialog

    typed = input_dialog(title="Wi-Fi", text="Passphrase for network 'lab-5G':", password=True)
    return secret(typed.run() or "")


# ------------------------------------ pick / simple-term-menu / inquirer / beaupy / bullet / cutie


@scenario
def pick_arrow_indicator() -> Any:
    from pick import pick

    options = ["ubuntu-24.04", "debian-12", "fedora-41", "alpine-3.21", "arch", "nixos-24.11"]
    option, _ = pick(options, "Base image for the runner:", indicator="→", default_index=1)
    return option


@scenario
def stm_multi_preselected() -> Any:
    from simple_term_menu import TerminalMenu

    entries = ["cpu", "memory", "disk", "network", "gpu"]
    menu = TerminalMenu(
        entries,
        title="Metrics to export",
        multi_select=True,
        show_multi_select_hint=True,
        preselected_entries=["cpu", "memory"],
        multi_select_select_on_accept=False,
    )
    chosen = menu.show()
    return [entries[i] for i in chosen or ()]


@scenario
def pyinq_list_carousel() -> Any:
    import inquirer

    answers = inquirer.prompt(
        [
            inquirer.List(
                "day",
                message="Maintenance day",
                choices=["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
                carousel=True,
            )
        ]
    )
    return (answers or {}).get("day")


@scenario
def pyinq_text_default() -> Any:
    import inquirer

    answers = inquirer.prompt([inquirer.Text("ns", message="Kubernetes namespace", default="apps")])
    return (answers or {}).get("ns")


@scenario
def beaupy_select_multiple() -> Any:
    import beaupy

    names = ["black", "ruff", "isort", "mypy", "pyright"]
    return beaupy.select_multiple(names, ticked_indices=[1])


@scenario
def bullet_star() -> Any:
    from bullet import Bullet

    print("Which runner executes the pipeline?")
    return Bullet(
        prompt="", choices=["local docker", "self-hosted VM", "cloud pool"], bullet="★"
    ).launch()


@scenario
def cutie_select_captions() -> Any:
    import cutie

    print("Choose a plan for the new workspace:")
    options = ["Individual:", "Free", "Pro", "Team:", "Business", "Enterprise"]
    return options[cutie.select(options, caption_indices=[0, 3], selected_index=1)]


@scenario
def cutie_select_multiple() -> Any:
    import cutie

    print("Locales to build (space ticks, enter confirms):")
    names = ["en", "fr", "it", "ko", "zh-Hant"]
    return sorted(names[i] for i in cutie.select_multiple(names, ticked_indices=[0]))


@scenario
def cutie_yes_no() -> Any:
    import cutie

    return cutie.prompt_yes_or_no("Keep the downloaded wheels?")


@scenario
def cutie_number() -> Any:
    import cutie

    return cutie.get_number("Batch size (1-512):", min_value=1, max_value=512, allow_float=False)


@scenario
def cutie_secure() -> Any:
    import cutie

    return secret(cutie.secure_input("Signing certificate password:"))


# ---------------------------------------------------------------- stdlib


@scenario
def stdlib_number_of_six() -> Any:
    services = ["gateway", "auth", "ledger", "mailer", "scheduler", "search"]
    print("Running services:")
    for n, name in enumerate(services, 1):
        print(f"  {n}  {name:<10} up 3d")
    reply = input("Service # to restart (1-6): ").strip()
    return services[int(reply) - 1]


@scenario
def stdlib_key_type_label() -> Any:
    kinds = ["ed25519", "ecdsa-p256", "rsa-4096", "ed25519-sk (hardware)"]
    print("Key type:")
    for n, name in enumerate(kinds, 1):
        print(f"   ({n}) {name}")
    reply = input("Select [1]: ").strip() or "1"
    return kinds[int(reply) - 1]


@scenario
def stdlib_wrapped_sixty() -> Any:
    narrow(60)
    reply = input(
        "The mirror at files.example.org answered with an expired certificate; "
        "download the 1.2 GB image over it anyway? [y/N] "
    )
    return reply.strip().lower() or "n"


@scenario
def stdlib_banner_then_question() -> Any:
    print("\x1b[97;41m" + " DANGER ZONE ".center(72) + "\x1b[0m")
    print("\x1b[97;41m" + " tenant 'globex' will lose its custom domain ".center(72) + "\x1b[0m")
    print()
    return input("Proceed? [yes/NO]: ").strip().lower() or "no"


@scenario
def stdlib_type_yes_caps() -> Any:
    print("Resetting replication slot 'analytics' discards 4 hours of changes.")
    typed = input("Type YES (in capitals) to reset it: ")
    return "reset" if typed == "YES" else "kept"


@scenario
def stdlib_type_below_arrow() -> Any:
    print("This permanently wipes volume scratch-02 (120 GB).")
    print("To confirm, type 'wipe scratch-02' below.")
    typed = input("> ")
    return "wiped" if typed == "wipe scratch-02" else "kept"


@scenario
def stdlib_press_enter_led() -> Any:
    print("Pairing mode is on.")
    input("…press Enter once the LED turns solid green. ")
    return "paired"


@scenario
def stdlib_mine_theirs() -> Any:
    print("Conflict in settings.json (both sides changed 'theme').")
    reply = input("[m]ine / [t]heirs / [b]oth / [e]dit: ").strip().lower()
    return {"m": "mine", "t": "theirs", "b": "both", "e": "edit"}.get(reply, "?")


@scenario
def stdlib_getpass_ssh() -> Any:
    import getpass

    return secret(getpass.getpass("Enter passphrase for key '/home/dev/.ssh/id_ed25519': "))


@scenario
def stdlib_angle_default() -> Any:
    reply = input("Listen address <0.0.0.0:8080>: ").strip()
    return reply or "0.0.0.0:8080"


@scenario
def stdlib_readline_replace() -> Any:
    import readline

    readline.set_startup_hook(lambda: readline.insert_text("build-01"))
    try:
        return input("Runner hostname: ")
    finally:
        readline.set_startup_hook()


@scenario
def stdlib_brackets_seven() -> Any:
    sizes = ["XS", "S", "M", "L", "XL", "2XL", "3XL"]
    print("Instance size:")
    print("  " + "  ".join(f"[{n}] {s}" for n, s in enumerate(sizes, 1)))
    reply = input("Selection [1-7]: ").strip()
    return sizes[int(reply) - 1]


@scenario
def stdlib_curses_checklist() -> Any:
    import curses

    items = ["Compress logs", "Rotate keys", "Vacuum database", "Purge CDN"]

    def run(win: Any) -> list[str]:
        curses.curs_set(0)
        pos, on = 0, {0}
        while True:
            win.erase()
            win.addstr(0, 0, "Nightly jobs to run tonight (space toggles, enter saves)")
            for n, item in enumerate(items):
                box = "[x]" if n in on else "[ ]"
                attr = curses.A_REVERSE if n == pos else 0
                win.addstr(2 + n, 2, f"{box} {item}", attr)
            win.refresh()
            key = win.getch()
            if key == curses.KEY_DOWN:
                pos = min(pos + 1, len(items) - 1)
            elif key == curses.KEY_UP:
                pos = max(pos - 1, 0)
            elif key == ord(" "):
                on ^= {pos}
            elif key in (10, 13):
                return [items[n] for n in sorted(on)]

    return curses.wrapper(run)


@scenario
def stdlib_colon_next_line() -> Any:
    print("Enter the e-mail address of the new owner of 'billing-svc'")
    return input(": ").strip()


@scenario
def stdlib_git_credential_style() -> Any:
    import getpass

    return secret(getpass.getpass("Password for 'https://dev@git.example.org': "))


# ---------------------------------------------------------------- look-alikes


@scenario
def look_help_repl() -> None:
    import pydoc

    print("Interactive help; the next question you see is a help> prompt, not a question.")
    pydoc.help()


@scenario
def look_pdb() -> None:
    import pdb

    def handler(order: int) -> int:
        total = order * 3
        pdb.set_trace()
        return total

    print("Reproducing issue 812: confirm() returns None for (y/N)")
    handler(7)


@scenario
def look_cmd_shell() -> None:
    import cmd

    class Vault(cmd.Cmd):
        intro = "vault admin shell. Type help or ? to list commands. Continue? Just type."
        prompt = "(vault) "

    Vault().cmdloop()


@scenario
def look_rich_live_table() -> None:
    from rich.live import Live
    from rich.table import Table

    def table(tick: int) -> Table:
        t = Table(title=f"deployments (tick {tick})")
        t.add_column("")
        t.add_column("service")
        t.add_column("state")
        for n, name in enumerate(["web", "api", "jobs", "cron"]):
            mark = "❯" if (tick + n) % 4 == 0 else " "
            state = "● running" if (tick + n) % 3 else "○ pending approval"
            t.add_row(mark, name, state)
        return t

    with Live(table(0), refresh_per_second=4) as live:
        tick = 0
        while True:
            tick += 1
            live.update(table(tick))
            time.sleep(0.5)  # noqa: sleep-ok - a look-alike that redraws


@scenario
def look_rich_status() -> None:
    from rich.console import Console

    console = Console()
    console.print("Pushed branch feature/h6 and opened merge request !412.")
    with console.status("Waiting for approval from a reviewer (y/n from the web UI)…"):
        forever()


@scenario
def look_agent_quotes_dialog() -> None:
    text = (
        "When the CLI asks you, it draws a box like this:\n\n"
        "  │ Do you want to proceed?\n"
        "  │ ❯ 1. Yes\n"
        "  │   2. Yes, and don't ask again for this command\n"
        "  │   3. No, and tell Claude what to do differently (esc)\n\n"
        "Pick 1 there to let the build run. Next I will explain how the cache works, "
    )
    more = "and why the second run is faster because layers are reused across builds. "
    t = text
    while True:
        for ch in t.split(" "):
            sys.stdout.write(ch + " ")
            sys.stdout.flush()
            time.sleep(0.05)  # noqa: sleep-ok - a look-alike streaming text
        t = more


@scenario
def look_agent_quotes_checkbox() -> None:
    print("assistant> Here is the checkbox your generator shows:")
    print()
    print("  ? Which features? (Press <space> to select, <a> to toggle all)")
    print("  ❯◉ Router")
    print("   ◯ Vuex")
    print("   ◯ Linter / Formatter")
    print()
    n = 0
    while True:
        n += 1
        print(f"assistant> …and step {n}: it writes the config files without asking again.")
        time.sleep(0.7)  # noqa: sleep-ok - a look-alike streaming text


@scenario
def look_log_password_lines() -> None:
    n = 0
    while True:
        n += 1
        print(
            f"2026-12-03T21:0{n % 10}:00Z sshd[812]: Password: accepted for deploy from 10.0.0.{n}"
        )
        time.sleep(0.4)  # noqa: sleep-ok - a look-alike log


@scenario
def look_progress_continue() -> None:
    n = 0
    while True:
        n = (n + 3) % 101
        bar = "#" * (n // 4) + "." * (25 - n // 4)
        sys.stdout.write(f"\rSyncing [{bar}] {n:3d}%  (Continue? it will, automatically)")
        sys.stdout.flush()
        time.sleep(0.2)  # noqa: sleep-ok - a look-alike progress bar


@scenario
def look_answered_itself() -> None:
    print("Use the cached build? [Y/n] y   (auto: --yes was given)")
    n = 0
    while True:
        n += 1
        print(f"  restoring cache layer {n}/∞")
        time.sleep(0.5)  # noqa: sleep-ok - a look-alike at work


@scenario
def look_menu_no_read() -> None:
    print("Select an environment:")
    print("  1) dev")
    print("  2) staging")
    print("  3) prod")
    print("Select an option: 2 (from $DEPLOY_ENV)")
    while True:
        sys.stdout.write(".")
        sys.stdout.flush()
        time.sleep(0.3)  # noqa: sleep-ok - a look-alike at work


@scenario
def look_sleep_guillemet() -> None:
    print("Queued behind 3 jobs; this shell prints results as they arrive.")
    sys.stdout.write("» ")
    sys.stdout.flush()
    forever()


@scenario
def look_curses_dashboard() -> None:
    import curses

    def run(win: Any) -> None:
        curses.curs_set(0)
        win.nodelay(True)
        tick = 0
        while True:
            tick += 1
            win.erase()
            win.addstr(
                0, 0, f" nodemon-lite  uptime {tick}s   [F1]Help [F10]Quit ", curses.A_REVERSE
            )
            win.addstr(2, 0, "  PID  NAME          CPU%  STATE")
            for n in range(6):
                state = "waiting for input?" if n == 2 else "running"
                win.addstr(
                    3 + n, 0, f"  {100 + n}  worker-{n}      {(tick * 7 + n) % 100:3d}  {state}"
                )
            win.refresh()
            time.sleep(0.5)  # noqa: sleep-ok - a look-alike that redraws

    curses.wrapper(run)


@scenario
def look_test_runner_names() -> None:
    names = [
        "test_confirm_yes_no_prompt_accepts_y",
        "test_select_prompt_moves_cursor",
        "test_password_prompt_hides_input",
        "test_continue_question_defaults_to_no",
    ]
    n = 0
    while True:
        print(f"tests/test_prompts.py::{names[n % 4]}[{n}] PASSED   [{n % 100:3d}%]")
        n += 1
        time.sleep(0.3)  # noqa: sleep-ok - a look-alike test run


@scenario
def look_build_steps() -> None:
    n = 0
    while True:
        n += 1
        print(f"[{n}/412] Compiling crate prompt-widgets v0.{n % 9}.0 (1. yes 2. no feature)")
        time.sleep(0.3)  # noqa: sleep-ok - a look-alike build


@scenario
def look_json_log() -> None:
    n = 0
    while True:
        n += 1
        print(
            json.dumps(
                {"seq": n, "level": "info", "msg": "rendered prompt", "text": "Continue? [Y/n]"}
            )
        )
        time.sleep(0.4)  # noqa: sleep-ok - a look-alike log


@scenario
def look_countdown() -> None:
    n = 10_000
    while True:
        sys.stdout.write(f"\rRestarting the agent in {n}s … (press Ctrl-C to cancel) ")
        sys.stdout.flush()
        n -= 1
        time.sleep(1)  # noqa: sleep-ok - a look-alike countdown


@scenario
def look_ptk_fullscreen_viewer() -> None:
    from prompt_toolkit.application import Application
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.layout import Layout
    from prompt_toolkit.widgets import Frame, TextArea

    body = "\n".join(
        [
            "RELEASE NOTES 4.2",
            "",
            "* The installer now asks 'Overwrite? (y/N)' only once.",
            "* Password: prompts are masked.",
            "* Select your region with ❯ and Enter.",
        ]
    )
    keys = KeyBindings()

    @keys.add("q")
    def _(event: Any) -> None:
        pass  # a viewer that ignores q: it only shows text

    area = TextArea(text=body, read_only=True)
    Application(
        layout=Layout(Frame(area, title="notes viewer")), key_bindings=keys, full_screen=True
    ).run()


if __name__ == "__main__":
    done(SCENARIOS[sys.argv[1]]())
