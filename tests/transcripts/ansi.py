"""The golden corpus's byte format, and the blocks its transcripts are built from.

The transcripts are crafted, not captured: each reproduces the byte stream the
program writes to its PTY (ONLCR ``\\r\\n``, SGR colours, Ink's erase-and-redraw
frames, alternate screen, cursor positioning) around the dialog texts recorded
in the design reference (pty-prompts.md §1.1 and §5). Regenerate with
``python -m tests.transcripts.corpus`` and review the diff; never edit a ``.ans``
by hand without updating its ``.toml``.

``.ans`` format: UTF-8 text; line breaks in the file are ignored; escapes are
``\\e`` (ESC), ``\\r``, ``\\n``, ``\\t``, ``\\a`` (BEL), ``\\b`` (BS), ``\\xHH`` (one raw
byte) and ``\\\\``. :func:`decode_ans` is the reader the tests use.
"""

from __future__ import annotations

import re
from pathlib import Path

HERE = Path(__file__).parent

_ESCAPES = {
    "e": b"\x1b",
    "r": b"\r",
    "n": b"\n",
    "t": b"\t",
    "a": b"\x07",
    "b": b"\x08",
    "\\": b"\\",
}
_TOKEN = re.compile(r"\\(x[0-9a-fA-F]{2}|[ertnab\\])|\n")


def decode_ans(text: str) -> bytes:
    out = bytearray()
    pos = 0
    for m in _TOKEN.finditer(text):
        out += text[pos : m.start()].encode()
        pos = m.end()
        if m.group(0) == "\n":
            continue
        code = m.group(1)
        out += bytes([int(code[1:], 16)]) if code[0] == "x" else _ESCAPES[code]
    out += text[pos:].encode()
    return bytes(out)


def encode_ans(data: bytes) -> str:
    out: list[str] = []
    text = data.decode("utf-8", errors="surrogateescape")
    for char in text:
        code = ord(char)
        if char == "\\":
            out.append("\\\\")
        elif char == "\x1b":
            out.append("\\e")
        elif char == "\r":
            out.append("\\r")
        elif char == "\n":
            out.append("\\n\n")  # a real line break after each LF keeps files readable
        elif char == "\t":
            out.append("\\t")
        elif char == "\x07":
            out.append("\\a")
        elif char == "\x08":
            out.append("\\b")
        elif 0xDC80 <= code <= 0xDCFF:
            out.append(f"\\x{code - 0xDC00:02x}")
        elif code < 32 or code == 127:
            out.append(f"\\x{code:02x}")
        else:
            out.append(char)
    return "".join(out)


# ---------------------------------------------------------------- building blocks

E = "\x1b"
RESET, BOLD, DIM = f"{E}[0m", f"{E}[1m", f"{E}[2m"
ORANGE, BLUE, GREY, GREEN, RED = (
    f"{E}[38;2;215;119;87m",
    f"{E}[38;2;177;185;249m",
    f"{E}[38;2;153;153;153m",
    f"{E}[38;2;78;186;101m",
    f"{E}[38;2;255;107;128m",
)
FG = f"{E}[39m"
HIDE, SHOW = f"{E}[?25l", f"{E}[?25h"
NL = "\r\n"  # what the tty's ONLCR makes of "\n"


def shell_prompt(cwd: str = "~/proj") -> str:
    return f"{E}[01;32malice@devbox{E}[00m:{E}[01;34m{cwd}{E}[00m$ "


def typed(command: str) -> str:
    return shell_prompt() + command + NL


class Ink:
    """Ink's log-update: each frame erases the previous one (EL + CUU per line) and redraws."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.prev = 0

    def frame(self, lines: list[str]) -> Ink:
        if self.prev:
            self.out.append(
                "".join(
                    f"{E}[2K" + (f"{E}[1A" if i < self.prev - 1 else "") for i in range(self.prev)
                )
                + f"{E}[G"
            )
        self.out.append(NL.join(lines) + NL)
        self.prev = len(lines) + 1
        return self

    def static(self, lines: list[str]) -> Ink:
        """Permanent output (Ink's <Static>): erase the live frame, print, keep going."""
        if self.prev:
            self.out.append(
                "".join(
                    f"{E}[2K" + (f"{E}[1A" if i < self.prev - 1 else "") for i in range(self.prev)
                )
                + f"{E}[G"
            )
            self.prev = 0
        self.out.append(NL.join(lines) + NL)
        return self

    def text(self) -> str:
        return "".join(self.out)


def box(lines: list[str], width: int = 78, color: str = GREY) -> list[str]:
    top = f"{color}╭{'─' * (width - 2)}╮{FG}"
    bottom = f"{color}╰{'─' * (width - 2)}╯{FG}"
    rows = []
    for line in lines:
        visible = len(re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", line))
        rows.append(f"{color}│{FG} {line}{' ' * max(0, width - 4 - visible)} {color}│{FG}")
    return [top, *rows, bottom]


def rule(width: int = 98) -> str:
    return f"{GREY}{'─' * width}{FG}"


def menu(
    labels: list[str],
    selected: int = 0,
    glyph: str = "❯",
    indent: str = "",
    descriptions: list[str] | None = None,
) -> list[str]:
    rows = []
    for i, label in enumerate(labels):
        mark = f"{BLUE}{glyph} " if i == selected else "  "
        rows.append(f"{indent}{mark}{i + 1}. {label}{FG}")
        if descriptions and descriptions[i]:
            rows.append(f"{indent}     {DIM}{descriptions[i]}{RESET}")
    return rows


CLAUDE_WELCOME = box(
    [
        f"{ORANGE}✻{FG} Welcome to {BOLD}Claude Code{RESET}!",
        "",
        f"  {DIM}/help for help, /status for your current setup{RESET}",
        "",
        f"  {DIM}cwd: /home/alice/proj{RESET}",
    ],
    width=56,
    color=ORANGE,
)


def claude_start(user_message: str, reply: str) -> Ink:
    ink = Ink()
    ink.out.append(typed("claude"))
    ink.static(CLAUDE_WELCOME + ["", f"{GREY}>{FG} {user_message}", "", f"⏺ {reply}", ""])
    for seconds in (1, 2, 3):
        ink.frame(
            [
                f"{ORANGE}✻{FG} Thinking… {DIM}({seconds}s · ↓ {seconds * 40} tokens · "
                f"esc to interrupt){RESET}",
                "",
                rule(),
                f"{GREY}>{FG} ",
                rule(),
                f"  {DIM}? for shortcuts{RESET}",
            ]
        )
    return ink


def claude_idle_box() -> list[str]:
    return [rule(), f"{GREY}>{FG} ", rule(), f"  {DIM}? for shortcuts{RESET}"]
