"""Fast paths checked against the slow ones they replace: testing many regex gates at
once (``GateSet``), each span kind found alone (``spans_of``), a score rule's ``admits`` on
sets of signals, and the pattern rule's quick test for its token patterns' first words."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tonelint.context import PostContext
from tonelint.literals import Gate, GateSet, LiteralIndex, folds_to_ascii
from tonelint.model import PositionMap, Post
from tonelint.rules.pattern import PatternRule
from tonelint.rules.score import ScoreRule
from tonelint.ruleset import load_ruleset
from tonelint.signals import COMPOSITES, Signals
from tonelint.textspans import SPAN_KINDS, find_spans, spans_of

PATTERNS = [
    (r"\b(?:we are )?pleased to (?:announce|share)\b", re.IGNORECASE),
    (r"\bto be the (?:best|first)\b", re.IGNORECASE),
    (r"\bpeople[- ]first\b", re.IGNORECASE),
    (r"\bpeople capability\b", re.IGNORECASE),
    (r"\b(?:herein|hereby|here)\b", re.IGNORECASE),
    (r"#(?:sp|spon|ad)\b", re.IGNORECASE),
    (r"\bWe Are\b", 0),  # case-sensitive: tested on the text itself
    (r"\bAcme\b(?i:corp)", 0),
    (r"(?:free)?\d+", re.IGNORECASE),  # no literal: always tried
    (r"\bsynerg(?:y|ies)\b", re.IGNORECASE),
]

TEXTS = [
    "",
    "Nothing to see.",
    "We are pleased to announce our people-first culture.",
    "we are PLEASED TO share: PEOPLE CAPABILITY herein",
    "Here we go #spon #ad",
    "We Are Acme CORP, here to be the best",
    "to be the first to hear",  # literals overlapping: 'to be the ' and 'here'
    "heretofore, hereby and here",  # 'here' is a prefix of 'herein' and 'hereby'
    "The \u212aelvin sign and long \u017f fold to ASCII",
    "Synergies 2024",
]


def _one_by_one(gates: list[Gate], text: str) -> list[int]:
    lower, folded = text.lower(), folds_to_ascii(text)
    return [i for i, gate in enumerate(gates) if gate.may_match(text, lower, folded)]


def _gates() -> list[Gate]:
    return [Gate(re.compile(pattern, flags)) for pattern, flags in PATTERNS]


@pytest.mark.parametrize("text", TEXTS)
def test_gate_set_opens_what_each_gate_opens(text: str) -> None:
    gates = _gates()
    joined = GateSet(gates)
    assert len(gates) >= GateSet.JOIN_FROM  # the joined scan is what is tested
    assert joined.open(text, text.lower(), folds_to_ascii(text)) == _one_by_one(gates, text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["here", "in", "by", "people", " ", "-", "first", "#sp", "We", "Are", "x"])
    )
)
def test_gate_set_on_generated_texts(parts: list[str]) -> None:
    text = "".join(parts)
    gates = _gates()
    assert GateSet(gates).open(text, text.lower(), folds_to_ascii(text)) == _one_by_one(gates, text)


def test_literal_index_finds_prefixes_and_overlaps() -> None:
    index = LiteralIndex({"here": [1], "herein": [2], "hereby": [3], "rein": [4], "in": [5]})
    assert index.owners_in("herein") == {1, 2, 4, 5}
    assert index.owners_in("hereby") == {1, 3}
    assert index.owners_in("there") == {1}
    assert index.owners_in("nothing") == {5}
    assert index.owners_in("") == set()
    assert LiteralIndex({}).owners_in("anything") == set()


def test_gate_sets_of_the_bundled_rulesets_match_their_gates() -> None:
    """Every pattern rule's joined gates agree with its gates one by one on the examples."""
    rulesets = [load_ruleset(name) for name in ("general", "healthcare")]
    texts = list(TEXTS)
    for ruleset in rulesets:
        for rule in ruleset.rules:
            texts += [example.text for example in (*rule.examples_fail, *rule.examples_pass)]
    for ruleset in rulesets:
        for rule in ruleset.rules:
            if not isinstance(rule.impl, PatternRule):
                continue
            gates = [gate for _, _, gate in rule.impl.regexes]
            for text in texts:
                got = rule.impl.gates.open(text, text.lower(), folds_to_ascii(text))
                assert got == _one_by_one(gates, text), (rule.id, text)


@pytest.mark.parametrize(
    "text", [*TEXTS, 'See https://a.example/x, @dana_k and #Tag "quoted" `code`']
)
def test_spans_of_each_kind_as_find_spans(text: str) -> None:
    for kind in SPAN_KINDS:
        assert spans_of(text, kind) == find_spans(text, [kind])
    post = Post(text, "p", PositionMap.simple(text))
    ctx = PostContext(post)
    assert ctx.skipped_spans(SPAN_KINDS) == find_spans(text, SPAN_KINDS)


def test_admits_as_counted_signal_by_signal() -> None:
    rule = load_ruleset("general").get("self-promotion")
    quiet = load_ruleset("general").get("no-engagement")
    assert rule is not None and quiet is not None
    names = ["first_person", "self_mention", "calls_to_buy", "promotional", "teaser", "reply"]
    names += ["question", "pitch_question", "mention", "invitations"]
    for mask in range(1 << len(names)):
        signals = Signals()
        for bit, name in enumerate(names):
            if mask >> bit & 1:
                signals.add(name, name)
        for impl in (rule.impl, quiet.impl):
            assert isinstance(impl, ScoreRule)
            slow = not any(
                all(signals.count(p) == 0 for p in entry) for entry in impl.require
            ) and not any(any(signals.count(p) for p in entry) for entry in impl.forbid)
            assert impl.admits(signals) == slow
    assert "self_reference" in COMPOSITES


def test_first_words_of_token_patterns() -> None:
    rule = load_ruleset("general").get("corporate-tone")
    assert rule is not None and isinstance(rule.impl, PatternRule)
    impl = rule.impl
    assert impl.first_words is not None
    for needs in impl.needs:
        assert needs is not None and isinstance(needs[0], frozenset)
        assert needs[0] <= impl.first_words
