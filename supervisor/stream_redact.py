"""The one redaction point of a session's output: the PTY stream, before the journal (pure).

Every byte a session's program writes passes through a :class:`StreamRedactor`
and only what it releases is journaled. The journal, and so every reader and
sender (raw reads at any offset, text and screen reads, since-cursors,
``send_input``'s cursor, prompt context, the stream to the relay, resends from
any offset, the relay's stored copy), sees redacted bytes only: there is no
unredacted copy to read past, and a read can start anywhere.

Invariant (offsets): masking is length-preserving, so there is one offset
space, the released stream's; byte ``n`` of the journal is byte ``n`` the
program wrote, or a mask character in its place. Escape sequences and
control characters are never altered, only visible characters.

What a secret is: see :class:`supervisor.redact.Redactor` (secret-looking
environment variables of the supervisor and the session, the policy's
``secrets`` list, well-known token formats, private key blocks).

Guarantee (redaction): a secret is masked in what is released when

1. *printed*: its characters occur in order in the stream, with any escape
   sequences (colours, OSC, cursor moves) or control characters (including
   ``\\r\\n`` where a program wraps it itself) between them, split across any
   number of writes, and the whole secret arrives within :data:`HOLD_SECONDS`
   of its first byte; a token format that keeps arriving after that is masked
   from its prefix on as it comes (the held part is released masked), while
   of an owner's secret *value* at most the first characters written before
   a pause longer than :data:`HOLD_SECONDS` may show (never the value whole);
2. *drawn*: it becomes readable on a terminal (a row, or rows a long line
   wrapped into at the screen edge) through cursor movement in any order,
   and every byte that drew it arrives within one drawing window
   (:data:`DRAW_WINDOW_SECONDS`, at most :data:`DRAW_WINDOW_BYTES`; bytes
   drawn in the last :data:`DRAW_CONTEXT_BYTES` before it count towards
   recognising it, but were already released), within the first
   :data:`DRAW_BUDGET_BYTES` of cursor-moving output in a second (beyond
   that, only form 1 is checked, so a TUI flood cannot stall the loop).

How: a held tail. After each write the redactor looks at the unreleased bytes
together with the last :data:`CONTEXT_BYTES` released ones (unmasked, kept
only here), with escape sequences and control characters removed (and once
more with line breaks removed too), masks every secret's visible bytes that
are not yet released, and holds back only what could still be the start of a
secret (a token prefix and its characters up to the end, an unfinished key
block, the start of a known value), or an unfinished escape sequence. When
the window holds cursor movement, it is also drawn out
(:mod:`supervisor.drawn`), checked row by row, and held for
:data:`DRAW_WINDOW_SECONDS`. Nothing is held longer than
:data:`HOLD_SECONDS` or beyond :data:`HOLD_BYTES`: then what is held leaves,
a token still in progress masked whole.

Cost: most output never needs that. A quick check first looks at the window
with one byte translation (colour codes and hidden control characters become
gaps) and searches that skip ahead in C for every token prefix and known value
with gaps allowed between their characters; a write with only colour codes, no
cursor movement and no such find is released at once (an unfinished colour
code at its end held). It releases exactly what the full check would release,
so the guarantee above is unchanged; anything else takes the full check.

Not guaranteed: secrets drawn over a longer time than the window out of order,
secrets that are never readable as one run of characters (each character on a
different line), encodings (base64 of a secret, a secret spelled backwards),
and anything the program writes elsewhere than its terminal.
"""

from __future__ import annotations

import bisect
import re

from supervisor import drawn
from supervisor.redact import Redactor, fit

