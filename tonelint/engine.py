"""The engine: run the selected rules on each post, stamp id and severity, suppress, sort.

Rules yield ``Match`` objects in post-text offsets; the engine maps them to file positions,
drops what the post disabled (front matter ``tonelint: {disable: [...]}``) and returns
findings in a stable order (file, line, column, rule).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .context import PostContext
from .model import Finding, InputError, Post
from .ruleset import CompiledRule, Ruleset, closest


class Linter:
    """Runs one compiled ruleset, optionally narrowed by ``select`` / ``ignore`` ids."""

    def __init__(
        self,
        ruleset: Ruleset,
        select: Iterable[str] = (),
        ignore: Iterable[str] = (),
    ) -> None:
        self.ruleset = ruleset
        select, ignore = set(select), set(ignore)
        for rule_id in sorted(select | ignore):
            if ruleset.get(rule_id) is None:
                raise InputError(
                    f"unknown rule {rule_id!r} in --select/--ignore"
                    f"{closest(rule_id, ruleset.ids)} (ruleset {ruleset.name})"
                )
        self.rules: Sequence[CompiledRule] = [
            r for r in ruleset.rules if (not select or r.id in select) and r.id not in ignore
        ]

    def lint_post(self, post: Post) -> list[Finding]:
        ctx = PostContext(post)
        findings: list[Finding] = []
        for rule in self.rules:
            if rule.id in post.disable or post.kind not in rule.kinds:
                continue
            for match in rule.impl.check(ctx):
                line, column = post.positions.locate(match.start)
                end_line, end_column = post.positions.locate(match.end)
                findings.append(
                    Finding(
                        path=post.path,
                        line=line,
                        column=column,
                        end_line=end_line,
                        end_column=end_column,
                        rule=rule.id,
                        severity=rule.severity,
                        message=match.message,
                        suggestion=match.suggestion,
                    )
                )
        findings.sort(key=sort_key)
        return findings


def sort_key(finding: Finding) -> tuple[str, int, int, str, int, int]:
    return (
        finding.path,
        finding.line,
        finding.column,
        finding.rule,
        finding.end_line,
        finding.end_column,
    )
