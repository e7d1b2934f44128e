"""Learned cue words: a weighted lexicon of lemmas a score rule adds up.

The hand-written signals of ``self-promotion`` (we/our, offers, calls to buy, questions ...)
miss the many quiet ways a business shows itself off: "Patio and raised beds finished this
week", "Green to clean in 4 days", "Now booking autumn tidy-ups".  A cue lexicon weighs the
words of a post the way readers' labels do.  ``bench/train_cues.py`` fits it: a logistic
regression over the post's rule score and the presence of each common English lemma, on
the labelled development posts.  The file it writes holds a ``bias`` and a
``cues`` mapping (lemma -> weight), already in the units of the rule's own score, so a
post's score is its signal score plus ``bias`` plus the weights of the cues it contains.

Features are the lower-case lemmas of the post's alphabetic words, from the same lookup
table as every other rule ("booked" and "Booking" are both "book"); numbers, links and
@handles are not words here, and a hashtag's word is ("#Spring" gives "spring").  Each
cue counts once per post.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import nlp

if TYPE_CHECKING:
    from spacy.tokens import Doc

# (orth, norm) -> lemma, shared across posts; bounded like the other per-word caches.
_LEMMAS: dict[tuple[int, int], str] = {}
_LEMMAS_MAX = 200_000


def cue_features(doc: Doc) -> frozenset[str]:
    """The lemmas of ``doc``'s alphabetic words (computed once)."""
    cached: frozenset[str] | None = doc.user_data.get("tonelint_cues")
    if cached is not None:
        return cached
    toks = nlp.tokens(doc)
    table = nlp.lemma_table()
    found: set[str] = set()
    words, alpha, lowers, norms = toks.words, toks.alpha, toks.lowers, toks.norms
    for i, key in enumerate(toks.keys):
        if not (words[i] and alpha[i]):
            continue
        lemma = _LEMMAS.get(key)
        if lemma is None:
            lemma = nlp.lemma_of(lowers[i], norms[i], table)
            if len(_LEMMAS) >= _LEMMAS_MAX:
                _LEMMAS.clear()
            _LEMMAS[key] = lemma
        found.add(lemma)
    result = frozenset(found)
    doc.user_data["tonelint_cues"] = result
    return result


@dataclass(frozen=True)
class CueLexicon:
    """A bias and cue weights, in the units of a score rule's score."""

    bias: float
    cues: Mapping[str, float]

    def weigh(self, features: frozenset[str]) -> tuple[float, list[tuple[str, float]]]:
        """The lexicon's part of a post's score, and the cues that fired with their weights
        (strongest first)."""
        cues = self.cues
        fired = [(f, cues[f]) for f in features if f in cues]
        fired.sort(key=lambda item: (-abs(item[1]), item[0]))
        return self.bias + sum(w for _, w in fired), fired


def check_lexicon(value: Any) -> None:
    """Raise ValueError unless ``value`` is ``{bias: number, cues: {word: number}}``."""
    if not isinstance(value, Mapping):
        raise ValueError("must map 'bias' and 'cues'")
    unknown = set(value) - {"bias", "cues"}
    if unknown:
        raise ValueError(f"unknown key {sorted(unknown)[0]!r}; expected 'bias' and 'cues'")
    bias = value.get("bias", 0)
    if isinstance(bias, bool) or not isinstance(bias, int | float):
        raise ValueError("'bias' must be a number")
    cues = value.get("cues", {})
    if not isinstance(cues, Mapping):
        raise ValueError("'cues' must map words to weights")
    for word, weight in cues.items():
        if not isinstance(word, str) or len(word.split()) != 1:
            raise ValueError(f"cue {word!r} must be one word")
        if isinstance(weight, bool) or not isinstance(weight, int | float):
            raise ValueError(f"weight of cue {word!r} must be a number")


def lexicon_of(value: Mapping[str, Any] | None) -> CueLexicon | None:
    """A checked option value as a ``CueLexicon`` (None when there is none)."""
    if not value:
        return None
    cues = {str(word).strip().lower(): float(w) for word, w in value.get("cues", {}).items()}
    return CueLexicon(float(value.get("bias", 0)), cues)
