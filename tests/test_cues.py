"""Cue lexicons of score rules: the features, the weighing, loading a cue file beside a
ruleset with errors that name it, the shipped lexicon, and the fit that writes it."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest

from tonelint import nlp
from tonelint.cues import CueLexicon, check_lexicon, cue_features, lexicon_of
from tonelint.model import InputError
from tonelint.rules.score import ScoreRule
from tonelint.ruleset import load_ruleset

from .helpers import compile_rules, lint, write_ruleset

RULE = """
    rules:
      selling:
        type: score
        message: "sells ({{signals}})"
        weights: {{self_reference: 1}}
        threshold: 1.5
        cues: {cues}
"""


def test_features_are_lemmas_of_alphabetic_words() -> None:
    doc = nlp.parse("Booked solid! Booking 2 spots at https://a.example for #Spring @Ann's team")
    features = cue_features(doc)
    assert {"book", "solid", "spot", "at", "for", "spring", "team"} <= features
    assert not any(f.startswith(("#", "@", "http")) or f.isdigit() for f in features)
    assert "ann" not in features
    assert cue_features(doc) is features  # computed once per Doc


def test_weigh_adds_bias_and_each_cue_once() -> None:
    lexicon = CueLexicon(0.5, {"book": 0.75, "help": -1.0, "new": 0.25})
    part, fired = lexicon.weigh(frozenset({"book", "help", "new", "other"}))
    assert part == pytest.approx(0.5)
    assert fired == [("help", -1.0), ("book", 0.75), ("new", 0.25)]
    assert lexicon.weigh(frozenset())[0] == 0.5


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ([1], "must map 'bias' and 'cues'"),
        ({"bias": "x"}, "'bias' must be a number"),
        ({"weights": {}}, "unknown key 'weights'"),
        ({"cues": {"book now": 1}}, "must be one word"),
        ({"cues": {"book": "high"}}, "weight of cue 'book' must be a number"),
        ({"cues": {"book": True}}, "weight of cue 'book' must be a number"),
    ],
)
def test_bad_lexicons_are_refused(value: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        check_lexicon(value)


def test_lexicon_of_normalises_words() -> None:
    lexicon = lexicon_of({"bias": 1, "cues": {" Book ": 2}})
    assert lexicon == CueLexicon(1.0, {"book": 2.0})
    assert lexicon_of(None) is None and lexicon_of({}) is None


def test_inline_cues_tip_a_post_and_are_named(tmp_path: Path) -> None:
    ruleset = compile_rules(tmp_path, RULE.format(cues="{bias: 0, cues: {book: 1, help: -2}}"))
    (finding,) = lint(ruleset, "We are booking spring visits.")
    assert "wording that sells (+1: book)" in finding.message
    assert lint(ruleset, "We are here to help.") == []  # 1 - 2 < 1.5
    assert lint(ruleset, "We can help you book a visit.") == []


def test_cue_file_is_read_beside_the_ruleset(tmp_path: Path) -> None:
    (tmp_path / "cues").mkdir()
    (tmp_path / "cues" / "mine.yaml").write_text(
        'bias: 0.25\ncues:\n  "book": 1\n  "no": -0.5\n', encoding="utf-8"
    )
    ruleset = compile_rules(tmp_path, RULE.format(cues="cues/mine.yaml"))
    rule = ruleset.get("selling")
    assert rule is not None and isinstance(rule.impl, ScoreRule)
    assert rule.impl.lexicon == CueLexicon(0.25, {"book": 1.0, "no": -0.5})
    assert len(lint(ruleset, "We are booking spring visits.")) == 1


def test_a_missing_cue_file_names_the_ruleset_line(tmp_path: Path) -> None:
    path = write_ruleset(tmp_path, RULE.format(cues="cues/none.yaml"))
    with pytest.raises(InputError, match="cannot read option 'cues' file") as info:
        load_ruleset(str(path))
    assert info.value.path == "cues/none.yaml"


@pytest.mark.parametrize(
    ("body", "message", "line"),
    [
        ("bias: [1\n", "invalid YAML", 2),
        ("cues:\n  book: lots\n", "weight of cue 'book' must be a number", None),
    ],
)
def test_a_bad_cue_file_is_named(tmp_path: Path, body: str, message: str, line: int | None) -> None:
    (tmp_path / "bad.yaml").write_text(body, encoding="utf-8")
    path = write_ruleset(tmp_path, RULE.format(cues="bad.yaml"))
    with pytest.raises(InputError, match=message) as info:
        load_ruleset(str(path))
    assert info.value.path == str(tmp_path / "bad.yaml")
    assert info.value.line == line


def test_the_shipped_lexicon_is_loaded_and_can_be_switched_off(tmp_path: Path) -> None:
    rule = load_ruleset("general").get("self-promotion")
    assert rule is not None and isinstance(rule.impl, ScoreRule)
    lexicon = rule.impl.lexicon
    assert lexicon is not None and len(lexicon.cues) > 100
    assert all(" " not in word and word == word.lower() for word in lexicon.cues)
    path = write_ruleset(tmp_path, "extends: general\nrules:\n  self-promotion:\n    cues: null\n")
    off = load_ruleset(str(path)).get("self-promotion")
    assert off is not None and isinstance(off.impl, ScoreRule) and off.impl.lexicon is None


def test_the_fit_learns_a_selling_word() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    import train_cues

    def example(promotional: bool, score: float, *words: str) -> train_cues.Example:
        return train_cues.Example("set", promotional, score, True, frozenset(words))

    data = [example(True, 1.0, "book", "spring") for _ in range(15)]
    data += [example(False, 1.0, "tip", "spring") for _ in range(15)]
    data += [example(True, 3.0, "spring") for _ in range(10)]
    data += [example(False, -1.0, "spring") for _ in range(10)]
    lexicon = train_cues.fit(data, threshold=2.0)
    assert lexicon.cues["book"] > 0 > lexicon.cues["tip"]
    assert train_cues.fit(data, threshold=2.0) == lexicon  # repeatable
    assert train_cues.flags(data[0], lexicon, 2.0) and not train_cues.flags(data[15], lexicon, 2.0)


def test_the_fit_weighs_real_posts_as_much_as_the_more_numerous_written_ones() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    import train_cues

    def example(group: str, promotional: bool, score: float, word: str) -> train_cues.Example:
        return train_cues.Example(group, promotional, score, True, frozenset([word]))

    written = "small-business a"
    # Posts that tie the signal score to the label (four in five), and thirty written posts
    # saying "pizza" does not sell, against ten real ones saying it does.
    data = [example(written, i < 16, 3.0, "spring") for i in range(20)]
    data += [example(written, i < 4, 0.0, "spring") for i in range(20)]
    data += [example(written, False, 1.5, "pizza") for _ in range(30)]
    real = [example("corpus 1", True, 1.5, "pizza") for _ in range(10)]
    weighted = train_cues.fit(data + real, threshold=2.0)
    as_written = [dataclasses.replace(e, group="small-business b") for e in real]
    unweighted = train_cues.fit(data + as_written, threshold=2.0)
    # The real posts weigh as much as all 70 written ones: they carry the word.
    assert weighted.cues["pizza"] > 0 > unweighted.cues["pizza"]


def test_the_operating_point_is_the_smallest_offset_that_reaches_the_precision_target() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    import train_cues

    def scored(group: str, promotional: bool, score: float) -> tuple[train_cues.Example, float]:
        return train_cues.Example(group, promotional, 0.0, True, frozenset()), score

    # Real posts: 9 promotional at 3.0, one false alarm at 2.0 -> precision 0.9 at offset 0.
    real = [scored("corpus 1", True, 3.0) for _ in range(9)] + [scored("corpus 1", False, 2.0)]
    # Written posts: 8 promotional at 3.0, false alarms at 2.1 and 2.3 -> 0.8 until 0.35.
    written = [scored("small-business a", True, 3.0) for _ in range(8)]
    written += [scored("small-business a", False, 2.1), scored("small-business a", False, 2.3)]
    offset = train_cues.operating_offset(real + written, threshold=2.0)
    assert offset == pytest.approx(0.35)
    assert train_cues.operating_offset(real, threshold=2.0) == 0.0
