"""How the ``self-promotion`` weights were chosen: a random search over the signal weights
on the tuning sets, and a cross-validation of that search.

Usage::

    python bench/tune_self_promotion.py [--corpus PATH] [--trials 20000]

Counts every signal of each post in ``bench/labels/posts.csv``, ``posts-2.csv`` and
``posts-3.csv`` with the ``general`` ruleset's vocabulary (each post linted with its
account, as ``bench/evaluate.py`` does), then:

- 5-fold cross-validation: for each fold, search weights on the other four and score the
  held-out fold; the pooled precision and recall estimate how well "search, then apply"
  does on posts the search did not see;
- a search on all three sets, printing the best weights and threshold (what
  ``rulesets/general.yaml`` holds).

The search keeps the rule's shape (it fires only when the post refers to itself, calls to
buy or is a bare link, never on a reply; counts capped at 3) and tries weights from a
small grid, maximising the smaller margin over the targets (precision 0.90, recall 0.85).
``posts-4.csv`` is the held-out set and is never read here.  Seeds are fixed, so the run
is repeatable.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from accounts import as_post
from corpus import DEFAULT, missing, posts

from tonelint.context import PostContext
from tonelint.rules.score import ScoreRule
from tonelint.ruleset import load_ruleset
from tonelint.signals import extract

TUNING_SETS = ("posts.csv", "posts-2.csv", "posts-3.csv")
CAP = 3
GRID: dict[str, list[float]] = {
    "self_reference": [0.75, 1, 1.25, 1.5],
    "teaser": [1, 1.5, 2],
    "promotional": [0.25, 0.5, 0.75, 1],
    "bragging": [0.5, 1, 1.5],
    "calls_to_buy": [0.5, 1, 1.5],
    "link": [0.5, 0.75, 1],
    "second_person": [-0.5, -0.25, 0],
    "question": [-3, -2],
    "invitations": [-2, -1.5, -1],
    "mention": [-0.5, -0.25, 0],
    "informative": [-1.5, -1, -0.75, -0.5],
}
THRESHOLDS = [1.5, 2, 2.5]

Example = tuple[dict[str, int], bool, bool]  # capped counts, promotional, is a reply
Weights = dict[str, float]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("--trials", type=int, default=20000)
    args = parser.parse_args(argv)
    if missing(args.corpus):
        return 2
    data = _examples(args.corpus)
    print(f"{len(data)} labelled posts ({sum(y for _, y, _ in data)} promotional)")
    order = list(range(len(data)))
    random.Random(5).shuffle(order)
    folds = [order[k::5] for k in range(5)]
    tp = fp = fn = 0
    for k, fold in enumerate(folds):
        held = set(fold)
        train = [i for i in order if i not in held]
        _, weights, threshold = _search(data, train, args.trials // 5, k)
        fold_tp, fold_fp, fold_fn = _counts(data, fold, weights, threshold)
        tp, fp, fn = tp + fold_tp, fp + fold_fp, fn + fold_fn
    print(f"5-fold cross-validation: precision {tp / (tp + fp):.3f}, recall {tp / (tp + fn):.3f}")
    _, weights, threshold = _search(data, order, args.trials, 99)
    precision, recall = _score(data, order, weights, threshold)
    print(f"best on all {len(data)}: precision {precision:.3f}, recall {recall:.3f}")
    print(f"threshold: {threshold:g}")
    for name in GRID:
        print(f"  {name}: {weights[name]:g}")
    return 0


def _examples(corpus: Path) -> list[Example]:
    labels: dict[tuple[str, int], str] = {}
    for name in TUNING_SETS:
        path = Path(__file__).resolve().parent / "labels" / name
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                labels[(row["file"], int(row["row"]))] = row["label"]
    rule = load_ruleset("general").get("self-promotion")
    assert rule is not None and isinstance(rule.impl, ScoreRule)
    data: list[Example] = []
    for item in posts(corpus):
        label = labels.get((item.file, item.row))
        if label is None:
            continue
        counts = extract(PostContext(as_post(item)), rule.impl.vocabulary).counts
        capped = {name: min(counts.get(name, 0), CAP) for name in GRID}
        capped["self_reference"] = min(
            counts.get("first_person", 0) + counts.get("self_mention", 0), CAP
        )
        data.append((capped, label == "promotional", bool(counts.get("reply"))))
    return data


def _fires(weights: Weights, threshold: float, counts: dict[str, int], reply: bool) -> bool:
    if reply or not (counts["self_reference"] or counts["calls_to_buy"] or counts["teaser"]):
        return False
    return sum(weights[name] * counts[name] for name in GRID) >= threshold


def _counts(
    data: list[Example], subset: list[int], weights: Weights, threshold: float
) -> tuple[int, int, int]:
    """True positives, false positives and false negatives on ``subset``."""
    tp = fp = fn = 0
    for i in subset:
        counts, promo, reply = data[i]
        flagged = _fires(weights, threshold, counts, reply)
        tp += flagged and promo
        fp += flagged and not promo
        fn += promo and not flagged
    return tp, fp, fn


def _score(
    data: list[Example], subset: list[int], weights: Weights, threshold: float
) -> tuple[float, float]:
    tp, fp, fn = _counts(data, subset, weights, threshold)
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1)


def _search(
    data: list[Example], subset: list[int], trials: int, seed: int
) -> tuple[float, Weights, float]:
    rng = random.Random(seed)
    best: tuple[float, Weights, float] | None = None
    for _ in range(trials):
        weights = {name: rng.choice(values) for name, values in GRID.items()}
        threshold = rng.choice(THRESHOLDS)
        precision, recall = _score(data, subset, weights, threshold)
        margin = min(precision - 0.90, recall - 0.85)
        if best is None or margin > best[0]:
            best = (margin, weights, threshold)
    assert best is not None
    return best


if __name__ == "__main__":
    sys.exit(main())
