"""Ninth held-out set, Python side: ``held9.py <scenario>``.

Only the libraries issue 12 names (click, typer, questionary, InquirerPy, prompt_toolkit,
rich) and the standard library (``input()``, ``getpass``), in wordings and layouts no earlier
set uses, and look-alikes (REPLs, rich live screens and progress, click progress bars, streamed
agent text quoting prompts and menus, test runners, programs that printed a question and went
on working). Prompts print ``ANSWER=<json>``; look-alikes never ask anything. Written blind;
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
def click_choice_codec() -> Any:
    import click

    click.echo("Episode 118 is rendered; pick the codec for the feed.")
    codecs = ["opus", "aac", "mp3", "flac", "vorbis", "alac"]
    return click.prompt("Audio codec for the export", type=click.Choice(codecs), default="opus")


@scenario
def click_confirm_slots() -> Any:
    import click

    click.secho("pg-main has 3 inactive replication slots holding 41 GB of WAL.", fg="magenta")
    return click.confirm("Drop the inactive slots?")


@scenario
def click_float_replace() -> Any:
    import click

    return click.prompt("Trace sampling ratio", type=float, default=0.25)


@scenario
def click_hidden_twice() -> Any:
    import click

    value = click.prompt(
        "Passphrase for the backup archive", hide_input=True, confirmation_prompt=True
    )
    return secret(value)


@scenario
def click_text_label() -> Any:
    import click

    click.echo("A new key pair was generated for this laptop.")
    return click.prompt("Label shown next to the key on the forge")


@scenario
def click_confirmation_option() -> Any:
    import click

    @click.command()
    @click.confirmation_option(prompt="Really empty the staging bucket (2,904 objects)?")
    def wipe() -> None:
        done("wiped")
        sys.exit(0)

    wipe.main(args=[], standalone_mode=False)
    return "aborted"


@scenario
def click_choice_under_red_banner() -> Any:
    import click

    click.secho("  ██ ON-CALL HANDOFF ██  ", bg="red", fg="white", bold=True)
    click.secho("  Sev-2 open: checkout latency p99 > 2 s  ", bg="red", fg="white")
    return click.prompt(
        "Hand the incident to",
        type=click.Choice(["mira", "tobias", "keep it myself"]),
        show_choices=True,
    )


@scenario
def typer_confirm_abort() -> Any:
    import typer

    typer.echo("Wheel and sdist for acme-ledger 26.12.1 are built.")
    typer.confirm("Upload both to the package index?", abort=True)
    return "uploaded"


@scenario
def typer_int_keep() -> Any:
    import typer

    return typer.prompt("Worker threads for the indexer", default=4, type=int)


@scenario
def typer_password_twice() -> Any:
    import typer

    return secret(typer.prompt("New admin password", hide_input=True, confirmation_prompt=True))


@scenario
def typer_text_replace() -> Any:
    import typer

    return typer.prompt("Default branch for new repositories", default="master")


@scenario
def click_pause() -> Any:
    import click

    click.echo("Image written to the card (7.8 GB).")
    click.pause("Swap the SD card into the Pi, then press any key to resume…")
    return "resumed"


@scenario
def click_getchar_letters() -> Any:
    import click

    click.echo("Review 1/3: migrations/0043_drop_legacy_totals.sql")
    click.echo("[a]ccept  [r]eject  [s]kip  [q]uit ? ", nl=False)
    key = click.getchar()
    return {"a": "accept", "r": "reject", "s": "skip", "q": "quit"}.get(key, key)


@scenario
def click_intrange_replace() -> Any:
    import click

    return click.prompt("Replica count (1-9)", type=click.IntRange(1, 9), default=3)


@scenario
def typer_option_prompt_text() -> Any:
    import typer

    app = typer.Typer()

    @app.command()
    def create(name: str = typer.Option(..., prompt="Service account to create")) -> None:
        done(name)
        sys.exit(0)

    typer.main.get_command(app).main(args=[], standalone_mode=False)
    return "none"


@scenario
def typer_option_prompt_bool() -> Any:
    import typer

    app = typer.Typer()

    @app.command()
    def rotate(revoke: bool = typer.Option(False, prompt="Also revoke the previous keys?")) -> None:
        done(revoke)
        sys.exit(0)

    typer.main.get_command(app).main(args=[], standalone_mode=False)
    return "none"


# ---------------------------------------------------------------- rich


@scenario
def rich_choice_compression() -> Any:
    from rich.prompt import Prompt

    return Prompt.ask(
        "Compression for the nightly dump", choices=["none", "gzip", "zstd", "brotli", "lz4"]
    )


@scenario
def rich_confirm_keep_default() -> Any:
    from rich.prompt import Confirm

    return Confirm.ask("Keep the build cache between CI runs?", default=True)


@scenario
def rich_float_replace() -> Any:
    from rich.prompt import FloatPrompt

    return FloatPrompt.ask("CPU limit per pod (cores)", default=1.5)


@scenario
def rich_text_default_keep() -> Any:
    from rich.prompt import Prompt

    return Prompt.ask("Artefact bucket", default="s3://acme-artifacts-eu")


@scenario
def rich_password_vault() -> Any:
    from rich.prompt import Prompt

    return secret(Prompt.ask(":key: Vault token", password=True))


@scenario
def rich_choice_below_panel() -> Any:
    from rich.console import Console
    from rich.panel import Panel
    from rich.prompt import Prompt

    Console().print(
        Panel(
            "Sunday 02:00–04:00 UTC · API and dashboard read-only",
            title="[bold]MAINTENANCE WINDOW[/]",
            border_style="blue",
        )
    )
    return Prompt.ask(
        "Announce it on which channel", choices=["email", "slack", "statuspage", "none"]
    )


@scenario
def rich_int_choices() -> Any:
    from rich.prompt import IntPrompt

    return IntPrompt.ask("Log retention in days", choices=["7", "14", "30", "90"])


@scenario
def rich_hidden_choices() -> Any:
    from rich.prompt import Prompt

    return Prompt.ask(
        "Target environment (dev, qa, prod)",
        choices=["dev", "qa", "prod"],
        show_choices=False,
        case_sensitive=False,
    )


# ---------------------------------------------------------------- questionary


@scenario
def q_select_descriptions() -> Any:
    import questionary
    from questionary import Choice

    return questionary.select(
        "Retention policy for the audit bucket",
        choices=[
            Choice("30 days", description="cheapest, fine for dev"),
            Choice("90 days", description="the default for most teams"),
            Choice("1 year", description="SOC 2 minimum"),
            Choice("7 years", description="finance and legal holds"),
            Choice("forever", description="never expire objects"),
        ],
        instruction="(↑/↓, Enter)",
    ).ask()


@scenario
def q_checkbox_untick_two() -> Any:
    import questionary
    from questionary import Choice

    return questionary.checkbox(
        "Notifications to send for failed nightly jobs",
        choices=[
            Choice("E-mail the owner", checked=True),
            Choice("Post in #ops", checked=True),
            Choice("Page the on-call", checked=True),
            Choice("Open a ticket", checked=True),
            Choice("Tweet from @acmestatus"),
            Choice("Log only"),
        ],
    ).ask()


@scenario
def q_checkbox_three_of_seven() -> Any:
    import questionary

    return questionary.checkbox(
        "Extras for the dev container",
        choices=["zsh", "starship", "fzf", "ripgrep", "bat", "eza", "zoxide"],
        pointer="➤",
    ).ask()


@scenario
def q_confirm_no_auto_enter() -> Any:
    import questionary

    return questionary.confirm(
        "Squash the 17 fixup commits before merging?", default=True, auto_enter=False
    ).ask()


@scenario
def q_text_replace() -> Any:
    import questionary

    return questionary.text("API version prefix", default="/v1").ask()


@scenario
def q_password_keystore() -> Any:
    import questionary

    return secret(questionary.password("Android keystore password").ask())


@scenario
def q_rawselect_label() -> Any:
    import questionary

    return questionary.rawselect(
        "Which fixture should seed the database?",
        choices=["empty", "minimal", "demo-shop", "load-test (2 M rows)", "anonymised prod"],
    ).ask()


@scenario
def q_path_keep() -> Any:
    import questionary

    return questionary.path("Write the export to", default="./exports/2026-12").ask()


@scenario
def q_press_any_key() -> Any:
    import questionary

    print("The firmware image is staged on the programmer.")
    questionary.press_any_key_to_continue("Hold BOOTSEL, plug the board in, then hit any key").ask()
    return "flashed"


@scenario
def q_select_custom_shortcuts() -> Any:
    import questionary
    from questionary import Choice

    return questionary.select(
        "Conflict in CHANGELOG.md",
        choices=[
            Choice("Keep both entries", shortcut_key="b"),
            Choice("Keep mine", shortcut_key="m"),
            Choice("Keep theirs", shortcut_key="t"),
            Choice("Open the merge tool", shortcut_key="o"),
        ],
        use_shortcuts=True,
    ).ask()


@scenario
def q_autocomplete_meta() -> Any:
    import questionary

    return questionary.autocomplete(
        "Instance family",
        choices=["t4g", "m7g", "c7gn", "r7iz", "x2idn"],
        meta_information={
            "t4g": "burstable",
            "m7g": "general purpose",
            "c7gn": "network heavy",
            "r7iz": "memory, high clock",
            "x2idn": "memory, huge",
        },
    ).ask()


@scenario
def q_select_eight_indicator() -> Any:
    import questionary

    return questionary.select(
        "Typeface for this terminal profile",
        choices=[
            "JetBrains Mono",
            "Fira Code",
            "Iosevka",
            "Cascadia Code",
            "Hack",
            "Source Code Pro",
            "IBM Plex Mono",
            "Victor Mono",
        ],
        default="Fira Code",
        use_indicator=True,
        qmark="⚙",
    ).ask()


# ---------------------------------------------------------------- InquirerPy


@scenario
def ipy_select_separator() -> Any:
    from InquirerPy import inquirer
    from InquirerPy.separator import Separator

    return inquirer.select(  # type: ignore[attr-defined]
        message="Which database snapshot should be restored?",
        choices=[
            "snap-0412 (today 03:00)",
            "snap-0411 (yesterday 03:00)",
            Separator(),
            "snap-0405 (weekly)",
            "snap-0329 (weekly)",
            "snap-0301 (monthly)",
        ],
        instruction="arrows to move",
    ).execute()


@scenario
def ipy_checkbox_symbols() -> Any:
    from InquirerPy import inquirer

    return inquirer.checkbox(  # type: ignore[attr-defined]
        message="Cluster add-ons to install:",
        choices=["cert-manager", "external-dns", "ingress-nginx", "metrics-server", "velero"],
        enabled_symbol="◉",
        disabled_symbol="○",
        pointer="»",
    ).execute()


@scenario
def ipy_confirm_default_no() -> Any:
    from InquirerPy import inquirer

    return inquirer.confirm(message="Invalidate the whole CDN cache?", default=False).execute()  # type: ignore[attr-defined]


@scenario
def ipy_text_instruction() -> Any:
    from InquirerPy import inquirer

    return inquirer.text(  # type: ignore[attr-defined]
        message="Slack channel for alerts:", instruction="(without the #)"
    ).execute()


@scenario
def ipy_secret_registry() -> Any:
    from InquirerPy import inquirer

    return secret(inquirer.secret(message="Registry robot-account secret:").execute())  # type: ignore[attr-defined]


@scenario
def ipy_expand_five() -> Any:
    from InquirerPy import inquirer
    from InquirerPy.prompts.expand import ExpandChoice

    print("docker-compose.override.yml was changed upstream and locally.")
    return inquirer.expand(  # type: ignore[attr-defined]
        message="docker-compose.override.yml:",
        choices=[
            ExpandChoice("keep", key="k", name="Keep local"),
            ExpandChoice("upstream", key="u", name="Use upstream"),
            ExpandChoice("diff", key="d", name="Show the diff"),
            ExpandChoice("backup", key="b", name="Back up local, use upstream"),
            ExpandChoice("skip", key="s", name="Skip"),
        ],
    ).execute()


@scenario
def ipy_rawlist_default_number() -> Any:
    from InquirerPy import inquirer

    return inquirer.rawlist(  # type: ignore[attr-defined]
        message="Python for the new virtualenv:",
        choices=["3.9", "3.10", "3.11", "3.12", "3.13", "3.14"],
        default=3,
    ).execute()


@scenario
def ipy_number_float_keep() -> Any:
    from InquirerPy import inquirer

    value = inquirer.number(  # type: ignore[attr-defined]
        message="Disk alert threshold (TB):", float_allowed=True, default=2.5
    ).execute()
    return float(value)


@scenario
def ipy_fuzzy_service() -> Any:
    from InquirerPy import inquirer

    return inquirer.fuzzy(  # type: ignore[attr-defined]
        message="Tail the logs of:",
        choices=["api-gateway", "billing-worker", "search-indexer", "mailer", "thumbnailer"],
    ).execute()


# ---------------------------------------------------------------- prompt_toolkit


@scenario
def ptk_prompt_toolbar() -> Any:
    from prompt_toolkit import prompt

    return prompt(
        "Tag for this build: ", bottom_toolbar=" main@4f1c2ab · 3 commits since v26.12.0 "
    )


@scenario
def ptk_yes_no_dialog_no() -> Any:
    from prompt_toolkit.shortcuts import yes_no_dialog

    return yes_no_dialog(
        title="Pending migrations",
        text="Apply 6 pending migrations to the shared QA database?",
    ).run()


@scenario
def ptk_radiolist_default() -> Any:
    from prompt_toolkit.shortcuts import radiolist_dialog

    return radiolist_dialog(
        title="Keyboard layout",
        text="Layout for the login screen:",
        values=[
            ("us", "English (US)"),
            ("uk", "English (UK)"),
            ("de", "German"),
            ("fr", "French (AZERTY)"),
            ("dvorak", "English (Dvorak)"),
            ("colemak", "English (Colemak)"),
        ],
        default="us",
    ).run()


@scenario
def ptk_checkboxlist_defaults() -> Any:
    from prompt_toolkit.shortcuts import checkboxlist_dialog

    return checkboxlist_dialog(
        title="Backups",
        text="Which folders go into the nightly backup?",
        values=[
            ("docs", "Documents"),
            ("photos", "Pictures"),
            ("mail", "Mail archive"),
            ("vms", "Virtual machines"),
        ],
        default_values=["docs", "photos"],
    ).run()


@scenario
def ptk_input_dialog_password() -> Any:
    from prompt_toolkit.shortcuts import input_dialog

    value = input_dialog(
        title="LUKS", text="Passphrase to unlock /dev/nvme0n1p3:", password=True
    ).run()
    return secret(value or "")


@scenario
def ptk_button_dialog_four() -> Any:
    from prompt_toolkit.shortcuts import button_dialog

    return button_dialog(
        title="Merge conflict",
        text="3 files conflict with origin/main.",
        buttons=[("Ours", "ours"), ("Theirs", "theirs"), ("Open editor", "edit"), ("Cancel", None)],
    ).run()


@scenario
def ptk_choice_default_up() -> Any:
    from prompt_toolkit.shortcuts import choice

    return choice(
        message="How often should the mirror sync?",
        options=[
            ("hourly", "Every hour"),
            ("6h", "Every 6 hours"),
            ("daily", "Once a day"),
            ("manual", "Only when I ask"),
        ],
        default="daily",
    )


@scenario
def ptk_confirm() -> Any:
    from prompt_toolkit.shortcuts import confirm

    return confirm("Rewrite the author e-mail on 212 commits?")


@scenario
def ptk_default_keep() -> Any:
    from prompt_toolkit import prompt

    return prompt("Cluster DNS suffix: ", default="svc.cluster.local")


@scenario
def ptk_completer() -> Any:
    from prompt_toolkit import prompt
    from prompt_toolkit.completion import WordCompleter

    contexts = WordCompleter(["prod-eu", "prod-us", "stage-eu", "dev-local"])
    return prompt("Kubernetes context: ", completer=contexts, complete_while_typing=True)


# ---------------------------------------------------------------- standard library


@scenario
def std_numbered_default_three() -> Any:
    sizes = ["XS (1 vCPU)", "S (2 vCPU)", "M (4 vCPU)", "L (8 vCPU)", "XL (16 vCPU)"]
    print("Runner size:")
    for i, s in enumerate(sizes, 1):
        print(f"  ({i}) {s}")
    reply = input("Your choice [3]: ").strip() or "3"
    return sizes[int(reply) - 1]


@scenario
def std_numbered_by_label() -> Any:
    langs = ["English", "Deutsch", "Español", "Français", "Italiano", "Nederlands", "Polski"]
    print("Documentation language")
    for i, lang in enumerate(langs, 1):
        print(f"{i:>3}) {lang}")
    reply = input("Number or name> ").strip()
    return langs[int(reply) - 1] if reply.isdigit() else reply


@scenario
def std_type_cluster_name() -> Any:
    print("\x1b[1;35mThe cluster k8s-eu-west-2 and its 31 nodes will be deleted.\x1b[0m")
    reply = input("Re-type the cluster name to delete it: ")
    return "deleted" if reply == "k8s-eu-west-2" else "kept"


@scenario
def std_type_delete_caps() -> Any:
    print("This purges 18,221 soft-deleted users permanently.")
    reply = input('Type "DELETE" to proceed: ')
    return "purged" if reply == "DELETE" else "aborted"


@scenario
def std_wrapped_long_yn() -> Any:
    reply = input(
        "Three of the twelve integration suites were skipped because the sandbox ran out of "
        "memory during the previous run; re-run only those three suites with the larger "
        "runner before tagging the release? [y/N]: "
    )
    return reply.strip().lower() or "n"


@scenario
def std_red_banner_yes_no() -> Any:
    print("\x1b[97;41m" + "  !! LIVE PAYMENTS ENVIRONMENT !!".ljust(58) + "\x1b[0m")
    print("\x1b[97;41m" + "  stripe account acct_1Nq…, mode=live".ljust(58) + "\x1b[0m")
    reply = input("Refund all 37 duplicate charges? (yes/no): ")
    return reply.strip()


@scenario
def std_letter_keys() -> Any:
    print("photos/IMG_2044.HEIC is already at the destination.")
    reply = input("[s]kip, [o]verwrite, [r]ename, overwrite [a]ll? ").strip().lower()
    return {"s": "skip", "o": "overwrite", "r": "rename", "a": "all"}.get(reply, reply)


@scenario
def std_bracket_keep_path() -> Any:
    reply = input("Mount point for the shared volume [/mnt/team]: ").strip()
    return reply or "/mnt/team"


@scenario
def std_bracket_replace_user() -> Any:
    reply = input("Remote user (default: ubuntu): ").strip()
    return reply or "ubuntu"


@scenario
def std_getpass_sudo() -> Any:
    import getpass

    print("Installing the udev rule needs root.")
    return secret(getpass.getpass("[sudo] password for builder: "))


@scenario
def std_getpass_gpg_box() -> Any:
    import getpass

    print("┌──────────────────────────────────────────────────────────┐")
    print("│ Unlock the signing key before tagging v26.12.3:          │")
    print('│ "Release Bot <release@acme.dev>"                         │')
    print("│ 255-bit EDDSA key, ID 7C1D09AA2B41F3E5                   │")
    print("└──────────────────────────────────────────────────────────┘")
    return secret(getpass.getpass("Passphrase: "))


@scenario
def std_press_enter_continue() -> Any:
    print("Step 2 of 4: put the recovery codes somewhere safe.")
    input("Once they are stored, press Return to go on ")
    return "continued"


@scenario
def std_severity_slash_list() -> Any:
    reply = input("Severity (low/medium/high/critical) [medium]: ").strip()
    return reply or "medium"


@scenario
def std_question_below_banner() -> Any:
    print("\x1b[1;36mName the feature flag for the new checkout flow.\x1b[0m")
    print("\x1b[46;30m" + "  flags service · project storefront · 212 flags".ljust(60) + "\x1b[0m")
    return input("flag key → ").strip()


@scenario
def std_yn_after_table() -> Any:
    print("PACKAGE        CURRENT  WANTED")
    print("urllib3        1.26.20  2.3.0")
    print("cryptography   42.0.8   44.0.0")
    print("idna           3.7      3.10")
    reply = input("Upgrade these 3 packages? [Y/n] ").strip().lower()
    return reply or "y"


@scenario
def std_bracket_list_choice() -> Any:
    return input("Which environment? [dev, staging, prod]: ").strip()


@scenario
def std_question_then_arrow_line() -> Any:
    print("How many GPUs should the training job reserve?")
    return input("➜ ").strip()


# ---------------------------------------------------------------- look-alikes


@scenario
def look_python_repl_chevrons() -> None:
    import code

    sys.ps1 = "(y/n)>>> "
    code.interact(banner="notebook kernel (Python)", local={})
    forever()


@scenario
def look_rich_progress_files() -> None:
    from rich.progress import Progress

    with Progress() as progress:
        task = progress.add_task("Overwrite? (y/N) checks on 4,096 files", total=None)
        while True:
            progress.advance(task)
            time.sleep(0.2)  # noqa: sleep-ok - a look-alike that keeps working


@scenario
def look_rich_live_services() -> None:
    from rich.live import Live
    from rich.table import Table

    def table(n: int) -> Table:
        t = Table(title=f"service board · refresh {n}")
        t.add_column("")
        t.add_column("service")
        t.add_column("state")
        t.add_row("❯", "api", "● healthy")
        t.add_row(" ", "worker", "○ draining — confirm? [y/N] in console")
        t.add_row(" ", "cron", "● healthy")
        return t

    with Live(table(0), refresh_per_second=4) as live:
        n = 0
        while True:
            n += 1
            live.update(table(n))
            time.sleep(0.5)  # noqa: sleep-ok - a look-alike that keeps working


@scenario
def look_click_progressbar() -> None:
    import click

    with click.progressbar(
        range(10**9), label="Re-encrypting secrets (Password: not needed)"
    ) as bar:
        for _ in bar:
            time.sleep(0.05)  # noqa: sleep-ok - a look-alike that keeps working


@scenario
def look_agent_streams_confirm() -> None:
    text = (
        "I'll run the installer for you. It will print\n"
        "  Do you want to continue? [Y/n]\n"
        "and I'll answer it with --assume-yes, so there is nothing for you to do.\n"
        "Running"
    )
    for ch in text:
        sys.stdout.write(ch)
        sys.stdout.flush()
        time.sleep(0.01)  # noqa: sleep-ok - streamed like an agent
    while True:
        sys.stdout.write(".")
        sys.stdout.flush()
        time.sleep(1)  # noqa: sleep-ok - a look-alike that keeps working


@scenario
def look_question_then_default() -> None:
    print("Which profile should be used? (none given, using 'default')")
    n = 0
    while True:
        n += 1
        print(f"synced profile chunk {n}")
        time.sleep(0.7)  # noqa: sleep-ok - a look-alike that keeps working


@scenario
def look_pytest_like_output() -> None:
    print("tests/test_prompts.py::test_confirm_renders_y_slash_n PASSED")
    print("tests/test_prompts.py::test_select_pointer_❯_moves PASSED")
    print("tests/test_prompts.py::test_password_prompt_masks PASSED")
    sys.stdout.write("tests/test_prompts.py::test_checkbox_[x]_toggles ")
    sys.stdout.flush()
    forever()


@scenario
def look_build_steps_numbered() -> None:
    print("Build plan:")
    print("  1) fetch sources")
    print("  2) compile")
    print("  3) link")
    print("  4) package")
    print("Select steps to skip: none (from build.toml)")
    print("[1/4] fetching sources…")
    forever()


@scenario
def look_sleep_gt_line() -> None:
    print("Waiting for the database to accept connections")
    sys.stdout.write("> ")
    sys.stdout.flush()
    forever()


@scenario
def look_log_lines_prompts() -> None:
    while True:
        stamp = time.strftime("%H:%M:%S")
        print(f"{stamp} apt: Do you want to continue? [Y/n] Y (DEBIAN_FRONTEND=noninteractive)")
        print(f"{stamp} ssh: Password: (using key, skipped)")
        time.sleep(1.2)  # noqa: sleep-ok - a look-alike that keeps working


@scenario
def look_curses_fullscreen() -> None:
    import curses

    def run(win: Any) -> None:
        curses.curs_set(0)
        n = 0
        while True:
            n += 1
            win.erase()
            win.addstr(0, 0, f" metrics viewer · frame {n} ".ljust(60), curses.A_REVERSE)
            win.addstr(2, 2, "> cpu   41%   ▇▇▇▇▁▁▁▁")
            win.addstr(3, 2, "  mem   63%   ▇▇▇▇▇▇▁▁")
            win.addstr(5, 2, "Quit? (press q)  — read-only demo, keys are ignored")
            win.refresh()
            time.sleep(0.5)  # noqa: sleep-ok - a look-alike that keeps working

    curses.wrapper(run)


@scenario
def look_ptk_repl_prompt() -> None:
    from prompt_toolkit import PromptSession

    session: PromptSession[str] = PromptSession("sql (ledger)> ")
    while True:
        session.prompt()


@scenario
def look_rich_status_confirm() -> None:
    from rich.console import Console

    with Console().status("Waiting for the reviewer to press Approve (y/n) in the web UI…"):
        forever()


@scenario
def look_stream_radio_quote() -> None:
    text = (
        "The setup wizard asks:\n"
        "  ( ) Light theme\n"
        "  (•) Dark theme\n"
        "  ( ) System\n"
        "Dark is already selected, so I am moving on. Generating config"
    )
    for ch in text:
        sys.stdout.write(ch)
        sys.stdout.flush()
        time.sleep(0.01)  # noqa: sleep-ok - streamed like an agent
    while True:
        sys.stdout.write(".")
        sys.stdout.flush()
        time.sleep(1)  # noqa: sleep-ok - a look-alike that keeps working


@scenario
def look_rich_table_prompts() -> None:
    from rich.console import Console
    from rich.table import Table

    t = Table(title="Prompt glyph reference")
    t.add_column("library")
    t.add_column("looks like")
    t.add_row("questionary", "? Pick one  ❯ first")
    t.add_row("clack", "◆ Continue?  ● Yes / ○ No")
    t.add_row("whiptail", "<Yes>    <No>")
    Console().print(t)
    forever()


@scenario
def look_ptk_fullscreen_viewer() -> None:
    from prompt_toolkit.application import Application
    from prompt_toolkit.layout import Layout
    from prompt_toolkit.layout.containers import Window
    from prompt_toolkit.layout.controls import FormattedTextControl

    text = "Log viewer (read-only)\n\n  ❯ 12:00:01 Continue? [y/N]\n    12:00:02 Password:\n"
    app: Application[None] = Application(
        layout=Layout(Window(FormattedTextControl(text))), full_screen=True
    )
    app.run()
    forever()


@scenario
def look_printed_yn_keeps_working() -> None:
    print("Proceed with the default plan? [Y/n] assuming Y (stdin is not read)")
    n = 0
    while True:
        n += 1
        print(f"applied change {n}")
        time.sleep(0.9)  # noqa: sleep-ok - a look-alike that keeps working


@scenario
def look_click_edit_vim() -> None:
    import os

    import click

    os.environ["EDITOR"] = "vim -u NONE"
    click.edit("# Release notes for 26.12.3\n# Ship it? [y/N] is asked later by the release bot\n")
    forever()


@scenario
def look_pdb_prompt() -> None:
    import pdb

    totals = {"eu": 41, "us": 58}
    print("Breakpoint before the settlement run; totals are", totals)
    pdb.set_trace()
    forever()


if __name__ == "__main__":
    done(SCENARIOS[sys.argv[1]]())
