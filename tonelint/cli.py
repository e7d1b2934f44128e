"""The ``tonelint`` command: paths in, findings out, exit code 0 / 1 / 2.

Exit codes: 0 when no finding is at or above ``--fail-on``, 1 when one is, 2 for usage,
config or input errors (the other files are still linted and reported).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from . import __version__, platforms
from .config import KINDS
from .explain import explain, list_rules
from .formatters import FORMAT_NAMES, formatter_for
from .model import InputError, Severity
from .ruleset import closest
from .runner import Options, Report, Runner

if TYPE_CHECKING:
    from .fix import FixResult


def _ids(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(part.strip() for part in value.split(",") if part.strip())


def _platform(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return platforms.normalize(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def error_line(error: InputError) -> str:
    """``path:line: error: message`` (or ``tonelint: error: message`` with no file)."""
    where = error.path or "tonelint"
    if error.path and error.line:
        where += f":{error.line}"
    return f"{where}: error: {error.message}"


def _print_errors(report: Report) -> None:
    for error in report.errors:
        click.echo(error_line(error), err=True)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1)
@click.option("-r", "--ruleset", help="Ruleset name (general, ...) or path to a ruleset file.")
@click.option(
    "-p", "--platform", callback=_platform, help="Platform of posts that do not name one."
)
@click.option("--kind", type=click.Choice(KINDS), help="What the files hold (default: auto).")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMAT_NAMES),
    help="Output format (default: text).",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    default="warning",
    show_default=True,
    help="Lowest severity that makes the exit code 1.",
)
@click.option("--select", callback=_ids, help="Only these rule ids (comma-separated).")
@click.option("--ignore", callback=_ids, help="Skip these rule ids (comma-separated).")
@click.option("-c", "--config", type=click.Path(dir_okay=False), help="Config file to use.")
@click.option(
    "--now",
    type=click.DateTime(formats=["%Y-%m-%d", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]),
    help="Treat this UTC time as now (posts before it are in the past).",
)
@click.option(
    "--date-order",
    type=click.Choice(["dmy", "mdy"]),
    help="Day-first or month-first dates in bulk-upload CSV schedules.",
)
@click.option(
    "--schedules",
    is_flag=True,
    help="Lint the config's schedule_paths as one calendar (for the pre-commit hook).",
)
@click.option(
    "--report-unused-disables",
    is_flag=True,
    help="Report suppression comments and disable lists that suppressed nothing.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=0,
    help="Processes to lint files in; 0 (the default) means one per core.",
)
@click.option("--fix", is_flag=True, help="Apply safe fixes to .txt and .md files in place.")
@click.option(
    "--diff", "show_diff", is_flag=True, help="Print the safe fixes as a diff; write nothing."
)
@click.option(
    "--changed-since",
    metavar="REF",
    help="Report only findings on lines changed since this git ref (e.g. origin/main).",
)
@click.option("--list-rules", is_flag=True, help="List the rules of the effective ruleset.")
@click.option("--explain", "explain_rule", metavar="RULE", help="Document one rule and exit.")
@click.version_option(__version__, "--version", prog_name="tonelint")
def cli(
    paths: tuple[str, ...],
    ruleset: str | None,
    platform: str | None,
    kind: str | None,
    fmt: str | None,
    fail_on: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    config: str | None,
    now: datetime | None,
    date_order: str | None,
    schedules: bool,
    report_unused_disables: bool,
    jobs: int,
    fix: bool,
    show_diff: bool,
    changed_since: str | None,
    list_rules: bool,
    explain_rule: str | None,
) -> None:
    """Lint social-media drafts, bios and schedules for tone, limits and industry rules.

    PATHS are files, directories (walked with the config's include/exclude globs) or - for
    standard input.
    """
    options = Options(
        config,
        ruleset,
        platform,
        kind,
        select,
        ignore,
        now=now.replace(tzinfo=UTC) if now else None,
        date_order=date_order,
        report_unused=report_unused_disables,
        jobs=jobs,
    )
    try:
        runner = Runner(options)
        if list_rules or explain_rule:
            sys.exit(_document(runner, explain_rule))
        if schedules:
            found = runner.finder.for_directory(Path.cwd())
            if not found.schedule_paths:
                raise click.UsageError(
                    "--schedules needs schedule_paths in the config (none found from here)"
                )
            paths = (*paths, *(_shown_path(p) for p in found.schedule_paths))
        if not paths:
            raise click.UsageError("no paths given; pass files, directories, or - for stdin")
        report = runner.run(paths)
        if changed_since:
            _only_changed(report, changed_since)
    except InputError as exc:
        click.echo(error_line(exc), err=True)
        sys.exit(2)
    if show_diff:
        sys.exit(_diff(report))
    if fix:
        _fix(report)
    if fmt is None and os.environ.get("GITHUB_ACTIONS") == "true":
        fmt = "github"
    formatter = formatter_for(fmt or "text")
    if formatter.name == "text":
        _print_errors(report)
    click.echo(formatter.format(report))
    threshold = Severity.parse(fail_on)
    if report.errors:
        sys.exit(2)
    sys.exit(1 if any(f.severity >= threshold for f in report.findings) else 0)


def _shown_path(path: Path) -> str:
    """A configured path as the user would type it: relative to here when it is below here."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve())) or "."
    except ValueError:
        return str(path)


def _only_changed(report: Report, ref: str) -> None:
    """Keep the findings on lines changed since ``ref``."""
    from .gitdiff import changed_lines

    changed: dict[str, set[int] | None] = {}
    kept = []
    for finding in report.findings:
        if finding.path == "<stdin>":
            kept.append(finding)
            continue
        if finding.path not in changed:
            try:
                changed[finding.path] = changed_lines(finding.path, ref)
            except InputError as exc:
                exc.path = exc.path or finding.path
                report.errors.append(exc)
                changed[finding.path] = set()
        lines = changed[finding.path]
        if lines is None or any(n in lines for n in range(finding.line, finding.end_line + 1)):
            kept.append(finding)
    report.findings = kept


def _plans(report: Report) -> list[FixResult]:
    from .fix import plan

    plans = []
    for path in sorted({f.path for f in report.findings}):
        result = plan(path, report.findings)
        if result is not None and result.applied:
            plans.append(result)
    return plans


def _diff(report: Report) -> int:
    _print_errors(report)
    plans = _plans(report)
    for result in plans:
        click.echo(result.diff(), nl=False)
    if report.errors:
        return 2
    return 1 if plans else 0


def _fix(report: Report) -> None:
    """Write the safe fixes; what was fixed leaves the report."""
    from .fix import write

    done: set[int] = set()
    for result in _plans(report):
        try:
            write(result)
        except InputError as exc:
            report.errors.append(exc)
            continue
        except OSError as exc:
            report.errors.append(InputError(f"fix not written: {exc.strerror or exc}", result.path))
            continue
        done.update(id(f) for f in result.applied)
    report.fixed = len(done)
    report.findings = [f for f in report.findings if id(f) not in done]


def _document(runner: Runner, rule_id: str | None) -> int:
    config = runner.finder.for_directory(Path.cwd())
    linter = runner.linter(config, None)
    if rule_id is None:
        click.echo(list_rules(linter.ruleset))
        return 0
    rule = linter.ruleset.get(rule_id)
    if rule is None:
        hint = closest(rule_id, linter.ruleset.ids)
        raise InputError(f"unknown rule {rule_id!r}{hint} (ruleset {linter.ruleset.name})")
    click.echo(explain(rule))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Console-script entry point; returns the exit code instead of raising SystemExit."""
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="tonelint")
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    return 0


def run() -> None:
    """The console script: ``main``, then exit without tearing the interpreter down.

    Freeing spaCy's vocabulary and the lemma table at exit costs about a tenth of a second,
    more than linting a draft; output is flushed first and nothing else is pending."""
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
