"""Screens that look like prompts but wait for nobody: lookalikes.py <scenario>.

Each scenario draws something a naive detector would take for a question
(a quoted "[Y/n]", a numbered list with a glyph, a progress bar, a dashboard)
and then keeps working or sleeping without reading the terminal, for longer
than the corpus runner watches it. None of them may ever be reported.
"""

from __future__ import annotations

import sys
import time

PAUSE = 30.0  # longer than any observation window; the runner stops the program


def slow(text: str, delay: float = 0.01) -> None:
    for word in text.split(" "):
        sys.stdout.write(word + " ")
        sys.stdout.flush()
        time.sleep(delay)  # noqa: sleep-ok - a streaming agent's pace


def spin(message: str, seconds: float = PAUSE) -> None:
    frames = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"
    end = time.monotonic() + seconds
    n = 0
    while time.monotonic() < end:
        sys.stdout.write(f"\r{frames[n % len(frames)]} {message}")
        sys.stdout.flush()
        n += 1
        time.sleep(0.1)  # noqa: sleep-ok - a spinner's frame rate


def quote_yn_then_sleep() -> None:
    slow("The installer will ask: Do you want to continue? [Y/n]")
    time.sleep(PAUSE)  # noqa: sleep-ok - quiet, not reading


def quote_yn_spinner() -> None:
    print("I ran apt and it printed:\n  Do you want to continue? [Y/n]")
    spin("Thinking… (esc to interrupt)")


def log_yn() -> None:
    for n in range(6):
        print(f"[{n:02}] step {n} ok")
    print("[warn] prompt 'Overwrite config? (y/n)' skipped: --yes given")
    print("[info] Proceed (Y/n)? assumed Y")
    time.sleep(PAUSE)  # noqa: sleep-ok


def log_tail_question() -> None:
    print("Fetching index... done")
    sys.stdout.write("Resolving conflicts for package lock (y/n)? ")
    sys.stdout.flush()
    spin_silent()


def spin_silent() -> None:
    time.sleep(PAUSE)  # noqa: sleep-ok - quiet, not reading


def numbered_output() -> None:
    print("Here are the options I found:")
    print("❯ 1. Rename the module")
    print("  2. Keep the old name")
    print("  3. Ask the maintainers")
    print("I'll go with option 1 unless the tests fail.")
    spin("Running tests")


def numbered_quiet() -> None:
    print("Which database should we use?")
    print("  1. PostgreSQL")
    print("  2. MySQL")
    print("Enter selection (default: 1): 1   <- chosen by --db flag")
    time.sleep(PAUSE)  # noqa: sleep-ok


def marker_list_quiet() -> None:
    print("Build summary")
    print("● api      passed")
    print("○ web      skipped")
    print("◯ docs     skipped")
    print("✔ Which database should we use? SQLite")
    time.sleep(PAUSE)  # noqa: sleep-ok


def rich_progress() -> None:
    from rich.progress import Progress

    with Progress() as progress:
        task = progress.add_task("Downloading model weights", total=1000)
        while True:
            progress.update(task, advance=1)
            time.sleep(0.05)  # noqa: sleep-ok - a progress bar's pace


def bar_progress() -> None:
    n = 0
    while True:
        done = n % 41
        sys.stdout.write(f"\rCopying files [{'#' * done}{' ' * (40 - done)}] {done * 100 // 40}%")
        sys.stdout.flush()
        n += 1
        time.sleep(0.08)  # noqa: sleep-ok


def pip_progress() -> None:
    print("Collecting torch==2.4.0")
    n = 0
    while True:
        n += 1
        sys.stdout.write(
            f"\r   ━━━━━━━━━━━━━━━━━━━━━━━━╺━━━━━━━ {n * 0.1:.1f}/812.0 MB 11.2 MB/s eta 0:01:12"
        )
        sys.stdout.flush()
        time.sleep(0.1)  # noqa: sleep-ok


def rich_dashboard() -> None:
    from rich.live import Live
    from rich.table import Table

    def table(n: int) -> Table:
        t = Table(title="Workers  (press q to quit)")
        t.add_column("worker")
        t.add_column("state")
        t.add_column("jobs")
        for w in range(4):
            t.add_row(f"w{w}", ["idle", "busy"][(n + w) % 2], str(n * (w + 1)))
        return t

    with Live(table(0), refresh_per_second=8) as live:
        n = 0
        while True:
            n += 1
            live.update(table(n))
            time.sleep(0.2)  # noqa: sleep-ok


