"""Eleventh held-out set, Python side: ``held11.py <scenario>``.

Only the libraries issue 12 names (click, typer, questionary, InquirerPy, prompt_toolkit,
rich) and the standard library (``input()``, ``getpass``), in wordings and layouts no earlier
set uses, and look-alikes (REPLs, rich live screens and progress, click progress bars, streamed
agent text quoting prompts and boxes, test runners, programs that printed a question and went
on working). Prompts print ``ANSWER=<json>``; look-alikes never ask anything. Written blind;
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


# ---------------------------------------------------------------- click / typer


class Codec(StrEnum):
    """Typer reads an option's annotation by name, so its Enum lives at module level."""

    gzip = "gzip"
    zstd = "zstd"
    brotli = "brotli"
    lz4 = "lz4"
    none = "none"


@scenario
def click_choice_shard_strategy() -> Any:
    import click

    click.echo("The events table will be split across 12 nodes.")
    return click.prompt(
        "Shard placement strategy",
        type=click.Choice(["round-robin", "hash", "range", "geo", "manual", "none"]),
        default="hash",
    )


@scenario
def click_confirm_default_no_yes() -> Any:
    import click

    return click.confirm("Purge the CDN cache for all 14 zones", default=False)


@scenario
def click_float_keep() -> Any:
    import click

    return click.prompt("Trace sampling ratio", type=float, default=0.25)


@scenario
def click_password_twice() -> Any:
    import click

    click.secho("Sealing the vault with a new unseal key.", fg="blue")
    return secret(click.prompt("Vault unseal key", hide_input=True, confirmation_prompt=True))


@scenario
def click_confirmation_option() -> Any:
    import click

    @click.command()
    @click.confirmation_option(prompt="Drop every table in analytics_stage?")
    def main() -> None:
        done("dropped")
        sys.exit(0)

    main.main(args=[], standalone_mode=False)
    return "none"


@scenario
def click_wrapped_text() -> Any:
    import click

    return click.prompt(
        "The payment provider will call us back once a customer finishes checkout, and the old "
        "callback under /legacy is switched off on Monday by their side; enter the new callback "
        "path that should receive those calls"
    )


@scenario
def click_getchar_merge() -> Any:
    import click

    click.echo("locale/fr.po changed upstream and locally.")
    click.echo("(a)ccept theirs / (b)keep ours / (m)erge by hand / (s)kip file: ", nl=False)
    key = click.getchar()
    return {"a": "theirs", "b": "ours", "m": "merge", "s": "skip"}.get(key, key)


@scenario
def click_choice_under_magenta_banner() -> Any:
    import click

    click.secho("  ◆ DATA RESIDENCY ◆  ", bg="magenta", fg="white", bold=True)
    click.secho("  Customer data never leaves the region you pick.  ", bg="magenta", fg="white")
    return click.prompt("Home region", type=click.Choice(["eu", "us", "apac"]))


@scenario
def click_intrange_replace() -> Any:
    import click

    return click.prompt("Parallel downloads", type=click.IntRange(1, 16), default=4)


@scenario
def click_pause_token() -> Any:
    import click

    click.echo("Firmware signing needs the hardware token in slot 2.")
    click.pause("Plug the token in, then press any key to carry on ...")
    return "paused"


@scenario
def typer_default_keep_namespace() -> Any:
    import typer

    return typer.prompt("Namespace for the Helm release", default="observability")


@scenario
def typer_confirm_abort_yes() -> Any:
    import typer

    typer.echo("6 partner API keys were issued before the 2025 breach notice.")
    typer.confirm("Rotate all six keys now?", abort=True)
    return "rotated"


@scenario
def typer_option_password_twice() -> Any:
    import typer

    app = typer.Typer()

    @app.command()
    def main(
        pw: str = typer.Option(
            ..., prompt="Admin password for the console", hide_input=True, confirmation_prompt=True
        ),  # noqa: B008, E501
    ) -> None:
        done(secret(pw))
        sys.exit(0)

    app(args=[], standalone_mode=False)
    return "none"


