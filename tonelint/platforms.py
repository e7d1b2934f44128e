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


# Every emoji twitter-text weighs differently from its code points contains one of these:
# the copyright and registered signs (weight 1 as text, 2 as emoji) or a character that
# joins code points into one emoji (ZWJ, VS16, keycap, skin tone, flag letters, tags).
_EMOJI_SEQUENCE = re.compile(
    "[\u00a9\u00ae\u200d\u20e3\ufe0f\U0001f1e6-\U0001f1ff\U0001f3fb-\U0001f3ff"
    "\U000e0020-\U000e007f]"
)


def _parse_tweet(text: str, limit: int = 280) -> Any:
    """twitter-text's own parse of ``text``."""
    from twitter_text import parse_tweet
    from twitter_text.config import config

    return parse_tweet(text, {**config["defaults"], "max_weighted_tweet_length": limit})


@functools.lru_cache(maxsize=256)
def _weigh(text: str, limit: int = 280) -> tuple[int, int]:
    """X's weighted length of ``text`` and the code-point offset where it passes ``limit``
    (cached: a post's length and its overflow point come from one pass).

    twitter-text's ``parse_tweet`` scans every text with a very large emoji regex, which
    costs a couple of milliseconds a post.  When the text holds no emoji that weighs other
    than its code points (see ``_EMOJI_SEQUENCE``), is NFC, has no CR and no invalid
    character, the same figures follow from twitter-text's URL extraction and its weight
    ranges alone; otherwise ``parse_tweet`` runs.  Tests check both paths agree."""
    from twitter_text.config import config
    from twitter_text.extract_urls import extract_urls_with_indices
    from twitter_text.has_invalid_characters import has_invalid_characters

    if (
        "\r" in text
        or _EMOJI_SEQUENCE.search(text)
        or has_invalid_characters(text)
        or unicodedata.normalize("NFC", text) != text
    ):
        result = _parse_tweet(text, limit)
        return int(result.weightedLength), _code_points(text, int(result.validRangeEnd) + 1)
    url_weight = int(config["defaults"]["transformed_url_length"])
    ends = {u["indices"][0]: u["indices"][1] for u in extract_urls_with_indices(text)}
    total, last = 0, 0
    for start in sorted(ends):
        total += _light_weight(text[last:start]) + url_weight
        last = ends[start]
    total += _light_weight(text[last:])
    if total <= limit:
        return total, len(text)
    weight, shown, i = 0, 0, 0
    while i < len(text):
        end = ends.get(i)
        if end is not None:
            weight += url_weight
            i = end - 1
        else:
            weight += 2 if _HEAVY.match(text, i) else 1
        if weight > limit:
            break
        shown = i
        i += 1
    return total, shown + 1


def _light_weight(text: str) -> int:
    """X's weight of text without links or emoji sequences: 1 a character in its weight-1
    ranges, 2 any other."""
    return len(text) + len(_HEAVY.findall(text))


def _code_points(text: str, utf16: int) -> int:
    """The code-point offset in ``text`` of a UTF-16 offset (twitter-text counts UTF-16)."""
    units = 0
    for i, char in enumerate(text):
        if units >= utf16:
            return i
        units += 2 if ord(char) > 0xFFFF else 1
    return len(text)


def _twitter(text: str) -> int:
    """X's weighted length; the @handles a reply starts with are not counted, as on X."""
    return _weigh(_REPLY_MENTIONS.sub("", text))[0]


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


_DOMAIN_DOT = re.compile(r"(?<=[\w-])\.[^\W\d_]{2}")
# Characters X may weigh 2: outside its weight-1 ranges, or the copyright and registered
# signs, which weigh 2 as emoji.
_HEAVY = re.compile(
    r"[^\u0000-\u00a8\u00aa-\u00ad\u00af-\u10ff\u2000-\u200d\u2010-\u201f\u2032-\u2037]"
)


def within(text: str, counting: str, limit: int, urls: list[tuple[int, int]] | None = None) -> bool:
    """A cheap check that ``text`` is surely within ``limit`` (False: measure it).

    For X, every character weighs at most 2 and a link at most 23, so "light" characters
    plus twice the rest plus 23 for each dot bounds the weighted length from above without
    running twitter-text's (slow) emoji and URL extraction.  ``urls``: the spans of
    ``URL_RE`` in ``text`` when the caller has them already.  Bounds are taken on the NFC
    form, which is what ``measure`` counts (NFC can lengthen a text)."""
    if not text.isascii():
        normalized = unicodedata.normalize("NFC", text)
        if normalized != text:
            text, urls = normalized, None
    if counting == "twitter":
        if urls is None:
            urls = [m.span() for m in URL_RE.finditer(text)]
        links = urls
        bounds = [0, *(p for span in urls for p in span), len(text)]
        rest = "".join(text[bounds[i] : bounds[i + 1]] for i in range(0, len(bounds), 2))
        light = len(rest) - len(_HEAVY.findall(rest))
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
    if unicodedata.normalize("NFC", text) != text:
        return None
    reply = _REPLY_MENTIONS.match(text)
    skip = reply.end() if reply else 0
    return skip + _weigh(text[skip:], limit)[1]


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
