"""Config discovery (nearest file upward, pyproject, explicit) and validation."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from click.testing import Result

from .test_cli import JARGON, write


def test_each_client_folder_has_its_own_config(
    run_json: Callable[..., tuple[int, dict[str, Any]]], tmp_path: Path
) -> None:
    write(
        tmp_path, "clients/dental/.tonelint.yaml", "rules:\n  corporate-jargon: {severity: error}\n"
    )
    write(tmp_path, "clients/dental/posts/a.txt", JARGON)
    write(tmp_path, "clients/plumber/.tonelint.yaml", "rules:\n  corporate-jargon: off\n")
    write(tmp_path, "clients/plumber/b.txt", JARGON)
    write(tmp_path, "clients/other/c.txt", JARGON)
    code, data = run_json("clients")
    by_path: dict[str, set[str]] = {}
    for f in data["findings"]:
        by_path.setdefault(Path(f["path"]).name, set()).add(f["severity"])
    assert by_path == {"a.txt": {"error"}, "c.txt": {"warning"}}
    assert code == 1


def test_pyproject_tool_table(
    run_json: Callable[..., tuple[int, dict[str, Any]]], tmp_path: Path
) -> None:
    write(
        tmp_path,
        "pyproject.toml",
        '[tool.tonelint]\nplatform = "x"\n[tool.tonelint.rules]\ncorporate-jargon = false\n',
    )
    write(tmp_path, "draft.txt", JARGON + "word " * 60)
    _, data = run_json("--select", "too-long", "draft.txt")
    assert [f["rule"] for f in data["findings"]] == ["too-long"]
    _, data = run_json("--ignore", "no-engagement", "draft.txt")
    assert "corporate-jargon" not in {f["rule"] for f in data["findings"]}


def test_explicit_config_wins(
    run_json: Callable[..., tuple[int, dict[str, Any]]], tmp_path: Path
) -> None:
    write(tmp_path, ".tonelint.yaml", "rules:\n  corporate-jargon: off\n")
    write(tmp_path, "strict.yaml", "rules:\n  corporate-jargon: {severity: error}\n")
    write(tmp_path, "draft.txt", JARGON)
    _, data = run_json("draft.txt")
    assert data["findings"] == []
    _, data = run_json("--config", "strict.yaml", "draft.txt")
    assert {f["severity"] for f in data["findings"]} == {"error"}


def test_user_ruleset_by_path_and_ruleset_paths(
    run_json: Callable[..., tuple[int, dict[str, Any]]], tmp_path: Path
) -> None:
    write(
        tmp_path,
        "styles/house.yaml",
        "extends: general\nrules:\n  hype:\n"
        "    type: phrase\n    message: hype\n    phrases: [amazing]\n",
    )
    write(tmp_path, ".tonelint.yaml", "ruleset: house\nruleset_paths: [styles]\n")
    write(tmp_path, "draft.txt", "An amazing day. Who's coming?\n")
    _, data = run_json("draft.txt")
    assert [f["rule"] for f in data["findings"]] == ["hype"]
    _, data = run_json("--ruleset", "styles/house.yaml", "draft.txt")
    assert [f["rule"] for f in data["findings"]] == ["hype"]


def test_front_matter_ruleset(
    run_json: Callable[..., tuple[int, dict[str, Any]]], tmp_path: Path
) -> None:
    write(tmp_path, "quiet.yaml", "extends: general\nrules:\n  corporate-jargon: off\n")
    write(tmp_path, "post.md", "---\nruleset: ./quiet.yaml\n---\n" + JARGON)
    code, data = run_json("post.md")
    assert (code, data) == (0, {"findings": [], "errors": []})


def test_config_errors(run: Callable[..., Result], tmp_path: Path) -> None:
    write(tmp_path, ".tonelint.yaml", "platfrom: x\n")
    write(tmp_path, "draft.txt", JARGON)
    result = run("draft.txt")
    assert result.exit_code == 2
    assert (
        ".tonelint.yaml:1: error: unknown config key 'platfrom'; did you mean 'platform'?"
        in result.stderr
    )
    write(tmp_path, ".tonelint.yaml", "rules:\n  corporate-jargn: off\n")
    result = run("draft.txt")
    assert "did you mean 'corporate-jargon'" in result.stderr
    assert result.exit_code == 2


def test_json_errors_list_config_problem(run: Callable[..., Result], tmp_path: Path) -> None:
    write(tmp_path, ".tonelint.yaml", "kind: tweet\n")
    write(tmp_path, "draft.txt", JARGON)
    result = run("--format", "json", "draft.txt")
    data = json.loads(result.stdout)
    assert result.exit_code == 2
    assert data["errors"][0]["line"] == 1
    assert "'kind' must be one of" in data["errors"][0]["message"]
