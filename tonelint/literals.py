"""The literal text a regex cannot match without, so a rule skips regexes that cannot match.

A ruleset's pattern rules hold dozens of regexes and each would scan every post; most posts
contain none of the words those regexes need.  ``required_literals`` walks the parsed
regex (``re``'s own parser, as ``regexcheck`` does) and returns the longest run of literal
characters every match must contain (the longest), e.g. ``"pleased to "`` for
``\\b(?:we are )?pleased to (?:announce|share)\\b``, or one literal per branch of an
alternation; ``Gate`` tests a post's text for them with substring searches.  Only ASCII
runs are used, and with ``IGNORECASE`` the gate is not used on a text holding one of the
few non-ASCII letters ``re`` folds to ASCII, so a skipped regex never had a match.
``GateSet`` tests a pattern rule's many gates at once: one scan of the post finds which of
all their literals it holds (``LiteralIndex``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
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


class GateSet:
    """The gates of many regexes (a pattern rule's), tested together: one scan of the text
    finds which of all their literals it holds (most posts hold none), instead of a
    substring search per literal.  ``open`` gives the same answer as testing every gate.
    With few gates the scan costs more than it saves, and they are tested one by one."""

    __slots__ = ("_exact", "_folded", "_ignore_case", "_joined", "_ungated", "gates")

    JOIN_FROM = 8
    """The fewest gates with literals that are searched for together."""

    def __init__(self, gates: Sequence[Gate]) -> None:
        self.gates = gates
        self._ungated = [i for i, gate in enumerate(gates) if gate.literals is None]
        gated = [(i, gate) for i, gate in enumerate(gates) if gate.literals is not None]
        self._joined = len(gated) >= self.JOIN_FROM
        self._ignore_case = any(gate.ignore_case for _, gate in gated)
        folded: dict[str, set[int]] = {}
        exact: dict[str, set[int]] = {}
        for i, gate in gated:
            for word in gate.literals or ():
                (folded if gate.ignore_case else exact).setdefault(word, set()).add(i)
        try:
            self._folded = LiteralIndex(folded if self._joined else {})
            self._exact = LiteralIndex(exact if self._joined else {})
        except RecursionError:  # a literal too long to write as a trie: one by one
            self._joined = False
            self._folded = self._exact = LiteralIndex({})

    def open(self, text: str, lower: str, folded: bool) -> list[int]:
        """The indices of the gates that may match (``Gate.may_match`` for each, in order);
        ``lower`` and ``folded`` as ``Gate.may_match`` takes them."""
        if not self._joined or (folded and self._ignore_case):
            return [i for i, gate in enumerate(self.gates) if gate.may_match(text, lower, folded)]
        found = self._folded.owners_in(lower) | self._exact.owners_in(text)
        if not found:  # no gate's literal in the post: only the ungated regexes may match
            return self._ungated
        return sorted(found.union(self._ungated))


class LiteralIndex:
    """Which of many literals a text contains, in one scan: the literals are compiled into
    one regex written as a trie, tried at every position of the text, which finds the
    longest literal starting there; the literals starting there are that one and those of
    its prefixes that are literals too.  Each literal has owners (the gates it opens)."""

    __slots__ = ("_owners", "_regex")

    def __init__(self, owners: Mapping[str, Iterable[int]]) -> None:
        trie: dict[str, Any] = {}
        for word in owners:
            node = trie
            for char in word:
                node = node.setdefault(char, {})
            node[""] = {}  # a literal ends here
        self._regex = re.compile(f"(?=({_trie_pattern(trie)}))") if trie else None
        # the owners of a literal found, and of every literal that is a prefix of it
        self._owners = {
            word: frozenset(
                i for prefix in owners if word.startswith(prefix) for i in owners[prefix]
            )
            for word in owners
        }

    def owners_in(self, text: str) -> set[int]:
        """The owners of the literals ``text`` contains."""
        found: set[int] = set()
        if self._regex is not None:
            for m in self._regex.finditer(text):
                found.update(self._owners[m.group(1)])
        return found


def _trie_pattern(node: dict[str, Any]) -> str:
    """A regex matching the words of a trie, the longest first at each position (each
    branch starts with a different character, and a word that ends is optional)."""
    branches = [re.escape(char) + _trie_pattern(node[char]) for char in sorted(node) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def folds_to_ascii(text: str) -> bool:
    """Whether ``text`` has a letter ``re`` matches as an ASCII letter ignoring case."""
    return bool(_FOLDS_TO_ASCII.search(text))
