"""Prompt rules as data: TOML files, one per agent family, validated when loaded.

Built-in files live in ``supervisor/prompts/rules/*.toml``; a user may add or
override rules in ``$TETHER_HOME/rules/*.toml`` (a user rule replaces the
built-in rule with the same full name, ``<family>.<name>``). A file::

    family = "claude"                 # optional; defaults to the file's stem
    busy = ['(?i)esc to interrupt']   # rows that mean "working, not waiting"
    dangerous = ['rm\\s+-rf']         # commands that make a permission prompt dangerous

    [[rule]]
    name = "permission"               # [a-z0-9_]+, unique in the family
    kind = "choice"                   # a shared.protocol.PromptKind value
    scope = "tail"                    # "tail" (bottom rows) or "cursor_line"
    rows = 12                         # tail: how many non-empty rows to look at
    anchors = ['(?i)do you want to proceed\\?']   # any one must match one row
    require = []                      # all must match some row of the region
    option_row = '^(?P<glyph>❯)?\\s*(?P<number>\\d+)\\.\\s+(?P<label>.+)$'
    options = [{label = "Yes", key = "y"}]        # or fixed options
    select = "arrows"                 # arrows: Up/Down from the highlight to the label, Enter
                                      # key: the option's key (a digit, y, "yes", "enter")
                                      # text: free text, then Enter; none: never (secrets)
    submit = true                     # press Enter after the key
    question = "anchor"               # anchor | above_options | cursor
    question_from = ''                # or: the nearest row above matching this
    confidence = 0.97
    min_quiet = 0.0                   # seconds without output before it counts
    dangerous = true                  # check the dialog for dangerous commands
    bottom_row = false                # the cursor must be on the last row
    last_box = false                  # only a box with nothing below it is live (Gemini
                                      # leaves answered boxes on screen above the next one)

Any file may also list ``viewers``: programs (their ``/proc/<pid>/comm`` name) that
show a document or a file being edited, full screen. While only such programs read
the terminal, nothing on it is a question (see :func:`viewer_in_front`). Files are
read built-in first, then the user's, each adding names or removing one with
``"!name"``::

    viewers = ["tig", "!nano"]

Every error names the file and the rule, and says what to change.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from shared.errors import TetherError
from shared.protocol import PromptKind
from supervisor.policy import tether_home

BUILTIN_DIR = Path(__file__).with_name("rules")
FAMILIES = ("claude", "codex", "gemini", "aider", "generic")

_NAME = re.compile(r"^[a-z0-9_]+$")
_SCOPES = ("tail", "cursor_line")
_SELECTS = ("arrows", "key", "text", "none")
_QUESTIONS = ("anchor", "above_options", "cursor")
_RULE_KEYS = frozenset(
    {
        "name",
        "kind",
        "scope",
        "rows",
        "anchors",
        "require",
        "option_row",
        "options",
        "select",
        "submit",
        "question",
        "question_from",
        "confidence",
        "min_quiet",
        "dangerous",
        "bottom_row",
        "last_box",
    }
)
_FILE_KEYS = frozenset({"family", "busy", "dangerous", "rule", "viewers"})
# What /proc/<pid>/comm can show: the kernel keeps 15 bytes of the program's file name.
_PROGRAM = re.compile(r"^!?[A-Za-z0-9_+][A-Za-z0-9._+-]{0,14}$")


class RuleError(TetherError, ValueError):
    """A rule file is malformed; the message names the file, the rule and the fix."""


@dataclass(frozen=True)
class StaticOption:
    label: str
    key: str


@dataclass(frozen=True)
class Rule:
    family: str
    name: str
    kind: PromptKind
    anchors: tuple[re.Pattern[str], ...]
    scope: str = "tail"
    rows: int = 12
    require: tuple[re.Pattern[str], ...] = ()
    option_row: re.Pattern[str] | None = None
    options: tuple[StaticOption, ...] = ()
    select: str = "key"
    submit: bool = True
    question: str = "anchor"
    question_from: re.Pattern[str] | None = None
    confidence: float = 0.8
    min_quiet: float = 0.0
    dangerous: bool = False
    bottom_row: bool = False
    last_box: bool = False
    origin: str = ""

    @property
    def full_name(self) -> str:
        return f"{self.family}.{self.name}"


@dataclass(frozen=True)
class RuleSet:
    """Every rule in evaluation order, plus the busy and dangerous patterns of all files."""

    rules: tuple[Rule, ...]
    busy: tuple[re.Pattern[str], ...] = ()
    dangerous: tuple[re.Pattern[str], ...] = ()
    files: tuple[str, ...] = field(default=())
    viewers: frozenset[str] = frozenset()

    @functools.cached_property
    def settle_time(self) -> float:
        """Quiet time after which no rule's verdict can change without new output."""
        return max((rule.min_quiet for rule in self.rules), default=0.0)

    def for_family(self, family: str) -> tuple[Rule, ...]:
        """The family's own rules first, then the other agents', then generic ones.

        Other agents' rules still apply because an agent may run inside a shell
        session ("generic"); their anchors are specific enough to be safe.
        """

        def rank(rule: Rule) -> int:
            if rule.family == family:
                return 0
            return 2 if rule.family == "generic" else 1

        return tuple(sorted(self.rules, key=rank))


