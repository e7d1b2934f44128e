"""Deterministic sample of real profile bios for hand labelling.

Draws a fixed, reproducible sample of profiles from the shared evaluation corpus
(``../shared/corpus`` relative to the repository root) and prints them for a human
reader, who labels them in ``bench/labels/bios.csv`` (see ``bench/labels/BIOS.md``).

Sampling rules:

* ``bios/company_bios.csv``: 60 rows; the bio is the ``description`` column.
* ``bios/organization_bios.csv``: 80 rows; the bio is the ``bio`` column.
* Rows whose bio is empty or only whitespace are skipped before sampling.
* Each file is sampled with its own ``random.Random(20261121)`` instance, using
  ``Random.sample`` over the eligible rows in file order, so the sample of one file
  does not depend on the other.

``--batch 2`` draws a second, disjoint sample (``bench/labels/bios-2.csv``): 60 company and
100 organisation profiles, each file with its own ``random.Random(20261122)``, after removing
every profile of the first sample from the eligible rows.  ``--batch 3`` (``bios-3.csv``)
``--batch 4`` (``bios-4.csv``), ``--batch 5`` (``bios-5.csv``), ``--batch 6``
(``bios-6.csv``) and ``--batch 7`` (``bios-7.csv``) draw the same numbers with
``random.Random(20261123)`` to ``random.Random(20261127)`` after removing every earlier
batch.

The script only reads the corpus and prints to stdout; nothing from the corpus is
written into the repository (the corpus is evaluation data, see its README).

Usage::

    python bench/sample_bios.py [--corpus PATH] [--batch 1|2|3|4|5|6|7]
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from dataclasses import dataclass
from pathlib import Path

SEED: int = 20261121
SEED_2: int = 20261122
SEED_3: int = 20261123
SEED_4: int = 20261124
SEED_5: int = 20261125
SEED_6: int = 20261126
SEED_7: int = 20261127

DEFAULT_CORPUS: Path = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@dataclass(frozen=True)
class SampleSpec:
    """Which file to sample, how many rows, and which column holds the bio."""

    file: str
    size: int
    bio_column: str


SPECS: tuple[SampleSpec, ...] = (
    SampleSpec("bios/company_bios.csv", 60, "description"),
    SampleSpec("bios/organization_bios.csv", 80, "bio"),
)
SPECS_2: tuple[SampleSpec, ...] = (
    SampleSpec("bios/company_bios.csv", 60, "description"),
    SampleSpec("bios/organization_bios.csv", 100, "bio"),
)


@dataclass(frozen=True)
class Profile:
    """One sampled profile, with its 1-based data-row number in the source file."""

    file: str
    row: int
    username: str
    name: str
    url: str
    location: str
    bio: str


def read_profiles(corpus: Path, spec: SampleSpec) -> list[Profile]:
    """Return every profile of ``spec.file`` whose bio is not empty, in file order."""
    profiles: list[Profile] = []
    with (corpus / spec.file).open(encoding="utf-8", newline="") as handle:
        for row_number, row in enumerate(csv.DictReader(handle), start=1):
            bio = (row.get(spec.bio_column) or "").strip()
            if not bio:
                continue
            profiles.append(
                Profile(
                    file=spec.file,
                    row=row_number,
                    username=(row.get("username") or "").strip(),
                    name=(row.get("name") or "").strip(),
                    url=(row.get("url") or "").strip(),
                    location=(row.get("location") or "").strip(),
                    bio=bio,
                )
            )
    return profiles


def sample_profiles(corpus: Path, spec: SampleSpec, seed: int = SEED) -> list[Profile]:
    """Draw ``spec.size`` profiles from ``spec.file`` with a fresh seeded generator."""
    profiles = read_profiles(corpus, spec)
    rng = random.Random(seed)
    return rng.sample(profiles, min(spec.size, len(profiles)))


def sample_batch(corpus: Path, batch: int = 1) -> list[Profile]:
    """The profiles of sample ``batch`` (1 to 7), file by file, in drawing order."""
    if batch == 1:
        return [p for spec in SPECS for p in sample_profiles(corpus, spec)]
    taken = {(p.file, p.row) for earlier in range(1, batch) for p in sample_batch(corpus, earlier)}
    seed = {2: SEED_2, 3: SEED_3, 4: SEED_4, 5: SEED_5, 6: SEED_6, 7: SEED_7}[batch]
    out: list[Profile] = []
    for spec in SPECS_2:
        eligible = [p for p in read_profiles(corpus, spec) if (p.file, p.row) not in taken]
        out.extend(random.Random(seed).sample(eligible, min(spec.size, len(eligible))))
    return out


def format_profile(index: int, profile: Profile) -> str:
    """Render one profile as a readable block of text."""
    return "\n".join(
        (
            f"#{index} [{profile.file} row {profile.row}]",
            f"  file:     {profile.file}",
            f"  username: {profile.username}",
            f"  name:     {profile.name}",
            f"  url:      {profile.url}",
            f"  location: {profile.location}",
            f"  bio:      {' '.join(profile.bio.split())}",
            "",
        )
    )


def main(argv: list[str] | None = None) -> int:
    """Print the sample of ``--batch`` (every file in ``SPECS``, or ``SPECS_2``)."""
    parser = argparse.ArgumentParser(
        description="Print the fixed sample of profile bios for hand labelling."
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        help=f"corpus folder (default: {DEFAULT_CORPUS})",
    )
    parser.add_argument("--batch", type=int, choices=(1, 2, 3, 4, 5, 6, 7), default=1)
    args = parser.parse_args(argv)
    for index, profile in enumerate(sample_batch(args.corpus, args.batch), start=1):
        sys.stdout.write(format_profile(index, profile) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
