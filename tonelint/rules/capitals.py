"""Rule type ``capitals``: shouting — words in ALL CAPS and runs of exclamation marks.

Two or more ordinary English words in a row in capitals ("HUGE SALE TODAY") are shouting;
so is a single capitalised word from ``words``, the emphasis words of ads ("FREE", "NOW").
The spaCy lookup table and a short list of common words tell which words are English;
capitalised tokens that are not words are taken as acronyms or names ("HIPAA", "KFC",
"COVID") and left alone, as are the ``acronyms`` a ruleset lists ("WHO", "US").  A single
capitalised word outside ``words`` is not flagged: it is as likely an acronym ("REACH") or a
label ("VIDEO:") as a shout.  ``max_exclamations`` is the longest run of "!" that is fine.

Example::

    FAIL  HUGE SALE this weekend!!!
    PASS  Our HIPAA training for staff is done. See you Monday!
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from .. import nlp
from ..model import Match
from ..textspans import overlaps
from .base import Option, Rule, string_list

if TYPE_CHECKING:
    from ..context import PostContext

_COMMON = frozenset(
    """
    a all also and any are as at be but by can do don't ever every for from get go has
    have he her here him his how if in is it its just let me more most much must my
    never no not now of off on one only or our out over really so some still such than
    that the their them then there these they this those to too up us very was way we
    were what when where which who why will with yes you your
    """.split()
)
_CAPS = re.compile(r"(?<![\w#@$])[A-Z][A-Z']*[A-Z](?![\w])")


@functools.cache
def english_words() -> frozenset[str]:
    table = nlp.lemma_table()
    return frozenset(table) | frozenset(table.values()) | _COMMON


class CapitalsRule(Rule):
    type_name = "capitals"
    summary = "Shouting: ordinary words in ALL CAPS, long runs of exclamation marks."
    placeholders = frozenset({"match", "kind"})
    options: ClassVar[dict[str, Option]] = {
        "min_letters": Option(int, 3, "Shortest ALL-CAPS word that counts."),
        "acronyms": Option(list, [], "Capitalised words that are fine (acronyms).", string_list),
        "words": Option(list, [], "Words that are shouting even alone in capitals.", string_list),
        "max_exclamations": Option(int, 1, "Longest run of '!' that is fine (0: no limit)."),
    }

    def __init__(self, rule_id: str, message: str, options: Mapping[str, Any]) -> None:
        super().__init__(rule_id, message, options)
        self.acronyms = frozenset(a.lower() for a in self.opts["acronyms"])
        self.loud = frozenset(w.lower() for w in self.opts["words"])
        limit = self.opts["max_exclamations"]
        self.bangs = re.compile("!{" + str(limit + 1) + ",}") if limit > 0 else None

    def check(self, ctx: PostContext) -> Iterator[Match]:
        skipped = ctx.skipped_spans(("urls", "mentions", "hashtags", "quotes", "code"))
        words = english_words()
        found: list[tuple[int, int, str]] = []
        for m in _CAPS.finditer(ctx.text):
            word = m.group()
            lower = word.lower().replace("'", "")
            if len(lower) < self.opts["min_letters"] or lower in self.acronyms:
                continue
            if (lower in words or word.lower() in words) and not overlaps(*m.span(), skipped):
                found.append((m.start(), m.end(), "capitals"))
        if self.bangs is not None:
            found += [(m.start(), m.end(), "exclamations") for m in self.bangs.finditer(ctx.text)]
        for start, end, kind in _merge(sorted(found), ctx.text):
            text = ctx.text[start:end]
            if kind == "capitals" and " " not in text.strip() and text.lower() not in self.loud:
                continue
            yield Match(start, end, self.render(match=text, kind=kind))


def _merge(found: list[tuple[int, int, str]], text: str) -> Iterator[tuple[int, int, str]]:
    """Join capitalised words separated only by spaces into one span ("BIG SALE NOW")."""
    current: list[int] | None = None
    kind = ""
    for start, end, k in found:
        if current and k == kind == "capitals" and not text[current[1] : start].strip():
            current[1] = end
            continue
        if current:
            yield current[0], current[1], kind
        current, kind = [start, end], k
    if current:
        yield current[0], current[1], kind
