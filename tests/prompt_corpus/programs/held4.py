"""Fourth held-out set, Python side: ``held4.py <scenario>``.

Real prompt libraries (click, typer, rich, questionary, InquirerPy, prompt_toolkit, pick,
simple-term-menu, inquirer, and the new beaupy and bullet) and the standard library, in
wordings, layouts and APIs no earlier set uses (autocomplete and fuzzy finders,
shortcut-numbered menus, button dialogs, paged lists, preselected multi-menus, letter-key
and by-typing confirmations), and look-alikes (dashboards, a curses monitor, streamed text
that quotes a prompt, a REPL with an odd prompt). Prompts print ``ANSWER=<json>``;
look-alikes never ask anything. Written blind; never used for tuning.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any


def done(value: Any) -> None:
    print(f"\nANSWER={json.dumps(value)}", flush=True)


def narrow(cols: int) -> None:
    subprocess.run(["stty", "cols", str(cols)], check=False)


def forever() -> None:
    while True:
        time.sleep(3600)  # noqa: sleep-ok - a look-alike that never asks


# ---------------------------------------------------------------- click / typer


def click_log_level() -> Any:
    import click

    click.echo("Writing logging.toml for the worker pool.")
    return click.prompt(
        "Log level",
        type=click.Choice(["debug", "info", "warning", "error"], case_sensitive=False),
        default="info",
    )


def click_wrapped_keep_cache() -> Any:
    import click

    narrow(52)
    return click.confirm(
        "The build cache in ~/.cache/forge is 11.4 GB and was last used 93 days ago; "
        "keep it for the next build",
        default=True,
    )


def click_workers_default() -> Any:
    import click

    return click.prompt("Worker processes", default=4, type=int)


def click_new_password_twice() -> Any:
    import click

    pw = click.prompt("New admin password", hide_input=True, confirmation_prompt=True)
    return f"len{len(pw)}"


def click_type_namespace() -> Any:
    import click

    click.secho("  namespace payments-staging: 31 pods, 6 volumes  ", bg="red", fg="white")
    typed = click.prompt("Type the namespace to delete it")
    return "deleted" if typed == "payments-staging" else "kept"


def typer_rotate_keys() -> Any:
    import typer

    typer.secho("━" * 58, fg=typer.colors.YELLOW)
    typer.secho("  KEY ROTATION  ·  last rotated 211 days ago", fg=typer.colors.YELLOW, bold=True)
    typer.secho("━" * 58, fg=typer.colors.YELLOW)
    return typer.confirm("Rotate the signing keys now?", default=False)


def typer_sample_rate() -> Any:
    import typer

    return typer.prompt("Trace sampling rate", type=float, default=0.25)


# ---------------------------------------------------------------- rich


def rich_purge_rule() -> Any:
    from rich.console import Console
    from rich.prompt import Confirm

    console = Console()
    console.rule("[bold red]CDN")
    console.print("412,003 cached objects in 3 zones")
    return Confirm.ask("Purge the CDN cache?", default=False)


def rich_region() -> Any:
    from rich.prompt import Prompt

    return Prompt.ask("Region", choices=["eu", "us", "ap"], default="eu")


def rich_token() -> Any:
    from rich.prompt import Prompt

    return f"len{len(Prompt.ask('Cloudflare API token', password=True))}"


def rich_cpu_limit() -> Any:
    from rich.prompt import FloatPrompt

    return FloatPrompt.ask("CPU limit for the sandbox", default=1.5)


def rich_numbered_by_label() -> Any:
    from rich.console import Console
    from rich.prompt import IntPrompt

    shells = ["bash", "zsh", "fish", "nushell"]
    console = Console()
    console.print("[bold]Login shells found:[/bold]")
    for n, name in enumerate(shells, 1):
        console.print(f"  [cyan]{n}[/cyan]  {name}")
    return shells[IntPrompt.ask("Default shell (number)", default=1) - 1]


# ---------------------------------------------------------------- questionary


def questionary_autocomplete() -> Any:
    import questionary

    return questionary.autocomplete(
        "Country for the invoice",
        choices=["Norway", "Sweden", "Finland", "Denmark", "Iceland"],
    ).unsafe_ask()


def questionary_shortcuts() -> Any:
    import questionary

    return questionary.select(
        "Test runner", choices=["pytest", "unittest", "nose2", "ward"], use_shortcuts=True
    ).unsafe_ask()


def questionary_checkbox_titles() -> Any:
    import questionary
    from questionary import Choice, Separator

    return questionary.checkbox(
        "Backups to schedule",
        choices=[
            Separator("── databases ──"),
            Choice("orders-db", checked=True),
            Choice("users-db"),
            Separator("── buckets ──"),
            Choice("media"),
            Choice("exports"),
        ],
    ).unsafe_ask()


def questionary_force_push() -> Any:
    import questionary

    print("origin/main has 2 commits you do not have.")
    return questionary.confirm(
        "Force-push to origin/main?", default=False, auto_enter=True
    ).unsafe_ask()


def questionary_path_keep() -> Any:
    import questionary

    return questionary.path("Config file", default="./tether.toml").unsafe_ask()


def questionary_channel_values() -> Any:
    import questionary
    from questionary import Choice

    return questionary.select(
        "Release channel",
        choices=[
            Choice("stable (recommended)", value="stable"),
            Choice("beta", value="beta"),
            Choice("nightly", value="nightly"),
        ],
        instruction="(↑↓ then Enter)",
    ).unsafe_ask()


# ---------------------------------------------------------------- InquirerPy


def inquirerpy_fuzzy() -> Any:
    from InquirerPy import inquirer

    return inquirer.fuzzy(  # type: ignore[attr-defined]
        message="Cluster to connect to",
        choices=["prod-eu", "prod-us", "staging", "dev-sandbox"],
    ).execute()


def inquirerpy_checkbox_enabled() -> Any:
    from InquirerPy import inquirer
    from InquirerPy.base.control import Choice

    return inquirer.checkbox(  # type: ignore[attr-defined]
        message="Metrics to export",
        choices=[
            Choice("cpu", enabled=True),
            Choice("memory", enabled=True),
            Choice("disk io"),
            Choice("network"),
        ],
        instruction="(space toggles)",
    ).execute()


def inquirerpy_text_default() -> Any:
    from InquirerPy import inquirer

    return inquirer.text(message="Registry", default="ghcr.io/acme").execute()  # type: ignore[attr-defined]


def inquirerpy_paged_select() -> Any:
    from InquirerPy import inquirer

    zones = [f"zone-{c}" for c in "abcdefghijklmnopqrst"]
    return inquirer.select(  # type: ignore[attr-defined]
        message="Availability zone", choices=zones, max_height=6
    ).execute()


def inquirerpy_filepath() -> Any:
    from InquirerPy import inquirer

    return inquirer.filepath(message="Path to the SQL dump").execute()  # type: ignore[attr-defined]


# ---------------------------------------------------------------- prompt_toolkit


def ptk_button_dialog() -> Any:
    from prompt_toolkit.shortcuts import button_dialog

    return button_dialog(
        title="Upload failed",
        text="chunk 14 of 40 timed out after 30 s.",
        buttons=[("Retry", "retry"), ("Skip", "skip"), ("Abort", "abort")],
    ).run()


def ptk_input_dialog() -> Any:
    from prompt_toolkit.shortcuts import input_dialog

    return input_dialog(title="Join cluster", text="Host name for this node:").run()


def ptk_message_dialog() -> Any:
    from prompt_toolkit.shortcuts import message_dialog

    message_dialog(title="Licence", text="This build is for evaluation only.").run()
    return "ok"


def ptk_toolbar_prompt() -> Any:
    from prompt_toolkit import prompt

    return prompt("Release name: ", bottom_toolbar=" Enter accepts · Ctrl-C cancels ")


def ptk_password_dialog() -> Any:
    from prompt_toolkit.shortcuts import input_dialog

    pw = input_dialog(title="Keystore", text="Keystore password:", password=True).run()
    return f"len{len(pw or '')}"


# -------------------------------------------------- pick / simple-term-menu / inquirer


def pick_default_index() -> Any:
    from pick import pick

    option, _ = pick(
        ["us-east-1", "eu-central-1", "ap-northeast-1"],
        "Bucket region\n(the bucket name is global; the region cannot change later)",
        indicator=">",
        default_index=1,
    )
    return option


def stm_preselected() -> Any:
    from simple_term_menu import TerminalMenu

    items = ["unit", "integration", "e2e", "lint"]
    menu = TerminalMenu(
        items,
        title="Checks to run before merging:",
        multi_select=True,
        preselected_entries=["unit", "lint"],
        multi_select_select_on_accept=False,
        show_multi_select_hint=True,
    )
    menu.show()
    return list(menu.chosen_menu_entries or [])


def stm_status_bar() -> Any:
    from simple_term_menu import TerminalMenu

    items = ["keep local", "take remote", "open merge tool"]
    index = TerminalMenu(
        items,
        title="Conflict in schema.sql",
        status_bar="3 more conflicts after this one",
        menu_cursor="» ",
    ).show()
    return items[index] if isinstance(index, int) else None


def pyinquirer_text_default() -> Any:
    import inquirer

    answers = inquirer.prompt([inquirer.Text("v", message="Mount point", default="/mnt/data")])
    return answers["v"] if answers else None


def pyinquirer_password() -> Any:
    import inquirer

    answers = inquirer.prompt([inquirer.Password("v", message="LDAP bind password")])
    return f"len{len(answers['v'])}" if answers else None


def pyinquirer_list_default() -> Any:
    import inquirer

    answers = inquirer.prompt(
        [
            inquirer.List(
                "v",
                message="Coffee for the offsite",
                choices=["espresso", "flat white", "filter", "none"],
                default="filter",
                carousel=True,
            )
        ]
    )
    return answers["v"] if answers else None


# ---------------------------------------------------------------- beaupy / bullet


def beaupy_select() -> Any:
    import beaupy
    from rich.console import Console

    Console(stderr=True).print("[bold]Which GPU pool should run the job?[/bold]")
    return beaupy.select(["a10g (24 GB)", "l4 (24 GB)", "h100 (80 GB)"], cursor="▸", cursor_index=0)


def beaupy_select_multiple_ticked() -> Any:
    import beaupy
    from rich.console import Console

    Console(stderr=True).print("[bold]Channels to post the release notes to:[/bold]")
    return beaupy.select_multiple(
        ["#general", "#releases", "#eng", "#support"], ticked_indices=[1], minimal_count=1
    )


def beaupy_confirm() -> Any:
    import beaupy

    print("12 projects have been closed for more than a year.")
    return beaupy.confirm("Archive the 12 closed projects?", default_is_yes=True)


def beaupy_prompt_initial() -> Any:
    import beaupy

    return beaupy.prompt("Output bucket", initial_value="s3://builds")


def beaupy_secure() -> Any:
    import beaupy

    return f"len{len(beaupy.prompt('Webhook secret', secure=True) or '')}"


def bullet_menu() -> Any:
    from bullet import Bullet

    return Bullet(
        prompt="Choose a cache backend: ", choices=["redis", "memcached", "none"]
    ).launch()


def bullet_check() -> Any:
    from bullet import Check

    return Check(
        prompt="Tables to copy (space marks, enter accepts):",
        choices=["users", "orders", "invoices", "events"],
        check="√",
    ).launch()


def bullet_yesno() -> Any:
    from bullet import YesNo

    return YesNo(prompt="Regenerate the lock file? ", default="n").launch()


def bullet_input_default() -> Any:
    from bullet import Input

    return Input(prompt="Site title: ", default="My Blog").launch()


# ---------------------------------------------------------------- standard library


def stdlib_bracket_numbers() -> Any:
    fonts = ["JetBrains Mono", "Fira Code", "Iosevka", "Cascadia Code"]
    print("Fonts available for the terminal theme:")
    for n, name in enumerate(fonts, 1):
        print(f"  [{n}] {name}")
    reply = input("Your choice: ").strip()
    return fonts[int(reply) - 1]


def stdlib_type_yes_capitals() -> Any:
    print("\x1b[1;41;97m WARNING \x1b[0m /dev/sdc (SanDisk 64 GB) will be erased.")
    typed = input("Type YES in capitals to wipe the device: ")
    return "wiped" if typed == "YES" else "kept"


def stdlib_wrapped_narrow() -> Any:
    narrow(48)
    reply = input(
        "Found 3 containers from an older compose project named legacy-stack; "
        "stop and remove them before starting? (y/N) "
    )
    return reply.strip().lower() or "n"


def stdlib_question_under_banner() -> Any:
    print("\x1b[1;97;41m" + "  SCHEMA MIGRATION 0042 · irreversible  ".ljust(60) + "\x1b[0m")
    print("\x1b[1;97;41m" + "  drops column users.legacy_token".ljust(60) + "\x1b[0m\n")
    reply = input("Continue with the migration? [Y/n] ")
    return reply.strip().lower() or "y"


def stdlib_abort_retry() -> Any:
    print("Read error on /dev/sr0 at sector 88213.")
    reply = input("(a)bort, (r)etry, (i)gnore? ").strip().lower()
    return {"a": "abort", "r": "retry", "i": "ignore"}.get(reply, "?")


def stdlib_token_hidden() -> Any:
    import getpass

    return f"len{len(getpass.getpass('Personal access token (input hidden): '))}"


def stdlib_press_enter_browser() -> Any:
    print("To finish signing in, a browser window will open at the device page.")
    input("Press Enter to open the browser, or Ctrl+C to skip... ")
    return "opened"


# ---------------------------------------------------------------- look-alikes


def look_watch_dashboard() -> None:
    n = 0
    while True:
        sys.stdout.write("\x1b[H\x1b[2J")
        sys.stdout.write(f"Every 1.0s: deploy-status            tick {n}\n\n")
        sys.stdout.write("job 481   migrate   waiting on 'Apply? [Y/n]' in runner-3\n")
        sys.stdout.write("job 482   build     ████████░░ 80%\n")
        sys.stdout.write("job 483   test      queued\n")
        sys.stdout.flush()
        n += 1
        time.sleep(1)  # noqa: sleep-ok - a refreshing dashboard


def look_curses_monitor() -> None:
    import curses

    def run(win: Any) -> None:
        curses.curs_set(0)
        n = 0
        while True:
            win.erase()
            win.addstr(0, 0, f"pgmon 2.1   uptime {n}s   (h for help)")
            win.addstr(2, 0, "  PID  USER      STATE     QUERY")
            win.addstr(3, 0, " 4411  app       active    SELECT * FROM orders WHERE ...")
            win.addstr(4, 0, " 4418  admin     waiting   -- Confirm VACUUM FULL? (y/n)")
            win.addstr(5, 0, " 4420  app       idle      COMMIT")
            win.refresh()
            n += 1
            time.sleep(0.5)  # noqa: sleep-ok - a refreshing monitor

    curses.wrapper(run)


def look_agent_quotes_whiptail() -> None:
    text = (
        "The upgrade script will open a box like this:\n"
        "  ┌──── Restart services ────┐\n"
        "  │ Restart cron and ssh?    │\n"
        "  │   <Yes>        <No>      │\n"
        "  └──────────────────────────┘\n"
        "Choose <Yes> there. Next it asks 'Keep the local version? [y/N]' and "
        "I recommend N. I am now checking the remaining packages "
    )
    while True:
        for word in text.split(" "):
            sys.stdout.write(word + " ")
            sys.stdout.flush()
            time.sleep(0.05)  # noqa: sleep-ok - an agent streaming tokens
        text = "and their changelogs for anything that needs a manual step "


def look_log_yn_lines() -> None:
    n = 0
    while True:
        print(f"2026-12-03T14:{n % 60:02d}:07Z INFO  prompt 'Delete branch? (y/n)' auto-answered y")
        print(f"2026-12-03T14:{n % 60:02d}:08Z INFO  [Y/n] default used for job {n}", flush=True)
        n += 1
        time.sleep(0.7)  # noqa: sleep-ok - a log that keeps going


def look_code_interact() -> None:
    import code

    sys.ps1 = "sql? "
    code.interact(banner="Query console. Which table? Type a query.", local={}, exitmsg="")


def look_rich_live_table() -> None:
    from rich.live import Live
    from rich.table import Table

    def table(n: int) -> Table:
        t = Table(title=f"Workers (refresh {n})")
        t.add_column("worker")
        t.add_column("status")
        t.add_row("w1", "asking: Retry? (y/N) -> retried")
        t.add_row("w2", "idle")
        t.add_row("w3", f"processed {n * 3} jobs")
        return t

    with Live(table(0), refresh_per_second=4) as live:
        n = 0
        while True:
            time.sleep(0.3)  # noqa: sleep-ok - a refreshing table
            n += 1
            live.update(table(n))


def look_download_bar() -> None:
    n = 0
    while True:
        pct = n % 101
        bar = "#" * (pct // 4)
        sys.stdout.write(f"\rDownload model weights? yes (from --yes)  [{bar:<25}] {pct:3d}%")
        sys.stdout.flush()
        n += 1
        time.sleep(0.15)  # noqa: sleep-ok - a progress bar


def look_answered_questionary() -> None:
    print("? Project template \x1b[33mapi\x1b[0m")
    print("? Use Docker? \x1b[33mYes\x1b[0m")
    print("? Select the checks  \x1b[33mdone (2 selections)\x1b[0m")
    print("Scaffolding into ./api ...", flush=True)
    forever()


SCENARIOS: dict[str, Callable[[], Any]] = {
    f.__name__: f
    for f in (
        click_log_level,
        click_wrapped_keep_cache,
        click_workers_default,
        click_new_password_twice,
        click_type_namespace,
        typer_rotate_keys,
        typer_sample_rate,
        rich_purge_rule,
        rich_region,
        rich_token,
        rich_cpu_limit,
        rich_numbered_by_label,
        questionary_autocomplete,
        questionary_shortcuts,
        questionary_checkbox_titles,
        questionary_force_push,
        questionary_path_keep,
        questionary_channel_values,
        inquirerpy_fuzzy,
        inquirerpy_checkbox_enabled,
        inquirerpy_text_default,
        inquirerpy_paged_select,
        inquirerpy_filepath,
        ptk_button_dialog,
        ptk_input_dialog,
        ptk_message_dialog,
        ptk_toolbar_prompt,
        ptk_password_dialog,
        pick_default_index,
        stm_preselected,
        stm_status_bar,
        pyinquirer_text_default,
        pyinquirer_password,
        pyinquirer_list_default,
        beaupy_select,
        beaupy_select_multiple_ticked,
        beaupy_confirm,
        beaupy_prompt_initial,
        beaupy_secure,
        bullet_menu,
        bullet_check,
        bullet_yesno,
        bullet_input_default,
        stdlib_bracket_numbers,
        stdlib_type_yes_capitals,
        stdlib_wrapped_narrow,
        stdlib_question_under_banner,
        stdlib_abort_retry,
        stdlib_token_hidden,
        stdlib_press_enter_browser,
        look_watch_dashboard,
        look_curses_monitor,
        look_agent_quotes_whiptail,
        look_log_yn_lines,
        look_code_interact,
        look_rich_live_table,
        look_download_bar,
        look_answered_questionary,
    )
}

if __name__ == "__main__":
    done(SCENARIOS[sys.argv[1]]())
