"""Rule type ``phrase``: lists of words and multi-word phrases, matched on lemmas.

Phrases are written in their base form.  A word of the text matches a word of a phrase when
its lower-cased form or its lemma equals it (or it is a plain plural the lemma table does
not know, "KPIs"), so ``leverage`` matches "Leveraging" and
"leveraged", ``synergy`` matches "synergies" and ``circle back`` matches "circling back".
Matching is on token boundaries ("leverage" never matches inside "leverages-ish" words the
tokenizer keeps whole) and hyphens are optional (``best-in-class`` also matches "best in
class").  ``exceptions`` are phrases whose matches cancel any overlapping match, for the
compounds where a listed word is legitimate ("leveraged buyout").

Example (``corporate-jargon``)::

    FAIL  We are leveraging our synergies to circle back.
    PASS  We use what each team does best and call you back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from .. import nlp
from ..model import Match
from ..textspans import SPAN_KINDS, overlaps
from .base import Option, Rule, quote

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..context import PostContext

_HYPHENS = frozenset({"-", "\u2010", "\u2011", "\u2013"})


def _check_phrases(value: Any) -> None:
    for item in value:
        if isinstance(item, str) and item.strip():
            continue
        if isinstance(item, dict) and isinstance(item.get("phrase"), str):
            unknown = set(item) - {"phrase", "suggestion"}
            if unknown:
                raise ValueError(f"unknown key {sorted(unknown)[0]!r} in phrase entry")
            suggestion = item.get("suggestion")
            if suggestion is not None and not isinstance(suggestion, str):
                raise ValueError(f"suggestion of {item['phrase']!r} must be a string")
            continue
        raise ValueError("each entry must be a phrase or {phrase: ..., suggestion: ...}")


def _check_kinds(value: Any) -> None:
    bad = [v for v in value if v not in SPAN_KINDS]
    if bad:
        raise ValueError(f"unknown span kind {bad[0]!r}; expected some of {', '.join(SPAN_KINDS)}")


_PLAIN = re.compile(r"[a-z]+(?:[ -][a-z]+)*")


def _words(phrase: str) -> tuple[str, ...]:
    """The lower-cased tokens of a phrase, hyphens dropped (tokenised like the text).

    Plain words with spaces and hyphens split the same way spaCy's tokenizer splits them,
    so only phrases with other characters ("don't", "#1") go through the tokenizer; that
    keeps compiling a ruleset of thousands of phrases cheap."""
    lower = phrase.strip().lower()
    if _PLAIN.fullmatch(lower):
        return tuple(lower.replace("-", " ").split())
    doc = nlp.blank_pipeline().make_doc(phrase)
    return tuple(t.lower_ for t in doc if t.text not in _HYPHENS)


class PhraseIndex:
    """Phrases indexed by first word; finds every match in a Doc in one pass."""

    def __init__(self, entries: Sequence[tuple[str, str | None]]) -> None:
        self.by_first: dict[str, list[_Candidate]] = {}
        seen: set[tuple[str, ...]] = set()
        for phrase, suggestion in entries:
            words = _words(phrase)
            if not words or words in seen:
                continue
            seen.add(words)
            self.by_first.setdefault(words[0], []).append((words, phrase, suggestion))
        for candidates in self.by_first.values():
            candidates.sort(key=lambda c: -len(c[0]))
        self.firsts = frozenset(self.by_first)
        watch_words(self.firsts)
        # a word's start keys (``Forms.start_keys``) -> its candidate phrases, longest first
        self._candidates: dict[tuple[str, ...], list[_Candidate]] = {}

    def candidates(self, keys: tuple[str, ...]) -> list[_Candidate]:
        """The phrases that may start at a word with these lookup keys, longest first (for
        equal lengths, in the order of the keys and of the list): worked out once per set
        of keys, not once per word."""
        found = self._candidates.get(keys)
        if found is None:
            found = [c for key in keys for c in self.by_first.get(key, ())]
            if len(found) > 1:
                found.sort(key=lambda c: -len(c[0]))
            if len(self._candidates) >= _CANDIDATES_MAX:
                self._candidates.clear()
            self._candidates[keys] = found
        return found

    def find(self, doc: Doc) -> Iterator[tuple[int, int, str, str | None]]:
        """Yield ``(start_char, end_char, phrase, suggestion)``, longest match first."""
        forms = word_forms(doc)
        starts = forms.starts  # only the watched keys (``watch_words``): a small dict
        hits = self.firsts.intersection(starts)
        if not hits:
            return  # no phrase can start anywhere in this post: the usual case
        words = forms.words
        count = len(words)
        start_keys = forms.start_keys
        after = 0  # matches do not overlap: the next one starts after the last
        for i in sorted({i for key in hits for i in starts[key]}):
            if i < after:
                continue
            # the word's keys less the unwatched ones (which no phrase list starts with, so
            # they have no candidates here either): the same candidates in the same order
            for phrase_words, phrase, suggestion in self.candidates(start_keys[i]):
                n = len(phrase_words)
                if i + n > count:
                    continue
                for k, w in enumerate(phrase_words):  # a loop: all() over a generator is slower
                    form = words[i + k]
                    # _same holds only for a word among the form's keys: test that first
                    if w != form[0] and (w not in form[4] or not _same(w, form)):
                        break
                else:
                    yield words[i][2], words[i + n - 1][3], phrase, suggestion
                    after = i + n
                    break


Form = tuple[str, str, int, int, tuple[str, ...]]
_Candidate = tuple[tuple[str, ...], str, str | None]  # (words, phrase, suggestion)
_CANDIDATES_MAX = 100_000


class Forms:
    """A Doc's words as ``(lower, lemma, start, end, lookup keys)``, spaces and hyphens left
    out; ``keys``: the lower-case form of every token and every lookup key of every word that
    is watched (``watch_words``: what phrase lists start with and token patterns need), so a
    phrase list (or token pattern) whose first words are all absent is skipped at once.

    ``start_keys`` holds, per word, its watched lookup keys (in the order of the word's
    keys), and ``starts`` maps each such key to the positions of the words that have it:
    what a phrase search reads.  ``generation`` is the ``_WATCHED_GENERATION`` they were
    built for."""

    __slots__ = ("generation", "keys", "start_keys", "starts", "words")

    def __init__(
        self,
        words: list[Form],
        keys: set[str],
        start_keys: list[tuple[str, ...]],
        starts: dict[str, list[int]],
    ) -> None:
        self.words = words
        self.keys = keys
        self.start_keys = start_keys
        self.starts = starts
        self.generation = _WATCHED_GENERATION


def word_forms(doc: Doc) -> Forms:
    """The ``Forms`` of a Doc, computed once and shared by every phrase list that searches
    it.  Lemmas come from the pipeline's lookup table (as ``nlp.lemmatized`` sets them)."""
    cached: Forms | None = doc.user_data.get("tonelint_forms")
    if cached is not None and cached.generation == _WATCHED_GENERATION:
        return cached
    toks = nlp.tokens(doc)
    lowers = toks.lowers
    known = _KNOWN
    entries = [
        known.get(key) or _lookup(key, toks.texts[i], lowers[i], toks.norms[i])
        for i, key in enumerate(toks.keys)
    ]
    # spaces and hyphens (no keys) are left out
    words: list[Form] = [
        (e[0], e[1], start, start + e[3], e[2])
        for e, start in zip(entries, toks.starts, strict=True)
        if e[2]
    ]
    start_keys = [e[4] for e in entries if e[2]]
    starts: dict[str, list[int]] = {}
    for position, opening in enumerate(start_keys):
        if opening:  # a watched key: some phrase list may start at this word
            for k in opening:
                starts.setdefault(k, []).append(position)
    every = set(lowers)
    every.update(*[opening for opening in start_keys if opening])  # the watched keys only
    forms = Forms(words, every, start_keys, starts)
    doc.user_data["tonelint_forms"] = forms
    return forms


