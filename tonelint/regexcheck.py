"""Refuse regexes that can backtrack catastrophically, before they ever run.

A user ruleset's regex runs on every post; one like ``(a+)+$`` takes exponential time on a
line of "a"s.  The check walks the parsed regex (``re``'s own parser) and rejects an
unbounded repetition whose body holds another unbounded repetition (nested quantifiers),
unless each round of the outer repetition must start with a character the inner ones
cannot match: ``(?:\\.[\\w-]+)+`` and ``(?:\\s[A-Z][a-z]+)*`` are linear, ``(\\w+\\s?)*`` is
not.  Every bundled pattern passes it.
"""

from __future__ import annotations

import importlib
import re
import string
from collections.abc import Callable
from typing import Any

C: Any = importlib.import_module("re._constants")  # re's own parser and its constants
sre_parse: Any = importlib.import_module("re._parser")

_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT}
_SAMPLE = string.printable + "\u00a0\u2019\u00e9\u4e2d"
_CATEGORIES: dict[Any, Callable[[str], bool]] = {
    C.CATEGORY_DIGIT: str.isdigit,
    C.CATEGORY_NOT_DIGIT: lambda c: not c.isdigit(),
    C.CATEGORY_SPACE: str.isspace,
    C.CATEGORY_NOT_SPACE: lambda c: not c.isspace(),
    C.CATEGORY_WORD: lambda c: c.isalnum() or c == "_",
    C.CATEGORY_NOT_WORD: lambda c: not (c.isalnum() or c == "_"),
}


def _char_set(op: Any, av: Any, ignore_case: bool) -> set[str] | None:
    """The sample characters one single-character item matches (None: not one character)."""

    def eq(a: str, b: str) -> bool:
        return a == b or (ignore_case and a.lower() == b.lower())

    if op is C.LITERAL:
        return {c for c in _SAMPLE if eq(c, chr(av))}
    if op is C.NOT_LITERAL:
        return {c for c in _SAMPLE if not eq(c, chr(av))}
    if op is C.ANY:
        return set(_SAMPLE) - {"\n"}
    if op is C.CATEGORY:
        test = _CATEGORIES.get(av)
        return {c for c in _SAMPLE if test(c)} if test else set(_SAMPLE)
    if op is C.IN:
        negate = False
        chars: set[str] = set()
        for item_op, item_av in av:
            if item_op is C.NEGATE:
                negate = True
            elif item_op is C.RANGE:
                lo, hi = item_av
                chars |= {
                    c
                    for c in _SAMPLE
                    if lo <= ord(c) <= hi or (ignore_case and lo <= ord(c.lower()) <= hi)
                }
            else:
                chars |= _char_set(item_op, item_av, ignore_case) or set()
        return set(_SAMPLE) - chars if negate else chars
    return None


def _unbounded(op: Any, av: Any) -> bool:
    return op in _REPEATS and (av[1] == C.MAXREPEAT or av[1] > 50)


def _inner_sets(items: Any, ignore_case: bool) -> list[set[str] | None]:
    """Character sets of every unbounded repetition inside ``items`` (None: complex)."""
    found: list[set[str] | None] = []
    for op, av in items:
        if op in _REPEATS:
            body = list(av[2])
            if _unbounded(op, av):
                single = _char_set(body[0][0], body[0][1], ignore_case)
                found.append(single if len(body) == 1 else None)
            found += _inner_sets(body, ignore_case)
        elif op is C.SUBPATTERN:
            found += _inner_sets(av[-1], ignore_case)
        elif op is C.BRANCH:
            for branch in av[1]:
                found += _inner_sets(branch, ignore_case)
    return found


def _first_set(items: Any, ignore_case: bool) -> set[str] | None:
    """Characters a round of ``items`` must start with (None: cannot tell)."""
    items = list(items)
    if not items:
        return None
    op, av = items[0]
    if op is C.SUBPATTERN:
        return _first_set(av[-1], ignore_case)
    if op in _REPEATS and av[0] >= 1:
        return _first_set(av[2], ignore_case)
    return _char_set(op, av, ignore_case)


def _dangerous(items: Any, ignore_case: bool) -> bool:
    for op, av in items:
        if op in _REPEATS:
            body = list(av[2])
            if _unbounded(op, av):
                lead_op, lead_av = body[0]
                leads = (
                    len(body) > 1
                    and lead_op in _REPEATS
                    and lead_av[0] >= 1
                    and len(lead_av[2]) == 1
                )
                inner = _inner_sets(body[1:] if leads else body, ignore_case)
                if inner:
                    first = _first_set(body, ignore_case)
                    if first is None or any(s is None or s & first for s in inner):
                        return True
            if _dangerous(body, ignore_case):
                return True
        elif op is C.SUBPATTERN:
            if _dangerous(av[-1], ignore_case):
                return True
        elif op is C.BRANCH:
            if any(_dangerous(branch, ignore_case) for branch in av[1]):
                return True
        elif op in (C.ASSERT, C.ASSERT_NOT) and _dangerous(av[1], ignore_case):
            return True
    return False


def check(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile ``pattern``; ``ValueError`` when it is invalid or can blow up."""
    try:
        compiled = re.compile(pattern, flags)
    except re.error as exc:
        raise ValueError(f"invalid regex {pattern!r}: {exc}") from None
    ignore_case = bool(compiled.flags & re.IGNORECASE)
    if _dangerous(sre_parse.parse(pattern, flags), ignore_case):
        raise ValueError(
            f"regex {pattern!r} can backtrack catastrophically (a repetition inside a "
            "repetition, like (a+)+); rewrite it so each repeat starts with its own separator"
        )
    return compiled