@scenario
def typer_enum_codec() -> Any:
    import typer

    app = typer.Typer()

    @app.command()
    def main(codec: Codec = typer.Option(..., prompt="Compression for the archives")) -> None:  # noqa: B008
        done(codec.value)
        sys.exit(0)

    app(args=[], standalone_mode=False)
    return "none"


# ---------------------------------------------------------------- rich


@scenario
def rich_theme_choices() -> Any:
    from rich.prompt import Prompt

    return Prompt.ask(
        "Theme for the public status page",
        choices=["light", "dark", "solarized", "high-contrast", "system"],
        default="system",
    )


@scenario
def rich_confirm_tracing_yes() -> Any:
    from rich.prompt import Confirm

    return Confirm.ask("Turn on request tracing for the checkout service?", default=False)


@scenario
def rich_float_replace() -> Any:
    from rich.prompt import FloatPrompt

    return FloatPrompt.ask("Discount for annual plans (0-1)", default=0.15)


@scenario
def rich_panel_above_confirm_no() -> Any:
    from rich.console import Console
    from rich.panel import Panel
    from rich.prompt import Confirm

    console = Console()
    console.print(
        Panel(
            "All saved Wi-Fi networks, VPN profiles and paired sensors are erased.",
            title="[b]FACTORY RESET[/]",
            border_style="bright_red",
        )
    )
    return Confirm.ask("Erase the hub configuration", default=True)


@scenario
def rich_password_sentry() -> Any:
    from rich.prompt import Prompt

    return secret(Prompt.ask("[cyan]Sentry auth token[/]", password=True))


@scenario
def rich_text_default_replace() -> Any:
    from rich.prompt import Prompt

    return Prompt.ask("Slack channel for the alerts", default="#ops")


# ---------------------------------------------------------------- questionary


@scenario
def q_select_eight_pointer() -> Any:
    import questionary

    return questionary.select(
        "Which dataset should the benchmark load?",
        choices=[
            "tiny (1k rows)",
            "small (100k rows)",
            "medium (1M rows)",
            "large (10M rows)",
            "wide (400 columns)",
            "skewed keys",
            "late-arriving events",
            "everything above",
        ],
        pointer="▶",
    ).ask()


@scenario
def q_select_separator_disabled() -> Any:
    import questionary
    from questionary import Choice, Separator

    return questionary.select(
        "Server type for the build farm",
        choices=[
            Choice("Hetzner CX22"),
            Choice("Hetzner CX32"),
            Separator("··· dedicated vCPU ···"),
            Choice("Hetzner CCX33", disabled="sold out in fsn1"),
            Choice("Hetzner CCX13"),
            Choice("Hetzner CCX23"),
        ],
    ).ask()


@scenario
def q_checkbox_untick_tick() -> Any:
    import questionary
    from questionary import Choice

    return questionary.checkbox(
        "Notify these people when the build breaks",
        choices=[
            Choice("amara", checked=True),
            Choice("bogdan", checked=True),
            Choice("chen"),
            Choice("dolores", checked=True),
            Choice("eitan"),
            Choice("fumiko"),
        ],
    ).ask()


@scenario
def q_checkbox_qmark_instruction() -> Any:
    import questionary

    return questionary.checkbox(
        "Locales to ship in the first release",
        qmark="🌐",
        instruction="(space ticks, enter saves)",
        choices=["en-GB", "de-DE", "fr-FR", "ja-JP", "pt-BR"],
    ).ask()


@scenario
def q_confirm_default_true_no() -> Any:
    import questionary

    print("The staging database was restored from last night's snapshot.")
    return questionary.confirm("Run the anonymiser over it again?", default=True).ask()


@scenario
def q_text_default_replace() -> Any:
    import questionary

    return questionary.text("Subdomain for the docs site", default="docs").ask()


@scenario
def q_password_signing() -> Any:
    import questionary

    return secret(questionary.password("Passphrase for signing key 0x3A9F1C77:").ask())


@scenario
def q_rawselect_five() -> Any:
    import questionary

    return questionary.rawselect(
        "Retention for the raw click logs",
        choices=["7 days", "30 days", "90 days", "1 year", "forever"],
    ).ask()


