"""The platforms tonelint knows, their aliases, and how each counts a post's length.

Counting follows each platform's documented rules (see Platform limits in the README): X uses
twitter-text v3 weighting (via the ``twitter-text-parser`` package: CJK and most emoji weigh
2, every URL 23; the @handles a reply starts with do not count), Bluesky counts grapheme
clusters, Mastodon counts every URL as 23 and only the username part of a remote mention,
the others count characters.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Callable
from typing import Any

from .textspans import URL_RE

PLATFORMS = ("x", "bluesky", "mastodon", "threads", "linkedin", "instagram", "facebook")
ALIASES = {"twitter": "x", "bsky": "bluesky", "ig": "instagram", "fb": "facebook"}
NAMES = {
    "x": "X",
    "bluesky": "Bluesky",
    "mastodon": "Mastodon",
    "threads": "Threads",
    "linkedin": "LinkedIn",
    "instagram": "Instagram",
    "facebook": "Facebook",
}
COUNTINGS = ("twitter", "graphemes", "characters", "mastodon", "bytes")

_REMOTE_MENTION = re.compile(r"(@[A-Za-z0-9_]+)@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


def normalize(name: str) -> str:
    """The canonical platform name for ``name``; ``ValueError`` naming the closest one."""
    key = name.strip().lower()
    key = ALIASES.get(key, key)
    if key in PLATFORMS:
        return key
    close = difflib.get_close_matches(key, [*PLATFORMS, *ALIASES], n=1)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    raise ValueError(f"unknown platform {name!r}{hint} (known: {', '.join(PLATFORMS)})")


_REPLY_MENTIONS = re.compile(r"^(?:@[A-Za-z0-9_]{1,15}\s+)+(?=\S)")


def display(name: str | None, fallback: str = "the same platform") -> str:
    """The platform's name as people write it ("LinkedIn"), or ``fallback``."""
    return NAMES.get(name or "", fallback)


def _twitter(text: str) -> int:
    """X's weighted length; the @handles a reply starts with are not counted, as on X."""
    from twitter_text import parse_tweet

    return int(parse_tweet(_REPLY_MENTIONS.sub("", text)).weightedLength)


def _mastodon(text: str) -> int:
    text = _REMOTE_MENTION.sub(r"\1", text)
    return len(URL_RE.sub("x" * 23, text))


@functools.cache
def _grapheme_re() -> Any:
    import regex

    return regex.compile(r"\X")


def graphemes(text: str) -> list[str]:
    """The grapheme clusters of ``text`` (what a reader sees as one character)."""
    return list(_grapheme_re().findall(text))


COUNTERS: dict[str, Callable[[str], int]] = {
    "twitter": _twitter,
    "graphemes": lambda text: len(graphemes(text)),
    "characters": len,
    "mastodon": _mastodon,
    "bytes": lambda text: len(text.encode("utf-8")),
}


_DOMAIN_DOT = re.compile(r"\.[^\W\d_]")
_LIGHT = re.compile(r"[\u0000-\u10ff\u2000-\u200d\u2010-\u201f\u2032-\u2037]")


def within(text: str, counting: str, limit: int) -> bool:
    """A cheap check that ``text`` is surely within ``limit`` (False: measure it).

    For X, every character weighs at most 2 and a link at most 23, so "light" characters
    plus twice the rest plus 23 for each dot bounds the weighted length from above without
    running twitter-text's (slow) emoji and URL extraction."""
    if counting == "twitter":
        links = URL_RE.findall(text)
        rest = URL_RE.sub("", text)
        light = len(_LIGHT.findall(rest))
        dots = len(_DOMAIN_DOT.findall(rest))  # a link twitter-text finds that URL_RE missed
        return light + 2 * (len(rest) - light) + 23 * (len(links) + dots) <= limit
    if counting == "mastodon":
        return len(text) + 23 * text.count(".") <= limit
    return counting in ("characters", "graphemes") and len(text) <= limit


def measure(text: str, counting: str) -> int:
    """The length of ``text`` as the platform counts it (after NFC normalisation)."""
    return COUNTERS[counting](unicodedata.normalize("NFC", text))


def _twitter_overflow(text: str, limit: int) -> int | None:
    """Where X cuts ``text`` at ``limit``, from one twitter-text parse (None: not exact)."""
    from twitter_text import parse_tweet
    from twitter_text.config import config

    if unicodedata.normalize("NFC", text) != text:
        return None
    reply = _REPLY_MENTIONS.match(text)
    skip = reply.end() if reply else 0
    options = {**config["defaults"], "max_weighted_tweet_length": limit}
    result = parse_tweet(text[skip:], options)
    return skip + int(result.validRangeEnd) + 1


def overflow_offset(text: str, counting: str, limit: int) -> int:
    """Offset of the first grapheme that takes ``text`` over ``limit``."""
    if counting == "twitter":
        exact = _twitter_overflow(text, limit)
        if exact is not None:
            return exact
    bounds = [m.end() for m in _grapheme_re().finditer(text)]
    lo, hi = 0, len(bounds) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if measure(text[: bounds[mid]], counting) > limit:
            hi = mid
        else:
            lo = mid + 1
    return bounds[lo - 1] if lo > 0 else 0
