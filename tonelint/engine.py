"""The engine: run the selected rules on each post (and the schedule rules on a calendar),
stamp id and severity, suppress, sort.

Rules yield ``Match`` objects in post-text offsets; the engine maps them to file positions,
drops what the post disabled (front matter or schedule ``tonelint: {disable: [...]}``) and
returns findings in a stable order (file, line, column, rule).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from .context import PostContext
from .model import Finding, InputError, Match, Post
from .rules.schedule import ScheduleContext, ScheduleRule
from .ruleset import CompiledRule, Ruleset, closest


class Linter:
    """Runs one compiled ruleset, optionally narrowed by ``select`` / ``ignore`` ids."""

    def __init__(
        self,
        ruleset: Ruleset,
        select: Iterable[str] = (),
        ignore: Iterable[str] = (),
        model: str | None = None,
    ) -> None:
        self.ruleset = ruleset
        self.model = model
        select, ignore = set(select), set(ignore)
        for rule_id in sorted(select | ignore):
            if ruleset.get(rule_id) is None:
                raise InputError(
                    f"unknown rule {rule_id!r} in --select/--ignore"
                    f"{closest(rule_id, ruleset.ids)} (ruleset {ruleset.name})"
                )
        selected = [
            r for r in ruleset.rules if (not select or r.id in select) and r.id not in ignore
        ]
        self.rules: Sequence[CompiledRule] = [r for r in selected if r.impl.scope == "post"]
        self.schedule_rules: Sequence[CompiledRule] = [
            r for r in selected if r.impl.scope == "schedule"
        ]
        self._fired: dict[int, frozenset[str]] = {}
        """Rule ids that fired on each scheduled post, kept for the schedule rules' judges."""
        for rule in self.schedule_rules:
            judge = rule.options.get("judge")
            if judge is not None and ruleset.get(judge) is None:
                raise InputError(
                    f"rule {rule.id!r} counts the verdicts of {judge!r}, "
                    f"which ruleset {ruleset.name} does not have (turned off?)"
                )

    def lint_post(self, post: Post) -> list[Finding]:
        ctx = PostContext(post, self.model)
        findings: list[Finding] = []
        for rule in self.rules:
            if rule.id in post.disable or post.kind not in rule.kinds:
                continue
            findings.extend(_finding(post, rule, match) for match in rule.impl.check(ctx))
        if post.at is not None and self.schedule_rules:
            self._fired[id(post)] = frozenset(f.rule for f in findings)
        findings.sort(key=sort_key)
        return findings

    def lint_schedule(self, posts: Sequence[Post], now: datetime) -> list[Finding]:
        """Run the schedule rules over every scheduled post of one calendar."""
        scheduled = [p for p in posts if p.at is not None]
        if not scheduled or not self.schedule_rules:
            return []
        verdicts: dict[tuple[str, int], bool] = {}

        ran = {r.id for r in self.rules}

        def flagged(rule_id: str, post: Post) -> bool:
            fired = self._fired.get(id(post))
            if fired is not None and rule_id in ran and rule_id not in post.disable:
                return rule_id in fired  # lint_post already ran the judge on this post
            key = (rule_id, id(post))
            if key not in verdicts:
                rule = self.ruleset.get(rule_id)
                assert rule is not None
                verdicts[key] = any(True for _ in rule.impl.check(PostContext(post, self.model)))
            return verdicts[key]

        context = ScheduleContext(now=now, flagged=flagged)
        findings: list[Finding] = []
        for rule in self.schedule_rules:
            assert isinstance(rule.impl, ScheduleRule)
            for post, match in rule.impl.check_schedule(scheduled, context):
                if rule.id not in post.disable:
                    findings.append(_finding(post, rule, match))
        findings.sort(key=sort_key)
        return findings


def _finding(post: Post, rule: CompiledRule, match: Match) -> Finding:
    line, column = post.positions.locate(match.start)
    end_line, end_column = post.positions.locate(match.end)
    return Finding(
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


def sort_key(finding: Finding) -> tuple[str, int, int, str, int, int]:
    return (
        finding.path,
        finding.line,
        finding.column,
        finding.rule,
        finding.end_line,
        finding.end_column,
    )
