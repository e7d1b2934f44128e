"""Drive a whole run: find files, pick each file's config and ruleset, read, lint, collect.

One bad file never stops the run: its problem becomes an ``InputError`` in the report and
the other files are still linted.
"""

from __future__ import annotations

import fnmatch
import multiprocessing
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from . import nlp, sources
from .config import Config, ConfigFinder
from .engine import Linter, sort_key, unused_suppressions
from .model import Finding, InputError, Post
from .ruleset import CompiledRule
from .sources.decode import decode

STDIN = "-"


@dataclass
class Options:
    """What the command line (or an API caller) asks for, on top of each file's config."""

    config: str | None = None
    ruleset: str | None = None
    platform: str | None = None
    kind: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    now: datetime | None = None
    date_order: str | None = None
    report_unused: bool = False
    jobs: int = 1
    """Processes to lint files in (0: one per core)."""


@dataclass
class Part:
    """What linting some of the files produced (one worker's share, or all of them)."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    files: int = 0
    posts: list[Post] = field(default_factory=list)
    scheduled: list[tuple[str, Post, frozenset[str] | None]] = field(default_factory=list)


@dataclass
class Report:
    """Everything a run produced, in a stable order."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    files: int = 0
    rules: dict[str, CompiledRule] = field(default_factory=dict)
    """Every rule of the rulesets the run used (for SARIF's rule table)."""
    fixed: int = 0


def _matches(rel: PurePosixPath, patterns: Iterable[str]) -> bool:
    for pattern in patterns:
        if "/" in pattern:
            if rel.match(pattern) or fnmatch.fnmatch(str(rel), pattern):
                return True
        elif fnmatch.fnmatch(rel.name, pattern):
            return True
    return False


def walk(root: Path, config: Config) -> Iterator[Path]:
    """Files under ``root`` matching the config's include globs and not its exclude globs.

    Hidden directories are skipped and symlinked directories are not followed, so a link
    loop cannot trap the walk.
    """
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        base = Path(dirpath)
        rel_dir = PurePosixPath(base.relative_to(root).as_posix())
        dirnames[:] = sorted(
            d
            for d in dirnames
            if not d.startswith(".") and not _matches(rel_dir / d, config.exclude)
        )
        for name in sorted(filenames):
            rel = rel_dir / name
            if _matches(rel, config.include) and not _matches(rel, config.exclude):
                yield base / name


