"""Rule type ``score``: an explainable judgement weighed from a post's signals.

The signals (see ``tonelint.signals``) are counted per post: ``first_person``,
``self_mention`` (the configured account named in the third person), ``self_reference``
(both), ``second_person``, ``promotional``, ``bragging``, ``calls_to_buy``, ``invitations``,
``informative`` (from the rule's ``vocabulary`` lists), ``link``, ``question``, ``mention``
(another account), ``reply``, ``teaser`` (a link with at most two words of prose),
``caption`` (a few words and hashtags or emoji showing the configured account's own wares),
``pitch_question`` (a question after an offer), ``greets_first`` (the post opens by thanking,
congratulating or greeting someone else).
Each count, capped at ``cap``, is multiplied by its weight in ``weights``; the rule fires
when the sum reaches ``threshold``, every entry of ``require`` is present (``a|b`` means
either) and none of ``forbid`` is.  ``cues`` adds a learned lexicon to the sum (see
``tonelint.cues``): its ``bias`` and the weight of each cue word the post contains; it is
given inline or as a YAML file beside the ruleset.  The message lists what fired.

Example (``self-promotion``)::

    FAIL  We're proud to announce our award-winning new menu. Order now! https://...
    PASS  What's your go-to order on a rainy day? Tell us below.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from ..cues import CueLexicon, check_lexicon, cue_features, lexicon_of
from ..model import Match
from ..signals import COMPOSITES, SIGNALS, VOCABULARIES, Signals, Vocabulary, extract
from .base import Option, Rule, vocabulary_check

if TYPE_CHECKING:
    from ..context import PostContext

KNOWN = (*SIGNALS, *COMPOSITES)
LABELS = {
    "first_person": "talks about itself (we/our/I)",
    "self_mention": "names the account",
    "self_reference": "talks about itself",
    "second_person": "talks to the reader (you/your)",
    "promotional": "promotional words",
    "bragging": "bragging",
    "calls_to_buy": "calls to buy",
    "invitations": "invites a reply",
    "informative": "informs (advice, data, guidance)",
    "link": "a link",
    "teaser": "a bare link with next to no words",
    "caption": "a caption of its own wares",
    "question": "asks a question",
    "pitch_question": "asks a question after an offer",
    "greets_first": "opens by thanking, congratulating or greeting someone",
    "mention": "mentions someone",
    "reply": "is a reply",
}


ABSENT = {
    "question": "question",
    "mention": "mention",
    "reply": "reply",
    "invitations": "invitation",
    "link": "link",
    "second_person": "talk to the reader",
    "self_reference": "self-reference",
}


def _or_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def _check_weights(value: Any) -> None:
    for name, weight in value.items():
        if name not in KNOWN:
            raise ValueError(f"unknown signal {name!r}; known: {', '.join(KNOWN)}")
        if isinstance(weight, bool) or not isinstance(weight, int | float):
            raise ValueError(f"weight of {name!r} must be a number")


def _check_signal_list(value: Any) -> None:
    for item in value:
        if not isinstance(item, str) or any(p not in KNOWN for p in item.split("|")):
            raise ValueError(
                f"{item!r} is not a signal (or 'a|b' of signals); known: {', '.join(KNOWN)}"
            )


def _plain(names: list[str]) -> frozenset[str]:
    """Signal names with each composite replaced by its parts."""
    return frozenset(part for name in names for part in COMPOSITES.get(name, (name,)))


class ScoreRule(Rule):
    type_name = "score"
    summary = "A weighted, explainable judgement from counted signals of the post."
    placeholders = frozenset({"score", "threshold", "signals", "missing"})
    vocabularies = VOCABULARIES
    options: ClassVar[dict[str, Option]] = {
        "weights": Option(
            dict, {}, "Signal -> weight; counts are capped at 'cap'.", _check_weights
        ),
        "threshold": Option((int, float), 1.0, "Fire when the weighted sum reaches this."),
        "cap": Option(int, 3, "Largest count of one signal that adds to the score."),
        "require": Option(
            list, [], "Signals that must be present ('a|b': either).", _check_signal_list
        ),
        "forbid": Option(list, [], "Signals whose presence clears the post.", _check_signal_list),
        "vocabulary": Option(
            dict, {}, "Phrase lists for the vocabulary signals.", vocabulary_check(VOCABULARIES)
        ),
        "cues": Option(
            dict,
            None,
            "Learned cue words added to the score: {bias, cues: {word: weight}}, or the "
            "path of a YAML file holding them (relative to the ruleset).",
            check_lexicon,
            nullable=True,
        ),
    }
    file_options: ClassVar[frozenset[str]] = frozenset({"cues"})

    def __init__(self, rule_id: str, message: str, options: Mapping[str, Any]) -> None:
        super().__init__(rule_id, message, options)
        self.vocabulary = Vocabulary.shared(self.opts["vocabulary"])
        # Options, worked out once: 'a|b' entries split, and the weight each signal shows
        # with in the message (its own, or that of the composite it belongs to).
        self.require = [item.split("|") for item in self.opts["require"]]
        self.forbid = [item.split("|") for item in self.opts["forbid"]]
        # the same, each entry as the plain signals it is present by (a composite by any of
        # its parts): a signal is present when it has a count, and counts are positive
        self._require_any = [_plain(names) for names in self.require]
        self._forbid_any = [_plain(names) for names in self.forbid]
        weights = self.opts["weights"]
        self.shown_weight = {
            name: weights.get(name, 0)
            or next((weights.get(c, 0) for c, parts in COMPOSITES.items() if name in parts), 0)
            for name in SIGNALS
        }
        self.lexicon: CueLexicon | None = lexicon_of(self.opts["cues"])

    def admits(self, signals: Signals) -> bool:
        """Whether ``require`` and ``forbid`` let the post be judged at all."""
        counts = signals.counts
        if any(names.isdisjoint(counts) for names in self._require_any):
            return False
        return all(names.isdisjoint(counts) for names in self._forbid_any)

    def signal_score(self, signals: Signals) -> float:
        """The weighted sum of the capped signal counts (no cues, no require or forbid)."""
        cap = self.opts["cap"]
        return float(sum(w * min(signals.count(n), cap) for n, w in self.opts["weights"].items()))

    def judge(self, signals: Signals, cues: frozenset[str] = frozenset()) -> tuple[bool, float]:
        """Whether the post is flagged, and its score; ``cues`` are the post's cue features
        (``cue_features``), weighed when the rule has a lexicon."""
        if not self.admits(signals):
            return False, 0.0
        score = self.signal_score(signals)
        if self.lexicon is not None:
            score += self.lexicon.weigh(cues)[0]
        return score >= self.opts["threshold"], round(score, 2)

    def verdict(self, ctx: PostContext) -> tuple[bool, float]:
        """``judge`` on one post: its signals, and its cue words when the rule has cues."""
        signals = self.signals(ctx)
        if self.lexicon is None or not self.admits(signals):  # no need to read the words
            return self.judge(signals)
        return self.judge(signals, cue_features(ctx.doc))

    def signals(self, ctx: PostContext) -> Signals:
        return extract(ctx, self.vocabulary)

    def check(self, ctx: PostContext) -> Iterator[Match]:
        signals = self.signals(ctx)
        flagged, score = self.verdict(ctx)
        if not flagged:
            return
        fired = []
        for name in SIGNALS:
            if signals.count(name) and self.shown_weight[name] > 0:
                words = sorted(set(signals.words.get(name, [])), key=lambda w: (w.lower(), w))[:3]
                shown = (
                    f" ({', '.join(words)})"
                    if name in VOCABULARIES or name == "self_mention"
                    else ""
                )
                fired.append(LABELS[name] + shown)
        if self.lexicon is not None:
            part, cues = self.lexicon.weigh(cue_features(ctx.doc))
            selling = [cue for cue, weight in cues if weight > 0][:3]
            if part > 0 and selling:
                fired.append(f"wording that sells (+{part:.2g}: {', '.join(selling)})")
        absent = [
            ABSENT[n]
            for names in self.forbid
            for n in names
            if n in ABSENT and not signals.count(n)
        ]
        text = ctx.text
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        yield Match(
            start,
            max(end, start),
            self.render(
                score=f"{score:g}",
                threshold=self.opts["threshold"],
                signals="; ".join(fired) or "nothing that invites a reply",
                missing="no " + _or_list(absent) if absent else "",
            ),
        )
