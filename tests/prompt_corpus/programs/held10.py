"""Tenth held-out set, Python side: ``held10.py <scenario>``.

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


class Level(StrEnum):
    """Typer reads an option's annotation by name, so its Enum lives at module level."""

    debug = "debug"
    info = "info"
    warning = "warning"
    error = "error"
    critical = "critical"


@scenario
def click_choice_runtime() -> Any:
    import click

    click.echo("No container runtime is configured for the build sandbox yet.")
    runtimes = ["docker", "podman", "containerd", "nerdctl", "cri-o"]
    return click.prompt(
        "Container runtime",
        type=click.Choice(runtimes, case_sensitive=False),
        default="docker",
    )


@scenario
def click_confirm_default_yes_no() -> Any:
    import click

    click.secho("The signing key for acme-releases expires in 9 days.", fg="yellow")
    return click.confirm("Rotate the signing key now", default=True)


@scenario
def click_int_keep() -> Any:
    import click

    return click.prompt("Primary shards per index", type=int, default=3)


@scenario
def click_password_reporting() -> Any:
    import click

    click.echo("Connecting to reporting-db.internal as reporting_ro")
    return secret(click.prompt("Password for reporting_ro", hide_input=True))


@scenario
def click_confirm_wrapped_abort() -> Any:
    import click

    click.confirm(
        "The 2019 and 2020 invoice partitions have not been read for 400 days and take 310 GB "
        "on the primary volume; move them to cold storage and detach them from the live "
        "database tonight",
        abort=True,
    )
    return "archived"


@scenario
def click_path_text() -> Any:
    import click

    return click.prompt("Directory for the generated certificates", type=click.Path())


@scenario
def click_getchar_conflict() -> Any:
    import click

    click.echo("settings.toml differs from the template.")
    click.echo("[k]eep mine   [o]verwrite   [d]iff   [q]uit ", nl=False)
    key = click.getchar()
    return {"k": "keep", "o": "overwrite", "d": "diff", "q": "quit"}.get(key, key)


@scenario
def click_choice_under_yellow_banner() -> Any:
    import click

    click.secho(" ▲ A NEW MAJOR VERSION (5.0) IS AVAILABLE ▲ ", bg="yellow", fg="black", bold=True)
    click.secho(" 4.x receives security fixes until June. ", bg="yellow", fg="black")
    return click.prompt(
        "Upgrade channel",
        type=click.Choice(["stable", "beta", "nightly", "stay on 4.x"]),
        default="stable",
    )


@scenario
def typer_remote_replace() -> Any:
    import typer

    return typer.prompt("Git remote to push the tags to", default="origin")


@scenario
def typer_confirm_force_push() -> Any:
    import typer

    typer.secho("feature/ledger-v2 was rebased onto trunk (23 commits rewritten).", fg="cyan")
    return typer.confirm("Force-push the rewritten history", default=False)


@scenario
def typer_hidden_passphrase() -> Any:
    import typer

    return secret(typer.prompt("Encryption passphrase for the export", hide_input=True))


@scenario
def typer_option_choice() -> Any:
    import typer

    app = typer.Typer()

    @app.command()
    def main(level: Level = typer.Option(..., prompt="Log level for the worker")) -> None:  # noqa: B008
        done(level.value)
        sys.exit(0)

    app(args=[], standalone_mode=False)
    return "none"


# ---------------------------------------------------------------- rich


@scenario
def rich_region_choices() -> Any:
    from rich.prompt import Prompt

    return Prompt.ask(
        "Region for the read replica",
        choices=["fra1", "ams3", "lon1", "nyc3", "sfo3", "sgp1"],
        default="fra1",
    )


@scenario
def rich_confirm_digest_no() -> Any:
    from rich.prompt import Confirm

    return Confirm.ask("Send the weekly digest to all 1,204 subscribers?")


@scenario
def rich_int_retries_replace() -> Any:
    from rich.prompt import IntPrompt

    return IntPrompt.ask("Retries before a job is marked failed", default=5)


@scenario
def rich_password_grafana() -> Any:
    from rich.prompt import Prompt

    return secret(Prompt.ask("Grafana admin password", password=True))


