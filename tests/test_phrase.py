"""The ``phrase`` rule type: lemmas, token boundaries, hyphens, exceptions, skipped spans."""

from __future__ import annotations

from pathlib import Path

import pytest

from tonelint.ruleset import Ruleset

from .helpers import compile_rules, lint

RULESET = """
rules:
  jargon:
    type: phrase
    message: "'{match}' is jargon"
    phrases:
      - {phrase: leverage, suggestion: use}
      - synergy
      - {phrase: circle back, suggestion: follow up}
      - best-in-class
      - playbook
      - kpi
      - {phrase: touch base, suggestion: talk}
    exceptions:
      - leveraged buyout
"""


@pytest.fixture
def rules(tmp_path: Path) -> Ruleset:
    return compile_rules(tmp_path, RULESET)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We are leveraging data.", ["leveraging"]),
        ("They leveraged it.", ["leveraged"]),
        ("Leverage it!", ["Leverage"]),
        ("So many synergies here.", ["synergies"]),
        ("Two playbooks, three KPIs.", ["playbooks", "KPIs"]),
        ("We'll be circling back soon.", ["circling back"]),
        ("We circled back.", ["circled back"]),
        ("A best-in-class team, best in class again.", ["best-in-class", "best in class"]),
        ("Let's touch base Monday.", ["touch base"]),
        ("The leveraged buyout closed.", []),
        ("A leveraged-buyout firm.", []),
        ("Synergistic is a different word.", []),
        ("Circle the date and come back.", []),
        ("Follow #synergy and @leverage or https://leverage.example.com/synergy", []),
        ('Our client said "we leverage synergy" at the fair.', []),
    ],
)
def test_matches(rules: Ruleset, text: str, expected: list[str]) -> None:
    found = [text[f.column - 1 : f.end_column - 1] for f in lint(rules, text)]
    assert found == expected


def test_suggestion_and_case(rules: Ruleset) -> None:
    (first, second) = lint(rules, "Leverage it, then circle back.")
    assert first.suggestion == "Use"
    assert first.message == "'Leverage' is jargon"
    assert second.suggestion == "follow up"


def test_no_suggestion_is_none(rules: Ruleset) -> None:
    (finding,) = lint(rules, "Pure synergy.")
    assert finding.suggestion is None


def test_positions_on_later_lines(rules: Ruleset) -> None:
    (finding,) = lint(rules, "Hello there.\n\nWe will  circle back.\n")
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (3, 10, 3, 21)


def test_opt_in_to_hashtags(tmp_path: Path) -> None:
    rules = compile_rules(
        tmp_path,
        """
        rules:
          jargon:
            type: phrase
            message: "{match}"
            phrases: [synergy]
            ignore_inside: [urls]
        """,
    )
    assert [f.message for f in lint(rules, "Go #synergy")] == ["synergy"]
