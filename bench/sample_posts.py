"""Deterministic sample of real posts for hand-labelling the ``self-promotion`` rule.

The corpus lives outside the repository (``../shared/corpus`` by default) and must
not be copied into it, so this script only *prints* the sampled posts for a human
reader.  The labels themselves (``bench/labels/posts.csv``) hold only
``file,row,label``.

Row ids
    ``row`` is the 0-based index of a record as yielded by
    ``csv.DictReader(open(path, encoding="utf-8", newline=""))``, counting every
    record in the file; filtering happens *after* numbering.

Sampling
    One ``random.Random(20261121)`` instance is shared by all files, which are
    processed in the fixed order of ``PLAN``.  For each file the eligible rows
    (matching the filter and with non-empty ``text``) are collected in file order,
    and ``rng.sample(eligible, n)`` draws ``n`` of them; the drawn rows are then
    printed sorted by row id.

Later batches
    ``--batch 2`` to ``5`` draw further, disjoint samples for more rounds of labels
    (``bench/labels/posts-2.csv`` ... ``posts-5.csv``): ``random.Random(20261122)`` for
    batch 2, ``20261123`` to ``20261125`` for batches 3 to 5, the files and counts of
    ``PLAN_2`` (batches 3 to 5: ``PLAN_3``), with every row of the earlier batches removed
    from the eligible rows first.  ``--batch 6`` (``random.Random(20261126)``, ``PLAN_6``)
    draws more of the timeline, where the promotional posts are, so that recall is measured
    on more of them.  ``--batch 7`` to ``--batch 12`` draw the same numbers with
    ``random.Random(20261127)`` to ``random.Random(20261132)``.

Usage::

    python bench/sample_posts.py [--corpus PATH] [--ids-only] [--batch 1|2|...|12]
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

SEED = 20261121
SEED_2 = 20261122
SEED_3 = 20261123
SEED_4 = 20261124
SEED_5 = 20261125
SEED_6 = 20261126
SEED_7 = 20261127
SEED_8 = 20261128
SEED_9 = 20261129
SEED_10 = 20261130
SEED_11 = 20261131
SEED_12 = 20261132
DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

Row = dict[str, str]


@dataclass(frozen=True)
class FilePlan:
    """How many rows to draw from one corpus file, and which rows are eligible."""

    relpath: str
    count: int
    keep: Callable[[Row], bool]


def _any(_: Row) -> bool:
    return True


PLAN: tuple[FilePlan, ...] = (
    FilePlan(
        "posts/yum_brands_tweets.csv",
        70,
        lambda r: r.get("tweet_type") in {"original", "quoted"},
    ),
    FilePlan("posts/cdcgov_tweets.csv", 35, _any),
    FilePlan("posts/health_news_tweets.csv", 35, _any),
    FilePlan(
        "posts/customer_care_agent_tweets.csv",
        35,
        lambda r: r.get("role") == "agent",
    ),
    FilePlan("posts/customer_support_brand_replies.csv", 15, _any),
)


PLAN_2: tuple[FilePlan, ...] = (
    FilePlan(
        "posts/yum_brands_tweets.csv",
        120,
        lambda r: r.get("tweet_type") in {"original", "quoted"},
    ),
    FilePlan("posts/cdcgov_tweets.csv", 40, _any),
    FilePlan("posts/health_news_tweets.csv", 40, _any),
)
PLAN_3: tuple[FilePlan, ...] = (
    FilePlan(
        "posts/yum_brands_tweets.csv",
        100,
        lambda r: r.get("tweet_type") in {"original", "quoted"},
    ),
    FilePlan("posts/cdcgov_tweets.csv", 30, _any),
    FilePlan("posts/health_news_tweets.csv", 30, _any),
)
PLAN_6: tuple[FilePlan, ...] = (
    FilePlan(
        "posts/yum_brands_tweets.csv",
        150,
        lambda r: r.get("tweet_type") in {"original", "quoted"},
    ),
    FilePlan("posts/cdcgov_tweets.csv", 25, _any),
    FilePlan("posts/health_news_tweets.csv", 25, _any),
)
PLANS = {
    1: (PLAN, SEED),
    2: (PLAN_2, SEED_2),
    3: (PLAN_3, SEED_3),
    4: (PLAN_3, SEED_4),
    5: (PLAN_3, SEED_5),
    6: (PLAN_6, SEED_6),
    7: (PLAN_6, SEED_7),
    8: (PLAN_6, SEED_8),
    9: (PLAN_6, SEED_9),
    10: (PLAN_6, SEED_10),
    11: (PLAN_6, SEED_11),
    12: (PLAN_6, SEED_12),
}


@dataclass(frozen=True)
class Sampled:
    """One sampled post."""

    file: str
    row: int
    text: str


def read_rows(path: Path) -> Iterator[tuple[int, Row]]:
    """Yield ``(row_id, record)`` for every record of a CSV file."""
    with open(path, encoding="utf-8", newline="") as fh:
        yield from enumerate(csv.DictReader(fh))


def sample(corpus: Path, batch: int = 1) -> list[Sampled]:
    """Return the deterministic sample described in the module docstring."""
    plans, seed = PLANS[batch]
    taken = {(s.file, s.row) for earlier in range(1, batch) for s in sample(corpus, earlier)}
    rng = random.Random(seed)
    out: list[Sampled] = []
    for plan in plans:
        eligible = [
            (i, r)
            for i, r in read_rows(corpus / plan.relpath)
            if plan.keep(r) and (r.get("text") or "").strip() and (plan.relpath, i) not in taken
        ]
        if len(eligible) < plan.count:
            raise ValueError(
                f"{plan.relpath}: only {len(eligible)} eligible rows, need {plan.count}"
            )
        drawn = sorted(rng.sample(eligible, plan.count), key=lambda t: t[0])
        out.extend(Sampled(plan.relpath, i, r["text"]) for i, r in drawn)
    return out


def main(argv: list[str] | None = None) -> int:
    """Print the sample as ``file, row, text`` blocks (or only ids with ``--ids-only``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--ids-only", action="store_true", help="print only file<TAB>row")
    parser.add_argument("--batch", type=int, choices=sorted(PLANS), default=1)
    args = parser.parse_args(argv)
    try:
        for s in sample(args.corpus, args.batch):
            if args.ids_only:
                print(f"{s.file}\t{s.row}")
            else:
                print(f"{s.file}\t{s.row}\n{s.text}\n")
    except BrokenPipeError:  # e.g. piped into `head`
        sys.stderr.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