@scenario
def rich_rule_then_confirm() -> Any:
    from rich.console import Console
    from rich.prompt import Confirm

    console = Console()
    console.rule("[bold white on red] SCHEMA MIGRATION 0042 ")
    console.print("Adds a NOT NULL column to [bold]orders[/] (18 M rows, ~4 min lock).")
    console.rule(style="red")
    return Confirm.ask("Run it against production now", default=False)


@scenario
def rich_plan_case_insensitive() -> Any:
    from rich.prompt import Prompt

    return Prompt.ask(
        "Billing plan for the new workspace",
        choices=["Free", "Team", "Business", "Enterprise"],
        case_sensitive=False,
    )


# ---------------------------------------------------------------- questionary


@scenario
def q_select_shortcuts() -> Any:
    import questionary

    return questionary.select(
        "Which queue should the replayed events go to?",
        choices=["orders.v1", "orders.v2", "orders.dead-letter", "audit", "analytics"],
        use_shortcuts=True,
    ).ask()


@scenario
def q_select_arrow_pointer_default() -> Any:
    import questionary

    return questionary.select(
        "Base image for the service",
        choices=[
            "python:3.13-slim",
            "python:3.13-alpine",
            "debian:trixie-slim",
            "ubuntu:24.04",
            "gcr.io/distroless/python3",
            "chainguard/python",
            "scratch (static binary)",
        ],
        default="debian:trixie-slim",
        pointer="→",
        qmark="◆",
    ).ask()


@scenario
def q_checkbox_untick_one() -> Any:
    import questionary
    from questionary import Choice

    return questionary.checkbox(
        "Mirror these branches to the backup remote",
        choices=[
            Choice("main", checked=True),
            Choice("release/26.10", checked=True),
            Choice("release/26.11", checked=True),
            Choice("experiments", checked=True),
        ],
    ).ask()


@scenario
def q_checkbox_disabled_separator() -> Any:
    import questionary
    from questionary import Choice, Separator

    return questionary.checkbox(
        "Data sources for the quarterly report",
        choices=[
            Choice("Stripe payouts"),
            Choice("Shopify orders"),
            Separator("-- warehouse --"),
            Choice("BigQuery events", disabled="quota exhausted"),
            Choice("Snowflake finance"),
            Choice("Postgres replica"),
        ],
    ).ask()


@scenario
def q_confirm_yes_instant() -> Any:
    import questionary

    print("11 stale preview environments were found (oldest: 63 days).")
    return questionary.confirm("Tear them all down?", default=False).ask()


@scenario
def q_text_default_keep() -> Any:
    import questionary

    return questionary.text("Image tag to deploy", default="2026.12.04-rc1").ask()


@scenario
def q_password_smtp() -> Any:
    import questionary

    return secret(questionary.password("SMTP relay password (mail.acme.io)").ask())


@scenario
def q_rawselect_region() -> Any:
    import questionary

    return questionary.rawselect(
        "Where should the static site be served from?",
        choices=["Frankfurt", "Dublin", "São Paulo", "Mumbai", "Sydney", "Oregon"],
    ).ask()


@scenario
def q_autocomplete_country() -> Any:
    import questionary

    return questionary.autocomplete(
        "Country of the billing address",
        choices=["Austria", "Belgium", "Chile", "Denmark", "Estonia", "Finland", "Ghana"],
    ).ask()


@scenario
def q_path_replace() -> Any:
    import questionary

    return questionary.path("Where is the kubeconfig?", default="~/.kube/config").ask()


@scenario
def q_press_any_key_custom() -> Any:
    import questionary

    print("Insert the YubiKey that holds the release signing key.")
    questionary.press_any_key_to_continue("Press any key once the YubiKey blinks…").ask()
    return "signed"


@scenario
def q_select_descriptions_instruction() -> Any:
    import questionary
    from questionary import Choice

    return questionary.select(
        "How should duplicate customer records be merged?",
        instruction="(arrows to move, enter to pick)",
        choices=[
            Choice("Newest wins", description="Keep the most recently updated record."),
            Choice("Oldest wins", description="Keep the first record ever created."),
            Choice("Field by field", description="Take each non-empty field from the newest."),
            Choice("Ask per record", description="Stop and show every conflict."),
            Choice("Skip duplicates", description="Leave both records untouched."),
        ],
    ).ask()


