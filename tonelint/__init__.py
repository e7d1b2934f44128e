"""tonelint: a linter for the posts, bios and schedules businesses publish on social media.

Public API::

    from tonelint import lint_text, lint_paths, Finding, Severity

    for finding in lint_text("We are pleased to leverage our synergies.", platform="x"):
        print(finding.line, finding.column, finding.rule, finding.message)
"""

from __future__ import annotations

from collections.abc import Sequence

from .model import Finding, InputError, Severity

__version__ = "0.1.0"
__all__ = ["Finding", "InputError", "Severity", "__version__", "lint_paths", "lint_text"]


def lint_text(
    text: str,
    *,
    ruleset: str = "general",
    platform: str | None = None,
    kind: str = "post",
    path: str = "<text>",
) -> list[Finding]:
    """Lint one post given as a string with a bundled (or file) ruleset."""
    from . import platforms
    from .engine import Linter
    from .ruleset import load_ruleset
    from .sources import ReadSettings, read_posts

    linter = Linter(load_ruleset(ruleset))
    shown_platform = platforms.normalize(platform) if platform else None
    posts = read_posts(text, path, kind=kind, settings=ReadSettings(platform=shown_platform))
    return [f for post in posts for f in linter.lint_post(post)]


def lint_paths(paths: Sequence[str], **options: object) -> tuple[list[Finding], list[InputError]]:
    """Lint files and directories as the CLI does; returns ``(findings, errors)``."""
    from .runner import Options, Runner

    report = Runner(Options(**options)).run(paths)  # type: ignore[arg-type]
    return report.findings, report.errors
