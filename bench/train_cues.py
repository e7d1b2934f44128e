"""Fit the cue lexicon of ``self-promotion``: which words readers' labels say sell.

Usage::

    python bench/train_cues.py [--corpus PATH] [--cv] [--write]

Reads the development posts only: corpus label sets ``posts.csv`` to ``posts-6.csv`` (real
posts, each linted with its account, as ``bench/evaluate.py`` does) and the small-business
sets named in ``SMALLBIZ_SETS`` (``bench/smallbiz/``, written for the project).  Corpus sets
7 and later and the later small-business sets hold the lexicon out and are never read here.

For each post it takes the rule's signal score (the ``general`` ruleset's weights, no cues)
and its cue features (``tonelint.cues.cue_features``: the lemmas of its common English
words, each seen in at least ``MIN_POSTS`` training posts; adjacent pairs of lemmas were
tried too and did no better in the leave-one-set-out estimate).  A logistic regression
(numpy, L2 penalty on the cue weights only, a fixed number of Adam steps from zero: the run
is repeatable) predicts "promotional" from ``k * signal score + sum of cue weights + b``,
fitted on every development post (fitting on only the posts the rule can judge, where
``require`` and ``forbid`` hold, cost precision).  The real posts are weighted up so that
they weigh as much, together, as the more numerous small-business posts: tonelint is judged
on real posts, and the written ones should not outvote them.  Divided by ``k``, the cue
weights and the bias are in the units of the rule's own score, so the rule's threshold
stays as it is: a post fires when ``signal score + bias + cues >= threshold``.

The operating point comes from a leave-one-set-out estimate: each small-business set, and
each corpus set, is scored by a lexicon fitted without it.  On those held-out scores the
script finds the smallest ``offset`` (in steps of ``STEP``) at which precision reaches
``TARGET_PRECISION`` on the real posts and on the written posts, each pooled, and the
written bias is lowered by it: the rule's target is precision 0.90 with recall 0.85, and
recall is the side with room to spare.

``--cv`` prints that estimate per held-out set (precision and recall with the signals only,
with the fitted cues, and at the operating point).  ``--write`` writes
``rulesets/cues/self-promotion.yaml``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import evaluate
import evaluate_smallbiz as smallbiz
from accounts import as_post
from corpus import DEFAULT, missing, posts

from tonelint import yamlutil
from tonelint.context import PostContext
from tonelint.cues import cue_features
from tonelint.model import Post
from tonelint.nlp import is_common_word
from tonelint.rules.score import ScoreRule
from tonelint.ruleset import load_ruleset

CORPUS_SETS = tuple(f"posts{suffix}.csv" for suffix in ("", "-2", "-3", "-4", "-5", "-6"))
SMALLBIZ_SETS = tuple("abcdefghijklmnopqrs")
TARGET_PRECISION = 0.90  # the operating point: the rule's precision target
STEP = 0.05  # offsets tried, in score units
MAX_OFFSET = 2.0
MIN_POSTS = 10  # a cue must be in this many training posts

PENALTY = 10.0  # L2 strength on the cue weights
STEPS = 2000
SMALLEST = 0.05  # cues weighing less (in score units) are left out of the file
OUT = Path(__file__).resolve().parent.parent / "rulesets" / "cues" / "self-promotion.yaml"


@dataclass(frozen=True)
class Example:
    group: str
    promotional: bool
    score: float  # the signal score, no cues
    admitted: bool  # require and forbid let the rule judge it
    cues: frozenset[str]


def _common(feature: str) -> bool:
    return feature.isalpha() and is_common_word(feature)


def examples(corpus: Path, rule: ScoreRule) -> list[Example]:
    """Every development post, with its label and what the rule sees in it."""

    def one(group: str, post: Post, label: str) -> Example:
        ctx = PostContext(post)
        signals = rule.signals(ctx)
        features = frozenset(f for f in cue_features(ctx.doc) if _common(f))
        return Example(
            group,
            label == "promotional",
            rule.signal_score(signals),
            rule.admits(signals),
            features,
        )

    out = []
    for name in SMALLBIZ_SETS:
        labels = {r["id"]: r["label"] for r in smallbiz.read(f"labels-{name}.csv")}
        for row in smallbiz.read(f"posts-{name}.csv"):
            out.append(one(f"small-business {name}", smallbiz.post_of(row), labels[row["id"]]))
    wanted = {
        key: (f"corpus {n}", label)
        for n, name in enumerate(CORPUS_SETS, start=1)
        for key, label in evaluate._labels(name).items()
    }
    for item in posts(corpus):
        found = wanted.get((item.file, item.row))
        if found is not None:
            out.append(one(found[0], as_post(item, "x"), found[1]))
    return out


@dataclass(frozen=True)
class Lexicon:
    bias: float  # in score units, threshold already accounted for
    cues: dict[str, float]


def fit(train: Sequence[Example], threshold: float) -> Lexicon:
    """The logistic regression described above, on the posts of ``train``."""
    used = list(train)
    counts = Counter(f for e in used for f in e.cues)
    vocab = sorted(f for f, n in counts.items() if n >= MIN_POSTS)
    column = {f: i for i, f in enumerate(vocab)}
    x = np.zeros((len(used), len(vocab) + 1))
    for row, example in enumerate(used):
        for feature in example.cues:
            if feature in column:
                x[row, column[feature]] = 1.0
        x[row, -1] = example.score
    y = np.array([e.promotional for e in used], dtype=float)
    real = np.array([_is_real(e) for e in used])
    weight = np.ones(len(used))
    if real.any() and not real.all():  # the real posts weigh as much as the written ones
        weight[real] = (~real).sum() / real.sum()
    weight /= weight.mean()
    penalty = np.full(len(vocab) + 1, PENALTY / len(used))
    penalty[-1] = 0.0  # the signal score's weight is not shrunk
    w = np.zeros(len(vocab) + 1)
    b = 0.0
    m, v, mb, vb = np.zeros_like(w), np.zeros_like(w), 0.0, 0.0
    rate, beta1, beta2 = 0.05, 0.9, 0.999
    for step in range(1, STEPS + 1):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        error = (p - y) * weight
        grad = x.T @ error / len(used) + penalty * w
        grad_b = float(np.mean(error))
        m = beta1 * m + (1 - beta1) * grad
        v = beta2 * v + (1 - beta2) * grad * grad
        mb = beta1 * mb + (1 - beta1) * grad_b
        vb = beta2 * vb + (1 - beta2) * grad_b * grad_b
        fix1, fix2 = 1 - beta1**step, 1 - beta2**step
        w -= rate * (m / fix1) / (np.sqrt(v / fix2) + 1e-8)
        b -= rate * (mb / fix1) / (np.sqrt(vb / fix2) + 1e-8)
    k = float(w[-1])
    if k <= 0:
        raise SystemExit("the signal score got no positive weight; nothing to write")
    cues = {f: float(w[i]) / k for f, i in column.items() if abs(w[i]) / k >= SMALLEST}
    return Lexicon(threshold + b / k, cues)


def _is_real(example: Example) -> bool:
    return example.group.startswith("corpus")


def score_of(example: Example, lexicon: Lexicon | None) -> float:
    """The rule's score of the post: its signal score, plus the lexicon's part."""
    if lexicon is None:
        return example.score
    return example.score + lexicon.bias + sum(lexicon.cues.get(f, 0.0) for f in example.cues)


def flags(example: Example, lexicon: Lexicon | None, threshold: float) -> bool:
    return example.admitted and score_of(example, lexicon) >= threshold


def _counts(scored: Sequence[tuple[Example, float]], threshold: float) -> tuple[int, int, int]:
    """True positives, false positives and misses of posts with their scores."""
    tp = fp = fn = 0
    for example, score in scored:
        fired = example.admitted and score >= threshold
        if fired and example.promotional:
            tp += 1
        elif fired:
            fp += 1
        elif example.promotional:
            fn += 1
    return tp, fp, fn


def _precision(scored: Sequence[tuple[Example, float]], threshold: float) -> float:
    tp, fp, _ = _counts(scored, threshold)
    return tp / (tp + fp) if tp + fp else 1.0


def _pr(scored: Sequence[tuple[Example, float]], threshold: float) -> str:
    tp, fp, fn = _counts(scored, threshold)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return f"{precision:.3f} / {recall:.3f}"


def held_out_scores(data: Sequence[Example], threshold: float) -> list[tuple[Example, float]]:
    """Every post scored by a lexicon fitted without its set (leave one set out)."""
    scored: list[tuple[Example, float]] = []
    for group in sorted({e.group for e in data}):
        lexicon = fit([e for e in data if e.group != group], threshold)
        scored += [(e, score_of(e, lexicon)) for e in data if e.group == group]
    return scored


def operating_offset(scored: Sequence[tuple[Example, float]], threshold: float) -> float:
    """The smallest offset at which held-out precision reaches ``TARGET_PRECISION`` on the
    real posts and on the written posts, each pooled (``MAX_OFFSET`` if none does)."""
    real = [item for item in scored if _is_real(item[0])]
    written = [item for item in scored if not _is_real(item[0])]
    steps = round(MAX_OFFSET / STEP)
    for step in range(steps + 1):
        offset = step * STEP
        if all(
            _precision(part, threshold + offset) >= TARGET_PRECISION
            for part in (real, written)
            if part
        ):
            return offset
    return MAX_OFFSET


def report(scored: Sequence[tuple[Example, float]], threshold: float, offset: float) -> None:
    """The leave-one-set-out table: signals only, with cues, at the operating point."""
    print("Leave one set out (precision / recall of self-promotion):")
    print(
        f"  {'held-out set':20} {'signals only':>15} {'with cues':>15} {f'offset {offset:.2f}':>15}"
    )
    groups = sorted({e.group for e, _ in scored}, key=_group_order)
    rows = [(g, [item for item in scored if item[0].group == g]) for g in groups]
    real = [item for item in scored if _is_real(item[0])]
    written = [item for item in scored if not _is_real(item[0])]
    rows += [("real, pooled", real), ("written, pooled", written), ("all, pooled", list(scored))]
    for name, items in rows:
        bare = [(e, e.score) for e, _ in items]
        print(
            f"  {name:20} {_pr(bare, threshold):>15} {_pr(items, threshold):>15} "
            f"{_pr(items, threshold + offset):>15}"
        )


def _group_order(group: str) -> tuple[int, str]:
    kind, _, name = group.partition(" ")
    return (0 if kind == "corpus" else 1, name.rjust(3))


def write(lexicon: Lexicon, size: int, offset: float, path: Path) -> None:
    lines = [
        "# Cue lexicon of the self-promotion rule, written by bench/train_cues.py --write.",
        f"# Fitted on {size:,} labelled development posts (corpus label sets 1-6, small-",
        f"# business sets {SMALLBIZ_SETS[0]}-{SMALLBIZ_SETS[-1]}); weights are in the units "
        "of the rule's score",
        "# (see tonelint/cues.py), and the bias includes the operating point's offset "
        f"({offset:.2f}).",
        "# Do not edit by hand: change bench/train_cues.py and run it again.",
        f"bias: {lexicon.bias:.3f}",
        "cues:",
    ]
    for feature, weight in sorted(lexicon.cues.items()):
        lines.append(f"  {json.dumps(feature)}: {weight:.3f}")  # quoted: "no", "on" ...
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("--cv", action="store_true", help="print a leave-one-set-out estimate")
    parser.add_argument("--write", action="store_true", help=f"write {OUT.name}")
    args = parser.parse_args(argv)
    if missing(args.corpus):
        return 2
    no_cues = yamlutil.lined({"self-promotion": {"cues": None}})
    ruleset = load_ruleset("general", overrides=no_cues)
    rule = ruleset.get("self-promotion")
    assert rule is not None and isinstance(rule.impl, ScoreRule)
    threshold = float(rule.options["threshold"])
    data = examples(args.corpus, rule.impl)
    offset = 0.0
    if args.cv or args.write:
        scored = held_out_scores(data, threshold)
        offset = operating_offset(scored, threshold)
        if args.cv:
            report(scored, threshold, offset)
    lexicon = fit(data, threshold)
    positive = sum(1 for w in lexicon.cues.values() if w > 0)
    print(
        f"\nFitted on {len(data):,} posts: bias {lexicon.bias - offset:+.3f} (offset "
        f"{offset:.2f} included), {len(lexicon.cues):,} cues "
        f"({positive:,} for selling, {len(lexicon.cues) - positive:,} against)"
    )
    strongest = sorted(lexicon.cues.items(), key=lambda item: -item[1])
    print("  strongest for:    " + ", ".join(f for f, _ in strongest[:15]))
    print("  strongest against: " + ", ".join(f for f, _ in strongest[::-1][:15]))
    if args.write:
        write(Lexicon(lexicon.bias - offset, lexicon.cues), len(data), offset, OUT)
        print(f"wrote {OUT.relative_to(OUT.parent.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
