"""Rule type ``metric``: thresholds on readability scores and simple counts.

``metric`` names what is measured: a textstat score (``flesch_reading_ease``,
``flesch_kincaid_grade``, ``gunning_fog`` ...) or a count (``sentences``, ``words``,
``characters``, ``words_per_sentence``, ``longest_sentence_words``).  ``max`` / ``min`` are
the limits; ``platforms`` overrides them per platform.  ``min_words`` keeps short posts, on
which readability formulas are noise, from tripping the rule.  The finding spans the post
(or, for ``longest_sentence_words``, the longest sentence).

Example (``max: 12`` on ``flesch_kincaid_grade``)::

    FAIL  Notwithstanding the aforementioned considerations, comprehensive ... (grade 19)
    PASS  We fixed the leak in an hour. Call us any time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from .. import nlp
from ..model import Match
from ..readability import SCORES, score_function
from .base import Option, Rule

if TYPE_CHECKING:
    from ..context import PostContext

COUNTS = (
    "sentences",
    "words",
    "characters",
    "words_per_sentence",
    "longest_sentence_words",
)


def _check_metric(value: Any) -> None:
    if value not in SCORES + COUNTS:
        raise ValueError(f"unknown metric {value!r}; expected one of {', '.join(SCORES + COUNTS)}")


def _check_platforms(value: Any) -> None:
    for platform, limits in value.items():
        if not isinstance(limits, dict) or set(limits) - {"max", "min"}:
            raise ValueError(f"platforms.{platform} must be a mapping with 'max' and/or 'min'")
        for key, limit in limits.items():
            if limit is not None and (
                isinstance(limit, bool) or not isinstance(limit, int | float)
            ):
                raise ValueError(f"platforms.{platform}.{key} must be a number")


def _word_count(ctx: PostContext) -> int:
    """How many words the post has (no punctuation, links, handles or hashtags)."""
    return sum(nlp.tokens(ctx.doc).words)


def _prose(ctx: PostContext) -> str:
    """The post without links, @handles and #hashtags, which readability formulas misread
    as long many-syllable words."""
    parts, last = [], 0
    for start, end in ctx.skipped_spans(("urls", "mentions", "hashtags")):
        if start >= last:
            parts.append(ctx.text[last:start])
            last = end
    parts.append(ctx.text[last:])
    return "".join(parts)


class MetricRule(Rule):
    type_name = "metric"
    summary = "Thresholds on textstat readability scores and on counts."
    placeholders = frozenset({"metric", "value", "limit", "bound"})
    options: ClassVar[dict[str, Option]] = {
        "metric": Option(str, "flesch_kincaid_grade", "What to measure.", _check_metric),
        "max": Option((int, float), None, "Report when the value is above this.", nullable=True),
        "min": Option((int, float), None, "Report when the value is below this.", nullable=True),
        "min_words": Option(int, 0, "Skip posts with fewer words than this."),
        "platforms": Option(dict, {}, "Per-platform {max, min} overrides.", _check_platforms),
    }

    def __init__(self, rule_id: str, message: str, options: Mapping[str, Any]) -> None:
        super().__init__(rule_id, message, options)
        if self.opts["max"] is None and self.opts["min"] is None and not self.opts["platforms"]:
            raise ValueError("a metric rule needs 'max' or 'min'")
        name = self.opts["metric"]
        self.metric: str = name
        self.score: Callable[[str], float] | None = score_function(name) if name in SCORES else None

    def _limits(self, platform: str | None) -> tuple[float | None, float | None]:
        override = self.opts["platforms"].get(platform or "", {})
        return override.get("max", self.opts["max"]), override.get("min", self.opts["min"])

    def _measure(self, ctx: PostContext) -> tuple[float, int, int]:
        """The value, and the span it applies to."""
        start, end = 0, len(ctx.text.rstrip())
        if self.score is not None:
            return round(self.score(_prose(ctx)), 1), start, end
        if self.metric == "characters":
            return len(ctx.text.strip()), start, end
        sentences = [s for s in nlp.sentenced(ctx.doc).sents if any(not t.is_punct for t in s)]
        words = _word_count(ctx)
        if self.metric == "sentences":
            return len(sentences), start, end
        if self.metric == "words":
            return words, start, end
        if self.metric == "words_per_sentence":
            return round(words / max(len(sentences), 1), 1), start, end
        longest, span = 0, (start, end)
        for sent in sentences:
            count = sum(1 for t in sent if not (t.is_punct or t.is_space or t.like_url))
            if count > longest:
                longest, span = count, (sent.start_char, sent.end_char)
        return longest, span[0], span[1]

    def check(self, ctx: PostContext) -> Iterator[Match]:
        high, low = self._limits(ctx.platform)
        if high is None and low is None:
            return
        if self.opts["min_words"] and _word_count(ctx) < self.opts["min_words"]:
            return
        value, start, end = self._measure(ctx)
        if high is not None and value > high:
            bound, limit = "above", high
        elif low is not None and value < low:
            bound, limit = "below", low
        else:
            return
        shown = int(value) if float(value).is_integer() else value
        text = self.render(metric=self.metric, value=shown, limit=limit, bound=bound)
        yield Match(start, max(end, start + 1) if ctx.text else 0, text)