class Runner:
    """Lints paths with per-directory configs; caches compiled rulesets and linters."""

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        self.finder = ConfigFinder(self.options.config)
        self._linters: dict[tuple[int, str], Linter] = {}

    def linter(self, config: Config, ruleset: str | None) -> Linter:
        ref = ruleset or self.options.ruleset or config.ruleset
        key = (id(config), ref)
        if key not in self._linters:
            self._linters[key] = Linter(
                config.load_ruleset(ref),
                self.options.select,
                self.options.ignore,
                config.model,
                self.options.report_unused,
            )
        return self._linters[key]

    def _config(self, directory: Path, report: Report) -> Config | None:
        try:
            return self.finder.for_directory(directory)
        except InputError as exc:
            report.errors.append(exc)
            return None

    def targets(self, paths: Sequence[str], report: Report) -> Iterator[tuple[str, Config]]:
        for arg in paths:
            if arg == STDIN:
                config = self._config(Path.cwd(), report)
                if config is not None:
                    yield STDIN, config
                continue
            path = Path(arg)
            if path.is_dir():
                config = self._config(path, report)
                if config is None:
                    continue
                found = list(walk(path, config))
                if not found:
                    report.errors.append(
                        InputError(f"no files matching {', '.join(config.include)}", arg)
                    )
                for file in found:
                    file_config = self._config(file.parent, report)
                    if file_config is not None:
                        yield str(file), file_config
            elif path.exists():
                config = self._config(path.parent, report)
                if config is not None:
                    yield arg, config
            else:
                report.errors.append(InputError("no such file or directory", arg))

    def read(self, path: str, config: Config, errors: list[InputError]) -> list[Post]:
        shown = "<stdin>" if path == STDIN else path
        try:
            data = sys.stdin.buffer.read() if path == STDIN else Path(path).read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read file: {exc.strerror or exc}", shown) from None
        text = decode(data, shown, config.max_file_size)
        kind = self.options.kind or config.kind
        settings = sources.ReadSettings(
            platform=self.options.platform or config.platform,
            timezone=config.timezone,
            date_order=self.options.date_order or config.date_order,
            account=config.account,
            errors=errors,
        )
        posts = sources.read_posts(text, shown, kind=kind, settings=settings)
        for post in posts:
            if not post.text.strip():
                raise InputError("no text to lint (only front matter or directives)", shown)
            if len(post.text) > config.max_post_chars:
                raise InputError(
                    f"post is too long to lint ({len(post.text):,} characters; the limit is "
                    f"{config.max_post_chars:,}, max_post_chars in the config)",
                    shown,
                    post.positions.locate(0)[0],
                )
        return posts

    def lint_files(self, targets: Sequence[tuple[str, Config]]) -> Part:
        """Read and lint files with the post rules; scheduled posts are kept for later."""
        part = Part()
        for path, config in targets:
            try:
                posts = self.read(path, config, part.errors)
                findings = []
                for post in posts:
                    linter = self.linter(config, _relative_to(post.ruleset, path))
                    findings += linter.lint_post(post)
                    if post.at is not None:
                        part.scheduled.append((path, post, linter.fired(post)))
            except InputError as exc:
                # an error without a file (a --select typo, an unknown ruleset name) is
                # about the run, not this file: it stays unnamed and is reported once
                part.errors.append(exc)
                continue
            part.files += 1
            part.posts.extend(posts)
            part.findings.extend(findings)
        return part

    def run(self, paths: Sequence[str]) -> Report:
        report = Report()
        seen: set[str] = set()
        targets = []
        for path, config in self.targets(paths, report):
            key = path if path == STDIN else str(Path(path).resolve())
            if key not in seen:  # a file named twice (or via a folder) is linted once
                seen.add(key)
                targets.append((path, config))
        jobs = self.options.jobs or os.cpu_count() or 1
        if jobs > 1 and len(targets) >= max(4, jobs) and all(p != STDIN for p, _ in targets):
            parts = self._parallel(targets, jobs)
        else:
            parts = [self.lint_files(targets)]
        configs = dict(targets)
        calendars: dict[int, tuple[Linter, list[Post]]] = {}
        read: list[Post] = []
        for part in parts:
            report.findings.extend(part.findings)
            report.errors.extend(part.errors)
            report.files += part.files
            read.extend(part.posts)
            for path, post, fired in part.scheduled:
                linter = self.linter(configs[path], _relative_to(post.ruleset, path))
                linter.remember(post, fired)
                calendars.setdefault(id(linter), (linter, []))[1].append(post)
        now = self.options.now or datetime.now(UTC)
        for linter, scheduled in calendars.values():
            report.findings.extend(linter.lint_schedule(scheduled, now))
        if self.options.report_unused:
            report.findings.extend(unused_suppressions(read))
        for linter in self._linters.values():
            for rule in linter.ruleset.rules:
                report.rules.setdefault(rule.id, rule)
        report.findings.sort(key=sort_key)
        unique: dict[str, InputError] = {}
        for error in report.errors:
            unique.setdefault(str(error), error)
        order: dict[str, int] = {}
        for path in [*paths, *(t[0] for t in targets)]:
            order.setdefault(path, len(order))
        report.errors = sorted(
            unique.values(),
            key=lambda e: (order.get(e.path or "", len(order)), e.path or "", e.line or 0),
        )
        return report

    def _parallel(self, targets: Sequence[tuple[str, Config]], jobs: int) -> list[Part]:
        """Lint the files in ``jobs`` forked processes, one balanced share each.

        Everything slow to build (the spaCy pipeline, the lemma table, the compiled rulesets)
        is built first, so the workers inherit it; output order does not depend on which
        worker finishes first, because the report is sorted."""
        nlp.blank_pipeline()
        nlp.lemma_table()
        for _, config in targets:
            self.linter(config, None)
        shares: list[list[str]] = [[] for _ in range(jobs)]
        sizes = [0] * jobs
        for path, _ in sorted(targets, key=lambda t: -_size(t[0])):
            k = sizes.index(min(sizes))
            shares[k].append(path)
            sizes[k] += _size(path) + 1
        work = [share for share in shares if share]
        global _PARENT
        _PARENT = (self, dict(targets))
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=len(work), mp_context=context) as pool:
            return list(pool.map(_lint_share, work))


_PARENT: tuple[Runner, dict[str, Config]] | None = None
"""The runner and each file's config, set before forking so the workers inherit them."""


def _relative_to(ref: str | None, path: str) -> str | None:
    """A ruleset path named in a file's front matter, resolved from that file's folder."""
    if ref is None or path == STDIN or not ("/" in ref or ref.endswith((".yaml", ".yml"))):
        return ref
    candidate = Path(path).parent / ref
    return str(candidate) if not Path(ref).is_absolute() and candidate.is_file() else ref


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _lint_share(paths: list[str]) -> Part:
    """In a forked worker: lint a share of the files with the parent's runner and configs."""
    assert _PARENT is not None
    runner, configs = _PARENT
    return runner.lint_files([(path, configs[path]) for path in paths])