# Every first word of every phrase list built so far (``PhraseIndex``) and every word a
# token pattern needs (``PatternRule``): the only lookup keys anything searches a post's
# words for, so ``Forms.starts`` and ``Forms.keys`` leave the others out.  New words bump the
# generation and empty ``_KNOWN``, whose entries hold the keys kept.
_WATCHED: set[str] = set()
_WATCHED_GENERATION = 0


def watch_words(words: Iterable[str]) -> None:
    """Add words phrase lists start with or token patterns need to ``_WATCHED`` (see
    there)."""
    global _WATCHED_GENERATION
    new = set(words) - _WATCHED
    if not new:
        return
    _WATCHED.update(new)
    _WATCHED_GENERATION += 1
    _KNOWN.clear()


# (orth, norm) -> (lower, lemma, lookup keys, length, the lookup keys in ``_WATCHED`` in
# order), remembered across posts: a post's words are mostly words seen before.  Bounded,
# so a long run over varied text keeps its memory.
_Known = tuple[str, str, tuple[str, ...], int, tuple[str, ...]]
_KNOWN: dict[tuple[int, int], _Known] = {}
_KNOWN_MAX = 200_000


def _lookup(key: tuple[int, int], text: str, lower: str, norm: str) -> _Known:
    """A token's lemma and the keys a phrase's first word may match it by (none for a space
    or a hyphen, which phrases skip), and those of them that are watched."""
    if text.isspace() or text in _HYPHENS:
        entry: _Known = (lower, lower, (), len(text), ())
    else:
        lemma = nlp.lemma_of(lower, norm, nlp.lemma_table())
        if lower == lemma:
            keys: tuple[str, ...] = (lower, lower + "s", lower + "es")
            if lower.endswith("s"):
                keys += (lower[:-1], lower[:-2])
        else:
            keys = tuple(dict.fromkeys((lower, lemma, lemma + "s", lemma + "es")))
        entry = (lower, lemma, keys, len(text), tuple(k for k in keys if k in _WATCHED))
    if len(_KNOWN) >= _KNOWN_MAX:
        _KNOWN.clear()
    _KNOWN[key] = entry
    return entry


