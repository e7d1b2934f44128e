"""Fit the cue lexicon of ``self-promotion``: which words readers' labels say sell.

Usage::

    python bench/train_cues.py [--corpus PATH] [--cv] [--write]

Reads the development posts only: corpus label sets ``posts.csv`` to ``posts-6.csv`` (each
post linted with its account, as ``bench/evaluate.py`` does) and small-business sets a to n
(``bench/smallbiz/``).  Corpus sets 7 to 9 and small-business sets o and later hold the
lexicon out and are never read here.

For each post it takes the rule's signal score (the ``general`` ruleset's weights, no cues)
and its cue features (``tonelint.cues.cue_features``: the lemmas of its common English
words, each seen in at least ``MIN_POSTS`` training posts; adjacent pairs of lemmas were
tried too and did no better in the leave-one-set-out estimate).  A logistic regression
(numpy, L2 penalty on the cue weights only, a fixed number of Adam steps from zero: the run
is repeatable) predicts "promotional" from ``k * signal score + sum of cue weights + b``,
fitted on every development post (fitting on only the posts the rule can judge, where
``require`` and ``forbid`` hold, cost precision).  Divided
by ``k``, the cue weights and the bias are in the units of the rule's own score, so the
rule's threshold stays as it is: a post fires when ``signal score + bias + cues >=
threshold``.

``--cv`` prints a leave-one-set-out estimate first: each small-business set, and the corpus
sets together, scored by a lexicon fitted without it (precision and recall before and
after).  ``--write`` writes ``rulesets/cues/self-promotion.yaml``.
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
    wanted = {key: label for name in CORPUS_SETS for key, label in evaluate._labels(name).items()}
    for item in posts(corpus):
        label = wanted.get((item.file, item.row))
        if label is not None:
            out.append(one("corpus 1-6", as_post(item, "x"), label))
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
    penalty = np.full(len(vocab) + 1, PENALTY / len(used))
    penalty[-1] = 0.0  # the signal score's weight is not shrunk
    w = np.zeros(len(vocab) + 1)
    b = 0.0
    m, v, mb, vb = np.zeros_like(w), np.zeros_like(w), 0.0, 0.0
    rate, beta1, beta2 = 0.05, 0.9, 0.999
    for step in range(1, STEPS + 1):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        grad = x.T @ (p - y) / len(used) + penalty * w
        grad_b = float(np.mean(p - y))
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


def flags(example: Example, lexicon: Lexicon | None, threshold: float) -> bool:
    if not example.admitted:
        return False
    score = example.score
    if lexicon is not None:
        score += lexicon.bias + sum(lexicon.cues.get(f, 0.0) for f in example.cues)
    return score >= threshold


def _pr(items: Sequence[Example], lexicon: Lexicon | None, threshold: float) -> str:
    tp = sum(1 for e in items if e.promotional and flags(e, lexicon, threshold))
    fp = sum(1 for e in items if not e.promotional and flags(e, lexicon, threshold))
    fn = sum(1 for e in items if e.promotional and not flags(e, lexicon, threshold))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return f"{precision:.3f} / {recall:.3f}"


def cross_validate(data: Sequence[Example], threshold: float) -> None:
    print("Leave one set out (precision / recall of self-promotion):")
    print(f"  {'held-out set':20} {'signals only':>15} {'with cues':>15}")
    groups = sorted({e.group for e in data})
    pooled: list[tuple[Example, Lexicon]] = []
    for group in groups:
        held = [e for e in data if e.group == group]
        lexicon = fit([e for e in data if e.group != group], threshold)
        pooled += [(e, lexicon) for e in held]
        print(f"  {group:20} {_pr(held, None, threshold):>15} {_pr(held, lexicon, threshold):>15}")
    tp = sum(1 for e, lx in pooled if e.promotional and flags(e, lx, threshold))
    fp = sum(1 for e, lx in pooled if not e.promotional and flags(e, lx, threshold))
    fn = sum(1 for e, lx in pooled if e.promotional and not flags(e, lx, threshold))
    everything = [e for e, _ in pooled]
    with_cues = f"{tp / max(tp + fp, 1):.3f} / {tp / max(tp + fn, 1):.3f}"
    print(f"  {'all, pooled':20} {_pr(everything, None, threshold):>15} {with_cues:>15}")


def write(lexicon: Lexicon, size: int, path: Path) -> None:
    lines = [
        "# Cue lexicon of the self-promotion rule, written by bench/train_cues.py --write.",
        f"# Fitted on {size:,} labelled development posts (corpus label sets 1-6, small-",
        f"# business sets {SMALLBIZ_SETS[0]}-{SMALLBIZ_SETS[-1]}); weights are in the units "
        "of the rule's score",
        "# (see tonelint/cues.py).  Do not edit by hand: change the script and run it again.",
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
    if args.cv:
        cross_validate(data, threshold)
    lexicon = fit(data, threshold)
    positive = sum(1 for w in lexicon.cues.values() if w > 0)
    print(
        f"\nFitted on {len(data):,} posts: bias {lexicon.bias:+.3f}, {len(lexicon.cues):,} cues "
        f"({positive:,} for selling, {len(lexicon.cues) - positive:,} against)"
    )
    strongest = sorted(lexicon.cues.items(), key=lambda item: -item[1])
    print("  strongest for:    " + ", ".join(f for f, _ in strongest[:15]))
    print("  strongest against: " + ", ".join(f for f, _ in strongest[::-1][:15]))
    if args.write:
        write(lexicon, len(data), OUT)
        print(f"wrote {OUT.relative_to(OUT.parent.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
