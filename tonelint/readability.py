"""Readability scores from textstat, computed offline.

textstat looks syllables up in NLTK's CMU dictionary and downloads it on first use; a linter
must never reach the network, and loading 130,000 entries would dominate a one-draft run.
Here textstat is given, in place of the dictionary, a table that answers every word with
the syllable count of its own Pyphen hyphenation fallback (what textstat does for languages
without a CMU dictionary), remembered per word: the counts are the fallback's, and each
word is hyphenated once per process instead of once per post (with an exception raised
for every word on the way).
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


class _HyphenationSyllables(dict[str, list[list[str]]]):
    """Looks like textstat's CMU dictionary (word -> [phonemes]) for ``lang``: a word's
    entry has one stressed "phoneme" per syllable Pyphen finds, computed on first lookup."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        from textstat.backend.utils import get_pyphen

        self.pyphen = get_pyphen(lang)

    def __missing__(self, word: str) -> list[list[str]]:
        syllables = len(self.pyphen.positions(word)) + 1
        entry = self[word] = [["1"] * syllables]
        return entry


@functools.cache
def _syllable_table(lang: str) -> _HyphenationSyllables:
    return _HyphenationSyllables(lang)


@functools.cache
def _textstat() -> Any:
    import textstat
    from textstat.backend.counts import _count_syllables

    _count_syllables.get_cmudict = _syllable_table
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