def _same(word: str, form: Form) -> bool:
    """A text word matches a phrase word; plurals the table lacks count too."""
    lower, lemma = form[0], form[1]
    if word in (lower, lemma):
        return True
    if lower != lemma:
        return False  # an inflected word ("booking") is no singular of a plural ("books")
    if lower in (word + "s", word + "es"):
        return True  # a plural the table lacks ("KPIs")
    # a plural phrase word, a singular in the text; "-es" only where English writes it
    # ("boxes", "glasses"), so "til" is no singular of "tiles"
    return word == lower + "s" or (word == lower + "es" and lower.endswith(_ES_ENDINGS))


_ES_ENDINGS = ("s", "x", "z", "ch", "sh", "o")


def _safe(text: str, phrase: str, suggestion: str) -> bool:
    """A fix is safe when the text is the phrase exactly as listed (no inflection to carry
    over) and the suggestion is a plain replacement, not advice."""
    same = " ".join(text.lower().split()) == " ".join(phrase.lower().split())
    return same and not any(c in suggestion for c in "/()")


def _match_case(template: str, suggestion: str) -> str:
    if template[:1].isupper() and suggestion[:1].islower():
        return suggestion[0].upper() + suggestion[1:]
    return suggestion


class PhraseRule(Rule):
    type_name = "phrase"
    summary = "Words and phrases matched on lemmas and token boundaries, with suggestions."
    placeholders = frozenset({"match", "phrase", "suggestion"})
    options: ClassVar[dict[str, Option]] = {
        "phrases": Option(
            list, [], "Phrases in base form, or {phrase, suggestion}.", _check_phrases
        ),
        "exceptions": Option(list, [], "Phrases that cancel an overlapping match.", _check_phrases),
        "ignore_inside": Option(
            list,
            list(SPAN_KINDS),
            "Spans never matched: urls, mentions, hashtags, quotes, code.",
            _check_kinds,
        ),
    }

    def __init__(self, rule_id: str, message: str, options: Mapping[str, Any]) -> None:
        super().__init__(rule_id, message, options)
        self.index = PhraseIndex([self._entry(p) for p in self.opts["phrases"]])
        self.exceptions = PhraseIndex([self._entry(p) for p in self.opts["exceptions"]])
        self.skip = tuple(self.opts["ignore_inside"])

    @staticmethod
    def _entry(item: str | dict[str, Any]) -> tuple[str, str | None]:
        if isinstance(item, str):
            return item, None
        return item["phrase"], item.get("suggestion")

    def check(self, ctx: PostContext) -> Iterator[Match]:
        doc = ctx.doc
        matches = list(self.index.find(doc))
        if not matches:
            return
        cancelled = [(s, e) for s, e, _, _ in self.exceptions.find(doc)]
        skipped = sorted([*ctx.skipped_spans(self.skip), *cancelled])
        for start, end, phrase, suggestion in matches:
            if overlaps(start, end, skipped):
                continue
            text = quote(ctx.text[start:end])
            shown = _match_case(text, suggestion) if suggestion else None
            yield Match(
                start,
                end,
                self.render(match=text, phrase=phrase, suggestion=shown or ""),
                shown,
                shown if shown and _safe(ctx.text[start:end], phrase, shown) else None,
            )
