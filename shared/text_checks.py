"""Checks on text that a person sends to a terminal, shared by every edge that takes it.

The MCP tools (``shared/mcp/args.py``), the dashboard's actions (``server/web/``)
and the approval link (``server/approve_link.py``) accept the same shapes; each
edge says in its own words how to send what it refused. Framework-free.
"""

from pydantic import AfterValidator

# A prompt id as the supervisor builds it: ``<session id>:<prompt key>``.
PROMPT_ID_PATTERN = r"^[A-Za-z0-9_-]{8,64}:[A-Za-z0-9_-]{1,60}$"


def printable(allow: str, special_keys_hint: str) -> AfterValidator:
    """Refuse control characters (except ``allow``) and lone surrogates, naming the fix.

    ``special_keys_hint`` ends the refusal: where this edge sends Esc, Ctrl-C and arrows.
    """

    def check(value: str) -> str:
        for ch in value:
            code = ord(ch)
            if (code < 0x20 or 0x7F <= code < 0xA0) and ch not in allow:
                raise ValueError(
                    f"contains control character U+{code:04X}; send plain text, and "
                    f"{special_keys_hint}"
                )
            if 0xD800 <= code <= 0xDFFF:
                raise ValueError(f"contains a lone surrogate U+{code:04X}; send valid Unicode")
        return value

    return AfterValidator(check)
