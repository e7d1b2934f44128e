"""The command line: output formats, exit codes, inputs, and bad input handled cleanly."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from tonelint import __version__

from .conftest import ROOT

JARGON = "We are leveraging our synergies. What do you think?\n"
CLEAN = "Thanks for coming to the open house! What should we bake next time?\n"


def write(directory: Path, name: str, content: str | bytes) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_text_output_and_exit_code(run: Callable[..., Result], tmp_path: Path) -> None:
    write(tmp_path, "draft.txt", JARGON)
    result = run("draft.txt")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "draft.txt:1:8: warning [corporate-jargon] 'leveraging' is corporate jargon; "
        "say what you mean in plain words"
    )
    assert lines[1] == "    suggestion: use"
    assert lines[-1] == "Found 2 problems (2 warnings) in 1 file."


def test_clean_file_exits_zero(run: Callable[..., Result], tmp_path: Path) -> None:
    write(tmp_path, "draft.txt", CLEAN)
    result = run("draft.txt")
    assert result.exit_code == 0
    assert result.stdout.strip() == "No problems found in 1 file."


def test_json_contract(run_json: Callable[..., tuple[int, dict[str, Any]]], tmp_path: Path) -> None:
    write(tmp_path, "draft.txt", JARGON)
    code, data = run_json("draft.txt", "missing.txt")
    assert code == 2
    assert set(data) == {"findings", "errors"}
    assert data["findings"][0] == {
        "path": "draft.txt",
        "line": 1,
        "column": 8,
        "end_line": 1,
        "end_column": 18,
        "rule": "corporate-jargon",
        "severity": "warning",
        "message": "'leveraging' is corporate jargon; say what you mean in plain words",
        "suggestion": "use",
    }
    assert data["findings"][1]["suggestion"] == "teamwork"
    assert data["errors"] == [
        {"path": "missing.txt", "line": None, "message": "no such file or directory"}
    ]


@pytest.mark.parametrize(("fail_on", "code"), [("error", 0), ("warning", 1), ("info", 1)])
def test_fail_on(run: Callable[..., Result], tmp_path: Path, fail_on: str, code: int) -> None:
    write(tmp_path, "draft.txt", JARGON)
    assert run("--fail-on", fail_on, "draft.txt").exit_code == code


def test_select_and_ignore(
    run_json: Callable[..., tuple[int, dict[str, Any]]], tmp_path: Path
) -> None:
    write(tmp_path, "draft.txt", JARGON)
    code, data = run_json("--ignore", "corporate-jargon", "draft.txt")
    assert (code, data["findings"]) == (0, [])
    code, data = run_json("--select", "too-long,corporate-jargon", "draft.txt")
    assert len(data["findings"]) == 2


def test_unknown_rule_in_select_suggests(run: Callable[..., Result], tmp_path: Path) -> None:
    write(tmp_path, "draft.txt", JARGON)
    result = run("--select", "corporate-jargn", "draft.txt")
    assert result.exit_code == 2
    assert "did you mean 'corporate-jargon'" in result.stderr
    assert "Traceback" not in result.output


def test_stdin(run: Callable[..., Result]) -> None:
    result = run("--format", "json", "-", input=JARGON)
    data = json.loads(result.stdout)
    assert result.exit_code == 1
    assert {f["path"] for f in data["findings"]} == {"<stdin>"}


def test_stdin_front_matter_sets_platform(run: Callable[..., Result]) -> None:
    text = "---\nplatform: x\n---\n" + "word " * 70
    result = run("-", input=text)
    assert "<stdin>:4:281: error [too-long]" in result.stdout


def test_markdown_positions_after_front_matter(run: Callable[..., Result], tmp_path: Path) -> None:
    write(tmp_path, "post.md", "---\ntitle: Hi\ntags: [a, b]\n---\n\nNo jargon.\nWe leverage it.\n")
    result = run("--select", "corporate-jargon", "post.md")
    assert result.stdout.startswith("post.md:7:4: warning [corporate-jargon] 'leverage'")


def test_markdown_code_and_comments_are_not_prose(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    content = (
        "Hello.\n\n```\nleverage synergy\n```\n\n<!-- leverage -->\n`synergy` [x](/leverage)\n"
    )
    write(tmp_path, "post.md", content)
    assert run("post.md").exit_code == 0


def test_front_matter_disable(run: Callable[..., Result], tmp_path: Path) -> None:
    write(tmp_path, "post.md", "---\ntonelint:\n  disable: [corporate-jargon]\n---\n" + JARGON)
    assert run("post.md").exit_code == 0


def test_crlf_and_bom_keep_positions(
    run_json: Callable[..., tuple[int, dict[str, Any]]], tmp_path: Path
) -> None:
    write(tmp_path, "draft.txt", b"\xef\xbb\xbfHello.\r\nWe leverage it.\r\n")
    _, data = run_json("--select", "corporate-jargon", "draft.txt")
    assert (data["findings"][0]["line"], data["findings"][0]["column"]) == (2, 4)


def test_directory_walk_with_include_and_exclude(
    run_json: Callable[..., tuple[int, dict[str, Any]]], tmp_path: Path
) -> None:
    write(tmp_path, "content/a.txt", JARGON)
    write(tmp_path, "content/b.md", JARGON)
    write(tmp_path, "content/notes.rst", JARGON)
    write(tmp_path, "content/old/c.txt", JARGON)
    write(tmp_path, "content/.hidden/d.txt", JARGON)
    _, data = run_json("content")
    assert sorted({f["path"] for f in data["findings"]}) == [
        os.path.join("content", "a.txt"),
        os.path.join("content", "b.md"),
        os.path.join("content", "old", "c.txt"),
    ]
    write(tmp_path, "content/.tonelint.yaml", "exclude: [old]\ninclude: ['*.txt']\n")
    _, data = run_json("content")
    assert sorted({f["path"] for f in data["findings"]}) == [os.path.join("content", "a.txt")]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bin.txt", b"\x00\x01binary", "bin.txt: error: binary file"),
        ("latin.txt", b"ok\ncaf\xe9\n", "latin.txt:2: error: not valid UTF-8"),
        ("empty.txt", b"", "empty.txt: error: file is empty"),
        ("blank.txt", b"  \n\n", "blank.txt: error: file is empty"),
        ("bad.md", b"---\nplatform: [x\n---\nhi\n", "bad.md:3: error: invalid YAML"),
        ("open.md", b"---\nplatform: x\nhi\n", "open.md:1: error: front matter starts with '---'"),
        ("plat.md", b"---\nplatform: tiktak\n---\nhi\n", "plat.md:2: error: unknown platform"),
    ],
)
def test_bad_input_is_one_line_and_others_still_linted(
    run: Callable[..., Result], tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    write(tmp_path, name, content)
    write(tmp_path, "good.txt", JARGON)
    result = run(name, "good.txt")
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert len(result.stderr.strip().splitlines()) == 1
    assert "good.txt:1:8: warning [corporate-jargon]" in result.stdout
    assert "Traceback" not in result.output


def test_missing_file_and_empty_directory(run: Callable[..., Result], tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run("nope.txt", "empty")
    assert result.exit_code == 2
    first, second = result.stderr.splitlines()
    assert first == "nope.txt: error: no such file or directory"
    assert second.startswith("empty: error: no files matching *.txt, *.md, *.profile.yaml")


def test_no_paths_is_usage_error(run: Callable[..., Result]) -> None:
    result = run()
    assert result.exit_code == 2
    assert "no paths given" in result.stderr


def test_unknown_format_is_usage_error(run: Callable[..., Result], tmp_path: Path) -> None:
    write(tmp_path, "draft.txt", JARGON)
    result = run("--format", "xml", "draft.txt")
    assert result.exit_code == 2
    assert "Invalid value for '-f' / '--format'" in result.stderr


def test_file_too_large(run: Callable[..., Result], tmp_path: Path) -> None:
    write(tmp_path, ".tonelint.yaml", "max_file_size: 100\n")
    write(tmp_path, "big.txt", "word " * 50)
    result = run("big.txt")
    assert result.exit_code == 2
    assert "big.txt: error: file is too large (250 bytes; the limit is 100" in result.stderr


def test_list_rules_and_explain(run: Callable[..., Result]) -> None:
    listed = run("--list-rules")
    assert listed.exit_code == 0
    assert "corporate-jargon" in listed.stdout and "too-long" in listed.stdout
    explained = run("--explain", "corporate-jargon")
    assert explained.exit_code == 0
    for part in ("Source:", "Options", "phrases:", "Fails:", "Passes:", "ignore_inside"):
        assert part in explained.stdout
    unknown = run("--explain", "corporate-jargn")
    assert unknown.exit_code == 2
    assert "did you mean 'corporate-jargon'" in unknown.stderr


def test_version(run: Callable[..., Result]) -> None:
    assert run("--version").stdout.strip() == f"tonelint, version {__version__}"


def test_unknown_platform_option(run: Callable[..., Result], tmp_path: Path) -> None:
    write(tmp_path, "draft.txt", JARGON)
    result = run("--platform", "twiter", "draft.txt")
    assert result.exit_code == 2
    assert "did you mean 'twitter'" in result.stderr


@pytest.mark.parametrize("command", [["tonelint"], [sys.executable, "-m", "tonelint"]])
def test_installed_entry_points(tmp_path: Path, command: list[str]) -> None:
    if command[0] == "tonelint":
        exe = shutil.which("tonelint", path=str(Path(sys.executable).parent))
        if exe is None:
            pytest.skip("console script not installed next to this interpreter")
        command = [exe]
    draft = write(tmp_path, "draft.txt", JARGON)
    proc = subprocess.run(
        [*command, "--format", "json", str(draft)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout)["findings"][0]["rule"] == "corporate-jargon"


def test_shipped_example_runs(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "tonelint", "examples/drafts"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert proc.returncode == 1
    assert "[corporate-jargon]" in proc.stdout and "[too-long]" in proc.stdout
