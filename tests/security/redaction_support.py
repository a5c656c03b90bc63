"""Secrets planted in a program's output, and the ways a program can draw them.

Shared by the stream-redaction property and its quick check: each kind of secret
(an owner's env value, a policy value, well-known token formats, a private key) with
what must never be readable, and a Hypothesis strategy for the writes that show one.
"""

from __future__ import annotations

from hypothesis import strategies as st

from supervisor.redact import Redactor, secret_env_values

COLS = 40
ENV_VALUE = "zq8Kx93-Lm2pVv71-Qr5"
POLICY_VALUE = "correct-horse-battery-staple-42"
PEM_LINES = [
    "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7",
    "VJTUt9Us8cKjMzEfYyjiWA4R4M2bS1GxyzQ",
]
# kind -> (what the program prints, what must never be readable)
SECRETS: dict[str, tuple[str, list[str]]] = {
    "env": (ENV_VALUE, [ENV_VALUE]),
    "policy": (POLICY_VALUE, [POLICY_VALUE]),
    "github": ("ghp_" + "aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6", []),
    "github_pat": ("github_pat_11ABCDEFG0" + "abcdefghij_klmnopqrstuvwxyz0123456789", []),
    "anthropic": ("sk-ant-api03-" + "Xy7_kLm9-QwErTy12345AbCdEfGhIjKl", []),
    "openai": ("sk-proj-" + "Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56", []),
    "aws": ("AKIA" + "IOSFODNN7EXAMPLE", []),
    "slack": ("xoxb-1234567890-" + "1234567890123-AbCdEfGhIjKlMnOp", []),
    "google": ("AIza" + "SyA-1234567890abcdefghijklmnopqrstu", []),
    "jwt": ("eyJhbGciOiJIUzI1NiJ9" + ".eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fw", []),
    "bearer": ("Bearer " + "Zx81kQ0pLm3nB7vC2", ["Zx81kQ0pLm3nB7vC2"]),
    "private_key": (
        "-----BEGIN RSA PRIVATE KEY-----\r\n"
        + "\r\n".join(PEM_LINES)
        + "\r\n-----END RSA PRIVATE KEY-----",
        PEM_LINES,
    ),
}
SINGLE_LINE = [kind for kind in SECRETS if kind != "private_key"]


def needles(kind: str) -> list[str]:
    printed, hidden = SECRETS[kind]
    return hidden or [printed]


def redactor() -> Redactor:
    values = secret_env_values({"MY_SERVICE_TOKEN": ENV_VALUE})
    values[POLICY_VALUE] = "policy"
    return Redactor(values)


@st.composite
def renderings(draw: st.DrawFn) -> tuple[str, list[bytes]]:
    """A secret kind and the writes that show it, in one of the ways a program can."""
    how = draw(st.sampled_from(["printed", "coloured", "hard_wrapped", "screen_edge", "drawn"]))
    kind = draw(st.sampled_from(SINGLE_LINE if how in ("drawn", "screen_edge") else list(SECRETS)))
    printed = SECRETS[kind][0]
    cut = draw(st.integers(1, len(printed) - 1))
    if how == "printed":
        body = printed
    elif how == "coloured":
        codes = draw(
            st.lists(
                st.sampled_from(
                    ["\x1b[31m", "\x1b[1;32m", "\x1b[0m", "\x1b]8;;x\x07", "\x1b\x1b[2m"]
                )
            )
        )
        places = sorted(draw(st.lists(st.integers(1, len(printed) - 1), max_size=len(codes))))
        body, last = "", 0
        for code, place in zip(codes, places, strict=False):
            body += printed[last:place] + code
            last = place
        body += printed[last:]
    elif how == "hard_wrapped":
        body = printed[:cut] + "\r\n" + printed[cut:]
    elif how == "screen_edge":
        body = "." * (COLS - 5 - cut) + printed  # the terminal wraps it at the edge
    else:  # drawn: the right part first, then the left part, with cursor moves
        row, col = draw(st.integers(2, 10)), draw(st.integers(1, 3))  # below "key: "
        body = (
            f"\x1b[{row};{col + cut}H{printed[cut:]}\x1b[{row};{col}H{printed[:cut]}"
            f"\x1b[{row + 1};1H"
        )
    data = ("key: " + body + " done\r\n").encode()
    splits = sorted(set(draw(st.lists(st.integers(1, len(data) - 1), max_size=6))))
    writes = [data[a:b] for a, b in zip([0, *splits], [*splits, len(data)], strict=True)]
    return kind, writes