def user_rules_dir() -> Path:
    """``$TETHER_HOME/rules`` (the same home as the policy file)."""
    return tether_home() / "rules"


@dataclass(frozen=True)
class RuleFile:
    """One file's contents: its rules, busy and dangerous patterns, and ``viewers``
    edits (names to add; a leading ``!`` removes the name)."""

    rules: list[Rule]
    busy: tuple[re.Pattern[str], ...] = ()
    dangerous: tuple[re.Pattern[str], ...] = ()
    viewers: tuple[str, ...] = ()


def load_rules(user_dir: Path | None = None, *, builtin_dir: Path = BUILTIN_DIR) -> RuleSet:
    """Built-in rules, then user rules overriding by full name. Raises :class:`RuleError`."""
    by_name: dict[str, Rule] = {}
    busy: list[re.Pattern[str]] = []
    dangerous: list[re.Pattern[str]] = []
    viewers: set[str] = set()
    files: list[str] = []
    dirs = [builtin_dir] + ([user_dir] if user_dir is not None and user_dir.is_dir() else [])
    for directory in dirs:
        for path in sorted(directory.glob("*.toml")):
            loaded = load_file(path)
            files.append(str(path))
            busy.extend(loaded.busy)
            dangerous.extend(loaded.dangerous)
            for name in loaded.viewers:
                if name.startswith("!"):
                    viewers.discard(name[1:])
                else:
                    viewers.add(name)
            for rule in loaded.rules:
                by_name[rule.full_name] = rule  # dict keeps the first position: stable order
    return RuleSet(
        tuple(by_name.values()),
        tuple(busy),
        tuple(dangerous),
        tuple(files),
        viewers=frozenset(viewers),
    )


def viewer_in_front(programs: Iterable[str], viewers: frozenset[str]) -> bool:
    """Whether ``programs`` (the names of whatever may read the terminal) are all
    viewers or editors. A name matches with or without a dotted suffix, as Debian's
    ``vim.basic`` or an ``nvim.appimage`` is started by its own file name."""
    names = list(programs)
    return bool(names) and all(
        name in viewers or name.partition(".")[0] in viewers for name in names
    )


def load_file(path: Path) -> RuleFile:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise RuleError(
            f"{path.name}: cannot read the rule file ({exc}); fix its TOML syntax"
        ) from None
    return parse_rules(data, origin=path.name, default_family=path.stem)


def parse_rules(data: Mapping[str, Any], *, origin: str, default_family: str) -> RuleFile:
    unknown = set(data) - _FILE_KEYS
    if unknown:
        raise RuleError(
            f"{origin}: unknown top-level key(s) {sorted(unknown)}; allowed: {sorted(_FILE_KEYS)}"
        )
    family = data.get("family", default_family)
    if not isinstance(family, str) or not _NAME.match(family):
        raise RuleError(f"{origin}: family {family!r} must be lowercase letters, digits or _")
    busy = _patterns(data.get("busy", []), f"{origin}: busy")
    dangerous = _patterns(data.get("dangerous", []), f"{origin}: dangerous")
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list):
        raise RuleError(f"{origin}: 'rule' must be an array of tables, written [[rule]]")
    rules: list[Rule] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_rules):
        rule = _parse_rule(raw, family, origin, index)
        if rule.name in seen:
            raise RuleError(f"{origin}: rule {rule.name!r} is defined twice; rename one")
        seen.add(rule.name)
        rules.append(rule)
    return RuleFile(rules, busy, dangerous, _viewers(data.get("viewers", []), origin))


def _viewers(value: Any, origin: str) -> tuple[str, ...]:
    names = _list(value, f"{origin}: viewers")
    for name in names:
        if not isinstance(name, str) or not _PROGRAM.match(name):
            raise RuleError(
                f"{origin}: viewers: {name!r} is not a program name; give the name "
                "/proc/<pid>/comm shows (at most 15 characters, no '/' or spaces), "
                "or '!name' to remove one"
            )
    return tuple(names)


