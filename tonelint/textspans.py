"""Find the parts of a post that are not prose: URLs, @handles, #hashtags, quotes, code.

Phrase and pattern rules skip matches inside these spans unless a rule opts in, so a quoted
customer, a product URL or ``#TeamSynergy`` never gets a jargon warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

SPAN_KINDS = ("urls", "mentions", "hashtags", "quotes", "code")

_TLDS = (
    "com|org|net|edu|gov|io|co|us|uk|ca|au|de|fr|nl|ie|nz|in|info|biz|health|dental|care|"
    "clinic|law|legal|realty|estate|app|dev|ly|me|tv|shop|store|online|site|ai|eu|es|it|ch|"
    "be|at|se|no|dk|fi|pl|pt|br|mx|jp|cn|kr|sg|hk|za|ng|ke|gl|gle|page|link|example|org\\.uk|co\\.uk"
)
URL_RE = re.compile(
    r"(?i)\b(?:https?://|www\.)[^\s<>\"]+[^\s<>\"'.,;:!?)\]]"
    r"|\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:"
    + _TLDS
    + r")\b(?:/[^\s<>\"]*[^\s<>\"'.,;:!?)\]])?"
)
MENTION_RE = re.compile(r"(?<![\w@])@[A-Za-z0-9_]{1,30}(?:@[A-Za-z0-9.-]+\.[a-z]{2,})?")
HASHTAG_RE = re.compile(r"(?<![\w#&/])#(?!\d+\b)\w+")
QUOTE_RE = re.compile(r"\u201c[^\u201d\n]{1,400}\u201d|(?<![\w\"])\"[^\"\n]{1,400}\"(?![\w\"])")
CODE_RE = re.compile(r"`[^`\n]+`")


# Words that open a sentence with a comma but are not a person's name ("Yesterday, we ...").
_NOT_NAMES = (
    r"(?:yesterday|today|tonight|tomorrow|recently|now|here|so|also|again|finally|first|"
    r"next|then|meanwhile|however|together|currently|lately|earlier|later|overall|instead|"
    r"sunday|monday|tuesday|wednesday|thursday|friday|saturday|january|february|march|"
    r"april|june|july|august|september|october|november|december|this year|last year|"
    r"this week|last week|this month|last month)\b"
)
_REPLY_OPENING = re.compile(
    r"^\s*(?:@\w{1,30}\b"
    r"|(?:hi|hello|hey|dear|thanks|thank you)[, ]+(?-i:[A-Z][a-z]+)\b(?!\s+(?-i:[A-Z]))"
    r"|(?!" + _NOT_NAMES + r")(?-i:[A-Z][a-z]+),\s+(?:thank you|thanks|we)\b"
    r"|(?:thank you|thanks) (?:so much )?for (?:your|the|this) (?:\w+ )?"
    r"(?:review|feedback|words|comment|note|message|stars|rating))",
    re.IGNORECASE,
)


def hashtag_form(phrase: str) -> str:
    """A phrase as a hashtag writes it: lower case, letters and digits only ("happy
    thanksgiving" -> "happythanksgiving", "video production" -> "videoproduction")."""
    return "".join(c for c in phrase.lower() if c.isalnum())


def is_reply(text: str) -> bool:
    """Whether the text answers a person: it starts with their @handle, greets them by name
    ("Hi Sarah,"), or thanks them for a review or comment."""
    return bool(_REPLY_OPENING.match(text))


# Each kind's regex, and a character every span of the kind contains: a text without it
# has no span of the kind (a substring test, much cheaper than the regex).
_FINDERS: dict[str, tuple[re.Pattern[str], str]] = {
    "urls": (URL_RE, "./"),
    "mentions": (MENTION_RE, "@"),
    "hashtags": (HASHTAG_RE, "#"),
    "quotes": (QUOTE_RE, '"\u201c'),
    "code": (CODE_RE, "`"),
}


def find_spans(text: str, kinds: Iterable[str]) -> list[tuple[int, int]]:
    """Character ranges of every span of the given kinds in ``text``, sorted by start."""
    spans: list[tuple[int, int]] = []
    for kind in kinds:
        spans.extend(spans_of(text, kind))
    spans.sort()
    return spans


def spans_of(text: str, kind: str) -> list[tuple[int, int]]:
    """Character ranges of every span of one kind in ``text``, in order (a regex's matches
    do not overlap, so they come sorted)."""
    regex, needs = _FINDERS[kind]
    for char in needs:
        if char in text:
            return [m.span() for m in regex.finditer(text)]
    return []


def overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether ``[start, end)`` overlaps any of ``spans`` (a short, sorted list)."""
    for s, e in spans:
        if s >= end:
            return False
        if e > start:
            return True
    return False
