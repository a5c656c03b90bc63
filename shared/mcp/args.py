"""The tools' argument types: pydantic constraints FastMCP checks before a tool runs.

Framework-free. A bad argument is refused with a validation error naming the
field and the fix, so it never reaches a tool body or a supervisor.
"""

from typing import Annotated

from pydantic import AfterValidator, Field

from shared.protocol import HOST_NAME_PATTERN, MAX_TEXT_CHARS, SESSION_ID_PATTERN
from shared.text_checks import PROMPT_ID_PATTERN as PROMPT_ID_PATTERN, printable

_HINT = "use send_keys for special keys (enter, esc, ctrl_c, arrows)"


def _printable(allow: str) -> AfterValidator:
    return printable(allow, _HINT)


SessionIdArg = Annotated[str, Field(pattern=SESSION_ID_PATTERN)]
HostArg = Annotated[str, Field(pattern=HOST_NAME_PATTERN)]
PathArg = Annotated[str, Field(min_length=1, max_length=4096), _printable("")]
ArgvItem = Annotated[str, Field(max_length=4096), _printable("")]
NameArg = Annotated[str, Field(max_length=200), _printable("")]
TextArg = Annotated[
    str,
    Field(
        max_length=MAX_TEXT_CHARS,
        description="What to type. Plain text; newlines and tabs are allowed.",
    ),
    _printable("\n\t"),
]
AnswerArg = Annotated[
    str,
    Field(
        max_length=MAX_TEXT_CHARS,
        description="An option number or key shown in the prompt ('1', 'y', 'enter'), "
        "or the text to type for a free-text prompt.",
    ),
    _printable(""),
]