# ---------------------------------------------------------------- InquirerPy


@scenario
def ipy_select_pointer_default() -> Any:
    from InquirerPy import inquirer

    return inquirer.select(  # type: ignore[attr-defined]
        message="Timezone for the cron schedules:",
        choices=["UTC", "Europe/Berlin", "Europe/London", "America/New_York", "Asia/Kolkata"],
        default="Europe/Berlin",
        pointer=">>",
    ).execute()


@scenario
def ipy_checkbox_untick_enabled() -> Any:
    from InquirerPy import inquirer
    from InquirerPy.base.control import Choice

    return inquirer.checkbox(  # type: ignore[attr-defined]
        message="Keep which log streams after the migration?",
        choices=[
            Choice("access", enabled=True),
            Choice("error", enabled=True),
            Choice("audit", enabled=True),
            Choice("debug", enabled=True),
            Choice("slow-query", enabled=False),
        ],
    ).execute()


@scenario
def ipy_confirm_default_true_no() -> Any:
    from InquirerPy import inquirer

    return inquirer.confirm(  # type: ignore[attr-defined]
        message="Pin the dependency versions in the lockfile?", default=True
    ).execute()


@scenario
def ipy_text_replace() -> Any:
    from InquirerPy import inquirer

    return inquirer.text(message="Kafka topic prefix:", default="prod.").execute()  # type: ignore[attr-defined]


@scenario
def ipy_secret_token() -> Any:
    from InquirerPy import inquirer

    return secret(inquirer.secret(message="PagerDuty integration key:").execute())  # type: ignore[attr-defined]


@scenario
def ipy_number_replace() -> Any:
    from InquirerPy import inquirer

    value = inquirer.number(message="Idle timeout (minutes):", default=30, min_allowed=1).execute()  # type: ignore[attr-defined]
    return int(value)


@scenario
def ipy_expand_hunk() -> Any:
    from InquirerPy import inquirer
    from InquirerPy.prompts.expand import ExpandChoice

    print("Translation file de.json has 14 keys the source no longer uses.")
    return inquirer.expand(  # type: ignore[attr-defined]
        message="What should happen to the unused keys?",
        choices=[
            ExpandChoice("delete", key="x", name="Delete them"),
            ExpandChoice("mark", key="m", name="Mark them obsolete"),
            ExpandChoice("keep", key="k", name="Keep them"),
            ExpandChoice("list", key="l", name="List them first"),
        ],
    ).execute()


@scenario
def ipy_rawlist_label() -> Any:
    from InquirerPy import inquirer

    return inquirer.rawlist(  # type: ignore[attr-defined]
        message="Seed data for the preview environment:",
        choices=["none", "fixtures", "anonymised snapshot", "synthetic (10k users)"],
    ).execute()


@scenario
def ipy_fuzzy_branch() -> Any:
    from InquirerPy import inquirer

    return inquirer.fuzzy(  # type: ignore[attr-defined]
        message="Check out which branch?",
        choices=[
            "trunk",
            "fix/login-redirect",
            "feat/csv-export",
            "feat/dark-mode",
            "chore/bump-deps",
            "spike/grpc-gateway",
        ],
    ).execute()


# ---------------------------------------------------------------- prompt_toolkit


@scenario
def ptk_default_keep_proxy() -> Any:
    from prompt_toolkit import prompt

    return prompt("Upstream HTTP proxy: ", default="http://proxy.lan:3128")


@scenario
def ptk_radiolist_six() -> Any:
    from prompt_toolkit.shortcuts import radiolist_dialog

    return radiolist_dialog(
        title="Storage class",
        text="Where should the new volume live?",
        values=[
            ("gp3", "SSD gp3 (general purpose)"),
            ("io2", "SSD io2 (provisioned IOPS)"),
            ("st1", "HDD st1 (throughput)"),
            ("sc1", "HDD sc1 (cold)"),
            ("efs", "EFS (shared)"),
            ("local", "Instance store (ephemeral)"),
        ],
    ).run()


