"""Where a steady-state run spends its time: per shared analysis and per rule.

Usage::

    python bench/profile_rules.py [--corpus PATH] [--ruleset general]

Warms up on every 10th corpus post (``corpus.warm_up_split``, as ``bench/run.py`` does),
then lints the other posts and times each stage of each post separately: tokenizing, the
token table, the word forms, the non-prose spans, and every rule.  Prints seconds per
stage and its share of the total.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import DEFAULT, missing, posts, warm_up_split

from tonelint import nlp
from tonelint.context import PostContext
from tonelint.engine import Linter
from tonelint.model import PositionMap, Post
from tonelint.rules.phrase import word_forms
from tonelint.ruleset import load_ruleset


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("--ruleset", default="general")
    args = parser.parse_args(argv)
    if missing(args.corpus):
        return 2
    texts = [item.text for item in posts(args.corpus)]
    linter = Linter(load_ruleset(args.ruleset))
    warm, rest = warm_up_split(texts)
    for text in warm:
        linter.lint_post(Post(text, "p", PositionMap.simple(text), platform="x"))
    timed = [Post(text, "p", PositionMap.simple(text), platform="x") for text in rest]
    spent: dict[str, float] = {}
    clock = time.perf_counter
    for post in timed:
        ctx = PostContext(post)
        started = clock()
        doc = ctx.doc
        _add(spent, "(tokenize)", started)
        started = clock()
        nlp.tokens(doc)
        _add(spent, "(token table)", started)
        started = clock()
        word_forms(doc)
        _add(spent, "(word forms)", started)
        started = clock()
        ctx.skipped_spans(("urls", "mentions", "hashtags", "quotes", "code"))
        _add(spent, "(spans)", started)
        for rule in linter.rules:
            if post.kind in rule.kinds:
                started = clock()
                list(rule.impl.check(ctx))
                _add(spent, rule.id, started)
    total = sum(spent.values())
    print(f"{len(timed):,} posts, ruleset {args.ruleset}: {total:.2f} s")
    for stage, seconds in sorted(spent.items(), key=lambda item: -item[1]):
        print(f"  {stage:28} {seconds:6.3f} s  {100 * seconds / total:4.1f} %")
    return 0


def _add(spent: dict[str, float], stage: str, started: float) -> None:
    spent[stage] = spent.get(stage, 0.0) + time.perf_counter() - started


if __name__ == "__main__":
    sys.exit(main())
