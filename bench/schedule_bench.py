"""Benchmark the schedule rules: lint a generated calendar of N posts (default 100,000).

Usage::

    python bench/schedule_bench.py [--posts 100000] [--seed 1]

Writes a CSV schedule to a temporary folder (posts spread over a year on five platforms,
some repeated, some promotional), then times reading it, the post rules, the schedule rules
(with the self-promotion and no-engagement verdicts they count) and the whole run.  The
schedule rules sort once and walk each platform with a sliding window: O(n log n).
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tonelint import sources
from tonelint.engine import Linter
from tonelint.ruleset import load_ruleset

TEMPLATES = [
    "Tip {n}: clear your downspouts after every storm. What do you check first?",
    "We're proud to launch our award-winning gutter guards, model {n}! Order now.",
    "Ice dams form when warm air escapes the attic; here is how to spot number {n}.",
    "Thanks to @Neighbour{n} for the photos of their spotless gutters!",
    "Our crew fixed {n} leaks this month. Ask us anything about roofs.",
]
PLATFORMS = ["x", "linkedin", "instagram", "facebook", "bluesky"]


def generate(path: Path, count: int, seed: int) -> None:
    rng = random.Random(seed)
    start = datetime(2027, 1, 1, tzinfo=UTC)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["at", "platform", "text"])
        for i in range(count):
            at = start + timedelta(minutes=int(i * 525_600 / count) + rng.randrange(0, 30))
            text = rng.choice(TEMPLATES).format(n=rng.randrange(0, count // 3 + 1))
            writer.writerow([at.isoformat(), rng.choice(PLATFORMS), text])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "calendar.schedule.csv"
        generate(path, args.posts, args.seed)
        started = time.perf_counter()
        posts = sources.read_posts(path.read_text(encoding="utf-8"), str(path))
        read = time.perf_counter()
        linter = Linter(load_ruleset("general"))
        post_findings = sum(len(linter.lint_post(p)) for p in posts)
        post_rules = time.perf_counter()
        schedule_findings = linter.lint_schedule(posts, datetime(2026, 1, 1, tzinfo=UTC))
        done = time.perf_counter()
    by_rule: dict[str, int] = {}
    for finding in schedule_findings:
        by_rule[finding.rule] = by_rule.get(finding.rule, 0) + 1
    print(f"posts: {len(posts):,}")
    print(f"read the CSV schedule:       {read - started:8.2f} s")
    print(f"post rules:                  {post_rules - read:8.2f} s ({post_findings:,} findings)")
    print(
        f"schedule rules:              {done - post_rules:8.2f} s "
        f"({len(schedule_findings):,} findings)"
    )
    print(f"whole run:                   {done - started:8.2f} s")
    print(
        "schedule findings by rule:   "
        + ", ".join(f"{k} {v:,}" for k, v in sorted(by_rule.items()))
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
