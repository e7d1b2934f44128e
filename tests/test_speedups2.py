"""Second-pass fast paths checked against the plain logic they replace, on written examples:
the phrase search's watched-key index and cached candidates (``PhraseIndex.find``), the
quick reject before ``_same``, ``Forms.keys`` holding only watched keys, the set-based
``_WordRegex.present``, the person-word positions of ``signals._extract`` and the gate on
sign-offs."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from tonelint import nlp
from tonelint.rules.pattern import _WordRegex
from tonelint.rules.phrase import PhraseIndex, _same, word_forms
from tonelint.ruleset import load_ruleset
from tonelint.signals import _PERSONAL, _SIGN_OFF, _SIGN_OFF_GATE, _personal_positions

TEXTS = [
    "We are pleased to announce our best-in-class synergies. Book now!",
    "Leveraging KPIs, we circle back on the glasses and boxes going forward.",
    "Thanks to everyone who voted! Proud to be the #1 dentist in town.",
    "Call us at 555-0142 or book your flu shot today \u2014 we\u2019re open late.",
    "Happy 90th birthday to Ruth from all of us at Acme Dental team",
    "Our communities matter. Y'all rock, and you're the best. Meet Rosa!",
    "the implementation of the optimization of the organization of resources",
    "Mistakes were made; it has been decided that adjustments have been implemented.",
    "tiles til tile TILES boxes box buses bus s ss es",
    "",
    "   \n\n  - \u2013 ",
    "FROM THE Marsh Ferry Historical Society: come see us at https://example.com/x",
    "From everyone at Bright Smiles, happy holidays! \u2b50\u2b50\u2b50",
]

PHRASES = [
    "book now",
    "book",
    "circle back",
    "going forward",
    "best-in-class",
    "synergy",
    "glass",
    "box",
    "tile",
    "bus",
    "kpi",
    "voted best",
    "proud",
    "thank",
    "thanks to everyone",
    "happy birthday",
    "we",
    "flu shot",
]


def _plain_find(index: PhraseIndex, doc: object) -> Iterator[tuple[int, int, str, str | None]]:
    """The phrase search as it was: every key of every word indexed, candidates built and
    sorted at each position, ``_same`` on every word."""
    forms = word_forms(doc)  # type: ignore[arg-type]
    words = forms.words
    full: dict[str, list[int]] = {}
    for i, word in enumerate(words):
        for key in word[4]:
            full.setdefault(key, []).append(i)
    hits = index.firsts.intersection(full)
    after = 0
    for i in sorted({i for key in hits for i in full[key]}):
        if i < after:
            continue
        candidates = [c for key in words[i][4] for c in index.by_first.get(key, ())]
        candidates.sort(key=lambda c: -len(c[0]))
        for phrase_words, phrase, suggestion in candidates:
            n = len(phrase_words)
            if i + n > len(words):
                continue
            if all(_same(w, words[i + k]) for k, w in enumerate(phrase_words)):
                yield words[i][2], words[i + n - 1][3], phrase, suggestion
                after = i + n
                break


@pytest.mark.parametrize("text", TEXTS)
def test_find_matches_the_plain_search(text: str) -> None:
    index = PhraseIndex([(p, None) for p in PHRASES])
    doc = nlp.parse(text)
    assert list(index.find(doc)) == list(_plain_find(index, doc))
    assert list(index.find(doc)) == list(_plain_find(index, doc))  # candidates now cached


def test_find_with_the_ruleset_vocabularies() -> None:
    rule = load_ruleset("general").get("self-promotion")
    assert rule is not None
    vocabulary = rule.impl.vocabulary  # type: ignore[attr-defined]
    indexes = list(vocabulary.indexes.values())
    for text in TEXTS:
        doc = nlp.parse(text)
        for index in indexes:
            assert list(index.find(doc)) == list(_plain_find(index, doc))


@pytest.mark.parametrize("text", TEXTS)
def test_same_only_for_a_key(text: str) -> None:
    """The quick reject in ``find``: ``_same`` holds only for a word among the form's keys."""
    forms = word_forms(nlp.parse(text))
    tried = {w for form in forms.words for w in form[4]} | {"glass", "boxe", "til", "kpi", "x"}
    for form in forms.words:
        for w in tried:
            quick = w == form[0] or (w in form[4] and _same(w, form))
            assert quick == _same(w, form), (w, form)


def test_keys_hold_every_watched_key() -> None:
    """``Forms.keys`` leaves out only keys no phrase list or token pattern looks for."""
    index = PhraseIndex([(p, None) for p in PHRASES])
    for text in TEXTS:
        forms = word_forms(nlp.parse(text))
        full = set(nlp.tokens(nlp.parse(text)).lowers)
        for word in forms.words:
            full.update(word[4])
        assert forms.keys <= full
        assert forms.keys & index.firsts == full & index.firsts
        assert full & index.firsts <= set(forms.starts)


def _plain_present(regex: _WordRegex, lowers: list[str]) -> bool:
    return sum(1 for lower in lowers if re.search(regex.regex, lower)) >= regex.count


@pytest.mark.parametrize("count", [1, 2, 3])
def test_word_regex_present(count: int) -> None:
    regex = _WordRegex(r"^[a-z]{4,}(tion|ment)s?$", count)
    posts = [
        ["the", "implementation", "of", "the", "optimization"],
        ["the", "implementation", "of", "the", "implementation"],
        ["no", "such", "words"],
        [],
        ["payment", "payments", "station", "of", "in"],
        ["the", "implementation", "of", "the", "optimization"],  # all words seen before
    ]
    for lowers in posts:
        assert regex.present(lowers) == _plain_present(regex, lowers), lowers


@pytest.mark.parametrize("text", TEXTS)
def test_personal_positions(text: str) -> None:
    lowers = nlp.tokens(nlp.parse(text)).lowers
    plain = [i for i, lower in enumerate(lowers) if lower in _PERSONAL or "\u2019" in lower]
    assert _personal_positions(lowers, "\u2019" in text) == plain


@pytest.mark.parametrize("text", TEXTS)
def test_sign_off_gate(text: str) -> None:
    if not _SIGN_OFF_GATE.may_match(text, text.lower()):
        assert _SIGN_OFF.search(text) is None
