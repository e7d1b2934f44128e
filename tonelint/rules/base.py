"""The contract every rule type fulfils, and the option schema that validates it at load.

A rule type is a class with a ``type_name`` (the ``type:`` a ruleset writes), a dict of
declared ``options`` with defaults, the ``placeholders`` its message may use, and a pure
``check(context)`` that yields ``Match`` objects.  Rules never read files, print, or decide
severity: the engine stamps rule id and severity on what they yield.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from ..model import Match

if TYPE_CHECKING:
    from ..context import PostContext


class OptionError(ValueError):
    """An option value that does not fit its declared type; the loader adds file and line."""


def _type_name(kind: Any) -> str:
    names = {str: "a string", int: "an integer", float: "a number", bool: "true or false"}
    names.update({list: "a list", dict: "a mapping"})
    if isinstance(kind, tuple):
        return " or ".join(_type_name(k) for k in kind)
    return names.get(kind, getattr(kind, "__name__", str(kind)))


@dataclass(frozen=True)
class Option:
    """A declared rule option: its type, default, one-line doc and an optional extra check."""

    kind: type | tuple[type, ...]
    default: Any
    doc: str
    check: Callable[[Any], None] | None = None
    nullable: bool = False

    def validate(self, name: str, value: Any) -> Any:
        if value is None and self.nullable:
            return None
        kinds = self.kind if isinstance(self.kind, tuple) else (self.kind,)
        ok = isinstance(value, kinds) and not (isinstance(value, bool) and bool not in kinds)
        if not ok and float in kinds and isinstance(value, int) and not isinstance(value, bool):
            ok = True
        if not ok:
            raise OptionError(
                f"option '{name}' must be {_type_name(self.kind)}, not {type(value).__name__}"
            )
        if self.check is not None:
            try:
                self.check(value)
            except (TypeError, ValueError) as exc:
                raise OptionError(f"option '{name}': {exc}") from None
        return value


def message_fields(template: str) -> set[str]:
    """The ``{placeholder}`` names used by a message template."""
    try:
        return {field for _, field, _, _ in string.Formatter().parse(template) if field}
    except ValueError as exc:
        raise OptionError(f"message template is malformed: {exc}") from None


class Rule:
    """Base class of the rule types.  Subclasses compile their options in ``__init__``."""

    type_name: ClassVar[str]
    summary: ClassVar[str]
    options: ClassVar[dict[str, Option]]
    placeholders: ClassVar[frozenset[str]] = frozenset({"match"})
    scope: ClassVar[str] = "post"
    """``post`` rules see one post; ``schedule`` rules see every scheduled post at once."""
    vocabularies: ClassVar[tuple[str, ...]] = ()
    """Ruleset-level ``vocabulary`` lists this type reads (merged into its option)."""
    file_options: ClassVar[frozenset[str]] = frozenset()
    """Options whose value may be the path of a YAML file holding it (relative to the
    ruleset that sets it); the loader reads the file in its place."""

    def __init__(self, rule_id: str, message: str, options: Mapping[str, Any]) -> None:
        self.rule_id = rule_id
        self.message = message
        self.opts = dict(options)

    def render(self, **values: Any) -> str:
        """Fill the rule's message template."""
        return self.message.format_map(values)

    def check(self, ctx: PostContext) -> Iterator[Match]:
        raise NotImplementedError

    @classmethod
    def validate_options(cls, raw: Mapping[str, Any]) -> dict[str, Any]:
        """Defaults merged with ``raw``; raises ``OptionError`` for a bad value."""
        values = {name: opt.default for name, opt in cls.options.items()}
        for name, value in raw.items():
            values[name] = cls.options[name].validate(name, value)
        return values


def quote(text: str, limit: int = 60) -> str:
    """Matched text for a one-line message: whitespace collapsed, long spans shortened."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def vocabulary_check(names: tuple[str, ...]) -> Callable[[Any], None]:
    """An option check for a ``vocabulary`` mapping of the given list names to phrases."""

    def check(value: Any) -> None:
        for name, items in value.items():
            if name not in names:
                raise ValueError(f"unknown vocabulary {name!r}; expected {', '.join(names)}")
            if not isinstance(items, list) or not all(
                isinstance(i, str) and i.strip() for i in items
            ):
                raise ValueError(f"vocabulary {name!r} must be a list of phrases")

    return check


def string_list(value: Any) -> None:
    """Option check: a list of non-empty strings."""
    if not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError("every item must be a non-empty string")
