"""Well-known secrets in short text (names, command lines, paths, log details): pure masking.

The relay stores what supervisors and clients tell it about sessions (a name,
a command line, a folder) in its audit log and session store. This module is
the one pure function both use so that a token pasted into an argument is
never kept verbatim; the supervisor's stream redaction (``supervisor/redact.py``)
is separate, since it must also keep byte offsets.

Contract:

* :func:`mask_secrets` replaces, in any string, each well-known credential
  format with ``[redacted:<kind>]``: PEM private key blocks, GitHub, Anthropic,
  OpenAI, AWS access key ids, Slack, Google API keys, Stripe keys, JWTs, the
  credential after ``Bearer``/``Basic``, the password in ``scheme://user:pw@``,
  and the value of an assignment whose name says it is secret
  (``API_KEY=...``, ``--password=...``, ``"token": "..."``). The name stays.
* :func:`mask_argv` does that to each argument, and also replaces the argument
  after a flag whose name says it is secret (``--api-key VALUE``, ``--token VALUE``).
* Ordinary words are never touched: the formats need their prefixes plus long
  random runs. Every pattern is linear in its input (no nested repetition).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_SECRET_WORD = (
    r"(?:token|secret|passw(?:or)?d|passwd|api[_-]?key|access[_-]?key|private[_-]?key"
    r"|credential|auth)"
)

_FORMATS: list[tuple[str, str]] = [
    (
        "private_key",
        r"-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY-----[A-Za-z0-9+/=\s:,.-]*"
        r"(?:-----END [A-Z0-9 ]{0,40}PRIVATE KEY-----)?",
    ),
    (
        "github",
        r"(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})",
    ),
    ("anthropic", r"(?<![A-Za-z0-9_-])sk-ant-[A-Za-z0-9_-]{20,255}"),
    ("openai", r"(?<![A-Za-z0-9_-])sk-(?:proj-)?(?=[A-Za-z_-]*[0-9])[A-Za-z0-9_-]{20,255}"),
    ("aws", r"(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])"),
    ("slack", r"(?<![A-Za-z0-9])xox[abeprs]-[A-Za-z0-9-]{10,255}"),
    ("google", r"(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}"),
    ("stripe", r"(?<![A-Za-z0-9])[rs]k_(?:live|test)_[A-Za-z0-9]{16,255}"),
    ("jwt", r"(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"),
]
_FORMAT = re.compile("|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _FORMATS))
_AUTH_HEADER = re.compile(r"(?i)\b(bearer|basic)(\s+)[A-Za-z0-9._~+/=-]{8,}")
_URL_PASSWORD = re.compile(r"(://[^\s/:@]{1,200}:)[^\s/@]{1,200}(@)")
_ASSIGNMENT = re.compile(
    rf"(?i)([A-Za-z0-9_.-]{{0,60}}{_SECRET_WORD}[A-Za-z0-9_.-]{{0,60}}[\"']?\s{{0,3}}[=:]\s{{0,3}})"
    r"(\"[^\"\n]{1,500}\"|'[^'\n]{1,500}'|[^\s\"',;&]{1,500})"
)
_SECRET_FLAG = re.compile(rf"(?i)-{{1,2}}[A-Za-z0-9_-]{{0,40}}{_SECRET_WORD}[A-Za-z0-9_-]{{0,40}}")


def _marker(kind: str) -> str:
    return f"[redacted:{kind}]"


def mask_secrets(text: str) -> str:
    """``text`` with every well-known secret replaced (see the module docstring)."""
    text = _FORMAT.sub(lambda m: _marker(m.lastgroup or "secret"), text)
    text = _AUTH_HEADER.sub(lambda m: f"{m.group(1)}{m.group(2)}{_marker('bearer')}", text)
    text = _URL_PASSWORD.sub(lambda m: f"{m.group(1)}{_marker('password')}{m.group(2)}", text)
    return _ASSIGNMENT.sub(lambda m: _assigned(m), text)


def _assigned(match: re.Match[str]) -> str:
    value = match.group(2)
    if value.startswith("[redacted:") or value.lower() in ("bearer", "basic"):
        return match.group(0)
    quote = value[0] if value[0] in "\"'" else ""
    return f"{match.group(1)}{quote}{_marker('value')}{quote}"


def mask_argv(argv: Sequence[str]) -> list[str]:
    """Each argument masked, and the argument after a secret-named flag replaced whole."""
    out: list[str] = []
    secret_next = False
    for arg in argv:
        if secret_next and not arg.startswith("-"):
            out.append(_marker("value"))
        else:
            out.append(mask_secrets(arg))
        secret_next = bool(_SECRET_FLAG.fullmatch(arg))
    return out
