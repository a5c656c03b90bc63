"""Programs the PTY lanes run inside sessions: ``python -m bench.children burst|prompt``.

Both turn terminal echo off (so only their own output reaches the journal,
byte-exact), print ``READY``, then answer one stdin line at a time:

* ``burst``: ``BURST <lines> <n>`` prints :func:`burst_payload` (coloured lines
  ending with ``END <n>``);
* ``prompt``: ``ASK <n>`` clears the screen and prints :func:`prompt_payload`, a
  ``[y/N]`` question left at the cursor; any other line prints :func:`answered_payload`.

The benchmark computes the same payloads, so it knows the exact journal offset
at which each one's last byte has arrived.
"""

from __future__ import annotations

import os
import sys
import termios

READY = b"READY\n"


def burst_payload(lines: int, n: int) -> bytes:
    body = b"".join(
        b"\x1b[3%dmline %d of burst %d\x1b[0m: some ordinary build output, path/to/file.py ok\n"
        % (i % 7 + 1, i, n)
        for i in range(lines)
    )
    return body + b"END %d\n" % n


def prompt_payload(n: int) -> bytes:
    return b"\x1b[2J\x1b[HWorking on step %d\nOverwrite config-%d.json? [y/N] " % (n, n)


def answered_payload(n: int) -> bytes:
    return b"\x1b[2J\x1b[Hskipped step %d\n" % n


def on_the_wire(payload: bytes) -> bytes:
    """What the PTY delivers for ``payload`` under the default ONLCR output mode."""
    return payload.replace(b"\n", b"\r\n")


def _echo_off() -> None:
    attrs = termios.tcgetattr(0)
    attrs[3] &= ~termios.ECHO
    termios.tcsetattr(0, termios.TCSANOW, attrs)


def _write(data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(1, view) :]


def main(mode: str) -> int:
    _echo_off()
    _write(READY)
    asked = 0
    for raw in sys.stdin.buffer:
        words = raw.split()
        if mode == "burst" and len(words) == 3 and words[0] == b"BURST":
            _write(burst_payload(int(words[1]), int(words[2])))
        elif mode == "prompt" and len(words) == 2 and words[0] == b"ASK":
            asked = int(words[1])
            _write(prompt_payload(asked))
        elif mode == "prompt":
            _write(answered_payload(asked))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "burst"))