HOLD_SECONDS = 0.5  # the longest any byte is held back
HOLD_BYTES = 64 * 1024  # the most that is held back
DRAW_WINDOW_SECONDS = 0.05  # output with cursor movement waits this long to be drawn out
CONTEXT_BYTES = 8192  # released bytes a private key block in progress may have started in
LOOKBACK_BYTES = 2048  # released bytes any other secret in progress may have started in
DRAW_CONTEXT_BYTES = 512  # released bytes drawn out together with the window
DRAW_WINDOW_BYTES = 8 * 1024  # a drawing window closes at this size; larger ones are not drawn
# Drawing output out costs ~2-4 us a byte in Python: at most this much is drawn
# out per second; beyond it (a TUI flood) that second is checked in stream form.
DRAW_BUDGET_BYTES = 32 * 1024
MIN_VALUE_MASK = 4  # a held start of a known value is masked on release from this length

# What a person does not see as characters: escape sequences and control
# characters (tab, CR and LF stay in the first view; PEM blocks need lines).
_HIDDEN_PATTERN = (
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*+(?:\x07|\x1b\\)"
    r"|\x1b[PX^_][^\x1b]*+\x1b\\"
    r"|\x1b[ -/]*[0-~]"
    r"|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
)
_HIDDEN = re.compile(_HIDDEN_PATTERN)
_CSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]")
_LINE_BREAKS = re.compile(r"[\r\n]+")
_NOTHING = re.compile(r"(?!)")
_LONE_CR = re.compile(r"\r(?!\n|\Z)")
# Every byte but the hidden ones: what is left after deleting these is hidden.
_SHOWN = bytes(b for b in range(256) if b in (9, 10, 13) or 0x20 <= b < 0x7F or b >= 0x80)
_UNFINISHED_ESCAPE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*|\][^\x07\x1b]*+|[PX^_][^\x1b]*+|[ -/]*)?\Z")
_BEARER = re.compile(r"(?i:bearer)[ \t]+")


class _View:
    """``text`` with the ``hidden`` parts removed, and the way back to positions in it
    (and through ``parent``, the view ``text`` is, back to the stream).

    The view is one C-speed substitution; the way back is worked out only when a
    position is asked for (a secret or a candidate was found), which is rare.
    """

    def __init__(
        self,
        text: str,
        hidden: re.Pattern[str],
        parent: _View | None = None,
        done: str | None = None,  # hidden.sub("", text) when the caller has it already
    ) -> None:
        if done is not None:
            self.text = done
        elif hidden is _LINE_BREAKS:
            self.text = text.replace("\r", "").replace("\n", "")
        elif hidden is _NOTHING:
            self.text = text
        else:
            self.text = hidden.sub("", text)
        self._source, self._hidden, self._parent = text, hidden, parent
        self._view_starts: list[int] | None = None
        self._text_starts: list[int] = []

    def _map(self) -> list[int]:
        view_starts: list[int] = []
        pos = length = 0
        for match in self._hidden.finditer(self._source):
            if match.start() > pos:
                view_starts.append(length)
                self._text_starts.append(pos)
                length += match.start() - pos
            pos = match.end()
        if pos < len(self._source):
            view_starts.append(length)
            self._text_starts.append(pos)
        self._view_starts = view_starts
        return view_starts

    def position(self, index: int) -> int:
        """Where the view's character ``index`` is in the stream's text."""
        view_starts = self._view_starts if self._view_starts is not None else self._map()
        run = bisect.bisect_right(view_starts, index) - 1
        at = self._text_starts[run] + index - view_starts[run]
        return self._parent.position(at) if self._parent is not None else at


def _shown(text: str) -> _View:
    """The view without escapes: colour codes alone are the common case and
    are removed fastest; anything else left takes the full pattern, on the
    original text, so no escape can combine with another once one is removed."""
    without_csi = _CSI.sub("", text)
    if not without_csi.encode("latin-1").translate(None, _SHOWN):
        return _View(text, _CSI, done=without_csi)
    return _View(text, _HIDDEN)


