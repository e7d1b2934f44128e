"""What a post does, as countable signals: who it talks about, what it sells, whether it
asks, answers or invites.  The ``score`` rule type weighs these into explainable judgements
(``self-promotion``, ``no-engagement``).

Signals come from the blank pipeline's tokens and lemmas, the account config, and the
vocabulary lists a ruleset gives (``promotional``, ``bragging``, ``calls_to_buy``,
``invitations``), matched like ``phrase`` rules.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from .rules.phrase import PhraseIndex
from .textspans import MENTION_RE, QUOTE_RE, URL_RE, is_reply, overlaps

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .context import PostContext

FIRST_PERSON = frozenset(
    {"we", "our", "ours", "us", "ourselves", "i", "my", "me", "mine", "myself"}
)
IMPLIED_SPEAKER = frozenset({"proud", "honored", "honoured", "thrilled", "excited", "delighted"})
SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "yourselves", "y'all", "ya"})
VOCABULARIES = ("promotional", "bragging", "calls_to_buy", "invitations")
SIGNALS = (
    "first_person",
    "self_mention",
    "second_person",
    *VOCABULARIES,
    "link",
    "question",
    "mention",
    "reply",
)
# Composite signal names a rule may also use.
COMPOSITES = {"self_reference": ("first_person", "self_mention")}

_RESHARE = re.compile(r"^\s*RT (@\w{1,30}):")
_REPLY = re.compile(r"^\s*(?:@\w{1,30}\s*)+")
_QUESTION = re.compile(r"\?(?=[\s\"'\u201d)]|$)")


def _opens_sentence(token: Token, followers: tuple[str, ...]) -> bool:
    """The token starts a sentence and the next word is one of ``followers``."""
    doc = token.doc
    first = token.i == 0 or token.is_sent_start or doc[token.i - 1].is_space
    return bool(first and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in followers)


@dataclass
class Signals:
    """Counts per signal, and the words that produced them (for the message)."""

    counts: dict[str, int] = field(default_factory=dict)
    words: dict[str, list[str]] = field(default_factory=dict)

    def add(self, name: str, word: str) -> None:
        self.counts[name] = self.counts.get(name, 0) + 1
        self.words.setdefault(name, []).append(word)

    def count(self, name: str) -> int:
        parts = COMPOSITES.get(name, (name,))
        return sum(self.counts.get(p, 0) for p in parts)


class Vocabulary:
    """The ruleset's signal word lists, compiled once (and shared by rules with the same lists,
    so a post's signals are counted once for all of them)."""

    _shared: ClassVar[dict[str, Vocabulary]] = {}

    def __init__(self, lists: Mapping[str, Sequence[str]]) -> None:
        self.indexes = {
            name: PhraseIndex([(p, None) for p in lists.get(name, ())]) for name in VOCABULARIES
        }

    @classmethod
    def shared(cls, lists: Mapping[str, Sequence[str]]) -> Vocabulary:
        key = json.dumps({k: list(v) for k, v in lists.items()}, sort_keys=True)
        if key not in cls._shared:
            cls._shared[key] = cls(lists)
        return cls._shared[key]


def extract(ctx: PostContext, vocabulary: Vocabulary) -> Signals:
    """Count every signal in one post (once per post and vocabulary)."""
    cache: dict[int, Signals] = ctx.cache.setdefault("signals", {})
    if id(vocabulary) not in cache:
        cache[id(vocabulary)] = _extract(ctx, vocabulary)
    return cache[id(vocabulary)]


def _extract(ctx: PostContext, vocabulary: Vocabulary) -> Signals:
    text = ctx.text
    signals = Signals()
    account = ctx.post.account
    reshare = _RESHARE.match(text)
    if reshare:  # "RT @someone: ..." passes on another account's words: a share, not a boast
        signals.add("mention", reshare.group(1))
        return signals
    quoted = [m.span() for m in QUOTE_RE.finditer(text)]
    urls = [m.span() for m in URL_RE.finditer(text)]
    self_spans = account.self_mentions(text) if account else []
    for start, end in self_spans:
        signals.add("self_mention", " ".join(text[start:end].split()))
    if urls:
        signals.add("link", text[urls[0][0] : urls[0][1]])
    reply = _REPLY.match(text)
    if reply and account and account.owns_handle(reply.group().split()[0]):
        reply = None  # "@OurBrand did X": the account talking about itself, not a reply
    if reply:
        signals.add("reply", reply.group().strip())
    elif is_reply(text) and not text.lstrip().startswith("@"):
        signals.add("reply", text.strip()[:20])  # "Hi Maria, ..." answers a person
    for m in MENTION_RE.finditer(text):
        if reply and m.end() <= reply.end():
            continue
        if overlaps(m.start(), m.end(), urls) or (account and account.owns_handle(m.group())):
            continue
        signals.add("mention", m.group())
    for m in _QUESTION.finditer(text):
        if not overlaps(m.start(), m.end(), quoted) and not overlaps(m.start(), m.end(), urls):
            signals.add("question", "?")
    for token in ctx.doc:
        lower = token.lower_.replace("\u2019", "'")
        if overlaps(token.idx, token.idx + len(token), quoted):
            continue
        if lower in FIRST_PERSON and not (token.text == "US" or token.text == "U.S."):
            signals.add("first_person", token.text)
        elif lower in IMPLIED_SPEAKER and _opens_sentence(token, ("to", "of")):
            signals.add("first_person", token.text)  # "Proud to ...": "we" left out
        elif lower in SECOND_PERSON:
            signals.add("second_person", token.text)
    skip = sorted([*quoted, *urls, *self_spans])
    for name, index in vocabulary.indexes.items():
        for start, end, _, _ in index.find(ctx.doc):
            if not overlaps(start, end, skip):
                signals.add(name, " ".join(text[start:end].split()))
    return signals