@scenario
def q_autocomplete_meta() -> Any:
    import questionary

    return questionary.autocomplete(
        "Office the new hire reports to",
        choices=["Berlin", "Lisbon", "Montreal", "Nairobi", "Seoul", "Warsaw"],
        meta_information={"Lisbon": "HQ", "Seoul": "APAC hub"},
    ).ask()


@scenario
def q_press_any_key_default() -> Any:
    import questionary

    print("Your one-time recovery codes were written to recovery-codes.txt.")
    print("Store them somewhere safe before you continue.")
    questionary.press_any_key_to_continue().ask()
    return "stored"


@scenario
def q_select_shortcut_letters() -> Any:
    import questionary
    from questionary import Choice

    return questionary.select(
        "The hotfix build is green. What now?",
        use_shortcuts=True,
        choices=[
            Choice("Deploy now", shortcut_key="d"),
            Choice("Schedule for tonight", shortcut_key="s"),
            Choice("Hold for review", shortcut_key="h"),
            Choice("Cancel the hotfix", shortcut_key="c"),
        ],
    ).ask()


@scenario
def q_checkbox_toggle_all() -> Any:
    import questionary

    return questionary.checkbox(
        "Which linters should run in CI?",
        choices=["ruff", "mypy", "bandit", "vulture"],
    ).ask()


# ---------------------------------------------------------------- InquirerPy


@scenario
def ipy_select_six() -> Any:
    from InquirerPy import inquirer

    return inquirer.select(  # type: ignore[attr-defined]
        message="Instance class for the read replica:",
        choices=[
            "db.t4g.micro",
            "db.t4g.small",
            "db.r7g.large",
            "db.r7g.xlarge",
            "db.r7g.2xlarge",
            "db.x2g.large",
        ],
    ).execute()


@scenario
def ipy_checkbox_symbols() -> Any:
    from InquirerPy import inquirer

    return inquirer.checkbox(  # type: ignore[attr-defined]
        message="Columns to include in the CSV export:",
        choices=["order id", "customer email", "total", "currency", "coupon"],
        enabled_symbol="■",
        disabled_symbol="□",
    ).execute()


@scenario
def ipy_confirm_default_false_yes() -> Any:
    from InquirerPy import inquirer

    return inquirer.confirm(  # type: ignore[attr-defined]
        message="Mirror the build artefacts to the DR region?", default=False
    ).execute()


@scenario
def ipy_text_default_keep() -> Any:
    from InquirerPy import inquirer

    return inquirer.text(message="Bucket region:", default="eu-central-1").execute()  # type: ignore[attr-defined]


@scenario
def ipy_secret_master() -> Any:
    from InquirerPy import inquirer

    return secret(inquirer.secret(message="Master password for the RDS cluster:").execute())  # type: ignore[attr-defined]


@scenario
def ipy_number_keep() -> Any:
    from InquirerPy import inquirer

    value = inquirer.number(  # type: ignore[attr-defined]
        message="Replicas per shard:", default=2, min_allowed=1, max_allowed=5
    ).execute()
    return int(value)


@scenario
def ipy_expand_five() -> Any:
    from InquirerPy import inquirer
    from InquirerPy.prompts.expand import ExpandChoice

    print("docker-compose.override.yml exists and differs from the generated one.")
    return inquirer.expand(  # type: ignore[attr-defined]
        message="How should the override file be handled?",
        choices=[
            ExpandChoice("keep", key="k", name="Keep my file"),
            ExpandChoice("replace", key="r", name="Replace with the generated one"),
            ExpandChoice("both", key="b", name="Write the new one next to it"),
            ExpandChoice("diff", key="d", name="Show the differences"),
            ExpandChoice("abort", key="x", name="Abort the setup"),
        ],
    ).execute()


@scenario
def ipy_rawlist_number() -> Any:
    from InquirerPy import inquirer

    return inquirer.rawlist(  # type: ignore[attr-defined]
        message="Which Python should the virtualenv use?",
        choices=["3.10", "3.11", "3.12", "3.13", "3.14"],
    ).execute()


