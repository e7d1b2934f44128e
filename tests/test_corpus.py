"""Real posts from the shared corpus (outside the repo): every rule runs on every post
without an error, and every finding lies inside its post.  Skips when the corpus is absent."""

from __future__ import annotations

import sys
from pathlib import Path

from tonelint.engine import Linter
from tonelint.model import PositionMap, Post
from tonelint.ruleset import load_ruleset

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))


def test_general_ruleset_on_every_real_post(corpus: Path) -> None:
    from corpus import posts

    linter = Linter(load_ruleset("general"))
    seen = 0
    for item in posts(corpus):
        for platform in ("x",):
            post = Post(item.text, item.file, PositionMap.simple(item.text), platform=platform)
            lines = item.text.split("\n")
            for f in linter.lint_post(post):
                assert 1 <= f.line <= len(lines)
                assert 1 <= f.column <= len(lines[f.line - 1]) + 1
                assert (f.end_line, f.end_column) >= (f.line, f.column)
        seen += 1
    assert seen > 5000


def test_label_files_are_the_sampled_rows_and_hold_no_text(corpus: Path) -> None:
    import csv

    from sample_posts import PLANS, sample

    for batch in PLANS:
        if batch in TONE_ONLY:
            continue
        name = "posts.csv" if batch == 1 else f"posts-{batch}.csv"
        with open(ROOT / "bench" / "labels" / name, encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        assert [(r["file"], int(r["row"])) for r in rows] == [
            (s.file, s.row) for s in sample(corpus, batch)
        ], name
        labels = {"promotional", "engaging", "informational"}
        for r in rows:
            assert set(r) <= {"file", "row", "label", "reader_a", "reader_b"}, name
            assert r["label"] in labels, name
            assert r.get("reader_a", "engaging") in labels, name
            assert r.get("reader_b", "engaging") in labels, name


# Batches labelled for tone only, and the tone files that hold them.
TONE_ONLY = {12: "tone-6.csv"}


def test_tone_label_files_of_later_batches_are_the_sampled_rows(corpus: Path) -> None:
    import csv

    from sample_posts import sample

    for name, batches in (("tone-5.csv", (10, 11)), ("tone-6.csv", (12,))):
        with open(ROOT / "bench" / "labels" / name, encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        drawn = {(s.file, s.row) for batch in batches for s in sample(corpus, batch)}
        assert {(r["file"], int(r["row"])) for r in rows} == drawn, name
        for r in rows:
            assert set(r) == {"file", "row", "tone", "reader_a", "reader_b"}, name
            assert {r["reader_a"], r["reader_b"]} <= {"corporate", "plain"}, name
            agreed = r["reader_a"] if r["reader_a"] == r["reader_b"] else ""
            assert r["tone"] == agreed, name


def test_bio_label_files_are_the_sampled_profiles(corpus: Path) -> None:
    import csv

    from sample_bios import sample_batch

    for batch in (1, 2, 3, 4, 5, 6, 7):
        name = "bios.csv" if batch == 1 else f"bios-{batch}.csv"
        with open(ROOT / "bench" / "labels" / name, encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        expected = [(p.file, p.username) for p in sample_batch(corpus, batch)]
        assert sorted((r["file"], r["username"]) for r in rows) == sorted(expected), name
        for r in rows:
            assert {r["offering"], r["name"], r["website"], r["personal_only"]} <= {"yes", "no"}


def test_tone_label_files_are_sampled_posts(corpus: Path) -> None:
    import csv

    from sample_posts import sample

    tone_sets = (("tone.csv", (8, 9)), ("tone-2.csv", (6, 7)), ("tone-3.csv", (4, 5)))
    for name, batches in (*tone_sets, ("tone-4.csv", (2, 3))):
        with open(ROOT / "bench" / "labels" / name, encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        expected = [(s.file, s.row) for b in batches for s in sample(corpus, b)]
        assert [(r["file"], int(r["row"])) for r in rows] == expected, name
        for r in rows:
            assert r["reader_a"] in ("corporate", "plain") and r["reader_b"] in (
                "corporate",
                "plain",
            )
            assert r["tone"] == (r["reader_a"] if r["reader_a"] == r["reader_b"] else "")
