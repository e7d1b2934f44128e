"""Drive a whole run: find files, pick each file's config and ruleset, read, lint, collect.

One bad file never stops the run: its problem becomes an ``InputError`` in the report and
the other files are still linted.
"""

from __future__ import annotations

import fnmatch
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from . import sources
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
            if post.account is None:
                post.account = config.account
        return posts

    def run(self, paths: Sequence[str]) -> Report:
        report = Report()
        calendars: dict[int, tuple[Linter, list[Post]]] = {}
        read: list[Post] = []
        for path, config in self.targets(paths, report):
            try:
                posts = self.read(path, config, report.errors)
                read.extend(posts)
                findings = []
                for post in posts:
                    linter = self.linter(config, post.ruleset)
                    findings += linter.lint_post(post)
                    if post.at is not None:
                        calendars.setdefault(id(linter), (linter, []))[1].append(post)
            except InputError as exc:
                if exc.path is None:
                    exc.path = path
                report.errors.append(exc)
                continue
            report.files += 1
            report.findings.extend(findings)
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
        report.errors = list(unique.values())
        return report
