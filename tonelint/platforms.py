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


def measure(text: str, counting: str) -> int:
    """The length of ``text`` as the platform counts it (after NFC normalisation)."""
    return COUNTERS[counting](unicodedata.normalize("NFC", text))


def overflow_offset(text: str, counting: str, limit: int) -> int:
    """Offset of the first grapheme that takes ``text`` over ``limit`` (binary search)."""
    bounds = [m.end() for m in _grapheme_re().finditer(text)]
    lo, hi = 0, len(bounds) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if measure(text[: bounds[mid]], counting) > limit:
            hi = mid
        else:
            lo = mid + 1
    return bounds[lo - 1] if lo > 0 else 0