def top_like() -> None:
    n = 0
    while True:
        n += 1
        sys.stdout.write("\x1b[H\x1b[2J")
        sys.stdout.write(f"load average: 0.{n % 9}1, 0.40, 0.33   tasks: 212 total\n")
        sys.stdout.write("  PID USER      %CPU COMMAND\n")
        for pid in range(5):
            sys.stdout.write(f"{1000 + pid:5} alice     {(n * pid) % 97:4} worker-{pid}\n")
        sys.stdout.write("Continue? [y/n] shows in the help screen (h)\n")
        sys.stdout.flush()
        time.sleep(0.3)  # noqa: sleep-ok


def usage_text() -> None:
    print("usage: deploy [-h] [--password PASSWORD] [--yes] target")
    print("  --password PASSWORD   the password to use:")
    print("  --yes                 answer (y/n) questions with y")
    sys.stdout.write("Password:")
    sys.stdout.flush()
    time.sleep(PAUSE)  # noqa: sleep-ok


def agent_idle_box() -> None:
    print("╭──────────────────────────────────────────────╮")
    print("│ ✻ Welcome to Agent!                          │")
    print("╰──────────────────────────────────────────────╯")
    print()
    print("╭──────────────────────────────────────────────╮")
    print("│ >                                            │")
    print("╰──────────────────────────────────────────────╯")
    print("  ? for shortcuts")
    time.sleep(PAUSE)  # noqa: sleep-ok


def streaming_answer() -> None:
    slow(
        "Sure. When you run the script it shows a menu:\n\n"
        "? Which database should we use? (Use arrow keys)\n"
        "❯ PostgreSQL\n  MySQL\n  SQLite\n\n"
        "and you pick one with the arrows. Then it asks "
        "Overwrite the existing config file? (y/N)\n",
        0.02,
    )
    spin("Writing answer")


def answered_then_working() -> None:
    print("? Which database should we use? SQLite")
    print("? Overwrite the existing config file? Yes")
    print("✔ Project name: demo-app")
    spin("Installing dependencies")


def whiptail_gauge() -> None:
    import subprocess

    script = "for i in $(seq 0 2 100); do echo $i; sleep 0.3; done"
    feeder = subprocess.Popen(["bash", "-c", script], stdout=subprocess.PIPE)
    subprocess.run(
        ["whiptail", "--title", "Installing", "--gauge", "Unpacking packages...", "8", "60", "0"],
        stdin=feeder.stdout,
    )
    time.sleep(PAUSE)  # noqa: sleep-ok


def dialog_infobox() -> None:
    import subprocess

    subprocess.run(
        [
            "dialog",
            "--title",
            "Please wait",
            "--infobox",
            "Do you want to continue? Building...",
            "6",
            "50",
        ]
    )
    time.sleep(PAUSE)  # noqa: sleep-ok


def test_runner() -> None:
    print("============================= test session starts ==============================")
    n = 0
    while True:
        n += 1
        sys.stdout.write("." if n % 17 else "F")
        if n % 70 == 0:
            sys.stdout.write(f" [{n % 100:3}%]\ntests/test_prompt.py::test_asks_continue_y_n ")
        sys.stdout.flush()
        time.sleep(0.03)  # noqa: sleep-ok


def git_log_quote() -> None:
    print("commit 3f2a9c1 (HEAD -> main)")
    print("Author: Alice <alice@example.com>")
    print()
    print("    Ask 'Do you want to continue? [Y/n]' before deleting")
    print()
    print("commit 91bd0e2")
    print("    Add --yes to skip the 'Proceed (y/N)?' question")
    time.sleep(PAUSE)  # noqa: sleep-ok


SCENARIOS = {
    f.__name__: f
    for f in [
        quote_yn_then_sleep,
        quote_yn_spinner,
        log_yn,
        log_tail_question,
        numbered_output,
        numbered_quiet,
        marker_list_quiet,
        rich_progress,
        bar_progress,
        pip_progress,
        rich_dashboard,
        top_like,
        usage_text,
        agent_idle_box,
        streaming_answer,
        answered_then_working,
        whiptail_gauge,
        dialog_infobox,
        test_runner,
        git_log_quote,
    ]
}

if __name__ == "__main__":
    SCENARIOS[sys.argv[1]]()
