"""Score earlier versions of the rules on the small-business sets that held their rounds out.

Usage::

    python bench/rounds.py [--set j]
    python bench/rounds.py --diff OLD NEW [--upto q]

Each round of ``self-promotion`` (6 to 18) and ``corporate-tone`` (4 to 7) was scored once,
before and after, on a set of posts written and committed before it
(``bench/smallbiz/README.md``).  The README quotes those figures; this script rebuilds them.
For each version in ``VERSIONS`` it checks the commit out into a temporary git worktree and
runs that checkout's ``tonelint`` (its package and rulesets) on the posts and labels of this
checkout, linted as ``bench/evaluate_smallbiz.py`` lints them.  Needs the repository's git
history (a full clone).

``--diff OLD NEW`` compares two commits on every labelled post instead: each small-business
set and each corpus label set.  It lists the posts whose ``self-promotion`` or
``corporate-tone`` verdict differs, with the readers' label, and counts what a change
gained and cost ("On the posts read: 8 more promotional posts caught and 1 false alarm
gone" in the README and the commit log).  ``--upto q`` reads only the small-business sets a
to q, the sets a round was read from.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The version of the rules each commit holds: the commit that added the next held-out set,
# just before the next round.
VERSIONS = {
    "self-promotion round 5": "fd798b9",
    "self-promotion round 6": "832a4fa",
    "self-promotion round 7, corporate-tone round 4": "0e44c63",
    "self-promotion round 8": "3a63268",
    "self-promotion round 9, corporate-tone round 5": "b04545b",
    "self-promotion round 10": "160ae8b",
    "self-promotion round 11": "3007864",
    "self-promotion round 12": "73ace3e",
    "self-promotion round 13": "9840fd4",
    "self-promotion round 14": "95aa8fd",
    "self-promotion round 15": "05732e8",
    "self-promotion round 16": "f8c4103",
    "rounds 12 to 16 after review": "9de4bd8",
    "corporate-tone round 6": "e4ccb12",
    "self-promotion round 17": "6b97f30",
    "self-promotion round 18": "a83c4bf",
    "corporate-tone round 7": "HEAD",
}
_R = list(VERSIONS)
# Which versions each held-out set compares: the round it held out, the one before, and
# (from set k on) the one before that; set t also scores this checkout, after the review
# of rounds 12 to 16; set u compares that version with corporate-tone round 6, and set v
# both with self-promotion round 17.  Round 18 (the cue lexicon's operating point) was held
# out by corpus set 10; sets t, u and v score it too, though they were looked at while the
# round was chosen.
HELD_OUT = {
    "j": (_R[0], _R[1]),
    "k": (_R[0], _R[1], _R[2]),
    "l": (_R[1], _R[2], _R[3]),
    "m": (_R[2], _R[3], _R[4]),
    "n": (_R[3], _R[4], _R[5]),
    "o": (_R[4], _R[5], _R[6]),
    "p": (_R[5], _R[6], _R[7]),
    "q": (_R[6], _R[7], _R[8]),
    "r": (_R[7], _R[8], _R[9]),
    "s": (_R[8], _R[9], _R[10]),
    "t": (_R[9], _R[10], _R[11], _R[12], _R[15]),
    "u": (_R[12], _R[13], _R[15]),
    "v": (_R[12], _R[13], _R[14], _R[15]),
}
# Corpus label sets never read for any of these rounds (bench/evaluate.py scores them too).
CORPUS_HELD_OUT = ("posts-7.csv", "posts-8.csv", "posts-9.csv", "posts-10.csv", "posts-11.csv")
# The corpus tone set labelled before corporate-tone round 7 and never read for it.
TONE_HELD_OUT = ("tone-6.csv",)

# Run inside the old checkout (PYTHONPATH puts its tonelint first): lint the posts of the
# given small-business sets, and the held-out corpus posts when the corpus is there, with
# this checkout's bench helpers, and print the rules each post fired.
_SCORE = """
import json, sys
sys.path.insert(0, sys.argv[1])
import evaluate as cv
import evaluate_smallbiz as ev
from corpus import DEFAULT, available, posts
from tonelint.engine import Linter
from tonelint.ruleset import load_ruleset
linter = Linter(load_ruleset("general"))
out = {}
for name in sys.argv[3:]:
    for row in ev.read(f"posts-{name}.csv"):
        out[row["id"]] = sorted({f.rule for f in linter.lint_post(ev.post_of(row))})
