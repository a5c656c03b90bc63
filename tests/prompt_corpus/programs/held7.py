"""Seventh held-out set, Python side: ``held7.py <scenario>``.

Real prompt libraries (click, typer, rich, questionary, InquirerPy, prompt_toolkit, pick,
simple-term-menu, inquirer, beaupy, bullet, and two no earlier set used: survey and
console-menu) and the standard library in wordings and layouts no earlier set uses (click's
IntRange and hidden input asked twice, questionary's rawselect, path and press-any-key,
InquirerPy's expand, rawlist and number, prompt_toolkit's checkbox-list and radio-list
dialogs and its ``choice``, survey's select, basket, inquire, input and numeric), and
look-alikes (database shells, live progress, streamed agent text quoting menus, curses
pagers and monitors, programs that printed a question and went on working). Prompts print
``ANSWER=<json>``; look-alikes never ask anything. Written blind; never used for tuning.
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


# ---------------------------------------------------------------- click / typer


@scenario
def click_intrange_workers() -> Any:
    import click

    click.echo("This machine has 16 cores; the indexer scales to 32 workers.")
    return click.prompt("Worker processes", type=click.IntRange(1, 32), default=4)


@scenario
def click_hidden_twice() -> Any:
    import click

    value = click.prompt(
        "Password for the metrics database", hide_input=True, confirmation_prompt=True
    )
    return secret(value)


@scenario
def click_compression_six() -> Any:
    import click

    click.secho("Archiving 2,311 log files (4.6 GiB).", fg="magenta")
    return click.prompt(
        "Compression codec",
        type=click.Choice(["none", "gzip", "bzip2", "xz", "zstd", "lz4"]),
        default="gzip",
    )


@scenario
def click_confirm_abort() -> Any:
    import click

    click.echo("Schema 'staging_2024' holds 38 tables and 1.2 M rows.")
    click.confirm("Drop the schema staging_2024 and everything in it?", abort=True)
    return True


@scenario
def click_remote_replace() -> Any:
    import click

    return click.prompt("Name of the git remote to push to", default="origin")


@scenario
def typer_confirm_tag() -> Any:
    import typer

    typer.secho("Tag v3.0.0 points at 9f2c1e7 (main).", fg=typer.colors.BRIGHT_BLUE)
    return typer.confirm("Push tag v3.0.0 to the shared remote?")


@scenario
def typer_slug_keep() -> Any:
    import typer

    return typer.prompt("Project slug", default="orbit-tracker")


# ---------------------------------------------------------------- rich


@scenario
def rich_env_choices() -> Any:
    from rich.prompt import Prompt

    return Prompt.ask(
        "[bold]Promote build 7781 to which environment?[/]",
        choices=["dev", "qa", "stage", "prod"],
        default="dev",
    )


@scenario
def rich_panel_confirm() -> Any:
    from rich.console import Console
    from rich.panel import Panel
    from rich.prompt import Confirm

    console = Console()
    console.print(
        Panel(
            "[white on red] MAINTENANCE WINDOW [/]  The payments API will return 503 for ~4 min.",
            border_style="red",
        )
    )
    return Confirm.ask("Start the maintenance window now?", default=False)


@scenario
def rich_password() -> Any:
    from rich.prompt import Prompt

    return secret(Prompt.ask("SMTP relay password", password=True))


@scenario
def rich_author_replace() -> Any:
    from rich.prompt import Prompt

    return Prompt.ask("Commit author", default="Ada Lovelace")


# ---------------------------------------------------------------- questionary


@scenario
def questionary_rawselect_licence() -> Any:
    import questionary

    return questionary.rawselect(
        "Licence for the new package",
        choices=["MIT", "Apache-2.0", "BSD-3-Clause", "MPL-2.0", "GPL-3.0-only", "Unlicense"],
    ).unsafe_ask()


@scenario
def questionary_press_any_key() -> Any:
    import questionary

    print("Firmware 2.14 copied to the staging partition.")
    questionary.press_any_key_to_continue(
        "Unplug the board, plug it back in, then press any key…"
    ).unsafe_ask()
    return "flashed"


@scenario
def questionary_path_replace() -> Any:
    import questionary

    return questionary.path("Where should nightly backups go?", default="/var/backups").unsafe_ask()


@scenario
def questionary_checkbox_untick() -> Any:
    import questionary
    from questionary import Choice

    return questionary.checkbox(
        "Notify these channels on failure",
        choices=[
            Choice("e-mail", checked=True),
            Choice("Slack #ops", checked=True),
            Choice("PagerDuty"),
            Choice("SMS"),
            Choice("Matrix"),
            Choice("webhook → /hooks/ci"),
        ],
    ).unsafe_ask()


@scenario
def questionary_select_indicator() -> Any:
    import questionary

    return questionary.select(
        "Which Python should the build image use?",
        qmark="✈",
        use_indicator=True,
        choices=["3.9 (security fixes only)", "3.10", "3.11", "3.12", "3.13", "3.14 beta"],
    ).unsafe_ask()


@scenario
def questionary_confirm_telemetry() -> Any:
    import questionary

    return questionary.confirm(
        "Share crash reports with the maintainers?", default=False
    ).unsafe_ask()


@scenario
def questionary_password() -> Any:
    import questionary

    return secret(questionary.password("Key-store password:").unsafe_ask())


# ---------------------------------------------------------------- InquirerPy


@scenario
def inquirerpy_expand_conflict() -> Any:
    from InquirerPy import inquirer
    from InquirerPy.prompts.expand import ExpandChoice

    print("settings.toml differs from the template shipped with 5.1.")
    return inquirer.expand(  # type: ignore[attr-defined]
        message="What should happen to settings.toml?",
        choices=[
            ExpandChoice(key="o", name="Overwrite with the new template", value="overwrite"),
            ExpandChoice(key="k", name="Keep my version", value="keep"),
            ExpandChoice(key="m", name="Merge the two", value="merge"),
        ],
    ).execute()


@scenario
def inquirerpy_rawlist_zone() -> Any:
    from InquirerPy import inquirer

    return inquirer.rawlist(  # type: ignore[attr-defined]
        message="Availability zone",
        choices=["eu-west-1a", "eu-west-1b", "eu-west-1c", "eu-central-1a", "eu-central-1b"],
    ).execute()


@scenario
def inquirerpy_number_keep() -> Any:
    from InquirerPy import inquirer

    prompt = inquirer.number  # type: ignore[attr-defined]
    return int(prompt(message="Max open connections", default=100).execute())


@scenario
def inquirerpy_checkbox_enabled() -> Any:
    from InquirerPy import inquirer
    from InquirerPy.base.control import Choice

    return inquirer.checkbox(  # type: ignore[attr-defined]
        message="Browsers for the smoke test",
        choices=[
            Choice("chromium", enabled=True),
            Choice("firefox"),
            Choice("webkit"),
            Choice("edge"),
            Choice("mobile-safari"),
            Choice("android-chrome", enabled=True),
            Choice("opera"),
        ],
    ).execute()


@scenario
def inquirerpy_secret() -> Any:
    from InquirerPy import inquirer

    prompt = inquirer.secret  # type: ignore[attr-defined]
    return secret(prompt(message="Registry access token:").execute())


# ---------------------------------------------------------------- prompt_toolkit


@scenario
def ptk_checkboxlist_dialog() -> Any:
    from prompt_toolkit.shortcuts import checkboxlist_dialog

    return checkboxlist_dialog(
        title="Post-install",
        text="Which services should start at boot?",
        values=[
            ("sshd", "sshd"),
            ("cron", "cron"),
            ("nginx", "nginx"),
            ("postgres", "postgres"),
        ],
        default_values=["sshd"],
    ).run()


@scenario
def ptk_radiolist_dialog() -> Any:
    from prompt_toolkit.shortcuts import radiolist_dialog

    return radiolist_dialog(
        title="Keyboard",
        text="Keyboard layout for the console",
        values=[
            ("us", "English (US)"),
            ("uk", "English (UK)"),
            ("de", "German"),
            ("fr", "French (AZERTY)"),
            ("dvorak", "Dvorak"),
        ],
        default="us",
    ).run()


@scenario
def ptk_choice() -> Any:
    from prompt_toolkit.shortcuts import choice

    return choice(
        message="How should the merge be done?",
        options=[
            ("merge", "Create a merge commit"),
            ("squash", "Squash and merge"),
            ("rebase", "Rebase and merge"),
        ],
    )


@scenario
def ptk_yes_no_custom() -> Any:
    from prompt_toolkit.shortcuts import yes_no_dialog

    return yes_no_dialog(
        title="Unsaved changes",
        text="notes.md has unsaved changes. Save them before closing?",
        yes_text="Save",
        no_text="Discard",
    ).run()


@scenario
def ptk_default_replace() -> Any:
    from prompt_toolkit import prompt

    return prompt("Upstream branch: ", default="release/2.x")


# ---------------------------------------------------------------- pick, stm, inquirer, beaupy


@scenario
def pick_multiselect() -> Any:
    from pick import pick

    chosen = pick(
        ["api", "web", "worker", "scheduler", "docs"],
        "Images to rebuild (space marks, enter confirms)",
        multiselect=True,
        min_selection_count=1,
    )
    return [label for label, _ in chosen]


@scenario
def stm_shortcuts() -> Any:
    from simple_term_menu import TerminalMenu

    entries = ["[b] build", "[t] test", "[l] lint", "[p] package", "[d] deploy", "[q] quit"]
    index = TerminalMenu(entries, title="Pipeline stage to run", menu_cursor="→ ").show()
    return entries[index][4:] if isinstance(index, int) else None


@scenario
def pyinq_checkbox_default() -> Any:
    import inquirer

    answers = inquirer.prompt(
        [
            inquirer.Checkbox(
                "feeds",
                message="Feeds to import",
                choices=["Hacker News", "Lobsters", "LWN.net", "Ars Technica", "The Register"],
                default=["LWN.net"],
            )
        ]
    )
    order = ["Hacker News", "Lobsters", "LWN.net", "Ars Technica", "The Register"]
    return sorted(answers["feeds"], key=order.index) if answers else None


@scenario
def pyinq_confirm_default_yes() -> Any:
    import inquirer

    return inquirer.confirm(
        "Keep the old container running until the new one is healthy?", default=True
    )


@scenario
def beaupy_select_arrow() -> Any:
    import beaupy

    print("Pick the dataset to profile:")
    options = ["orders-2023.parquet", "orders-2024.parquet", "users.csv", "events.jsonl"]
    return beaupy.select(options, cursor="→", cursor_style="green")


@scenario
def bullet_yesno() -> Any:
    from bullet import YesNo

    return YesNo("Rebase onto main before merging? ", default="y").launch()


# ---------------------------------------------------------------- survey


@scenario
def survey_select_target() -> Any:
    import survey

    options = ("bare metal", "KVM guest", "LXC container", "Firecracker microVM", "WSL2", "Docker")
    index = survey.routines.select("Install target: ", options=options)
    return options[index]


@scenario
def survey_basket_untick() -> Any:
    import survey

    options = ("rustfmt", "clippy", "miri", "rust-analyzer", "llvm-tools")
    indexes = survey.routines.basket("Components to install: ", options=options, active={0, 1})
    return [options[i] for i in sorted(indexes)]


@scenario
def survey_inquire() -> Any:
    import survey

    return survey.routines.inquire("Rotate the signing key now? ", default=False)


@scenario
def survey_input_keep() -> Any:
    import survey

    return survey.routines.input("Cluster name: ", value="lab-east")


@scenario
def survey_numeric() -> Any:
    import survey

    return survey.routines.numeric("Shards: ", value=3, decimal=False)


@scenario
def survey_conceal() -> Any:
    import survey

    return secret(survey.routines.conceal("Vault token: "))


# ---------------------------------------------------------------- console-menu


@scenario
def consolemenu_selection() -> Any:
    from consolemenu import SelectionMenu

    items = ["Backup now", "Restore a snapshot", "List snapshots", "Prune old snapshots"]
    index = SelectionMenu.get_selection(items, title="restic helper", subtitle="repo: b2:archive")
    return items[index] if index < len(items) else "exit"


@scenario
def consolemenu_by_label() -> Any:
    from consolemenu import SelectionMenu

    items = [
        "Debian 12 “bookworm”",
        "Ubuntu 24.04 LTS",
        "Fedora 41 (Workstation)",
        "Alpine 3.21 — minimal",
        "Arch Linux (rolling)",
        "openSUSE Tumbleweed",
    ]
    index = SelectionMenu.get_selection(items, title="Choose a base system", show_exit_option=False)
    return items[index]


# ---------------------------------------------------------------- standard library


@scenario
def stdlib_choose_from_brackets() -> Any:
    names = ["round-robin", "least-connections", "ip-hash", "random"]
    print("Load-balancing policy:")
    for n, name in enumerate(names, 1):
        print(f"  {n}. {name}")
    reply = input("Choose from [1/2/3/4] (1): ").strip() or "1"
    return names[int(reply) - 1]


@scenario
def stdlib_nine_by_number() -> Any:
    names = [
        "Africa/Nairobi",
        "America/Bogota",
        "America/Halifax",
        "Asia/Singapore",
        "Asia/Tokyo",
        "Australia/Perth",
        "Europe/Warsaw",
        "Europe/Madrid",
        "Pacific/Honolulu",
    ]
    print("Time zone for the scheduler")
    for n, name in enumerate(names, 1):
        print(f"  [{n}] {name}")
    reply = input("Selection number (0 to cancel): ").strip()
    return names[int(reply) - 1] if reply not in ("", "0") else "cancel"


@scenario
def stdlib_type_cluster() -> Any:
    print("\x1b[31mThis deletes the cluster prod-eu-2, its 14 nodes and every volume.\x1b[0m")
    reply = input("Type the cluster name (prod-eu-2) to confirm: ")
    return "deleted" if reply == "prod-eu-2" else "kept"


@scenario
def stdlib_wrapped_two_rows() -> Any:
    reply = input(
        "The artefact cache on this runner is 41 GiB and the disk is 93% full, so the next "
        "build may fail; clear the cache before starting? [y/N] "
    )
    return reply.strip().lower() or "n"


@scenario
def stdlib_question_above_banner() -> Any:
    # The question is drawn first; a yellow banner is drawn under it and the cursor goes
    # back to the end of the question row.
    question = "Re-encrypt 212 secrets with the new master key? (yes/no) "
    sys.stdout.write(question + "\x1b7\n\n")
    sys.stdout.write("\x1b[30;43m  NOTE  old key stays valid for 24 h after rotation  \x1b[0m")
    sys.stdout.write("\x1b8")
    sys.stdout.flush()
    return input().strip()


@scenario
def stdlib_default_paren_keep() -> Any:
    return input("Branch to deploy (default: main): ").strip() or "main"


@scenario
def stdlib_getpass_unseal() -> Any:
    import getpass

    print("Vault is sealed. 2 of 3 unseal keys needed.")
    return secret(getpass.getpass("Unseal key (will be hidden): "))


@scenario
def stdlib_letters_keep_both() -> Any:
    print("photos/IMG_2231.HEIC already exists in the destination.")
    reply = input("[k]eep both, [o]verwrite, [s]kip, [c]ancel all? ").strip()
    return {"k": "keep-both", "o": "overwrite", "s": "skip", "c": "cancel"}.get(reply, reply)


@scenario
def stdlib_raw_any_key() -> Any:
    import termios
    import tty

    print("Recording calibration data. Hold the sensor still.")
    sys.stdout.write("Press any key when the sensor is level . . . ")
    sys.stdout.flush()
    fd = sys.stdin.fileno()
    old = termios.tcgetattr(fd)
    try:
        tty.setraw(fd)
        sys.stdin.read(1)
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, old)
    return "calibrated"


@scenario
def stdlib_readline_keep() -> Any:
    import readline

    readline.set_startup_hook(lambda: readline.insert_text("https://ci.example.org/hook"))
    try:
        return input("Webhook URL: ")
    finally:
        readline.set_startup_hook()


@scenario
def stdlib_chevron_hint_below() -> Any:
    # The question row ends in "›"; a dim hint row is drawn under it, then the cursor returns.
    sys.stdout.write("\x1b[1mBucket for the exports\x1b[0m › \x1b7\n")
    sys.stdout.write("\x1b[2m  lowercase letters, digits and dashes\x1b[0m\x1b8")
    sys.stdout.flush()
    return input().strip()


@scenario
def stdlib_accents_by_label() -> Any:
    names = ["Café Olé", "Crème brûlée", "Smørrebrød", "Pão de queijo", "Żurek", "Ñoquis"]
    print("Dish of the day:")
    for n, name in enumerate(names, 1):
        print(f"  {n}) {name}")
    reply = input("Your pick (1-6): ").strip()
    return names[int(reply) - 1]


@scenario
def stdlib_long_labels_wrap() -> Any:
    names = [
        "Replay the 3,104 failed webhook deliveries from the last 24 hours to every subscriber",
        "Replay only the deliveries that failed with a 5xx status and skip the ones that timed out",
        "Discard the failed deliveries",
    ]
    print("Webhook backlog")
    for n, name in enumerate(names, 1):
        print(f"  {n}. {name}")
    reply = input("Option: ").strip()
    return ["all", "5xx", "discard"][int(reply) - 1]


@scenario
def stdlib_type_db_name_again() -> Any:
    print("Dropping ledger_prod removes 9 years of invoices. Backups: last night 02:00.")
    print("To confirm, enter the database name again.")
    reply = input("Database name: ")
    return "dropped" if reply == "ledger_prod" else "kept"


@scenario
def stdlib_green_box_banner() -> Any:
    print("\x1b[32m╭──────────────────────────────────────────────╮\x1b[0m")
    bar = "\x1b[32m│\x1b[0m"
    print(f"{bar} \x1b[1;32m✔ 18 checks passed\x1b[0m · 2 approvals · up to date{bar}")
    print("\x1b[32m╰──────────────────────────────────────────────╯\x1b[0m")
    reply = input("Merge pull request #482 into main? [Y/n] ")
    return reply.strip().lower() or "y"


@scenario
def stdlib_wrapped_question_numbered() -> Any:
    print(
        "Two members of the replica set disagree about the last committed operation, and "
        "automatic failover is paused until someone decides which copy wins. Which member "
        "should become the primary?"
    )
    names = ["mongo-a (optime 18:02:11)", "mongo-b (optime 18:02:09)", "wait for the arbiter"]
    for n, name in enumerate(names, 1):
        print(f"  {n}) {name}")
    reply = input("#: ").strip()
    return ["a", "b", "wait"][int(reply) - 1]


@scenario
def stdlib_entry_range_default() -> Any:
    names = [
        "tiny (1 vCPU)",
        "small (2 vCPU)",
        "medium (4 vCPU)",
        "large (8 vCPU)",
        "xlarge (16 vCPU)",
    ]
    print("Runner size")
    for n, name in enumerate(names, 1):
        print(f"  {n} · {name}")
    reply = input("Select an entry [1-5, default 2]: ").strip() or "2"
    return names[int(reply) - 1]


# ---------------------------------------------------------------- look-alikes


@scenario
def look_mysql_like_repl() -> None:
    import code

    sys.ps1, sys.ps2 = "mysql> ", "    -> "
    code.interact(banner="Server version: 8.4.2 (compatible shell). Type 'help;' for help.")


@scenario
def look_redis_like_repl() -> None:
    print("connected to 127.0.0.1:6379 (type QUIT? to leave)")
    while True:
        line = input("127.0.0.1:6379> ")
        print(f"(error) ERR unknown command '{line}'")


@scenario
def look_rich_progress_continue() -> None:
    from rich.progress import Progress

    with Progress() as progress:
        task = progress.add_task("Continue? uploading layers [y/N]", total=10_000)
        while True:
            progress.advance(task, 1)
            time.sleep(0.2)  # noqa: sleep-ok - a look-alike progress bar


@scenario
def look_rich_live_glyphs() -> None:
    from rich.live import Live
    from rich.table import Table

    def table(n: int) -> Table:
        t = Table(title="replicas")
        t.add_column("")
        t.add_column("name")
        t.add_column("state")
        t.add_row("❯", "db-0", f"● primary  lag 0 ms  tick {n}")
        t.add_row(" ", "db-1", "○ replica  lag 12 ms")
        t.add_row(" ", "db-2", "◯ catching up (Continue? auto)")
        return t

    with Live(table(0), refresh_per_second=4) as live:
        n = 0
        while True:
            n += 1
            live.update(table(n))
            time.sleep(0.5)  # noqa: sleep-ok - a look-alike live table


@scenario
def look_agent_streams_menu() -> None:
    text = (
        "I'll ask the user which option they prefer. The installer will show:\n\n"
        "  ? Which package manager do you want to use?\n"
        "  ❯ npm\n    pnpm\n    yarn\n\n"
        "and then `Proceed? (Y/n)`. I will answer it for you with the --yes flag, so no "
        "input is needed from you. Continuing with the build now"
    )
    for ch in text:
        sys.stdout.write(ch)
        sys.stdout.flush()
        time.sleep(0.004)  # noqa: sleep-ok - streamed text
    n = 0
    while True:
        n += 1
        sys.stdout.write(".")
        sys.stdout.flush()
        time.sleep(0.5)  # noqa: sleep-ok - still working


@scenario
def look_printed_question_works_on() -> None:
    print("Overwrite existing dist/ folder? [y/N] y  (--force given)")
    n = 0
    while True:
        n += 1
        print(f"  copied dist/chunk-{n:04d}.js")
        time.sleep(0.4)  # noqa: sleep-ok - working without reading


@scenario
def look_pytest_like() -> None:
    names = [
        "test_confirm_defaults_to_no",
        "test_password_prompt_hides_input",
        "test_select_menu_marks_current_row",
        "test_type_name_to_confirm",
    ]
    n = 0
    while True:
        print(f"tests/test_prompts.py::{names[n % 4]}[case{n}] PASSED   [{n % 100:3d}%]")
        n += 1
        time.sleep(0.35)  # noqa: sleep-ok - a look-alike test run


@scenario
def look_build_numbered() -> None:
    steps = ["fetch sources", "configure", "compile", "link", "strip", "package"]
    print("Build plan:")
    for n, step in enumerate(steps, 1):
        print(f"  {n}) {step}")
    n = 0
    while True:
        n += 1
        print(f"[{n}] compile obj/unit_{n}.o")
        time.sleep(0.4)  # noqa: sleep-ok - a look-alike build


@scenario
def look_sleep_gt() -> None:
    print("Recorder armed. Speak after the tone; the transcript appears below.")
    sys.stdout.write("> ")
    sys.stdout.flush()
    forever()


@scenario
def look_curses_pager() -> None:
    import curses

    def run(win: Any) -> None:
        curses.curs_set(0)
        lines = [f"{n:3d}  Proceed with step {n}? [Y/n]  Password: ****" for n in range(1, 80)]
        while True:
            win.erase()
            rows, _ = win.getmaxyx()
            for row, text in enumerate(lines[: rows - 1]):
                win.addstr(row, 0, text[:78])
            win.addstr(rows - 1, 0, "-- setup.log (12%) --", curses.A_REVERSE)
            win.refresh()
            time.sleep(1)  # noqa: sleep-ok - a viewer that only shows text

    curses.wrapper(run)


@scenario
def look_curses_monitor() -> None:
    import curses

    def run(win: Any) -> None:
        curses.curs_set(0)
        n = 0
        while True:
            n += 1
            win.erase()
            win.addstr(0, 0, f"gpu-mon 0.3   uptime {n}s   [q]uit? no, read-only")
            win.addstr(2, 0, "  #  NAME        UTIL  MEM")
            for i in range(4):
                mark = "❯" if i == n % 4 else " "
                win.addstr(3 + i, 0, f"{mark} {i}  A100-{i}      {(n * 7 + i * 13) % 100:3d}%  38G")
            win.refresh()
            time.sleep(0.5)  # noqa: sleep-ok - a monitor

    curses.wrapper(run)


@scenario
def look_log_password_prompts() -> None:
    n = 0
    while True:
        n += 1
        print(f"sshd[{4000 + n}]: Password: authentication ok for deploy (attempt {n})")
        print(f"sudo[{5000 + n}]: [sudo] password for ci: (cached)")
        time.sleep(0.5)  # noqa: sleep-ok - a look-alike log


@scenario
def look_click_progressbar() -> None:
    import click

    with click.progressbar(range(100_000), label="Continue? [Y/n] scanning") as bar:
        for _ in bar:
            time.sleep(0.05)  # noqa: sleep-ok - a look-alike progress bar


@scenario
def look_waiting_for_input_ci() -> None:
    n = 0
    while True:
        n += 1
        sys.stdout.write(f"\rWaiting for input from the CI runner… {n}s (select an option there)")
        sys.stdout.flush()
        time.sleep(1)  # noqa: sleep-ok - waiting on another machine


@scenario
def look_markdown_table_glyphs() -> None:
    print("| # | option            | state |")
    print("|---|-------------------|-------|")
    print("| 1 | ❯ Yes, proceed      | ●     |")
    print("| 2 |   No, cancel        | ○     |")
    print("| 3 |   Type YES to wipe  | ○     |")
    print()
    print("(table rendered from docs/prompts.md; nothing to answer)")
    forever()


if __name__ == "__main__":
    done(SCENARIOS[sys.argv[1]]())
