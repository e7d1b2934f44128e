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
from .model import Finding, InputError, Match, Post, Severity
from .rules.schedule import ScheduleContext, ScheduleRule
from .ruleset import CompiledRule, Ruleset, closest
from .suppress import Suppression


class Linter:
    """Runs one compiled ruleset, optionally narrowed by ``select`` / ``ignore`` ids."""

    def __init__(
        self,
        ruleset: Ruleset,
        select: Iterable[str] = (),
        ignore: Iterable[str] = (),
        model: str | None = None,
        report_unused: bool = False,
    ) -> None:
        self.ruleset = ruleset
        self.model = model
        self.report_unused = report_unused
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
        self._known = frozenset(ruleset.ids)
        self._judges: set[str] = set()
        """The post rules whose verdicts schedule rules count (they run even when off)."""
        for rule in self.schedule_rules:
            judge = rule.options.get("judge")
            if judge is not None and ruleset.get(judge) is None:
                raise InputError(
                    f"rule {rule.id!r} counts the verdicts of {judge!r}, "
                    f"which ruleset {ruleset.name} does not have (turned off?)"
                )
            if judge is not None:
                self._judges.add(judge)

    def lint_post(self, post: Post) -> list[Finding]:
        ctx = PostContext(post, self.model)
        off = set() if self.report_unused else _whole_post_off(post)
        findings: list[Finding] = []
        for rule in self.rules:
            if post.kind not in rule.kinds:
                continue
            if rule.id in off and not (post.at is not None and rule.id in self._judges):
                continue
            findings.extend(_finding(post, rule, match) for match in rule.impl.check(ctx))
        if post.at is not None and self.schedule_rules:
            self._fired[id(post)] = frozenset(f.rule for f in findings)
        findings = suppressed(findings, post) + self._unknown_ids(post)
        findings.sort(key=sort_key)
        return findings

    def fired(self, post: Post) -> frozenset[str] | None:
        """The post rules that fired on a scheduled post (for the schedule rules' judges)."""
        return self._fired.get(id(post))

    def remember(self, post: Post, fired: frozenset[str] | None) -> None:
        """Take over the verdicts a worker process reached on a post it linted."""
        if fired is not None:
            self._fired[id(post)] = fired

    def _unknown_ids(self, post: Post) -> list[Finding]:
        """A warning for each suppression that names a rule this ruleset does not have."""
        known = self._known
        out = []
        for s in post.suppressions:
            for rule_id in sorted((s.rules or frozenset()) - known):
                out.append(
                    meta_finding(
                        post.path,
                        s,
                        UNKNOWN_DISABLE,
                        f"suppression names unknown rule {rule_id!r}{closest(rule_id, known)}",
                    )
                )
        return out

    def lint_schedule(self, posts: Sequence[Post], now: datetime) -> list[Finding]:
        """Run the schedule rules over every scheduled post of one calendar."""
        scheduled = sorted(
            (p for p in posts if p.at is not None),
            key=lambda p: (p.at, p.path, p.positions.locate(0)),
        )
        if not scheduled or not self.schedule_rules:
            return []
        verdicts: dict[tuple[str, int], bool] = {}

        ran = {r.id for r in self.rules}

        def flagged(rule_id: str, post: Post) -> bool:
            fired = self._fired.get(id(post))
            if fired is not None and rule_id in ran:
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
                findings.extend(suppressed([_finding(post, rule, match)], post))
        findings.sort(key=sort_key)
        return findings


UNUSED_DISABLE = "unused-disable"
UNKNOWN_DISABLE = "unknown-disable"
META_RULES = {
    UNUSED_DISABLE: "A suppression comment or disable list that suppressed nothing "
    "(reported with --report-unused-disables).",
    UNKNOWN_DISABLE: "A suppression that names a rule the ruleset does not have.",
}


def _whole_post_off(post: Post) -> set[str]:
    """Rules a suppression turns off for the whole post: they need not run at all."""
    off: set[str] = set()
    for s in post.suppressions:
        if s.rules is not None and s.whole_file:
            off |= s.rules
            s.used = True  # not reported unused: the rule did not run, so it is unknowable
    return off


def suppressed(findings: list[Finding], post: Post) -> list[Finding]:
    """The findings no suppression of the post covers; marks the suppressions used."""
    if not post.suppressions:
        return findings
    kept = []
    for finding in findings:
        covering = [s for s in post.suppressions if s.covers(finding)]
        for s in covering:
            s.used = True
        if not covering:
            kept.append(finding)
    return kept


def meta_finding(path: str, suppression: Suppression, rule: str, message: str) -> Finding:
    return Finding(
        path=path,
        line=suppression.line,
        column=suppression.column,
        end_line=suppression.line,
        end_column=suppression.column + 1,
        rule=rule,
        severity=Severity.WARNING,
        message=message,
        suggestion=None,
    )


def unused_suppressions(posts: Iterable[Post]) -> list[Finding]:
    """A warning for each suppression that covered no finding."""
    out = []
    for post in posts:
        for s in post.suppressions:
            if not s.used:
                names = ", ".join(sorted(s.rules)) if s.rules else "all rules"
                out.append(
                    meta_finding(post.path, s, UNUSED_DISABLE, f"unused suppression ({names})")
                )
    return out


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
        replacement=match.replacement,
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
