"""The shared vocabulary of the structure finders: rows, markers, and the detection they build.

Pure. Owns the screen read as rows (:class:`Row`: frame sides stripped, each with its
styles), the patterns every shape uses (rules, question marks, hints, the pointer
glyphs, secret words, the yes/no toggle row), question cleaning, option lists,
finding the one highlighted row by its style, and :func:`build_detection`, the one
place a structure finding becomes a :class:`Detection` with its context lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from shared.protocol import PromptKind, PromptOption
from supervisor.prompts.detect_types import Detection
from supervisor.screen import DEFAULT_STYLE, ScreenSnapshot

SOURCE = "structure"
MAX_QUESTION = 300
SIDE = re.compile(r"^[\s│┃║]*(?:[│┃║]\s)?|[\s│┃║]+$")
RULE = re.compile(r"^[\s─━═┌┐└┘╭╮╰╯┏┓┗┛╔╗╚╝├┤┬┴┼│┃║▔▁^v=-]*$")
QMARK = re.compile(r"^\s*(?:[?◆◇◈■□▲△◉✔✓✗✖!]|\[\?\])\s+")
HINT = re.compile(
    r"(?i)(\buse arrow|\barrow keys|↑/↓|↑↓|\bnavigate\b|<space>|\[space\]"
    r"|\bspace\b.*\b(select|toggle)"
    r"|\benter\b.*\b(confirm|submit|select)|⏎|\bpress <?enter>?\b|\btoggle all\b|\binvert\b"
    r"|^instructions:|highlight option|complete answer|return to submit|\buse shortcuts\b)"
)
TRAILING_HINT = re.compile(
    r"\s*(\((?:use arrow keys|use shortcuts|use arrow keys to move[^)]*|press <space>[^)]*)\)"
    r"|›\s*-\s*use arrow-keys\.?.*|[›‣…]\s*$|\s›\s*$)",
    re.IGNORECASE,
)
POINTER = "❯›»▸➤→>▶►"
# What a secret field asks for: a password-like word, a key that unlocks something
# ("API key", "Vault unseal key", "private key"), never a key to press, or a one-time
# code that signs someone in ("Authenticator code", "2FA code").
SECRET_WORD = re.compile(
    r"(?i)\b(password|passphrase|passcode|pin|token|secret|otp|totp"
    r"|(?:api|access|unseal|private|signing|encryption|recovery|master|license)[ _-]?key"
    # a wireless network's key (WPA2, WEP, a pre-shared key): a password by another name
    r"|(?:wpa[23]?|wep|wi-?fi|wireless|network|pre-?shared)[ _-]?key|psk"
    # a key that grants access by being known (a deploy key, a client key), unless the field
    # asks for where it lives or what it is called ("SSH key path")
    r"|(?:(?:deploy|ssh|gpg|pgp|client|app|service|auth|admin|root|vault|wallet|decryption"
    r"|session|bot|webhook|registry|cloud|storage|secret)[ _-]?key|credentials?)"
    r"(?![ _-]?(?:file|path|name|id|alias|fingerprint|type|size|length|server|ring)\b)"
    r"|(?:authenticator|authentication|verification|recovery|backup|one[ -]time|otp|2fa|mfa)"
    r"[ _-]?code)\b"
)
WORDY = re.compile(r"[A-Za-z]{2,}")
_TOGGLE_WORDS = r"yes|no|true|false|on|off"
# A two-way toggle: "● Yes / ○ No", "No / Yes", and custom labels ("● Deploy / ○ Cancel"
# with markers, "abort / continue" or "Hold / Ship it" with spaced slashes, up to three
# words a side; never "feature/login").
TOGGLE_ROW = re.compile(
    r"^(?:(?P<m1>[●○◯◉])\s*(?P<ma>[^/●○◯◉]{1,24}?)\s*/\s*(?P<m2>[●○◯◉])\s*(?P<mb>[^/]{1,24})"
    rf"|(?P<ka>{_TOGGLE_WORDS})\s*/\s*(?P<kb>{_TOGGLE_WORDS})"
    r"|(?P<wa>[A-Za-z][\w'-]{0,14}(?: [\w'-]{1,14}){0,2}) / "
    r"(?P<wb>[A-Za-z][\w'-]{0,14}(?: [\w'-]{1,14}){0,2}))$",
    re.IGNORECASE,
)


def toggle_labels(m: re.Match[str]) -> tuple[list[str], int | None]:
    """A :data:`TOGGLE_ROW` match's two labels, and the one its filled marker selects."""
    if m.group("ma") is not None:
        filled = [m.group("m1") in ("●", "◉"), m.group("m2") in ("●", "◉")]
        selected = filled.index(True) if filled.count(True) == 1 else None
        return [m.group("ma").strip(), m.group("mb").strip()], selected
    if m.group("ka") is not None:
        return [m.group("ka"), m.group("kb")], None
    return [m.group("wa"), m.group("wb")], None


