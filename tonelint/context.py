"""``PostContext``: one post plus the analyses rules share, each computed at most once.

The spaCy ``Doc`` is built lazily, so a run whose rules are all regex-based never pays for
tokenisation, and every rule that needs it shares one parse per post.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from . import nlp
from .literals import folds_to_ascii
from .model import Post
from .textspans import SPAN_KINDS, spans_of

if TYPE_CHECKING:
    from spacy.tokens import Doc


class PostContext:
    """What a rule sees: the post, its platform and kind, and shared lazy analyses."""

    def __init__(self, post: Post, model: str | None = None) -> None:
        self.post = post
        self.text = post.text
        self.platform = post.platform
        self.kind = post.kind
        self.model = model
        """The trained spaCy pipeline configured (``model:``), or None for the blank one."""
        self.cache: dict[str, Any] = {}
        """Per-post results rules share (signals counted once for several rules)."""

    @functools.cached_property
    def doc(self) -> Doc:
        return nlp.parse(self.text)

    @functools.cached_property
    def lower(self) -> str:
        """The text lower-cased (for cheap substring tests before a regex runs)."""
        return self.text.lower()

    @functools.cached_property
    def folds_to_ascii(self) -> bool:
        """Whether the text has a non-ASCII letter ``re`` matches as ASCII ignoring case
        (see ``literals``)."""
        return folds_to_ascii(self.text)

    @functools.cached_property
    def _spans(self) -> dict[str, list[tuple[int, int]]]:
        text = self.text
        spans = {kind: spans_of(text, kind) for kind in SPAN_KINDS}
        if self.post.ignored:
            spans["code"] = sorted([*spans["code"], *self.post.ignored])
        return spans

    def entities(self, label: str) -> list[tuple[int, int]]:
        """Character spans of named entities with ``label`` from the trained pipeline; empty
        when none is configured.  Rules call this only after a cheap trigger fired."""
        if self.model is None:
            return []
        return [(s, e) for s, e, lab in self._entities if lab == label]

    @functools.cached_property
    def _entities(self) -> list[tuple[int, int, str]]:
        assert self.model is not None
        doc = nlp.run_trained(self.model, self.text)
        return [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]

    def skipped_spans(self, kinds: tuple[str, ...]) -> list[tuple[int, int]]:
        """Sorted character ranges of the given non-prose kinds (see ``textspans``)."""
        if not kinds:
            return []
        if len(kinds) == 1:
            return self._spans[kinds[0]]
        key = "spans:" + ",".join(kinds)
        if key not in self.cache:
            spans = self._spans
            self.cache[key] = sorted([span for kind in kinds for span in spans[kind]])
        cached: list[tuple[int, int]] = self.cache[key]
        return cached