@scenario
def ipy_fuzzy_dashboard() -> Any:
    from InquirerPy import inquirer

    return inquirer.fuzzy(  # type: ignore[attr-defined]
        message="Open which dashboard?",
        choices=[
            "api latency",
            "checkout funnel",
            "grafana agent health",
            "kafka lag",
            "node exporter",
            "postgres bloat",
            "redis memory",
        ],
    ).execute()


# ---------------------------------------------------------------- prompt_toolkit


@scenario
def ptk_default_replace_registry() -> Any:
    from prompt_toolkit import prompt

    return prompt("Container registry ➤ ", default="ghcr.io")


@scenario
def ptk_radiolist_five() -> Any:
    from prompt_toolkit.shortcuts import radiolist_dialog

    return radiolist_dialog(
        title="Backups",
        text="How often should the snapshots run?",
        values=[
            ("hourly", "Every hour"),
            ("6h", "Every 6 hours"),
            ("daily", "Once a day at 03:00"),
            ("weekly", "Sundays only"),
            ("off", "Never (I have my own)"),
        ],
    ).run()


@scenario
def ptk_checkboxlist_none() -> Any:
    from prompt_toolkit.shortcuts import checkboxlist_dialog

    return checkboxlist_dialog(
        title="Firewall",
        text="Open which ports to the internet?",
        values=[
            ("22", "22/tcp  ssh"),
            ("80", "80/tcp  http"),
            ("443", "443/tcp https"),
            ("5432", "5432/tcp postgres"),
            ("51820", "51820/udp wireguard"),
        ],
    ).run()


@scenario
def ptk_yes_no_dialog_no() -> Any:
    from prompt_toolkit.shortcuts import yes_no_dialog

    return yes_no_dialog(
        title="Unsaved dashboards",
        text="Two dashboards have unsaved panels. Discard them and reload?",
    ).run()


@scenario
def ptk_button_dialog_three() -> Any:
    from prompt_toolkit.shortcuts import button_dialog

    return button_dialog(
        title="Sync conflict",
        text="calendar.ics changed on this laptop and on the server.",
        buttons=[("Use mine", "mine"), ("Use server", "server"), ("Cancel", "cancel")],
    ).run()


@scenario
def ptk_choice_default_bottom() -> Any:
    from prompt_toolkit.shortcuts import choice

    return choice(
        message="Which branch protection preset?",
        options=[
            ("none", "None"),
            ("basic", "Require a pull request"),
            ("review", "Require one approving review"),
            ("strict", "Two reviews and green checks"),
        ],
        default="basic",
    )


@scenario
def ptk_confirm_suffix_yes() -> Any:
    from prompt_toolkit.shortcuts import confirm

    return confirm("Archive the 2025 support tickets?", suffix=" (y/n) ")


@scenario
def ptk_password_toolbar() -> Any:
    from prompt_toolkit import prompt

    return secret(
        prompt(
            "Keystore password: ",
            is_password=True,
            bottom_toolbar=" release.jks · alias upload · Ctrl-C to cancel ",
        )
    )


@scenario
def ptk_input_dialog_password() -> Any:
    from prompt_toolkit.shortcuts import input_dialog

    value = input_dialog(
        title="Wi-Fi",
        text="Password for the network 'workshop-5G':",
        password=True,
    ).run()
    return secret(value or "")


# ---------------------------------------------------------------- standard library


@scenario
def std_numbered_eight_number() -> Any:
    zones = [
        "Europe/Lisbon",
        "Europe/Madrid",
        "Europe/Rome",
        "Europe/Athens",
        "Africa/Cairo",
        "Asia/Dubai",
        "Asia/Tokyo",
        "Pacific/Auckland",
    ]
    print("Timezone for the on-call rota:")
    for i, z in enumerate(zones, 1):
        print(f"  #{i}  {z}")
    reply = input("Enter a number: ").strip()
    return zones[int(reply) - 1] if reply.isdigit() else reply


@scenario
def std_numbered_label_brackets() -> Any:
    profiles = ["sandbox", "qa-shared", "perf-lab", "prod-readonly"]
    print("AWS profiles in ~/.aws/config")
    for i, p in enumerate(profiles, 1):
        print(f"[{i}] {p}")
    reply = input("Select a profile by number or name: ").strip()
    return profiles[int(reply) - 1] if reply.isdigit() else reply