# Answers that mean yes / no, and the first words of custom yes/no labels
# ("Continue / Back", "Deploy / Cancel", "[continue/abort]").
YES_WORDS = frozenset(
    {"y", "yes", "ok", "okay", "approve", "allow", "accept", "continue", "proceed"}
)
NO_WORDS = frozenset({"n", "no", "deny", "reject", "decline"})
AFFIRMATIVE = YES_WORDS | frozenset(
    {"confirm", "install", "deploy", "publish", "share", "save", "apply", "start", "run"}
    | {"enable", "agree", "next", "overwrite", "delete", "remove", "upgrade", "submit", "true"}
)
NEGATIVE = NO_WORDS | frozenset(
    {"cancel", "back", "abort", "quit", "exit", "skip", "later", "keep", "disable", "stop"}
    | {"never", "don't", "not", "false", "close"}
)


def yes_no_pair(labels: list[str]) -> bool:
    """Two labels of which one says yes and the other no ("continue / abort")."""
    if len(labels) != 2:
        return False
    firsts = [(label.casefold().split() or [""])[0] for label in labels]
    return (firsts[0] in AFFIRMATIVE and firsts[1] in NEGATIVE) or (
        firsts[1] in AFFIRMATIVE and firsts[0] in NEGATIVE
    )


@dataclass(frozen=True)
class Row:
    """One non-blank screen line as the finders see it."""

    index: int
    text: str  # frame sides stripped
    offset: int  # column in the rendered line where ``text`` starts
    style: str  # the style characters of ``text``


def rows_of(snapshot: ScreenSnapshot) -> list[Row]:
    """The snapshot's non-blank lines, top to bottom, without frame sides or scroll arrows."""
    out = []
    for index, line in enumerate(snapshot.lines):
        stripped = line.strip()
        if not stripped:
            continue
        left = len(line) - len(line.lstrip())
        text = line[left:]
        # A frame's side (│ at both ends, clack's │ gutter on the left).
        while text and text[0] in "│┃║|" and (len(text) == 1 or text[1] == " "):
            text = text[1:]
            left += 1
            trimmed = len(text) - len(text.lstrip())
            text, left = text[trimmed:], left + trimmed
        text = re.sub(r"(\s+[│┃║|]+)+\s*$", "", text).rstrip()
        text = re.sub(r"\s+[\^v]$", "", text)  # a scroll arrow in a list's frame
        if not text:
            continue
        style = snapshot.style_of(index)[left : left + len(text)]
        out.append(Row(index, text, left, style))
    return out


def clean_question(text: str) -> str:
    text = QMARK.sub("", text)
    previous = None
    while previous != text:
        previous = text
        text = TRAILING_HINT.sub("", text).rstrip()
    return text.strip()[:MAX_QUESTION]


_SECOND_COLUMN = re.compile(r"\s{2,}")
_ACTIVE_SUFFIX = re.compile(r"\s+(?:\([^()]*\)|-\s.*)$")


def plain_labels(
    labels: list[str], selected: int | None, styles: list[str] | None = None
) -> list[str]:
    """Option labels without what only describes them: a second column every row has
    ("fast     skip the slow tests"), or a hint only the highlighted row shows
    ("TypeScript (recommended)", "Solarized - low contrast"), so that a label stays
    the same as the highlight moves. ``styles`` (one style string per label, cell by
    cell): a suffix drawn exactly like the label's first letter is part of the label
    (questionary's ``Choice("stable (recommended)")``), not a hint."""
    if len(labels) >= 2 and all(_SECOND_COLUMN.search(label.strip()) for label in labels):
        labels = [_SECOND_COLUMN.split(label.strip(), maxsplit=1)[0] for label in labels]
    if selected is not None and 0 <= selected < len(labels):
        suffixed = [i for i, label in enumerate(labels) if _ACTIVE_SUFFIX.search(label)]
        suffix = _ACTIVE_SUFFIX.search(labels[selected])
        if suffixed == [selected] and not _drawn_alike(styles, selected, suffix):
            labels = list(labels)
            labels[selected] = _ACTIVE_SUFFIX.sub("", labels[selected])
    return labels


