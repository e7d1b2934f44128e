"""Read the shared real-world corpus (outside the repository) for benchmarks and evaluation.

The corpus is evaluation data only: nothing in it is copied into the repository.  Rows are
numbered as in ``bench/labels``: the 0-based index of a record yielded by
``csv.DictReader``, counting every record in the file.
"""

from __future__ import annotations

import csv
import html
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT = Path(
    os.environ.get("TONELINT_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus")
)

# file -> (text column, filter on a row)
POST_FILES: dict[str, tuple[str, tuple[str, str] | None]] = {
    "posts/yum_brands_tweets.csv": ("text", None),
    "posts/customer_care_agent_tweets.csv": ("text", ("role", "agent")),
    "posts/customer_support_brand_replies.csv": ("text", None),
    "posts/cdcgov_tweets.csv": ("text", None),
    "posts/health_news_tweets.csv": ("text", None),
}


_ARCHIVE = re.compile(r"https?://web\.archive\.org/web/\d+/")


def published_text(raw: str) -> str:
    """The post as its author published it: the data sets store HTML entities ("&amp;")
    and wrap some links in an archive address; undo both so lengths are real."""
    return html.unescape(_ARCHIVE.sub("", raw)).strip()


@dataclass(frozen=True)
class CorpusPost:
    file: str
    row: int
    text: str
    fields: dict[str, str]


def read_rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def posts(corpus: Path = DEFAULT, files: list[str] | None = None) -> Iterator[CorpusPost]:
    """Every non-empty post of the post files (customer-care: agent turns only)."""
    for name in files or list(POST_FILES):
        column, keep = POST_FILES[name]
        for row, fields in enumerate(read_rows(corpus / name)):
            if keep and fields.get(keep[0]) != keep[1]:
                continue
            text = published_text(fields.get(column) or "")
            if text:
                yield CorpusPost(name, row, text, fields)


def available(corpus: Path = DEFAULT) -> bool:
    return (corpus / "posts").is_dir()


def missing(corpus: Path = DEFAULT) -> bool:
    """True, after saying so on stderr, when the corpus is not at ``corpus`` (the benchmark
    scripts then exit with 2)."""
    if available(corpus):
        return False
    print(f"corpus not found at {corpus}", file=sys.stderr)
    return True


WARM_UP_EVERY = 10


def warm_up_split(texts: list[str]) -> tuple[list[str], list[str]]:
    """Steady-state benchmarks warm up on every 10th post (a sample of every source, as a
    long run would have seen) and time the others."""
    warm = texts[::WARM_UP_EVERY]
    timed = [t for n, t in enumerate(texts) if n % WARM_UP_EVERY]
    return warm, timed


def precision_recall(should: set[Any], did: set[Any]) -> str:
    """Precision and recall of a rule's flags ``did`` against the labelled ``should``, with
    the counts, as the evaluation scripts print them."""
    tp, fp, fn = len(did & should), len(did - should), len(should - did)
    precision = f"{tp / (tp + fp):.3f}" if tp + fp else "n/a"
    recall = f"{tp / (tp + fn):.3f}" if tp + fn else "n/a"
    return f"precision {precision}, recall {recall} (TP {tp}, FP {fp}, FN {fn})"
