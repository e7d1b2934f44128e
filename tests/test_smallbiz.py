"""The small-business evaluation set (bench/smallbiz): every label row names a written post
or profile, holds known labels, and takes the readers' common call where they agree."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent.parent / "bench" / "smallbiz"
INTENTS = {"promotional", "engaging", "informational"}
TONES = {"corporate", "plain"}


def _rows(name: str) -> list[dict[str, str]]:
    with (HERE / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("which", list("abcdefghijklmnopqrstuv"))
def test_post_labels_cover_the_posts(which: str) -> None:
    posts = _rows(f"posts-{which}.csv")
    labels = _rows(f"labels-{which}.csv")
    assert [p["id"] for p in posts] == [r["id"] for r in labels]
    assert len(posts) == 200
    for post in posts:
        assert post["text"].strip() and post["business"] and post["handle"]
        assert post["platform"] in {"x", "instagram", "facebook", "linkedin", "google"}
    for row in labels:
        assert {row["reader_a"], row["reader_b"]} <= INTENTS
        if row["reader_a"] == row["reader_b"]:
            assert row["label"] == row["reader_a"]
        else:  # a third reading's call, or empty until there is one (left out of scores)
            assert row["label"] in INTENTS | {""}
        assert {row["tone_a"], row["tone_b"]} <= TONES
        expected = row["tone_a"] if row["tone_a"] == row["tone_b"] else ""
        assert row["tone"] == expected


@pytest.mark.parametrize("which", ["a", "b", "c", "d", "e"])
def test_bio_labels_cover_the_profiles(which: str) -> None:
    bios = _rows(f"bios-{which}.csv")
    labels = _rows(f"bio-labels-{which}.csv")
    assert [b["id"] for b in bios] == [r["id"] for r in labels]
    assert len(bios) == 100
    for row in labels:
        for column in ("offering", "name", "website", "personal_only"):
            assert row[column] in {"yes", "no"}
        for column in ("offering", "name"):
            if row[f"{column}_a"] == row[f"{column}_b"]:
                assert row[column] == row[f"{column}_a"]