def _parse_rule(raw: Any, family: str, origin: str, index: int) -> Rule:
    where = f"{origin}: rule #{index + 1}"
    if not isinstance(raw, dict):
        raise RuleError(f"{where}: must be a table")
    name = raw.get("name")
    if not isinstance(name, str) or not _NAME.match(name):
        raise RuleError(
            f"{where}: 'name' is required, lowercase letters, digits or _ (got {name!r})"
        )
    where = f"{origin}: rule {family}.{name}"
    unknown = set(raw) - _RULE_KEYS
    if unknown:
        raise RuleError(f"{where}: unknown key(s) {sorted(unknown)}; allowed: {sorted(_RULE_KEYS)}")
    try:
        kind = PromptKind(str(raw.get("kind")))
    except ValueError:
        raise RuleError(f"{where}: 'kind' must be one of {[k.value for k in PromptKind]}") from None
    anchors = _patterns(raw.get("anchors"), f"{where}: anchors")
    if not anchors:
        raise RuleError(f"{where}: 'anchors' needs at least one regex")
    option_row = (
        _pattern(raw["option_row"], f"{where}: option_row") if "option_row" in raw else None
    )
    if option_row is not None and "label" not in option_row.groupindex:
        raise RuleError(f"{where}: option_row needs a named group (?P<label>...)")
    options = tuple(_option(o, where) for o in _list(raw.get("options", []), f"{where}: options"))
    select = _choice(raw, "select", _SELECTS, "arrows" if option_row else "key", where)
    if kind in (PromptKind.CHOICE, PromptKind.YES_NO) and not (option_row or options):
        raise RuleError(f"{where}: a {kind.value} rule needs 'option_row' or 'options'")
    if select == "arrows" and option_row is None:
        raise RuleError(f"{where}: select = 'arrows' needs an 'option_row' to find the highlight")
    confidence = raw.get("confidence", 0.8)
    if not isinstance(confidence, (int, float)) or not 0 < confidence <= 1:
        raise RuleError(f"{where}: 'confidence' must be a number in (0, 1]")
    min_quiet = raw.get("min_quiet", 0.0)
    if not isinstance(min_quiet, (int, float)) or min_quiet < 0:
        raise RuleError(f"{where}: 'min_quiet' must be seconds >= 0")
    rows = raw.get("rows", 12)
    if not isinstance(rows, int) or not 1 <= rows <= 60:
        raise RuleError(f"{where}: 'rows' must be an integer from 1 to 60")
    scope = _choice(raw, "scope", _SCOPES, "tail", where)
    return Rule(
        family=family,
        name=name,
        kind=kind,
        anchors=anchors,
        scope=scope,
        rows=rows,
        require=_patterns(raw.get("require", []), f"{where}: require"),
        option_row=option_row,
        options=options,
        select=select,
        submit=_bool(raw, "submit", True, where),
        question=_choice(
            raw, "question", _QUESTIONS, "cursor" if scope == "cursor_line" else "anchor", where
        ),
        question_from=(
            _pattern(raw["question_from"], f"{where}: question_from")
            if raw.get("question_from")
            else None
        ),
        confidence=float(confidence),
        min_quiet=float(min_quiet),
        dangerous=_bool(raw, "dangerous", False, where),
        bottom_row=_bool(raw, "bottom_row", False, where),
        last_box=_bool(raw, "last_box", False, where),
        origin=origin,
    )


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise RuleError(f"{where}: must be an array")
    return value


def _patterns(value: Any, where: str) -> tuple[re.Pattern[str], ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    return tuple(_pattern(v, where) for v in _list(value, where))


def _pattern(value: Any, where: str) -> re.Pattern[str]:
    if not isinstance(value, str) or not value:
        raise RuleError(f"{where}: each regex must be a non-empty string")
    try:
        return re.compile(value)
    except re.error as exc:
        raise RuleError(
            f"{where}: invalid regex {value!r}: {exc}; use single-quoted TOML "
            "strings so backslashes reach the regex unchanged"
        ) from None


def _option(value: Any, where: str) -> StaticOption:
    if (
        not isinstance(value, dict)
        or set(value) != {"label", "key"}
        or not all(isinstance(v, str) and v for v in value.values())
    ):
        raise RuleError(f'{where}: each option must be {{label = "...", key = "..."}}')
    return StaticOption(label=value["label"], key=value["key"])


def _choice(
    raw: Mapping[str, Any], key: str, allowed: Iterable[str], default: str, where: str
) -> str:
    value = raw.get(key, default)
    allowed = tuple(allowed)
    if value not in allowed:
        raise RuleError(f"{where}: {key!r} must be one of {list(allowed)} (got {value!r})")
    return str(value)


def _bool(raw: Mapping[str, Any], key: str, default: bool, where: str) -> bool:
    value = raw.get(key, default)
    if not isinstance(value, bool):
        raise RuleError(f"{where}: {key!r} must be true or false")
    return value
