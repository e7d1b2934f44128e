"""Readability scores from textstat, computed offline.

textstat looks syllables up in NLTK's CMU dictionary and downloads it on first use; a linter
must never reach the network, and loading 130,000 entries would dominate a one-draft run.
Here textstat is told there is no dictionary, so it counts syllables with its Pyphen
hyphenation fallback (what textstat itself does for languages without a CMU dictionary).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

SCORES = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall_readability_score",
    "text_standard_grade",
)


def _no_cmudict(lang: str) -> None:
    return None


@functools.cache
def _textstat() -> Any:
    import textstat
    from textstat.backend.counts import _count_syllables

    _count_syllables.get_cmudict = _no_cmudict
    return textstat


def score_function(name: str) -> Callable[[str], float]:
    """The textstat function for score ``name`` (one of ``SCORES``)."""
    if name not in SCORES:
        raise ValueError(f"unknown score {name!r}; expected one of {', '.join(SCORES)}")

    def score(text: str) -> float:
        ts = _textstat()
        if name == "text_standard_grade":
            return float(ts.text_standard(text, float_output=True))
        return float(getattr(ts, name)(text))

    return score
