"""Whose voice a post is in: the ``account`` a config, front matter or schedule names.

Self-promotion is relative to who posts.  An account has a ``name``, ``handles``,
``aliases`` (brands, products, subsidiaries, franchise names that count as "us") and a
``website``.  Rules treat a third-person mention of any of them ("Acme's new plant",
"@AcmeCo franchisees", a link to acme.example) as self-reference, like "we" and "our".

People shorten a business's name: "Acme Plumbing LLC" posts about "Acme", "Yum! Brands"
about "Yum!".  ``short_name`` drops legal suffixes and trade words from the end of the name;
what is left counts too, written with the name's own capitals, unless it could be read as
ordinary words ("Summit" of "Summit Dental", "The" of "The Law Group" are not taken).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from .nlp import is_common_word
from .textspans import HASHTAG_RE, MENTION_RE

# Legal forms and trade words a business name ends with, that people leave out when they
# name it ("Acme Plumbing LLC" -> "Acme").  Lower case; matched word by word from the end.
LEGAL_SUFFIXES = frozenset(
    """inc inc. incorporated llc l.l.c. ltd ltd. limited corp corp. corporation co co.
    company companies group holdings brands plc gmbh llp pllc pc p.c. lp sa ag""".split()
)
TRADE_WORDS = frozenset(
    """plumbing heating cooling hvac electric electrical roofing construction builders
    remodeling landscaping cleaning dental dentistry orthodontics periodontics clinic
    clinics medical medicine health healthcare pharmacy pediatrics chiropractic physiotherapy
    therapy veterinary vet hospital law legal attorneys lawyers realty properties mortgage
    mortgages lending financial finance insurance accounting bakery cafe café coffee
    restaurant restaurants salon spa fitness gym studio studios services solutions partners
    associates consulting agency marketing media labs technologies tech systems foods
    automotive auto repair care gutters air photo photography dermatology optometry
    pediatrics""".split()
)

ACCOUNT_KEYS = ("name", "handles", "aliases", "website")
# What sets a branch, a location, a person or a trade off a business's name: a dash or a
# bar between spaces, or a comma ("Acme Dental - Elm Street", "Acme | Dr. Lee", "Ruiz &
# Pham, Attorneys at Law").
_QUALIFIER = re.compile(r"\s+[-\u2013\u2014|]\s+|,\s+")


@dataclass(frozen=True)
class Account:
    name: str | None = None
    handles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    website: str | None = None

    @functools.cached_property
    def _head(self) -> str | None:
        """The name without a branch, a person or a trade after a dash, a bar or a comma
        ("Ruiz & Pham, Attorneys at Law" posts as "Ruiz & Pham"; "Tri-County Credit
        Union - Elm Street Branch" posts as "Tri-County Credit Union"; "Align Chiropractic |
        Dr. Tessa Ruiz" as "Align Chiropractic"), when there is one of two words or more."""
        name = (self.name or "").strip()
        head = _QUALIFIER.split(name, maxsplit=1)[0].strip()
        return head if head != name and len(head.split()) > 1 else None

    @functools.cached_property
    def _names(self) -> list[str]:
        """The name, the aliases and the name's head (``_head``)."""
        names = [n.strip() for n in (self.name, *self.aliases) if n and n.strip()]
        return [*names, self._head] if self._head else names

    @functools.cached_property
    def _short(self) -> str | None:
        """The head's short form (``short_name``): "Acme" of "Acme Plumbing LLC"."""
        return short_name(self._head or self.name or "")

    @functools.cached_property
    def _patterns(self) -> tuple[re.Pattern[str] | None, frozenset[str]]:
        names = self._names
        parts = [r"(?<![\w@#])" + re.escape(n) + r"(?!\w)" for n in names]
        short = self._short
        if short and short.lower() not in {n.lower() for n in names}:
            parts.append(r"(?-i:(?<![\w@#])" + re.escape(short) + r"(?!\w))")
        domain = _domain(self.website) if self.website else None
        if domain:  # first, so "acme" inside "acme-plumbing.example" is the website
            parts.insert(0, r"(?:https?://)?(?:www\.)?" + re.escape(domain) + r"\b[^\s]*")
        handles = frozenset(h.lower().lstrip("@") for h in self.handles if h.strip())
        regex = re.compile("|".join(parts), re.IGNORECASE) if parts else None
        return regex, handles

    @functools.cached_property
    def _brand_stems(self) -> tuple[str, ...]:
        names = [n for n in (self.name, *self.aliases) if n]
        stems = {re.sub(r"[^a-z0-9]", "", n.lower()) for n in names}
        return tuple(s for s in stems if len(s) >= 3)

    @functools.cached_property
    def _own_hashtags(self) -> frozenset[str]:
        """Hashtags that name the business: a handle, or a name, alias or the short name
        run together, with or without its legal suffix ("#baysiderealty" for "Bayside
        Realty Co.") and with "&" written as "and" or left out ("#crumbandkettle")."""
        tags = {h.lower().lstrip("@") for h in self.handles if h.strip()}
        names = [n for n in (*self._names, self._short) if n]
        for name in list(names):
            words = name.split()
            while len(words) > 1 and words[-1].lower().strip(".,") in LEGAL_SUFFIXES:
                words.pop()
            names.append(" ".join(words))
        for name in names:
            lower = name.lower()
            for amp in ("and", ""):
                tags.add(re.sub(r"[^a-z0-9]", "", lower.replace("&", amp)))
        return frozenset(t for t in tags if len(t) >= 3)

    def self_mentions(self, text: str) -> list[tuple[int, int]]:
        """Spans where the text names the account itself (name, alias, handle, website,
        or a hashtag of its name)."""
        regex, _ = self._patterns
        spans = [m.span() for m in regex.finditer(text)] if regex else []
        spans += [m.span() for m in MENTION_RE.finditer(text) if self.owns_handle(m.group())]
        if "#" in text:
            own = self._own_hashtags
            spans += [m.span() for m in HASHTAG_RE.finditer(text) if m.group()[1:].lower() in own]
        return sorted(spans)

    def owns_handle(self, handle: str) -> bool:
        """A handle of the account, or one that starts with its name or an alias
        ("@TacoBellIndia" for the alias "Taco Bell": a regional or brand account)."""
        key = handle.lower().lstrip("@")
        return key in self._patterns[1] or key.startswith(self._brand_stems)


def short_name(name: str) -> str | None:
    """The name without the legal suffixes and trade words it ends with ("Acme Plumbing
    LLC" -> "Acme", "Peak Motion Physiotherapy" -> "Peak Motion"), or None when nothing is
    left out or what is left could be read as ordinary words.  One word left must be a
    word no dictionary, stop-word or trade list knows ("Summit" of "Summit Dental" is not
    taken).  Two or more words left are taken as a name, since they are matched with the
    name's own capitals, unless they start like a place ("New York Dental", "St. Louis
    Plumbing"), hold a trade word, or are all stop words."""
    words = name.replace(",", " ").split()
    kept = list(words)
    while len(kept) > 1 and kept[-1].lower() in _DROPPED_AT_END:
        kept.pop()
    if len(kept) == len(words):
        return None
    short = " ".join(kept)
    if len(short.strip("!.'\u2019")) < 3:
        return None
    bare = [w.strip("!.'\u2019").lower() for w in kept if w not in ("&", "and")]
    bare = [w for w in bare if w]
    if len(bare) > 1:
        if bare[0] in _PLACE_WORDS or bare[-1] in _STREET_WORDS:
            return None  # "New York Dental", "Main Street Bakery": a place
        if any(w in TRADE_WORDS for w in bare):
            return None
        return None if all(w in _stop_words() for w in bare) else short
    for word in bare:
        if word in _stop_words() or word in _NOT_A_NAME or is_common_word(word):
            return None
    return short


# First words of place names ("St. Louis Plumbing", "Fort Worth Dental").
_PLACE_WORDS = frozenset(
    "st saint san santa los las fort mount mt port lake new north south east west".split()
)
_STREET_WORDS = frozenset(
    "street st avenue ave road rd lane ln boulevard blvd drive square".split()
)
_DROPPED_AT_END = LEGAL_SUFFIXES | TRADE_WORDS | {"&", "and", "the"}
_NOT_A_NAME = TRADE_WORDS | _PLACE_WORDS


@functools.cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _domain(website: str) -> str:
    site = re.sub(r"^[a-z]+://", "", website.strip().lower())
    return site.removeprefix("www.").split("/")[0]


def parse_account(value: Any) -> Account:
    """An ``Account`` from a config/front-matter mapping; ``ValueError`` says what is wrong."""
    if not isinstance(value, dict):
        raise ValueError("'account' must be a mapping with name, handles, aliases, website")
    unknown = sorted(set(value) - set(ACCOUNT_KEYS))
    if unknown:
        raise ValueError(f"unknown account key {unknown[0]!r} (expected {', '.join(ACCOUNT_KEYS)})")

    def strings(key: str) -> tuple[str, ...]:
        items = value.get(key) or []
        if isinstance(items, str):
            items = [items]
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise ValueError(f"account '{key}' must be a list of strings")
        return tuple(items)

    for key in ("name", "website"):
        if value.get(key) is not None and not isinstance(value[key], str):
            raise ValueError(f"account '{key}' must be a string")
    return Account(value.get("name"), strings("handles"), strings("aliases"), value.get("website"))
