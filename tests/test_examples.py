"""Every example of every rule in every bundled ruleset runs as a test case (data-driven)."""

from __future__ import annotations

import functools
import json
import re
from datetime import UTC, datetime

import pytest

from tonelint import platforms, timeparse
from tonelint.engine import Linter
from tonelint.model import PositionMap, Post
from tonelint.ruleset import CompiledRule, Example, Ruleset, bundled_names, load_ruleset


def _distinct_rules() -> list[tuple[str, CompiledRule]]:
    """Each rule once per distinct definition: an industry ruleset re-runs an inherited
    rule's examples only when its options (vocabulary included) differ from the parent's."""
    seen: set[str] = set()
    out = []
    for name in bundled_names():
        for rule in load_ruleset(name).rules:
            key = json.dumps(
                [rule.id, rule.path, rule.line, rule.options], sort_keys=True, default=str
            )
            if key not in seen:
                seen.add(key)
                out.append((name, rule))
    return out


CASES = [
    pytest.param(name, rule.id, outcome, example, id=f"{name}:{rule.id}:{outcome}{n}")
    for name, rule in _distinct_rules()
    for outcome, examples in (("fail", rule.examples_fail), ("pass", rule.examples_pass))
    for n, example in enumerate(examples)
]


EXAMPLE_NOW = datetime(2026, 11, 1, tzinfo=UTC)


@functools.cache
def _ruleset(name: str) -> Ruleset:
    return load_ruleset(name)


def findings_of(ruleset: str, rule_id: str, example: Example) -> list[str]:
    linter = Linter(_ruleset(ruleset), select=[rule_id])
    if example.schedule:
        tz = timeparse.zone(example.timezone)
        posts = [
            Post(
                str(e["text"]),
                "example",
                PositionMap.simple(str(e["text"])),
                platform=platforms.normalize(str(e.get("platform", "x"))),
                at=timeparse.parse(e["at"], tz),
                zone=example.timezone,
            )
            for e in example.schedule
        ]
        return [f.message for f in linter.lint_schedule(posts, EXAMPLE_NOW) if f.rule == rule_id]
    post = Post(
        text=example.text,
        path="example",
        positions=PositionMap.simple(example.text),
        platform=example.platform,
        kind=example.kind,
    )
    return [f.message for f in linter.lint_post(post) if f.rule == rule_id]


@pytest.mark.parametrize(("ruleset", "rule_id", "outcome", "example"), CASES)
def test_example(ruleset: str, rule_id: str, outcome: str, example: Example) -> None:
    found = findings_of(ruleset, rule_id, example)
    if outcome == "fail":
        assert found, f"{rule_id} should flag: {example.text!r}"
    else:
        assert not found, f"{rule_id} should not flag {example.text!r}: {found}"


ALL_RULES: list[tuple[str, CompiledRule]] = [
    (name, rule) for name in bundled_names() for rule in load_ruleset(name).rules
]


@pytest.mark.parametrize(("ruleset", "rule"), ALL_RULES, ids=lambda v: getattr(v, "id", v))
def test_rule_is_documented(ruleset: str, rule: CompiledRule) -> None:
    assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)*", rule.id), "rule ids are kebab-case words"
    assert len(rule.description) >= 40, "a rule needs a description"
    assert rule.source, "a rule needs a source"
    assert rule.examples_fail, "a rule needs at least one failing example"
    assert rule.examples_pass, "a rule needs at least one passing example"


def test_every_bundled_ruleset_loads_and_has_rules() -> None:
    names = bundled_names()
    assert "general" in names
    for name in names:
        assert load_ruleset(name).rules


def test_rule_ids_are_unique_per_ruleset() -> None:
    for name in bundled_names():
        ids = load_ruleset(name).ids
        assert len(ids) == len(set(ids))
