"""Measure the bio rules on real business profiles (``../shared/corpus/bios``).

Usage::

    python bench/evaluate_bios.py [--corpus PATH] [--ruleset general] [--errors]

Each profile is linted as tonelint reads a profile file: the bio text plus the profile's
``name``, ``url`` (website) and ``location`` fields.  Prints the share of profiles each bio
rule flags in each file, then precision and recall of ``bio-missing-offering`` and the
name, website and personal-only rules on each hand-labelled sample (``bench/labels/bios.csv``
to ``bios-4.csv``; ``bench/labels/BIOS.md`` says which samples each rule was built on and
which one holds it out).
``--errors`` lists the labelled profiles a rule gets wrong (identifiers only).
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import DEFAULT, published_text, read_rows

from tonelint.engine import Linter
from tonelint.model import PositionMap, Post
from tonelint.ruleset import load_ruleset

FILES = ("bios/company_bios.csv", "bios/healthcare_company_bios.csv", "bios/organization_bios.csv")
# label column -> (rule, label value meaning the rule should fire)
LABELLED = {
    "offering": ("bio-missing-offering", "no"),
    "name": ("bio-missing-business-name", "no"),
    "website": ("bio-missing-website", "no"),
    "personal_only": ("bio-personal-only", "yes"),
}


def profile_post(file: str, row: dict[str, str]) -> Post | None:
    bio = published_text(row.get("description") or row.get("bio") or "")
    if not bio:
        return None
    meta = {
        "name": row.get("name") or "",
        "website": row.get("url") or "",
        "location": row.get("location") or "",
        "handle": row.get("username") or "",
    }
    return Post(bio, file, PositionMap.simple(bio), platform="x", kind="bio", meta=meta)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("--ruleset", default="general")
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args(argv)
    if not (args.corpus / "bios").is_dir():
        print(f"corpus not found at {args.corpus}", file=sys.stderr)
        return 2
    linter = Linter(load_ruleset(args.ruleset))
    rules = [r.id for r in linter.rules if "bio" in r.kinds and r.type_name == "bio"]
    totals: Counter[str] = Counter()
    flagged: dict[str, Counter[str]] = {f: Counter() for f in FILES}
    verdicts: dict[tuple[str, str], set[str]] = {}
    for file in FILES:
        for row in read_rows(args.corpus / file):
            post = profile_post(file, row)
            if post is None:
                continue
            totals[file] += 1
            fired = {f.rule for f in linter.lint_post(post)}
            flagged[file].update(fired)
            verdicts[(file, row["username"])] = fired
    print(f"Ruleset {args.ruleset}: share of profiles flagged per file\n")
    print("| rule | " + " | ".join(f"{Path(f).stem} ({totals[f]})" for f in FILES) + " |")
    print("|" + "---|" * (len(FILES) + 1))
    for rule in rules:
        cells = [
            f"{100 * flagged[f][rule] / max(totals[f], 1):.1f} % ({flagged[f][rule]})"
            for f in FILES
        ]
        print(f"| {rule} | " + " | ".join(cells) + " |")
    for name in LABEL_SETS:
        _report(name, verdicts, args.errors)
    return 0


# Each sample was committed before the next change to the bio rules and measured it;
# sample 7 held out round 5 and was then read for round 6 (see bench/labels/BIOS.md).
LABEL_SETS = (
    "bios.csv",
    "bios-2.csv",
    "bios-3.csv",
    "bios-4.csv",
    "bios-5.csv",
    "bios-6.csv",
    "bios-7.csv",
)


def _report(name: str, verdicts: dict[tuple[str, str], set[str]], errors: bool) -> None:
    labels_path = Path(__file__).resolve().parent / "labels" / name
    with labels_path.open(encoding="utf-8", newline="") as handle:
        labels = list(csv.DictReader(handle))
    print(f"\nOn {name} ({len(labels)} profiles):\n")
    if labels and "offering_a" in labels[0]:
        for column in ("offering", "name"):
            agree = sum(r[f"{column}_a"] == r[f"{column}_b"] for r in labels)
            print(f"two readers agree on {column}: {100 * agree / len(labels):.1f} %")
    for column, (rule, fire_value) in LABELLED.items():
        tp = fp = fn = 0
        for label in labels:
            should = label[column] == fire_value
            did = rule in verdicts.get((label["file"], label["username"]), set())
            tp += should and did
            fp += did and not should
            fn += should and not did
            if errors and should != did:
                print(f"  {'FP' if did else 'FN'} {rule} {label['file']}:{label['username']}")
        precision = f"{tp / (tp + fp):.2f}" if tp + fp else "n/a"
        recall = f"{tp / (tp + fn):.2f}" if tp + fn else "n/a"
        print(
            f"{rule}: precision {precision}, recall {recall} "
            f"(TP {tp}, FP {fp}, FN {fn}; {tp + fn} should fire)"
        )


if __name__ == "__main__":
    sys.exit(main())
