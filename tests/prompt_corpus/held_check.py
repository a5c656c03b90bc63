"""Check a held-out set's programs themselves, without the supervisor or its detector.

    python -m tests.prompt_corpus.held_check --split held_out_13 [-k SUBSTRING]
    python -m tests.prompt_corpus.held_check --split held_out_12
    python -m tests.prompt_corpus.held_check --split held_out_11
    python -m tests.prompt_corpus.held_check --split held_out_10
    python -m tests.prompt_corpus.held_check --split held_out_9
    python -m tests.prompt_corpus.held_check --split held_out_8
    python -m tests.prompt_corpus.held_check --split held_out_7
    python -m tests.prompt_corpus.held_check --split held_out_6
    python -m tests.prompt_corpus.held_check --split held_out_5
    python -m tests.prompt_corpus.held_check --split held_out_4
    python -m tests.prompt_corpus.held_check --split held_out_3

Each case's program runs in a bare PTY (ptyprocess, 24x80) rendered by pyte. A
positive must show its ``SHOWS`` text on screen; the keys a person would press
(``KEYS``) are then typed and the program must print the case's expected
``ANSWER=`` value. A look-alike must show its text and still be running, never
printing ``ANSWER=``, after the watch window. This proves the cases are right
about their programs; it says nothing about detection.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import ptyprocess
import pyte

from tests.prompt_corpus.cases import Case, all_cases, available
from tests.prompt_corpus.runner import SPLITS, answer_value

WATCH = 3.0
# The blind sets whose programs carry the screen text and keys this checks (3 onwards).
CHECKED = [s for s in SPLITS if s.startswith("held_out_") and int(s.removeprefix("held_out_")) >= 3]
SHOW_SCREENS = False
_ANSWER = re.compile(r"ANSWER=(.*)")


class Term:
    def __init__(self, argv: tuple[str, ...], cwd: str) -> None:
        env = dict(os.environ, TERM="xterm-256color")
        env.pop("COLUMNS", None)
        env.pop("LINES", None)
        self.proc = ptyprocess.PtyProcess.spawn(list(argv), cwd=cwd, env=env, dimensions=(24, 80))
        self.screen = pyte.Screen(80, 24)
        # A real terminal answers status queries (blessed waits for the cursor report).
        self.screen.write_process_input = lambda data: self.proc.write(data.encode())  # type: ignore[method-assign]
        self.stream = pyte.ByteStream(self.screen)
        self.raw = b""

    def pump(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            try:
                import select

                ready, _, _ = select.select([self.proc.fd], [], [], 0.05)
                if ready:
                    data = self.proc.read(65536)
                    self.raw += data
                    try:
                        self.stream.feed(data)
                    except TypeError:  # pyte rejects some private modes (vim's); restart it
                        self.stream = pyte.ByteStream(self.screen)
            except EOFError:
                return

    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display)

    def plain(self) -> str:
        return re.sub(
            r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\r", "", self.raw.decode("utf-8", "replace")
        )

    def wait_for(self, needle: str, timeout: float) -> bool:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.pump(0.1)
            if needle in self.text() or needle in self.plain():
                return True
            if not self.proc.isalive():
                self.pump(0.2)
                return needle in self.text() or needle in self.plain()
        return False

    def translate(self, key: str) -> str:
        """Arrow keys as a terminal sends them: SS3 form once the program set DECCKM."""
        raw = self.raw
        if raw.rfind(b"\x1b[?1h") > raw.rfind(b"\x1b[?1l") and key.startswith("\x1b["):
            return "\x1bO" + key[2:]
        return key

    def close(self) -> None:
        if self.proc.isalive():
            self.proc.terminate(force=True)


def shows_keys(split: str) -> dict[str, tuple[str, list[str]]]:
    """What each program of ``split`` shows and the keys a person presses to answer it."""
    from tests.prompt_corpus import (
        held3_keys,
        held4_keys,
        held5_keys,
        held6_keys,
        held7_keys,
        held8_keys,
        held9_keys,
        held10_keys,
        held11_keys,
        held12_keys,
        held13_keys,
    )

    tables = {
        "held_out_3": held3_keys.SHOWS_KEYS,
        "held_out_4": held4_keys.SHOWS_KEYS,
        "held_out_5": held5_keys.SHOWS_KEYS,
        "held_out_6": held6_keys.SHOWS_KEYS,
        "held_out_7": held7_keys.SHOWS_KEYS,
        "held_out_8": held8_keys.SHOWS_KEYS,
        "held_out_9": held9_keys.SHOWS_KEYS,
        "held_out_10": held10_keys.SHOWS_KEYS,
        "held_out_11": held11_keys.SHOWS_KEYS,
        "held_out_12": held12_keys.SHOWS_KEYS,
        "held_out_13": held13_keys.SHOWS_KEYS,
    }
    if split not in tables:
        raise ValueError(f"no screen text and keys for {split!r}; choose one of {sorted(tables)}")
    return tables[split]


def check(case: Case, cwd: str) -> str | None:
    """Why ``case`` is wrong about its program, or None."""
    shows, keys = shows_keys(case.half)[case.id]
    term = Term(case.argv, cwd)
    try:
        if not term.wait_for(shows, 15.0):
            return f"never showed {shows!r}; screen:\n{term.text()}"
        if not case.positive:
            term.pump(WATCH)
            if not term.proc.isalive() or _ANSWER.search(term.plain()):
                return "a look-alike ended or answered"
            return None
        term.pump(0.6)
        if SHOW_SCREENS:
            print(f"--- {case.id}\n{term.text().rstrip()}\n", flush=True)
        for key in keys:
            term.proc.write(term.translate(key).encode())
            term.pump(0.35)
        end = time.monotonic() + 10
        while time.monotonic() < end:
            found = _ANSWER.findall(term.plain())
            if found:
                value = answer_value(found[-1])
                want = "len7" if case.kind == "secret" else case.expect
                if case.kind == "secret" and isinstance(value, str) and value.endswith("len7"):
                    return None  # a dialog's secret reads "rc0:len7"
                return None if value == want else f"got {value!r}, want {want!r}"
            term.pump(0.2)
            if not term.proc.isalive():
                term.pump(0.3)
                if not _ANSWER.findall(term.plain()):
                    return f"ended without ANSWER=; screen:\n{term.text()}"
        return f"no ANSWER= after the keys; screen:\n{term.text()}"
    finally:
        term.close()


def main() -> int:
    import tempfile

    parser = argparse.ArgumentParser(prog="python -m tests.prompt_corpus.held_check")
    parser.add_argument(
        "--split",
        choices=CHECKED,
        default=CHECKED[-1],
    )
    parser.add_argument("-k", default="")
    parser.add_argument("-j", type=int, default=3)
    parser.add_argument("-v", action="store_true", help="print each prompt's screen")
    args = parser.parse_args()
    global SHOW_SCREENS
    SHOW_SCREENS = args.v
    table = shows_keys(args.split)
    cases = [c for c in all_cases() if c.half == args.split and args.k in c.id]
    missing = [c.id for c in cases if c.id not in table]
    if missing:
        print("no keys for:", missing)
        return 2
    runnable = [c for c in cases if available(c) is None]
    for c in cases:
        if available(c) is not None:
            print(f"skipped {c.id}: {available(c)}")
    with tempfile.TemporaryDirectory() as cwd, ThreadPoolExecutor(args.j) as pool:
        results = list(pool.map(lambda c: (c, check(c, cwd)), runnable))
    bad = [(c, why) for c, why in results if why]
    for c, why in bad:
        print(f"FAIL {c.id}: {why}")
    print(f"{len(results) - len(bad)}/{len(results)} programs behave as their case says")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