# The quick check (see StreamRedactor._clean). The bytes every colour code and
# hidden control character is made of, none of them in a token format's prefix,
# become gaps (NUL) in the stream and in what is looked for, and a secret is
# looked for with any gaps between its characters: then finding none proves the
# views hold none. A false alarm only costs the full check.
_UNSEEN = bytes([*range(0x00, 0x09), *range(0x0A, 0x20), 0x7F]) + b"0123456789;:[m"
_GAPS = bytes.maketrans(_UNSEEN + b"BEAR", bytes(len(_UNSEEN)) + b"bear")  # any-case Bearer
_PREFIXES = (
    b"-----BEGIN",
    b"github_pat_",
    b"sk-",
    b"xox",
    b"AIza",
    b"eyJ",
    b"bearer",
)
# As they look after _GAPS (the fold turns "A" into "a"), with bytes each needs.
_PREFIX_PATTERNS = ((b"gh_", rb"g\x00*h\x00*[pousr]\x00*_"), (b"aIa", rb"a\x00*[KS]\x00*I\x00*a"))
_NOT_COLOUR = re.compile(rb"\x1b(?!\[[0-9;:]*+m)")
_OPEN_COLOUR = re.compile(rb"\x1b(?:\[[0-9;:]*+)?")
_LONE_CR_BYTES = re.compile(rb"\r(?!\n|\Z)")
VALUE_TAIL_BYTES = 4096  # the stream's end looked at for the start of a known value


def _gapped(literal: bytes) -> tuple[bytes, re.Pattern[bytes] | None]:
    """``literal``'s characters that stay visible, and a pattern finding them with gaps."""
    kept = literal.translate(_GAPS).replace(b"\x00", b"")
    if not kept:
        return kept, None
    return kept, re.compile(b"\x00*".join(re.escape(kept[i : i + 1]) for i in range(len(kept))))


