"""The literal text a regex cannot match without, so a rule skips regexes that cannot match.

A ruleset's pattern rules hold dozens of regexes and each would scan every post; most posts
contain none of the words those regexes need.  ``required_literals`` walks the parsed
regex (``re``'s own parser, as ``regexcheck`` does) and returns the longest run of literal
characters every match must contain (the longest), e.g. ``"pleased to "`` for
``\\b(?:we are )?pleased to (?:announce|share)\\b``, or one literal per branch of an
alternation; ``Gate`` tests a post's text for them with substring searches.  Only ASCII
runs are used, and with ``IGNORECASE`` the gate is not used on a text holding one of the
few non-ASCII letters ``re`` folds to ASCII, so a skipped regex never had a match.
"""

from __future__ import annotations

import re
from typing import Any

from .regexcheck import C, sre_parse

# Characters ``re`` matches case-insensitively against ASCII letters: Kelvin sign, long s,
# dotted and dotless i.
_FOLDS_TO_ASCII = re.compile("[\u212a\u017f\u0130\u0131]")


def required_literals(regex: re.Pattern[str]) -> tuple[str, ...] | None:
    """ASCII literals one of which every match of ``regex`` contains, or None.  A single run
    of literal characters is preferred; an alternation (``herein|hereby``) gives one literal
    per branch."""
    try:
        parsed = sre_parse.parse(regex.pattern, regex.flags)
    except (re.error, TypeError, ValueError, RecursionError):
        return None
    return _best(parsed)


def _best(items: Any) -> tuple[str, ...] | None:
    candidates: list[tuple[str, ...]] = []
    _collect(items, candidates)
    usable = [c for c in candidates if c and all(w and w.isascii() for w in c)]
    if not usable:
        return None
    return max(usable, key=lambda c: (min(len(w) for w in c), -len(c)))


def _collect(items: Any, candidates: list[tuple[str, ...]]) -> None:
    """Add every run of consecutive literal characters a match must contain (as a 1-tuple),
    and for each alternation the literals one of which it must contain."""
    run: list[str] = []
    for op, av in items:
        if op is C.LITERAL:
            run.append(chr(av))
            continue
        candidates.append(("".join(run),))
        run = []
        if op is C.SUBPATTERN:
            if not av[1] and not av[2]:  # a group that sets no flags: "(?i:...)" would
                _collect(av[-1], candidates)  # make its literals match other cases
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1:
            _collect(av[2], candidates)
        elif op is C.BRANCH:
            branches = [_best(branch) for branch in av[1]]
            if all(branches):
                candidates.append(tuple(w for b in branches if b for w in b))
    candidates.append(("".join(run),))


class Gate:
    """A cheap test that ``regex`` may match a text (False: it surely does not)."""

    __slots__ = ("ignore_case", "literals")

    def __init__(self, regex: re.Pattern[str]) -> None:
        self.ignore_case = bool(regex.flags & re.IGNORECASE)
        literals = required_literals(regex)
        if literals and self.ignore_case:
            literals = tuple(w.lower() for w in literals)
        self.literals = literals

    def may_match(self, text: str, lower: str, folded: bool | None = None) -> bool:
        """``lower`` is ``text.lower()`` and ``folded`` is ``folds_to_ascii(text)``, both
        computed once per post by a caller that tests many gates."""
        literals = self.literals
        if literals is None:
            return True
        if self.ignore_case:
            if folded is None:
                folded = folds_to_ascii(text)
            if folded:
                return True
            text = lower
        for w in literals:  # noqa: SIM110  (a plain loop: any() over a generator is slower)
            if w in text:
                return True
        return False


def folds_to_ascii(text: str) -> bool:
    """Whether ``text`` has a letter ``re`` matches as an ASCII letter ignoring case."""
    return bool(_FOLDS_TO_ASCII.search(text))
