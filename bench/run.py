"""Benchmark tonelint on the real corpus, against its peers, and on itself.

Usage::

    python bench/run.py [--corpus PATH] [--peers DIR] [--repeat 10]

Writes every post of ``../shared/corpus/posts`` to a temporary folder as one ``.txt`` file
each, and the same posts as a Markdown content calendar (front matter with ``publish_at``),
then measures:

- whole-corpus wall time of ``tonelint`` (general and healthcare rulesets, one process and
  one per core) and of the peers that are installed: ``proselint`` (PyPI), ``write-good``
  and ``alex`` (npm; looked up on PATH and in ``--peers DIR/node_modules/.bin``), on the
  same files, with the ratios;
- steady-state throughput of the general ruleset in posts/s and words/s, against the bare
  blank pipeline's tokenizer on the same texts;
- single-draft wall time against ``python -c "import spacy; spacy.blank('en')"`` (median
  of ``--repeat`` runs) and the draft run's peak memory;
- ``--jobs``: the speed-up on the calendar and whether the output is identical to
  ``--jobs 1``.

Corpus text is written only to the temporary folder, never to the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import DEFAULT, WARM_UP_EVERY, missing, posts, warm_up_split

from tonelint.engine import Linter
from tonelint.model import PositionMap, Post
from tonelint.ruleset import load_ruleset

ROOT = Path(__file__).resolve().parent.parent
TONELINT = [sys.executable, "-m", "tonelint"]


def wall(cmd: list[str], cwd: Path) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)
    return time.perf_counter() - started, proc


def child_peak_kb(cmd: list[str], cwd: Path) -> int:
    """Peak resident memory of one run of ``cmd`` (a fresh process, measured alone)."""
    code = (
        "import resource, subprocess, sys; "
        f"subprocess.run({cmd!r}, cwd={str(cwd)!r}, capture_output=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


def find_peer(name: str, peers: Path | None) -> str | None:
    if peers is not None:
        local = peers / "node_modules" / ".bin" / name
        if local.exists():
            return str(local)
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("--peers", type=Path, default=None, help="folder with node_modules")
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args(argv)
    if missing(args.corpus):
        return 2
    items = list(posts(args.corpus))
    texts = [i.text for i in items]
    words = sum(len(t.split()) for t in texts)
    cores = os.cpu_count() or 1
    print(f"{len(texts):,} real posts, {words:,} words; {cores} cores\n")

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        plain, calendar = work / "posts", work / "calendar"
        plain.mkdir()
        calendar.mkdir()
        for n, text in enumerate(texts):
            (plain / f"{n:05}.txt").write_text(text + "\n", encoding="utf-8")
            day, hour = 1 + n // 24 % 28, n % 24
            month = 1 + n // 672 % 12
            front = f"---\nplatform: x\npublish_at: 2030-{month:02}-{day:02}T{hour:02}:00\n---\n"
            (calendar / f"{n:05}.md").write_text(front + text + "\n", encoding="utf-8")
        files = sorted(str(p) for p in plain.iterdir())

        print("Whole corpus, one file per post (wall time):")
        runs: dict[str, float] = {}
        for label, cmd in (
            ("tonelint general, 1 process", [*TONELINT, "--jobs", "1", "-p", "x", "posts"]),
            (f"tonelint general, {cores} processes", [*TONELINT, "-p", "x", "posts"]),
            (
                "tonelint healthcare, 1 process",
                [*TONELINT, "--jobs", "1", "-r", "healthcare", "-p", "x", "posts"],
            ),
            (
                f"tonelint healthcare, {cores} processes",
                [*TONELINT, "-r", "healthcare", "-p", "x", "posts"],
            ),
        ):
            runs[label], _ = wall(cmd, work)
            print(f"  {label:40} {runs[label]:7.1f} s  {len(texts) / runs[label]:7,.0f} posts/s")
        proselint = find_peer("proselint", None)
        if proselint:
            runs["proselint"], _ = wall([proselint, "check", *files], work)
            print(f"  {'proselint':40} {runs['proselint']:7.1f} s")
        for peer in ("write-good", "alex"):
            exe = find_peer(peer, args.peers)
            if exe:
                runs[peer], _ = wall(
                    [exe, *files] if peer == "write-good" else [exe, "posts"], work
                )
                print(f"  {peer:40} {runs[peer]:7.1f} s")
        best = runs[f"tonelint general, {cores} processes"]
        one = runs["tonelint general, 1 process"]
        for peer in ("proselint", "write-good", "alex"):
            if peer in runs:
                print(
                    f"  ratio tonelint/{peer}: {one / runs[peer]:.2f} (1 process), "
                    f"{best / runs[peer]:.2f} ({cores} processes)"
                )

        print("\nSteady state, in one process (no start-up):")
        warm, timed = warm_up_split(texts)
        timed_words = sum(len(t.split()) for t in timed)
        import spacy

        pipeline = spacy.blank("en")  # its own instance: tonelint's tokenizer cache is apart
        for text in warm:
            pipeline.make_doc(text)
        started = time.perf_counter()
        for text in timed:
            pipeline.make_doc(text)
        tokenizer = timed_words / (time.perf_counter() - started)
        for name in ("general", "healthcare"):
            linter = Linter(load_ruleset(name))
            for text in warm:
                linter.lint_post(Post(text, "p", PositionMap.simple(text), platform="x"))
            batch = [Post(t, "p", PositionMap.simple(t), platform="x") for t in timed]
            started = time.perf_counter()
            for post in batch:
                linter.lint_post(post)
            elapsed = time.perf_counter() - started
            print(
                f"  {name:10} {len(timed) / elapsed:7,.0f} posts/s "
                f"{timed_words / elapsed:9,.0f} words/s "
                f"({timed_words / elapsed / tokenizer:.0%} of the tokenizer)"
            )
        print(f"  blank tokenizer alone        {tokenizer:9,.0f} words/s")
        print(
            f"  (both warmed up on every {WARM_UP_EVERY}th post and timed on the other "
            f"{len(timed):,}, each with its own tokenizer: imports, caches and compiled "
            "regexes are not counted)"
        )

        draft = work / "draft.txt"
        draft.write_text("We are pleased to announce our best-in-class synergies. Book now!\n")
        baseline = [sys.executable, "-c", "import spacy; spacy.blank('en')"]
        console = str(Path(sys.executable).parent / "tonelint")
        one_draft = [console if Path(console).exists() else sys.executable, "draft.txt"]
        if not Path(console).exists():
            one_draft = [*TONELINT, "draft.txt"]
        base_times = [wall(baseline, work)[0] for _ in range(args.repeat)]
        draft_times = [wall(one_draft, work)[0] for _ in range(args.repeat)]
        base, single = statistics.median(base_times), statistics.median(draft_times)
        peak = child_peak_kb(one_draft, work)
        print("\nOne draft (median of", args.repeat, "runs):")
        print(f"  import spacy; spacy.blank('en')   {base:.3f} s")
        print(
            f"  tonelint draft.txt                {single:.3f} s ({single / base:.2f}x), "
            f"peak {peak / 1024:.0f} MB"
        )

        print("\n--jobs on the calendar (one Markdown file per post, schedule rules included):")
        json_out = []
        for jobs in (1, cores):
            elapsed, proc = wall(
                [
                    *TONELINT,
                    "--jobs",
                    str(jobs),
                    "--now",
                    "2029-01-01",
                    "--format",
                    "json",
                    "calendar",
                ],
                work,
            )
            json_out.append(proc.stdout)
            print(f"  --jobs {jobs}: {elapsed:6.1f} s")
        same = json_out[0] == json_out[-1] and bool(json.loads(json_out[0])["findings"])
        print(f"  identical output: {'yes' if same else 'NO'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