class StreamRedactor:
    """Feeds on raw PTY bytes, releases the same number of bytes with secrets masked.

    Time is passed in (monotonic seconds). Call :meth:`feed` for each read,
    :meth:`release` when :meth:`due` comes, and :meth:`close` at end of output.
    ``quick=False`` always takes the full check (tests compare the two).
    """

    def __init__(self, redactor: Redactor, cols: int = 80, quick: bool = True) -> None:
        self.redactor = redactor
        self.cols = cols
        self._quick = quick
        values = [value.encode("latin-1") for value in redactor.values]
        found = [_gapped(literal) for literal in (*_PREFIXES, *values)]
        found += [(needs, re.compile(pattern)) for needs, pattern in _PREFIX_PATTERNS]
        self._searches = tuple(found)
        # A known value's start at the end of the output is held: what stays
        # visible of every start but the whole value (None: nothing does).
        self._value_starts = tuple(
            _gapped(value[:-1])[0] if value[0] not in _UNSEEN else None for value in values
        )
        self._pending = bytearray()
        self._held_since: float | None = None
        self._draw_until: float | None = None
        self._context = b""  # the last CONTEXT_BYTES released, unmasked
        self._draw_second = 0.0  # the second the draw budget is counted in
        self._drawn_bytes = 0  # bytes drawn out in that second

    @property
    def held(self) -> int:
        """Bytes received and not yet released."""
        return len(self._pending)

    def due(self) -> float | None:
        """When :meth:`release` must next be called (None: nothing is held)."""
        if self._held_since is None:
            return None
        deadline = self._held_since + HOLD_SECONDS
        if self._draw_until is not None:
            deadline = min(deadline, self._draw_until)
        return deadline

    def feed(self, data: bytes, now: float) -> bytes:
        """Take ``data``; return what may be released now (possibly nothing)."""
        if not data:
            return b""
        if self._held_since is None:
            self._held_since = now
        self._pending += data
        if (
            self._draw_until is not None
            and now < self._draw_until
            and len(self._pending) < DRAW_WINDOW_BYTES
        ):
            return b""  # a drawing window is open: it is checked whole when it closes
        return self._process(now, final=False)

    def release(self, now: float) -> bytes:
        """Release what is due by ``now``."""
        return self._process(now, final=False) if self._pending else b""

    def close(self) -> bytes:
        """The output ended: release everything held, masked."""
        return self._process(0.0, final=True) if self._pending else b""

    # ------------------------------------------------------------ the work

    def _process(self, now: float, final: bool) -> bytes:
        pending = bytes(self._pending)
        size = self._clean(pending) if self._quick and self._draw_until is None else None
        if size is not None:
            assert self._held_since is not None
            if final or now - self._held_since >= HOLD_SECONDS or len(pending) >= HOLD_BYTES:
                size = len(pending)  # as the full check: forced out, nothing to mask
            self._pending = bytearray(pending[size:])
            self._context = (self._context + pending[:size])[-CONTEXT_BYTES:]
            if not self._pending:
                self._held_since = None
            return pending[:size]
        # Only as far back as a secret still in progress can have started.
        lookback = CONTEXT_BYTES if b"-----BEGIN" in self._context else LOOKBACK_BYTES
        context = self._context[-lookback:]
        base = len(context)
        text = (context + pending).decode("latin-1")
        out = bytearray(pending)
        hold = len(pending)
        raw = context + pending
        # bytes.translate runs at memory speed; the regexes below do not.
        plain = not raw.translate(None, _SHOWN)
        shown = _View(text, _NOTHING) if plain else _shown(text)
        views = [shown, _View(shown.text, _LINE_BREAKS, shown)]
        # Removing line breaks only joins text, so the second view holds every
        # literal the first does: one look says whether any secret can be here.
        suspect = self.redactor.may_hold_secret(views[1].text)
        for number, view in enumerate(views):
            candidate = self.redactor.candidate_start(view.text, values=number == 0)
            if candidate is not None:
                hold = min(hold, max(0, view.position(candidate) - base))
        drawing = _LONE_CR.search(text, base) is not None if plain else drawn.moves(text, base)
        if drawing:
            if self._draw_until is None:
                self._draw_until = now + DRAW_WINDOW_SECONDS
            if not final and now < self._draw_until and len(pending) < DRAW_WINDOW_BYTES:
                hold = 0
        last_escape = -1 if plain else text.rfind("\x1b", base)
        unfinished = _UNFINISHED_ESCAPE.match(text, last_escape) if last_escape >= 0 else None
        if unfinished is not None:
            hold = min(hold, unfinished.start() - base)
        assert self._held_since is not None
        forced = final or now - self._held_since >= HOLD_SECONDS or len(pending) >= HOLD_BYTES
        if forced and hold < len(pending):
            self._mask_candidates(out, base, views)
            hold = len(pending)
        # Whole secrets last, so their labels win over a held start's. The view
        # without line breaks only adds secrets the lines cut: one that starts
        # where a secret of the first view starts ended at that line's end.
        first: set[int] = set()
        for number, view in enumerate(views if suspect else ()):
            for start, end, label in self.redactor.spans(view.text):
                at = view.position(start)
                if number == 0:
                    first.add(at)
                elif at in first:
                    continue
                self._mask(out, base, view, start, end, label)
        if drawing and len(pending) <= DRAW_WINDOW_BYTES and self._draw_budget(now, len(pending)):
            self._mask_drawn(out, text, base)
        released = bytes(out[:hold])
        self._pending = bytearray(pending[hold:])
        self._context = (self._context + pending[:hold])[-CONTEXT_BYTES:]
        if not self._pending:
            self._held_since = self._draw_until = None
        elif self._draw_until is not None and now >= self._draw_until:
            self._draw_until = None  # that drawing window is over; the next one starts anew
        # else: the oldest held byte keeps its age, so nothing waits past HOLD_SECONDS.
        return released

    def _clean(self, pending: bytes) -> int | None:
        """How much of ``pending`` the full check would release unchanged, if it
        can be told at memory speed (a byte translation and a few searches that
        skip ahead in C), else None: then the full check runs.

        Told only when: no key block began in the context; every escape
        sequence is a colour code (so it, like every hidden control character,
        is made of :data:`_UNSEEN` bytes), but for one unfinished at the very
        end, which is held; ``pending`` moves no cursor (no backspace, no
        carriage return but before a line feed); and with the :data:`_UNSEEN`
        bytes as gaps, the window holds no token prefix or known value and
        does not end with the start of a known value.
        """
        if b"-----BEGIN" in self._context or b"\x08" in pending:
            return None
        if _LONE_CR_BYTES.search(pending) is not None:
            return None
        base = min(len(self._context), LOOKBACK_BYTES)
        raw = self._context[-LOOKBACK_BYTES:] + pending
        size = len(pending)
        if b"\x1b" in raw and (odd := _NOT_COLOUR.search(raw)) is not None:
            at = odd.start()
            if at < base or _OPEN_COLOUR.fullmatch(raw, at) is None:
                return None
            size = at - base  # an unfinished colour code at the end waits for the rest
        seen = raw.translate(_GAPS)
        for kept, pattern in self._searches:
            if pattern is None:
                return None
            if all(kept[i : i + 1] in seen for i in range(len(kept))):
                if pattern.search(seen) is not None:
                    return None
        if self._value_starts:
            tail = seen[-VALUE_TAIL_BYTES:].replace(b"\x00", b"")
            for start in self._value_starts:
                if start is None or _ends_with_start(tail, start):
                    return None
                if len(tail) < len(start) and len(seen) > VALUE_TAIL_BYTES:
                    return None  # gaps so long the tail looked at may be too short
        return size

    def _draw_budget(self, now: float, size: int) -> bool:
        """Whether ``size`` more bytes may be drawn out now."""
        if now - self._draw_second >= 1.0:
            self._draw_second, self._drawn_bytes = now, 0
        if self._drawn_bytes + size > DRAW_BUDGET_BYTES:
            return False
        self._drawn_bytes += size
        return True

    def _mask(
        self, out: bytearray, base: int, view: _View, start: int, end: int, label: str
    ) -> None:
        """Write ``label`` (fitted to the span) over the span's unreleased visible bytes."""
        fitted = fit(label, end - start)
        for offset, index in enumerate(range(start, end)):
            at = view.position(index) - base
            if at >= 0:
                out[at] = ord(fitted[offset])

    def _mask_candidates(self, out: bytearray, base: int, views: list[_View]) -> None:
        """Held output is leaving while it may be the start of a secret: mask that start."""
        for number, view in enumerate(views):
            start = self.redactor.candidate_start(view.text, values=number == 0)
            if start is None:
                continue
            rest = view.text[start:]
            if any(value.startswith(rest) for value in self.redactor.values):
                if len(rest) < MIN_VALUE_MASK:
                    continue  # a few ordinary characters, most likely
            word = _BEARER.match(rest)
            start += word.end() if word else 0
            self._mask(out, base, view, start, len(view.text), "[redacted]")

    def _mask_drawn(self, out: bytearray, text: str, base: int) -> None:
        """Draw the window out (with some released context) and mask secrets it shows."""
        cut = max(0, base - DRAW_CONTEXT_BYTES)
        rows = drawn.draw(text[cut:], self.cols)
        for row in [*rows, *drawn.wrapped(rows, self.cols)]:
            for start, end, label in self.redactor.spans(row.text):
                fitted = fit(label, end - start)
                for offset, origin in enumerate(row.origins[start:end]):
                    if origin is None:
                        continue
                    first, stop = origin[0] + cut - base, origin[1] + cut - base
                    for at in range(max(0, first), stop):
                        # A multi-byte character's other bytes become "*" (still UTF-8).
                        out[at] = ord(fitted[offset]) if at == first else 0x2A


def _ends_with_start(text: bytes, start: bytes) -> bool:
    """Whether ``text`` ends with a non-empty prefix of ``start``."""
    tail = text[-len(start) :]
    at = tail.find(start[:1])
    while at >= 0:
        if start.startswith(tail[at:]):
            return True
        at = tail.find(start[:1], at + 1)
    return False
