"""Measure the judgement rules on small-business posts and bios written for the project.

Usage::

    python bench/evaluate_smallbiz.py [--set a|b|c|d|e] [--ruleset general] [--errors]

The real corpus holds a restaurant group's corporate timeline, a public-health agency and
news outlets, not the dental practices, plumbers and law firms tonelint is for.
``bench/smallbiz/`` holds posts and profiles of invented small businesses in those trades,
written for this project by writers who did not see the rules, and labelled by two readers
each (``bench/smallbiz/README.md``).  Each set was committed before the changes it holds
out; the README there says which.

Each post is linted on its own platform with its business configured as the ``account``
(name, handle, website), as a team would in ``.tonelint.yaml``.  Prints, per set:
precision and recall of ``self-promotion`` (promotional against the rest), of
``corporate-tone`` and ``corporate-jargon`` (against the readers' ``corporate`` tone, posts
the readers disagree on left out), how often ``no-engagement`` flags each kind of post, and
precision and recall of each bio rule against the readers' bio labels.  ``--errors`` lists
the posts and profiles a rule gets wrong, with their text (the text is the project's own).
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import precision_recall

from tonelint.account import Account
from tonelint.engine import Linter
from tonelint.model import PositionMap, Post
from tonelint.platforms import PLATFORMS
from tonelint.ruleset import load_ruleset

HERE = Path(__file__).resolve().parent / "smallbiz"
SETS = tuple("abcdefghijklmnopqrstuv")
BIO_RULES = {  # label column, the value the rule should fire on
    "bio-missing-offering": ("offering", "no"),
    "bio-missing-business-name": ("name", "no"),
    "bio-missing-website": ("website", "no"),
    "bio-personal-only": ("personal_only", "yes"),
}


def read(name: str) -> list[dict[str, str]]:
    with (HERE / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def post_of(row: dict[str, str]) -> Post:
    """A written post as tonelint sees it: on its platform, in its business's voice."""
    account = Account(
        name=row["business"], handles=(row["handle"],), website=row["website"] or None
    )
    text = row["text"]
    # "google" (a Google Business Profile update) is no platform tonelint knows: no platform
    platform = row["platform"] if row["platform"] in PLATFORMS else None
    return Post(text, row["id"], PositionMap.simple(text), platform=platform, account=account)


def bio_of(row: dict[str, str]) -> Post:
    """A written profile as tonelint sees it: the bio, with the profile's other fields."""
    bio = row["bio"]
    meta = {
        "name": row["name"],
        "website": row["url"],
        "location": row["location"],
        "handle": row["handle"],
    }
    return Post(bio, row["id"], PositionMap.simple(bio), platform="x", kind="bio", meta=meta)


def agreement(rows: Iterable[dict[str, str]], first: str, second: str) -> float:
    pairs = [(r[first], r[second]) for r in rows]
    return 100 * sum(a == b for a, b in pairs) / max(len(pairs), 1)


def _posts(linter: Linter, name: str, errors: bool) -> None:
    texts = {r["id"]: r for r in read(f"posts-{name}.csv")}
    labels = read(f"labels-{name}.csv")
    fired = {r["id"]: {f.rule for f in linter.lint_post(post_of(texts[r["id"]]))} for r in labels}
    same = agreement(
        [
            {"a": str(r["reader_a"] == "promotional"), "b": str(r["reader_b"] == "promotional")}
            for r in labels
        ],
        "a",
        "b",
    )
    print(f"\nSet {name}: {len(labels)} posts; readers agree on promotional vs rest {same:.1f} %,")
    print(
        f"  on three labels {agreement(labels, 'reader_a', 'reader_b'):.1f} %, "
        f"on tone {agreement(labels, 'tone_a', 'tone_b'):.1f} %"
    )
    settled = {r["id"] for r in labels if r["label"]}  # empty: readers differ, no third yet
    should = {r["id"] for r in labels if r["label"] == "promotional"}
    did = {i for i, rules in fired.items() if "self-promotion" in rules and i in settled}
    unsettled = len(labels) - len(settled)
    left_out = f" ({unsettled} posts the readers differ on left out)" if unsettled else ""
    print(f"  self-promotion    {precision_recall(should, did)}{left_out}")
    toned = [r for r in labels if r["tone"]]
    corporate = {r["id"] for r in toned if r["tone"] == "corporate"}
    for rule in ("corporate-tone", "corporate-jargon"):
        hits = {r["id"] for r in toned if rule in fired[r["id"]]}
        print(f"  {rule:<17} {precision_recall(corporate, hits)}")
    either = {r["id"] for r in toned if fired[r["id"]] & {"corporate-tone", "corporate-jargon"}}
    print(
        f"  {'either':<17} {precision_recall(corporate, either)} "
        f"({len(toned)} posts with one tone label, {len(corporate)} corporate)"
    )
    for kind in ("engaging", "promotional", "informational"):
        ids = [r["id"] for r in labels if r["label"] == kind]
        quiet = sum("no-engagement" in fired[i] for i in ids)
        print(f"  no-engagement flags {quiet:3} of {len(ids):3} {kind} posts")
    if errors:
        for r in labels:
            rules = fired[r["id"]]
            wrong = []
            if r["label"] and ("self-promotion" in rules) != (r["label"] == "promotional"):
                wrong.append(f"self-promotion ({r['label']})")
            if r["tone"] and ("corporate-tone" in rules) != (r["tone"] == "corporate"):
                wrong.append(f"corporate-tone ({r['tone']})")
            if wrong:
                text = texts[r["id"]]["text"].replace("\n", " / ")
                print(f"    {r['id']} {', '.join(wrong)}: {text[:240]}")


def _bios(linter: Linter, name: str, errors: bool) -> None:
    rows = {r["id"]: r for r in read(f"bios-{name}.csv")}
    labels = read(f"bio-labels-{name}.csv")
    fired = {r["id"]: {f.rule for f in linter.lint_post(bio_of(rows[r["id"]]))} for r in labels}
    print(
        f"\nSet {name}: {len(labels)} profiles; readers agree on offering "
        f"{agreement(labels, 'offering_a', 'offering_b'):.1f} %, on name "
        f"{agreement(labels, 'name_a', 'name_b'):.1f} %"
    )
    for rule, (column, value) in BIO_RULES.items():
        should = {r["id"] for r in labels if r[column] == value}
        did = {i for i, rules in fired.items() if rule in rules}
        print(f"  {rule:<26} {precision_recall(should, did)}")
        if errors:
            for i in sorted(should ^ did):
                row = rows[i]
                kind = "FP" if i in did else "FN"
                print(f"    {kind} {i} [{row['name']} | {row['url']}] {row['bio']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=SETS, action="append", help="default: every set")
    parser.add_argument("--ruleset", default="general")
    parser.add_argument("--errors", action="store_true", help="list what each rule gets wrong")
    args = parser.parse_args(argv)
    linter = Linter(load_ruleset(args.ruleset))
    names = [n for n in (args.set or SETS) if (HERE / f"labels-{n}.csv").exists()]
    print("Posts (self-promotion, corporate tone, no-engagement):")
    for name in names:
        _posts(linter, name, args.errors)
    print("\nProfiles (bio rules):")
    for name in names:
        if (HERE / f"bio-labels-{name}.csv").exists():
            _bios(linter, name, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