def _drawn_alike(styles: list[str] | None, at: int, suffix: re.Match[str] | None) -> bool:
    if styles is None or suffix is None or at >= len(styles):
        return False
    style = styles[at]
    start = suffix.start() + len(suffix.group(0)) - len(suffix.group(0).lstrip())
    tail = style[start : suffix.end()]
    return bool(style) and bool(tail) and set(tail) == {style[0]}


# "Type 'yes' to continue", 'Type "yes" to confirm', "Type YES to proceed", "enter yes".
_LITERAL_YES = re.compile(
    r"(?i)\b(?:type|typing|enter|write)\s+(?:in\s+)?[\"'‘“]?(?P<word>yes)[\"'’”]?"
    r"(?=[\s.,:;)!]|$)"
)


def literal_yes(question: str) -> str | None:
    """The exact word a question asks to be typed for yes ("yes"), or None.

    A word demanded in capitals ("Type YES in capitals") is a confirm-by-typing field:
    a ``text`` prompt whose answer is typed exactly as given, so None here too.
    """
    m = _LITERAL_YES.search(question)
    return m.group("word") if m and not m.group("word").isupper() else None


def make_options(
    labels: list[str], keys: list[str], selected: int | None
) -> tuple[PromptOption, ...]:
    return tuple(
        PromptOption(number=n + 1, label=label, key=key, selected=n == selected)
        for n, (label, key) in enumerate(zip(labels, keys, strict=True))
    )


def odd_one(styles: list[str]) -> int | None:
    """The index of the one style unlike all the others (a highlighted row), if exactly one.

    Rows compare by which styles they use at all, not cell by cell: labels differ
    in length, and only the emphasis (a colour, reverse video) marks the highlight.
    """
    if len(styles) < 2:
        return None
    styles = ["".join(sorted(set(s) - {DEFAULT_STYLE, "."})) for s in styles]
    counts: dict[str, int] = {}
    for s in styles:
        counts[s] = counts.get(s, 0) + 1
    odd = [i for i, s in enumerate(styles) if counts[s] == 1]
    if len(odd) == 1:
        return odd[0]
    if len(styles) == 2 and [bool(s) for s in styles].count(True) == 1:
        return [bool(s) for s in styles].index(True)  # of two, the emphasised one
    return None


def label_style(row: Row, label: str) -> str:
    at = row.text.find(label)
    if at < 0:
        return row.style
    # The first letters of the label carry its emphasis; trailing blanks do not.
    return row.style[at : at + min(len(label), 6)].replace(DEFAULT_STYLE, ".")


def build_detection(
    kind: PromptKind,
    question: str,
    options: tuple[PromptOption, ...],
    snapshot: ScreenSnapshot,
    question_row: int,
    select: str,
    confidence: float,
    shape: str,
) -> Detection:
    """The detection for one shape (rule ``structure.<shape>``), with up to six context
    lines above ``question_row`` (stopping at a horizontal rule)."""
    context: list[str] = []
    for index in range(question_row - 1, -1, -1):
        line = SIDE.sub("", snapshot.lines[index]).strip()
        if not line:
            continue
        if RULE.match(line) or len(context) >= 6:
            break
        context.append(line)
    return Detection(
        rule=f"{SOURCE}.{shape}",
        kind=kind,
        question=question or "(no question text)",
        options=options,
        context=tuple(reversed(context)),
        source=f"{SOURCE}:{shape}",
        confidence=confidence,
        select=select,
        submit=select not in ("key_nosubmit",),
    )


def field_detection(
    question: str, snapshot: ScreenSnapshot, question_row: int, confidence: float, shape: str
) -> Detection:
    """A field that takes typed text: a secret (never typed through the relay) when the
    question names one, else a text prompt."""
    secret = SECRET_WORD.search(question) is not None
    return build_detection(
        PromptKind.SECRET if secret else PromptKind.TEXT,
        question,
        (),
        snapshot,
        question_row,
        "none" if secret else "text",
        confidence,
        shape,
    )
