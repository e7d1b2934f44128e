"""The ``pattern``, ``metric`` and ``length`` rule types."""

from __future__ import annotations

from pathlib import Path

import pytest

from tonelint import platforms
from tonelint.model import InputError

from .helpers import compile_rules, lint


def test_regex_and_token_patterns(tmp_path: Path) -> None:
    rules = compile_rules(
        tmp_path,
        r"""
        rules:
          boiler:
            type: pattern
            message: "'{match}' sounds like a press release"
            patterns:
              - regex: '\bplease be advised\b'
                suggestion: note
              - tokens: [{LEMMA: be}, {LOWER: pleased}, {LOWER: to}, {LEMMA: announce}]
                message: "announcement voice: '{match}'"
        """,
    )
    text = "Please be advised: we were pleased to announce it. We're pleased to announce more."
    found = lint(rules, text)
    assert [f.message for f in found] == [
        "'Please be advised' sounds like a press release",
        "announcement voice: 'were pleased to announce'",
        "announcement voice: ''re pleased to announce'",
    ]
    assert found[0].suggestion == "Note"  # capitalised like the text it replaces
    assert found[1].suggestion is None


_STACK = r"""
rules:
  register:
    type: pattern
    message: "'{match}' sounds corporate"
    patterns:
      - regex: '\bcommitted to excellence\b'
      - words: [stakeholder, initiative, empower, committed, excellence, best practice]
        min: 2
        message: "{words} in one sentence"
"""


def test_words_entry_needs_two_listed_words_in_one_sentence(tmp_path: Path) -> None:
    rules = compile_rules(tmp_path, _STACK)
    text = "New initiatives empower our stakeholders. One initiative here.\nAnd one stakeholder."
    (finding,) = lint(rules, text)
    assert finding.message == "'initiatives', 'empower', 'stakeholders' in one sentence"
    assert (finding.column, finding.end_column) == (5, 41)  # first to last listed word
    # the same word twice is one word; two sentences are two sentences
    assert lint(rules, "Initiative after initiative. Stakeholders agree.") == []


def test_words_entry_skips_names_and_gives_way(tmp_path: Path) -> None:
    rules = compile_rules(tmp_path, _STACK)
    # capitalised inside a sentence: a title, not the register
    assert lint(rules, "Our Chief Stakeholder Officer talks initiative today.") == []
    # a sentence's first word still counts, and lemmas and phrases match
    (first,) = lint(rules, "Empowering stakeholders with best practices.")
    assert first.message == "'Empowering', 'stakeholders', 'best practices' in one sentence"
    # another entry's match wins where they overlap
    (only,) = lint(rules, "We are committed to excellence for stakeholders.")
    assert only.message == "'committed to excellence' sounds corporate"
    # hashtags and links are not prose
    assert lint(rules, "Empower #stakeholders at https://example.com/initiative") == []


@pytest.mark.parametrize(
    ("entry", "error"),
    [
        ("{words: [a, b], min: 1}", "min must be a whole number of at least 2"),
        ("{words: []}", "words must be a non-empty list"),
        ("{regex: a, min: 2}", "'min' belongs to a 'words' entry"),
        ("{regex: a, words: [b]}", "exactly one of 'regex', 'account', 'tokens' or 'words'"),
        ("{account: a, regex: b}", "exactly one of 'regex', 'account', 'tokens' or 'words'"),
        ("{account: [a]}", "account must be a string"),
        ("{account: '(a'}", "pattern 1: "),
    ],
)
def test_words_entry_checked_when_loading(tmp_path: Path, entry: str, error: str) -> None:
    body = f"rules:\n  x:\n    type: pattern\n    message: m\n    patterns: [{entry}]\n"
    with pytest.raises(InputError, match=error):
        compile_rules(tmp_path, body)


def test_regex_case_sensitive_option(tmp_path: Path) -> None:
    rules = compile_rules(
        tmp_path,
        r"""
        rules:
          caps:
            type: pattern
            message: "{match}"
            ignore_case: false
            patterns: [{regex: '\bFREE\b'}]
        """,
    )
    assert [f.message for f in lint(rules, "free FREE Free")] == ["FREE"]


def test_metric_counts_and_platform_override(tmp_path: Path) -> None:
    rules = compile_rules(
        tmp_path,
        """
        rules:
          long-sentence:
            type: metric
            metric: longest_sentence_words
            max: 5
            platforms: {linkedin: {max: 8}}
            message: "{value} words, {bound} {limit}"
        """,
    )
    text = "Short one. This sentence has exactly seven words here."
    (finding,) = lint(rules, text)
    assert finding.message == "7 words, above 5"
    assert (finding.column, finding.end_column) == (12, len(text) + 1)
    assert lint(rules, text, platform="linkedin") == []


def test_metric_readability_skips_short_posts(tmp_path: Path) -> None:
    rules = compile_rules(
        tmp_path,
        """
        rules:
          grade:
            type: metric
            metric: flesch_kincaid_grade
            max: 6
            min_words: 10
            message: "grade {value}"
        """,
    )
    assert lint(rules, "Unquestionably multidisciplinary considerations.") == []
    text = (
        "Unquestionably, multidisciplinary organizational considerations necessitate "
        "comprehensive, individualized, evidence-based interventions."
    )
    (finding,) = lint(rules, text)
    assert finding.message.startswith("grade ")
    assert float(finding.message.split()[1]) > 6


@pytest.mark.parametrize(
    ("text", "counting", "expected"),
    [
        ("hello", "twitter", 5),
        ("@anna @bob_2 hello", "twitter", 5),
        ("hello @anna", "twitter", 11),
        ("こんにちは", "twitter", 10),
        ("go 👨\u200d👩\u200d👧 now", "twitter", 9),
        ("see https://example.com/a/very/long/path/that/goes/on/and/on", "twitter", 27),
        ("👨\u200d👩\u200d👧", "graphemes", 1),
        ("e\u0301", "graphemes", 1),
        ("e\u0301", "characters", 1),  # NFC composes it first
        (
            "hi @anna@example.social https://example.com/long/long/long/path",
            "mastodon",
            3 + 5 + 1 + 23,
        ),
        ("é", "bytes", 2),
    ],
)
def test_platform_counting(text: str, counting: str, expected: int) -> None:
    assert platforms.measure(text, counting) == expected


def test_length_points_at_the_overflow(tmp_path: Path) -> None:
    rules = compile_rules(
        tmp_path,
        """
        rules:
          too-long:
            type: length
            kinds: [post, bio]
            message: "{count}/{limit} {unit} on {platform}"
            limits:
              x: {post: {max: 10, counting: twitter}, bio: {max: 5, counting: characters}}
        """,
    )
    text = "ab こんにちは more"
    (finding,) = lint(rules, text, platform="x")
    assert finding.message == "18/10 weighted characters on X"
    assert finding.column == 7  # "ab " = 3, then 3 CJK chars weigh 6 -> 9, the 4th goes over
    assert lint(rules, text) == []  # no platform, no finding
    assert lint(rules, "abcdef", platform="x", kind="bio")[0].message == "6/5 characters on X"


def test_platform_aliases_and_typos() -> None:
    assert platforms.normalize("Twitter") == "x"
    with pytest.raises(ValueError, match="did you mean 'linkedin'"):
        platforms.normalize("linkdin")
