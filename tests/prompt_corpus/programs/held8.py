"""Eighth held-out set, Python side: ``held8.py <scenario>``.

Only the libraries the issue names (click, typer, questionary, InquirerPy, prompt_toolkit,
rich) and the standard library (``input()``, ``getpass``), in wordings and layouts no earlier
set uses, and look-alikes (REPLs, live progress, click progress bars, streamed agent text
quoting prompts and menus, test runners, programs that printed a question and went on
working). Prompts print ``ANSWER=<json>``; look-alikes never ask anything. Written blind;
never used for tuning.
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
def click_choice_region() -> Any:
    import click

    click.echo("The edge cache is replicated to one extra region per tenant.")
    regions = [
        "ap-south-1",
        "ap-southeast-2",
        "sa-east-1",
        "me-central-1",
        "af-south-1",
        "il-central-1",
        "us-west-2",
    ]
    return click.prompt("Replica region", type=click.Choice(regions), default="us-west-2")


@scenario
def click_confirm_reindex() -> Any:
    import click

    click.secho("48 shards hold 310 M documents; a reindex takes about 40 minutes.", fg="cyan")
    return click.confirm("Reindex all shards before the cut-over?", default=True)


@scenario
def click_int_keep() -> Any:
    import click

    return click.prompt("Keep audit events for how many days", type=int, default=14)


@scenario
def click_hidden_unseal() -> Any:
    import click

    return secret(click.prompt("Vault unseal share #2", hide_input=True))


@scenario
def click_oncall_name() -> Any:
    import click

    click.echo("Incident INC-5521 has no owner yet.")
    return click.prompt("Who takes the pager for this incident?")


@scenario
def click_choice_by_number_style() -> Any:
    import click

    click.secho(" RELEASE TRAIN 26.12 ", bg="blue", fg="white", bold=True)
    click.echo("Channel picks which users see the build first.")
    return click.prompt(
        "Channel", type=click.Choice(["nightly", "canary", "beta", "stable"]), show_choices=True
    )


@scenario
def typer_confirm_wheel() -> Any:
    import typer

    return typer.confirm("Overwrite the cached wheel numpy-2.1.3-cp311-linux_x86_64.whl?")


@scenario
def typer_registry_replace() -> Any:
    import typer

    return typer.prompt("Container registry", default="ghcr.io/acme")


@scenario
def typer_status_token() -> Any:
    import typer

    return secret(typer.prompt("Status-page API token", hide_input=True))


@scenario
def typer_confirm_default_yes_keep() -> Any:
    import typer

    typer.secho("A newer schema (v41) is available for the local cache.", fg="yellow")
    return typer.confirm("Migrate the local cache now?", default=True)


# ---------------------------------------------------------------- rich


@scenario
def rich_loglevel_six() -> Any:
    from rich.prompt import Prompt

    return Prompt.ask(
        "Log level for the OTLP collector",
        choices=["trace", "debug", "info", "warn", "error", "fatal"],
        default="info",
    )


@scenario
def rich_confirm_below_banner() -> Any:
    from rich.console import Console
    from rich.panel import Panel
    from rich.prompt import Confirm

    console = Console()
    console.print(Panel("[bold]FREEZE[/] — release branch is locked until 18:00 UTC", style="red"))
    return Confirm.ask("Force-push the hotfix to release/26.12 anyway?")


@scenario
def rich_int_keep() -> Any:
    from rich.prompt import IntPrompt

    return IntPrompt.ask("Parallel uploads", default=6)


@scenario
def rich_passphrase() -> Any:
    from rich.prompt import Prompt

    return secret(Prompt.ask("Passphrase for [bold]deploy_ed25519[/]", password=True))


@scenario
def rich_question_above_rule() -> Any:
    from rich.console import Console
    from rich.prompt import Prompt

    console = Console()
    console.print("[bold]Which tenant should receive the 12,408 migrated rows?[/]")
    console.rule("[white on magenta] DATA MIGRATION · tenant mapping [/]", style="magenta")
    return Prompt.ask("›")


# ---------------------------------------------------------------- questionary


@scenario
def q_select_sep_disabled() -> Any:
    import questionary
    from questionary import Choice, Separator

    return questionary.select(
        "Container runtime for the CI agents",
        choices=[
            "docker",
            "podman",
            Separator("── rootless ──"),
            Choice("nerdctl", disabled="not installed"),
            "buildah",
            "kaniko",
        ],
        pointer="→",
    ).ask()


@scenario
def q_checkbox_two() -> Any:
    import questionary

    return questionary.checkbox(
        "Linters to run on save",
        choices=["ruff", "mypy", "pylint", "bandit", "vulture", "codespell"],
    ).ask()


@scenario
def q_checkbox_preticked_untick() -> Any:
    import questionary
    from questionary import Choice

    return questionary.checkbox(
        "Regions that keep a read replica",
        choices=[
            Choice("Frankfurt", checked=True),
            Choice("Dublin", checked=True),
            Choice("São Paulo", checked=True),
            Choice("Singapore"),
            Choice("Sydney"),
        ],
    ).ask()


@scenario
def q_confirm_default_no() -> Any:
    import questionary

    return questionary.confirm("Publish the draft to the public wiki?", default=False).ask()


@scenario
def q_text_default_keep() -> Any:
    import questionary

    return questionary.text("Staging hostname", default="stage.internal.acme.dev").ask()


@scenario
def q_password_gpg() -> Any:
    import questionary

    return secret(questionary.password("Passphrase for the signing subkey 0x3A9F").ask())


@scenario
def q_rawselect_by_number() -> Any:
    import questionary

    return questionary.rawselect(
        "Base image for the worker",
        choices=[
            "python:3.13-slim",
            "python:3.13-alpine",
            "python:3.12-bookworm",
            "ubuntu:24.04",
            "debian:12",
            "distroless/python3",
        ],
    ).ask()


@scenario
def q_autocomplete_tz() -> Any:
    import questionary

    return questionary.autocomplete(
        "Timezone for the cron jobs",
        choices=["Europe/Lisbon", "Europe/London", "Europe/Oslo", "Asia/Kolkata", "UTC"],
    ).ask()


@scenario
def q_select_shortcuts() -> Any:
    import questionary

    print("Two branches touch the same migration file.")
    return questionary.select(
        "Which side wins for 0042_add_index.py?",
        choices=["ours", "theirs", "both (ours first)", "neither — stop the merge"],
        use_shortcuts=True,
    ).ask()


@scenario
def q_select_long_list_default() -> Any:
    import questionary

    return questionary.select(
        "Node.js version for the Lambda layer",
        choices=["16.x (EOL)", "18.x", "20.x", "22.x", "23.x", "24.x", "latest"],
        default="20.x",
        qmark="⬢",
    ).ask()


# ---------------------------------------------------------------- InquirerPy


@scenario
def ipy_select_pointer() -> Any:
    from InquirerPy import inquirer

    return inquirer.select(  # type: ignore[attr-defined]
        message="Compute size for the build runners:",
        choices=["c7g.medium", "c7g.large", "c7g.xlarge", "c7g.2xlarge", "m7i.large", "m7i.xlarge"],
        pointer="▸",
    ).execute()


@scenario
def ipy_checkbox_untick() -> Any:
    from InquirerPy import inquirer
    from InquirerPy.base.control import Choice

    return inquirer.checkbox(  # type: ignore[attr-defined]
        message="Sections of the changelog to publish:",
        choices=[
            Choice("Features", enabled=True),
            Choice("Fixes", enabled=True),
            Choice("Internal refactors", enabled=True),
            Choice("Dependencies"),
            Choice("Security"),
        ],
    ).execute()


@scenario
def ipy_confirm_default_yes() -> Any:
    from InquirerPy import inquirer

    return inquirer.confirm(message="Rotate the TLS certificate now?", default=True).execute()  # type: ignore[attr-defined]


@scenario
def ipy_text_replace() -> Any:
    from InquirerPy import inquirer

    return inquirer.text(message="Metrics listen address:", default="0.0.0.0:9100").execute()  # type: ignore[attr-defined]


@scenario
def ipy_secret_smtp() -> Any:
    from InquirerPy import inquirer

    return secret(inquirer.secret(message="Mailgun SMTP password:").execute())  # type: ignore[attr-defined]


@scenario
def ipy_expand_lockfile() -> Any:
    from InquirerPy import inquirer
    from InquirerPy.prompts.expand import ExpandChoice

    print("uv.lock differs from the one on main.")
    return inquirer.expand(  # type: ignore[attr-defined]
        message="Resolve uv.lock:",
        choices=[
            ExpandChoice("regenerate", key="r", name="Regenerate it"),
            ExpandChoice("ours", key="o", name="Keep ours"),
            ExpandChoice("theirs", key="t", name="Take theirs"),
            ExpandChoice("skip", key="s", name="Skip this file"),
        ],
    ).execute()


@scenario
def ipy_rawlist_by_label() -> Any:
    from InquirerPy import inquirer

    return inquirer.rawlist(  # type: ignore[attr-defined]
        message="Storage class for cold archives:",
        choices=["STANDARD", "STANDARD_IA", "ONEZONE_IA", "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE"],
    ).execute()


@scenario
def ipy_number_replace() -> Any:
    from InquirerPy import inquirer

    return inquirer.number(message="Max retries per job:", default=3, min_allowed=0).execute()  # type: ignore[attr-defined]


@scenario
def ipy_fuzzy_branch() -> Any:
    from InquirerPy import inquirer

    return inquirer.fuzzy(  # type: ignore[attr-defined]
        message="Branch to check out:",
        choices=["main", "develop", "feature/ledger-export", "fix/oauth-refresh", "release/26.12"],
    ).execute()


# ---------------------------------------------------------------- prompt_toolkit


@scenario
def ptk_default_keep() -> Any:
    from prompt_toolkit import prompt

    return prompt("Bind address: ", default="127.0.0.1")


@scenario
def ptk_yes_no_dialog() -> Any:
    from prompt_toolkit.shortcuts import yes_no_dialog

    return yes_no_dialog(
        title="Disk almost full", text="Delete the 14 oldest snapshots (31 GB)?"
    ).run()


@scenario
def ptk_button_dialog() -> Any:
    from prompt_toolkit.shortcuts import button_dialog

    return button_dialog(
        title="Upload failed",
        text="artefact-26.12.tar.zst could not be uploaded (HTTP 503).",
        buttons=[("Retry", "retry"), ("Skip", "skip"), ("Abort", "abort")],
    ).run()


@scenario
def ptk_radiolist_six() -> Any:
    from prompt_toolkit.shortcuts import radiolist_dialog

    return radiolist_dialog(
        title="Power profile",
        text="Which profile should the laptop use on battery?",
        values=[
            ("perf", "Performance"),
            ("bal", "Balanced"),
            ("save", "Power saver"),
            ("quiet", "Quiet fans"),
            ("cool", "Cool (cap 15 W)"),
            ("auto", "Automatic"),
        ],
    ).run()


@scenario
def ptk_checkboxlist_two() -> Any:
    from prompt_toolkit.shortcuts import checkboxlist_dialog

    return checkboxlist_dialog(
        title="Cleanup",
        text="What should be removed from the build host?",
        values=[
            ("images", "Dangling images"),
            ("volumes", "Unused volumes"),
            ("cache", "Build cache"),
            ("logs", "Rotated logs"),
        ],
    ).run()


@scenario
def ptk_input_dialog() -> Any:
    from prompt_toolkit.shortcuts import input_dialog

    return input_dialog(title="Wi-Fi", text="Name of the network to join:").run()


@scenario
def ptk_sudo_password() -> Any:
    from prompt_toolkit import prompt

    return secret(prompt("[sudo] password for dev: ", is_password=True))


@scenario
def ptk_choice_third() -> Any:
    from prompt_toolkit.shortcuts import choice

    return choice(
        message="Where should the crash dump go?",
        options=[
            ("local", "Keep it on this machine"),
            ("bucket", "Upload to the team bucket"),
            ("ticket", "Attach it to a new ticket"),
            ("drop", "Delete it"),
        ],
    )


@scenario
def ptk_message_dialog() -> Any:
    from prompt_toolkit.shortcuts import message_dialog

    message_dialog(title="Backup finished", text="412 files copied. Press ENTER to close.").run()
    return "closed"


# ---------------------------------------------------------------- standard library


@scenario
def std_enter_selection() -> Any:
    mirrors = ["Helsinki", "Falkenstein", "Nuremberg", "Ashburn", "Hillsboro", "Singapore", "Tokyo"]
    print("Available package mirrors:")
    for i, m in enumerate(mirrors, 1):
        print(f"  {i}. {m}")
    reply = input("Enter selection (default: 1): ").strip() or "1"
    return mirrors[int(reply) - 1]


@scenario
def std_label_or_number() -> Any:
    shells = ["bash", "zsh", "fish", "nushell", "elvish", "xonsh"]
    print("Login shell for the new account")
    for i, s in enumerate(shells, 1):
        print(f"   [{i}] {s}")
    reply = input("Pick a number or type the name: ").strip()
    return shells[int(reply) - 1] if reply.isdigit() else reply


@scenario
def std_type_repo_name() -> Any:
    print("\x1b[1;31mThis will archive acme/website and make it read-only.\x1b[0m")
    reply = input("Type the repository name (acme/website) to confirm: ")
    return "archived" if reply == "acme/website" else "kept"


@scenario
def std_type_yes_caps() -> Any:
    print("All 9 replicas will be stopped at once; clients will see errors.")
    reply = input("Type YES to continue: ")
    return "stopped" if reply == "YES" else "aborted"


@scenario
def std_wrapped_question() -> Any:
    reply = input(
        "The lock file was generated by a newer resolver (0.9.2) than the one installed here "
        "(0.8.7); downgrade the lock file so that everyone on the team can install? (y/N) "
    )
    return reply.strip().lower() or "n"


@scenario
def std_banner_above_question() -> Any:
    print("\x1b[30;43m" + " ⚠  PRODUCTION DATABASE ".ljust(60) + "\x1b[0m")
    print("\x1b[30;43m" + "   host db-main-1, 2.3 TB, 418 connections".ljust(60) + "\x1b[0m")
    reply = input("Run VACUUM FULL on table events? [yes/no] ")
    return reply.strip()


@scenario
def std_abort_retry_ignore() -> Any:
    print("Read error on /dev/sdb sector 88123.")
    reply = input("[A]bort, [R]etry, [I]gnore, [F]ail? ").strip().lower()
    return {"a": "abort", "r": "retry", "i": "ignore", "f": "fail"}.get(reply, reply)


@scenario
def std_bracket_keep() -> Any:
    reply = input("Port for the metrics endpoint [9464]: ").strip()
    return int(reply or "9464")


@scenario
def std_bracket_replace() -> Any:
    reply = input("Git author e-mail [dev@localhost]: ").strip()
    return reply or "dev@localhost"


@scenario
def std_getpass_postgres() -> Any:
    import getpass

    return secret(getpass.getpass("Password for user postgres on db-3: "))


@scenario
def std_getpass_ssh_key() -> Any:
    import getpass

    return secret(getpass.getpass("Enter passphrase for key '/home/dev/.ssh/id_ed25519': "))


@scenario
def std_press_enter_yubikey() -> Any:
    input("Insert the YubiKey and press Enter to continue…")
    return "touched"


@scenario
def std_choose_from_four() -> Any:
    print("Line endings for the converted files:")
    print("  1 = LF")
    print("  2 = CRLF")
    print("  3 = CR")
    print("  4 = keep as found")
    reply = input("Choose from [1/2/3/4] (4): ").strip() or "4"
    return {"1": "LF", "2": "CRLF", "3": "CR", "4": "keep"}[reply]


@scenario
def std_list_then_yn() -> Any:
    for f in ["build/app.js.map", "build/vendor.js.map", "build/app.css.map", "build/sw.js.map"]:
        print(f"  - {f}")
    reply = input("Delete these 4 source maps? (y/n) ")
    return reply.strip()


@scenario
def std_yes_no_words() -> Any:
    print("Upgrade plan: 17 packages, 2 held back.")
    reply = input("Proceed with the upgrade? (yes/no): ")
    return reply.strip()


@scenario
def std_gpg_style() -> Any:
    import getpass

    print("Please enter the passphrase to unlock the OpenPGP secret key:")
    print('"Release Bot <release@acme.dev>"')
    print("255-bit EDDSA key, ID 9C1E2B7A04D5F311, created 2025-03-02.")
    return secret(getpass.getpass("Passphrase: "))


@scenario
def std_question_under_rule_prompt_gt() -> Any:
    print("What should the new project be called?")
    print("\x1b[36m" + "─" * 60 + "\x1b[0m")
    reply = input("> ")
    return reply.strip()


# ---------------------------------------------------------------- look-alikes


@scenario
def look_python_repl_odd() -> None:
    import code

    sys.ps1 = "(y/n)>>> "
    sys.ps2 = "... "
    code.interact(banner="analysis shell — 3 frames loaded", local={}, exitmsg="")


@scenario
def look_rich_progress_question() -> None:
    from rich.progress import Progress

    with Progress() as progress:
        task = progress.add_task("Overwrite? [y/N] checking 9,000 files", total=10_000_000)
        while True:
            progress.advance(task, 1)
            time.sleep(0.2)  # noqa: sleep-ok - a look-alike progress bar


@scenario
def look_rich_live_menu_table() -> None:
    from rich.live import Live
    from rich.table import Table

    def table(n: int) -> Table:
        t = Table(title=f"deploy board · tick {n}")
        t.add_column("service")
        t.add_column("state")
        t.add_row("❯ api", "● healthy")
        t.add_row("  web", "○ rolling (2/5)")
        t.add_row("  jobs", "● healthy  Continue? auto")
        return t

    with Live(table(0), refresh_per_second=2) as live:
        n = 0
        while True:
            n += 1
            live.update(table(n))
            time.sleep(0.5)  # noqa: sleep-ok - a live dashboard


@scenario
def look_click_bar() -> None:
    import click

    with click.progressbar(range(10_000_000), label="Password: hashing vault entries") as bar:
        for _ in bar:
            time.sleep(0.05)  # noqa: sleep-ok - a look-alike progress bar


@scenario
def look_agent_quotes_prompt() -> None:
    text = (
        'I\'ll run the migration now. If it asks "Apply 3 migrations? [Y/n]" I will answer '
        "for you.\n\nThe tool offered these choices:\n  ❯ 1. Yes\n    2. Yes, and don't ask "
        "again\n    3. No, and tell Claude what to do differently\n\nThinking"
    )
    for ch in text:
        sys.stdout.write(ch)
        sys.stdout.flush()
        time.sleep(0.01)  # noqa: sleep-ok - streamed text
    while True:
        sys.stdout.write(".")
        sys.stdout.flush()
        time.sleep(1)  # noqa: sleep-ok - still thinking


@scenario
def look_printed_question_continues() -> None:
    print("Should the old index be dropped? Assuming no (pass --drop to change).")
    n = 0
    while True:
        n += 1
        print(f"indexed batch {n} (500 docs)")
        time.sleep(0.7)  # noqa: sleep-ok - working without reading


@scenario
def look_test_runner() -> None:
    print("============================= test session starts ==============================")
    print("collected 212 items\n")
    print("tests/test_prompts.py::test_confirm_asks_continue_yn PASSED")
    print("tests/test_prompts.py::test_password_prompt_hidden PASSED")
    print("tests/test_prompts.py::test_select_menu_arrow_keys ", end="", flush=True)
    forever()


@scenario
def look_build_numbered() -> None:
    steps = ["Resolve dependencies", "Compile 418 modules", "Link", "Strip symbols", "Sign"]
    print("Build plan:")
    for i, s in enumerate(steps, 1):
        print(f"  {i}) {s}")
    print("Select a step to skip with --skip N.  Running all steps…")
    forever()


@scenario
def look_sleep_chevron() -> None:
    print("Waiting for the upstream lock to be released")
    sys.stdout.write("> ")
    sys.stdout.flush()
    forever()


@scenario
def look_log_with_prompts() -> None:
    lines = [
        "12:01:04 INFO  sshd: Password: prompt shown to 10.0.4.7 (auth=keyboard-interactive)",
        "12:01:05 WARN  apt: Do you want to continue? [Y/n] answered by -y",
        "12:01:06 INFO  installer: Continue? (y/n) -> y (unattended)",
    ]
    for line in lines:
        print(line)
    forever()


@scenario
def look_curses_viewer() -> None:
    import curses

    def run(win: Any) -> None:
        curses.curs_set(0)
        n = 0
        while True:
            win.erase()
            win.addstr(0, 0, "journal viewer — follow mode  (q quits? no: read-only)")
            win.addstr(2, 0, f"{n:6d}  kernel: usb 1-2: new device, Press any key? ignored")
            win.addstr(3, 0, "       systemd: Started Session 4 of user dev.")
            win.addstr(22, 0, "-- following, 1 line/s --")
            win.refresh()
            n += 1
            time.sleep(1)  # noqa: sleep-ok - a follow-mode viewer

    curses.wrapper(run)


@scenario
def look_ptk_repl() -> None:
    from prompt_toolkit import PromptSession

    session: PromptSession[str] = PromptSession()
    print("sqlite-ish 0.4 — type .help")
    while True:
        session.prompt("db [main] » ")


@scenario
def look_rich_status_spinner() -> None:
    from rich.console import Console

    console = Console()
    with console.status("Waiting for approval in the web UI (select Yes there)…"):
        forever()


@scenario
def look_stream_checkbox_quote() -> None:
    body = [
        "Here is what the checkbox prompt will look like:",
        "? Select features (Press <space> to select, <a> to toggle all)",
        "❯◉ TypeScript",
        " ◯ ESLint",
        " ◯ Prettier",
        "",
        "Generating the scaffold now…",
    ]
    for line in body:
        print(line, flush=True)
        time.sleep(0.05)  # noqa: sleep-ok - streamed text
    forever()


@scenario
def look_countdown_continue() -> None:
    n = 100000
    while True:
        sys.stdout.write(f"\rContinue in {n}s… (no input needed)   ")
        sys.stdout.flush()
        n -= 1
        time.sleep(1)  # noqa: sleep-ok - countdown


@scenario
def look_rich_table_markers() -> None:
    from rich.console import Console
    from rich.table import Table

    t = Table(title="Prompt styles we support")
    t.add_column("library")
    t.add_column("looks like")
    t.add_row("questionary", "? Pick one  ❯ alpha   ○ beta")
    t.add_row("whiptail", "< Yes >   < No >")
    t.add_row("click", "Continue? [y/N]:")
    Console().print(t)
    forever()


@scenario
def look_numbered_todo_sleep() -> None:
    print("TODO before the release:")
    print("  1. Bump the version")
    print("  2. Tag the commit")
    print("  3. Publish the notes")
    print("Which one is done? Checking the tracker…")
    forever()


@scenario
def look_input_echo_server() -> None:
    import socket

    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen()
    print(f"Listening on 127.0.0.1:{srv.getsockname()[1]}")
    print("Enter password: <- that is what clients will see; this server reads only sockets")
    srv.accept()
    forever()


if __name__ == "__main__":
    done(SCENARIOS[sys.argv[1]]())
