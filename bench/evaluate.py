"""Measure tonelint's rules on real posts: how often each rule fires on each corpus file,
and precision and recall of ``self-promotion`` on the hand-labelled sets.

Usage::

    python bench/evaluate.py [--corpus PATH] [--ruleset general] [--show RULE] [--limit N]
                             [--errors]

Every post is linted with its account configured (``bench/accounts.py``).  Prints, for every
corpus file, the share of posts each rule flags, then the labelled-set figures for each
set in ``bench/labels/`` (``posts.csv``, 190 posts labelled by one reader; ``posts-2.csv`` to
``posts-11.csv``, each labelled by two readers: promotional against engaging and
informational), for the development sets 1 to 6 together, the sets 7 to 11 that hold out the
current version, and all sets, and how often
``no-engagement`` flags the labelled posts of each kind;
``--errors`` lists the labelled posts the rule gets wrong.  On these files most
rules should rarely fire (support replies, public-health and news posts are not press
releases), so a high rate there is a false-positive signal to inspect with ``--show RULE``,
which prints the flagged spans (to the terminal only: corpus text never goes into the repo).
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from accounts import as_post
from corpus import DEFAULT, POST_FILES, missing, posts, precision_recall

from tonelint.engine import Linter
from tonelint.ruleset import load_ruleset


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("--ruleset", default="general")
    parser.add_argument("--platform", default="x", help="platform the posts were written for")
    parser.add_argument("--show", metavar="RULE", help="print the spans RULE flags")
    parser.add_argument("--limit", type=int, default=40, help="how many spans --show prints")
    parser.add_argument("--errors", action="store_true", help="list mislabelled dev posts")
    args = parser.parse_args(argv)
    if missing(args.corpus):
        return 2
    linter = Linter(load_ruleset(args.ruleset))
    rule_ids = [r.id for r in linter.rules if "post" in r.kinds]
    totals: dict[str, int] = Counter()
    flagged: dict[str, Counter[str]] = {name: Counter() for name in POST_FILES}
    shown = 0
    sets = {name: _labels(name) for name in LABEL_SETS}
    labels = {key: label for one in sets.values() for key, label in one.items()}
    verdicts: dict[tuple[str, int], bool] = {}
    quiet: dict[tuple[str, int], bool] = {}  # labelled posts no-engagement flags
    tones = {name: _tones(name) for name in TONE_SETS}
    toned = {key for one in tones.values() for key in one}
    corporate: dict[tuple[str, int], set[str]] = {}  # tone-labelled posts: tone rules fired
    for item in posts(args.corpus):
        totals[item.file] += 1
        post = as_post(item, args.platform)
        fired = set()
        for finding in linter.lint_post(post):
            fired.add(finding.rule)
            if args.show == finding.rule and shown < args.limit:
                shown += 1
                print(f"{item.file}:{item.row}: {finding.message}")
        flagged[item.file].update(fired)
        if (item.file, item.row) in labels:
            verdicts[(item.file, item.row)] = "self-promotion" in fired
            quiet[(item.file, item.row)] = "no-engagement" in fired
        if (item.file, item.row) in toned:
            corporate[(item.file, item.row)] = fired & {"corporate-tone", "corporate-jargon"}
    if args.show:
        print()
    width = max(len(r) for r in rule_ids)
    header = (
        f"| {'rule':<{width}} | "
        + " | ".join(
            f"{Path(n).stem.replace('_tweets', '').replace('_', ' ')} ({totals[n]})"
            for n in POST_FILES
        )
        + " |"
    )
    print(f"Ruleset {args.ruleset}, platform {args.platform}: share of posts flagged per file")
    print()
    print(header)
    print("|" + "---|" * (len(POST_FILES) + 1))
    for rule in rule_ids:
        cells = []
        for name in POST_FILES:
            count = flagged[name][rule]
            cells.append(f"{100 * count / max(totals[name], 1):.1f} % ({count})")
        print(f"| {rule:<{width}} | " + " | ".join(cells) + " |")
    if "self-promotion" in rule_ids and labels:
        for name in LABEL_SETS:
            _agreement(name)
        for name, one in sets.items():
            _report(name, one, verdicts, args.errors)
        dev = {k: v for name in LABEL_SETS[:6] for k, v in sets[name].items()}
        _report("the development sets (posts.csv to posts-6.csv)", dev, verdicts, False)
        held = {k: v for name in LABEL_SETS[6:] for k, v in sets[name].items()}
        _report(
            "the sets held out for this version (posts-7.csv to posts-11.csv)",
            held,
            verdicts,
            False,
        )
        _report("all sets", labels, verdicts, False)
    if "no-engagement" in rule_ids and labels:
        _engagement(labels, quiet)
    if "corporate-tone" in rule_ids:
        for name, one in tones.items():
            _tone_report(name, one, corporate)
    return 0


# Posts labelled corporate or plain in tone by two readers (bench/labels/README.md);
# tone.csv to tone-3.csv were read while the corporate-tone patterns grew and tone-4.csv
# held them out; tone-5.csv measured corporate-tone round 6 and was read for round 7, which
# tone-6.csv holds out.
TONE_SETS = ("tone.csv", "tone-2.csv", "tone-3.csv", "tone-4.csv", "tone-5.csv", "tone-6.csv")


def _tones(name: str) -> dict[tuple[str, int], str]:
    """The posts both readers gave the same tone label (``corporate`` or ``plain``)."""
    path = Path(__file__).resolve().parent / "labels" / name
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {(r["file"], int(r["row"])): r["tone"] for r in csv.DictReader(handle) if r["tone"]}


def _tone_report(
    name: str, labels: dict[tuple[str, int], str], fired: dict[tuple[str, int], set[str]]
) -> None:
    """Precision and recall of the tone rules against the readers' corporate label."""
    if not labels:
        return
    should = {k for k, tone in labels.items() if tone == "corporate"}
    print(f"\ncorporate tone on {name} ({len(labels)} posts both readers agree on, ", end="")
    print(f"{len(should)} corporate):")
    for rule in ("corporate-tone", "corporate-jargon", None):
        did = {k for k in labels if (rule in fired.get(k, set()) if rule else fired.get(k))}
        print(f"  {rule or 'either rule':<17} {precision_recall(should, did)}")


