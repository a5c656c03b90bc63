"""Third held-out set, Python side: ``held3.py <scenario>``.

Real prompt libraries (click, typer, rich, questionary, InquirerPy,
prompt_toolkit, pick, simple-term-menu, inquirer) and the standard library, in
wordings and layouts neither earlier set uses: menus with item descriptions and
custom markers, pre-checked checkboxes, numbered lists answered with a number,
prefilled defaults, questions under banners and panels, confirm-by-typing, and
look-alikes (dashboards, REPLs, streamed text that quotes a prompt). Prompts
print ``ANSWER=<json>``; look-alikes never ask anything. Never used for tuning.
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


def narrow(cols: int = 56) -> None:
    subprocess.run(["stty", "cols", str(cols)], check=False)


def banner(text: str) -> None:
    """A full-width coloured banner, as scaffolding tools print above their first question."""
    print(f"\x1b[1;97;44m{('  ' + text).ljust(70)}\x1b[0m")
    print(f"\x1b[2m{'─' * 70}\x1b[0m", flush=True)


# ---------------------------------------------------------------- click / typer


def click_compression() -> Any:
    import click

    return click.prompt("Compression", type=click.Choice(["gzip", "zstd", "none"]), default="zstd")


def click_discard_wrapped() -> Any:
    import click

    narrow()
    return click.confirm(
        "You have 3 uncommitted notebooks in ./experiments; discard them and reset the "
        "workspace to the last checkpoint",
        default=False,
    )


def click_remote_default() -> Any:
    import click

    return click.prompt("Git remote URL", default="git@example.org:team/app.git")


def click_type_cluster() -> Any:
    import click

    click.secho("This deletes cluster prod-eu-2 and its 14 node pools.", fg="red", bold=True)
    typed = click.prompt("To confirm, type the cluster name (prod-eu-2)")
    return "deleted" if typed == "prod-eu-2" else "mismatch"


def typer_replicas() -> Any:
    import typer

    return typer.prompt("How many replicas", type=int, default=3)


def typer_banner_confirm() -> Any:
    import typer

    typer.secho(" RELEASE 4.0.0 ".center(60, "="), fg=typer.colors.WHITE, bg=typer.colors.MAGENTA)
    typer.secho("changelog: 42 entries · 3 breaking changes", fg=typer.colors.BRIGHT_BLACK)
    return typer.confirm("Tag and push the release", default=True)


def typer_db_password() -> Any:
    import typer

    return f"len{len(typer.prompt('Database password for admin@db-01', hide_input=True))}"


# ---------------------------------------------------------------- rich


def rich_environment() -> Any:
    from rich.prompt import Prompt

    return Prompt.ask("Environment", choices=["dev", "test", "stage", "prod"], default="dev")


def rich_port() -> Any:
    from rich.prompt import IntPrompt

    return IntPrompt.ask("Port for the admin console", default=8080)


def rich_panel_confirm() -> Any:
    from rich.console import Console
    from rich.panel import Panel
    from rich.prompt import Confirm

    Console().print(
        Panel(
            "Canary: 5% of traffic · error rate 0.02% · p95 210 ms",
            title="Rollout checkpoint",
            border_style="green",
        )
    )
    return Confirm.ask("Promote the canary to 100%?")


def rich_numbered_profile() -> Any:
    from rich.console import Console
    from rich.prompt import Prompt
    from rich.table import Table

    profiles = ["laptop", "ci-runner", "gpu-box", "staging-vm"]
    table = Table(title="Profiles")
    table.add_column("#")
    table.add_column("Profile")
    for n, name in enumerate(profiles, 1):
        table.add_row(str(n), name)
    Console().print(table)
    picked = Prompt.ask("Select a profile by number", choices=["1", "2", "3", "4"])
    return profiles[int(picked) - 1]


# ---------------------------------------------------------------- questionary


def questionary_descriptions() -> Any:
    import questionary
    from questionary import Choice

    return questionary.select(
        "Which runtime should the function use?",
        choices=[
            Choice("python3.12", description="Cold start ~300 ms, 1,800 MB max"),
            Choice("nodejs20.x", description="Cold start ~180 ms, ESM only"),
            Choice("provided.al2023", description="Bring your own binary"),
        ],
    ).unsafe_ask()


def questionary_triangle_default() -> Any:
    import questionary

    return questionary.select(
        "Merge strategy",
        choices=["merge commit", "squash", "rebase", "fast-forward only"],
        default="squash",
        pointer="▸",
    ).unsafe_ask()


def questionary_prechecked() -> Any:
    import questionary
    from questionary import Choice

    return questionary.checkbox(
        "Notifications to keep",
        choices=[
            Choice("build failed", checked=True),
            Choice("build fixed", checked=True),
            Choice("deploy started"),
            Choice("deploy finished", checked=True),
            Choice("weekly digest"),
        ],
    ).unsafe_ask()


def questionary_rawselect() -> Any:
    import questionary

    return questionary.rawselect(
        "Where should the logs go?", choices=["stdout", "journald", "a file", "syslog"]
    ).unsafe_ask()


def questionary_prefilled_keep() -> Any:
    import questionary

    return questionary.text("Next version", default="0.3.0").unsafe_ask()


def questionary_prefilled_replace() -> Any:
    import questionary

    return questionary.text("Docker image tag", default="latest").unsafe_ask()


def questionary_banner_confirm() -> Any:
    import questionary

    banner("create-service · step 3 of 3")
    return questionary.confirm("Initialise a git repository here?", default=True).unsafe_ask()


def questionary_password() -> Any:
    import questionary

    return f"len{len(questionary.password('SMTP password').unsafe_ask())}"


# ---------------------------------------------------------------- InquirerPy


def inquirerpy_separator_menu() -> Any:
    from InquirerPy import inquirer
    from InquirerPy.separator import Separator

    return inquirer.select(  # type: ignore[attr-defined]
        message="Instance type",
        qmark="[?]",
        pointer="›",
        choices=["t3.micro", "t3.small", Separator(), "m6i.large", "m6i.xlarge"],
    ).execute()


def inquirerpy_dots_checkbox() -> Any:
    from InquirerPy import inquirer

    return inquirer.checkbox(  # type: ignore[attr-defined]
        message="Languages for syntax highlighting",
        choices=["Rust", "Go", "Kotlin", "Elixir", "Zig"],
        enabled_symbol="●",
        disabled_symbol="○",
    ).execute()


def inquirerpy_rawlist() -> Any:
    from InquirerPy import inquirer

    return inquirer.rawlist(  # type: ignore[attr-defined]
        message="Time zone for the reports",
        choices=["UTC", "Europe/Berlin", "America/Chicago", "Asia/Tokyo"],
    ).execute()


def inquirerpy_expand() -> Any:
    from InquirerPy import inquirer
    from InquirerPy.prompts.expand import ExpandChoice

    return inquirer.expand(  # type: ignore[attr-defined]
        message="Local branch 'topic' has diverged from its remote",
        choices=[
            ExpandChoice("rebase", key="r"),
            ExpandChoice("merge", key="m"),
            ExpandChoice("reset to remote", key="x"),
        ],
    ).execute()


def inquirerpy_number() -> Any:
    from InquirerPy import inquirer

    return inquirer.number(message="Retention in days", default=30).execute()  # type: ignore[attr-defined]


def inquirerpy_secret() -> Any:
    from InquirerPy import inquirer

    return f"len{len(inquirer.secret(message='Vault unseal key').execute())}"  # type: ignore[attr-defined]


def inquirerpy_confirm_default_yes() -> Any:
    from InquirerPy import inquirer

    print("Found 2 stale lock files in .terraform/")
    return inquirer.confirm(message="Remove the stale locks", default=True).execute()  # type: ignore[attr-defined]


# ---------------------------------------------------------------- prompt_toolkit


def ptk_radiolist() -> Any:
    from prompt_toolkit.shortcuts import radiolist_dialog

    return radiolist_dialog(
        title="Keyboard layout",
        text="Select the layout for the console:",
        values=[("us", "English (US)"), ("de", "German"), ("fr", "French"), ("se", "Swedish")],
    ).run()


def ptk_checkboxlist() -> Any:
    from prompt_toolkit.shortcuts import checkboxlist_dialog

    return checkboxlist_dialog(
        title="Optional components",
        text="Install which components?",
        values=[("docs", "Documentation"), ("examples", "Examples"), ("sdk", "Plugin SDK")],
    ).run()


def ptk_yes_no_labels() -> Any:
    from prompt_toolkit.shortcuts import yes_no_dialog

    return yes_no_dialog(
        title="Deploy",
        text="Deploy build 7781 to the production cluster?",
        yes_text="Deploy",
        no_text="Cancel",
    ).run()


def ptk_prefilled_branch() -> Any:
    from prompt_toolkit import prompt

    return prompt("Worktree branch: ", default="hotfix/login-timeout")


def ptk_confirm_shortcut() -> Any:
    from prompt_toolkit.shortcuts import confirm

    print("Worktree ../app-review is clean.")
    return confirm("Delete the worktree?")


# -------------------------------------------------- pick / simple-term-menu / inquirer


def pick_menu() -> Any:
    from pick import pick

    option, _ = pick(
        ["Ubuntu 24.04", "Debian 13", "Fedora 41", "Alpine 3.20"],
        "Base image for the container (arrow keys, Enter to choose):",
        indicator="❯",
    )
    return option


def pick_multi() -> Any:
    from pick import pick

    chosen = pick(
        ["amd64", "arm64", "riscv64", "s390x"],
        "Architectures to build (SPACE to mark, ENTER to continue):",
        multiselect=True,
        min_selection_count=1,
    )
    return [option for option, _ in chosen]


def stm_menu() -> Any:
    from simple_term_menu import TerminalMenu

    items = ["small (2 vCPU)", "medium (4 vCPU)", "large (8 vCPU)"]
    print("Runner size:")
    index = TerminalMenu(items, menu_cursor="▸ ").show()
    return items[index] if isinstance(index, int) else None


def stm_multi() -> Any:
    from simple_term_menu import TerminalMenu

    items = ["cache", "artifacts", "logs", "coverage"]
    menu = TerminalMenu(
        items,
        title="Folders to purge:",
        multi_select=True,
        show_multi_select_hint=True,
        multi_select_select_on_accept=False,
    )
    menu.show()
    return list(menu.chosen_menu_entries or [])


def pyinquirer_list() -> Any:
    import inquirer

    answers = inquirer.prompt(
        [
            inquirer.List(
                "size", message="Shirt size for the conference", choices=["S", "M", "L", "XL"]
            )
        ]
    )
    return answers["size"] if answers else None


def pyinquirer_checkbox() -> Any:
    import inquirer

    answers = inquirer.prompt(
        [
            inquirer.Checkbox(
                "topics",
                message="Topics you want to follow",
                choices=["security", "performance", "releases", "community"],
            )
        ]
    )
    return answers["topics"] if answers else None


def pyinquirer_confirm() -> Any:
    import inquirer

    return inquirer.confirm("Send anonymous crash reports", default=False)


# ---------------------------------------------------------------- standard library


def stdlib_type_database() -> Any:
    print("\x1b[1;31mDANGER ZONE\x1b[0m")
    print("Dropping analytics_prod removes 212 tables and cannot be undone.")
    typed = input("Please type the name of the database to confirm: ")
    return "dropped" if typed == "analytics_prod" else "kept"


def stdlib_selection_range() -> Any:
    kernels = ["6.8.0-41-generic", "6.8.0-40-generic", "6.5.0-35-generic"]
    print("Boot entries:")
    for n, name in enumerate(kernels, 1):
        print(f"   {n}) {name}")
    reply = input("Select an entry by number [1-3, Enter for 1]: ").strip() or "1"
    return kernels[int(reply) - 1]


def stdlib_gpg_style() -> Any:
    import getpass

    print("You need a passphrase to unlock the secret key for")
    print('user: "Alice Example <alice@example.org>"')
    print("4096-bit RSA key, ID 7F3A21C09B55E2D1, created 2024-02-11\n")
    return f"len{len(getpass.getpass('Enter passphrase: '))}"


def stdlib_keys_line() -> Any:
    print("Snapshot test 'header renders' failed: the output changed.")
    reply = input("Update the snapshot? [u]pdate / [s]kip / [i]gnore all / [q]uit: ").strip()
    return {"u": "update", "s": "skip", "i": "ignore", "q": "quit"}.get(reply, "?")


# ---------------------------------------------------------------- look-alikes


def forever() -> None:
    while True:
        time.sleep(3600)  # noqa: sleep-ok - a look-alike that never asks


def look_ci_log_questions() -> None:
    lines = [
        "[ci] step 4/7: scaffold the example project",
        "? Project name: » demo",
        "? Pick a framework: › React",
        "✔ Use TypeScript? … yes",
        "? Which package manager? (Use arrow keys)",
        "  ○ npm",
        "  ● pnpm",
        "[ci] answers taken from ci-answers.json",
    ]
    for line in lines:
        print(line, flush=True)
    n = 0
    while True:
        print(f"[ci] installing dependencies ... {n * 7} packages", flush=True)
        n += 1
        time.sleep(0.4)  # noqa: sleep-ok - a build that keeps logging


def look_agent_quotes_menu() -> None:
    text = (
        "The installer will now show a menu like this one:\n\n"
        "  ? Select a region\n"
        "  ◯ us-east-1\n"
        "  ◉ eu-west-1\n"
        "  ◯ ap-south-1\n\n"
        "and then ask 'Continue? [y/N]'. You can pick eu-west-1 when it does. I am "
        "reading the rest of the configuration now and will summarise the changes "
    )
    while True:
        for word in text.split(" "):
            sys.stdout.write(word + " ")
            sys.stdout.flush()
            time.sleep(0.04)  # noqa: sleep-ok - an agent streaming tokens
        text = "while also checking the lock file and the CI settings for the release "


def look_rich_layout() -> None:
    from rich.layout import Layout
    from rich.live import Live
    from rich.panel import Panel

    def render(n: int) -> Layout:
        layout = Layout()
        layout.split_row(
            Layout(Panel(f"queue depth: {n % 17}\nworkers: 4/4", title="Queue")),
            Layout(
                Panel(
                    "❯ deploy #88 waiting for approval\n  [ Approve ]  [ Reject ]\n(in the web UI)",
                    title="Approvals",
                )
            ),
        )
        return layout

    with Live(render(0), refresh_per_second=4, screen=False) as live:
        n = 0
        while True:
            time.sleep(0.25)  # noqa: sleep-ok - a refreshing dashboard
            n += 1
            live.update(render(n))


def look_rich_progress_question() -> None:
    from rich.progress import BarColumn, Progress, TextColumn

    with Progress(TextColumn("{task.description}"), BarColumn()) as progress:
        task = progress.add_task("Overwrite existing files? (y/N) — replaying answers", total=None)
        while True:
            progress.advance(task, 1)
            time.sleep(0.1)  # noqa: sleep-ok - a progress bar


def look_curses_clock() -> None:
    import curses

    def run(win: Any) -> None:
        curses.curs_set(0)
        n = 0
        while True:
            win.erase()
            win.addstr(0, 0, "cluster-watch  (q quits, r refreshes)")
            win.addstr(2, 0, "┌─ Pending ──────────────────────┐")
            win.addstr(3, 0, "│ Drain node-7? [y/N]  (queued)  │")
            win.addstr(4, 0, "│   < Yes >        < No >        │")
            win.addstr(5, 0, "└────────────────────────────────┘")
            win.addstr(7, 0, f"tick {n}")
            win.refresh()
            n += 1
            time.sleep(0.3)  # noqa: sleep-ok - a refreshing full-screen view

    curses.wrapper(run)


def look_answered_wizard() -> None:
    print("\x1b[32m✔\x1b[0m Project name … demo-app")
    print("\x1b[32m✔\x1b[0m Framework › Svelte")
    print("\x1b[32m✔\x1b[0m Add ESLint for code linting? … Yes")
    print("\x1b[32m◇\x1b[0m  Install dependencies?\n│  Yes\n│")
    frames = "◐◓◑◒"
    n = 0
    while True:
        sys.stdout.write(f"\r{frames[n % 4]}  Installing dependencies with pnpm ({n}s)")
        sys.stdout.flush()
        n += 1
        time.sleep(0.25)  # noqa: sleep-ok - a spinner


def look_http_server_log() -> None:
    print("Serving HTTP on 127.0.0.1 port 8000 (http://127.0.0.1:8000/) ...", flush=True)
    print('127.0.0.1 - - "GET /confirm?answer=(y/n) HTTP/1.1" 200 -', flush=True)
    print('127.0.0.1 - - "POST /api/questions/next  ? " 204 -', flush=True)
    forever()


def look_apt_log_repeats() -> None:
    n = 0
    while True:
        print(f"Get:{n} http://deb.example.org/debian bookworm/main pkg{n} 1.{n}", flush=True)
        if n % 5 == 0:
            print("Do you want to continue? [Y/n] y   (assumed by -y)", flush=True)
        n += 1
        time.sleep(0.5)  # noqa: sleep-ok - a log that keeps going


SCENARIOS: dict[str, Callable[[], Any]] = {
    f.__name__: f
    for f in (
        click_compression,
        click_discard_wrapped,
        click_remote_default,
        click_type_cluster,
        typer_replicas,
        typer_banner_confirm,
        typer_db_password,
        rich_environment,
        rich_port,
        rich_panel_confirm,
        rich_numbered_profile,
        questionary_descriptions,
        questionary_triangle_default,
        questionary_prechecked,
        questionary_rawselect,
        questionary_prefilled_keep,
        questionary_prefilled_replace,
        questionary_banner_confirm,
        questionary_password,
        inquirerpy_separator_menu,
        inquirerpy_dots_checkbox,
        inquirerpy_rawlist,
        inquirerpy_expand,
        inquirerpy_number,
        inquirerpy_secret,
        inquirerpy_confirm_default_yes,
        ptk_radiolist,
        ptk_checkboxlist,
        ptk_yes_no_labels,
        ptk_prefilled_branch,
        ptk_confirm_shortcut,
        pick_menu,
        pick_multi,
        stm_menu,
        stm_multi,
        pyinquirer_list,
        pyinquirer_checkbox,
        pyinquirer_confirm,
        stdlib_type_database,
        stdlib_selection_range,
        stdlib_gpg_style,
        stdlib_keys_line,
        look_ci_log_questions,
        look_agent_quotes_menu,
        look_rich_layout,
        look_rich_progress_question,
        look_curses_clock,
        look_answered_wizard,
        look_http_server_log,
        look_apt_log_repeats,
    )
}


if __name__ == "__main__":
    done(SCENARIOS[sys.argv[1]]())