names = [name for name in sys.argv[2].split(",") if name]
wanted = set()
for name in names:
    wanted |= set(cv._tones(name) if name.startswith("tone") else cv._labels(name))
if wanted and available(DEFAULT):
    for item in posts(DEFAULT):
        if (item.file, item.row) in wanted:
            key = f"{item.file}:{item.row}"
            out[key] = sorted({f.rule for f in linter.lint_post(cv.as_post(item, "x"))})
print(json.dumps(out))
"""


def _git(*args: str) -> str:
    done = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"rounds.py: git {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout


def fired(commit: str, sets: list[str], corpus: Sequence[str]) -> dict[str, list[str]]:
    """The rules each post of the small-business ``sets`` and of the ``corpus`` label sets
    fires under the rules of ``commit``."""
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        _git("worktree", "add", "--detach", "--quiet", str(tree), commit)
        try:
            env = {"PYTHONPATH": str(tree)}
            done = subprocess.run(
                [
                    sys.executable,
                    "-c",
                    _SCORE,
                    str(ROOT / "bench"),
                    ",".join(corpus),
                    *sets,
                ],
                capture_output=True,
                text=True,
                env=env,
                cwd=tmp,
            )
            if done.returncode:
                raise SystemExit(f"rounds.py: scoring at {commit} failed: {done.stderr[-400:]}")
            result: dict[str, list[str]] = json.loads(done.stdout)
            return result
        finally:
            _git("worktree", "remove", "--force", str(tree))


def _labels(name: str) -> list[dict[str, str]]:
    sys.path.insert(0, str(ROOT / "bench"))
    import evaluate_smallbiz

    return evaluate_smallbiz.read(f"labels-{name}.csv")


def _pr(should: set[str], did: set[str]) -> str:
    tp = len(should & did)
    precision = tp / len(did) if did else 0.0
    recall = tp / len(should) if should else 0.0
    return f"{precision:.3f} / {recall:.3f}"


def _corpus_table(
    title: str,
    labels: dict[tuple[str, int], str],
    positive: str,
    rule: str,
    verdicts: dict[str, dict[str, list[str]]],
) -> None:
    """Print ``rule``'s precision and recall against the ``positive`` label of corpus posts
    (``labels``: (file, row) -> label) for every version in ``verdicts``."""
    keys = {f"{file}:{row}": label for (file, row), label in labels.items()}
    should = {key for key, label in keys.items() if label == positive}
    print("\n" + title)
    for version, rules in verdicts.items():
        if not any(key in rules for key in keys):
            print(f"  {version:48} (corpus not found)")
            continue
        did = {key for key in keys if rule in rules.get(key, ())}
        print(f"  {version:48} {_pr(should, did)}")


def diff(old: str, new: str, upto: str = "") -> None:
    """Print the labelled posts whose verdicts differ between commits ``old`` and ``new``
    (small-business sets up to ``upto`` only, when given)."""
    sys.path.insert(0, str(ROOT / "bench"))
    import evaluate
    import evaluate_smallbiz

    sets = [
        n
        for n in evaluate_smallbiz.SETS
        if (evaluate_smallbiz.HERE / f"labels-{n}.csv").exists() and (not upto or n <= upto)
    ]
    before, after = (fired(c, sets, evaluate.LABEL_SETS) for c in (old, new))
    promotional: dict[str, bool] = {}
    corporate: dict[str, bool] = {}
    for name in sets:
        for row in _labels(name):
            if row["label"]:
                promotional[row["id"]] = row["label"] == "promotional"
            if row["tone"]:
                corporate[row["id"]] = row["tone"] == "corporate"
    for name in evaluate.LABEL_SETS:
        for (file, row_id), label in evaluate._labels(name).items():
            promotional[f"{file}:{row_id}"] = label == "promotional"
    for rule, truth, kind in (
        ("self-promotion", promotional, "promotional"),
        ("corporate-tone", corporate, "corporate"),
    ):
        counts = {"caught": 0, "lost": 0, "false alarms gone": 0, "new false alarms": 0}
        lines = []
        for key in sorted(k for k in truth if k in before and k in after):
            was, now = rule in before[key], rule in after[key]
            if was == now:
                continue
            if truth[key]:
                outcome = "caught" if now else "lost"
            else:
                outcome = "new false alarms" if now else "false alarms gone"
            counts[outcome] += 1
            label = kind if truth[key] else "not " + kind
            lines.append(f"  {key:50} {label:18} {'now fires' if now else 'no longer fires'}")
        summary = ", ".join(f"{n} {what}" for what, n in counts.items())
        print(f"{rule} on {len(truth):,} labelled posts, {old} -> {new}: {summary}")
        print("\n".join(lines) + ("\n" if lines else ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=sorted(HELD_OUT), action="append")
    parser.add_argument("--no-corpus", action="store_true", help="skip corpus sets 7 to 11")
    parser.add_argument(
        "--diff", nargs=2, metavar=("OLD", "NEW"), help="compare two commits on every labelled post"
    )
    parser.add_argument("--upto", metavar="SET", help="with --diff: small-business sets a to SET")
    args = parser.parse_args(argv)
    if args.diff:
        old, new = args.diff
        diff(old, new, upto=args.upto or "")
        return 0
    sets = args.set or sorted(HELD_OUT)
    corpus = not args.no_corpus
    wanted = {version for name in sets for version in HELD_OUT[name]}
    verdicts = {}
    for version, commit in VERSIONS.items():
        if version in wanted or corpus:
            held = [name for name in sets if version in HELD_OUT[name]]
            verdicts[version] = fired(
                commit, held, CORPUS_HELD_OUT + TONE_HELD_OUT if corpus else ()
            )
    print("Held-out small-business sets, scored by the version before and after their round")
    print("(precision / recall; self-promotion against promotional, corporate-tone against")
    print("the readers' corporate tone where they agree):\n")
    for name in sets:
        labels = _labels(name)
        promotional = {r["id"] for r in labels if r["label"] == "promotional"}
        toned = {r["id"] for r in labels if r["tone"]}
        corporate = {r["id"] for r in labels if r["tone"] == "corporate"}
        settled = {r["id"] for r in labels if r["label"]}
        print(f"Set {name}:")
        for version in HELD_OUT[name]:
            rules = verdicts[version]
            promo = {i for i in settled if "self-promotion" in rules[i]}
            tone = {i for i in toned if "corporate-tone" in rules[i]}
            print(
                f"  {version:48} self-promotion {_pr(promotional, promo)}"
                f"   corporate-tone {_pr(corporate, tone)}"
            )
    if corpus:
        sys.path.insert(0, str(ROOT / "bench"))
        import evaluate

        _corpus_table(
            "Corpus sets 7 to 11 (never read for these rounds), self-promotion:",
            {
                key: label
                for name in CORPUS_HELD_OUT
                for key, label in evaluate._labels(name).items()
            },
            "promotional",
            "self-promotion",
            verdicts,
        )
        _corpus_table(
            "Corpus tone set 6 (labelled before corporate-tone round 7), corporate-tone:",
            {key: tone for name in TONE_HELD_OUT for key, tone in evaluate._tones(name).items()},
            "corporate",
            "corporate-tone",
            verdicts,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