def _engagement(labels: dict[tuple[str, int], str], quiet: dict[tuple[str, int], bool]) -> None:
    """How often no-engagement flags the labelled posts of each kind: rarely the engaging
    ones (a reply, a real question, thanks), often the rest (a bulletin invites nothing)."""
    print("\nno-engagement on all labelled posts:")
    for kind in ("engaging", "promotional", "informational"):
        keys = [k for k, label in labels.items() if label == kind]
        hits = sum(quiet.get(k, False) for k in keys)
        share = 100 * hits / max(len(keys), 1)
        print(f"  {kind:<13} {hits:4} of {len(keys):4} flagged ({share:.1f} %)")


LABEL_SETS = (
    "posts.csv",
    "posts-2.csv",
    "posts-3.csv",
    "posts-4.csv",
    "posts-5.csv",
    "posts-6.csv",
    "posts-7.csv",
    "posts-8.csv",
    "posts-9.csv",
    "posts-10.csv",
    "posts-11.csv",
)


def _labels(name: str) -> dict[tuple[str, int], str]:
    path = Path(__file__).resolve().parent / "labels" / name
    with path.open(encoding="utf-8", newline="") as handle:
        return {(r["file"], int(r["row"])): r["label"] for r in csv.DictReader(handle)}


def _agreement(name: str) -> None:
    """How often the two readers of a doubly labelled set agreed."""
    path = Path(__file__).resolve().parent / "labels" / name
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r.get("reader_b")]
    if not rows:
        return
    promo = sum((r["reader_a"] == "promotional") == (r["reader_b"] == "promotional") for r in rows)
    same = sum(r["reader_a"] == r["reader_b"] for r in rows)
    print(
        f"\n{name}: two readers agree on {100 * promo / len(rows):.1f} % (promotional vs rest), "
        f"{100 * same / len(rows):.1f} % (three labels); {len(rows) - same} settled by a third"
    )


def _report(
    name: str,
    labels: dict[tuple[str, int], str],
    verdicts: dict[tuple[str, int], bool],
    errors: bool,
) -> None:
    tp = fp = fn = tn = 0
    for key, label in sorted(labels.items()):
        flagged = verdicts.get(key, False)
        promo = label == "promotional"
        tp += flagged and promo
        fp += flagged and not promo
        fn += promo and not flagged
        tn += not promo and not flagged
        if errors and flagged != promo:
            print(f"{'FP' if flagged else 'FN'} {key[0]}:{key[1]} ({label})")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    print()
    print(f"self-promotion on {name} ({len(labels)} posts, {tp + fn} promotional):")
    print(f"precision {precision:.3f}, recall {recall:.3f} (TP {tp}, FP {fp}, FN {fn}, TN {tn})")
    if tp + fn:  # how far recall moves from one sample of this size to the next
        print(f"standard error of recall: {math.sqrt(recall * (1 - recall) / (tp + fn)):.3f}")


if __name__ == "__main__":
    sys.exit(main())