@scenario
def ptk_checkboxlist_tick_two() -> Any:
    from prompt_toolkit.shortcuts import checkboxlist_dialog

    return checkboxlist_dialog(
        title="Post-install",
        text="Enable which services at boot?",
        values=[
            ("nginx", "nginx"),
            ("redis", "redis"),
            ("cron", "cron"),
            ("fail2ban", "fail2ban"),
        ],
        default_values=["nginx"],
    ).run()


@scenario
def ptk_yes_no_custom_text() -> Any:
    from prompt_toolkit.shortcuts import yes_no_dialog

    return yes_no_dialog(
        title="Index out of date",
        text="The search index is 3 days behind. Rebuild it now (about 20 minutes)?",
        yes_text="Rebuild",
        no_text="Later",
    ).run()


@scenario
def ptk_message_dialog_ok() -> Any:
    from prompt_toolkit.shortcuts import message_dialog

    message_dialog(
        title="Licence activated",
        text="Seats: 25\nValid until: 2027-12-31\nPress ENTER to close.",
    ).run()
    return "closed"


@scenario
def ptk_choice_frame() -> Any:
    from prompt_toolkit.shortcuts import choice

    return choice(
        message="Which test suite should run on every push?",
        options=[
            ("unit", "Unit tests only"),
            ("fast", "Unit + contract tests"),
            ("full", "Everything, including browser tests"),
            ("none", "Nothing (I run them locally)"),
        ],
        show_frame=True,
    )


@scenario
def ptk_confirm_no() -> Any:
    from prompt_toolkit.shortcuts import confirm

    return confirm("Delete the 3 orphaned DNS records?")


@scenario
def ptk_password_prompt() -> Any:
    from prompt_toolkit import prompt

    return secret(prompt("LUKS passphrase for /dev/nvme1n1: ", is_password=True))


@scenario
def ptk_input_dialog_text() -> Any:
    from prompt_toolkit.shortcuts import input_dialog

    return input_dialog(
        title="New webhook",
        text="Endpoint URL that receives the events:",
    ).run()


# ---------------------------------------------------------------- standard library


@scenario
def std_numbered_seven_number() -> Any:
    tiers = ["nano", "micro", "small", "medium", "large", "xlarge", "2xlarge"]
    print("Instance size for the CI runner:")
    for i, t in enumerate(tiers, 1):
        print(f"  {i}. {t}")
    reply = input("Select [1-7]: ").strip()
    return tiers[int(reply) - 1] if reply.isdigit() else reply


@scenario
def std_numbered_label() -> Any:
    profiles = ["personal", "work-acme", "work-globex", "open-source", "throwaway"]
    print("Git identities found in ~/.gitconfig.d:")
    for i, p in enumerate(profiles, 1):
        print(f"   ({i}) {p}")
    reply = input("Use which identity (number or name)? ").strip()
    return profiles[int(reply) - 1] if reply.isdigit() else reply


@scenario
def std_type_repo_name() -> Any:
    print("\x1b[31mArchiving acme/ledger makes it read-only for all 48 members.\x1b[0m")
    reply = input("To confirm, type the repository name (acme/ledger): ")
    return "archived" if reply == "acme/ledger" else "kept"


@scenario
def std_type_yes_caps() -> Any:
    print("You are about to rotate the root CA. Every client certificate will be reissued.")
    reply = input("Type YES (in capitals) to continue: ")
    return "rotated" if reply == "YES" else "aborted"


@scenario
def std_wrapped_question() -> Any:
    reply = input(
        "The nightly export job failed three times in a row because the partner SFTP server "
        "rejected our key; switch the job to the new ed25519 key that was uploaded last week "
        "and rerun it now? (y/N) "
    )
    return reply.strip().lower() or "n"


@scenario
def std_question_above_green_banner() -> Any:
    print("Name of the first admin user:")
    print("\x1b[42;30m  ✔ Database initialised · 0 users · setup mode  \x1b[0m")
    return input("› ")


@scenario
def std_banner_above_question() -> Any:
    print("\x1b[44;97;1m                                              \x1b[0m")
    print("\x1b[44;97;1m    ACME CLOUD · first-time setup (step 3/4)   \x1b[0m")
    print("\x1b[44;97;1m                                              \x1b[0m")
    print()
    reply = input("Send anonymous usage statistics? [yes/no] ")
    return reply.strip()


@scenario
def std_bracket_port_keep() -> Any:
    reply = input("Port for the metrics endpoint [9464]: ").strip()
    return int(reply or "9464")


