"""Fifth held-out set, Python side: ``held5.py <scenario>``.

Real prompt libraries (click, typer, rich, questionary, InquirerPy, prompt_toolkit, pick,
simple-term-menu, inquirer, beaupy, bullet) and the standard library through APIs no
earlier set uses (click's confirmation and password options, typer options that prompt,
questionary's rawselect and press-any-key, InquirerPy's expand, rawlist and number,
prompt_toolkit's choice and its yes/no, radio-list and checkbox-list dialogs, readline
prefills, a curses menu), and look-alikes (REPLs, progress bars, test runners, streamed
text quoting prompts, full-screen monitors). Prompts print ``ANSWER=<json>``; look-alikes
never ask anything. Written blind; never used for tuning.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from enum import StrEnum
from typing import Any


def done(value: Any) -> None:
    print(f"\nANSWER={json.dumps(value)}", flush=True)


def narrow(cols: int) -> None:
    subprocess.run(["stty", "cols", str(cols)], check=False)


def forever() -> None:
    while True:
        time.sleep(3600)  # noqa: sleep-ok - a look-alike that never asks


# ---------------------------------------------------------------- click / typer


def click_compression_choice() -> Any:
    import click

    click.echo("Packing 1,882 files (312 MB) into the release archive.")
    return click.prompt(
        "Archive codec",
        type=click.Choice(["none", "gzip", "zstd", "brotli", "lz4"]),
        default="gzip",
        show_choices=True,
    )


def click_confirm_abort() -> Any:
    import click

    click.secho("3 replicas have not reported for 6 hours.", fg="yellow")
    try:
        click.confirm("Drop the stale replicas", abort=True)
    except click.Abort:
        return "aborted"
    return "dropped"


def click_int_range_default() -> Any:
    import click

    return click.prompt("Replica count (1-9)", type=click.IntRange(1, 9), default=3)


def click_confirmation_option() -> Any:
    import click

    @click.command()
    @click.confirmation_option(prompt="This erases every saved session. Are you sure?")
    def reset() -> str:
        return "erased"

    try:
        return reset.main(args=[], standalone_mode=False)
    except click.Abort:
        return "kept"


def click_password_option() -> Any:
    import click

    @click.command()
    @click.password_option("--passphrase", prompt="Backup passphrase")
    def backup(passphrase: str) -> str:
        return f"len{len(passphrase)}"

    return backup.main(args=[], standalone_mode=False)


def click_remote_replace() -> Any:
    import click

    return click.prompt("Git remote to push to", default="origin")


def click_type_cluster() -> Any:
    import click

    click.secho(" blue-k8s · 14 nodes · 203 workloads ", bg="magenta", fg="white", bold=True)
    typed = click.prompt("Enter the cluster's name (blue-k8s) to destroy it", default="")
    return "destroyed" if typed == "blue-k8s" else "kept"


def typer_option_prompt() -> Any:
    import typer

    app = typer.Typer()

    @app.command()
    def login(handle: str = typer.Option(..., prompt="Your GitHub handle")) -> str:
        return handle

    return typer.main.get_command(app).main(args=[], standalone_mode=False)


def typer_confirm_abort() -> Any:
    import click
    import typer

    typer.echo("Built widget-kit 3.0.0 (12 files, 48 kB).")
    try:
        typer.confirm("Publish version 3.0.0 to the registry?", abort=True)
    except (click.Abort, typer.Abort):
        return "aborted"
    return "published"


class Mode(StrEnum):
    auto = "auto"
    light = "light"
    dark = "dark"


def typer_enum_option() -> Any:
    import typer

    app = typer.Typer()

    @app.command()
    def theme(mode: Mode = typer.Option(..., prompt="Colour mode")) -> str:  # noqa: B008
        return mode.value

    return typer.main.get_command(app).main(args=[], standalone_mode=False)


# ---------------------------------------------------------------- rich


def rich_eviction_choices() -> Any:
    from rich.prompt import Prompt

    return Prompt.ask(
        "Cache eviction policy", choices=["lru", "lfu", "fifo", "random"], default="lru"
    )


def rich_panel_confirm() -> Any:
    from rich.console import Console
    from rich.panel import Panel
    from rich.prompt import Confirm

    console = Console()
    console.print(
        Panel("48 invoices · 3 currencies · total 18,240.00 EUR", title="Invoice batch 2026-12")
    )
    return Confirm.ask("Send the invoice batch now?")


def rich_int_keep() -> Any:
    from rich.prompt import IntPrompt

    return IntPrompt.ask("Max open files", default=1024)


def rich_markup_text() -> Any:
    from rich.prompt import Prompt

    return Prompt.ask("[bold magenta]Branch to rebase onto[/]")


def rich_vault_key() -> Any:
    from rich.prompt import Prompt

    return f"len{len(Prompt.ask('Unseal share #2', password=True))}"


def rich_table_snapshot() -> Any:
    from rich.console import Console
    from rich.prompt import Prompt
    from rich.table import Table

    snaps = ["auto-1201", "auto-1202", "before-v17", "hand-0930"]
    table = Table(title="Restore points for pg-main")
    table.add_column("#", style="cyan")
    table.add_column("name")
    table.add_column("size", justify="right")
    for n, (name, size) in enumerate(
        zip(snaps, ["41 GB", "41 GB", "39 GB", "12 GB"], strict=True), 1
    ):
        table.add_row(str(n), name, size)
    Console().print(table)
    reply = Prompt.ask("Restore point", choices=["1", "2", "3", "4"])
    return snaps[int(reply) - 1]


# ---------------------------------------------------------------- questionary


def questionary_rawselect() -> Any:
    import questionary

    return questionary.rawselect(
        "How should #418 land?",
        choices=["create a merge commit", "squash and merge", "rebase and merge"],
    ).unsafe_ask()


def questionary_press_any_key() -> Any:
    import questionary

    print("Registering a second factor for alice@example.org.")
    questionary.press_any_key_to_continue(
        "Touch the security key, then press any key to continue..."
    ).unsafe_ask()
    return "registered"


def questionary_select_disabled() -> Any:
    import questionary
    from questionary import Choice

    return questionary.select(
        "CI machine class",
        choices=[
            Choice("cpu-small"),
            Choice("cpu-medium"),
            Choice("gpu-large", disabled="quota exhausted"),
            Choice("cpu-xlarge"),
        ],
    ).unsafe_ask()


def questionary_checkbox_five() -> Any:
    import questionary

    return questionary.checkbox(
        "Languages to generate clients for",
        choices=["go", "python", "rust", "typescript", "java"],
    ).unsafe_ask()


def questionary_password() -> Any:
    import questionary

    return f"len{len(questionary.password('SMTP relay password').unsafe_ask())}"


def questionary_confirm_default_no() -> Any:
    import questionary

    print("CHANGELOG.md has 4 hand-written entries since v1.8.")
    return questionary.confirm("Overwrite CHANGELOG.md?", default=False).unsafe_ask()


def questionary_pointer_qmark() -> Any:
    import questionary

    return questionary.select(
        "Licence for the new package",
        choices=["MIT", "Apache-2.0", "MPL-2.0", "Unlicense"],
        pointer="▸",
        qmark="»",
    ).unsafe_ask()


def questionary_text_replace() -> Any:
    import questionary

    return questionary.text("Tag for the container image", default="latest").unsafe_ask()


# ---------------------------------------------------------------- InquirerPy


def inquirerpy_expand() -> Any:
    from InquirerPy import inquirer
    from InquirerPy.prompts.expand import ExpandChoice

    return inquirer.expand(  # type: ignore[attr-defined]
        message="app.yaml already exists",
        choices=[
            ExpandChoice(key="o", name="Overwrite", value="overwrite"),
            ExpandChoice(key="k", name="Keep mine", value="keep"),
            ExpandChoice(key="m", name="Merge", value="merge"),
        ],
    ).execute()


def inquirerpy_rawlist() -> Any:
    from InquirerPy import inquirer
    from InquirerPy.base.control import Choice

    return inquirer.rawlist(  # type: ignore[attr-defined]
        message="Node runtime",
        choices=[
            Choice("18", name="Node 18 (maintenance)"),
            Choice("20", name="Node 20 (LTS)"),
            Choice("22", name="Node 22 (current)"),
        ],
    ).execute()


def inquirerpy_number() -> Any:
    from InquirerPy import inquirer

    value = inquirer.number(  # type: ignore[attr-defined]
        message="Shard count", default=8, min_allowed=1, max_allowed=64
    ).execute()
    return int(value)


def inquirerpy_confirm_default_yes() -> Any:
    from InquirerPy import inquirer

    return inquirer.confirm(  # type: ignore[attr-defined]
        message="Share crash reports with the maintainers?", default=True
    ).execute()


def inquirerpy_secret() -> Any:
    from InquirerPy import inquirer

    return f"len{len(inquirer.secret(message='Database URL password').execute())}"  # type: ignore[attr-defined]


def inquirerpy_checkbox_six() -> Any:
    from InquirerPy import inquirer

    return inquirer.checkbox(  # type: ignore[attr-defined]
        message="Pages to pre-render",
        choices=["/", "/pricing", "/docs", "/blog", "/careers", "/login"],
    ).execute()


def inquirerpy_select_separator() -> Any:
    from InquirerPy import inquirer
    from InquirerPy.base.control import Choice
    from InquirerPy.separator import Separator

    return inquirer.select(  # type: ignore[attr-defined]
        message="Storage class",
        choices=[
            Choice("standard", name="Standard"),
            Choice("ia", name="Infrequent access"),
            Separator("--- archive ---"),
            Choice("glacier", name="Glacier"),
            Choice("deep", name="Deep archive"),
        ],
    ).execute()


# ---------------------------------------------------------------- prompt_toolkit


def ptk_choice() -> Any:
    from prompt_toolkit.shortcuts import choice

    return choice(
        message="Send the audit trail to",
        options=[
            ("stdout", "Standard output"),
            ("file", "A rotating file"),
            ("syslog", "The system journal"),
        ],
    )


def ptk_choice_frame() -> Any:
    from prompt_toolkit.shortcuts import choice

    return choice(
        message="Pick the base image:",
        options=[("alpine", "alpine:3.20"), ("debian", "debian:12-slim"), ("ubi", "ubi9-minimal")],
        show_frame=True,
        symbol="❯",
    )


def ptk_yes_no_dialog() -> Any:
    from prompt_toolkit.shortcuts import yes_no_dialog

    return yes_no_dialog(
        title="Search index", text="Rebuild the search index now? It takes about 20 minutes."
    ).run()


def ptk_radiolist_dialog() -> Any:
    from prompt_toolkit.shortcuts import radiolist_dialog

    return radiolist_dialog(
        title="Timezone",
        text="Timezone for the scheduler:",
        values=[("utc", "UTC"), ("tokyo", "Asia/Tokyo"), ("sp", "America/Sao_Paulo")],
    ).run()


def ptk_checkboxlist_dialog() -> Any:
    from prompt_toolkit.shortcuts import checkboxlist_dialog

    return checkboxlist_dialog(
        title="Alerts",
        text="Send build notifications to:",
        values=[("email", "Email"), ("slack", "Slack"), ("sms", "SMS"), ("pager", "Pager")],
    ).run()


def ptk_prompt_default() -> Any:
    from prompt_toolkit import prompt

    return prompt("Artefact folder: ", default="./build")


def ptk_prompt_password() -> Any:
    from prompt_toolkit import prompt

    return f"len{len(prompt('Decryption key: ', is_password=True))}"


# ------------------------------------------- pick / simple-term-menu / inquirer / beaupy / bullet


def pick_multiselect() -> Any:
    from pick import pick

    chosen = pick(
        ["fr", "de", "es", "ja", "pt-BR"],
        "Translations to ship (space marks, enter accepts):",
        multiselect=True,
        min_selection_count=1,
    )
    return [option for option, _ in chosen]


def stm_cycle_up() -> Any:
    from simple_term_menu import TerminalMenu

    items = ["restart", "stop", "tail logs", "open shell", "cancel"]
    index = TerminalMenu(
        items, title="Container api-7f2 is unhealthy. Action:", menu_cursor="→ ", cycle_cursor=True
    ).show()
    return items[index] if isinstance(index, int) else None


def pyinquirer_checkbox_default() -> Any:
    import inquirer

    answers = inquirer.prompt(
        [
            inquirer.Checkbox(
                "v",
                message="Hooks to install",
                choices=["fmt-on-commit", "msg-lint", "test-on-push", "deps-on-merge"],
                default=["fmt-on-commit"],
            )
        ]
    )
    return answers["v"] if answers else None


def pyinquirer_confirm() -> Any:
    import inquirer

    answers = inquirer.prompt(
        [inquirer.Confirm("v", message="Reuse the existing SSH tunnel", default=True)]
    )
    return answers["v"] if answers else None


def beaupy_paged() -> Any:
    import beaupy

    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return beaupy.select(months, page_size=4, title="Month for the report:")


def bullet_numbers() -> Any:
    from bullet import Numbers

    return Numbers(prompt="HTTPS port: ", type=int).launch()


# ---------------------------------------------------------------- standard library


def stdlib_enter_selection() -> Any:
    sizes = ["tiny (1 vCPU)", "standard (2 vCPU)", "plus (4 vCPU)", "max (8 vCPU)"]
    print("Instance sizes:")
    for n, name in enumerate(sizes, 1):
        print(f"  {n}. {name}")
    reply = input("Enter selection (default: 1): ").strip() or "1"
    return sizes[int(reply) - 1]


def stdlib_choose_from() -> Any:
    modes = ["squash into one", "keep merge commits", "linear rebase"]
    print("How should `sync` combine branches?")
    for n, name in enumerate(modes, 1):
        print(f"({n}) {name}")
    reply = input("Choose from [1/2/3]: ").strip()
    return modes[int(reply) - 1]


def stdlib_type_name() -> Any:
    print("\x1b[31mThis deletes the analytics-prod project and its 9 datasets.\x1b[0m")
    typed = input("Re-enter the project id (analytics-prod) to delete it: ")
    return "deleted" if typed == "analytics-prod" else "kept"


def stdlib_wrapped_eighty() -> Any:
    reply = input(
        "The lock file was written by a newer version of the tool (4.2.0, you have 4.0.3) and "
        "some entries may be dropped if it is rewritten now; rewrite it anyway? [y/N] "
    )
    return reply.strip().lower() or "n"


def stdlib_box_banner() -> Any:
    print("\x1b[1;30;43m╔" + "═" * 50 + "╗\x1b[0m")
    print("\x1b[1;30;43m║" + "  MAINTENANCE WINDOW · customers see a banner".ljust(50) + "║\x1b[0m")
    print("\x1b[1;30;43m╚" + "═" * 50 + "╝\x1b[0m")
    reply = input("Start the maintenance window? [y/n]: ")
    return reply.strip().lower()


def stdlib_question_above_banner() -> Any:
    # The question, then a coloured notice under it; the cursor goes back to the question.
    sys.stdout.write("Archive the 3 stale projects? [y/N] \x1b7\n\n")
    sys.stdout.write("\x1b[1;97;45m" + "  archived projects stay readable for 30 days  ".ljust(56))
    sys.stdout.write("\x1b[0m\x1b8")
    sys.stdout.flush()
    return input().strip().lower() or "n"


def stdlib_readline_prefill() -> Any:
    import readline

    readline.set_startup_hook(lambda: readline.insert_text("main"))
    try:
        return input("Base branch: ")
    finally:
        readline.set_startup_hook()


def stdlib_letter_keys() -> Any:
    print("photo-0412.jpg already exists in the destination.")
    reply = input("[O]verwrite, [S]kip, [R]ename, overwrite [A]ll? ").strip().lower()
    return {"o": "overwrite", "s": "skip", "r": "rename", "a": "all"}.get(reply, "?")


def stdlib_getpass_pin() -> Any:
    import getpass

    return f"len{len(getpass.getpass('Enter PIN for YubiKey 5C: '))}"


def stdlib_yes_no_words() -> Any:
    print("Rollback plan: 3 services to v4.1.9, database stays.")
    return input("Proceed with the rollback? (yes/no): ").strip().lower()


def stdlib_hit_return() -> Any:
    print("Hold the reset button until the LED blinks green.")
    input("Hit RETURN when the device shows a green light ")
    return "continued"


def stdlib_curses_menu() -> Any:
    import curses

    items = ["Check for updates", "Reboot", "Reset to factory settings", "Back"]

    def run(win: Any) -> str:
        curses.curs_set(0)
        pos = 0
        while True:
            win.erase()
            win.addstr(0, 0, "┌─ Router admin ───────────────────┐")
            win.addstr(1, 0, "│ What do you want to do?          │")
            for n, item in enumerate(items):
                mark = "●" if n == pos else "○"
                win.addstr(2 + n, 0, f"│  {mark} {item}".ljust(35) + "│")
            win.addstr(2 + len(items), 0, "└──────────────────────────────────┘")
            win.refresh()
            key = win.getch()
            if key == curses.KEY_DOWN:
                pos = min(pos + 1, len(items) - 1)
            elif key == curses.KEY_UP:
                pos = max(pos - 1, 0)
            elif key in (10, 13):
                return items[pos]

    return curses.wrapper(run)


# ---------------------------------------------------------------- look-alikes


def look_repl_in_bracket() -> None:
    import code

    sys.ps1, sys.ps2 = "In [1]: ", "   ...: "
    code.interact(banner="Scratch console (not IPython). Select a dataset with load().", exitmsg="")


def look_ptk_sql_repl() -> None:
    from prompt_toolkit import PromptSession

    print("warehouse shell 0.9 -- Continue? is never asked here; type \\q to quit")
    session: PromptSession[str] = PromptSession("wh=> ")
    while True:
        session.prompt()


def look_question_then_work() -> None:
    print("Overwrite the existing cache? (y/N) ", flush=True)
    print("(non-interactive: keeping the cache)")
    n = 0
    while True:
        print(f"indexing chunk {n} of 10000 ...", flush=True)
        n += 1
        time.sleep(0.4)  # noqa: sleep-ok - working without reading


def look_test_runner() -> None:
    tests = [
        "test_confirm_prompt_accepts_Y_n",
        "test_password_prompt_hides_input",
        "test_select_menu_moves_cursor_with_arrows",
        "test_continue_question_defaults_to_no",
    ]
    n = 0
    print("=================== 212 tests collected ===================")
    while True:
        print(f"tests/test_prompts.py::{tests[n % 4]}[{n}] PASSED", flush=True)
        n += 1
        time.sleep(0.3)  # noqa: sleep-ok - a test run that keeps going


def look_build_numbered() -> None:
    print("Build plan:")
    for n, step in enumerate(["fetch sources", "configure", "compile", "link", "package"], 1):
        print(f"  {n}) {step}")
    n = 0
    while True:
        print(f"[{n % 5 + 1}/5] working on step {n % 5 + 1} (pass {n})", flush=True)
        n += 1
        time.sleep(0.5)  # noqa: sleep-ok - build output


def look_glyph_table() -> None:
    print("SERVICE        STATE")
    print("❯ api          ● running")
    print("  worker       ● running")
    print("  scheduler    ○ stopped")
    print("  mailer       ◯ disabled")
    print("\nlast refresh 12:04:11 (auto-refresh off)", flush=True)
    forever()


def look_sleep_gt() -> None:
    print("pipeline: waiting for upstream job 8812 to finish")
    sys.stdout.write("> ")
    sys.stdout.flush()
    forever()


def look_agent_quotes_menu() -> None:
    text = (
        "When you run the generator it shows:\n"
        "? Which template do you want? (Use arrow keys)\n"
        "❯ minimal\n"
        "  full\n"
        "  monorepo\n"
        "Choose full. It then asks 'Install dependencies? (Y/n)' - answer Y. "
        "I am reading the generator's source to check the defaults "
    )
    while True:
        for word in text.split(" "):
            sys.stdout.write(word + " ")
            sys.stdout.flush()
            time.sleep(0.05)  # noqa: sleep-ok - an agent streaming tokens
        text = "and comparing them with your package.json "


def look_agent_quotes_password() -> None:
    text = (
        "The script will print 'Password:' and wait; type the deploy key there, "
        "not here. Then it says 'Continue? [Y/n]'. Meanwhile I keep scanning the logs "
    )
    while True:
        for word in text.split(" "):
            sys.stdout.write(word + " ")
            sys.stdout.flush()
            time.sleep(0.05)  # noqa: sleep-ok - an agent streaming tokens
        text = "for the failed logins "


def look_curses_top() -> None:
    import curses

    def run(win: Any) -> None:
        curses.curs_set(0)
        n = 0
        while True:
            win.erase()
            win.addstr(0, 0, f"proctop  load {0.4 + (n % 7) / 10:.2f}  tasks 212  t={n}")
            win.addstr(2, 0, "  PID USER     CPU%  COMMAND")
            win.addstr(3, 0, f" 1201 www      {n % 40:4d}  nginx")
            win.addstr(4, 0, " 1333 root        1  sshd")
            win.addstr(22, 0, "k: Kill process? (y/n)   q: quit   /: search")
            win.refresh()
            n += 1
            time.sleep(0.5)  # noqa: sleep-ok - a refreshing monitor

    curses.wrapper(run)


def look_rich_progress() -> None:
    from rich.progress import Progress

    with Progress() as progress:
        a = progress.add_task("Fetch layers? [Y/n] -> Y", total=None)
        b = progress.add_task("Extracting layers", total=1000)
        while True:
            progress.advance(b, 1)
            progress.advance(a, 1)
            if progress.tasks[1].completed >= 1000:
                progress.reset(b)
            time.sleep(0.05)  # noqa: sleep-ok - a progress bar


def look_log_continue() -> None:
    n = 0
    while True:
        print(f"[worker-{n % 3}] Continue? yes (--assume-yes)  batch={n}")
        print(f"[worker-{n % 3}] Password: ******** accepted for svc-{n}", flush=True)
        n += 1
        time.sleep(0.6)  # noqa: sleep-ok - a log that keeps going


def look_curses_viewer() -> None:
    import curses

    lines = [
        "INSTALL.txt",
        "",
        "1. Run the installer. It asks:",
        "     Accept the licence? [ OK ]  [ Cancel ]",
        "2. Choose 'Typical' when it shows",
        "     ( ) Minimal  (*) Typical  ( ) Custom",
        "3. Enter your password when asked for Password:",
    ]

    def run(win: Any) -> None:
        curses.curs_set(0)
        n = 0
        while True:
            win.erase()
            for row, text in enumerate(lines):
                win.addstr(row, 0, text)
            win.addstr(22, 0, f"-- viewer -- line 1/{len(lines)} -- tick {n}", curses.A_REVERSE)
            win.refresh()
            n += 1
            time.sleep(0.5)  # noqa: sleep-ok - a viewer redrawing its status line

    curses.wrapper(run)


def look_spinner_question_text() -> None:
    frames = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"
    n = 0
    while True:
        sys.stdout.write(
            f"\r{frames[n % 10]} Promote to production? pending sign-off in the web UI"
        )
        sys.stdout.flush()
        n += 1
        time.sleep(0.1)  # noqa: sleep-ok - a spinner


SCENARIOS: dict[str, Callable[[], Any]] = {
    f.__name__: f
    for f in (
        click_compression_choice,
        click_confirm_abort,
        click_int_range_default,
        click_confirmation_option,
        click_password_option,
        click_remote_replace,
        click_type_cluster,
        typer_option_prompt,
        typer_confirm_abort,
        typer_enum_option,
        rich_eviction_choices,
        rich_panel_confirm,
        rich_int_keep,
        rich_markup_text,
        rich_vault_key,
        rich_table_snapshot,
        questionary_rawselect,
        questionary_press_any_key,
        questionary_select_disabled,
        questionary_checkbox_five,
        questionary_password,
        questionary_confirm_default_no,
        questionary_pointer_qmark,
        questionary_text_replace,
        inquirerpy_expand,
        inquirerpy_rawlist,
        inquirerpy_number,
        inquirerpy_confirm_default_yes,
        inquirerpy_secret,
        inquirerpy_checkbox_six,
        inquirerpy_select_separator,
        ptk_choice,
        ptk_choice_frame,
        ptk_yes_no_dialog,
        ptk_radiolist_dialog,
        ptk_checkboxlist_dialog,
        ptk_prompt_default,
        ptk_prompt_password,
        pick_multiselect,
        stm_cycle_up,
        pyinquirer_checkbox_default,
        pyinquirer_confirm,
        beaupy_paged,
        bullet_numbers,
        stdlib_enter_selection,
        stdlib_choose_from,
        stdlib_type_name,
        stdlib_wrapped_eighty,
        stdlib_box_banner,
        stdlib_question_above_banner,
        stdlib_readline_prefill,
        stdlib_letter_keys,
        stdlib_getpass_pin,
        stdlib_yes_no_words,
        stdlib_hit_return,
        stdlib_curses_menu,
        look_repl_in_bracket,
        look_ptk_sql_repl,
        look_question_then_work,
        look_test_runner,
        look_build_numbered,
        look_glyph_table,
        look_sleep_gt,
        look_agent_quotes_menu,
        look_agent_quotes_password,
        look_curses_top,
        look_rich_progress,
        look_log_continue,
        look_curses_viewer,
        look_spinner_question_text,
    )
}

if __name__ == "__main__":
    done(SCENARIOS[sys.argv[1]]())