@scenario
def std_type_hostname() -> Any:
    print("\x1b[1;31mdecommission: db-eu-7.internal will be wiped and returned to the pool.\x1b[0m")
    reply = input("Please type the host name to confirm: ")
    return "wiped" if reply == "db-eu-7.internal" else "kept"


@scenario
def std_type_delete() -> Any:
    print("This deletes the workspace 'growth-experiments' and its 212 notebooks.")
    reply = input("Type DELETE to confirm: ")
    return "deleted" if reply == "DELETE" else "kept"


@scenario
def std_wrapped_yes_no() -> Any:
    reply = input(
        "Twelve of the forty container images in the registry have not been pulled by any "
        "cluster for over six months and none of them is referenced by a current manifest; "
        "delete those twelve images to free 38 GB? [y/N] "
    )
    return reply.strip().lower() or "n"


@scenario
def std_question_above_red_banner() -> Any:
    print("Which ticket number should this hotfix be linked to?")
    print("\x1b[41;97;1m  ✖ FREEZE · production changes need a ticket until Jan 5  \x1b[0m")
    return input("> ")


@scenario
def std_bracket_keep_bind() -> Any:
    reply = input("Bind address [127.0.0.1]: ").strip()
    return reply or "127.0.0.1"


@scenario
def std_default_replace_workers() -> Any:
    reply = input("Celery workers (default: 2): ").strip()
    return int(reply or "2")


@scenario
def std_letter_keys_diff() -> Any:
    print("nginx.conf was modified since the package installed it.")
    reply = input("(A)ll, (D)iff, (K)eep, (Q)uit? ").strip().lower()
    return {"a": "all", "d": "diff", "k": "keep", "q": "quit"}.get(reply, reply)


@scenario
def std_getpass_gpg_style() -> Any:
    import getpass

    print("You need a passphrase to unlock the secret key for")
    print('user: "Nightly Signer <nightly@acme.dev>"')
    print("3072-bit RSA key, ID 6E1D0B92A4C35F08, created 2025-02-11")
    print()
    return secret(getpass.getpass("Enter passphrase: "))


@scenario
def std_getpass_sudo_alice() -> Any:
    import getpass

    print("Installing the systemd unit requires root.")
    return secret(getpass.getpass("[sudo] password for alice: "))


@scenario
def std_press_return_browser() -> Any:
    print("Your device code is WDJB-MJHT.")
    input("Press RETURN to open github.com/login/device in your browser ")
    return "opened"


@scenario
def std_choose_slash_default() -> Any:
    print("  1  merge commit")
    print("  2  squash (default)")
    print("  3  rebase")
    print("  4  fast-forward only")
    reply = input("Merge method [1/2/3/4] (2): ").strip()
    return {"1": "merge", "2": "squash", "3": "rebase", "4": "ff"}.get(reply or "2", reply)


@scenario
def std_yes_no_words() -> Any:
    print("Release 8.3.1 broke the export for 3% of tenants.")
    reply = input("Roll every tenant back to 8.3.0? (yes/no): ").strip()
    return reply


# ---------------------------------------------------------------- look-alikes


@scenario
def look_python_repl_yn_prompt() -> None:
    import code

    sys.ps1 = "(y/n)> "
    sys.ps2 = ".....> "
    code.interact(banner="Approval shell. approve(id) / reject(id). Continue? is answered by code.")
    forever()


@scenario
def look_rich_progress_multi() -> None:
    from rich.progress import Progress

    with Progress() as progress:
        a = progress.add_task("Downloading wheels", total=None)
        b = progress.add_task("Select a mirror… done (auto)", total=None)
        while True:
            progress.advance(a, 1)
            progress.advance(b, 2)
            time.sleep(0.25)  # noqa: sleep-ok - a look-alike that keeps working