@scenario
def std_bracket_replace_host() -> Any:
    reply = input("SMTP host (default smtp.acme.io): ").strip()
    return reply or "smtp.acme.io"


@scenario
def std_letter_keys_retry() -> Any:
    print("Upload of chunk 37/120 failed: connection reset by peer.")
    reply = input("[r]etry, [s]kip chunk, [a]bort upload? ").strip()
    return {"r": "retry", "s": "skip", "a": "abort"}.get(reply, reply)


@scenario
def std_getpass_sudo_deploy() -> Any:
    import getpass

    print("Restarting php-fpm needs root.")
    return secret(getpass.getpass("[sudo] password for deploy: "))


@scenario
def std_getpass_ssh_host() -> Any:
    import getpass

    return secret(getpass.getpass("deploy@10.0.4.7's password: "))


@scenario
def std_press_enter_cable() -> Any:
    print("Flashing firmware 2.4.1 to the gateway.")
    input("Connect the USB-C cable to the gateway, then press ENTER… ")
    return "flashing"


@scenario
def std_choose_from_brackets() -> Any:
    print("1 - keep the local copy")
    print("2 - take the server copy")
    print("3 - keep both (rename local)")
    reply = input("Choose from [1/2/3]: ").strip()
    return {"1": "local", "2": "server", "3": "both"}.get(reply, reply)


@scenario
def std_selection_default_keep() -> Any:
    print("Available JDKs:")
    print("  *1  temurin-21 (current)")
    print("   2  temurin-17")
    print("   3  graalvm-23")
    print("   4  zulu-11")
    reply = input("Enter selection (default: 1): ").strip()
    return ["temurin-21", "temurin-17", "graalvm-23", "zulu-11"][int(reply or "1") - 1]


@scenario
def std_continue_question() -> Any:
    print("4 files will be re-encoded to UTF-8:")
    for name in ("notes.txt", "legacy.csv", "README.old", "export.tsv"):
        print(f"  - {name}")
    reply = input("Continue? [Y/n] ").strip().lower()
    return reply or "y"


# ---------------------------------------------------------------- look-alikes


@scenario
def look_python_repl_ps1() -> None:
    import code

    sys.ps1 = "ledger? "
    sys.ps2 = "   ... "
    code.interact(banner="Ledger console (type exit() to leave). Delete entries? Use ledger.rm()")
    forever()


@scenario
def look_rich_progress_upload() -> None:
    from rich.progress import BarColumn, Progress, TextColumn

    with Progress(
        TextColumn("{task.description}"), BarColumn(), TextColumn("{task.percentage:>3.0f}%")
    ) as progress:
        task = progress.add_task("Uploading backups (overwrite? no)", total=None)
        while True:
            progress.advance(task, 1)
            time.sleep(0.2)  # noqa: sleep-ok - a look-alike that keeps working


@scenario
def look_rich_live_queue() -> None:
    from rich.live import Live
    from rich.table import Table

    def table(n: int) -> Table:
        t = Table(title=f"Job queue · tick {n}")
        t.add_column("")
        t.add_column("job")
        t.add_column("state")
        t.add_row("❯", "resize-images", "running")
        t.add_row("●", "send-invoices", "waiting for approval (y/n)")
        t.add_row("○", "reindex", "queued")
        return t

    with Live(table(0), refresh_per_second=4) as live:
        n = 0
        while True:
            n += 1
            live.update(table(n))
            time.sleep(0.5)  # noqa: sleep-ok - a look-alike that keeps working


@scenario
def look_click_progressbar_items() -> None:
    import click

    def items() -> Any:
        n = 0
        while True:
            n += 1
            time.sleep(0.3)  # noqa: sleep-ok - a look-alike that keeps working
            yield n

    with click.progressbar(items(), length=10_000, label="Re-signing packages [y/N]") as bar:
        for _ in bar:
            pass


