"""CI and editor integration: SARIF, GitHub annotations, suppressions, --fix and --diff,
generated rule docs, and --changed-since."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tonelint import docs

from .conftest import ROOT
from .test_cli import write

SCHEMA = json.loads(
    (ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
)
DRAFT = "Going forward, we will leverage synergy.\nAt this point in time we are closed.\n"


def _sarif(run: Callable[..., Any], *args: str) -> dict[str, Any]:
    result = run("--format", "sarif", *args)
    log = json.loads(result.stdout)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    return log  # type: ignore[no-any-return]


def test_sarif_validates_and_carries_rules_locations_and_fixes(
    run: Callable[..., Any], tmp_path: Path
) -> None:
    write(tmp_path, "posts/draft.txt", DRAFT)
    write(tmp_path, "posts/bad.txt", b"\x00binary")
    log = _sarif(run, "posts")
    (sarif_run,) = log["runs"]
    rules = {r["id"]: r for r in sarif_run["tool"]["driver"]["rules"]}
    jargon = rules["corporate-jargon"]
    assert jargon["defaultConfiguration"]["level"] == "warning"
    assert jargon["shortDescription"]["text"] and jargon["fullDescription"]["text"]
    assert "tonelint --explain corporate-jargon" in jargon["help"]["text"]
    assert rules["too-long"]["defaultConfiguration"]["level"] == "error"
    results = sarif_run["results"]
    first = next(r for r in results if r["ruleId"] == "corporate-tone")
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "posts/draft.txt"
    assert location["region"] == {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 14}
    assert first["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"] == {
        "text": "From now on"
    }
    assert sarif_run["invocations"][0]["executionSuccessful"] is False
    assert rules[first["ruleId"]] == sarif_run["tool"]["driver"]["rules"][first["ruleIndex"]]


def test_sarif_for_every_example_validates(run: Callable[..., Any], tmp_path: Path) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    log = _sarif(run, "--now", "2026-11-01", "--date-order", "dmy", "examples")
    assert log["runs"][0]["results"]


def test_github_annotations_and_escaping(run: Callable[..., Any], tmp_path: Path) -> None:
    write(tmp_path, "a,b.txt", "We leverage it: 100%, really?\n")
    result = run("--format", "github", "a,b.txt")
    line = next(x for x in result.stdout.splitlines() if "corporate-jargon" in x)
    assert line.startswith(
        "::warning file=a%2Cb.txt,line=1,col=4,endLine=1,endColumn=12,"
        "title=tonelint corporate-jargon::"
    )
    assert "%0ASuggestion: use" in line
    assert "\n" not in line


def test_github_format_is_automatic_on_actions(
    run: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "a.txt", "We leverage it?\n")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert run("a.txt").stdout.startswith("::warning file=a.txt")
    assert run("--format", "text", "a.txt").stdout.startswith("a.txt:1:4: warning")


def test_markdown_suppressions(
    run_json: Callable[..., tuple[int, dict[str, Any]]], tmp_path: Path
) -> None:
    write(
        tmp_path,
        "p.md",
        "Line one leverages it?\n"
        "<!-- tonelint-disable corporate-jargon -->\n"
        "We leverage synergy here?\n"
        "<!-- tonelint-enable -->\n"
        "<!-- tonelint-disable-next-line corporate-jargon -->\n"
        "Leverage, skipped?\n"
        "Leverage, reported?\n",
    )
    _, data = run_json("--select", "corporate-jargon", "p.md")
    assert [f["line"] for f in data["findings"]] == [1, 7]


def test_text_directive_and_unknown_rule(
    run_json: Callable[..., tuple[int, dict[str, Any]]], tmp_path: Path
) -> None:
    write(
        tmp_path,
        "a.txt",
        "tonelint: disable=corporate-jargon, corporate-jargn\nWe leverage synergy?\n",
    )
    code, data = run_json("a.txt")
    rules = [(f["rule"], f["line"]) for f in data["findings"]]
    assert ("corporate-jargon", 2) not in rules
    (unknown,) = [f for f in data["findings"] if f["rule"] == "unknown-disable"]
    assert unknown["line"] == 1
    assert "did you mean 'corporate-jargon'" in unknown["message"]
    assert code == 1


def test_yaml_comment_directive_and_unused_report(
    run_json: Callable[..., tuple[int, dict[str, Any]]], tmp_path: Path
) -> None:
    write(
        tmp_path,
        "cal.yaml",
        "platform: x\nposts:\n"
        "  - at: 2099-12-01T09:00Z  # tonelint: disable=corporate-jargon\n"
        "    text: We leverage it?\n"
        "  - at: 2099-12-02T09:00Z\n"
        "    text: We leverage it again?\n"
        "    # tonelint: disable=shouting\n",
    )
    _, data = run_json(
        "--select", "corporate-jargon,shouting", "--report-unused-disables", "cal.yaml"
    )
    assert [(f["rule"], f["line"]) for f in data["findings"]] == [
        ("corporate-jargon", 6),
        ("unused-disable", 7),
    ]


def test_fix_preserves_bytes_and_permissions(run: Callable[..., Any], tmp_path: Path) -> None:
    path = write(tmp_path, "draft.txt", b"\xef\xbb\xbf" + DRAFT.replace("\n", "\r\n").encode())
    write(tmp_path, "post.md", "---\ntitle: x\n---\nGoing forward, tabs\there stay.\n")
    os.chmod(path, 0o640)
    result = run("--fix", "--select", "corporate-tone,corporate-jargon", "draft.txt", "post.md")
    assert path.read_bytes() == (
        b"\xef\xbb\xbfFrom now on, we will use teamwork.\r\nNow we are closed.\r\n"
    )
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert (
        tmp_path / "post.md"
    ).read_text() == "---\ntitle: x\n---\nFrom now on, tabs\there stay.\n"
    assert "Fixed 5 problems." in result.stdout
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt", "post.md"]


def test_diff_writes_nothing(run: Callable[..., Any], tmp_path: Path) -> None:
    path = write(tmp_path, "draft.txt", DRAFT)
    result = run("--diff", "draft.txt")
    assert result.exit_code == 1
    assert "-Going forward, we will leverage synergy." in result.stdout
    assert "+From now on, we will use teamwork." in result.stdout
    assert path.read_text() == DRAFT


def test_fix_never_rewrites_schedules(run: Callable[..., Any], tmp_path: Path) -> None:
    content = "posts:\n  - at: 2099-12-01T09:00Z\n    text: Going forward, we open at 9?\n"
    path = write(tmp_path, "cal.yaml", content)
    run("--fix", "cal.yaml")
    assert path.read_text() == content


def test_fix_read_only_file_is_an_error(run: Callable[..., Any], tmp_path: Path) -> None:
    locked = write(tmp_path, "locked.txt", DRAFT)
    other = write(tmp_path, "other.txt", DRAFT)
    os.chmod(locked, 0o444)
    result = run("--fix", "locked.txt", "other.txt")
    assert result.exit_code == 2
    assert "locked.txt: error: file is read-only; not fixed" in result.stderr
    assert locked.read_text() == DRAFT
    assert other.read_text() != DRAFT
    assert sorted(p.name for p in tmp_path.iterdir()) == ["locked.txt", "other.txt"]


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_interrupted_fix_leaves_the_original(
    run: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    path = write(tmp_path, "draft.txt", DRAFT)

    def boom(src: str, dst: str) -> None:
        raise failure

    monkeypatch.setattr(os, "replace", boom)
    result = run("--fix", "draft.txt")
    assert result.exit_code != 0
    assert path.read_text() == DRAFT
    assert [p.name for p in tmp_path.iterdir()] == ["draft.txt"]
    if isinstance(failure, OSError):
        assert "draft.txt: error: fix not written: No space left on device" in result.stderr


def test_rules_doc_is_up_to_date() -> None:
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == docs.render(), (
        "docs/rules.md is stale: python -m tonelint.docs > docs/rules.md"
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_changed_since(run_json: Callable[..., tuple[int, dict[str, Any]]], tmp_path: Path) -> None:
    def git(*args: str) -> None:
        env = {
            **os.environ,
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.com",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.com",
        }
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True, env=env)

    git("init", "-q")
    write(tmp_path, "old.txt", "We leverage it?\nFine line?\n")
    git("add", ".")
    git("commit", "-qm", "base")
    write(tmp_path, "old.txt", "We leverage it?\nNow we leverage more?\n")
    write(tmp_path, "new.txt", "We leverage new things?\n")
    _, data = run_json(
        "--select", "corporate-jargon", "--changed-since", "HEAD", "old.txt", "new.txt"
    )
    assert [(f["path"], f["line"]) for f in data["findings"]] == [("new.txt", 1), ("old.txt", 2)]
    code, data = run_json("--changed-since", "no-such-ref", "old.txt")
    assert code == 2
    assert data["errors"][0]["message"].startswith("--changed-since no-such-ref:")


def test_example_workflow_is_documented() -> None:
    workflow = (ROOT / "examples" / "ci" / "github-workflow.yml").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "upload-sarif" in workflow and "upload-sarif" in readme