@scenario
def look_rich_live_glyph_table() -> None:
    from rich.live import Live
    from rich.table import Table

    def table(n: int) -> Table:
        t = Table(title=f"Rollout · wave {n % 5 + 1}")
        t.add_column(" ")
        t.add_column("cluster")
        t.add_column("status")
        t.add_row("●", "eu-west", "healthy")
        t.add_row("❯", "us-east", "Proceed? [Y/n] (auto-approved)")
        t.add_row("○", "ap-south", "pending")
        return t

    with Live(table(0), refresh_per_second=4) as live:
        n = 0
        while True:
            n += 1
            live.update(table(n))
            time.sleep(0.6)  # noqa: sleep-ok - a look-alike that keeps working


@scenario
def look_click_progressbar_label() -> None:
    import click

    def items() -> Any:
        n = 0
        while True:
            n += 1
            time.sleep(0.25)  # noqa: sleep-ok - a look-alike that keeps working
            yield n

    with click.progressbar(items(), length=50_000, label="Continue? Indexing mailboxes") as bar:
        for _ in bar:
            pass


@scenario
def look_agent_quotes_whiptail() -> None:
    lines = [
        "● The package's postinst shows this box:",
        "",
        "  ┌──────── Configuring tzdata ────────┐",
        "  │ Geographic area:                   │",
        "  │        Europe                      │",
        "  │        Asia                        │",
        "  │     <Ok>          <Cancel>         │",
        "  └────────────────────────────────────┘",
        "",
        "  I'll set DEBIAN_FRONTEND=noninteractive so it does not appear.",
        "● Bash(DEBIAN_FRONTEND=noninteractive apt-get install -y tzdata)",
    ]
    for line in lines:
        print(line, flush=True)
        time.sleep(0.1)  # noqa: sleep-ok - streaming pace
    n = 0
    while True:
        n += 1
        print(f"  ⎿ Unpacking layer {n} …", flush=True)
        time.sleep(1.1)  # noqa: sleep-ok - a look-alike that keeps working


@scenario
def look_printed_continue_then_work() -> None:
    print("Continue? [Y/n] Y (assumed: --yes was given)")
    n = 0
    while True:
        n += 1
        print(f"migrating tenant {n:03d}", flush=True)
        time.sleep(0.7)  # noqa: sleep-ok - a look-alike that keeps working


@scenario
def look_pytest_style_output() -> None:
    print("============================= test session starts ==============================")
    print("collected 9 items")
    print()
    print("tests/test_prompts.py::test_confirm_shows_[y/N] PASSED                    [ 11%]")
    print("tests/test_prompts.py::test_menu_marks_❯_row PASSED                       [ 22%]")
    print("tests/test_prompts.py::test_password_is_hidden ", end="", flush=True)
    forever()


@scenario
def look_sleep_gt_prompt() -> None:
    print("Replaying the WAL from 0/3A000028", flush=True)
    print("> ", end="", flush=True)
    forever()


@scenario
def look_logging_password_lines() -> None:
    import logging

    logging.basicConfig(format="%(asctime)s [%(name)s] %(message)s", level=logging.INFO)
    log = logging.getLogger("vault-sync")
    n = 0
    while True:
        n += 1
        log.info("Password: ******** accepted for svc-%d", n)
        log.info("prompt 'Are you sure? (y/n)' suppressed by --force")
        time.sleep(1.0)  # noqa: sleep-ok - a look-alike that keeps working


@scenario
def look_ptk_sql_shell() -> None:
    from prompt_toolkit import PromptSession

    session: PromptSession[str] = PromptSession(bottom_toolbar=" [F2] menu  [y/n] confirm off ")
    while True:
        session.prompt("analytics=> ")


@scenario
def look_rich_pager() -> None:
    from rich.console import Console

    console = Console()
    with console.pager():
        for i in range(1, 120):
            console.print(f"{i:3d}  ? Overwrite generated/{i}.py (Y/n) → Y")
    forever()


@scenario
def look_rich_status_question() -> None:
    from rich.console import Console

    console = Console()
    console.print("[bold]? Pick a template[/]  (asked in the browser tab, not here)")
    with console.status("Waiting for you to choose in the browser…"):
        forever()


if __name__ == "__main__":
    done(SCENARIOS[sys.argv[1]]())