@scenario
def look_agent_quotes_menu() -> None:
    lines = [
        "● I looked at the installer. It asks:",
        "",
        "  ? Which database should I configure?",
        "  ❯ PostgreSQL",
        "    MySQL",
        "    SQLite",
        "",
        "  I'll pick PostgreSQL with the --db flag so nothing needs answering.",
        "● Running: ./install --db postgres --yes",
    ]
    for line in lines:
        print(line, flush=True)
        time.sleep(0.15)  # noqa: sleep-ok - streaming pace
    n = 0
    while True:
        n += 1
        print(f"  ⎿ step {n}: configuring", flush=True)
        time.sleep(1.0)  # noqa: sleep-ok - a look-alike that keeps working


@scenario
def look_printed_password_prompt_working() -> None:
    print("Password: (read from $PGPASSWORD, not asking)")
    n = 0
    while True:
        n += 1
        print(f"vacuuming table {n}", flush=True)
        time.sleep(0.8)  # noqa: sleep-ok - a look-alike that keeps working


@scenario
def look_unittest_output() -> None:
    print("test_confirm_yes (tests.test_cli.ConfirmTests) ... ok")
    print("test_prompt_shows_[y/N] (tests.test_cli.ConfirmTests) ... ok")
    print("test_select_menu_❯ (tests.test_cli.MenuTests) ... ok")
    print("test_password_hidden (tests.test_cli.SecretTests) ... ", end="", flush=True)
    forever()


@scenario
def look_numbered_changelog() -> None:
    print("Changes in 5.0:")
    for i, text in enumerate(
        [
            "Confirm dialogs now default to No",
            "The select prompt shows a ❯ pointer",
            "Continue? prompts accept 'yes' and 'no'",
            "Passwords are never echoed",
        ],
        1,
    ):
        print(f"  {i}) {text}")
    print("Building docs…", flush=True)
    forever()


@scenario
def look_sleep_double_chevron() -> None:
    print("Waiting for the primary to come back", flush=True)
    print(">> ", end="", flush=True)
    forever()


@scenario
def look_logging_prompts() -> None:
    import logging

    logging.basicConfig(format="%(asctime)s %(levelname)s %(message)s", level=logging.INFO)
    log = logging.getLogger("sync")
    n = 0
    while True:
        n += 1
        log.info("remote asked 'Overwrite local changes? [y/N]' -> answered N (policy)")
        log.warning("Enter passphrase: skipped, agent has the key (%d)", n)
        time.sleep(1.2)  # noqa: sleep-ok - a look-alike that keeps working


@scenario
def look_ptk_shell_prompt() -> None:
    from prompt_toolkit import PromptSession

    session: PromptSession[str] = PromptSession()
    while True:
        session.prompt("(kafka-admin) ❯ ")


@scenario
def look_rich_status_spinner() -> None:
    from rich.console import Console

    console = Console()
    with console.status("Waiting for approval from #release-managers (Approve? y/n in Slack)…"):
        forever()


@scenario
def look_stream_checkbox_quote() -> None:
    text = (
        "The generator will show a list like this:\n"
        "  ◉ ESLint\n  ◯ Prettier\n  ◉ Vitest\n"
        "Press <space> to select, <a> to toggle all — I'll pass --features eslint,vitest instead.\n"
    )
    for ch in text:
        print(ch, end="", flush=True)
        time.sleep(0.01)  # noqa: sleep-ok - streaming pace
    n = 0
    while True:
        n += 1
        print(f"· scaffolding file {n}", flush=True)
        time.sleep(0.9)  # noqa: sleep-ok - a look-alike that keeps working


@scenario
def look_ptk_fullscreen_log() -> None:
    from prompt_toolkit.application import Application
    from prompt_toolkit.layout import Layout, Window
    from prompt_toolkit.layout.controls import FormattedTextControl

    text = "\n".join(
        ["LOG VIEWER  (q is disabled in kiosk mode)", ""]
        + [f"{i:04d}  Proceed with rollout? [y/N] -> y (auto)" for i in range(1, 21)]
    )
    app: Application[None] = Application(
        layout=Layout(Window(FormattedTextControl(text))), full_screen=True
    )
    app.run()
    forever()


@scenario
def look_pdb_breakpoint() -> None:
    import pdb

    queue = ["confirm", "select", "password"]
    print("Stopped before replaying", len(queue), "events")
    pdb.Pdb(stdout=sys.stdout).set_trace()
    forever()


if __name__ == "__main__":
    done(SCENARIOS[sys.argv[1]]())
