"""The regex gate: a regex is skipped only when it surely cannot match."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tonelint.engine import Linter
from tonelint.literals import Gate, required_literals
from tonelint.ruleset import load_ruleset


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\b(?:we are )?pleased to (?:announce|share)\b", ("pleased to ",)),
        (r"\b(?:herein|hereby|aforementioned)\b", ("herein", "hereby", "aforementioned")),
        (r"\bguaranteed?\s+(?:results|returns)", ("guarantee",)),
        (r"#(?:sp|ad)\b", ("sp", "ad")),
        (r"(?:free)?\d+", None),  # nothing required
        (r"(?:best )+deal", ("best ",)),  # repeated at least once: required
    ],
)
def test_required_literals(pattern: str, expected: tuple[str, ...] | None) -> None:
    assert required_literals(re.compile(pattern)) == expected


def test_gate_ignores_case_only_when_the_regex_does() -> None:
    lower = Gate(re.compile("Pleased to", re.IGNORECASE))
    assert lower.may_match("WE ARE PLEASED TO", "we are pleased to")
    exact = Gate(re.compile("Pleased to"))
    assert not exact.may_match("we are pleased to", "we are pleased to")


def test_gate_passes_letters_re_folds_to_ascii() -> None:
    regex = re.compile("risk", re.IGNORECASE)
    text = "no \u0280is\u212a here"  # Kelvin sign: re matches it as "k"
    assert Gate(regex).may_match(text, text.lower())


_REGEXES = [
    gate_regex
    for name in ("general", "healthcare", "finance", "legal", "real-estate")
    for rule in Linter(load_ruleset(name)).rules
    for gate_regex, _, _ in getattr(rule.impl, "regexes", [])
]
_WORDS = st.sampled_from(
    [
        *["we", "are", "pleased", "to", "announce", "Guaranteed", "results", "free", "#ad"],
        *["in accordance with", "at this point in time", "going-forward", "\u212a", "\u017f"],
        *["followers", "cure", "pain", "APR", "%", "no.", "1", "\n", "!", "perfect", "family"],
        *["best", "5"],
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, max_size=30).map(" ".join))
def test_a_gated_regex_never_had_a_match(text: str) -> None:
    lower = text.lower()
    for regex in _REGEXES:
        if not Gate(regex).may_match(text, lower):
            assert regex.search(text) is None, regex.pattern
