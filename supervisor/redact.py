"""Secret redaction for text a session shows (pure): screens, output, prompt context.

``Redactor.from_env(env)`` learns the values of the session's secret-looking
environment variables; :meth:`Redactor.redact` replaces those values and
well-known credential formats with ``[redacted:<kind>]``:

=============  ==============================================================
kind           what
=============  ==============================================================
``env:NAME``   the value of env var NAME, whose name says it is secret (TOKEN,
               SECRET, PASSWORD, PASSWD, API_KEY, ACCESS_KEY, PRIVATE,
               CREDENTIAL, AUTH) and whose value is at least 8 characters
``private_key`` a PEM private key block, BEGIN to END (to the end of the
               base64 lines if END is not in the text yet); real newlines or
               JSON ``\\n`` escapes
``github``     ``ghp_``/``gho_``/``ghu_``/``ghs_``/``ghr_`` tokens, ``github_pat_``
``anthropic``  ``sk-ant-...``
``openai``     ``sk-...`` / ``sk-proj-...`` (20+ characters with a digit)
``aws``        ``AKIA...`` / ``ASIA...`` access key ids
``slack``      ``xoxa-``/``xoxb-``/``xoxp-``/``xoxr-``/``xoxe-`` tokens
``google``     ``AIza...`` API keys
``jwt``        ``eyJ...\\.eyJ...\\....``
``bearer``     the credential after ``Bearer `` (8+ characters with a digit);
               the word ``Bearer`` stays
=============  ==============================================================

Cost: one compiled alternation, one pass. Every branch starts at a literal that
is not inside a longer token (a lookbehind), repeats only with possessive
quantifiers over one character class, and each attempt either succeeds and
consumes what it scanned or fails within a bounded distance, so the time is
linear in the text whatever it holds. Ordinary words are never touched: the
token formats need their prefixes plus long random runs, and env values that
look like plain words or paths are not learned.

:meth:`Redactor.spans` and :meth:`Redactor.candidate_start` serve the one
redaction point of a session's output, :mod:`supervisor.stream_redact`, which
masks secrets in the stream before it is journaled (length-preserving, so
offsets stay exact) and sees them across writes, escape sequences and cursor
drawing. :meth:`Redactor.redact` is for text: rendered screens, prompts,
session names and arguments. :meth:`Redactor.mask` is the length-preserving
form for one chunk of bytes on its own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from shared.protocol import Prompt

# A secret-looking variable NAME. AUTH must be a whole _-separated part, so
# GIT_AUTHOR_NAME and OAUTH_CALLBACK_PORT are not taken for secrets.
_SECRET_NAME = re.compile(
    r"TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|ACCESS_?KEY|PRIVATE|CREDENTIAL|(?:^|_)AUTH(?:_|$)",
    re.IGNORECASE,
)
MIN_SECRET_LEN = 8
# Values of secret-named variables that are settings, not secrets: learning them
# would redact ordinary words ("password", "disabled") everywhere on screen.
_PLAIN_WORD = re.compile(r"[A-Za-z]{1,11}")
_PATH_LIKE = re.compile(r"[/~.]|[A-Za-z]:\\")

# Newlines, real or JSON-escaped, and the next line's indentation; none at all
# where a stream's line breaks were taken out to join what a program wrapped.
_SEP = r"(?:(?:\\r)?\\n|[ \t]*[\r\n]+)*+[ \t]*"
_PEM_LABEL = r"[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----"
# A header ("Proc-Type: 4,ENCRYPTED") or a base64 line; headers first, since
# their names would otherwise pass for the start of a base64 line.
_PEM_LINE = r"(?:[A-Za-z-]{1,40}: [^\r\n\\]*+|[A-Za-z0-9+/=]++)"

# (first character, rest). Each branch starts with a literal character so the
# regex engine can skip ahead to candidate positions with a character-set scan
# (about 5x faster than starting every branch with a lookbehind); the lookbehind
# right after it says the token is not the tail of a longer one.
_FORMATS: list[tuple[str, str]] = [
    ("-", rf"----BEGIN {_PEM_LABEL}(?:{_SEP}{_PEM_LINE})*+(?:{_SEP}-----END {_PEM_LABEL})?"),
    ("g", r"h[pousr]_[A-Za-z0-9]{36,255}+"),
    ("g", r"ithub_pat_[A-Za-z0-9_]{22,255}+"),
    ("s", r"k-ant-[A-Za-z0-9_-]{20,}+"),  # before openai: both start "sk-"
    ("s", r"k-[A-Za-z0-9_-]{20,}+"),
    ("A", r"(?:KIA|SIA)[0-9A-Z]{16}(?![A-Za-z0-9])"),
    ("x", r"ox[abpre]-[A-Za-z0-9-]{10,}+"),
    ("A", r"Iza[0-9A-Za-z_-]{35}+"),
    ("e", r"yJ[A-Za-z0-9_-]{4,}+\.eyJ[A-Za-z0-9_-]{4,}+\.[A-Za-z0-9_-]*+"),
    ("b", r"(?i:earer)[ \t]++[A-Za-z0-9._~+/=-]{8,}+"),
    ("B", r"(?i:earer)[ \t]++[A-Za-z0-9._~+/=-]{8,}+"),
]
# Kinds by prefix of the matched text, most specific first.
_KINDS: list[tuple[str, str]] = [
    ("-----BEGIN", "private_key"),
    ("gh", "github"),
    ("github_pat_", "github"),
    ("sk-ant-", "anthropic"),
    ("sk-", "openai"),
    ("AKIA", "aws"),
    ("ASIA", "aws"),
    ("xox", "slack"),
    ("AIza", "google"),
    ("eyJ", "jwt"),
    ("bearer", "bearer"),
]
# Kinds redacted only when the match holds a digit: real keys are random, while
# "sk-some-hyphenated-identifier" or "Bearer authentication" are words.
_NEEDS_DIGIT = frozenset({"openai", "bearer"})
# Literals every format match contains: mask() runs on every PTY read, and a few
# substring searches (memchr speed) rule most chunks out before the regex, which
# stops at every common letter a branch starts with.
_FORMAT_LITERALS = (
    b"-----BEGIN",
    b"ghp_",
    b"gho_",
    b"ghu_",
    b"ghs_",
    b"ghr_",
    b"github_pat_",
    b"sk-",
    b"AKIA",
    b"ASIA",
    b"xox",
    b"AIza",
    b"eyJ",
    b"earer",
    b"EARER",
)
_DIGIT = re.compile(r"[0-9]")
# A token format's prefix, then token characters to the very end: a token that
# may still be arriving. Prefixes as in _FORMATS, with a partial prefix too.
_TOKEN_CHARS = r"[A-Za-z0-9_.~+/=-]*+"
_CANDIDATE = re.compile(
    r"(?<![A-Za-z0-9_-])(?:gh[pousr]_|github_pat_|sk-|A[KS]IA|xox[abpre]-|AIza|eyJ)"
    + _TOKEN_CHARS
    + r"\Z"
    + r"|(?i:bearer)[ \t]++"
    + _TOKEN_CHARS
    + r"\Z"
)
CANDIDATE_SCAN = 1024  # how far back from the end a token may still be in progress


def is_secret_name(name: str) -> bool:
    return _SECRET_NAME.search(name) is not None


def secret_env_values(env: Mapping[str, str]) -> dict[str, str]:
    """``{value: name}`` for the variables of ``env`` whose values should be redacted."""
    found: dict[str, str] = {}
    for name, value in sorted(env.items()):
        value = value.strip()
        if len(value) < MIN_SECRET_LEN or not is_secret_name(name):
            continue
        if _PLAIN_WORD.fullmatch(value) or _PATH_LIKE.match(value):
            continue
        found.setdefault(value, name)
    return found


def _pattern(values: Mapping[str, str]) -> re.Pattern[str]:
    branches = []
    for first, rest in _FORMATS:
        if first == "-":  # a PEM block may follow anything, even a JSON quote
            branches.append(re.escape(first) + rest)
        else:
            branches.append(rf"{re.escape(first)}(?<![A-Za-z0-9_-].){rest}")
    # Env values first and longest first, so a value containing another is redacted whole.
    literals = [re.escape(v) for v in sorted(values, key=len, reverse=True)]
    return re.compile("|".join(literals + branches), re.DOTALL)


def _pattern_env(values: Mapping[str, str]) -> re.Pattern[str]:
    literals = [re.escape(v) for v in sorted(values, key=len, reverse=True)]
    return re.compile("|".join(literals) or "(?!)")  # (?!) never matches


def _kind(text: str) -> str:
    folded = text[:11]
    for prefix, kind in _KINDS:
        if folded.startswith(prefix) or (kind == "bearer" and folded.lower().startswith(prefix)):
            return kind
    return "unknown"  # pragma: no cover - every branch has a prefix above


class Redactor:
    """Replaces secrets in text with ``[redacted:<kind>]``. Immutable; share freely."""

    def __init__(self, env_values: Mapping[str, str] | None = None) -> None:
        """``env_values`` maps each secret value to the variable name it came from."""
        self._values = dict(env_values or {})
        self._regex = _pattern(self._values)
        self._env_regex = _pattern_env(self._values)
        # The same over bytes seen as latin-1 (one character per byte), for mask().
        self._byte_values = {
            v.encode("utf-8").decode("latin-1"): name for v, name in self._values.items()
        }
        self._byte_regex = _pattern(self._byte_values)
        self._byte_env_regex = _pattern_env(self._byte_values)
        self._literals = _FORMAT_LITERALS + tuple(v.encode("utf-8") for v in self._values)
        self._text_literals = tuple(literal.decode("latin-1") for literal in self._literals)

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Redactor:
        return cls(secret_env_values(env))

    @property
    def env_names(self) -> frozenset[str]:
        """The names of the variables whose values are redacted."""
        return frozenset(self._values.values())

    def redact(self, text: str) -> str:
        return self._regex.sub(self._replace, text)

    def redact_prompt(self, prompt: Prompt) -> Prompt:
        """``prompt`` with its question and context redacted, e.g. a command line in a
        permission request. Option labels stay as the screen shows them: answers
        are matched against them."""
        return prompt.model_copy(
            update={
                "question": self.redact(prompt.question),
                "context": [self.redact(line) for line in prompt.context],
            }
        )

    def _replace(self, match: re.Match[str]) -> str:
        text = match.group()
        name = self._values.get(text)
        if name is not None:
            return f"[redacted:env:{name}]"
        kind = _kind(text)
        if kind in _NEEDS_DIGIT and _DIGIT.search(text) is None:
            # Not a key after all, but it may still hold an env secret.
            return self._env_regex.sub(self._replace_env, text)
        if kind == "bearer":
            word = len(text) - len(text[6:].lstrip(" \t"))  # keep "Bearer " as typed
            return text[:word] + "[redacted:bearer]"
        return f"[redacted:{kind}]"

    def mask(self, data: bytes) -> bytes:
        """``data`` with every secret masked in place: same length, same offsets."""
        if not any(literal in data for literal in self._literals):
            return data  # the common case: no candidate at all
        text = data.decode("latin-1")
        if self._byte_regex.search(text) is None:
            return data
        return self._byte_regex.sub(self._mask, text).encode("latin-1")

    def _mask(self, match: re.Match[str]) -> str:
        text = match.group()
        name = self._byte_values.get(text)
        if name is not None:
            return fit(f"[redacted:env:{name}]", len(text))
        kind = _kind(text)
        if kind in _NEEDS_DIGIT and _DIGIT.search(text) is None:
            return self._byte_env_regex.sub(self._mask, text)
        if kind == "bearer":
            word = len(text) - len(text[6:].lstrip(" \t"))
            return text[:word] + fit("[redacted:bearer]", len(text) - word)
        return fit(f"[redacted:{kind}]", len(text))

    def _replace_env(self, match: re.Match[str]) -> str:
        return f"[redacted:env:{self._values[match.group()]}]"

    # ------------------------------------------------------------ for streams

    def may_hold_secret(self, text: str) -> bool:
        """Whether ``text`` (bytes as latin-1) holds a literal every secret starts with."""
        return any(literal in text for literal in self._text_literals)

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, label)`` of each secret in ``text``, bytes seen as latin-1.

        The same decisions as :meth:`mask`; ``label`` is what the span's bytes
        become (cut or padded to its length). For a bearer credential the span
        starts after the word ``Bearer``.
        """
        if not any(literal in text for literal in self._text_literals):
            return []
        found: list[tuple[int, int, str]] = []
        for match in self._byte_regex.finditer(text):
            start, end, matched = match.start(), match.end(), match.group()
            name = self._byte_values.get(matched)
            if name is not None:
                found.append((start, end, f"[redacted:env:{name}]"))
                continue
            kind = _kind(matched)
            if kind in _NEEDS_DIGIT and _DIGIT.search(matched) is None:
                for inner in self._byte_env_regex.finditer(matched):
                    label = f"[redacted:env:{self._byte_values[inner.group()]}]"
                    found.append((start + inner.start(), start + inner.end(), label))
                continue
            if kind == "bearer":
                start += len(matched) - len(matched[6:].lstrip(" \t"))
            found.append((start, end, f"[redacted:{kind}]"))
        return found

    def candidate_start(self, text: str, values: bool = True) -> int | None:
        """Where a secret that ``text`` may still be in the middle of writing starts, or None.

        That is: a token format's prefix followed by token characters up to the
        end (the token may go on, or not be long enough yet), a private key
        block with no END yet, or (``values``) an end of ``text`` that is the
        start of a known secret value. Bytes as latin-1, like :meth:`spans`.
        """
        tail_from = max(0, len(text) - CANDIDATE_SCAN)
        tail = text[tail_from:]
        starts: list[int] = []
        token = _CANDIDATE.search(tail)
        if token is not None:
            starts.append(token.start())
        begin = text.rfind("-----BEGIN")  # a key block is longer than the scan
        if begin >= 0 and "-----END" not in text[begin:]:
            starts.append(begin - tail_from)
        for value in self._byte_values if values else ():
            at = tail.find(value[0], max(0, len(tail) - len(value) + 1))
            while at >= 0:
                if value.startswith(tail[at:]):
                    starts.append(at)
                    break
                at = tail.find(value[0], at + 1)
        return tail_from + min(starts) if starts else None

    @property
    def values(self) -> frozenset[str]:
        """The known secret values (env and policy), bytes as latin-1."""
        return frozenset(self._byte_values)


def fit(label: str, length: int) -> str:
    """``label`` made exactly ``length`` characters: padded with ``*``, or shortened."""
    if len(label) <= length:
        return label + "*" * (length - len(label))
    short = "[redacted]"
    return short + "*" * (length - len(short)) if length >= len(short) else "*" * length
