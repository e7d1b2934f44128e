"""Ruleset loading: extends, overrides, turning rules off, and errors that name file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tonelint.model import InputError
from tonelint.ruleset import load_ruleset

from .helpers import lint, write_ruleset


def test_user_ruleset_extends_overrides_and_disables(tmp_path: Path) -> None:
    path = write_ruleset(
        tmp_path,
        """
        name: agency
        extends: general
        rules:
          too-long: off
          corporate-jargon:
            severity: error
            exceptions: [leverage]
          no-hype:
            type: phrase
            severity: info
            message: "'{match}' is hype"
            description: Words our client asked us to avoid in every post.
            source: Client style guide
            phrases: [amazing]
        """,
    )
    ruleset = load_ruleset(str(path))
    assert ruleset.name == "agency"
    assert "too-long" not in ruleset.ids
    jargon = ruleset.get("corporate-jargon")
    assert jargon is not None and str(jargon.severity) == "error"
    found = [
        f for f in lint(ruleset, "An amazing way to leverage synergy.") if f.rule != "no-engagement"
    ]
    assert [(f.rule, str(f.severity)) for f in found] == [
        ("no-hype", "info"),
        ("corporate-jargon", "error"),
    ]


def test_config_overrides_apply_last(tmp_path: Path) -> None:
    from tonelint import yamlutil

    overrides = yamlutil.load("corporate-jargon: {severity: info}\ntoo-long: false\n", "cfg")
    ruleset = load_ruleset("general", overrides=overrides, overrides_path="cfg")
    assert "too-long" not in ruleset.ids
    assert str(ruleset.get("corporate-jargon").severity) == "info"  # type: ignore[union-attr]


def test_disabled_rule_can_be_turned_back_on(tmp_path: Path) -> None:
    write_ruleset(tmp_path, "extends: general\nrules:\n  too-long: off\n", "base.yaml")
    path = write_ruleset(tmp_path, "extends: ./base.yaml\nrules:\n  too-long: on\n", "child.yaml")
    assert "too-long" in load_ruleset(str(path)).ids


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        (
            "rules:\n  x:\n    type: regexp\n    message: m\n",
            3,
            "unknown rule type 'regexp'; valid types: bio, capitals, duplicate, frequency, gap, ",
        ),
        (
            "rules:\n  x:\n    type: phrase\n    message: m\n    phrase: [a]\n",
            5,
            "unknown option 'phrase' for type 'phrase'; did you mean 'phrases'?",
        ),
        (
            "rules:\n  x:\n    type: phrase\n    message: m\n    phrases: leverage\n",
            5,
            "option 'phrases' must be a list, not str",
        ),
        (
            "rules:\n  x:\n    type: pattern\n    message: m\n"
            "    patterns: [{regex: '(unclosed'}]\n",
            5,
            "invalid regex '(unclosed'",
        ),
        (
            "rules:\n  x:\n    type: phrase\n    severity: fatal\n    message: m\n",
            4,
            "unknown severity 'fatal'",
        ),
        (
            "rules:\n  x:\n    type: phrase\n    message: '{nope}'\n",
            4,
            "unknown placeholder {nope}",
        ),
        ("rules:\n  x:\n    type: phrase\n", 2, "needs a 'message'"),
        (
            "rules:\n  corporate-jargn: off\nextends: general\n",
            2,
            "unknown rule 'corporate-jargn'; did you mean 'corporate-jargon'?",
        ),
        (
            "rules:\n  x:\n    type: phrase\n    message: m\n  x:\n    type: phrase\n",
            5,
            "duplicate key 'x'",
        ),
        ("rules:\n  x: [\n", 3, "invalid YAML"),
        ("rulez: {}\n", 1, "unknown ruleset key 'rulez'; did you mean 'rules'?"),
        ("extends: nonexistent\n", None, "unknown ruleset 'nonexistent'"),
        (
            "rules:\n  x:\n    type: metric\n    message: m\n    metric: fog\n",
            5,
            "unknown metric 'fog'",
        ),
        (
            "rules:\n  x:\n    type: length\n    message: m\n    limits: {x: {post: {max: -1}}}\n",
            5,
            "limits.x.post.max must be a positive integer",
        ),
    ],
)
def test_errors_name_file_line_and_rule(
    tmp_path: Path, body: str, line: int | None, message: str
) -> None:
    path = write_ruleset(tmp_path, body)
    with pytest.raises(InputError) as info:
        load_ruleset(str(path))
    error = info.value
    assert message in error.message
    if line is not None:
        assert error.path == str(path)
        assert error.line == line


def test_extends_cycle_is_an_error(tmp_path: Path) -> None:
    write_ruleset(tmp_path, "extends: ./b.yaml\n", "a.yaml")
    write_ruleset(tmp_path, "extends: ./a.yaml\n", "b.yaml")
    with pytest.raises(InputError, match=r"extends itself: a\.yaml -> b\.yaml -> a\.yaml"):
        load_ruleset(str(tmp_path / "a.yaml"))


def test_invalid_token_pattern(tmp_path: Path) -> None:
    path = write_ruleset(
        tmp_path,
        "rules:\n  x:\n    type: pattern\n    message: m\n    patterns: [{tokens: [{NOPE: 1}]}]\n",
    )
    with pytest.raises(InputError, match="invalid token pattern") as info:
        load_ruleset(str(path))
    assert info.value.line == 2
