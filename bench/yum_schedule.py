"""Turn a real corporate timeline into a schedule and report what the schedule rules find.

Usage::

    python bench/yum_schedule.py [--corpus PATH] [--originals-only]

Reads ``posts/yum_brands_tweets.csv`` (ten years of a restaurant group's timeline with real
UTC timestamps), writes it to a temporary YAML schedule (platform X, the account
configured as in ``bench/accounts.py``), lints it with the general ruleset, and prints how
often each schedule rule fires and where the busiest days were.  Corpus text stays in the
temporary folder; nothing is written to the repository.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from accounts import YUM
from corpus import DEFAULT, published_text, read_rows

from tonelint.runner import Options, Runner


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("--originals-only", action="store_true", help="leave out retweets")
    args = parser.parse_args(argv)
    source = args.corpus / "posts" / "yum_brands_tweets.csv"
    if not source.is_file():
        print(f"corpus not found at {args.corpus}", file=sys.stderr)
        return 2
    posts = []
    for row in read_rows(source):
        if args.originals_only and row["tweet_type"] == "retweet":
            continue
        text = published_text(row["text"])
        if text:
            posts.append({"at": row["created_at"].replace(" ", "T"), "text": text})
    account = {"name": YUM.name, "handles": list(YUM.handles), "aliases": list(YUM.aliases)}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "yum.schedule.yaml"
        data = {"timezone": "UTC", "platform": "x", "account": account, "posts": posts}
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        started = time.perf_counter()
        report = Runner(Options(now=None)).run([str(path)])
        elapsed = time.perf_counter() - started
    schedule_rules = (
        "posting-frequency",
        "posting-gap",
        "duplicate-post",
        "promo-ratio",
        "engagement-ratio",
    )
    counts = Counter(f.rule for f in report.findings if f.rule in schedule_rules)
    first, last = min(p["at"] for p in posts), max(p["at"] for p in posts)
    print(f"{len(posts):,} posts from {first[:10]} to {last[:10]}, linted in {elapsed:.1f} s")
    print(f"errors: {len(report.errors)}")
    for rule in schedule_rules:
        print(f"{rule:18} {counts.get(rule, 0):5}")
    past = sum(1 for f in report.findings if f.rule == "post-in-past")
    print(f"post-in-past       {past:5} (every post is in the past)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
